// The local-record tables as data, like ssda903/tables.hpp: for each table its name, the
// Standard Safeguarding Dataset object it follows, its file name, and its columns, each knowing
// how to read its text into model::LocalRecords and write it back. Column names are the SSD's
// where the SSD has the item (e.g. clah_health_check_date); Hearth's additions keep the SSD's
// prefix style and are marked in docs/data-formats.md.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/local.hpp"
#include "ssda903/tables.hpp"

namespace hearth::local {

enum class LocalTable : std::uint8_t {
  Professionals,
  Allocations,
  HealthChecks,
  Immunisations,
  Sdq,
  Peps,
  PathwayPlans,
  CarePlans,
  Visits,
  Reviews,
  Missing,
  Contacts,
  CareLeaverStatus,
  StayingPut,
  People,
  AdvocacyRequests,
  AdvocacyAllocations,
  AdvocacyVisits,
};
inline constexpr std::size_t kLocalTableCount = 18;

struct LocalColumn {
  std::string_view name;  // lower case, e.g. "clah_health_check_date"
  bool required;          // a row without it cannot be used
  std::string_view kind;  // "id", "text", "date", "datetime", "yes/no", "code", "number", "choice"
  std::string_view meaning;  // one line for docs and messages
  bool ssd;                  // true when the SSD defines this column
};

struct LocalTableInfo {
  LocalTable kind;
  std::string_view name;        // Hearth's name and store table suffix: "health_checks"
  std::string_view ssd_object;  // "ssd_cla_health", or "" when the SSD has no such object
  std::string_view file_name;   // "health_checks.csv"
  std::string_view what;        // one line: what a row is
  std::span<const LocalColumn> columns;
};

std::span<const LocalTableInfo> all_local_tables();
const LocalTableInfo& local_table_info(LocalTable kind);
std::optional<LocalTable> local_table_by_name(std::string_view name);

// The table whose required columns are all among `columns` (lower-cased header cells), the one
// with most matching columns when several fit; nullopt when none does.
std::optional<LocalTable> identify_local_table(const std::vector<std::string>& columns);

// Reads one row (cells in the table's column order; an absent column is an empty view) and
// appends it to `out`; on a problem nothing is appended and the problems are returned.
void read_local_row(LocalTable kind, std::span<const std::string_view> cells,
                    model::LocalRecords& out, std::vector<ssda903::RowProblem>& problems);
std::size_t local_row_count(LocalTable kind, const model::LocalRecords& records);
// Row i as canonical text (dates ISO, yes/no as Y/N, choices as their first spelling).
void write_local_row(LocalTable kind, const model::LocalRecords& records, std::size_t i,
                     std::vector<std::string>& cells);
// The child a row belongs to ("" for professionals).
std::string_view local_row_child(LocalTable kind, const model::LocalRecords& records,
                                 std::size_t i);
void clear_local_table(LocalTable kind, model::LocalRecords& records);

}  // namespace hearth::local
