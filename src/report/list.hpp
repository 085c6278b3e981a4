// One envelope for every list Hearth answers, in the CLI's JSON and the API alike:
// {"items": [...], "total": N}. A paged list adds "page" and "per_page" (web Call::paged), and a
// list may carry what all its items share beside them (the rules' "collection_year"), never a
// bare array or a list under its own name, so a client reads every list the same way.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <utility>

namespace hearth::report {

inline nlohmann::json list_json(nlohmann::json items, std::size_t total) {
  return {{"items", std::move(items)}, {"total", total}};
}
inline nlohmann::json list_json(nlohmann::json items) {
  const std::size_t total = items.size();
  return list_json(std::move(items), total);
}

}  // namespace hearth::report
