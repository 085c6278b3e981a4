// 903 validation rules: header_and_codes (see registry.hpp for the codes in this group).
#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// 103: ETHNIC must be one of the 903's ethnicity codes.
void check_103(const Dataset& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col ethnic = header.col("ETHNIC");
  for (std::size_t r = 0; r < header.size(); ++r)
    if (!in(header.text(r, ethnic),
            {"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
             "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"}))
      out.add(header, r);
}

}  // namespace

std::span<const Rule> header_and_codes() {
  static const std::vector<Rule> kRules = {
      {"103", Severity::Error, "Header", "ETHNIC",
       "The child's ethnicity is missing or is not one of the 903 ethnicity codes.",
       "Record the ethnicity the child or family gives, using one of the 20 codes in the 903 "
       "guidance (REFU if they decline to say, NOBT if it is not yet known).",
       "SSDA903 guidance, Header: ETHNIC", 2023, 0, check_103},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
