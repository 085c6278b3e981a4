// Reading a council's SSDA903 files — CSV (one file per table, any file names) or the DfE's
// XML — into a typed model::Return. Every problem is a Finding; nothing here throws on bad data.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.hpp"
#include "model/journey.hpp"
#include "ssda903/tables.hpp"

namespace hearth::ssda903 {

struct FileRead {
  std::string file;                // as named by the user
  std::optional<TableKind> table;  // what it was recognised as (CSV); nullopt for XML / unknown
  std::size_t rows = 0;            // data rows read
  std::size_t rejected = 0;        // rows not taken because of an error finding
};

// Sees every data row as the text read, before it is typed: validation needs the rows the typed
// model rejects. table() is called once per table found (for XML, every table).
class RowObserver {
 public:
  virtual ~RowObserver() = default;
  virtual void table(TableKind kind, const std::string& file) = 0;
  virtual void row(TableKind kind, std::int64_t line, std::span<const std::string_view> cells) = 0;
  // Before the rows of a CSV table: about how many rows and bytes of text are coming.
  virtual void expect(TableKind /*kind*/, std::size_t /*rows*/, std::size_t /*bytes*/) {}
};

struct ReadReport {
  RowObserver* observer = nullptr;  // not owned; may be null
  std::vector<model::Finding> findings;
  std::vector<FileRead> files;
  std::size_t rows = 0;
  std::size_t rejected = 0;
  std::size_t bytes = 0;
  // Findings that stop the import unless the user accepts them: any rejected row, an unknown or
  // duplicated table, an unreadable file.
  bool blocking() const;
  // Errors about a whole file or folder (not a table, unreadable, duplicated, cut short). These
  // block an import even with --accept-with-findings: storing the year without that file would
  // silently replace the stored year's rows with nothing.
  bool file_problems() const;
};

// Recognises a CSV table by its set of column names (case and spaces ignored). Returns nullopt
// and, in `why`, what is closest and missing, when no table fits.
std::optional<TableKind> identify_table(const std::vector<std::string>& columns, std::string& why);

void read_csv(const std::string& file_name, std::string_view content, model::Return& out,
              ReadReport& report);
void read_xml(const std::string& file_name, std::string_view content, model::Return& out,
              ReadReport& report);

// Reads every .csv or every .xml file directly inside `folder` (a mix is refused, as is a
// folder with neither). `year` and `la` are set on the result.
model::Return read_folder(const std::filesystem::path& folder, model::CollectionYear year,
                          const std::string& la, ReadReport& report);

// Works out the collection year of a folder from its name ("2024-25", "2025", "lac2024_25").
std::optional<model::CollectionYear> year_from_folder_name(const std::filesystem::path& folder);
// Or from its data: the collection year holding the latest DECOM, DEC or REVIEW date.
std::optional<model::CollectionYear> year_from_data(const model::Return& ret);

// A collection year's return together with the previous year's, as the DfE's rules need.
struct ReturnPair {
  model::Return current;
  std::optional<model::Return> previous;
};
ReturnPair read_with_previous(const std::filesystem::path& current,
                              const std::optional<std::filesystem::path>& previous,
                              model::CollectionYear year, const std::string& la, ReadReport& report,
                              RowObserver* previous_observer = nullptr);

// Reads a whole file; throws std::runtime_error with the OS's reason when it cannot.
std::string read_file(const std::filesystem::path& path);

}  // namespace hearth::ssda903
