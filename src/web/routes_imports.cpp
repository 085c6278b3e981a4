// Imports through the web: the list of imports; uploading a return or local records file by
// file, checking it, then accepting (stored whole or not at all) or cancelling.
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

http::Response list_imports(Call& call) {
  std::string la = call.council();
  call.require(Action::ReadImports, Resource::council(la));
  auto page = call.page();
  json items = json::array();
  std::size_t total = 0;
  for (const auto& r : call.st.list_imports(100000)) {
    if (r.la != la) continue;
    if (total >= page.first && items.size() < page.second)
      items.push_back({{"id", r.id},
                       {"la", r.la},
                       {"collection_year", r.collection_year
                                               ? json(model::CollectionYear{r.collection_year}.label())
                                               : json(nullptr)},
                       {"kind", r.collection_year ? "903" : "local"},
                       {"source", r.source},
                       {"format", r.format},
                       {"user", r.user},
                       {"started_at", r.started_at},
                       {"finished_at", r.finished_at},
                       {"rows", r.rows},
                       {"findings", r.findings},
                       {"replaced_rows", r.replaced_rows},
                       {"accepted_with_findings", r.accepted_with_findings}});
    ++total;
  }
  return http::Response::json(Call::paged(std::move(items), total, page));
}

}  // namespace

void add_import_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/imports", "The council's imports, newest first",
                    {{"la", "query", "string", "The council's LA code"},
                     {"page", "query", "integer", "Page number, from 1"},
                     {"per_page", "query", "integer", "Items per page (at most 500; default 50)"}},
                    true, "", list_imports});
}

}  // namespace hearth::web
