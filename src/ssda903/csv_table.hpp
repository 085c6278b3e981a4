// Reading one CSV table once its header has said which table it is: the header cells mapped to
// the table's columns, then each data row checked (blank, cut short by an unterminated quote,
// the wrong number of cells) and handed over in the table's column order. The 903 reader and the
// local-record reader share this, so both treat a malformed file the same way.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "model/finding.hpp"
#include "ssda903/csv.hpp"
#include "ssda903/reader.hpp"

namespace hearth::ssda903 {

// A finding about a whole file (or one of its rows, when row is set after).
inline model::Finding file_finding(const std::string& file, std::string rule, std::string message,
                                   std::string expected, std::string how_to_fix) {
  model::Finding f;
  f.rule = std::move(rule);
  f.file = file;
  f.message = std::move(message);
  f.expected = std::move(expected);
  f.how_to_fix = std::move(how_to_fix);
  return f;
}

struct CsvTable {
  std::string file;           // as the user named it
  std::string table;          // the table's name, for findings
  std::vector<int> position;  // column (table order) -> cell in the file, -1 when absent
  std::size_t width = 0;      // header cells, trailing blanks dropped
  int child = -1;             // the cell holding the child's id, -1 when none
};

// The finding for a cell that could not be read: "DECOM '31/02/2025' is not a valid date".
inline model::Finding cell_finding(const std::string& file, const std::string& table,
                                   std::int64_t row, std::string column, std::string child,
                                   RowProblem&& p) {
  const std::string& rule = p.problem.rule;
  std::string message = column + " '" + p.value + "' ";
  if (rule == "ingest.missing-value")
    message = column + " is empty";
  else if (rule == "ingest.bad-date")
    message += "is not a valid date";
  else if (rule == "ingest.unknown-code")
    message += "is not a known code";
  else if (rule == "ingest.bad-flag")
    message += "is not " + p.problem.expected;
  else if (rule == "ingest.bad-number")
    message += "is not a number in range";
  else
    message += "cannot be read";
  model::Finding f;
  f.rule = rule;
  f.file = file;
  f.table = table;
  f.row = row;
  f.column = std::move(column);
  f.value = std::move(p.value);
  f.child = std::move(child);
  f.message = std::move(message);
  f.expected = std::move(p.problem.expected);
  f.how_to_fix = std::move(p.problem.how_to_fix);
  return f;
}

// Maps the header (already normalised to the columns' case) to `columns` (anything with a
// .name); a header cell naming no column is a warning and is ignored.
template <class Column>
CsvTable map_columns(const std::string& file, std::string table,
                     const std::vector<std::string>& header, std::span<const Column> columns,
                     std::size_t child_column, ReadReport& report) {
  CsvTable t{file, std::move(table), std::vector<int>(columns.size(), -1), header.size(), -1};
  for (std::size_t i = 0; i < header.size(); ++i) {
    bool known = false;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (header[i] == columns[c].name) {
        if (t.position[c] < 0) t.position[c] = static_cast<int>(i);
        known = true;
      }
    }
    if (!known) {
      model::Finding f = file_finding(
          file, "ingest.extra-column",
          "Column '" + header[i] + "' is not a column of the " + t.table + " table and was ignored",
          "only the table's documented columns",
          "Nothing is lost; remove the column to silence this warning.");
      f.severity = model::Severity::Warning;
      f.table = t.table;
      f.row = 1;
      f.column = header[i];
      report.findings.push_back(std::move(f));
    }
  }
  if (child_column < columns.size()) t.child = t.position[child_column];
  return t;
}

// Reads the rows after the header. take(row, cells) gets each well-formed row's cells in the
// table's column order (absent columns empty) and returns false when it rejected the row
// (having recorded why). Counts go into `fr` and `report`.
template <class Take>
void read_csv_rows(CsvReader& csv, const CsvTable& t, ReadReport& report, FileRead& fr,
                   Take&& take) {
  std::vector<std::string_view> fields;
  std::vector<std::string_view> cells(t.position.size());
  auto child_of = [&]() {
    return t.child >= 0 && static_cast<std::size_t>(t.child) < fields.size()
               ? std::string(fields[static_cast<std::size_t>(t.child)])
               : std::string();
  };
  while (csv.next(fields)) {
    // Trim every cell once; a row of blanks is skipped.
    bool blank = true;
    for (auto& f : fields) {
      f = trim(f);
      blank = blank && f.empty();
    }
    if (blank) continue;
    const std::int64_t row = csv.line();
    ++fr.rows;
    if (csv.unterminated_quote()) {
      model::Finding f =
          file_finding(t.file, "ingest.unterminated-quote",
                       "A quoted cell starting on this row is never closed, so "
                       "the rest of the file from this line on cannot be read",
                       "a closing quote (\")", "Check the row for a stray quote mark.");
      f.table = t.table;
      f.row = row;
      report.findings.push_back(std::move(f));
      ++fr.rejected;
      continue;
    }
    // Trailing empty cells beyond the header are tolerated; anything else must line up.
    std::size_t used = fields.size();
    while (used > t.width && fields[used - 1].empty()) --used;
    if (used != t.width) {
      model::Finding f = file_finding(
          t.file, "ingest.field-count",
          "This row has " + std::to_string(used) + " cells but the header has " +
              std::to_string(t.width),
          std::to_string(t.width) + " cells",
          "A comma inside a cell must be quoted; check the row for a missing or extra comma.");
      f.table = t.table;
      f.row = row;
      f.child = child_of();
      report.findings.push_back(std::move(f));
      ++fr.rejected;
      continue;
    }
    for (std::size_t c = 0; c < cells.size(); ++c)
      cells[c] =
          t.position[c] >= 0 ? fields[static_cast<std::size_t>(t.position[c])] : std::string_view{};
    if (!take(row, std::span<const std::string_view>(cells))) ++fr.rejected;
  }
  report.rows += fr.rows;
  report.rejected += fr.rejected;
}

}  // namespace hearth::ssda903
