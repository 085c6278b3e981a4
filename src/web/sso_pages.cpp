// Single sign-on's three addresses (docs/sso.md), outside the JSON API because the browser
// navigates to them: /auth/oidc/start sends it to the council's OpenID provider,
// /auth/oidc/callback is where the provider sends it back (the code is exchanged and the ID token
// checked, auth/oidc.hpp), /auth/oidc/sign-out sends it to the provider's sign-out after Hearth's
// own session has ended. A refusal goes back to the sign-in page with a short reason
// (?sso_error=…) that page explains; the full reason goes to the audit log.
#include <spdlog/spdlog.h>

#include <map>
#include <mutex>

#include "auth/crypto.hpp"
#include "auth/oidc.hpp"
#include "web/young_page.hpp"

namespace hearth::web {

namespace {

constexpr std::int64_t kRequestLife = 10 * 60;    // a sign-in must come back within ten minutes
constexpr std::int64_t kRequestsWaiting = 10000;  // unfinished sign-ins kept at once, at most
// From one address, within kRequestLife: sign-ins begun, and refusals written to the audit log
// (more are answered the same, without a row each: an address cannot fill the table or the
// log). Generous, because a whole office may reach Hearth from one address at nine o'clock.
constexpr int kPerAddress = 300;

// Counts per address in a window of kRequestLife, in this process (each server counts its own).
class AddressCounts {
 public:
  // Counts one more for `address` at `now`; false when it already had `limit`.
  bool take(const std::string& address, std::int64_t now, int limit) {
    std::lock_guard lk(mu_);
    if (now - swept_ >= kRequestLife) {  // forget every window that has ended
      for (auto it = counts_.begin(); it != counts_.end();)
        it = now - it->second.first >= kRequestLife ? counts_.erase(it) : std::next(it);
      swept_ = now;
    }
    auto& [since, n] = counts_[address];
    if (n == 0 || now - since >= kRequestLife) {
      since = now;
      n = 0;
    }
    if (n >= limit) return false;
    ++n;
    return true;
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::pair<std::int64_t, int>> counts_;
  std::int64_t swept_ = 0;
};

// 303 See Other, never cached (the young people's pages' redirect).
http::Response see_other(const std::string& to) {
  return young::redirect(to);
}

// The cookie that ties a sign-in to the browser that began it (so nobody can finish their own
// sign-in in someone else's browser). Lax: it must come back on the provider's redirect, a
// top-level navigation from another site.
std::string binding_cookie(const Options& o, const std::string& value, std::int64_t max_age) {
  return "hearth_sso=" + value +
         "; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         (o.secure_cookies ? "; Secure" : "");
}

// Only a page of this site is gone to after signing in.
std::string safe_return(const std::string& next) {
  if (next.empty() || next.size() > 500 || next[0] != '/' || next.starts_with("//") ||
      next.find('\\') != std::string::npos || next.starts_with("/api/") ||
      next.starts_with("/auth/") || next.starts_with("/login"))
    return {};
  for (char c : next)
    if (static_cast<unsigned char>(c) < 0x20) return {};
  return next;
}

std::string user_agent(const http::Request& req) {
  auto it = req.headers.find("user-agent");
  return it == req.headers.end() ? std::string() : it->second;
}

class SsoPages {
 public:
  explicit SsoPages(Ctx& ctx) : ctx_(ctx) {}

  // `f` with a database connection, held only for it; a broken one is not reused (as the API's
  // routes do).
  template <class F>
  auto with_store(F&& f) {
    auto lease = ctx_.pool.lease();
    try {
      return f(*lease);
    } catch (...) {
      lease.discard();
      throw;  // the server logs it and answers 500
    }
  }

  http::Response start(const http::Request& req) {
    // The provider is asked first, with no database connection held: a provider that is slow or
    // down must not take the connections every other page needs.
    const std::string remote = client_address(ctx_.opts, req);
    auth::Authorization a;
    std::optional<auth::SsoError> refused;
    try {
      if (!starts_.take(remote, ctx_.authn.now(), kPerAddress))
        throw auth::SsoError("unavailable", "over " + std::to_string(kPerAddress) +
                                                " sign-ins begun from this address in ten minutes");
      a = client().authorize();
    } catch (const auth::SsoError& e) {
      refused = e;
    }
    return with_store([&](store::Store& st) {
      return refused ? refuse(st, req, *refused, "") : start(st, req, a);
    });
  }
  // Three steps, the provider asked in the middle with no database connection held (the code
  // exchange may take seconds): take the request, finish at the provider, sign in.
  http::Response callback(const http::Request& req) {
    auto param = [&](const char* name) {
      auto it = req.query.find(name);
      return it == req.query.end() ? std::string() : it->second;
    };
    const std::string state = param("state");
    std::optional<store::SsoRequest> r;
    if (!state.empty() && state.size() <= 200)
      r = with_store([&](store::Store& st) {
        return st.take_sso_request(auth::sha256_hex(state),
                                   model::from_unix_seconds(ctx_.authn.now()));
      });
    nlohmann::json claims;
    try {
      if (!r)
        throw auth::SsoError("expired",
                             "state unknown, already used or out of date (a replay, or over ten "
                             "minutes at the provider)");
      const std::string binding = request_cookie(req, "hearth_sso");
      if (binding.empty() || !auth::equal_secret(auth::sha256_hex(binding), r->browser_hash))
        throw auth::SsoError("expired", "the sign-in was begun in another browser");
      if (const std::string error = param("error"); !error.empty())
        throw auth::SsoError(error == "access_denied" ? "cancelled" : "refused",
                             "the provider answered " + error.substr(0, 100));
      const std::string code = param("code");
      if (code.empty() || code.size() > 4096)
        throw auth::SsoError("refused", "the provider sent no code");
      claims = client().finish(code, r->verifier, r->nonce);
    } catch (const auth::SsoError& e) {
      return with_store([&](store::Store& st) { return refuse(st, req, e, r ? "" : state); });
    }
    return with_store([&](store::Store& st) {
      try {
        const auto account = auth::match_account(st, client().config(), claims);
        // As a password sign-in: a demo account works only on the store `hearth demo` made.
        if (account.user.demo && st.meta("origin") != std::optional<std::string>("hearth demo"))
          throw auth::SsoError("no_account", "account " + account.user.username +
                                                 " is a demo account on a store hearth demo "
                                                 "did not make");
        return signed_in(st, req, account, claims, r->return_to);
      } catch (const auth::SsoError& e) {
        return refuse(st, req, e, "");
      }
    });
  }

