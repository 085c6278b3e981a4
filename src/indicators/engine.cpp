#include "indicators/engine.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "indicators/measures/toolkit.hpp"

namespace hearth::indicators {

namespace {

using measures::placement_group;
using measures::short_break;
using measures::temporary;
using measures::with_current_foster_carer;
using measures::year_of;
using model::Date;
using model::LegalStatus;
using model::PlacementType;
using model::ReasonNewEpisode;
using std::chrono::days;
using std::chrono::year_month_day;
using timescales::ItemId;
using timescales::Status;

unsigned month_of(Date d) {
  return static_cast<unsigned>(year_month_day{d}.month());
}

constexpr std::uint32_t kNone = ~0u;

std::string_view legal_group(std::optional<LegalStatus> ls) {
  using enum LegalStatus;
  if (!ls) return "Not recorded";
  switch (*ls) {
    case C1:
    case C2:
      return "Care order";
    case D1:
    case E1:
      return "Placement or freeing order";
    case V2:
      return "Voluntary (section 20)";
    case V3:
    case V4:
      return "Short breaks";
    case J1:
    case J2:
    case J3:
      return "Youth justice";
    case L1:
    case L2:
    case L3:
      return "Emergency or police protection";
  }
  return "Other";
}

std::string_view ethnic_group(std::optional<model::Ethnicity> e) {
  using enum model::Ethnicity;
  if (!e) return "Not recorded";
  switch (*e) {
    case WBRI:
    case WIRI:
    case WOTH:
    case WIRT:
    case WROM:
      return "White";
    case MWBC:
    case MWBA:
    case MWAS:
    case MOTH:
      return "Mixed";
    case AIND:
    case APKN:
    case ABAN:
    case AOTH:
      return "Asian or Asian British";
    case BCRB:
    case BAFR:
    case BOTH:
      return "Black or Black British";
    case CHNE:
    case OOTH:
      return "Other ethnic group";
    case REFU:
    case NOBT:
      return "Refused or not obtained";
  }
  return "Not recorded";
}

// The fixed order categories are listed in (others follow, sorted).
const std::vector<std::string_view>& category_order(Dimension d) {
  static const std::vector<std::vector<std::string_view>> orders = {
      {"Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over", "Age not recorded"},
      {"Male", "Female", "Not recorded"},
      {"White", "Mixed", "Asian or Asian British", "Black or Black British", "Other ethnic group",
       "Refused or not obtained", "Not recorded"},
      {measures::kFosterConnected, measures::kFosterInHouse, measures::kFosterAgency,
       measures::kResidential, measures::kWithParents, measures::kIndependent,
       measures::kForAdoption, "Other", "Not recorded", "Not looked after"},
      {"Care order", "Placement or freeing order", "Voluntary (section 20)", "Youth justice",
       "Emergency or police protection", "Short breaks", "Not recorded", "Not looked after"},
      {"UASC", "Not UASC"},
      {"In area", "Out of area", "Not known"},
      {},
  };
  return orders[static_cast<std::size_t>(d)];
}

}  // namespace

// ---- periods --------------------------------------------------------------------------------

std::string_view period_kind_name(PeriodKind k) {
  switch (k) {
    case PeriodKind::Month:
      return "month";
    case PeriodKind::Quarter:
      return "quarter";
    case PeriodKind::Year:
      return "year";
  }
  return "";
}

std::optional<PeriodKind> period_kind_by_name(std::string_view name) {
  for (PeriodKind k : {PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year})
    if (period_kind_name(k) == name) return k;
  return std::nullopt;
}

ReportingPeriod period_containing(Date d, PeriodKind kind) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int y = year_of(d);
  const unsigned m = month_of(d);
  const int fy_end = m >= 4 ? y + 1 : y;  // financial year 2024-25 has fy_end 2025
  auto fy = [](int end) {
    return std::to_string(end - 1) + "-" + (end % 100 < 10 ? "0" : "") + std::to_string(end % 100);
  };
  ReportingPeriod p;
  p.kind = kind;
  p.end = d;
  switch (kind) {
    case PeriodKind::Month:
      p.start = model::make_date(y, m, 1);
      p.label = std::string(kMonths[m - 1]) + " " + std::to_string(y);
      break;
    case PeriodKind::Quarter: {
      const unsigned q0 = ((m + 8) % 12) / 3;  // Apr-Jun 0, Jul-Sep 1, Oct-Dec 2, Jan-Mar 3
      const unsigned start_month = (q0 * 3 + 3) % 12 + 1;
      p.start = model::make_date(q0 == 3 ? y : y, start_month, 1);
      p.label = fy(fy_end) + " Q" + std::to_string(q0 + 1);
      break;
    }
    case PeriodKind::Year:
      p.start = model::make_date(fy_end - 1, 4, 1);
      p.label = fy(fy_end);
      break;
  }
  return p;
}

