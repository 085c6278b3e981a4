// The demo council's voice: synthetic statements, replies and alerts (demo_voice.cpp).
#pragma once

#include <string>

#include "store/store.hpp"
#include "voice/config.hpp"
#include "voice/keyring.hpp"

namespace hearth::cli {

// Adds them once (nothing when the council has statements already, or the demo users are missing).
void add_demo_voice(store::Store& st, const voice::Keyring& keys, const voice::VoiceConfig& config,
                    const std::string& la);

}  // namespace hearth::cli
