// Whole children: their age on entering care, the route each period of care takes, whether they
// come back, and their periods over the years (steps.hpp).
#include "synth/steps.hpp"

namespace hearth::synth::detail {

namespace {

// Age on entering care (children who are not UASC): DfE starts by age, 2023–24, with the
// UASC taken out.
constexpr Band kEntryAgeDays[] = {
    {90, 0, 27},              // newborn
    {110, 28, 364},           // rest of the first year
    {160, 365, 5 * 365 - 1},  // 1–4
    {160, 5 * 365, 10 * 365 - 1},
    {140, 10 * 365, 13 * 365 - 1},
    {220, 13 * 365, 16 * 365 - 1},
    {90, 16 * 365, 18 * 365 - 40},
};
constexpr Band kUascAgeDays[] = {
    {100, 14 * 365, 15 * 365 - 1},
    {260, 15 * 365, 16 * 365 - 1},
    {420, 16 * 365, 17 * 365 - 1},
    {220, 17 * 365, 18 * 365 - 40},
};

// The route a period takes, by age at entry.
struct RouteWeights {
  int max_age;  // inclusive
  W<Route> weights[7];
};
constexpr RouteWeights kRoutes[] = {
    {0,
     {{Route::HomeShort, 110},
      {Route::HomeProc, 170},
      {Route::Adopt, 420},
      {Route::Sgo, 200},
      {Route::Cao, 30},
      {Route::Long, 70},
      {Route::Remand, 0}}},
    {4,
     {{Route::HomeShort, 230},
      {Route::HomeProc, 220},
      {Route::Adopt, 180},
      {Route::Sgo, 200},
      {Route::Cao, 40},
      {Route::Long, 130},
      {Route::Remand, 0}}},
    {9,
     {{Route::HomeShort, 280},
      {Route::HomeProc, 190},
      {Route::Adopt, 20},
      {Route::Sgo, 130},
      {Route::Cao, 40},
      {Route::Long, 340},
      {Route::Remand, 0}}},
    {12,
     {{Route::HomeShort, 370},
      {Route::HomeProc, 130},
      {Route::Adopt, 0},
      {Route::Sgo, 50},
      {Route::Cao, 20},
      {Route::Long, 400},
      {Route::Remand, 30}}},
    {15,
     {{Route::HomeShort, 410},
      {Route::HomeProc, 50},
      {Route::Adopt, 0},
      {Route::Sgo, 15},
      {Route::Cao, 10},
      {Route::Long, 450},
      {Route::Remand, 65}}},
    {17,
     {{Route::HomeShort, 650},
      {Route::HomeProc, 0},
      {Route::Adopt, 0},
      {Route::Sgo, 0},
      {Route::Cao, 0},
      {Route::Long, 220},
      {Route::Remand, 70}}},
};

Route pick_route(Rng& r, int age) {
  for (const auto& rw : kRoutes) {
    if (age <= rw.max_age) return pick(r, rw.weights);
  }
  return Route::HomeShort;
}

// Ethnicity of children looked after (DfE, 31 March 2024), without and with London's mix;
// UASC separately.
constexpr W<ETH> kEthnicEngland[] = {
    {ETH::WBRI, 6900}, {ETH::WIRI, 50},  {ETH::WOTH, 450}, {ETH::WIRT, 40},  {ETH::WROM, 120},
    {ETH::MWBC, 380},  {ETH::MWBA, 160}, {ETH::MWAS, 170}, {ETH::MOTH, 380}, {ETH::AIND, 60},
    {ETH::APKN, 140},  {ETH::ABAN, 50},  {ETH::AOTH, 120}, {ETH::BCRB, 170}, {ETH::BAFR, 280},
    {ETH::BOTH, 150},  {ETH::CHNE, 10},  {ETH::OOTH, 250}, {ETH::REFU, 30},  {ETH::NOBT, 90},
};
constexpr W<ETH> kEthnicLondon[] = {
    {ETH::WBRI, 2800}, {ETH::WIRI, 80},  {ETH::WOTH, 900}, {ETH::WIRT, 40},  {ETH::WROM, 150},
    {ETH::MWBC, 800},  {ETH::MWBA, 350}, {ETH::MWAS, 250}, {ETH::MOTH, 700}, {ETH::AIND, 100},
    {ETH::APKN, 150},  {ETH::ABAN, 250}, {ETH::AOTH, 300}, {ETH::BCRB, 800}, {ETH::BAFR, 1000},
    {ETH::BOTH, 600},  {ETH::CHNE, 20},  {ETH::OOTH, 500}, {ETH::REFU, 60},  {ETH::NOBT, 150},
};
constexpr W<ETH> kEthnicUasc[] = {
    {ETH::BAFR, 3300}, {ETH::OOTH, 3400}, {ETH::AOTH, 1700},
    {ETH::WOTH, 1200}, {ETH::BOTH, 300},  {ETH::NOBT, 100},
};

// Re-entry after a period ends: who comes back, and after how long.
int reentry_chance(REC rec) {
  switch (rec) {
    case REC::E4B:
      return 2600;
    case REC::E4A:
      return 1500;
    case REC::E13:
      return 1500;
    case REC::E8:
      return 1000;
    case REC::E41:
      return 500;
    case REC::E45:
    case REC::E46:
    case REC::E47:
    case REC::E48:
      return 300;
    case REC::E14:
      return 2000;
    case REC::E9:
      return 1500;
    default:
      return 0;
  }
}

}  // namespace

bool Simulator::child(std::uint64_t index, Day from, int days) {
  SimChild c;
  c.seed = mix(ctx_.seed, index);
  Rng r(c.seed);
  const Day arrival = from + r.range(0, days - 1);
  c.uasc = r.chance(1600);
  const int age_days =
      draw(r, c.uasc ? std::span<const Band>(kUascAgeDays) : std::span<const Band>(kEntryAgeDays));
  c.dob = arrival - age_days;
  if (birthday_of(c.dob, 22) <= ctx_.window_start) return false;
  c.first_entry = arrival;
  c.male = c.uasc ? r.chance(9400) : r.chance(5250);
  const bool london = std::string_view(councils()[ctx_.council].region) == "London";
  c.ethnic = c.uasc ? pick(r, kEthnicUasc) : pick(r, london ? kEthnicLondon : kEthnicEngland);
  c.upn_kind = c.uasc ? (r.chance(7000) ? 2 : 0) : (r.chance(9800) ? 0 : (r.chance(5000) ? 3 : 5));
  c.first_period = static_cast<std::uint32_t>(world_.periods.size());

  Day start = arrival;
  const Day b18 = birthday_of(c.dob, 18);
  for (int n = 0; n < 4 && start < b18 - 14; ++n) {
    const int age = age_at(c.dob, start);
    Route route = c.uasc && n == 0 ? Route::Uasc : pick_route(r, age);
    if (route == Route::Adopt && age >= 7) route = Route::Long;
    SimPeriod seed;
    seed.home = postcode_in(r.chance(9200) ? ctx_.council : reach_council(ctx_, r, Reach::Region),
                            r.next());
    seed.cin = age >= 13 ? pick(r, kCinTeen) : pick(r, kCinGeneral);
    previous_permanence(c, r, seed, n, start);
    const std::uint32_t p = planner_.plan(c, r, start, route, seed);
    ++c.periods;
    const SimPeriod& period = world_.periods[p];
    const int back = reentry_chance(period.rec);
    if (back == 0 || age_at(c.dob, period.end) >= 16 || !r.chance(back)) break;
    start = period.end + draw(r, kReentryGap);
    last_rec_ = period.rec;
    last_end_ = period.end;
  }
  last_rec_ = REC::X1;
  mother(c, r);
  world_.children.push_back(c);
  return true;
}

bool Simulator::short_breaks(std::uint64_t index, Day from, int days) {
  SimChild c;
  c.seed = mix(ctx_.seed ^ 0x5B5B5B5BULL, index);
  Rng r(c.seed);
  const Day series_start = from + r.range(0, days - 1);
  c.dob = series_start - r.range(5 * 365, 15 * 365);
  const Day b18 = birthday_of(c.dob, 18);
  const Day series_end = std::min(b18 - 1, series_start + r.range(365, 2200));
  if (series_end < ctx_.window_start) return false;
  c.short_breaks = true;
  c.first_entry = series_start;
  c.male = r.chance(6400);
  const bool london = std::string_view(councils()[ctx_.council].region) == "London";
  c.ethnic = pick(r, london ? kEthnicLondon : kEthnicEngland);
  c.first_period = static_cast<std::uint32_t>(world_.periods.size());
  const bool home = r.chance(7000);
  PlEvent where;
  where.place = home ? PT::K2 : PT::U6;
  where.provider = prov(r.chance(6000) ? PP::PR1 : PP::PR4);
  where.site =
      home ? provider_site('B', ctx_.council, static_cast<int>(r.below(3)), UrnKind::Social)
           : Site{postcode_in(ctx_.council, r.next()), UrnKind::Social,
                  static_cast<std::uint32_t>(
                      mix(kHomesSalt, 0xF05 + static_cast<std::uint64_t>(ctx_.council)) >> 40)};
  Day t = series_start;
  while (t < series_end) {
    const int nights = r.range(1, 3);
    SimEpisode e;
    e.start = t;
    e.end = t + nights;
    e.site = where.site;
    e.ls = LS::V3;
    e.place = where.place;
    e.provider = where.provider;
    e.rne = RNE::S;
    e.rec = REC::E4A;
    SimPeriod p;
    p.start = e.start;
    p.end = e.end;
    p.rec = REC::E4A;
    p.cin = CIN::N2;
    p.short_break = true;
    p.first_episode = static_cast<std::uint32_t>(world_.episodes.size());
    p.episodes = 1;
    world_.episodes.push_back(e);
    world_.periods.push_back(p);
    ++c.periods;
    t = e.end + r.range(18, 45);
  }
  if (c.periods == 0) return false;
  world_.children.push_back(c);
  return true;
}

void Simulator::previous_permanence(const SimChild& c, Rng& r, SimPeriod& p, int n, Day start) {
  using PPm = model::PreviousPermanence;
  p.prev_perm = static_cast<std::int8_t>(PPm::Z1);
  Day date = kNever;
  if (n > 0 && (last_rec_ == REC::E45 || last_rec_ == REC::E46 || last_rec_ == REC::E47 ||
                last_rec_ == REC::E48)) {
    p.prev_perm = static_cast<std::int8_t>(PPm::P2);
    date = last_end_;
  } else if (n > 0 && last_rec_ == REC::E41) {
    p.prev_perm = static_cast<std::int8_t>(PPm::P3);
    date = last_end_;
  } else if (n == 0 && start - c.dob > 2 * 365) {
    const int x = static_cast<int>(r.below(1000));
    PPm kind = PPm::Z1;
    if (x < 20)
      kind = PPm::P1;
    else if (x < 45)
      kind = PPm::P2;
    else if (x < 60)
      kind = PPm::P3;
    else if (x < 65)
      kind = PPm::P4;
    if (kind != PPm::Z1) {
      p.prev_perm = static_cast<std::int8_t>(kind);
      date = c.dob + r.range(200, static_cast<int>(start - c.dob) - 60);
    }
  }
  if (date != kNever) {
    // DATE_PERM may hide an unknown day or month ("ZZ"); the latest date it could mean must
    // still be before care began (rule 632). LA_PERM: the council that made the order
    // (rule 630 wants both for P1–P4).
    p.date_perm = date;
    const int f = static_cast<int>(r.below(100));
    p.date_perm_form = f < 65 ? 0 : (f < 88 ? 1 : 2);
    const std::chrono::year_month_day d{date_of(date)};
    const Day month_end = day_of(
        Date{std::chrono::year_month_day_last{d.year(), std::chrono::month_day_last{d.month()}}});
    const Day year_end = ymd(static_cast<int>(d.year()), 12, 31);
    if (p.date_perm_form == 2 && year_end >= start) p.date_perm_form = 1;
    if (p.date_perm_form == 1 && month_end >= start) p.date_perm_form = 0;
    p.la_perm = static_cast<std::int16_t>(
        r.chance(5500) ? ctx_.council : static_cast<int>(r.below(council_count())));
  }
}

void Simulator::mother(SimChild& c, Rng& r) {
  if (c.male || !r.chance(700)) return;
  const Day b15 = birthday_of(c.dob, 15);
  const Day b18 = birthday_of(c.dob, 18);
  for (std::uint32_t i = 0; i < c.periods; ++i) {
    const SimPeriod& p = world_.periods[c.first_period + i];
    const Day from = std::max(p.start, b15);
    const Day to = std::min(p.end, b18) - 1;
    if (from < to) {
      c.mother_child_dob = r.range(from, to);
      return;
    }
  }
}

}  // namespace hearth::synth::detail
