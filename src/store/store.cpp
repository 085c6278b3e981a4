#include "store/store.hpp"

namespace hearth::store {

void Store::require_current_schema() {
  int v = schema_version();
  if (v == kSchemaVersion) return;
  if (v < kSchemaVersion)
    throw SchemaError("the store's schema is version " + std::to_string(v) +
                      " and this Hearth needs version " + std::to_string(kSchemaVersion) +
                      ": run `hearth db upgrade` (back the database up first)");
  throw SchemaError("the store's schema is version " + std::to_string(v) +
                    ", newer than this Hearth knows (" + std::to_string(kSchemaVersion) +
                    "): use a newer Hearth");
}

std::vector<model::Return> ReturnStore::load_all_returns() {
  std::vector<model::Return> out;
  for (const ReturnKey& key : list_returns()) {
    if (auto r = load_return(key.la, model::CollectionYear{key.collection_year}))
      out.push_back(std::move(*r));
  }
  return out;
}

std::vector<model::LocalRecords> LocalStore::load_all_local() {
  std::vector<std::string> councils;
  for (const LocalTableKey& key : list_local_tables())
    if (councils.empty() || councils.back() != key.la) councils.push_back(key.la);
  std::vector<model::LocalRecords> out;
  for (const auto& la : councils) out.push_back(load_local(la));
  return out;
}

std::string redact_url(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  auto at = url.find('@', scheme + 3);
  if (at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace hearth::store
