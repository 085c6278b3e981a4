// Imports (services/imports.hpp) as JSON: one spelling of an import for the CLI and the API.
#pragma once

#include <nlohmann/json.hpp>

#include "services/imports.hpp"

namespace hearth::report {

// {"id","la","kind" (903 or local),"collection_year" (null for local records),"source","format",
//  "user","started_at","finished_at","rows","findings","replaced_rows","accepted_with_findings"}
nlohmann::json import_json(const store::ImportRecord& r);
// {"items": [import…], "total"}
nlohmann::json imports_json(const services::ImportList& list);

}  // namespace hearth::report
