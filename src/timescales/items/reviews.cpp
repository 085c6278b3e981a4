// Statutory items. Reviews of the care plan (IRO reviews): the first within 20 working days of
// entering care, the second within 3 months of it, then every 6 months. One family of the
// timescales engine (child_run.hpp has the chain every family uses; the items' wording and sources
// are in registry.cpp).
#include "timescales/child_run.hpp"

namespace hearth::timescales::detail {

void ChildRun::reviews(const CarePeriod& p) {
  std::vector<Ev> evs;
  const auto& R = d_.reviews;
  for (std::uint32_t i = rec_.reviews.begin; i < rec_.reviews.begin + rec_.reviews.count; ++i) {
    Ev ev;
    ev.when = at(R.review[i]);
    ev.e = {EvidenceKind::Review903, nullptr, i, ev.when};
    evs.push_back(ev);
  }
  for (const auto* r : d_.local_index.reviews.of(c_)) {
    if (r->cancelled) continue;
    evs.push_back(ev_of(EvidenceKind::LocalReview, r, at(r->date)));
  }
  std::stable_sort(evs.begin(), evs.end(),
                   [](const Ev& a, const Ev& b) { return a.when.date < b.when.date; });
  // The 903 and the local table often both hold a review: keep one per day.
  evs.erase(std::unique(evs.begin(), evs.end(),
                        [](const Ev& a, const Ev& b) { return a.when.date == b.when.date; }),
            evs.end());
  const auto& cfg = cfg_;
  const auto& cal = cal_;
  std::size_t before = out_.size();
  int shift = 0;  // occurrences renumbered once the chain restarts where the records begin
  chain(evs, Anchor::EnteredCare, Anchor::PreviousReview, at(p.start), p.end, p.ended,
        WorkerRole::SocialWorker, [&](DateTime anchor, std::uint16_t occ) {
          // The first reviews fell before the records: the chain goes on with later reviews,
          // numbered from 1 and each one once.
          if (skipped_ && occ + shift < 3) shift = 3 - occ;
          occ = static_cast<std::uint16_t>(occ + shift);
          if (occ == 1)
            return std::tuple{ItemId::FirstReview, std::uint16_t{1},
                              at(cal.add_working_days(anchor.date, cfg.first_review_working_days))};
          if (occ == 2)
            return std::tuple{ItemId::SecondReview, std::uint16_t{1},
                              at(add_months(anchor.date, cfg.second_review_months))};
          return std::tuple{ItemId::LaterReview, static_cast<std::uint16_t>(occ - 2),
                            at(add_months(anchor.date, cfg.later_review_months))};
        });
  for (std::size_t i = before; i < out_.size(); ++i)
    if (out_[i].item == ItemId::SecondReview) out_[i].anchor = Anchor::FirstReview;
  if (out_.size() == before && p.ended)
    not_applicable(ItemId::FirstReview, Anchor::EnteredCare, at(p.start),
                   at(cal_.add_working_days(p.start, cfg_.first_review_working_days)),
                   "ceased to be looked after before it was due");
  // The permanence plan is due by the second review.
  first_review_ = std::nullopt;
  for (std::size_t i = before; i < out_.size(); ++i)
    if (out_[i].item == ItemId::FirstReview) {
      first_review_ = out_[i].evidence.kind != EvidenceKind::None ? out_[i].evidence.when.date
                                                                  : out_[i].due->date;
    }
}

}  // namespace hearth::timescales::detail
