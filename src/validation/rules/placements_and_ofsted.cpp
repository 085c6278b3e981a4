// 903 validation rules: placements_and_ofsted (see registry.hpp for the codes in this group).
#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// 208: a child in both years' returns keeps the same UPN, except for the moves the guidance
// allows: from unknown (missing or UN1) to UN2-UN5, from missing to UN1, and from unknown
// (missing or any UN code) to a real UPN. Missing in both years is left to rule 442.
void check_208(const Dataset& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& before = *ds.last(TableKind::Header);
  const Col upn = header.col("UPN"), upn_last = before.col("UPN");
  auto unknown_code = [](std::string_view v) { return in(v, {"UN1", "UN2", "UN3", "UN4", "UN5"}); };
  for (std::size_t r = 0; r < header.size(); ++r) {
    std::string_view now = header.text(r, upn);
    for (std::uint32_t p : before.rows_of(header.child(r))) {
      std::string_view then = before.text(p, upn_last);
      if (now == then) continue;
      if (then.empty() && now.empty()) continue;
      bool was_unknown = then.empty() || then == "UN1";
      if (was_unknown && in(now, {"UN2", "UN3", "UN4", "UN5"})) continue;
      if (then.empty() && now == "UN1") continue;
      if ((then.empty() || unknown_code(then)) && !(now.empty() || unknown_code(now))) continue;
      out.add(header, r);
    }
  }
}

}  // namespace

std::span<const Rule> placements_and_ofsted() {
  static const std::vector<Rule> kRules = {
      {"208", Severity::Error, "Header,Header_last", "UPN",
       "The child's UPN differs from the UPN in last year's return.",
       "A child keeps one UPN for life. Use last year's UPN unless it was unknown (UN1-UN5 or "
       "blank) and the real UPN is now known; check with the school or the virtual school.",
       "SSDA903 guidance, Header: UPN; DfE Common Basic Data Set (UPN)", 2023, 0, check_208},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
