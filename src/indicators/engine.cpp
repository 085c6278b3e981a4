#include "indicators/engine.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

namespace hearth::indicators {

namespace {

using model::Date;
using model::LegalStatus;
using model::PlacementType;
using model::ReasonNewEpisode;
using std::chrono::days;
using std::chrono::year_month_day;
using timescales::ItemId;
using timescales::Status;
namespace chr = std::chrono;

constexpr std::uint32_t kNone = ~0u;

bool short_break(std::optional<LegalStatus> ls) {
  return ls == LegalStatus::V3 || ls == LegalStatus::V4;
}
bool temporary(std::optional<PlacementType> p) {
  using enum PlacementType;
  return p == T0 || p == T1 || p == T2 || p == T3 || p == T4;
}
bool foster(std::optional<PlacementType> p) {
  using enum PlacementType;
  return p == U1 || p == U2 || p == U3 || p == U4 || p == U5 || p == U6;
}
bool adoption_placement(std::optional<PlacementType> p) {
  using enum PlacementType;
  return p == A3 || p == A4 || p == A5 || p == A6;
}
bool with_current_foster_carer(std::optional<PlacementType> p) {
  return p == PlacementType::A3 || p == PlacementType::A5;
}

int year_of(Date d) {
  return static_cast<int>(year_month_day{d}.year());
}
unsigned month_of(Date d) {
  return static_cast<unsigned>(year_month_day{d}.month());
}

using model::add_months;
// The first day of the 12 months (or n years) that end on d.
Date window_start(Date d, int years = 1) {
  return add_months(d, -12 * years) + days{1};
}
// The latest 31 March on or before d.
Date last_march31(Date d) {
  int y = year_of(d);
  Date m = model::make_date(y, 3, 31);
  return m <= d ? m : model::make_date(y - 1, 3, 31);
}

// Placement groups, as the placement_* measures and the placement-type breakdown use them.
std::string_view placement_group(std::optional<PlacementType> p,
                                 std::optional<model::PlacementProvider> provider) {
  using enum PlacementType;
  if (!p) return "Not recorded";
  switch (*p) {
    case U1:
    case U2:
    case U3:
      return "Foster: family or friends";
    case U4:
    case U5:
    case U6:
      return provider == model::PlacementProvider::PR1 ? "Foster: council's own carers"
                                                       : "Foster: agency or other provider";
    case K1:
    case K2:
    case R1:
    case R2:
    case R5:
    case S1:
      return "Children's homes and residential";
    case P1:
      return "Placed with parents";
    case P2:
    case P3:
    case H5:
      return "Independent or supported accommodation";
    case A3:
    case A4:
    case A5:
    case A6:
      return "Placed for adoption";
    default:
      return "Other";
  }
}

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
      {"Foster: family or friends", "Foster: council's own carers",
       "Foster: agency or other provider", "Children's homes and residential",
       "Placed with parents", "Independent or supported accommodation", "Placed for adoption",
       "Other", "Not recorded", "Not looked after"},
      {"Care order", "Placement or freeing order", "Voluntary (section 20)", "Youth justice",
       "Emergency or police protection", "Short breaks", "Not recorded", "Not looked after"},
      {"UASC", "Not UASC"},
      {"In area", "Out of area", "Not known"},
      {},
  };
  return orders[static_cast<std::size_t>(d)];
}

