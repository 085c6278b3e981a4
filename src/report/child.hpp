// Children's answers (services/children.hpp) as JSON: one document for the CLI and the API.
#pragma once

#include <nlohmann/json.hpp>

#include "services/children.hpp"

namespace hearth::report {

// {"id","la","sex","dob","age","ethnicity","status","legal_status","placement","worker",
//  "overdue"}: a child on the list.
nlohmann::json child_summary_json(const services::SnapshotCache& snap,
                                  const services::ChildSummary& s, model::Date as_of);
// The list's page: {"items","total","page","per_page","as_of"} (page from `first` and `count`).
nlohmann::json children_json(const services::SnapshotCache& snap, const services::ChildrenResult& r,
                             std::size_t first, std::size_t count);
// A child's journey: {"as_of","records_to","records_note","child","episodes","reviews",
//  "missing","timescales","findings"} (docs/api.md).
nlohmann::json journey_json(const services::SnapshotCache& snap, const services::Journey& j);
// What a young person sees of their own record: {"child","worker","next","health",
//  "entitlements"}, in plain words.
nlohmann::json young_person_json(const services::SnapshotCache& snap, const services::Journey& j);

}  // namespace hearth::report
