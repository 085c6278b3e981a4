#include "validation/rules/common.hpp"

#include <cmath>
#include <string>

namespace hearth::validation::rules {

namespace {
const Postcode* lookup(const ReturnTables& ds, std::string_view text) {
  if (!ds.reference || text.empty()) return nullptr;
  std::string key;
  for (char c : text)
    if (c != ' ') key.push_back(c);
  auto it = ds.reference->postcodes.find(key);
  return it == ds.reference->postcodes.end() ? nullptr : &it->second;
}
}  // namespace

std::optional<std::string> placement_la(const ReturnTables& ds, const Table& episodes,
                                        std::size_t row) {
  const Postcode* pl = lookup(ds, episodes.text(row, episodes.col("PL_POST")));
  if (!pl) return std::nullopt;
  if (!pl->la.empty()) {
    switch (pl->la.front()) {
      case 'S':
        return "SCO";
      case 'N':
        return "NIR";
      case 'W':
        return "WAL";
      default:
        break;
    }
  }
  // As the DfE tool: a district missing from the lower- to upper-tier table has no placing LA.
  auto it = ds.reference->upper_tier.find(pl->la);
  if (it == ds.reference->upper_tier.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string_view> placement_location(const ReturnTables& ds, const Table& episodes,
                                                   std::size_t row) {
  // Unknown when the placement postcode is unknown; otherwise in the area only when the placing
  // LA is the council's (a district missing from the tier table counts as out, as in the DfE tool).
  if (!lookup(ds, episodes.text(row, episodes.col("PL_POST")))) return std::nullopt;
  auto la = placement_la(ds, episodes, row);
  return la && *la == ds.la ? std::string_view("IN") : std::string_view("OUT");
}

std::optional<double> placement_distance(const ReturnTables& ds, const Table& episodes,
                                         std::size_t row) {
  const Postcode* home = lookup(ds, episodes.text(row, episodes.col("HOME_POST")));
  const Postcode* pl = lookup(ds, episodes.text(row, episodes.col("PL_POST")));
  if (!home || !pl) return std::nullopt;
  double metres = std::hypot(home->east - pl->east, home->north - pl->north);
  return std::round(metres / 1000.0 / 1.6093 * 10.0) / 10.0;
}

}  // namespace hearth::validation::rules
