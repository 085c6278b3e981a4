#include "model/calendar.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <utility>

namespace hearth::model {
namespace {

using std::chrono::days;
using std::chrono::weekday;

constexpr int kFirstPrecomputedYear = 1990;
constexpr int kLastPrecomputedYear = 2100;

bool is_weekend(Date d) {
  const weekday w{d};
  return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

int year_of(Date d) {
  return int(std::chrono::year_month_day{d}.year());
}

std::string substitute(std::string name) {
  return name + " (substitute day)";
}

// A holiday on a fixed date; when it falls on a weekend the holiday is taken on `if_weekend`.
BankHoliday fixed(Date date, Date if_weekend, std::string name, BankHolidayKind kind) {
  if (is_weekend(date)) return {if_weekend, substitute(std::move(name)), kind};
  return {date, std::move(name), kind};
}

// The holidays the rules give, before any one-off change.
std::vector<BankHoliday> standard_holidays(int year) {
  using namespace std::chrono;
  const std::chrono::year y{year};
  const Date new_year = make_date(year, 1, 1);
  const Date easter = easter_sunday(year);
  // When the New Year falls on Saturday or Sunday the holiday is the next Monday (3 or 2 Jan).
  // Christmas on Saturday or Sunday moves to Monday/Tuesday 27 December; Boxing Day on Saturday
  // or Sunday moves to Monday/Tuesday 28 December. Together these give the published pairs:
  // Christmas Fri → Boxing Mon 28; Christmas Sat → Christmas Mon 27 + Boxing Tue 28;
  // Christmas Sun → Boxing Mon 26 + Christmas Tue 27.
  const Date new_year_substitute = sys_days{y / January / Monday[1]};
  return {
      fixed(new_year, new_year_substitute, "New Year's Day", BankHolidayKind::NewYear),
      {easter - days{2}, "Good Friday", BankHolidayKind::GoodFriday},
      {easter + days{1}, "Easter Monday", BankHolidayKind::EasterMonday},
      {sys_days{y / May / Monday[1]}, "Early May bank holiday", BankHolidayKind::EarlyMay},
      {sys_days{y / May / Monday[last]}, "Spring bank holiday", BankHolidayKind::Spring},
      {sys_days{y / August / Monday[last]}, "Summer bank holiday", BankHolidayKind::Summer},
      fixed(make_date(year, 12, 25), make_date(year, 12, 27), "Christmas Day",
            BankHolidayKind::Christmas),
      fixed(make_date(year, 12, 26), make_date(year, 12, 28), "Boxing Day",
            BankHolidayKind::BoxingDay),
  };
}

// Sorted bank holiday dates of the years around `year`, so that a change recorded against one
// year but dated in the next is still seen (the precomputed table sees it too).
std::vector<Date> holiday_dates_around(const WorkingDayCalendar& cal, int year) {
  std::vector<Date> out;
  for (int y = year - 1; y <= year + 1; ++y) {
    for (const auto& h : cal.bank_holidays(y)) out.push_back(h.date);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Working-day test for days outside the precomputed range, remembering one year's holidays so
// that a walk through many days computes each year once.
class SlowDays {
 public:
  explicit SlowDays(const WorkingDayCalendar& cal) : cal_(cal) {}

  bool bank_holiday(Date d) {
    const int y = year_of(d);
    if (y != year_) {
      year_ = y;
      dates_ = holiday_dates_around(cal_, y);
    }
    return std::binary_search(dates_.begin(), dates_.end(), d);
  }
  bool working(Date d) { return !is_weekend(d) && !bank_holiday(d); }

 private:
  const WorkingDayCalendar& cal_;
  int year_ = INT_MIN;
  std::vector<Date> dates_;
};

}  // namespace

std::vector<CalendarChange> england_and_wales_one_offs() {
  using K = BankHolidayKind;
  return {
      {K::OneOff, 2011, make_date(2011, 4, 29), "Royal wedding"},
      {K::Spring, 2012, make_date(2012, 6, 4), "Spring bank holiday"},
      {K::OneOff, 2012, make_date(2012, 6, 5), "Queen's Diamond Jubilee"},
      {K::EarlyMay, 2020, make_date(2020, 5, 8), "Early May bank holiday (VE day)"},
      {K::Spring, 2022, make_date(2022, 6, 2), "Spring bank holiday"},
      {K::OneOff, 2022, make_date(2022, 6, 3), "Platinum Jubilee bank holiday"},
      {K::OneOff, 2022, make_date(2022, 9, 19),
       "Bank Holiday for the State Funeral of Queen Elizabeth II"},
      {K::OneOff, 2023, make_date(2023, 5, 8),
       "Bank holiday for the coronation of King Charles III"},
  };
}

Date easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return make_date(year, unsigned(month), unsigned(day));
}

WorkingDayCalendar::WorkingDayCalendar(std::vector<CalendarChange> changes)
    : changes_(std::move(changes)), first_(make_date(kFirstPrecomputedYear, 1, 1)) {
  const Date end = make_date(kLastPrecomputedYear + 1, 1, 1);
  const auto n = static_cast<size_t>((end - first_).count());
  flags_.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!is_weekend(first_ + days{static_cast<long>(i)})) flags_[i] = kWorkingFlag;
  }
  // One year either side, as holiday_dates_around does for the slow path.
  for (int y = kFirstPrecomputedYear - 1; y <= kLastPrecomputedYear + 1; ++y) {
    for (const auto& h : bank_holidays(y)) {
      const size_t i = index(h.date);
      if (i < n) flags_[i] = kBankHolidayFlag;  // and so not a working day
    }
  }
  counts_.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) counts_[i + 1] = counts_[i] + ((flags_[i] & kWorkingFlag) ? 1 : 0);
}

