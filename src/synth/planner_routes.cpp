// The planner of one period of care, second part: the routes a period takes (home, proceedings,
// adoption, orders, long-term care, remand, UASC), its rarer endings, and its episodes.
#include "synth/steps.hpp"

namespace hearth::synth::detail {

void Planner::home_short() {
  Rng& r = *r_;
  const int days = draw(r, age_ < 10 ? std::span<const Band>(kHomeShortYoung)
                                     : std::span<const Band>(kHomeShortTeen));
  E_ = std::min(S_ + days, b18_);
  const Day main = emergency_prefix(E_ - S_);
  set_ls(main, r.chance(age_ < 10 ? 1000 : 500) ? LS::C1 : LS::V2);
  start_placements(E_, first_regime(age_, false), /*drift_ok=*/age_ >= 11);
  rec_ = E_ == b18_ ? exit18() : pick(r, age_ < 13 ? kHomeExitYoung : kHomeExitTeen);
}

void Planner::home_proceedings() {
  Rng& r = *r_;
  const Day c2 = S_ + r.range(90, 270);
  const bool ends_with_proceedings = r.chance(3500);
  E_ = ends_with_proceedings ? c2 : c2 + r.range(180, 900);
  E_ = std::min(E_, b18_);
  const Day main = emergency_prefix(E_ - S_);
  set_ls(main, LS::C1);
  Day home = E_;
  if (!ends_with_proceedings) {
    set_ls(c2, LS::C2);
    if (r.chance(8000)) home = std::max(c2 + 30, E_ - r.range(150, 600));
  }
  start_placements(home, first_regime(age_, true), age_ >= 11);
  if (home < E_) place(home, Regime::Parents, rpc(RPC::CARPL));
  if (E_ == b18_) {
    rec_ = exit18();
    return;
  }
  const W<REC> t[] = {{REC::E4A, 680}, {REC::E41, 190}, {REC::E13, 130}};
  rec_ = pick(r, t);
}

void Planner::adopt() {
  Rng& r = *r_;
  const bool relinquished = S_ - c_->dob < 90 && r.chance(1200);
  if (relinquished) {
    // Placed for adoption with parental consent (A3/A4), the child accommodated under
    // section 20 throughout.
    set_ls(S_, LS::V2);
    const bool ffa = r.chance(4000);
    p_.date_placed = S_ + r.range(20, 90);
    const Day placed = p_.date_placed + r.range(30, 200);
    E_ = std::min(placed + r.range(120, 400), b18_);
    p_.date_match = std::max(p_.date_placed + 1, placed - r.range(7, 60));
    start_placements(placed, ffa ? Regime::Ffa : Regime::Foster, false);
    place(placed, Regime::Adoption, rpc(RPC::CARPL), ffa, ffa ? PT::A3 : PT::A4);
    rec_ = REC::E11;
    p_.adopters = pick_adopters(r);
    return;
  }
  Day main = S_;
  if (newborn() && r.chance(2500)) {
    set_ls(S_, LS::V2);
    main = S_ + r.range(7, 60);
  } else {
    main = emergency_prefix(400);
  }
  set_ls(main, LS::C1);
  const Day placement_order = S_ + r.range(180, 380);
  p_.date_placed = std::max(S_ + 14, placement_order - r.range(20, 150));
  const bool ffa = r.chance(1400);
  if (r.chance(8000)) {
    set_ls(placement_order, LS::E1);
    p_.date_match = placement_order + r.range(30, 270);
    const Day placed = p_.date_match + r.range(7, 60);
    E_ = std::min(placed + r.range(120, 360), b18_);
    const bool same = ffa || r.chance(700);
    start_placements(placed, ffa ? Regime::Ffa : Regime::Foster, false);
    place(placed, Regime::Adoption, rpc(RPC::CARPL), same, same ? PT::A5 : PT::A6);
    rec_ = r.chance(7500) ? REC::E11 : REC::E12;
    p_.adopters = pick_adopters(r);
    return;
  }
  // The plan changes: the court makes no placement order (RD2), or the decision is reversed
  // later — the child's needs changed (RD1), no adopters were found (RD3), another reason
  // (RD4) — and the placement order revoked; or the child waits, the decision still in
  // force, usually in long-term foster care (reversed only when care ends: rule 557).
  Day reversed = kNever;
  const int x = static_cast<int>(r.below(100));
  if (x < 20) {
    set_ls(placement_order, LS::C2);
    reversed = placement_order;
    p_.placed_reason = static_cast<std::int8_t>(model::ReasonPlacedCeased::RD2);
  } else {
    set_ls(placement_order, LS::E1);
    if (x < 45) {
      reversed = placement_order + r.range(90, 540);
      const W<model::ReasonPlacedCeased> t[] = {{model::ReasonPlacedCeased::RD1, 300},
                                                {model::ReasonPlacedCeased::RD3, 500},
                                                {model::ReasonPlacedCeased::RD4, 200}};
      p_.placed_reason = static_cast<std::int8_t>(pick(r, t));
      set_ls(reversed, LS::C2);  // the placement order revoked with the change of plan
    }
  }
  const Day from = reversed != kNever ? reversed : placement_order + r.range(90, 540);
  if (reversed != kNever && r.chance(3000)) {
    p_.placed_ceased = reversed;
    E_ = std::min(from + r.range(180, 900), b18_);
    start_placements(E_, ffa ? Regime::Ffa : Regime::Foster, true, true);
    const W<REC> t[] = {{REC::E46, 450}, {REC::E47, 400}, {REC::E48, 150}};
    rec_ = E_ == b18_ ? exit18() : pick(r, t);
    return;
  }
  E_ = b18_;
  start_placements(from, ffa ? Regime::Ffa : Regime::Foster, false);
  long_term_from(from, /*keep=*/!ffa);
  if (reversed != kNever) {
    p_.placed_ceased = reversed;
  } else {
    p_.placed_ceased = E_;  // still waiting when care ended
    const W<model::ReasonPlacedCeased> t[] = {{model::ReasonPlacedCeased::RD1, 400},
                                              {model::ReasonPlacedCeased::RD3, 300},
                                              {model::ReasonPlacedCeased::RD4, 300}};
    p_.placed_reason = static_cast<std::int8_t>(pick(r, t));
  }
}

void Planner::order(bool sgo) {
  Rng& r = *r_;
  // Made at the end of care proceedings (interim care order throughout), or later, the
  // child on a full care order meanwhile.
  const bool later = r.chance(6000);
  const Day c2 = S_ + r.range(90, 300);
  E_ = std::min(later ? c2 + r.range(120, 900) : S_ + r.range(150, 360), b18_);
  const Day main = emergency_prefix(E_ - S_);
  set_ls(main, LS::C1);
  if (later) set_ls(c2, LS::C2);
  const bool kin = r.chance(sgo ? 6000 : 5000);
  start_placements(E_, kin ? Regime::Kin : Regime::Foster, false, true);
  if (E_ == b18_) {
    rec_ = exit18();
    return;
  }
  if (!sgo) {
    rec_ = REC::E41;
    return;
  }
  // E45/E46: to the child's foster carers (validator rule 516: placement U1–U6);
  // E47/E48: to other relatives or friends / other people.
  const bool with_foster_carers = r.chance(7000);
  if (with_foster_carers) {
    rec_ = kin ? REC::E45 : REC::E46;
  } else {
    rec_ = r.chance(8000) ? REC::E47 : REC::E48;
  }
}

void Planner::long_term_from(Day from, bool keep) {
  Rng& r = *r_;
  const int a = age_on(from);
  const bool stays = r.chance(a < 11 ? 7800 : 7000);
  E_ = stays ? b18_ : std::min(b18_, from + r.range(365, std::max(366, b18_ - from - 30)));
  Day home = E_;
  // Placed with parents only under an order (rule 378: not under section 20).
  const bool under_order = !ls_.empty() && ls_.back().ls != LS::V2;
  if (under_order && a >= 3 && r.chance(stays ? 1500 : 4500)) {
    home = std::max(from + 60, E_ - r.range(180, 1100));
  }
  Day semi = E_;
  if (E_ == b18_ && b16_ > from) {
    const Day when = b16_ + r.range(0, 400);
    if (when < E_ - 30 && r.chance(2600)) semi = when;
  }
  const Day first_stop = std::min(home, semi);
  if (keep && !pl_.empty()) {
    run(from, first_stop, pl_.back().regime, a >= 10, true, true);
  } else {
    run(from, first_stop, first_regime(a, false), a >= 10, false, true);
  }
  if (home < E_) place(home, Regime::Parents, rpc(RPC::CARPL));
  if (semi < E_) {
    const bool already = !pl_.empty() && pl_.back().regime == Regime::SemiIndep;
    run(semi, E_, Regime::SemiIndep, false, already);
  }
  if (E_ == b18_) {
    rec_ = exit18();
  } else if (home < E_) {
    rec_ = REC::E4A;
  } else {
    REC rec = pick(r, kEarlyExitLong);
    if (rec == REC::E9 && age_on(E_) < 14) rec = REC::E8;
    rec_ = rec;
  }
}

void Planner::long_term(Day from) {
  Rng& r = *r_;
  const Day main = emergency_prefix(400);
  const bool care_order = r.chance(age_ < 11 ? 8500 : 8000);
  if (care_order) {
    set_ls(main, LS::C1);
    set_ls(S_ + r.range(80, 250), LS::C2);
  } else {
    set_ls(main, LS::V2);
    if (r.chance(2500)) {
      const Day c1 = S_ + r.range(120, 700);
      set_ls(c1, LS::C1);
      set_ls(c1 + r.range(80, 250), LS::C2);
    }
  }
  long_term_from(from, false);
}

void Planner::remand() {
  Rng& r = *r_;
  p_.cin = pick(r, kCinRemand);
  set_ls(S_, LS::J1);
  E_ = std::min(S_ + r.range(7, 120), b18_);
  run(S_, E_, Regime::Remand, false, false, false, -1);
  rec_ = E_ == b18_ ? exit18() : (r.chance(6500) ? REC::E14 : REC::E9);
}

void Planner::uasc() {
  Rng& r = *r_;
  p_.cin = r.chance(9500) ? CIN::N8 : CIN::N4;
  set_ls(S_, LS::V2);
  E_ = b18_;
  // Some stay only days: transferred under the National Transfer Scheme (E3); some are
  // assessed to be adults (E15); some go missing and their care ends (E8).
  const int outcome = static_cast<int>(r.below(1000));
  if (outcome < 70) {
    E_ = std::min(E_, S_ + r.range(3, 45));
    rec_ = REC::E3;
  } else if (outcome < 110) {
    E_ = std::min(E_, S_ + r.range(20, 200));
    rec_ = REC::E15;
  } else if (outcome < 150) {
    E_ = std::min(E_, S_ + r.range(10, 300));
    rec_ = REC::E8;
  } else {
    rec_ = REC::X1;  // decided below, at 18
  }
  Regime first;
  if (age_ < 16) {
    first = r.chance(8500) ? Regime::Foster : Regime::Residential;
  } else {
    const W<Regime> t[] = {
        {Regime::SemiIndep, 600}, {Regime::Foster, 350}, {Regime::Residential, 50}};
    first = pick(r, t);
  }
  Day semi = E_;
  if (first != Regime::SemiIndep && b16_ < E_ - 60 && r.chance(4000)) {
    semi = std::max(S_ + 30, b16_ + r.range(0, 200));
  }
  run(S_, semi, first, false, false, false, -1);
  if (semi < E_) run(semi, E_, Regime::SemiIndep, false);
  if (rec_ == REC::X1) rec_ = exit18();
}

void Planner::rare_endings(Route route) {
  Rng& r = *r_;
  if (route == Route::Uasc || E_ - S_ < 30) return;
  const int x = static_cast<int>(r.below(10000));
  REC rec;
  if (x < 120)
    rec = REC::E3;
  else if (x < 145)
    rec = REC::E16;
  else if (x < 165)
    rec = REC::E2;
  else
    return;
  const Day end = S_ + r.range(14, E_ - S_ - 1);
  truncate(end);
  rec_ = rec;
}

void Planner::truncate(Day end) {
  E_ = end;
  while (!ls_.empty() && ls_.back().day >= E_) ls_.pop_back();
  while (!pl_.empty() && pl_.back().day >= E_) pl_.pop_back();
  if (p_.date_placed != kNever) {
    if (p_.date_placed >= E_) {
      p_.date_placed = kNever;
      p_.placed_ceased = kNever;
      p_.placed_reason = -1;
    } else if (p_.placed_ceased == kNever || p_.placed_ceased >= E_) {
      // Care ended without an adoption, so the decision to place was reversed (rule 557).
      p_.placed_ceased = E_;
      p_.placed_reason = static_cast<std::int8_t>(model::ReasonPlacedCeased::RD4);
    }
  }
  p_.date_match = kNever;
  p_.adopters = 0;
}

void Planner::temporary_placements() {
  Rng& r = *r_;
  if (pl_.empty()) return;
  scratch_.clear();
  for (std::size_t i = 0; i < pl_.size(); ++i) {
    scratch_.push_back(pl_[i]);
    const Day from = pl_[i].day;
    const Day to = i + 1 < pl_.size() ? pl_[i + 1].day : E_;
    if (pl_[i].temporary || to - from < 120 || is_adoption_placement(pl_[i].place) ||
        pl_[i].place == PT::P1) {
      continue;  // A3/A5 need RNE S, T or U (rule 217); a return from T is P (rule 383)
    }
    PT temp;
    int len;
    if (is_foster(pl_[i].place) && r.chance(500)) {
      temp = PT::T3;
      len = r.range(2, 14);
    } else if (r.chance(80)) {
      temp = PT::T1;
      len = r.range(2, 30);
    } else {
      continue;
    }
    const Day t = from + r.range(30, static_cast<int>(to - from) - 30 - len);
    bool ls_change_near = false;
    for (const auto& l : ls_) {
      if (l.day >= t - 1 && l.day <= t + len + 1) ls_change_near = true;
    }
    if (ls_change_near || t <= from || t + len >= to) continue;
    PlEvent tmp;
    tmp.day = t;
    tmp.place = temp;
    tmp.temporary = true;
    tmp.regime = pl_[i].regime;
    tmp.carer = ++carers_;
    tmp.site.post = postcode_in(ctx_.council, r.next());
    scratch_.push_back(tmp);
    PlEvent back = pl_[i];
    back.day = t + len;
    back.reason = -1;
    scratch_.push_back(back);
  }
  pl_.swap(scratch_);
}

std::uint32_t Planner::emit() {
  auto& eps = world_.episodes;
  const auto first = static_cast<std::uint32_t>(eps.size());
  if (ls_.empty() || ls_.front().day != S_) ls_.insert(ls_.begin(), {S_, LS::V2});
  if (pl_.empty() || pl_.front().day != S_) {
    std::vector<PlEvent> tmp;
    tmp.push_back(make(S_, Regime::Foster, -1));
    tmp.insert(tmp.end(), pl_.begin(), pl_.end());
    pl_.swap(tmp);
  }
  std::size_t i = 0, j = 0;
  Day start = S_;
  RNE rne = RNE::S;
  auto out = [&](Day end, REC rec, std::int8_t reason) {
    SimEpisode e;
    e.start = start;
    e.end = end;
    e.ls = ls_[i].ls;
    e.place = pl_[j].place;
    e.provider = pl_[j].provider;
    e.site = pl_[j].site;
    e.rne = rne;
    e.rec = rec;
    e.reason = reason;
    eps.push_back(e);
  };
  while (true) {
    const Day next_ls = i + 1 < ls_.size() ? ls_[i + 1].day : kForever;
    const Day next_pl = j + 1 < pl_.size() ? pl_[j + 1].day : kForever;
    const Day next = std::min(next_ls, next_pl);
    if (next >= E_) {
      out(E_, rec_, -1);
      break;
    }
    const std::size_t ni = next_ls == next ? i + 1 : i;
    const std::size_t nj = next_pl == next ? j + 1 : j;
    const bool ls_changed = ls_[ni].ls != ls_[i].ls;
    const bool pl_changed = nj != j;
    if (!ls_changed && !pl_changed) {
      i = ni;
      j = nj;
      continue;
    }
    RNE nr;
    const bool same_carer = pl_changed && pl_[nj].carer == pl_[j].carer;
    if (ls_changed && pl_changed)
      nr = same_carer ? RNE::B : RNE::U;
    else if (ls_changed)
      nr = RNE::L;
    else
      nr = same_carer ? RNE::T : RNE::P;
    std::int8_t reason = -1;
    if (pl_changed && !pl_[j].temporary && !pl_[nj].temporary) {
      reason = pl_[nj].reason >= 0 ? pl_[nj].reason : rpc(RPC::OTHER);
    }
    // The placement before a temporary one carries no reason either (rule 226).
    if (pl_changed && pl_[nj].temporary) reason = -1;
    out(next, REC::X1, reason);
    start = next;
    rne = nr;
    i = ni;
    j = nj;
  }
  p_.first_episode = first;
  p_.episodes = static_cast<std::uint32_t>(eps.size()) - first;
  world_.periods.push_back(p_);
  return static_cast<std::uint32_t>(world_.periods.size() - 1);
}

}  // namespace hearth::synth::detail
