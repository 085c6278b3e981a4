// The web application's frame: the database pool, the session/CSRF/error wrapping every route
// goes through, the OpenAPI document made from the route table, and the front end's files.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <fstream>
#include <sstream>

#include "auth/crypto.hpp"
#include "report/list.hpp"
#include "services/findings.hpp"
#include "web/gzip.hpp"
#include "web/internal.hpp"
#include "web/metrics.hpp"

namespace hearth::web {

// ---- the pool ----------------------------------------------------------------------------

StorePool::Lease StorePool::lease() {
  std::unique_lock lk(mu_);
  cv_.wait(lk, [&] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    auto s = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(s));
  }
  ++open_;
  lk.unlock();
  try {
    auto st = store::open_store(url_);
    return Lease(*this, std::move(st));
  } catch (...) {
    forget();
    throw;
  }
}

void StorePool::give_back(std::unique_ptr<store::Store> s) {
  {
    std::lock_guard lk(mu_);
    idle_.push_back(std::move(s));
  }
  cv_.notify_one();
}

void StorePool::forget() {
  {
    std::lock_guard lk(mu_);
    --open_;
  }
  cv_.notify_one();
}

// ---- shared state ------------------------------------------------------------------------

std::optional<auth::Session> SessionCache::get(const std::string& token, std::int64_t now) {
  std::lock_guard lk(mu_);
  auto it = map_.find(token);
  if (it == map_.end()) return std::nullopt;
  if (now - it->second.second >= kFreshSeconds || now >= it->second.first.expires) {
    map_.erase(it);
    return std::nullopt;
  }
  return it->second.first;
}

void SessionCache::put(const std::string& token, const auth::Session& s, std::int64_t now) {
  std::lock_guard lk(mu_);
  if (map_.size() > 100000) map_.clear();
  map_[token] = {s, now};
}

void SessionCache::forget(const std::string& token) {
  std::lock_guard lk(mu_);
  map_.erase(token);
}

Ctx::Ctx(Options o, ingest::Snapshot& s)
    : opts(std::move(o)),
      snapshot(s),
      pool(opts.store_url, opts.connections),
      light_pool(opts.store_url, opts.light_connections),
      authn(opts.sessions, opts.clock),
      keyring(opts.voice_key_file),
      surveys(opts.surveys ? opts.surveys.get() : &voice::SurveyBook::shipped()) {}

Ctx::VoiceLease Ctx::voice() {
  std::shared_ptr<const voice::Keyring> keys;
  try {
    keys = keyring.get();
  } catch (const voice::KeyError& e) {
    // The detail (a path) goes to the log, not to whoever asked.
    spdlog::error(json{{"event", "voice_keys_unreadable"}, {"error", e.what()}}.dump(
        -1, ' ', false, json::error_handler_t::replace));
    throw ApiError(503, "voice_not_configured",
                   "Hearth has no key to keep children's words safe, so it cannot take or show "
                   "them: see docs/voice.md ([voice] key_file).");
  }
  return VoiceLease{keys, services::Voice{*keys, opts.voice}};
}

std::shared_ptr<Derived> Ctx::derived() {
  auto ds = snapshot.get();
  std::lock_guard lk(derived_mu);
  if (derived_ && derived_->data == ds) return derived_;
  services::Settings s;
  s.timescales = opts.timescales;
  s.scorecard = opts.scorecard;
  s.reference = opts.reference;
  s.cache_budget = opts.cache_budget;
  derived_ = std::make_shared<Derived>(ds, std::move(s));
  return derived_;
}

// ---- one call ----------------------------------------------------------------------------

std::string Call::query(const std::string& name, const std::string& fallback) const {
  auto it = req.query.find(name);
  return it == req.query.end() || it->second.empty() ? fallback : it->second;
}

