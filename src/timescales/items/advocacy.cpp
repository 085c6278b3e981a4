// Items from the child's own requests: an advocate (Children Act 1989 s26A) or an independent
// visitor (s23ZB). The law sets no interval, so each is local practice (advocate_working_days,
// independent_visitor_months). One family of the timescales engine (child_run.hpp has what every
// family uses; the items' wording and sources are in registry.cpp).
#include "timescales/child_run.hpp"

namespace hearth::timescales::detail {

namespace {

using model::AdvocacyAllocation;
using model::AdvocacyRequest;

bool open_on(const AdvocacyAllocation& a, Date d) {
  return a.start <= d && (!a.end || *a.end >= d);
}

// The appointment that met a request: one recorded against it; else one of the same service the
// child already had on the day they asked; else the first made after they asked (and before the
// request closed) that was not recorded against another request.
const AdvocacyAllocation* appointment_for(const AdvocacyRequest& rq,
                                          std::span<const AdvocacyAllocation* const> all,
                                          Date as_of) {
  if (!rq.id.empty())
    for (const auto* a : all)
      if (a->service == rq.service && a->request == rq.id && a->start <= as_of) return a;
  for (const auto* a : all)
    if (a->service == rq.service && open_on(*a, rq.date)) return a;
  for (const auto* a : all) {
    if (a->service != rq.service || a->start < rq.date || a->start > as_of) continue;
    if (rq.closed && a->start > *rq.closed) break;
    if (!a->request.empty() && a->request != rq.id) continue;
    return a;
  }
  return nullptr;
}

}  // namespace

void ChildRun::advocacy() {
  const auto& ix = d_.local_index;
  const auto requests = ix.advocacy_requests.of(c_);
  if (requests.empty()) return;
  const auto allocations = ix.advocacy_allocations.of(c_);
  const bool in_care = !periods_.empty() && !periods_.back().ended;
  const CareLeaver cl = eng_.care_leaver(c_, as_of_);
  const bool supported =
      cl.left_care && cl.support_until && *cl.left_care <= as_of_ && *cl.support_until >= as_of_;
  std::uint16_t advocates = 0, visitors = 0;
  for (const AdvocacyRequest* rq : requests) {
    if (rq->date > as_of_) break;  // in date order
    const bool iv = rq->service == model::AdvocacyService::IndependentVisitor;
    const ItemId id = iv ? ItemId::IndependentVisitor : ItemId::Advocate;
    const std::uint16_t occ = iv ? ++visitors : ++advocates;
    const DateTime asked = at(rq->date);
    const DateTime due = at(iv ? add_months(rq->date, cfg_.independent_visitor_months)
                               : cal_.add_working_days(rq->date, cfg_.advocate_working_days));
    // An independent visitor is for a child in care (s23ZB); an advocate also for a care leaver,
    // whose personal adviser arranges it.
    const bool scope_ended = iv ? !in_care : !in_care && !supported;
    const WorkerRole role =
        !iv && !in_care && cl.left_care ? WorkerRole::PersonalAdviser : WorkerRole::SocialWorker;
    if (const AdvocacyAllocation* a = appointment_for(*rq, allocations, as_of_)) {
      Ev ev = ev_of(EvidenceKind::AdvocacyAllocation, a, at(std::max(a->start, rq->date)));
      emit(id, occ, Anchor::Requested, asked, due, &ev, scope_ended, role);
    } else if (rq->closed && *rq->closed <= as_of_) {
      not_applicable(id, Anchor::Requested, asked, due,
                     "the request closed without anyone being appointed (recorded)", role);
      out_.back().occurrence = occ;
    } else {
      emit(id, occ, Anchor::Requested, asked, due, nullptr, scope_ended, role);
    }
  }
}

}  // namespace hearth::timescales::detail
