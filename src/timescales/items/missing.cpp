// Statutory items. Return home interviews after a child was missing: within 72 hours.
// One family of the timescales engine (child_run.hpp has the chain every family uses; the items'
// wording and sources are in registry.cpp).
#include "timescales/child_run.hpp"

namespace hearth::timescales::detail {

void ChildRun::missing() {
  std::uint16_t occ = 0;
  for (const auto* m : d_.local_index.missing.of(c_)) {
    if (!m->end || m->end->date > as_of_) continue;
    // The 2014 guidance offers the interview when a *missing* child is found; a child away
    // (whereabouts known, type A) is not missing.
    if (m->type == model::MissingType::A) continue;
    // Only returns while the child was looked after.
    bool in_care = false;
    for (const CarePeriod& p : periods_)
      if (m->end->date >= p.start && m->end->date <= p.end && !p.short_breaks) in_care = true;
    if (!in_care) continue;
    DateTime due = add_hours(*m->end, cfg_.rhi_hours);
    Ev ev;
    const Ev* evp = nullptr;
    if (m->rhi_date) {
      ev = ev_of(EvidenceKind::Missing, m, *m->rhi_date);
      evp = &ev;
    } else if (m->rhi_accepted == false) {
      ev = ev_of(EvidenceKind::Missing, m, m->end ? *m->end : m->start);
      ev.refused = true;
      ev.refusal = "the child declined the return home interview (recorded)";
      evp = &ev;
    }
    ItemStatus& s = emit(ItemId::Rhi, ++occ, Anchor::ReturnFromMissing, *m->end, due, evp, false,
                         WorkerRole::SocialWorker);
    if (s.status == Status::Overdue && m->rhi_offered == false)
      s.reason = "no interview was offered";
    // An interview not held within days of the return is no longer a return interview.
    s.actionable = s.status != Status::Overdue || due.date + days{28} >= as_of_;
  }
}

}  // namespace hearth::timescales::detail
