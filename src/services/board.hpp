// The Board's loop between meetings (docs/governance.md), for the CLI and the web alike: challenge
// cards from raised to answered, with "You said, we did" published once the participation officer
// approves its words; meetings with their agenda, attendance and decisions; the reporting calendar
// (received, missing, coming); figures entered by hand; the theme in focus. Whatever the Board
// reads is checked first for a child's name or number (names_a_child): the Board never learns who
// a child is through its own business.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "governance/config.hpp"
#include "model/dataset.hpp"
#include "model/dates.hpp"
#include "model/instant.hpp"
#include "store/store.hpp"
#include "voice/surveys.hpp"

namespace hearth::services {

// Refuses (bad_input "names_a_child", naming `field`) a text that names a child of the council: a
// CHILD id or UPN in its records, a child's full name from its local records, or the name a young
// person of the council goes by in Hearth. The text itself is never repeated in the refusal.
void check_names_no_child(const model::Dataset& data, store::Store& st, const std::string& la,
                          const std::string& text, const std::string& field);

// ---- challenge cards ------------------------------------------------------------------------

struct CardText {
  std::optional<std::string> challenge, theme, addressed_to;  // absent: unchanged
};
// A new card: from the participation officer for the children in care council (role
// "participation": its words are checked for a child's name) or from a young person
// ("young_person": their own words, read by the Board only once the participation officer accepts
// the card). bad_input: no challenge, over 2,000 characters, a theme the arrangements do not have.
store::Card raise_card(const model::Dataset& data, store::Store& st, const std::string& la,
                       const governance::Governance& g, const CardText& in, const std::string& by,
                       const std::string& role, model::Instant now);
// raised -> accepted, with the words as the participation officer puts them for the Board
// (conflict "not_raised" otherwise).
store::Card accept_card(const model::Dataset& data, store::Store& st, const std::string& la,
                        const governance::Governance& g, std::int64_t id, const CardText& edits,
                        const std::string& by, model::Instant now);
// -> answered: "You said, we did" in the approved words; conflict "not_ready" until an action
// answering the card is done, "already_answered" once it is.
store::Card answer_card(const model::Dataset& data, store::Store& st, const std::string& la,
                        std::int64_t id, const std::string& response, const std::string& by,
                        model::Instant now);
// What add_action and close_action tell a card: an action agreed for it (raised or accepted ->
// actions_agreed), an action answering it done.
void card_action_agreed(store::Store& st, const store::Action& a, model::Instant now);
void card_action_done(store::Store& st, const store::Action& a, const std::string& by,
                      model::Instant now);

struct CardState {
  int actions_open = 0, actions_done = 0;
  bool ready_to_answer = false;  // an action is done and the answer is not yet approved
};
CardState card_state(const store::Card& c, const std::vector<store::Action>& actions);

// ---- meetings -------------------------------------------------------------------------------

struct MeetingEdit {
  std::optional<std::string> date, title, theme, status, minutes;
  std::optional<std::vector<store::MeetingItem>> agenda, attendance, decisions;
};
// bad_input: a date that is not one, no title, an unknown theme or status; attendance detail
// "present" or "apologies".
store::Meeting add_meeting(store::Store& st, const std::string& la, const governance::Governance& g,
                           const MeetingEdit& in, const std::string& by, model::Instant now);
store::Meeting update_meeting(store::Store& st, const std::string& la,
                              const governance::Governance& g, std::int64_t id,
                              const MeetingEdit& in, model::Instant now);

// ---- the reporting calendar -----------------------------------------------------------------

struct ReportDue {
  const governance::Report* report = nullptr;
  model::Date due{};
  std::string status;  // "received", "missing" (due before today, not come) or "upcoming"
  std::optional<store::ReportReceipt> receipt;
};
// Every due date of every report from the arrangements' start to `to`, by due date.
std::vector<ReportDue> report_calendar(store::Store& st, const std::string& la,
                                       const governance::Governance& g, model::Date today,
                                       model::Date to);
// bad_input: an unknown report, a due date that is not one of its due dates, a received date
// after today.
ReportDue receive_report(store::Store& st, const std::string& la, const governance::Governance& g,
                         const std::string& report, const std::string& due,
                         const std::string& received, const std::string& document,
                         const std::string& note, const std::string& by, model::Date today);

// ---- figures entered by hand, and the theme in focus ----------------------------------------

store::ManualValue put_manual_value(store::Store& st, const std::string& la,
                                    const governance::Governance& g, const std::string& measure,
                                    const std::string& period_end, double value,
                                    const std::string& note, const std::string& by,
                                    model::Instant now);
// Keeps a new version of the arrangements with `theme` the one in focus in its year. Returns the
// version's id.
std::int64_t focus_theme(store::Store& st, const std::string& la, const governance::Governance& g,
                         const std::string& theme, const std::string& by,
                         const voice::SurveyBook& surveys, model::Instant now);

}  // namespace hearth::services
