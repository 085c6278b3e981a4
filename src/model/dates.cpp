#include "model/dates.hpp"

#include <cctype>
#include <cstdio>

namespace hearth::model {
namespace {

// Reads 1..max_digits digits; returns -1 when there are none or too many.
int read_number(std::string_view s, size_t& pos, int min_digits, int max_digits) {
  int value = 0;
  int digits = 0;
  while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
    if (++digits > max_digits) return -1;
    value = value * 10 + (s[pos] - '0');
    ++pos;
  }
  return digits >= min_digits ? value : -1;
}

std::optional<Date> checked(int y, int m, int d) {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                  std::chrono::day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

}  // namespace

std::optional<Date> parse_dmy(std::string_view s) {
  size_t pos = 0;
  int d = read_number(s, pos, 1, 2);
  if (d < 0 || pos >= s.size() || s[pos++] != '/') return std::nullopt;
  int m = read_number(s, pos, 1, 2);
  if (m < 0 || pos >= s.size() || s[pos++] != '/') return std::nullopt;
  int y = read_number(s, pos, 4, 4);
  if (y < 0 || pos != s.size()) return std::nullopt;
  return checked(y, m, d);
}

std::optional<Date> parse_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  size_t pos = 0;
  int y = read_number(s, pos, 4, 4);
  ++pos;
  int m = read_number(s, pos, 2, 2);
  ++pos;
  int d = read_number(s, pos, 2, 2);
  if (y < 0 || m < 0 || d < 0 || pos != s.size()) return std::nullopt;
  return checked(y, m, d);
}

std::optional<Date> parse_date(std::string_view s) {
  if (auto d = parse_iso(s)) return d;
  return parse_dmy(s);
}

std::string date_problem(std::string_view s) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  const std::string generic = "is not a date: write YYYY-MM-DD";
  int y = -1, m = -1, d = -1;
  size_t pos = 0;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    y = read_number(s, pos, 4, 4);
    ++pos;
    m = read_number(s, pos, 2, 2);
    ++pos;
    d = read_number(s, pos, 2, 2);
  } else {
    d = read_number(s, pos, 1, 2);
    if (d < 0 || pos >= s.size() || s[pos++] != '/') return generic;
    m = read_number(s, pos, 1, 2);
    if (m < 0 || pos >= s.size() || s[pos++] != '/') return generic;
    y = read_number(s, pos, 4, 4);
  }
  if (y < 0 || m < 0 || d < 0 || pos != s.size()) return generic;
  if (m < 1 || m > 12) return "is not a date: there is no month " + std::to_string(m);
  if (y < 1800 || y > 2200) return "is not a date Hearth can use: the year must be 1800 to 2200";
  if (d < 1 || !checked(y, m, d))
    return "is not a date: there is no " + std::to_string(d) + " " + kMonths[m - 1] + " " +
           std::to_string(y);
  return generic;
}

std::string format_dmy(Date date) {
  std::chrono::year_month_day ymd{date};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", unsigned(ymd.day()), unsigned(ymd.month()),
                int(ymd.year()));
  return buf;
}

std::string format_iso(Date date) {
  std::chrono::year_month_day ymd{date};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

Date birthday(Date dob, int n) {
  std::chrono::year_month_day ymd{dob};
  auto target = ymd + std::chrono::years{n};
  if (!target.ok()) {  // 29 February in a non-leap year: 1 March.
    return std::chrono::sys_days{target.year() / std::chrono::March / 1};
  }
  return std::chrono::sys_days{target};
}

int age_on(Date dob, Date on) {
  if (on < dob) return -1;
  std::chrono::year_month_day a{dob}, b{on};
  int age = int(b.year()) - int(a.year());
  if (birthday(dob, age) > on) --age;
  return age;
}

std::string CollectionYear::label() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d/%02d", end_year - 1, end_year % 100);
  return buf;
}

std::string CollectionYear::folder_name() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", end_year - 1, end_year % 100);
  return buf;
}

CollectionYear CollectionYear::containing(Date d) {
  std::chrono::year_month_day ymd{d};
  int y = int(ymd.year());
  return CollectionYear{unsigned(ymd.month()) >= 4 ? y + 1 : y};
}

std::optional<CollectionYear> CollectionYear::parse(std::string_view s) {
  std::string digits;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  if (digits.size() == 4) {
    int y = std::stoi(digits);
    if (y >= 2000 && y <= 2100) return CollectionYear{y};
  }
  if (digits.size() == 6 || digits.size() == 8) {
    int first = std::stoi(digits.substr(0, 4));
    int second = std::stoi(digits.substr(4));
    int end = digits.size() == 6 ? (first / 100) * 100 + second : second;
    if (end == first + 1 && first >= 2000 && first < 2100) return CollectionYear{end};
  }
  return std::nullopt;
}

Date add_months(Date d, int months) {
  std::chrono::year_month_day next = std::chrono::year_month_day{d} + std::chrono::months{months};
  if (!next.ok())
    next = std::chrono::year_month_day_last{next.year(), std::chrono::month_day_last{next.month()}};
  return std::chrono::sys_days{next};
}

}  // namespace hearth::model
