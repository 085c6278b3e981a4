// Every interval the timescales engine uses, statutory values by default. A council sets its
// own in the [timescales] table of its TOML configuration (docs/timescales.md lists the keys);
// a tighter local target is a smaller number.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::timescales {

// A school term as month-day bounds, e.g. autumn 09-01 to 12-20 (the defaults: docs/timescales.md).
struct Term {
  std::string name;
  unsigned start_month = 9, start_day = 1;
  unsigned end_month = 12, end_day = 20;
};

struct TimescaleConfig {
  // Reviews (reg 33)
  int first_review_working_days = 20;
  int second_review_months = 3;
  int later_review_months = 6;
  // Visits (reg 28)
  int visit_new_placement_days = 7;
  int visit_first_year_days = 42;  // 6 weeks
  int visit_long_term_months = 3;  // long-term foster placement (PLACE U1 or U4) after a year
  int visit_other_days = 42;
  // Health
  int iha_working_days = 20;
  int rha_under_5_months = 6;
  int rha_from_5_months = 12;
  int dental_months = 12;
  int sdq_months = 12;
  int sdq_min_age = 4;
  int sdq_max_age = 16;
  int immunisations_window_days = 30;  // a check this close to a health assessment counts
  // Education
  int pep_working_days = 10;
  int pep_min_age = 3;
  int pep_max_age = 17;
  // Typical English school terms (each council sets its own dates; Easter moves the spring
  // term's end and the summer term's start from year to year). The holidays between them are no
  // term: a PEP review held in one is late evidence for the term just ended.
  std::vector<Term> pep_terms = {
      {"Autumn", 9, 1, 12, 20}, {"Spring", 1, 5, 4, 5}, {"Summer", 4, 20, 7, 22}};
  // Missing
  int rhi_hours = 72;
  // Leaving care
  int eligibility_weeks = 13;
  int eligibility_from_age = 14;
  int eligibility_at_age = 16;
  int pathway_plan_months = 3;
  int pathway_review_months = 6;
  int pa_allocation_age = 16;  // the PA is due on eligibility or this birthday, whichever later
  int pa_contact_days = 56;    // 8 weeks
  int pa_move_days = 7;
  int support_age = 21;
  int extended_support_age = 25;
  // Advocacy and independent visitors (local practice: the law sets no interval)
  int advocate_working_days = 5;
  int independent_visitor_months = 3;
  // Status
  int due_soon_working_days = 10;

  static TimescaleConfig statutory() { return {}; }
};

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The text of a configuration file; ConfigError when it cannot be opened. Every section of the
// one configuration file ([timescales], [scorecard]...) is read through this.
std::string read_config_file(const std::filesystem::path& path);

// Reads the [timescales] table of a TOML document over the statutory defaults. Unknown keys,
// wrong types and values out of range are ConfigErrors naming the key.
TimescaleConfig parse_config(std::string_view toml_text, std::string_view source_name);
TimescaleConfig load_config(const std::filesystem::path& path);

// Every key with its value and a one-line meaning, for docs and `hearth timescales --config`.
struct ConfigKey {
  std::string key;
  std::string value;
  std::string meaning;
};
std::vector<ConfigKey> describe(const TimescaleConfig& config);

}  // namespace hearth::timescales
