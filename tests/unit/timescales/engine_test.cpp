// Hand-worked cases for the timescales engine. Each test builds a tiny council — one child, a
// few 903 rows and local records — and checks a due date worked out in the comments.
#include "timescales/engine.hpp"

#include <gtest/gtest.h>

#include "council.hpp"
#include "model/dataset.hpp"
#include "timescales/config.hpp"
#include "timescales/worklist.hpp"

namespace hearth::timescales {
namespace {

using namespace test;

// Entering care on Friday 20 December 2024: the 20 working days skip the weekends, Christmas
// Day, Boxing Day and New Year's Day — 23, 24, 27, 30, 31 Dec and 2, 3, 6–10, 13–17, 20, 21,
// 22 Jan — so the first review (and the initial health assessment) is due Wednesday 22 January.
TEST(Timescales, FirstReviewOfAChildEnteringCareOnFriday20December2024IsDue22January2025) {
  Council c;
  c.child("C1", make_date(2012, 5, 1)).episode(make_date(2024, 12, 20));
  Engine e(c.build(), TimescaleConfig{});
  auto first = items_of(e.child(0, make_date(2025, 1, 10)), ItemId::FirstReview);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(due_of(first[0]), make_date(2025, 1, 22));
  // 10 Jan + 10 working days = 24 Jan, so on 10 Jan it is due soon.
  EXPECT_EQ(first[0].status, Status::DueSoon);
  EXPECT_EQ(first[0].anchor, Anchor::EnteredCare);
  EXPECT_EQ(first[0].anchor_date.date, make_date(2024, 12, 20));
  // The next day after it fell due, with no review: overdue.
  auto later = items_of(e.child(0, make_date(2025, 1, 23)), ItemId::FirstReview);
  EXPECT_EQ(later[0].status, Status::Overdue);
  EXPECT_EQ(Engine::days_overdue(later[0], make_date(2025, 1, 23)), 1);
}

TEST(Timescales, ReviewsChainFromTheDateEachWasHeld) {
  Council c;
  c.child("C1", make_date(2012, 5, 1))
      .episode(make_date(2024, 12, 20))
      .review(make_date(2025, 1, 21))   // first: due 22 Jan, on time
      .review(make_date(2025, 4, 25));  // second: due 21 Apr (3 months after 21 Jan), late
  Engine e(c.build(), TimescaleConfig{});
  auto items = e.child(0, make_date(2025, 5, 1));
  auto first = items_of(items, ItemId::FirstReview);
  auto second = items_of(items, ItemId::SecondReview);
  auto later = items_of(items, ItemId::LaterReview);
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(first[0].status, Status::DoneOnTime);
  EXPECT_EQ(first[0].evidence.kind, EvidenceKind::Review903);
  EXPECT_EQ(due_of(second[0]), make_date(2025, 4, 21));
  EXPECT_EQ(second[0].status, Status::DoneLate);
  // Third: 6 months after the second was actually held.
  EXPECT_EQ(due_of(later[0]), make_date(2025, 10, 25));
  EXPECT_EQ(later[0].status, Status::Upcoming);
}

TEST(Timescales, InitialHealthAssessmentIsDueIn20WorkingDays) {
  Council c;
  c.child("C1", make_date(2012, 5, 1))
      .episode(make_date(2024, 12, 20))
      .health(model::HealthCheckType::Initial, make_date(2025, 1, 27));
  Engine e(c.build(), TimescaleConfig{});
  auto iha = items_of(e.child(0, make_date(2025, 2, 1)), ItemId::Iha);
  ASSERT_EQ(iha.size(), 1u);
  EXPECT_EQ(due_of(iha[0]), make_date(2025, 1, 22));
  EXPECT_EQ(iha[0].status, Status::DoneLate);
  EXPECT_EQ(iha[0].evidence.kind, EvidenceKind::HealthCheck);
  EXPECT_EQ(iha[0].evidence.when.date, make_date(2025, 1, 27));
}

// Born 15 June 2020. IHA on 30 December 2024, aged 4: the next review health assessment is due
// 6 months later, 30 June 2025. It is held on 20 June 2025, after the 5th birthday (15 June), so
// the one after is due 12 months later: 20 June 2026.
TEST(Timescales, AChildTurning5MovesFromSixMonthlyToTwelveMonthlyReviewHealthAssessments) {
  Council c;
  c.child("C1", make_date(2020, 6, 15))
      .episode(make_date(2024, 12, 20))
      .health(model::HealthCheckType::Initial, make_date(2024, 12, 30))
      .health(model::HealthCheckType::Review, make_date(2025, 6, 20));
  Engine e(c.build(), TimescaleConfig{});
  auto rha = items_of(e.child(0, make_date(2025, 7, 1)), ItemId::Rha);
  ASSERT_EQ(rha.size(), 2u);
  EXPECT_EQ(due_of(rha[0]), make_date(2025, 6, 30));
  EXPECT_EQ(rha[0].status, Status::DoneOnTime);
  EXPECT_EQ(rha[0].anchor, Anchor::InitialHealthAssessment);
  EXPECT_EQ(due_of(rha[1]), make_date(2026, 6, 20));
  EXPECT_EQ(rha[1].status, Status::Upcoming);
}

TEST(Timescales, ARefusedReviewHealthAssessmentIsNotApplicableWithTheRefusalAsEvidence) {
  Council c;
  c.child("C1", make_date(2010, 1, 10))
      .episode(make_date(2024, 4, 1))
      .health(model::HealthCheckType::Initial, make_date(2024, 4, 20))
      .health(model::HealthCheckType::Review, make_date(2025, 4, 10), model::CheckStatus::Refused);
  Engine e(c.build(), TimescaleConfig{});
  auto rha = items_of(e.child(0, make_date(2025, 5, 1)), ItemId::Rha);
  ASSERT_EQ(rha.size(), 2u);
  EXPECT_EQ(due_of(rha[0]), make_date(2025, 4, 20));  // 12 months after the IHA (aged 14)
  EXPECT_EQ(rha[0].status, Status::NotApplicable);
  EXPECT_EQ(rha[0].evidence.kind, EvidenceKind::HealthCheck);
  EXPECT_EQ(static_cast<const model::HealthCheck*>(rha[0].evidence.row)->status,
            model::CheckStatus::Refused);
  EXPECT_FALSE(rha[0].reason.empty());
  // A refusal is not a missing assessment: the next is due a year on from the refusal.
  EXPECT_EQ(due_of(rha[1]), make_date(2026, 4, 10));
  EXPECT_EQ(rha[1].status, Status::Upcoming);
}

// Missing from Friday 10 January 2025 evening; back at 19:30 the same day. 72 hours later is
// Monday 13 January 2025 at 19:30 — hours, not working days.
TEST(Timescales, AMissingEpisodeEndingOnAFridayEveningHasItsReturnInterviewDue72HoursLater) {
  Council c;
  c.child("C1", make_date(2010, 1, 10)).episode(make_date(2024, 4, 1));
  model::MissingRecord m;
  m.id = "M1";
  m.child = "C1";
  m.start = {make_date(2025, 1, 10), 17 * 60};
  m.end = model::DateTime{make_date(2025, 1, 10), 19 * 60 + 30};
  c.local.missing.push_back(m);
  {
    Engine e(c.build(), TimescaleConfig{});
    auto rhi = items_of(e.child(0, make_date(2025, 1, 11)), ItemId::Rhi);
    ASSERT_EQ(rhi.size(), 1u);
    EXPECT_EQ(model::format_date_time(*rhi[0].due), "2025-01-13T19:30");
    EXPECT_EQ(rhi[0].status, Status::DueSoon);
    EXPECT_EQ(rhi[0].anchor, Anchor::ReturnFromMissing);
  }
  // Held at 18:00 on the Monday: on time; at 20:00: late.
  c.local.missing[0].rhi_date = model::DateTime{make_date(2025, 1, 13), 18 * 60};
  {
    Engine e(c.build(), TimescaleConfig{});
    EXPECT_EQ(items_of(e.child(0, make_date(2025, 1, 20)), ItemId::Rhi)[0].status,
              Status::DoneOnTime);
  }
  c.local.missing[0].rhi_date = model::DateTime{make_date(2025, 1, 13), 20 * 60};
  {
    Engine e(c.build(), TimescaleConfig{});
    EXPECT_EQ(items_of(e.child(0, make_date(2025, 1, 20)), ItemId::Rhi)[0].status,
              Status::DoneLate);
  }
  // Declined by the child: recorded, so not applicable rather than overdue.
  c.local.missing[0].rhi_date.reset();
  c.local.missing[0].rhi_offered = true;
  c.local.missing[0].rhi_accepted = false;
  {
    Engine e(c.build(), TimescaleConfig{});
    auto rhi = items_of(e.child(0, make_date(2025, 1, 20)), ItemId::Rhi);
    EXPECT_EQ(rhi[0].status, Status::NotApplicable);
    EXPECT_EQ(rhi[0].evidence.kind, EvidenceKind::Missing);
  }
}

TEST(Timescales, AChildWhoCeasesCareHasNoFutureItems) {
  Council c;
  c.child("C1", make_date(2012, 5, 1))
      .episode(make_date(2024, 12, 20), make_date(2025, 1, 6))  // home after 17 days
      .health(model::HealthCheckType::Dental, make_date(2024, 12, 30));
  model::Visit v;
  v.id = "V1";
  v.child = "C1";
  v.date = make_date(2024, 12, 23);
  c.local.visits.push_back(v);
  c.local.peps.push_back({"P1", "C1", make_date(2025, 1, 3), model::PepKind::Initial});
  c.local.sdq.push_back({"Q1", "C1", make_date(2024, 12, 21), std::nullopt, 10});
  Engine e(c.build(), TimescaleConfig{});
  const Date as_of = make_date(2025, 3, 1);
  auto items = e.child(0, as_of);
  ASSERT_FALSE(items.empty());
  for (const auto& s : items) {
    EXPECT_NE(s.status, Status::Upcoming) << item(s.item).key;
    EXPECT_NE(s.status, Status::DueSoon) << item(s.item).key;
    EXPECT_NE(s.status, Status::Overdue) << item(s.item).key;
    EXPECT_FALSE(s.actionable && s.status != Status::DoneOnTime && s.status != Status::DoneLate)
        << item(s.item).key;
  }
  // The first review and IHA fell due after the child went home: not applicable, with reason.
  auto first = items_of(items, ItemId::FirstReview);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].status, Status::NotApplicable);
  EXPECT_NE(first[0].reason.find("ceased"), std::string_view::npos);
  // The visit within a week of the placement was done, and nothing is due after it.
  auto visits = items_of(items, ItemId::SwVisit);
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].status, Status::DoneOnTime);
}