json Call::body_object() const {
  json body;
  try {
    body = json::parse(req.body.empty() ? std::string_view("{}") : std::string_view(req.body));
  } catch (const json::parse_error& e) {
    // Our words, never the library's; where it stopped helps the client find the fault.
    throw ApiError(400, "bad_json", "The request body is not valid JSON.", {{"position", e.byte}});
  }
  if (!body.is_object()) throw ApiError(400, "bad_request", "Send a JSON object.");
  return body;
}

std::string body_string(const json& body, const char* name, const std::string& fallback) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_string())
    throw ApiError(400, "bad_request", std::string(name) + " must be a string.",
                   {{"parameter", name}});
  return it->get<std::string>();
}

bool body_bool(const json& body, const char* name, bool fallback) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_boolean())
    throw ApiError(400, "bad_request", std::string(name) + " must be true or false.",
                   {{"parameter", name}});
  return it->get<bool>();
}

std::string Call::council() const {
  std::string la = query("la");
  if (!la.empty()) return la;
  if (session && !who().councils.empty()) return who().councils.front();
  throw ApiError(400, "bad_la", "Say which council with ?la=: your account belongs to none.");
}

auth::Decision Call::check(auth::Action action, const auth::Resource& what) const {
  return auth::decide(who(), action, what);
}

namespace {

std::string describe(auth::Action action, const auth::Resource& what) {
  if (!what.child.empty()) return "child:" + what.la + "/" + what.child;
  if (action == auth::Action::ReadWorklist)
    return "worklist:" + what.la + "/" + std::string(auth::scope_name(what.scope));
  if (!what.la.empty()) return "council:" + what.la;
  return "hearth";
}

}  // namespace

auth::Decision Call::require(auth::Action action, const auth::Resource& what) {
  auto d = check(action, what);
  if (!d) {
    audit("access.denied", describe(action, what), "denied",
          {{"action", auth::action_name(action)},
           {"route", req.method + " " + req.path},
           {"reason", d.reason}});
    throw ApiError(403, "forbidden", "You do not have access to this: " + d.reason + ".",
                   {{"action", auth::action_name(action)}});
  }
  return d;
}

void Call::audit(const std::string& action, const std::string& resource, const std::string& outcome,
                 const json& detail) {
  store::AuditEntry e;
  e.actor = session ? who().username : "anonymous";
  e.role = session ? std::string(auth::role_name(who().role)) : "";
  e.action = action;
  e.resource = resource;
  e.outcome = outcome;
  json d = detail;
  if (!remote.empty()) d["ip"] = remote;
  // Any bytes a client sent (a non-UTF-8 ?la=…) are replaced, never a reason to skip the entry.
  e.detail = d.dump(-1, ' ', false, json::error_handler_t::replace);
  st.append_audit(std::move(e));
}

std::shared_ptr<const std::vector<model::Finding>> Call::import_findings(std::int64_t id) {
  return services::import_findings(*ctx.derived(), st, id);
}

std::size_t cached_bytes(const Cached& c) {
  return sizeof c + c.plain.capacity() + c.gz.capacity();
}

std::pair<std::size_t, std::size_t> Call::page() const {
  auto number = [&](const char* name, long def, long lo, long hi) {
    std::string v = query(name);
    if (v.empty()) return def;
    long n = 0;
    try {
      std::size_t used = 0;
      n = std::stol(v, &used);
      if (used != v.size()) throw std::invalid_argument(v);
    } catch (...) {
      throw ApiError(400, "bad_" + std::string(name), std::string(name) + " must be a whole number",
                     {{"parameter", name}});
    }
    if (n < lo || n > hi)
      throw ApiError(
          400, "bad_" + std::string(name),
          std::string(name) + " must be from " + std::to_string(lo) + " to " + std::to_string(hi),
          {{"parameter", name}});
    return n;
  };
  long per = number("per_page", 50, 1, 500);
  long page = number("page", 1, 1, 1000000);
  return {static_cast<std::size_t>((page - 1) * per), static_cast<std::size_t>(per)};
}

