// 903 validation rules: legal_and_reviews (see registry.hpp for the codes in this group).
#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {}  // namespace

std::span<const Rule> legal_and_reviews() {
  static const std::vector<Rule> kRules = {};
  return kRules;
}

}  // namespace hearth::validation::rules
