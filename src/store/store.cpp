#include "store/store.hpp"

#include <sodium.h>

#include <array>

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

std::string Store::data_version() {
  // Every import makes a new import id, and a restore brings back the ids it held: the ids of the
  // returns and local tables in use, with their row counts, say which data the store holds.
  std::string listing;
  for (const ReturnKey& k : list_returns())
    listing += "r|" + k.la + "|" + std::to_string(k.collection_year) + "|" +
               std::to_string(k.import_id) + "|" + std::to_string(k.rows) + "\n";
  for (const LocalTableKey& k : list_local_tables())
    listing += "l|" + k.la + "|" + k.table + "|" + std::to_string(k.import_id) + "|" +
               std::to_string(k.rows) + "\n";
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::array<unsigned char, 16> hash{};
  crypto_generichash(hash.data(), hash.size(),
                     reinterpret_cast<const unsigned char*>(listing.data()), listing.size(),
                     nullptr, 0);
  std::array<char, 33> hex{};
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  return hex.data();
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
