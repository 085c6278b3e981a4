// Hearth's HTTP server: a small router of JSON handlers in front of Boost.Beast.
//
// Handlers are plain functions Request → Response. They may block (database, engines): the
// server runs them on a worker pool, never on the I/O threads, which only read, parse and write
// (C++20 coroutines on Asio). Each route says how it runs (RouteOptions): how large a body it
// takes (decided once the header is read, before any of the body), which lane runs it (the I/O
// thread for health, a small light pool for sign-in and other light requests, the worker pool
// for the rest), and optionally an admission check run before a large body is read.
// A handler's exception becomes a 500 JSON error in one place (server.cpp, dispatch), is logged,
// and the connection goes on serving.
//
// Every error — from the router, the server or a handler — has one shape:
//   {"error": {"code": "not_found", "message": "...", "details": {...}}}
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/metrics.hpp"

namespace hearth::http {

struct Request {
  std::string method;                          // "GET", "POST", ... as sent
  std::string target;                          // as sent: "/api/v1/children/7?year=2024"
  std::string path;                            // target before '?', still percent-encoded
  std::map<std::string, std::string> query;    // decoded ('+' is a space); last one wins
  std::map<std::string, std::string> headers;  // lower-case names; repeats joined by ", "
  std::string body;
  std::map<std::string, std::string> path_params;  // decoded, from the route's {name}s
  std::string remote;                              // the peer's address ("127.0.0.1")
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Extra headers; one with the name of a default header (e.g. Cache-Control) replaces it.
  std::vector<std::pair<std::string, std::string>> headers;

  static Response json(const nlohmann::json& body, int status = 200);
  // {"error":{"code":code,"message":message,"details":details}}
  static Response error(int status, std::string code, std::string message,
                        nlohmann::json details = nlohmann::json::object());
};

using Handler = std::function<Response(const Request&)>;

// Where a route's handler runs.
enum class Lane {
  Inline,  // on the I/O thread: must never block (health)
  Light,   // the light pool: sign-in, sign-out, readiness, static files (kept free of heavy work)
  Normal,  // the worker pool
};

// The body a request may carry when nothing else is said (the front end's empty "{}" on a POST).
inline constexpr std::size_t kSmallBodyLimit = 4 * 1024;

struct RouteOptions {
  std::size_t body_limit = kSmallBodyLimit;  // larger bodies get 413 before they are read
  Lane lane = Lane::Normal;
  // Run (on the light pool) once the header is read and before the body is: a response refuses
  // the request unread (e.g. an upload from someone who may not upload). Empty: none.
  std::function<std::optional<Response>(const Request&)> admit;
};

// The deepest nesting of arrays and objects in a JSON text, scanning bytes only (strings and
// escapes are skipped; no tree, no allocation). Stops counting once past `stop_after`.
int json_nesting_depth(std::string_view text, int stop_after = 1 << 30);

// What is wrong with a request's framing, or empty: RFC 9112 §6. A Transfer-Encoding other than
// exactly "chunked", Transfer-Encoding with Content-Length, more than one Content-Length or a
// list in it. Such a request gets 400 and the connection is closed. `values` are the raw
// header fields as (lower-case name, value).
std::string framing_problem(const std::vector<std::pair<std::string, std::string>>& fields);

// Routes "METHOD /literal/{param}/..." to handlers. Segments are matched whole; {name} matches
// one non-empty segment. When several routes fit, the one with a literal earliest wins
// ("/children/search" before "/children/{id}"). A GET route also answers HEAD. Build it
// before handing it to the Server; matching is const and safe from many threads.
class Router {
 public:
  struct Match {
    const Handler* handler = nullptr;           // null: no route; send `error`
    const RouteOptions* options = nullptr;      // the route's (null: no route: the defaults)
    std::map<std::string, std::string> params;  // decoded path parameters
    Response error;                             // 404, 405 (with Allow) or 400 (bad escape)
    // What monitoring calls it: the route's pattern, "static" (the fallback) or "unmatched".
    std::string_view route = "unmatched";
    explicit operator bool() const { return handler != nullptr; }
  };

  // Throws std::invalid_argument for a malformed pattern or a duplicate route.
  void add(std::string method, std::string pattern, Handler h, RouteOptions options = {});
  // `path` as received (percent-encoded, no query).
  Match match(std::string_view method, std::string_view path) const;
  // Answers a GET or HEAD whose path no route has (e.g. the web front end's files and pages).
  void fallback(Handler h, RouteOptions options = {}) {
    fallback_ = std::move(h);
    fallback_options_ = std::move(options);
  }

 private:
  struct Segment {
    std::string text;  // literal text, or the parameter's name
    bool param = false;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
    RouteOptions options;
  };
  std::vector<Route> routes_;
  Handler fallback_;
  RouteOptions fallback_options_;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see Server::port())
  int io_threads = 2;          // read, parse, write; never block
  int worker_threads = 4;      // run the handlers
  int light_threads = 2;       // run the Lane::Light handlers (sign-in, ...)
  // No body is ever larger than this, whatever a route says (a route's own limit is usually
  // far smaller: RouteOptions::body_limit). Larger bodies get 413.
  std::size_t body_limit = 64 * 1024 * 1024;
  std::chrono::seconds first_byte_timeout{10};  // a new connection's first request must start
  std::chrono::seconds read_timeout{30};        // to receive a whole request (and to send a reply)
  std::chrono::seconds idle_timeout{60};        // between requests on a kept-alive connection
  // Connections open at once from one peer address, and in all (0: no cap; the total defaults
  // to the process's descriptor limit less a reserve for files and the database). A connection
  // over a cap gets a 503 and is closed at once. Behind a proxy every client has the proxy's
  // address: raise or lift the per-address cap there.
  int max_connections_per_address = 128;
  int max_connections = -1;                   // -1: from the descriptor limit
  std::chrono::seconds shutdown_timeout{10};  // for in-flight requests after a stop
  bool hsts = false;                          // send Strict-Transport-Security (behind TLS)
  // TLS: PEM certificate chain and private key files; both empty: plain HTTP.
  std::string tls_cert;
  std::string tls_key;
  // Every answered request counted and timed here (null: not counted; GET /metrics reads it).
  std::shared_ptr<RequestMetrics> metrics;
};

// An HTTP/1.1 server. start() binds and serves on background threads; run() blocks until
// SIGINT, SIGTERM or stop(). A stop closes the listening socket and idle connections at once,
// lets requests already being received or handled finish (up to shutdown_timeout), then ends.
class Server {
 public:
  Server(ServerOptions options, Router router);
  ~Server();  // stop(); must not run on the server's own threads (a handler)
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The bound port once started (the real one when options.port was 0).
  unsigned short port() const;
  // Binds, listens, starts the threads and returns. Throws boost::system::system_error (a
  // std::runtime_error) if it cannot resolve the host or bind.
  // Also catches SIGINT and SIGTERM for this server. Does nothing once started or stopped.
  void start();
  // start() if needed, then blocks until the server has stopped.
  void run();
  // Graceful stop; thread-safe and idempotent. From any other thread it returns once the server
  // has stopped (in-flight requests answered, or shutdown_timeout passed: then the connections
  // are dropped, and a handler still running delays only the destructor). From a handler it
  // only asks for the stop and returns at once.
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hearth::http
