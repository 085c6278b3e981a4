#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "report/validation.hpp"
#include "ssda903/csv.hpp"

namespace hearth::report {

using nlohmann::json;
using validation::Finding;
using validation::Result;
using validation::Rule;

namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

std::string severity(const Rule& r) {
  return std::string(model::severity_name(r.severity));
}

std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    ssda903::append_csv_field(out, cells[i]);
  }
  out += '\n';
  return out;
}

// The cell values a finding points at: "DECOM=01/04/2025; RNE=S".
std::string values(const Finding& f) {
  std::vector<std::string> parts;
  for (const auto& name : f.fields()) {
    auto v = f.table->text(f.index, f.table->col(name));
    parts.push_back(name + "=" + (v.empty() ? std::string("(blank)") : std::string(v)));
  }
  return join(parts, "; ");
}

std::string years_label(const Rule& r) {
  std::string from = model::CollectionYear{r.first_year}.label();
  return r.last_year ? from + " to " + model::CollectionYear{r.last_year}.label()
                     : from + " onwards";
}

}  // namespace

Result only_child(const Result& r, const std::string& child) {
  Result out;
  out.year = r.year;
  out.rule_year = r.rule_year;
  out.rules_run = r.rules_run;
  out.not_run = r.not_run;
  for (const auto& f : r.findings)
    if (f.child == child) out.findings.push_back(f);
  return out;
}

json validation_json(const Result& r) {
  json findings = json::array();
  for (const auto& f : r.findings) {
    json fields = json::array();
    json cells = json::object();
    for (const auto& name : f.fields()) {
      fields.push_back(name);
      cells[name] = std::string(f.table->text(f.index, f.table->col(name)));
    }
    findings.push_back({{"code", f.rule->code},
                        {"severity", severity(*f.rule)},
                        {"table", f.table_name()},
                        {"file", f.table->file()},
                        {"row", f.row()},
                        {"child_id", f.child},
                        {"fields", fields},
                        {"values", cells},
                        {"message", f.rule->message},
                        {"how_to_fix", f.rule->how_to_fix}});
  }
  json not_run = json::array();
  for (const auto& n : r.not_run) not_run.push_back({{"code", n.rule->code}, {"reason", n.reason}});
  return {{"collection_year", model::CollectionYear{r.year}.label()},
          {"rules_of", model::CollectionYear{r.rule_year}.label()},
          {"findings", findings},
          {"errors", r.errors()},
          {"queries", r.queries()},
          {"rules_run", r.rules_run},
          {"rules_not_run", not_run}};
}

std::string validation_csv(const Result& r) {
  std::string out = csv_line({"code", "severity", "table", "file", "row", "child_id", "fields",
                              "values", "message", "how_to_fix"});
  for (const auto& f : r.findings)
    out += csv_line({std::string(f.rule->code), severity(*f.rule), f.table_name(), f.table->file(),
                     std::to_string(f.row()), f.child, join(f.fields(), ","), values(f),
                     std::string(f.rule->message), std::string(f.rule->how_to_fix)});
  return out;
}

