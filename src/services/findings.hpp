// Validation findings stored with the returns, as questions: an import's findings (read once per
// snapshot: they never change) and one child's findings in every stored return of their
// council — what `hearth findings --child` prints and a child's record in the API holds.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/finding.hpp"
#include "services/snapshot_cache.hpp"
#include "store/store.hpp"

namespace hearth::services {

using FindingList = std::shared_ptr<const std::vector<model::Finding>>;

// An import's findings, from the snapshot's cache or the store.
FindingList import_findings(SnapshotCache& snap, store::ReturnStore& st, std::int64_t import_id);

struct YearFindings {
  int year = 0;  // the collection year's end
  FindingList all;
  std::vector<const model::Finding*> items;  // the child's (notes of rules not run left out)
};

// The child's findings in each stored return of council `la`, oldest year first. `read` reads
// an import's findings (the web passes its cache); empty: straight from the store.
std::vector<YearFindings> child_findings(store::ReturnStore& st, const std::string& la,
                                         const std::string& child,
                                         const std::function<FindingList(std::int64_t)>& read = {});

}  // namespace hearth::services