json Call::paged(json items, std::size_t total, std::pair<std::size_t, std::size_t> p) {
  json out = report::list_json(std::move(items), total);
  out["page"] = p.first / p.second + 1;
  out["per_page"] = p.second;
  return out;
}

// ---- the frame around every route ----------------------------------------------------------

namespace {

std::string cookie(const http::Request& req, std::string_view name) {
  auto it = req.headers.find("cookie");
  if (it == req.headers.end()) return {};
  std::string_view s = it->second;
  while (!s.empty()) {
    auto semi = s.find(';');
    std::string_view part = s.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name)
      return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
  return {};
}

bool changes_state(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string header(const http::Request& req, const char* name) {
  auto it = req.headers.find(name);
  return it == req.headers.end() ? std::string() : it->second;
}

http::Response error_response(const ApiError& e) {
  return http::Response::error(e.status, e.code, e.what(), e.details);
}

// A service's refusal as HTTP: the one place a kind becomes a status.
int status_for(services::ErrorKind kind) {
  switch (kind) {
    case services::ErrorKind::BadInput:
      return 400;
    case services::ErrorKind::NotFound:
      return 404;
    case services::ErrorKind::Conflict:
      return 409;
    case services::ErrorKind::Forbidden:
      return 403;
    case services::ErrorKind::System:
      break;
  }
  return 500;
}

}  // namespace

std::string client_address(const Options& o, const http::Request& req) {
  if (o.trust_forwarded) {
    std::string fwd = header(req, "x-forwarded-for");
    if (!fwd.empty()) {
      // The proxy appends the address it saw: the last entry is the one it vouches for.
      auto comma = fwd.rfind(',');
      std::string last = comma == std::string::npos ? fwd : fwd.substr(comma + 1);
      last.erase(0, last.find_first_not_of(' '));
      if (!last.empty()) return last;
    }
  }
  return req.remote;
}

std::optional<std::int64_t> positive_number(std::string_view v) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n <= 0) return std::nullopt;
  return n;
}

std::string request_cookie(const http::Request& req, std::string_view name) {
  return cookie(req, name);
}

std::optional<auth::Session> find_session(Call& call) {
  const std::string token = cookie(call.req, "hearth_session");
  if (token.empty()) return std::nullopt;
  const std::int64_t now = call.ctx.authn.now();
  auto s = call.ctx.sessions.get(token, now);
  if (!s) {
    s = call.ctx.authn.find(call.st, token);
    if (s) call.ctx.sessions.put(token, *s, now);
  }
  return s;
}

std::string session_cookie(const Options& o, const std::string& token, std::int64_t max_age) {
  return "hearth_session=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
         (max_age >= 0 ? "; Max-Age=" + std::to_string(max_age) : std::string()) +
         (o.secure_cookies ? "; Secure" : "");
}

std::string csrf_cookie(const Options& o, const std::string& token, std::int64_t max_age) {
  return "hearth_csrf=" + token + "; Path=/; SameSite=Strict" +
         (max_age >= 0 ? "; Max-Age=" + std::to_string(max_age) : std::string()) +
         (o.secure_cookies ? "; Secure" : "");
}

