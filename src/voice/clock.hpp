// Time as a child's alert counts it: English working days, on the clock of the people who must
// answer. England keeps Greenwich Mean Time in winter and British Summer Time (an hour ahead)
// from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (the
// Summer Time Order 2002), so "one working day" from Friday at 18:00 is Monday at 18:00 on the
// office clock, whatever UTC says.
#pragma once

#include <chrono>

#include "model/calendar.hpp"
#include "model/dates.hpp"
#include "model/instant.hpp"

namespace hearth::voice {

// How far the clock in England is ahead of UTC at `t`: 0 or 1 hour.
std::chrono::minutes england_offset(model::Instant t);
// The date on the clock in England at `t`.
model::Date england_date(model::Instant t);
// `n` working days after `t`, at the same time on the clock in England: the working day is
// counted as model::WorkingDayCalendar::add_working_days counts it (a Saturday's first working
// day is Monday). n <= 0 gives `t`.
model::Instant add_working_days(model::Instant t, int n, const model::WorkingDayCalendar& cal);

}  // namespace hearth::voice
