// Importing a council's SSDA903 files into the store: read every file into typed rows with
// findings, then either store the whole lot in one transaction or change nothing.
//
// Layouts understood (see docs/data-formats.md):
//   PATH/*.csv or PATH/*.xml or PATH (one XML file)   one collection year
//   PATH/<year>/*.csv                                  several years of one council
//   PATH/<la>/<year>/*.csv                             several councils (hearth synth --national)
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/journey.hpp"
#include "ssda903/reader.hpp"
#include "store/store.hpp"

namespace hearth::ingest {

struct ImportOptions {
  std::filesystem::path path;
  std::optional<model::CollectionYear>
      year;                           // for a single-year folder; else from its name or data
  std::optional<std::string> la;      // council code; needed unless the layout names it
  bool accept_with_findings = false;  // store the good rows even when some were rejected
  std::string user = "cli";
  std::string source_name;  // recorded as the import's source; empty: the path read
};

// One collection year found in the source.
struct YearRead {
  std::filesystem::path folder;
  model::Return ret;
  ssda903::ReadReport report;
  std::string year_source;  // "--year", "folder name" or "data"
  // The DfE rules run on the year as read (including rows the typed model rejected), compared
  // with the previous year when it is in the same import or already stored. Stored with the
  // import; rules that could not run are findings "validation.not-run" (warnings).
  std::vector<model::Finding> validation;
  std::size_t validation_rules_run = 0;
};

enum class ImportStatus {
  Imported,  // stored
  Blocked,   // findings stopped it; the store is unchanged
  Invalid,   // nothing importable (no files, no year, no council): the store is unchanged
};

struct ImportOutcome {
  ImportStatus status = ImportStatus::Invalid;
  std::vector<YearRead> years;
  std::vector<store::ImportRecord> records;
  std::string problem;         // for Invalid: what is missing
  bool usage_problem = false;  // the problem is in how the command was given (exit code 2)
  std::size_t rows() const;
  std::size_t rejected() const;
  std::vector<model::Finding> findings() const;  // what reading found, all years', in order
  // What an import stores with each year and reports: each year's reading findings then its
  // validation findings (DfE rules and rules not run), all years' in order. Replies that say
  // what was stored count these, not findings().
  std::vector<model::Finding> stored_findings() const;
};

// stage, done, total (total 0 when unknown)
using Progress = std::function<void(const std::string&, std::size_t, std::size_t)>;

// Reads the source without changing the store (which, when given, supplies previous years for
// the validation rules that compare years).
ImportOutcome read_source(const ImportOptions& options, const Progress& progress = {},
                          store::Store* store = nullptr);
// Reads and, unless blocked, stores. Exceptions only for system failures (database, I/O).
ImportOutcome run_import(store::Store& store, const ImportOptions& options,
                         const Progress& progress = {});
// Stores returns that were made in memory (hearth demo), one transaction.
std::vector<store::ImportRecord> store_returns(store::Store& store,
                                               const std::vector<model::Return>& returns,
                                               const std::string& source, const std::string& user);

}  // namespace hearth::ingest
