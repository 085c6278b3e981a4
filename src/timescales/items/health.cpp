// Statutory items. Health: the initial and review health assessments, immunisations and the SDQ.
// One family of the timescales engine (child_run.hpp has the chain every family uses; the items'
// wording and sources are in registry.cpp).
#include "timescales/child_run.hpp"

namespace hearth::timescales::detail {

std::vector<Ev> ChildRun::health_evidence(model::HealthCheckType type) const {
  std::vector<Ev> evs;
  for (const auto* h : d_.local_index.health_checks.of(c_)) {
    if (h->type != type || h->status == model::CheckStatus::NotCompleted) continue;
    Ev ev = ev_of(EvidenceKind::HealthCheck, h, at(h->date));
    if (h->status == model::CheckStatus::Refused) {
      ev.refused = true;
      ev.refusal = "refused by the child or young person (recorded)";
    }
    evs.push_back(ev);
  }
  return evs;
}

void ChildRun::health(const CarePeriod& p) {
  const DateTime start = at(p.start);
  if (!assessable(ItemId::Iha, Anchor::EnteredCare, start, WorkerRole::SocialWorker)) return;
  auto iha = health_evidence(model::HealthCheckType::Initial);
  std::size_t before = out_.size();
  chain(
      iha, Anchor::EnteredCare, Anchor::EnteredCare, start, p.end, p.ended,
      WorkerRole::SocialWorker,
      [&](DateTime anchor, std::uint16_t occ) {
        return std::tuple{ItemId::Iha, occ,
                          at(cal_.add_working_days(anchor.date, cfg_.iha_working_days))};
      },
      ItemId::Iha, 1);
  if (out_.size() == before && p.ended && !skipped_) {
    not_applicable(ItemId::Iha, Anchor::EnteredCare, start,
                   at(cal_.add_working_days(p.start, cfg_.iha_working_days)),
                   "ceased to be looked after before it was due");
  }
  // Review health assessments run from the initial one (done or refused).
  std::optional<DateTime> iha_done;
  if (out_.size() == before + 1 && out_[before].evidence.kind != EvidenceKind::None)
    iha_done = out_[before].evidence.when;
  auto rha = health_evidence(model::HealthCheckType::Review);
  // The initial assessment fell due before the records begin (so it is not judged): the
  // reviews run from the first initial assessment on record, or from the day the records
  // begin when there is none.
  Anchor rha_anchor = Anchor::InitialHealthAssessment;
  if (!iha_done && skipped_) {
    const Date begin = eng_.records_begin(rec_.la, ItemId::Rha);
    for (const Ev& ev : iha)
      if (ev.when.date >= begin && ev.when.date <= as_of_ && ev.when.date <= p.end) {
        iha_done = ev.when;
        break;
      }
    if (!iha_done && begin <= as_of_ && begin < p.end) {
      iha_done = at(std::max(begin, p.start));
      rha_anchor = Anchor::RecordsBegin;
    }
  }
  if (iha_done) {
    const auto dob = rec_.dob;
    chain(
        rha, rha_anchor, Anchor::PreviousHealthAssessment, *iha_done, p.end, p.ended,
        WorkerRole::SocialWorker,
        [&](DateTime anchor, std::uint16_t occ) {
          // Under 5 at the last assessment: within 6 months; from the 5th birthday: 12.
          bool under_5 = dob && model::age_on(*dob, anchor.date) < 5;
          int months = under_5 ? cfg_.rha_under_5_months : cfg_.rha_from_5_months;
          return std::tuple{ItemId::Rha, occ, at(add_months(anchor.date, months))};
        },
        ItemId::Rha, 2000, rha_anchor == Anchor::InitialHealthAssessment);
  }
  // Dental checks: every 12 months from entry.
  auto dental = health_evidence(model::HealthCheckType::Dental);
  chain(
      dental, Anchor::EnteredCare, Anchor::PreviousDentalCheck, start, p.end, p.ended,
      WorkerRole::SocialWorker,
      [&](DateTime anchor, std::uint16_t occ) {
        return std::tuple{ItemId::Dental, occ, at(add_months(anchor.date, cfg_.dental_months))};
      },
      ItemId::Dental);
  immunisations(p);
}

void ChildRun::immunisations(const CarePeriod& p) {
  if (!eng_.has_records(rec_.la, ItemId::Immunisations)) return;
  const auto imms = d_.local_index.immunisations.of(c_);
  std::uint16_t occ = 0;
  for (const auto* h : d_.local_index.health_checks.of(c_)) {
    if (h->type == model::HealthCheckType::Dental || h->status != model::CheckStatus::Completed ||
        h->date < p.start || h->date > p.end || h->date > as_of_)
      continue;
    const model::Immunisation* best = nullptr;
    int best_gap = 0;
    for (const auto* im : imms) {
      int gap = std::abs(static_cast<int>((im->date - h->date).count()));
      if (gap <= cfg_.immunisations_window_days && im->date <= as_of_ &&
          (!best || gap < best_gap)) {
        best = im;
        best_gap = gap;
      }
    }
    Ev ev;
    if (best) ev = ev_of(EvidenceKind::Immunisation, best, at(best->date));
    DateTime due = at(h->date + days{cfg_.immunisations_window_days});
    ItemStatus& s = emit(ItemId::Immunisations, ++occ, Anchor::HealthAssessment, at(h->date), due,
                         best ? &ev : nullptr, p.ended, WorkerRole::SocialWorker);
    // A check that found them not up to date leaves the item open until they are: overdue once
    // its 30 days have passed, not before (it was reported overdue the day of the check).
    if (best && !best->up_to_date) {
      s.status = open_status(due);
      s.reason = "immunisations were not up to date when checked";
    }
    // A later health assessment's check supersedes this one.
    if (last_imm_) out_[*last_imm_].actionable = false;
    last_imm_ = out_.size() - 1;
  }
  last_imm_.reset();
}

void ChildRun::sdq(const CarePeriod& p) {
  if (!rec_.dob) return;
  const Date dob = *rec_.dob;
  const Date from_age = model::birthday(dob, cfg_.sdq_min_age);
  const Date too_old = model::birthday(dob, cfg_.sdq_max_age + 1);
  const Date twelve_months = add_months(p.start, 12);
  if (twelve_months >= too_old) return;
  if (!assessable(ItemId::Sdq, Anchor::EnteredCare, at(p.start), WorkerRole::SocialWorker)) return;
  if (!p.ended && as_of_ < from_age) {
    not_applicable(ItemId::Sdq, Anchor::FourthBirthday, at(from_age),
                   at(std::max(twelve_months, from_age)), "the SDQ applies from the 4th birthday");
    return;
  }
  std::vector<Ev> evs;
  for (const auto* q : d_.local_index.sdq.of(c_)) {
    Ev ev = ev_of(EvidenceKind::Sdq, q, at(q->date));
    if (!q->score && q->reason) {
      ev.refused = true;
      ev.refusal = sdq_reason_text(*q->reason);
    }
    evs.push_back(ev);
  }
  const Date first_due = std::max(twelve_months, from_age);
  const Anchor first_anchor =
      twelve_months >= from_age ? Anchor::LookedAfter12Months : Anchor::FourthBirthday;
  // The chain's first anchor is entry to care so that an SDQ done in the first year counts.
  Date scope_end = std::min(p.end, too_old - days{1});
  std::size_t before = out_.size();
  chain(
      evs, Anchor::EnteredCare, Anchor::PreviousSdq, at(p.start), scope_end,
      p.ended || as_of_ >= too_old, WorkerRole::SocialWorker,
      [&](DateTime anchor, std::uint16_t occ) {
        Date due = occ == 1 ? first_due : add_months(anchor.date, cfg_.sdq_months);
        return std::tuple{ItemId::Sdq, occ, at(due)};
      },
      ItemId::Sdq);
  if (out_.size() > before && out_[before].occurrence == 1) {
    out_[before].anchor = first_anchor;
    out_[before].anchor_date =
        at(first_anchor == Anchor::FourthBirthday ? from_age : twelve_months);
  }
}

}  // namespace hearth::timescales::detail