// A placement starting 20 December 2024 needs a visit by 27 December (one week). The visit on
// 24 December satisfies it; the next is due 6 weeks later, 4 February 2025.
TEST(Timescales, VisitsAreDueAWeekIntoAPlacementThenEverySixWeeks) {
  Council c;
  c.child("C1", make_date(2012, 5, 1)).episode(make_date(2024, 12, 20));
  model::Visit v;
  v.id = "V1";
  v.child = "C1";
  v.date = make_date(2024, 12, 24);
  v.seen = true;
  c.local.visits.push_back(v);
  Engine e(c.build(), TimescaleConfig{});
  auto visits = items_of(e.child(0, make_date(2025, 1, 30)), ItemId::SwVisit);
  ASSERT_EQ(visits.size(), 2u);
  EXPECT_EQ(due_of(visits[0]), make_date(2024, 12, 27));
  EXPECT_EQ(visits[0].status, Status::DoneOnTime);
  EXPECT_EQ(due_of(visits[1]), make_date(2025, 2, 4));
  EXPECT_EQ(visits[1].status, Status::DueSoon);
  EXPECT_EQ(visits[1].anchor, Anchor::PreviousVisit);
}

TEST(Timescales, AVisitWithoutSeeingTheChildDoesNotCount) {
  Council c;
  c.child("C1", make_date(2012, 5, 1)).episode(make_date(2024, 12, 20));
  model::Visit v;
  v.id = "V1";
  v.child = "C1";
  v.date = make_date(2024, 12, 24);
  v.seen = false;
  c.local.visits.push_back(v);
  Engine e(c.build(), TimescaleConfig{});
  auto visits = items_of(e.child(0, make_date(2025, 1, 10)), ItemId::SwVisit);
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].status, Status::Overdue);
}

