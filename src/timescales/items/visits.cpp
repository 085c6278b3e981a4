// Statutory items. Social workers' visits to the child: within a week of each new placement, then
// at the intervals the visits regulations set. One family of the timescales engine (child_run.hpp
// has the chain every family uses; the items' wording and sources are in registry.cpp).
#include "timescales/child_run.hpp"

namespace hearth::timescales::detail {

void ChildRun::visits(const CarePeriod& p) {
  if (!assessable(ItemId::SwVisit, Anchor::EnteredCare, at(p.start), WorkerRole::SocialWorker))
    return;
  std::vector<Ev> evs;
  for (const auto* v : d_.local_index.visits.of(c_)) {
    if (v->seen == false) continue;  // a visit at which the child was not seen does not count
    evs.push_back(ev_of(EvidenceKind::Visit, v, at(v->date)));
  }
  const auto& E = d_.episodes;
  for (const Placement& pl : placements(p)) {
    // The placement type in force on a date decides the interval after the first year.
    auto long_term_on = [&](Date day) {
      std::uint32_t e = pl.first;
      for (std::uint32_t i = pl.first; i <= pl.last; ++i)
        if (E.decom[i] <= day) e = i;
      return long_term_foster(E.place[e]);
    };
    Date first_year_end = add_months(pl.start, 12);
    chain(
        evs, Anchor::PlacementStart, Anchor::PreviousVisit, at(pl.start), pl.end, pl.ended,
        WorkerRole::SocialWorker,
        [&](DateTime anchor, std::uint16_t occ) {
          Date due;
          if (occ == 1)
            due = anchor.date + days{cfg_.visit_new_placement_days};
          else if (anchor.date < first_year_end)
            due = anchor.date + days{cfg_.visit_first_year_days};
          else if (long_term_on(anchor.date))
            due = add_months(anchor.date, cfg_.visit_long_term_months);
          else
            due = anchor.date + days{cfg_.visit_other_days};
          return std::tuple{ItemId::SwVisit, occ, at(due)};
        },
        ItemId::SwVisit);
  }
}

}  // namespace hearth::timescales::detail