std::string validation_table(const Result& r) {
  std::ostringstream out;
  // Rules that fired, with counts, in registry order.
  std::vector<std::pair<const Rule*, std::size_t>> fired;
  std::set<std::string> children;
  for (const auto& f : r.findings) {
    children.insert(f.child);
    if (fired.empty() || fired.back().first != f.rule) fired.push_back({f.rule, 0});
    ++fired.back().second;
  }
  out << fmt::format("903 validation, {} (rules of {}): {} rules run, {} not run\n",
                     model::CollectionYear{r.year}.label(),
                     model::CollectionYear{r.rule_year}.label(), r.rules_run, r.not_run.size());
  if (r.findings.empty()) {
    out << "No findings.\n";
  } else {
    out << fmt::format("{} findings ({} errors, {} queries) about {} children from {} rules\n\n",
                       r.findings.size(), r.errors(), r.queries(), children.size(), fired.size());
    std::size_t w = 4;
    for (const auto& [rule, n] : fired) w = std::max(w, rule->code.size());
    out << fmt::format("{:<{}}  {:<8}  {:>6}  {}\n", "Rule", w, "Severity", "Count", "Message");
    for (const auto& [rule, n] : fired)
      out << fmt::format("{:<{}}  {:<8}  {:>6}  {}\n", rule->code, w, severity(*rule), n,
                         rule->message);
    out << "\nFindings\n";
    for (const auto& [rule, n] : fired) {
      out << fmt::format("\n{} ({}): {}\n  How to fix: {}\n", rule->code, severity(*rule),
                         rule->message, rule->how_to_fix);
      for (const auto& f : r.findings) {
        if (f.rule != rule) continue;
        out << fmt::format("  child {:<10} {} row {:<6} {}\n", f.child, f.table_name(), f.row(),
                           values(f));
      }
    }
  }
  if (!r.not_run.empty()) {
    out << "\nNot run\n";
    for (const auto& n : r.not_run) out << fmt::format("  {}: {}\n", n.rule->code, n.reason);
  }
  return out.str();
}

void validation_xlsx(const Result& r, const validation::Dataset& data,
                     const std::filesystem::path& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw std::runtime_error("cannot create " + path.string());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* error = workbook_add_format(wb);
  format_set_bg_color(error, 0xF4B6B0);
  format_set_font_color(error, 0x6B0C0C);
  lxw_format* query = workbook_add_format(wb);
  format_set_bg_color(query, 0xFFE39B);

  // Findings sheet first: what analysts work down.
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Findings");
  const char* heads[] = {"Code",   "Severity", "Table",   "Row",       "Child",
                         "Fields", "Values",   "Message", "How to fix"};
  for (lxw_col_t c = 0; c < 9; ++c) worksheet_write_string(ws, 0, c, heads[c], bold);
  lxw_row_t row = 1;
  for (const auto& f : r.findings) {
    worksheet_write_string(ws, row, 0, std::string(f.rule->code).c_str(), nullptr);
    worksheet_write_string(ws, row, 1, severity(*f.rule).c_str(), nullptr);
    worksheet_write_string(ws, row, 2, f.table_name().c_str(), nullptr);
    worksheet_write_number(ws, row, 3, static_cast<double>(f.row()), nullptr);
    worksheet_write_string(ws, row, 4, f.child.c_str(), nullptr);
    worksheet_write_string(ws, row, 5, join(f.fields(), ", ").c_str(), nullptr);
    worksheet_write_string(ws, row, 6, values(f).c_str(), nullptr);
    worksheet_write_string(ws, row, 7, std::string(f.rule->message).c_str(), nullptr);
    worksheet_write_string(ws, row, 8, std::string(f.rule->how_to_fix).c_str(), nullptr);
    ++row;
  }
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 0, 8);
  worksheet_set_column(ws, 7, 8, 60, nullptr);

  // One sheet per table supplied: the rows as sent, offending cells coloured, and a last
  // column listing the codes that fired on the row.
  for (int prev = 0; prev < 2; ++prev) {
    for (const auto& opt : prev ? data.previous : data.current) {
      if (!opt) continue;
      const validation::Table& t = *opt;
      std::map<std::uint32_t, std::vector<const Finding*>> by_row;
      for (const auto& f : r.findings)
        if (f.table == &t) by_row[f.index].push_back(&f);
      if (t.empty() && by_row.empty()) continue;
      std::string name = std::string(t.name()) + (prev ? " (last year)" : "");
      lxw_worksheet* s = workbook_add_worksheet(wb, name.c_str());
      auto cols = t.column_names();
      for (lxw_col_t c = 0; c < cols.size(); ++c)
        worksheet_write_string(s, 0, c, cols[c].c_str(), bold);
      const auto codes_col = static_cast<lxw_col_t>(cols.size());
      worksheet_write_string(s, 0, codes_col, "Rules", bold);
      for (std::size_t i = 0; i < t.size(); ++i) {
        auto hit = by_row.find(static_cast<std::uint32_t>(i));
        std::set<std::string> marked;
        bool any_error = false;
        std::vector<std::string> codes;
        if (hit != by_row.end())
          for (const Finding* f : hit->second) {
            for (auto& fl : f->fields()) marked.insert(fl);
            any_error = any_error || f->rule->severity == model::Severity::Error;
            codes.emplace_back(f->rule->code);
          }
        const auto out_row = static_cast<lxw_row_t>(i + 1);
        for (lxw_col_t c = 0; c < cols.size(); ++c) {
          auto v = t.text(i, validation::Col{static_cast<int>(c)});
          lxw_format* fmt = marked.count(cols[c]) ? (any_error ? error : query) : nullptr;
          worksheet_write_string(s, out_row, c, std::string(v).c_str(), fmt);
        }
        if (!codes.empty())
          worksheet_write_string(s, out_row, codes_col, join(codes, ", ").c_str(), nullptr);
      }
      worksheet_freeze_panes(s, 1, 1);
    }
  }
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR)
    throw std::runtime_error(std::string("cannot write the workbook: ") + lxw_strerror(e));
}

