// The reference data some DfE rules need. Hearth ships the postcodes and council tiers
// (reference/postcodes/, read once when first needed); a validation reference folder may hold
// the council's own copies, and Ofsted's providers, which Hearth does not ship:
//   ofsted/         Ofsted's provider lists as received, .xlsx or .csv (validation/ofsted.hpp):
//                   every file is read and merged by URN
//   providers.csv   URN,POSTCODE,LA_CODE,PLACE_CODES,PROVIDER_CODES,REG_END
//                   providers in Hearth's own form, one row per URN; a URN listed here replaces
//                   what ofsted/ says of it (the council's corrections)
//   postcodes.csv   pcd,laua,oseast1m,osnrth1m       (ONS Postcode Directory columns)
//   upper_tier.csv  ltla,utla                         (lower- to upper-tier LA codes)
// A rule that needs data that is absent is reported as not run, with the reason.
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

struct OfstedRead;

// Reads whichever of the files above `folder` holds. The providers' LA codes come from the
// folder's own postcodes.csv and upper_tier.csv when it has them, else the shipped geography.
// When `ofsted` is given it is filled with what was read from ofsted/. Throws std::runtime_error
// naming the file (and row or sheet) of a malformed file.
ValidationReference load_validation_reference(const std::filesystem::path& folder,
                                              OfstedRead* ofsted = nullptr);

// The postcodes and council tiers Hearth ships (geo::geography()), no providers. Read the first
// time it is asked for; thread-safe.
const ValidationReference& shipped_reference();
// Fills what `ref` lacks (postcodes, tiers) from the shipped reference.
void complete_with_shipped(ValidationReference& ref);
// The upper-tier ONS code of a council's three-digit 903 code ("887" -> "E06000035"), for the
// rules that ask whether a placement is in the council's area; "" when not known.
std::string ons_code_of(std::string_view la);

}  // namespace hearth::validation