TEST(Timescales, TheSdqIsNotApplicableUnderFour) {
  Council c;
  c.child("C1", make_date(2023, 2, 1)).episode(make_date(2024, 6, 1));
  c.local.sdq.push_back({"Q0", "X", make_date(2024, 1, 1), std::nullopt, 5});  // another child
  Engine e(c.build(), TimescaleConfig{});
  auto sdq = items_of(e.child(0, make_date(2025, 6, 1)), ItemId::Sdq);
  ASSERT_EQ(sdq.size(), 1u);
  EXPECT_EQ(sdq[0].status, Status::NotApplicable);
  EXPECT_EQ(due_of(sdq[0]), make_date(2027, 2, 1));  // the 4th birthday
}

// Born 1 March 2008, in care since 1 January 2023 (aged 14): at the 16th birthday, 1 March
// 2024, they have been looked after well over 13 weeks since 14, so they are an eligible child
// from that day. Needs assessment and pathway plan: 3 months later, 1 June 2024.
TEST(Timescales, AnEligibleChildNeedsAPathwayPlanWithinThreeMonthsAndAPersonalAdviser) {
  Council c;
  c.ret.year = model::CollectionYear{2024};
  c.child("C1", make_date(2008, 3, 1)).episode(make_date(2023, 1, 1));
  c.local.pathway_plans.push_back({"PP1", "C1", make_date(2024, 5, 20), model::PathwayKind::Plan});
  c.local.allocations.push_back({"A1", "C1", "PA1", model::WorkerRole::PersonalAdviser,
                                 "Leaving Care", make_date(2024, 4, 1), std::nullopt});
  Engine e(c.build(), TimescaleConfig{});
  auto cl = e.care_leaver(0, make_date(2024, 6, 1));
  ASSERT_TRUE(cl.eligible_from);
  EXPECT_EQ(*cl.eligible_from, make_date(2024, 3, 1));
  EXPECT_EQ(cl.category, "eligible");
  auto items = e.child(0, make_date(2024, 6, 1));
  auto plan = items_of(items, ItemId::PathwayPlan);
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(due_of(plan[0]), make_date(2024, 6, 1));
  EXPECT_EQ(plan[0].status, Status::DoneOnTime);
  auto review = items_of(items, ItemId::PathwayPlanReview);
  ASSERT_EQ(review.size(), 1u);
  EXPECT_EQ(due_of(review[0]), make_date(2024, 11, 20));
  auto pa = items_of(items, ItemId::PaAllocated);
  ASSERT_EQ(pa.size(), 1u);
  EXPECT_EQ(due_of(pa[0]), make_date(2024, 3, 1));
  EXPECT_EQ(pa[0].status, Status::DoneLate);  // allocated a month after becoming eligible
}