const WorkingDayCalendar& WorkingDayCalendar::england_and_wales() {
  static const WorkingDayCalendar calendar{england_and_wales_one_offs()};
  return calendar;
}

std::vector<BankHoliday> WorkingDayCalendar::bank_holidays(int year) const {
  std::vector<BankHoliday> out = standard_holidays(year);
  for (const auto& c : changes_) {
    if (c.year != year) continue;
    if (c.kind == BankHolidayKind::OneOff) {
      out.push_back({c.date, c.name.empty() ? "Bank holiday" : c.name, c.kind});
      continue;
    }
    for (auto& h : out) {
      if (h.kind != c.kind) continue;
      h.date = c.date;
      if (!c.name.empty()) h.name = c.name;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  return out;
}

bool WorkingDayCalendar::is_bank_holiday_slow(Date d) const {
  return SlowDays{*this}.bank_holiday(d);
}

bool WorkingDayCalendar::is_working_day_slow(Date d) const {
  return SlowDays{*this}.working(d);
}

int WorkingDayCalendar::count_slow(Date from, Date to) const {
  SlowDays slow{*this};
  int count = 0;
  for (Date d = from + days{1}; d <= to; d += days{1}) count += slow.working(d) ? 1 : 0;
  return count;
}

Date WorkingDayCalendar::add_working_days(Date d, int n) const {
  const size_t size = flags_.size();
  const size_t i = index(d);
  if (n > 0 && i < size) {
    const int32_t before = counts_[i + 1];  // working days up to and including d
    const int32_t available = counts_[size] - before;
    if (n <= available) {
      // The first position whose running count reaches before + n is just after the n-th
      // working day.
      const auto it = std::lower_bound(counts_.begin(), counts_.end(), before + n);
      return first_ + days{static_cast<long>(it - counts_.begin()) - 1};
    }
    d = first_ + days{static_cast<long>(size) - 1};  // walk on past the table
    n -= available;
  } else if (n < 0 && i < size) {
    const int32_t before = counts_[i];  // working days strictly before d
    if (-n <= before) {
      const auto it = std::lower_bound(counts_.begin(), counts_.end(), before + n + 1);
      return first_ + days{static_cast<long>(it - counts_.begin()) - 1};
    }
    d = first_;
    n += before;
  }
  SlowDays slow{*this};
  const days step{n > 0 ? 1 : -1};
  for (int left = n > 0 ? n : -n; left > 0;) {
    d += step;
    const size_t j = index(d);
    if (j < size ? (flags_[j] & kWorkingFlag) != 0 : slow.working(d)) --left;
  }
  return d;
}

int WorkingDayCalendar::working_days_between(Date from, Date to) const {
  if (to < from) return -working_days_between(to, from);
  if (to == from) return 0;
  const size_t size = flags_.size();
  const size_t f = index(from);
  const size_t t = index(to);
  if (f < size && t < size) return counts_[t + 1] - counts_[f + 1];
  // Split (from, to] into the parts before, inside and after the table.
  const Date last = first_ + days{static_cast<long>(size) - 1};
  int count = 0;
  if (from < first_ - days{1}) count += count_slow(from, std::min(to, first_ - days{1}));
  // index(first_ - 1) + 1 wraps to 0 (unsigned), the count before the table.
  const Date in_from = std::max(from, first_ - days{1});
  const Date in_to = std::min(to, last);
  if (in_from < in_to) count += counts_[index(in_to) + 1] - counts_[index(in_from) + 1];
  if (to > last) count += count_slow(std::max(from, last), to);
  return count;
}

Date WorkingDayCalendar::next_working_day_on_or_after(Date d) const {
  while (!is_working_day(d)) d += days{1};
  return d;
}

}  // namespace hearth::model
