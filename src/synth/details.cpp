// What a journey generates beside episodes: reviews, missing episodes, social workers and
// deprivation of liberty (steps.hpp).
#include "synth/steps.hpp"

namespace hearth::synth::detail {

namespace {

// Review participation (REVIEW_CODE): PN0 under 4 (validator rules 440, 441).
constexpr W<model::ReviewParticipation> kParticipationYoung[] = {
    {model::ReviewParticipation::PN1, 250}, {model::ReviewParticipation::PN2, 50},
    {model::ReviewParticipation::PN3, 150}, {model::ReviewParticipation::PN4, 100},
    {model::ReviewParticipation::PN5, 80},  {model::ReviewParticipation::PN6, 320},
    {model::ReviewParticipation::PN7, 50}};
constexpr W<model::ReviewParticipation> kParticipationOlder[] = {
    {model::ReviewParticipation::PN1, 520}, {model::ReviewParticipation::PN2, 80},
    {model::ReviewParticipation::PN3, 40},  {model::ReviewParticipation::PN4, 60},
    {model::ReviewParticipation::PN5, 110}, {model::ReviewParticipation::PN6, 140},
    {model::ReviewParticipation::PN7, 50}};
constexpr W<model::ReviewParticipation> kParticipationDisabled[] = {
    {model::ReviewParticipation::PN1, 200},
    {model::ReviewParticipation::PN3, 300},
    {model::ReviewParticipation::PN6, 300},
    {model::ReviewParticipation::PN7, 200}};

// A new allocation when care begins again (the child already has a worker).
constexpr W<model::SwReason> kFirstWorker[] = {
    {model::SwReason::TSPROC, 550}, {model::SwReason::MANAGE, 250}, {model::SwReason::OTHERS, 200}};
constexpr W<model::SwReason> kWorkerChange[] = {
    {model::SwReason::LEFTRL, 300}, {model::SwReason::TSPROC, 180}, {model::SwReason::MANAGE, 150},
    {model::SwReason::ORGRST, 80},  {model::SwReason::ABSENC, 60},  {model::SwReason::CHCHAN, 40},
    {model::SwReason::PCCHAN, 30},  {model::SwReason::OTHERS, 60},  {model::SwReason::SWDIED, 1}};
constexpr Band kWorkerDays[] = {{25, 60, 180}, {35, 181, 300}, {30, 301, 540}, {10, 541, 1000}};

constexpr Band kMissingDays[] = {{30, 0, 0}, {40, 1, 1}, {15, 2, 3}, {12, 4, 14}, {3, 15, 45}};

Day previous_working_day(const model::WorkingDayCalendar& cal, Day d) {
  while (!cal.is_working_day(date_of(d))) --d;
  return d;
}
Day next_working_day(const model::WorkingDayCalendar& cal, Day d) {
  return day_of(cal.next_working_day_on_or_after(date_of(d)));
}

}  // namespace

void Details::fill(SimChild& c) {
  Rng r(mix(c.seed, 0xDE7A115ULL));
  c.first_review = static_cast<std::uint32_t>(world_.reviews.size());
  c.first_missing = static_cast<std::uint32_t>(world_.missing.size());
  c.first_worker = static_cast<std::uint32_t>(world_.workers.size());
  c.first_dolo = static_cast<std::uint32_t>(world_.dolos.size());
  if (!c.short_breaks) {
    // Missing: a few children go missing, some often; far more from residential care.
    const int x = static_cast<int>(r.below(1000));
    const int propensity = x < 760 ? 0 : (x < 900 ? 1 : 2);
    for (std::uint32_t i = 0; i < c.periods; ++i) {
      const SimPeriod& p = world_.periods[c.first_period + i];
      reviews(c, p, r);
      if (propensity > 0) missing(c, p, r, propensity);
      dolo(c, p, r);
    }
    workers(c, r);
  }
  c.reviews = static_cast<std::uint32_t>(world_.reviews.size()) - c.first_review;
  c.missing = static_cast<std::uint32_t>(world_.missing.size()) - c.first_missing;
  c.workers = static_cast<std::uint32_t>(world_.workers.size()) - c.first_worker;
  c.dolos = static_cast<std::uint32_t>(world_.dolos.size()) - c.first_dolo;
}

void Details::reviews(const SimChild& c, const SimPeriod& p, Rng& r) {
  const auto& cal = model::WorkingDayCalendar::england_and_wales();
  const Day due = day_of(cal.add_working_days(date_of(p.start), 20));
  Day when = r.chance(9000) ? previous_working_day(cal, std::max(p.start + 5, due - r.range(0, 8)))
                            : next_working_day(cal, due + r.range(1, 35));
  for (int k = 0; when < p.end && k < 60; ++k) {
    model::ReviewParticipation code = model::ReviewParticipation::PN0;
    const int age = age_at(c.dob, when);
    if (age >= 4) {
      code = p.cin == CIN::N2
                 ? pick(r, kParticipationDisabled)
                 : (age < 8 ? pick(r, kParticipationYoung) : pick(r, kParticipationOlder));
    }
    world_.reviews.push_back({when, code});
    const Day next_due = add_months(when, k == 0 ? 3 : 6);
    if (r.chance(k == 0 ? 8500 : 8800)) {
      when = previous_working_day(cal, next_due - r.range(0, k == 0 ? 20 : 28));
    } else {
      when = next_working_day(cal, next_due + r.range(1, k == 0 ? 42 : 60));
    }
  }
}

void Details::missing(const SimChild& c, const SimPeriod& p, Rng& r, int propensity) {
  const Day b11 = birthday_of(c.dob, 11);
  Day t = std::max(p.start, b11);
  for (int guard = 0; t < p.end && guard < 400; ++guard) {
    const SimEpisode* ep = nullptr;
    for (std::uint32_t e = 0; e < p.episodes; ++e) {
      const SimEpisode& x = world_.episodes[p.first_episode + e];
      if (x.start <= t && t < x.end) ep = &x;
    }
    if (ep == nullptr) break;
    int mean_gap;
    if (is_residential(ep->place) || is_semi_independent(ep->place)) {
      mean_gap = propensity == 1 ? 90 : 14;
    } else {
      mean_gap = propensity == 1 ? 300 : 45;
    }
    t += r.range(1, 2 * mean_gap);
    if (t >= p.end) break;
    const SimEpisode* at = nullptr;
    for (std::uint32_t e = 0; e < p.episodes; ++e) {
      const SimEpisode& x = world_.episodes[p.first_episode + e];
      if (x.start <= t && t < x.end) at = &x;
    }
    if (at == nullptr || at->end - 1 <= t) continue;
    const Day end = std::min<Day>(t + draw(r, kMissingDays), at->end - 1);
    world_.missing.push_back(
        {t, end, r.chance(2500) ? model::MissingType::A : model::MissingType::M});
    t = end + 1;
  }
}

void Details::dolo(const SimChild& c, const SimPeriod& p, Rng& r) {
  for (std::uint32_t e = 0; e < p.episodes; ++e) {
    const SimEpisode& ep = world_.episodes[p.first_episode + e];
    if (ep.place != PT::K2 || ep.end - ep.start < 60 || age_at(c.dob, ep.start) < 12) continue;
    if (!r.chance(600)) continue;
    const Day start = ep.start + r.range(0, 30);
    const Day end = std::min<Day>(ep.end, start + r.range(60, 400));
    if (end > start) world_.dolos.push_back({start, end});
  }
}

void Details::workers(const SimChild& c, Rng& r) {
  const auto pool = static_cast<std::uint32_t>(ctx_.workers.size());
  std::uint16_t previous = 0xFFFF;
  auto worker = [&] {
    auto w = static_cast<std::uint16_t>(r.below(pool));
    if (w == previous && pool > 1) w = static_cast<std::uint16_t>((w + 1) % pool);
    previous = w;
    return w;
  };
  for (std::uint32_t i = 0; i < c.periods; ++i) {
    const SimPeriod& p = world_.periods[c.first_period + i];
    const Day until = i + 1 < c.periods ? world_.periods[c.first_period + i + 1].start : kForever;
    if (i > 0) world_.workers.back().end = p.start;  // a new allocation as care begins again
    Day t = p.start;
    model::SwReason reason = i == 0 ? model::SwReason::FCONTA : pick(r, kFirstWorker);
    for (int k = 0; k < 200; ++k) {
      Day end = t + draw(r, kWorkerDays);
      // Not in the last days of March: rule SW11b reads a change then as a gap.
      const std::chrono::year_month_day d{date_of(end)};
      if (d.month() == std::chrono::March && d.day() >= std::chrono::day{25}) end += 8;
      if (end >= p.end) {
        world_.workers.push_back({t, until, worker(), reason});
        break;
      }
      world_.workers.push_back({t, end, worker(), reason});
      t = end;
      reason = pick(r, kWorkerChange);
    }
  }
}

}  // namespace hearth::synth::detail
