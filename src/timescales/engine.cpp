#include "timescales/engine.hpp"

#include <algorithm>
#include <array>

namespace hearth::timescales {

using model::ChildIndex;
using model::Date;
using model::DateTime;
using model::WorkerRole;

std::string_view status_name(Status s) {
  switch (s) {
    case Status::DoneOnTime:
      return "done_on_time";
    case Status::DoneLate:
      return "done_late";
    case Status::DueSoon:
      return "due_soon";
    case Status::Overdue:
      return "overdue";
    case Status::Upcoming:
      return "upcoming";
    case Status::NotApplicable:
      return "not_applicable";
  }
  return "";
}

std::string_view evidence_kind_name(EvidenceKind k) {
  static constexpr std::array<std::string_view, 15> kNames{
      "",        "review",  "local_review", "health_check",       "immunisation",
      "sdq",     "pep",     "pathway_plan", "care_plan",          "visit",
      "missing", "contact", "allocation",   "care_leaver_status", "episode"};
  return kNames[static_cast<std::size_t>(k)];
}

std::string_view anchor_text(Anchor a) {
  switch (a) {
    case Anchor::EnteredCare:
      return "became looked after";
    case Anchor::FirstReview:
      return "first review";
    case Anchor::PreviousReview:
      return "previous review";
    case Anchor::PlacementStart:
      return "placement began";
    case Anchor::PreviousVisit:
      return "previous visit";
    case Anchor::InitialHealthAssessment:
      return "initial health assessment";
    case Anchor::PreviousHealthAssessment:
      return "previous review health assessment";
    case Anchor::PreviousDentalCheck:
      return "previous dental check";
    case Anchor::LookedAfter12Months:
      return "looked after for 12 months";
    case Anchor::FourthBirthday:
      return "4th birthday";
    case Anchor::PreviousSdq:
      return "previous SDQ";
    case Anchor::HealthAssessment:
      return "health assessment";
    case Anchor::TermStart:
      return "school term began";
    case Anchor::ReturnFromMissing:
      return "returned from missing";
    case Anchor::BecameEligible:
      return "became an eligible child";
    case Anchor::PathwayPlan:
      return "pathway plan";
    case Anchor::PreviousPathwayPlan:
      return "previous pathway plan review";
    case Anchor::LeftCare:
      return "left care";
    case Anchor::PreviousContact:
      return "previous contact";
    case Anchor::MovedHome:
      return "moved home";
    case Anchor::Birthday:
      return "birthday";
    case Anchor::RecordsBegin:
      return "records begin";
  }
  return "";
}

namespace {

using namespace std::chrono;

using model::add_months;

DateTime at(Date d) {
  return DateTime{d, -1};
}

DateTime add_hours(DateTime t, int hours) {
  if (!t.has_time()) return at(t.date + days{(hours + 23) / 24});
  int minute = t.minute + hours * 60;
  int day_shift = minute / (24 * 60);
  return DateTime{t.date + days{day_shift}, static_cast<std::int16_t>(minute % (24 * 60))};
}

// Done on time: by the due time when both have a time of day, otherwise by the due date.
bool in_time(const DateTime& done, const DateTime& due) {
  if (done.has_time() && due.has_time()) return done <= due;
  return done.date <= due.date;
}

bool is_short_break(std::optional<model::LegalStatus> ls) {
  return ls == model::LegalStatus::V3 || ls == model::LegalStatus::V4;
}

bool long_term_foster(std::optional<model::PlacementType> p) {
  return p == model::PlacementType::U1 || p == model::PlacementType::U4;
}

struct Period {
  Date start;
  Date end;                   // the last DEC, or Dataset::kOpen
  bool ended;                 // ended on or before as_of
  std::uint32_t first, last;  // episode rows [first, last]
  bool short_breaks;
};

struct Placement {
  Date start;
  Date end;  // next placement's start or the period's end
  bool ended;
  std::uint32_t first, last;
};

// A piece of evidence in a sorted list.
struct Ev {
  DateTime when;
  Evidence e;
  bool refused = false;
  std::string_view refusal;
};

template <class T>
Ev ev_of(EvidenceKind kind, const T* row, DateTime when) {
  Ev ev;
  ev.when = when;
  ev.e.kind = kind;
  ev.e.row = row;
  ev.e.when = when;
  return ev;
}

std::string_view sdq_reason_text(model::SdqReason r) {
  switch (r) {
    case model::SdqReason::SDQ1:
      return "no SDQ: the child was under 4 or over 16 at the assessment (SDQ1)";
    case model::SdqReason::SDQ2:
      return "no SDQ: the carer refused (SDQ2)";
    case model::SdqReason::SDQ3:
      return "no SDQ: not possible because of the severity of the child's disability (SDQ3)";
    case model::SdqReason::SDQ4:
      return "no SDQ: other reason (SDQ4)";
    case model::SdqReason::SDQ5:
      return "no SDQ: the child refused (SDQ5)";
  }
  return "no SDQ: reason recorded";
}

// Works out one child's items.
class ChildRun {
 public:
  ChildRun(const Engine& eng, ChildIndex c, Date as_of, std::vector<ItemStatus>& out)
      : eng_(eng),
        d_(eng.data()),
        cfg_(eng.config()),
        cal_(eng.calendar()),
        c_(c),
        rec_(d_.children[c]),
        as_of_(as_of),
        soon_(cal_.add_working_days(as_of, cfg_.due_soon_working_days)),
        out_(out) {}

