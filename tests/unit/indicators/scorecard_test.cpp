// The scorecard around the indicators: registry, configuration, RAG, comparators and
// small-number suppression, including a check that no suppressed count can be worked out from
// the figures that are shown.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "cohort.hpp"

namespace hearth::indicators::test {
namespace {

TEST(Registry, EveryIndicatorIsDescribedOnceWithItsDefinition) {
  std::set<std::string_view> keys;
  for (const auto& ind : all_indicators()) {
    EXPECT_TRUE(keys.insert(ind.key).second) << "duplicate id " << ind.key;
    EXPECT_FALSE(ind.title.empty()) << ind.key;
    EXPECT_FALSE(ind.why.empty()) << ind.key;
    EXPECT_FALSE(ind.numerator.empty()) << ind.key;
    EXPECT_FALSE(ind.population.empty()) << ind.key;
    EXPECT_FALSE(ind.definition.empty()) << ind.key;
    EXPECT_FALSE(ind.basis.empty()) << ind.key;
    EXPECT_EQ(ind.source == Source::NotHeld, !ind.needs.empty()) << ind.key;
    if (ind.unit == Unit::Percent) EXPECT_FALSE(ind.denominator.empty()) << ind.key;
    EXPECT_EQ(indicator_by_key(ind.key), &ind);  // and so no key is used twice
    // Every measure Hearth can compute carries its computation; one it does not hold has none.
    EXPECT_EQ(ind.source == Source::NotHeld, ind.cohort == nullptr) << ind.key;
  }
  // The section files are listed in scorecard order, and each holds its own section's entries.
  for (std::size_t i = 1; i < all_indicators().size(); ++i)
    EXPECT_LE(all_indicators()[i - 1].section, all_indicators()[i].section)
        << all_indicators()[i].key;
  // Every indicator id of ../shared/spec/indicators.md is a family here.
  std::set<std::string_view> families;
  for (const auto& ind : all_indicators()) families.insert(ind.family);
  for (std::string_view spec : {"cla_count",
                                "cla_starts",
                                "cla_ceased",
                                "uasc_count",
                                "care_leavers_count",
                                "stability_short",
                                "stability_long",
                                "placement_mix",
                                "placed_distance",
                                "long_term_matched",
                                "missing_children",
                                "rhi_timely",
                                "sw_changes",
                                "visits_timely",
                                "reviews_timely",
                                "adoption",
                                "sgo",
                                "leavers_in_touch",
                                "leavers_eet",
                                "leavers_accommodation",
                                "leavers_higher_education",
                                "pathway_plans",
                                "pa_caseload",
                                "staying_put",
                                "health_assessment",
                                "dental",
                                "immunisations",
                                "sdq",
                                "substance_misuse",
                                "pep_current",
                                "suspensions",
                                "convictions",
                                "statements",
                                "challenge_cards",
                                "review_participation",
                                "advocacy"})
    EXPECT_TRUE(families.count(spec)) << spec;
}

TEST(ScorecardConfig, TargetsAndThresholdComeFromTomlWithClearErrors) {
  auto cfg = parse_scorecard_config(R"(
[timescales]
first_review_working_days = 20
[scorecard]
suppression_threshold = 6
statistical_neighbours = ["886", "919"]
[scorecard.targets]
stability_short = 9
leavers_eet_19_21 = { target = 60, amber = 3 }
)",
                                    "t.toml");
  EXPECT_EQ(cfg.suppression_threshold, 6);
  EXPECT_EQ(cfg.targets.at("stability_short").value, 9);
  EXPECT_EQ(cfg.targets.at("leavers_eet_19_21").value, 60);
  EXPECT_EQ(*cfg.targets.at("leavers_eet_19_21").amber_margin, 3);
  EXPECT_EQ(cfg.targets.at("dental").value, 70);  // registry default kept
  EXPECT_EQ(cfg.statistical_neighbours.size(), 2u);
  auto error = [](std::string_view text) {
    try {
      parse_scorecard_config(text, "t.toml");
    } catch (const ScorecardConfigError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(
      error("[scorecard.targets]\nnot_an_indicator = 5\n").find("no indicator 'not_an_indicator'"),
      std::string::npos);
  EXPECT_NE(error("[scorecard]\nsuppression_threshold = 0\n").find("suppression_threshold"),
            std::string::npos);
  EXPECT_NE(error("[scorecard]\ncolour = 1\n").find("unknown key 'colour'"), std::string::npos);
  EXPECT_NE(error("[scorecard.targets]\ndental = \"high\"\n").find("targets.dental"),
            std::string::npos);
  EXPECT_NE(error("[scorecard\n").find("t.toml:1"), std::string::npos);
}

TEST(Rag, GreenAtOrBetterThanTargetAmberWithinTheMarginRedBeyond) {
  const auto& up = ind("leavers_eet_19_21");  // higher is better, target 55
  const auto& down = ind("stability_short");  // lower is better
  const Target t{55, std::nullopt};           // percent: 5 points of amber by default
  EXPECT_EQ(rate(up, 55.0, t), Rag::Green);
  EXPECT_EQ(rate(up, 50.0, t), Rag::Amber);
  EXPECT_EQ(rate(up, 49.9, t), Rag::Red);
  EXPECT_EQ(rate(down, 10.0, Target{10, 1}), Rag::Green);
  EXPECT_EQ(rate(down, 10.8, Target{10, 1}), Rag::Amber);
  EXPECT_EQ(rate(down, 11.5, Target{10, 1}), Rag::Red);
  EXPECT_EQ(rate(ind("cla_count"), 400.0, Target{300, {}}), Rag::None);  // context
  EXPECT_EQ(rate(up, std::nullopt, t), Rag::None);
}

TEST(Suppression, SmallCountsAndFiguresBuiltOnThemShowC) {
  const auto& pct = ind("stability_short");
  Value v;
  v.numerator = 3;
  v.denominator = 40;
  v.value = 7.5;
  EXPECT_TRUE(suppress_primary(pct, v, 5).suppressed);  // 3 children
  v.numerator = 0;
  v.value = 0;
  EXPECT_FALSE(suppress_primary(pct, v, 5).suppressed);  // zero is not disclosive
  v.numerator = 5;
  EXPECT_FALSE(suppress_primary(pct, v, 5).suppressed);
  v.denominator = 4;
  EXPECT_TRUE(suppress_primary(pct, v, 5).suppressed);   // out of 4 children
  EXPECT_FALSE(suppress_primary(pct, v, 1).suppressed);  // threshold 1: analysts see all
  Value days;
  days.numerator = 1200;  // total days are not a count of children; the 3 children are
  days.denominator = 3;
  days.value = 400;
  EXPECT_TRUE(suppress_primary(ind("adoption_a1"), days, 5).suppressed);
}

// Whether any suppressed category's count could be worked out from what is shown: the total and
// the shown categories fix the sum of the hidden ones; every hidden count is at least 1 (zeros
// are never hidden); a hidden count is recoverable when it can take only one value.
bool recoverable(const std::vector<double>& hidden_true, double hidden_sum) {
  const std::size_t n = hidden_true.size();
  if (n == 0) return false;
  if (n == 1) return true;
  // With n >= 2 hidden counts each >= 1 summing to S, each can range over [1, S - (n - 1)].
  return hidden_sum - static_cast<double>(n - 1) <= 1;
}

TEST(Suppression, NoSuppressedCountCanBeRecoveredFromTheTotalsShown) {
  // 500 random councils of 5 to 60 children: breakdown categories by a random attribute, each
  // child in the numerator with probability 0.3. After suppression, in every breakdown and for
  // numerator and denominator alike, either the total is hidden or the hidden categories'
  // counts cannot be pinned down.
  std::mt19937 rng(20261123);
  const auto& stability = ind("stability_short");
  int checked = 0, hidden_seen = 0;
  for (int trial = 0; trial < 500; ++trial) {
    const int children = 5 + static_cast<int>(rng() % 56);
    const int categories = 2 + static_cast<int>(rng() % 6);
    std::vector<Value> cats(categories);
    Value total;
    total.denominator = 0;
    for (auto& c : cats) c.denominator = 0;
    for (int i = 0; i < children; ++i) {
      const int cat = static_cast<int>(rng() % static_cast<unsigned>(categories));
      const bool in = rng() % 10 < 3;
      cats[cat].numerator += in;
      *cats[cat].denominator += 1;
      total.numerator += in;
      *total.denominator += 1;
    }
    std::vector<ShownCategory> shown;
    for (int c = 0; c < categories; ++c) {
      if (*cats[c].denominator > 0) cats[c].value = 100 * cats[c].numerator / *cats[c].denominator;
      shown.push_back({"c" + std::to_string(c), Shown{cats[c], false}});
    }
    Shown head = suppress_primary(stability, total, 5);
    suppress_breakdown(stability, head, shown, 5);
    if (head.suppressed) continue;
    for (int col = 0; col < 2; ++col) {
      std::vector<double> hidden;
      double shown_sum = 0;
      for (const auto& s : shown) {
        const double v = col == 0 ? s.shown.value.numerator : *s.shown.value.denominator;
        if (s.shown.suppressed)
          hidden.push_back(v);
        else
          shown_sum += v;
        // Every category with a count from 1 to 4 is hidden.
        if (v >= 1 && v < 5) EXPECT_TRUE(s.shown.suppressed);
      }
      const double total_col = col == 0 ? total.numerator : *total.denominator;
      hidden_seen += !hidden.empty();
      EXPECT_FALSE(recoverable(hidden, total_col - shown_sum))
          << "trial " << trial << " column " << col;
      ++checked;
    }
  }
  EXPECT_GT(checked, 200);
  EXPECT_GT(hidden_seen, 100);  // the test did exercise suppression
}

TEST(Scorecard, BuildsEveryIndicatorWithTrendTargetComparatorAndSuppressedBreakdowns) {
  Cohort k;
  for (int i = 0; i < 30; ++i) {
    k.child("s" + std::to_string(i), model::make_date(2008 + i % 8, 1, 1),
            i % 2 ? model::Sex::F : model::Sex::M)
        .episode(model::make_date(2022, 1, 1),
                 i % 5 ? std::nullopt : std::optional<Date>(model::make_date(2024, 9, 1)));
    if (i % 5 == 0)
      k.episode(model::make_date(2024, 9, 1), model::make_date(2024, 12, 1), RNE::P, PL::K2)
          .episode(model::make_date(2024, 12, 1), std::nullopt, RNE::P, PL::U6);
  }
  ReferenceData ref;
  ref.authorities[kLa] = {kLa, "Testshire", "South East", "E12000008"};
  ComparatorValue england;
  england.key = "stability_short/percent";
  england.area_type = "england";
  england.area_name = "England";
  england.year = 2025;
  england.value = 10;
  ref.comparators.push_back(england);
  ComparatorValue later = england;  // a later year than the scorecard's is not used
  later.year = 2026;
  later.value = 99;
  ref.comparators.push_back(later);
  auto& engine = k.at(model::make_date(2025, 3, 31), ref);
  auto cfg = ScorecardConfig::defaults();
  ScorecardOptions o;
  o.suppress = true;
  auto sc = build_scorecard(engine, k.reference(), cfg, o);
  ASSERT_EQ(sc.entries.size(), all_indicators().size());
  EXPECT_EQ(sc.la_name, "Testshire");
  EXPECT_EQ(sc.period.label, "2024-25 Q4");
  const Entry* stability = nullptr;
  for (const auto& e : sc.entries)
    if (e.indicator->key == "stability_short") stability = &e;
  ASSERT_TRUE(stability);
  // 30 children at 31 March; the 6 who moved twice since September had 3 placements: 20%.
  EXPECT_NEAR(*stability->current.value.value, 20.0, 0.01);
  EXPECT_FALSE(stability->current.suppressed);
  EXPECT_EQ(stability->trend.size(), 8u);
  ASSERT_EQ(stability->comparators.size(), 1u);
  EXPECT_EQ(stability->comparators[0].value, 10);
  EXPECT_EQ(stability->rag, Rag::Red);  // 20% against a target of 10%
  // 15 boys and 15 girls, 3 movers each: every sex category has a numerator of 3 -> hidden.
  const auto& by_sex = stability->breakdowns[static_cast<std::size_t>(Dimension::Sex)];
  ASSERT_EQ(by_sex.size(), 2u);
  EXPECT_TRUE(by_sex[0].shown.suppressed);
  EXPECT_TRUE(by_sex[1].shown.suppressed);
  // Annual indicators trend by year; their quarterly trend would only repeat a figure.
  for (const auto& e : sc.entries)
    if (e.indicator->frequency == Frequency::Annual)
      for (const auto& pt : e.trend)
        EXPECT_EQ(pt.period.kind, PeriodKind::Year) << e.indicator->key;
}

}  // namespace
}  // namespace hearth::indicators::test

namespace hearth::indicators::test {
namespace {

TEST(ReferenceData, ShippedFilesLoadAndABadRowNamesFileLineAndColumn) {
  auto ref = ReferenceData::load(ReferenceData::default_folder());
  const auto* england = ref.comparator("stability_short/percent", "england", "", 2025);
  ASSERT_TRUE(england);
  EXPECT_EQ(england->value, 10);
  EXPECT_EQ(*england->numerator, 8500);
  EXPECT_EQ(*england->denominator, 81770);
  ASSERT_TRUE(ref.population_for("887", 2025));
  EXPECT_EQ(ref.authority("887")->region, "South East");
  EXPECT_EQ(ref.neighbours.at("887").size(), 10u);

  auto dir = std::filesystem::temp_directory_path() / "hearth-reference-test";
  std::filesystem::create_directories(dir / "population");
  {
    std::ofstream f(dir / "population" / "under_18.csv");
    f << "area_type,area_code,la_code,area_name,year,population_0_17,source\n"
      << "la,E06000035,887,Medway,2025,68774,ONS\n"
      << "la,E06000035,887,Medway,2025,lots,ONS\n";
  }
  try {
    ReferenceData::load(dir);
    ADD_FAILURE() << "a bad number was accepted";
  } catch (const ReferenceError& e) {
    EXPECT_NE(
        std::string(e.what()).find("under_18.csv:3: column population_0_17 'lots' is not a number"),
        std::string::npos)
        << e.what();
  }
  std::filesystem::remove_all(dir);
  EXPECT_THROW(ReferenceData::load(dir), ReferenceError);  // the folder is gone
}

}  // namespace
}  // namespace hearth::indicators::test
