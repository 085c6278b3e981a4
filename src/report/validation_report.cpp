#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "report/json_stream.hpp"
#include "report/list.hpp"
#include "report/validation.hpp"
#include "ssda903/csv.hpp"

namespace hearth::report {

using nlohmann::json;
using validation::Result;
using validation::Rule;
using validation::RuleFinding;

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

// The cell values a finding points at: "DECOM=01/04/2025; RNE=S".
std::string values(const RuleFinding& f) {
  std::vector<std::string> parts;
  for (const auto& name : f.fields()) {
    auto v = f.table->text(f.index, f.table->col(name));
    parts.push_back(name + "=" + (v.empty() ? std::string("(blank)") : std::string(v)));
  }
  return join(parts, "; ");
}

// The fields a finding points at, worked out once per rule and table rather than per finding
// (findings come grouped by rule, then table): their names in the rule's order, their columns,
// and the order of the names sorted (as a JSON object's keys are written).
class FieldCache {
 public:
  struct Fields {
    std::vector<std::string> names;
    std::vector<validation::Col> cols;
    std::vector<std::size_t> sorted;
    std::string joined;  // "DECOM,RNE"
  };
  const Fields& of(const RuleFinding& f) {
    if (f.rule != rule_ || f.table != table_) {
      rule_ = f.rule;
      table_ = f.table;
      fields_.names = f.fields();
      fields_.cols.clear();
      for (const auto& n : fields_.names) fields_.cols.push_back(f.table->col(n));
      fields_.sorted.resize(fields_.names.size());
      for (std::size_t i = 0; i < fields_.sorted.size(); ++i) fields_.sorted[i] = i;
      std::sort(fields_.sorted.begin(), fields_.sorted.end(),
                [&](std::size_t a, std::size_t b) { return fields_.names[a] < fields_.names[b]; });
      fields_.joined = join(fields_.names, ",");
    }
    return fields_;
  }
  // "DECOM=01/04/2025; RNE=S"
  std::string values(const RuleFinding& f) {
    const Fields& fs = of(f);
    std::string out;
    for (std::size_t i = 0; i < fs.names.size(); ++i) {
      if (i) out += "; ";
      out += fs.names[i];
      out += '=';
      auto v = f.table->text(f.index, fs.cols[i]);
      if (v.empty())
        out += "(blank)";
      else
        out += v;
    }
    return out;
  }

 private:
  const Rule* rule_ = nullptr;
  const validation::Table* table_ = nullptr;
  Fields fields_;
};

// Writes through a buffer, flushed every 64 KiB.
class Buffered {
 public:
  explicit Buffered(std::ostream& out) : out_(out) { buf_.reserve(kFlush + 4096); }
  ~Buffered() { flush(); }
  std::string& text() { return buf_; }
  void maybe_flush() {
    if (buf_.size() >= kFlush) flush();
  }
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  static constexpr std::size_t kFlush = 64 * 1024;
  std::ostream& out_;
  std::string buf_;
};

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
  std::ostringstream out;
  write_validation_csv(out, r);
  return out.str();
}

void write_validation_json(std::ostream& os, const Result& r,
                           std::span<const model::Finding> reading, const std::string& child) {
  JsonStream j(os);
  FieldCache cache;
  j.begin_object();
  if (!child.empty()) {
    j.key("child_id");
    j.value(child);
  }
  j.key("collection_year");
  j.value(model::CollectionYear{r.year}.label());
  j.key("errors");
  j.value(r.errors());
  j.key("findings");
  j.begin_array();
  // What is the same for every finding of a rule in a table is laid out once and repeated.
  struct Block {
    std::string text;
    bool kept = false;
  };
  Block about_rule, about_table;  // "code" … "message"; "severity", "table"
  const Rule* blocks_rule = nullptr;
  const validation::Table* blocks_table = nullptr;
  auto once = [&](Block& b, auto&& write) {
    if (b.kept) return j.repeat(b.text);
    const std::size_t mark = j.mark();
    write();
    b.kept = j.copy_since(mark, b.text);
  };
  for (const auto& f : r.findings) {
    const auto& fs = cache.of(f);
    if (f.rule != blocks_rule || f.table != blocks_table) {
      blocks_rule = f.rule;
      blocks_table = f.table;
      about_rule.kept = about_table.kept = false;
    }
    j.begin_object();
    j.key("child_id");
    j.value(f.child);
    once(about_rule, [&] {
      j.key("code");
      j.value(f.rule->code);
      j.key("fields");
      j.begin_array();
      for (const auto& n : fs.names) j.value(n);
      j.end_array();
      j.key("file");
      j.value(f.table->file());
      j.key("how_to_fix");
      j.value(f.rule->how_to_fix);
      j.key("message");
      j.value(f.rule->message);
    });
    j.key("row");
    j.value(f.row());
    once(about_table, [&] {
      j.key("severity");
      j.value(model::severity_name(f.rule->severity));
      j.key("table");
      j.value(f.table_name());
    });
    j.key("values");
    j.begin_object();
    for (std::size_t i : fs.sorted) {
      j.key(fs.names[i]);
      j.value(f.table->text(f.index, fs.cols[i]));
    }
    j.end_object();
    j.end_object();
  }
  j.end_array();
  j.key("queries");
  j.value(r.queries());
  j.key("reading");
  j.begin_array();
  // The one spelling of a model::Finding (report/finding.hpp), keys in its order.
  const std::string year_label = model::CollectionYear{r.year}.label();
  for (const auto& f : reading) {
    j.begin_object();
    j.key("child");
    j.value(f.child);
    j.key("expected");
    j.value(f.expected);
    j.key("field");
    j.value(f.column);
    j.key("file");
    j.value(f.file);
    j.key("how_to_fix");
    j.value(f.how_to_fix);
    j.key("message");
    j.value(f.message);
    j.key("row");
    j.value(f.row);
    j.key("rule");
    j.value(f.rule);
    j.key("severity");
    j.value(model::severity_name(f.severity));
    j.key("table");
    j.value(f.table);
    j.key("value");
    j.value(f.value);
    j.key("year");
    j.value(year_label);
    j.end_object();
  }
  j.end_array();
  j.key("rules_not_run");
  j.begin_array();
  for (const auto& n : r.not_run) {
    j.begin_object();
    j.key("code");
    j.value(n.rule->code);
    j.key("reason");
    j.value(n.reason);
    j.end_object();
  }
  j.end_array();
  j.key("rules_of");
  j.value(model::CollectionYear{r.rule_year}.label());
  j.key("rules_run");
  j.value(r.rules_run);
  j.end_object();
  j.newline();
}

