// Loading statements made in another app (docs/voice.md, "Statements from another app"): every
// statements CSV in a file or folder is read, every bad value is a finding, and the statements
// are sealed and stored in one transaction — a reload updates those loaded before (by app and
// the app's own id) instead of doubling them — or nothing changes.
#pragma once

#include <filesystem>
#include <string>

#include "ingest/import.hpp"
#include "local/statements_csv.hpp"
#include "store/store.hpp"
#include "voice/keyring.hpp"

namespace hearth::services {

// True when `path` is a CSV file, or a folder holding a CSV file, with a statements header.
bool is_statements_source(const std::filesystem::path& path);

struct StatementImportOutcome {
  ingest::ImportStatus status = ingest::ImportStatus::Invalid;
  local::StatementsRead read;
  std::size_t added = 0;    // new statements
  std::size_t updated = 0;  // loaded before, now as the file has them
  std::string problem;
  bool usage_problem = false;
};

StatementImportOutcome import_statements(store::Store& store, const voice::Keyring& keys,
                                         const ingest::ImportOptions& options);

}  // namespace hearth::services
