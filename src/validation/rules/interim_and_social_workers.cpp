// 903 validation rules: interim_and_social_workers (see registry.hpp for the codes in this group).
#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {}  // namespace

std::span<const Rule> interim_and_social_workers() {
  static const std::vector<Rule> kRules = {};
  return kRules;
}

}  // namespace hearth::validation::rules
