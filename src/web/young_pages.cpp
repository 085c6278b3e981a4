// The young people's pages (docs/voice.md): server-rendered HTML and ordinary form posts, so
// they work on a cheap phone with no script at all. Signing in (or starting with a worker's
// code), "I don't feel safe", telling their worker how they feel, their messages and the
// answers, and what they are entitled to. The same session, CSRF token (a hidden field here),
// policy and audit log as the API; the same services.
#include <charconv>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "auth/crypto.hpp"
#include "report/child.hpp"
#include "services/alerts.hpp"
#include "services/children.hpp"
#include "voice/vocabulary.hpp"
#include "web/young_page.hpp"

namespace hearth::web::young {

namespace {

// A form may carry a long letter (5,000 characters, each up to 4 bytes and percent-encoded);
// anything longer is read only to be refused with a clear message.
constexpr std::size_t kFormLimit = 256 * 1024;
constexpr const char* kFormType = "application/x-www-form-urlencoded";

}  // namespace

http::Response html(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  // A child's words: never kept by a shared computer's browser or a proxy.
  r.headers.emplace_back("Cache-Control", "no-store");
  // With no-referrer (the server's default) a browser sends "Origin: null" with a form's post,
  // which the cross-site check must refuse; same-origin sends our own origin, and still nothing
  // to another site.
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  return r;
}

http::Response redirect(const std::string& to) {
  http::Response r;
  r.status = 303;
  r.content_type.clear();
  r.headers.emplace_back("Location", to);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

namespace {

// The front end's stylesheet (its name is its content's hash): read from the built index.html,
// again whenever that file changes.
std::string stylesheet(const std::filesystem::path& web_root) {
  static std::mutex mu;
  static std::filesystem::file_time_type seen{};
  static std::string href;
  if (web_root.empty()) return {};
  const auto index = web_root / "index.html";
  std::error_code ec;
  const auto mtime = std::filesystem::last_write_time(index, ec);
  if (ec) return {};
  std::lock_guard lk(mu);
  if (mtime == seen) return href;
  std::ifstream in(index);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  href.clear();
  for (auto at = text.find("<link"); at != std::string::npos; at = text.find("<link", at + 5)) {
    const auto end = text.find('>', at);
    const std::string tag = text.substr(at, end - at);
    if (tag.find("stylesheet") == std::string::npos) continue;
    auto h = tag.find("href=\"");
    if (h == std::string::npos) continue;
    h += 6;
    std::string v = tag.substr(h, tag.find('"', h) - h);
    if (v.starts_with("/assets/") && v.ends_with(".css")) href = v;
  }
  seen = mtime;
  return href;
}

// The page's common fields: who is signed in, the CSRF token for forms, where to come back to.
json base(Page& p) {
  json d = json::object();
  d["signed_in"] = p.signed_in();
  d["csrf"] = p.signed_in() ? p.call.session->csrf : std::string();
  d["path"] = p.req().path;
  d["css"] = stylesheet(p.call.ctx.opts.web_root);
  return d;
}

}  // namespace

http::Response page(Page& p, int status, const std::string& name, json data,
                    const std::string& title_key) {
  json d = base(p);
  for (auto& [k, v] : data.items()) d[k] = std::move(v);
  return html(status, young::render(name, std::move(d), p.lang, p.say(title_key)));
}

http::Response info(Page& p, int status, const std::string& heading_key,
                    const std::string& text_key, const std::string& link,
                    const std::string& link_key) {
  return page(p, status, "info",
              {{"heading", p.say(heading_key)},
               {"text", p.say(text_key)},
               {"link", link},
               {"link_text", link_key.empty() ? std::string() : p.say(link_key)}},
              heading_key);
}

namespace {

std::string language_of(const http::Request& req) {
  const std::string asked = request_cookie(req, "hearth_lang");
  for (const auto& l : young::languages())
    if (l == asked) return l;
  return young::languages().front();
}

}  // namespace

// ---- the frame ----------------------------------------------------------------------------------

http::Handler frame(Ctx& ctx, Need need, PageHandler handler) {
  return [&ctx, need, handler = std::move(handler)](const http::Request& req) -> http::Response {
    auto lease = ctx.light_pool.lease();
    Call call{ctx, req, *lease, client_address(ctx.opts, req), std::nullopt, {}};
    Page p{call, language_of(req), {}};
    try {
      const bool post = req.method == "POST";
      if (post) {
        if (auto why = cross_site_reason(ctx.opts, req); !why.empty()) {
          call.audit("access.denied", "route:POST " + req.path, "denied", {{"reason", why}});
          return info(p, 403, "error_title", "form_expired", "/my", "back_home");
        }
        auto ct = req.headers.find("content-type");
        if (ct == req.headers.end() || !ct->second.starts_with(kFormType))
          return info(p, 415, "error_title", "form_expired", "/my", "back_home");
        p.form = young::parse_form(req.body);
      }
      call.session = find_session(call);
      if (need == Need::YoungPerson) {
        if (!call.session) {
          bool had = !request_cookie(req, "hearth_session").empty();
          // A message written while the session ended is not lost: the sign-in page carries
          // it, and sends it once they have signed in again.
          if (post &&
              (req.path == "/my/say" || req.path == "/my/unsafe" || req.path == "/my/cards"))
            return sign_in_keeping(p, req.path == "/my/unsafe"  ? "unsafe"
                                      : req.path == "/my/cards" ? "card"
                                                                : "say");
          return redirect(had ? "/my/sign-in?expired=1" : "/my/sign-in");
        }
        if (call.who().role != auth::Role::YoungPerson)
          return info(p, 403, "staff_title", "staff_text", "/", "staff_link");
        if (post && !auth::equal_secret(p.field("csrf"), call.session->csrf)) {
          call.audit("access.denied", "route:POST " + req.path, "denied",
                     {{"reason", "missing or wrong CSRF token"}});
          return info(p, 403, "error_title", "form_expired", req.path, "back_home");
        }
      }
      http::Response r = handler(p);
      for (auto& h : call.headers) r.headers.push_back(std::move(h));
      return r;
    } catch (const ApiError& e) {
      if (e.code == "voice_not_configured")
        return info(p, 503, "voice_off_title", "voice_off_text");
      if (e.status == 404)
        return info(p, 404, "not_found_title", "not_found_text", "/my", "back_home");
      throw;
    } catch (const services::Error& e) {
      if (e.kind() == services::ErrorKind::NotFound)
        return info(p, 404, "not_found_title", "not_found_text", "/my", "back_home");
      lease.discard();
      throw;
    } catch (...) {
      lease.discard();
      throw;
    }
  };
}

// ---- signing in and starting ------------------------------------------------------------------

namespace {

http::Response sign_in_form(Page& p) {
  if (p.signed_in() && p.call.who().role == auth::Role::YoungPerson) return redirect("/my");
  json d;
  FormErrors errors;
  if (p.call.query("expired") == "1") errors.add("username", p.say("expired_text"));
  errors.into(d);
  return page(p, 200, "sign_in", d, "sign_in_title");
}

http::Response signed_in_redirect(Page& p, const auth::LoginResult& result) {
  http::Response r = redirect("/my");
  r.headers.emplace_back("Set-Cookie", session_cookie(p.call.ctx.opts, result.token, -1));
  r.headers.emplace_back("Set-Cookie", csrf_cookie(p.call.ctx.opts, result.csrf, -1));
  return r;
}

// The statement's or challenge card's fields a sign-in page carries (sign_in_keeping) and sends
// after
constexpr const char* kKept[] = {"mood",    "topic",     "text",         "unsafe",
                                 "purpose", "challenge", "addressed_to", "theme"};

json kept_fields(const Page& p) {
  json kept = json::array();
  for (const char* k : kKept)
    if (auto v = p.field(k); !v.empty()) kept.push_back({{"name", k}, {"value", v}});
  return kept;
}

http::Response sign_in(Page& p) {
  const std::string username = p.field("username"), password = p.field("password");
  const std::string resume = p.field("resume");
  FormErrors errors;
  json d = {{"username", username}, {"kept", kept_fields(p)}, {"resume", resume}};
  if (username.empty() || password.empty() || username.size() > 100 || password.size() > 1024) {
    errors.add("username", p.say("sign_in_empty"));
    errors.into(d);
    return page(p, 400, "sign_in", d, "sign_in_title");
  }
  std::string ua;
  if (auto it = p.req().headers.find("user-agent"); it != p.req().headers.end()) ua = it->second;
  auto& authn = p.call.ctx.authn;
  auto result = authn.login(p.call.st, username, password, p.call.remote, ua);
  authn.audit_login(p.call.st, username, p.call.remote, result);
  switch (result.error) {
    case auth::LoginError::None:
      if (result.principal->role != auth::Role::YoungPerson) {
        // Staff have the main app; their session is not started from here.
        p.call.st.delete_session(auth::sha256_hex(result.token));
        errors.add("username", p.say("sign_in_staff"));
        errors.into(d);
        return page(p, 400, "sign_in", d, "sign_in_title");
      }
      if (resume == "say" || resume == "unsafe" || resume == "card") {
        // Signed in again with a message kept from a session that ended: send it now, as
        // the form they sent would have.
        p.call.session =
            auth::Session{*result.principal, auth::sha256_hex(result.token), result.csrf, 0};
        http::Response r = resume == "unsafe" ? unsafe_post(p)
                           : resume == "card" ? card_post(p)
                                              : say_post(p);
        r.headers.emplace_back("Set-Cookie", session_cookie(p.call.ctx.opts, result.token, -1));
        r.headers.emplace_back("Set-Cookie", csrf_cookie(p.call.ctx.opts, result.csrf, -1));
        return r;
      }
      return signed_in_redirect(p, result);
    case auth::LoginError::Locked:
    case auth::LoginError::RateLimited:
      errors.add("username", p.say("sign_in_locked",
                                   {{"minutes", std::to_string((result.retry_after + 59) / 60)}}));
      break;
    case auth::LoginError::Disabled:
      errors.add("username", p.say("sign_in_disabled"));
      break;
    default:
      errors.add("username", p.say("sign_in_wrong"));
  }
  errors.into(d);
  return page(p, 400, "sign_in", d, "sign_in_title");
}

}  // namespace

http::Response sign_in_keeping(Page& p, const std::string& resume) {
  json d = {{"kept", kept_fields(p)}, {"resume", resume}, {"keeping", true}};
  FormErrors errors;
  errors.add("username", p.say("signed_out_kept"));
  errors.into(d);
  return page(p, 401, "sign_in", d, "sign_in_title");
}

namespace {

http::Response start_form(Page& p) {
  json d;
  FormErrors().into(d);
  return page(p, 200, "start", d, "start_title");
}

http::Response start(Page& p) {
  services::Redeem r{p.field("code"), p.field("username"), p.field("display_name"),
                     p.field("password")};
  json d = {{"code", r.code}, {"username", r.username}, {"display_name", r.display_name}};
  FormErrors errors;
  const auto now = model::from_unix_seconds(p.call.ctx.authn.now());
  try {
    auto user = services::redeem(p.call.st, r, now);
    p.call.audit("invitation.redeem", "child:" + user.councils.front() + "/" + user.child, "ok",
                 {{"username", user.username}});
  } catch (const services::Error& e) {
    const std::string field = e.code() == "bad_code"       ? "code"
                              : e.code() == "bad_password" ? "password"
                              : e.code() == "bad_name"     ? "display_name"
                                                           : "username";
    if (e.code() == "bad_code")
      p.call.audit("invitation.redeem", "invitation", "refused", {{"reason", e.code()}});
    errors.add(field, p.say(e.code()));
    errors.into(d);
    return page(p, 400, "start", d, "start_title");
  }
  std::string ua;
  if (auto it = p.req().headers.find("user-agent"); it != p.req().headers.end()) ua = it->second;
  auto result = p.call.ctx.authn.login(p.call.st, r.username, r.password, p.call.remote, ua);
  p.call.ctx.authn.audit_login(p.call.st, r.username, p.call.remote, result);
  if (result.error != auth::LoginError::None) return redirect("/my/sign-in");
  return signed_in_redirect(p, result);
}

http::Response sign_out(Page& p) {
  if (p.signed_in()) {
    p.call.st.delete_session(p.call.session->token_hash);
    p.call.ctx.sessions.forget(request_cookie(p.req(), "hearth_session"));
    p.call.audit("session.logout", "user:" + p.call.who().username, "ok");
  }
  http::Response r = redirect("/my/sign-in");
  r.headers.emplace_back("Set-Cookie", session_cookie(p.call.ctx.opts, "", 0));
  r.headers.emplace_back("Set-Cookie", csrf_cookie(p.call.ctx.opts, "", 0));
  return r;
}

http::Response language(Page& p) {
  std::string to = p.call.query("to"), back = p.call.query("back", "/my");
  bool known = false;
  for (const auto& l : young::languages()) known = known || l == to;
  // Only back to one of these pages (never to another site).
  if (!back.starts_with("/my") || back.find("//") != std::string::npos ||
      back.find('\\') != std::string::npos)
    back = "/my";
  http::Response r = redirect(back);
  if (known)
    r.headers.emplace_back("Set-Cookie", "hearth_lang=" + to +
                                             "; Path=/my; Max-Age=31536000; SameSite=Lax" +
                                             (p.call.ctx.opts.secure_cookies ? "; Secure" : ""));
  return r;
}

}  // namespace

}  // namespace hearth::web::young

namespace hearth::web {

void add_young_pages(Ctx& ctx, http::Router& router) {
  using namespace young;
  auto get = [&](const std::string& path, Need need, PageHandler h) {
    router.add("GET", path, frame(ctx, need, std::move(h)),
               {http::kSmallBodyLimit, http::Lane::Light, nullptr});
  };
  auto post = [&](const std::string& path, Need need, PageHandler h) {
    router.add("POST", path, frame(ctx, need, std::move(h)),
               {kFormLimit, http::Lane::Light, nullptr});
  };
  get("/my", Need::YoungPerson, home);
  get("/my/sign-in", Need::Nobody, sign_in_form);
  post("/my/sign-in", Need::Nobody, sign_in);
  get("/my/start", Need::Nobody, start_form);
  post("/my/start", Need::Nobody, start);
  post("/my/sign-out", Need::Nobody, sign_out);
  get("/my/language", Need::Nobody, language);
  get("/my/say", Need::YoungPerson, say_form);
  post("/my/say", Need::YoungPerson, say_post);
  get("/my/unsafe", Need::YoungPerson, unsafe_form);
  post("/my/unsafe", Need::YoungPerson, unsafe_post);
  get("/my/help/{id}", Need::YoungPerson, help_page);
  get("/my/messages", Need::YoungPerson, messages_page);
  get("/my/messages/{id}", Need::YoungPerson, message_page);
  get("/my/surveys/{id}", Need::YoungPerson, survey_page);
  post("/my/surveys/{id}", Need::YoungPerson, survey_post);
  get("/my/cards/new", Need::YoungPerson, card_form);
  post("/my/cards", Need::YoungPerson, card_post);
  get("/my/standards", Need::YoungPerson, standards_page);
  post("/my/standards", Need::YoungPerson, standards_post);
}

}  // namespace hearth::web
