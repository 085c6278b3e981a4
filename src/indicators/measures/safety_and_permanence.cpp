// Safety and permanence, second part (the first is stability_and_placements.cpp): whether
// children go missing, are seen and reviewed on time, keep their social worker, and how many leave
// care for a family of their own. Each entry is one indicator of the Board's scorecard with the
// function that finds its population (registry.hpp; docs/architecture.md says how to add one).
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

// Children looked after at some time in the period, with their missing incidents (MISSING M,
// not away without permission) that began in it.
enum class MissingCount { Children, Incidents, PerChild };
void missing(const Engine& f, const ReportingPeriod& p, Cohort& out, MissingCount what) {
  const auto& data = f.data();
  const auto& E = data.episodes;
  for (const auto& k : f.each_child()) {
    const auto& rec = data.children[k.child];
    std::optional<Date> last_in_care;  // latest day in the period the child was looked after
    for (std::uint32_t i = rec.episodes.begin; i < rec.episodes.begin + rec.episodes.count; ++i) {
      if (E.decom[i] > p.end || E.dec[i] <= p.start || short_break(E.ls[i])) continue;
      last_in_care = std::min(p.end, E.dec[i] - days{1});
    }
    if (!last_in_care) continue;
    int incidents = 0;
    for (auto r : model::rows(k.missing)) {
      const auto& m = data.missing[r].row;
      if (m.missing != model::MissingType::M || m.mis_start < p.start || m.mis_start > p.end)
        continue;
      ++incidents;
      if (what == MissingCount::Incidents) out.cases.push_back({k.child, m.mis_start, 1, 0});
    }
    if (what == MissingCount::Children)
      out.cases.push_back({k.child, *last_in_care, incidents > 0 ? 1.0 : 0.0, 1});
    else if (what == MissingCount::PerChild && incidents > 0)
      out.cases.push_back({k.child, *last_in_care, static_cast<double>(incidents), 1});
  }
}
void missing_children(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  missing(f, p, out, MissingCount::Children);
}
void missing_incidents(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  missing(f, p, out, MissingCount::Incidents);
}
void missing_incidents_per_child(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  missing(f, p, out, MissingCount::PerChild);
}

void rhi_timely(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  f.timeliness(out, p, {timescales::ItemId::Rhi});
}

void sw_changes(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const Date d = p.end;
  const Date ws = window_start(d);
  const auto& data = f.data();
  const bool from_903 = f.has_sw_episodes(model::CollectionYear::containing(d).end_year);
  const bool from_local = !from_903 && f.local() && !f.local()->allocations.empty();
  if (!from_903 && !from_local) {
    unavailable(out, "no social worker episodes (903 SWEpisodes) or local allocations cover " +
                         model::format_dmy(d));
    return;
  }
  f.per_child_on(out, d, [&](ChildIndex c, auto) {
    std::set<std::string_view> workers;
    if (from_903) {
      for (auto r : model::rows(f.facts_of(c).sw)) {
        const auto& sw = data.sw_episodes[r].row;
        if (sw.sw_decom <= d && (!sw.sw_dec || *sw.sw_dec >= ws)) workers.insert(sw.sw_id);
      }
    } else {
      for (const auto* a : data.local_index.allocations.of(c))
        if (a->role == model::WorkerRole::SocialWorker && a->start <= d &&
            (!a->end || *a->end >= ws))
          workers.insert(a->worker);
    }
    return std::pair{workers.size() >= 3 ? 1.0 : 0.0, 1.0};
  });
}

void visits_timely(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  f.timeliness(out, p, {timescales::ItemId::SwVisit});
}

void visits_seen_alone(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  if (!f.local() || f.local()->visits.empty()) {
    unavailable(out, "the council has sent no local visit records");
    return;
  }
  for (ChildIndex c : f.children())
    for (const auto* v : f.data().local_index.visits.of(c))
      if (v->date >= p.start && v->date <= p.end && v->seen == true)
        out.cases.push_back({c, v->date, v->seen_alone == true ? 1.0 : 0.0, 1});
}

void reviews_timely(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  using timescales::ItemId;
  f.timeliness(out, p, {ItemId::FirstReview, ItemId::SecondReview, ItemId::LaterReview});
}

