// 903 validation rules: care_leavers_and_other (see registry.hpp for the codes in this group).
#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {}  // namespace

std::span<const Rule> care_leavers_and_other() {
  static const std::vector<Rule> kRules = {};
  return kRules;
}

}  // namespace hearth::validation::rules
