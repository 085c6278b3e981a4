// Every 903 validation rule Hearth knows, registered explicitly in one table (registry.cpp).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "validation/rule.hpp"

namespace hearth::validation {

// The latest collection year whose DfE rules Hearth implements (2025/26); later years are
// checked with these rules until their own are added.
inline constexpr int kLatestYear = 2026;

std::span<const Rule> all_rules();
// The rules that apply to a collection year (given by its end year: 2026 for 2025/26).
std::vector<const Rule*> rules_for_year(int end_year);
const Rule* find_rule(std::string_view code);

// The rule groups, each defined in rules/<group>.cpp.
namespace rules {
std::span<const Rule> header_and_codes();                // 101-166
std::span<const Rule> episodes_and_dates();              // 167-182
std::span<const Rule> oc2_cohort_and_dates();            // 184-205D
std::span<const Rule> placements_and_ofsted();           // 207-234
std::span<const Rule> uasc_matching_and_outcomes();      // 301-3001
std::span<const Rule> legal_and_reviews();               // 347-367
std::span<const Rule> placement_types_and_reviews();     // 371-399
std::span<const Rule> adoption_and_missing();            // 406-460
std::span<const Rule> episode_sequences_and_adopters();  // 501-521
std::span<const Rule> placement_changes();               // 522-563
std::span<const Rule> missing_and_adoption_orders();     // 564-586
std::span<const Rule> care_leavers_and_other();          // 601-635
std::span<const Rule> care_leaver_eligibility();         // 1000-1016, EPI, NoE
std::span<const Rule> interim_and_social_workers();      // INT, SW
}  // namespace rules

}  // namespace hearth::validation
