// Backups a council can restore (docs/operations.md): `hearth backup --out FILE` while the server
// serves, `hearth restore FILE` into a new store. SQLite: the online backup API, a consistent
// copy taken in one read transaction while writers go on (WAL), checked with SQLite's integrity
// check. PostgreSQL: pg_dump's custom format, checked with pg_restore --list. A restore refuses a
// backup from a newer schema than this Hearth knows, and upgrades an older one.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace hearth::store {

class BackupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BackupResult {
  std::string backend;       // "sqlite" or "postgresql"
  int schema_version = 0;    // of the store backed up
  std::uintmax_t bytes = 0;  // of the file written
};

// Writes a backup of the store at `url` to `out` (whole, or not at all: written beside it, then
// renamed into place). Throws BackupError saying what went wrong.
BackupResult backup(const std::string& url, const std::filesystem::path& out);

struct BackupInfo {
  std::string backend;  // "sqlite" or "postgresql"
  int schema_version = 0;
};
// What a backup file is, checked whole (SQLite's integrity check; pg_restore --list). Throws
// BackupError when it is not a Hearth backup or is damaged.
BackupInfo inspect_backup(const std::filesystem::path& file);

struct RestoreResult {
  BackupInfo from;
  std::vector<int> upgraded;  // the migrations applied after restoring an older backup
};
// Restores `file` into the store at `url`, which must be new (no file, or an empty database).
// Throws BackupError: a backup from a newer schema, one backend's backup into the other, a store
// that already holds data.
RestoreResult restore(const std::filesystem::path& file, const std::string& url);

}  // namespace hearth::store
