#include "ssda903/reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "model/dates.hpp"
#include "ssda903/csv.hpp"
#include "ssda903/csv_table.hpp"

namespace hearth::ssda903 {

using model::Finding;
using model::Severity;

namespace {

std::string upper(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return r;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

// Turns one row's cells into a record, recording findings. Returns true when it was taken.
bool take_row(TableKind kind, std::span<const std::string_view> cells, const std::string& file,
              std::int64_t row, model::Return& out, ReadReport& report,
              std::vector<RowProblem>& problems) {
  problems.clear();
  read_row(kind, cells, out, problems);
  date_form_findings(report.findings, kind, cells, file, row);
  if (problems.empty()) return true;
  const TableInfo& info = table_info(kind);
  const std::string table(info.name);
  for (RowProblem& p : problems)
    report.findings.push_back(
        cell_finding(file, table, row, std::string(info.columns[p.column].name),
                     cells.empty() ? std::string() : std::string(cells[0]), std::move(p)));
  return false;
}

}  // namespace

void date_form_findings(std::vector<model::Finding>& out, TableKind kind,
                        std::span<const std::string_view> cells, const std::string& file,
                        std::int64_t row) {
  const TableInfo& info = table_info(kind);
  for (std::size_t c = 0; c < info.columns.size() && c < cells.size(); ++c) {
    if (info.columns[c].kind != "date" || cells[c].empty()) continue;
    if (model::parse_dmy(cells[c]) || !model::parse_date(cells[c])) continue;
    const std::string column(info.columns[c].name);
    Finding f;
    f.rule = "ingest.date-format";
    f.severity = Severity::Query;
    f.file = file;
    f.table = std::string(info.name);
    f.row = row;
    f.column = column;
    f.value = std::string(cells[c]);
    f.child = std::string(cells.empty() ? std::string_view{} : cells[0]);
    f.message = column + " '" + f.value +
                "' is not written as the DfE's dd/mm/yyyy; Hearth read it as " +
                model::format_dmy(*model::parse_date(cells[c]));
    f.expected = "a date written dd/mm/yyyy, e.g. 01/04/2025";
    f.how_to_fix =
        "Export dates as dd/mm/yyyy: the DfE's own checks read a date written any other way as "
        "no date at all.";
    out.push_back(std::move(f));
  }
}

bool ReadReport::file_problems() const {
  static constexpr std::string_view kWholeFile[] = {
      "ingest.unknown-table",     "ingest.duplicate-table", "ingest.empty-file",
      "ingest.unreadable",        "ingest.bad-xml",         "ingest.mixed-formats",
      "ingest.no-files",          "ingest.no-header-table", "ingest.no-such-folder",
      "ingest.unterminated-quote"};
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
    return f.severity == Severity::Error &&
           std::find(std::begin(kWholeFile), std::end(kWholeFile), f.rule) != std::end(kWholeFile);
  });
}

bool ReadReport::blocking() const {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::Error; });
}

std::optional<TableKind> identify_table(const std::vector<std::string>& columns, std::string& why) {
  const TableInfo* complete = nullptr;  // the largest table whose columns are all present
  const TableInfo* nearest = nullptr;   // otherwise the one with most columns present
  std::size_t nearest_present = 0;
  std::vector<std::string> nearest_missing;
  for (const TableInfo& t : all_tables()) {
    std::size_t present = 0;
    std::vector<std::string> missing;
    for (const ColumnInfo& c : t.columns) {
      if (std::find(columns.begin(), columns.end(), c.name) != columns.end())
        ++present;
      else
        missing.emplace_back(c.name);
    }
    if (missing.empty()) {
      if (!complete || t.columns.size() > complete->columns.size()) complete = &t;
    } else if (present > nearest_present) {
      nearest = &t;
      nearest_present = present;
      nearest_missing = std::move(missing);
    }
  }
  if (complete) return complete->kind;
  if (nearest && nearest_present >= 2) {
    why = "the columns look most like the " + std::string(nearest->name) +
          " table, which also needs " + join(nearest_missing, ", ");
  } else {
    why = "the columns (" + join(columns, ", ") + ") do not match any SSDA903 table";
  }
  return std::nullopt;
}