namespace {

// The signed-in session of the request, or a 401; for a change, the CSRF double submit too
// (a 403, audited). Null when the request may go on.
std::optional<http::Response> authenticate(Call& call) {
  const auto& req = call.req;
  auto& ctx = call.ctx;
  const std::string token = cookie(req, "hearth_session");
  call.session = find_session(call);
  if (!call.session) {
    http::Response r = http::Response::error(
        401, "unauthenticated", "You are not signed in, or your session has ended: sign in again.");
    if (!token.empty()) r.headers.emplace_back("Set-Cookie", session_cookie(ctx.opts, "", 0));
    return r;
  }
  if (changes_state(req.method)) {
    // Double submit: the header must carry the cookie's value, and both the session's.
    std::string sent = header(req, "x-csrf-token");
    std::string cookie_value = cookie(req, "hearth_csrf");
    if (!auth::equal_secret(sent, call.session->csrf) ||
        !auth::equal_secret(cookie_value, call.session->csrf)) {
      call.audit("access.denied", "route:" + req.method + " " + req.path, "denied",
                 {{"reason", "missing or wrong CSRF token"}});
      return http::Response::error(
          403, "csrf",
          "This request did not carry the page's security token (X-CSRF-Token): reload "
          "the page and try again.");
    }
  }
  return std::nullopt;
}

// A JSON or CSV reply of 1 KiB or more goes gzipped to a client that takes it (the worklists
// run to hundreds of kilobytes: on a slow phone link the bytes are most of the wait). Replies
// that carry a secret (the session's CSRF token) are never compressed, so no reflected input
// can be used to guess it from the compressed length (BREACH); nor is what is compressed
// already (the scorecard, kept gzipped) or a download that is (PDF, XLSX).
void compress_reply(http::Response& res, const http::Request& req, const Route& route) {
  constexpr std::size_t kWorthIt = 1024;
  if (res.body.size() < kWorthIt || route.pattern.starts_with("/api/v1/session")) return;
  if (!res.content_type.starts_with("application/json") &&
      !res.content_type.starts_with("text/csv"))
    return;
  for (const auto& [name, value] : res.headers)
    if (name == "Content-Encoding") return;
  res.headers.emplace_back("Vary", "Accept-Encoding");
  if (!accepts_gzip(req)) return;
  res.body = gzip(res.body);
  res.headers.emplace_back("Content-Encoding", "gzip");
}

http::Handler wrap(Ctx& ctx, const Route& route) {
  return [&ctx, &route](const http::Request& req) -> http::Response {
    if (auto refused = check_request(ctx.opts, route, req)) return std::move(*refused);
    auto lease = route.light ? ctx.light_pool.lease() : ctx.pool.lease();
    Call call{ctx, req, *lease, client_address(ctx.opts, req), std::nullopt, {}};
    try {
      if (route.signed_in) {
        if (auto refused = authenticate(call)) return std::move(*refused);
      }
      http::Response res = route.handler(call);
      compress_reply(res, req, route);
      for (auto& h : call.headers) res.headers.push_back(std::move(h));
      return res;
    } catch (const ApiError& e) {
      http::Response res = error_response(e);
      for (auto& h : call.headers) res.headers.push_back(std::move(h));
      return res;
    } catch (const services::Error& e) {
      if (e.kind() == services::ErrorKind::System) {
        lease.discard();  // the connection may be what failed
        throw;            // the server logs it and answers 500
      }
      http::Response res =
          http::Response::error(status_for(e.kind()), e.code(), e.what(), e.details());
      for (auto& h : call.headers) res.headers.push_back(std::move(h));
      return res;
    } catch (...) {
      lease.discard();  // the connection may be broken: open a new one next time
      throw;            // the server logs it and answers 500
    }
  };
}

// Before an upload's body is read: only a signed-in user who may work on that import, from this
// site, with the CSRF token, may send one as large as --max-upload-mb. Anyone else is answered
// at once (as the handler would answer) and the body is never read.
std::function<std::optional<http::Response>(const http::Request&)> admit_upload(
    Ctx& ctx, const Route& route) {
  return [&ctx, &route](const http::Request& req) -> std::optional<http::Response> {
    if (auto refused = check_request(ctx.opts, route, req)) return refused;
    auto lease = ctx.light_pool.lease();
    Call call{ctx, req, *lease, client_address(ctx.opts, req), std::nullopt, {}};
    try {
      if (auto refused = authenticate(call)) return refused;
      // The same answer the handler gives: an import the user may not work on is one that does
      // not exist (404), the denial audited.
      std::string id;
      if (auto it = req.path_params.find("id"); it != req.path_params.end()) id = it->second;
      auto u = call.st.find_upload(id);
      auto d = u ? call.check(auth::Action::WriteImport, auth::Resource::council(u->la))
                 : auth::Decision{};
      if (!u || !d) {
        if (u)
          call.audit("access.denied", "import:" + u->id, "denied",
                     {{"action", auth::action_name(auth::Action::WriteImport)},
                      {"route", req.method + " " + req.path},
                      {"reason", d.reason}});
        return http::Response::error(404, "not_found",
                                     "There is no import '" + id + "' in progress.");
      }
      return std::nullopt;
    } catch (...) {
      lease.discard();
      throw;
    }
  };
}

// ---- the front end's files ---------------------------------------------------------------

std::string content_type_of(const std::filesystem::path& p) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"}};
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

