// The 903 returns and the imports that brought them: each council's return for each collection
// year, replaced whole by an import in one transaction, with the import's record and findings.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.hpp"
#include "model/instant.hpp"
#include "model/journey.hpp"

namespace hearth::store {

// What is being imported, for the import's record.
struct ImportMeta {
  std::string source;  // folder or file name as given
  std::string format;  // "csv" or "xml"
  std::string user;    // who ran it ("cli:<login>" or a web user)
  bool accepted_with_findings = false;
};

// One import: of a 903 return (collection_year > 0) or of local records (0).
struct ImportRecord {
  std::int64_t id = 0;
  std::string la;
  int collection_year = 0;
  std::string source;
  std::string format;
  std::string user;
  model::Instant started_at{};
  model::Instant finished_at{};
  std::int64_t rows = 0;
  std::int64_t findings = 0;
  std::int64_t replaced_rows = 0;  // rows of the same year that this import replaced
  bool accepted_with_findings = false;
};

struct ReturnKey {
  std::string la;
  int collection_year = 0;
  std::int64_t import_id = 0;
  std::int64_t rows = 0;
};

struct Counts {
  std::int64_t councils = 0;
  std::int64_t returns = 0;
  std::int64_t children = 0;  // distinct (la, CHILD) across all returns
  std::int64_t episodes = 0;  // distinct (la, CHILD, DECOM) across all returns
  std::int64_t imports = 0;
};

class ReturnStore {
 public:
  virtual ~ReturnStore() = default;

  // Replaces the council's return for `ret.year` with `ret`, and records the import and its
  // findings, in one transaction: either all of it is stored or none of it.
  virtual ImportRecord replace_return(const model::Return& ret, const ImportMeta& meta,
                                      std::span<const model::Finding> findings) = 0;
  // Several returns (e.g. ten years of one council) in one transaction.
  struct ReturnToStore {
    const model::Return* ret;
    ImportMeta meta;
    std::span<const model::Finding> findings;
  };
  virtual std::vector<ImportRecord> replace_returns(std::span<const ReturnToStore> returns) = 0;

  virtual std::optional<model::Return> load_return(std::string_view la,
                                                   model::CollectionYear year) = 0;
  virtual std::vector<ReturnKey> list_returns() = 0;
  // Every return, oldest year first (what the snapshot is built from).
  std::vector<model::Return> load_all_returns();
  virtual Counts counts() = 0;

  // Imports of returns and of local records alike, newest first.
  virtual std::vector<ImportRecord> list_imports(int limit) = 0;
  virtual std::vector<model::Finding> import_findings(std::int64_t import_id) = 0;
};

}  // namespace hearth::store