// Periods of care that ended with an adoption order (REC E11, E12) from `from` to the period's
// end: `add(child, period, its last episode)`.
template <class F>
void adoptions(const Engine& f, Date from, const ReportingPeriod& p, F&& add) {
  const auto& E = f.data().episodes;
  for (const auto& k : f.each_child())
    for (const auto& poc : k.periods) {
      const std::uint32_t last = poc.last;
      const auto rec = E.rec[last];
      if (rec != model::ReasonEpisodeCeased::E11 && rec != model::ReasonEpisodeCeased::E12)
        continue;
      if (E.dec[last] < from || E.dec[last] > p.end) continue;
      add(k, poc, last);
    }
}

// The child's AD1 row of the collection year the adoption order fell in.
const model::Ad1* ad1_for(const Engine& f, const ChildFacts& k, Date adopted) {
  const model::Ad1* ad1 = nullptr;
  for (auto r : model::rows(k.ad1))
    if (f.data().ad1[r].year == model::CollectionYear::containing(adopted).end_year)
      ad1 = &f.data().ad1[r].row;
  return ad1;
}

void adopted(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const auto& E = f.data().episodes;
  adoptions(f, p.start, p, [&](const ChildFacts& k, const PeriodOfCare&, std::uint32_t last) {
    out.cases.push_back({k.child, E.dec[last], 1, 0});
  });
}

// Days from entering care to moving in with the adoptive family, over three years.
void adoption_a1(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const auto& E = f.data().episodes;
  adoptions(f, window_start(p.end, 3), p,
            [&](const ChildFacts& k, const PeriodOfCare& poc, std::uint32_t last) {
              const model::Ad1* ad1 = ad1_for(f, k, E.dec[last]);
              std::optional<Date> moved_in;
              for (std::uint32_t i = poc.first; i <= last && !moved_in; ++i) {
                if (!adoption_placement(E.place[i])) continue;
                moved_in =
                    with_current_foster_carer(E.place[i]) && ad1 && ad1->foster_care.value_or(false)
                        ? f.placement_start(i, poc)
                        : E.decom[i];
              }
              if (!moved_in) return;  // not placed for adoption before the order
              out.cases.push_back(
                  {k.child, E.dec[last], static_cast<double>((*moved_in - poc.start).count()), 1});
            });
}

// Days from the placement order to the match with the adoptive family, over three years.
void adoption_a2(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const auto& E = f.data().episodes;
  adoptions(f, window_start(p.end, 3), p,
            [&](const ChildFacts& k, const PeriodOfCare& poc, std::uint32_t last) {
              const model::Ad1* ad1 = ad1_for(f, k, E.dec[last]);
              std::optional<Date> order;
              for (std::uint32_t i = poc.first; i <= last && !order; ++i)
                if (E.ls[i] == model::LegalStatus::E1 || E.ls[i] == model::LegalStatus::D1)
                  order = E.decom[i];
              if (!order || !ad1 || !ad1->date_match) return;
              const auto d = std::max<long>(0, (*ad1->date_match - *order).count());
              out.cases.push_back({k.child, E.dec[last], static_cast<double>(d), 1});
            });
}

void sgo(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  using R = model::ReasonEpisodeCeased;
  const auto& E = f.data().episodes;
  for (const auto& k : f.each_child())
    for (const auto& poc : k.periods) {
      const auto rec = E.rec[poc.last];
      if (poc.end < p.start || poc.end > p.end) continue;
      if (rec == R::E45 || rec == R::E46 || rec == R::E47 || rec == R::E48)
        out.cases.push_back({k.child, poc.end - days{1}, 1, 0});
    }
}

