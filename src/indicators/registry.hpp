// The children in care scorecard's indicators as data: one entry per measure the Corporate
// Parenting Board sees, with what it counts, why it matters, the published definition it follows
// and where Hearth differs. The engine (engine.hpp) computes each one; the CLI, the API and
// docs/indicators.md list them from here.
//
// An indicator in ../shared/spec/indicators.md that has several measures (care leavers in
// education at 17–18 and at 19–21, say) is a family: each measure is its own entry with its own
// id, and `family` names the spec's id.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace hearth::indicators {

class Engine;
struct ReportingPeriod;
struct Cohort;

// How an indicator finds its population on the engine's facts (engine.hpp): one case per child
// or event, each with what it adds to the numerator and the denominator. A measure with no
// records to compute from (Source::NotHeld) has none.
using CohortFn = void (*)(const Engine& facts, const ReportingPeriod& period, Cohort& out);

enum class Section : std::uint8_t {
  Context,
  SafetyAndPermanence,
  Independence,
  Health,
  Education,
  Listening,
};
std::string_view section_title(Section s);  // "Safety and permanence"

// What the value is. Counts and percentages carry a numerator (and a denominator); an average
// (days, score, ratio) carries the total and the number of children or events it is over.
enum class Unit : std::uint8_t { Count, Percent, RatePer10000, Days, Score, Ratio };
std::string_view unit_name(Unit u);  // "count", "percent", "rate_per_10000", "days"...

enum class Polarity : std::uint8_t { HigherIsBetter, LowerIsBetter, Context };
std::string_view polarity_name(Polarity p);  // "higher_is_better", "lower_is_better", "context"

// Where the data comes from. NotHeld: records Hearth does not hold yet (the indicator is
// registered so the Board sees it is missing, and reports "no data" with what it needs).
enum class Source : std::uint8_t { Ssda903, Local, Ssda903OrLocal, NotHeld };
std::string_view source_name(Source s);  // "903", "local", "903 / local", "not held"

// Annual measures exist only at 31 March (the 903's OC2 outcomes); for any other date the
// latest 31 March on or before it is used.
enum class Frequency : std::uint8_t { AnyPeriod, Annual };

struct Indicator {
  std::string_view key;     // "stability_short": the id in JSON, CSV, config and the API
  std::string_view family;  // the spec's id: "leavers_eet" for leavers_eet_19_21
  Section section;
  std::string_view title;
  std::string_view why;          // one plain sentence a councillor understands
  std::string_view numerator;    // what is counted (or totalled, for an average)
  std::string_view denominator;  // what it is out of ("" for a count)
  std::string_view population;   // who is in and who is excluded
  Unit unit;
  Polarity polarity;
  Source source;
  Frequency frequency;
  std::string_view definition;  // the published definition followed, and its source
  std::string_view deviation;   // where Hearth differs from it, and why ("" when it does not)
  std::string_view basis;       // the statute or guidance behind the duty it measures
  std::optional<double> default_target =
      std::nullopt;             // a target the council's config can override
  std::string_view comparator;  // "leavers_eet/age_19_21": row in the reference files
  std::string_view needs;       // for Source::NotHeld: what Hearth would need
  CohortFn cohort = nullptr;    // its computation (none for Source::NotHeld)
};

// Every indicator, in scorecard order: section by section (indicators/measures/<section>.cpp),
// in each section as its file lists them.
std::span<const Indicator> all_indicators();
const Indicator* indicator_by_key(std::string_view key);  // nullptr: no such indicator

// Each section's entries (indicators/measures/<section>.cpp).
namespace measures {
std::span<const Indicator> context();
std::span<const Indicator> stability_and_placements();  // Safety and permanence, first part
std::span<const Indicator> safety_and_permanence();
std::span<const Indicator> independence();
std::span<const Indicator> health();
std::span<const Indicator> education();
std::span<const Indicator> listening();
}  // namespace measures

}  // namespace hearth::indicators
