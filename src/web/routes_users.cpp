// The council's users, managed by administrators in the browser: list, add (with a one-time
// set-up link rather than a password anyone else sees), change role and links, disable, enable,
// reset; and the set-up page's one unauthenticated write, choosing a password with a link. The
// checks against the records are services/users.hpp's, the same as `hearth user add`.
#include <algorithm>

#include "auth/roles.hpp"
#include "ingest/snapshot.hpp"
#include "services/users.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

using services::user_json;

// The set-up link as the administrator passes it on: the page's path with the token after '#',
// which a browser never sends to a server (so it is in no access log), and when it ends.
json link_json(const services::SetupLink& l) {
  return {{"path", "/setup#" + l.token}, {"expires", model::format_instant(l.expires)}};
}

std::vector<std::string> body_strings(const json& body, const char* name) {
  std::vector<std::string> out;
  if (!body.contains(name) || body[name].is_null()) return out;
  const json& v = body[name];
  if (v.is_string()) {
    if (!v.get<std::string>().empty()) out.push_back(v.get<std::string>());
    return out;
  }
  if (!v.is_array())
    throw ApiError(400, "bad_request", std::string(name) + " must be a list of strings",
                   {{"parameter", name}});
  for (const auto& x : v) {
    if (!x.is_string())
      throw ApiError(400, "bad_request", std::string(name) + " must be a list of strings",
                     {{"parameter", name}});
    if (!x.get<std::string>().empty()) out.push_back(x.get<std::string>());
  }
  return out;
}

// The user named in the path, when they belong to the council the administrator manages (else
// 404: an administrator of one council cannot learn of another's users).
store::UserRecord managed_user(Call& call, const std::string& la) {
  const std::string name = call.req.path_params.at("username");
  auto u = call.st.find_user(name);
  if (!u || std::find(u->councils.begin(), u->councils.end(), la) == u->councils.end())
    throw ApiError(404, "not_found", "There is no user '" + name + "' in council " + la + ".",
                   {{"username", name}});
  return *u;
}

services::NewUser links_from(const json& body, const std::string& username, const std::string& la) {
  services::NewUser nu;
  nu.username = username;
  nu.role = body_string(body, "role", "");
  nu.councils = {la};
  nu.worker = body_string(body, "worker", "");
  nu.teams = body_strings(body, "teams");
  nu.child = body_string(body, "child", "");
  nu.sso_only = body_bool(body, "sso_only", false);
  return nu;
}

http::Response get_users(Call& call) {
  std::string la = call.council();
  call.require(Action::ManageUsers, Resource::council(la));
  auto page = call.page();
  json items = json::array();
  std::size_t total = 0;
  for (const auto& u : call.st.list_users()) {
    if (std::find(u.councils.begin(), u.councils.end(), la) == u.councils.end()) continue;
    if (total >= page.first && items.size() < page.second) items.push_back(user_json(u));
    ++total;
  }
  return http::Response::json(Call::paged(std::move(items), total, page));
}