  void run() {
    build_periods();
    for (const Period& p : periods_) {
      if (p.short_breaks) continue;
      reviews(p);
      visits(p);
      health(p);
      sdq(p);
      education(p);
      permanence(p);
    }
    missing();
    leaving_care();
  }

 private:
  // ---- output ---------------------------------------------------------------------------------

  ItemStatus& emit(ItemId id, std::uint16_t occ, Anchor a, DateTime anchor, DateTime due,
                   const Ev* ev, bool scope_ended, WorkerRole role) {
    ItemStatus s;
    s.item = id;
    s.child = c_;
    s.occurrence = occ;
    s.anchor = a;
    s.anchor_date = anchor;
    s.due = due;
    s.role = role;
    s.actionable = !scope_ended;
    if (ev && ev->when.date <= as_of_) {
      s.evidence = ev->e;
      if (ev->refused) {
        s.status = Status::NotApplicable;
        s.reason = ev->refusal;
      } else {
        s.status = in_time(ev->when, due) ? Status::DoneOnTime : Status::DoneLate;
      }
    } else if (due.date < as_of_) {
      s.status = Status::Overdue;
    } else if (due.date <= soon_) {
      s.status = Status::DueSoon;
    } else {
      s.status = Status::Upcoming;
    }
    out_.push_back(s);
    return out_.back();
  }

  void not_applicable(ItemId id, Anchor a, DateTime anchor, std::optional<DateTime> due,
                      std::string_view reason, WorkerRole role = WorkerRole::SocialWorker) {
    ItemStatus s;
    s.item = id;
    s.child = c_;
    s.anchor = a;
    s.anchor_date = anchor;
    s.due = due;
    s.status = Status::NotApplicable;
    s.reason = reason;
    s.role = role;
    s.actionable = false;
    out_.push_back(s);
  }

  // False (and a not-assessed item) when the council never sent the records an item needs.
  bool assessable(ItemId id, Anchor a, DateTime anchor, WorkerRole role) {
    if (eng_.has_records(rec_.la, id)) return true;
    not_applicable(id, a, anchor, std::nullopt,
                   "not assessed: the council has sent no local records of this kind", role);
    return false;
  }

