#include "case_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "ssda903/csv.hpp"
#include "validation/load.hpp"
#include "validation/reference.hpp"

namespace hearth::validation::cases {

namespace {

std::string trimmed(std::string_view s) {
  return std::string(ssda903::trim(s));
}

std::vector<std::string> split_csv(const std::string& line) {
  ssda903::CsvReader csv(line);
  std::vector<std::string_view> f;
  std::vector<std::string> out;
  if (csv.next(f))
    for (auto v : f) out.push_back(trimmed(v));
  return out;
}

}  // namespace

Case read_case(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot open " + file.string());
  Case c;
  c.data.year = model::CollectionYear{2026};
  bool previous = false;
  bool saw_expect = false;
  std::string line;
  int n = 0;
  auto fail = [&](const std::string& why) {
    throw std::runtime_error(file.string() + ":" + std::to_string(n) + ": " + why);
  };

  // Sections: name -> (columns, rows)
  struct Section {
    std::string name;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    int line = 0;
    std::string xml;  // [xml] / [xml_last]: the lines as they are
  };
  auto is_xml = [](const std::string& name) { return name == "xml" || name == "xml_last"; };
  std::vector<Section> sections;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string t = trimmed(line);
    if (t.empty()) continue;
    if (t[0] == '#') {
      if (!sections.empty()) fail("comments belong before the first table");
      c.description += trimmed(t.substr(1)) + "\n";
      continue;
    }
    if (t[0] == '[') {
      if (t.back() != ']') fail("a table line looks like [Episodes]");
      sections.push_back({t.substr(1, t.size() - 2), {}, {}, n});
      continue;
    }
    if (sections.empty()) {
      auto colon = t.find(':');
      if (colon == std::string::npos) fail("expected 'key: value' before the first table");
      std::string key = trimmed(t.substr(0, colon)), value = trimmed(t.substr(colon + 1));
      if (key == "expect") {
        saw_expect = true;
        if (value == "none") {
          c.expect_none = true;
          continue;
        }
        std::stringstream ss(value);
        std::string item;
        while (std::getline(ss, item, ',')) {
          std::stringstream is(item);
          std::string table;
          std::int64_t row = 0;
          if (!(is >> table >> row) || row < 2) fail("expect items look like 'Episodes 2'");
          c.expected.insert({table, row});
        }
      } else if (key == "year") {
        c.data.year = model::CollectionYear{std::stoi(value)};
      } else if (key == "la") {
        c.data.la = value;
      } else if (key == "format") {
        c.data.file_format = value;
      } else if (key == "previous") {
        previous = value == "yes";
      } else if (key == "reference") {
        // "shipped": the postcodes and council tiers Hearth ships (reference/postcodes/).
        if (value != "shipped") fail("reference must be 'shipped'");
        complete_with_shipped(c.reference);
      } else {
        fail("unknown key '" + key + "'");
      }
      continue;
    }
    Section& s = sections.back();
    if (is_xml(s.name)) {
      s.xml += line + "\n";
      continue;
    }
    if (s.columns.empty())
      s.columns = split_csv(line);
    else
      s.rows.push_back(split_csv(line));
  }
  if (!saw_expect) fail("no 'expect:' line");
  if (c.expect_none && !c.expected.empty()) fail("'expect: none' and rows both given");
  if (c.description.empty()) fail("no comment saying what the case shows");

  for (const auto& s : sections)
    if (s.name.size() > 5 && s.name.substr(s.name.size() - 5) == "_last") previous = true;
  for (const auto& info : ssda903::all_tables()) {
    c.data.current[static_cast<std::size_t>(info.kind)].emplace(info.kind, false,
                                                                std::string(info.file_name));
    if (previous)
      c.data.previous[static_cast<std::size_t>(info.kind)].emplace(info.kind, true,
                                                                   std::string(info.file_name));
  }
  for (const auto& s : sections) {
    n = s.line;
    if (is_xml(s.name)) {
      // Read by the 903 XML reader into the tables, as hearth validate reads an XML return;
      // rows are numbered by the lines of the section (its first line is line 1).
      const bool last = s.name == "xml_last";
      if (!last) c.data.file_format = "xml";
      TableCollector collector(c.data, last);
      ssda903::ReadReport report;
      report.observer = &collector;
      model::Return ret;
      ssda903::read_xml(last ? "previous.xml" : "return.xml", s.xml, ret, report);
      for (const auto& f : report.findings)
        if (f.severity == model::Severity::Error && f.rule.starts_with("ingest.bad"))
          fail("the XML cannot be read: " + f.message);
      continue;
    }
    if (s.name == "postcodes" || s.name == "upper_tier" || s.name == "providers") {
      std::string text;
      auto join = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (i) text += ',';
          ssda903::append_csv_field(text, cells[i]);
        }
        text += '\n';
      };
      join(s.columns);
      for (const auto& r : s.rows) join(r);
      std::string error = add_reference_table(c.reference, s.name, text);
      if (!error.empty()) fail(error);
      continue;
    }
    bool last = s.name.size() > 5 && s.name.substr(s.name.size() - 5) == "_last";
    std::string base = last ? s.name.substr(0, s.name.size() - 5) : s.name;
    auto kind = ssda903::table_by_name(base);
    if (!kind) fail("unknown table [" + s.name + "]");
    auto& slot = (last ? c.data.previous : c.data.current)[static_cast<std::size_t>(*kind)];
    Table& t = *slot;
    std::vector<int> where;
    for (const auto& name : s.columns) {
      try {
        where.push_back(t.col(name).index);
      } catch (const std::exception& e) {
        fail(e.what());
      }
    }
    std::vector<std::string> cells(t.column_names().size());
    std::vector<std::string_view> views;
    std::int64_t row = 2;
    for (const auto& r : s.rows) {
      if (r.size() > where.size()) fail("a row of [" + s.name + "] has more cells than columns");
      std::fill(cells.begin(), cells.end(), std::string());
      for (std::size_t i = 0; i < r.size(); ++i) cells[static_cast<std::size_t>(where[i])] = r[i];
      views.assign(cells.begin(), cells.end());
      t.add_row(row++, views);
    }
  }
  c.data.finish();
  // A UASC column given explicitly in [Header] wins over the derived one.
  for (const auto& s : sections) {
    bool last = s.name == "Header_last";
    if (s.name != "Header" && !last) continue;
    auto uasc = std::find(s.columns.begin(), s.columns.end(), "UASC");
    if (uasc == s.columns.end()) continue;
    auto& t = *(last ? c.data.previous : c.data.current)[0];
    std::size_t i = static_cast<std::size_t>(uasc - s.columns.begin());
    for (std::size_t r = 0; r < s.rows.size(); ++r)
      t.set(r, t.col("UASC"), i < s.rows[r].size() ? s.rows[r][i] : std::string());
  }
  return c;
}

}  // namespace hearth::validation::cases
