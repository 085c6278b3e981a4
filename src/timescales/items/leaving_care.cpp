// Statutory items. Leaving care: the needs assessment and pathway plan, their reviews, keeping in
// touch and the personal adviser. One family of the timescales engine (child_run.hpp has the chain
// every family uses; the items' wording and sources are in registry.cpp).
#include "timescales/child_run.hpp"

namespace hearth::timescales::detail {

void ChildRun::leaving_care() {
  CareLeaver cl = eng_.care_leaver(c_, as_of_);
  if (!cl.eligible_from || !rec_.dob) return;
  const Date dob = *rec_.dob;
  const Date eligible = *cl.eligible_from;
  const Date support_end = *cl.support_until;
  const bool support_over = support_end < as_of_;
  const auto& ix = d_.local_index;
  const WorkerRole after_care =
      cl.left_care ? WorkerRole::PersonalAdviser : WorkerRole::SocialWorker;

  // Needs assessment and pathway plan; then its reviews.
  if (assessable(ItemId::PathwayPlan, Anchor::BecameEligible, at(eligible), after_care)) {
    std::vector<Ev> plans, reviews;
    const Date earliest = add_months(eligible, -cfg_.pathway_plan_months);
    for (const auto* pp : ix.pathway_plans.of(c_)) {
      if (pp->date < earliest) continue;
      if (pp->kind == model::PathwayKind::Plan)
        plans.push_back(ev_of(EvidenceKind::PathwayPlan, pp, at(pp->date)));
      if (pp->kind != model::PathwayKind::Assessment)
        reviews.push_back(ev_of(EvidenceKind::PathwayPlan, pp, at(pp->date)));
    }
    std::size_t before = out_.size();
    const Date plan_due = add_months(eligible, cfg_.pathway_plan_months);
    chain(
        plans, Anchor::BecameEligible, Anchor::BecameEligible, at(earliest), support_end,
        support_over, after_care,
        [&](DateTime, std::uint16_t occ) {
          return std::tuple{ItemId::PathwayPlan, occ, at(plan_due)};
        },
        ItemId::PathwayPlan, 1);
    if (out_.size() == before + 1) out_[before].anchor_date = at(eligible);
    if (out_.size() == before + 1 && out_[before].evidence.kind != EvidenceKind::None) {
      chain(
          reviews, Anchor::PathwayPlan, Anchor::PreviousPathwayPlan, out_[before].evidence.when,
          support_end, support_over, after_care,
          [&](DateTime anchor, std::uint16_t occ) {
            return std::tuple{ItemId::PathwayPlanReview, occ,
                              at(add_months(anchor.date, cfg_.pathway_review_months))};
          },
          ItemId::PathwayPlanReview, 2000, true);
    }
  }

  // Personal adviser allocated.
  if (assessable(ItemId::PaAllocated, Anchor::BecameEligible, at(eligible),
                 WorkerRole::SocialWorker)) {
    const Date due = std::max(eligible, model::birthday(dob, cfg_.pa_allocation_age));
    const model::Allocation* pa = nullptr;
    for (const auto* a : ix.allocations.of(c_))
      if (a->role == WorkerRole::PersonalAdviser) {
        pa = a;
        break;
      }
    Ev ev;
    if (pa) ev = ev_of(EvidenceKind::Allocation, pa, at(pa->start));
    if (pa || due <= support_end)
      emit(ItemId::PaAllocated, 1, Anchor::BecameEligible, at(eligible), at(due),
           pa ? &ev : nullptr, support_over, WorkerRole::SocialWorker);
  }

  if (!cl.left_care) return;
  const Date left = *cl.left_care;
  if (!assessable(ItemId::PaContact, Anchor::LeftCare, at(left), WorkerRole::PersonalAdviser))
    return;
  std::vector<Ev> contacts;
  for (const auto* ct : ix.contacts.of(c_))
    contacts.push_back(ev_of(EvidenceKind::Contact, ct, at(ct->date)));
  chain(
      contacts, Anchor::LeftCare, Anchor::PreviousContact, at(left), support_end, support_over,
      WorkerRole::PersonalAdviser,
      [&](DateTime anchor, std::uint16_t occ) {
        return std::tuple{ItemId::PaContact, occ, at(anchor.date + days{cfg_.pa_contact_days})};
      },
      ItemId::PaContact);

  // A contact within 7 days of each move of home.
  std::optional<model::Accommodation> previous;
  std::uint16_t moves = 0;
  for (const auto* st : ix.care_leaver_status.of(c_)) {
    if (st->date > as_of_ || !st->accommodation) continue;
    bool moved =
        previous && *previous != *st->accommodation && st->date >= left && st->date <= support_end;
    previous = st->accommodation;
    if (!moved) continue;
    const Ev* found = nullptr;
    for (const Ev& ev : contacts)
      if (ev.when.date >= st->date) {
        found = &ev;
        break;
      }
    emit(ItemId::PaContactAfterMove, ++moves, Anchor::MovedHome, at(st->date),
         at(st->date + days{cfg_.pa_move_days}), found, support_over, WorkerRole::PersonalAdviser);
  }

  // In touch around the 17th to 21st birthdays (the 903's OC3 window).
  for (int age = 17; age <= 21; ++age) {
    const Date bday = model::birthday(dob, age);
    if (bday < left || bday > support_end) continue;
    const Date window_start = add_months(bday, -3);
    const Date window_end = add_months(bday, 1);
    if (window_start > as_of_) break;
    const Ev* found = nullptr;
    for (const Ev& ev : contacts)
      if (ev.when.date >= window_start) {
        found = &ev;
        break;
      }
    ItemStatus& s =
        emit(ItemId::InTouch, static_cast<std::uint16_t>(age), Anchor::Birthday, at(bday),
             at(window_end), found, support_over, WorkerRole::PersonalAdviser);
    s.actionable = !support_over && window_end >= as_of_ - days{31};
    if (s.status == Status::Upcoming || s.status == Status::DueSoon) break;
  }
}

}  // namespace hearth::timescales::detail
