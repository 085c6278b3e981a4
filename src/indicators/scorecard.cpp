#include "indicators/scorecard.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <set>
#include <sstream>

#include "timescales/toml_document.hpp"

namespace hearth::indicators {

namespace {

using model::Date;

double default_margin(const Indicator& ind, double target) {
  return ind.unit == Unit::Percent ? 5.0 : std::abs(target) * 0.1;
}

}  // namespace

// ---- configuration --------------------------------------------------------------------------

ScorecardConfig ScorecardConfig::defaults() {
  ScorecardConfig c;
  for (const auto& ind : all_indicators())
    if (ind.default_target) c.targets[std::string(ind.key)] = Target{*ind.default_target, {}};
  return c;
}

ScorecardConfig parse_scorecard_config(std::string_view toml_text, std::string_view source_name) {
  ScorecardConfig cfg = ScorecardConfig::defaults();
  toml::table doc = timescales::parse_toml_document(toml_text, source_name);
  const toml::table* t = doc["scorecard"].as_table();
  if (!t) return cfg;
  const std::string where = std::string(source_name) + ": [scorecard] ";
  for (const auto& [k, node] : *t) {
    const std::string_view key = k.str();
    if (key == "suppression_threshold") {
      auto v = node.value_exact<std::int64_t>();  // never a float converted (fuzz/toml_fuzz)
      if (!node.is_integer() || !v || *v < 1 || *v > 100)
        throw ScorecardConfigError(where +
                                   "suppression_threshold must be a whole number from 1 "
                                   "to 100 (1 turns suppression off)");
      cfg.suppression_threshold = static_cast<int>(*v);
    } else if (key == "reference") {
      auto v = node.value<std::string>();
      if (!v) throw ScorecardConfigError(where + "reference must be a folder path");
      cfg.reference_folder = *v;
    } else if (key == "statistical_neighbours") {
      const toml::array* a = node.as_array();
      if (!a)
        throw ScorecardConfigError(where + "statistical_neighbours must be a list of LA codes");
      for (const auto& n : *a) {
        auto v = n.value<std::string>();
        if (!v)
          throw ScorecardConfigError(
              where + "statistical_neighbours must be a list of LA codes, e.g. [\"886\", \"919\"]");
        cfg.statistical_neighbours.push_back(*v);
      }
    } else if (key == "count_same_carer_changes" || key == "adoption_exception") {
      auto v = node.value<bool>();
      if (!v) throw ScorecardConfigError(where + std::string(key) + " must be true or false");
      (key == "adoption_exception" ? cfg.rules.adoption_exception
                                   : cfg.rules.count_same_carer_changes) = *v;
    } else if (key == "targets") {
      const toml::table* targets = node.as_table();
      if (!targets)
        throw ScorecardConfigError(where + "targets must be a table of indicator = value");
      for (const auto& [ik, tv] : *targets) {
        const std::string_view id = ik.str();
        if (!indicator_by_key(id))
          throw ScorecardConfigError(where + "targets: there is no indicator '" + std::string(id) +
                                     "' (hearth indicators list shows them)");
        Target target;
        if (auto v = tv.value<double>(); v && (tv.is_integer() || tv.is_floating_point())) {
          target.value = *v;
        } else if (const toml::table* tt = tv.as_table()) {
          auto value = (*tt)["target"].value<double>();
          if (!value)
            throw ScorecardConfigError(where + "targets." + std::string(id) +
                                       " needs target = <number>");
          target.value = *value;
          if (auto amber = (*tt)["amber"].value<double>()) {
            if (*amber < 0)
              throw ScorecardConfigError(where + "targets." + std::string(id) +
                                         ".amber must not be negative");
            target.amber_margin = *amber;
          }
          for (const auto& [tk, _] : *tt)
            if (tk.str() != "target" && tk.str() != "amber")
              throw ScorecardConfigError(where + "targets." + std::string(id) + ": unknown key '" +
                                         std::string(tk.str()) + "' (target, amber)");
        } else {
          throw ScorecardConfigError(
              where + "targets." + std::string(id) +
              " must be a number or { target = <number>, amber = <number> }");
        }
        cfg.targets[std::string(id)] = target;
      }
    } else {
      throw ScorecardConfigError(where + "unknown key '" + std::string(key) +
                                 "'; the keys are suppression_threshold, reference, "
                                 "statistical_neighbours, count_same_carer_changes, "
                                 "adoption_exception, targets");
    }
  }
  return cfg;
}

ScorecardConfig load_scorecard_config(const std::filesystem::path& path) {
  return parse_scorecard_config(timescales::read_config_file(path), path.string());
}

// ---- RAG ------------------------------------------------------------------------------------

std::string_view rag_name(Rag r) {
  switch (r) {
    case Rag::None:
      return "";
    case Rag::Green:
      return "green";
    case Rag::Amber:
      return "amber";
    case Rag::Red:
      return "red";
  }
  return "";
}

Rag rate(const Indicator& ind, std::optional<double> value, const std::optional<Target>& target) {
  if (!value || !target || ind.polarity == Polarity::Context) return Rag::None;
  const double shortfall =
      ind.polarity == Polarity::HigherIsBetter ? target->value - *value : *value - target->value;
  if (shortfall <= 1e-9) return Rag::Green;
  const double margin = target->amber_margin.value_or(default_margin(ind, target->value));
  return shortfall <= margin + 1e-9 ? Rag::Amber : Rag::Red;
}

// ---- suppression ----------------------------------------------------------------------------

std::vector<double> protected_counts(const Indicator& ind, const Value& v) {
  std::vector<double> out;
  switch (ind.unit) {
    case Unit::Count:
    case Unit::RatePer10000:
      out.push_back(v.numerator);
      break;
    case Unit::Percent:
    case Unit::Ratio:
      out.push_back(v.numerator);
      out.push_back(v.denominator.value_or(0));
      break;
    case Unit::Days:
    case Unit::Score:
      out.push_back(v.denominator.value_or(0));
      break;
  }
  return out;
}

Shown suppress_primary(const Indicator& ind, const Value& v, int threshold) {
  Shown s{v, false};
  if (!v.available) return s;
  for (double n : protected_counts(ind, v)) {
    const double r = std::round(n);
    if (r >= 1 && r < threshold) s.suppressed = true;
  }
  return s;
}

void suppress_breakdown(const Indicator& ind, Shown& total, std::vector<ShownCategory>& cats,
                        int threshold) {
  for (auto& c : cats) c = {c.name, suppress_primary(ind, c.shown.value, threshold)};
  if (total.suppressed || cats.empty()) {
    // The total is hidden: categories alone cannot be differenced against it.
    return;
  }
  const std::size_t columns = protected_counts(ind, total.value).size();
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t col = 0; col < columns; ++col) {
      std::size_t n = 0;
      double sum = 0;
      for (const auto& c : cats)
        if (c.shown.suppressed) {
          ++n;
          sum += std::round(protected_counts(ind, c.shown.value)[col]);
        }
      // Safe when nothing is hidden, or when at least two are hidden and each could take more
      // than one value (every hidden count is at least 1, so a sum equal to their number
      // would give them all away).
      if (n == 0 || (n >= 2 && sum > static_cast<double>(n))) continue;
      ShownCategory* next = nullptr;
      for (auto& c : cats) {
        if (c.shown.suppressed) continue;
        const double v = std::round(protected_counts(ind, c.shown.value)[col]);
        if (v < 1) continue;
        if (!next || v < std::round(protected_counts(ind, next->shown.value)[col])) next = &c;
      }
      if (next) {
        next->shown.suppressed = true;
      } else {
        total.suppressed = true;  // nothing left to hide the hidden ones among
        return;
      }
      changed = true;
    }
  }
}

