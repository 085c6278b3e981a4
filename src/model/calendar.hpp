// The England and Wales working-day calendar: weekends and bank holidays (see "Working-day
// calendar" in spec/statutory-timescales.md). Statutory timescales such as "within 20 working days"
// count days on this calendar.
//
// Bank holidays are computed from the rules for any year; the one-off changes the rules cannot
// know (royal occasions, moved holidays) come from a data table that callers may replace.
// is_working_day is on the hot path of the timescale engine, so the calendar precomputes one byte
// per day for 1990–2100 and a running count of working days (which makes add_working_days and
// working_days_between cheap); other years are computed on demand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/dates.hpp"

namespace hearth::model {

enum class BankHolidayKind : uint8_t {
  NewYear,
  GoodFriday,
  EasterMonday,
  EarlyMay,
  Spring,
  Summer,
  Christmas,
  BoxingDay,
  OneOff
};

struct BankHoliday {
  Date date;
  std::string name;  // gov.uk's wording, e.g. "Boxing Day (substitute day)"
  BankHolidayKind kind;
  bool operator==(const BankHoliday&) const = default;
};

// A one-off change: either a moved standard holiday (kind + its new date in `year`) or an extra day
// (kind OneOff). For a moved holiday an empty name keeps the standard name.
struct CalendarChange {
  BankHolidayKind kind;
  int year;
  Date date;
  std::string name;
};

// The one-off changes in England and Wales: 2011 royal wedding; 2012 Spring holiday moved and the
// Diamond Jubilee; 2020 Early May moved for VE day; 2022 Spring holiday moved, the Platinum Jubilee
// and the State Funeral; 2023 the coronation.
std::vector<CalendarChange> england_and_wales_one_offs();

// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
Date easter_sunday(int year);

class WorkingDayCalendar {
 public:
  explicit WorkingDayCalendar(std::vector<CalendarChange> changes);

  // A shared instance with england_and_wales_one_offs().
  static const WorkingDayCalendar& england_and_wales();

  // The year's bank holidays, sorted by date, with the one-off moves and extras applied and
  // weekend holidays replaced by their substitute days.
  std::vector<BankHoliday> bank_holidays(int year) const;

  bool is_bank_holiday(Date d) const {
    const size_t i = index(d);
    if (i < flags_.size()) return (flags_[i] & kBankHolidayFlag) != 0;
    return is_bank_holiday_slow(d);
  }

  // Monday to Friday and not a bank holiday.
  bool is_working_day(Date d) const {
    const size_t i = index(d);
    if (i < flags_.size()) return (flags_[i] & kWorkingFlag) != 0;
    return is_working_day_slow(d);
  }

  // "Within N working days of D": D+1 is day 1 if it is a working day; returns the N-th working day
  // after D. n == 0 returns D (even when D is not a working day). A negative n counts back: the
  // |n|-th working day before D.
  Date add_working_days(Date d, int n) const;

  // The number of working days in (from, to]; so for from <= to,
  // add_working_days(from, working_days_between(from, to)) <= to, and the next working day after
  // that is after `to`. For to < from it is minus the working days in (to, from].
  int working_days_between(Date from, Date to) const;

  // d itself when it is a working day, otherwise the first working day after it.
  Date next_working_day_on_or_after(Date d) const;

 private:
  static constexpr uint8_t kBankHolidayFlag = 1;
  static constexpr uint8_t kWorkingFlag = 2;

  // Position of d in flags_; a value >= flags_.size() (including for days before first_) when d is
  // outside the precomputed range.
  size_t index(Date d) const {
    return static_cast<size_t>(static_cast<long long>((d - first_).count()));
  }

  bool is_bank_holiday_slow(Date d) const;
  bool is_working_day_slow(Date d) const;
  int count_slow(Date from, Date to) const;  // working days in (from, to], from <= to

  std::vector<CalendarChange> changes_;
  Date first_;                   // first precomputed day (1 January 1990)
  std::vector<uint8_t> flags_;   // per day from first_: kBankHolidayFlag | kWorkingFlag
  std::vector<int32_t> counts_;  // counts_[i]: working days in [first_, first_ + i); size + 1
};

}  // namespace hearth::model
