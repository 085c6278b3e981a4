// The Board's progress and actions as JSON, the same for the CLI (`hearth governance show
// --format json`, `hearth actions --format json`) and the API: figures rounded as the scorecard
// rounds them, so a measure and the scorecard show the same number.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "services/governance.hpp"

namespace hearth::report {

nlohmann::json progress_json(const std::string& la, model::Date as_of,
                             const std::vector<services::PriorityProgress>& progress);
nlohmann::json action_json(const store::Action& a, model::Date today);

}  // namespace hearth::report
