// The Corporate Parenting Board (docs/governance.md): its progress against the strategy, worked
// out from the scorecard's own figures; its actions, which their owners and the Board's officer
// close with evidence. Nothing here names a child.
#include "report/governance.hpp"
#include "services/governance.hpp"
#include "voice/clock.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

model::Date today_of(const Call& call) {
  return voice::england_date(model::from_unix_seconds(call.ctx.authn.now()));
}
model::Instant now_of(const Call& call) {
  return model::from_unix_seconds(call.ctx.authn.now());
}

std::int64_t number_param(const Call& call) {
  const std::string& v = call.req.path_params.at("id");
  auto n = positive_number(v);
  if (!n) throw ApiError(404, "not_found", "There is no action '" + v + "'.");
  return *n;
}

http::Response board(Call& call) {
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
  const auto a = services::add_action(call.st, la, g, n, call.who().username, now_of(call));
  call.audit("action.create", "action:" + std::to_string(a.id), "ok",
             {{"la", la}, {"due", model::format_iso(a.due)}});
  return http::Response::json(report::action_json(a, today_of(call)), 201);
}

http::Response close_action(Call& call) {
  const auto id = number_param(call);
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
  const auto closed = services::close_action(
      call.st, a->la, id, body_string(body, "status", "done"), body_string(body, "evidence", ""),
      on, call.who().username, now_of(call));
  call.audit("action.close", "action:" + std::to_string(id), "ok",
             {{"la", a->la}, {"status", closed.status}});
  return http::Response::json(report::action_json(closed, today));
}

// The challenge cards, newest first: what was asked, of whom, where it has got to, and the
// approved answer. Never who raised a card (a young person's account would name a child).
http::Response list_cards(Call& call) {
  const std::string la = call.council();
  call.require(Action::ReadBoard, Resource::council(la));
  const std::string status = call.query("status");
  static const std::set<std::string> statuses = {"", "raised", "accepted", "actions_agreed",
                                                 "answered"};
  if (!statuses.count(status))
    throw ApiError(400, "bad_status", "status must be raised, accepted, actions_agreed or answered",
                   {{"parameter", "status"}});
  json items = json::array();
  for (const auto& c : call.st.governance().cards(la)) {
    if (!status.empty() && c.status != status) continue;
    const bool approved = c.approved_at.has_value();
    items.push_back(
        {{"id", c.id},
         {"raised_on", model::format_iso(voice::england_date(c.raised_at))},
         {"raised_by",
          c.raised_by_role == "young_person" ? "a young person" : "the children in care council"},
         {"challenge", c.challenge},
         {"theme", c.theme},
         {"addressed_to", c.addressed_to},
         {"status", c.status},
         {"response", approved ? json(c.response) : json(nullptr)},
         {"answered_on", approved ? json(model::format_iso(voice::england_date(*c.approved_at)))
                                  : json(nullptr)}});
  }
  json out = {{"items", items}, {"total", items.size()}};
  return http::Response::json(out);
}

}  // namespace

void add_board_routes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET",
       "/api/v1/cards",
       "The challenge cards to the Board, newest first, with the approved \"You "
       "said, we did\" answer; never who raised one",
       {kLa, {"status", "query", "string", "raised, accepted, actions_agreed or answered"}},
       true,
       "",
       list_cards});
  routes.back().reply = {200, "CardList"};
  routes.push_back({"GET",
                    "/api/v1/board",
                    "The Corporate Parenting Board: each priority's progress from its measures "
                    "(the scorecard's figures, RAG and trend), actions open and overdue, reports "
                    "missing, the next meeting",
                    {kLa, {"as_of", "query", "string", "YYYY-MM-DD (default: the data's date)"}},
                    true,
                    "",
                    board});
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
