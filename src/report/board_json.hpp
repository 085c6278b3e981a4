// The Board's cards, meetings, calendar and arrangements as JSON for the API (and the CLI's
// --format json): never who raised a card, never a child.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "governance/config.hpp"
#include "services/board.hpp"
#include "store/governance_store.hpp"

namespace hearth::report {

// Who did something, as the Board may read it: a name for staff, "a young person" for a child.
using NameOf = std::function<std::string(const std::string& username)>;

// `words`: whether the reader may see a young person's words before the participation officer
// accepted the card (they alone may).
nlohmann::json card_json(const store::Card& c, const services::CardState& s,
                         const governance::Governance& g, bool words);
nlohmann::json history_json(const std::vector<store::GovEvent>& events, const NameOf& name_of);
nlohmann::json meeting_summary_json(const store::Meeting& m, int actions);
nlohmann::json meeting_json(const store::Meeting& m);  // without its actions and reports
nlohmann::json report_due_json(const services::ReportDue& d);
nlohmann::json arrangements_json(const governance::Governance& g, const store::GovernanceVersion& v,
                                 const std::vector<store::GovernanceVersion>& versions);

}  // namespace hearth::report
