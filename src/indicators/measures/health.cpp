// Health and wellbeing: health assessments, checks and the SDQ from the 903's OC2 table, and the
// timeliness of health assessments. Each entry is one indicator of the Board's scorecard with the
// function that finds its population (registry.hpp; docs/architecture.md says how to add one).
#include "indicators/measures/citations.hpp"
#include "indicators/measures/toolkit.hpp"
#include "indicators/registry.hpp"

namespace hearth::indicators::measures {

namespace {

void health_assessment(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  oc2_cohort(f, p, out, [](const Oc2Child& k) -> std::optional<double> {
    return k.yes(&model::Oc2::health_assessment);
  });
}

// Development checks are for children under 5.
void development_checks(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  oc2_cohort(f, p, out, [](const Oc2Child& k) -> std::optional<double> {
    if (k.age < 0 || k.age >= 5) return std::nullopt;
    return k.yes(&model::Oc2::health_check);
  });
}

void iha_timely(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  f.timeliness(out, p, {timescales::ItemId::Iha});
}

void rha_timely(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  f.timeliness(out, p, {timescales::ItemId::Rha});
}

void dental(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  oc2_cohort(f, p, out, [](const Oc2Child& k) -> std::optional<double> {
    return k.yes(&model::Oc2::teeth_check);
  });
}

void immunisations(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  oc2_cohort(f, p, out, [](const Oc2Child& k) -> std::optional<double> {
    return k.yes(&model::Oc2::immunisations);
  });
}

// The SDQ is for children aged 5 to 16.
void sdq_completed(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  oc2_cohort(f, p, out, [](const Oc2Child& k) -> std::optional<double> {
    if (k.age < 5 || k.age > 16) return std::nullopt;
    return k.sdq >= 0;
  });
}

void sdq_average(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  oc2_cohort(f, p, out, [](const Oc2Child& k) -> std::optional<double> {
    if (k.age < 5 || k.age > 16 || k.sdq < 0) return std::nullopt;
    return k.sdq;
  });
}

// A score of 17 or more is a cause for concern.
void sdq_concern(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  oc2_cohort(f, p, out, [](const Oc2Child& k) -> std::optional<double> {
    if (k.age < 5 || k.age > 16 || k.sdq < 0) return std::nullopt;
    return k.sdq >= 17;
  });
}

void substance_misuse(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  oc2_cohort(f, p, out, [](const Oc2Child& k) -> std::optional<double> {
    return k.yes(&model::Oc2::substance_misuse);
  });
}

constexpr Indicator kMeasures[] = {
    {.key = "health_assessment",
     .family = "health_assessment",
     .section = Section::Health,
     .title = "Children with an up-to-date health assessment",
     .why = "An annual health assessment is how unmet health needs are found.",
     .numerator = "Children in the OC2 cohort whose annual health assessment was up to date "
                  "(HEALTH_ASSESSMENT "
                  "= 1)",
     .denominator = "Children looked after continuously for 12 months at 31 March",
     .population = kOc2Population,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::Annual,
     .definition =
         DFE_CLA ": health assessments up to date, OC2; England 2025: 52,580 / 58,530 = 90%.",
     .deviation =
         "A child in the cohort with no OC2 row counts in the denominator only (the validator "
         "reports the missing row).",
     .basis = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 7, sch 1",
     .default_target = 95.0,
     .comparator = "health_assessment/percent",
     .cohort = health_assessment},
    {.key = "development_checks",
     .family = "health_assessment",
     .section = Section::Health,
     .title = "Children under 5 with up-to-date development checks",
     .why = "Early checks catch developmental delay when help makes the most difference.",
     .numerator =
         "Children under 5 in the OC2 cohort whose development assessments were up to date "
         "(HEALTH_CHECK = 1)",
     .denominator = "Children under 5 at 31 March looked after continuously for 12 months",
     .population = kOc2Population,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::Annual,
     .definition = DFE_CLA
     ": development assessments up to date (under 5s), OC2; England 2025: 5,580 / 6,360 "
     "= 88%.",
     .basis =
         "Healthy Child Programme; Promoting the health and well-being of looked-after children "
         "(2015)",
     .cohort = development_checks},
    {.key = "iha_timely",
     .family = "health_assessment",
     .section = Section::Health,
     .title = "Initial health assessments within 20 working days",
     .why = "The first health assessment sets up the child's health plan for their time in care.",
     .numerator = "Initial health assessments due in the period done within 20 working days of "
                  "entering care",
     .denominator = "Initial health assessments due in the period (refusals excluded)",
     .population =
         "Children entering care; the timescales engine's initial health assessment item.",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "Promoting the health and well-being of looked-after children (2015): an initial health "
         "assessment in time for the first review (20 working days).",
     .basis = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 7",
     .default_target = 80.0,
     .cohort = iha_timely},
    {.key = "rha_timely",
     .family = "health_assessment",
     .section = Section::Health,
     .title = "Review health assessments on time",
     .why = "Review assessments keep the health plan current: 6-monthly under 5, yearly after.",
     .numerator = "Review health assessments due in the period done on time",
     .denominator = "Review health assessments due in the period (refusals excluded)",
     .population = "Children looked after; the timescales engine's review health assessment item.",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "Care Planning Regulations 2010 sch 1: review health assessments every 6 months under 5, "
         "every 12 months from 5.",
     .basis = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 7",
     .default_target = 95.0,
     .cohort = rha_timely},
    {.key = "dental",
     .family = "dental",
     .section = Section::Health,
     .title = "Children with a dental check in the year",
     .why = "Tooth decay is common and preventable, and is missed when children move.",
     .numerator = "Children in the OC2 cohort with a dental check in the year (TEETH_CHECK = 1)",
     .denominator = "Children looked after continuously for 12 months at 31 March",
     .population = kOc2Population,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::Annual,
     .definition =
         DFE_CLA ": teeth checked by a dentist, OC2; England 2025: 47,320 / 58,530 = 81%.",
     .basis = "Promoting the health and well-being of looked-after children (2015)",
     .default_target = 70.0,
     .comparator = "dental/percent",
     .cohort = dental},
    {.key = "immunisations",
     .family = "immunisations",
     .section = Section::Health,
     .title = "Children with immunisations up to date",
     .why = "Missed vaccinations leave children exposed to preventable illness.",
     .numerator = "Children in the OC2 cohort with immunisations up to date (IMMUNISATIONS = 1)",
     .denominator = "Children looked after continuously for 12 months at 31 March",
     .population = kOc2Population,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::Annual,
     .definition = DFE_CLA ": immunisations up to date, OC2; England 2025: 49,160 / 58,530 = 84%.",
     .basis = "Promoting the health and well-being of looked-after children (2015)",
     .default_target = 90.0,
     .comparator = "immunisations/percent",
     .cohort = immunisations},
    {.key = "sdq_completed",
     .family = "sdq",
     .section = Section::Health,
     .title = "Children aged 5 to 16 with an SDQ score",
     .why =
         "The Strengths and Difficulties Questionnaire is how emotional health needs are spotted.",
     .numerator = "Children in the OC2 cohort aged 5 to 16 with an SDQ score",
     .denominator = "Children in the OC2 cohort aged 5 to 16 at 31 March",
     .population = kOc2Population,
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::Annual,
     .definition = DFE_CLA ": SDQ received, ages 5 to 16; England 2025: 33,790 / 43,220 = 78%.",
     .deviation =
         "The spec says 4 to 16 (the ages the 903 collects); the DfE publishes 5 to 16 because the "
         "date of the questionnaire is not collected, and Hearth follows it so that the England "
         "figure compares.",
     .basis = "Promoting the health and well-being of looked-after children (2015)",
     .default_target = 80.0,
     .comparator = "sdq/percent_with_score",
     .cohort = sdq_completed},
    {.key = "sdq_average",
     .family = "sdq",
     .section = Section::Health,
     .title = "Average SDQ score",
     .why =
         "A higher score means more emotional and behavioural difficulty; 17 or more is a concern.",
     .numerator = "Sum of SDQ scores",
     .denominator = "Children in the OC2 cohort aged 5 to 16 with an SDQ score",
     .population = kOc2Population,
     .unit = Unit::Score,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::Annual,
     .definition = DFE_CLA ": average SDQ score; England 2025: 14.9.",
     .basis = "Promoting the health and well-being of looked-after children (2015)",
     .comparator = "sdq/average_score",
     .cohort = sdq_average},
    {.key = "sdq_concern",
     .family = "sdq",
     .section = Section::Health,
     .title = "Children whose SDQ score is a concern",
     .why = "Children scoring 17 or more need their emotional health looked at closely.",
     .numerator = "Children with an SDQ score of 17 or more",
     .denominator = "Children aged 5 to 16 with an SDQ score",
     .population = kOc2Population,
     .unit = Unit::Percent,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::Annual,
     .definition = DFE_CLA ": SDQ score bands, 17-40 'cause for concern'; England 2025: 42%.",
     .basis = "Promoting the health and well-being of looked-after children (2015)",
     .comparator = "sdq/concern_percent",
     .cohort = sdq_concern},
    {.key = "substance_misuse",
     .family = "substance_misuse",
     .section = Section::Health,
     .title = "Children identified as having a substance misuse problem",
     .why = "Identifying substance misuse is the first step to getting a child help.",
     .numerator = "Children in the OC2 cohort identified with a substance misuse problem "
                  "(SUBSTANCE_MISUSE = "
                  "1)",
     .denominator = "Children looked after continuously for 12 months at 31 March",
     .population = kOc2Population,
     .unit = Unit::Percent,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::Annual,
     .definition =
         DFE_CLA ": identified as having a substance misuse problem, OC2; England 2025: 3%.",
     .basis = "Promoting the health and well-being of looked-after children (2015)",
     .comparator = "substance_misuse/percent",
     .cohort = substance_misuse},
};

}  // namespace

std::span<const Indicator> health() {
  return kMeasures;
}

}  // namespace hearth::indicators::measures