// ---- assembly -------------------------------------------------------------------------------

namespace {

// The council's rank among every council's published figure for the latest year there is one:
// only where a rank means something (a rate or share with a better direction, the council's own
// figure known and shown) and enough councils published (at least half of England's 153).
std::optional<Standing> standing_among_councils(const Indicator& ind, const Entry& e,
                                                const ReferenceData& reference,
                                                const std::string& la, int comparator_year) {
  if (ind.polarity == Polarity::Context || ind.unit == Unit::Count) return std::nullopt;
  if (e.current.suppressed || !e.current.value.value) return std::nullopt;
  std::map<int, std::vector<double>> by_year;
  for (const ComparatorValue* c : reference.comparators_for(ind.comparator))
    if (c->area_type == "la" && c->year <= comparator_year && c->la_code != la)
      by_year[c->year].push_back(c->value);
  if (by_year.empty() || by_year.rbegin()->second.size() < 76) return std::nullopt;
  const auto& [year, others] = *by_year.rbegin();
  const double mine = *e.current.value.value;
  const bool higher = ind.polarity == Polarity::HigherIsBetter;
  const auto better = std::count_if(others.begin(), others.end(),
                                    [&](double v) { return higher ? v > mine : v < mine; });
  Standing s;
  s.rank = static_cast<int>(better) + 1;
  s.of = static_cast<int>(others.size()) + 1;
  s.quartile = std::min(4, (4 * (s.rank - 1)) / s.of + 1);
  s.year = year;
  return s;
}

}  // namespace