  http::Response serve(const http::Request& req) {
    if (root_.empty())
      return http::Response::error(404, "not_found", "There is no resource at this path.",
                                   {{"path", req.path}});
    std::string path = req.path;
    if (path.starts_with("/api/"))
      return http::Response::error(404, "not_found", "There is no API route at this path.",
                                   {{"path", path}});
    // Only plain names: no "..", no encoded characters, no hidden files.
    bool plain = path.find("..") == std::string::npos && path.find('%') == std::string::npos &&
                 path.find("/.") == std::string::npos && path.find('\\') == std::string::npos;
    std::filesystem::path rel = std::filesystem::path(path).relative_path();
    bool has_ext = rel.has_extension();
    if (plain && has_ext) {
      if (auto body = load(rel)) {
        http::Response r;
        r.content_type = content_type_of(rel);
        set_body(r, *body, req);
        // Vite names built assets by their content: they never change.
        if (path.starts_with("/assets/"))
          r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
        else
          r.headers.emplace_back("Cache-Control", "no-cache");
        return r;
      }
      return http::Response::error(404, "not_found", "There is no file at this path.",
                                   {{"path", path}});
    }
    // A page of the single-page application: its index.html, which routes in the browser.
    auto index = load("index.html");
    if (!index)
      return http::Response::error(404, "not_found",
                                   "The web front end is not built: run make (web/dist).");
    http::Response r;
    r.content_type = "text/html; charset=utf-8";
    set_body(r, *index, req);
    r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
  }

 private:
  // Files are kept in memory, and read again when they change on disk (a rebuilt front end is
  // served without a restart).
  std::shared_ptr<const Cached> load(const std::filesystem::path& rel) {
    auto path = root_ / rel;
    std::error_code ec;
    auto mtime = std::filesystem::last_write_time(path, ec);
    if (ec || !std::filesystem::is_regular_file(path, ec)) return nullptr;
    auto key = rel.generic_string();
    {
      std::lock_guard lk(mu_);
      if (auto it = cache_.find(key); it != cache_.end() && it->second.first == mtime)
        return it->second.second;
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) return nullptr;
    std::ostringstream ss;
    ss << f.rdbuf();
    auto type = content_type_of(rel);
    bool text = type.starts_with("text/") || type.find("json") != std::string::npos ||
                type.find("svg") != std::string::npos;
    auto body = Cached::make(ss.str(), text);
    std::lock_guard lk(mu_);
    cache_[key] = {mtime, body};
    return body;
  }

  std::filesystem::path root_;
  std::mutex mu_;
  std::map<std::string, std::pair<std::filesystem::file_time_type, std::shared_ptr<const Cached>>>
      cache_;
};

}  // namespace

struct App::Impl {
  Impl(Options o, ingest::Snapshot& s) : ctx(std::move(o), s), files(ctx.opts.web_root) {
    add_api_routes(table, [this](Call&) { return http::Response::json(openapi()); });
    api_doc = openapi_document(table);  // the table does not change while the server runs
    for (const auto& r : table) infos.push_back({r.method, r.pattern, r.summary, r.signed_in});
  }

  const json& openapi() const { return api_doc; }

