// Dates in Hearth are whole days (std::chrono::sys_days). The 903 writes them as dd/mm/yyyy;
// the store keeps them as ISO 8601 text (yyyy-mm-dd) so SQLite and PostgreSQL sort and compare
// them the same way.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hearth::model {

using Date = std::chrono::sys_days;
using OptDate = std::optional<Date>;

// Parses dd/mm/yyyy (the 903's form). Accepts one-digit day and month ("1/4/2024") because
// spreadsheets write them so; rejects anything else, including impossible dates (31/02/2024).
std::optional<Date> parse_dmy(std::string_view text);
// Parses yyyy-mm-dd.
std::optional<Date> parse_iso(std::string_view text);
// Parses either form (ISO first). Used where councils' local extracts mix them.
std::optional<Date> parse_date(std::string_view text);
// Why `text` is not a date, to follow the text in a message: "is not a date: write YYYY-MM-DD",
// or for a well-formed but impossible one "is not a date: there is no 30 February 2026".
std::string date_problem(std::string_view text);

std::string format_dmy(Date d);  // "01/04/2024"
std::string format_iso(Date d);  // "2024-04-01"

inline Date make_date(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// Whole years of age on `on` for someone born on `dob` (a child born on 29 February has their
// birthday on 1 March in non-leap years, as English law counts it).
int age_on(Date dob, Date on);
// The date of the n-th birthday.
Date birthday(Date dob, int n);
// `months` calendar months after `d` (before, when negative), the day kept or, where the month
// is shorter, its last day: 31 January + 1 month is 28 (or 29) February. The one month
// arithmetic of the timescales, the indicators, the validation rules and the generators.
Date add_months(Date d, int months);

// A statutory collection year runs 1 April – 31 March. `end_year` 2025 is the year 2024/25.
struct CollectionYear {
  int end_year = 0;

  Date start() const { return make_date(end_year - 1, 4, 1); }
  Date end() const { return make_date(end_year, 3, 31); }
  bool contains(Date d) const { return d >= start() && d <= end(); }
  std::string label() const;        // "2024/25"
  std::string folder_name() const;  // "2024-25": how Hearth names a year's folder of files
  static CollectionYear containing(Date d);
  // Parses "2025", "2024/25", "2024-25", "2024_25", "lac2024_25".
  static std::optional<CollectionYear> parse(std::string_view text);
  auto operator<=>(const CollectionYear&) const = default;
};

}  // namespace hearth::model
