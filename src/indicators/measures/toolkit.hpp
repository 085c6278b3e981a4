// What the measure files share: the placement and legal status groups the DfE counts by, the
// windows measures look back over, and the walk over the OC2 cohort the annual health and
// offending measures use. A measure is one entry in its section's file (registry.hpp's Indicator
// with its `cohort` function); docs/architecture.md says how to add one.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "indicators/engine.hpp"
#include "model/codes.hpp"
#include "model/dates.hpp"

namespace hearth::indicators::measures {

using model::Date;
using std::chrono::days;

inline bool short_break(std::optional<model::LegalStatus> ls) {
  return ls == model::LegalStatus::V3 || ls == model::LegalStatus::V4;
}
inline bool temporary(std::optional<model::PlacementType> p) {
  using enum model::PlacementType;
  return p == T0 || p == T1 || p == T2 || p == T3 || p == T4;
}
inline bool foster(std::optional<model::PlacementType> p) {
  using enum model::PlacementType;
  return p == U1 || p == U2 || p == U3 || p == U4 || p == U5 || p == U6;
}
inline bool adoption_placement(std::optional<model::PlacementType> p) {
  using enum model::PlacementType;
  return p == A3 || p == A4 || p == A5 || p == A6;
}
// Placed for adoption with the child's current foster carer.
inline bool with_current_foster_carer(std::optional<model::PlacementType> p) {
  return p == model::PlacementType::A3 || p == model::PlacementType::A5;
}

inline int year_of(Date d) {
  return static_cast<int>(std::chrono::year_month_day{d}.year());
}
// The first day of the 12 months (or n years) that end on d.
inline Date window_start(Date d, int years = 1) {
  return model::add_months(d, -12 * years) + days{1};
}
// The latest 31 March on or before d.
inline Date last_march31(Date d) {
  const Date m = model::make_date(year_of(d), 3, 31);
  return m <= d ? m : model::make_date(year_of(d) - 1, 3, 31);
}

// The placement groups, as the placement_* measures and the placement-type breakdown name them.
inline constexpr std::string_view kFosterConnected = "Foster: family or friends";
inline constexpr std::string_view kFosterInHouse = "Foster: council's own carers";
inline constexpr std::string_view kFosterAgency = "Foster: agency or other provider";
inline constexpr std::string_view kResidential = "Children's homes and residential";
inline constexpr std::string_view kWithParents = "Placed with parents";
inline constexpr std::string_view kIndependent = "Independent or supported accommodation";
inline constexpr std::string_view kForAdoption = "Placed for adoption";

// The group of a placement type (and provider, for foster care); "Other" or "Not recorded" for
// the rest.
std::string_view placement_group(std::optional<model::PlacementType> p,
                                 std::optional<model::PlacementProvider> provider);

inline void unavailable(Cohort& out, std::string reason) {
  out.available = false;
  out.reason = std::move(reason);
}

// A child in the OC2 cohort at 31 March (looked after for 12 months; engine.hpp), with the OC2
// row of that year if the return sent one.
struct Oc2Child {
  model::ChildIndex child = 0;
  int age = -1;                     // on 31 March; -1 when the date of birth is not known
  const model::Oc2* row = nullptr;  // none: the child had no OC2 row
  int sdq = -1;                     // the SDQ score; -1 when none was recorded
  bool yes(std::optional<bool> model::Oc2::*field) const {
    return row && (row->*field).value_or(false);
  }
};
// The OC2 measures: at the latest 31 March on or before the period's end, one case for each child
// in the cohort that `numerator` counts (nullopt: not in this measure's population), out of 1.
// No data when that year's return is not stored, or it sent no OC2 table though children were
// in the cohort.
void oc2_cohort(const Engine& f, const ReportingPeriod& p, Cohort& out,
                std::optional<double> (*numerator)(const Oc2Child&));

}  // namespace hearth::indicators::measures
