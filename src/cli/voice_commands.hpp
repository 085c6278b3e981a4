// The voice's commands: `hearth keys rotate`, `hearth alerts run` and `hearth alerts list`, and
// what `hearth serve` runs every few seconds (escalations and the mail outbox).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "model/dataset.hpp"
#include "model/instant.hpp"
#include "services/voice.hpp"
#include "store/store.hpp"
#include "voice/config.hpp"

namespace hearth::cli {

struct VoiceCli {
  CLI::App* keys_rotate = nullptr;
  bool keep_old = false;
  CLI::App* alerts_run = nullptr;
  CLI::App* alerts_list = nullptr;
  CLI::App* sar_export = nullptr;
  std::string child;  // `sar export --child`
  std::string out;    // `sar export --out`
  std::string now;    // ISO 8601 UTC, for `alerts run`
  std::string la;
  std::string format = "table";
};
void add_voice_cli(CLI::App& app, VoiceCli& v);
// The exit code of the voice command that was parsed, or nothing when none was.
std::optional<int> run_voice_cli(const Global& g, const VoiceCli& v);

// `hearth import` of another app's statements (services/statement_import.hpp).
int cmd_import_statements(const Global& g, const ImportArgs& a);

// [voice], [alerts], [mail] and [[local_offer]] of --config (defaults without one).
voice::VoiceConfig load_voice_settings(const Global& g);

// One pass of the voice's jobs at `now`: escalate the alerts past their deadline, then send the
// mail that is due. What was done, for the log ({} when nothing).
struct VoicePass {
  int escalated = 0;
  int sent = 0;
  int failed = 0;
};
VoicePass run_voice_pass(store::Store& st, const services::Voice& v, model::Instant now,
                         std::shared_ptr<const model::Dataset> data);

}  // namespace hearth::cli