  // A chain of occurrences: due_of(anchor, occurrence) gives the item and due date; each
  // occurrence is satisfied by the next evidence on or after its anchor (strictly after, from
  // the second on). Stops at the first not done, and where an occurrence would fall due after
  // the scope (period, placement, support) ended.
  template <class DueOf>
  void chain(std::span<const Ev> evs, Anchor first_anchor, Anchor next_anchor, DateTime anchor,
             Date scope_end, bool scope_ended, WorkerRole role, DueOf due_of,
             ItemId records = ItemId::FirstReview, int max_occurrences = 2000,
             bool after_anchor = false) {
    const Date begin = eng_.records_begin(rec_.la, records);
    skipped_ = false;
    std::size_t k = 0;
    while (k < evs.size() &&
           (after_anchor ? evs[k].when.date <= anchor.date : evs[k].when.date < anchor.date))
      ++k;
    Anchor a = first_anchor;
    for (int occ = 1; occ <= max_occurrences && occ < 2000; ++occ) {
      if (occ > 1)
        while (k < evs.size() && evs[k].when.date <= anchor.date) ++k;
      auto [id, number, due] = due_of(anchor, static_cast<std::uint16_t>(occ));
      const Ev* ev = k < evs.size() && evs[k].when.date <= as_of_ && evs[k].when.date <= scope_end
                         ? &evs[k]
                         : nullptr;
      // Due before Hearth's records of this kind begin: whether it was done is not known. The
      // chain starts again from the day the records begin, keeping the evidence for later.
      if (due.date < begin && (!ev || ev->when.date >= begin)) {
        anchor = at(begin);
        a = Anchor::RecordsBegin;
        skipped_ = true;
        continue;
      }
      if (!ev && due.date > scope_end) break;  // ceased before it fell due
      emit(id, number, a, anchor, due, ev, scope_ended, role);
      if (!ev) break;
      anchor = ev->when;
      a = next_anchor;
    }
  }

  // ---- the child's care history ---------------------------------------------------------------

  void build_periods() {
    const auto& E = d_.episodes;
    const std::uint32_t b = rec_.episodes.begin, n = rec_.episodes.count;
    for (std::uint32_t i = b; i < b + n; ++i) {
      if (E.decom[i] > as_of_) break;
      Date end = E.dec[i] > as_of_ ? model::Dataset::kOpen : E.dec[i];
      // Short breaks (reg 48) followed without a break by full-time care (reg 33): the items
      // that count from entry count from the first episode that is not a short break, so the
      // run of short breaks is a period of its own.
      const bool after_short_breaks =
          !periods_.empty() && periods_.back().short_breaks && !is_short_break(E.ls[i]);
      if (!periods_.empty() && periods_.back().end == E.decom[i] && !after_short_breaks) {
        Period& p = periods_.back();
        p.end = end;
        p.last = i;
        p.short_breaks = p.short_breaks && is_short_break(E.ls[i]);
      } else {
        periods_.push_back({E.decom[i], end, false, i, i, is_short_break(E.ls[i])});
      }
    }
    for (Period& p : periods_) p.ended = p.end != model::Dataset::kOpen;
  }

  std::vector<Placement> placements(const Period& p) const {
    const auto& E = d_.episodes;
    std::vector<Placement> out;
    for (std::uint32_t i = p.first; i <= p.last; ++i) {
      bool fresh = i == p.first || E.rne[i] == model::ReasonNewEpisode::P ||
                   E.rne[i] == model::ReasonNewEpisode::U || E.rne[i] == model::ReasonNewEpisode::S;
      if (fresh) {
        if (!out.empty()) {
          out.back().end = E.decom[i];
          out.back().ended = true;
        }
        out.push_back({E.decom[i], p.end, p.ended, i, i});
      } else {
        out.back().last = i;
      }
    }
    return out;
  }

  // ---- reviews --------------------------------------------------------------------------------

