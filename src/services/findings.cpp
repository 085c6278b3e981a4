#include "services/findings.hpp"

#include <algorithm>

namespace hearth::services {

FindingList import_findings(SnapshotCache& snap, store::ReturnStore& st, std::int64_t import_id) {
  const std::string key = std::to_string(import_id);
  if (auto kept = snap.findings.get(key)) return kept;
  auto found = std::make_shared<const std::vector<model::Finding>>(st.import_findings(import_id));
  return snap.findings.put(key, found, cached_bytes(*found));
}

std::vector<YearFindings> child_findings(store::ReturnStore& st, const std::string& la,
                                         const std::string& child,
                                         const std::function<FindingList(std::int64_t)>& read) {
  auto keys = st.list_returns();
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    return a.collection_year < b.collection_year;
  });
  std::vector<YearFindings> out;
  for (const auto& k : keys) {
    if (k.la != la) continue;
    YearFindings y;
    y.year = k.collection_year;
    y.all =
        read ? read(k.import_id)
             : std::make_shared<const std::vector<model::Finding>>(st.import_findings(k.import_id));
    for (const auto& f : *y.all)
      if (f.child == child && f.rule != "validation.not-run") y.items.push_back(&f);
    out.push_back(std::move(y));
  }
  return out;
}

}  // namespace hearth::services
