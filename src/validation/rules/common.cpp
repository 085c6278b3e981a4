#include "validation/rules/common.hpp"

#include <cmath>
#include <string>

namespace hearth::validation::rules {

namespace {
std::optional<geo::Place> lookup(const ReturnTables& ds, std::string_view text) {
  if (!ds.reference || !ds.reference->postcodes || text.empty()) return std::nullopt;
  return ds.reference->postcodes->find(text);
}
}  // namespace

std::optional<std::string> placement_la(const ReturnTables& ds, const Table& episodes,
                                        std::size_t row) {
  const auto pl = lookup(ds, episodes.text(row, episodes.col("PL_POST")));
  if (!pl) return std::nullopt;
  // As the DfE tool: a district missing from the lower- to upper-tier table has no placing LA —
  // except a unitary council, which is its own upper tier (the four made in April 2023 are in the
  // postcodes but not in the 2021 table; the DfE tool counts their placements as out of area).
  std::string council = ds.reference->upper_tier.council(pl->district);
  if (council.empty()) return std::nullopt;
  return council;
}

std::optional<std::string_view> placement_location(const ReturnTables& ds, const Table& episodes,
                                                   std::size_t row) {
  // Unknown when the placement postcode is unknown; otherwise in the area only when the placing
  // LA is the council's (a district missing from the tier table counts as out, as in the DfE tool).
  // A postcode ONS gives no district for (11,007 of them) has no location, as in the DfE tool.
  const auto pl = lookup(ds, episodes.text(row, episodes.col("PL_POST")));
  if (!pl || pl->district.empty()) return std::nullopt;
  auto la = placement_la(ds, episodes, row);
  return la && *la == ds.la ? std::string_view("IN") : std::string_view("OUT");
}

std::optional<double> placement_distance(const ReturnTables& ds, const Table& episodes,
                                         std::size_t row) {
  const auto home = lookup(ds, episodes.text(row, episodes.col("HOME_POST")));
  const auto pl = lookup(ds, episodes.text(row, episodes.col("PL_POST")));
  if (!home || !pl || !home->has_grid || !pl->has_grid) return std::nullopt;
  return geo::distance_miles(*home, *pl);
}

}  // namespace hearth::validation::rules
