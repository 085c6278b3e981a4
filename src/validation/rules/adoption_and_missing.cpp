// 903 validation rules: adoption_and_missing (see registry.hpp for the codes in this group).
#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {}  // namespace

std::span<const Rule> adoption_and_missing() {
  static const std::vector<Rule> kRules = {};
  return kRules;
}

}  // namespace hearth::validation::rules
