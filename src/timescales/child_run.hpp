// The timescales engine's work for one child (engine.hpp's Engine::child): internal to
// src/timescales. The families of statutory items are in items/<family>.cpp.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <vector>

#include "model/dates.hpp"
#include "timescales/engine.hpp"

namespace hearth::timescales::detail {

using namespace std::chrono;
using model::ChildIndex;
using model::Date;
using model::DateTime;
using model::WorkerRole;

using model::add_months;

inline DateTime at(Date d) {
  return DateTime{d, -1};
}

inline DateTime add_hours(DateTime t, int hours) {
  if (!t.has_time()) return at(t.date + days{(hours + 23) / 24});
  int minute = t.minute + hours * 60;
  int day_shift = minute / (24 * 60);
  return DateTime{t.date + days{day_shift}, static_cast<std::int16_t>(minute % (24 * 60))};
}

// Done on time: by the due time when both have a time of day, otherwise by the due date.
inline bool in_time(const DateTime& done, const DateTime& due) {
  if (done.has_time() && due.has_time()) return done <= due;
  return done.date <= due.date;
}

inline bool is_short_break(std::optional<model::LegalStatus> ls) {
  return ls == model::LegalStatus::V3 || ls == model::LegalStatus::V4;
}

inline bool long_term_foster(std::optional<model::PlacementType> p) {
  return p == model::PlacementType::U1 || p == model::PlacementType::U4;
}

struct CarePeriod {
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

inline std::string_view sdq_reason_text(model::SdqReason r) {
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

// Works out one child's items: the chain of occurrences every family of items runs (a first item
// counted from an anchor, each next one from the evidence that met the one before), and the
// child's periods of care and placements. Each family is a member defined in items/<family>.cpp;
// run() calls them in the order they are declared below.
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

  void run();

  // ---- the families (items/<family>.cpp), in the order run() calls them ------------------------
  // In each period of care (not runs of short breaks):
  void reviews(const CarePeriod& p);     // items/reviews.cpp
  void visits(const CarePeriod& p);      // items/visits.cpp
  void health(const CarePeriod& p);      // items/health.cpp
  void sdq(const CarePeriod& p);         // items/health.cpp
  void education(const CarePeriod& p);   // items/education.cpp
  void permanence(const CarePeriod& p);  // items/permanence.cpp
  // Over the child's whole history:
  void missing();       // items/missing.cpp
  void leaving_care();  // items/leaving_care.cpp
  void advocacy();      // items/advocacy.cpp

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
    } else {
      s.status = open_status(due);
    }
    out_.push_back(s);
    return out_.back();
  }

  // An item not done by the as-of date: overdue only once its due date has passed.
  Status open_status(DateTime due) const {
    if (due.date < as_of_) return Status::Overdue;
    return due.date <= soon_ ? Status::DueSoon : Status::Upcoming;
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

  // ---- helpers of one family ----------------------------------------------------------------
  std::vector<Ev> health_evidence(model::HealthCheckType type) const;  // items/health.cpp
  void immunisations(const CarePeriod& p);                             // items/health.cpp
  Date next_term_start(Date te) const;                                 // items/education.cpp

  // ---- the child's care history (child_run.cpp) ----------------------------------------------
  void build_periods();
  std::vector<Placement> placements(const CarePeriod& p) const;

  const Engine& eng_;
  const model::Dataset& d_;
  const TimescaleConfig& cfg_;
  const model::WorkingDayCalendar& cal_;
  ChildIndex c_;
  const model::ChildRecord& rec_;
  Date as_of_;
  Date soon_;
  std::vector<ItemStatus>& out_;
  std::vector<CarePeriod> periods_;
  std::optional<Date> first_review_;
  bool skipped_ = false;
  std::optional<std::size_t> last_imm_;  // the current chain restarted where the records begin
};

}  // namespace hearth::timescales::detail
