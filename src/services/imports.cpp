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

ImportFindings import_with_findings(store::ReturnStore& st, std::int64_t id) {
  auto all = every_import(st);
  auto rec = std::find_if(all.begin(), all.end(), [&](const auto& r) { return r.id == id; });
  if (rec == all.end())
    throw not_found("not_found",
                    "there is no import " + std::to_string(id) + ": hearth imports lists them",
                    {{"id", id}});
  return {*rec, std::make_shared<const std::vector<model::Finding>>(st.import_findings(id))};
}

}  // namespace hearth::services
