// The statutory timescales as data: one entry per item a council must do for a child in care or
// a care leaver, with where the duty comes from and who it applies to. The engine (engine.hpp)
// computes each item's due dates; the intervals themselves are in TimescaleConfig, statutory
// values by default, overridable per council. docs/timescales.md is written from this list.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace hearth::timescales {

enum class ItemId : std::uint8_t {
  FirstReview,
  SecondReview,
  LaterReview,
  SwVisit,
  Iha,
  Rha,
  Dental,
  Sdq,
  Immunisations,
  Pep,
  PepReview,
  PermanencePlan,
  Rhi,
  PathwayPlan,
  PathwayPlanReview,
  PaAllocated,
  PaContact,
  PaContactAfterMove,
  InTouch,
  Advocate,
  IndependentVisitor,
};
inline constexpr std::size_t kItemCount = 21;

enum class Group : std::uint8_t { ChildInCare, LeavingCare };

struct TimescaleItem {
  ItemId id;
  std::string_view key;    // "first_review": the id in JSON, CSV and the command line
  std::string_view title;  // "First looked-after review"
  Group group;
  std::string_view applies_to;  // who it is for, in plain words
  std::string_view source;      // the law or guidance it comes from
  bool statutory;               // false where the default is local practice, not law
  std::string_view evidence;    // which records satisfy it
  std::string_view next_step;   // what to do while it is open, in the worker's words
};

std::span<const TimescaleItem> all_items();
const TimescaleItem& item(ItemId id);
std::optional<ItemId> item_by_key(std::string_view key);

}  // namespace hearth::timescales
