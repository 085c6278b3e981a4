#include "cli/backup_commands.hpp"

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "store/backup.hpp"
#include "store/store.hpp"

namespace hearth::cli {

namespace {

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

}  // namespace

void add_backup_cli(CLI::App& app, BackupCli& c) {
  c.backup = app.add_subcommand(
      "backup", "Back the store up to a file while it is in use (SQLite, or pg_dump)");
  c.backup->add_option("--out", c.out, "The backup file to write")->required();
  c.backup->add_option("--format", c.format, "table or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  c.restore = app.add_subcommand(
      "restore", "Restore a backup into a new store (--store), upgrading an older schema");
  c.restore->add_option("file", c.file, "A file `hearth backup` wrote")->required();
  c.restore->add_flag("--check", c.check,
                      "Only check the backup: what it is, and that it is whole");
}

std::optional<int> run_backup_cli(const Global& g, const BackupCli& c) {
  try {
    if (*c.backup) {
      const auto t = std::chrono::steady_clock::now();
      auto r = store::backup(g.store_url, c.out);
      if (c.format == "json") {
        std::cout << nlohmann::json{{"file", c.out},
                                    {"backend", r.backend},
                                    {"schema_version", r.schema_version},
                                    {"bytes", r.bytes},
                                    {"seconds", since(t)}}
                         .dump()
                  << '\n';
      } else {
        std::cout << "Backed up " << store::redact_url(g.store_url) << " (" << r.backend
                  << ", schema version " << r.schema_version << ") to " << c.out << ": "
                  << r.bytes / 1024 << " KiB in " << seconds(since(t)) << "\n";
      }
      return kExitOk;
    }
    if (*c.restore) {
      if (c.check) {
        auto info = store::inspect_backup(c.file);
        std::cout << c.file << ": a whole " << info.backend << " backup of schema version "
                  << info.schema_version << " (this Hearth uses " << store::kSchemaVersion
                  << (info.schema_version > store::kSchemaVersion ? "; it cannot restore it" : "")
                  << ")\n";
        return info.schema_version > store::kSchemaVersion ? kExitUsage : kExitOk;
      }
      const auto t = std::chrono::steady_clock::now();
      auto r = store::restore(c.file, g.store_url);
      std::cout << "Restored " << c.file << " (" << r.from.backend << ", schema version "
                << r.from.schema_version << ") into " << store::redact_url(g.store_url);
      if (!r.upgraded.empty())
        std::cout << ", then upgraded it to schema version " << r.upgraded.back();
      std::cout << " in " << seconds(since(t)) << ". Check it with `hearth audit verify`.\n";
      return kExitOk;
    }
  } catch (const store::BackupError& e) {
    throw UsageError(e.what());
  }
  return std::nullopt;
}

}  // namespace hearth::cli
