// Education, training and employment: personal education plans, suspensions and convictions. Each
// entry is one indicator of the Board's scorecard with the function that finds its population
// (registry.hpp; docs/architecture.md says how to add one).
#include "indicators/measures/citations.hpp"
#include "indicators/measures/toolkit.hpp"
#include "indicators/registry.hpp"

namespace hearth::indicators::measures {

namespace {

// Children looked after for the whole of the last school term that ended on or before the date,
// whose PEP was reviewed in that term.
void pep_current(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  using timescales::ItemId;
  using timescales::Status;
  const Date d = p.end;
  if (!f.timescales().has_records(f.la(), ItemId::PepReview)) {
    unavailable(out, "the council has sent no local PEP records");
    return;
  }
  std::optional<Date> term_end;
  for (int y = year_of(d) - 1; y <= year_of(d); ++y)
    for (const auto& t : f.timescales().config().pep_terms) {
      const Date te = model::make_date(y, t.end_month, t.end_day);
      if (te <= d && (!term_end || te > *term_end)) term_end = te;
    }
  out.basis = *term_end;
  for (const auto& k : f.each_child())
    for (const auto* it : k.items) {
      if (it->item != ItemId::PepReview || !it->due || it->due->date != *term_end ||
          it->status == Status::NotApplicable)
        continue;
      // Looked after for the whole of the term (not on short breaks): in care from its first
      // day to its last in one period.
      const Date term_start = it->anchor_date.date;
      const PeriodOfCare* poc = f.period_on(k.child, term_start);
      if (!poc || poc->end <= *term_end || !f.looked_after(k.child, term_start)) continue;
      out.cases.push_back({k.child, *term_end, it->status == Status::DoneOnTime ? 1.0 : 0.0, 1});
    }
}

// Convictions are counted for children aged 10 to 17.
void convictions(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  oc2_cohort(f, p, out, [](const Oc2Child& k) -> std::optional<double> {
    if (k.age < 10 || k.age > 17) return std::nullopt;
    return k.yes(&model::Oc2::convicted);
  });
}

constexpr Indicator kMeasures[] = {
    {.key = "pep_current",
     .family = "pep_current",
     .section = Section::Education,
     .title = "School-age children whose PEP was reviewed last term",
     .why =
         "The personal education plan is how the virtual school makes sure each child is learning.",
     .numerator = "Children whose personal education plan was reviewed in the last school term "
                  "that ended on "
                  "or before the date",
     .denominator = "Children of school age looked after for the whole of that term",
     .population =
         "Children looked after throughout the term, of the ages the timescales engine's PEP items "
         "cover (docs/timescales.md).",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "Promoting the education of looked-after and previously looked-after children (2018): the "
         "PEP is reviewed each term.",
     .deviation =
         "The spec says 'this term'; a term still running would make the figure depend on the day "
         "in the term it is read, so Hearth reports the last complete term. Terms are school terms "
         "(default autumn 1 Sep-20 Dec, spring 5 Jan-5 Apr, summer 20 Apr-22 Jul; each council "
         "sets "
         "its own in pep_terms). A review counts for the term it was held in, or late for the term "
         "just ended when held in the holiday after it: never for two terms.",
     .basis = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 5",
     .default_target = 95.0,
     .cohort = pep_current},
    {.key = "suspensions",
     .family = "suspensions",
     .section = Section::Education,
     .title = "Children with one or more suspensions",
     .why =
         "Each suspension is lost learning and often a sign that support at school is not working.",
     .numerator = "Children looked after with one or more suspensions in the period",
     .population = "Children looked after in the period.",
     .unit = Unit::Count,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::NotHeld,
     .frequency = Frequency::AnyPeriod,
     .definition = "DfE 'Outcomes for children in need, including children looked after by local "
                   "authorities' (suspensions and permanent exclusions, from the school census).",
     .basis = "Promoting the education of looked-after children (2018)",
     .needs = "the school suspensions and exclusions of children in its care (the virtual "
              "school holds them)"},
    {.key = "convictions",
     .family = "convictions",
     .section = Section::Education,
     .title = "Children aged 10 or over convicted or cautioned",
     .why = "Care should protect children from being drawn into crime, and from being criminalised "
            "for behaviour at home.",
     .numerator =
         "Children in the OC2 cohort aged 10 to 17 convicted or given a youth caution in the year "
         "(CONVICTED = 1)",
     .denominator = "Children in the OC2 cohort aged 10 to 17 at 31 March",
     .population = kOc2Population,
     .unit = Unit::Percent,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::Annual,
     .definition =
         DFE_CLA ": convicted or subject to youth cautions, OC2, aged 10-17; England 2025: 800 / "
                 "40,990 = 2%.",
     .basis = "National protocol on reducing unnecessary criminalisation of looked-after children "
              "(2018)",
     .comparator = "convictions/percent",
     .cohort = convictions},
};

}  // namespace

std::span<const Indicator> education() {
  return kMeasures;
}

}  // namespace hearth::indicators::measures
