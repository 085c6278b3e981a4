// The published sources and populations several measures' entries cite (only the measure files
// include this: the macros let an entry's text be one constant string).
#pragma once

#include <string_view>

#define DFE_CLA                                                                                  \
  "DfE national statistics 'Children looked after in England including adoptions' (methodology " \
  "and local authority tables)"
#define EXCL_SB "Excludes children looked after under an agreed series of short breaks (LS V3/V4)."

namespace hearth::indicators::measures {

inline constexpr std::string_view kOc2Population =
    "Children looked after continuously for at least 12 months at 31 March (the 903's OC2 "
    "cohort: in care on 31 March and on 1 April a year before, in one period of care). " EXCL_SB
    " A return that sent no OC2 table although children were in the cohort is no data, not 0%.";

}  // namespace hearth::indicators::measures