void read_csv(const std::string& file_name, std::string_view content, model::Return& out,
              ReadReport& report) {
  report.bytes += content.size();
  FileRead fr{file_name, std::nullopt, 0, 0};
  CsvReader csv(content);
  std::vector<std::string_view> fields;
  if (!csv.next(fields)) {
    report.findings.push_back(file_finding(
        file_name, "ingest.empty-file", "The file is empty", "a header row of 903 column names",
        "Export the table again from the case-management system."));
    report.files.push_back(fr);
    return;
  }
  std::vector<std::string> columns;
  for (auto f : fields) columns.push_back(upper(model::to_utf8(trim(f))));
  while (!columns.empty() && columns.back().empty()) columns.pop_back();  // trailing blanks

  std::string why;
  auto kind = identify_table(columns, why);
  if (!kind) {
    report.findings.push_back(file_finding(
        file_name, "ingest.unknown-table", "This file is not an SSDA903 table: " + why,
        "a CSV file whose first row names the columns of one 903 table",
        "Check that this is a 903 file, and that its first row holds the DfE's column names."));
    report.files.push_back(fr);
    return;
  }
  fr.table = kind;
  for (const FileRead& other : report.files) {
    if (other.table == kind) {
      report.findings.push_back(file_finding(file_name, "ingest.duplicate-table",
                                             "This file and " + other.file + " are both the " +
                                                 std::string(table_info(*kind).name) + " table",
                                             "one file per 903 table",
                                             "Remove one of the two files from the folder."));
      report.files.push_back(fr);
      return;
    }
  }
  if (report.observer) report.observer->table(*kind, file_name);
  const TableInfo& info = table_info(*kind);
  CsvTable table = map_columns(file_name, std::string(info.name), columns, info.columns, 0, report);
  const auto lines = static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n'));
  reserve_rows(*kind, out, lines);
  if (report.observer) report.observer->expect(*kind, lines, content.size());
  std::vector<RowProblem> problems;
  read_csv_rows(csv, table, report, fr,
                [&](std::int64_t row, std::span<const std::string_view> cells) {
                  if (report.observer) report.observer->row(*kind, row, cells);
                  return take_row(*kind, cells, file_name, row, out, report, problems);
                });
  report.files.push_back(fr);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot open " + path.string() + ": " + std::strerror(errno));
  std::string data;
  f.seekg(0, std::ios::end);
  auto size = f.tellg();
  if (size < 0) throw std::runtime_error("cannot read " + path.string());
  data.resize(static_cast<std::size_t>(size));
  f.seekg(0);
  f.read(data.data(), size);
  if (!f) throw std::runtime_error("cannot read " + path.string());
  return data;
}

model::Return read_folder(const std::filesystem::path& folder, model::CollectionYear year,
                          const std::string& la, ReadReport& report) {
  model::Return ret;
  ret.year = year;
  ret.la = la;
  namespace fs = std::filesystem;
  std::vector<fs::path> csvs, xmls;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    if (fs::is_regular_file(folder, ec)) {
      std::string ext = upper(folder.extension().string());
      (ext == ".XML" ? xmls : csvs).push_back(folder);
    } else {
      report.findings.push_back(file_finding(model::to_utf8(folder.string()),
                                             "ingest.no-such-folder",
                                             "There is no file or folder here",
                                             "a folder of 903 "
                                             "CSV files or one 903 XML file",
                                             "Check the path."));
      return ret;
    }
  } else {
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (!entry.is_regular_file()) continue;
      std::string ext = upper(entry.path().extension().string());
      if (ext == ".CSV") csvs.push_back(entry.path());
      if (ext == ".XML") xmls.push_back(entry.path());
    }
  }
  std::sort(csvs.begin(), csvs.end());
  std::sort(xmls.begin(), xmls.end());
  if (!csvs.empty() && !xmls.empty()) {
    report.findings.push_back(file_finding(model::to_utf8(folder.string()), "ingest.mixed-formats",
                                           "The folder holds both CSV and XML files",
                                           "either CSV files (one per table) or one XML file",
                                           "Keep one form of the return only."));
    return ret;
  }
  if (csvs.empty() && xmls.empty()) {
    report.findings.push_back(file_finding(
        model::to_utf8(folder.string()), "ingest.no-files", "No .csv or .xml files were found",
        "the 903 return as CSV or XML", "Check that the folder is the right one."));
    return ret;
  }
  for (const auto& p : csvs.empty() ? xmls : csvs) {
    const std::string name = model::to_utf8(p.filename().string());  // shown in findings
    std::string content;
    try {
      content = read_file(p);
    } catch (const std::exception& e) {
      report.findings.push_back(file_finding(name, "ingest.unreadable", model::to_utf8(e.what()),
                                             "a readable file", "Check the file's permissions."));
      continue;
    }
    if (csvs.empty())
      read_xml(name, content, ret, report);
    else
      read_csv(name, content, ret, report);
  }
  if (std::none_of(report.files.begin(), report.files.end(),
                   [](const FileRead& f) { return f.table == TableKind::Header; }) &&
      csvs.size() > 0) {
    report.findings.push_back(file_finding(
        model::to_utf8(folder.string()), "ingest.no-header-table", "The folder has no Header table",
        "a Header file (CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB)",
        "Add the Header file: every other table is joined to it by CHILD."));
  }
  return ret;
}

std::optional<model::CollectionYear> year_from_folder_name(const std::filesystem::path& folder) {
  auto name = folder.filename().string();
  if (name.empty()) name = folder.parent_path().filename().string();
  return model::CollectionYear::parse(name);
}

std::optional<model::CollectionYear> year_from_data(const model::Return& ret) {
  std::optional<model::Date> latest;
  auto see = [&](model::Date d) {
    if (!latest || d > *latest) latest = d;
  };
  for (const auto& e : ret.episodes) {
    see(e.decom);
    if (e.dec) see(*e.dec);
  }
  for (const auto& r : ret.reviews) see(r.review);
  if (!latest) return std::nullopt;
  return model::CollectionYear::containing(*latest);
}

ReturnPair read_with_previous(const std::filesystem::path& current,
                              const std::optional<std::filesystem::path>& previous,
                              model::CollectionYear year, const std::string& la, ReadReport& report,
                              RowObserver* previous_observer) {
  ReturnPair pair;
  pair.current = read_folder(current, year, la, report);
  if (previous) {
    ReadReport prev_report;
    prev_report.observer = previous_observer;
    pair.previous =
        read_folder(*previous, model::CollectionYear{year.end_year - 1}, la, prev_report);
    for (auto& f : prev_report.findings) {
      f.file = "previous/" + f.file;
      report.findings.push_back(std::move(f));
    }
  }
  return pair;
}

}  // namespace hearth::ssda903
