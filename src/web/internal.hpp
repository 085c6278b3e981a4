// What the web application's files share: the application's state, one request's call, the
// route table's entries and the error type handlers throw.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "auth/policy.hpp"
#include "auth/sessions.hpp"
#include "http/server.hpp"
#include "ingest/snapshot.hpp"
#include "model/dataset.hpp"
#include "services/errors.hpp"
#include "services/snapshot_cache.hpp"
#include "services/voice.hpp"
#include "store/store.hpp"
#include "timescales/engine.hpp"
#include "timescales/worklist.hpp"
#include "web/gzip.hpp"
#include "web/web.hpp"

namespace hearth::web {

using nlohmann::json;

// Thrown by handlers; becomes {"error":{code,message,details}} with the status.
struct ApiError : std::runtime_error {
  ApiError(int s, std::string c, const std::string& message, json d = json::object())
      : std::runtime_error(message), status(s), code(std::move(c)), details(std::move(d)) {}
  int status;
  std::string code;
  json details;
};

// Database connections for the worker threads: one per request at a time.
class StorePool {
 public:
  StorePool(std::string url, int size) : url_(std::move(url)), size_(size < 1 ? 1 : size) {}
  class Lease {
   public:
    Lease(StorePool& p, std::unique_ptr<store::Store> s) : pool_(&p), st_(std::move(s)) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), st_(std::move(o.st_)) {}
    ~Lease() {
      if (st_) pool_->give_back(std::move(st_));
    }
    store::Store& operator*() { return *st_; }
    store::Store* operator->() { return st_.get(); }
    // A connection that failed is not given back (the next lease opens a new one).
    void discard() {
      st_.reset();
      pool_->forget();
    }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> st_;
  };
  Lease lease();

 private:
  void give_back(std::unique_ptr<store::Store> s);
  void forget();
  std::string url_;
  int size_;
  int open_ = 0;
  std::vector<std::unique_ptr<store::Store>> idle_;
  std::mutex mu_;
  std::condition_variable cv_;
};

// What is worked out once per snapshot and shared by requests: the services' cache (the
// timescales engine, worklists, imports' findings) and, for the web alone, scorecards already
// asked for as their JSON text (plain and gzipped). Bounded by bytes (Options::cache_budget).
struct Derived : services::SnapshotCache {
  Derived(std::shared_ptr<const model::Dataset> ds, services::Settings s)
      : services::SnapshotCache(std::move(ds), std::move(s)),
        scorecards(settings.cache_budget / 4) {}
  services::ByteLru<Cached> scorecards;  // by the scorecard plan's key
};

// What a cached body takes in memory, roughly.
std::size_t cached_bytes(const Cached& c);
using services::cached_bytes;

// Sessions recently found in the database, for at most a second: under load most requests then
// need no query. Signing out in this process forgets the entry at once; elsewhere (another
// process) it takes effect within that second.
class SessionCache {
 public:
  static constexpr std::int64_t kFreshSeconds = 1;
  std::optional<auth::Session> get(const std::string& token, std::int64_t now);
  void put(const std::string& token, const auth::Session& s, std::int64_t now);
  void forget(const std::string& token);

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::pair<auth::Session, std::int64_t>> map_;
};

struct Ctx {
  Ctx(Options o, ingest::Snapshot& s);
  SessionCache sessions;
  Options opts;
  ingest::Snapshot& snapshot;
  StorePool pool;
  StorePool light_pool;  // for the light lane (sign-in, readiness): never waits behind heavy work
  auth::Authenticator authn;
  std::mutex derived_mu;
  std::shared_ptr<Derived> derived_;
  // The derived state of the current snapshot (made on first use after a swap).
  std::shared_ptr<Derived> derived();
  voice::KeyFile keyring;
  const voice::SurveyBook* surveys;  // opts.surveys, or the shipped ones
  // What the voice's services need; holds the keys for as long as it lives.
  struct VoiceLease {
    std::shared_ptr<const voice::Keyring> keys;
    services::Voice v;
    operator const services::Voice&() const { return v; }
    const voice::VoiceConfig& config() const { return v.config; }
  };
  VoiceLease voice();
};

