// Hand-worked cases for issue 13: what each figure counts from — the first full-time episode
// after short breaks, missing (not away) children, the newest return, a table not sent, OC3 and
// local records for care leavers, and the whole of a school term.
#include <gtest/gtest.h>

#include "cohort.hpp"

namespace hearth::indicators::test {
namespace {

const Date kMarch31 = make_date(2025, 3, 31);

void expect_count(const Value& v, double numerator, std::optional<double> denominator = {}) {
  ASSERT_TRUE(v.available) << v.reason;
  EXPECT_DOUBLE_EQ(v.numerator, numerator);
  if (denominator) {
    ASSERT_TRUE(v.denominator);
    EXPECT_DOUBLE_EQ(*v.denominator, *denominator);
  }
}

// s1: short breaks (V3) from 2 September 2024 to 4 November, then full-time care (V2) from 4
// November in a touching episode: a start on 4 November (the DfE leaves short breaks out before
// it forms periods of care). s2: short breaks only: no start. Before, s1 was no start at all,
// because its period began with a short break.
TEST(IndicatorSources, ShortBreaksThenFullTimeCareIsAStartOnTheFullTimeDay) {
  Cohort k;
  k.child("s1", make_date(2012, 1, 1))
      .episode(make_date(2024, 9, 2), make_date(2024, 11, 4), RNE::S, PL::U6, LS::V3)
      .episode(make_date(2024, 11, 4), std::nullopt, RNE::L, PL::U6, LS::V2);
  k.child("s2", make_date(2012, 1, 1))
      .episode(make_date(2024, 9, 2), std::nullopt, RNE::S, PL::U6, LS::V3);
  auto& e = k.at(kMarch31);
  const auto cohort = e.cohort(ind("cla_starts"), year(2025));
  ASSERT_EQ(cohort.cases.size(), 1u);
  EXPECT_EQ(cohort.cases[0].on, make_date(2024, 11, 4));
}

// Two absences of m1, each ending 10:00 and followed by an interview the next day (on time, 72
// hours): one missing (M), one away (A). Only the missing one has a return home interview to
// judge: rhi_timely is 1 / 1, and a late interview after an away episode changes nothing.
TEST(IndicatorSources, ReturnHomeInterviewsCountMissingChildrenNotAway) {
  Cohort k;
  k.child("m1", make_date(2010, 1, 1)).episode(make_date(2023, 1, 1));
  auto absence = [&](std::string id, model::MissingType type, Date day, Date interview) {
    model::MissingRecord m;
    m.id = std::move(id);
    m.child = "m1";
    m.type = type;
    m.start = {day, 8 * 60};
    m.end = model::DateTime{day, 10 * 60};
    m.rhi_date = model::DateTime{interview, 10 * 60};
    k.local().missing.push_back(m);
  };
  absence("M1", model::MissingType::M, make_date(2024, 10, 1), make_date(2024, 10, 2));
  absence("A1", model::MissingType::A, make_date(2024, 11, 1), make_date(2024, 12, 20));
  k.at(kMarch31);
  expect_count(k.value(ind("rhi_timely"), year(2025)), 1, 1);
}

// u1's 2024 return says UASC with no end; the 2025 return says the status ceased on 1 October
// 2024. On 31 March 2025 u1 is not UASC (the newest return wins); before, the older row kept
// them counted.
TEST(IndicatorSources, TheNewestReturnDecidesUascStatus) {
  Cohort k;
  k.child("u1", make_date(2008, 1, 1)).episode(make_date(2023, 9, 1));
  model::Uasc old_row;
  old_row.child = "u1";
  k.ret(2024).uasc.push_back(old_row);
  model::Uasc new_row = old_row;
  new_row.duc = make_date(2024, 10, 1);
  k.ret(2025).uasc.push_back(new_row);
  auto& e = k.at(kMarch31);
  expect_count(k.value(ind("uasc_count"), year(2025)), 0);
  EXPECT_EQ(e.category_of(0, make_date(2024, 9, 1), Dimension::Uasc), "UASC");
  EXPECT_EQ(e.category_of(0, kMarch31, Dimension::Uasc), "Not UASC");
}

// Two children looked after since 2022 (in the OC2 cohort at 31 March 2024 and 2025). The 2024
// return sent an OC2 table (one assessment of two); the 2025 return sent none. 2025: no data,
// not 0 of 2; 2024: 50%.
TEST(IndicatorSources, AYearWithoutAnOc2TableIsNoDataNotZero) {
  Cohort k;
  model::Oc2 yes;
  yes.health_assessment = true;
  yes.teeth_check = true;
  model::Oc2 no;
  no.health_assessment = false;
  no.teeth_check = false;
  k.child("h1", make_date(2012, 1, 1)).episode(make_date(2022, 1, 1)).oc2(2024, yes);
  k.child("h2", make_date(2012, 1, 1)).episode(make_date(2022, 1, 1)).oc2(2024, no);
  k.ret(2024);
  k.at(kMarch31);
  for (const Indicator& id : {ind("health_assessment"), ind("dental"), ind("sdq_completed")}) {
    auto v = k.value(id, year(2025));
    EXPECT_FALSE(v.available) << id.key;
    EXPECT_NE(v.reason.find("no OC2 table"), std::string::npos) << v.reason;
  }
  auto v = k.value(ind("health_assessment"), year(2024));
  ASSERT_TRUE(v.available) << v.reason;
  EXPECT_DOUBLE_EQ(*v.value, 50.0);
}

// Care leavers 18 to 20 on 31 March 2025, with only the 2024-25 return stored:
//   l1: left care at 18 on 1 June 2023 (in the stored episodes)       counted (903 episodes)
//   l2: 19 on 31 March 2025, no episodes stored, OC3 row at 19, in touch   counted (OC3)
//   l3: 20, no episodes, no OC3, a local care leaver status row           counted (local)
//   l4: 19, OC3 row saying the young person died                         not counted
//   l5: 22, OC3 row (at 21)                                              not counted (too old)
// 3, and the card says what the count rests on. Before, only l1 was counted.
TEST(IndicatorSources, CareLeavers18To20CountFromOc3AndLocalRecordsToo) {
  Cohort k;
  k.child("l1", make_date(2005, 6, 1))
      .episode(make_date(2019, 1, 1), make_date(2023, 6, 1), RNE::S, PL::U4, LS::C2, REC::E8);
  k.child("l2", make_date(2005, 8, 1)).oc3(2025, model::InTouch::YES, std::nullopt, std::nullopt);
  k.child("l3", make_date(2004, 9, 1));
  k.child("l4", make_date(2005, 9, 1)).oc3(2025, model::InTouch::DIED, std::nullopt, std::nullopt);
  k.child("l5", make_date(2003, 2, 1)).oc3(2025, model::InTouch::YES, std::nullopt, std::nullopt);
  model::CareLeaverStatus st;
  st.id = "S1";
  st.child = "l3";
  st.date = make_date(2024, 11, 1);
  st.in_touch = model::InTouch::YES;
  k.local().care_leaver_status.push_back(st);
  auto& e = k.at(kMarch31);
  const auto cohort = e.cohort(ind("care_leavers_18_20"), year(2025));
  expect_count(e.value(ind("care_leavers_18_20"), cohort), 3);
  EXPECT_NE(cohort.note.find("(1 who left care"), std::string::npos) << cohort.note;
  EXPECT_NE(cohort.note.find("OC3 rows (1 more)"), std::string::npos) << cohort.note;
  EXPECT_NE(cohort.note.find("records (1 more)"), std::string::npos) << cohort.note;
}

// Default terms: autumn 1 Sep – 20 Dec 2024. At 31 March 2025 the last term to have ended is
// autumn 2024 (spring runs to 5 April).
//   p1 in care since 2023, reviewed 1 Dec 2024                 reviewed
//   p2 in care since 2023, reviewed 10 Feb 2025 (spring) only  not reviewed in autumn
//   p3 came into care 1 Oct 2024 (during the term), reviewed   not looked after for the whole
//      1 Dec                                                   term: not in the denominator
// 1 / 2 = 50%. Before, p3 was counted (2 / 3).
TEST(IndicatorSources, PepCurrentCountsChildrenLookedAfterForTheWholeTerm) {
  Cohort k;
  k.child("p1", make_date(2012, 1, 1)).episode(make_date(2023, 1, 1));
  k.child("p2", make_date(2012, 1, 1)).episode(make_date(2023, 1, 1));
  k.child("p3", make_date(2012, 1, 1)).episode(make_date(2024, 10, 1));
  auto pep = [&](std::string id, std::string child, Date d) {
    k.local().peps.push_back({std::move(id), std::move(child), d, model::PepKind::Review});
  };
  pep("P1", "p1", make_date(2024, 12, 1));
  pep("P2", "p2", make_date(2025, 2, 10));
  pep("P3", "p3", make_date(2024, 12, 1));
  auto& e = k.at(kMarch31);
  const auto cohort = e.cohort(ind("pep_current"), year(2025));
  EXPECT_EQ(cohort.basis, make_date(2024, 12, 20));
  expect_count(e.value(ind("pep_current"), cohort), 1, 2);
}

}  // namespace
}  // namespace hearth::indicators::test
