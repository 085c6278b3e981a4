#include "model/dates.hpp"

#include <gtest/gtest.h>

namespace hearth::model {
namespace {

TEST(Dates, ParsesTheDfeFormAndIso) {
  EXPECT_EQ(parse_dmy("01/04/2024"), make_date(2024, 4, 1));
  EXPECT_EQ(parse_dmy("1/4/2024"), make_date(2024, 4, 1));
  EXPECT_EQ(parse_iso("2024-04-01"), make_date(2024, 4, 1));
  EXPECT_EQ(parse_date("2024-04-01"), make_date(2024, 4, 1));
  EXPECT_EQ(parse_date("29/02/2024"), make_date(2024, 2, 29));
}

TEST(Dates, RejectsImpossibleAndMalformedDates) {
  EXPECT_FALSE(parse_dmy("29/02/2023"));
  EXPECT_FALSE(parse_dmy("31/04/2024"));
  EXPECT_FALSE(parse_dmy("2024/04/01"));
  EXPECT_FALSE(parse_dmy("01/04/24"));
  EXPECT_FALSE(parse_dmy("01-04-2024"));
  EXPECT_FALSE(parse_dmy(""));
  EXPECT_FALSE(parse_iso("2024-4-1"));
  EXPECT_FALSE(parse_dmy("zz/05/2015"));
}

TEST(Dates, FormatsBothWays) {
  EXPECT_EQ(format_dmy(make_date(2025, 1, 2)), "02/01/2025");
  EXPECT_EQ(format_iso(make_date(2025, 1, 2)), "2025-01-02");
}

TEST(Dates, AgeCountsWholeYearsAndLeapDayBirthdaysFallOnFirstMarch) {
  EXPECT_EQ(age_on(make_date(2010, 6, 15), make_date(2026, 6, 14)), 15);
  EXPECT_EQ(age_on(make_date(2010, 6, 15), make_date(2026, 6, 15)), 16);
  EXPECT_EQ(birthday(make_date(2008, 2, 29), 18), make_date(2026, 3, 1));
  EXPECT_EQ(age_on(make_date(2008, 2, 29), make_date(2026, 2, 28)), 17);
  EXPECT_EQ(age_on(make_date(2008, 2, 29), make_date(2026, 3, 1)), 18);
}

TEST(CollectionYear, RunsFromAprilToMarch) {
  CollectionYear y{2025};
  EXPECT_EQ(y.start(), make_date(2024, 4, 1));
  EXPECT_EQ(y.end(), make_date(2025, 3, 31));
  EXPECT_EQ(y.label(), "2024/25");
  EXPECT_EQ(y.folder_name(), "2024-25");
  EXPECT_EQ(CollectionYear{2000}.folder_name(), "1999-00");
  EXPECT_EQ(CollectionYear::containing(make_date(2025, 3, 31)).end_year, 2025);
  EXPECT_EQ(CollectionYear::containing(make_date(2025, 4, 1)).end_year, 2026);
}

TEST(CollectionYear, ParsesTheWaysPeopleWriteIt) {
  EXPECT_EQ(CollectionYear::parse("2024-25")->end_year, 2025);
  EXPECT_EQ(CollectionYear::parse("2024/25")->end_year, 2025);
  EXPECT_EQ(CollectionYear::parse("lac2024_25")->end_year, 2025);
  EXPECT_EQ(CollectionYear::parse("2024-2025")->end_year, 2025);
  EXPECT_EQ(CollectionYear::parse("2025")->end_year, 2025);
  EXPECT_FALSE(CollectionYear::parse("2024-26"));
  EXPECT_FALSE(CollectionYear::parse("last year"));
}

TEST(Dates, AnImpossibleDayIsNamed) {
  EXPECT_EQ(date_problem("2026-02-30"), "is not a date: there is no 30 February 2026");
  EXPECT_EQ(date_problem("31/04/2025"), "is not a date: there is no 31 April 2025");
  EXPECT_EQ(date_problem("2025-13-01"), "is not a date: there is no month 13");
  EXPECT_EQ(date_problem("2025-00-10"), "is not a date: there is no month 0");
  EXPECT_EQ(date_problem("next tuesday"), "is not a date: write YYYY-MM-DD");
  EXPECT_EQ(date_problem("2025-1-1"), "is not a date: write YYYY-MM-DD");
}

}  // namespace
}  // namespace hearth::model

// The one month arithmetic (issue 14): the day kept, or the end of a shorter month; back and
// forth across years and leap years.
TEST(Dates, AddMonthsKeepsTheDayOrEndsAShorterMonth) {
  using hearth::model::add_months;
  using hearth::model::make_date;
  EXPECT_EQ(add_months(make_date(2025, 1, 15), 1), make_date(2025, 2, 15));
  EXPECT_EQ(add_months(make_date(2025, 1, 31), 1), make_date(2025, 2, 28));
  EXPECT_EQ(add_months(make_date(2024, 1, 31), 1), make_date(2024, 2, 29));
  EXPECT_EQ(add_months(make_date(2024, 2, 29), 12), make_date(2025, 2, 28));
  EXPECT_EQ(add_months(make_date(2025, 3, 31), -1), make_date(2025, 2, 28));
  EXPECT_EQ(add_months(make_date(2025, 3, 31), -30), make_date(2022, 9, 30));
  EXPECT_EQ(add_months(make_date(2025, 8, 31), 6), make_date(2026, 2, 28));
  EXPECT_EQ(add_months(make_date(2025, 12, 1), 0), make_date(2025, 12, 1));
  EXPECT_EQ(add_months(make_date(2025, 11, 30), 3), make_date(2026, 2, 28));
}
