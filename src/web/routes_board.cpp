// The Corporate Parenting Board (docs/governance.md): its progress against the strategy, worked
// out from the scorecard's own figures; its actions, which their owners and the Board's officer
// close with evidence. Nothing here names a child.
#include "report/governance.hpp"
#include "services/board.hpp"
#include "services/governance.hpp"
#include "web/board_common.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

using board::now_of;
using board::today_of;

// What the Board reads is refused when it names a child (services::check_names_no_child).
void check_names(Call& call, const std::string& la, const std::string& text, const char* field) {
  auto d = call.ctx.derived();
  services::check_names_no_child(*d->data, call.st, la, text, field);
}

http::Response board_home(Call& call) {
  const std::string la = call.council();
  const auto decision = call.require(Action::ReadBoard, Resource::council(la));
  auto d = call.ctx.derived();
  const auto as_of = services::resolve_as_of(*d->data, call.query("as_of"),
                                             ingest::AsOfUse::Scorecard, la, "as_of");
  const auto g = services::governance_of(call.st, la, *call.ctx.surveys);
  const bool suppress = decision.view == auth::View::Suppressed;
  const auto pr = services::progress(*d, call.st, g, la, as_of.date, *call.ctx.surveys, suppress);
  json out = report::progress_json(la, as_of.date, pr);
  out["name"] = g.name;
  out["strategy"] = g.strategy;
  out["records_note"] = as_of.records_note;
  // Actions as they stand today (an action is overdue the day after it was due, wherever it is
  // shown), and the reports the calendar says are due and have not come.
  const auto today = today_of(call);
  const auto actions = services::list_actions(call.st, la, {}, today);
  int open = 0, overdue = 0;
  for (const auto& a : actions) {
    open += a.status == "open" ? 1 : 0;
    overdue += services::overdue(a, today) ? 1 : 0;
  }
  out["actions"] = {{"open", open}, {"overdue", overdue}};
  json missing = json::array();
  const auto receipts = call.st.governance().report_receipts(la);
  for (const auto& r : g.reports)
    for (const auto due : r.due_between(g.from, today)) {
      bool got = false;
      for (const auto& rc : receipts) got = got || (rc.report == r.id && rc.due == due);
      if (!got)
        missing.push_back({{"report", r.id},
                           {"title", r.title},
                           {"owner", r.owner},
                           {"due", model::format_iso(due)}});
    }
  out["reports_missing"] = missing;
  json next = nullptr;
  for (const auto& m : call.st.governance().meetings(la))
    if (m.held_on >= today) {
      next = {{"id", m.id},
              {"date", model::format_iso(m.held_on)},
              {"title", m.title},
              {"theme", m.theme}};
      break;
    }
  out["next_meeting"] = next;
  call.audit("board.read", "council:" + la, "ok");
  return http::Response::json(out);
}

http::Response list_actions(Call& call) {
  const std::string la = call.council();
  call.require(Action::ReadBoard, Resource::council(la));
  const auto today = today_of(call);
  services::ActionFilter f{call.query("status"), call.query("owner"), call.query("priority"),
                           call.query("theme")};
  static const std::set<std::string> statuses = {"", "open", "overdue", "done", "dropped"};
  if (!statuses.count(f.status))
    throw ApiError(400, "bad_status", "status must be open, overdue, done or dropped",
                   {{"parameter", "status"}});
  json items = json::array();
  for (const auto& a : services::list_actions(call.st, la, f, today))
    items.push_back(report::action_json(a, today));
  json out = {{"items", items}, {"total", items.size()}, {"as_of", model::format_iso(today)}};
  return http::Response::json(out);
}

