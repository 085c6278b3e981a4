// The council's local records (Standard Safeguarding Dataset names): each table replaced whole by
// an import, as a local extract is the council's whole record of its kind.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "local/tables.hpp"
#include "model/finding.hpp"
#include "model/local.hpp"
#include "store/return_store.hpp"

namespace hearth::store {

struct LocalTableKey {
  std::string la;
  std::string table;  // local::LocalTableInfo::name
  std::int64_t import_id = 0;
  std::int64_t rows = 0;
};

class LocalStore {
 public:
  virtual ~LocalStore() = default;

  // Replaces the council's rows of each table in `tables` with those in `records`, records the
  // import (collection year 0) and its findings, in one transaction. Tables not named are left
  // as they are.
  virtual ImportRecord replace_local(const model::LocalRecords& records,
                                     std::span<const local::LocalTable> tables,
                                     const ImportMeta& meta,
                                     std::span<const model::Finding> findings) = 0;
  // The council's local records (empty when none were imported).
  virtual model::LocalRecords load_local(std::string_view la) = 0;
  virtual std::vector<LocalTableKey> list_local_tables() = 0;
  // Every council's local records.
  std::vector<model::LocalRecords> load_all_local();
};

}  // namespace hearth::store