struct Call {
  Ctx& ctx;
  const http::Request& req;
  store::Store& st;
  std::string remote;  // the client's address (client_address())
  std::optional<auth::Session> session;
  std::vector<std::pair<std::string, std::string>> headers;  // added to the response

  const auth::Principal& who() const { return session->principal; }
  // A query parameter, or `fallback`.
  std::string query(const std::string& name, const std::string& fallback = {}) const;
  // ?la= (checked by the policy), or the user's first council.
  std::string council() const;
  // The request body as a JSON object ({} when empty): 400 bad_json when it is not JSON (with
  // where it stopped), 400 bad_request when it is JSON but not an object.
  json body_object() const;
  // Asks the policy; a denial is written to the audit log and thrown as a 403.
  auth::Decision require(auth::Action action, const auth::Resource& what);
  // Asks the policy without throwing (for filtering lists).
  auth::Decision check(auth::Action action, const auth::Resource& what) const;
  // An import's findings, read from the store once per snapshot.
  std::shared_ptr<const std::vector<model::Finding>> import_findings(std::int64_t import_id);
  // Appends to the audit log as the signed-in user.
  void audit(const std::string& action, const std::string& resource, const std::string& outcome,
             const json& detail = json::object());
  // ?page= and ?per_page= (default 50, at most 500), as (offset, count).
  std::pair<std::size_t, std::size_t> page() const;
  static json paged(json items, std::size_t total, std::pair<std::size_t, std::size_t> page);
};

using ApiHandler = std::function<http::Response(Call&)>;

// A JSON request body's defaults: the API's bodies are small objects.
inline constexpr std::size_t kJsonBodyLimit = 16 * 1024;
inline constexpr int kJsonDepth = 8;

struct Param {
  std::string name;
  std::string in = "query";  // "query" or "path"
  std::string type = "string";
  std::string description;
  bool required = false;
  std::vector<std::string> values;  // an enum
};

// Parameters several routes take.
inline const Param kLa{"la", "query", "string",
                       "The council's LA code (default: your first council)"};
inline const Param kAsOf{"as_of", "query", "string",
                         "The date to look from, YYYY-MM-DD (default: the date the data runs to)"};
inline const Param kPage{"page", "query", "integer", "Page number, from 1"};
inline const Param kPerPage{"per_page", "query", "integer",
                            "Items per page (at most 500; default 50)"};
inline const Param kYear{"year", "query", "string", "Collection year, e.g. 2025-26"};

struct Route {
  std::string method;
  std::string pattern;
  std::string summary;
  std::vector<Param> params;
  bool signed_in = true;
  std::string body;  // what the request body is, when there is one ("json" or "raw")
  ApiHandler handler;
  // The largest body taken (0: the kind's default: kJsonBodyLimit for "json", the upload limit
  // for "raw", http::kSmallBodyLimit for none), and for "json" how deeply it may nest.
  std::size_t body_limit = 0;
  int json_depth = kJsonDepth;
  bool light = false;  // runs on the light lane: quick, and kept free of heavy requests
  // What a success answers: its status and the name of its body's schema in
  // src/web/schemas/*.json ("" with 204: no body). Set beside each route (routes.back().reply).
  struct Reply {
    int status = 200;
    std::string schema;
    int also = 0;  // another status answered with the same schema (an accept that stored nothing)
    // A download rather than JSON: the media types it may have (then schema is "").
    std::vector<std::string> media = {};
  } reply;
};

