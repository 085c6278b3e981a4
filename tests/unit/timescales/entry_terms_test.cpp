// Hand-worked cases for issue 13: entry after short breaks, "away" is not "missing", one PEP
// review per term, and later reviews numbered once where the records begin.
#include <gtest/gtest.h>

#include "council.hpp"
#include "timescales/config.hpp"
#include "timescales/engine.hpp"

namespace hearth::timescales {
namespace {

using namespace test;
using model::LegalStatus;
using model::PlacementType;
using model::ReasonNewEpisode;

// Short breaks (V3) from Monday 2 September 2024 until Monday 4 November 2024, then looked after
// full time (V2) from 4 November in a touching episode. The short breaks fall under reg 48 (which
// disapplies reg 33's review timetable); the reg 33 clock starts on 4 November. 20 working days
// after Monday 4 November: 5–8 Nov (4), 11–15 (9), 18–22 (14), 25–29 (19), Monday 2 December
// (20): the first review and the initial health assessment are due 2 December 2024; the PEP (10
// working days) 18 November. The review held 28 November is on time; counted from 2 September
// (due 30 September) it was wrongly "done late".
TEST(Timescales, ShortBreaksThenFullTimeCareCountEntryItemsFromTheFirstFullTimeEpisode) {
  Council c;
  c.child("C1", make_date(2014, 5, 1))
      .episode(make_date(2024, 9, 2), make_date(2024, 11, 4), ReasonNewEpisode::S,
               PlacementType::U3, LegalStatus::V3)
      .episode(make_date(2024, 11, 4), std::nullopt, ReasonNewEpisode::L, PlacementType::U3,
               LegalStatus::V2)
      .review(make_date(2024, 11, 28))
      .health(model::HealthCheckType::Initial, make_date(2024, 11, 25));
  c.local.peps.push_back({"P1", "C1", make_date(2024, 11, 14), model::PepKind::Initial});
  Engine e(c.build(), TimescaleConfig{});
  auto items = e.child(0, make_date(2024, 12, 10));
  auto first = items_of(items, ItemId::FirstReview);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].anchor_date.date, make_date(2024, 11, 4));
  EXPECT_EQ(due_of(first[0]), make_date(2024, 12, 2));
  EXPECT_EQ(first[0].status, Status::DoneOnTime);
  auto iha = items_of(items, ItemId::Iha);
  ASSERT_EQ(iha.size(), 1u);
  EXPECT_EQ(due_of(iha[0]), make_date(2024, 12, 2));
  EXPECT_EQ(iha[0].status, Status::DoneOnTime);
  auto pep = items_of(items, ItemId::Pep);
  ASSERT_EQ(pep.size(), 1u);
  EXPECT_EQ(due_of(pep[0]), make_date(2024, 11, 18));
  EXPECT_EQ(pep[0].status, Status::DoneOnTime);
}

// Two episodes of absence ending Friday 10 January 2025 at 19:30. The first is "missing" (M): a
// return home interview is due 72 hours later, Monday 13 January 19:30. The second is "away"
// (A: whereabouts known): the 2014 statutory guidance offers the interview when a *missing* child
// is found, so it has none.
TEST(Timescales, AReturnHomeInterviewIsForAMissingChildNotOneAway) {
  Council c;
  c.child("C1", make_date(2010, 1, 10)).episode(make_date(2024, 4, 1));
  auto absence = [&](std::string id, model::MissingType type, Date day) {
    model::MissingRecord m;
    m.id = std::move(id);
    m.child = "C1";
    m.type = type;
    m.start = {day, 17 * 60};
    m.end = model::DateTime{day, 19 * 60 + 30};
    c.local.missing.push_back(m);
  };
  absence("M1", model::MissingType::M, make_date(2025, 1, 10));
  absence("A1", model::MissingType::A, make_date(2025, 1, 17));
  Engine e(c.build(), TimescaleConfig{});
  auto rhi = items_of(e.child(0, make_date(2025, 1, 25)), ItemId::Rhi);
  ASSERT_EQ(rhi.size(), 1u);
  EXPECT_EQ(model::format_date_time(*rhi[0].due), "2025-01-13T19:30");
}

