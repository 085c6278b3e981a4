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
#include <sys/resource.h>

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
#include <limits>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "http/detail.hpp"
#include "http/server_log.hpp"

namespace hearth::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using nlohmann::json;
using error_code = boost::system::error_code;
using detail::access_log;
using detail::handler_failed;
using detail::has_crlf_or_nul;
using detail::is_json_type;
using detail::log_json;

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

// ---- per-connection state ----------------------------------------------------------------

struct Session {
  explicit Session(tcp::socket socket) : stream(std::move(socket)), ex(stream.get_executor()) {}
  beast::tcp_stream stream;  // moved into `tls` when the server speaks TLS
  std::unique_ptr<beast::ssl_stream<beast::tcp_stream>> tls;
  asio::any_io_executor ex;  // the connection's strand
  std::string peer;          // the peer's address, counted against the per-address cap
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
        pool_(static_cast<std::size_t>(std::max(1, opts_.worker_threads))),
        light_pool_(static_cast<std::size_t>(std::max(1, opts_.light_threads))) {
    port_ = opts_.port;
    max_connections_ =
        opts_.max_connections >= 0 ? opts_.max_connections : default_max_connections();
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
           pool_.get_executor().running_in_this_thread() ||
           light_pool_.get_executor().running_in_this_thread();
  }

  // The descriptor limit less a reserve (database connections, files, the log), at least 64.
  static int default_max_connections() {
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return 10000;
    long n = static_cast<long>(rl.rlim_cur) - 128;
    return static_cast<int>(std::clamp<long>(n * 9 / 10, 64, 1000000));
  }

  // Takes a connection slot for `peer`, or false when a cap is reached.
  bool admit_connection(const std::string& peer) {
    if (max_connections_ > 0 && static_cast<int>(sessions_.size()) >= max_connections_)
      return false;
    int& n = per_address_[peer];
    if (opts_.max_connections_per_address > 0 && n >= opts_.max_connections_per_address) {
      if (n == 0) per_address_.erase(peer);
      return false;
    }
    ++n;
    return true;
  }

  // Refuses a connection over a cap: a short 503 written without waiting, then closed.
  void refuse_connection(tcp::socket& socket, const std::string& peer) {
    static const std::string kBusy = [] {
      std::string body = Response::error(503, "too_many_connections",
                                         "Too many connections are open: close some and try again.")
                             .body;
      return fmt::format(
          "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
          "Cache-Control: no-store\r\nConnection: close\r\nRetry-After: 5\r\n"
          "Content-Length: {}\r\n\r\n{}",
          body.size(), body);
    }();
    error_code ignored;
    socket.non_blocking(true, ignored);
    socket.write_some(asio::buffer(kBusy), ignored);
    socket.shutdown(tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
    auto refused = ++refused_connections_;
    // Logged at most once a second, with the count so far (a flood must not flood the log).
    auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    auto last = last_refusal_log_.load();
    if (now - last > std::chrono::steady_clock::duration(std::chrono::seconds(1)).count() &&
        last_refusal_log_.compare_exchange_strong(last, now))
      log_json(spdlog::level::warn,
               {{"event", "http_connection_refused"}, {"peer", peer}, {"refused_so_far", refused}});
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
      std::string peer;
      if (auto ep = socket.remote_endpoint(ignored); !ignored) peer = ep.address().to_string();
      bool admitted = false;
      {
        std::lock_guard lk(mu_);
        if (stop_requested_) co_return;
        admitted = admit_connection(peer);
      }
      if (!admitted) {
        refuse_connection(socket, peer);
        continue;
      }
      socket.set_option(tcp::no_delay(true), ignored);
      auto session = std::make_shared<Session>(std::move(socket));
      session->peer = std::move(peer);
      {
        std::lock_guard lk(mu_);
        sessions_.emplace(session.get(), session);
      }
      auto ex = session->ex;
      asio::co_spawn(ex, serve(std::move(session)), LogEscaped{"connection"});
    }
  }