  http::Response start(store::Store& st, const http::Request& req, const auth::Authorization& a) {
    const std::string binding = auth::random_token(32);
    store::SsoRequest r;
    r.state_hash = auth::sha256_hex(a.state);
    r.browser_hash = auth::sha256_hex(binding);
    r.nonce = a.nonce;
    r.verifier = a.verifier;
    auto next = req.query.find("next");
    r.return_to = safe_return(next == req.query.end() ? std::string() : next->second);
    const std::int64_t now = ctx_.authn.now();
    r.expires = model::from_unix_seconds(now + kRequestLife);
    if (!st.put_sso_request(r, model::from_unix_seconds(now), kRequestsWaiting))
      return refuse(st, req, auth::SsoError("unavailable", "too many sign-ins waiting"), "");
    http::Response res = see_other(a.url);
    res.status = 302;
    res.headers.emplace_back("Set-Cookie", binding_cookie(ctx_.opts, binding, kRequestLife));
    return res;
  }

  http::Response sign_out(const http::Request& req) {
    // Another site's page cannot sign anyone out of their council account.
    if (!cross_site_reason(ctx_.opts, req).empty()) return see_other("/login?signed_out=1");
    std::string to = client().sign_out_url();
    return see_other(to.empty() ? "/login?signed_out=1" : to);
  }

 private:
  auth::OidcClient& client() { return *ctx_.opts.sso; }

  http::Response signed_in(store::Store& st, const http::Request& req,
                           const auth::SsoAccount& account, const json& claims,
                           const std::string& return_to) {
    const std::string remote = client_address(ctx_.opts, req);
    auto result = ctx_.authn.start_session(st, account.user, remote, user_agent(req), true);
    store::AuditEntry e;
    e.actor = account.user.username;
    e.role = account.user.role;
    e.action = "session.login";
    e.resource = "user:" + account.user.username;
    e.outcome = "ok";
    json detail = {{"ip", remote}, {"result", "ok"}, {"method", "sso"}, {"subject", claims["sub"]}};
    if (account.linked) detail["linked"] = true;
    if (!account.previous_role.empty())
      detail["role_from_groups"] = {{"from", account.previous_role}, {"to", account.user.role}};
    e.detail = detail.dump(-1, ' ', false, json::error_handler_t::replace);
    st.append_audit(std::move(e));
    http::Response res = see_other(return_to.empty() ? "/" : return_to);
    res.headers.emplace_back("Set-Cookie", session_cookie(ctx_.opts, result.token, -1));
    res.headers.emplace_back("Set-Cookie", csrf_cookie(ctx_.opts, result.csrf, -1));
    res.headers.emplace_back("Set-Cookie", binding_cookie(ctx_.opts, "", 0));
    return res;
  }

  http::Response refuse(store::Store& st, const http::Request& req, const auth::SsoError& e,
                        const std::string& state) {
    const std::string remote = client_address(ctx_.opts, req);
    http::Response res = see_other("/login?sso_error=" + e.code());
    res.headers.emplace_back("Set-Cookie", binding_cookie(ctx_.opts, "", 0));
    if (!refusals_.take(remote, ctx_.authn.now(), kPerAddress)) return res;  // counted, not kept
    store::AuditEntry a;
    a.actor = "anonymous";
    a.action = "session.sso_refused";
    a.resource = "route:GET " + req.path;
    a.outcome = e.code() == "unavailable" ? "failed" : "denied";
    json detail = {{"ip", remote}, {"result", e.code()}, {"reason", e.what()}};
    if (!state.empty()) detail["state_sha256"] = auth::sha256_hex(state);
    a.detail = detail.dump(-1, ' ', false, json::error_handler_t::replace);
    st.append_audit(std::move(a));
    spdlog::warn(
        "{}",
        json{{"event", "sso_refused"}, {"result", e.code()}, {"reason", e.what()}, {"ip", remote}}
            .dump(-1, ' ', false, json::error_handler_t::replace));
    return res;
  }

  Ctx& ctx_;
  AddressCounts starts_, refusals_;
};

}  // namespace

void add_sso_pages(Ctx& ctx, http::Router& router) {
  if (!ctx.opts.sso) return;
  auto pages = std::make_shared<SsoPages>(ctx);
  auto add = [&](const char* path, http::Response (SsoPages::*page)(const http::Request&)) {
    router.add("GET", path,
               [pages, page](const http::Request& req) { return ((*pages).*page)(req); },
               {http::kSmallBodyLimit, http::Lane::Normal, nullptr});
  };
  using Page = http::Response (SsoPages::*)(const http::Request&);
  add("/auth/oidc/start", static_cast<Page>(&SsoPages::start));
  add("/auth/oidc/callback", static_cast<Page>(&SsoPages::callback));
  add("/auth/oidc/sign-out", &SsoPages::sign_out);
}

}  // namespace hearth::web