TEST(Timescales, ShortBreaksAloneHaveNoLookedAfterItems) {
  Council c;
  c.child("C1", make_date(2012, 5, 1))
      .episode(make_date(2024, 6, 1), make_date(2024, 6, 3), model::ReasonNewEpisode::S,
               model::PlacementType::U3, model::LegalStatus::V4);
  Engine e(c.build(), TimescaleConfig{});
  EXPECT_TRUE(e.child(0, make_date(2025, 1, 1)).empty());
}

// The return only goes back to April 2024; the child has been in care since 2015. Whether the
// early reviews were held is not known, so none is overdue: the chain starts where the records
// begin (1 April 2024), and the next review is due 6 months on, 1 October 2024.
TEST(Timescales, ItemsDueBeforeTheRecordsBeginAreNotJudged) {
  Council c;
  c.child("C1", make_date(2008, 5, 1)).episode(make_date(2015, 3, 1));
  Engine e(c.build(), TimescaleConfig{});
  auto items = e.child(0, make_date(2024, 5, 1));
  EXPECT_TRUE(items_of(items, ItemId::FirstReview).empty());
  auto later = items_of(items, ItemId::LaterReview);
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].anchor, Anchor::RecordsBegin);
  EXPECT_EQ(due_of(later[0]), make_date(2024, 10, 1));
}

