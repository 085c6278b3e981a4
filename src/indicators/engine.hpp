// The indicators engine: any registry indicator for one council, for any period ending on or
// before the engine's as-of date, with numerator and denominator and breakdowns. Reads only the
// Dataset (903 journeys and local records), the timescales engine's items (for the measures of
// timeliness, so the Board and the worklists agree on what "on time" means) and reference data.
//
// An indicator's computation yields cases: one per child (or per event) in its population, each
// with the date its characteristics are taken on, what it adds to the numerator and what it adds
// to the denominator. The value and every breakdown are sums over cases, so a breakdown always
// adds up to the headline figure.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "indicators/reference.hpp"
#include "indicators/registry.hpp"
#include "model/dataset.hpp"
#include "timescales/engine.hpp"

namespace hearth::indicators {

enum class PeriodKind : std::uint8_t { Month, Quarter, Year };  // Year: financial, April–March
std::string_view period_kind_name(PeriodKind k);                // "month", "quarter", "year"
std::optional<PeriodKind> period_kind_by_name(std::string_view name);

// A reporting period: a month, a quarter or a financial year (not a period of care:
// model::PeriodOfCare).
struct ReportingPeriod {
  PeriodKind kind = PeriodKind::Quarter;
  model::Date start{};
  model::Date end{};  // inclusive; the as-of date for a period still running
  std::string label;  // "2024-25 Q4", "2024-25", "Mar 2025"
};

// The period of `kind` containing `d`, from its first day to d.
ReportingPeriod period_containing(model::Date d, PeriodKind kind);
// `count` periods ending with the one containing `d` (itself to d), oldest first.
std::vector<ReportingPeriod> periods_to(model::Date d, PeriodKind kind, int count);

// A case that is not one child's (a challenge card to the Board): it falls in no breakdown's
// category but its own.
inline constexpr model::ChildIndex kNotAChild = static_cast<model::ChildIndex>(-1);

// One member of an indicator's population.
struct Case {
  model::ChildIndex child = 0;
  model::Date on{};  // the date the child's characteristics are taken on
  double numerator = 0;
  double denominator = 0;
};

struct Cohort {
  std::vector<Case> cases;
  bool available = true;
  std::string reason;     // why not available
  model::Date basis{};    // for annual indicators: the 31 March used
  std::string note;       // what the figure rests on, when that is not plain (shown on the card)
  double population = 0;  // for rates: the population used
  std::string population_source;
};

struct Value {
  bool available = true;
  std::string reason;
  std::optional<double> value;  // none when the denominator is 0
  double numerator = 0;
  std::optional<double> denominator;  // none for a count
};

enum class Dimension : std::uint8_t {
  AgeBand,
  Sex,
  Ethnicity,
  PlacementType,
  LegalStatus,
  Uasc,
  Area,
  Team,
};
inline constexpr std::size_t kDimensionCount = 8;
std::string_view dimension_key(Dimension d);    // "age_band", ...
std::string_view dimension_title(Dimension d);  // "Age band", ...

struct Category {
  std::string name;
  Value value;
};

// Placement counting rules not settled by published text (docs/indicators.md).
struct Rules {
  // stability_short: changes of placement with the same carer (RNE T, U) count as placements.
  bool count_same_carer_changes = true;
  // stability_long: a child placed for adoption counts when that and the previous placement
  // together lasted 2 years (the older DfE wording).
  bool adoption_exception = true;
};

// What a measure's cohort function reads (indicators/measures/*.cpp): one council's children and,
// for each, the periods of care and the rows of each 903 table that are theirs (the dataset's,
// model/dataset.hpp), the timescales items judged on the as-of date, and the questions several
// measures ask (looked after on a day, placements held in a window, the OC2 cohort).
using model::PeriodOfCare;
struct ChildFacts {
  model::ChildIndex child = 0;
  std::span<const PeriodOfCare> periods;
  std::vector<const timescales::ItemStatus*> items;
  // Rows in the Dataset's tables (model::rows(k.oc3) to walk them).
  model::Span sw, oc2, oc3, missing, uasc, ad1;
};

class Engine {
 public:
  // The engine works for one council; `as_of` is the latest date any period may end on (the
  // timescales items are judged once, on it).
  Engine(const model::Dataset& data, const timescales::Engine& timescales,
         const ReferenceData& reference, std::string la, model::Date as_of, Rules rules = {});

