// One configuration file for a whole installation (docs/operations.md): besides the council's
// sections (timescales, scorecard, imports, voice, alerts, mail, local_offer), [store] url,
// [serve] (every `hearth serve` flag) and [paths] (the folders and programs Hearth finds by an
// environment variable). Read from --config, else $HEARTH_CONFIG, else /etc/hearth/hearth.toml
// when it exists. A flag wins over the environment, and both over the file.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "cli/commands.hpp"

namespace hearth::auth {
class OidcClient;
}

namespace hearth::cli {

// The file to read when neither --config nor $HEARTH_CONFIG names one ("" when it is absent).
std::string default_config_path();

// Applies the file's [store], [serve] and [paths] to what the command line left unset: `g`'s
// store (unless --store or $HEARTH_STORE), `serve`'s options (each unless its flag was given),
// and the environment variables of [paths] (unless already set). Throws UsageError naming the
// file, line and key of an unknown section or key, or a value of the wrong type.
void apply_settings(const std::filesystem::path& file, const CLI::App& app, Global& g,
                    const CLI::App& serve_cmd, ServeArgs& serve);

// Single sign-on from the configuration file's [sso] (docs/sso.md): a client for the provider, or
// nothing when [sso] names no issuer. The provider is asked for its keys in the background, and
// the log says whether it answered. Throws UsageError for a setting that will not do.
std::shared_ptr<auth::OidcClient> sso_client(const Global& g);

}  // namespace hearth::cli
