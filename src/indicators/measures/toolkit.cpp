#include "indicators/measures/toolkit.hpp"

namespace hearth::indicators::measures {

std::string_view placement_group(std::optional<model::PlacementType> p,
                                 std::optional<model::PlacementProvider> provider) {
  using enum model::PlacementType;
  if (!p) return "Not recorded";
  switch (*p) {
    case U1:
    case U2:
    case U3:
      return kFosterConnected;
    case U4:
    case U5:
    case U6:
      return provider == model::PlacementProvider::PR1 ? kFosterInHouse : kFosterAgency;
    case K1:
    case K2:
    case R1:
    case R2:
    case R5:
    case S1:
      return kResidential;
    case P1:
      return kWithParents;
    case P2:
    case P3:
    case H5:
      return kIndependent;
    case A3:
    case A4:
    case A5:
    case A6:
      return kForAdoption;
    default:
      return "Other";
  }
}

void oc2_cohort(const Engine& f, const ReportingPeriod& p, Cohort& out,
                std::optional<double> (*numerator)(const Oc2Child&)) {
  const auto& data = f.data();
  const Date m = last_march31(p.end);
  out.basis = m;
  if (!f.has_return(year_of(m))) {
    unavailable(out, "no 903 return for the year to " + model::format_dmy(m) + " is stored");
    return;
  }
  // A return with no OC2 rows although children were in its OC2 cohort did not send the table:
  // no data, not 0% (a year with no child in the cohort is an honest empty table).
  if (!data.has_rows(f.la(), year_of(m), model::Table::Oc2)) {
    std::size_t in_cohort = 0;
    for (model::ChildIndex c : f.children()) in_cohort += f.in_oc2_cohort(c, m);
    if (in_cohort > 0) {
      unavailable(out, "no data: the 903 return for the year to " + model::format_dmy(m) +
                           " has no OC2 table, though " + std::to_string(in_cohort) +
                           " children had been looked after for 12 months");
      return;
    }
  }
  for (model::ChildIndex c : f.children()) {
    if (!f.in_oc2_cohort(c, m)) continue;
    Oc2Child k;
    k.child = c;
    const auto& dob = data.children[c].dob;
    k.age = dob ? model::age_on(*dob, m) : -1;
    k.row = f.oc2_of(c, year_of(m));
    k.sdq = k.row && k.row->sdq_score ? *k.row->sdq_score : -1;
    if (auto num = numerator(k)) out.cases.push_back({c, m, *num, 1});
  }
}

}  // namespace hearth::indicators::measures
