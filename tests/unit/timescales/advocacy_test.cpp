// Hand-worked cases for the advocacy items: an advocate (Children Act 1989 s26A) within 5
// working days of the request and an independent visitor (s23ZB) within 3 months, the intervals
// being local practice.
#include <gtest/gtest.h>

#include "council.hpp"
#include "timescales/engine.hpp"

namespace hearth::timescales {
namespace {

using namespace test;
using model::AdvocacyService;

model::AdvocacyRequest request(std::string id, AdvocacyService s, Date d) {
  model::AdvocacyRequest r;
  r.id = std::move(id);
  r.child = "C1";
  r.service = s;
  r.date = d;
  return r;
}
model::AdvocacyAllocation appointed(std::string id, AdvocacyService s, Date from,
                                    std::string request = "") {
  model::AdvocacyAllocation a;
  a.id = std::move(id);
  a.child = "C1";
  a.service = s;
  a.start = from;
  a.request = std::move(request);
  a.provider = "Advocacy Service";
  return a;
}

// Asked on Friday 20 December 2024: the 5 working days are 23, 24, 27, 30 and 31 December
// (Christmas Day and Boxing Day are bank holidays), so the advocate is due on Tuesday 31st.
TEST(Advocacy, AnAdvocateIsDueFiveWorkingDaysAfterTheRequest) {
  Council c;
  c.child("C1", make_date(2010, 1, 10)).episode(make_date(2024, 4, 1));
  c.local.advocacy_requests.push_back(
      request("R1", AdvocacyService::Advocate, make_date(2024, 12, 20)));
  {
    Engine e(c.build(), TimescaleConfig{});
    auto adv = items_of(e.child(0, make_date(2024, 12, 23)), ItemId::Advocate);
    ASSERT_EQ(adv.size(), 1u);
    EXPECT_EQ(due_of(adv[0]), make_date(2024, 12, 31));
    EXPECT_EQ(adv[0].status, Status::DueSoon);
    EXPECT_EQ(adv[0].anchor, Anchor::Requested);
    EXPECT_EQ(adv[0].role, model::WorkerRole::SocialWorker);
    EXPECT_TRUE(adv[0].actionable);
    EXPECT_EQ(items_of(e.child(0, make_date(2025, 1, 2)), ItemId::Advocate)[0].status,
              Status::Overdue);
  }
  // Appointed on Monday 30 December: on time; on 2 January: late.
  c.local.advocacy_allocations.push_back(
      appointed("A1", AdvocacyService::Advocate, make_date(2024, 12, 30), "R1"));
  {
    Engine e(c.build(), TimescaleConfig{});
    auto adv = items_of(e.child(0, make_date(2025, 1, 10)), ItemId::Advocate);
    EXPECT_EQ(adv[0].status, Status::DoneOnTime);
    EXPECT_EQ(adv[0].evidence.kind, EvidenceKind::AdvocacyAllocation);
    EXPECT_EQ(evidence_kind_name(adv[0].evidence.kind), "advocacy_allocation");
  }
  c.local.advocacy_allocations[0].start = make_date(2025, 1, 2);
  {
    Engine e(c.build(), TimescaleConfig{});
    EXPECT_EQ(items_of(e.child(0, make_date(2025, 1, 10)), ItemId::Advocate)[0].status,
              Status::DoneLate);
    // Not seen before it was made: on 1 January the request is still open (and overdue).
    EXPECT_EQ(items_of(e.child(0, make_date(2025, 1, 1)), ItemId::Advocate)[0].status,
              Status::Overdue);
  }
}

TEST(Advocacy, AnAdvocateAlreadyAppointedMeetsTheRequestAndAClosedRequestIsNotApplicable) {
  Council c;
  c.child("C1", make_date(2010, 1, 10)).episode(make_date(2024, 4, 1));
  c.local.advocacy_requests.push_back(
      request("R1", AdvocacyService::Advocate, make_date(2024, 10, 7)));
  c.local.advocacy_requests.push_back(
      request("R2", AdvocacyService::Advocate, make_date(2024, 11, 4)));
  c.local.advocacy_requests.back().closed = make_date(2024, 11, 6);
  c.local.advocacy_requests.back().closed_reason = "Withdrawn by the young person";
  // An appointment made for another request does not meet R1 unless it was open on the day.
  c.local.advocacy_allocations.push_back(
      appointed("A1", AdvocacyService::Advocate, make_date(2024, 9, 2)));
  c.local.advocacy_allocations.back().end = make_date(2024, 12, 31);
  Engine e(c.build(), TimescaleConfig{});
  auto adv = items_of(e.child(0, make_date(2024, 12, 1)), ItemId::Advocate);
  ASSERT_EQ(adv.size(), 2u);
  EXPECT_EQ(adv[0].status, Status::DoneOnTime);  // already had one on 7 October
  EXPECT_EQ(adv[0].occurrence, 1);
  // R2 also falls on a day the advocate was appointed: met, though it closed two days later.
  EXPECT_EQ(adv[1].status, Status::DoneOnTime);
}

TEST(Advocacy, AClosedRequestWithNobodyAppointedIsNotApplicable) {
  Council c;
  c.child("C1", make_date(2010, 1, 10)).episode(make_date(2024, 4, 1));
  c.local.advocacy_requests.push_back(
      request("R1", AdvocacyService::Advocate, make_date(2024, 11, 4)));
  c.local.advocacy_requests.back().closed = make_date(2024, 11, 6);
  {
    Engine e(c.build(), TimescaleConfig{});
    auto adv = items_of(e.child(0, make_date(2024, 12, 1)), ItemId::Advocate);
    ASSERT_EQ(adv.size(), 1u);
    EXPECT_EQ(adv[0].status, Status::NotApplicable);
    EXPECT_FALSE(adv[0].reason.empty());
    // Before it closed, it was open.
    EXPECT_EQ(items_of(e.child(0, make_date(2024, 11, 5)), ItemId::Advocate)[0].status,
              Status::DueSoon);
  }
  // An appointment recorded against another request does not meet this one.
  c.local.advocacy_requests[0].closed.reset();
  c.local.advocacy_allocations.push_back(
      appointed("A9", AdvocacyService::Advocate, make_date(2024, 11, 5), "R-OTHER"));
  {
    Engine e(c.build(), TimescaleConfig{});
    EXPECT_EQ(items_of(e.child(0, make_date(2024, 12, 1)), ItemId::Advocate)[0].status,
              Status::Overdue);
  }
}

// Asked on 15 October 2024: the visitor is due by 15 January 2025. Once the child has left care
// an open request is no longer on anyone's list (s23ZB is for children looked after).
TEST(Advocacy, AnIndependentVisitorIsDueThreeMonthsAfterTheRequestWhileTheChildIsInCare) {
  Council c;
  c.child("C1", make_date(2010, 1, 10)).episode(make_date(2023, 4, 1), make_date(2025, 3, 1));
  c.local.advocacy_requests.push_back(
      request("R1", AdvocacyService::IndependentVisitor, make_date(2024, 10, 15)));
  Engine e(c.build(), TimescaleConfig{});
  auto iv = items_of(e.child(0, make_date(2025, 2, 1)), ItemId::IndependentVisitor);
  ASSERT_EQ(iv.size(), 1u);
  EXPECT_EQ(due_of(iv[0]), make_date(2025, 1, 15));
  EXPECT_EQ(iv[0].status, Status::Overdue);
  EXPECT_TRUE(iv[0].actionable);
  auto after = items_of(e.child(0, make_date(2025, 3, 10)), ItemId::IndependentVisitor);
  EXPECT_EQ(after[0].status, Status::Overdue);
  EXPECT_FALSE(after[0].actionable);
  // An advocate is not a visitor: only the same service meets a request.
  EXPECT_TRUE(items_of(e.child(0, make_date(2025, 2, 1)), ItemId::Advocate).empty());
}

TEST(Advocacy, TheCouncilsIntervalsAreItsOwnAndAChildWhoAskedForNothingHasNoItems) {
  Council c;
  c.child("C1", make_date(2010, 1, 10)).episode(make_date(2024, 4, 1));
  c.child("C2", make_date(2011, 1, 10)).episode(make_date(2024, 4, 1));
  c.local.advocacy_requests.push_back(
      request("R1", AdvocacyService::Advocate, make_date(2024, 12, 20)));
  TimescaleConfig cfg;
  cfg.advocate_working_days = 2;
  Engine e(c.build(), cfg);
  EXPECT_EQ(due_of(items_of(e.child(0, make_date(2024, 12, 23)), ItemId::Advocate)[0]),
            make_date(2024, 12, 24));
  auto other = e.child(1, make_date(2024, 12, 23));
  EXPECT_TRUE(items_of(other, ItemId::Advocate).empty());
  EXPECT_TRUE(items_of(other, ItemId::IndependentVisitor).empty());
}

}  // namespace
}  // namespace hearth::timescales