TEST(Timescales, PepReviewsAreDueEachSchoolTerm) {
  // Default terms: autumn 1 Sep – 20 Dec, spring 5 Jan – 5 Apr, summer 20 Apr – 22 Jul.
  Council c;
  c.child("C1", make_date(2014, 5, 1)).episode(make_date(2024, 9, 2));
  c.local.peps.push_back({"P1", "C1", make_date(2024, 9, 10), model::PepKind::Initial});
  c.local.peps.push_back({"P2", "C1", make_date(2025, 4, 2), model::PepKind::Review});
  Engine e(c.build(), TimescaleConfig{});
  auto items = e.child(0, make_date(2025, 4, 10));
  auto pep = items_of(items, ItemId::Pep);
  ASSERT_EQ(pep.size(), 1u);
  EXPECT_EQ(due_of(pep[0]), make_date(2024, 9, 16));  // 10 working days after 2 September
  EXPECT_EQ(pep[0].status, Status::DoneOnTime);
  auto terms = items_of(items, ItemId::PepReview);
  ASSERT_EQ(terms.size(), 2u);         // the summer term has not begun on 10 April
  EXPECT_EQ(terms[0].term, "Autumn");  // the initial PEP was in the autumn term
  EXPECT_EQ(terms[0].status, Status::DoneOnTime);
  EXPECT_EQ(terms[1].term, "Spring");  // reviewed 2 April, before the term ended on 5 April
  EXPECT_EQ(terms[1].status, Status::DoneOnTime);
}

// In care from 1 June 2024. First review held 28 June 2024 (due 28 June: 20 working days).
// Permanence plan due by the second review: 3 months after the first, 28 September 2024; agreed
// 1 September. Dental check due 1 June 2025, done 20 May. IHA 20 June 2024, immunisations checked
// 25 June (within 30 days) and up to date.
TEST(Timescales, DentalImmunisationsAndPermanencePlan) {
  Council c;
  c.child("C1", make_date(2015, 3, 1))
      .episode(make_date(2024, 6, 1))
      .review(make_date(2024, 6, 28))
      .health(model::HealthCheckType::Initial, make_date(2024, 6, 20))
      .health(model::HealthCheckType::Dental, make_date(2025, 5, 20));
  c.local.immunisations.push_back({"C1", true, make_date(2024, 6, 25)});
  c.local.care_plans.push_back({"CP1", "C1", make_date(2024, 9, 1), std::nullopt, "Adoption"});
  Engine e(c.build(), TimescaleConfig{});
  auto items = e.child(0, make_date(2025, 6, 10));
  auto perm = items_of(items, ItemId::PermanencePlan);
  ASSERT_EQ(perm.size(), 1u);
  EXPECT_EQ(due_of(perm[0]), make_date(2024, 9, 28));
  EXPECT_EQ(perm[0].status, Status::DoneOnTime);
  auto dental = items_of(items, ItemId::Dental);
  ASSERT_EQ(dental.size(), 2u);
  EXPECT_EQ(due_of(dental[0]), make_date(2025, 6, 1));
  EXPECT_EQ(dental[0].status, Status::DoneOnTime);
  EXPECT_EQ(due_of(dental[1]), make_date(2026, 5, 20));
  auto imm = items_of(items, ItemId::Immunisations);
  ASSERT_EQ(imm.size(), 1u);
  EXPECT_EQ(due_of(imm[0]), make_date(2024, 7, 20));
  EXPECT_EQ(imm[0].status, Status::DoneOnTime);
  // Not up to date when checked: still to be chased.
  c.local.immunisations[0].up_to_date = false;
  Engine e2(c.build(), TimescaleConfig{});
  auto imm2 = items_of(e2.child(0, make_date(2025, 6, 10)), ItemId::Immunisations);
  EXPECT_EQ(imm2[0].status, Status::Overdue);
  EXPECT_FALSE(imm2[0].reason.empty());
  // ...but not overdue before its 30 days are up (checked 25 June, due 20 July): still open.
  auto before = items_of(e2.child(0, make_date(2024, 7, 1)), ItemId::Immunisations);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].status, Status::Upcoming);
  EXPECT_EQ(Engine::days_overdue(before[0], make_date(2024, 7, 1)), 0);
  EXPECT_FALSE(before[0].reason.empty());
  EXPECT_EQ(items_of(e2.child(0, make_date(2024, 7, 20)), ItemId::Immunisations)[0].status,
            Status::DueSoon)
      << "due today is not overdue";
  EXPECT_EQ(items_of(e2.child(0, make_date(2024, 7, 21)), ItemId::Immunisations)[0].status,
            Status::Overdue);
}