http::Response add_user(Call& call) {
  std::string la = call.council();
  call.require(Action::ManageUsers, Resource::council(la));
  const json body = call.body_object();
  auto nu = links_from(body, body_string(body, "username", ""), la);
  auto d = call.ctx.derived();
  auto added = services::add_user(*d->data, call.st, nu, body_string(body, "display_name", ""),
                                  std::nullopt);
  call.audit("user.add", "user:" + nu.username, "ok",
             {{"role", nu.role},
              {"councils", nu.councils},
              {"warnings", added.warnings},
              {"sso_only", nu.sso_only}});
  json reply = {{"user", user_json(added.user)}, {"warnings", added.warnings}};
  if (added.link) reply["setup_link"] = link_json(*added.link);
  http::Response r = http::Response::json(reply, 201);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

http::Response change_user(Call& call) {
  std::string la = call.council();
  call.require(Action::ManageUsers, Resource::council(la));
  auto u = managed_user(call, la);
  const json body = call.body_object();
  if (u.username == call.who().username && body_string(body, "role", u.role) != u.role)
    throw ApiError(409, "own_account",
                   "You cannot change your own role: ask another administrator.");
  auto nu = links_from(body, u.username, la);
  if (nu.role.empty()) nu.role = u.role;
  nu.councils = u.councils;
  if (nu.sso_only && u.username == call.who().username)
    throw ApiError(409, "own_account",
                   "You cannot make your own account sign in only with single sign-on: ask "
                   "another administrator.");
  auto d = call.ctx.derived();
  auto warnings = services::change_user(*d->data, call.st, nu);
  call.audit("user.change", "user:" + u.username, "ok",
             {{"from", u.role}, {"role", nu.role}, {"worker", nu.worker}, {"teams", nu.teams}});
  json reply = json::object();
  // Signing in with a password or only with the council's single sign-on: changed only when
  // the body says which.
  if (body.contains("sso_only") && nu.sso_only != u.sso_only) {
    auto link = services::set_sso_only(call.st, u.username, nu.sso_only);
    call.audit(nu.sso_only ? "user.sso_only" : "user.sso_only_off", "user:" + u.username, "ok");
    if (link) reply["setup_link"] = link_json(*link);
  }
  reply["user"] = user_json(*call.st.find_user(u.username));
  reply["warnings"] = warnings;
  http::Response r = http::Response::json(reply);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

http::Response act_on_user(Call& call, const std::string& what) {
  std::string la = call.council();
  call.require(Action::ManageUsers, Resource::council(la));
  auto u = managed_user(call, la);
  if (u.username == call.who().username && what != "enable")
    throw ApiError(409, "own_account",
                   "You cannot " + what + " your own account: ask another administrator.");
  json reply = json::object();
  if (what == "reset") {
    auto link = services::reset_user(call.st, u.username);
    call.audit("user.reset", "user:" + u.username, "ok");
    reply["setup_link"] = link_json(link);
  } else {
    auto ended = services::set_user_disabled(call.st, u.username, what == "disable");
    call.audit(what == "disable" ? "user.disable" : "user.enable", "user:" + u.username, "ok",
               {{"sessions_ended", ended}});
  }
  reply["user"] = user_json(*call.st.find_user(u.username));
  reply["warnings"] = json::array();
  http::Response r = http::Response::json(reply);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

http::Response complete_setup(Call& call) {
  const json body = call.body_object();
  const auto username = services::complete_setup(call.st, body_string(body, "token", ""),
                                                 body_string(body, "password", ""));
  call.audit("user.setup", "user:" + username, "ok");
  return http::Response::json({{"username", username}});
}

}  // namespace

void add_user_routes(std::vector<Route>& routes) {
  const Param who{"username", "path", "string", "The user's username"};
  routes.push_back({"GET",
                    "/api/v1/users",
                    "The council's users (administrators)",
                    {kLa, kPage, kPerPage},
                    true,
                    "",
                    get_users});
  routes.back().reply = {200, "CouncilUserList"};
  routes.push_back({"POST",
                    "/api/v1/users",
                    "Add a user: {\"username\",\"display_name\",\"role\",\"worker\",\"teams\","
                    "\"child\",\"sso_only\"}; the worker, team and child must be in the "
                    "council's records. Answers with a one-time set-up link for them to choose a "
                    "password (none when they sign in only with single sign-on)",
                    {kLa},
                    true,
                    "json",
                    add_user});
  routes.back().reply = {201, "UserChange"};
  routes.push_back({"PUT",
                    "/api/v1/users/{username}",
                    "Change a user's role and links: {\"role\",\"worker\",\"teams\",\"child\"} "
                    "(checked as for a new user), and with \"sso_only\" whether they sign in only "
                    "with single sign-on (false: a set-up link for a password); their sessions end",
                    {who, kLa},
                    true,
                    "json",
                    change_user});
  routes.back().reply = {200, "UserChange"};
  for (const char* what : {"disable", "enable", "reset"}) {
    const std::string w = what;
    routes.push_back({"POST",
                      "/api/v1/users/{username}/" + w,
                      w == "disable" ? "Disable a user: they cannot sign in; their sessions end"
                      : w == "enable"
                          ? "Enable a disabled user"
                          : "Reset a user: their password stops working, their locks and "
                            "sessions end, and a new one-time set-up link is made",
                      {who, kLa},
                      true,
                      "json",
                      [w](Call& call) { return act_on_user(call, w); }});
    routes.back().reply = {200, "UserChange"};
  }
  routes.push_back({"POST",
                    "/api/v1/setup",
                    "Choose a password with a one-time set-up link: {\"token\",\"password\"}",
                    {},
                    false,
                    "json",
                    complete_setup,
                    4 * 1024,  // a token and a password
                    2,
                    true});
  routes.back().reply = {200, "SetupDone"};
}

}  // namespace hearth::web
