// Importing a council's local records (docs/data-formats.md, "Local records"): read every CSV
// in the folder as a local table, then store the tables present in one transaction — each
// replaces the council's previous rows of that table — or change nothing.
#pragma once

#include <filesystem>

#include "ingest/import.hpp"
#include "local/reader.hpp"

namespace hearth::ingest {

// True when `path` is a CSV file, or a folder of CSV files, whose headers are all local tables.
bool is_local_source(const std::filesystem::path& path);

struct LocalImportOutcome {
  ImportStatus status = ImportStatus::Invalid;
  local::LocalRead read;
  std::optional<store::ImportRecord> record;
  std::string problem;
  bool usage_problem = false;
};

LocalImportOutcome run_local_import(store::Store& store, const ImportOptions& options);

}  // namespace hearth::ingest
