// Statutory items. The permanence plan, due by the second review.
// One family of the timescales engine (child_run.hpp has the chain every family uses; the items'
// wording and sources are in registry.cpp).
#include "timescales/child_run.hpp"

namespace hearth::timescales::detail {

void ChildRun::permanence(const CarePeriod& p) {
  if (!first_review_) return;
  if (!assessable(ItemId::PermanencePlan, Anchor::EnteredCare, at(p.start),
                  WorkerRole::SocialWorker))
    return;
  std::vector<Ev> evs;
  for (const auto* cp : d_.local_index.care_plans.of(c_))
    if (!cp->permanence_plan.empty())
      evs.push_back(ev_of(EvidenceKind::CarePlan, cp, at(cp->start)));
  const Date due = add_months(*first_review_, cfg_.second_review_months);
  std::size_t before = out_.size();
  chain(
      evs, Anchor::EnteredCare, Anchor::EnteredCare, at(p.start), p.end, p.ended,
      WorkerRole::SocialWorker,
      [&](DateTime, std::uint16_t occ) {
        return std::tuple{ItemId::PermanencePlan, occ, at(due)};
      },
      ItemId::PermanencePlan, 1);
  (void)before;
}

}  // namespace hearth::timescales::detail
