// Writing one collection year's return as the 903 holds it on 31 March: the codes valid that
// year, and each table's rows for the children in it (steps.hpp).
#include "synth/steps.hpp"

namespace hearth::synth::detail {

namespace {

// The code actually written for a placement in a year: registered supported accommodation
// replaced semi-independent (H5) and independent living (P2) placements (an H5 open at the end
// of 2024/25 continues as K3: 2025/26 rule 503D), and Z1 became Z11–Z14 in 2025/26.
std::optional<PT> place_in_year(PT p, CollectionYear y) {
  // From the year K3 arrives, semi-independent accommodation is written as K3 (the validator
  // lets an H5 open at the end of 2023/24 continue as K3 in 2024/25: rule_utils.py, 503D).
  if (p == PT::H5 && model::valid_in(PT::K3, y)) return PT::K3;
  if (model::valid_in(p, y)) return p;
  const PT candidates_h5[] = {PT::K3, PT::H5};
  const PT candidates_k3[] = {PT::H5, PT::K3};
  const PT candidates_z[] = {PT::Z14, PT::Z1};
  std::span<const PT> options;
  if (p == PT::H5 || p == PT::P2)
    options = candidates_h5;
  else if (p == PT::K3)
    options = candidates_k3;
  else if (p == PT::Z1 || p == PT::Z11 || p == PT::Z12 || p == PT::Z13 || p == PT::Z14)
    options = candidates_z;
  for (PT q : options) {
    if (model::valid_in(q, y)) return q;
  }
  return std::nullopt;
}

template <class E>
std::optional<E> in_year(E e, CollectionYear y) {
  if (model::valid_in(e, y)) return e;
  return std::nullopt;
}

std::optional<model::Sex> sex_in_year(bool male, CollectionYear y) {
  const model::Sex first = male ? model::Sex::Male : model::Sex::Female;
  const model::Sex then = male ? model::Sex::M : model::Sex::F;
  if (model::valid_in(first, y)) return first;
  if (model::valid_in(then, y)) return then;
  return std::nullopt;
}

// A UPN's check letter (DfE: the weighted sum of characters 2–13, modulo 23).
char upn_check_letter(std::string_view digits12) {
  constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";
  int sum = 0;
  for (std::size_t i = 0; i < digits12.size(); ++i)
    sum += (digits12[i] - '0') * static_cast<int>(i + 2);
  return kLetters[static_cast<std::size_t>(sum % 23)];
}

}  // namespace

std::string YearWriter::upn(const SimChild& c) const {
  // Under school age: UN1 (rule 209: a child of school age should not have UN1).
  const Day census = ymd(year.end_year - 2, 8, 31);
  if (age_at(c.dob, census) < 4) return "UN1";
  if (c.upn_kind >= 2) return "UN" + std::to_string(c.upn_kind);
  // Check letter, LA number, establishment number, year allocated, serial: unique in the
  // return because establishment and serial together are the CHILD number.
  const int la = std::atoi(ctx.la.c_str()) % 1000;
  const int allocated = static_cast<int>(std::chrono::year_month_day{date_of(c.dob)}.year()) + 5;
  char digits[24];
  std::snprintf(digits, sizeof digits, "%03d%04u%02d%03u", la, 2000u + (c.id / 1000u) % 8000u,
                allocated % 100, c.id % 1000u);
  return std::string(1, upn_check_letter(digits)) + digits;
}

Day YearWriter::continuous_since(const SimChild& c) const {
  for (std::uint32_t i = 0; i < c.periods; ++i) {
    const SimPeriod& p = world.periods[c.first_period + i];
    if (!p.short_break && p.start <= ye && p.end >= ye) return p.start;
  }
  return kNever;
}

bool YearWriter::in_oc2(const SimChild& c) const {
  const Day since = continuous_since(c);
  return since != kNever && since <= ys;
}

bool YearWriter::care_leaver(const SimChild& c, Day& left) const {
  if (c.short_breaks || c.periods == 0) return false;
  const SimPeriod& last = world.periods[c.first_period + c.periods - 1];
  switch (last.rec) {
    case REC::E11:
    case REC::E12:
    case REC::E45:
    case REC::E46:
    case REC::E47:
    case REC::E48:
    case REC::E41:
    case REC::E2:
    case REC::E3:
    case REC::E15:
    case REC::E16:
      return false;
    default:
      break;
  }
  const Day b14 = birthday_of(c.dob, 14);
  const Day b16 = birthday_of(c.dob, 16);
  if (last.end < b16) return false;
  int days = 0;
  for (std::uint32_t i = 0; i < c.periods; ++i) {
    const SimPeriod& p = world.periods[c.first_period + i];
    if (p.end > b14) days += p.end - std::max(p.start, b14);
  }
  if (days < 91) return false;  // 13 weeks since the 14th birthday
  left = last.end;
  return true;
}

void YearWriter::child(const SimChild& c) {
  // Episodes open at any time in the year: DECOM <= 31 March and DEC >= 1 April.
  bool any = false, regular = false;
  for (std::uint32_t i = 0; i < c.periods; ++i) {
    const SimPeriod& p = world.periods[c.first_period + i];
    if (p.start <= ye && p.end >= ys) {
      any = true;
      if (!p.short_break) regular = true;
    }
  }
  // OC3: a care leaver whose 17th–21st birthday is in the year and who is no longer looked
  // after on it (and not also in OC2: rule 187). Leaving care on the 18th birthday counts (the
  // DfE's care leavers "aged 18" are mostly these young people; validator rule 1016 flags them,
  // but its message says "after their birthday").
  int oc3_age = 0;
  Day left = 0;
  if (care_leaver(c, left) && !in_oc2(c)) {
    for (int n = 17; n <= 21; ++n) {
      const Day bd = birthday_of(c.dob, n);
      if (bd >= ys && bd <= ye && left <= bd) oc3_age = n;
    }
  }
  if (!any && oc3_age == 0) return;

  const std::string id = child_id(c);
  const Date dob = date_of(c.dob);

  model::ChildHeader h;
  h.child = id;
  h.sex = sex_in_year(c.male, year);
  h.dob = dob;
  h.ethnic = in_year(c.ethnic, year);
  h.upn = upn(c);
  if (!c.male && regular) {
    // MOTHER for every girl looked after in the year (rules 165, 607); not for short breaks
    // (rule 399) or care leavers with no episode this year.
    h.mother = c.mother_child_dob != kNever && c.mother_child_dob <= ye;
    if (*h.mother) h.mc_dob = date_of(c.mother_child_dob);
  }
  ret.header.push_back(std::move(h));

  if (any) episodes(c, id, dob);
  if (regular) {
    reviews(c, id, dob);
    uasc(c, id, dob);
    oc2(c, id, dob);
  }
  if (oc3_age) oc3(c, id, dob, oc3_age);
  if (any) previous_permanence(c, id, dob);
  if (regular) {
    adoption(c, id, dob);
    missing(c, id, dob);
    social_workers(c, id, dob);
    dolo(c, id, dob);
  }
}

void YearWriter::episodes(const SimChild& c, const std::string& id, Date) {
  for (std::uint32_t i = 0; i < c.periods; ++i) {
    const SimPeriod& p = world.periods[c.first_period + i];
    if (p.start > ye || p.end < ys) continue;
    // An unaccompanied asylum-seeking child's home postcode is not their family's: left blank,
    // so no distance is worked out (rule 406).
    const std::string home = p.short_break || c.uasc ? std::string() : postcode_text(p.home);
    for (std::uint32_t k = 0; k < p.episodes; ++k) {
      const SimEpisode& e = world.episodes[p.first_episode + k];
      if (e.start > ye || e.end < ys) continue;
      model::Episode out;
      out.child = id;
      out.decom = date_of(e.start);
      out.rne = in_year(e.rne, year);
      out.ls = in_year(e.ls, year);
      out.cin = in_year(p.cin, year);
      out.place = place_in_year(e.place, year);
      if (e.provider >= 0) out.place_provider = in_year(static_cast<PP>(e.provider), year);
      const bool ended = e.end <= ye;
      if (ended) {
        out.dec = date_of(e.end);
        out.rec = in_year(e.rec, year);
        if (e.reason >= 0) out.reason_place_change = in_year(static_cast<RPC>(e.reason), year);
      }
      if (!p.short_break) {
        // Short breaks carry no postcodes (rule 398) and no URN (rule 214).
        out.home_post = home;
        out.pl_post = postcode_text(e.site.post);
        // A placement away from parents is not at the home's postcode (rule 392d): the next
        // postcode along, the same every year the episode is written.
        if (out.pl_post == home && e.place != PT::P1)
          out.pl_post = postcode_text(next_postcode(e.site.post));
        out.urn = urn_for(e, out.place);
      }
      ret.episodes.push_back(std::move(out));
    }
  }
}

std::string YearWriter::urn_for(const SimEpisode& e, std::optional<PT> written) const {
  if (!written) return {};
  if (*written == PT::K3) {
    return urn_text(e.site.urn == UrnKind::None ? UrnKind::Registered : e.site.urn,
                    e.site.urn_number);
  }
  switch (*written) {
    case PT::P1:
    case PT::P2:
    case PT::P3:
    case PT::R1:
    case PT::R2:
    case PT::R5:
    case PT::T0:
    case PT::T1:
    case PT::T2:
    case PT::T3:
    case PT::T4:
    case PT::Z1:
    case PT::Z11:
    case PT::Z12:
    case PT::Z13:
    case PT::Z14:
      return {};  // no URN for these (rules 218, 222)
    case PT::H5: {
      // Not registered before the October 2023 reforms (2022/23 rule 222); from 28 October
      // 2023 an H5 needs its URN (2023/24 rule 230).
      if (year.end_year <= 2023) return {};
      const bool open_after_reform = e.end > ye || e.end >= kP2End;
      if (year.end_year == 2024 && !open_after_reform) return {};
      return urn_text(e.site.urn == UrnKind::None ? UrnKind::Registered : e.site.urn,
                      e.site.urn_number);
    }
    default:
      return urn_text(e.site.urn, e.site.urn_number);
  }
}

void YearWriter::reviews(const SimChild& c, const std::string& id, Date dob) {
  for (std::uint32_t i = 0; i < c.reviews; ++i) {
    const SimReview& rv = world.reviews[c.first_review + i];
    if (rv.day < ys || rv.day > ye) continue;
    ret.reviews.push_back({id, dob, date_of(rv.day), in_year(rv.code, year)});
  }
}

void YearWriter::uasc(const SimChild& c, const std::string& id, Date dob) {
  if (!c.uasc) return;
  // DUC: the date UASC status ceases — the 18th birthday, known in advance (rule 205B) — or
  // the day care ended when an age assessment found the young person to be an adult.
  Day duc = birthday_of(c.dob, 18);
  const SimPeriod& first = world.periods[c.first_period];
  if (first.rec == REC::E15 && first.end < duc && first.end <= ye) duc = first.end;
  if (duc < ys) return;
  ret.uasc.push_back({id, sex_in_year(c.male, year), dob, date_of(duc)});
}

void YearWriter::oc2(const SimChild& c, const std::string& id, Date dob) {
  // Looked after continuously for at least 12 months at 31 March: in care at the end of the
  // year, in a period that began on or before its first day.
  if (!in_oc2(c)) return;
  const Day since = continuous_since(c);
  Rng r(mix(c.seed, 0x0C2000ULL + static_cast<std::uint64_t>(year.end_year)));
  const int age_start = age_at(c.dob, ys);
  const int age_end = age_at(c.dob, ye);
  model::Oc2 row;
  row.child = id;
  row.dob = dob;
  // Strengths and Difficulties Questionnaire for 4- to 16-year-olds (rules 157, 186, 189,
  // 197B). Scores 0–40, mean about 14 (DfE: 13.9 in 2024), 37% of 17 or more.
  const bool turns_4 = age_start < 4 && age_end >= 4;
  const bool turns_17 = age_start <= 16 && age_end >= 17;
  const bool eligible = age_start >= 4 && age_end <= 16;
  bool disabled = false;
  for (std::uint32_t i = 0; i < c.periods; ++i) {
    const SimPeriod& p = world.periods[c.first_period + i];
    if (p.start == since) disabled = p.cin == CIN::N2;
  }
  if (eligible || (turns_17 && r.chance(5500))) {
    if (r.chance(7700)) {
      constexpr Band kSdq[] = {{85, 0, 4},    {180, 5, 9},   {200, 10, 13}, {170, 14, 16},
                               {140, 17, 19}, {150, 20, 24}, {60, 25, 29},  {15, 30, 40}};
      row.sdq_score = draw(r, kSdq);
    } else {
      const W<model::SdqReason> t[] = {{model::SdqReason::SDQ4, 450},
                                       {model::SdqReason::SDQ5, 250},
                                       {model::SdqReason::SDQ2, 100},
                                       {model::SdqReason::SDQ3, disabled ? 600 : 200}};
      row.sdq_reason = in_year(pick(r, t), year);
    }
  } else if (turns_4 || turns_17) {
    row.sdq_reason = in_year(model::SdqReason::SDQ1, year);
  }
  // Convictions for 10+ (rule 543), development checks for under-5s (rules 545, 546).
  if (age_end >= 10) row.convicted = r.chance(age_end >= 14 ? 350 : 60);
  if (age_end < 5) row.health_check = r.chance(8800);
  row.immunisations = r.chance(age_end >= 16 ? 7600 : 8500);
  row.teeth_check = r.chance(age_end >= 16 ? 7200 : (age_end < 3 ? 7000 : 8300));
  row.health_assessment = r.chance(age_end >= 16 ? 8500 : 9200);
  const int misuse = age_end >= 14 ? 800 : (age_end >= 11 ? 150 : 0);
  row.substance_misuse = r.chance(misuse);
  if (*row.substance_misuse) {
    // Rules 159, 193: the intervention items only for a child with a substance misuse problem.
    row.intervention_received = r.chance(5500);
    if (!*row.intervention_received) row.intervention_offered = r.chance(6500);
  }
  ret.oc2.push_back(std::move(row));
}

void YearWriter::oc3(const SimChild& c, const std::string& id, Date dob, int age) {
  using A = model::Activity;
  using M = model::Accommodation;
  using T = model::InTouch;
  Rng r(mix(c.seed, 0x0C3000ULL + static_cast<std::uint64_t>(age)));
  model::Oc3 row;
  row.child = id;
  row.dob = dob;
  // Care leavers (DfE 2024): about nine in ten in touch; 19–21-year-olds: 38% not in
  // education, employment or training, 88% in suitable accommodation.
  const SimPeriod& last = world.periods[c.first_period + c.periods - 1];
  const bool young = age <= 18;
  const W<T> touch_young[] = {
      {T::YES, 920}, {T::NO, 30}, {T::REFU, 30}, {T::NREQ, 5}, {T::RHOM, 15}};
  const W<T> touch_older[] = {
      {T::YES, 915}, {T::NO, 40}, {T::REFU, 28}, {T::NREQ, 9}, {T::RHOM, 8}};
  T touch = young ? pick(r, touch_young) : pick(r, touch_older);
  // A young person who has died stays DIED in later years (2025/26 rule 348).
  if (!young && (mix(c.seed, 0xDEAD) % 1000) < 3) touch = T::DIED;
  row.in_touch = in_year(touch, year);
  if (touch != T::YES) {
    row.activ = in_year(A::NotApplicable, year);
    row.accom = in_year(M::NotApplicable, year);
    ret.oc3.push_back(std::move(row));
    return;
  }
  const bool parent = c.mother_child_dob != kNever;
  if (young) {
    const W<A> t[] = {{A::F2, 400},
                      {A::P2, 70},
                      {A::F1, age == 18 ? 30 : 0},
                      {A::F4, 70},
                      {A::P4, 20},
                      {A::F5, 50},
                      {A::P5, 40},
                      {A::G4, 60},
                      {A::G5, 230},
                      {A::G6, parent ? 300 : 30}};
    row.activ = in_year(pick(r, t), year);
  } else {
    const W<A> t[] = {{A::F1, 70},
                      {A::P1, 10},
                      {A::F2, c.uasc ? 200 : 110},
                      {A::P2, 30},
                      {A::F4, 70},
                      {A::P4, 20},
                      {A::F5, 170},
                      {A::P5, 80},
                      {A::G4, 100},
                      {A::G5, 260},
                      {A::G6, parent ? 250 : 50}};
    row.activ = in_year(pick(r, t), year);
  }
  // Staying put (E17): many stay with their former foster carers at 19 and 20.
  if (!young && last.rec == REC::E17 && r.chance(age == 19 ? 5500 : age == 20 ? 3200 : 1500)) {
    row.accom = in_year(M::Z1, year);
  } else if (young) {
    // Rule 347: no foyer for under-18s; rule 3001: not with former foster carers at 17.
    const W<M> t[] = {{M::B1, 280}, {M::D1, 250}, {M::E1, 100},
                      {M::U1, 110}, {M::C1, 50},  {M::T1, age == 18 ? 20 : 0},
                      {M::K1, 20},  {M::Y1, 50},  {M::X2, 30},
                      {M::S2, 10},  {M::B2, 20},  {M::D2, 20},
                      {M::V2, 10},  {M::W2, 10},  {M::U2, 10}};
    row.accom = in_year(pick(r, t), year);
  } else {
    const W<M> t[] = {{M::U1, 440}, {M::B1, 140}, {M::D1, 110}, {M::E1, 60}, {M::T1, 30},
                      {M::K1, 30},  {M::Y1, 40},  {M::C1, 10},  {M::G1, 10}, {M::X2, 25},
                      {M::S2, 8},   {M::B2, 8},   {M::U2, 10},  {M::D2, 5},  {M::V2, 5},
                      {M::W2, 5},   {M::R2, 2}};
    row.accom = in_year(pick(r, t), year);
  }
  ret.oc3.push_back(std::move(row));
}

void YearWriter::adoption(const SimChild& c, const std::string& id, Date dob) {
  for (std::uint32_t i = 0; i < c.periods; ++i) {
    const SimPeriod& p = world.periods[c.first_period + i];
    if (p.start > ye || p.end < ys) continue;
    // PlacedAdoption: a decision that the child should be placed for adoption, in force at
    // some time in the year; its reversal only once it has happened.
    if (p.date_placed != kNever && p.date_placed <= ye &&
        (p.placed_ceased == kNever || p.placed_ceased >= ys)) {
      model::PlacedAdoption pa;
      pa.child = id;
      pa.dob = dob;
      pa.date_placed = date_of(p.date_placed);
      if (p.placed_ceased != kNever && p.placed_ceased <= ye) {
        pa.date_placed_ceased = date_of(p.placed_ceased);
        pa.reason_placed_ceased =
            in_year(static_cast<model::ReasonPlacedCeased>(p.placed_reason), year);
      }
      ret.placed_adoption.push_back(std::move(pa));
    }
    // AD1: adopted in the year.
    if ((p.rec == REC::E11 || p.rec == REC::E12) && p.end >= ys && p.end <= ye && p.adopters) {
      const Adopters& a = kAdopters[p.adopters - 1];
      const SimEpisode& last = world.episodes[p.first_episode + p.episodes - 1];
      model::Ad1 ad;
      ad.child = id;
      ad.dob = dob;
      ad.date_int = date_of(p.date_placed);
      ad.date_match = date_of(p.date_match);
      ad.foster_care = last.place == PT::A3 || last.place == PT::A5;
      ad.nb_adoptr = a.number;
      ad.sex_adoptr = in_year(a.sex, year);
      ad.ls_adoptr = in_year(a.status, year);
      ret.ad1.push_back(std::move(ad));
    }
  }
}

void YearWriter::previous_permanence(const SimChild& c, const std::string& id, Date dob) {
  for (std::uint32_t i = 0; i < c.periods; ++i) {
    const SimPeriod& p = world.periods[c.first_period + i];
    if (p.start < ys || p.start > ye) continue;
    model::PrevPerm pp;
    pp.child = id;
    pp.dob = dob;
    const auto kind = p.prev_perm >= 0 ? static_cast<model::PreviousPermanence>(p.prev_perm)
                                       : model::PreviousPermanence::Z1;
    pp.prev_perm = in_year(kind, year);
    if (p.date_perm != kNever) {
      std::string d = model::format_dmy(date_of(p.date_perm));
      if (p.date_perm_form >= 1) d.replace(0, 2, "ZZ");
      if (p.date_perm_form >= 2) d.replace(3, 2, "ZZ");
      pp.date_perm = std::move(d);
      if (p.la_perm >= 0) pp.la_perm = councils()[p.la_perm].la;
    }
    ret.prev_perm.push_back(std::move(pp));
    return;
  }
}

void YearWriter::missing(const SimChild& c, const std::string& id, Date dob) {
  for (std::uint32_t i = 0; i < c.missing; ++i) {
    const SimMissing& m = world.missing[c.first_missing + i];
    // Begun in the year, or still open at the end of the last (rule 576).
    if (m.start > ye || m.end < ys) continue;
    model::MissingEpisode out;
    out.child = id;
    out.dob = dob;
    out.missing = in_year(m.type, year);
    out.mis_start = date_of(m.start);
    if (m.end <= ye) out.mis_end = date_of(m.end);
    ret.missing.push_back(std::move(out));
  }
}

void YearWriter::social_workers(const SimChild& c, const std::string& id, Date dob) {
  // SWEpisodes is part of the return from 2023/24, when its reason codes start.
  if (!model::valid_in(model::SwReason::OTHERS, year)) return;
  for (std::uint32_t i = 0; i < c.workers; ++i) {
    const SimWorker& w = world.workers[c.first_worker + i];
    if (w.start > ye || (w.end != kForever && w.end < ys)) continue;
    model::SocialWorkerEpisode out;
    out.child = id;
    out.dob = dob;
    out.sw_id = ctx.workers[w.worker];
    out.sw_decom = date_of(w.start);
    if (w.end != kForever && w.end <= ye) out.sw_dec = date_of(w.end);
    out.sw_reason = in_year(w.reason, year);
    ret.sw_episodes.push_back(std::move(out));
  }
}

void YearWriter::dolo(const SimChild& c, const std::string& id, Date dob) {
  if (year.end_year < 2027) return;  // the DoLo table starts in 2026/27
  for (std::uint32_t i = 0; i < c.dolos; ++i) {
    const SimDolo& d = world.dolos[c.first_dolo + i];
    if (d.start > ye || d.end < ys) continue;
    model::DeprivationOfLiberty out;
    out.child = id;
    out.dob = dob;
    out.dolo_start = date_of(d.start);
    if (d.end <= ye) out.dolo_end = date_of(d.end);
    ret.dolo.push_back(std::move(out));
  }
}

}  // namespace hearth::synth::detail
