// Timescale items as JSON, for the command line and the web API alike.
#pragma once

#include <nlohmann/json.hpp>

#include "timescales/engine.hpp"
#include "timescales/worklist.hpp"

namespace hearth::timescales {

nlohmann::json evidence_json(const Engine& engine, const ItemStatus& s);
// {"item","title","occurrence","due","status","anchor":{"event","date"},"evidence","rule",...}
nlohmann::json item_json(const Engine& engine, const ItemStatus& s, model::Date as_of);
// {"child_id","la","as_of","care_leaver":{…},"items":[…]}
nlohmann::json child_json(const Engine& engine, model::ChildIndex c, model::Date as_of);
// The same, from the child's items already worked out (engine.child(c, as_of)).
nlohmann::json child_json(const Engine& engine, model::ChildIndex c, model::Date as_of,
                          const std::vector<ItemStatus>& items);
nlohmann::json work_item_json(const Engine& engine, const WorkItem& w, model::Date as_of);
// A one-line description of the evidence, e.g. "IHA 2025-01-20 (Completed, Paediatrician)".
std::string evidence_text(const Engine& engine, const ItemStatus& s);

}  // namespace hearth::timescales
