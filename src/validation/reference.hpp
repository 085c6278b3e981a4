// The reference data some DfE rules need and Hearth does not ship (it changes monthly and is
// licensed separately): a validation reference folder holding any of
//   postcodes.csv   pcd,laua,oseast1m,osnrth1m       (ONS Postcode Directory columns)
//   upper_tier.csv  ltla,utla                         (lower- to upper-tier LA codes)
//   providers.csv   URN,POSTCODE,LA_CODE,PLACE_CODES,PROVIDER_CODES,REG_END
//                                                      (Ofsted's children's homes and supported
//                                                       accommodation lists, one row per URN)
// A rule that needs a file that is absent is reported as not run, with the reason.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "validation/table.hpp"

namespace hearth::validation {

// Adds one reference table ("postcodes", "upper_tier" or "providers") read from CSV text.
// Returns an error message naming the row, or "" when it was read.
std::string add_reference_table(ValidationReference& ref, std::string_view name,
                                std::string_view csv);

// Reads whichever of the three files `folder` holds. Throws std::runtime_error naming the file
// and row of a malformed file.
ValidationReference load_validation_reference(const std::filesystem::path& folder);

}  // namespace hearth::validation