std::string_view district_of(std::string_view postcode) {
  auto sp = postcode.find(' ');
  return sp == std::string_view::npos ? postcode : postcode.substr(0, sp);
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

Period period_containing(Date d, PeriodKind kind) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int y = year_of(d);
  const unsigned m = month_of(d);
  const int fy_end = m >= 4 ? y + 1 : y;  // financial year 2024-25 has fy_end 2025
  auto fy = [](int end) {
    return std::to_string(end - 1) + "-" + (end % 100 < 10 ? "0" : "") + std::to_string(end % 100);
  };
  Period p;
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

std::vector<Period> periods_to(Date d, PeriodKind kind, int count) {
  std::vector<Period> out;
  Period p = period_containing(d, kind);
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
  oc2_rows_.resize(n);
  oc3_rows_.resize(n);
  missing_rows_.resize(n);
  uasc_rows_.resize(n);
  ad1_rows_.resize(n);
  const auto& E = data_.episodes;
  for (std::size_t s = 0; s < n; ++s) {
    const auto& rec = data_.children[children_[s]];
    auto& periods = child_data_[s].periods;
    bool all_short_breaks = false;  // the latest period is short breaks only
    for (std::uint32_t i = rec.episodes.begin; i < rec.episodes.begin + rec.episodes.count; ++i) {
      // Short breaks (reg 48) then full-time care (reg 33) without a break: care starts with
      // the first episode that is not a short break, as the DfE counts starts.
      const bool after_short_breaks = all_short_breaks && !short_break(E.ls[i]);
      if (periods.empty() || E.decom[i] != periods.back().end || after_short_breaks) {
        periods.push_back({E.decom[i], E.dec[i], i, i});
        all_short_breaks = short_break(E.ls[i]);
      } else {
        periods.back().end = E.dec[i];
        periods.back().last = i;
        all_short_breaks = all_short_breaks && short_break(E.ls[i]);
      }
    }
  }
  auto index = [&](const auto& rows, std::vector<std::vector<std::uint32_t>>& by_slot) {
    for (std::uint32_t i = 0; i < rows.size(); ++i)
      if (slot_[rows[i].child] != kNone) by_slot[slot_[rows[i].child]].push_back(i);
  };
  index(data_.oc2, oc2_rows_);
  index(data_.oc3, oc3_rows_);
  index(data_.missing, missing_rows_);
  index(data_.uasc, uasc_rows_);
  index(data_.ad1, ad1_rows_);
  for (std::uint32_t i = 0; i < data_.sw_episodes.size(); ++i) {
    const auto& r = data_.sw_episodes[i];
    if (slot_[r.child] == kNone) continue;
    child_data_[slot_[r.child]].sw.push_back(i);
    sw_years_.insert(r.year);
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

bool Engine::looked_after(model::ChildIndex c, Date d) const {
  auto e = episode_on(c, d);
  return e && !short_break(data_.episodes.ls[*e]);
}

const Engine::PeriodOfCare* Engine::period_on(model::ChildIndex c, Date d) const {
  for (const auto& p : child_data_[slot_[c]].periods)
    if (p.start <= d && p.end > d) return &p;
  return nullptr;
}

// The dataset keeps the child's newest UASC row: its DUC decides.
bool Engine::uasc_on(model::ChildIndex c, Date d) const {
  for (auto r : uasc_rows_[slot_[c]]) {
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
  for (auto r : oc2_rows_[slot_[c]])
    if (data_.oc2[r].year == year) return &data_.oc2[r].row;
  return nullptr;
}

void Engine::per_child_on(Cohort& out, Date d, auto&& numerator) const {
  for (model::ChildIndex c : children_) {
    auto e = episode_on(c, d);
    if (!e || short_break(data_.episodes.ls[*e])) continue;
    auto [num, den] = numerator(c, *e);
    if (den > 0 || num > 0) out.cases.push_back({c, d, num, den});
  }
}

void Engine::timeliness(Cohort& out, const Period& p, std::initializer_list<ItemId> ids) const {
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

void Engine::care_leavers(Cohort& out, const Period& p, IndicatorId id) const {
  using I = IndicatorId;
  const Date ws = window_start(p.end);
  const bool young = id == I::LeaversInTouch17To18 || id == I::LeaversEet17To18 ||
                     id == I::LeaversAccommodation17To18;
  for (std::size_t s = 0; s < children_.size(); ++s) {
    const model::ChildIndex c = children_[s];
    for (auto r : oc3_rows_[s]) {
      const auto& row = data_.oc3[r];
      const model::OptDate dob = row.row.dob ? row.row.dob : data_.children[c].dob;
      if (!dob) continue;
      const model::CollectionYear year{row.year};
      // The birthday in the collection year is the age reached by its 31 March.
      const int age = model::age_on(*dob, year.end());
      if (age < 17 || age > 21) continue;
      const Date bday = model::birthday(*dob, age);
      if (bday < ws || bday > p.end) continue;
      if (young != (age <= 18)) continue;
      const auto in_touch = row.row.in_touch;
      if (in_touch == model::InTouch::DIED || in_touch == model::InTouch::RHOM) continue;
      double num = 0;
      const auto activ = row.row.activ;
      const auto accom = row.row.accom;
      using model::Accommodation;
      using model::Activity;
      switch (id) {
        case I::LeaversInTouch17To18:
        case I::LeaversInTouch19To21:
          num = in_touch == model::InTouch::YES;
          break;
        case I::LeaversEet17To18:
        case I::LeaversEet19To21:
          num = activ && *activ != Activity::G4 && *activ != Activity::G5 &&
                *activ != Activity::G6 && *activ != Activity::NotApplicable;
          break;
        case I::LeaversHigherEducation:
          num = activ == Activity::F1 || activ == Activity::P1;
          break;
        default: {  // accommodation: abroad, deported and residence not known are left out
          if (accom == Accommodation::G1 || accom == Accommodation::G2 ||
              accom == Accommodation::H1 || accom == Accommodation::H2 ||
              accom == Accommodation::R1 || accom == Accommodation::R2)
            continue;
          const auto code = accom ? model::code_text(*accom) : std::string_view();
          num = code.size() == 2 && code[1] == '1';
        }
      }
      out.cases.push_back({c, bday, num, 1});
    }
  }
}

// Young people of 18 to 20 on `d`, not looked after, whom the council supports as former relevant
// care leavers. The stored 903 episodes show this only for those who left care within the years
// stored; the council's OC3 rows (a care leaver's row at each birthday from 17 to 21) and its local
// care leaver records show the rest. A latest OC3 or status row saying the young person died or
// went home for good (DIED, RHOM) ends it.
void Engine::care_leavers_18_20(Cohort& out, Date d) const {
  std::size_t from_episodes = 0, from_oc3 = 0, from_local = 0;
  for (std::size_t s = 0; s < children_.size(); ++s) {
    const model::ChildIndex c = children_[s];
    model::OptDate dob = data_.children[c].dob;
    const model::Oc3* latest_oc3 = nullptr;
    int latest_year = 0;
    for (auto r : oc3_rows_[s]) {
      const auto& row = data_.oc3[r];
      if (row.year > model::CollectionYear::containing(d).end_year) continue;
      if (!dob && row.row.dob) dob = row.row.dob;
      if (row.year >= latest_year) {
        latest_year = row.year;
        latest_oc3 = &row.row;
      }
    }
    if (!dob) continue;
    const int age = model::age_on(*dob, d);
    if (age < 18 || age > 20 || looked_after(c, d)) continue;
    const model::CareLeaverStatus* status = nullptr;
    for (const auto* st : data_.local_index.care_leaver_status.of(c))
      if (st->date <= d) status = st;
    std::optional<model::InTouch> last;
    if (latest_oc3) last = latest_oc3->in_touch;
    if (status && (!latest_oc3 || status->date >= model::CollectionYear{latest_year}.end()))
      last = status->in_touch;
    if (last == model::InTouch::DIED || last == model::InTouch::RHOM) continue;
    auto cl = ts_.care_leaver(c, d);
    if (cl.category == "former relevant" && cl.support_until && *cl.support_until >= d)
      ++from_episodes;
    else if (latest_oc3)
      ++from_oc3;
    else if (status || !data_.local_index.contacts.of(c).empty())
      ++from_local;
    else
      continue;
    out.cases.push_back({c, d, 1, 0});
  }
  out.note = "Counted from the 903 episodes stored (" + std::to_string(from_episodes) +
             " who left care in the years stored), the council's OC3 rows (" +
             std::to_string(from_oc3) + " more) and its local care leaver records (" +
             std::to_string(from_local) + " more)";
}

void Engine::oc2(Cohort& out, const Period& p, IndicatorId id) const {
  using I = IndicatorId;
  const Date m = last_march31(p.end);
  out.basis = m;
  if (!return_years_.count(year_of(m))) {
    out.available = false;
    out.reason = "no 903 return for the year to " + model::format_dmy(m) + " is stored";
    return;
  }
  // A return with no OC2 rows although children were in its OC2 cohort did not send the table:
  // no data, not 0% (a year with no child in the cohort is an honest empty table).
  if (!data_.has_rows(la_, year_of(m), model::Table::Oc2)) {
    std::size_t in_cohort = 0;
    for (model::ChildIndex c : children_) in_cohort += in_oc2_cohort(c, m);
    if (in_cohort > 0) {
      out.available = false;
      out.reason = "no data: the 903 return for the year to " + model::format_dmy(m) +
                   " has no OC2 table, though " + std::to_string(in_cohort) +
                   " children had been looked after for 12 months";
      return;
    }
  }
  for (model::ChildIndex c : children_) {
    if (!in_oc2_cohort(c, m)) continue;
    const auto& dob = data_.children[c].dob;
    const int age = dob ? model::age_on(*dob, m) : -1;
    const model::Oc2* row = oc2_of(c, year_of(m));
    auto yes = [&](std::optional<bool> model::Oc2::*f) { return row && (row->*f).value_or(false); };
    const int score = row && row->sdq_score ? *row->sdq_score : -1;  // -1: no score
    double num = 0, den = 1;
    switch (id) {
      case I::HealthAssessment:
        num = yes(&model::Oc2::health_assessment);
        break;
      case I::DevelopmentChecks:
        if (age < 0 || age >= 5) continue;
        num = yes(&model::Oc2::health_check);
        break;
      case I::Dental:
        num = yes(&model::Oc2::teeth_check);
        break;
      case I::Immunisations:
        num = yes(&model::Oc2::immunisations);
        break;
      case I::SubstanceMisuse:
        num = yes(&model::Oc2::substance_misuse);
        break;
      case I::Convictions:
        if (age < 10 || age > 17) continue;
        num = yes(&model::Oc2::convicted);
        break;
      case I::SdqCompleted:
        if (age < 5 || age > 16) continue;
        num = score >= 0;
        break;
      case I::SdqAverage:
        if (age < 5 || age > 16 || score < 0) continue;
        num = score;
        break;
      case I::SdqConcern:
        if (age < 5 || age > 16 || score < 0) continue;
        num = score >= 17;
        break;
      default:
        continue;
    }
    out.cases.push_back({c, m, num, den});
  }
}

void Engine::adoption(Cohort& out, const Period& p, IndicatorId id) const {
  const auto& E = data_.episodes;
  const Date from = id == IndicatorId::Adopted ? p.start : window_start(p.end, 3);
  for (std::size_t s = 0; s < children_.size(); ++s) {
    const model::ChildIndex c = children_[s];
    for (const auto& poc : child_data_[s].periods) {
      const std::uint32_t last = poc.last;
      const auto rec = E.rec[last];
      if (rec != model::ReasonEpisodeCeased::E11 && rec != model::ReasonEpisodeCeased::E12)
        continue;
      if (E.dec[last] < from || E.dec[last] > p.end) continue;
      if (id == IndicatorId::Adopted) {
        out.cases.push_back({c, E.dec[last], 1, 0});
        continue;
      }
      const model::Ad1* ad1 = nullptr;
      for (auto r : ad1_rows_[s])
        if (data_.ad1[r].year == model::CollectionYear::containing(E.dec[last]).end_year)
          ad1 = &data_.ad1[r].row;
      if (id == IndicatorId::AdoptionA1) {
        std::optional<Date> moved_in;
        for (std::uint32_t i = poc.first; i <= last && !moved_in; ++i) {
          if (!adoption_placement(E.place[i])) continue;
          moved_in =
              with_current_foster_carer(E.place[i]) && ad1 && ad1->foster_care.value_or(false)
                  ? placement_start(i, poc)
                  : E.decom[i];
        }
        if (!moved_in) continue;  // not placed for adoption before the order
        out.cases.push_back(
            {c, E.dec[last], static_cast<double>((*moved_in - poc.start).count()), 1});
      } else {
        std::optional<Date> order;
        for (std::uint32_t i = poc.first; i <= last && !order; ++i)
          if (E.ls[i] == LegalStatus::E1 || E.ls[i] == LegalStatus::D1) order = E.decom[i];
        if (!order || !ad1 || !ad1->date_match) continue;
        const auto d = std::max<long>(0, (*ad1->date_match - *order).count());
        out.cases.push_back({c, E.dec[last], static_cast<double>(d), 1});
      }
    }
  }
}

void Engine::distance(Cohort& out, const Period& p, IndicatorId id) const {
  if (ref_.postcode_districts.empty()) {
    out.available = false;
    out.reason =
        "needs postcode district centres: reference/postcode_districts.csv (district, la_code, "
        "easting, northing, from the ONS postcode directory)";
    return;
  }
  const auto& E = data_.episodes;
  per_child_on(out, p.end, [&](model::ChildIndex, std::uint32_t e) {
    auto pl =
        ref_.postcode_districts.find(std::string(district_of(data_.strings.get(E.pl_post[e]))));
    if (id == IndicatorId::PlacedOutsideLa)
      return std::pair{pl != ref_.postcode_districts.end() && pl->second.la_code != la_ ? 1.0 : 0.0,
                       1.0};
    auto home =
        ref_.postcode_districts.find(std::string(district_of(data_.strings.get(E.home_post[e]))));
    if (pl == ref_.postcode_districts.end() || home == ref_.postcode_districts.end())
      return std::pair{0.0, 1.0};  // unknown distance: in the denominator
    const double metres = std::hypot(pl->second.easting - home->second.easting,
                                     pl->second.northing - home->second.northing);
    return std::pair{metres / 1609.344 > 20.0 ? 1.0 : 0.0, 1.0};
  });
}

Cohort Engine::cohort(IndicatorId id, const Period& p) const {
  using I = IndicatorId;
  Cohort out;
  const auto& ind = indicator(id);
  if (ind.source == Source::NotHeld) {
    out.available = false;
    out.reason = "Hearth does not hold " + std::string(ind.needs);
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
  const auto& E = data_.episodes;
  const Date d = p.end;
  auto in_group = [&](std::uint32_t e, std::string_view g) {
    return placement_group(E.place[e], E.place_provider[e]) == g;
  };
  switch (id) {
    case I::ClaCount:
    case I::ClaRate:
      per_child_on(out, d, [](auto, auto) { return std::pair{1.0, 0.0}; });
      if (id == I::ClaRate) {
        auto pop = ref_.population_for(la_, model::CollectionYear::containing(d).end_year);
        if (!pop) {
          out.available = false;
          out.reason =
              "no population figure for council " + la_ + " in reference/population/under_18.csv";
        } else {
          out.population = pop->second;
          out.population_source =
              ref_.population_source.count(la_) ? ref_.population_source.at(la_) : "";
        }
      }
      break;
    case I::UascCount:
      per_child_on(out, d, [&](model::ChildIndex c, auto) {
        return std::pair{uasc_on(c, d) ? 1.0 : 0.0, 0.0};
      });
      break;
    case I::ClaStarts:
    case I::ClaCeased:
      for (std::size_t s = 0; s < children_.size(); ++s) {
        for (const auto& poc : child_data_[s].periods) {
          const bool starts = id == I::ClaStarts;
          const Date when = starts ? poc.start : poc.end;
          if (when < p.start || when > p.end) continue;
          if (short_break(E.ls[starts ? poc.first : poc.last])) continue;
          out.cases.push_back({children_[s], starts ? when : when - days{1}, 1, 0});
          break;  // a child counted once
        }
      }
      break;
    case I::CareLeavers18To20:
      care_leavers_18_20(out, d);
      break;
    case I::CareLeavers21To25:
      for (model::ChildIndex c : children_) {
        if (looked_after(c, d) || !data_.children[c].dob) continue;
        auto cl = ts_.care_leaver(c, d);
        if (cl.category != "former relevant" || !cl.support_until || *cl.support_until < d)
          continue;
        const int age = model::age_on(*data_.children[c].dob, d);
        if (age >= 21 && age <= 25) out.cases.push_back({c, d, 1, 0});
      }
      break;
    case I::StabilityShort: {
      const Date ws = window_start(d);
      per_child_on(out, d, [&](model::ChildIndex c, auto) {
        return std::pair{placements_in(c, ws, d) >= 3 ? 1.0 : 0.0, 1.0};
      });
      break;
    }
    case I::StabilityLong:
      per_child_on(out, d, [&](model::ChildIndex c, std::uint32_t e) {
        const auto& dob = data_.children[c].dob;
        const PeriodOfCare* poc = period_on(c, d);
        if (!dob || model::age_on(*dob, d) >= 16 || !poc || poc->start > add_months(d, -30))
          return std::pair{0.0, 0.0};
        const Date two_years = add_months(d, -24);
        const Date start = placement_start(e, *poc);
        bool same = start <= two_years;
        if (!same && rules_.adoption_exception && adoption_placement(E.place[e])) {
          // this placement's first episode, then the placement before it
          std::uint32_t i = e;
          while (i > poc->first && E.decom[i] != start) --i;
          if (i > poc->first) same = placement_start(i - 1, *poc) <= two_years;
        }
        return std::pair{same ? 1.0 : 0.0, 1.0};
      });
      break;
    case I::PlacementFoster:
      per_child_on(out, d, [&](auto, std::uint32_t e) {
        return std::pair{foster(E.place[e]) ? 1.0 : 0.0, 1.0};
      });
      break;
    case I::PlacementFosterConnected:
    case I::PlacementFosterInHouse:
    case I::PlacementFosterAgency:
    case I::PlacementResidential:
    case I::PlacementWithParents:
    case I::PlacementIndependent:
    case I::PlacementAdoption: {
      static const std::map<I, std::string_view> groups = {
          {I::PlacementFosterConnected, "Foster: family or friends"},
          {I::PlacementFosterInHouse, "Foster: council's own carers"},
          {I::PlacementFosterAgency, "Foster: agency or other provider"},
          {I::PlacementResidential, "Children's homes and residential"},
          {I::PlacementWithParents, "Placed with parents"},
          {I::PlacementIndependent, "Independent or supported accommodation"},
          {I::PlacementAdoption, "Placed for adoption"}};
      const std::string_view g = groups.at(id);
      per_child_on(out, d, [&](auto, std::uint32_t e) {
        return std::pair{in_group(e, g) ? 1.0 : 0.0, 1.0};
      });
      break;
    }
    case I::PlacedOver20Miles:
    case I::PlacedOutsideLa:
      distance(out, p, id);
      break;
    case I::LongTermMatched:
      per_child_on(out, d, [&](auto, std::uint32_t e) {
        if (!foster(E.place[e])) return std::pair{0.0, 0.0};
        const bool lt = E.place[e] == PlacementType::U1 || E.place[e] == PlacementType::U4;
        return std::pair{lt ? 1.0 : 0.0, 1.0};
      });
      break;
    case I::MissingChildren:
    case I::MissingIncidents:
    case I::MissingIncidentsPerChild:
      for (std::size_t s = 0; s < children_.size(); ++s) {
        const model::ChildIndex c = children_[s];
        const auto& rec = data_.children[c];
        std::optional<Date> last_in_care;  // latest day in the period the child was looked after
        for (std::uint32_t i = rec.episodes.begin; i < rec.episodes.begin + rec.episodes.count;
             ++i) {
          if (E.decom[i] > p.end || E.dec[i] <= p.start || short_break(E.ls[i])) continue;
          last_in_care = std::min(p.end, E.dec[i] - days{1});
        }
        if (!last_in_care) continue;
        int incidents = 0;
        for (auto r : missing_rows_[s]) {
          const auto& m = data_.missing[r].row;
          if (m.missing != model::MissingType::M || m.mis_start < p.start || m.mis_start > p.end)
            continue;
          ++incidents;
          if (id == I::MissingIncidents) out.cases.push_back({c, m.mis_start, 1, 0});
        }
        if (id == I::MissingChildren)
          out.cases.push_back({c, *last_in_care, incidents > 0 ? 1.0 : 0.0, 1});
        else if (id == I::MissingIncidentsPerChild && incidents > 0)
          out.cases.push_back({c, *last_in_care, static_cast<double>(incidents), 1});
      }
      break;
    case I::RhiTimely:
      timeliness(out, p, {ItemId::Rhi});
      break;
    case I::VisitsTimely:
      timeliness(out, p, {ItemId::SwVisit});
      break;
    case I::ReviewsTimely:
      timeliness(out, p, {ItemId::FirstReview, ItemId::SecondReview, ItemId::LaterReview});
      break;
    case I::IhaTimely:
      timeliness(out, p, {ItemId::Iha});
      break;
    case I::RhaTimely:
      timeliness(out, p, {ItemId::Rha});
      break;
    case I::SwChanges: {
      const Date ws = window_start(d);
      const bool from_903 = sw_years_.count(model::CollectionYear::containing(d).end_year) > 0;
      const bool from_local = !from_903 && local_ && !local_->allocations.empty();
      if (!from_903 && !from_local) {
        out.available = false;
        out.reason = "no social worker episodes (903 SWEpisodes) or local allocations cover " +
                     model::format_dmy(d);
        break;
      }
      per_child_on(out, d, [&](model::ChildIndex c, auto) {
        std::set<std::string_view> workers;
        if (from_903) {
          for (auto r : child_data_[slot_[c]].sw) {
            const auto& sw = data_.sw_episodes[r].row;
            if (sw.sw_decom <= d && (!sw.sw_dec || *sw.sw_dec >= ws)) workers.insert(sw.sw_id);
          }
        } else {
          for (const auto* a : data_.local_index.allocations.of(c))
            if (a->role == model::WorkerRole::SocialWorker && a->start <= d &&
                (!a->end || *a->end >= ws))
              workers.insert(a->worker);
        }
        return std::pair{workers.size() >= 3 ? 1.0 : 0.0, 1.0};
      });
      break;
    }
    case I::VisitsSeenAlone:
      if (!local_ || local_->visits.empty()) {
        out.available = false;
        out.reason = "the council has sent no local visit records";
        break;
      }
      for (model::ChildIndex c : children_)
        for (const auto* v : data_.local_index.visits.of(c))
          if (v->date >= p.start && v->date <= p.end && v->seen == true)
            out.cases.push_back({c, v->date, v->seen_alone == true ? 1.0 : 0.0, 1});
      break;
    case I::ReviewParticipation:
      for (model::ChildIndex c : children_) {
        const auto& rec = data_.children[c];
        for (std::uint32_t i = rec.reviews.begin; i < rec.reviews.begin + rec.reviews.count; ++i) {
          const Date r = data_.reviews.review[i];
          const auto code = data_.reviews.review_code[i];
          if (r < p.start || r > p.end || !code || code == model::ReviewParticipation::PN0)
            continue;
          out.cases.push_back({c, r, code != model::ReviewParticipation::PN7 ? 1.0 : 0.0, 1});
        }
      }
      break;
    case I::Adopted:
    case I::AdoptionA1:
    case I::AdoptionA2:
      adoption(out, p, id);
      break;
    case I::Sgo:
      for (std::size_t s = 0; s < children_.size(); ++s)
        for (const auto& poc : child_data_[s].periods) {
          using R = model::ReasonEpisodeCeased;
          const auto rec = E.rec[poc.last];
          if (poc.end < p.start || poc.end > p.end) continue;
          if (rec == R::E45 || rec == R::E46 || rec == R::E47 || rec == R::E48)
            out.cases.push_back({children_[s], poc.end - days{1}, 1, 0});
        }
      break;
    case I::LeaversInTouch17To18:
    case I::LeaversInTouch19To21:
    case I::LeaversEet17To18:
    case I::LeaversEet19To21:
    case I::LeaversAccommodation17To18:
    case I::LeaversAccommodation19To21:
    case I::LeaversHigherEducation:
      care_leavers(out, p, id);
      break;
    case I::PathwayPlans:
      if (!ts_.has_records(la_, ItemId::PathwayPlan)) {
        out.available = false;
        out.reason = "the council has sent no local pathway plan records";
        break;
      }
      for (std::size_t s = 0; s < children_.size(); ++s) {
        const model::ChildIndex c = children_[s];
        auto cl = ts_.care_leaver(c, d);
        if (cl.category.empty() || (cl.support_until && *cl.support_until < d)) continue;
        bool overdue = false, assessed = false;
        for (const auto* it : child_data_[s].items) {
          if ((it->item != ItemId::PathwayPlan && it->item != ItemId::PathwayPlanReview) ||
              !it->due || it->status == Status::NotApplicable || it->due->date > d)
            continue;
          assessed = true;
          if (it->due->date < d &&
              (it->evidence.kind == timescales::EvidenceKind::None || it->evidence.when.date > d))
            overdue = true;
        }
        // Young people whose plans were due only before the records begin are not assessed.
        if (assessed) out.cases.push_back({c, d, overdue ? 0.0 : 1.0, 1});
      }
      break;
    case I::PaCaseload: {
      if (!local_ || local_->allocations.empty()) {
        out.available = false;
        out.reason = "the council has sent no local allocation records";
        break;
      }
      std::map<std::string_view, std::vector<model::ChildIndex>> by_pa;
      for (model::ChildIndex c : children_) {
        const model::Allocation* current = nullptr;
        for (const auto* a : data_.local_index.allocations.of(c))
          if (a->role == model::WorkerRole::PersonalAdviser && a->start <= d &&
              (!a->end || *a->end >= d))
            current = a;
        if (current && !ts_.care_leaver(c, d).category.empty()) by_pa[current->worker].push_back(c);
      }
      // Each young person carries 1/k of their adviser, so the denominator adds up to the
      // number of advisers in any breakdown.
      for (const auto& [pa, yps] : by_pa)
        for (model::ChildIndex c : yps)
          out.cases.push_back({c, d, 1, 1.0 / static_cast<double>(yps.size())});
      break;
    }
    case I::StayingPut:
      for (std::size_t s = 0; s < children_.size(); ++s) {
        const model::ChildIndex c = children_[s];
        const auto& dob = data_.children[c].dob;
        if (!dob) continue;
        const Date eighteen = model::birthday(*dob, 18);
        for (const auto& poc : child_data_[s].periods) {
          if (poc.end != eighteen || poc.end < p.start || poc.end > p.end) continue;
          if (!foster(E.place[poc.last])) continue;
          out.cases.push_back({c, poc.end - days{1},
                               E.rec[poc.last] == model::ReasonEpisodeCeased::E17 ? 1.0 : 0.0, 1});
        }
      }
      break;
    case I::HealthAssessment:
    case I::DevelopmentChecks:
    case I::Dental:
    case I::Immunisations:
    case I::SdqCompleted:
    case I::SdqAverage:
    case I::SdqConcern:
    case I::SubstanceMisuse:
    case I::Convictions:
      oc2(out, p, id);
      break;
    case I::PepCurrent: {
      if (!ts_.has_records(la_, ItemId::PepReview)) {
        out.available = false;
        out.reason = "the council has sent no local PEP records";
        break;
      }
      // The last term that ended on or before the date.
      std::optional<Date> term_end;
      for (int y = year_of(d) - 1; y <= year_of(d); ++y)
        for (const auto& t : ts_.config().pep_terms) {
          Date te = model::make_date(y, t.end_month, t.end_day);
          if (te <= d && (!term_end || te > *term_end)) term_end = te;
        }
      out.basis = *term_end;
      for (std::size_t s = 0; s < children_.size(); ++s)
        for (const auto* it : child_data_[s].items) {
          if (it->item != ItemId::PepReview || !it->due || it->due->date != *term_end ||
              it->status == Status::NotApplicable)
            continue;
          // Looked after for the whole of the term (not on short breaks): in care from its
          // first day to its last in one period.
          const Date term_start = it->anchor_date.date;
          const PeriodOfCare* poc = period_on(children_[s], term_start);
          if (!poc || poc->end <= *term_end || !looked_after(children_[s], term_start)) continue;
          out.cases.push_back(
              {children_[s], *term_end, it->status == Status::DoneOnTime ? 1.0 : 0.0, 1});
        }
      break;
    }
    case I::Suspensions:
    case I::Statements:
    case I::ChallengeCards:
    case I::Advocacy:
      break;  // NotHeld, handled above
  }
  return out;
}

Value Engine::value(IndicatorId id, const Cohort& cohort) const {
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
  switch (indicator(id).unit) {
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
      if (!e || ref_.postcode_districts.empty()) return "Not known";
      auto it = ref_.postcode_districts.find(
          std::string(district_of(data_.strings.get(data_.episodes.pl_post[*e]))));
      if (it == ref_.postcode_districts.end()) return "Not known";
      return it->second.la_code == la_ ? "In area" : "Out of area";
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

std::vector<Category> Engine::breakdown(IndicatorId id, const Cohort& cohort, Dimension d) const {
  std::map<std::string_view, Cohort> parts;
  for (const auto& c : cohort.cases) parts[category_of(c.child, c.on, d)].cases.push_back(c);
  std::vector<Category> out;
  auto add = [&](std::string_view name, Cohort& part) {
    part.population = 0;
    Category cat{std::string(name), value(id, part)};
    if (indicator(id).unit == Unit::RatePer10000) {  // no population by category: counts only
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
