// `hearth backup --out FILE` (while the server serves) and `hearth restore FILE` into a new
// store (docs/operations.md, "Backups").
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/commands.hpp"

namespace hearth::cli {

struct BackupCli {
  CLI::App* backup = nullptr;
  CLI::App* restore = nullptr;
  bool check = false;
  std::string out, file, format = "table";
};
void add_backup_cli(CLI::App& app, BackupCli& c);
std::optional<int> run_backup_cli(const Global& g, const BackupCli& c);

}  // namespace hearth::cli