  Ctx ctx;
  StaticFiles files;
  std::vector<Route> table;
  json api_doc;
  std::vector<RouteInfo> infos;
  MetricsMemo metrics_memo;

  // GET /metrics, refused as an unknown path to whoever may not read it.
  http::Handler metrics(bool own_listener) {
    return [this, own_listener](const http::Request& req) {
      if (!metrics_allowed(ctx, req, own_listener))
        return http::Response::error(404, "not_found", "There is no resource at this path.");
      return metrics_reply(ctx, metrics_memo);
    };
  }
};

App::App(Options options, ingest::Snapshot& snapshot)
    : impl_(std::make_unique<Impl>(std::move(options), snapshot)) {}
// The refused sign-ins still being counted are written before the application goes (a stop
// would otherwise lose up to a minute of them from the audit log).
App::~App() {
  try {
    auto lease = impl_->ctx.pool.lease();
    impl_->ctx.authn.flush_refusals(*lease);
  } catch (const std::exception& e) {
    spdlog::error("{}", json{{"event", "audit_flush_failed"}, {"error", e.what()}}.dump(
                            -1, ' ', false, json::error_handler_t::replace));
  }
}

const std::vector<RouteInfo>& App::routes() const {
  return impl_->infos;
}

http::Router App::metrics_router() {
  http::Router router;
  router.add("GET", "/healthz",
             [](const http::Request&) {
               return http::Response::json({{"status", "ok"}});
             },
             {http::kSmallBodyLimit, http::Lane::Inline, nullptr});
  router.add("GET", "/metrics", impl_->metrics(true),
             {http::kSmallBodyLimit, http::Lane::Light, nullptr});
  return router;
}

json App::openapi() const {
  return impl_->openapi();
}

http::Router App::router() {
  http::Router router;
  Impl& impl = *impl_;
  // Liveness on the I/O threads (never behind the pools); readiness on the light lane, with its
  // own database connections.
  router.add("GET", "/healthz",
             [](const http::Request&) {
               return http::Response::json({{"status", "ok"}});
             },
             {http::kSmallBodyLimit, http::Lane::Inline, nullptr});
  router.add("GET", "/readyz",
             [&impl](const http::Request&) {
               try {
                 auto lease = impl.ctx.light_pool.lease();
                 lease->require_current_schema();
                 return http::Response::json({{"status", "ready"}});
               } catch (const std::exception& e) {
                 // The detail (a driver's text, a path) goes to the log, not to anyone who asks.
                 spdlog::warn(R"({{"event":"not_ready","error":{}}})",
                              json(e.what()).dump(-1, ' ', false, json::error_handler_t::replace));
                 return http::Response::error(503, "not_ready", "Hearth is not ready to serve.");
               }
             },
             {http::kSmallBodyLimit, http::Lane::Light, nullptr});
  if (impl.ctx.opts.metrics == "here")
    router.add("GET", "/metrics", impl.metrics(false),
               {http::kSmallBodyLimit, http::Lane::Light, nullptr});
  for (const auto& r : impl.table) {
    http::RouteOptions o;
    o.lane = r.light ? http::Lane::Light : http::Lane::Normal;
    if (r.body == "json") {
      o.body_limit = r.body_limit ? r.body_limit : kJsonBodyLimit;
    } else if (r.body == "raw") {
      o.body_limit = r.body_limit ? r.body_limit : impl.ctx.opts.upload_limit;
      o.admit = admit_upload(impl.ctx, r);
    } else {
      o.body_limit = r.body_limit ? r.body_limit : http::kSmallBodyLimit;
    }
    router.add(r.method, r.pattern, wrap(impl.ctx, r), std::move(o));
  }
  add_young_pages(impl.ctx, router);
  add_sso_pages(impl.ctx, router);
  router.fallback([&impl](const http::Request& req) { return impl.files.serve(req); },
                  {http::kSmallBodyLimit, http::Lane::Light, nullptr});
  return router;
}

}  // namespace hearth::web
