// Safety and permanence, first part: how settled children are (stability) and where they live
// (placement types, distance, long-term fostering). The section goes on in
// safety_and_permanence.cpp. Each entry is one indicator of the Board's scorecard with the function
// that finds its population (registry.hpp; docs/architecture.md says how to add one).
#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "indicators/measures/citations.hpp"
#include "indicators/measures/toolkit.hpp"
#include "indicators/registry.hpp"

namespace hearth::indicators::measures {

namespace {

using model::ChildIndex;
using model::PlacementType;

void stability_short(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const Date ws = window_start(p.end);
  f.per_child_on(out, p.end, [&](ChildIndex c, auto) {
    return std::pair{f.placements_in(c, ws, p.end) >= 3 ? 1.0 : 0.0, 1.0};
  });
}

void stability_long(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const Date d = p.end;
  const auto& E = f.data().episodes;
  f.per_child_on(out, d, [&](ChildIndex c, std::uint32_t e) {
    const auto& dob = f.data().children[c].dob;
    const PeriodOfCare* poc = f.period_on(c, d);
    if (!dob || model::age_on(*dob, d) >= 16 || !poc || poc->start > model::add_months(d, -30))
      return std::pair{0.0, 0.0};
    const Date two_years = model::add_months(d, -24);
    const Date start = f.placement_start(e, *poc);
    bool same = start <= two_years;
    if (!same && f.rules().adoption_exception && adoption_placement(E.place[e])) {
      // this placement's first episode, then the placement before it
      std::uint32_t i = e;
      while (i > poc->first && E.decom[i] != start) --i;
      if (i > poc->first) same = f.placement_start(i - 1, *poc) <= two_years;
    }
    return std::pair{same ? 1.0 : 0.0, 1.0};
  });
}

void placement_foster(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const auto& E = f.data().episodes;
  f.per_child_on(out, p.end, [&](auto, std::uint32_t e) {
    return std::pair{foster(E.place[e]) ? 1.0 : 0.0, 1.0};
  });
}

// Children looked after on the date whose placement is in one group (placement_group): the
// cohort of each placement_* measure but foster care as a whole.
template <const std::string_view& Group>
void placed_in(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const auto& E = f.data().episodes;
  f.per_child_on(out, p.end, [&](auto, std::uint32_t e) {
    return std::pair{placement_group(E.place[e], E.place_provider[e]) == Group ? 1.0 : 0.0, 1.0};
  });
}

// Children who started care in the period whose first placement was with foster carers: the
// placement of the first episode of their first period of care to start in it (cla_starts's
// population).
void first_placement_foster(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const auto& E = f.data().episodes;
  for (const auto& k : f.each_child())
    for (const auto& poc : k.periods) {
      if (poc.start < p.start || poc.start > p.end || short_break(E.ls[poc.first])) continue;
      out.cases.push_back({k.child, poc.start, foster(E.place[poc.first]) ? 1.0 : 0.0, 1});
      break;  // a child counted once
    }
}

// Children looked after on the date, by where they are placed: `counts(placement district,
// home district)` is 1 when the child is counted. Needs the postcode district centres.
void by_distance(const Engine& f, const ReportingPeriod& p, Cohort& out, bool outside_la) {
  const auto& ref = f.reference();
  if (!ref.knows_places()) {
    unavailable(out,
                "To show this, Hearth needs the ONS postcode directory (reference/postcodes/, "
                "shipped with Hearth), to measure how far from home each child lives");
    return;
  }
  const auto& data = f.data();
  const auto& E = data.episodes;
  f.per_child_on(out, p.end, [&](ChildIndex, std::uint32_t e) {
    const auto where =
        ref.placement(data.strings.get(E.home_post[e]), data.strings.get(E.pl_post[e]), f.la());
    if (outside_la) return std::pair{where.in_area == false ? 1.0 : 0.0, 1.0};
    // An unknown distance stays in the denominator, as the DfE counts it.
    return std::pair{where.miles && *where.miles > 20.0 ? 1.0 : 0.0, 1.0};
  });
}
void placed_over_20_miles(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  by_distance(f, p, out, false);
}
void placed_outside_la(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  by_distance(f, p, out, true);
}

void long_term_matched(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const auto& E = f.data().episodes;
  f.per_child_on(out, p.end, [&](auto, std::uint32_t e) {
    if (!foster(E.place[e])) return std::pair{0.0, 0.0};
    const bool lt = E.place[e] == PlacementType::U1 || E.place[e] == PlacementType::U4;
    return std::pair{lt ? 1.0 : 0.0, 1.0};
  });
}

constexpr Indicator kMeasures[] = {
    {.key = "stability_short",
     .family = "stability_short",
     .section = Section::SafetyAndPermanence,
     .title = "Children with 3 or more placements in the year",
     .why =
         "Every move means a new home, often a new school and new carers; fewer moves is better.",
     .numerator =
         "Children looked after on the date who had 3 or more placements in the 12 months to it",
     .denominator = "Children looked after on the date",
     .population =
         "Children looked after on the date. " EXCL_SB " Placements are counted over the 12 months "
         "to the date: the placement held at the start of the window is one, and each later "
         "episode "
         "whose reason is a change of placement (RNE P, B, T or U) or a new period of care (S) is "
         "another. Short-break episodes, temporary placements (T0-T4) and the return from them, "
         "and "
         "placement for adoption with the current foster carer (A3, A5) are not new placements.",
     .unit = Unit::Percent,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         DFE_CLA ": 'children looked after at 31 March with three or more placements during the "
                 "year'; confirmed against England 2025, 8,500 / 81,770 = 10%.",
     .deviation =
         "A placement change follows the DfE's own rule for recording one (validator rule 225): "
         "an episode with RNE P, B, T or U where neither it nor the one before is a temporary "
         "placement (PLACE T0-T4), so a temporary stay and the return from it are not counted; a "
         "placement for adoption with the current foster carer (A3, A5) is not a move. Whether "
         "same-carer changes (T, U) count is not settled in published text: Hearth counts them by "
         "default (older DfE wording); [scorecard] count_same_carer_changes = false leaves them "
         "out.",
     .basis = "Care Planning, Placement and Case Review (England) Regulations 2010",
     .default_target = 10.0,
     .comparator = "stability_short/percent",
     .cohort = stability_short},
    {.key = "stability_long",
     .family = "stability_long",
     .section = Section::SafetyAndPermanence,
     .title = "Children in the same placement for 2 years",
     .why = "Children who have been in care a long time need a settled home they can count on.",
     .numerator =
         "Those in the same placement for at least 2 years, or placed for adoption with that and "
         "the placement before together lasting 2 years",
     .denominator = "Children under 16 looked after continuously for 2.5 years or more on the date",
     .population =
         "Children under 16 on the date, looked after continuously (one period of care) for at "
         "least 2.5 years. " EXCL_SB " A placement runs across episodes that change only the legal "
         "status (RNE L).",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA
     ": 'children aged under 16 looked after continuously for 2.5 years or more who "
     "were in the same placement for at least 2 years, or placed for adoption and their "
     "adoptive placement together with their previous placement lasted for at least 2 years'; "
     "England 2025: 19,680 / 28,710 = 69%.",
     .deviation = "The DfE's current label is 'living with the same carer for at least 2 years' "
                  "and no longer "
                  "names the placed-for-adoption clause; Hearth keeps it as the spec and the older "
                  "definition "
                  "say, and [scorecard] adoption_exception = false drops it. A change of placement "
                  "type with "
                  "the same carer (RNE T, U) and temporary placements do not break the 2 years.",
     .basis = "Care Planning, Placement and Case Review (England) Regulations 2010",
     .default_target = 70.0,
     .comparator = "stability_long/percent",
     .cohort = stability_long},
    {.key = "placement_foster",
     .family = "placement_mix",
     .section = Section::SafetyAndPermanence,
     .title = "Children in foster care",
     .why = "Most children do best in a family: this is the share living with foster carers.",
     .numerator = "Children looked after on the date in a foster placement (PLACE U1-U6)",
     .denominator = "Children looked after on the date",
     .population = "Children looked after on the date. " EXCL_SB,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": placement type at 31 March, foster placements.",
     .basis = "Children Act 1989 s22C",
     .comparator = "placement_mix/foster_care_percent",
     .cohort = placement_foster},
    {.key = "placement_foster_connected",
     .family = "placement_mix",
     .section = Section::SafetyAndPermanence,
     .title = "Children fostered by family or friends (connected carers)",
     .why = "Living with people they already know keeps children connected to their family and "
            "community.",
     .numerator =
         "Children looked after on the date placed with relatives or friends (PLACE U1-U3)",
     .denominator = "Children looked after on the date",
     .population = "Children looked after on the date. " EXCL_SB,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": foster placement with relative or friend.",
     .basis = "Children Act 1989 s22C(6)(a)",
     .cohort = placed_in<kFosterConnected>},
    {.key = "placement_foster_in_house",
     .family = "placement_mix",
     .section = Section::SafetyAndPermanence,
     .title = "Children with the council's own foster carers",
     .why = "The council's own carers are usually closer to home and cost less than agency carers.",
     .numerator =
         "Children looked after on the date with other foster carers (PLACE U4-U6) provided by the "
         "council (PLACE_PROVIDER PR1)",
     .denominator = "Children looked after on the date",
     .population = "Children looked after on the date. " EXCL_SB,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": foster placements by provider (own provision).",
     .basis = "Children Act 1989 s22C",
     .cohort = placed_in<kFosterInHouse>},
    {.key = "placement_foster_agency",
     .family = "placement_mix",
     .section = Section::SafetyAndPermanence,
     .title = "Children with agency or other councils' foster carers",
     .why = "A high share shows the council lacks its own carers, which drives cost and distance.",
     .numerator =
         "Children looked after on the date with other foster carers (PLACE U4-U6) provided by "
         "another council, another public body, or a private or voluntary agency (PR2-PR5)",
     .denominator = "Children looked after on the date",
     .population = "Children looked after on the date. " EXCL_SB,
     .unit = Unit::Percent,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": foster placements by provider (private, voluntary and other public).",
     .basis = "Children Act 1989 s22C",
     .cohort = placed_in<kFosterAgency>},
    {.key = "placement_residential",
     .family = "placement_mix",
     .section = Section::SafetyAndPermanence,
     .title = "Children in children's homes and other residential settings",
     .why = "Residential care is right for some children but is far from home for many and costly.",
     .numerator =
         "Children looked after on the date in secure units, children's homes, residential care, "
         "NHS or young offender settings or residential schools (PLACE K1, K2, R1, R2, R5, S1)",
     .denominator = "Children looked after on the date",
     .population = "Children looked after on the date. " EXCL_SB,
     .unit = Unit::Percent,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         DFE_CLA ": secure units, children's homes and semi-independent living accommodation; "
                 "other residential settings; residential schools.",
     .deviation =
         "The DfE publishes these as three groups; Hearth adds them together (the breakdown by "
         "placement type shows each).",
     .basis = "Children Act 1989 s22C",
     .comparator = "placement_mix/secure_and_childrens_homes_percent",
     .cohort = placed_in<kResidential>},
    {.key = "placement_with_parents",
     .family = "placement_mix",
     .section = Section::SafetyAndPermanence,
     .title = "Children placed with their parents",
     .why =
         "Children can live at home while still in care; the council must still review it closely.",
     .numerator = "Children looked after on the date placed with parents (PLACE P1)",
     .denominator = "Children looked after on the date",
     .population = "Children looked after on the date. " EXCL_SB,
     .unit = Unit::Percent,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": placed with parents or other person with parental responsibility.",
     .basis = "Placement of Children with Parents etc Regulations (part of the 2010 Regulations)",
     .comparator = "placement_mix/placed_with_parents_percent",
     .cohort = placed_in<kWithParents>},
    {.key = "placement_independent",
     .family = "placement_mix",
     .section = Section::SafetyAndPermanence,
     .title = "Children in independent or supported accommodation",
     .why =
         "Older children living more independently need accommodation that is registered and safe.",
     .numerator =
         "Children looked after on the date in independent living, supported accommodation or "
         "residential employment (PLACE P2, P3, H5)",
     .denominator = "Children looked after on the date",
     .population = "Children looked after on the date. " EXCL_SB,
     .unit = Unit::Percent,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": independent and semi-independent living / supported accommodation.",
     .basis = "Supported Accommodation (England) Regulations 2023",
     .comparator = "placement_mix/independent_supported_accommodation_percent",
     .cohort = placed_in<kIndependent>},
    {.key = "placement_adoption",
     .family = "placement_mix",
     .section = Section::SafetyAndPermanence,
     .title = "Children placed for adoption",
     .why = "Shows how many children are living with the family who will adopt them.",
     .numerator = "Children looked after on the date placed for adoption (PLACE A3-A6)",
     .denominator = "Children looked after on the date",
     .population = "Children looked after on the date. " EXCL_SB,
     .unit = Unit::Percent,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": placed for adoption.",
     .basis = "Adoption and Children Act 2002 s18",
     .comparator = "placement_mix/placed_for_adoption_percent",
     .cohort = placed_in<kForAdoption>},
    {.key = "first_placement_foster",
     .family = "placement_mix",
     .section = Section::SafetyAndPermanence,
     .title = "Children starting care whose first placement was with foster carers",
     .why = "A child's first night in care should be with a family: this shows whether there are "
            "enough foster carers ready when children need them.",
     .numerator = "Those whose first placement was with foster carers (PLACE U1-U6)",
     .denominator = "Children who started to be looked after in the period (a child counted once)",
     .population = "Children with a period of care starting in the period, counted as cla_starts "
                   "counts them: a period whose first episode is a short break (LS V3/V4) is not a "
                   "start, and full-time care straight after short breaks starts with its first "
                   "full-time episode. A child who started twice in the period counts once, by the "
                   "first start.",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "A local measure councils report to their Corporate Parenting Boards (Medway "
         "reports 76%); not a DfE national statistic. Starts are counted as in " DFE_CLA ".",
     .deviation = "The first placement is the placement of the period's first episode, a "
                  "temporary placement (PLACE T0-T4) included: it is where the child spent their "
                  "first night.",
     .basis = "Children Act 1989 s22C",
     .cohort = first_placement_foster},
    {.key = "placed_over_20_miles",
     .family = "placed_distance",
     .section = Section::SafetyAndPermanence,
     .title = "Children placed more than 20 miles from home",
     .why = "Distance cuts children off from family, friends and school.",
     .numerator =
         "Children looked after on the date whose placement is more than 20 miles (a straight "
         "line between the two postcodes) from the home they were taken into care from",
     .denominator = "Children looked after on the date, including those whose distance is unknown",
     .population = "Children looked after on the date. " EXCL_SB,
     .unit = Unit::Percent,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         DFE_CLA ": placed more than 20 miles from home (HOME_POST to PL_POST); the denominator "
                 "includes children whose distance is unknown.",
     .deviation =
         "None: as the DfE, between the grid references of the full home and placement "
         "postcodes in the ONS postcode directory (shipped in reference/postcodes/), in miles "
         "rounded to one decimal place. A postcode the directory does not know, or that has no "
         "grid reference, leaves the distance unknown.",
     .basis = "Children Act 1989 s22C(7)-(9)",
     .comparator = "placed_distance/over_20_miles_percent",
     .cohort = placed_over_20_miles},
    {.key = "placed_outside_la",
     .family = "placed_distance",
     .section = Section::SafetyAndPermanence,
     .title = "Children placed outside the council's area",
     .why =
         "The law expects children to be placed within the council's area where that is possible.",
     .numerator =
         "Children looked after on the date whose placement postcode is in another council's area",
     .denominator =
         "Children looked after on the date, including those whose placement postcode is unknown",
     .population = "Children looked after on the date. " EXCL_SB,
     .unit = Unit::Percent,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": placed outside the local authority boundary.",
     .deviation =
         "The council of a placement is the upper-tier council of its postcode's district in the "
         "ONS postcode directory (reference/postcodes/); a unitary council made since the ONS "
         "tier table (Cumberland, North Yorkshire…) is its own upper tier. A placement outside "
         "England counts as outside the council's area.",
     .basis = "Children Act 1989 s22C(9)",
     .comparator = "placed_distance/outside_la_percent",
     .cohort = placed_outside_la},
    {.key = "long_term_matched",
     .family = "long_term_matched",
     .section = Section::SafetyAndPermanence,
     .title = "Fostered children in long-term matched placements",
     .why = "A long-term match tells a child they will not have to move again.",
     .numerator = "Children in foster care on the date whose placement is long-term fostering "
                  "(PLACE U1 or U4)",
     .denominator = "Children in foster care on the date (PLACE U1-U6)",
     .population = "Children looked after on the date in foster care. " EXCL_SB,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "Care Planning Regulations 2010 reg 22C (long-term foster placement), as the 903's PLACE "
         "codes U1/U4 record it.",
     .deviation =
         "The spec lists this as local; the 903's placement codes already record long-term "
         "fostering, so Hearth computes it from the 903.",
     .basis = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 22C",
     .cohort = long_term_matched},
};

}  // namespace

std::span<const Indicator> stability_and_placements() {
  return kMeasures;
}

}  // namespace hearth::indicators::measures
