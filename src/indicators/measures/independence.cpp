// Preparing for independence and adulthood: how care leavers are doing at 17 to 21, their pathway
// plans, advisers and staying put. Each entry is one indicator of the Board's scorecard with the
// function that finds its population (registry.hpp; docs/architecture.md says how to add one).
#include <map>
#include <string>
#include <vector>

#include "indicators/measures/citations.hpp"
#include "indicators/measures/toolkit.hpp"
#include "indicators/registry.hpp"

namespace hearth::indicators::measures {

namespace {

using model::ChildIndex;

constexpr std::string_view kOc3Note =
    "Care leavers whose 17th to 21st birthday fell in the 12 months to the date, from the OC3 "
    "row of the collection year of the birthday. Those who died (IN_TOUCH DIED) or returned "
    "home for 6 months or more (RHOM) are excluded; 'information not known' (not in touch, "
    "refused, no longer requires services) stays in. Suitable accommodation also leaves out "
    "those abroad, deported or whose residence is not known (ACCOM G, H, R), as the DfE does.";

// Care leavers whose 17th or 18th (young) or 19th to 21st birthday fell in the 12 months to the
// period's end, from the OC3 row of the collection year of the birthday; those who died or went
// home for good (IN_TOUCH DIED, RHOM) are left out. `numerator(row)`: 1 or 0, or nullopt when the
// row is not in the measure's population.
void care_leavers(const Engine& f, const ReportingPeriod& p, Cohort& out, bool young,
                  std::optional<double> (*numerator)(const model::Oc3&)) {
  const auto& data = f.data();
  const Date ws = window_start(p.end);
  for (const auto& k : f.each_child()) {
    for (auto r : model::rows(k.oc3)) {
      const auto& row = data.oc3[r];
      const model::OptDate dob = row.row.dob ? row.row.dob : data.children[k.child].dob;
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
      if (auto num = numerator(row.row)) out.cases.push_back({k.child, bday, *num, 1});
    }
  }
}

std::optional<double> in_touch(const model::Oc3& r) {
  return r.in_touch == model::InTouch::YES;
}
// In education, employment or training: any activity but G4-G6 (not in education, employment
// or training) and "not applicable".
std::optional<double> eet(const model::Oc3& r) {
  using model::Activity;
  return r.activ && *r.activ != Activity::G4 && *r.activ != Activity::G5 &&
         *r.activ != Activity::G6 && *r.activ != Activity::NotApplicable;
}
// Suitable accommodation (ACCOM ending in 1); abroad, deported and residence not known are left
// out.
std::optional<double> suitable(const model::Oc3& r) {
  using model::Accommodation;
  const auto accom = r.accom;
  if (accom == Accommodation::G1 || accom == Accommodation::G2 || accom == Accommodation::H1 ||
      accom == Accommodation::H2 || accom == Accommodation::R1 || accom == Accommodation::R2)
    return std::nullopt;
  const auto code = accom ? model::code_text(*accom) : std::string_view();
  return code.size() == 2 && code[1] == '1';
}

void leavers_in_touch_17_18(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  care_leavers(f, p, out, true, in_touch);
}
void leavers_in_touch_19_21(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  care_leavers(f, p, out, false, in_touch);
}
void leavers_eet_17_18(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  care_leavers(f, p, out, true, eet);
}
void leavers_eet_19_21(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  care_leavers(f, p, out, false, eet);
}
void leavers_accommodation_17_18(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  care_leavers(f, p, out, true, suitable);
}
void leavers_accommodation_19_21(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  care_leavers(f, p, out, false, suitable);
}
// In higher education: ACTIV F1 or P1.
void leavers_higher_education_19_21(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  care_leavers(f, p, out, false, [](const model::Oc3& r) -> std::optional<double> {
    return r.activ == model::Activity::F1 || r.activ == model::Activity::P1;
  });
}

void pathway_plans(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  using timescales::ItemId;
  using timescales::Status;
  const Date d = p.end;
  if (!f.timescales().has_records(f.la(), ItemId::PathwayPlan)) {
    unavailable(out, "the council has sent no local pathway plan records");
    return;
  }
  for (const auto& k : f.each_child()) {
    auto cl = f.timescales().care_leaver(k.child, d);
    if (cl.category.empty() || (cl.support_until && *cl.support_until < d)) continue;
    bool overdue = false, assessed = false;
    for (const auto* it : k.items) {
      if ((it->item != ItemId::PathwayPlan && it->item != ItemId::PathwayPlanReview) || !it->due ||
          it->status == Status::NotApplicable || it->due->date > d)
        continue;
      assessed = true;
      if (it->due->date < d &&
          (it->evidence.kind == timescales::EvidenceKind::None || it->evidence.when.date > d))
        overdue = true;
    }
    // Young people whose plans were due only before the records begin are not assessed.
    if (assessed) out.cases.push_back({k.child, d, overdue ? 0.0 : 1.0, 1});
  }
}

void pa_caseload(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const Date d = p.end;
  if (!f.local() || f.local()->allocations.empty()) {
    unavailable(out, "the council has sent no local allocation records");
    return;
  }
  std::map<std::string_view, std::vector<ChildIndex>> by_pa;
  for (ChildIndex c : f.children()) {
    const model::Allocation* current = nullptr;
    for (const auto* a : f.data().local_index.allocations.of(c))
      if (a->role == model::WorkerRole::PersonalAdviser && a->start <= d &&
          (!a->end || *a->end >= d))
        current = a;
    if (current && !f.timescales().care_leaver(c, d).category.empty())
      by_pa[current->worker].push_back(c);
  }
  // Each young person carries 1/k of their adviser, so the denominator adds up to the number of
  // advisers in any breakdown.
  for (const auto& [pa, yps] : by_pa)
    for (ChildIndex c : yps) out.cases.push_back({c, d, 1, 1.0 / static_cast<double>(yps.size())});
}

void staying_put(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const auto& data = f.data();
  const auto& E = data.episodes;
  for (const auto& k : f.each_child()) {
    const auto& dob = data.children[k.child].dob;
    if (!dob) continue;
    const Date eighteen = model::birthday(*dob, 18);
    for (const auto& poc : k.periods) {
      if (poc.end != eighteen || poc.end < p.start || poc.end > p.end) continue;
      if (!foster(E.place[poc.last])) continue;
      out.cases.push_back({k.child, poc.end - days{1},
                           E.rec[poc.last] == model::ReasonEpisodeCeased::E17 ? 1.0 : 0.0, 1});
    }
  }
}

constexpr Indicator kMeasures[] = {
    {.key = "leavers_in_touch_17_18",
     .family = "leavers_in_touch",
     .section = Section::Independence,
     .title = "Care leavers aged 17 to 18 the council is in touch with",
     .why = "The council cannot help a young person it has lost touch with.",
     .numerator = "Care leavers the council was in touch with around their birthday (IN_TOUCH YES)",
     .denominator = "Care leavers with a 17th or 18th birthday in the 12 months",
     .population = kOc3Note,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": care leavers in touch with the council (OC3).",
     .deviation =
         "Rolling 12 months by birthday, so any quarter can be shown; at 31 March this is the "
         "DfE's year.",
     .basis = "Children Act 1989 s23C(1)",
     .default_target = 90.0,
     .cohort = leavers_in_touch_17_18},
    {.key = "leavers_in_touch_19_21",
     .family = "leavers_in_touch",
     .section = Section::Independence,
     .title = "Care leavers aged 19 to 21 the council is in touch with",
     .why = "The council cannot help a young person it has lost touch with.",
     .numerator = "Care leavers the council was in touch with around their birthday (IN_TOUCH YES)",
     .denominator = "Care leavers with a 19th, 20th or 21st birthday in the 12 months",
     .population = kOc3Note,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": care leavers in touch with the council (OC3).",
     .deviation = "Rolling 12 months by birthday, as leavers_in_touch_17_18.",
     .basis = "Children Act 1989 s23C(1)",
     .default_target = 90.0,
     .cohort = leavers_in_touch_19_21},
    {.key = "leavers_eet_17_18",
     .family = "leavers_eet",
     .section = Section::Independence,
     .title = "Care leavers aged 17 to 18 in education, employment or training",
     .why = "Education and work are the route to a good adult life.",
     .numerator = "Care leavers in education, training or employment (ACTIV F1-P5)",
     .denominator = "Care leavers with a 17th or 18th birthday in the 12 months",
     .population = kOc3Note,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         DFE_CLA ": care leavers in education, employment or training; England 2025: 9,430 / "
                 "14,800 = 64%.",
     .deviation = "Rolling 12 months by birthday, as leavers_in_touch_17_18.",
     .basis = "Children Act 1989 s23C(4)",
     .default_target = 55.0,
     .comparator = "leavers_eet/age_17_18",
     .cohort = leavers_eet_17_18},
    {.key = "leavers_eet_19_21",
     .family = "leavers_eet",
     .section = Section::Independence,
     .title = "Care leavers aged 19 to 21 in education, employment or training",
     .why = "Education and work are the route to a good adult life.",
     .numerator = "Care leavers in education, training or employment (ACTIV F1-P5)",
     .denominator = "Care leavers with a 19th, 20th or 21st birthday in the 12 months",
     .population = kOc3Note,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         DFE_CLA ": care leavers in education, employment or training; England 2025: 20,760 / "
                 "38,440 = 54%.",
     .deviation = "Rolling 12 months by birthday, as leavers_in_touch_17_18.",
     .basis = "Children Act 1989 s23C(4)",
     .default_target = 55.0,
     .comparator = "leavers_eet/age_19_21",
     .cohort = leavers_eet_19_21},
    {.key = "leavers_accommodation_17_18",
     .family = "leavers_accommodation",
     .section = Section::Independence,
     .title = "Care leavers aged 17 to 18 in suitable accommodation",
     .why = "A safe, suitable home is the base for everything else.",
     .numerator = "Care leavers in accommodation recorded as suitable (ACCOM ending in 1)",
     .denominator = "Care leavers with a 17th or 18th birthday in the 12 months",
     .population = kOc3Note,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         DFE_CLA ": care leavers in suitable accommodation; England 2025: 13,380 / 14,750 = 91%.",
     .deviation = "Rolling 12 months by birthday, as leavers_in_touch_17_18.",
     .basis = "Children Act 1989 s23B(8), s23C(4)",
     .default_target = 93.0,
     .comparator = "leavers_accommodation/age_17_18",
     .cohort = leavers_accommodation_17_18},
    {.key = "leavers_accommodation_19_21",
     .family = "leavers_accommodation",
     .section = Section::Independence,
     .title = "Care leavers aged 19 to 21 in suitable accommodation",
     .why = "A safe, suitable home is the base for everything else.",
     .numerator = "Care leavers in accommodation recorded as suitable (ACCOM ending in 1)",
     .denominator = "Care leavers with a 19th, 20th or 21st birthday in the 12 months",
     .population = kOc3Note,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         DFE_CLA ": care leavers in suitable accommodation; England 2025: 33,810 / 38,190 = 89%.",
     .deviation = "Rolling 12 months by birthday, as leavers_in_touch_17_18.",
     .basis = "Children Act 1989 s23C(4)",
     .default_target = 93.0,
     .comparator = "leavers_accommodation/age_19_21",
     .cohort = leavers_accommodation_19_21},
    {.key = "leavers_higher_education_19_21",
     .family = "leavers_higher_education",
     .section = Section::Independence,
     .title = "Care leavers aged 19 to 21 in higher education",
     .why =
         "Going to university is still rare for care leavers; the council owes them a bursary and "
         "support.",
     .numerator = "Care leavers in higher education (ACTIV F1 or P1)",
     .denominator = "Care leavers with a 19th, 20th or 21st birthday in the 12 months",
     .population = kOc3Note,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": care leavers aged 19 to 21 in higher education.",
     .deviation = "Rolling 12 months by birthday, as leavers_in_touch_17_18.",
     .basis = "Children Act 1989 s23C(4), s23C(5A) (higher education bursary)",
     .comparator = "leavers_higher_education/age_19_21",
     .cohort = leavers_higher_education_19_21},
    {.key = "pathway_plans",
     .family = "pathway_plans",
     .section = Section::Independence,
     .title = "Young people with an up-to-date pathway plan",
     .why = "The pathway plan is the young person's plan for adult life; an out-of-date plan is a "
            "broken promise.",
     .numerator =
         "Eligible, relevant and former relevant young people on the date with no pathway plan or "
         "pathway plan review overdue",
     .denominator = "Eligible, relevant and former relevant young people on the date",
     .population =
         "Young people the council owes leaving-care duties on the date; the timescales engine's "
         "pathway plan and pathway plan review items.",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "Care Leavers (England) Regulations 2010 regs 6-7 (plan within 3 months of eligibility, "
         "reviewed at least every 6 months).",
     .basis = "Care Leavers (England) Regulations 2010 regs 6-7",
     .default_target = 95.0,
     .cohort = pathway_plans},
    {.key = "pa_caseload",
     .family = "pa_caseload",
     .section = Section::Independence,
     .title = "Care leavers per personal adviser",
     .why = "A personal adviser with too many young people cannot keep in touch with each of them.",
     .numerator = "Young people with a personal adviser allocated on the date",
     .denominator = "Personal advisers with at least one young person allocated on the date",
     .population =
         "Eligible, relevant and former relevant young people with a current personal adviser "
         "allocation in the council's local records.",
     .unit = Unit::Ratio,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "No national definition: young people allocated divided by personal advisers holding "
         "them.",
     .deviation = "Local measure: no published comparator.",
     .basis = "Children Act 1989 s23D",
     .default_target = 25.0,
     .cohort = pa_caseload},
    {.key = "staying_put",
     .family = "staying_put",
     .section = Section::Independence,
     .title = "18-year-olds leaving foster care who stayed put",
     .why = "Staying with their foster family past 18 lets young people grow up at a normal pace.",
     .numerator = "Young people who ceased care on their 18th birthday and stayed with their "
                  "carers (REC E17)",
     .denominator = "Young people who ceased care on their 18th birthday from a foster placement "
                    "(PLACE U1-U6)",
     .population =
         "Periods of care ending in the period on the young person's 18th birthday, whose last "
         "placement was foster care.",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition =
         DFE_CLA ": care leavers who ceased care on their 18th birthday from foster care and "
                 "remained with their former foster carers (staying put).",
     .basis = "Children Act 1989 s23CZA",
     .cohort = staying_put},
};

}  // namespace

std::span<const Indicator> independence() {
  return kMeasures;
}

}  // namespace hearth::indicators::measures
