#include "local/reader.hpp"

#include <algorithm>
#include <cctype>

#include "local/statements_csv.hpp"
#include "ssda903/csv.hpp"
#include "ssda903/csv_table.hpp"

namespace hearth::local {
namespace {

using model::Finding;
using model::Severity;
using ssda903::CsvReader;
using ssda903::file_finding;
using ssda903::trim;

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

std::vector<std::string> header_of(std::string_view content) {
  CsvReader csv(content);
  std::vector<std::string_view> fields;
  std::vector<std::string> columns;
  if (!csv.next(fields)) return columns;
  for (auto f : fields) {
    auto t = trim(f);
    if (columns.empty() && t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
    columns.push_back(lower(t));
  }
  while (!columns.empty() && columns.back().empty()) columns.pop_back();
  return columns;
}

std::vector<std::string> upper_header(std::string_view content) {
  auto columns = header_of(content);
  for (auto& c : columns)
    for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return columns;
}

}  // namespace

bool looks_local(std::string_view content) {
  return identify_local_table(header_of(content)).has_value();
}

bool read_local_csv(const std::string& file_name, std::string_view content, LocalRead& out) {
  auto columns = header_of(content);
  auto kind = identify_local_table(columns);
  if (!kind) return false;
  auto& report = out.report;
  report.bytes += content.size();
  ssda903::FileRead fr{file_name, std::nullopt, 0, 0};
  const LocalTableInfo& info = local_table_info(*kind);
  if (std::find(out.tables.begin(), out.tables.end(), *kind) != out.tables.end()) {
    report.findings.push_back(
        file_finding(file_name, "ingest.duplicate-table",
                     "A second file holds the " + std::string(info.name) + " table",
                     "one file per local table", "Remove one of the two files from the folder."));
    report.files.push_back(fr);
    return true;
  }
  out.tables.push_back(*kind);

  // The child's column, for messages.
  std::size_t child_column = info.columns.size();
  for (std::size_t c = 0; c < info.columns.size(); ++c)
    if (info.columns[c].name.ends_with("person_id")) child_column = c;
  ssda903::CsvTable table = ssda903::map_columns(file_name, std::string(info.name), columns,
                                                 info.columns, child_column, report);
  CsvReader csv(content);
  std::vector<std::string_view> header;
  csv.next(header);
  std::vector<ssda903::RowProblem> problems;
  ssda903::read_csv_rows(
      csv, table, report, fr, [&](std::int64_t row, std::span<const std::string_view> cells) {
        problems.clear();
        read_local_row(*kind, cells, out.records, problems);
        for (auto& p : problems)
          report.findings.push_back(ssda903::cell_finding(
              file_name, table.table, row, std::string(info.columns[p.column].name),
              child_column < cells.size() ? std::string(cells[child_column]) : std::string(),
              std::move(p)));
        return problems.empty();
      });
  report.files.push_back(fr);
  return true;
}

LocalRead read_local_folder(const std::filesystem::path& folder, const std::string& la) {
  namespace fs = std::filesystem;
  LocalRead out;
  out.records.la = la;
  std::vector<fs::path> csvs;
  std::error_code ec;
  if (fs::is_regular_file(folder, ec)) {
    csvs.push_back(folder);
  } else if (fs::is_directory(folder, ec)) {
    for (const auto& entry : fs::directory_iterator(folder, ec))
      if (entry.is_regular_file() && lower(entry.path().extension().string()) == ".csv")
        csvs.push_back(entry.path());
  } else {
    out.report.findings.push_back(
        file_finding(folder.string(), "ingest.no-such-folder", "There is no file or folder here",
                     "a folder of local-record CSV files", "Check the path."));
    return out;
  }
  std::sort(csvs.begin(), csvs.end());
  if (csvs.empty()) {
    out.report.findings.push_back(file_finding(folder.string(), "ingest.no-files",
                                               "No .csv files were found", "local-record CSV files",
                                               "Check that the folder is the right one."));
    return out;
  }
  for (const auto& p : csvs) {
    std::string content;
    try {
      content = ssda903::read_file(p);
    } catch (const std::exception& e) {
      out.report.findings.push_back(file_finding(p.filename().string(), "ingest.unreadable",
                                                 e.what(), "a readable file",
                                                 "Check the file's permissions."));
      continue;
    }
    if (header_of(content).empty()) {
      out.report.findings.push_back(
          file_finding(p.filename().string(), "ingest.empty-file", "The file is empty",
                       "a header row of column names", "Export the table again."));
      continue;
    }
    if (!read_local_csv(p.filename().string(), content, out)) {
      std::string why;
      if (ssda903::identify_table(upper_header(content), why)) {
        out.report.findings.push_back(file_finding(
            p.filename().string(), "ingest.unknown-table",
            "This is an SSDA903 table, in a folder of local records", "local-record tables only",
            "Import the 903 return and the local records from separate folders."));
        continue;
      }
      if (looks_like_statements(content)) {
        out.report.findings.push_back(file_finding(
            p.filename().string(), "ingest.unknown-table",
            "This is a file of statements from another app, in a folder of local records",
            "local-record tables only",
            "Load the statements on their own: hearth import FILE --la CODE (docs/voice.md)."));
        continue;
      }
      std::string names;
      for (const auto& t : all_local_tables()) {
        if (!names.empty()) names += ", ";
        names += t.name;
      }
      out.report.findings.push_back(file_finding(
          p.filename().string(), "ingest.unknown-table",
          "This file is not a local-record table Hearth knows: its columns match none of " + names,
          "a CSV whose first row names the columns of one table in docs/data-formats.md",
          "Check the column names against docs/data-formats.md (the Standard Safeguarding "
          "Dataset's names)."));
    }
  }
  return out;
}

}  // namespace hearth::local

#include <fstream>

namespace hearth::local {

std::vector<std::filesystem::path> write_local_folder(const std::filesystem::path& folder,
                                                      const model::LocalRecords& records) {
  namespace fs = std::filesystem;
  fs::create_directories(folder);
  std::vector<fs::path> out;
  std::vector<std::string> cells;
  for (const auto& t : all_local_tables()) {
    const std::size_t n = local_row_count(t.kind, records);
    if (n == 0) continue;
    fs::path p = folder / std::string(t.file_name);
    std::string text;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (c) text.push_back(',');
      text.append(t.columns[c].name);
    }
    text.push_back('\n');
    for (std::size_t i = 0; i < n; ++i) {
      write_local_row(t.kind, records, i, cells);
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (c) text.push_back(',');
        ssda903::append_csv_field(text, cells[c]);
      }
      text.push_back('\n');
    }
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!f) throw std::runtime_error("cannot write " + p.string());
    out.push_back(p);
  }
  return out;
}

}  // namespace hearth::local
