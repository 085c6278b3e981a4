#include "http/server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <csignal>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace hearth::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using nlohmann::json;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using HttpResponse = bhttp::response<bhttp::string_body>;

// A small synchronous HTTP/1.1 client on one connection.
class Client {
 public:
  explicit Client(unsigned short port) : stream_(ioc_) {
    stream_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  }

  HttpResponse send(bhttp::verb method, const std::string& target, std::string body = {},
                    bool keep_alive = true, bool chunked = false) {
    bhttp::request<bhttp::string_body> req{method, target, 11};
    req.set(bhttp::field::host, "127.0.0.1");
    if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
    req.body() = std::move(body);
    req.prepare_payload();
    if (chunked) req.chunked(true);
    req.keep_alive(keep_alive);
    bhttp::write(stream_, req);
    return read();
  }
  HttpResponse get(const std::string& target) { return send(bhttp::verb::get, target); }

  HttpResponse read() {
    HttpResponse res;
    bhttp::read(stream_, buffer_, res);
    return res;
  }
  // A response to a HEAD request has a Content-Length but no body.
  bhttp::response<bhttp::empty_body> read_head() {
    bhttp::response_parser<bhttp::empty_body> parser;
    parser.skip(true);
    bhttp::read(stream_, buffer_, parser);
    return parser.release();
  }

  void write_raw(std::string_view bytes) { asio::write(stream_.socket(), asio::buffer(bytes)); }

  // Blocks until the server closes the connection; true if it did so without sending more.
  bool closed_by_server() {
    beast::error_code ec;
    char c;
    std::size_t n = stream_.socket().read_some(asio::buffer(&c, 1), ec);
    return n == 0 && (ec == asio::error::eof || ec == asio::error::connection_reset);
  }

 private:
  asio::io_context ioc_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
};

json body_of(const HttpResponse& res) {
  return json::parse(res.body());
}

void expect_error_shape(const HttpResponse& res, int status, const std::string& code) {
  EXPECT_EQ(res.result_int(), static_cast<unsigned>(status));
  EXPECT_EQ(res[bhttp::field::content_type], "application/json");
  json j = body_of(res);
  ASSERT_TRUE(j.contains("error")) << res.body();
  EXPECT_EQ(j["error"]["code"], code);
  EXPECT_TRUE(j["error"]["message"].is_string());
  EXPECT_TRUE(j["error"]["details"].is_object());
}

// Lets a test hold a handler inside the worker pool until it says so.
struct Gate {
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released{release.get_future().share()};
};

class ServerTest : public ::testing::Test {
 protected:
  static ServerOptions quick_options() {
    ServerOptions o;
    o.port = 0;
    o.io_threads = 2;
    o.worker_threads = 2;
    o.body_limit = 1024;
    o.read_timeout = 2s;
    o.idle_timeout = 1s;
    o.shutdown_timeout = 3s;
    return o;
  }

  Router routes() {
    Router r;
    r.add("GET", "/api/v1/hello", [](const Request&) {
      return Response::json({{"hello", "world"}});
    });
    r.add("GET", "/api/v1/children/{id}", [](const Request& req) {
      return Response::json({{"id", req.path_params.at("id")}});
    });
    r.add("GET", "/api/v1/children/search", [](const Request&) {
      return Response::json({{"route", "search"}});
    });
    r.add("GET", "/api/v1/children/{id}/episodes/{n}", [](const Request& req) {
      return Response::json({{"id", req.path_params.at("id")},
                             {"n", req.path_params.at("n")},
                             {"query", req.query},
                             {"path", req.path}});
    });
    r.add("POST", "/api/v1/echo", [](const Request& req) {
      return Response::json(
          {{"bytes", req.body.size()},
           {"content_type",
            req.headers.count("content-type") ? req.headers.at("content-type") : ""}});
    });
    r.add("GET", "/boom", [](const Request&) -> Response {
      throw std::runtime_error("secret detail from the database");
    });
    r.add("GET", "/text", [](const Request&) {
      Response res;
      res.content_type = "text/plain; charset=utf-8";
      res.body = "plain";
      res.headers.emplace_back("X-Custom", "yes");
      return res;
    });
    r.add("GET", "/gate", [this](const Request&) {
      gate_.entered.set_value();
      gate_.released.wait_for(5s);  // bounded: a broken server fails the test, it does not hang it
      return Response::json({{"gate", "passed"}});
    });
    return r;
  }

  Server& start(ServerOptions o = quick_options()) {
    server_ = std::make_unique<Server>(o, routes());
    server_->start();
    return *server_;
  }

  unsigned short port() const { return server_->port(); }

