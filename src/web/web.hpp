// The web application: the JSON API under /api/v1/ and the built front end, on the HTTP server.
// Every API route is declared once (method, path, summary, parameters, the policy action it is
// about) in a route table; the router, the OpenAPI document and the access-matrix test are all
// made from that table, so none of them can miss a route. docs/api.md, docs/security.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "auth/sessions.hpp"
#include "http/server.hpp"
#include "indicators/reference.hpp"
#include "indicators/scorecard.hpp"
#include "timescales/config.hpp"
#include "voice/config.hpp"
#include "voice/surveys.hpp"

namespace hearth::ingest {
class Snapshot;
}
namespace hearth::auth {
class OidcClient;
}

namespace hearth::web {

struct Options {
  std::string store_url;
  int connections = 4;             // database connections (one per worker thread is right)
  std::filesystem::path web_root;  // the built front end (web/dist); empty: API only
  bool secure_cookies = false;     // add Secure to cookies (served over TLS, or behind a TLS proxy)
  bool trust_forwarded = false;  // take the client's address from X-Forwarded-For (behind a proxy)
  auth::SessionPolicy sessions;
  std::function<std::int64_t()> clock;  // Unix seconds; empty: the system clock (tests move it)
  timescales::TimescaleConfig timescales = timescales::TimescaleConfig::statutory();
  indicators::ScorecardConfig scorecard = indicators::ScorecardConfig::defaults();
  // An import that changes a stored year by more than this (children looked after at its end,
  // or children in it) needs a confirmation: [imports] confirm_change_percent.
  double confirm_change_percent = 10;
  std::shared_ptr<const indicators::ReferenceData> reference;  // comparators; empty: none
  std::size_t upload_limit = 64 * 1024 * 1024;                 // one uploaded file
  int light_connections = 2;  // database connections for the light lane (sign-in, readiness)
  // Memory for results kept between requests (worklists, scorecards, imports' findings), per
  // snapshot; the least recently used go first. docs/performance.md.
  std::size_t cache_budget = 128 * 1024 * 1024;
  // The child's voice: settings, and the key file that seals what is written (read again when
  // it changes on disk, so `hearth keys rotate` needs no restart). Empty key file: the voice's
  // routes answer 503 (not configured).
  voice::VoiceConfig voice;
  // The surveys and standards young people answer (empty: the ones Hearth ships).
  std::shared_ptr<const voice::SurveyBook> surveys;
  std::filesystem::path voice_key_file;
  // GET /metrics in the Prometheus text format (docs/operations.md): "" off; "here" on this
  // listener, answering a scrape from this machine that no proxy forwarded, or one that sends
  // the token; "own" only on the listener App::metrics_router() serves.
  std::string metrics;
  std::string metrics_token;  // a scrape must send "Authorization: Bearer <token>" (empty: none)
  std::shared_ptr<http::RequestMetrics> request_metrics;  // the main listener's counts
  // Single sign-on through the council's OpenID provider ([sso], docs/sso.md); empty: none.
  std::shared_ptr<auth::OidcClient> sso;
};

struct RouteInfo {
  std::string method;
  std::string pattern;  // "/api/v1/children/{id}"
  std::string summary;
  bool signed_in = true;  // false: anyone (login, health, the OpenAPI document)
};

class App {
 public:
  App(Options options, ingest::Snapshot& snapshot);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Every route, wrapped in the session, CSRF and error handling; plus the front end's files.
  http::Router router();
  // For --metrics-listen: GET /metrics and GET /healthz only.
  http::Router metrics_router();
  const std::vector<RouteInfo>& routes() const;
  nlohmann::json openapi() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The API described as OpenAPI 3 (what GET /api/v1/openapi.json answers), without a server:
// `hearth openapi` prints it, and the front end's types are generated from it.
nlohmann::json api_description();

}  // namespace hearth::web