// Born 1 June 2007, in care from 1 January 2022 to the 18th birthday, 1 June 2025: an eligible
// child from the 16th birthday, a care leaver from 1 June 2025. PA contact due 8 weeks after
// leaving, 27 July 2025: contact 15 July. Moved home 1 August 2025: contact due within 7 days,
// 8 August; contact 5 August. In touch around the 18th birthday: window 1 March – 1 July 2025;
// the first contact was 15 July, so late.
TEST(Timescales, CareLeaversContactsAfterLeavingAndAfterAMoveAndInTouch) {
  Council c;
  c.ret.year = model::CollectionYear{2026};
  c.child("C1", make_date(2007, 6, 1)).episode(make_date(2022, 1, 1), make_date(2025, 6, 1));
  c.local.contacts.push_back({"K1", "C1", make_date(2025, 7, 15), "Visit", "PA1"});
  c.local.contacts.push_back({"K2", "C1", make_date(2025, 8, 5), "Phone", "PA1"});
  c.local.care_leaver_status.push_back({"S1", "C1", make_date(2025, 6, 1), model::InTouch::YES,
                                        model::Activity::F2, model::Accommodation::B1, true,
                                        std::nullopt});
  c.local.care_leaver_status.push_back({"S2", "C1", make_date(2025, 8, 1), model::InTouch::YES,
                                        model::Activity::F2, model::Accommodation::U1, true,
                                        std::nullopt});
  Engine e(c.build(), TimescaleConfig{});
  const Date as_of = make_date(2025, 9, 1);
  auto cl = e.care_leaver(0, as_of);
  ASSERT_TRUE(cl.left_care);
  EXPECT_EQ(*cl.left_care, make_date(2025, 6, 1));
  EXPECT_EQ(cl.category, "former relevant");
  EXPECT_EQ(*cl.support_until, make_date(2028, 5, 31));
  auto items = e.child(0, as_of);
  auto contact = items_of(items, ItemId::PaContact);
  ASSERT_GE(contact.size(), 2u);
  EXPECT_EQ(due_of(contact[0]), make_date(2025, 7, 27));
  EXPECT_EQ(contact[0].status, Status::DoneOnTime);
  EXPECT_EQ(contact[0].role, model::WorkerRole::PersonalAdviser);
  auto move = items_of(items, ItemId::PaContactAfterMove);
  ASSERT_EQ(move.size(), 1u);
  EXPECT_EQ(due_of(move[0]), make_date(2025, 8, 8));
  EXPECT_EQ(move[0].status, Status::DoneOnTime);
  auto touch = items_of(items, ItemId::InTouch);
  ASSERT_EQ(touch.size(), 1u);
  EXPECT_EQ(touch[0].occurrence, 18);
  EXPECT_EQ(due_of(touch[0]), make_date(2025, 7, 1));
  EXPECT_EQ(touch[0].status, Status::DoneLate);
}

