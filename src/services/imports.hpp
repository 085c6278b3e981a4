// Imports as a question and its answer, for `hearth imports` and GET /api/v1/imports alike: the
// imports stored (903 returns and local records), newest first, a page of them; and one
// import's findings. report::import_json spells an import the same for both.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/findings.hpp"
#include "store/return_store.hpp"

namespace hearth::services {

struct ImportsQuery {
  std::string la;  // empty: every council's
  std::size_t first = 0, count = 50;
};

struct ImportList {
  std::vector<store::ImportRecord> items;  // the page, newest first
  std::size_t total = 0;                   // every import that matched
};

ImportList imports(store::ReturnStore& st, const ImportsQuery& q);

// Import `id`, if there is one.
std::optional<store::ImportRecord> find_import(store::ReturnStore& st, std::int64_t id);

// One import and its findings: not_found when there is no import `id`.
struct ImportFindings {
  store::ImportRecord import;
  FindingList findings;
};
ImportFindings import_with_findings(store::ReturnStore& st, std::int64_t id);

}  // namespace hearth::services
