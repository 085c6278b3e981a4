// The Corporate Parenting Board's business for the CLI and the web alike (docs/governance.md):
// its arrangements loaded from a governance file, the actions it agrees and their owners close
// with evidence, and each priority's progress worked out from its measures — the scorecard's
// own figures and targets for the indicators it names, survey results, figures entered by hand
// — never typed in as a colour.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "governance/config.hpp"
#include "indicators/scorecard.hpp"
#include "model/dates.hpp"
#include "model/instant.hpp"
#include "services/snapshot_cache.hpp"
#include "store/store.hpp"
#include "voice/surveys.hpp"

namespace hearth::services {

// Checks the file and keeps it as the council's arrangements from `now` (bad_input
// "bad_governance" with the file, line and what is wrong; nothing is kept then). Returns the
// version's id.
std::int64_t load_governance(store::Store& st, const std::string& la, const std::string& text,
                             const std::string& source, const std::string& by,
                             const voice::SurveyBook& surveys, model::Instant now);
// The arrangements in force at `as_at` (now when none is given); not_found "no_governance" when
// the council has none loaded.
governance::Governance governance_of(store::Store& st, const std::string& la,
                                     const voice::SurveyBook& surveys,
                                     std::optional<model::Instant> as_at = std::nullopt);

// The last instant of `d` on the clock in England: what was done by then was done that day.
model::Instant end_of_day(model::Date d);

// ---- actions --------------------------------------------------------------------------------

// An open action whose due date has passed.
inline bool overdue(const store::Action& a, model::Date today) {
  return a.status == "open" && a.due < today;
}

struct NewAction {
  std::string title, owner, owner_name, due;  // due: YYYY-MM-DD
  std::string priority, theme;                // ids in the governance file, or ""
  std::int64_t card = 0, meeting = 0;
};
// bad_input: no title or owner, a due date that is not a date, a priority or theme the
// arrangements do not have, a card or meeting that does not exist.
store::Action add_action(store::Store& st, const std::string& la, const governance::Governance& g,
                         const NewAction& a, const std::string& by, model::Instant now);

// Closes an open action as done (with the evidence that shows it; bad_input "no_evidence"
// without) or dropped (with why), on `on`; conflict "already_closed" or "changed" (someone
// else changed it meanwhile); not_found "no_action".
store::Action close_action(store::Store& st, const std::string& la, std::int64_t id,
                           const std::string& status, const std::string& evidence, model::Date on,
                           const std::string& by, model::Instant now);

struct ActionFilter {
  std::string status;  // "open", "overdue", "done", "dropped" or "" for all
  std::string owner, priority, theme;
};
// The council's actions that pass the filter, by due date; as they stood at the end of `today`
// (an action created later is not shown; one closed later is open).
std::vector<store::Action> list_actions(store::Store& st, const std::string& la,
                                        const ActionFilter& f, model::Date today);

// ---- challenge cards ------------------------------------------------------------------------

// "You said, we did": the council's answered cards whose response the participation officer
// approved, newest answer first, at most `limit`. Never who raised a card.
std::vector<store::Card> you_said_we_did(store::Store& st, const std::string& la,
                                         std::size_t limit = 10);

// ---- progress -------------------------------------------------------------------------------

struct MeasurePart {
  std::string indicator;  // the indicator key, "survey:question" or "manual"
  std::string title;
  std::optional<double> value;
  std::optional<double> target;
  indicators::Rag rag = indicators::Rag::None;
  std::string unit;  // "percent", "count", "ratio", "average", "rate"
  std::vector<std::pair<std::string, std::optional<double>>> trend;  // label, value; oldest first
  std::string note;  // why there is no value, or where it came from
};

struct MeasureProgress {
  const governance::Measure* measure = nullptr;
  std::vector<MeasurePart> parts;
  indicators::Rag rag = indicators::Rag::None;  // the worst of its parts
};

struct PriorityProgress {
  const governance::Priority* priority = nullptr;
  std::vector<MeasureProgress> measures;
  indicators::Rag rag = indicators::Rag::None;  // the worst of its measures
  int actions_open = 0, actions_overdue = 0;
};

// Each priority's measures on `as_of` (a quarter's scorecard, as the Board receives it), small
// numbers suppressed when `suppress` (for the Board), as the scorecard suppresses them.
std::vector<PriorityProgress> progress(const SnapshotCache& snap, store::Store& st,
                                       const governance::Governance& g, const std::string& la,
                                       model::Date as_of, const voice::SurveyBook& surveys,
                                       bool suppress = false);

}  // namespace hearth::services
