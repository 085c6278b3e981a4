#include "validation/registry.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace hearth::validation {

namespace {
std::vector<Rule> build() {
  std::vector<Rule> all;
  for (auto group :
       {rules::header_and_codes, rules::episodes_and_dates, rules::oc2_cohort_and_dates,
        rules::placements_and_ofsted, rules::uasc_matching_and_outcomes, rules::legal_and_reviews,
        rules::placement_types_and_reviews, rules::adoption_and_missing,
        rules::episode_sequences_and_adopters, rules::placement_changes,
        rules::missing_and_adoption_orders, rules::care_leavers_and_other,
        rules::care_leaver_eligibility, rules::interim_and_social_workers}) {
    auto g = group();
    all.insert(all.end(), g.begin(), g.end());
  }
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t j = i + 1; j < all.size(); ++j)
      if (all[i].code == all[j].code)
        throw std::logic_error("validation rule " + std::string(all[i].code) +
                               " is registered twice");
  return all;
}
}  // namespace

std::span<const Rule> all_rules() {
  static const std::vector<Rule> rules = build();
  return rules;
}

std::vector<const Rule*> rules_for_year(int end_year) {
  std::vector<const Rule*> out;
  for (const Rule& r : all_rules())
    if (r.first_year <= end_year && (r.last_year == 0 || end_year <= r.last_year))
      out.push_back(&r);
  return out;
}

const Rule* find_rule(std::string_view code) {
  for (const Rule& r : all_rules()) {
    if (r.code.size() != code.size()) continue;
    if (std::equal(r.code.begin(), r.code.end(), code.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        }))
      return &r;
  }
  return nullptr;
}

}  // namespace hearth::validation
