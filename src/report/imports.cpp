#include "report/imports.hpp"

#include "model/dates.hpp"
#include "model/instant.hpp"
#include "report/list.hpp"

namespace hearth::report {

using nlohmann::json;

json import_json(const store::ImportRecord& r) {
  return {
      {"id", r.id},
      {"la", r.la},
      {"collection_year",
       r.collection_year ? json(model::CollectionYear{r.collection_year}.label()) : json(nullptr)},
      {"kind", r.collection_year ? "903" : "local"},
      {"source", r.source},
      {"format", r.format},
      {"user", r.user},
      {"started_at", model::format_instant(r.started_at)},
      {"finished_at", model::format_instant(r.finished_at)},
      {"rows", r.rows},
      {"findings", r.findings},
      {"replaced_rows", r.replaced_rows},
      {"accepted_with_findings", r.accepted_with_findings}};
}

json imports_json(const services::ImportList& list) {
  json items = json::array();
  for (const auto& r : list.items) items.push_back(import_json(r));
  return list_json(std::move(items), list.total);
}

}  // namespace hearth::report