void write_validation_csv(std::ostream& os, const Result& r) {
  Buffered out(os);
  FieldCache cache;
  // Valid UTF-8, and never a formula when a person opens the file in a spreadsheet (a CHILD or
  // a value quoted from the return may be "=HYPERLINK(…)"; model/text.hpp).
  std::string fixed;
  auto cell = [&](std::string_view v, bool last = false) {
    if (!model::is_utf8(v)) v = fixed = model::to_utf8(v);
    if (model::formula_like(v)) v = fixed = model::spreadsheet_cell(v);
    ssda903::append_csv_field(out.text(), v);
    out.text() += last ? '\n' : ',';
  };
  out.text() += "code,severity,table,file,row,child_id,fields,values,message,how_to_fix\n";
  // The cells that are the same for every finding of a rule in a table, written once.
  std::string before, fields, after;
  const Rule* cells_rule = nullptr;
  const validation::Table* cells_table = nullptr;
  for (const auto& f : r.findings) {
    if (f.rule != cells_rule || f.table != cells_table) {
      cells_rule = f.rule;
      cells_table = f.table;
      const std::size_t start = out.text().size();
      cell(f.rule->code);
      cell(model::severity_name(f.rule->severity));
      cell(f.table_name());
      cell(f.table->file());
      before.assign(out.text(), start);
      out.text().resize(start);
      cell(cache.of(f).joined);
      fields.assign(out.text(), start);
      out.text().resize(start);
      cell(f.rule->message);
      cell(f.rule->how_to_fix, true);
      after.assign(out.text(), start);
      out.text().resize(start);
    }
    out.text() += before;
    cell(std::to_string(f.row()));
    cell(f.child);
    out.text() += fields;
    cell(cache.values(f));
    out.text() += after;
    out.maybe_flush();
  }
}

void write_validation_table(std::ostream& os, const Result& r) {
  os << validation_table(r);
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
    // Findings come grouped by rule, in the order of `fired`.
    FieldCache cache;
    std::size_t next = 0;
    for (const auto& [rule, n] : fired) {
      out << fmt::format("\n{} ({}): {}\n  How to fix: {}\n", rule->code, severity(*rule),
                         rule->message, rule->how_to_fix);
      for (std::size_t k = 0; k < n && next < r.findings.size(); ++k, ++next) {
        const auto& f = r.findings[next];
        out << fmt::format("  child {:<10} {} row {:<6} {}\n", model::to_utf8(f.child),
                           f.table_name(), f.row(), model::to_utf8(cache.values(f)));
      }
    }
  }
  if (!r.not_run.empty()) {
    out << "\nNot run\n";
    for (const auto& n : r.not_run) out << fmt::format("  {}: {}\n", n.rule->code, n.reason);
  }
  return out.str();
}

void validation_xlsx(const Result& r, const validation::ReturnTables& data,
                     const std::filesystem::path& path) {
  // Constant memory: each row is written out as soon as the next begins (rows are written in
  // order), so a workbook of any number of findings needs no more memory than one row.
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
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
      std::map<std::uint32_t, std::vector<const RuleFinding*>> by_row;
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
          for (const RuleFinding* f : hit->second) {
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

json rules_list_json(int end_year) {
  json out = {{"collection_year", model::CollectionYear{end_year}.label()}};
  out.update(list_json(rules_json(end_year)));
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
