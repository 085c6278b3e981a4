// Statutory items. Education: the personal education plan and its review each school term.
// One family of the timescales engine (child_run.hpp has the chain every family uses; the items'
// wording and sources are in registry.cpp).
#include "timescales/child_run.hpp"

namespace hearth::timescales::detail {

void ChildRun::education(const CarePeriod& p) {
  if (!rec_.dob) return;
  const Date dob = *rec_.dob;
  const Date from_age = model::birthday(dob, cfg_.pep_min_age);
  const Date too_old = model::birthday(dob, cfg_.pep_max_age + 1);
  Date anchor = std::max(p.start, from_age);
  if (anchor >= too_old || anchor > as_of_ || anchor > p.end) return;
  if (!assessable(ItemId::Pep, Anchor::EnteredCare, at(p.start), WorkerRole::SocialWorker)) return;
  std::vector<Ev> evs;
  for (const auto* pep : d_.local_index.peps.of(c_))
    evs.push_back(ev_of(EvidenceKind::Pep, pep, at(pep->date)));
  const Date pep_due = cal_.add_working_days(anchor, cfg_.pep_working_days);
  chain(
      evs, anchor == p.start ? Anchor::EnteredCare : Anchor::Birthday, Anchor::EnteredCare,
      at(anchor), std::min(p.end, too_old - days{1}), p.ended, WorkerRole::SocialWorker,
      [&](DateTime, std::uint16_t occ) {
        return std::tuple{ItemId::Pep, occ, at(pep_due)};
      },
      ItemId::Pep, 1);

  // Termly reviews: each term the child is in care for to its end, once the first PEP was due.
  const int first_year = static_cast<int>(year_month_day{anchor}.year());
  const Date last = std::min({p.end, as_of_, too_old - days{1}});
  const int last_year = static_cast<int>(year_month_day{last}.year());
  for (int y = first_year; y <= last_year; ++y) {
    for (const Term& t : cfg_.pep_terms) {
      Date ts = model::make_date(y, t.start_month, t.start_day);
      Date te = model::make_date(y, t.end_month, t.end_day);
      if (te < pep_due || ts > as_of_) continue;  // pep_due is never before anchor
      if (p.end < te) continue;                   // left care (or aged out) during the term
      if (te >= too_old) continue;
      // Each review is evidence for one term only: one held in the term is on time; one held
      // in the holiday after it (before the next term starts) is that term's, late. A review
      // held in the next term is the next term's and leaves this one not done.
      const Date next_start = next_term_start(te);
      const Ev* in_term = nullptr;
      const Ev* after = nullptr;
      for (const Ev& ev : evs) {
        if (ev.when.date > as_of_) break;
        if (ev.when.date >= ts && ev.when.date <= te) {
          in_term = &ev;
          break;
        }
        if (ev.when.date > te && ev.when.date < next_start && ev.when.date <= p.end) {
          after = &ev;
          break;
        }
      }
      ItemStatus& s = emit(ItemId::PepReview, 1, Anchor::TermStart, at(ts), at(te),
                           in_term ? in_term : after, false, WorkerRole::SocialWorker);
      s.term = t.name;
      s.actionable = !p.ended;
    }
  }
}

// The first day of the first term to start after `te`.
Date ChildRun::next_term_start(Date te) const {
  const int y = static_cast<int>(year_month_day{te}.year());
  std::optional<Date> best;
  for (int yy = y; yy <= y + 1; ++yy)
    for (const Term& t : cfg_.pep_terms) {
      Date ts = model::make_date(yy, t.start_month, t.start_day);
      if (ts > te && (!best || ts < *best)) best = ts;
    }
  return best.value_or(te + days{1});
}

}  // namespace hearth::timescales::detail