  Gate gate_;
  std::unique_ptr<Server> server_;
};

TEST_F(ServerTest, AGetRouteAnswersJsonWith200AndTheSecurityHeaders) {
  start();
  EXPECT_NE(port(), 0);
  Client c(port());
  auto res = c.get("/api/v1/hello");
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(body_of(res), (json{{"hello", "world"}}));
  EXPECT_EQ(res[bhttp::field::content_type], "application/json");
  EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(res["X-Frame-Options"], "DENY");
  EXPECT_EQ(res["Referrer-Policy"], "no-referrer");
  EXPECT_EQ(res[bhttp::field::cache_control], "no-store");
  EXPECT_TRUE(res["Content-Security-Policy"].starts_with("default-src 'self'"));
}

TEST_F(ServerTest, ANonJsonResponseKeepsItsTypeAndHeadersAndStillGetsTheSecurityHeaders) {
  start();
  Client c(port());
  auto res = c.get("/text");
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res.body(), "plain");
  EXPECT_EQ(res[bhttp::field::content_type], "text/plain; charset=utf-8");
  EXPECT_EQ(res["X-Custom"], "yes");
  EXPECT_EQ(res["X-Frame-Options"], "DENY");
  EXPECT_EQ(res.count(bhttp::field::cache_control), 0u);
}

TEST_F(ServerTest, AnUnknownPathGets404WithTheErrorShape) {
  start();
  Client c(port());
  auto res = c.get("/api/v1/nothing-here");
  expect_error_shape(res, 404, "not_found");
  EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
  // A trailing slash is another path.
  expect_error_shape(c.get("/api/v1/hello/"), 404, "not_found");
}

TEST_F(ServerTest, AWrongMethodGets405WithAnAllowHeader) {
  start();
  Client c(port());
  auto res = c.send(bhttp::verb::delete_, "/api/v1/hello");
  expect_error_shape(res, 405, "method_not_allowed");
  EXPECT_EQ(res[bhttp::field::allow], "GET, HEAD");
  EXPECT_EQ(body_of(res)["error"]["details"]["allowed"], (json{"GET", "HEAD"}));
  EXPECT_EQ(c.get("/api/v1/echo").result_int(), 405u);
}

TEST_F(ServerTest, PathParametersAndTheQueryAreDecodedAndALiteralSegmentBeatsAParameter) {
  start();
  Client c(port());
  auto res = c.get("/api/v1/children/A%20B%2F7/episodes/3?year=2024-25&name=J+Smith&flag");
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  json j = body_of(res);
  EXPECT_EQ(j["id"], "A B/7");
  EXPECT_EQ(j["n"], "3");
  EXPECT_EQ(j["query"], (json{{"year", "2024-25"}, {"name", "J Smith"}, {"flag", ""}}));
  EXPECT_EQ(j["path"], "/api/v1/children/A%20B%2F7/episodes/3");

  EXPECT_EQ(body_of(c.get("/api/v1/children/42")), (json{{"id", "42"}}));
  EXPECT_EQ(body_of(c.get("/api/v1/children/search")), (json{{"route", "search"}}));
  // An empty segment does not match a parameter; a bad escape is the client's mistake.
  expect_error_shape(c.get("/api/v1/children//episodes/3"), 404, "not_found");
  expect_error_shape(c.get("/api/v1/children/%zz"), 400, "bad_request");
}