TEST(Timescales, TheCouncilsConfigurationOverridesTheStatutoryInterval) {
  auto cfg = parse_config("[timescales]\nfirst_review_working_days = 15\n", "test.toml");
  EXPECT_EQ(cfg.first_review_working_days, 15);
  Council c;
  c.child("C1", make_date(2012, 5, 1)).episode(make_date(2024, 12, 20));
  Engine e(c.build(), cfg);
  auto first = items_of(e.child(0, make_date(2025, 1, 2)), ItemId::FirstReview);
  EXPECT_EQ(due_of(first[0]), make_date(2025, 1, 15));
  EXPECT_NE(e.rule_text(ItemId::FirstReview).find("15 working days"), std::string::npos);
}

TEST(Timescales, ConfigurationMistakesAreNamed) {
  EXPECT_THROW(parse_config("[timescales]\nfirst_review_days = 15\n", "t.toml"), ConfigError);
  EXPECT_THROW(parse_config("[timescales]\nrhi_hours = \"72\"\n", "t.toml"), ConfigError);
  EXPECT_THROW(parse_config("[timescales]\nrhi_hours = 0\n", "t.toml"), ConfigError);
  EXPECT_THROW(parse_config("[timescales\n", "t.toml"), ConfigError);
  // A float far outside any integer (found by fuzz/toml_fuzz: converting it was undefined
  // behaviour) and a float at all are "must be a whole number".
  EXPECT_THROW(parse_config("[timescales]\ndental_months = 311111e111\n", "t.toml"), ConfigError);
  EXPECT_THROW(parse_config("[timescales]\ndental_months = 12.0\n", "t.toml"), ConfigError);
  try {
    parse_config("[timescales]\nfirst_review_days = 15\n", "t.toml");
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("first_review_days"), std::string::npos);
  }
  auto terms = parse_config(
      "[timescales]\npep_terms = [{ name = \"Autumn\", start = \"09-04\", end = \"12-20\" }]\n",
      "t.toml");
  ASSERT_EQ(terms.pep_terms.size(), 1u);
  EXPECT_EQ(terms.pep_terms[0].end_day, 20u);
}

TEST(Timescales, EveryRegistryItemHasAKeyTitleAndSource) {
  std::size_t n = 0;
  for (const auto& it : all_items()) {
    EXPECT_FALSE(it.key.empty());
    EXPECT_FALSE(it.title.empty());
    EXPECT_FALSE(it.source.empty());
    EXPECT_EQ(item_by_key(it.key), it.id);
    ++n;
  }
  EXPECT_EQ(n, kItemCount);
}

TEST(Timescales, TheWorklistShowsOverdueOldestFirstForTheAllocatedWorker) {
  Council c;
  c.child("C1", make_date(2012, 5, 1)).episode(make_date(2024, 12, 20));
  c.child("C2", make_date(2011, 5, 1)).episode(make_date(2024, 11, 1));
  c.local.allocations.push_back({"A1", "C1", "SW1", model::WorkerRole::SocialWorker, "Team A",
                                 make_date(2024, 12, 20), std::nullopt});
  c.local.allocations.push_back({"A2", "C2", "SW2", model::WorkerRole::SocialWorker, "Team B",
                                 make_date(2024, 11, 1), std::nullopt});
  Engine e(c.build(), TimescaleConfig{});
  WorklistOptions o;
  o.as_of = make_date(2025, 2, 3);
  auto all = build_worklist(e, o);
  ASSERT_GE(all.overdue.size(), 2u);
  for (std::size_t i = 1; i < all.overdue.size(); ++i)
    EXPECT_LE(all.overdue[i - 1].status.due->date, all.overdue[i].status.due->date);
  o.worker = "SW1";
  auto mine = build_worklist(e, o);
  ASSERT_FALSE(mine.overdue.empty());
  for (const auto& w : mine.overdue) EXPECT_EQ(w.child, "C1");
  o.worker.reset();
  o.team = "Team B";
  auto team = build_worklist(e, o);
  ASSERT_FALSE(team.overdue.empty());
  for (const auto& w : team.overdue) EXPECT_EQ(w.child, "C2");
}

}  // namespace
}  // namespace hearth::timescales
