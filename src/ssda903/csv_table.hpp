// Reading one CSV table once its header has said which table it is: the header cells mapped to
// the table's columns, then each data row checked (blank, cut short by an unterminated quote,
// the wrong number of cells) and handed over in the table's column order. The 903 reader and the
// local-record reader share this, so both treat a malformed file the same way.
#pragma once

#include <deque>
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
  std::string file;                // as the user named it
  std::string table;               // the table's name, for findings
  std::vector<std::string> names;  // the table's column names, in its order
  std::vector<int> position;       // column (table order) -> cell in the file, -1 when absent
  std::size_t width = 0;           // header cells, trailing blanks dropped
  int child = -1;                  // the cell holding the child's id, -1 when none
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

// What every reader does to a cell before reading it: spaces and tabs are trimmed from both ends,
// and bytes that are not UTF-8 are replaced by U+FFFD, so that every finding, report and reply
// made from the cell is valid text. Both are reported (cleaned_findings), one query per cell, so
// the council can correct its extract; the cell is read as cleaned.
class CellCleaner {
 public:
  struct Cleaned {
    std::string_view text;  // trimmed and valid UTF-8; valid until next_row()
    bool trimmed = false;
    bool replaced = false;
  };
  void next_row() { used_ = 0; }
  Cleaned clean(std::string_view raw) {
    Cleaned c{trim(raw)};
    c.trimmed = c.text.size() != raw.size();
    if (!model::is_utf8(c.text)) {
      if (used_ == scratch_.size()) scratch_.emplace_back();
      std::string& s = scratch_[used_++];  // a deque: growing it never moves the strings
      s = model::to_utf8(c.text);
      c.text = s;
      c.replaced = true;
    }
    return c;
  }

 private:
  std::deque<std::string> scratch_;
  std::size_t used_ = 0;
};

// The query findings for one cleaned cell: "ingest.spaces-trimmed" (the value had spaces or tabs
// before or after it) and "ingest.not-utf8" (bytes that are not UTF-8 were replaced).
inline void cleaned_findings(std::vector<model::Finding>& out, const std::string& file,
                             const std::string& table, std::int64_t row, const std::string& column,
                             std::string_view child, std::string_view raw,
                             const CellCleaner::Cleaned& c) {
  auto make = [&](std::string rule) {
    model::Finding f;
    f.rule = std::move(rule);
    f.severity = model::Severity::Query;
    f.file = file;
    f.table = table;
    f.row = row;
    f.column = column;
    f.child = std::string(child);
    return f;
  };
  if (c.replaced) {
    model::Finding f = make("ingest.not-utf8");
    f.value = std::string(c.text);
    f.message = column + " has bytes that are not UTF-8 (for example a Latin-1 letter such as " +
                "\xC3\x89 saved as one byte); they were replaced by \xEF\xBF\xBD and the cell "
                "read as '" +
                f.value + "'";
    f.expected = "text encoded as UTF-8";
    f.how_to_fix =
        "Export the file as UTF-8 (in Excel: Save As, CSV UTF-8) and check the names and "
        "postcodes in this cell.";
    out.push_back(std::move(f));
  }
  if (c.trimmed) {
    model::Finding f = make("ingest.spaces-trimmed");
    f.value = model::to_utf8(raw);
    f.message = column + " '" + f.value +
                "' has spaces or tabs before or after it; Hearth read it as '" +
                std::string(c.text) + "'";
    f.expected = "the value without spaces before or after it";
    f.how_to_fix =
        "Remove the spaces in the case-management system or its export: the DfE's tools keep "
        "them, so ' 1067184 ' is another child to them and ' 29/05/2004' not a date.";
    out.push_back(std::move(f));
  }
}

// The query findings "ingest.date-format" for the row's date cells that are read as dates but are
// not written as the DfE's dd/mm/yyyy (ISO 2025-04-01): Hearth reads them, the DfE's tools do not.
void date_form_findings(std::vector<model::Finding>& out, TableKind kind,
                        std::span<const std::string_view> cells, const std::string& file,
                        std::int64_t row);

// Maps the header (already normalised to the columns' case) to `columns` (anything with a
// .name); a header cell naming no column is a warning and is ignored.
template <class Column>
CsvTable map_columns(const std::string& file, std::string table,
                     const std::vector<std::string>& header, std::span<const Column> columns,
                     std::size_t child_column, ReadReport& report) {
  CsvTable t{file, std::move(table), {}, std::vector<int>(columns.size(), -1), header.size(), -1};
  for (const auto& c : columns) t.names.emplace_back(c.name);
  for (std::size_t i = 0; i < header.size(); ++i) {
    bool known = false;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (header[i] == columns[c].name) {
        if (t.position[c] < 0) t.position[c] = static_cast<int>(i);
        known = true;
      }
    }
    if (!known) {
      const std::string name = model::to_utf8(header[i]);
      model::Finding f = file_finding(
          file, "ingest.extra-column",
          "Column '" + name + "' is not a column of the " + t.table + " table and was ignored",
          "only the table's documented columns",
          "Nothing is lost; remove the column to silence this warning.");
      f.severity = model::Severity::Warning;
      f.table = t.table;
      f.row = 1;
      f.column = name;
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
  std::vector<std::string_view> fields, raw;
  std::vector<CellCleaner::Cleaned> cleaned;
  CellCleaner cleaner;
  std::vector<std::string_view> cells(t.position.size());
  auto child_of = [&]() {
    return t.child >= 0 && static_cast<std::size_t>(t.child) < fields.size()
               ? std::string(fields[static_cast<std::size_t>(t.child)])
               : std::string();
  };
  while (csv.next(fields)) {
    // Clean every cell once (trimmed, valid UTF-8); a row of blanks is skipped.
    cleaner.next_row();
    raw.assign(fields.begin(), fields.end());
    cleaned.resize(fields.size());
    bool blank = true;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      cleaned[i] = cleaner.clean(fields[i]);
      fields[i] = cleaned[i].text;
      blank = blank && fields[i].empty();
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
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (t.position[c] < 0) continue;
      const auto p = static_cast<std::size_t>(t.position[c]);
      if (cleaned[p].trimmed || cleaned[p].replaced)
        cleaned_findings(report.findings, t.file, t.table, row, t.names[c], child_of(), raw[p],
                         cleaned[p]);
    }
    if (!take(row, std::span<const std::string_view>(cells))) ++fr.rejected;
  }
  report.rows += fr.rows;
  report.rejected += fr.rejected;
}

}  // namespace hearth::ssda903