  Cohort cohort(const Indicator& indicator, const ReportingPeriod& period) const;
  Value value(const Indicator& indicator, const Cohort& cohort) const;
  std::vector<Category> breakdown(const Indicator& indicator, const Cohort& cohort,
                                  Dimension d) const;

  const std::string& la() const { return la_; }
  model::Date as_of() const { return as_of_; }
  const std::vector<model::ChildIndex>& children() const { return children_; }

  // The category a child falls in on a date (exposed for tests); the view is into the registry's
  // names or the dataset's own strings (a team name), so it lives as long as the engine.
  std::string_view category_of(model::ChildIndex c, model::Date on, Dimension d) const;

  // ---- facts for the measures ---------------------------------------------------------------
  const model::Dataset& data() const { return data_; }
  const timescales::Engine& timescales() const { return ts_; }
  const ReferenceData& reference() const { return ref_; }
  const Rules& rules() const { return rules_; }
  const model::LocalRecords* local() const { return local_; }  // the council's, or none
  const std::vector<ChildFacts>& each_child() const { return child_data_; }
  const ChildFacts& facts_of(model::ChildIndex c) const { return child_data_[slot_[c]]; }
  bool has_return(int year) const { return return_years_.count(year) > 0; }
  bool has_sw_episodes(int year) const { return sw_years_.count(year) > 0; }
  // The items of one kind with a due date, in due order.
  const std::vector<const timescales::ItemStatus*>& items_due(timescales::ItemId id) const {
    return by_item_[static_cast<std::size_t>(id)];
  }

  std::optional<std::uint32_t> episode_on(model::ChildIndex c, model::Date d) const;
  bool looked_after(model::ChildIndex c, model::Date d) const;  // short breaks excluded
  // The episode on `d` when it is not a short break.
  std::optional<std::uint32_t> looked_after_episode(model::ChildIndex c, model::Date d) const;
  const PeriodOfCare* period_on(model::ChildIndex c, model::Date d) const;
  bool uasc_on(model::ChildIndex c, model::Date d) const;
  // Placements held in [from, to] (stability_short's count).
  int placements_in(model::ChildIndex c, model::Date from, model::Date to) const;
  // The day the child began living with the carer of `episode`.
  model::Date placement_start(std::uint32_t episode, const PeriodOfCare& p) const;
  bool in_oc2_cohort(model::ChildIndex c, model::Date march31) const;
  const model::Oc2* oc2_of(model::ChildIndex c, int year) const;

  // One case for each child looked after on `d` (short breaks excluded): `numerator(child,
  // episode)` gives {numerator, denominator}; a child adding 0 to both is left out.
  template <class F>
  void per_child_on(Cohort& out, model::Date d, F&& numerator) const;
  // One case per item of `ids` due in the period and done or overdue by the as-of date.
  void timeliness(Cohort& out, const ReportingPeriod& p,
                  std::initializer_list<timescales::ItemId> ids) const;

 private:
  const model::Dataset& data_;
  const timescales::Engine& ts_;
  const ReferenceData& ref_;
  std::string la_;
  model::Date as_of_;
  Rules rules_;
  std::vector<model::ChildIndex> children_;
  std::vector<ChildFacts> child_data_;  // parallel to children_
  std::vector<std::uint32_t> slot_;     // ChildIndex -> position in children_ (or ~0)
  std::vector<timescales::ItemStatus> items_;
  // Items with a due date, by item, in due order.
  std::array<std::vector<const timescales::ItemStatus*>, timescales::kItemCount> by_item_;
  std::set<int> sw_years_;      // collection years with 903 social worker episodes
  std::set<int> return_years_;  // collection years with a stored 903 return
  const model::LocalRecords* local_ = nullptr;
};

template <class F>
void Engine::per_child_on(Cohort& out, model::Date d, F&& numerator) const {
  for (model::ChildIndex c : children_) {
    auto e = looked_after_episode(c, d);
    if (!e) continue;
    auto [num, den] = numerator(c, *e);
    if (den > 0 || num > 0) out.cases.push_back({c, d, num, den});
  }
}

}  // namespace hearth::indicators
