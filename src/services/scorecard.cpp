#include "services/scorecard.hpp"

#include <algorithm>

#include "indicators/registry.hpp"
#include "services/errors.hpp"

namespace hearth::services {

ScorecardPlan plan_scorecard(const SnapshotCache& snap, const ScorecardQuery& q) {
  const auto& data = *snap.data;
  ScorecardPlan p;
  auto kind = indicators::period_kind_by_name(q.period);
  if (!kind)
    throw bad_input("bad_period",
                    q.period_name + " must be month, quarter or year, not '" + q.period + "'",
                    {{"parameter", "period"}, {"value", q.period}});
  p.options.period = *kind;
  p.options.suppress = q.suppress;
  p.options.breakdowns = q.breakdowns;
  for (const auto& key : q.only) {
    const auto* ind = indicators::indicator_by_key(key);
    if (!ind)
      throw bad_input("bad_indicator",
                      "there is no indicator '" + key + "': hearth indicators list shows them",
                      {{"parameter", "only"}, {"value", key}});
    p.options.only.push_back(ind);
  }
  p.la = council_of(data, q.la, q.la_name);
  p.as_of = resolve_as_of(data, q.as_of, ingest::AsOfUse::Scorecard, p.la, q.as_of_name);
  int first_year = 0;
  for (const auto& [rla, year] : data.returns)
    if (rla == p.la && (first_year == 0 || year < first_year)) first_year = year;
  const auto start = model::CollectionYear{first_year}.start();
  if (p.as_of.date < start)
    throw bad_input("bad_as_of",
                    q.as_of_name + " " + model::format_iso(p.as_of.date) + " is before council " +
                        p.la + "'s earliest stored return, which starts on " +
                        model::format_iso(start),
                    {{"parameter", "as_of"}});
  // The asked date and the records note are in the key too: a date after the returns is worked
  // out at their end but answers with its own warning, and the note names today.
  p.key = p.la + "|" + q.period + "|" + model::format_iso(p.as_of.date) + "|" +
          model::format_iso(p.as_of.requested) + "|" + p.as_of.records_note + "|" +
          (q.suppress ? "s" : "u") + "|" + (q.breakdowns ? "b" : "-");
  for (const auto& key : q.only) p.key += "|" + key;
  return p;
}

indicators::Scorecard build_scorecard(const SnapshotCache& snap, const ScorecardPlan& plan) {
  indicators::Engine engine(*snap.data, *snap.engine, snap.reference(), plan.la, plan.as_of.date,
                            snap.settings.scorecard.rules);
  auto sc =
      indicators::build_scorecard(engine, snap.reference(), snap.settings.scorecard, plan.options);
  sc.warning = plan.as_of.warning;
  sc.records_note = plan.as_of.records_note;
  return sc;
}

}  // namespace hearth::services