  // The one place where a handler's failure becomes a response.
  Response dispatch(Request& req, const Handler& handler) const {
    try {
      Response res = handler(req);
      if (res.status < 200 || res.status > 599)
        throw std::logic_error(fmt::format("handler returned status {}", res.status));
      return res;
    } catch (const std::exception& e) {
      return handler_failed(req, e.what());
    } catch (...) {
      return handler_failed(req, "unknown exception");
    }
  }

  // The request as the handlers see it, from the header (the body is added once read).
  static Request make_request(const bhttp::request_header<>& msg) {
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    std::string_view target = req.target;
    auto q = target.find('?');
    req.path = std::string(target.substr(0, q));
    if (q != std::string_view::npos) detail::parse_query(target.substr(q + 1), req.query);
    for (const auto& f : msg) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto [it, inserted] = req.headers.try_emplace(std::move(name), f.value());
      if (!inserted) {
        it->second += ", ";
        it->second += f.value();
      }
    }
    return req;
  }

  // Writes `res`; logs the access line. False when the connection failed.
  asio::awaitable<bool> reply(Session& s, Response res, std::string_view method,
                              std::string_view target, unsigned version, bool keep_alive, bool head,
                              std::chrono::steady_clock::time_point started,
                              std::string_view route) {
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
    if (opts_.metrics)
      opts_.metrics->observe(
          method, route, res.status,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
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
          if (auto it = self->per_address_.find(s->peer);
              it != self->per_address_.end() && --it->second <= 0)
            self->per_address_.erase(it);
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
      // Wait for the first bytes of the next request: soon on a new connection (the first-byte
      // timeout), the idle timeout on a kept-alive one.
      if (buffer.size() == 0) {
        s.lowest().expires_after(first ? opts_.first_byte_timeout : opts_.idle_timeout);
        std::tie(ec, n) = co_await s.read_some(buffer.prepare(kReadChunk));
        if (ec) break;  // closed, timed out, or cancelled by a stop
        buffer.commit(n);
      }
      s.busy = true;
      const auto started = std::chrono::steady_clock::now();

      // The whole request within read_timeout. The header first: the route it is for decides
      // how large a body may follow, before any of it is read.
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(kHeaderLimit);
      // No limit while the header is read: the route's is set (and a Content-Length over it
      // answered) once the header is in, before any of the body is read.
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      s.lowest().expires_after(opts_.read_timeout);
      std::tie(ec, n) = co_await s.read_header(buffer, parser);
      std::size_t limit = opts_.body_limit;
      std::optional<Response> refusal;  // answered with the body unread; then the connection ends
      Request req;
      Router::Match match;
      if (!ec) {
        const auto& head = parser.get();
        req = make_request(head);
        req.remote = s.peer;
        std::vector<std::pair<std::string, std::string>> fields;
        for (const auto& f : head) {
          std::string name(f.name_string());
          for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          fields.emplace_back(std::move(name), std::string(f.value()));
        }
        if (auto problem = framing_problem(fields); !problem.empty()) {
          refusal = Response::error(400, "bad_request",
                                    "The request's framing is not valid HTTP/1.1: " + problem + ".",
                                    {{"reason", problem}});
        } else {
          match = router_.match(req.method, req.path);
          static const RouteOptions kDefaults;
          const RouteOptions& ro = match.options ? *match.options : kDefaults;
          limit = std::min(limit, ro.body_limit);
          if (auto length = parser.content_length(); length && *length > limit)
            refusal = too_large(limit);
          else if (match && ro.admit) {
            req.path_params = match.params;
            auto& admit = ro.admit;
            refusal = co_await asio::co_spawn(
                light_pool_,
                [this, &admit, &req]() -> asio::awaitable<std::optional<Response>> {
                  co_return admit_request(admit, req);
                },
                asio::use_awaitable);
          }
          parser.body_limit(limit);
        }
        if (!refusal && !parser.is_done()) {
          if (head.version() >= 11 && beast::iequals(head[bhttp::field::expect], "100-continue"))
            std::tie(ec, n) = co_await s.write_all(asio::buffer(kContinue));
          if (!ec) std::tie(ec, n) = co_await s.read_rest(buffer, parser);
        }
      }

      if (ec) {
        if (ec == bhttp::error::body_limit) {
          refusal = too_large(limit);
        } else if (ec == bhttp::error::header_limit) {
          refusal = Response::error(
              431, "headers_too_large",
              fmt::format("The request headers are larger than {} bytes.", kHeaderLimit));
        } else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
                   ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message &&
                   ec != bhttp::error::short_read) {
          refusal = Response::error(400, "bad_request", "The request is not valid HTTP/1.1.",
                                    {{"reason", plain_reason(ec)}});
        }
        // Otherwise: the client went away or was too slow (the stream is closed on a timeout).
      }
      if (refusal) {
        // A refused request's body (if any) is not read: answer, then close.
        const auto& m = parser.get();
        if (co_await reply(s, std::move(*refusal), m.method_string(), m.target(), 11, false, false,
                           started, match.handler ? match.route : "invalid"))
          co_await linger_close(s);
        break;
      }
      if (ec) break;

      auto& msg = parser.get();
      const bool keep_alive = msg.keep_alive();
      const bool head = msg.method() == bhttp::verb::head;
      const unsigned version = msg.version();
      req.body = std::move(msg.body());

      Response res;
      if (!match) {
        res = std::move(match.error);
      } else {
        req.path_params = std::move(match.params);
        const Handler& handler = *match.handler;
        const Lane lane = match.options ? match.options->lane : Lane::Normal;
        if (lane == Lane::Inline) {
          res = dispatch(req, handler);
        } else {
          // The handler runs on a pool; this coroutine resumes on its strand afterwards.
          auto run = [this, &req, &handler]() -> asio::awaitable<Response> {
            co_return dispatch(req, handler);
          };
          if (lane == Lane::Light)
            res = co_await asio::co_spawn(light_pool_, run, asio::use_awaitable);
          else
            res = co_await asio::co_spawn(pool_, run, asio::use_awaitable);
        }
      }

      if (!co_await reply(s, std::move(res), req.method, req.target, version, keep_alive, head,
                          started, match.route))
        break;
      if (!keep_alive || stopping_) {
        error_code ignored;
        s.lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
        break;
      }
    }
  }

  static Response too_large(std::size_t limit) {
    return Response::error(
        413, "payload_too_large",
        fmt::format("The request body is larger than this request may send ({} bytes).", limit),
        {{"limit_bytes", limit}});
  }

  // An admission check's answer; a failure in it is a 500 (logged), like a handler's.
  std::optional<Response> admit_request(
      const std::function<std::optional<Response>(const Request&)>& admit,
      const Request& req) const {
    try {
      return admit(req);
    } catch (const std::exception& e) {
      return handler_failed(req, e.what());
    } catch (...) {
      return handler_failed(req, "unknown exception");
    }
  }

  // Why a request is not valid HTTP, in our words (never the library's).
  static std::string plain_reason(const error_code& ec) {
    using E = bhttp::error;
    if (ec == E::bad_method) return "the method is not valid";
    if (ec == E::bad_target) return "the request target is not valid";
    if (ec == E::bad_version) return "the HTTP version is not valid";
    if (ec == E::bad_field || ec == E::bad_value) return "a header field is not valid";
    if (ec == E::bad_content_length || ec == E::multiple_content_length)
      return "the Content-Length is not valid";
    if (ec == E::bad_transfer_encoding) return "the Transfer-Encoding is not valid";
    if (ec == E::bad_chunk || ec == E::bad_chunk_extension) return "a chunk is not valid";
    if (ec == E::bad_line_ending) return "a line ending is not CRLF";
    return "the request could not be read";
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
  std::unordered_map<std::string, int> per_address_;                 // under mu_
  int max_connections_ = 0;                                          // 0: no cap
  std::atomic<std::uint64_t> refused_connections_{0};
  std::atomic<std::int64_t> last_refusal_log_{0};
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
  asio::thread_pool light_pool_;  // Lane::Light handlers and admission checks
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
