// The SSDA903 tables as data: for each table its name, canonical file name, and its columns in
// the DfE's order, each column knowing how to read its text into the typed model and write it
// back. The CSV reader, the XML reader and the writer all work from these descriptions, so a
// column is described once.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/journey.hpp"

namespace hearth::ssda903 {

using TableKind = model::Table;
inline constexpr std::size_t kTableCount = model::kTableCount;

// Why a cell could not be read.
struct CellProblem {
  std::string rule;      // "ingest.bad-date", "ingest.unknown-code", "ingest.missing-value", ...
  std::string expected;  // what a good value looks like
  std::string how_to_fix;
};

struct ColumnInfo {
  std::string_view name;  // 903 column name, e.g. "DECOM"
  bool required;          // a row without it cannot be placed in a child's journey
  std::string_view kind;  // "text", "date", "code", "flag", "number" (for docs and messages)
};

struct TableInfo {
  TableKind kind;
  std::string_view name;       // DfE table name: "Header", "Episodes", ...
  std::string_view file_name;  // what Hearth writes: "header.csv", "episodes.csv", ...
  std::span<const ColumnInfo> columns;
  int first_year;  // first collection year the table is returned (DoLo: 2027)
};

std::span<const TableInfo> all_tables();
const TableInfo& table_info(TableKind kind);
std::optional<TableKind> table_by_name(std::string_view name);  // case-insensitive DfE name

// Reads one row of `kind` from its cells (in the table's canonical column order; a missing
// column is an empty view) and appends it to `ret`. On a problem nothing is appended and the
// problems are returned with their column index.
struct RowProblem {
  std::size_t column;
  std::string value;
  CellProblem problem;
};
void read_row(TableKind kind, std::span<const std::string_view> cells, model::Return& ret,
              std::vector<RowProblem>& problems);

// Makes room for n more rows of `kind` (the reader counts lines first).
void reserve_rows(TableKind kind, model::Return& ret, std::size_t n);

// Number of rows of `kind` in `ret`, and the CHILD of row i (for messages).
std::size_t row_count(TableKind kind, const model::Return& ret);

// Writes row i of `kind` as canonical text cells (codes upper case; dates dd/mm/yyyy for the
// 903, ISO for the store). An empty cell means no value.
enum class DateStyle : std::uint8_t { Dmy, Iso };
void write_row(TableKind kind, const model::Return& ret, std::size_t i,
               std::vector<std::string>& cells, DateStyle style = DateStyle::Dmy);

}  // namespace hearth::ssda903
