// A worklist answer (services::worklist) as JSON and as CSV: one document for `hearth worklist
// --format json|csv` and `GET /api/v1/worklist?format=json|csv`.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "services/worklist.hpp"
#include "timescales/engine.hpp"

namespace hearth::report {

// {"as_of","due_soon_until","done_late_since","records_to","records_note","la","scope",
//  "filter":{"status","item","worker","team"},"summary":{"overdue","due_soon","done_late",
//  "children"},"workers":[…],"overdue":[…],"due_soon":[…],"done_late":[…]} (docs/api.md)
nlohmann::json worklist_json(const services::WorklistResult& r, const timescales::Engine& engine);
// One row per item shown, every cell safe to open in a spreadsheet.
std::string worklist_csv(const services::WorklistResult& r, const timescales::Engine& engine);

}  // namespace hearth::report