constexpr Indicator kMeasures[] = {
    {.key = "missing_children",
     .family = "missing_children",
     .section = Section::SafetyAndPermanence,
     .title = "Children who went missing",
     .why = "A child missing from care is at risk of exploitation and harm.",
     .numerator =
         "Children looked after during the period who went missing (MISSING = M) at least once in "
         "it",
     .denominator = "Children looked after at any time in the period",
     .population =
         "Children looked after at any time in the period, except those looked after only under "
         "short breaks. Episodes where the child was away without authorisation (A) are not "
         "counted as missing.",
     .unit = Unit::Percent,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         DFE_CLA ": children who had a missing incident during the year, as a percentage of all "
                 "children looked after during the year.",
     .basis = "Statutory guidance on children who run away or go missing from home or care (2014)",
     .cohort = missing_children},
    {.key = "missing_incidents",
     .family = "missing_children",
     .section = Section::SafetyAndPermanence,
     .title = "Missing incidents",
     .why = "Counts every time a child went missing, not just each child.",
     .numerator = "Missing episodes (MISSING = M) starting in the period, of children looked after",
     .population = "Children looked after during the period, as missing_children.",
     .unit = Unit::Count,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": number of missing incidents during the year.",
     .deviation =
         "Some councils record every incident as missing rather than away; the DfE estimates this "
         "inflates counts by up to 13%.",
     .basis = "Statutory guidance on children who run away or go missing from home or care (2014)",
     .cohort = missing_incidents},
    {.key = "missing_incidents_per_child",
     .family = "missing_children",
     .section = Section::SafetyAndPermanence,
     .title = "Missing incidents per child who went missing",
     .why = "A high figure means a few children are going missing again and again.",
     .numerator = "Missing incidents in the period",
     .denominator = "Children who went missing in the period",
     .population = "As missing_children.",
     .unit = Unit::Ratio,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": average number of missing incidents per child who went missing.",
     .basis = "Statutory guidance on children who run away or go missing from home or care (2014)",
     .cohort = missing_incidents_per_child},
    {.key = "rhi_timely",
     .family = "rhi_timely",
     .section = Section::SafetyAndPermanence,
     .title = "Return home interviews within 72 hours",
     .why =
         "Talking to a child soon after they come back is how the council learns why they went and "
         "keeps them safe.",
     .numerator = "Interviews due in the period held within 72 hours of the child's return",
     .denominator = "Interviews due in the period (declined interviews excluded)",
     .population =
         "Children looked after who returned from a missing episode (MISSING M; not an absence "
         "with "
         "whereabouts known, A: away); the timescales engine's return home interview item "
         "(docs/timescales.md).",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "Statutory guidance on children who run away or go missing from home or care (2014): "
         "an independent return interview within 72 hours of return.",
     .basis = "Statutory guidance on children who run away or go missing (2014)",
     .default_target = 90.0,
     .cohort = rhi_timely},
    {.key = "sw_changes",
     .family = "sw_changes",
     .section = Section::SafetyAndPermanence,
     .title = "Children with 3 or more social workers in the year",
     .why = "Children tell us that changing social worker means telling their story again.",
     .numerator =
         "Children looked after on the date who had 3 or more different social workers in the 12 "
         "months to it",
     .denominator = "Children looked after on the date",
     .population =
         "Children looked after on the date. " EXCL_SB " Social workers from the 903's social "
         "worker episodes; where the council sent none for the window, from its local allocations.",
     .unit = Unit::Percent,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903OrLocal,
     .frequency = Frequency::AnyPeriod,
     .definition = "No national definition; counts distinct SW_ID in the 903 SWEpisodes table "
                   "overlapping the "
                   "12 months (the table exists from 2023/24).",
     .deviation = "Local measure: no published comparator.",
     .basis = "Children Act 1989 s22",
     .cohort = sw_changes},
    {.key = "visits_timely",
     .family = "visits_timely",
     .section = Section::SafetyAndPermanence,
     .title = "Statutory visits on time",
     .why = "Seeing children regularly where they live is how a social worker knows they are safe.",
     .numerator = "Visits due in the period made on time",
     .denominator = "Visits due in the period",
     .population =
         "Children looked after; the timescales engine's social worker visit item (regulation 28: "
         "within a week of a placement, every 6 weeks in the first year, then every 3 months in a "
         "long-term placement).",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 28.",
     .basis = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 28",
     .default_target = 90.0,
     .cohort = visits_timely},
    {.key = "visits_seen_alone",
     .family = "visits_timely",
     .section = Section::SafetyAndPermanence,
     .title = "Visits where the child was seen alone",
     .why = "Children may only say what is wrong when their carer is not in the room.",
     .numerator = "Visits in the period where the child was seen alone",
     .denominator = "Visits in the period where the child was seen",
     .population = "Visits to children looked after, from the council's local visit records.",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "Care Planning, Placement and Case Review (England) Regulations 2010 reg 29 (the social "
         "worker must see the child alone unless the child refuses).",
     .basis = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 29",
     .cohort = visits_seen_alone},
    {.key = "reviews_timely",
     .family = "reviews_timely",
     .section = Section::SafetyAndPermanence,
     .title = "Looked-after reviews on time",
     .why = "The review is where the child's plan is checked by an independent reviewing officer.",
     .numerator = "Reviews due in the period held on time",
     .denominator = "Reviews due in the period",
     .population =
         "Children looked after; the timescales engine's first, second and later review items "
         "(20 working days, 3 months, then every 6 months).",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903OrLocal,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "Care Planning, Placement and Case Review (England) Regulations 2010 reg 33; reviews from "
         "the 903 Reviews table and the council's local review records.",
     .basis = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 33",
     .default_target = 95.0,
     .cohort = reviews_timely},
    {.key = "adopted",
     .family = "adoption",
     .section = Section::SafetyAndPermanence,
     .title = "Children adopted",
     .why = "Adoption gives a child a permanent family for life.",
     .numerator =
         "Children who ceased to be looked after in the period because they were adopted (REC E11, "
         "E12)",
     .population = "Children looked after whose episode ended with an adoption order.",
     .unit = Unit::Count,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": children who ceased to be looked after who were adopted.",
     .basis = "Adoption and Children Act 2002",
     .comparator = "adoption/adopted_count",
     .cohort = adopted},
    {.key = "adoption_a1",
     .family = "adoption",
     .section = Section::SafetyAndPermanence,
     .title = "Days from entering care to moving in with the adoptive family",
     .why = "Every day waiting is a day without a permanent family; the national threshold is 426 "
            "days.",
     .numerator =
         "Total days, for each child, from the start of the period of care to the day the child "
         "moved in with the adoptive family",
     .denominator = "Children adopted in the 3 years to the date",
     .population =
         "Children adopted (REC E11/E12) in the 3 years to the date. Moving in is the start of the "
         "first placement for adoption (PLACE A3-A6) in the period of care; for a child adopted by "
         "their foster carers (AD1 FOSTER_CARE = 1), the start of that placement.",
     .unit = Unit::Days,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = "DfE adoption scorecard measure A1 (3-year average; threshold 426 days).",
     .deviation =
         "The DfE's current publication gives these times in months between different stages "
         "(reference comparators 'months_entry_to_placement'); A1 in days is the adoption "
         "scorecard's measure and has no shipped comparator.",
     .basis = "Adoption and Children Act 2002; Adoption Statutory Guidance (2013)",
     .default_target = 426.0,
     .cohort = adoption_a1},
    {.key = "adoption_a2",
     .family = "adoption",
     .section = Section::SafetyAndPermanence,
     .title = "Days from placement order to match with adopters",
     .why =
         "Once a court has said a child should be adopted, finding the family should be quick; the "
         "national threshold is 121 days.",
     .numerator =
         "Total days, for each child, from the placement (or freeing) order to the match with "
         "adopters (zero when matched before the order)",
     .denominator =
         "Children adopted in the 3 years to the date who had such an order and a match date",
     .population =
         "Children adopted (REC E11/E12) in the 3 years to the date. The order is the start of the "
         "first episode under a placement order (LS E1) or freeing order (D1) in the period of "
         "care; "
         "the match is AD1 DATE_MATCH. Children without either are excluded.",
     .unit = Unit::Days,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "DfE adoption scorecard measure A2 (3-year average; threshold 121 days); matched before "
         "the order counts as zero days.",
     .basis = "Adoption and Children Act 2002 s21",
     .default_target = 121.0,
     .cohort = adoption_a2},
    {.key = "sgo",
     .family = "sgo",
     .section = Section::SafetyAndPermanence,
     .title = "Children leaving care on a special guardianship order",
     .why = "Special guardianship gives a child a permanent home, often with family, outside care.",
     .numerator =
         "Children who ceased to be looked after in the period on a special guardianship order "
         "(REC E45-E48)",
     .population = "Children looked after whose episode ended with a special guardianship order.",
     .unit = Unit::Count,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         DFE_CLA ": ceased on a special guardianship order (to former foster carers or other "
                 "carers).",
     .basis = "Children Act 1989 s14A",
     .comparator = "sgo/count",
     .cohort = sgo},
};

}  // namespace

std::span<const Indicator> safety_and_permanence() {
  return kMeasures;
}

}  // namespace hearth::indicators::measures
