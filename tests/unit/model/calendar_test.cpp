#include "model/calendar.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace hearth::model {
namespace {

using std::chrono::days;

const WorkingDayCalendar& ew() {
  return WorkingDayCalendar::england_and_wales();
}

std::vector<Date> dates_of(const std::vector<BankHoliday>& holidays) {
  std::vector<Date> out;
  for (const auto& h : holidays) out.push_back(h.date);
  return out;
}

int year_of(Date d) {
  return int(std::chrono::year_month_day{d}.year());
}

// A reference with no precomputation: weekday and not in the year's list.
bool naive_working_day(const WorkingDayCalendar& cal, Date d) {
  const std::chrono::weekday w{d};
  if (w == std::chrono::Saturday || w == std::chrono::Sunday) return false;
  const auto dates = dates_of(cal.bank_holidays(year_of(d)));
  return std::find(dates.begin(), dates.end(), d) == dates.end();
}

Date naive_add(const WorkingDayCalendar& cal, Date d, int n) {
  const days step{n >= 0 ? 1 : -1};
  for (int left = n >= 0 ? n : -n; left > 0;) {
    d += step;
    if (naive_working_day(cal, d)) --left;
  }
  return d;
}

// The published gov.uk lists for England and Wales, 2015–2026, and the rules' dates for
// 2027–2030 (Easter 2027: 28 Mar, 2028: 16 Apr, 2029: 1 Apr, 2030: 21 Apr), typed in by hand so
// that a mistake in the rules cannot hide in both the code and the expectation.
const std::map<int, std::vector<std::pair<unsigned, unsigned>>>& published() {
  static const std::map<int, std::vector<std::pair<unsigned, unsigned>>> table{
      {2015, {{1, 1}, {4, 3}, {4, 6}, {5, 4}, {5, 25}, {8, 31}, {12, 25}, {12, 28}}},
      {2016, {{1, 1}, {3, 25}, {3, 28}, {5, 2}, {5, 30}, {8, 29}, {12, 26}, {12, 27}}},
      {2017, {{1, 2}, {4, 14}, {4, 17}, {5, 1}, {5, 29}, {8, 28}, {12, 25}, {12, 26}}},
      {2018, {{1, 1}, {3, 30}, {4, 2}, {5, 7}, {5, 28}, {8, 27}, {12, 25}, {12, 26}}},
      {2019, {{1, 1}, {4, 19}, {4, 22}, {5, 6}, {5, 27}, {8, 26}, {12, 25}, {12, 26}}},
      // Early May moved to Friday 8 May for the 75th anniversary of VE day.
      {2020, {{1, 1}, {4, 10}, {4, 13}, {5, 8}, {5, 25}, {8, 31}, {12, 25}, {12, 28}}},
      {2021, {{1, 1}, {4, 2}, {4, 5}, {5, 3}, {5, 31}, {8, 30}, {12, 27}, {12, 28}}},
      // Spring moved to Thursday 2 June, Platinum Jubilee Friday 3 June, State Funeral 19 Sep.
      {2022,
       {{1, 3}, {4, 15}, {4, 18}, {5, 2}, {6, 2}, {6, 3}, {8, 29}, {9, 19}, {12, 26}, {12, 27}}},
      // Coronation Monday 8 May, a week after the Early May holiday.
      {2023, {{1, 2}, {4, 7}, {4, 10}, {5, 1}, {5, 8}, {5, 29}, {8, 28}, {12, 25}, {12, 26}}},
      {2024, {{1, 1}, {3, 29}, {4, 1}, {5, 6}, {5, 27}, {8, 26}, {12, 25}, {12, 26}}},
      {2025, {{1, 1}, {4, 18}, {4, 21}, {5, 5}, {5, 26}, {8, 25}, {12, 25}, {12, 26}}},
      {2026, {{1, 1}, {4, 3}, {4, 6}, {5, 4}, {5, 25}, {8, 31}, {12, 25}, {12, 28}}},
      {2027, {{1, 1}, {3, 26}, {3, 29}, {5, 3}, {5, 31}, {8, 30}, {12, 27}, {12, 28}}},
      {2028, {{1, 3}, {4, 14}, {4, 17}, {5, 1}, {5, 29}, {8, 28}, {12, 25}, {12, 26}}},
      {2029, {{1, 1}, {3, 30}, {4, 2}, {5, 7}, {5, 28}, {8, 27}, {12, 25}, {12, 26}}},
      {2030, {{1, 1}, {4, 19}, {4, 22}, {5, 6}, {5, 27}, {8, 26}, {12, 25}, {12, 26}}},
  };
  return table;
}

// Every date of every year 2015–2030 against the published lists: the calendar is the base of
// every "within N working days" due date, so one wrong holiday shifts real deadlines.
TEST(WorkingDayCalendar, MatchesThePublishedEnglandAndWalesBankHolidaysFor2015To2030) {
  ASSERT_EQ(published().size(), 16u);
  for (const auto& [year, month_days] : published()) {
    std::vector<Date> expected;
    for (auto [m, d] : month_days) expected.push_back(make_date(year, m, d));
    EXPECT_EQ(dates_of(ew().bank_holidays(year)), expected) << year;
    for (Date d : expected) {
      EXPECT_TRUE(ew().is_bank_holiday(d)) << format_iso(d);
      EXPECT_FALSE(ew().is_working_day(d)) << format_iso(d);
    }
  }
}

// The one-offs before 2015 (2011 royal wedding, 2012 Diamond Jubilee with Spring moved) are in
// the table too; a check on 2011 and 2012 keeps them from being dropped unnoticed.
TEST(WorkingDayCalendar, KeepsTheOneOffsOf2011And2012) {
  EXPECT_TRUE(ew().is_bank_holiday(make_date(2011, 4, 29)));
  EXPECT_EQ(dates_of(ew().bank_holidays(2012)),
            (std::vector<Date>{make_date(2012, 1, 2), make_date(2012, 4, 6), make_date(2012, 4, 9),
                               make_date(2012, 5, 7), make_date(2012, 6, 4), make_date(2012, 6, 5),
                               make_date(2012, 8, 27), make_date(2012, 12, 25),
                               make_date(2012, 12, 26)}));
  EXPECT_TRUE(ew().is_working_day(make_date(2012, 5, 28)));  // the usual Spring Monday
}

// Names appear in explanations shown to users, so substitute days and one-offs say what they are
// (gov.uk's wording, with a plain apostrophe); the kind says which rule produced the day.
TEST(WorkingDayCalendar, NamesSubstituteDaysAndOneOffs) {
  using K = BankHolidayKind;
  const std::vector<BankHoliday> y2022{
      {make_date(2022, 1, 3), "New Year's Day (substitute day)", K::NewYear},
      {make_date(2022, 4, 15), "Good Friday", K::GoodFriday},
      {make_date(2022, 4, 18), "Easter Monday", K::EasterMonday},
      {make_date(2022, 5, 2), "Early May bank holiday", K::EarlyMay},
      {make_date(2022, 6, 2), "Spring bank holiday", K::Spring},
      {make_date(2022, 6, 3), "Platinum Jubilee bank holiday", K::OneOff},
      {make_date(2022, 8, 29), "Summer bank holiday", K::Summer},
      {make_date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II",
       K::OneOff},
      {make_date(2022, 12, 26), "Boxing Day", K::BoxingDay},
      {make_date(2022, 12, 27), "Christmas Day (substitute day)", K::Christmas},
  };
  EXPECT_EQ(ew().bank_holidays(2022), y2022);

  // Christmas on Saturday: both days are substitutes.
  const auto y2021 = ew().bank_holidays(2021);
  EXPECT_EQ(y2021[6],
            (BankHoliday{make_date(2021, 12, 27), "Christmas Day (substitute day)", K::Christmas}));
  EXPECT_EQ(y2021[7],
            (BankHoliday{make_date(2021, 12, 28), "Boxing Day (substitute day)", K::BoxingDay}));
  // Christmas on Friday: Boxing Day (Saturday) moves to Monday 28.
  EXPECT_EQ(ew().bank_holidays(2020).back(),
            (BankHoliday{make_date(2020, 12, 28), "Boxing Day (substitute day)", K::BoxingDay}));
  EXPECT_EQ(ew().bank_holidays(2020)[3],
            (BankHoliday{make_date(2020, 5, 8), "Early May bank holiday (VE day)", K::EarlyMay}));
  EXPECT_EQ(ew().bank_holidays(2023)[4].kind, K::OneOff);
  EXPECT_EQ(ew().bank_holidays(2023)[4].name,
            "Bank holiday for the coronation of King Charles III");
}

// Good Friday and Easter Monday hang on Easter; check the algorithm on known dates including the
// earliest (22 March) and latest (25 April) possible Easters and century years.
TEST(WorkingDayCalendar, ComputesEasterSundayByTheGregorianRule) {
  EXPECT_EQ(easter_sunday(2024), make_date(2024, 3, 31));
  EXPECT_EQ(easter_sunday(2025), make_date(2025, 4, 20));
  EXPECT_EQ(easter_sunday(2019), make_date(2019, 4, 21));
  EXPECT_EQ(easter_sunday(2000), make_date(2000, 4, 23));
  EXPECT_EQ(easter_sunday(1961), make_date(1961, 4, 2));
  EXPECT_EQ(easter_sunday(2038), make_date(2038, 4, 25));
  EXPECT_EQ(easter_sunday(1943), make_date(1943, 4, 25));
  EXPECT_EQ(easter_sunday(1818), make_date(1818, 3, 22));
  EXPECT_EQ(easter_sunday(2285), make_date(2285, 3, 22));
  EXPECT_EQ(easter_sunday(2100), make_date(2100, 3, 28));
}

// The one-offs are data, not rules: a calendar built without them has the plain rule dates, and
// a caller's own table (e.g. a future announced holiday) is applied, moved days included.
TEST(WorkingDayCalendar, TakesItsOneOffsFromTheTableItIsGiven) {
  const WorkingDayCalendar plain{{}};
  EXPECT_EQ(plain.bank_holidays(2020)[3].date, make_date(2020, 5, 4));
  EXPECT_TRUE(plain.is_working_day(make_date(2020, 5, 8)));
  EXPECT_EQ(plain.bank_holidays(2022)[4].date, make_date(2022, 5, 30));
  EXPECT_TRUE(plain.is_working_day(make_date(2022, 9, 19)));
  EXPECT_EQ(plain.bank_holidays(2022).size(), 8u);

  const WorkingDayCalendar custom{{
      {BankHolidayKind::OneOff, 2027, make_date(2027, 7, 2), "Made-up holiday"},
      {BankHolidayKind::Summer, 2027, make_date(2027, 8, 23), ""},  // moved, name kept
  }};
  EXPECT_TRUE(custom.is_bank_holiday(make_date(2027, 7, 2)));
  EXPECT_FALSE(custom.is_working_day(make_date(2027, 7, 2)));
  EXPECT_TRUE(custom.is_working_day(make_date(2027, 8, 30)));
  EXPECT_FALSE(custom.is_working_day(make_date(2027, 8, 23)));
  const auto y2027 = custom.bank_holidays(2027);
  ASSERT_EQ(y2027.size(), 9u);
  EXPECT_EQ(y2027[5],
            (BankHoliday{make_date(2027, 7, 2), "Made-up holiday", BankHolidayKind::OneOff}));
  EXPECT_EQ(y2027[6],
            (BankHoliday{make_date(2027, 8, 23), "Summer bank holiday", BankHolidayKind::Summer}));
}

// Weekends are never working days and ordinary weekdays always are; a weekend bank holiday is
// not itself a bank holiday (its substitute is).
TEST(WorkingDayCalendar, AWorkingDayIsAWeekdayThatIsNotABankHoliday) {
  EXPECT_TRUE(ew().is_working_day(make_date(2024, 12, 20)));   // Friday
  EXPECT_FALSE(ew().is_working_day(make_date(2024, 12, 21)));  // Saturday
  EXPECT_FALSE(ew().is_working_day(make_date(2024, 12, 22)));  // Sunday
  EXPECT_FALSE(ew().is_bank_holiday(make_date(2024, 12, 22)));
  EXPECT_FALSE(ew().is_bank_holiday(make_date(2021, 12, 25)));  // Saturday; Monday 27 is
  EXPECT_TRUE(ew().is_bank_holiday(make_date(2021, 12, 27)));
  EXPECT_TRUE(ew().is_working_day(make_date(2024, 12, 24)));  // Christmas Eve is not a holiday
}

// The example from the brief: three bank holidays (25, 26 Dec, 1 Jan) and the weekends fall in
// the 20 working days, which is the first looked-after review's timescale over Christmas.
TEST(WorkingDayArithmetic, TwentyWorkingDaysFromFriday20December2024IsWednesday22January2025) {
  EXPECT_EQ(ew().add_working_days(make_date(2024, 12, 20), 20), make_date(2025, 1, 22));
  EXPECT_EQ(ew().working_days_between(make_date(2024, 12, 20), make_date(2025, 1, 22)), 20);
  EXPECT_EQ(ew().working_days_between(make_date(2024, 12, 20), make_date(2025, 1, 21)), 19);
}

// Easter takes two weekdays out of the count (Good Friday, Easter Monday). In 2025 the count also
// runs into the Early May holiday (Monday 5 May).
TEST(WorkingDayArithmetic, TenWorkingDaysFromTheThursdayBeforeEasterSkipsTheEasterHolidays) {
  EXPECT_EQ(ew().add_working_days(make_date(2024, 3, 28), 10), make_date(2024, 4, 15));
  EXPECT_EQ(ew().add_working_days(make_date(2025, 4, 17), 10), make_date(2025, 5, 6));
  EXPECT_EQ(ew().add_working_days(make_date(2025, 4, 17), 1), make_date(2025, 4, 22));
}

// "D+1 is day 1 if it is a working day": from Friday, Saturday or Sunday the first working day is
// Monday, and five working days from a Monday is the next Monday.
TEST(WorkingDayArithmetic, WeekendsAreSkippedWhicheverDayTheCountStarts) {
  EXPECT_EQ(ew().add_working_days(make_date(2024, 6, 7), 1), make_date(2024, 6, 10));  // Fri
  EXPECT_EQ(ew().add_working_days(make_date(2024, 6, 8), 1), make_date(2024, 6, 10));  // Sat
  EXPECT_EQ(ew().add_working_days(make_date(2024, 6, 9), 1), make_date(2024, 6, 10));  // Sun
  EXPECT_EQ(ew().add_working_days(make_date(2024, 6, 10), 5), make_date(2024, 6, 17));
  EXPECT_EQ(ew().add_working_days(make_date(2024, 6, 8), 5), make_date(2024, 6, 14));
  EXPECT_EQ(ew().working_days_between(make_date(2024, 6, 7), make_date(2024, 6, 9)), 0);
}

// n = 0 is "the same day" even when that day is not a working day: the caller decides whether to
// roll forward (next_working_day_on_or_after), the arithmetic does not do it silently.
TEST(WorkingDayArithmetic, ZeroWorkingDaysIsTheStartDateItself) {
  for (Date d : {make_date(2024, 6, 10), make_date(2024, 6, 8), make_date(2024, 12, 25),
                 make_date(1970, 1, 1), make_date(2150, 7, 4)}) {
    EXPECT_EQ(ew().add_working_days(d, 0), d) << format_iso(d);
    EXPECT_EQ(ew().working_days_between(d, d), 0) << format_iso(d);
  }
}

// Rolling a date that is not a working day forward: over a Christmas on Saturday (2021) the next
// working day after 25 December is Wednesday 29.
TEST(WorkingDayArithmetic, NextWorkingDayOnOrAfterRollsOverWeekendsAndHolidays) {
  EXPECT_EQ(ew().next_working_day_on_or_after(make_date(2021, 12, 25)), make_date(2021, 12, 29));
  EXPECT_EQ(ew().next_working_day_on_or_after(make_date(2025, 4, 18)), make_date(2025, 4, 22));
  EXPECT_EQ(ew().next_working_day_on_or_after(make_date(2024, 6, 8)), make_date(2024, 6, 10));
  EXPECT_EQ(ew().next_working_day_on_or_after(make_date(2024, 6, 12)), make_date(2024, 6, 12));
}

// Counting back is useful for "due soon" windows; it mirrors counting on, and a reversed interval
// gives a negative count.
TEST(WorkingDayArithmetic, CountingBackMirrorsCountingOn) {
  EXPECT_EQ(ew().add_working_days(make_date(2025, 1, 22), -20), make_date(2024, 12, 20));
  EXPECT_EQ(ew().add_working_days(make_date(2024, 6, 10), -1), make_date(2024, 6, 7));
  EXPECT_EQ(ew().add_working_days(make_date(2024, 6, 9), -1), make_date(2024, 6, 7));
  EXPECT_EQ(ew().working_days_between(make_date(2025, 1, 22), make_date(2024, 12, 20)), -20);
}

// The two operations must agree, or a due date and an "overdue by N days" figure would disagree:
// for every start day of 2019–2024 and every n up to 45, counting the interval back gives n, and
// the result is a working day and the same as a plain day-by-day walk gives; for any pair,
// add(from, between) <= to < add(from, between + 1).
TEST(WorkingDayArithmetic, WorkingDaysBetweenIsConsistentWithAddWorkingDays) {
  const auto& cal = ew();
  for (Date from = make_date(2019, 1, 1); from <= make_date(2024, 12, 31); from += days{1}) {
    for (int n = 0; n <= 45; ++n) {
      const Date due = cal.add_working_days(from, n);
      ASSERT_EQ(cal.working_days_between(from, due), n) << format_iso(from) << " + " << n;
      if (n > 0) {
        ASSERT_TRUE(cal.is_working_day(due));
        // Counting n - 1 back from the n-th working day lands on the first one.
        ASSERT_EQ(cal.add_working_days(due, -(n - 1)),
                  cal.next_working_day_on_or_after(from + days{1}))
            << format_iso(from) << " + " << n;
      }
    }
    ASSERT_EQ(cal.add_working_days(from, 20), naive_add(cal, from, 20)) << format_iso(from);
    for (int span : {0, 1, 2, 3, 6, 7, 13, 40, 400}) {
      const Date to = from + days{span};
      const int n = cal.working_days_between(from, to);
      ASSERT_GE(n, 0);
      ASSERT_LE(cal.add_working_days(from, n), to);
      ASSERT_GT(cal.add_working_days(from, n + 1), to);
    }
  }
}

// Years outside the precomputed 1990–2100 are computed on demand and must give the same answers
// as the rules; counts and additions that cross the edges of the table must join up.
TEST(WorkingDayArithmetic, DaysOutsideThePrecomputedYearsFollowTheSameRules) {
  const auto& cal = ew();
  for (Date d = make_date(1985, 1, 1); d <= make_date(1992, 12, 31); d += days{1}) {
    ASSERT_EQ(cal.is_working_day(d), naive_working_day(cal, d)) << format_iso(d);
  }
  for (Date d = make_date(2098, 1, 1); d <= make_date(2103, 12, 31); d += days{1}) {
    ASSERT_EQ(cal.is_working_day(d), naive_working_day(cal, d)) << format_iso(d);
  }
  EXPECT_TRUE(cal.is_bank_holiday(make_date(2150, 12, 25)));  // a Friday
  EXPECT_TRUE(cal.is_bank_holiday(make_date(2150, 12, 28)));  // Boxing Day substitute
  EXPECT_TRUE(cal.is_bank_holiday(make_date(1985, 4, 5)));    // Good Friday 1985

  const std::vector<std::pair<Date, int>> cases{
      {make_date(2100, 12, 20), 10}, {make_date(2100, 12, 31), 300}, {make_date(2101, 3, 1), 40},
      {make_date(1990, 1, 10), -10}, {make_date(1989, 12, 20), 10},  {make_date(1989, 11, 1), 60},
      {make_date(2101, 1, 5), -10},  {make_date(2100, 6, 1), 500},   {make_date(1990, 6, 1), -500},
  };
  for (auto [d, n] : cases) {
    const Date expected = naive_add(cal, d, n);
    EXPECT_EQ(cal.add_working_days(d, n), expected) << format_iso(d) << " + " << n;
    EXPECT_EQ(cal.working_days_between(d, expected), n) << format_iso(d) << " + " << n;
  }

  int naive = 0;
  for (Date d = make_date(1980, 1, 2); d <= make_date(2110, 1, 1); d += days{1}) {
    naive += naive_working_day(cal, d) ? 1 : 0;
  }
  EXPECT_EQ(cal.working_days_between(make_date(1980, 1, 1), make_date(2110, 1, 1)), naive);
}

}  // namespace
}  // namespace hearth::model
