// The HTTP server: Beast on Asio, one coroutine per connection on its own strand, handlers on a
// worker pool. See server.hpp for the contract.
//
// Threads. N I/O threads run one io_context: accepting, reading, parsing and writing. Each
// request's handler runs on the worker pool (co_spawn onto the pool, awaited by the connection's
// coroutine), so a slow database call never holds an I/O thread.
//
// Shutdown. request_stop() (stop(), a signal, the destructor) marks the server stopping, closes
// the listening socket and cancels every connection that is idle between requests. A connection
// that has started receiving a request is "busy": it finishes the request, answers with
// "Connection: close" and ends. finish() waits for the connections to end (at most
// shutdown_timeout), then stops the io_context and joins the I/O threads.
#include "http/server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl.hpp>
#include <cctype>
#include <condition_variable>
#include <csignal>
#include <exception>
#include <iterator>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <unordered_map>

namespace hearth::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using nlohmann::json;
using error_code = boost::system::error_code;

namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kReadChunk = 16 * 1024;
// After an error reply with the request unread (413), how long and how much to drain before
// closing, so the client reads the reply instead of a connection reset.
constexpr auto kLingerTime = std::chrono::seconds(1);
constexpr std::size_t kLingerBytes = 1024 * 1024;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
// Scripts, styles, fonts and images from this server only; nothing inline, no framing.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'";

// ---- text helpers -----------------------------------------------------------------------

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes `in`. Strict: false on a malformed escape or an encoded NUL.
// Lenient: a malformed escape is kept as text.
bool percent_decode(std::string_view in, std::string& out, bool plus_is_space, bool strict) {
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      int hi = i + 2 < in.size() ? hex_value(in[i + 1]) : -1;
      int lo = hi >= 0 ? hex_value(in[i + 2]) : -1;
      if (lo < 0 || (strict && hi == 0 && lo == 0)) {
        if (strict) return false;
        out += c;
        continue;
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return true;
}

std::string lenient_decode(std::string_view in) {
  std::string out;
  percent_decode(in, out, true, false);
  return out;
}

// "/a/b/" → {"a", "b", ""}; "/" → {""}. `path` starts with '/'.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 1;
  for (;;) {
    auto slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

void parse_query(std::string_view qs, std::map<std::string, std::string>& out) {
  while (!qs.empty()) {
    auto amp = qs.find('&');
    auto part = qs.substr(0, amp);
    qs = amp == std::string_view::npos ? std::string_view{} : qs.substr(amp + 1);
    if (part.empty()) continue;
    auto eq = part.find('=');
    auto key = part.substr(0, eq);
    auto value = eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1);
    out.insert_or_assign(lenient_decode(key), lenient_decode(value));
  }
}

// Escapes a string for a JSON string literal (bytes outside ASCII as \u00XX: the line stays
// valid JSON whatever a client sent).
void append_json_escaped(std::string& out, std::string_view s) {
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7f) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
}

bool has_crlf_or_nul(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

bool is_json_type(std::string_view type) {
  return type.starts_with("application/json") || type.find("+json") != std::string_view::npos;
}

void log_json(spdlog::level::level_enum level, const json& j) {
  auto* logger = spdlog::default_logger_raw();
  if (!logger->should_log(level)) return;
  logger->log(level, spdlog::string_view_t(j.dump(-1, ' ', false, json::error_handler_t::replace)));
}

// One JSON line per request; built by hand, it is on every request's path.
void access_log(std::string_view method, std::string_view target, int status, std::size_t bytes,
                std::chrono::steady_clock::time_point started) {
  auto* logger = spdlog::default_logger_raw();
  if (!logger->should_log(spdlog::level::info)) return;
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::string line;
  line.reserve(112 + method.size() + target.size());
  line += R"({"event":"http_request","method":")";
  append_json_escaped(line, method.empty() ? std::string_view("-") : method);
  line += R"(","target":")";
  append_json_escaped(line, target.empty() ? std::string_view("-") : target);
  fmt::format_to(std::back_inserter(line), R"(","status":{},"bytes":{},"duration_ms":{:.3f}}})",
                 status, bytes, ms);
  logger->log(spdlog::level::info, spdlog::string_view_t(line));
}

