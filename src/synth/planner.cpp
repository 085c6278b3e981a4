// The planner of one period of care, first part: legal statuses, placements and their moves
// (steps.hpp). The routes a period takes are in planner_routes.cpp.
#include "synth/steps.hpp"

namespace hearth::synth::detail {

std::uint32_t Planner::plan(SimChild& c, Rng& r, Day start, Route route,
                            const SimPeriod& seed_period) {
  c_ = &c;
  r_ = &r;
  ls_.clear();
  pl_.clear();
  p_ = seed_period;
  S_ = start;
  p_.start = start;
  b14_ = birthday_of(c.dob, 14);
  b16_ = birthday_of(c.dob, 16);
  b18_ = birthday_of(c.dob, 18);
  age_ = age_at(c.dob, start);
  E_ = b18_;
  rec_ = REC::E8;

  switch (route) {
    case Route::HomeShort:
      home_short();
      break;
    case Route::HomeProc:
      home_proceedings();
      break;
    case Route::Adopt:
      adopt();
      break;
    case Route::Sgo:
      order(/*sgo=*/true);
      break;
    case Route::Cao:
      order(/*sgo=*/false);
      break;
    case Route::Long:
      long_term(S_);
      break;
    case Route::Remand:
      remand();
      break;
    case Route::Uasc:
      uasc();
      break;
  }
  rare_endings(route);
  temporary_placements();
  p_.end = E_;
  p_.rec = rec_;
  return emit();
}

void Planner::set_ls(Day d, LS ls) {
  if (d >= E_) return;
  if (!ls_.empty() && ls_.back().day == d) {
    ls_.back().ls = ls;
    return;
  }
  if (!ls_.empty() && ls_.back().ls == ls) return;
  ls_.push_back({d, ls});
}

void Planner::push(const PlEvent& e) {
  if (e.day >= E_) return;
  if (!pl_.empty() && pl_.back().day >= e.day) {
    // Two events on one day: the later decision stands. Events never go back in time.
    while (!pl_.empty() && pl_.back().day >= e.day) pl_.pop_back();
  }
  pl_.push_back(e);
}

Site Planner::carer_site(Reach reach, UrnKind urn, std::uint32_t urn_number) {
  Site s;
  const int c = reach_council(ctx_, *r_, reach);
  s.post = postcode_in(c, r_->next());
  s.urn = reach == Reach::Wales ? UrnKind::Outside : urn;
  s.urn_number = urn_number;
  return s;
}

Site Planner::pooled_site(char kind, Reach reach, int per, UrnKind urn) {
  const int c = reach_council(ctx_, *r_, reach);
  if (c >= council_count()) {  // Wales: not registered with Ofsted
    Site s;
    s.post = postcode_in(c, r_->next());
    s.urn = UrnKind::Outside;
    return s;
  }
  const int count = providers_in(c, per);
  int n = static_cast<int>(r_->below(static_cast<std::uint32_t>(count)));
  Site s = provider_site(kind, c, n, urn);
  if (!pl_.empty() && same_place(pl_.back().site, s)) {
    // A move is to somewhere else (rule 435): the next home along.
    s = provider_site(kind, c, (n + 1) % count == n ? n + 1 : (n + 1) % count, urn);
  }
  return s;
}

std::uint32_t Planner::fostering_service(int council) const {
  return static_cast<std::uint32_t>(mix(kHomesSalt, 0xF05 + static_cast<std::uint64_t>(council)) >>
                                    40);
}

std::uint32_t Planner::adoption_agency(int council) const {
  return static_cast<std::uint32_t>(mix(kHomesSalt, 0xAD0 + static_cast<std::uint64_t>(council)) >>
                                    40);
}

PlEvent Planner::make(Day d, Regime regime, std::int8_t reason, bool same_carer, PT adoption_type) {
  Rng& r = *r_;
  PlEvent e;
  e.day = d;
  e.regime = regime;
  e.reason = reason;
  e.carer = same_carer && !pl_.empty() ? pl_.back().carer : ++carers_;
  const int a = age_on(d);
  switch (regime) {
    case Regime::Foster: {
      e.place = PT::U6;
      const W<PP> t[] = {{PP::PR1, 560}, {PP::PR4, 390}, {PP::PR5, 50}};
      e.provider = prov(pick(r, t));
      break;
    }
    case Regime::Kin:
      e.place = r.chance(1200) ? PT::U1 : PT::U3;
      e.provider = prov(r.chance(9600) ? PP::PR1 : PP::PR2);
      break;
    case Regime::Ffa:
      e.place = r.chance(1500) ? PT::U2 : PT::U5;
      e.provider = prov(r.chance(8000) ? PP::PR1 : PP::PR5);
      break;
    case Regime::Residential:
      if (a >= 10 && r.chance(200)) {
        e.place = PT::K1;
        const W<PP> t[] = {{PP::PR2, 700}, {PP::PR1, 150}, {PP::PR4, 150}};
        e.provider = prov(pick(r, t));
      } else if (a >= 8 && r.chance(400)) {
        e.place = PT::S1;
        const W<PP> t[] = {{PP::PR4, 600}, {PP::PR5, 200}, {PP::PR1, 200}};
        e.provider = prov(pick(r, t));
      } else if (a >= 12 && r.chance(80)) {
        e.place = PT::R1;
        e.provider = prov(r.chance(7000) ? PP::PR4 : PP::PR3);
      } else if (a >= 12 && d < kZ1LastEnd - 90 && r.chance(60)) {
        e.place = PT::Z1;
      } else {
        e.place = PT::K2;
        const W<PP> t[] = {{PP::PR4, 780}, {PP::PR1, 140}, {PP::PR5, 60}, {PP::PR2, 20}};
        e.provider = prov(pick(r, t));
      }
      break;
    case Regime::SemiIndep:
      // Semi-independent living (H5) and independent living (P2) until the October 2023
      // reforms; registered supported accommodation (K3) from 2024/25, when the list has it.
      if (d < kP2End && a >= 16 && r.chance(1400)) {
        e.place = PT::P2;
        e.provider = prov(r.chance(6000) ? PP::PR1 : PP::PR4);
      } else {
        e.place = d >= kK3From ? PT::K3 : PT::H5;
        const W<PP> t[] = {{PP::PR4, 750}, {PP::PR1, 150}, {PP::PR5, 100}};
        e.provider = prov(pick(r, t));
      }
      break;
    case Regime::Parents:
      e.place = PT::P1;
      e.provider = prov(PP::PR0);
      break;
    case Regime::Adoption: {
      e.place = adoption_type;
      const W<PP> t[] = {{PP::PR1, 450}, {PP::PR2, 200}, {PP::PR5, 300}, {PP::PR4, 50}};
      e.provider = prov(pick(r, t));
      break;
    }
    case Regime::Remand:
      if (a >= 15 && r.chance(3500)) {
        e.place = PT::R5;
        e.provider = prov(PP::PR3);
      } else if (r.chance(4500)) {
        e.place = PT::K1;
        e.provider = prov(r.chance(8000) ? PP::PR2 : PP::PR1);
      } else if (r.chance(5000)) {
        e.place = PT::U6;
        e.provider = prov(PP::PR1);
      } else {
        e.place = PT::K2;
        e.provider = prov(PP::PR4);
      }
      break;
    case Regime::MotherBaby:
      e.place = PT::R3;
      e.provider = prov(r.chance(6000) ? PP::PR4 : PP::PR1);
      break;
  }
  // A council's own secure children's home would be in its own area, and there are about
  // fourteen in England, none of them the council's: another council's (PR2).
  if (e.place == PT::K1 && e.provider == static_cast<std::int8_t>(PP::PR1))
    e.provider = prov(PP::PR2);
  if (same_carer && !pl_.empty()) {
    e.site = pl_.back().site;
    if (is_adoption_placement(e.place)) {
      e.provider = pl_.back().provider;  // the foster carers' agency handles the adoption
    }
  } else {
    e.site = site_for(e.place, static_cast<PP>(e.provider));
  }
  return e;
}

Site Planner::site_for(PT place, PP provider) {
  Rng& r = *r_;
  // The council's own provision (PR1) is in its own area (rule 1015), foster carers and
  // adopters apart; the draw is made either way, so the rest of the child's story is the same.
  auto own = [&](Reach reach) { return provider == PP::PR1 ? Reach::Local : reach; };
  switch (place) {
    case PT::U1:
    case PT::U2:
    case PT::U3:
    case PT::U4:
    case PT::U5:
    case PT::U6: {
      Reach reach;
      std::uint32_t urn;
      if (provider == PP::PR1) {
        reach = pick_reach(r, 850, 140, 10, 0);
        urn = fostering_service(ctx_.council);
      } else if (provider == PP::PR2) {
        reach = Reach::Region;
        urn =
            fostering_service(ctx_.region[r.below(static_cast<std::uint32_t>(ctx_.region.size()))]);
      } else {  // an independent fostering agency
        reach = pick_reach(r, 450, 400, 130, 20);
        urn = static_cast<std::uint32_t>(mix(kHomesSalt, 0x1FA000 + r.below(80)) >> 40);
      }
      if (place == PT::U1 || place == PT::U2 || place == PT::U3) {
        reach = pick_reach(r, 800, 150, 50, 0);  // relatives and friends live near home
      }
      return carer_site(reach, UrnKind::Social, urn);
    }
    case PT::A3:
    case PT::A4:
    case PT::A5:
    case PT::A6: {
      const std::uint32_t urn =
          provider == PP::PR5 || provider == PP::PR4
              ? static_cast<std::uint32_t>(mix(kHomesSalt, 0xAAA000 + r.below(40)) >> 40)
              : adoption_agency(provider == PP::PR2 ? reach_council(ctx_, r, Reach::Region)
                                                    : ctx_.council);
      return carer_site(pick_reach(r, 400, 400, 200, 0), UrnKind::Social, urn);
    }
    case PT::K2:
      return pooled_site('H', own(pick_reach(r, 300, 350, 320, 30)), 60, UrnKind::Social);
    case PT::K1: {
      // About fourteen secure children's homes in England.
      const int n = static_cast<int>(r.below(14));
      return provider_site('K',
                           static_cast<int>(mix(kHomesSalt, 0x5EC + static_cast<std::uint64_t>(n)) %
                                            council_count()),
                           n, UrnKind::Social);
    }
    case PT::H5:
    case PT::K3:
      return pooled_site('S', own(pick_reach(r, 650, 300, 50, 0)), 80, UrnKind::Registered);
    case PT::S1:
      return pooled_site('E', own(pick_reach(r, 200, 500, 300, 0)), 300, UrnKind::School);
    case PT::R3:
      return pooled_site('M', own(pick_reach(r, 300, 600, 100, 0)), 900, UrnKind::Social);
    case PT::R1:
      return pooled_site('R', own(pick_reach(r, 300, 500, 200, 0)), 400, UrnKind::None);
    case PT::R5: {
      const int n = static_cast<int>(r.below(5));  // young offender institutions
      return provider_site(
          'Y',
          static_cast<int>(mix(kHomesSalt, 0x40 + static_cast<std::uint64_t>(n)) % council_count()),
          n, UrnKind::None);
    }
    case PT::P1: {
      Site s;
      s.post = p_.home;
      return s;
    }
    default: {  // P2, P3, R2, T*, Z*: an address, no URN
      Site s;
      s.post = postcode_in(reach_council(ctx_, r, own(pick_reach(r, 650, 300, 50, 0))), r.next());
      return s;
    }
  }
}

void Planner::place(Day d, Regime regime, std::int8_t reason, bool same_carer, PT adoption_type) {
  if (d >= E_) return;
  push(make(d, regime, reason, same_carer, adoption_type));
}

void Planner::convert(Day d, PT place) {
  if (d >= E_ || pl_.empty()) return;
  PlEvent e = pl_.back();
  e.day = d;
  e.place = place;
  e.reason = rpc(RPC::PLACE);
  e.temporary = false;
  push(e);
}

const Band* Planner::duration_table(Regime regime, int a, std::size_t& n) const {
  switch (regime) {
    case Regime::Foster:
      if (a < 5) {
        n = std::size(kFosterUnder5);
        return kFosterUnder5;
      }
      if (a < 11) {
        n = std::size(kFoster5to10);
        return kFoster5to10;
      }
      n = std::size(kFosterTeen);
      return kFosterTeen;
    case Regime::Kin:
      n = std::size(kKin);
      return kKin;
    case Regime::Residential:
      n = std::size(kResidential);
      return kResidential;
    case Regime::SemiIndep:
      n = std::size(kSemiIndependent);
      return kSemiIndependent;
    case Regime::MotherBaby:
      n = std::size(kMotherBaby);
      return kMotherBaby;
    default:
      n = std::size(kUntilPlanChanges);
      return kUntilPlanChanges;
  }
}

int Planner::placement_days(Regime regime, int a) {
  std::size_t n = 0;
  const Band* t = duration_table(regime, a, n);
  int total = 0;
  for (std::size_t i = 0; i < n; ++i) total += t[i].weight;
  int x = static_cast<int>(r_->below(static_cast<std::uint32_t>(total)));
  for (std::size_t i = 0; i < n; ++i) {
    if (x < t[i].weight) return r_->range(t[i].lo, t[i].hi);
    x -= t[i].weight;
  }
  return t[n - 1].hi;
}

Regime Planner::drift(Regime from, int a) {
  Rng& r = *r_;
  switch (from) {
    case Regime::Foster:
      if (a >= 16 && r.chance(2800)) return Regime::SemiIndep;
      if (a >= 11 && r.chance(4000)) return Regime::Residential;
      return Regime::Foster;
    case Regime::Kin:
      return r.chance(6500) ? Regime::Foster : Regime::Kin;
    case Regime::Residential:
      if (a >= 16 && r.chance(3500)) return Regime::SemiIndep;
      if (a < 15 && r.chance(1200)) return Regime::Foster;
      return Regime::Residential;
    case Regime::SemiIndep:
      if (r.chance(800)) return Regime::Residential;
      if (a < 17 && r.chance(700)) return Regime::Foster;
      return Regime::SemiIndep;
    case Regime::Parents:
      return Regime::Foster;
    case Regime::MotherBaby:
      return Regime::Foster;
    case Regime::Ffa:
      return Regime::Foster;
    default:
      return from;
  }
}

std::int8_t Planner::move_reason(int a) {
  if (a >= 10 && r_->chance(80)) return rpc(RPC::CUSTOD);
  RPC reason = pick(*r_, kMoveReasons);
  if (reason == RPC::CHILD && a < 8) reason = RPC::CARPL;
  return rpc(reason);
}

void Planner::run(Day from, Day to, Regime regime, bool drift_ok, bool keep, bool long_term_ok,
                  std::int8_t reason) {
  to = std::min(to, E_);
  if (from >= to) return;
  if (!keep || pl_.empty()) place(from, regime, reason);
  Day t = from;
  for (int guard = 0; guard < 200; ++guard) {
    const PlEvent cur = pl_.back();
    const int a = age_on(t);
    Day end = t + std::max(1, placement_days(cur.regime, a));
    if (cur.place == PT::Z1) end = std::min({end, t + r_->range(7, 60), kZ1LastEnd});
    if (cur.place == PT::P2 && kP2End > t && kP2End < std::min(end, to)) {
      // October 2023: independent living placements for under-18s end; the young person
      // stays where they are, now in semi-independent accommodation.
      push([&] {
        PlEvent e = cur;
        e.day = kP2End;
        e.place = PT::H5;
        e.reason = rpc(RPC::PLACE);
        e.site.urn = UrnKind::Registered;
        e.site.urn_number = static_cast<std::uint32_t>(r_->next() >> 40);
        return e;
      }());
    } else if (long_term_ok && a < 15 && end - t >= 540 &&
               (cur.place == PT::U6 || cur.place == PT::U3) && r_->chance(7500)) {
      const Day when = t + r_->range(240, 480);
      if (when < std::min(end, to)) convert(when, cur.place == PT::U6 ? PT::U4 : PT::U1);
    }
    if (end >= to) return;
    Regime next = drift_ok ? drift(cur.regime, age_on(end)) : cur.regime;
    if (next == Regime::MotherBaby) next = Regime::Foster;
    if (cur.regime == Regime::MotherBaby) next = Regime::Foster;
    place(end, next, move_reason(age_on(end)));
    t = end;
  }
}

Regime Planner::first_regime(int a, bool kin_likely) {
  Rng& r = *r_;
  if (a < 11) return r.chance(kin_likely ? 3500 : 1600) ? Regime::Kin : Regime::Foster;
  if (a < 16) {
    if (r.chance(3800)) return Regime::Residential;
    return r.chance(900) ? Regime::Kin : Regime::Foster;
  }
  const W<Regime> t[] = {{Regime::Foster, 420},
                         {Regime::Residential, 200},
                         {Regime::SemiIndep, 320},
                         {Regime::Kin, 60}};
  return pick(r, t);
}

Day Planner::emergency_prefix(Day period_days) {
  Rng& r = *r_;
  if (period_days > 20 && r.chance(700)) {
    set_ls(S_, LS::L1);
    return S_ + r.range(1, 3);
  }
  if (period_days > 30 && r.chance(450)) {
    set_ls(S_, LS::L2);
    return S_ + r.range(3, 14);
  }
  return S_;
}

void Planner::start_placements(Day to, Regime regime, bool drift_ok, bool long_term_ok) {
  if (newborn() && regime == Regime::Foster && r_->chance(1000)) {
    place(S_, Regime::MotherBaby, -1);
    run(S_, to, Regime::MotherBaby, drift_ok, /*keep=*/true, long_term_ok);
    return;
  }
  run(S_, to, regime, drift_ok, false, long_term_ok, -1);
}

REC Planner::exit18() {
  const PT last = pl_.empty() ? PT::U6 : pl_.back().place;
  if (c_->uasc) {
    REC rec = pick(*r_, kExit18Uasc);
    if (is_foster(last) && r_->chance(3500)) rec = REC::E17;
    return rec;
  }
  if (is_foster(last)) return pick(*r_, kExit18Foster);
  if (is_semi_independent(last)) return pick(*r_, kExit18Semi);
  if (last == PT::P1) return pick(*r_, kExit18Parents);
  return pick(*r_, kExit18Residential);
}

}  // namespace hearth::synth::detail
