// Worklists over HTTP: the scope the role allows, narrowed by the policy, answered by the
// worklist service (services/worklist.hpp) and rendered as JSON or CSV (report/worklist.hpp).
#include <algorithm>
#include <tuple>

#include "report/worklist.hpp"
#include "services/worklist.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

http::Response get_worklist(Call& call) {
  std::string la = call.council();
  auto scopes = auth::worklist_scopes(call.who().role);
  std::string scope_text =
      call.query("scope", scopes.empty() ? "mine" : std::string(auth::scope_name(scopes.front())));
  Resource res = Resource::council(la);
  if (scope_text == "mine")
    res.scope = auth::WorklistScope::Mine;
  else if (scope_text == "team")
    res.scope = auth::WorklistScope::Team;
  else if (scope_text == "all")
    res.scope = auth::WorklistScope::All;
  else
    throw ApiError(400, "bad_scope", "scope must be mine, team or all",
                   {{"parameter", "scope"}, {"value", scope_text}});
  call.require(Action::ReadWorklist, res);
  std::string format = call.query("format", "json");
  if (format != "json" && format != "csv")
    throw ApiError(400, "bad_format", "format must be json or csv", {{"parameter", "format"}});
  auto d = call.ctx.derived();
  const auto& who = call.who();
  services::WorklistQuery q;
  q.la = la;
  q.as_of = call.query("as_of");
  q.scope = scope_text;
  q.status = call.query("status");
  q.item = call.query("item");
  q.worker = call.query("worker");
  q.team = call.query("team");
  // a page of each list, when asked for (the CSV is always the whole list)
  if (format == "json" && (!call.query("page").empty() || !call.query("per_page").empty()))
    std::tie(q.first, q.count) = call.page();
  if (res.scope != auth::WorklistScope::All)
    q.visible = [&](const timescales::WorkItem& w, model::Date as_of) {
      if (res.scope == auth::WorklistScope::Team)
        return std::find(who.teams.begin(), who.teams.end(), w.who.team) != who.teams.end();
      if (who.role == auth::Role::Iro) {
        auto c = d->data->find_child(w.la, w.child);
        if (!c) return false;
        auto cr = child_resource(*d->data, *c, as_of);
        return std::find(cr.iros.begin(), cr.iros.end(), who.worker) != cr.iros.end();
      }
      return w.who.worker == who.worker;
    };
  auto wl = services::worklist(*d, q);
  call.audit("worklist.read", "worklist:" + la + "/" + scope_text, "ok",
             {{"children", wl.children}});
  if (format == "csv") {
    http::Response r;
    r.content_type = "text/csv; charset=utf-8";
    r.body = report::worklist_csv(wl, *d->engine);
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"worklist-" + la + "-" + scope_text + "-" +
                               model::format_iso(wl.whole->as_of) + ".csv\"");
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  }
  return http::Response::json(report::worklist_json(wl, *d->engine));
}

}  // namespace

void add_worklist_routes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET",
       "/api/v1/worklist",
       "Statutory items overdue, due soon and done late, for you, your team or the service",
       {kLa,
        kAsOf,
        {"scope",
         "query",
         "string",
         "Whose items (default: the widest your role has)",
         false,
         {"mine", "team", "all"}},
        {"status",
         "query",
         "string",
         "Only this section",
         false,
         {"overdue", "due_soon", "done_late"}},
        {"item", "query", "string", "Only these statutory items (keys, separated by commas)"},
        {"worker", "query", "string", "Only this worker's items"},
        {"team", "query", "string", "Only this team's items"},
        {"format", "query", "string", "json, or csv to download", false, {"json", "csv"}},
        {"page", "query", "integer", "A page of each list, from 1 (default: every item)"},
        {"per_page", "query", "integer", "Items per page of each list (at most 500; default 50)"}},
       true,
       "",
       get_worklist});
  routes.back().reply = {200, "Worklist"};
}

}  // namespace hearth::web
