// The timescales engine: for a child on an as-of date, every statutory item — when it was or is
// due, whether and when it was done, and why. Reads only the Dataset (903 journeys and local
// records); evidence dated after the as-of date is not seen, so any past date can be replayed.
//
// How a due date is found (docs/timescales.md has each item):
// - Periods of care are runs of 903 episodes where each begins the day the previous one ended;
//   a period made only of short breaks (LS V3/V4) has the short-breaks regime and no items here.
// - Recurring items are chains: the first is due from an anchor (entry to care, start of a
//   placement, the initial assessment...), each later one from the date the previous one was
//   actually done. A chain stops at the first occurrence not yet done — that one is overdue,
//   due soon or upcoming — and at the end of the period (or placement, or leaving-care support):
//   a child who has ceased care has no future items.
// - A recorded refusal (a refused health assessment, an SDQ reason, a declined return home
//   interview) is not_applicable with the refusal as evidence; the chain carries on from it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/calendar.hpp"
#include "model/dataset.hpp"
#include "timescales/config.hpp"
#include "timescales/registry.hpp"

namespace hearth::timescales {

enum class Status : std::uint8_t {
  DoneOnTime,
  DoneLate,
  DueSoon,   // due within due_soon_working_days (or today)
  Overdue,   // due before the as-of date and not done
  Upcoming,  // due later than the due-soon window
  NotApplicable,
};
std::string_view status_name(Status s);  // "done_on_time", ...

enum class EvidenceKind : std::uint8_t {
  None,
  Review903,
  LocalReview,
  HealthCheck,
  Immunisation,
  Sdq,
  Pep,
  PathwayPlan,
  CarePlan,
  Visit,
  Missing,
  Contact,
  Allocation,
  CareLeaverStatus,
  Episode,
  AdvocacyAllocation,
};
std::string_view evidence_kind_name(EvidenceKind k);  // "review", "health_check", ...

struct Evidence {
  EvidenceKind kind = EvidenceKind::None;
  const void* row = nullptr;  // the record (type by kind); for Review903/Episode, nullptr
  std::uint32_t index = 0;    // for Review903/Episode: the row in the Dataset's columns
  model::DateTime when{};
};

enum class Anchor : std::uint8_t {
  EnteredCare,
  FirstReview,
  PreviousReview,
  PlacementStart,
  PreviousVisit,
  InitialHealthAssessment,
  PreviousHealthAssessment,
  PreviousDentalCheck,
  LookedAfter12Months,
  FourthBirthday,
  PreviousSdq,
  HealthAssessment,
  TermStart,
  ReturnFromMissing,
  BecameEligible,
  PathwayPlan,
  PreviousPathwayPlan,
  LeftCare,
  PreviousContact,
  MovedHome,
  Birthday,
  Requested,     // the child asked for an advocate or independent visitor
  RecordsBegin,  // the item fell due before Hearth's records of its kind begin
};
std::string_view anchor_text(Anchor a);  // "became looked after", ...

struct ItemStatus {
  ItemId item;
  model::ChildIndex child = 0;
  std::uint16_t occurrence = 1;  // 1 = first in its chain (per period, placement, term...)
  Status status = Status::Upcoming;
  bool actionable = true;  // false once the period / placement / support it belonged to ended
  std::optional<model::DateTime> due;
  Anchor anchor = Anchor::EnteredCare;
  model::DateTime anchor_date{};
  Evidence evidence;
  std::string_view reason;  // for not_applicable, and for an overdue item that was done badly
  model::WorkerRole role = model::WorkerRole::SocialWorker;  // who does it
  std::string_view term;                                     // the school term, for pep_review
};

// Who holds a child's case on a date.
struct Assignee {
  std::string_view worker;  // "" when not allocated
  std::string_view team;
  std::string_view name;
};

// Leaving-care status on a date.
struct CareLeaver {
  std::optional<model::Date> eligible_from;
  std::optional<model::Date> left_care;      // ceased to be looked after after eligibility
  std::optional<model::Date> support_until;  // 21st (or 25th) birthday
  std::string_view category;                 // "eligible", "relevant", "former relevant", "" (none)
};

class Engine {
 public:
  Engine(
      const model::Dataset& data, TimescaleConfig config,
      const model::WorkingDayCalendar& calendar = model::WorkingDayCalendar::england_and_wales());

  // Every item for the child, in due order, as the records stood on `as_of`.
  std::vector<ItemStatus> child(model::ChildIndex c, model::Date as_of) const;
  void child(model::ChildIndex c, model::Date as_of, std::vector<ItemStatus>& out) const;
  // Every child's items (optionally one council's).
  std::vector<ItemStatus> all(model::Date as_of, std::string_view la = {}) const;

  Assignee assignee(model::ChildIndex c, model::Date as_of, model::WorkerRole role) const;
  CareLeaver care_leaver(model::ChildIndex c, model::Date as_of) const;
  // The rule as applied: "within 20 working days of becoming looked after".
  const std::string& rule_text(ItemId id) const { return rules_[static_cast<std::size_t>(id)]; }
  const TimescaleConfig& config() const { return config_; }
  const model::Dataset& data() const { return data_; }
  const model::WorkingDayCalendar& calendar() const { return calendar_; }
  // Whether the child's council sent any records of the kind an item needs; items whose
  // records were never sent are not_applicable ("not assessed") rather than overdue.
  bool has_records(std::string_view la, ItemId id) const;
  // The first day the council's records of the kind an item needs cover: occurrences due before
  // it are not judged (the return or extract simply does not go back that far).
  model::Date records_begin(std::string_view la, ItemId id) const;

  // Days between a due date and the as-of date, counted in calendar days.
  static int days_overdue(const ItemStatus& s, model::Date as_of);

 private:
  const model::Dataset& data_;
  TimescaleConfig config_;
  const model::WorkingDayCalendar& calendar_;
  std::vector<std::string> rules_;
  std::unordered_map<std::string, std::array<model::Date, kItemCount>> begins_;
};

}  // namespace hearth::timescales
