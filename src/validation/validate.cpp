#include "validation/validate.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

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

std::vector<std::string> RuleFinding::fields() const {
  std::vector<std::string> out;
  auto names = table->column_names();
  for (auto f : split(rule->fields))
    if (std::find(names.begin(), names.end(), f) != names.end()) out.emplace_back(f);
  return out;
}

std::string RuleFinding::table_name() const {
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

std::string why_not_run(const Rule& rule, const ReturnTables& data) {
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
    return "it needs the postcode reference data (Hearth's reference/postcodes/, or postcodes.csv "
           "in the validation reference folder), which was not found";
  if (rule.needs_council && data.la.empty())
    return "it compares each placement's council with this council's, which was not given: "
           "give the council's code with --la (or its ONS code with --la-ons)";
  if (rule.reference == "providers" && (!data.reference || !data.reference->has_providers()))
    return "it needs Ofsted's provider lists (the files in ofsted/, or providers.csv, in the "
           "validation reference folder), which were not supplied";
  return {};
}

namespace {

// What one rule gave: its sorted, distinct hits, or why it did not run.
struct Outcome {
  std::vector<Hit> hits;
  std::string not_run;  // empty when it ran
};

Outcome run_rule(const Rule& rule, const ReturnTables& data) {
  Outcome out;
  if (out.not_run = why_not_run(rule, data); !out.not_run.empty()) return out;
  Hits hits;
  try {
    rule.check(data, hits);
  } catch (const std::exception& e) {
    out.not_run = std::string("it stopped with an error: ") + e.what();
    return out;
  }
  out.hits = hits.all();
  std::sort(out.hits.begin(), out.hits.end(), [](const Hit& a, const Hit& b) {
    if (a.table != b.table) {
      if (a.table->previous_year() != b.table->previous_year()) return !a.table->previous_year();
      return a.table->kind() < b.table->kind();
    }
    return a.row < b.row;
  });
  out.hits.erase(
      std::unique(out.hits.begin(), out.hits.end(),
                  [](const Hit& a, const Hit& b) { return a.table == b.table && a.row == b.row; }),
      out.hits.end());
  return out;
}

}  // namespace

Result validate(const ReturnTables& data, const Options& options) {
  Result result;
  result.year = data.year.end_year;
  result.rule_year = options.rule_year ? options.rule_year : std::max(data.year.end_year, 2023);
  std::vector<const Rule*> rules;
  for (const Rule* rule : rules_for_year(result.rule_year))
    if (options.only.empty() ||
        std::any_of(options.only.begin(), options.only.end(),
                    [&](const std::string& c) { return find_rule(c) == rule; }))
      rules.push_back(rule);

  // The rules only read the finished tables, so they can run side by side: each thread takes
  // the next rule not yet taken, and the outcomes are gathered in registry order (the findings
  // are the same, in the same order, whatever the number of threads).
  std::vector<Outcome> outcomes(rules.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < rules.size(); i = next++)
      outcomes[i] = run_rule(*rules[i], data);
  };
  const std::size_t helpers =
      std::min(std::max<std::size_t>(options.threads, 1), rules.size() / 8 + 1) - 1;
  std::vector<std::jthread> threads;
  threads.reserve(helpers);
  for (std::size_t t = 0; t < helpers; ++t) threads.emplace_back(work);
  work();
  threads.clear();  // joins

  std::size_t total = 0;
  for (const auto& o : outcomes) total += o.hits.size();
  result.findings.reserve(total);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (!outcomes[i].not_run.empty()) {
      result.not_run.push_back({rules[i], std::move(outcomes[i].not_run)});
      continue;
    }
    ++result.rules_run;
    for (const Hit& h : outcomes[i].hits)
      result.findings.push_back({rules[i], h.table, h.row, std::string(h.table->child(h.row))});
  }
  return result;
}

model::Finding to_model_finding(const RuleFinding& f) {
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