// ---- per-connection state ----------------------------------------------------------------

struct Session {
  explicit Session(tcp::socket socket) : stream(std::move(socket)), ex(stream.get_executor()) {}
  beast::tcp_stream stream;  // moved into `tls` when the server speaks TLS
  std::unique_ptr<beast::ssl_stream<beast::tcp_stream>> tls;
  asio::any_io_executor ex;  // the connection's strand
  // Receiving, handling or answering a request: a stop lets it finish. Touched on the strand only.
  bool busy = false;
  beast::tcp_stream& lowest() { return tls ? beast::get_lowest_layer(*tls) : stream; }

  // The connection's reads and writes, over TLS or not.
  template <class Buffer>
  auto read_some(const Buffer& b) {
    return tls ? tls->async_read_some(b, asio::as_tuple(asio::use_awaitable))
               : stream.async_read_some(b, asio::as_tuple(asio::use_awaitable));
  }
  template <class Buffer>
  auto write_all(const Buffer& b) {
    return tls ? asio::async_write(*tls, b, asio::as_tuple(asio::use_awaitable))
               : asio::async_write(stream, b, asio::as_tuple(asio::use_awaitable));
  }
  template <class Parser>
  auto read_header(beast::flat_buffer& buffer, Parser& parser) {
    return tls ? bhttp::async_read_header(*tls, buffer, parser, asio::as_tuple(asio::use_awaitable))
               : bhttp::async_read_header(stream, buffer, parser,
                                          asio::as_tuple(asio::use_awaitable));
  }
  template <class Parser>
  auto read_rest(beast::flat_buffer& buffer, Parser& parser) {
    return tls ? bhttp::async_read(*tls, buffer, parser, asio::as_tuple(asio::use_awaitable))
               : bhttp::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
  }
  template <class Message>
  auto write_message(Message& m) {
    return tls ? bhttp::async_write(*tls, m, asio::as_tuple(asio::use_awaitable))
               : bhttp::async_write(stream, m, asio::as_tuple(asio::use_awaitable));
  }
};

// Logs what escapes a detached coroutine (nothing should: errors are values in there).
struct LogEscaped {
  const char* what;
  void operator()(std::exception_ptr e) const {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& x) {
      log_json(spdlog::level::err,
               {{"event", "http_internal_error"}, {"in", what}, {"error", x.what()}});
    } catch (...) {
      log_json(spdlog::level::err, {{"event", "http_internal_error"}, {"in", what}});
    }
  }
};

}  // namespace

// ---- Response ----------------------------------------------------------------------------

Response Response::json(const nlohmann::json& body, int status) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::error(int status, std::string code, std::string message,
                         nlohmann::json details) {
  return json({{"error",
                {{"code", std::move(code)},
                 {"message", std::move(message)},
                 {"details", std::move(details)}}}},
              status);
}

// ---- Router ------------------------------------------------------------------------------