  void reviews(const Period& p) {
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
              return std::tuple{
                  ItemId::FirstReview, std::uint16_t{1},
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

  // ---- visits ---------------------------------------------------------------------------------

  void visits(const Period& p) {
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

  // ---- health ---------------------------------------------------------------------------------

  std::vector<Ev> health_evidence(model::HealthCheckType type) const {
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

  void health(const Period& p) {
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

  void immunisations(const Period& p) {
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
      if (best && !best->up_to_date) {
        s.status = Status::Overdue;
        s.reason = "immunisations were not up to date when checked";
      }
      // A later health assessment's check supersedes this one.
      if (last_imm_) out_[*last_imm_].actionable = false;
      last_imm_ = out_.size() - 1;
    }
    last_imm_.reset();
  }

  void sdq(const Period& p) {
    if (!rec_.dob) return;
    const Date dob = *rec_.dob;
    const Date from_age = model::birthday(dob, cfg_.sdq_min_age);
    const Date too_old = model::birthday(dob, cfg_.sdq_max_age + 1);
    const Date twelve_months = add_months(p.start, 12);
    if (twelve_months >= too_old) return;
    if (!assessable(ItemId::Sdq, Anchor::EnteredCare, at(p.start), WorkerRole::SocialWorker))
      return;
    if (!p.ended && as_of_ < from_age) {
      not_applicable(ItemId::Sdq, Anchor::FourthBirthday, at(from_age),
                     at(std::max(twelve_months, from_age)),
                     "the SDQ applies from the 4th birthday");
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

  // ---- education ------------------------------------------------------------------------------

  void education(const Period& p) {
    if (!rec_.dob) return;
    const Date dob = *rec_.dob;
    const Date from_age = model::birthday(dob, cfg_.pep_min_age);
    const Date too_old = model::birthday(dob, cfg_.pep_max_age + 1);
    Date anchor = std::max(p.start, from_age);
    if (anchor >= too_old || anchor > as_of_ || anchor > p.end) return;
    if (!assessable(ItemId::Pep, Anchor::EnteredCare, at(p.start), WorkerRole::SocialWorker))
      return;
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
  Date next_term_start(Date te) const {
    const int y = static_cast<int>(year_month_day{te}.year());
    std::optional<Date> best;
    for (int yy = y; yy <= y + 1; ++yy)
      for (const Term& t : cfg_.pep_terms) {
        Date ts = model::make_date(yy, t.start_month, t.start_day);
        if (ts > te && (!best || ts < *best)) best = ts;
      }
    return best.value_or(te + days{1});
  }

  // ---- permanence -----------------------------------------------------------------------------

  void permanence(const Period& p) {
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

  // ---- missing --------------------------------------------------------------------------------

  void missing() {
    std::uint16_t occ = 0;
    for (const auto* m : d_.local_index.missing.of(c_)) {
      if (!m->end || m->end->date > as_of_) continue;
      // The 2014 guidance offers the interview when a *missing* child is found; a child away
      // (whereabouts known, type A) is not missing.
      if (m->type == model::MissingType::A) continue;
      // Only returns while the child was looked after.
      bool in_care = false;
      for (const Period& p : periods_)
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

  // ---- leaving care ---------------------------------------------------------------------------

  void leaving_care() {
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
      bool moved = previous && *previous != *st->accommodation && st->date >= left &&
                   st->date <= support_end;
      previous = st->accommodation;
      if (!moved) continue;
      const Ev* found = nullptr;
      for (const Ev& ev : contacts)
        if (ev.when.date >= st->date) {
          found = &ev;
          break;
        }
      emit(ItemId::PaContactAfterMove, ++moves, Anchor::MovedHome, at(st->date),
           at(st->date + days{cfg_.pa_move_days}), found, support_over,
           WorkerRole::PersonalAdviser);
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

  const Engine& eng_;
  const model::Dataset& d_;
  const TimescaleConfig& cfg_;
  const model::WorkingDayCalendar& cal_;
  ChildIndex c_;
  const model::ChildRecord& rec_;
  Date as_of_;
  Date soon_;
  std::vector<ItemStatus>& out_;
  std::vector<Period> periods_;
  std::optional<Date> first_review_;
  bool skipped_ = false;
  std::optional<std::size_t> last_imm_;  // the current chain restarted where the records begin
};

std::string wd(int n, std::string_view what) {
  return "within " + std::to_string(n) + " working days of " + std::string(what);
}
std::string months(int n, std::string_view what) {
  return "not more than " + std::to_string(n) + (n == 1 ? " month" : " months") + " after " +
         std::string(what);
}
std::string day_count(int n, std::string_view what) {
  if (n % 7 == 0)
    return "within " + std::to_string(n / 7) + (n == 7 ? " week" : " weeks") + " of " +
           std::string(what);
  return "within " + std::to_string(n) + " days of " + std::string(what);
}

}  // namespace

Engine::Engine(const model::Dataset& data, TimescaleConfig config,
               const model::WorkingDayCalendar& calendar)
    : data_(data), config_(std::move(config)), calendar_(calendar) {
  const auto& c = config_;
  rules_.resize(kItemCount);
  auto set = [&](ItemId id, std::string text) {
    rules_[static_cast<std::size_t>(id)] = text + " (" + std::string(item(id).source) + ")";
  };
  set(ItemId::FirstReview, wd(c.first_review_working_days, "becoming looked after"));
  set(ItemId::SecondReview, months(c.second_review_months, "the first review"));
  set(ItemId::LaterReview, months(c.later_review_months, "the previous review"));
  set(ItemId::SwVisit, day_count(c.visit_new_placement_days, "the start of any placement") +
                           "; then " + day_count(c.visit_first_year_days, "the previous visit") +
                           " in the placement's first year; after that " +
                           months(c.visit_long_term_months, "the previous visit") +
                           " in a long-term foster placement (PLACE U1/U4), otherwise " +
                           day_count(c.visit_other_days, "the previous visit"));
  set(ItemId::Iha, wd(c.iha_working_days, "becoming looked after"));
  set(ItemId::Rha, months(c.rha_under_5_months, "the previous assessment") +
                       " when the child was under 5 at it; " +
                       months(c.rha_from_5_months, "the previous assessment") +
                       " from the 5th birthday");
  set(ItemId::Dental, months(c.dental_months, "entry to care or the previous check"));
  set(ItemId::Sdq, "by 12 months in care (or the " + std::to_string(c.sdq_min_age) +
                       "th birthday, if later), then " + months(c.sdq_months, "the previous SDQ") +
                       ", for ages " + std::to_string(c.sdq_min_age) + " to " +
                       std::to_string(c.sdq_max_age));
  set(ItemId::Immunisations, "immunisation status recorded within " +
                                 std::to_string(c.immunisations_window_days) +
                                 " days of each health assessment");
  set(ItemId::Pep, wd(c.pep_working_days, "becoming looked after"));
  set(ItemId::PepReview, "a PEP review within each school term");
  set(ItemId::PermanencePlan,
      "by the second review (" + months(c.second_review_months, "the first review") + ")");
  set(ItemId::Rhi, "within " + std::to_string(c.rhi_hours) + " hours of the child's return");
  set(ItemId::PathwayPlan, months(c.pathway_plan_months, "becoming an eligible child"));
  set(ItemId::PathwayPlanReview, months(c.pathway_review_months, "the previous plan or review"));
  set(ItemId::PaAllocated, "on becoming an eligible child, or at " +
                               std::to_string(c.pa_allocation_age) +
                               " if later (local allocation age)");
  set(ItemId::PaContact, day_count(c.pa_contact_days, "leaving care or the previous contact") +
                             ", until " + std::to_string(c.support_age) + " (" +
                             std::to_string(c.extended_support_age) + " when asked)");
  set(ItemId::PaContactAfterMove, day_count(c.pa_move_days, "a move of home"));
  // Where each council's records of each kind begin: the first collection year stored for the
  // 903's reviews; the earliest row for a local table.
  for (const auto& [la, year] : data_.returns) {
    auto& b = begins_[la];
    Date start = model::CollectionYear{year}.start();
    if (b[0] == Date{} || start < b[0]) b[0] = start;
  }
  // Local records: from the earliest local record of any kind, or the first collection year
  // stored, whichever is earlier (an extract usually covers what the returns cover).
  for (const auto& lr : data_.local) {
    auto& b = begins_[lr.la];
    Date e = b[0] == Date{} ? Date::max() : b[0];
    auto see = [&](const auto& rows, auto date) {
      for (const auto& r : rows) e = std::min(e, date(r));
    };
    auto by_date = [](const auto& r) { return r.date; };
    see(lr.health_checks, by_date);
    see(lr.visits, by_date);
    see(lr.sdq, by_date);
    see(lr.peps, by_date);
    see(lr.pathway_plans, by_date);
    see(lr.contacts, by_date);
    see(lr.immunisations, by_date);
    see(lr.care_plans, [](const auto& r) { return r.start; });
    see(lr.allocations, [](const auto& r) { return r.start; });
    for (std::size_t i = 0; i < kItemCount; ++i) b[i] = e;
  }
  for (auto& [la, b] : begins_) {
    Date reviews = Date{};
    for (const auto& [rla, year] : data_.returns)
      if (rla == la) {
        Date start = model::CollectionYear{year}.start();
        if (reviews == Date{} || start < reviews) reviews = start;
      }
    for (ItemId id : {ItemId::FirstReview, ItemId::SecondReview, ItemId::LaterReview})
      b[static_cast<std::size_t>(id)] = reviews;
    for (auto& d : b)
      if (d == Date{} || d == Date::max()) d = Date::min();
  }
  set(ItemId::InTouch,
      "a contact from 3 months before to 1 month after each birthday from the 17th to the 21st");
}

Date Engine::records_begin(std::string_view la, ItemId id) const {
  auto it = begins_.find(std::string(la));
  if (it == begins_.end()) return Date::min();
  return it->second[static_cast<std::size_t>(id)];
}

bool Engine::has_records(std::string_view la, ItemId id) const {
  const model::LocalRecords* lr = data_.local_of(la);
  if (!lr) return false;
  switch (id) {
    case ItemId::FirstReview:
    case ItemId::SecondReview:
    case ItemId::LaterReview:
      return true;
    case ItemId::SwVisit:
      return !lr->visits.empty();
    case ItemId::Iha:
    case ItemId::Rha:
    case ItemId::Dental:
      return !lr->health_checks.empty();
    case ItemId::Sdq:
      return !lr->sdq.empty();
    case ItemId::Immunisations:
      return !lr->immunisations.empty();
    case ItemId::Pep:
    case ItemId::PepReview:
      return !lr->peps.empty();
    case ItemId::PermanencePlan:
      return !lr->care_plans.empty();
    case ItemId::Rhi:
      return !lr->missing.empty();
    case ItemId::PathwayPlan:
    case ItemId::PathwayPlanReview:
      return !lr->pathway_plans.empty();
    case ItemId::PaAllocated:
      return !lr->allocations.empty();
    case ItemId::PaContact:
    case ItemId::PaContactAfterMove:
    case ItemId::InTouch:
      return !lr->contacts.empty();
  }
  return false;
}

void Engine::child(ChildIndex c, Date as_of, std::vector<ItemStatus>& out) const {
  std::size_t from = out.size();
  ChildRun(*this, c, as_of, out).run();
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(from), out.end(),
                   [](const ItemStatus& a, const ItemStatus& b) {
                     if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
                     if (a.due && b.due && a.due->date != b.due->date)
                       return a.due->date < b.due->date;
                     return a.item < b.item;
                   });
}

std::vector<ItemStatus> Engine::child(ChildIndex c, Date as_of) const {
  std::vector<ItemStatus> out;
  child(c, as_of, out);
  return out;
}

std::vector<ItemStatus> Engine::all(Date as_of, std::string_view la) const {
  std::vector<ItemStatus> out;
  for (ChildIndex c = 0; c < data_.children.size(); ++c) {
    if (!la.empty() && data_.children[c].la != la) continue;
    child(c, as_of, out);
  }
  return out;
}

Assignee Engine::assignee(ChildIndex c, Date as_of, WorkerRole role) const {
  const model::Allocation* found = nullptr;
  const model::Allocation* sw = nullptr;
  for (const auto* a : data_.local_index.allocations.of(c)) {
    if (a->start > as_of || (a->end && *a->end < as_of)) continue;
    if (a->role == role) found = a;
    if (a->role == WorkerRole::SocialWorker) sw = a;
  }
  if (!found) found = sw;  // a care leaver without a PA: the social worker holds it
  if (!found) return {};
  Assignee out;
  out.worker = found->worker;
  out.team = found->team;
  if (const auto* p = data_.professional(data_.children[c].la, found->worker)) {
    out.name = p->name;
    if (out.team.empty()) out.team = p->team;
  }
  return out;
}

CareLeaver Engine::care_leaver(ChildIndex c, Date as_of) const {
  CareLeaver out;
  const auto& rec = data_.children[c];
  if (!rec.dob) return out;
  const Date dob = *rec.dob;
  const auto& cfg = config_;
  const Date from = model::birthday(dob, cfg.eligibility_from_age);
  const Date at_age = model::birthday(dob, cfg.eligibility_at_age);
  const Date adult = model::birthday(dob, 18);
  const auto& E = data_.episodes;
  const int needed = cfg.eligibility_weeks * 7;
  int counted = 0;
  std::optional<Date> reached;  // the day the weeks since `from` were reached
  std::optional<Date> eligible;
  const std::uint32_t b = rec.episodes.begin, n = rec.episodes.count;
  for (std::uint32_t i = b; i < b + n && !eligible; ++i) {
    if (E.decom[i] > as_of || E.decom[i] >= adult) break;
    if (is_short_break(E.ls[i])) continue;  // a series of short breaks does not count
    Date s = std::max(E.decom[i], from);
    Date e = std::min({E.dec[i], as_of + days{1}, adult});
    if (e <= s) continue;
    int len = static_cast<int>((e - s).count());
    if (!reached && counted + len >= needed) reached = s + days{needed - counted};
    counted += len;
    if (reached) {
      Date d = std::max({*reached, at_age, s});
      if (d < e && d <= as_of) eligible = d;
    }
  }
  if (!eligible) return out;
  out.eligible_from = eligible;
  out.category = "eligible";
  // Left care: the end of the period of care that made the child eligible.
  for (std::uint32_t i = b; i < b + n; ++i) {
    if (E.decom[i] > as_of) break;
    if (E.dec[i] < *eligible) continue;
    Date end = E.dec[i] > as_of ? model::Dataset::kOpen : E.dec[i];
    bool continues = i + 1 < b + n && E.decom[i + 1] == E.dec[i] && E.decom[i + 1] <= as_of;
    if (!continues) {
      if (end != model::Dataset::kOpen) out.left_care = end;
      break;
    }
  }
  bool extended = false;
  for (const auto* st : data_.local_index.care_leaver_status.of(c))
    if (st->date <= as_of && st->support_to_25) extended = *st->support_to_25;
  out.support_until =
      model::birthday(dob, extended ? cfg.extended_support_age : cfg.support_age) - days{1};
  if (out.left_care)
    out.category = *out.left_care < adult && as_of < adult ? "relevant" : "former relevant";
  return out;
}

int Engine::days_overdue(const ItemStatus& s, Date as_of) {
  if (s.status != Status::Overdue || !s.due) return 0;
  return static_cast<int>((as_of - s.due->date).count());
}

}  // namespace hearth::timescales
