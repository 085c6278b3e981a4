// Signing in and out: POST, GET and DELETE /api/v1/session.
#include "auth/crypto.hpp"
#include "auth/oidc.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

// A sign-in is {"username": at most 100 bytes, "password": at most 1,024}: 4 KiB leaves room for
// escapes, and nothing larger is read.
constexpr std::size_t kSignInBodyLimit = 4 * 1024;

// The session cookie's value, as the client sent it.
std::string session_token(const http::Request& req) {
  auto it = req.headers.find("cookie");
  if (it == req.headers.end()) return {};
  const std::string& c = it->second;
  auto at = c.find("hearth_session=");
  if (at == std::string::npos) return {};
  at += 15;
  auto end = c.find(';', at);
  return c.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

json user_json(const auth::Principal& p) {
  return {{"username", p.username},
          {"display_name", p.display_name},
          {"role", auth::role_name(p.role)},
          {"role_title", auth::role_title(p.role)},
          {"councils", p.councils},
          {"worker", p.worker.empty() ? json(nullptr) : json(p.worker)},
          {"teams", p.teams},
          {"team", p.teams.empty() ? json(nullptr) : json(p.teams.front())},
          {"child", p.child.empty() ? json(nullptr) : json(p.child)}};
}

http::Response login(Call& call) {
  json body;
  try {
    body = json::parse(call.req.body);
  } catch (const json::exception&) {
    throw ApiError(400, "bad_json", "Send {\"username\": \"…\", \"password\": \"…\"} as JSON.");
  }
  if (!body.is_object() || !body.contains("username") || !body["username"].is_string() ||
      !body.contains("password") || !body["password"].is_string())
    throw ApiError(400, "bad_request", "Send {\"username\": \"…\", \"password\": \"…\"} as JSON.",
                   {{"required", {"username", "password"}}});
  std::string username = body["username"], password = body["password"];
  if (username.empty() || username.size() > 100 || password.size() > 1024)
    throw ApiError(400, "bad_request", "Enter your username and password.");
  std::string ua;
  if (auto it = call.req.headers.find("user-agent"); it != call.req.headers.end()) ua = it->second;
  auto result = call.ctx.authn.login(call.st, username, password, call.remote, ua);

  // Rate-limited attempts are counted into one audit row per address and minute.
  call.ctx.authn.audit_login(call.st, username, call.remote, result);

  switch (result.error) {
    case auth::LoginError::None:
      break;
    case auth::LoginError::Locked:
      throw ApiError(429, "locked",
                     "This account is locked after too many wrong passwords. Try again in " +
                         std::to_string((result.retry_after + 59) / 60) +
                         " minutes, or ask an administrator to reset it.",
                     {{"retry_after", result.retry_after}});
    case auth::LoginError::RateLimited:
      throw ApiError(429, "rate_limited",
                     "Too many failed sign-ins from this address. Try again in " +
                         std::to_string((result.retry_after + 59) / 60) + " minutes.",
                     {{"retry_after", result.retry_after}});
    case auth::LoginError::Disabled:
    case auth::LoginError::BadCredentials:
      // A disabled account is told apart only once the password was right.
      if (result.error == auth::LoginError::Disabled)
        throw ApiError(403, "disabled",
                       "This account is disabled. Ask an administrator if you need it.");
      throw ApiError(401, "bad_credentials", "The username or password is not right.");
    case auth::LoginError::DemoRefused:
      throw ApiError(403, "demo_refused",
                     "Demo accounts work only on a store made by hearth demo.");
  }
  const auto& pol = call.ctx.authn.policy();
  // Browser-session cookies: the server ends the session on idle or absolute expiry.
  http::Response r = http::Response::json({{"user", user_json(*result.principal)},
                                           {"can", auth::capabilities(*result.principal)},
                                           {"csrf", result.csrf},
                                           {"idle_seconds", pol.idle_seconds},
                                           {"absolute_seconds", pol.absolute_seconds}});
  r.headers.emplace_back("Set-Cookie", session_cookie(call.ctx.opts, result.token, -1));
  r.headers.emplace_back("Set-Cookie", csrf_cookie(call.ctx.opts, result.csrf, -1));
  return r;
}

}  // namespace

void add_session_routes(std::vector<Route>& routes) {
  routes.push_back({"POST",
                    "/api/v1/session",
                    "Sign in with {\"username\",\"password\"}: sets the session and CSRF cookies",
                    {},
                    false,
                    "json",
                    login,
                    kSignInBodyLimit,
                    2,
                    true});
  routes.back().reply = {200, "SignIn"};
  routes.push_back({"GET",
                    "/api/v1/session",
                    "Who is signed in, what they can use, and the CSRF token",
                    {},
                    true,
                    "",
                    [](Call& call) {
                      return http::Response::json(
                          {{"user", user_json(call.who())},
                           {"can", auth::capabilities(call.who())},
                           {"csrf", call.session->csrf},
                           {"expires", call.session->expires},
                           {"idle_seconds", call.ctx.authn.policy().idle_seconds},
                           {"signed_in_with", call.session->sso ? "sso" : "password"}});
                    },
                    0,
                    kJsonDepth,
                    true});
  routes.back().reply = {200, "Session"};
  routes.push_back({"DELETE",
                    "/api/v1/session",
                    "Sign out: ends the session",
                    {},
                    true,
                    "",
                    [](Call& call) {
                      call.st.delete_session(call.session->token_hash);
                      call.ctx.sessions.forget(session_token(call.req));
                      call.audit("session.logout", "user:" + call.who().username, "ok");
                      http::Response r;
                      r.status = 204;
                      r.content_type.clear();
                      r.headers.emplace_back("Set-Cookie", session_cookie(call.ctx.opts, "", 0));
                      r.headers.emplace_back("Set-Cookie", csrf_cookie(call.ctx.opts, "", 0));
                      return r;
                    },
                    0,
                    kJsonDepth,
                    true});
  routes.back().reply = {204, ""};
  routes.push_back(
      {"GET",
       "/api/v1/sign-in-options",
       "How people may sign in here: the council's single sign-on, when configured",
       {},
       false,
       "",
       [](Call& call) {
         json sso = nullptr;
         if (call.ctx.opts.sso)
           sso = {{"label", call.ctx.opts.sso->config().label}, {"start", "/auth/oidc/start"}};
         return http::Response::json({{"sso", sso}});
       },
       0,
       kJsonDepth,
       true});
  routes.back().reply = {200, "SignInOptions"};
}

}  // namespace hearth::web