void Router::add(std::string method, std::string pattern, Handler h) {
  if (method.empty()) throw std::invalid_argument("Router::add: empty method");
  for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument("Router::add: pattern must start with '/': " + pattern);
  if (!h) throw std::invalid_argument("Router::add: empty handler for " + pattern);

  Route route{std::move(method), pattern, {}, std::move(h)};
  std::set<std::string, std::less<>> names;
  for (auto seg : split_path(pattern)) {
    if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
      auto name = seg.substr(1, seg.size() - 2);
      if (name.empty() || name.find_first_of("{}") != std::string_view::npos ||
          !names.emplace(name).second)
        throw std::invalid_argument("Router::add: bad or repeated parameter in " + pattern);
      route.segments.push_back({std::string(name), true});
    } else if (seg.find_first_of("{}") != std::string_view::npos) {
      throw std::invalid_argument("Router::add: a parameter must be a whole segment: " + pattern);
    } else {
      route.segments.push_back({std::string(seg), false});
    }
  }
  for (const auto& r : routes_) {
    bool same = r.method == route.method && r.segments.size() == route.segments.size();
    for (std::size_t i = 0; same && i < r.segments.size(); ++i)
      same = r.segments[i].param == route.segments[i].param &&
             (r.segments[i].param || r.segments[i].text == route.segments[i].text);
    if (same)
      throw std::invalid_argument("Router::add: " + route.method + " " + pattern + " duplicates " +
                                  r.pattern);
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match m;
  if (path.empty() || path.front() != '/') {
    m.error =
        Response::error(400, "bad_request", "The request target must be a path starting with '/'.");
    return m;
  }
  std::vector<std::string> segs;
  for (auto raw : split_path(path)) {
    std::string decoded;
    if (!percent_decode(raw, decoded, false, true)) {
      m.error = Response::error(400, "bad_request", "The path has a malformed percent-escape.",
                                {{"path", std::string(path)}});
      return m;
    }
    segs.push_back(std::move(decoded));
  }

  auto fits = [&](const Route& r) {
    if (r.segments.size() != segs.size()) return false;
    for (std::size_t i = 0; i < segs.size(); ++i) {
      const auto& s = r.segments[i];
      if (s.param ? segs[i].empty() : s.text != segs[i]) return false;
    }
    return true;
  };
  // a before b when a has a literal where b first has a parameter.
  auto more_specific = [](const Route& a, const Route& b) {
    for (std::size_t i = 0; i < a.segments.size(); ++i)
      if (a.segments[i].param != b.segments[i].param) return !a.segments[i].param;
    return false;
  };

  const Route* best = nullptr;
  const Route* best_get = nullptr;  // a HEAD is answered by GET's handler
  std::vector<std::string> allowed;
  for (const auto& r : routes_) {
    if (!fits(r)) continue;
    if (std::find(allowed.begin(), allowed.end(), r.method) == allowed.end())
      allowed.push_back(r.method);
    if (r.method == method) {
      if (!best || more_specific(r, *best)) best = &r;
    } else if (method == "HEAD" && r.method == "GET") {
      if (!best_get || more_specific(r, *best_get)) best_get = &r;
    }
  }
  if (!best) best = best_get;
  if (best) {
    m.handler = &best->handler;
    for (std::size_t i = 0; i < segs.size(); ++i)
      if (best->segments[i].param) m.params.emplace(best->segments[i].text, std::move(segs[i]));
    return m;
  }
  if (allowed.empty() && fallback_ && (method == "GET" || method == "HEAD")) {
    m.handler = &fallback_;
    return m;
  }
  if (allowed.empty()) {
    m.error = Response::error(404, "not_found", "There is no resource at this path.",
                              {{"path", std::string(path)}});
    return m;
  }
  if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end() &&
      std::find(allowed.begin(), allowed.end(), "HEAD") == allowed.end())
    allowed.push_back("HEAD");
  std::sort(allowed.begin(), allowed.end());
  std::string allow;
  for (const auto& a : allowed) allow += (allow.empty() ? "" : ", ") + a;
  m.error = Response::error(405, "method_not_allowed",
                            fmt::format("{} is not allowed here; allowed: {}.", method, allow),
                            {{"method", std::string(method)}, {"allowed", allowed}});
  m.error.headers.emplace_back("Allow", std::move(allow));
  return m;
}

// ---- Server ------------------------------------------------------------------------------

class Server::Impl {
 public:
  Impl(ServerOptions options, Router router)
      : opts_(std::move(options)),
        router_(std::move(router)),
        ioc_(std::max(1, opts_.io_threads)),
        control_(asio::make_strand(ioc_)),
        acceptor_(control_),
        signals_(control_),
        pool_(static_cast<std::size_t>(std::max(1, opts_.worker_threads))) {
    port_ = opts_.port;
    if (!opts_.tls_cert.empty() || !opts_.tls_key.empty()) {
      if (opts_.tls_cert.empty() || opts_.tls_key.empty())
        throw std::invalid_argument("TLS needs both a certificate and a private key");
      ssl_ = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
      ssl_->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                        asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                        asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
      error_code ec;
      ssl_->use_certificate_chain_file(opts_.tls_cert, ec);
      if (ec)
        throw std::invalid_argument("cannot read the TLS certificate " + opts_.tls_cert + ": " +
                                    ec.message());
      ssl_->use_private_key_file(opts_.tls_key, asio::ssl::context::pem, ec);
      if (ec)
        throw std::invalid_argument("cannot read the TLS private key " + opts_.tls_key + ": " +
                                    ec.message());
    }
  }