TEST_F(ServerTest, TwoRequestsShareOneKeptAliveConnection) {
  start();
  Client c(port());
  auto first = c.get("/api/v1/hello");
  EXPECT_EQ(first.result_int(), 200u);
  EXPECT_TRUE(first.keep_alive());
  auto second = c.get("/api/v1/children/7");
  EXPECT_EQ(second.result_int(), 200u);
  EXPECT_EQ(body_of(second)["id"], "7");

  // Connection: close is honoured.
  auto last = c.send(bhttp::verb::get, "/api/v1/hello", {}, /*keep_alive=*/false);
  EXPECT_EQ(last.result_int(), 200u);
  EXPECT_FALSE(last.keep_alive());
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(ServerTest, ABodyOverTheLimitGets413AndOneWithinItIsServed) {
  start();
  {
    Client c(port());
    auto res = c.send(bhttp::verb::post, "/api/v1/echo", std::string(2000, 'x'));
    expect_error_shape(res, 413, "payload_too_large");
    EXPECT_EQ(body_of(res)["error"]["details"]["limit_bytes"], 1024);
    EXPECT_FALSE(res.keep_alive());
  }
  {
    // Without a Content-Length the limit is found while reading the chunks.
    Client c(port());
    auto res =
        c.send(bhttp::verb::post, "/api/v1/echo", std::string(4000, 'x'), true, /*chunked=*/true);
    expect_error_shape(res, 413, "payload_too_large");
  }
  Client c(port());
  auto res = c.send(bhttp::verb::post, "/api/v1/echo", std::string(1000, 'x'));
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_EQ(body_of(res), (json{{"bytes", 1000}, {"content_type", "application/json"}}));
}

TEST_F(ServerTest, AnExpectContinueRequestGets100BeforeItSendsTheBody) {
  start();
  Client c(port());
  c.write_raw(
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
      "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(c.read().result_int(), 100u);
  c.write_raw("hello");
  auto res = c.read();
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(body_of(res)["bytes"], 5);
}

TEST_F(ServerTest, AHandlerThatThrowsGives500AndTheServerKeepsServing) {
  start();
  Client c(port());
  auto res = c.get("/boom");
  expect_error_shape(res, 500, "internal_error");
  EXPECT_EQ(res.body().find("secret"), std::string::npos)
      << "the exception's text is logged, not sent";
  // Same connection, then a new one.
  EXPECT_EQ(c.get("/api/v1/hello").result_int(), 200u);
  Client other(port());
  EXPECT_EQ(other.get("/api/v1/hello").result_int(), 200u);
}

TEST_F(ServerTest, AMalformedRequestGets400AndTheConnectionIsClosed) {
  start();
  Client c(port());
  c.write_raw("GARBAGE\r\n\r\n");
  auto res = c.read();
  expect_error_shape(res, 400, "bad_request");
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(ServerTest, HeadIsAnsweredByTheGetRouteWithoutABody) {
  start();
  Client c(port());
  c.write_raw("HEAD /api/v1/hello HTTP/1.1\r\nHost: x\r\n\r\n");
  auto head = c.read_head();
  EXPECT_EQ(head.result_int(), 200u);
  EXPECT_EQ(head[bhttp::field::content_length],
            std::to_string(json({{"hello", "world"}}).dump().size()));
  // The connection is still in step: the next response is the GET's.
  EXPECT_EQ(body_of(c.get("/api/v1/hello"))["hello"], "world");
}

TEST_F(ServerTest, HandlersRunOffTheIoThreadsSoABlockedHandlerDoesNotStallOthers) {
  auto o = quick_options();
  o.io_threads = 1;
  start(o);
  auto slow = std::async(std::launch::async, [&] { return Client(port()).get("/gate"); });
  ASSERT_EQ(gate_.entered.get_future().wait_for(5s), std::future_status::ready);
  // Answered while the gated handler still holds its worker (were handlers on the I/O thread,
  // this would wait for the gate, which opens only after it).
  auto other = std::async(std::launch::async,
                          [&] { return Client(port()).get("/api/v1/hello").result_int(); });
  ASSERT_EQ(other.wait_for(60s), std::future_status::ready);
  EXPECT_EQ(other.get(), 200u);
  gate_.release.set_value();
  EXPECT_EQ(slow.get().result_int(), 200u);
}

TEST_F(ServerTest, AnIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout) {
  start();  // idle_timeout 1 s
  Client c(port());
  EXPECT_EQ(c.get("/api/v1/hello").result_int(), 200u);
  auto t0 = Clock::now();
  EXPECT_TRUE(c.closed_by_server());
  auto waited = Clock::now() - t0;
  EXPECT_GE(waited, 800ms);
  EXPECT_LT(waited, 30s);  // closed by the 1 s idle timeout, not by the 30 s read timeout
}

TEST_F(ServerTest, StopReturnsPromptlyWithAnIdleConnectionOpenAndThenRefusesConnections) {
  auto o = quick_options();
  o.idle_timeout = 60s;
  auto& server = start(o);
  Client idle(port());
  EXPECT_EQ(idle.get("/api/v1/hello").result_int(), 200u);
  auto p = port();

  auto t0 = Clock::now();
  server.stop();
  EXPECT_LT(Clock::now() - t0, 30s);  // not the idle connection's 60 s
  EXPECT_TRUE(idle.closed_by_server());
  EXPECT_THROW(Client{p}, boost::system::system_error);
  server.stop();  // idempotent
}

TEST_F(ServerTest, StopLetsAnInFlightRequestFinishThenCloses) {
  auto o = quick_options();
  o.idle_timeout = 60s;
  auto& server = start(o);
  auto in_flight = std::async(std::launch::async, [&] { return Client(port()).get("/gate"); });
  ASSERT_EQ(gate_.entered.get_future().wait_for(5s), std::future_status::ready);

  std::thread releaser([&] {
    std::this_thread::sleep_for(200ms);
    gate_.release.set_value();
  });
  auto t0 = Clock::now();
  server.stop();  // waits for the gated request
  auto took = Clock::now() - t0;
  releaser.join();
  EXPECT_GE(took, 150ms);
  EXPECT_LT(took, 30s);  // the request's end, not the 60 s idle timeout
  auto res = in_flight.get();
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(body_of(res)["gate"], "passed");
  EXPECT_FALSE(res.keep_alive());
}

TEST_F(ServerTest, AStopGivesUpOnAStuckRequestAfterTheShutdownTimeout) {
  auto o = quick_options();
  o.shutdown_timeout = 1s;
  auto& server = start(o);
  auto stuck = std::async(std::launch::async, [&] {
    try {
      Client(port()).get("/gate");
      return false;
    } catch (const boost::system::system_error&) {
      return true;  // the connection was dropped without an answer
    }
  });
  ASSERT_EQ(gate_.entered.get_future().wait_for(5s), std::future_status::ready);
  auto t0 = Clock::now();
  server.stop();
  auto took = Clock::now() - t0;
  EXPECT_GE(took, 900ms);
  EXPECT_LT(took, 30s);  // the 1 s shutdown timeout, not the stuck handler (held until below)
  EXPECT_EQ(stuck.wait_for(30s), std::future_status::ready) << "the connection was not dropped";
  gate_.release.set_value();
  server_.reset();  // waits for the handler, then frees what it was using
  EXPECT_TRUE(stuck.get());
}

TEST_F(ServerTest, RunBlocksUntilStopIsCalledFromAnotherThread) {
  auto& server = start();
  std::promise<void> returned;
  std::thread runner([&] {
    server.run();
    returned.set_value();
  });
  auto done = returned.get_future();
  EXPECT_EQ(done.wait_for(100ms), std::future_status::timeout);
  EXPECT_EQ(Client(port()).get("/api/v1/hello").result_int(), 200u);
  auto t0 = Clock::now();
  server.stop();
  EXPECT_EQ(done.wait_for(30s), std::future_status::ready);
  EXPECT_LT(Clock::now() - t0, 30s);
  runner.join();
}

TEST_F(ServerTest, SigtermMakesRunReturn) {
  auto& server = start();  // the signals are caught from start() on
  std::promise<void> returned;
  std::thread runner([&] {
    server.run();
    returned.set_value();
  });
  std::raise(SIGTERM);
  EXPECT_EQ(returned.get_future().wait_for(30s), std::future_status::ready);
  runner.join();
}

TEST_F(ServerTest, TheDestructorStopsARunningServer) {
  start();
  Client c(port());
  EXPECT_EQ(c.get("/api/v1/hello").result_int(), 200u);
  auto t0 = Clock::now();
  server_.reset();
  EXPECT_LT(Clock::now() - t0, 30s);  // a generous bound: a busy machine must not fail it
}

TEST(RouterTest, ARouterRejectsMalformedAndDuplicatePatterns) {
  Router r;
  auto ok = [](const Request&) { return Response::json({}); };
  r.add("get", "/a/{id}", ok);
  EXPECT_THROW(r.add("GET", "/a/{other}", ok), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "no-slash", ok), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "/a/x{id}", ok), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "/a/{id}/{id}", ok), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "/b", Handler{}), std::invalid_argument);
  EXPECT_NO_THROW(r.add("POST", "/a/{id}", ok));

  auto m = r.match("GET", "/a/5");
  ASSERT_TRUE(m);
  EXPECT_EQ(m.params.at("id"), "5");
  EXPECT_FALSE(r.match("GET", "/a"));
  EXPECT_EQ(r.match("GET", "/a").error.status, 404);
  auto wrong = r.match("PUT", "/a/5");
  EXPECT_EQ(wrong.error.status, 405);
  ASSERT_EQ(wrong.error.headers.size(), 1u);
  EXPECT_EQ(wrong.error.headers[0],
            (std::pair<std::string, std::string>{"Allow", "GET, HEAD, POST"}));
}

TEST(ResponseTest, AnErrorHasTheCodeMessageAndDetailsShape) {
  auto res = Response::error(422, "invalid", "Bad year.", {{"field", "year"}});
  EXPECT_EQ(res.status, 422);
  EXPECT_EQ(res.content_type, "application/json");
  EXPECT_EQ(
      json::parse(res.body),
      (json{{"error",
             {{"code", "invalid"}, {"message", "Bad year."}, {"details", {{"field", "year"}}}}}}));
  EXPECT_EQ(json::parse(Response::error(404, "not_found", "x").body)["error"]["details"],
            json::object());
}

}  // namespace
}  // namespace hearth::http
