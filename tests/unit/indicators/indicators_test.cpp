// Every indicator on a tiny hand-made cohort; the right answer is worked out in the comments.
// The period is the financial year 2024-25 (1 April 2024 to 31 March 2025) unless a test says.
#include <gtest/gtest.h>

#include "cohort.hpp"

namespace hearth::indicators::test {
namespace {

using model::Accommodation;
using model::Activity;
using model::InTouch;
using model::ReviewParticipation;

const Date kMarch31 = make_date(2025, 3, 31);

void expect_value(const Value& v, double numerator, std::optional<double> denominator,
                  double value) {
  ASSERT_TRUE(v.available) << v.reason;
  EXPECT_DOUBLE_EQ(v.numerator, numerator);
  if (denominator) {
    ASSERT_TRUE(v.denominator);
    EXPECT_NEAR(*v.denominator, *denominator, 1e-9);
  }
  ASSERT_TRUE(v.value);
  EXPECT_NEAR(*v.value, value, 0.05);
}

TEST(Indicators, StabilityShortIsTwoOfNineWhenTheShortBreaksChildIsExcluded) {
  // The spec's example: 10 children looked after at 31 March 2025; 3 had 3 or more placements
  // in the year, but one of them is looked after under short breaks (V3) and is excluded from
  // both numerator and denominator: 2 / 9 = 22.2%.
  Cohort k;
  for (int i = 1; i <= 5; ++i)  // five children in one placement since 2023: 1 placement each
    k.child("A" + std::to_string(i), make_date(2012, 1, 1)).episode(make_date(2023, 1, 1));
  // A temporary placement (T1, hospital) and the return from it are not new placements: 1.
  k.child("T", make_date(2012, 1, 1))
      .episode(make_date(2023, 1, 1), make_date(2024, 6, 1))
      .episode(make_date(2024, 6, 1), make_date(2024, 6, 10), RNE::P, PL::T1)
      .episode(make_date(2024, 6, 10), std::nullopt, RNE::P, PL::U4);
  // A change of legal status only (RNE L) is the same placement: 1.
  k.child("L", make_date(2012, 1, 1))
      .episode(make_date(2023, 1, 1), make_date(2024, 7, 1))
      .episode(make_date(2024, 7, 1), std::nullopt, RNE::L, PL::U4, LS::C1);
  // Entered in May, moved twice: 3 placements.
  k.child("M", make_date(2012, 1, 1))
      .episode(make_date(2024, 5, 1), make_date(2024, 9, 1), RNE::S, PL::U3)
      .episode(make_date(2024, 9, 1), make_date(2025, 1, 10), RNE::P, PL::U4)
      .episode(make_date(2025, 1, 10), std::nullopt, RNE::P, PL::U6);
  // In care since 2023; the placement held on 1 April counts, then two moves: 3.
  k.child("N", make_date(2012, 1, 1))
      .episode(make_date(2023, 1, 1), make_date(2024, 6, 1))
      .episode(make_date(2024, 6, 1), make_date(2024, 12, 1), RNE::P, PL::K2)
      .episode(make_date(2024, 12, 1), std::nullopt, RNE::B, PL::U4, LS::C1);
  // Short breaks: three stays, but V3 — not in the population at all.
  k.child("V", make_date(2012, 1, 1))
      .episode(make_date(2024, 5, 1), make_date(2024, 5, 3), RNE::S, PL::U6, LS::V3)
      .episode(make_date(2024, 8, 1), make_date(2024, 8, 3), RNE::S, PL::U6, LS::V3)
      .episode(make_date(2025, 3, 28), std::nullopt, RNE::S, PL::U6, LS::V3);
  k.at(kMarch31);
  expect_value(k.value(ind("stability_short"), year(2025)), 2, 9, 22.2);
}

TEST(Indicators, StabilityLongCountsTheSameCarerForTwoYearsAndPlacementForAdoption) {
  // Under 16 and looked after for 2.5 years on 31 March 2025 (since 30 Sep 2022 or earlier):
  //   a — same foster placement since 2020: yes
  //   b — moved to new carers (RNE P) in January 2024: no (1 year 3 months)
  //   c — legal status changed (RNE L) in 2023, same carers: yes
  //   d — placed for adoption with new adopters (A4, RNE P) in June 2024 after a placement
  //       from 2020: the two together last 2 years: yes
  //   e — in care only since January 2023 (2 years 3 months): not in the population
  //   f — 16 on 1 January 2025: not in the population
  // 3 / 4 = 75%.
  Cohort k;
  k.child("a", make_date(2012, 1, 1)).episode(make_date(2020, 1, 1));
  k.child("b", make_date(2012, 1, 1))
      .episode(make_date(2020, 1, 1), make_date(2024, 1, 1))
      .episode(make_date(2024, 1, 1), std::nullopt, RNE::P, PL::U6);
  k.child("c", make_date(2012, 1, 1))
      .episode(make_date(2020, 1, 1), make_date(2023, 6, 1))
      .episode(make_date(2023, 6, 1), std::nullopt, RNE::L, PL::U4, LS::C1);
  k.child("d", make_date(2020, 1, 1))
      .episode(make_date(2020, 2, 1), make_date(2024, 6, 1))
      .episode(make_date(2024, 6, 1), std::nullopt, RNE::P, PL::A4, LS::E1);
  k.child("e", make_date(2012, 1, 1)).episode(make_date(2023, 1, 1));
  k.child("f", make_date(2009, 1, 1)).episode(make_date(2015, 1, 1));
  k.at(kMarch31);
  expect_value(k.value(ind("stability_long"), year(2025)), 3, 4, 75.0);
  // Without the adoption exception (the DfE's current "same carer" wording) d falls out: 2 / 4.
  k.at(kMarch31, {}, Rules{true, false});
  expect_value(k.value(ind("stability_long"), year(2025)), 2, 4, 50.0);
}

TEST(Indicators, PlacementMixAndLongTermMatchedShareOutChildrenOnTheDate) {
  // Eight children on 31 March 2025, one in each group and one "other" (Z1):
  //   U1 family/friends (long-term), U4 council's own (PR1, long-term), U5 agency (PR4),
  //   K2 children's home, P1 with parents, H5 supported accommodation, A4 for adoption, Z1.
  // Each group is 1 / 8 = 12.5%; foster care (U1, U4, U5) is 3 / 8 = 37.5%; of the three
  // fostered, U1 and U4 are long-term matches: 2 / 3 = 66.7%.
  Cohort k;
  const std::pair<PL, model::PlacementProvider> placements[] = {
      {PL::U1, model::PlacementProvider::PR1}, {PL::U4, model::PlacementProvider::PR1},
      {PL::U5, model::PlacementProvider::PR4}, {PL::K2, model::PlacementProvider::PR4},
      {PL::P1, model::PlacementProvider::PR0}, {PL::H5, model::PlacementProvider::PR4},
      {PL::A4, model::PlacementProvider::PR1}, {PL::Z1, model::PlacementProvider::PR1}};
  int n = 0;
  for (auto [place, provider] : placements)
    k.child("p" + std::to_string(++n), make_date(2010, 1, 1))
        .episode(make_date(2024, 1, 1), std::nullopt, RNE::S, place, LS::C2, std::nullopt,
                 provider);
  k.at(kMarch31);
  const ReportingPeriod p = year(2025);
  expect_value(k.value(ind("placement_foster"), p), 3, 8, 37.5);
  for (const Indicator& id :
       {ind("placement_foster_connected"), ind("placement_foster_in_house"),
        ind("placement_foster_agency"), ind("placement_residential"), ind("placement_with_parents"),
        ind("placement_independent"), ind("placement_adoption")})
    expect_value(k.value(id, p), 1, 8, 12.5);
  expect_value(k.value(ind("long_term_matched"), p), 2, 3, 66.7);
}

TEST(Indicators, FirstPlacementFosterIsWhereEachStartInThePeriodBegan) {
  //   f1 started 1 Jun 2024 with foster carers (U4), then a children's home (K2)    foster
  //   f2 started 1 May 2024 in a children's home (K2), then foster care (U4)        not foster
  //   f3 started 1 Jul 2024 with family or friends (U1), left 1 Oct 2024            foster
  //   f4 short breaks only, from 1 Aug 2024 (U6, V3)                                not a start
  //   f5 with foster carers since 2023                                              not a start in
  //   it f6 short breaks from 1 Apr 2024 (U6, V3), then full-time care in a children's
  //      home from 1 Sep 2024 (K2, C2): care starts on 1 Sep                        not foster
  //   f7 started 1 Apr 2024 in a children's home, left, started again 1 Dec 2024 with
  //      foster carers: counted once, by the first start                           not foster
  // Starts 5 (f1, f2, f3, f6, f7); first placement with foster carers 2: 40%.
  Cohort k;
  k.child("f1", make_date(2012, 1, 1))
      .episode(make_date(2024, 6, 1), make_date(2024, 9, 1), RNE::S, PL::U4)
      .episode(make_date(2024, 9, 1), std::nullopt, RNE::P, PL::K2);
  k.child("f2", make_date(2012, 1, 1))
      .episode(make_date(2024, 5, 1), make_date(2024, 8, 1), RNE::S, PL::K2)
      .episode(make_date(2024, 8, 1), std::nullopt, RNE::P, PL::U4);
  k.child("f3", make_date(2012, 1, 1))
      .episode(make_date(2024, 7, 1), make_date(2024, 10, 1), RNE::S, PL::U1, LS::C2, REC::E13);
  k.child("f4", make_date(2012, 1, 1))
      .episode(make_date(2024, 8, 1), std::nullopt, RNE::S, PL::U6, LS::V3);
  k.child("f5", make_date(2012, 1, 1)).episode(make_date(2023, 1, 1));
  k.child("f6", make_date(2012, 1, 1))
      .episode(make_date(2024, 4, 1), make_date(2024, 9, 1), RNE::S, PL::U6, LS::V3)
      .episode(make_date(2024, 9, 1), std::nullopt, RNE::L, PL::K2, LS::C2);
  k.child("f7", make_date(2012, 1, 1))
      .episode(make_date(2024, 4, 1), make_date(2024, 6, 1), RNE::S, PL::K2, LS::C2, REC::E13)
      .episode(make_date(2024, 12, 1), std::nullopt, RNE::S, PL::U4);
  k.at(kMarch31);
  expect_value(k.value(ind("first_placement_foster"), year(2025)), 2, 5, 40.0);
  // The quarter to 30 September 2024 holds two starts, f3 (foster) and f6 (not); the quarter to
  // 31 December, f7's second start (foster).
  const ReportingPeriod q2 = period_containing(make_date(2024, 9, 30), PeriodKind::Quarter);
  expect_value(k.value(ind("first_placement_foster"), q2), 1, 2, 50.0);
  const ReportingPeriod q3 = period_containing(make_date(2024, 12, 31), PeriodKind::Quarter);
  expect_value(k.value(ind("first_placement_foster"), q3), 1, 1, 100.0);
}

TEST(Indicators, ContextCountsStartsCeasedUascAndTheRatePer10000) {
  //   c1 in care since 2023, still in care            count
  //   c2 started 1 Jun 2024, still in care            count, start
  //   c3 started 1 May 2024, ceased 1 Oct 2024        start, ceased
  //   c4 short breaks from 1 Jul 2024 (V3)            nothing
  //   c5 in care since 2023, ceased 31 Mar 2025       ceased (not looked after on 31 March)
  //   c6 UASC, started 1 Sep 2024, still in care      count, start, UASC
  // Looked after 3; started 3; ceased 2; UASC 1. Population 6,000: 3 x 10,000 / 6,000 = 5.0.
  Cohort k;
  k.child("c1", make_date(2010, 1, 1)).episode(make_date(2023, 1, 1));
  k.child("c2", make_date(2010, 1, 1)).episode(make_date(2024, 6, 1));
  k.child("c3", make_date(2010, 1, 1))
      .episode(make_date(2024, 5, 1), make_date(2024, 10, 1), RNE::S, PL::U4, LS::C2, REC::E13);
  k.child("c4", make_date(2010, 1, 1))
      .episode(make_date(2024, 7, 1), std::nullopt, RNE::S, PL::U6, LS::V3);
  k.child("c5", make_date(2010, 1, 1))
      .episode(make_date(2023, 1, 1), kMarch31, RNE::S, PL::U4, LS::C2, REC::E13);
  k.child("c6", make_date(2008, 1, 1))
      .episode(make_date(2024, 9, 1), std::nullopt, RNE::S, PL::H5, LS::V2)
      .uasc();
  ReferenceData ref;
  ref.population[kLa][2025] = 6000;
  k.at(kMarch31, ref);
  const ReportingPeriod p = year(2025);
  expect_value(k.value(ind("cla_count"), p), 3, std::nullopt, 3);
  expect_value(k.value(ind("cla_rate"), p), 3, 6000, 5.0);
  expect_value(k.value(ind("cla_starts"), p), 3, std::nullopt, 3);
  expect_value(k.value(ind("cla_ceased"), p), 2, std::nullopt, 2);
  expect_value(k.value(ind("uasc_count"), p), 1, std::nullopt, 1);
  // Without a population figure the rate is not available, and says which file it needs.
  k.at(kMarch31);
  auto v = k.value(ind("cla_rate"), p);
  EXPECT_FALSE(v.available);
  EXPECT_NE(v.reason.find("under_18.csv"), std::string::npos);
}

TEST(Indicators, MissingCountsChildrenWhoWentMissingNotAway) {
  //   m1 in care all year: missing twice (M) and once away (A)       went missing, 2 incidents
  //   m2 in care all year, never missing
  //   m3 in care May-August 2024, missing once                        went missing, 1 incident
  //   m4 short breaks only, "missing" once                            not in the population
  // Children: 2 / 3 = 66.7%; incidents 3 (away is not missing); per child 3 / 2 = 1.5.
  Cohort k;
  k.child("m1", make_date(2010, 1, 1))
      .episode(make_date(2023, 1, 1))
      .missing(make_date(2024, 5, 1))
      .missing(make_date(2024, 9, 1))
      .missing(make_date(2024, 10, 1), model::MissingType::A);
  k.child("m2", make_date(2010, 1, 1)).episode(make_date(2023, 1, 1));
  k.child("m3", make_date(2010, 1, 1))
      .episode(make_date(2024, 5, 1), make_date(2024, 8, 31))
      .missing(make_date(2024, 6, 1));
  k.child("m4", make_date(2010, 1, 1))
      .episode(make_date(2024, 5, 1), std::nullopt, RNE::S, PL::U6, LS::V4)
      .missing(make_date(2024, 6, 1));
  k.at(kMarch31);
  const ReportingPeriod p = year(2025);
  expect_value(k.value(ind("missing_children"), p), 2, 3, 66.7);
  expect_value(k.value(ind("missing_incidents"), p), 3, std::nullopt, 3);
  expect_value(k.value(ind("missing_incidents_per_child"), p), 3, 2, 1.5);
}

TEST(Indicators, SocialWorkerChangesCountDistinctWorkersInTheTwelveMonths) {
  //   s1: SW1 (ended May 2024), SW2 (ended Nov 2024), SW3: three in the year      yes
  //   s2: SW1 then SW4: two                                                       no
  //   s3: SW5 ended March 2024 (before the window), SW6, SW7: two in the window   no
  // 1 / 3 = 33.3%.
  Cohort k;
  k.child("s1", make_date(2010, 1, 1))
      .episode(make_date(2023, 1, 1))
      .social_worker("SW1", make_date(2023, 1, 1), make_date(2024, 5, 1))
      .social_worker("SW2", make_date(2024, 5, 1), make_date(2024, 11, 1))
      .social_worker("SW3", make_date(2024, 11, 1));
  k.child("s2", make_date(2010, 1, 1))
      .episode(make_date(2023, 1, 1))
      .social_worker("SW1", make_date(2023, 1, 1), make_date(2024, 8, 1))
      .social_worker("SW4", make_date(2024, 8, 1));
  k.child("s3", make_date(2010, 1, 1))
      .episode(make_date(2023, 1, 1))
      .social_worker("SW5", make_date(2023, 1, 1), make_date(2024, 3, 1))
      .social_worker("SW6", make_date(2024, 3, 1), make_date(2024, 9, 1))
      .social_worker("SW7", make_date(2024, 9, 1));
  k.at(kMarch31);
  expect_value(k.value(ind("sw_changes"), year(2025)), 1, 3, 33.3);
}

TEST(Indicators, ReviewsAndReviewParticipation) {
  // r1 enters care on Monday 3 June 2024. First review due 20 working days later, Monday 1 July;
  // held Friday 28 June: on time. The second is due 3 months after it, 28 September; held
  // 5 October: late. The third is due 6 months later, 5 April 2025: after the year.
  // Reviews due in the year: 2, on time 1: 50%.
  // Participation (reviews held in the year, codes PN1-PN7; PN0 under-4s and blank codes left
  // out): r1's two reviews PN1 and PN7, r2's PN5, PN0 and a blank: 2 / 3 = 66.7%.
  Cohort k;
  k.child("r1", make_date(2012, 1, 1))
      .episode(make_date(2024, 6, 3))
      .review(make_date(2024, 6, 28), ReviewParticipation::PN1)
      .review(make_date(2024, 10, 5), ReviewParticipation::PN7);
  k.child("r2", make_date(2012, 1, 1))
      .episode(make_date(2020, 1, 1))
      .review(make_date(2024, 5, 1), ReviewParticipation::PN5)
      .review(make_date(2024, 11, 1), ReviewParticipation::PN0)
      .review(make_date(2025, 3, 1), std::nullopt);
  k.at(kMarch31);
  const ReportingPeriod p = period_containing(make_date(2025, 3, 31), PeriodKind::Year);
  // Count r1's items only: r2's chain before the records begin is not judged.
  auto c = k.at(kMarch31).cohort(ind("reviews_timely"), p);
  double num = 0, den = 0;
  for (const auto& x : c.cases)
    if (x.child == 0) num += x.numerator, den += x.denominator;
  EXPECT_EQ(num, 1);
  EXPECT_EQ(den, 2);
  expect_value(k.value(ind("review_participation"), p), 2, 3, 66.7);
}

TEST(Indicators, VisitsOnTimeAndSeenAlone) {
  // v1 placed Monday 3 June 2024 (U6, not long-term). Visits due: within a week of placement,
  // 10 June; then every 6 weeks (42 days) in the first year from the previous visit.
  //   7 June  visit (due 10 June)          on time
  //   1 Aug   visit (due 19 July)          late
  //  10 Sep   visit (due 12 September)     on time
  //   no visit by 22 October (due)         overdue
  //   ... later visits chain from an undone one, so the chain stops there.
  // Due in the year 4, on time 2: 50%.
  // Seen alone: of the three visits where the child was seen, two alone: 66.7%; a visit where
  // the child was not seen is left out.
  Cohort k;
  k.child("v1", make_date(2012, 1, 1)).episode(make_date(2024, 6, 3), std::nullopt, RNE::S, PL::U6);
  auto visit = [&](std::string id, Date d, bool seen, bool alone) {
    model::Visit v;
    v.id = std::move(id);
    v.child = "v1";
    v.date = d;
    v.seen = seen;
    v.seen_alone = alone;
    k.local().visits.push_back(v);
  };
  visit("V1", make_date(2024, 6, 7), true, true);
  visit("V2", make_date(2024, 8, 1), true, false);
  visit("V3", make_date(2024, 9, 10), true, true);
  k.at(kMarch31);
  expect_value(k.value(ind("visits_timely"), year(2025)), 2, 4, 50.0);
  visit("V4", make_date(2024, 12, 1), false, false);
  k.at(kMarch31);
  expect_value(k.value(ind("visits_seen_alone"), year(2025)), 2, 3, 66.7);
}

TEST(Indicators, HealthAssessmentTimeliness) {
  // IHA within 20 working days of entering care:
  //   h1 enters Monday 3 June 2024: due Monday 1 July; held 20 June: on time
  //   h2 enters Monday 2 September 2024: due Monday 30 September; held 15 October: late
  // 1 / 2 = 50%.
  // RHA (from age 5, yearly from the previous assessment):
  //   h3 (born 2012) RHA 1 July 2023: next due 1 July 2024; held 15 June 2024: on time
  //   h4 (born 2012) RHA 1 September 2023: next due 1 September 2024; held 1 October: late
  // 1 / 2 = 50%.
  Cohort k;
  auto check = [&](std::string child, model::HealthCheckType type, Date d) {
    model::HealthCheck h;
    h.id = "H" + std::to_string(k.local().health_checks.size() + 1);
    h.child = std::move(child);
    h.type = type;
    h.date = d;
    k.local().health_checks.push_back(h);
  };
  k.child("h1", make_date(2012, 1, 1)).episode(make_date(2024, 6, 3));
  k.child("h2", make_date(2012, 1, 1)).episode(make_date(2024, 9, 2));
  k.child("h3", make_date(2012, 1, 1)).episode(make_date(2022, 1, 1));
  k.child("h4", make_date(2012, 1, 1)).episode(make_date(2022, 1, 1));
  check("h1", model::HealthCheckType::Initial, make_date(2024, 6, 20));
  check("h2", model::HealthCheckType::Initial, make_date(2024, 10, 15));
  check("h3", model::HealthCheckType::Initial, make_date(2023, 7, 1));
  check("h3", model::HealthCheckType::Review, make_date(2024, 6, 15));
  check("h4", model::HealthCheckType::Initial, make_date(2023, 9, 1));
  check("h4", model::HealthCheckType::Review, make_date(2024, 10, 1));
  k.at(kMarch31);
  expect_value(k.value(ind("iha_timely"), year(2025)), 1, 2, 50.0);
  expect_value(k.value(ind("rha_timely"), year(2025)), 1, 2, 50.0);
}

TEST(Indicators, ReturnHomeInterviewsWithin72Hours) {
  // Returns and interviews (local missing records):
  //   Friday 8 Nov 2024 18:00 return; interview Monday 11 Nov 10:00 (due 11 Nov 18:00): on time
  //   Friday 10 Jan 2025 12:00 return; interview Wednesday 15 Jan: late
  //   1 Feb 2025 return; interview declined: not counted
  // 1 / 2 = 50%.
  Cohort k;
  k.child("x1", make_date(2010, 1, 1)).episode(make_date(2023, 1, 1));
  auto miss = [&](std::string id, model::DateTime back, std::optional<model::DateTime> rhi,
                  bool accepted) {
    model::MissingRecord m;
    m.id = std::move(id);
    m.child = "x1";
    m.start = {back.date - std::chrono::days{1}, 600};
    m.type = model::MissingType::M;
    m.end = back;
    m.rhi_offered = true;
    m.rhi_accepted = accepted;
    m.rhi_date = rhi;
    k.local().missing.push_back(m);
  };
  miss("M1", {make_date(2024, 11, 8), 18 * 60}, model::DateTime{make_date(2024, 11, 11), 10 * 60},
       true);
  miss("M2", {make_date(2025, 1, 10), 12 * 60}, model::DateTime{make_date(2025, 1, 15), 9 * 60},
       true);
  miss("M3", {make_date(2025, 2, 1), 12 * 60}, std::nullopt, false);
  k.at(kMarch31);
  expect_value(k.value(ind("rhi_timely"), year(2025)), 1, 2, 50.0);
}

TEST(Indicators, AdoptionCountsAndTimescales) {
  // a1 entered care 10 Jan 2022; placement order (LS E1) from 2 Jan 2023; matched 1 Oct 2023;
  //    placed for adoption (A4) 1 Nov 2023; adopted 1 Dec 2024 (E11).
  //    A1 = 1 Nov 2023 - 10 Jan 2022 = 660 days; A2 = 1 Oct 2023 - 2 Jan 2023 = 272 days.
  // a2 entered care 1 Mar 2021 with foster carers (U4); placement order 1 Mar 2022 (RNE L);
  //    the same carers' adoption placement (A3, RNE T) 1 Dec 2022; adopted 1 Jun 2023 by them
  //    (AD1 FOSTER_CARE 1); matched 15 Jan 2022, before the order.
  //    A1: moved in with the adopters when the foster placement began: 0 days.
  //    A2: matched before the order: 0 days.
  // Both adopted in the 3 years to 31 Mar 2025: A1 = (660 + 0) / 2 = 330; A2 = (272 + 0) / 2 = 136.
  // Adopted in 2024-25: a1 only. SGO: s1 left on an SGO (E45) in 2024-25; s2 (E46) the year before.
  Cohort k;
  k.child("a1", make_date(2021, 6, 1))
      .episode(make_date(2022, 1, 10), make_date(2023, 1, 2), RNE::S, PL::U6, LS::C2)
      .episode(make_date(2023, 1, 2), make_date(2023, 11, 1), RNE::L, PL::U6, LS::E1)
      .episode(make_date(2023, 11, 1), make_date(2024, 12, 1), RNE::P, PL::A4, LS::E1, REC::E11)
      .ad1(2025, make_date(2023, 10, 1));
  k.child("a2", make_date(2020, 6, 1))
      .episode(make_date(2021, 3, 1), make_date(2022, 3, 1), RNE::S, PL::U4, LS::C2)
      .episode(make_date(2022, 3, 1), make_date(2022, 12, 1), RNE::L, PL::U4, LS::E1)
      .episode(make_date(2022, 12, 1), make_date(2023, 6, 1), RNE::T, PL::A3, LS::E1, REC::E12)
      .ad1(2024, make_date(2022, 1, 15), true);
  k.child("s1", make_date(2015, 1, 1))
      .episode(make_date(2022, 1, 1), make_date(2024, 8, 1), RNE::S, PL::U1, LS::C2, REC::E45);
  k.child("s2", make_date(2015, 1, 1))
      .episode(make_date(2022, 1, 1), make_date(2023, 8, 1), RNE::S, PL::U1, LS::C2, REC::E46);
  k.at(kMarch31);
  const ReportingPeriod p = year(2025);
  expect_value(k.value(ind("adopted"), p), 1, std::nullopt, 1);
  expect_value(k.value(ind("adoption_a1"), p), 660, 2, 330);
  expect_value(k.value(ind("adoption_a2"), p), 272, 2, 136);
  expect_value(k.value(ind("sgo"), p), 1, std::nullopt, 1);
}

TEST(Indicators, CareLeaversOutcomesAroundTheirBirthdays) {
  // OC3 rows in the 2024-25 return, by the birthday in that year:
  //   a 17th  YES  F2 education  D1 suitable
  //   b 18th  NO   0 not known   0 not known
  //   c 19th  YES  F1 higher ed  U1 suitable
  //   d 20th  DIED                          excluded
  //   e 21st  YES  G5 NEET       S2 not suitable
  //   f 19th  RHOM                          excluded
  //   g 20th  REFU 0             G1 gone abroad: out of the accommodation figures only
  // 17-18 (a, b): in touch 1/2, EET 1/2, suitable 1/2.
  // 19-21 (c, e, g): in touch 2/3, EET 1/3, higher education 1/3; suitable (c, e) 1/2.
  Cohort k;
  auto leaver = [&](std::string id, Date dob, std::optional<InTouch> t, std::optional<Activity> a,
                    std::optional<Accommodation> acc) {
    k.child(std::move(id), dob)
        .episode(make_date(2020, 1, 1), make_date(2022, 1, 1))
        .oc3(2025, t, a, acc);
  };
  leaver("a", make_date(2007, 6, 1), InTouch::YES, Activity::F2, Accommodation::D1);
  leaver("b", make_date(2006, 7, 1), InTouch::NO, Activity::NotApplicable,
         Accommodation::NotApplicable);
  leaver("c", make_date(2005, 8, 1), InTouch::YES, Activity::F1, Accommodation::U1);
  leaver("d", make_date(2004, 9, 1), InTouch::DIED, std::nullopt, std::nullopt);
  leaver("e", make_date(2003, 10, 1), InTouch::YES, Activity::G5, Accommodation::S2);
  leaver("f", make_date(2005, 11, 1), InTouch::RHOM, std::nullopt, std::nullopt);
  leaver("g", make_date(2004, 12, 1), InTouch::REFU, Activity::NotApplicable, Accommodation::G1);
  k.at(kMarch31);
  const ReportingPeriod p = year(2025);
  expect_value(k.value(ind("leavers_in_touch_17_18"), p), 1, 2, 50.0);
  expect_value(k.value(ind("leavers_eet_17_18"), p), 1, 2, 50.0);
  expect_value(k.value(ind("leavers_accommodation_17_18"), p), 1, 2, 50.0);
  expect_value(k.value(ind("leavers_in_touch_19_21"), p), 2, 3, 66.7);
  expect_value(k.value(ind("leavers_eet_19_21"), p), 1, 3, 33.3);
  expect_value(k.value(ind("leavers_higher_education_19_21"), p), 1, 3, 33.3);
  expect_value(k.value(ind("leavers_accommodation_19_21"), p), 1, 2, 50.0);
}

TEST(Indicators, Oc2HealthOutcomesForChildrenInCareTwelveMonths) {
  // The OC2 cohort at 31 March 2025: in care since before 1 April 2024, no short breaks.
  //   k1 aged 3:  assessment yes, development check yes, dental no,  immunisations yes
  //   k2 aged 8:  assessment yes, dental yes, immunisations no, SDQ 20
  //   k3 aged 12: assessment no,  dental yes, immunisations yes, SDQ 10, convicted, substance
  //   misuse k4 aged 15: assessment yes, dental yes, immunisations yes, no SDQ (reason given), not
  //   convicted k5 entered care June 2024 (has an OC2 row by mistake): not in the cohort k6 short
  //   breaks (V3) since 2022: not in the cohort
  // Health assessment 3/4 = 75%; development checks (under 5: k1) 1/1; dental 3/4;
  // immunisations 3/4; substance misuse 1/4 = 25%; convictions (10-17: k3, k4) 1/2;
  // SDQ (5-16: k2, k3, k4): completed 2/3 = 66.7%, average (20 + 10) / 2 = 15,
  // concern (17+) 1/2.
  Cohort k;
  auto row = [](bool ha, bool dev, bool teeth, bool imm, std::optional<int> sdq, bool conv,
                bool subs) {
    model::Oc2 r;
    r.health_assessment = ha;
    r.health_check = dev;
    r.teeth_check = teeth;
    r.immunisations = imm;
    r.sdq_score = sdq;
    if (!sdq) r.sdq_reason = model::SdqReason::SDQ2;
    r.convicted = conv;
    r.substance_misuse = subs;
    return r;
  };
  k.child("k1", make_date(2021, 6, 1))
      .episode(make_date(2023, 1, 1))
      .oc2(2025, row(true, true, false, true, std::nullopt, false, false));
  k.child("k2", make_date(2016, 6, 1))
      .episode(make_date(2023, 1, 1))
      .oc2(2025, row(true, false, true, false, 20, false, false));
  k.child("k3", make_date(2012, 6, 1))
      .episode(make_date(2023, 1, 1))
      .oc2(2025, row(false, false, true, true, 10, true, true));
  k.child("k4", make_date(2009, 6, 1))
      .episode(make_date(2023, 1, 1))
      .oc2(2025, row(true, false, true, true, std::nullopt, false, false));
  k.child("k5", make_date(2012, 6, 1))
      .episode(make_date(2024, 6, 1))
      .oc2(2025, row(true, false, true, true, 5, false, false));
  k.child("k6", make_date(2012, 6, 1))
      .episode(make_date(2022, 6, 1), std::nullopt, RNE::S, PL::U6, LS::V3);
  k.at(kMarch31);
  const ReportingPeriod p = year(2025);
  expect_value(k.value(ind("health_assessment"), p), 3, 4, 75.0);
  expect_value(k.value(ind("development_checks"), p), 1, 1, 100.0);
  expect_value(k.value(ind("dental"), p), 3, 4, 75.0);
  expect_value(k.value(ind("immunisations"), p), 3, 4, 75.0);
  expect_value(k.value(ind("substance_misuse"), p), 1, 4, 25.0);
  expect_value(k.value(ind("convictions"), p), 1, 2, 50.0);
  expect_value(k.value(ind("sdq_completed"), p), 2, 3, 66.7);
  expect_value(k.value(ind("sdq_average"), p), 30, 2, 15.0);
  expect_value(k.value(ind("sdq_concern"), p), 1, 2, 50.0);
  // A quarter ending 30 June 2025 still reads the figures at 31 March 2025.
  auto c =
      k.at(make_date(2025, 6, 30))
          .cohort(ind("dental"), period_containing(make_date(2025, 6, 30), PeriodKind::Quarter));
  EXPECT_EQ(c.basis, kMarch31);
}

TEST(Indicators, StayingPutAmongEighteenYearOldsLeavingFosterCare) {
  //   y1 left foster care (U4) on their 18th birthday, 1 Oct 2024, staying with the carers (E17)
  //   y2 left foster care on their 18th birthday, 1 Dec 2024, for other reasons (E8)
  //   y3 left a children's home (K2) on their 18th birthday: not in the population
  //   y4 left foster care at 17: not in the population
  // 1 / 2 = 50%.
  Cohort k;
  k.child("y1", make_date(2006, 10, 1))
      .episode(make_date(2020, 1, 1), make_date(2024, 10, 1), RNE::S, PL::U4, LS::C2, REC::E17);
  k.child("y2", make_date(2006, 12, 1))
      .episode(make_date(2020, 1, 1), make_date(2024, 12, 1), RNE::S, PL::U4, LS::C2, REC::E8);
  k.child("y3", make_date(2006, 11, 1))
      .episode(make_date(2020, 1, 1), make_date(2024, 11, 1), RNE::S, PL::K2, LS::C2, REC::E17);
  k.child("y4", make_date(2007, 11, 1))
      .episode(make_date(2020, 1, 1), make_date(2024, 11, 1), RNE::S, PL::U4, LS::C2, REC::E8);
  k.at(kMarch31);
  expect_value(k.value(ind("staying_put"), year(2025)), 1, 2, 50.0);
}

TEST(Indicators, CareLeaversSupportedAndPersonalAdviserCaseloads) {
  // On 31 March 2025:
  //   a born 1 Jan 2005, in care 2019-2023, left at 18: aged 20, former relevant    18-20
  //   b born 1 Jun 2003, in care 2018-2021, left at 18: aged 21; support to 25 asked 21-25
  //   c born 1 Jun 2005, in care 2019-2023: aged 19                                  18-20
  // 18-20: 2; 21-25: 1.
  // Personal advisers: PA1 holds a and b, PA2 holds c: 3 young people / 2 advisers = 1.5.
  Cohort k;
  k.child("a", make_date(2005, 1, 1))
      .episode(make_date(2019, 1, 1), make_date(2023, 1, 1), RNE::S, PL::U4, LS::C2, REC::E8);
  k.child("b", make_date(2003, 6, 1))
      .episode(make_date(2018, 1, 1), make_date(2021, 6, 1), RNE::S, PL::U4, LS::C2, REC::E8);
  k.child("c", make_date(2005, 6, 1))
      .episode(make_date(2019, 1, 1), make_date(2023, 6, 1), RNE::S, PL::U4, LS::C2, REC::E8);
  auto& L = k.local();
  L.professionals = {{"PA1", "Pat One", "Personal adviser", "Leaving Care"},
                     {"PA2", "Pat Two", "Personal adviser", "Leaving Care"}};
  auto allocate = [&](std::string id, std::string child, std::string pa, Date from) {
    L.allocations.push_back({std::move(id), std::move(child), std::move(pa),
                             model::WorkerRole::PersonalAdviser, "Leaving Care", from,
                             std::nullopt});
  };
  allocate("I1", "a", "PA1", make_date(2022, 1, 1));
  allocate("I2", "b", "PA1", make_date(2021, 1, 1));
  allocate("I3", "c", "PA2", make_date(2022, 6, 1));
  model::CareLeaverStatus st;
  st.id = "S1";
  st.child = "b";
  st.date = make_date(2024, 5, 1);
  st.support_to_25 = true;
  L.care_leaver_status.push_back(st);
  k.at(kMarch31);
  const ReportingPeriod p = year(2025);
  expect_value(k.value(ind("care_leavers_18_20"), p), 2, std::nullopt, 2);
  expect_value(k.value(ind("care_leavers_21_25"), p), 1, std::nullopt, 1);
  expect_value(k.value(ind("pa_caseload"), p), 3, 2, 1.5);
  EXPECT_EQ(k.at(kMarch31).category_of(2, kMarch31, Dimension::Team), "Leaving Care");
}

TEST(Indicators, PathwayPlansUpToDateOnTheDate) {
  // The council's pathway plan records begin on 1 March 2024. Eligible young people (13 weeks
  // in care since 14, and 16):
  //   d1 born 1 Jan 2008, in care since June 2023: eligible 1 Jan 2024. Plan 1 Mar 2024; reviews
  //      20 Aug 2024 and 1 Feb 2025 (each within 6 months): next due 1 Aug 2025. Up to date.
  //   d2 born 1 Mar 2008, in care since June 2023: eligible 1 Mar 2024. Plan due 1 Jun 2024,
  //      made 15 May 2024; its review was due 15 Nov 2024 and not held. Not up to date.
  //   d3 born 1 Jun 2007, in care since 2022: eligible 1 Jun 2023, plan due 1 Sep 2023, before
  //      the records begin: not assessed, so not counted.
  // 1 / 2 = 50%.
  Cohort k;
  k.child("d1", make_date(2008, 1, 1)).episode(make_date(2023, 6, 1));
  k.child("d2", make_date(2008, 3, 1)).episode(make_date(2023, 6, 1));
  k.child("d3", make_date(2007, 6, 1)).episode(make_date(2022, 1, 1));
  auto plan = [&](std::string id, std::string child, Date d, model::PathwayKind kind) {
    k.local().pathway_plans.push_back({std::move(id), std::move(child), d, kind});
  };
  plan("P1", "d1", make_date(2024, 3, 1), model::PathwayKind::Plan);
  plan("P2", "d1", make_date(2024, 8, 20), model::PathwayKind::Review);
  plan("P3", "d1", make_date(2025, 2, 1), model::PathwayKind::Review);
  plan("P4", "d2", make_date(2024, 5, 15), model::PathwayKind::Plan);
  k.at(kMarch31);
  expect_value(k.value(ind("pathway_plans"), year(2025)), 1, 2, 50.0);
}

TEST(Indicators, PepReviewedInTheLastCompleteTerm) {
  // Both children are of school age and in care since 2023; their PEP records start in 2024.
  //   e1: PEP reviews 1 Dec 2024 (autumn) and 10 Feb 2025 (spring)   reviewed in spring
  //   e2: PEP review 1 Dec 2024 (autumn) only                         not reviewed in spring
  // At 30 April 2025 the last term to end is spring (5 Jan - 5 Apr, the default terms): 1 / 2.
  Cohort k;
  k.child("e1", make_date(2012, 1, 1)).episode(make_date(2023, 1, 1));
  k.child("e2", make_date(2012, 1, 1)).episode(make_date(2023, 1, 1));
  auto pep = [&](std::string id, std::string child, Date d) {
    k.local().peps.push_back({std::move(id), std::move(child), d, model::PepKind::Review});
  };
  pep("P1", "e1", make_date(2024, 12, 1));
  pep("P2", "e1", make_date(2025, 2, 10));
  pep("P3", "e2", make_date(2024, 12, 1));
  const Date april30 = make_date(2025, 4, 30);
  k.at(april30);
  expect_value(k.value(ind("pep_current"), period_containing(april30, PeriodKind::Month)), 1, 2,
               50.0);
}

TEST(Indicators, PlacementDistanceNeedsPostcodeDistrictsAndCountsUnknownInTheDenominator) {
  // Districts: ME7 and ME5 in council 999, 2 km apart; CT1 in council 886, 60 km east.
  //   d1 home ME7, placed ME5: in area, 1.2 miles
  //   d2 home ME7, placed CT1: out of area, 60 km = 37.3 miles (> 20)
  //   d3 home ME7, placed in a district the file does not know: in both denominators only
  // More than 20 miles 1 / 3; outside the council 1 / 3.
  Cohort k;
  k.child("d1", make_date(2012, 1, 1))
      .episode(make_date(2023, 1, 1))
      .postcodes("ME7 1AA", "ME5 2BB");
  k.child("d2", make_date(2012, 1, 1))
      .episode(make_date(2023, 1, 1))
      .postcodes("ME7 1AA", "CT1 3CC");
  k.child("d3", make_date(2012, 1, 1))
      .episode(make_date(2023, 1, 1))
      .postcodes("ME7 1AA", "ZZ9 9ZZ");
  k.at(kMarch31);
  auto none = k.value(ind("placed_over_20_miles"), year(2025));
  EXPECT_FALSE(none.available);
  EXPECT_NE(none.reason.find("ONS postcode directory"), std::string::npos);
  ReferenceData ref;
  ref.postcode_districts["ME7"] = {kLa, 575000, 168000};
  ref.postcode_districts["ME5"] = {kLa, 575000, 166000};
  ref.postcode_districts["CT1"] = {"886", 635000, 168000};
  k.at(kMarch31, ref);
  expect_value(k.value(ind("placed_over_20_miles"), year(2025)), 1, 3, 33.3);
  expect_value(k.value(ind("placed_outside_la"), year(2025)), 1, 3, 33.3);
  EXPECT_EQ(k.at(kMarch31, ref).category_of(1, kMarch31, Dimension::Area), "Out of area");
}

TEST(Indicators, PlacementDistanceIsTheDfEsBetweenFullPostcodes) {
  // Full postcodes (the shipped ONS directory's form), council kLa = E06000035:
  //   f1 home ME7 1AA, placed ME5 2BB (same council): 2 km, in area
  //   f2 home ME7 1AA, placed CT1 3CC (Canterbury, a Kent district): 32.2 km = 20.0 miles after
  //      the DfE's rounding, so not over 20; outside the council
  //   f3 home ME7 1AA, placed CT2 4DD: 32.3 km = 20.1 miles, over 20; outside
  //   f4 home ME7 1AA, placed CF10 1AA (Wales): over 20, outside
  //   f5 home ME7 1AA, placed GY1 1AA (no grid, no district): unknown both ways, in both
  //      denominators
  // Over 20 miles 2 / 5; outside the council 3 / 5.
  geo::PostcodeIndex::Builder b;
  b.add({"ME7 1AA", "E06000035", 575000, 168000}, 1);
  b.add({"ME5 2BB", "E06000035", 575000, 166000}, 2);
  b.add({"CT1 3CC", "E07000106", 575000, 200187}, 3);
  b.add({"CT2 4DD", "E07000106", 575000, 200350}, 4);
  b.add({"CF10 1AA", "W06000015", 318000, 176000}, 5);
  b.add({"GY1 1AA", "", std::nullopt, std::nullopt}, 6);
  auto g = std::make_shared<geo::Geography>();
  g->postcodes = std::make_shared<const geo::PostcodeIndex>(b.finish("test"));
  g->upper_tier.add("E07000106", "E10000016");
  ReferenceData ref;
  ref.geography = g;
  ref.authorities[kLa] = {kLa, "Medway", "South East", "E12000008", "E06000035"};
  Cohort k;
  const char* placed[] = {"ME5 2BB", "CT1 3CC", "CT2 4DD", "CF10 1AA", "GY1 1AA"};
  for (int i = 0; i < 5; ++i)
    k.child("f" + std::to_string(i + 1), make_date(2012, 1, 1))
        .episode(make_date(2023, 1, 1))
        .postcodes("ME7 1AA", placed[i]);
  k.at(kMarch31, ref);
  expect_value(k.value(ind("placed_over_20_miles"), year(2025)), 2, 5, 40.0);
  expect_value(k.value(ind("placed_outside_la"), year(2025)), 3, 5, 60.0);
  EXPECT_EQ(k.at(kMarch31, ref).category_of(0, kMarch31, Dimension::Area), "In area");
  EXPECT_EQ(k.at(kMarch31, ref).category_of(3, kMarch31, Dimension::Area), "Out of area");
  EXPECT_EQ(k.at(kMarch31, ref).category_of(4, kMarch31, Dimension::Area), "Not known");
}

TEST(Indicators, IndicatorsWhoseRecordsHearthDoesNotHoldSayWhatTheyNeed) {
  Cohort k;
  k.child("n1", make_date(2012, 1, 1)).episode(make_date(2023, 1, 1));
  k.at(kMarch31);
  for (const Indicator& id : {ind("suspensions")}) {
    auto v = k.value(id, year(2025));
    EXPECT_FALSE(v.available) << id.key;
    EXPECT_NE(v.reason.find(std::string(id.needs)), std::string::npos);
  }
  // A period before the earliest stored return is "no data", not zero children.
  auto early = k.value(ind("cla_count"), year(2023));
  EXPECT_FALSE(early.available);
  EXPECT_NE(early.reason.find("before the earliest stored 903 return"), std::string::npos);
  // Local measures with no local records are "no data", not zero.
  for (const Indicator& id :
       {ind("visits_timely"), ind("rhi_timely"), ind("pathway_plans"), ind("pep_current"),
        ind("pa_caseload"), ind("advocacy"), ind("advocacy_in_time")}) {
    auto v = k.value(id, year(2025));
    EXPECT_FALSE(v.available) << id.key;
  }
}

// At 31 March 2025: a1 has an advocate, a2 an independent visitor whose appointment ended in
// February, a3 asked for an advocate in March and was given one late, a4 has a visitor but left
// care in January: 2 children with someone on their side. Of the requests due in the year, a1's
// (met the day after asking) and a3's (8 working days) were due; a2's visitor came in 2 months:
// 2 of 3 in time.
TEST(Indicators, AdvocacyCountsChildrenWithSomeoneOnTheirSideAndRequestsMetInTime) {
  using model::AdvocacyService;
  Cohort k;
  for (const char* id : {"a1", "a2", "a3"})
    k.child(id, make_date(2012, 1, 1)).episode(make_date(2023, 1, 1));
  k.child("a4", make_date(2012, 1, 1)).episode(make_date(2023, 1, 1), make_date(2025, 1, 10));
  auto& L = k.local();
  auto ask = [&](const char* id, const char* child, AdvocacyService s, Date d) {
    L.advocacy_requests.push_back({id, child, s, d, "Child", "", std::nullopt, ""});
  };
  auto appoint = [&](const char* id, const char* child, AdvocacyService s, Date from,
                     std::optional<Date> to, const char* request) {
    L.advocacy_allocations.push_back({id, child, s, request, "A Person", "Service", from, to});
  };
  ask("R1", "a1", AdvocacyService::Advocate, make_date(2024, 6, 3));
  appoint("A1", "a1", AdvocacyService::Advocate, make_date(2024, 6, 4), std::nullopt, "R1");
  ask("R2", "a2", AdvocacyService::IndependentVisitor, make_date(2024, 5, 1));
  appoint("A2", "a2", AdvocacyService::IndependentVisitor, make_date(2024, 7, 1),
          make_date(2025, 2, 14), "R2");
  ask("R3", "a3", AdvocacyService::Advocate, make_date(2025, 3, 3));
  appoint("A3", "a3", AdvocacyService::Advocate, make_date(2025, 3, 13), std::nullopt, "R3");
  appoint("A4", "a4", AdvocacyService::IndependentVisitor, make_date(2024, 1, 1), std::nullopt, "");
  k.at(kMarch31);
  auto count = k.value(ind("advocacy"), year(2025));
  ASSERT_TRUE(count.available) << count.reason;
  EXPECT_DOUBLE_EQ(count.numerator, 2);
  expect_value(k.value(ind("advocacy_in_time"), year(2025)), 2, 3, 66.7);
}

TEST(Indicators, BreakdownsAddUpToTheHeadlineFigure) {
  Cohort k;
  const model::Sex sexes[] = {model::Sex::M, model::Sex::F};
  for (int i = 0; i < 12; ++i) {
    k.child("b" + std::to_string(i), make_date(2008 + i % 9, 1 + i % 12, 1), sexes[i % 2],
            i % 3 ? model::Ethnicity::WBRI : model::Ethnicity::BAFR)
        .episode(make_date(2023, 1, 1),
                 i % 4 ? std::optional<Date>(make_date(2024, 8, 1)) : std::nullopt)
        .postcodes("ME7 1AA", "ME5 1AA");
    if (i % 4) k.episode(make_date(2024, 8, 1), std::nullopt, RNE::P, i % 2 ? PL::K2 : PL::U6);
    if (i % 5 == 0) k.uasc();
  }
  auto& e = k.at(kMarch31);
  for (const Indicator& id : {ind("stability_short"), ind("placement_foster"), ind("cla_count")}) {
    auto cohort = e.cohort(id, year(2025));
    auto total = e.value(id, cohort);
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      double num = 0, den = 0;
      for (const auto& c : e.breakdown(id, cohort, static_cast<Dimension>(d))) {
        num += c.value.numerator;
        den += c.value.denominator.value_or(0);
      }
      EXPECT_EQ(num, total.numerator) << id.key << " " << dimension_key(static_cast<Dimension>(d));
      EXPECT_EQ(den, total.denominator.value_or(0));
    }
  }
  EXPECT_EQ(e.category_of(0, kMarch31, Dimension::Ethnicity), "Black or Black British");
  EXPECT_EQ(e.category_of(0, kMarch31, Dimension::Uasc), "UASC");
}

TEST(Periods, QuartersAreFinancialAndTrendsEndWithTheCurrentPeriod) {
  auto q = period_containing(make_date(2025, 2, 14), PeriodKind::Quarter);
  EXPECT_EQ(q.label, "2024-25 Q4");
  EXPECT_EQ(q.start, make_date(2025, 1, 1));
  EXPECT_EQ(q.end, make_date(2025, 2, 14));
  auto q1 = period_containing(make_date(2024, 4, 1), PeriodKind::Quarter);
  EXPECT_EQ(q1.label, "2024-25 Q1");
  EXPECT_EQ(q1.start, make_date(2024, 4, 1));
  auto y = period_containing(make_date(2025, 3, 31), PeriodKind::Year);
  EXPECT_EQ(y.label, "2024-25");
  EXPECT_EQ(y.start, make_date(2024, 4, 1));
  auto m = period_containing(make_date(2024, 11, 5), PeriodKind::Month);
  EXPECT_EQ(m.label, "Nov 2024");
  auto trend = periods_to(make_date(2025, 3, 31), PeriodKind::Quarter, 8);
  ASSERT_EQ(trend.size(), 8u);
  EXPECT_EQ(trend.front().label, "2023-24 Q1");
  EXPECT_EQ(trend.front().end, make_date(2023, 6, 30));
  EXPECT_EQ(trend.back().label, "2024-25 Q4");
}

// Statements made in the period are counted; each is answered in time when its first answer came
// within 5 working days of the day it was made, and one still inside its 5 days is not yet counted.
TEST(Indicators, StatementsAreCountedAndTheirAnswersTimedInWorkingDays) {
  Cohort k;
  k.child("s1", make_date(2012, 1, 1)).episode(make_date(2023, 1, 1));
  auto said = [&](Date made, model::OptDate answered) {
    model::StatementFact f;
    f.la = kLa;
    f.child = "s1";
    f.made = made;
    f.mood = "sad";
    f.topic = "school";
    f.source = "hearth";
    f.first_reply = answered;
    k.statements().push_back(f);
  };
  // Friday 7 March 2025: 5 working days is Friday 14 March.
  said(make_date(2025, 3, 7), make_date(2025, 3, 14));  // in time
  said(make_date(2025, 3, 7), make_date(2025, 3, 17));  // a working day late
  said(make_date(2025, 3, 3), std::nullopt);            // never answered, past due
  said(make_date(2025, 3, 28), std::nullopt);           // 31 March: not yet due
  said(make_date(2024, 3, 1), make_date(2024, 3, 2));   // the year before
  k.at(kMarch31);
  expect_value(k.value(ind("statements"), year(2025)), 4, std::nullopt, 4);
  expect_value(k.value(ind("statements_answered"), year(2025)), 1, 3, 33.3);
}

// Challenge cards are the council's, not a child's: of the cards raised in the year, those
// answered by its end; and for cards answered in the year, the average days from raised to the
// approved answer. Another council's cards are not counted.
TEST(Indicators, ChallengeCardsAreAnsweredAndTimedFromRaisedToTheApprovedAnswer) {
  Cohort k;
  k.child("c1", make_date(2012, 1, 1)).episode(make_date(2023, 1, 1));
  auto card = [&](const char* la, Date raised, model::OptDate answered) {
    k.cards().push_back({la, raised, answered});
  };
  card(kLa, make_date(2024, 5, 1), make_date(2024, 6, 30));   // raised and answered in 2024-25
  card(kLa, make_date(2024, 9, 1), make_date(2025, 4, 10));   // answered after the year's end
  card(kLa, make_date(2025, 1, 10), std::nullopt);            // still open
  card(kLa, make_date(2024, 2, 1), make_date(2024, 5, 1));    // raised the year before: 90 days
  card("888", make_date(2024, 6, 1), make_date(2024, 6, 2));  // another council's
  k.at(kMarch31);
  // Raised in 2024-25: three; answered by 31 March 2025: one.
  expect_value(k.value(ind("challenge_cards"), year(2025)), 1, 3, 33.3);
  // Answered in 2024-25: 60 days (1 May to 30 June) and 90 days (1 Feb to 1 May 2024): 75.
  auto days = k.value(ind("challenge_card_days"), year(2025));
  ASSERT_TRUE(days.value.has_value());
  EXPECT_DOUBLE_EQ(*days.value, 75.0);
  // Breakdowns put the cards in no child's category.
  Engine& e = k.at(kMarch31);
  auto parts = e.breakdown(ind("challenge_cards"), e.cohort(ind("challenge_cards"), year(2025)),
                           Dimension::AgeBand);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts.front().name, "Not about one child");
}

}  // namespace
}  // namespace hearth::indicators::test
