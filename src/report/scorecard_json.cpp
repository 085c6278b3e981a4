#include <fmt/format.h>

#include <cmath>

#include "model/dates.hpp"
#include "report/list.hpp"
#include "report/scorecard.hpp"

namespace hearth::report {

using indicators::Indicator;
using indicators::Shown;
using indicators::Unit;
using nlohmann::json;

namespace {

json number(double v, int places) {
  const double scale = std::pow(10.0, places);
  const double r = std::round(v * scale) / scale;
  if (places == 0 || r == std::round(r)) return static_cast<long long>(std::llround(r));
  return r;
}

int places(Unit u) {
  return u == Unit::Count || u == Unit::Days ? 0 : 1;
}

// value, numerator and denominator of a shown value into `out`.
void put(json& out, const Indicator& ind, const Shown& s) {
  if (!s.value.available) {
    out["value"] = nullptr;
    out["numerator"] = nullptr;
    out["denominator"] = nullptr;
    return;
  }
  if (s.suppressed) {
    out["value"] = "c";
    out["numerator"] = "c";
    out["denominator"] = s.value.denominator ? json("c") : json(nullptr);
    return;
  }
  out["value"] = s.value.value ? number(*s.value.value, places(ind.unit)) : json(nullptr);
  out["numerator"] =
      number(s.value.numerator, ind.unit == Unit::Days || ind.unit == Unit::Score ? 0 : 2);
  out["denominator"] = s.value.denominator ? number(*s.value.denominator, 2) : json(nullptr);
}

json period_json(const indicators::ReportingPeriod& p) {
  return {{"period", p.label},
          {"start", model::format_iso(p.start)},
          {"end", model::format_iso(p.end)}};
}

json series_json(const Indicator& ind, const std::vector<indicators::Point>& pts) {
  json out = json::array();
  for (const auto& pt : pts) {
    json j = period_json(pt.period);
    put(j, ind, pt.shown);
    out.push_back(std::move(j));
  }
  return out;
}

json indicator_meta(const Indicator& ind) {
  json j = {{"id", ind.key},
            {"family", ind.family},
            {"section", indicators::section_title(ind.section)},
            {"title", ind.title},
            {"why", ind.why},
            {"numerator_definition", ind.numerator},
            {"denominator_definition", ind.denominator},
            {"population", ind.population},
            {"unit", indicators::unit_name(ind.unit)},
            {"polarity", indicators::polarity_name(ind.polarity)},
            {"source", indicators::source_name(ind.source)},
            {"frequency", ind.frequency == indicators::Frequency::Annual ? "annual" : "any_period"},
            {"definition", ind.definition},
            {"deviation", ind.deviation},
            {"basis", ind.basis},
            {"default_target", ind.default_target ? json(*ind.default_target) : json(nullptr)}};
  if (!ind.needs.empty()) j["needs"] = ind.needs;
  return j;
}

}  // namespace

json scorecard_json(const indicators::Scorecard& sc) {
  json out;
  out["as_of"] = model::format_iso(sc.as_of);
  out["warning"] = sc.warning.empty() ? json(nullptr) : json(sc.warning);
  out["records_note"] = sc.records_note.empty() ? json(nullptr) : json(sc.records_note);
  out["la"] = sc.la;
  out["la_name"] = sc.la_name;
  out["region"] = sc.region;
  out["period"] = {{"kind", indicators::period_kind_name(sc.period.kind)},
                   {"label", sc.period.label},
                   {"start", model::format_iso(sc.period.start)},
                   {"end", model::format_iso(sc.period.end)}};
  out["suppression"] = {{"applied", sc.suppressed},
                        {"threshold", sc.suppressed ? sc.threshold : 0}};
  out["reference_files"] = sc.reference_files;
  json list = json::array();
  for (const auto& e : sc.entries) {
    const Indicator& ind = *e.indicator;
    json j = {{"id", ind.key},
              {"family", ind.family},
              {"section", indicators::section_title(ind.section)},
              {"title", ind.title},
              {"why", ind.why}};
    put(j, ind, e.current);
    j["unit"] = indicators::unit_name(ind.unit);
    j["polarity"] = indicators::polarity_name(ind.polarity);
    j["source"] = indicators::source_name(ind.source);
    j["available"] = e.current.value.available;
    if (!e.current.value.available) j["reason"] = e.current.value.reason;
    j["basis_date"] = e.basis ? json(model::format_iso(*e.basis)) : json(nullptr);
    j["note"] = e.note.empty() ? json(nullptr) : json(e.note);
    j["target"] = e.target ? json(e.target->value) : json(nullptr);
    j["rag"] = e.rag == indicators::Rag::None ? json(nullptr) : json(indicators::rag_name(e.rag));
    json comps = json::object();
    for (const auto& c : e.comparators)
      comps[c.kind] = {{"name", c.name},
                       {"year", fmt::format("{}-{:02}", c.year - 1, c.year % 100)},
                       {"value", c.value},
                       {"numerator", c.numerator ? json(*c.numerator) : json(nullptr)},
                       {"denominator", c.denominator ? json(*c.denominator) : json(nullptr)},
                       {"source", c.source}};
    j["comparators"] = std::move(comps);
    j["standing"] =
        e.standing
            ? json{{"rank", e.standing->rank},
                   {"of", e.standing->of},
                   {"quartile", e.standing->quartile},
                   {"year", fmt::format("{}-{:02}", e.standing->year - 1, e.standing->year % 100)}}
            : json(nullptr);
    j["trend"] = series_json(ind, e.trend);
    j["years"] = series_json(ind, e.years);
    json bd = json::object();
    for (std::size_t d = 0; d < indicators::kDimensionCount; ++d) {
      if (!e.current.value.available) break;  // nothing to break down
      json cats = json::array();
      for (const auto& c : e.breakdowns[d]) {
        json cj = {{"category", c.name}};
        put(cj, ind, c.shown);
        cats.push_back(std::move(cj));
      }
      bd[std::string(indicators::dimension_key(static_cast<indicators::Dimension>(d)))] =
          std::move(cats);
    }
    j["breakdowns"] = std::move(bd);
    j["suppressed"] = e.current.suppressed;
    list.push_back(std::move(j));
  }
  out["indicators"] = std::move(list);
  return out;
}

std::string scorecard_csv(const indicators::Scorecard& sc) {
  auto field = [](std::string s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string out =
      "id,title,period,start,end,value,numerator,denominator,unit,polarity,target,rag,england,"
      "suppressed\n";
  for (const auto& e : sc.entries) {
    const Indicator& ind = *e.indicator;
    std::string england;
    for (const auto& c : e.comparators)
      if (c.kind == "england") england = fmt::format("{}", c.value);
    for (const auto& pt : e.trend) {
      json j;
      put(j, ind, pt.shown);
      auto text = [](const json& v) {
        return v.is_null() ? std::string() : v.is_string() ? v.get<std::string>() : v.dump();
      };
      const bool current = pt.period.end == sc.period.end;
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", ind.key,
                         field(std::string(ind.title)), pt.period.label,
                         model::format_iso(pt.period.start), model::format_iso(pt.period.end),
                         text(j["value"]), text(j["numerator"]), text(j["denominator"]),
                         indicators::unit_name(ind.unit), indicators::polarity_name(ind.polarity),
                         e.target ? fmt::format("{}", e.target->value) : "",
                         current ? indicators::rag_name(e.rag) : "", current ? england : "",
                         pt.shown.suppressed ? "true" : "false");
    }
  }
  return out;
}

std::string scorecard_table(const indicators::Scorecard& sc) {
  std::string out = fmt::format(
      "Children in care scorecard — {} ({}), {} to {}{}\n\n",
      sc.la_name.empty() ? sc.la : sc.la_name, sc.la, model::format_dmy(sc.period.start),
      model::format_dmy(sc.period.end), sc.suppressed ? ", small numbers suppressed (c)" : "");
  if (!sc.warning.empty()) out = "WARNING: " + sc.warning + "\n" + out;
  out += fmt::format("{:<30} {:>12} {:>16} {:>9} {:>6} {:>9}  {}\n", "INDICATOR", "VALUE",
                     "NUM / DEN", "TARGET", "RAG", "ENGLAND", "TREND (oldest first)");
  for (const auto& e : sc.entries) {
    const Indicator& ind = *e.indicator;
    std::string nd;
    if (e.current.value.available && !e.current.suppressed) {
      nd = format_count(e.current.value.numerator);
      if (e.current.value.denominator) nd += " / " + format_count(*e.current.value.denominator);
    } else if (e.current.suppressed) {
      nd = "c";
    }
    std::string england = "-";
    for (const auto& c : e.comparators)
      if (c.kind == "england") england = format_value(ind.unit, c.value);
    std::string trend;
    for (const auto& pt : e.trend)
      trend += (trend.empty() ? "" : " ") + format_shown(ind, pt.shown);
    out += fmt::format(
        "{:<30} {:>12} {:>16} {:>9} {:>6} {:>9}  {}\n", ind.key, format_shown(ind, e.current), nd,
        e.target ? format_value(ind.unit, e.target->value) : "-",
        e.rag == indicators::Rag::None ? "-" : std::string(indicators::rag_name(e.rag)), england,
        trend);
  }
  return out;
}

json indicators_json() {
  json out = json::array();
  for (const auto& ind : indicators::all_indicators()) out.push_back(indicator_meta(ind));
  return out;
}

json indicators_list_json() {
  return list_json(indicators_json());
}

std::string indicators_markdown() {
  std::string out =
      "# Indicators\n\n"
      "<!-- Generated by `hearth indicators list --format markdown` from "
      "src/indicators/registry.cpp;\n"
      "     edit the registry, not this file (a test checks the two agree). -->\n\n"
      "Every indicator on the children in care scorecard: what it counts, why it matters, the "
      "published definition it follows and where Hearth differs. Configuration (targets, "
      "suppression threshold, reference data) and the reference-data files are described in "
      "[scorecard.md](scorecard.md).\n";
  int section = -1;
  for (const auto& ind : indicators::all_indicators()) {
    if (static_cast<int>(ind.section) != section) {
      section = static_cast<int>(ind.section);
      out += fmt::format("\n## {}\n", indicators::section_title(ind.section));
    }
    out += fmt::format("\n### `{}` — {}\n\n", ind.key, ind.title);
    out += fmt::format("*{}*\n\n", ind.why);
    out += "| | |\n|---|---|\n";
    auto row = [&](std::string_view k, std::string_view v) {
      if (!v.empty()) out += fmt::format("| {} | {} |\n", k, v);
    };
    row("Family", ind.family);
    row("Numerator", ind.numerator);
    row("Denominator", ind.denominator);
    row("Population", ind.population);
    row("Unit", indicators::unit_name(ind.unit));
    row("Polarity", indicators::polarity_name(ind.polarity));
    row("Data source", indicators::source_name(ind.source));
    row("Frequency", ind.frequency == indicators::Frequency::Annual
                         ? "annual (at 31 March; later dates use the latest 31 March)"
                         : "any period");
    row("Definition followed", ind.definition);
    row("Where Hearth differs", ind.deviation);
    row("Statute or guidance", ind.basis);
    if (ind.default_target) row("Default target", fmt::format("{}", *ind.default_target));
    row("Comparator",
        ind.comparator.empty() ? "" : fmt::format("`{}` in reference/comparators", ind.comparator));
    row("Not yet computed: needs", ind.needs);
  }
  return out;
}

}  // namespace hearth::report