  ~Impl() {
    request_stop();
    finish();
    // Members go in reverse order: the pool (waits for a handler still running after a
    // shutdown timeout), then the io_context, whose abandoned coroutines deregister from the
    // bookkeeping declared before it.
  }

  unsigned short port() const { return port_.load(); }

  void start() {
    std::lock_guard life(lifecycle_mu_);
    if (started_ || finished_) return;
    {
      std::lock_guard lk(mu_);
      if (stop_requested_) return;
    }
    try {
      auto endpoint = resolve(opts_.host, opts_.port);
      acceptor_.open(endpoint.protocol());
      acceptor_.set_option(tcp::acceptor::reuse_address(true));
      acceptor_.bind(endpoint);
      acceptor_.listen(asio::socket_base::max_listen_connections);
    } catch (...) {
      error_code ignored;
      acceptor_.close(ignored);
      throw;
    }
    port_ = acceptor_.local_endpoint().port();

    signals_.add(SIGINT);
    signals_.add(SIGTERM);
    signals_.async_wait([this](const error_code& ec, int signal) {
      if (ec) return;
      log_json(spdlog::level::info,
               {{"event", "http_signal"}, {"signal", signal == SIGINT ? "SIGINT" : "SIGTERM"}});
      request_stop();
    });

    listener_done_ = false;
    asio::co_spawn(control_, accept_loop(), LogEscaped{"accept"});
    work_.emplace(ioc_.get_executor());
    int n = std::max(1, opts_.io_threads);
    threads_.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) threads_.emplace_back([this] { io_thread(); });
    started_ = true;
    log_json(spdlog::level::debug,
             {{"event", "http_listening"}, {"host", opts_.host}, {"port", port()}});
  }

  void run() {
    start();
    {
      std::unique_lock lk(mu_);
      cv_.wait(lk, [&] { return stop_requested_; });
    }
    if (!on_own_thread()) finish();
  }

  void stop() {
    request_stop();
    if (!on_own_thread()) finish();
  }

 private:
  bool on_own_thread() {
    return ioc_.get_executor().running_in_this_thread() ||
           pool_.get_executor().running_in_this_thread();
  }

  tcp::endpoint resolve(const std::string& host, unsigned short port) {
    std::string h = host.empty() ? "0.0.0.0" : host;
    if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
    error_code ec;
    auto address = asio::ip::make_address(h, ec);
    if (!ec) return {address, port};
    tcp::resolver resolver(ioc_);
    auto results = resolver.resolve(h, std::to_string(port), tcp::resolver::passive);  // throws
    return results.begin()->endpoint();
  }

  void io_thread() {
    for (;;) {
      try {
        ioc_.run();
        return;
      } catch (const std::exception& e) {  // handlers do not throw; keep serving if one did
        log_json(spdlog::level::err, {{"event", "http_io_error"}, {"error", e.what()}});
      } catch (...) {
        log_json(spdlog::level::err, {{"event", "http_io_error"}});
      }
    }
  }

  // Asks for the stop; never blocks. Safe from any thread, including the server's own.
  void request_stop() {
    std::vector<std::shared_ptr<Session>> live;
    {
      std::lock_guard lk(mu_);
      if (stop_requested_) return;
      stop_requested_ = true;
      stopping_ = true;
      live.reserve(sessions_.size());
      for (auto& [ptr, s] : sessions_) live.push_back(s);
    }
    cv_.notify_all();
    if (started_)
      log_json(spdlog::level::info,
               {{"event", "http_stopping"}, {"open_connections", live.size()}});
    for (auto& s : live)
      asio::post(s->ex, [s] {
        if (!s->busy) s->lowest().cancel();  // idle: end it now; busy: it ends after its reply
      });
    asio::post(control_, [this] {
      error_code ignored;
      acceptor_.close(ignored);
      signals_.cancel(ignored);
    });
  }

  // Waits (bounded) for the connections to end, then stops the I/O threads. Once; blocking.
  void finish() {
    std::lock_guard life(lifecycle_mu_);
    if (finished_) return;
    finished_ = true;
    if (!started_) return;
    bool drained = false;
    {
      std::unique_lock lk(mu_);
      drained = cv_.wait_for(lk, opts_.shutdown_timeout,
                             [&] { return sessions_.empty() && listener_done_; });
      if (!drained)
        log_json(spdlog::level::warn, {{"event", "http_shutdown_timeout"},
                                       {"open_connections", sessions_.size()},
                                       {"timeout_s", opts_.shutdown_timeout.count()}});
    }
    work_.reset();
    ioc_.stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
    if (!drained) {
      // No I/O thread runs now: drop the connections still open, so their clients see the end.
      // Their coroutines stay suspended until the io_context is destroyed (~Impl); a handler
      // still running on the pool is waited for there.
      std::lock_guard lk(mu_);
      for (auto& [ptr, s] : sessions_) {
        error_code ignored;
        s->lowest().socket().close(ignored);
      }
      error_code ignored;
      acceptor_.close(ignored);
    }
    log_json(spdlog::level::info, {{"event", "http_stopped"}});
  }

  asio::awaitable<void> accept_loop() {
    struct Done {
      Impl* self;
      ~Done() {
        {
          std::lock_guard lk(self->mu_);
          self->listener_done_ = true;
        }
        self->cv_.notify_all();
      }
    } done{this};

    for (;;) {
      asio::any_io_executor strand = asio::make_strand(ioc_);
      auto [ec, socket] =
          co_await acceptor_.async_accept(strand, asio::as_tuple(asio::use_awaitable));
      if (stopping_ || !acceptor_.is_open()) co_return;
      if (ec) {
        if (ec == asio::error::operation_aborted) co_return;
        // Out of file descriptors and the like: say so, breathe, go on.
        log_json(spdlog::level::warn, {{"event", "http_accept_failed"}, {"error", ec.message()}});
        asio::steady_timer pause(co_await asio::this_coro::executor, std::chrono::milliseconds(50));
        co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
        continue;
      }
      error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      auto session = std::make_shared<Session>(std::move(socket));
      {
        std::lock_guard lk(mu_);
        if (stop_requested_) co_return;
        sessions_.emplace(session.get(), session);
      }
      auto ex = session->ex;
      asio::co_spawn(ex, serve(std::move(session)), LogEscaped{"connection"});
    }
  }

  // The one place where a handler's failure becomes a response.
  Response dispatch(Request& req) const {
    try {
      auto m = router_.match(req.method, req.path);
      if (!m) return std::move(m.error);
      req.path_params = std::move(m.params);
      Response res = (*m.handler)(req);
      if (res.status < 200 || res.status > 599)
        throw std::logic_error(fmt::format("handler returned status {}", res.status));
      return res;
    } catch (const std::exception& e) {
      log_json(spdlog::level::err, {{"event", "http_handler_error"},
                                    {"method", req.method},
                                    {"target", req.target},
                                    {"error", e.what()}});
    } catch (...) {
      log_json(spdlog::level::err, {{"event", "http_handler_error"},
                                    {"method", req.method},
                                    {"target", req.target},
                                    {"error", "unknown exception"}});
    }
    return Response::error(500, "internal_error", "The server could not complete the request.");
  }

  static Request make_request(bhttp::request<bhttp::string_body>& msg) {
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    std::string_view target = req.target;
    auto q = target.find('?');
    req.path = std::string(target.substr(0, q));
    if (q != std::string_view::npos) parse_query(target.substr(q + 1), req.query);
    for (const auto& f : msg) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto [it, inserted] = req.headers.try_emplace(std::move(name), f.value());
      if (!inserted) {
        it->second += ", ";
        it->second += f.value();
      }
    }
    req.body = std::move(msg.body());
    return req;
  }

  // Writes `res`; logs the access line. False when the connection failed.
  asio::awaitable<bool> reply(Session& s, Response res, std::string_view method,
                              std::string_view target, unsigned version, bool keep_alive, bool head,
                              std::chrono::steady_clock::time_point started) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status),
                                            version < 10 ? 11u : version};
    const bool bodiless = res.status == 204 || res.status == 304;
    if (!bodiless && !res.content_type.empty())
      out.set(bhttp::field::content_type, res.content_type);
    // Security headers on every response (a handler's header of the same name replaces one).
    out.set("X-Content-Type-Options", "nosniff");
    out.set("X-Frame-Options", "DENY");
    out.set("Referrer-Policy", "no-referrer");
    out.set("Content-Security-Policy", kContentSecurityPolicy);
    out.set("Cross-Origin-Opener-Policy", "same-origin");
    out.set("Cross-Origin-Resource-Policy", "same-origin");
    out.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (opts_.hsts) out.set("Strict-Transport-Security", "max-age=31536000");
    if (is_json_type(res.content_type)) out.set(bhttp::field::cache_control, "no-store");
    for (const auto& [name, value] : res.headers) {
      if (name.empty() || has_crlf_or_nul(name) || has_crlf_or_nul(value)) {
        log_json(spdlog::level::warn, {{"event", "http_bad_header_dropped"}, {"name", name}});
        continue;
      }
      // Set-Cookie may repeat; any other header replaces the default of its name.
      if (beast::iequals(name, "Set-Cookie"))
        out.insert(name, value);
      else
        out.set(name, value);
    }
    if (!bodiless) out.body() = std::move(res.body);
    out.prepare_payload();
    if (head) {
      auto length = out.body().size();
      out.body().clear();
      out.content_length(length);
    }
    out.keep_alive(keep_alive && !stopping_);  // a stop during the handler closes after the reply
    const std::size_t bytes = out.body().size();

    s.lowest().expires_after(opts_.read_timeout);
    auto [ec, n] = co_await s.write_message(out);
    access_log(method, target, res.status, bytes, started);
    co_return !ec;
  }

  // Half-closes, then reads and discards what the client is still sending, briefly.
  asio::awaitable<void> linger_close(Session& s) {
    s.busy = false;  // a stop may cut this short
    error_code ignored;
    s.lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (stopping_) co_return;
    s.lowest().expires_after(kLingerTime);
    std::array<char, 8192> scratch;
    for (std::size_t total = 0; total < kLingerBytes;) {
      auto [ec, n] = co_await s.lowest().async_read_some(asio::buffer(scratch),
                                                         asio::as_tuple(asio::use_awaitable));
      if (ec) break;
      total += n;
    }
  }

  asio::awaitable<void> serve(std::shared_ptr<Session> session) {
    struct Forget {
      Impl* self;
      Session* s;
      ~Forget() {
        {
          std::lock_guard lk(self->mu_);
          self->sessions_.erase(s);
        }
        self->cv_.notify_all();
      }
    } forget{this, session.get()};

    Session& s = *session;
    if (ssl_) {
      // TLS: the handshake within the read timeout, before anything else.
      s.tls = std::make_unique<beast::ssl_stream<beast::tcp_stream>>(std::move(s.stream), *ssl_);
      s.lowest().expires_after(opts_.read_timeout);
      auto [hs] = co_await s.tls->async_handshake(asio::ssl::stream_base::server,
                                                  asio::as_tuple(asio::use_awaitable));
      if (hs) {
        log_json(spdlog::level::debug,
                 {{"event", "tls_handshake_failed"}, {"error", hs.message()}});
        co_return;
      }
    }
    beast::flat_buffer buffer;
    error_code ec;
    std::size_t n = 0;
    for (bool first = true;; first = false) {
      s.busy = false;
      if (stopping_) break;
      // Wait for the first bytes of the next request: the idle timeout on a kept-alive connection.
      if (buffer.size() == 0) {
        s.lowest().expires_after(first ? opts_.read_timeout : opts_.idle_timeout);
        std::tie(ec, n) = co_await s.read_some(buffer.prepare(kReadChunk));
        if (ec) break;  // closed, timed out, or cancelled by a stop
        buffer.commit(n);
      }
      s.busy = true;
      const auto started = std::chrono::steady_clock::now();

      // The whole request within read_timeout.
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(kHeaderLimit);
      parser.body_limit(opts_.body_limit);
      s.lowest().expires_after(opts_.read_timeout);
      std::tie(ec, n) = co_await s.read_header(buffer, parser);
      if (!ec && !parser.is_done()) {
        const auto& head = parser.get();
        if (head.version() >= 11 && beast::iequals(head[bhttp::field::expect], "100-continue"))
          std::tie(ec, n) = co_await s.write_all(asio::buffer(kContinue));
        if (!ec) std::tie(ec, n) = co_await s.read_rest(buffer, parser);
      }

      if (ec) {
        std::optional<Response> res;
        if (ec == bhttp::error::body_limit) {
          res = Response::error(
              413, "payload_too_large",
              fmt::format("The request body is larger than {} bytes.", opts_.body_limit),
              {{"limit_bytes", opts_.body_limit}});
        } else if (ec == bhttp::error::header_limit) {
          res = Response::error(
              431, "headers_too_large",
              fmt::format("The request headers are larger than {} bytes.", kHeaderLimit));
        } else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
                   ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message &&
                   ec != bhttp::error::short_read) {
          res = Response::error(400, "bad_request", "The request is not valid HTTP/1.1.",
                                {{"reason", ec.message()}});
        }
        // Otherwise: the client went away or was too slow (the stream is closed on a timeout).
        if (res) {
          const auto& m = parser.get();
          if (co_await reply(s, std::move(*res), m.method_string(), m.target(), 11, false, false,
                             started))
            co_await linger_close(s);
        }
        break;
      }

      auto& msg = parser.get();
      const bool keep_alive = msg.keep_alive();
      const bool head = msg.method() == bhttp::verb::head;
      const unsigned version = msg.version();
      Request req = make_request(msg);
      {
        error_code ep_ec;
        auto ep = s.lowest().socket().remote_endpoint(ep_ec);
        if (!ep_ec) req.remote = ep.address().to_string();
      }

      // The handler runs on the worker pool; this coroutine resumes on its strand afterwards.
      Response res = co_await asio::co_spawn(
          pool_, [this, &req]() -> asio::awaitable<Response> { co_return dispatch(req); },
          asio::use_awaitable);

      if (!co_await reply(s, std::move(res), req.method, req.target, version, keep_alive, head,
                          started))
        break;
      if (!keep_alive || stopping_) {
        error_code ignored;
        s.lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
        break;
      }
    }
  }

  ServerOptions opts_;
  Router router_;
  std::atomic<unsigned short> port_{0};

  // Bookkeeping. Declared before the io_context: coroutines it destroys at the end touch it.
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_requested_ = false;                                      // under mu_
  bool listener_done_ = true;                                        // under mu_
  std::unordered_map<Session*, std::shared_ptr<Session>> sessions_;  // under mu_
  std::atomic<bool> stopping_{false};

  std::mutex lifecycle_mu_;  // start() and finish(), one at a time
  std::atomic<bool> started_{false};
  bool finished_ = false;  // under lifecycle_mu_

  asio::io_context ioc_;
  asio::strand<asio::io_context::executor_type> control_;  // the acceptor and the signals
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work_;
  asio::thread_pool pool_;
  std::vector<std::thread> threads_;
  std::unique_ptr<asio::ssl::context> ssl_;  // when serving TLS
};

Server::Server(ServerOptions options, Router router)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router))) {}

Server::~Server() = default;

unsigned short Server::port() const {
  return impl_->port();
}
void Server::start() {
  impl_->start();
}
void Server::run() {
  impl_->run();
}
void Server::stop() {
  impl_->stop();
}

}  // namespace hearth::http