http::Response create_action(Call& call) {
  const std::string la = call.council();
  call.require(Action::ManageBoard, Resource::council(la));
  json body = call.body_object();
  const auto g = services::governance_of(call.st, la, *call.ctx.surveys);
  services::NewAction n;
  n.title = body_string(body, "title", "");
  n.owner = body_string(body, "owner", "");
  n.owner_name = body_string(body, "owner_name", "");
  n.due = body_string(body, "due", "");
  n.priority = body_string(body, "priority", "");
  n.theme = body_string(body, "theme", "");
  auto id_of = [&](const char* name) -> std::int64_t {
    if (!body.contains(name) || body[name].is_null()) return 0;
    if (!body[name].is_number_integer() || body[name].get<std::int64_t>() <= 0)
      throw ApiError(400, "bad_request", std::string(name) + " must be a whole number above 0",
                     {{"parameter", name}});
    return body[name].get<std::int64_t>();
  };
  n.card = id_of("card");
  n.meeting = id_of("meeting");
  if (!n.owner.empty() && !call.st.find_user(n.owner))
    throw ApiError(400, "bad_owner", "There is no Hearth account '" + n.owner + "'",
                   {{"parameter", "owner"}});
  check_names(call, la, n.title, "title");
  const auto a = services::add_action(call.st, la, g, n, call.who().username, now_of(call));
  call.audit("action.create", "action:" + std::to_string(a.id), "ok",
             {{"la", la}, {"due", model::format_iso(a.due)}});
  return http::Response::json(report::action_json(a, today_of(call)), 201);
}

http::Response close_action(Call& call) {
  const auto id = board::id_param(call, "action");
  auto a = call.st.governance().action(id);
  if (!a) throw ApiError(404, "not_found", "There is no action " + std::to_string(id) + ".");
  Resource r = Resource::council(a->la);
  r.owner = a->owner;
  if (!call.check(Action::ReadBoard, Resource::council(a->la))) {
    call.audit("access.denied", "action:" + std::to_string(id), "denied",
               {{"action", auth::action_name(Action::CloseAction)},
                {"route", call.req.method + " " + call.req.path}});
    throw ApiError(404, "not_found", "There is no action " + std::to_string(id) + ".");
  }
  call.require(Action::CloseAction, r);
  json body = call.body_object();
  const auto today = today_of(call);
  model::Date on = today;
  if (const auto given = body_string(body, "on", ""); !given.empty()) {
    auto d = model::parse_iso(given);
    if (!d || *d > today)
      throw ApiError(400, "bad_on", "on must be a date, YYYY-MM-DD, not after today",
                     {{"parameter", "on"}});
    on = *d;
  }
  check_names(call, a->la, body_string(body, "evidence", ""), "evidence");
  const auto closed = services::close_action(
      call.st, a->la, id, body_string(body, "status", "done"), body_string(body, "evidence", ""),
      on, call.who().username, now_of(call));
  call.audit("action.close", "action:" + std::to_string(id), "ok",
             {{"la", a->la}, {"status", closed.status}});
  return http::Response::json(report::action_json(closed, today));
}

}  // namespace

void add_board_routes(std::vector<Route>& routes) {
  routes.push_back({"GET",
                    "/api/v1/board",
                    "The Corporate Parenting Board: each priority's progress from its measures "
                    "(the scorecard's figures, RAG and trend), actions open and overdue, reports "
                    "missing, the next meeting",
                    {kLa, {"as_of", "query", "string", "YYYY-MM-DD (default: the data's date)"}},
                    true,
                    "",
                    board_home});
  routes.back().reply = {200, "Board"};
  routes.push_back({"GET",
                    "/api/v1/actions",
                    "The Board's actions, by due date (an open action past its due date is "
                    "overdue)",
                    {kLa,
                     {"status", "query", "string", "open, overdue, done or dropped"},
                     {"owner", "query", "string", "The owner's username or name"},
                     {"priority", "query", "string", "A priority's id"},
                     {"theme", "query", "string", "A theme's id"}},
                    true,
                    "",
                    list_actions});
  routes.back().reply = {200, "ActionList"};
  routes.push_back({"POST",
                    "/api/v1/actions",
                    "Add an action the Board agreed: {title, owner, owner_name, due, priority, "
                    "theme, card, meeting} (the Board's officer)",
                    {kLa},
                    true,
                    "json",
                    create_action});
  routes.back().reply = {201, "BoardAction"};
  routes.push_back({"POST",
                    "/api/v1/actions/{id}/close",
                    "Close an action: {status: done|dropped, evidence, on} (its owner, or the "
                    "Board's officer)",
                    {{"id", "path", "integer", "The action"}},
                    true,
                    "json",
                    close_action});
  routes.back().reply = {200, "BoardAction"};
}

}  // namespace hearth::web
