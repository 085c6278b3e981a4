// The Board's scorecard: every registry indicator at a date with its target, RAG rating,
// comparators, trend and breakdowns, and small-number suppression for those who do not work
// with the children (../shared/spec/access-and-voice.md: the board role, public documents).
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "indicators/engine.hpp"
#include "timescales/config.hpp"

namespace hearth::indicators {

// A bad [scorecard] section: the same error as any other part of the configuration file.
using ScorecardConfigError = timescales::ConfigError;

struct Target {
  double value = 0;
  // Amber: worse than the target by no more than this (percentage points for a percentage;
  // otherwise in the indicator's unit). Red beyond it.
  std::optional<double> amber_margin;
};

// The [scorecard] section of the TOML configuration (docs/indicators.md).
struct ScorecardConfig {
  int suppression_threshold = 5;  // counts from 1 to threshold-1 are shown as "c"
  std::map<std::string, Target, std::less<>> targets;  // by indicator key; defaults from registry
  std::vector<std::string> statistical_neighbours;     // la codes; empty: the DfE's model
  std::filesystem::path reference_folder;              // empty: ReferenceData::default_folder()
  Rules rules;

  static ScorecardConfig defaults();  // the registry's default targets
};
ScorecardConfig parse_scorecard_config(std::string_view toml_text, std::string_view source_name);
ScorecardConfig load_scorecard_config(const std::filesystem::path& path);

enum class Rag : std::uint8_t { None, Green, Amber, Red };
std::string_view rag_name(Rag r);  // "", "green", "amber", "red"
Rag rate(const Indicator& ind, std::optional<double> value, const std::optional<Target>& target);

struct Comparator {
  std::string kind;  // "england", "region", "statistical_neighbours"
  std::string name;  // "England", "South East", "Statistical neighbours (10)"
  int year = 0;
  double value = 0;
  std::optional<double> numerator, denominator;
  std::string source;
};

// A value as shown: `suppressed` replaces value, numerator and denominator with "c".
struct Shown {
  Value value;
  bool suppressed = false;
};

struct Point {
  ReportingPeriod period;
  Shown shown;
};

struct ShownCategory {
  std::string name;
  Shown shown;
};

// Where the council's figure would stand among every council's published figure for one year:
// 1 is the best (by the indicator's polarity), `of` counts the council with the others.
struct Standing {
  int rank = 0;
  int of = 0;
  int quartile = 0;  // 1 (the best quarter) to 4
  int year = 0;      // the published year compared with (end year: 2025 = 2024-25)
};

struct Entry {
  const Indicator* indicator = nullptr;
  ReportingPeriod period;
  std::optional<model::Date> basis;  // annual: the 31 March used; pep: the term end
  std::string note;                  // what the figure rests on (Cohort::note)
  Shown current;
  std::optional<Target> target;
  Rag rag = Rag::None;
  std::vector<Comparator> comparators;
  std::optional<Standing> standing;  // none for counts, context measures, suppressed figures
  std::vector<Point> trend;          // 8 quarters (or 12 months, or 5 years), oldest first
  std::vector<Point> years;          // 5 financial years, oldest first
  std::array<std::vector<ShownCategory>, kDimensionCount> breakdowns;
};

struct Scorecard {
  std::string la, la_name, region;
  model::Date as_of{};
  ReportingPeriod period;
  // Set by whoever chose the date (ingest::resolve_as_of): why the scorecard is not at the date
  // asked for (the returns end before it), and how old the records are. Shown on every paper.
  std::string warning;
  std::string records_note;
  bool suppressed = false;  // small-number suppression applied
  int threshold = 5;
  std::vector<Entry> entries;
  std::vector<std::string> reference_files;
};

struct ScorecardOptions {
  PeriodKind period = PeriodKind::Quarter;
  bool suppress = false;
  bool breakdowns = true;
  std::vector<const Indicator*> only;  // empty: every indicator
};

Scorecard build_scorecard(const Engine& engine, const ReferenceData& reference,
                          const ScorecardConfig& config, const ScorecardOptions& options);

// Small-number suppression (exposed for tests): primary — a count from 1 to threshold-1 is
// suppressed, and so is every figure built on it; secondary — within each breakdown, when the
// suppressed categories could be worked out from the total and the categories shown (only one
// suppressed, or their sum no larger than their number), the smallest other categories are
// suppressed too, and the total itself when nothing else is left.
Shown suppress_primary(const Indicator& ind, const Value& v, int threshold);
void suppress_breakdown(const Indicator& ind, Shown& total, std::vector<ShownCategory>& cats,
                        int threshold);
// The counts an indicator shows that are about children (and so are protected).
std::vector<double> protected_counts(const Indicator& ind, const Value& v);

}  // namespace hearth::indicators