Scorecard build_scorecard(const Engine& engine, const ReferenceData& reference,
                          const ScorecardConfig& config, const ScorecardOptions& options) {
  Scorecard sc;
  sc.la = engine.la();
  if (const auto* a = reference.authority(sc.la)) {
    sc.la_name = a->name;
    sc.region = a->region;
  }
  sc.as_of = engine.as_of();
  sc.period = period_containing(sc.as_of, options.period);
  sc.suppressed = options.suppress;
  sc.threshold = options.suppress ? config.suppression_threshold : 1;
  sc.reference_files = reference.files;
  const int threshold = sc.threshold;

  const int trend_count = options.period == PeriodKind::Year      ? 5
                          : options.period == PeriodKind::Quarter ? 8
                                                                  : 12;
  const auto trend_periods = periods_to(sc.as_of, options.period, trend_count);
  const auto year_periods = periods_to(sc.as_of, PeriodKind::Year, 5);
  const int comparator_year = model::CollectionYear::containing(sc.as_of).end_year;
  const auto* la_info = reference.authority(sc.la);
  std::vector<std::string> neighbours = config.statistical_neighbours;
  if (neighbours.empty() && reference.neighbours.count(sc.la))
    neighbours = reference.neighbours.at(sc.la);

  std::vector<const Indicator*> chosen = options.only;
  if (chosen.empty())
    for (const auto& ind : all_indicators()) chosen.push_back(&ind);

  for (const Indicator* one : chosen) {
    const Indicator& ind = *one;
    Entry e;
    e.indicator = &ind;
    e.period = sc.period;
    const Cohort cohort = engine.cohort(ind, sc.period);
    if (cohort.basis != Date{}) e.basis = cohort.basis;
    e.note = cohort.note;
    e.current = suppress_primary(ind, engine.value(ind, cohort), threshold);
    if (auto t = config.targets.find(ind.key); t != config.targets.end()) e.target = t->second;
    e.rag = rate(ind, e.current.value.value, e.target);

    // Comparators are shown for rates, percentages and averages: another area's count says
    // nothing about this council's (it stays in the reference files).
    if (!ind.comparator.empty() && ind.unit != Unit::Count) {
      auto add = [&](const ComparatorValue* c, std::string kind, std::string name) {
        if (!c) return;
        e.comparators.push_back({std::move(kind), std::move(name), c->year, c->value, c->numerator,
                                 c->denominator, c->source});
      };
      add(reference.comparator(ind.comparator, "england", "", comparator_year), "england",
          "England");
      if (la_info && !la_info->region_code.empty())
        add(reference.comparator(ind.comparator, "region", la_info->region_code, comparator_year),
            "region", la_info->region);
      if (!neighbours.empty()) {
        // The mean of the neighbours' published values for the latest year all of them share.
        std::map<int, std::vector<double>> by_year;
        const std::set<std::string_view> wanted(neighbours.begin(), neighbours.end());
        for (const ComparatorValue* c : reference.comparators_for(ind.comparator))
          if (c->area_type == "la" && c->year <= comparator_year && wanted.count(c->la_code))
            by_year[c->year].push_back(c->value);
        for (auto it = by_year.rbegin(); it != by_year.rend(); ++it) {
          if (it->second.size() * 2 < neighbours.size()) continue;  // too few published
          const double mean = std::accumulate(it->second.begin(), it->second.end(), 0.0) /
                              static_cast<double>(it->second.size());
          e.comparators.push_back(
              {"statistical_neighbours",
               "Statistical neighbours (" + std::to_string(it->second.size()) + ")", it->first,
               std::round(mean * 10) / 10, std::nullopt, std::nullopt,
               "Mean of the published values of the council's statistical "
               "neighbours (Department for Education statistics)"});
          break;
        }
      }
      e.standing = standing_among_councils(ind, e, reference, sc.la, comparator_year);
    }

    auto series = [&](const std::vector<ReportingPeriod>& periods) {
      std::vector<Point> out;
      for (const auto& p : periods) {
        if (p.end > sc.as_of) continue;
        // An annual measure has one value per 31 March: a quarter that does not end on one
        // repeats an older figure, so it is left out of a quarterly trend.
        if (ind.frequency == Frequency::Annual &&
            model::make_date(static_cast<int>(std::chrono::year_month_day{p.end}.year()), 3, 31) !=
                p.end)
          continue;
        const Cohort c =
            (p.end == sc.period.end && p.start == sc.period.start) ? cohort : engine.cohort(ind, p);
        out.push_back({p, suppress_primary(ind, engine.value(ind, c), threshold)});
      }
      return out;
    };
    e.trend = ind.frequency == Frequency::Annual ? series(year_periods) : series(trend_periods);
    e.years = series(year_periods);

    if (options.breakdowns && cohort.available) {
      for (std::size_t d = 0; d < kDimensionCount; ++d) {
        std::vector<ShownCategory> cats;
        for (auto& c : engine.breakdown(ind, cohort, static_cast<Dimension>(d)))
          cats.push_back({std::move(c.name), Shown{std::move(c.value), false}});
        if (threshold > 1) suppress_breakdown(ind, e.current, cats, threshold);
        e.breakdowns[d] = std::move(cats);
      }
      if (e.current.suppressed) {
        e.rag = Rag::None;
        for (auto* series : {&e.trend, &e.years})
          for (auto& pt : *series)
            if (pt.period.start == sc.period.start && pt.period.end == sc.period.end)
              pt.shown.suppressed = true;
      }
    }
    sc.entries.push_back(std::move(e));
  }
  return sc;
}

}  // namespace hearth::indicators
