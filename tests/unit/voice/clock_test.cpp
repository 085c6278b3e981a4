// The alert's clock: working days counted on the calendar, at the same time on the clock in
// England, across weekends, bank holidays and the changes of the clocks.
#include "voice/clock.hpp"

#include <gtest/gtest.h>

namespace hearth::voice {
namespace {

model::Instant utc(const char* text) {
  auto t = model::parse_instant(text);
  EXPECT_TRUE(t) << text;
  return t.value_or(model::Instant{});
}

const model::WorkingDayCalendar& cal() {
  return model::WorkingDayCalendar::england_and_wales();
}

TEST(AlertClock, FridayEveningInWinterIsDueOnMondayEveningNotSaturday) {
  // Friday 4 December 2026, 18:00 GMT.
  EXPECT_EQ(add_working_days(utc("2026-12-04T18:00:00Z"), 1, cal()), utc("2026-12-07T18:00:00Z"));
}

TEST(AlertClock, FridayEveningInSummerIsDueOnMondayEveningOnTheOfficeClock) {
  // Friday 5 June 2026, 18:00 BST = 17:00 UTC; Monday 8 June 18:00 BST.
  EXPECT_EQ(add_working_days(utc("2026-06-05T17:00:00Z"), 1, cal()), utc("2026-06-08T17:00:00Z"));
}

TEST(AlertClock, ASaturdayMessageIsDueOnMonday) {
  EXPECT_EQ(add_working_days(utc("2026-12-05T10:30:00Z"), 1, cal()), utc("2026-12-07T10:30:00Z"));
}

TEST(AlertClock, BankHolidaysAreNotWorkingDays) {
  // Thursday 24 December 2026 at 20:00: Christmas Day (Friday) and the Boxing Day substitute
  // (Monday 28th) are not working days, so the next is Tuesday 29th.
  EXPECT_EQ(add_working_days(utc("2026-12-24T20:00:00Z"), 1, cal()), utc("2026-12-29T20:00:00Z"));
}

TEST(AlertClock, AcrossTheClocksGoingBackTheOfficeHourIsKept) {
  // Friday 23 October 2026 18:00 BST (17:00 UTC); the clocks go back on Sunday 25th; Monday 26th
  // 18:00 GMT is 18:00 UTC.
  EXPECT_EQ(add_working_days(utc("2026-10-23T17:00:00Z"), 1, cal()), utc("2026-10-26T18:00:00Z"));
  // And forward: Friday 27 March 2026 18:00 GMT; Monday 30th 18:00 BST is 17:00 UTC.
  EXPECT_EQ(add_working_days(utc("2026-03-27T18:00:00Z"), 1, cal()), utc("2026-03-30T17:00:00Z"));
}

TEST(AlertClock, TheDateIsTheDateInEngland) {
  // 23:30 UTC on 30 June is 00:30 BST on 1 July.
  EXPECT_EQ(england_date(utc("2026-06-30T23:30:00Z")),
            model::Date{std::chrono::year{2026} / 7 / 1});
  EXPECT_EQ(england_offset(utc("2026-01-15T12:00:00Z")), std::chrono::minutes{0});
  EXPECT_EQ(england_offset(utc("2026-07-15T12:00:00Z")), std::chrono::minutes{60});
}

TEST(AlertClock, SeveralWorkingDays) {
  EXPECT_EQ(add_working_days(utc("2026-12-02T09:00:00Z"), 5, cal()), utc("2026-12-09T09:00:00Z"));
  EXPECT_EQ(add_working_days(utc("2026-12-02T09:00:00Z"), 0, cal()), utc("2026-12-02T09:00:00Z"));
}

}  // namespace
}  // namespace hearth::voice
