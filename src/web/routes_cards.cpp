// Challenge cards and the Board's arrangements (docs/governance.md): the participation officer
// raises a card for the children in care council, accepts a young person's (putting the words so
// that no one is named), and approves the "You said, we did" answer once an action answering it
// is done; the Board's officer loads new arrangements; either puts a theme in focus. Never who
// raised a card.
#include "report/governance.hpp"
#include "services/board.hpp"
#include "services/governance.hpp"
#include "web/board_common.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;
using board::id_param;
using board::now_of;
using board::today_of;

using board::optional_string;

services::CardText card_text(const json& body) {
  return {optional_string(body, "challenge"), optional_string(body, "theme"),
          optional_string(body, "addressed_to")};
}

bool may_manage_cards(const Call& call, const std::string& la) {
  return static_cast<bool>(call.check(Action::ManageCards, Resource::council(la)));
}

json card_reply(Call& call, const store::Card& c, const governance::Governance& g) {
  const auto actions = call.st.governance().actions(c.la);
  return report::card_json(c, services::card_state(c, actions), g, may_manage_cards(call, c.la));
}

// The card by id, the reader allowed to see the Board of its council.
store::Card card_by_id(Call& call) {
  const auto id = id_param(call, "challenge card");
  auto c = call.st.governance().card(id);
  if (!c)
    throw ApiError(404, "not_found", "There is no challenge card " + std::to_string(id) + ".");
  board::require_board_by_id(call, c->la, "card", id);
  return *c;
}

http::Response list_cards(Call& call) {
  const std::string la = call.council();
  call.require(Action::ReadBoard, Resource::council(la));
  const std::string status = call.query("status");
  static const std::set<std::string> statuses = {"", "raised", "accepted", "actions_agreed",
                                                 "answered"};
  if (!statuses.count(status))
    throw ApiError(400, "bad_status", "status must be raised, accepted, actions_agreed or answered",
                   {{"parameter", "status"}});
  const auto g = services::governance_of(call.st, la, *call.ctx.surveys);
  const auto actions = call.st.governance().actions(la);
  const bool words = may_manage_cards(call, la);
  json items = json::array();
  for (const auto& c : call.st.governance().cards(la))
    if (status.empty() || c.status == status)
      items.push_back(report::card_json(c, services::card_state(c, actions), g, words));
  json out = {{"items", items}, {"total", items.size()}};
  return http::Response::json(out);
}

http::Response raise_card(Call& call) {
  const std::string la = call.council();
  call.require(Action::ManageCards, Resource::council(la));
  json body = call.body_object();
  const auto g = services::governance_of(call.st, la, *call.ctx.surveys);
  auto d = call.ctx.derived();
  const auto c = services::raise_card(*d->data, call.st, la, g, card_text(body),
                                      call.who().username, "participation", now_of(call));
  call.audit("card.raise", "card:" + std::to_string(c.id), "ok", {{"la", la}});
  return http::Response::json(card_reply(call, c, g), 201);
}

http::Response card_detail(Call& call) {
  const auto c = card_by_id(call);
  const auto g = services::governance_of(call.st, c.la, *call.ctx.surveys);
  const auto today = today_of(call);
  json actions = json::array();
  for (const auto& a : call.st.governance().actions(c.la))
    if (a.card == c.id) actions.push_back(report::action_json(a, today));
  json out = {{"card", card_reply(call, c, g)},
              {"actions", actions},
              {"history", report::history_json(call.st.governance().card_events(c.id),
                                               board::names(call.st))}};
  return http::Response::json(out);
}

http::Response accept_card(Call& call) {
  const auto c = card_by_id(call);
  call.require(Action::ManageCards, Resource::council(c.la));
  json body = call.body_object();
  const auto g = services::governance_of(call.st, c.la, *call.ctx.surveys);
  auto d = call.ctx.derived();
  const auto done = services::accept_card(*d->data, call.st, c.la, g, c.id, card_text(body),
                                          call.who().username, now_of(call));
  call.audit("card.accept", "card:" + std::to_string(c.id), "ok", {{"la", c.la}});
  return http::Response::json(card_reply(call, done, g));
}

http::Response answer_card(Call& call) {
  const auto c = card_by_id(call);
  call.require(Action::ManageCards, Resource::council(c.la));
  json body = call.body_object();
  const auto g = services::governance_of(call.st, c.la, *call.ctx.surveys);
  auto d = call.ctx.derived();
  const auto done =
      services::answer_card(*d->data, call.st, c.la, c.id, body_string(body, "response", ""),
                            call.who().username, now_of(call));
  call.audit("card.answer", "card:" + std::to_string(c.id), "ok", {{"la", c.la}});
  return http::Response::json(card_reply(call, done, g));
}

