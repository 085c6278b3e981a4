// A finding (model::Finding: what a reader or a check found in one cell or row) as JSON: one
// spelling wherever one appears — an import's reply, `hearth imports --findings`, the reading
// findings of `hearth validate`, a child's record, `/findings/{rule}` (docs/api.md).
#pragma once

#include <nlohmann/json.hpp>

#include "model/finding.hpp"
#include "services/findings.hpp"

namespace hearth::report {

// {"child","expected","field","file","how_to_fix","message","row","rule","severity","table",
//  "value","year"}: `year` the collection year's end (0: not known, null). Every text valid
// UTF-8 (U+FFFD for a stray byte), so no dump of it can throw.
nlohmann::json finding_json(const model::Finding& f, int year = 0);
// A child's findings over the years, as one array of findings (oldest year first).
nlohmann::json findings_json(const std::vector<services::YearFindings>& years);

}  // namespace hearth::report
