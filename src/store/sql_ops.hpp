// Store::ops_counts for the generic SQL store (sql_store.cpp): counts an operator's monitoring
// reads, each one indexed or small query.
#pragma once

#include <soci/soci.h>

#include "store/store.hpp"

namespace hearth::store::sql {

OpsCounts read_ops_counts(soci::session& sql, std::int64_t created_after, std::int64_t seen_after,
                          model::Instant now, bool with_findings);

}  // namespace hearth::store::sql