// ---- the arrangements ---------------------------------------------------------------------------

json arrangements(Call& call, const std::string& la) {
  auto v = call.st.governance().governance(la);
  if (!v)
    throw ApiError(404, "no_governance",
                   "Council " + la + " has no Corporate Parenting Board arrangements loaded");
  const auto g = services::governance_of(call.st, la, *call.ctx.surveys);
  return report::arrangements_json(g, *v, call.st.governance().governance_versions(la));
}

http::Response get_governance(Call& call) {
  const std::string la = call.council();
  call.require(Action::ReadBoard, Resource::council(la));
  return http::Response::json(arrangements(call, la));
}

http::Response load_governance(Call& call) {
  const std::string la = call.council();
  call.require(Action::ManageBoard, Resource::council(la));
  json body = call.body_object();
  const std::string source = body_string(body, "source", "governance.toml");
  const std::string text = body_string(body, "text", "");
  if (source.empty() || source.size() > 200 || source.find_first_of("/\\\n\r") != std::string::npos)
    throw ApiError(400, "bad_source", "source is the file's name (at most 200 characters)",
                   {{"parameter", "source"}});
  const auto id = services::load_governance(call.st, la, text, source, call.who().username,
                                            *call.ctx.surveys, now_of(call));
  call.audit("governance.load", "governance:" + std::to_string(id), "ok",
             {{"la", la}, {"source", source}});
  return http::Response::json(arrangements(call, la), 201);
}

http::Response focus_theme(Call& call) {
  const std::string la = call.council();
  if (!may_manage_cards(call, la)) call.require(Action::ManageBoard, Resource::council(la));
  const std::string theme = call.req.path_params.at("id");
  const auto g = services::governance_of(call.st, la, *call.ctx.surveys);
  const auto id = services::focus_theme(call.st, la, g, theme, call.who().username,
                                        *call.ctx.surveys, now_of(call));
  call.audit("theme.focus", "governance:" + std::to_string(id), "ok",
             {{"la", la}, {"theme", theme}});
  return http::Response::json(arrangements(call, la));
}

}  // namespace

void add_card_routes(std::vector<Route>& routes) {
  const Param status{"status", "query", "string", "raised, accepted, actions_agreed or answered"};
  const Param id{"id", "path", "integer", "The challenge card"};
  routes.push_back({"GET",
                    "/api/v1/cards",
                    "The challenge cards to the Board, newest first, with the approved \"You "
                    "said, we did\" answer; never who raised one",
                    {kLa, status},
                    true,
                    "",
                    list_cards});
  routes.back().reply = {200, "CardList"};
  routes.push_back({"POST",
                    "/api/v1/cards",
                    "Raise a card for the children in care council: {challenge, theme, "
                    "addressed_to} (the participation officer)",
                    {kLa},
                    true,
                    "json",
                    raise_card});
  routes.back().reply = {201, "Card"};
  routes.push_back({"GET",
                    "/api/v1/cards/{id}",
                    "A challenge card with the actions that answer it and its history",
                    {id},
                    true,
                    "",
                    card_detail});
  routes.back().reply = {200, "CardDetail"};
  routes.push_back({"POST",
                    "/api/v1/cards/{id}/accept",
                    "Accept a raised card, putting its words for the Board: {challenge, theme, "
                    "addressed_to} (the participation officer)",
                    {id},
                    true,
                    "json",
                    accept_card});
  routes.back().reply = {200, "Card"};
  routes.push_back({"POST",
                    "/api/v1/cards/{id}/answer",
                    "Approve and publish \"You said, we did\" once an action answering the card "
                    "is done: {response} (the participation officer)",
                    {id},
                    true,
                    "json",
                    answer_card});
  routes.back().reply = {200, "Card"};
  routes.push_back({"GET",
                    "/api/v1/governance",
                    "The Board's arrangements in force: strategy, priorities, measures, themes, "
                    "members, champions, sub-groups, the reporting calendar, the pledge",
                    {kLa},
                    true,
                    "",
                    get_governance});
  routes.back().reply = {200, "Arrangements"};
  routes.push_back({"POST",
                    "/api/v1/governance",
                    "Load new arrangements from a governance file: {source, text} (the Board's "
                    "officer; a mistake names the file and line, and nothing is loaded)",
                    {kLa},
                    true,
                    "json",
                    load_governance});
  routes.back().reply = {201, "Arrangements"};
  routes.push_back({"POST",
                    "/api/v1/themes/{id}/focus",
                    "Put a theme in focus for its year (the participation officer or the "
                    "Board's officer)",
                    {kLa, {"id", "path", "string", "The theme's id"}},
                    true,
                    "",
                    focus_theme});
  routes.back().reply = {200, "Arrangements"};
}

}  // namespace hearth::web