std::vector<ReportingPeriod> periods_to(Date d, PeriodKind kind, int count) {
  std::vector<ReportingPeriod> out;
  ReportingPeriod p = period_containing(d, kind);
  for (int i = 0; i < count; ++i) {
    out.push_back(p);
    p = period_containing(p.start - days{1}, kind);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::string_view dimension_key(Dimension d) {
  static constexpr std::string_view k[] = {"age_band",     "sex",  "ethnicity", "placement_type",
                                           "legal_status", "uasc", "area",      "team"};
  return k[static_cast<std::size_t>(d)];
}

std::string_view dimension_title(Dimension d) {
  static constexpr std::string_view k[] = {"Age band",          "Sex",          "Ethnicity",
                                           "Placement type",    "Legal status", "UASC",
                                           "In or out of area", "Team"};
  return k[static_cast<std::size_t>(d)];
}

// ---- engine ---------------------------------------------------------------------------------

Engine::Engine(const model::Dataset& data, const timescales::Engine& timescales,
               const ReferenceData& reference, std::string la, Date as_of, Rules rules)
    : data_(data),
      ts_(timescales),
      ref_(reference),
      la_(std::move(la)),
      as_of_(as_of),
      rules_(rules) {
  slot_.assign(data_.children.size(), kNone);
  for (model::ChildIndex c = 0; c < data_.children.size(); ++c) {
    if (data_.children[c].la != la_) continue;
    slot_[c] = static_cast<std::uint32_t>(children_.size());
    children_.push_back(c);
  }
  const std::size_t n = children_.size();
  child_data_.resize(n);
  for (std::size_t s = 0; s < n; ++s) {
    const auto& rec = data_.children[children_[s]];
    auto& k = child_data_[s];
    k.child = children_[s];
    k.periods = {data_.periods.data() + rec.periods.begin, rec.periods.count};
    k.sw = rec.sw_episodes;
    k.oc2 = rec.oc2;
    k.oc3 = rec.oc3;
    k.missing = rec.missing;
    k.uasc = rec.uasc;
    k.ad1 = rec.ad1;
    for (std::uint32_t i : model::rows(rec.sw_episodes))
      sw_years_.insert(data_.sw_episodes[i].year);
  }
  for (const auto& [rla, year] : data_.returns)
    if (rla == la_) return_years_.insert(year);
  local_ = data_.local_of(la_);
  items_ = ts_.all(as_of_, la_);
  for (const auto& it : items_) {
    if (slot_[it.child] == kNone) continue;
    child_data_[slot_[it.child]].items.push_back(&it);
    if (it.due) by_item_[static_cast<std::size_t>(it.item)].push_back(&it);
  }
  for (auto& v : by_item_)
    std::stable_sort(v.begin(), v.end(),
                     [](const auto* a, const auto* b) { return a->due->date < b->due->date; });
}

std::optional<std::uint32_t> Engine::episode_on(model::ChildIndex c, Date d) const {
  const auto& rec = data_.children[c];
  const auto& E = data_.episodes;
  std::optional<std::uint32_t> found;
  for (std::uint32_t i = rec.episodes.begin; i < rec.episodes.begin + rec.episodes.count; ++i) {
    if (E.decom[i] > d) break;
    if (E.dec[i] > d) found = i;
  }
  return found;
}

std::optional<std::uint32_t> Engine::looked_after_episode(model::ChildIndex c, Date d) const {
  auto e = episode_on(c, d);
  if (e && short_break(data_.episodes.ls[*e])) return std::nullopt;
  return e;
}

bool Engine::looked_after(model::ChildIndex c, Date d) const {
  return looked_after_episode(c, d).has_value();
}

const PeriodOfCare* Engine::period_on(model::ChildIndex c, Date d) const {
  for (const auto& p : child_data_[slot_[c]].periods)
    if (p.start <= d && p.end > d) return &p;
  return nullptr;
}

// The dataset keeps the child's newest UASC row: its DUC decides.
bool Engine::uasc_on(model::ChildIndex c, Date d) const {
  for (auto r : model::rows(facts_of(c).uasc)) {
    const auto& u = data_.uasc[r].row;
    if (!u.duc || *u.duc > d) return true;
  }
  return false;
}

// Placements held in [from, to]: the one held at the start of the window (or on entry) and
// each later change of placement, leaving out short breaks, temporary placements (T0-T4) and
// the return from them, and a placement for adoption with the current foster carer (A3/A5).
int Engine::placements_in(model::ChildIndex c, Date from, Date to) const {
  const auto& rec = data_.children[c];
  const auto& E = data_.episodes;
  int count = 0;
  std::uint32_t prev = kNone;
  for (std::uint32_t i = rec.episodes.begin; i < rec.episodes.begin + rec.episodes.count; ++i) {
    if (E.decom[i] > to) break;
    if (E.dec[i] < from || short_break(E.ls[i])) continue;
    if (count == 0) {
      count = 1;
    } else {
      const bool new_period = prev == kNone || E.decom[i] != E.dec[prev];
      const auto rne = E.rne[i];
      bool change = rne == ReasonNewEpisode::P || rne == ReasonNewEpisode::B ||
                    (rules_.count_same_carer_changes &&
                     (rne == ReasonNewEpisode::T || rne == ReasonNewEpisode::U));
      if (temporary(E.place[i]) || (prev != kNone && temporary(E.place[prev])) ||
          with_current_foster_carer(E.place[i]))
        change = false;
      if (new_period || change) ++count;
    }
    prev = i;
  }
  return count;
}

// The day the child began living with the carer of `episode`: walks back over episodes that
// changed only the legal status or the placement type with the same carer (RNE L, T, U) and
// over temporary placements and the returns from them.
Date Engine::placement_start(std::uint32_t episode, const PeriodOfCare& p) const {
  const auto& E = data_.episodes;
  std::uint32_t i = episode;
  while (i > p.first) {
    const auto rne = E.rne[i];
    const bool same_carer = rne == ReasonNewEpisode::L || rne == ReasonNewEpisode::T ||
                            rne == ReasonNewEpisode::U || temporary(E.place[i]) ||
                            temporary(E.place[i - 1]);
    if (!same_carer) break;
    --i;
  }
  return E.decom[i];
}

// The OC2 cohort at 31 March: looked after on the day, in one period of care that began on or
// before 1 April a year earlier, with no short break in those 12 months.
bool Engine::in_oc2_cohort(model::ChildIndex c, Date march31) const {
  const PeriodOfCare* p = period_on(c, march31);
  const Date year_start = model::make_date(year_of(march31) - 1, 4, 1);
  if (!p || p->start > year_start) return false;
  const auto& E = data_.episodes;
  for (std::uint32_t i = p->first; i <= p->last; ++i)
    if (E.dec[i] > year_start && E.decom[i] <= march31 && short_break(E.ls[i])) return false;
  return true;
}

const model::Oc2* Engine::oc2_of(model::ChildIndex c, int year) const {
  for (auto r : model::rows(facts_of(c).oc2))
    if (data_.oc2[r].year == year) return &data_.oc2[r].row;
  return nullptr;
}

void Engine::timeliness(Cohort& out, const ReportingPeriod& p,
                        std::initializer_list<ItemId> ids) const {
  if (!ts_.has_records(la_, *ids.begin())) {
    out.available = false;
    out.reason = "the council has sent no local records of the kind this needs (" +
                 std::string(timescales::item(*ids.begin()).evidence) + ")";
    return;
  }
  for (ItemId id : ids) {
    const auto& by_due = by_item_[static_cast<std::size_t>(id)];
    auto it =
        std::lower_bound(by_due.begin(), by_due.end(), p.start,
                         [](const timescales::ItemStatus* s, Date d) { return s->due->date < d; });
    for (; it != by_due.end() && (*it)->due->date <= p.end; ++it) {
      const auto status = (*it)->status;
      if (status != Status::DoneOnTime && status != Status::DoneLate && status != Status::Overdue)
        continue;
      out.cases.push_back(
          {(*it)->child, (*it)->due->date, status == Status::DoneOnTime ? 1.0 : 0.0, 1});
    }
  }
}

Cohort Engine::cohort(const Indicator& ind, const ReportingPeriod& p) const {
  Cohort out;
  if (ind.source == Source::NotHeld || !ind.cohort) {
    out.available = false;
    // one plain sentence for whoever reads the scorecard: what the council would need to record
    out.reason = "To show this, the council would need to record " + std::string(ind.needs);
    return out;
  }
  if (return_years_.empty() || p.end < model::CollectionYear{*return_years_.begin()}.start()) {
    out.available = false;
    out.reason = return_years_.empty()
                     ? "the store holds no 903 return for council " + la_
                     : "before the earliest stored 903 return, which starts on " +
                           model::format_dmy(model::CollectionYear{*return_years_.begin()}.start());
    return out;
  }
  ind.cohort(*this, p, out);
  return out;
}

Value Engine::value(const Indicator& ind, const Cohort& cohort) const {
  Value v;
  if (!cohort.available) {
    v.available = false;
    v.reason = cohort.reason;
    return v;
  }
  double num = 0, den = 0;
  for (const auto& c : cohort.cases) {
    num += c.numerator;
    den += c.denominator;
  }
  v.numerator = num;
  switch (ind.unit) {
    case Unit::Count:
      v.value = num;
      break;
    case Unit::Percent:
      v.denominator = den;
      if (den > 0) v.value = 100.0 * num / den;
      break;
    case Unit::RatePer10000:
      v.denominator = cohort.population;
      if (cohort.population > 0) v.value = num * 10000.0 / cohort.population;
      break;
    case Unit::Days:
    case Unit::Score:
    case Unit::Ratio:
      v.denominator = std::round(den * 1e6) / 1e6;
      if (den > 0) v.value = num / den;
      break;
  }
  return v;
}

std::string_view Engine::category_of(model::ChildIndex c, Date on, Dimension d) const {
  if (c >= data_.children.size()) return "Not about one child";
  const auto& rec = data_.children[c];
  switch (d) {
    case Dimension::AgeBand: {
      if (!rec.dob) return "Age not recorded";
      const int age = model::age_on(*rec.dob, on);
      return age < 1    ? "Under 1"
             : age < 5  ? "1 to 4"
             : age < 10 ? "5 to 9"
             : age < 16 ? "10 to 15"
                        : "16 and over";
    }
    case Dimension::Sex:
      if (rec.sex == model::Sex::Male || rec.sex == model::Sex::M) return "Male";
      if (rec.sex == model::Sex::Female || rec.sex == model::Sex::F) return "Female";
      return "Not recorded";
    case Dimension::Ethnicity:
      return ethnic_group(rec.ethnic);
    case Dimension::PlacementType: {
      auto e = episode_on(c, on);
      if (!e) return "Not looked after";
      return placement_group(data_.episodes.place[*e], data_.episodes.place_provider[*e]);
    }
    case Dimension::LegalStatus: {
      auto e = episode_on(c, on);
      if (!e) return "Not looked after";
      return legal_group(data_.episodes.ls[*e]);
    }
    case Dimension::Uasc:
      return uasc_on(c, on) ? "UASC" : "Not UASC";
    case Dimension::Area: {
      auto e = episode_on(c, on);
      if (!e) return "Not known";
      const auto where = ref_.placement(data_.strings.get(data_.episodes.home_post[*e]),
                                        data_.strings.get(data_.episodes.pl_post[*e]), la_);
      if (!where.in_area) return "Not known";
      return *where.in_area ? "In area" : "Out of area";
    }
    case Dimension::Team: {
      if (!local_ || local_->allocations.empty()) return "Not known";
      const model::Allocation* sw = nullptr;
      const model::Allocation* pa = nullptr;
      for (const auto* a : data_.local_index.allocations.of(c)) {
        if (a->start > on || (a->end && *a->end < on)) continue;
        if (a->role == model::WorkerRole::SocialWorker) sw = a;
        if (a->role == model::WorkerRole::PersonalAdviser) pa = a;
      }
      const model::Allocation* a = sw ? sw : pa;
      if (!a) return "Unallocated";
      if (!a->team.empty()) return a->team;
      const auto* prof = data_.professional(la_, a->worker);
      if (prof && !prof->team.empty()) return prof->team;
      return "Team not recorded";
    }
  }
  return "Not recorded";
}

std::vector<Category> Engine::breakdown(const Indicator& ind, const Cohort& cohort,
                                        Dimension d) const {
  std::map<std::string_view, Cohort> parts;
  for (const auto& c : cohort.cases) parts[category_of(c.child, c.on, d)].cases.push_back(c);
  std::vector<Category> out;
  auto add = [&](std::string_view name, Cohort& part) {
    part.population = 0;
    Category cat{std::string(name), value(ind, part)};
    if (ind.unit == Unit::RatePer10000) {  // no population by category: counts only
      cat.value.value.reset();
      cat.value.denominator.reset();
    }
    out.push_back(std::move(cat));
  };
  for (std::string_view name : category_order(d)) {
    auto it = parts.find(name);
    if (it == parts.end()) continue;
    add(it->first, it->second);
    parts.erase(it);
  }
  for (auto& [name, part] : parts) add(name, part);
  return out;
}

}  // namespace hearth::indicators
