// Context: the size of the council's promise, how many children come into and leave its care, and
// the care leavers it supports. Each entry is one indicator of the Board's scorecard with the
// function that finds its population (registry.hpp; docs/architecture.md says how to add one).
#include "indicators/measures/citations.hpp"
#include "indicators/measures/toolkit.hpp"
#include "indicators/registry.hpp"

namespace hearth::indicators::measures {

namespace {

void cla_count(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  f.per_child_on(out, p.end, [](auto, auto) { return std::pair{1.0, 0.0}; });
}

void cla_rate(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  cla_count(f, p, out);
  const auto& ref = f.reference();
  auto pop = ref.population_for(f.la(), model::CollectionYear::containing(p.end).end_year);
  if (!pop) {
    unavailable(out, "no population figure for council " + f.la() +
                         " in reference/population/under_18.csv");
    return;
  }
  out.population = pop->second;
  out.population_source =
      ref.population_source.count(f.la()) ? ref.population_source.at(f.la()) : "";
}

// Children with a period of care starting (or ending) in the period, a child counted once; a
// period whose first (last) episode is a short break does not count.
void period_edges(const Engine& f, const ReportingPeriod& p, Cohort& out, bool starts) {
  const auto& E = f.data().episodes;
  for (const auto& k : f.each_child()) {
    for (const auto& poc : k.periods) {
      const Date when = starts ? poc.start : poc.end;
      if (when < p.start || when > p.end) continue;
      if (short_break(E.ls[starts ? poc.first : poc.last])) continue;
      out.cases.push_back({k.child, starts ? when : when - days{1}, 1, 0});
      break;  // a child counted once
    }
  }
}

void cla_starts(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  period_edges(f, p, out, true);
}

void cla_ceased(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  period_edges(f, p, out, false);
}

void uasc_count(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  f.per_child_on(out, p.end, [&](model::ChildIndex c, auto) {
    return std::pair{f.uasc_on(c, p.end) ? 1.0 : 0.0, 0.0};
  });
}

// Young people of 18 to 20 on the date, not looked after, whom the council supports as former
// relevant care leavers. The stored 903 episodes show this only for those who left care within
// the years stored; the council's OC3 rows (a care leaver's row at each birthday from 17 to 21)
// and its local care leaver records show the rest. A latest OC3 or status row saying the young
// person died or went home for good (DIED, RHOM) ends it.
void care_leavers_18_20(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const Date d = p.end;
  const auto& data = f.data();
  std::size_t from_episodes = 0, from_oc3 = 0, from_local = 0;
  for (const auto& k : f.each_child()) {
    const model::ChildIndex c = k.child;
    model::OptDate dob = data.children[c].dob;
    const model::Oc3* latest_oc3 = nullptr;
    int latest_year = 0;
    for (auto r : model::rows(k.oc3)) {
      const auto& row = data.oc3[r];
      if (row.year > model::CollectionYear::containing(d).end_year) continue;
      if (!dob && row.row.dob) dob = row.row.dob;
      if (row.year >= latest_year) {
        latest_year = row.year;
        latest_oc3 = &row.row;
      }
    }
    if (!dob) continue;
    const int age = model::age_on(*dob, d);
    if (age < 18 || age > 20 || f.looked_after(c, d)) continue;
    const model::CareLeaverStatus* status = nullptr;
    for (const auto* st : data.local_index.care_leaver_status.of(c))
      if (st->date <= d) status = st;
    std::optional<model::InTouch> last;
    if (latest_oc3) last = latest_oc3->in_touch;
    if (status && (!latest_oc3 || status->date >= model::CollectionYear{latest_year}.end()))
      last = status->in_touch;
    if (last == model::InTouch::DIED || last == model::InTouch::RHOM) continue;
    auto cl = f.timescales().care_leaver(c, d);
    if (cl.category == "former relevant" && cl.support_until && *cl.support_until >= d)
      ++from_episodes;
    else if (latest_oc3)
      ++from_oc3;
    else if (status || !data.local_index.contacts.of(c).empty())
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

void care_leavers_21_25(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const Date d = p.end;
  for (model::ChildIndex c : f.children()) {
    const auto& dob = f.data().children[c].dob;
    if (f.looked_after(c, d) || !dob) continue;
    auto cl = f.timescales().care_leaver(c, d);
    if (cl.category != "former relevant" || !cl.support_until || *cl.support_until < d) continue;
    const int age = model::age_on(*dob, d);
    if (age >= 21 && age <= 25) out.cases.push_back({c, d, 1, 0});
  }
}

constexpr Indicator kMeasures[] = {
    {.key = "cla_count",
     .family = "cla_count",
     .section = Section::Context,
     .title = "Children looked after",
     .why = "How many children the council is corporate parent to: the size of its promise.",
     .numerator = "Children looked after on the date",
     .population = "Every child in care on the date. " EXCL_SB,
     .unit = Unit::Count,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": children looked after at 31 March (an episode open on the day).",
     .basis = "Children Act 1989 s22",
     .comparator = "cla_count/count",
     .cohort = cla_count},
    {.key = "cla_rate",
     .family = "cla_count",
     .section = Section::Context,
     .title = "Children looked after per 10,000 children",
     .why = "Compares the council's care population with others of different size.",
     .numerator = "Children looked after on the date",
     .denominator = "The council's resident children aged 0 to 17 / 10,000",
     .population =
         "As cla_count; the population is the ONS mid-year estimate for the year before the "
         "collection year ends (reference/population/under_18.csv).",
     .unit = Unit::RatePer10000,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": rate per 10,000 children aged under 18.",
     .deviation = "For a date after the latest population figure, the latest figure is used.",
     .basis = "Children Act 1989 s22",
     .comparator = "cla_count/rate_per_10000",
     .cohort = cla_rate},
    {.key = "cla_starts",
     .family = "cla_starts",
     .section = Section::Context,
     .title = "Children who started to be looked after",
     .why = "Shows the pressure on the service: each start is a child whose life has changed.",
     .numerator = "Children with a period of care starting in the period (a child counted once)",
     .population =
         "Periods of care that begin in the period, unless their first episode is a short break "
         "(LS V3/V4).",
     .unit = Unit::Count,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": children who started to be looked after during the year.",
     .deviation =
         "A period of care begins where an episode does not start on the day the previous one "
         "ended, so a missing RNE S does not hide a start.",
     .basis = "Children Act 1989 s20, s31",
     .comparator = "cla_starts/count",
     .cohort = cla_starts},
    {.key = "cla_ceased",
     .family = "cla_ceased",
     .section = Section::Context,
     .title = "Children who ceased to be looked after",
     .why = "Shows how many children left care, home, to permanence or to adulthood.",
     .numerator = "Children whose period of care ended in the period (a child counted once)",
     .population =
         "Periods of care that end in the period, unless their last episode is a short break.",
     .unit = Unit::Count,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": children who ceased to be looked after during the year.",
     .basis = "Children Act 1989 s22",
     .comparator = "cla_ceased/count",
     .cohort = cla_ceased},
    {.key = "uasc_count",
     .family = "uasc_count",
     .section = Section::Context,
     .title = "Unaccompanied asylum-seeking children looked after",
     .why = "These children arrive alone and need specialist support, and the national transfer "
            "scheme sets the council's share.",
     .numerator =
         "Children looked after on the date who were unaccompanied asylum-seeking children",
     .population =
         "Children looked after on the date (" EXCL_SB ") with a UASC row whose status had not "
         "ceased (DUC) by the date.",
     .unit = Unit::Count,
     .polarity = Polarity::Context,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = DFE_CLA ": UASC looked after at 31 March.",
     .basis = "Children Act 1989 s20; Immigration Act 2016 s69",
     .comparator = "uasc_count/count",
     .cohort = uasc_count},
    {.key = "care_leavers_18_20",
     .family = "care_leavers_count",
     .section = Section::Context,
     .title = "Care leavers aged 18 to 20 the council supports",
     .why = "Being a corporate parent does not stop at 18: these young people are owed support.",
     .numerator = "Former relevant young people aged 18 to 20 on the date",
     .population =
         "Young people who were eligible (13 weeks in care since 14, including a day at 16 or 17) "
         "and have left care, aged 18 to 20 on the date: those the stored 903 episodes show, and "
         "those the council's OC3 rows or local care leaver records show (most who left care "
         "before "
         "the earliest stored return). Not those recorded as died or returned home (DIED, RHOM).",
     .unit = Unit::Count,
     .polarity = Polarity::Context,
     .source = Source::Ssda903OrLocal,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "Children (Leaving Care) Act 2000 categories, as the timescales engine finds them "
         "(docs/timescales.md); OC3 rows are kept only for former relevant care leavers.",
     .deviation =
         "The DfE publishes care leavers only through OC3 at birthdays; this counts everyone the "
         "council supports on the date. The card says how many came from each source.",
     .basis = "Children Act 1989 s23C; Care Leavers (England) Regulations 2010",
     .cohort = care_leavers_18_20},
    {.key = "care_leavers_21_25",
     .family = "care_leavers_count",
     .section = Section::Context,
     .title = "Care leavers aged 21 to 25 the council supports",
     .why = "Young people can ask for support up to 25; this is how many still have it.",
     .numerator = "Former relevant young people aged 21 to 25 on the date whose support continues",
     .population =
         "As care_leavers_18_20, for those aged 21 to 25 whose local records say they asked for "
         "support to 25.",
     .unit = Unit::Count,
     .polarity = Polarity::Context,
     .source = Source::Ssda903OrLocal,
     .frequency = Frequency::AnyPeriod,
     .definition =
         "Children and Social Work Act 2017 s3 (support to 25), as the timescales engine finds it.",
     .deviation = "Needs the local care leavers' status records; from the 903 alone this is 0.",
     .basis = "Children Act 1989 s23CZB",
     .cohort = care_leavers_21_25},
};

}  // namespace

std::span<const Indicator> context() {
  return kMeasures;
}

}  // namespace hearth::indicators::measures