// School terms (the defaults): autumn 1 Sep – 20 Dec, spring 5 Jan – 5 Apr, summer 20 Apr – 22
// Jul. In care from 2 September 2024; initial PEP 10 September (autumn). No review in the spring
// term; one on 22 April 2025, in the summer term. At 1 May 2025: autumn on time; spring not done
// (overdue) — the 22 April review is the summer term's evidence and only that; summer on time.
// Before, the one April review was "late" for spring and "on time" for summer.
TEST(Timescales, APepReviewIsEvidenceForOneTermOnly) {
  Council c;
  c.child("C1", make_date(2014, 5, 1)).episode(make_date(2024, 9, 2));
  c.local.peps.push_back({"P1", "C1", make_date(2024, 9, 10), model::PepKind::Initial});
  c.local.peps.push_back({"P2", "C1", make_date(2025, 4, 22), model::PepKind::Review});
  Engine e(c.build(), TimescaleConfig{});
  auto terms = items_of(e.child(0, make_date(2025, 5, 1)), ItemId::PepReview);
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(terms[0].term, "Autumn");
  EXPECT_EQ(due_of(terms[0]), make_date(2024, 12, 20));
  EXPECT_EQ(terms[0].status, Status::DoneOnTime);
  EXPECT_EQ(terms[1].term, "Spring");
  EXPECT_EQ(due_of(terms[1]), make_date(2025, 4, 5));
  EXPECT_EQ(terms[1].status, Status::Overdue);
  EXPECT_EQ(terms[2].term, "Summer");
  EXPECT_EQ(terms[2].status, Status::DoneOnTime);
}

// A review held in the Easter holiday (10 April 2025, after spring ended on 5 April and before
// summer starts on 20 April) is the spring term's, late; the summer term is still to do.
TEST(Timescales, APepReviewInTheHolidayIsLateEvidenceForTheTermJustEnded) {
  Council c;
  c.child("C1", make_date(2014, 5, 1)).episode(make_date(2024, 9, 2));
  c.local.peps.push_back({"P1", "C1", make_date(2024, 9, 10), model::PepKind::Initial});
  c.local.peps.push_back({"P2", "C1", make_date(2025, 4, 10), model::PepKind::Review});
  Engine e(c.build(), TimescaleConfig{});
  auto terms = items_of(e.child(0, make_date(2025, 5, 1)), ItemId::PepReview);
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(terms[1].term, "Spring");
  EXPECT_EQ(terms[1].status, Status::DoneLate);
  EXPECT_EQ(terms[2].term, "Summer");
  EXPECT_EQ(terms[2].evidence.kind, EvidenceKind::None);
  EXPECT_EQ(terms[2].status, Status::Upcoming);
}

// In care since 2015; the return begins 1 April 2024, so the chain restarts there: the first
// later review is due 6 months on, 1 October 2024, and is held 20 September (on time); the
// next is due 6 months after that, 20 March 2025. They are later reviews 1 and 2 — before, both
// were numbered 1.
TEST(Timescales, LaterReviewsAfterTheRecordsBeginAreNumberedOnceEach) {
  Council c;
  c.child("C1", make_date(2008, 5, 1))
      .episode(make_date(2015, 3, 1))
      .review(make_date(2024, 9, 20));
  Engine e(c.build(), TimescaleConfig{});
  auto later = items_of(e.child(0, make_date(2025, 3, 1)), ItemId::LaterReview);
  ASSERT_EQ(later.size(), 2u);
  EXPECT_EQ(later[0].occurrence, 1);
  EXPECT_EQ(due_of(later[0]), make_date(2024, 10, 1));
  EXPECT_EQ(later[0].status, Status::DoneOnTime);
  EXPECT_EQ(later[1].occurrence, 2);
  EXPECT_EQ(due_of(later[1]), make_date(2025, 3, 20));
}

}  // namespace
}  // namespace hearth::timescales
