#include "validation/validate.hpp"

#include <algorithm>
#include <exception>

namespace hearth::validation {

namespace {
std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    auto comma = s.find(',');
    auto part = s.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.push_back(part);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}
std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    out += v[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> Finding::fields() const {
  std::vector<std::string> out;
  auto names = table->column_names();
  for (auto f : split(rule->fields))
    if (std::find(names.begin(), names.end(), f) != names.end()) out.emplace_back(f);
  return out;
}

std::string Finding::table_name() const {
  std::string n(table->name());
  if (table->previous_year()) n += " (previous year)";
  return n;
}

std::size_t Result::errors() const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [](auto& f) {
    return f.rule->severity == model::Severity::Error;
  }));
}
std::size_t Result::queries() const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [](auto& f) {
    return f.rule->severity == model::Severity::Query;
  }));
}

std::string why_not_run(const Rule& rule, const Dataset& data) {
  for (auto name : split(rule.tables)) {
    bool last = name.size() > 5 && name.substr(name.size() - 5) == "_last";
    auto base = last ? name.substr(0, name.size() - 5) : name;
    auto kind = ssda903::table_by_name(base);
    if (!kind) return "it names an unknown table " + std::string(name);
    if (last && !data.last(*kind))
      return "it compares with the previous year's " + std::string(base) +
             " table, which was not supplied: give or import the previous year's return";
    if (!last && !data.get(*kind)) return "the " + std::string(base) + " table was not supplied";
  }
  if (rule.reference == "postcodes" && (!data.reference || !data.reference->has_postcodes()))
    return "it needs the postcode reference data (postcodes.csv in the validation reference "
           "folder), which was not supplied";
  if (rule.reference == "providers" && (!data.reference || !data.reference->has_providers()))
    return "it needs the Ofsted provider reference data (providers.csv in the validation "
           "reference folder), which was not supplied";
  return {};
}

Result validate(const Dataset& data, const Options& options) {
  Result result;
  result.year = data.year.end_year;
  result.rule_year = options.rule_year ? options.rule_year : std::max(data.year.end_year, 2023);
  Hits hits;
  for (const Rule* rule : rules_for_year(result.rule_year)) {
    if (!options.only.empty() &&
        std::none_of(options.only.begin(), options.only.end(),
                     [&](const std::string& c) { return find_rule(c) == rule; }))
      continue;
    if (auto why = why_not_run(*rule, data); !why.empty()) {
      result.not_run.push_back({rule, std::move(why)});
      continue;
    }
    hits.clear();
    try {
      rule->check(data, hits);
    } catch (const std::exception& e) {
      result.not_run.push_back({rule, std::string("it stopped with an error: ") + e.what()});
      continue;
    }
    ++result.rules_run;
    auto found = hits.all();
    std::sort(found.begin(), found.end(), [](const Hit& a, const Hit& b) {
      if (a.table != b.table) {
        if (a.table->previous_year() != b.table->previous_year()) return !a.table->previous_year();
        return a.table->kind() < b.table->kind();
      }
      return a.row < b.row;
    });
    found.erase(std::unique(found.begin(), found.end(),
                            [](const Hit& a, const Hit& b) {
                              return a.table == b.table && a.row == b.row;
                            }),
                found.end());
    for (const Hit& h : found)
      result.findings.push_back({rule, h.table, h.row, std::string(h.table->child(h.row))});
  }
  return result;
}

model::Finding to_model_finding(const Finding& f) {
  model::Finding m;
  m.rule = std::string(f.rule->code);
  m.severity = f.rule->severity;
  m.file = f.table->file();
  m.table = f.table_name();
  m.row = f.row();
  auto fields = f.fields();
  m.column = join(fields);
  if (fields.size() == 1) m.value = std::string(f.table->text(f.index, f.table->col(fields[0])));
  m.child = f.child;
  m.message = std::string(f.rule->message);
  m.how_to_fix = std::string(f.rule->how_to_fix);
  return m;
}

}  // namespace hearth::validation