json rules_json(int end_year) {
  json out = json::array();
  for (const Rule* r : validation::rules_for_year(end_year)) {
    auto split = [](std::string_view s) {
      json a = json::array();
      std::stringstream ss{std::string(s)};
      std::string item;
      while (std::getline(ss, item, ','))
        if (!item.empty()) a.push_back(item);
      return a;
    };
    json j = {{"code", r->code},
              {"severity", severity(*r)},
              {"tables", split(r->tables)},
              {"fields", split(r->fields)},
              {"message", r->message},
              {"how_to_fix", r->how_to_fix},
              {"basis", r->basis},
              {"first_collection_year", model::CollectionYear{r->first_year}.label()},
              {"last_collection_year",
               r->last_year ? json(model::CollectionYear{r->last_year}.label()) : json(nullptr)}};
    if (!r->reference.empty()) j["reference_data"] = r->reference;
    out.push_back(std::move(j));
  }
  return out;
}

std::string rules_table(int end_year) {
  std::string out;
  auto rules = validation::rules_for_year(end_year);
  std::size_t w = 4;
  for (const Rule* r : rules) w = std::max(w, r->code.size());
  out += fmt::format("{:<{}}  {:<8}  {:<28}  {}\n", "Rule", w, "Severity", "Tables", "Message");
  for (const Rule* r : rules)
    out +=
        fmt::format("{:<{}}  {:<8}  {:<28}  {}\n", r->code, w, severity(*r), r->tables, r->message);
  out += fmt::format("\n{} rules apply to {}.\n", rules.size(),
                     model::CollectionYear{end_year}.label());
  return out;
}

std::string rules_markdown(int end_year) {
  auto rules = validation::rules_for_year(end_year);
  std::string out = fmt::format(
      "# 903 validation rules, {}\n\nGenerated by `hearth rules list --format markdown`: do not "
      "edit by hand. {} rules, with the Department for Education's codes.\n\n"
      "| Code | Severity | Tables | Fields | Message | How to fix | Basis | Applies |\n"
      "|---|---|---|---|---|---|---|---|\n",
      model::CollectionYear{end_year}.label(), rules.size());
  auto cell = [](std::string_view s) {
    std::string o;
    for (char c : s) {
      if (c == '|')
        o += "\\|";
      else if (c == '\n')
        o += ' ';
      else
        o += c;
    }
    return o;
  };
  for (const Rule* r : rules)
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {}{} |\n", r->code, severity(*r),
                       cell(r->tables), cell(r->fields), cell(r->message), cell(r->how_to_fix),
                       cell(r->basis), years_label(*r),
                       r->reference.empty() ? "" : fmt::format("; needs {}", r->reference));
  return out;
}

}  // namespace hearth::report
