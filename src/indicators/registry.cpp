#include "indicators/registry.hpp"

#include <array>

namespace hearth::indicators {

namespace {

using I = IndicatorId;
using S = Section;
using U = Unit;
using P = Polarity;
using Src = Source;
using F = Frequency;

// Sources cited below.
#define DFE_CLA                                                                                  \
  "DfE national statistics 'Children looked after in England including adoptions' (methodology " \
  "and local authority tables)"
#define DFE_OPEN_DASHBOARD \
  "dfe-analytical-services/CSC_outcomes_and_enablers (the DfE's open dashboard of the same data)"
#define EXCL_SB "Excludes children looked after under an agreed series of short breaks (LS V3/V4)."

constexpr std::string_view kOc2Population =
    "Children looked after continuously for at least 12 months at 31 March (the 903's OC2 "
    "cohort: in care on 31 March and on 1 April a year before, in one period of care). " EXCL_SB
    " A return that sent no OC2 table although children were in the cohort is no data, not 0%.";
constexpr std::string_view kOc3Note =
    "Care leavers whose 17th to 21st birthday fell in the 12 months to the date, from the OC3 "
    "row of the collection year of the birthday. Those who died (IN_TOUCH DIED) or returned "
    "home for 6 months or more (RHOM) are excluded; 'information not known' (not in touch, "
    "refused, no longer requires services) stays in. Suitable accommodation also leaves out "
    "those abroad, deported or whose residence is not known (ACCOM G, H, R), as the DfE does.";

constexpr std::array<Indicator, kIndicatorCount> kIndicators{{
    // ---- Context ------------------------------------------------------------------------------
    {I::ClaCount, "cla_count", "cla_count", S::Context, "Children looked after",
     "How many children the council is corporate parent to: the size of its promise.",
     "Children looked after on the date", "", "Every child in care on the date. " EXCL_SB, U::Count,
     P::Context, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": children looked after at 31 March (an episode open on the day).", "",
     "Children Act 1989 s22", std::nullopt, "cla_count/count", ""},
    {I::ClaRate, "cla_rate", "cla_count", S::Context, "Children looked after per 10,000 children",
     "Compares the council's care population with others of different size.",
     "Children looked after on the date", "The council's resident children aged 0 to 17 / 10,000",
     "As cla_count; the population is the ONS mid-year estimate for the year before the "
     "collection year ends (reference/population/under_18.csv).",
     U::RatePer10000, P::Context, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": rate per 10,000 children aged under 18.",
     "For a date after the latest population figure, the latest figure is used.",
     "Children Act 1989 s22", std::nullopt, "cla_count/rate_per_10000", ""},
    {I::ClaStarts, "cla_starts", "cla_starts", S::Context,
     "Children who started to be looked after",
     "Shows the pressure on the service: each start is a child whose life has changed.",
     "Children with a period of care starting in the period (a child counted once)", "",
     "Periods of care that begin in the period, unless their first episode is a short break "
     "(LS V3/V4).",
     U::Count, P::Context, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": children who started to be looked after during the year.",
     "A period of care begins where an episode does not start on the day the previous one "
     "ended, so a missing RNE S does not hide a start.",
     "Children Act 1989 s20, s31", std::nullopt, "cla_starts/count", ""},
    {I::ClaCeased, "cla_ceased", "cla_ceased", S::Context, "Children who ceased to be looked after",
     "Shows how many children left care, home, to permanence or to adulthood.",
     "Children whose period of care ended in the period (a child counted once)", "",
     "Periods of care that end in the period, unless their last episode is a short break.",
     U::Count, P::Context, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": children who ceased to be looked after during the year.", "",
     "Children Act 1989 s22", std::nullopt, "cla_ceased/count", ""},
    {I::UascCount, "uasc_count", "uasc_count", S::Context,
     "Unaccompanied asylum-seeking children looked after",
     "These children arrive alone and need specialist support, and the national transfer "
     "scheme sets the council's share.",
     "Children looked after on the date who were unaccompanied asylum-seeking children", "",
     "Children looked after on the date (" EXCL_SB ") with a UASC row whose status had not "
     "ceased (DUC) by the date.",
     U::Count, P::Context, Src::Ssda903, F::AnyPeriod, DFE_CLA ": UASC looked after at 31 March.",
     "", "Children Act 1989 s20; Immigration Act 2016 s69", std::nullopt, "uasc_count/count", ""},
    {I::CareLeavers18To20, "care_leavers_18_20", "care_leavers_count", S::Context,
     "Care leavers aged 18 to 20 the council supports",
     "Being a corporate parent does not stop at 18: these young people are owed support.",
     "Former relevant young people aged 18 to 20 on the date", "",
     "Young people who were eligible (13 weeks in care since 14, including a day at 16 or 17) "
     "and have left care, aged 18 to 20 on the date: those the stored 903 episodes show, and "
     "those the council's OC3 rows or local care leaver records show (most who left care before "
     "the earliest stored return). Not those recorded as died or returned home (DIED, RHOM).",
     U::Count, P::Context, Src::Ssda903OrLocal, F::AnyPeriod,
     "Children (Leaving Care) Act 2000 categories, as the timescales engine finds them "
     "(docs/timescales.md); OC3 rows are kept only for former relevant care leavers.",
     "The DfE publishes care leavers only through OC3 at birthdays; this counts everyone the "
     "council supports on the date. The card says how many came from each source.",
     "Children Act 1989 s23C; Care Leavers (England) Regulations 2010", std::nullopt, "", ""},
    {I::CareLeavers21To25, "care_leavers_21_25", "care_leavers_count", S::Context,
     "Care leavers aged 21 to 25 the council supports",
     "Young people can ask for support up to 25; this is how many still have it.",
     "Former relevant young people aged 21 to 25 on the date whose support continues", "",
     "As care_leavers_18_20, for those aged 21 to 25 whose local records say they asked for "
     "support to 25.",
     U::Count, P::Context, Src::Ssda903OrLocal, F::AnyPeriod,
     "Children and Social Work Act 2017 s3 (support to 25), as the timescales engine finds it.",
     "Needs the local care leavers' status records; from the 903 alone this is 0.",
     "Children Act 1989 s23CZB", std::nullopt, "", ""},
    // ---- Safety and permanence ----------------------------------------------------------------
    {I::StabilityShort, "stability_short", "stability_short", S::SafetyAndPermanence,
     "Children with 3 or more placements in the year",
     "Every move means a new home, often a new school and new carers; fewer moves is better.",
     "Children looked after on the date who had 3 or more placements in the 12 months to it",
     "Children looked after on the date",
     "Children looked after on the date. " EXCL_SB " Placements are counted over the 12 months "
     "to the date: the placement held at the start of the window is one, and each later episode "
     "whose reason is a change of placement (RNE P, B, T or U) or a new period of care (S) is "
     "another. Short-break episodes, temporary placements (T0-T4) and the return from them, and "
     "placement for adoption with the current foster carer (A3, A5) are not new placements.",
     U::Percent, P::LowerIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": 'children looked after at 31 March with three or more placements during the "
             "year'; confirmed against England 2025, 8,500 / 81,770 = 10%.",
     "A placement change follows the DfE's own rule for recording one (validator rule 225): "
     "an episode with RNE P, B, T or U where neither it nor the one before is a temporary "
     "placement (PLACE T0-T4), so a temporary stay and the return from it are not counted; a "
     "placement for adoption with the current foster carer (A3, A5) is not a move. Whether "
     "same-carer changes (T, U) count is not settled in published text: Hearth counts them by "
     "default (older DfE wording); [scorecard] count_same_carer_changes = false leaves them out.",
     "Care Planning, Placement and Case Review (England) Regulations 2010", 10.0,
     "stability_short/percent", ""},
    {I::StabilityLong, "stability_long", "stability_long", S::SafetyAndPermanence,
     "Children in the same placement for 2 years",
     "Children who have been in care a long time need a settled home they can count on.",
     "Those in the same placement for at least 2 years, or placed for adoption with that and "
     "the placement before together lasting 2 years",
     "Children under 16 looked after continuously for 2.5 years or more on the date",
     "Children under 16 on the date, looked after continuously (one period of care) for at "
     "least 2.5 years. " EXCL_SB " A placement runs across episodes that change only the legal "
     "status (RNE L).",
     U::Percent, P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA
     ": 'children aged under 16 looked after continuously for 2.5 years or more who "
     "were in the same placement for at least 2 years, or placed for adoption and their "
     "adoptive placement together with their previous placement lasted for at least 2 years'; "
     "England 2025: 19,680 / 28,710 = 69%.",
     "The DfE's current label is 'living with the same carer for at least 2 years' and no longer "
     "names the placed-for-adoption clause; Hearth keeps it as the spec and the older definition "
     "say, and [scorecard] adoption_exception = false drops it. A change of placement type with "
     "the same carer (RNE T, U) and temporary placements do not break the 2 years.",
     "Care Planning, Placement and Case Review (England) Regulations 2010", 70.0,
     "stability_long/percent", ""},
    {I::PlacementFoster, "placement_foster", "placement_mix", S::SafetyAndPermanence,
     "Children in foster care",
     "Most children do best in a family: this is the share living with foster carers.",
     "Children looked after on the date in a foster placement (PLACE U1-U6)",
     "Children looked after on the date", "Children looked after on the date. " EXCL_SB, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": placement type at 31 March, foster placements.", "", "Children Act 1989 s22C",
     std::nullopt, "placement_mix/foster_care_percent", ""},
    {I::PlacementFosterConnected, "placement_foster_connected", "placement_mix",
     S::SafetyAndPermanence, "Children fostered by family or friends (connected carers)",
     "Living with people they already know keeps children connected to their family and "
     "community.",
     "Children looked after on the date placed with relatives or friends (PLACE U1-U3)",
     "Children looked after on the date", "Children looked after on the date. " EXCL_SB, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": foster placement with relative or friend.", "", "Children Act 1989 s22C(6)(a)",
     std::nullopt, "", ""},
    {I::PlacementFosterInHouse, "placement_foster_in_house", "placement_mix",
     S::SafetyAndPermanence, "Children with the council's own foster carers",
     "The council's own carers are usually closer to home and cost less than agency carers.",
     "Children looked after on the date with other foster carers (PLACE U4-U6) provided by the "
     "council (PLACE_PROVIDER PR1)",
     "Children looked after on the date", "Children looked after on the date. " EXCL_SB, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": foster placements by provider (own provision).", "", "Children Act 1989 s22C",
     std::nullopt, "", ""},
    {I::PlacementFosterAgency, "placement_foster_agency", "placement_mix", S::SafetyAndPermanence,
     "Children with agency or other councils' foster carers",
     "A high share shows the council lacks its own carers, which drives cost and distance.",
     "Children looked after on the date with other foster carers (PLACE U4-U6) provided by "
     "another council, another public body, or a private or voluntary agency (PR2-PR5)",
     "Children looked after on the date", "Children looked after on the date. " EXCL_SB, U::Percent,
     P::LowerIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": foster placements by provider (private, voluntary and other public).", "",
     "Children Act 1989 s22C", std::nullopt, "", ""},
    {I::PlacementResidential, "placement_residential", "placement_mix", S::SafetyAndPermanence,
     "Children in children's homes and other residential settings",
     "Residential care is right for some children but is far from home for many and costly.",
     "Children looked after on the date in secure units, children's homes, residential care, "
     "NHS or young offender settings or residential schools (PLACE K1, K2, R1, R2, R5, S1)",
     "Children looked after on the date", "Children looked after on the date. " EXCL_SB, U::Percent,
     P::Context, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": secure units, children's homes and semi-independent living accommodation; "
             "other residential settings; residential schools.",
     "The DfE publishes these as three groups; Hearth adds them together (the breakdown by "
     "placement type shows each).",
     "Children Act 1989 s22C", std::nullopt, "placement_mix/secure_and_childrens_homes_percent",
     ""},
    {I::PlacementWithParents, "placement_with_parents", "placement_mix", S::SafetyAndPermanence,
     "Children placed with their parents",
     "Children can live at home while still in care; the council must still review it closely.",
     "Children looked after on the date placed with parents (PLACE P1)",
     "Children looked after on the date", "Children looked after on the date. " EXCL_SB, U::Percent,
     P::Context, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": placed with parents or other person with parental responsibility.", "",
     "Placement of Children with Parents etc Regulations (part of the 2010 Regulations)",
     std::nullopt, "placement_mix/placed_with_parents_percent", ""},
    {I::PlacementIndependent, "placement_independent", "placement_mix", S::SafetyAndPermanence,
     "Children in independent or supported accommodation",
     "Older children living more independently need accommodation that is registered and safe.",
     "Children looked after on the date in independent living, supported accommodation or "
     "residential employment (PLACE P2, P3, H5)",
     "Children looked after on the date", "Children looked after on the date. " EXCL_SB, U::Percent,
     P::Context, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": independent and semi-independent living / supported accommodation.", "",
     "Supported Accommodation (England) Regulations 2023", std::nullopt,
     "placement_mix/independent_supported_accommodation_percent", ""},
    {I::PlacementAdoption, "placement_adoption", "placement_mix", S::SafetyAndPermanence,
     "Children placed for adoption",
     "Shows how many children are living with the family who will adopt them.",
     "Children looked after on the date placed for adoption (PLACE A3-A6)",
     "Children looked after on the date", "Children looked after on the date. " EXCL_SB, U::Percent,
     P::Context, Src::Ssda903, F::AnyPeriod, DFE_CLA ": placed for adoption.", "",
     "Adoption and Children Act 2002 s18", std::nullopt,
     "placement_mix/placed_for_adoption_percent", ""},
    {I::PlacedOver20Miles, "placed_over_20_miles", "placed_distance", S::SafetyAndPermanence,
     "Children placed more than 20 miles from home",
     "Distance cuts children off from family, friends and school.",
     "Children looked after on the date whose placement is more than 20 miles (straight line "
     "between postcode district centres) from the home they were taken into care from",
     "Children looked after on the date, including those whose distance is unknown",
     "Children looked after on the date. " EXCL_SB, U::Percent, P::LowerIsBetter, Src::Ssda903,
     F::AnyPeriod,
     DFE_CLA ": placed more than 20 miles from home (HOME_POST to PL_POST); the denominator "
             "includes children whose distance is unknown.",
     "The DfE measures between full postcodes; Hearth measures between postcode district "
     "centres, from reference/postcode_districts.csv, which the council supplies (ONS "
     "postcode directory). Without it the indicator reports no data.",
     "Children Act 1989 s22C(7)-(9)", std::nullopt, "placed_distance/over_20_miles_percent", ""},
    {I::PlacedOutsideLa, "placed_outside_la", "placed_distance", S::SafetyAndPermanence,
     "Children placed outside the council's area",
     "The law expects children to be placed within the council's area where that is possible.",
     "Children looked after on the date whose placement postcode is in another council's area",
     "Children looked after on the date, including those whose placement postcode is unknown",
     "Children looked after on the date. " EXCL_SB, U::Percent, P::LowerIsBetter, Src::Ssda903,
     F::AnyPeriod, DFE_CLA ": placed outside the local authority boundary.",
     "The council of a placement is found from its postcode district "
     "(reference/postcode_districts.csv); a district shared by two councils counts as the one "
     "the file names.",
     "Children Act 1989 s22C(9)", std::nullopt, "placed_distance/outside_la_percent", ""},
    {I::LongTermMatched, "long_term_matched", "long_term_matched", S::SafetyAndPermanence,
     "Fostered children in long-term matched placements",
     "A long-term match tells a child they will not have to move again.",
     "Children in foster care on the date whose placement is long-term fostering (PLACE U1 or U4)",
     "Children in foster care on the date (PLACE U1-U6)",
     "Children looked after on the date in foster care. " EXCL_SB, U::Percent, P::HigherIsBetter,
     Src::Ssda903, F::AnyPeriod,
     "Care Planning Regulations 2010 reg 22C (long-term foster placement), as the 903's PLACE "
     "codes U1/U4 record it.",
     "The spec lists this as local; the 903's placement codes already record long-term "
     "fostering, so Hearth computes it from the 903.",
     "Care Planning, Placement and Case Review (England) Regulations 2010 reg 22C", std::nullopt,
     "", ""},
    {I::MissingChildren, "missing_children", "missing_children", S::SafetyAndPermanence,
     "Children who went missing", "A child missing from care is at risk of exploitation and harm.",
     "Children looked after during the period who went missing (MISSING = M) at least once in "
     "it",
     "Children looked after at any time in the period",
     "Children looked after at any time in the period, except those looked after only under "
     "short breaks. Episodes where the child was away without authorisation (A) are not "
     "counted as missing.",
     U::Percent, P::LowerIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": children who had a missing incident during the year, as a percentage of all "
             "children looked after during the year.",
     "", "Statutory guidance on children who run away or go missing from home or care (2014)",
     std::nullopt, "", ""},
    {I::MissingIncidents, "missing_incidents", "missing_children", S::SafetyAndPermanence,
     "Missing incidents", "Counts every time a child went missing, not just each child.",
     "Missing episodes (MISSING = M) starting in the period, of children looked after", "",
     "Children looked after during the period, as missing_children.", U::Count, P::LowerIsBetter,
     Src::Ssda903, F::AnyPeriod, DFE_CLA ": number of missing incidents during the year.",
     "Some councils record every incident as missing rather than away; the DfE estimates this "
     "inflates counts by up to 13%.",
     "Statutory guidance on children who run away or go missing from home or care (2014)",
     std::nullopt, "", ""},
    {I::MissingIncidentsPerChild, "missing_incidents_per_child", "missing_children",
     S::SafetyAndPermanence, "Missing incidents per child who went missing",
     "A high figure means a few children are going missing again and again.",
     "Missing incidents in the period", "Children who went missing in the period",
     "As missing_children.", U::Ratio, P::LowerIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": average number of missing incidents per child who went missing.", "",
     "Statutory guidance on children who run away or go missing from home or care (2014)",
     std::nullopt, "", ""},
    {I::RhiTimely, "rhi_timely", "rhi_timely", S::SafetyAndPermanence,
     "Return home interviews within 72 hours",
     "Talking to a child soon after they come back is how the council learns why they went and "
     "keeps them safe.",
     "Interviews due in the period held within 72 hours of the child's return",
     "Interviews due in the period (declined interviews excluded)",
     "Children looked after who returned from a missing episode (MISSING M; not an absence with "
     "whereabouts known, A: away); the timescales engine's return home interview item "
     "(docs/timescales.md).",
     U::Percent, P::HigherIsBetter, Src::Local, F::AnyPeriod,
     "Statutory guidance on children who run away or go missing from home or care (2014): "
     "an independent return interview within 72 hours of return.",
     "", "Statutory guidance on children who run away or go missing (2014)", 90.0, "", ""},
    {I::SwChanges, "sw_changes", "sw_changes", S::SafetyAndPermanence,
     "Children with 3 or more social workers in the year",
     "Children tell us that changing social worker means telling their story again.",
     "Children looked after on the date who had 3 or more different social workers in the 12 "
     "months to it",
     "Children looked after on the date",
     "Children looked after on the date. " EXCL_SB " Social workers from the 903's social "
     "worker episodes; where the council sent none for the window, from its local allocations.",
     U::Percent, P::LowerIsBetter, Src::Ssda903OrLocal, F::AnyPeriod,
     "No national definition; counts distinct SW_ID in the 903 SWEpisodes table overlapping the "
     "12 months (the table exists from 2023/24).",
     "Local measure: no published comparator.", "Children Act 1989 s22", std::nullopt, "", ""},
    {I::VisitsTimely, "visits_timely", "visits_timely", S::SafetyAndPermanence,
     "Statutory visits on time",
     "Seeing children regularly where they live is how a social worker knows they are safe.",
     "Visits due in the period made on time", "Visits due in the period",
     "Children looked after; the timescales engine's social worker visit item (regulation 28: "
     "within a week of a placement, every 6 weeks in the first year, then every 3 months in a "
     "long-term placement).",
     U::Percent, P::HigherIsBetter, Src::Local, F::AnyPeriod,
     "Care Planning, Placement and Case Review (England) Regulations 2010 reg 28.", "",
     "Care Planning, Placement and Case Review (England) Regulations 2010 reg 28", 90.0, "", ""},
    {I::VisitsSeenAlone, "visits_seen_alone", "visits_timely", S::SafetyAndPermanence,
     "Visits where the child was seen alone",
     "Children may only say what is wrong when their carer is not in the room.",
     "Visits in the period where the child was seen alone",
     "Visits in the period where the child was seen",
     "Visits to children looked after, from the council's local visit records.", U::Percent,
     P::HigherIsBetter, Src::Local, F::AnyPeriod,
     "Care Planning, Placement and Case Review (England) Regulations 2010 reg 29 (the social "
     "worker must see the child alone unless the child refuses).",
     "", "Care Planning, Placement and Case Review (England) Regulations 2010 reg 29", std::nullopt,
     "", ""},
    {I::ReviewsTimely, "reviews_timely", "reviews_timely", S::SafetyAndPermanence,
     "Looked-after reviews on time",
     "The review is where the child's plan is checked by an independent reviewing officer.",
     "Reviews due in the period held on time", "Reviews due in the period",
     "Children looked after; the timescales engine's first, second and later review items "
     "(20 working days, 3 months, then every 6 months).",
     U::Percent, P::HigherIsBetter, Src::Ssda903OrLocal, F::AnyPeriod,
     "Care Planning, Placement and Case Review (England) Regulations 2010 reg 33; reviews from "
     "the 903 Reviews table and the council's local review records.",
     "", "Care Planning, Placement and Case Review (England) Regulations 2010 reg 33", 95.0, "",
     ""},
    {I::Adopted, "adopted", "adoption", S::SafetyAndPermanence, "Children adopted",
     "Adoption gives a child a permanent family for life.",
     "Children who ceased to be looked after in the period because they were adopted (REC E11, "
     "E12)",
     "", "Children looked after whose episode ended with an adoption order.", U::Count, P::Context,
     Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": children who ceased to be looked after who were adopted.", "",
     "Adoption and Children Act 2002", std::nullopt, "adoption/adopted_count", ""},
    {I::AdoptionA1, "adoption_a1", "adoption", S::SafetyAndPermanence,
     "Days from entering care to moving in with the adoptive family",
     "Every day waiting is a day without a permanent family; the national threshold is 426 "
     "days.",
     "Total days, for each child, from the start of the period of care to the day the child "
     "moved in with the adoptive family",
     "Children adopted in the 3 years to the date",
     "Children adopted (REC E11/E12) in the 3 years to the date. Moving in is the start of the "
     "first placement for adoption (PLACE A3-A6) in the period of care; for a child adopted by "
     "their foster carers (AD1 FOSTER_CARE = 1), the start of that placement.",
     U::Days, P::LowerIsBetter, Src::Ssda903, F::AnyPeriod,
     "DfE adoption scorecard measure A1 (3-year average; threshold 426 days).",
     "The DfE's current publication gives these times in months between different stages "
     "(reference comparators 'months_entry_to_placement'); A1 in days is the adoption "
     "scorecard's measure and has no shipped comparator.",
     "Adoption and Children Act 2002; Adoption Statutory Guidance (2013)", 426.0, "", ""},
    {I::AdoptionA2, "adoption_a2", "adoption", S::SafetyAndPermanence,
     "Days from placement order to match with adopters",
     "Once a court has said a child should be adopted, finding the family should be quick; the "
     "national threshold is 121 days.",
     "Total days, for each child, from the placement (or freeing) order to the match with "
     "adopters (zero when matched before the order)",
     "Children adopted in the 3 years to the date who had such an order and a match date",
     "Children adopted (REC E11/E12) in the 3 years to the date. The order is the start of the "
     "first episode under a placement order (LS E1) or freeing order (D1) in the period of care; "
     "the match is AD1 DATE_MATCH. Children without either are excluded.",
     U::Days, P::LowerIsBetter, Src::Ssda903, F::AnyPeriod,
     "DfE adoption scorecard measure A2 (3-year average; threshold 121 days); matched before "
     "the order counts as zero days.",
     "", "Adoption and Children Act 2002 s21", 121.0, "", ""},
    {I::Sgo, "sgo", "sgo", S::SafetyAndPermanence,
     "Children leaving care on a special guardianship order",
     "Special guardianship gives a child a permanent home, often with family, outside care.",
     "Children who ceased to be looked after in the period on a special guardianship order "
     "(REC E45-E48)",
     "", "Children looked after whose episode ended with a special guardianship order.", U::Count,
     P::Context, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": ceased on a special guardianship order (to former foster carers or other "
             "carers).",
     "", "Children Act 1989 s14A", std::nullopt, "sgo/count", ""},
    // ---- Independence -------------------------------------------------------------------------
    {I::LeaversInTouch17To18, "leavers_in_touch_17_18", "leavers_in_touch", S::Independence,
     "Care leavers aged 17 to 18 the council is in touch with",
     "The council cannot help a young person it has lost touch with.",
     "Care leavers the council was in touch with around their birthday (IN_TOUCH YES)",
     "Care leavers with a 17th or 18th birthday in the 12 months", kOc3Note, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": care leavers in touch with the council (OC3).",
     "Rolling 12 months by birthday, so any quarter can be shown; at 31 March this is the "
     "DfE's year.",
     "Children Act 1989 s23C(1)", 90.0, "", ""},
    {I::LeaversInTouch19To21, "leavers_in_touch_19_21", "leavers_in_touch", S::Independence,
     "Care leavers aged 19 to 21 the council is in touch with",
     "The council cannot help a young person it has lost touch with.",
     "Care leavers the council was in touch with around their birthday (IN_TOUCH YES)",
     "Care leavers with a 19th, 20th or 21st birthday in the 12 months", kOc3Note, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": care leavers in touch with the council (OC3).",
     "Rolling 12 months by birthday, as leavers_in_touch_17_18.", "Children Act 1989 s23C(1)", 90.0,
     "", ""},
    {I::LeaversEet17To18, "leavers_eet_17_18", "leavers_eet", S::Independence,
     "Care leavers aged 17 to 18 in education, employment or training",
     "Education and work are the route to a good adult life.",
     "Care leavers in education, training or employment (ACTIV F1-P5)",
     "Care leavers with a 17th or 18th birthday in the 12 months", kOc3Note, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": care leavers in education, employment or training; England 2025: 9,430 / "
             "14,800 = 64%.",
     "Rolling 12 months by birthday, as leavers_in_touch_17_18.", "Children Act 1989 s23C(4)", 55.0,
     "leavers_eet/age_17_18", ""},
    {I::LeaversEet19To21, "leavers_eet_19_21", "leavers_eet", S::Independence,
     "Care leavers aged 19 to 21 in education, employment or training",
     "Education and work are the route to a good adult life.",
     "Care leavers in education, training or employment (ACTIV F1-P5)",
     "Care leavers with a 19th, 20th or 21st birthday in the 12 months", kOc3Note, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": care leavers in education, employment or training; England 2025: 20,760 / "
             "38,440 = 54%.",
     "Rolling 12 months by birthday, as leavers_in_touch_17_18.", "Children Act 1989 s23C(4)", 55.0,
     "leavers_eet/age_19_21", ""},
    {I::LeaversAccommodation17To18, "leavers_accommodation_17_18", "leavers_accommodation",
     S::Independence, "Care leavers aged 17 to 18 in suitable accommodation",
     "A safe, suitable home is the base for everything else.",
     "Care leavers in accommodation recorded as suitable (ACCOM ending in 1)",
     "Care leavers with a 17th or 18th birthday in the 12 months", kOc3Note, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": care leavers in suitable accommodation; England 2025: 13,380 / 14,750 = 91%.",
     "Rolling 12 months by birthday, as leavers_in_touch_17_18.",
     "Children Act 1989 s23B(8), s23C(4)", 93.0, "leavers_accommodation/age_17_18", ""},
    {I::LeaversAccommodation19To21, "leavers_accommodation_19_21", "leavers_accommodation",
     S::Independence, "Care leavers aged 19 to 21 in suitable accommodation",
     "A safe, suitable home is the base for everything else.",
     "Care leavers in accommodation recorded as suitable (ACCOM ending in 1)",
     "Care leavers with a 19th, 20th or 21st birthday in the 12 months", kOc3Note, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": care leavers in suitable accommodation; England 2025: 33,810 / 38,190 = 89%.",
     "Rolling 12 months by birthday, as leavers_in_touch_17_18.", "Children Act 1989 s23C(4)", 93.0,
     "leavers_accommodation/age_19_21", ""},
    {I::LeaversHigherEducation, "leavers_higher_education_19_21", "leavers_higher_education",
     S::Independence, "Care leavers aged 19 to 21 in higher education",
     "Going to university is still rare for care leavers; the council owes them a bursary and "
     "support.",
     "Care leavers in higher education (ACTIV F1 or P1)",
     "Care leavers with a 19th, 20th or 21st birthday in the 12 months", kOc3Note, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": care leavers aged 19 to 21 in higher education.",
     "Rolling 12 months by birthday, as leavers_in_touch_17_18.",
     "Children Act 1989 s23C(4), s23C(5A) (higher education bursary)", std::nullopt,
     "leavers_higher_education/age_19_21", ""},
    {I::PathwayPlans, "pathway_plans", "pathway_plans", S::Independence,
     "Young people with an up-to-date pathway plan",
     "The pathway plan is the young person's plan for adult life; an out-of-date plan is a "
     "broken promise.",
     "Eligible, relevant and former relevant young people on the date with no pathway plan or "
     "pathway plan review overdue",
     "Eligible, relevant and former relevant young people on the date",
     "Young people the council owes leaving-care duties on the date; the timescales engine's "
     "pathway plan and pathway plan review items.",
     U::Percent, P::HigherIsBetter, Src::Local, F::AnyPeriod,
     "Care Leavers (England) Regulations 2010 regs 6-7 (plan within 3 months of eligibility, "
     "reviewed at least every 6 months).",
     "", "Care Leavers (England) Regulations 2010 regs 6-7", 95.0, "", ""},
    {I::PaCaseload, "pa_caseload", "pa_caseload", S::Independence,
     "Care leavers per personal adviser",
     "A personal adviser with too many young people cannot keep in touch with each of them.",
     "Young people with a personal adviser allocated on the date",
     "Personal advisers with at least one young person allocated on the date",
     "Eligible, relevant and former relevant young people with a current personal adviser "
     "allocation in the council's local records.",
     U::Ratio, P::LowerIsBetter, Src::Local, F::AnyPeriod,
     "No national definition: young people allocated divided by personal advisers holding "
     "them.",
     "Local measure: no published comparator.", "Children Act 1989 s23D", 25.0, "", ""},
    {I::StayingPut, "staying_put", "staying_put", S::Independence,
     "18-year-olds leaving foster care who stayed put",
     "Staying with their foster family past 18 lets young people grow up at a normal pace.",
     "Young people who ceased care on their 18th birthday and stayed with their carers (REC E17)",
     "Young people who ceased care on their 18th birthday from a foster placement (PLACE U1-U6)",
     "Periods of care ending in the period on the young person's 18th birthday, whose last "
     "placement was foster care.",
     U::Percent, P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     DFE_CLA ": care leavers who ceased care on their 18th birthday from foster care and "
             "remained with their former foster carers (staying put).",
     "", "Children Act 1989 s23CZA", std::nullopt, "", ""},
    // ---- Health ---------------------------------------------------------------------------------
    {I::HealthAssessment, "health_assessment", "health_assessment", S::Health,
     "Children with an up-to-date health assessment",
     "An annual health assessment is how unmet health needs are found.",
     "Children in the OC2 cohort whose annual health assessment was up to date (HEALTH_ASSESSMENT "
     "= 1)",
     "Children looked after continuously for 12 months at 31 March", kOc2Population, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::Annual,
     DFE_CLA ": health assessments up to date, OC2; England 2025: 52,580 / 58,530 = 90%.",
     "A child in the cohort with no OC2 row counts in the denominator only (the validator "
     "reports the missing row).",
     "Care Planning, Placement and Case Review (England) Regulations 2010 reg 7, sch 1", 95.0,
     "health_assessment/percent", ""},
    {I::DevelopmentChecks, "development_checks", "health_assessment", S::Health,
     "Children under 5 with up-to-date development checks",
     "Early checks catch developmental delay when help makes the most difference.",
     "Children under 5 in the OC2 cohort whose development assessments were up to date "
     "(HEALTH_CHECK = 1)",
     "Children under 5 at 31 March looked after continuously for 12 months", kOc2Population,
     U::Percent, P::HigherIsBetter, Src::Ssda903, F::Annual,
     DFE_CLA ": development assessments up to date (under 5s), OC2; England 2025: 5,580 / 6,360 "
             "= 88%.",
     "",
     "Healthy Child Programme; Promoting the health and well-being of looked-after children "
     "(2015)",
     std::nullopt, "", ""},
    {I::IhaTimely, "iha_timely", "health_assessment", S::Health,
     "Initial health assessments within 20 working days",
     "The first health assessment sets up the child's health plan for their time in care.",
     "Initial health assessments due in the period done within 20 working days of entering care",
     "Initial health assessments due in the period (refusals excluded)",
     "Children entering care; the timescales engine's initial health assessment item.", U::Percent,
     P::HigherIsBetter, Src::Local, F::AnyPeriod,
     "Promoting the health and well-being of looked-after children (2015): an initial health "
     "assessment in time for the first review (20 working days).",
     "", "Care Planning, Placement and Case Review (England) Regulations 2010 reg 7", 80.0, "", ""},
    {I::RhaTimely, "rha_timely", "health_assessment", S::Health,
     "Review health assessments on time",
     "Review assessments keep the health plan current: 6-monthly under 5, yearly after.",
     "Review health assessments due in the period done on time",
     "Review health assessments due in the period (refusals excluded)",
     "Children looked after; the timescales engine's review health assessment item.", U::Percent,
     P::HigherIsBetter, Src::Local, F::AnyPeriod,
     "Care Planning Regulations 2010 sch 1: review health assessments every 6 months under 5, "
     "every 12 months from 5.",
     "", "Care Planning, Placement and Case Review (England) Regulations 2010 reg 7", 95.0, "", ""},
    {I::Dental, "dental", "dental", S::Health, "Children with a dental check in the year",
     "Tooth decay is common and preventable, and is missed when children move.",
     "Children in the OC2 cohort with a dental check in the year (TEETH_CHECK = 1)",
     "Children looked after continuously for 12 months at 31 March", kOc2Population, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::Annual,
     DFE_CLA ": teeth checked by a dentist, OC2; England 2025: 47,320 / 58,530 = 81%.", "",
     "Promoting the health and well-being of looked-after children (2015)", 70.0, "dental/percent",
     ""},
    {I::Immunisations, "immunisations", "immunisations", S::Health,
     "Children with immunisations up to date",
     "Missed vaccinations leave children exposed to preventable illness.",
     "Children in the OC2 cohort with immunisations up to date (IMMUNISATIONS = 1)",
     "Children looked after continuously for 12 months at 31 March", kOc2Population, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::Annual,
     DFE_CLA ": immunisations up to date, OC2; England 2025: 49,160 / 58,530 = 84%.", "",
     "Promoting the health and well-being of looked-after children (2015)", 90.0,
     "immunisations/percent", ""},
    {I::SdqCompleted, "sdq_completed", "sdq", S::Health, "Children aged 5 to 16 with an SDQ score",
     "The Strengths and Difficulties Questionnaire is how emotional health needs are spotted.",
     "Children in the OC2 cohort aged 5 to 16 with an SDQ score",
     "Children in the OC2 cohort aged 5 to 16 at 31 March", kOc2Population, U::Percent,
     P::HigherIsBetter, Src::Ssda903, F::Annual,
     DFE_CLA ": SDQ received, ages 5 to 16; England 2025: 33,790 / 43,220 = 78%.",
     "The spec says 4 to 16 (the ages the 903 collects); the DfE publishes 5 to 16 because the "
     "date of the questionnaire is not collected, and Hearth follows it so that the England "
     "figure compares.",
     "Promoting the health and well-being of looked-after children (2015)", 80.0,
     "sdq/percent_with_score", ""},
    {I::SdqAverage, "sdq_average", "sdq", S::Health, "Average SDQ score",
     "A higher score means more emotional and behavioural difficulty; 17 or more is a concern.",
     "Sum of SDQ scores", "Children in the OC2 cohort aged 5 to 16 with an SDQ score",
     kOc2Population, U::Score, P::LowerIsBetter, Src::Ssda903, F::Annual,
     DFE_CLA ": average SDQ score; England 2025: 14.9.", "",
     "Promoting the health and well-being of looked-after children (2015)", std::nullopt,
     "sdq/average_score", ""},
    {I::SdqConcern, "sdq_concern", "sdq", S::Health, "Children whose SDQ score is a concern",
     "Children scoring 17 or more need their emotional health looked at closely.",
     "Children with an SDQ score of 17 or more", "Children aged 5 to 16 with an SDQ score",
     kOc2Population, U::Percent, P::Context, Src::Ssda903, F::Annual,
     DFE_CLA ": SDQ score bands, 17-40 'cause for concern'; England 2025: 42%.", "",
     "Promoting the health and well-being of looked-after children (2015)", std::nullopt,
     "sdq/concern_percent", ""},
    {I::SubstanceMisuse, "substance_misuse", "substance_misuse", S::Health,
     "Children identified as having a substance misuse problem",
     "Identifying substance misuse is the first step to getting a child help.",
     "Children in the OC2 cohort identified with a substance misuse problem (SUBSTANCE_MISUSE = "
     "1)",
     "Children looked after continuously for 12 months at 31 March", kOc2Population, U::Percent,
     P::Context, Src::Ssda903, F::Annual,
     DFE_CLA ": identified as having a substance misuse problem, OC2; England 2025: 3%.", "",
     "Promoting the health and well-being of looked-after children (2015)", std::nullopt,
     "substance_misuse/percent", ""},
    // ---- Education ------------------------------------------------------------------------------
    {I::PepCurrent, "pep_current", "pep_current", S::Education,
     "School-age children whose PEP was reviewed last term",
     "The personal education plan is how the virtual school makes sure each child is learning.",
     "Children whose personal education plan was reviewed in the last school term that ended on "
     "or before the date",
     "Children of school age looked after for the whole of that term",
     "Children looked after throughout the term, of the ages the timescales engine's PEP items "
     "cover (docs/timescales.md).",
     U::Percent, P::HigherIsBetter, Src::Local, F::AnyPeriod,
     "Promoting the education of looked-after and previously looked-after children (2018): the "
     "PEP is reviewed each term.",
     "The spec says 'this term'; a term still running would make the figure depend on the day "
     "in the term it is read, so Hearth reports the last complete term. Terms are school terms "
     "(default autumn 1 Sep-20 Dec, spring 5 Jan-5 Apr, summer 20 Apr-22 Jul; each council sets "
     "its own in pep_terms). A review counts for the term it was held in, or late for the term "
     "just ended when held in the holiday after it: never for two terms.",
     "Care Planning, Placement and Case Review (England) Regulations 2010 reg 5", 95.0, "", ""},
    {I::Suspensions, "suspensions", "suspensions", S::Education,
     "Children with one or more suspensions",
     "Each suspension is lost learning and often a sign that support at school is not working.",
     "Children looked after with one or more suspensions in the period", "",
     "Children looked after in the period.", U::Count, P::LowerIsBetter, Src::NotHeld, F::AnyPeriod,
     "DfE 'Outcomes for children in need, including children looked after by local "
     "authorities' (suspensions and permanent exclusions, from the school census).",
     "", "Promoting the education of looked-after children (2018)", std::nullopt, "",
     "a local extract of school suspensions and permanent exclusions (the virtual school's "
     "records)"},
    {I::Convictions, "convictions", "convictions", S::Education,
     "Children aged 10 or over convicted or cautioned",
     "Care should protect children from being drawn into crime, and from being criminalised "
     "for behaviour at home.",
     "Children in the OC2 cohort aged 10 to 17 convicted or given a youth caution in the year "
     "(CONVICTED = 1)",
     "Children in the OC2 cohort aged 10 to 17 at 31 March", kOc2Population, U::Percent,
     P::LowerIsBetter, Src::Ssda903, F::Annual,
     DFE_CLA ": convicted or subject to youth cautions, OC2, aged 10-17; England 2025: 800 / "
             "40,990 = 2%.",
     "",
     "National protocol on reducing unnecessary criminalisation of looked-after children "
     "(2018)",
     std::nullopt, "convictions/percent", ""},
    // ---- Listening ------------------------------------------------------------------------------
    {I::Statements, "statements", "statements", S::Listening,
     "Statements from children and young people",
     "Children's own words tell the Board what numbers cannot.", "Statements made in the period",
     "", "Children looked after and care leavers.", U::Count, P::Context, Src::NotHeld,
     F::AnyPeriod, "Hearth's own measure (../shared/spec/access-and-voice.md).", "",
     "Children Act 1989 s22(4)-(5) (ascertain the child's wishes and feelings)", std::nullopt, "",
     "the voice module's statements (not built yet)"},
    {I::ChallengeCards, "challenge_cards", "challenge_cards", S::Listening,
     "Challenge cards answered",
     "A challenge card is a young person holding the Board to account; each deserves an answer.",
     "Challenge cards answered", "Challenge cards raised", "Challenge cards to the Board.",
     U::Percent, P::HigherIsBetter, Src::NotHeld, F::AnyPeriod,
     "Hearth's own measure (../shared/spec/access-and-voice.md).", "",
     "Corporate parenting principles, Children and Social Work Act 2017 s1", std::nullopt, "",
     "the voice module's challenge cards (not built yet)"},
    {I::ReviewParticipation, "review_participation", "review_participation", S::Listening,
     "Children who took part in their review",
     "The review is about the child; they should have their say in it.",
     "Reviews in the period where the child participated in any way (REVIEW_CODE PN1-PN6)",
     "Reviews in the period of children aged 4 or over (REVIEW_CODE PN1-PN7)",
     "Reviews in the 903 Reviews table held in the period; PN0 (under 4) and reviews without a "
     "code are left out.",
     U::Percent, P::HigherIsBetter, Src::Ssda903, F::AnyPeriod,
     "903 REVIEW_CODE participation codes; PN7 is 'did not participate'.", "",
     "Care Planning, Placement and Case Review (England) Regulations 2010 reg 36", 90.0, "", ""},
    {I::Advocacy, "advocacy", "advocacy", S::Listening,
     "Children with an advocate or independent visitor",
     "An advocate or independent visitor is someone on the child's side who is not paid to "
     "care for them.",
     "Children looked after with an advocate or independent visitor", "", "Children looked after.",
     U::Count, P::HigherIsBetter, Src::NotHeld, F::AnyPeriod,
     "Children Act 1989 s23ZB (independent visitors) and s26A (advocacy).", "",
     "Children Act 1989 s23ZB, s26A", std::nullopt, "",
     "a local extract of advocacy and independent visitor referrals"},
}};

#undef DFE_CLA
#undef DFE_OPEN_DASHBOARD
#undef EXCL_SB

constexpr bool in_order() {
  for (std::size_t i = 0; i < kIndicators.size(); ++i)
    if (static_cast<std::size_t>(kIndicators[i].id) != i) return false;
  return true;
}
static_assert(in_order(), "kIndicators must list every IndicatorId in enum order");

}  // namespace

std::string_view section_title(Section s) {
  switch (s) {
    case Section::Context:
      return "Context";
    case Section::SafetyAndPermanence:
      return "Safety and permanence";
    case Section::Independence:
      return "Preparing for independence and adulthood";
    case Section::Health:
      return "Health and wellbeing";
    case Section::Education:
      return "Education, training and employment";
    case Section::Listening:
      return "Listening to you and participation";
  }
  return "";
}

std::string_view unit_name(Unit u) {
  switch (u) {
    case Unit::Count:
      return "count";
    case Unit::Percent:
      return "percent";
    case Unit::RatePer10000:
      return "rate_per_10000";
    case Unit::Days:
      return "days";
    case Unit::Score:
      return "score";
    case Unit::Ratio:
      return "ratio";
  }
  return "";
}

std::string_view polarity_name(Polarity p) {
  switch (p) {
    case Polarity::HigherIsBetter:
      return "higher_is_better";
    case Polarity::LowerIsBetter:
      return "lower_is_better";
    case Polarity::Context:
      return "context";
  }
  return "";
}

std::string_view source_name(Source s) {
  switch (s) {
    case Source::Ssda903:
      return "903";
    case Source::Local:
      return "local";
    case Source::Ssda903OrLocal:
      return "903 / local";
    case Source::NotHeld:
      return "not held";
  }
  return "";
}

std::span<const Indicator> all_indicators() {
  return kIndicators;
}

const Indicator& indicator(IndicatorId id) {
  return kIndicators[static_cast<std::size_t>(id)];
}

std::optional<IndicatorId> indicator_by_key(std::string_view key) {
  for (const auto& i : kIndicators)
    if (i.key == key) return i.id;
  return std::nullopt;
}

}  // namespace hearth::indicators
