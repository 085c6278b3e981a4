// Children: the list a user may see, and one child's journey (or, for a young person, their own
// shorter record). Who may see which child is the policy's decision, from the allocations; the
// questions are services/children.hpp's, the documents report/child.hpp's.
#include "report/child.hpp"
#include "services/children.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

http::Response list_children(Call& call) {
  std::string la = call.council();
  call.require(Action::ListChildren, Resource::council(la));
  auto d = call.ctx.derived();
  const auto& data = *d->data;
  services::ChildrenQuery q;
  q.la = la;
  q.status = call.query("status", "looked_after");
  q.q = call.query("q");
  q.team = call.query("team");
  q.worker = call.query("worker");
  std::tie(q.first, q.count) = call.page();
  q.visible = [&](model::ChildIndex c, model::Date day) {
    return static_cast<bool>(call.check(Action::ReadChild, child_resource(data, c, day)));
  };
  const auto r = services::children(*d, q);
  call.audit("children.list", "council:" + la, "ok",
             {{"q", r.q}, {"status", r.status}, {"shown", r.items.size()}, {"total", r.total}});
  return http::Response::json(report::children_json(*d, r, q.first, q.count));
}

http::Response get_child(Call& call) {
  auto d = call.ctx.derived();
  const std::string id = call.req.path_params.at("id");
  model::ChildIndex c = find_child_or_404(call, *d->data, id);
  // Who may read the child is decided on the data's own date (an allocation that has ended does
  // not open a child's record by asking for an earlier date); ?as_of= moves the statutory items.
  auto res = child_resource(*d->data, c, d->as_of);
  services::JourneyQuery q;
  q.child = c;
  q.as_of = services::resolve_as_of(*d->data, call.query("as_of"), ingest::AsOfUse::Timescales,
                                    res.la, "as_of");
  // A child who is not yours gets the same 404 as one who does not exist (in your council or
  // another), so the reply never confirms that a CHILD id is real; the denial is still audited.
  auto decision = call.check(Action::ReadChild, res);
  if (!decision) {
    call.audit("access.denied", "child:" + res.la + "/" + res.child, "denied",
               {{"action", auth::action_name(Action::ReadChild)},
                {"route", call.req.method + " " + call.req.path},
                {"reason", decision.reason}});
    throw services::no_child(id);
  }
  call.audit("child.read", "child:" + res.la + "/" + res.child, "ok",
             {{"view", decision.view == auth::View::YoungPerson ? "young_person" : "full"}});
  const bool young_person = decision.view == auth::View::YoungPerson;
  q.findings = !young_person;
  const auto j = services::journey(*d, call.st, q);
  return http::Response::json(young_person ? report::young_person_json(*d, j)
                                           : report::journey_json(*d, j));
}

}  // namespace

auth::Resource child_resource(const model::Dataset& d, model::ChildIndex c, model::Date as_of) {
  auto a = services::allocated_on(d, c, as_of);
  Resource r;
  r.la = d.children[c].la;
  r.child = d.children[c].child;
  r.workers = std::move(a.workers);
  r.teams = std::move(a.teams);
  r.iros = std::move(a.iros);
  return r;
}

model::ChildIndex find_child_or_404(const Call& call, const model::Dataset& d,
                                    const std::string& id) {
  std::string la = call.query("la");
  std::vector<std::string> councils;
  if (!la.empty())
    councils.push_back(la);
  else if (call.session)
    councils = call.who().councils;
  return services::find_child(d, councils, id);
}

void add_child_routes(std::vector<Route>& routes) {
  routes.push_back({"GET",
                    "/api/v1/children",
                    "The children you may see, with search and filters",
                    {{"la", "query", "string", "The council's LA code"},
                     {"q", "query", "string", "Search the child's identifier"},
                     {"status",
                      "query",
                      "string",
                      "Looked after (default), care leaver, left care or all",
                      false,
                      {"looked_after", "care_leaver", "left_care", "all"}},
                     {"team", "query", "string", "Only this team's children"},
                     {"worker", "query", "string", "Only this worker's children"},
                     {"page", "query", "integer", "Page number, from 1"},
                     {"per_page", "query", "integer", "Items per page (at most 500; default 50)"}},
                    true,
                    "",
                    list_children});
  routes.back().reply = {200, "ChildList"};
  routes.push_back({"GET",
                    "/api/v1/children/{id}",
                    "A child's journey: episodes, placements, legal status, reviews, missing "
                    "episodes, statutory items and findings (a young person: their own record)",
                    {{"id", "path", "string", "The child's CHILD identifier"},
                     {"la", "query", "string", "The council's LA code"},
                     {"as_of", "query", "string",
                      "Statutory items as of this date (YYYY-MM-DD; not after today)"}},
                    true,
                    "",
                    get_child});
  routes.back().reply = {200, "ChildReply"};
}

}  // namespace hearth::web
