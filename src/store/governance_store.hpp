// The Corporate Parenting Board as the store keeps it (docs/governance.md): every governance file
// loaded, kept whole, so the arrangements as at any date are the version loaded last before it;
// actions and challenge cards with their history; meetings with their agenda, attendance and
// decisions; reports received against the calendar; figures entered by hand for measures.
// Dates of the Board's business (due, held, received) are days; when something happened is an
// instant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/dates.hpp"
#include "model/instant.hpp"

namespace hearth::store {

struct GovernanceVersion {
  std::int64_t id = 0;
  std::string la;
  model::Instant loaded_at{};
  std::string loaded_by;  // username, or "cli:<login>"
  std::string source;     // the file's name as given
  std::string text;       // the governance file as loaded
};

// A change to an action or a card: who, when, what it became, and why.
struct GovEvent {
  std::int64_t id = 0;
  model::Instant at{};
  std::string by;
  std::string kind;    // "created", "updated", "closed", "reopened", "approved", ...
  std::string status;  // the status after it
  std::string note;
};

struct Action {
  std::int64_t id = 0;
  std::string la;
  std::string title;
  std::string owner;       // the owner's Hearth username, or "" when they have no account
  std::string owner_name;  // as people know them: "Head of Fostering", "Cllr Jo Patel"
  model::Date due{};
  std::string status = "open";  // "open", "done" or "dropped"
  std::string evidence;         // what shows it was done
  std::string priority;         // the governance file's ids it is linked to ("" for none)
  std::string theme;
  std::int64_t card = 0;     // the challenge card it answers (0: none)
  std::int64_t meeting = 0;  // the meeting that agreed it (0: none)
  model::Instant created_at{};
  std::string created_by;
  model::Instant updated_at{};
  std::optional<model::Date> closed_on;  // done or dropped on
};

struct Card {
  std::int64_t id = 0;
  std::string la;
  model::Instant raised_at{};
  std::string raised_by;       // username (never shown to the Board)
  std::string raised_by_role;  // "participation" or "young_person"
  std::string challenge;       // in the young people's own words
  std::string theme;
  std::string addressed_to;                   // a service or a councillor
  std::string status = "raised";              // "raised", "accepted", "actions_agreed", "answered"
  std::string response;                       // "You said, we did": what was done, in plain words
  std::optional<model::Instant> approved_at;  // the participation officer approved the response
  std::string approved_by;
  model::Instant updated_at{};
};

struct MeetingItem {
  std::string text;
  std::string detail;
};

struct Meeting {
  std::int64_t id = 0;
  std::string la;
  model::Date held_on{};
  std::string title;
  std::string theme;
  std::string status = "planned";  // "planned" or "held"
  std::string minutes;
  std::vector<MeetingItem> agenda;      // text: the item; detail: who brings it, or a report id
  std::vector<MeetingItem> attendance;  // text: the name; detail: "present" or "apologies"
  std::vector<MeetingItem> decisions;   // text: the decision
  model::Instant created_at{};
  std::string created_by;
  model::Instant updated_at{};
};

struct ReportReceipt {
  std::int64_t id = 0;
  std::string la;
  std::string report;  // the governance file's report id
  model::Date due{};
  model::Date received{};
  std::string received_by;
  std::string document;  // its name or link
  std::string note;
};

struct ManualValue {
  std::int64_t id = 0;
  std::string la;
  std::string measure;  // the governance file's measure id
  model::Date period_end{};
  double value = 0;
  std::string note;  // where the figure came from
  std::string entered_by;
  model::Instant entered_at{};
};

class GovernanceStore {
 public:
  virtual ~GovernanceStore() = default;

  // ---- the governance file
  virtual std::int64_t put_governance(const GovernanceVersion& v) = 0;
  // The version loaded last at or before `as_at` (the newest when none is given).
  virtual std::optional<GovernanceVersion> governance(
      std::string_view la, std::optional<model::Instant> as_at = std::nullopt) = 0;
  // Every version of the council's, newest first, without their text.
  virtual std::vector<GovernanceVersion> governance_versions(std::string_view la) = 0;

  // ---- actions: each change with its event, in one transaction
  virtual std::int64_t add_action(const Action& a, const GovEvent& created) = 0;
  // Replaces the action's fields (not its id, council or creation); false when there is no such
  // action, or it was changed since `seen_updated_at` (someone else got there first).
  virtual bool update_action(const Action& a, model::Instant seen_updated_at,
                             const GovEvent& e) = 0;
  virtual std::vector<Action> actions(std::string_view la) = 0;  // by due date
  virtual std::optional<Action> action(std::int64_t id) = 0;
  virtual std::vector<GovEvent> action_events(std::int64_t id) = 0;  // oldest first

  // ---- challenge cards, likewise
  virtual std::int64_t add_card(const Card& c, const GovEvent& raised) = 0;
  virtual bool update_card(const Card& c, model::Instant seen_updated_at, const GovEvent& e) = 0;
  virtual std::vector<Card> cards(std::string_view la) = 0;  // newest first
  virtual std::optional<Card> card(std::int64_t id) = 0;
  virtual std::vector<GovEvent> card_events(std::int64_t id) = 0;
  // Changes whenever a card is raised or moves (the Board's card figures are read again then).
  virtual std::string cards_version() = 0;

  // ---- meetings, with their items
  virtual std::int64_t add_meeting(const Meeting& m) = 0;
  virtual bool update_meeting(const Meeting& m, model::Instant seen_updated_at) = 0;
  virtual std::vector<Meeting> meetings(std::string_view la) = 0;  // by date, with items
  virtual std::optional<Meeting> meeting(std::int64_t id) = 0;

  // ---- the reporting calendar: a report received for a due date (again: replaced)
  virtual void receive_report(const ReportReceipt& r) = 0;
  virtual std::vector<ReportReceipt> report_receipts(std::string_view la) = 0;

  // ---- figures entered by hand for a measure and a period (again: replaced)
  virtual void put_manual_value(const ManualValue& v) = 0;
  virtual std::vector<ManualValue> manual_values(std::string_view la) = 0;
};

}  // namespace hearth::store
