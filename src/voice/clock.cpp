#include "voice/clock.hpp"

namespace hearth::voice {

namespace {

using namespace std::chrono;

// 01:00 UTC on the last Sunday of `month` in `year`.
sys_seconds last_sunday_one_am(int year, unsigned month) {
  year_month_day_last end{std::chrono::year{year} / std::chrono::month{month} / last};
  sys_days d{end};
  d -= (weekday{d} - Sunday);
  return sys_seconds{d} + hours{1};
}

}  // namespace

std::chrono::minutes england_offset(model::Instant t) {
  const auto s = floor<seconds>(t);
  const int year = static_cast<int>(year_month_day{floor<days>(s)}.year());
  if (s >= last_sunday_one_am(year, 3) && s < last_sunday_one_am(year, 10)) return hours{1};
  return minutes{0};
}

model::Date england_date(model::Instant t) {
  return floor<days>(t + england_offset(t));
}

model::Instant add_working_days(model::Instant t, int n, const model::WorkingDayCalendar& cal) {
  if (n <= 0) return t;
  const auto local = t + england_offset(t);
  const model::Date day = floor<days>(local);
  const auto time_of_day = local - day;
  const auto local_due = cal.add_working_days(day, n) + time_of_day;
  // Back to UTC with the offset in force then (tried with the winter offset first: in the hour
  // the clocks go back, the earlier of the two moments is taken; in the hour they go forward,
  // which does not exist on the clock, the moment an hour later).
  model::Instant guess = local_due;
  model::Instant due = local_due - england_offset(guess - hours{1});
  if (england_offset(due) != england_offset(guess - hours{1}))
    due = local_due - england_offset(due);
  return due;
}

}  // namespace hearth::voice