// The client's address: X-Forwarded-For's last entry when the proxy is trusted, else the peer.
std::string client_address(const Options& o, const http::Request& req);
// Why a request that changes something looks as if it came from another site (its Origin is
// not this server's, or Sec-Fetch-Site says cross-site or same-site), or empty. Clients that
// send neither header (curl, scripts) pass. docs/security.md.
std::string cross_site_reason(const Options& o, const http::Request& req);
struct Route;
// The checks before a route's handler that need no database: a change from another site (403
// cross_site), a JSON route's body not sent as application/json (415) or nested deeper than
// the route takes (400 bad_json). An answer refuses the request.
std::optional<http::Response> check_request(const Options& o, const Route& route,
                                            const http::Request& req);
// A whole number above 0 written as one (an import's, a note's, a statement's number), or
// nothing.
std::optional<std::int64_t> positive_number(std::string_view v);
// A cookie's value as the request sent it ("" when absent).
std::string request_cookie(const http::Request& req, std::string_view name);
// The request's signed-in session (from its cookie), or nothing; sets nothing on the call.
std::optional<auth::Session> find_session(Call& call);
// The young people's server-rendered pages under /my (young_pages.cpp).
void add_young_pages(Ctx& ctx, http::Router& router);
// Single sign-on's /auth/oidc/ pages (sso_pages.cpp), when it is configured.
void add_sso_pages(Ctx& ctx, http::Router& router);
// Set-Cookie values; max_age < 0: a browser-session cookie; 0: delete it.
std::string session_cookie(const Options& o, const std::string& token, std::int64_t max_age);
std::string csrf_cookie(const Options& o, const std::string& token, std::int64_t max_age);

// The route groups (each file adds its own).
void add_session_routes(std::vector<Route>& routes);
void add_scorecard_routes(std::vector<Route>& routes);
void add_registry_routes(std::vector<Route>& routes);
void add_worklist_routes(std::vector<Route>& routes);
void add_findings_routes(std::vector<Route>& routes);
void add_info_routes(std::vector<Route>& routes);
void add_user_routes(std::vector<Route>& routes);
void add_child_routes(std::vector<Route>& routes);
void add_import_routes(std::vector<Route>& routes);
void add_voice_routes(std::vector<Route>& routes);
void add_listening_routes(std::vector<Route>& routes);
void add_board_routes(std::vector<Route>& routes);
void add_card_routes(std::vector<Route>& routes);
void add_meeting_routes(std::vector<Route>& routes);
void add_paper_routes(std::vector<Route>& routes);

// A paper to take away (the scorecard, a meeting's pack, the annual report): ?format= pdf (the
// default), html or xlsx, 400 otherwise; then the HTML as a page or printed to PDF by Chromium
// (503 when it cannot run), or the workbook — as an attachment named `file`, never cached.
std::string paper_format(const Call& call);
http::Response paper_download(const std::string& format, const std::string& file,
                              const std::function<std::string()>& html,
                              const std::function<std::string()>& xlsx);
// Every route of the API, the OpenAPI document's own (answered by `openapi`) last.
void add_api_routes(std::vector<Route>& routes, ApiHandler openapi);
// The OpenAPI 3 document of `routes` (web/openapi.cpp): parameters, bodies, each route's reply
// and its schema (src/web/schemas/*.json, embedded at build time), the errors it can give.
// Throws std::logic_error when a route names no reply schema, or one that does not exist.
json openapi_document(const std::vector<Route>& routes);

// A field of a request body: `fallback` when absent, 400 bad_request when of the wrong type.
std::string body_string(const json& body, const char* name, const std::string& fallback);
bool body_bool(const json& body, const char* name, bool fallback);

// Resource facts about a child: their council and the people allocated to them on `as_of`.
auth::Resource child_resource(const model::Dataset& d, model::ChildIndex c, model::Date as_of);
// A child by ?la= (or the user's councils) and CHILD id; a 404 when no such child.
model::ChildIndex find_child_or_404(const Call& call, const model::Dataset& d,
                                    const std::string& id);

}  // namespace hearth::web
