#include "services/imports.hpp"

#include <algorithm>
#include <limits>
#include <memory>

#include "services/errors.hpp"

namespace hearth::services {

namespace {

std::vector<store::ImportRecord> every_import(store::ReturnStore& st) {
  return st.list_imports(std::numeric_limits<int>::max());
}

}  // namespace

ImportList imports(store::ReturnStore& st, const ImportsQuery& q) {
  ImportList out;
  for (auto& r : every_import(st)) {
    if (!q.la.empty() && r.la != q.la) continue;
    if (out.total >= q.first && out.items.size() < q.count) out.items.push_back(std::move(r));
    ++out.total;
  }
  return out;
}

std::optional<store::ImportRecord> find_import(store::ReturnStore& st, std::int64_t id) {
  for (auto& r : every_import(st))
    if (r.id == id) return std::move(r);
  return std::nullopt;
}

ImportFindings import_with_findings(store::ReturnStore& st, std::int64_t id) {
  auto rec = find_import(st, id);
  if (!rec)
    throw not_found("not_found",
                    "there is no import " + std::to_string(id) + ": hearth imports lists them",
                    {{"id", id}});
  return {*rec, std::make_shared<const std::vector<model::Finding>>(st.import_findings(id))};
}

}  // namespace hearth::services
