// The server's defences (issue 13): per-route body limits decided from the header before any of
// the body is read, admission before a large body, request framing (RFC 9112), lanes that keep
// health and light requests answering while the worker pool is full, connection caps, and the
// byte scanners and the byte-bounded cache they rely on.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "http/server.hpp"
#include "services/byte_lru.hpp"

namespace hearth::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using nlohmann::json;
using namespace std::chrono_literals;
using HttpResponse = bhttp::response<bhttp::string_body>;

// One raw connection: the test writes bytes as it likes and reads what comes back.
class Raw {
 public:
  explicit Raw(unsigned short port) : stream_(ioc_) {
    stream_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  }
  void write(std::string_view bytes) { asio::write(stream_.socket(), asio::buffer(bytes)); }
  // The next response; status 0 when the connection ended first.
  HttpResponse read() {
    HttpResponse res;
    beast::error_code ec;
    bhttp::read(stream_, buffer_, res, ec);
    if (ec) res.result(0);
    return res;
  }
  // Blocks until the server ends the connection (or the test's own 30 s bound passes).
  bool closed_by_server() {
    stream_.expires_after(30s);
    char c;
    beast::error_code ec;
    auto n = stream_.read_some(asio::buffer(&c, 1), ec);
    return n == 0 && (ec == asio::error::eof || ec == asio::error::connection_reset);
  }

 private:
  asio::io_context ioc_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
};

json body_of(const HttpResponse& r) {
  return json::parse(r.body(), nullptr, false);
}

std::string post(const std::string& path, const std::string& body, const std::string& extra = "") {
  return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n" + extra + "\r\n" + body;
}

struct Gate {
  std::atomic<int> entered{0};
  std::promise<void> release;
  std::shared_future<void> released{release.get_future().share()};
};

class Hardening : public ::testing::Test {
 protected:
  static ServerOptions options() {
    ServerOptions o;
    o.port = 0;
    o.io_threads = 1;
    o.worker_threads = 2;
    o.light_threads = 1;
    o.body_limit = 1024 * 1024;
    o.read_timeout = 20s;
    o.first_byte_timeout = 20s;
    o.idle_timeout = 20s;
    o.shutdown_timeout = 2s;
    return o;
  }

  Router routes() {
    Router r;
    r.add("POST", "/small", [this](const Request& req) {
      ++small_calls_;
      return Response::json({{"bytes", req.body.size()}});
    });  // the default: kSmallBodyLimit
    r.add("POST", "/large",
          [](const Request& req) {
            return Response::json({{"bytes", req.body.size()}});
          },
          {100 * 1024, Lane::Normal, nullptr});
    r.add("POST", "/upload",
          [](const Request& req) {
            return Response::json({{"bytes", req.body.size()}});
          },
          {512 * 1024, Lane::Normal, [this](const Request& req) -> std::optional<Response> {
             ++admissions_;
             if (!req.headers.count("x-may-upload"))
               return Response::error(403, "forbidden", "No uploads for you.");
             return std::nullopt;
           }});
    r.add("GET", "/healthz",
          [](const Request&) {
            return Response::json({{"status", "ok"}});
          },
          {kSmallBodyLimit, Lane::Inline, nullptr});
    r.add("GET", "/light",
          [](const Request&) {
            return Response::json({{"lane", "light"}});
          },
          {kSmallBodyLimit, Lane::Light, nullptr});
    r.add("GET", "/block", [this](const Request&) {
      ++gate_.entered;
      gate_.released.wait_for(20s);  // bounded: a broken server fails the test, never hangs it
      return Response::json({{"blocked", true}});
    });
    return r;
  }

  void start(ServerOptions o = options()) {
    server_ = std::make_unique<Server>(o, routes());
    server_->start();
  }
  unsigned short port() const { return server_->port(); }
  void TearDown() override {
    if (!released_) gate_.release.set_value();
    server_.reset();
  }
  void release() {
    released_ = true;
    gate_.release.set_value();
  }

  Gate gate_;
  bool released_ = false;
  std::atomic<int> small_calls_{0};
  std::atomic<int> admissions_{0};
  std::unique_ptr<Server> server_;
};

TEST(JsonNestingDepth, CountsArraysAndObjectsButNotBracketsInStrings) {
  EXPECT_EQ(json_nesting_depth(""), 0);
  EXPECT_EQ(json_nesting_depth("1"), 0);
  EXPECT_EQ(json_nesting_depth(R"({"a":[1,{"b":2}],"c":{}})"), 3);
  EXPECT_EQ(json_nesting_depth(R"({"a":"[[[{{{"})"), 1);
  EXPECT_EQ(json_nesting_depth(R"({"a":"\"[[[\\"})"), 1) << "escaped quotes stay in the string";
  EXPECT_EQ(json_nesting_depth(R"(["\\",[[]]])"), 3) << "an escaped backslash ends nothing";
  std::string deep(100000, '[');
  EXPECT_EQ(json_nesting_depth(deep, 8), 9) << "stops once past the bound";
  EXPECT_EQ(json_nesting_depth(deep), 100000);
}

TEST(FramingProblem, OnlyPlainChunkedOrOneContentLengthFrameABody) {
  using F = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(framing_problem({}), "");
  EXPECT_EQ(framing_problem(F{{"content-length", "12"}}), "");
  EXPECT_EQ(framing_problem(F{{"transfer-encoding", "chunked"}}), "");
  EXPECT_EQ(framing_problem(F{{"transfer-encoding", " Chunked "}}), "");
  EXPECT_NE(framing_problem(F{{"transfer-encoding", "chunked, identity"}}), "");
  EXPECT_NE(framing_problem(F{{"transfer-encoding", "identity"}}), "");
  EXPECT_NE(framing_problem(F{{"transfer-encoding", "gzip, chunked"}}), "");
  EXPECT_NE(framing_problem(F{{"transfer-encoding", "chunked"}, {"content-length", "5"}}), "");
  EXPECT_NE(framing_problem(F{{"transfer-encoding", "chunked"}, {"transfer-encoding", "chunked"}}),
            "");
  EXPECT_NE(framing_problem(F{{"content-length", "5"}, {"content-length", "5"}}), "");
  EXPECT_NE(framing_problem(F{{"content-length", "5, 5"}}), "");
  EXPECT_NE(framing_problem(F{{"content-length", "+5"}}), "");
}

using services::ByteLru;

TEST(ByteLru, KeepsWithinItsBudgetDroppingTheLeastRecentlyUsed) {
  ByteLru<std::string> lru(100);
  auto value = [](const char* s) { return std::make_shared<const std::string>(s); };
  lru.put("a", value("a"), 30);
  lru.put("b", value("b"), 30);
  lru.put("c", value("c"), 30);
  ASSERT_NE(lru.get("a"), nullptr);  // a is now the most recent
  lru.put("d", value("d"), 30);      // over 100: b goes
  EXPECT_EQ(lru.get("b"), nullptr);
  EXPECT_NE(lru.get("a"), nullptr);
  EXPECT_NE(lru.get("d"), nullptr);
  EXPECT_LE(lru.bytes(), 100u);
  EXPECT_EQ(lru.size(), 3u);
  // Many new keys (as_of dates...) never take more than the budget.
  for (int i = 0; i < 10000; ++i) lru.put("k" + std::to_string(i), value("x"), 7);
  EXPECT_LE(lru.bytes(), 100u);
  EXPECT_EQ(lru.size(), 14u);
  // One entry larger than the budget is handed back but not kept.
  auto big = lru.put("big", value("big"), 101);
  EXPECT_EQ(*big, "big");
  EXPECT_EQ(lru.get("big"), nullptr);
  // The first value kept under a key wins.
  auto first = lru.put("same", value("first"), 1);
  auto second = lru.put("same", value("second"), 1);
  EXPECT_EQ(*second, "first");
}

TEST_F(Hardening, ABodyOverTheRoutesLimitGets413FromItsLengthBeforeAnyOfItIsSent) {
  start();
  Raw c(port());
  // Claims 60 MB and sends none of it: answered at once from the header.
  c.write(
      "POST /small HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 60000000\r\n\r\n[[[[");
  auto res = c.read();
  EXPECT_EQ(res.result_int(), 413u);
  EXPECT_EQ(body_of(res)["error"]["details"]["limit_bytes"], kSmallBodyLimit);
  EXPECT_EQ(res[bhttp::field::connection], "close");
  EXPECT_EQ(small_calls_.load(), 0);
  // Another route takes more; the server-wide limit still caps everything.
  Raw d(port());
  d.write(post("/large", std::string(50 * 1024, 'x')));
  auto ok = d.read();
  EXPECT_EQ(ok.result_int(), 200u);
  EXPECT_EQ(body_of(ok)["bytes"], 50 * 1024);
  d.write(post("/large", std::string(101 * 1024, 'x')));
  EXPECT_EQ(d.read().result_int(), 413u);
}

TEST_F(Hardening, AChunkedBodyOverTheRoutesLimitGets413) {
  start();
  Raw c(port());
  std::string chunk(3000, 'x');
  std::string req = "POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) req += "bb8\r\n" + chunk + "\r\n";
  req += "0\r\n\r\n";
  c.write(req);
  EXPECT_EQ(c.read().result_int(), 413u);
  EXPECT_EQ(small_calls_.load(), 0);
}

TEST_F(Hardening, AnUploadIsAdmittedBeforeItsBodyIsRead) {
  start();
  {
    Raw c(port());
    // No permission: refused from the header, the 400 KB never sent.
    c.write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 400000\r\n\r\n");
    auto res = c.read();
    EXPECT_EQ(res.result_int(), 403u);
    EXPECT_TRUE(c.closed_by_server());
  }
  Raw c(port());
  c.write(post("/upload", std::string(400000, 'u'), "X-May-Upload: yes\r\n"));
  auto res = c.read();
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(body_of(res)["bytes"], 400000);
  EXPECT_EQ(admissions_.load(), 2);
}

TEST_F(Hardening, ATransferEncodingNotEndingInChunkedGets400AndTheConnectionCloses) {
  start();
  for (std::string te : {"chunked, identity", "identity", "gzip"}) {
    Raw c(port());
    // Before the fix: read as a request with no body, and "hello" the start of the next one.
    c.write("POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + te +
            "\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    auto res = c.read();
    EXPECT_EQ(res.result_int(), 400u) << te;
    EXPECT_EQ(body_of(res)["error"]["code"], "bad_request");
    EXPECT_TRUE(c.closed_by_server()) << te;
  }
  for (std::string fields :
       {"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        "Content-Length: 5\r\nContent-Length: 5\r\n", "Content-Length: 5, 5\r\n"}) {
    Raw c(port());
    c.write("POST /small HTTP/1.1\r\nHost: x\r\n" + fields + "\r\nhello");
    EXPECT_EQ(c.read().result_int(), 400u) << fields;
    EXPECT_TRUE(c.closed_by_server()) << fields;
  }
  EXPECT_EQ(small_calls_.load(), 0);
}

TEST_F(Hardening, MalformedRequestsAreToldWhyInTheServersWordsNotTheLibrarys) {
  start();
  Raw c(port());
  c.write("GET /healthz HTTP/1.1\r\nHost: x\r\nBad Field: x\r\n\r\n");
  auto res = c.read();
  EXPECT_EQ(res.result_int(), 400u);
  EXPECT_EQ(body_of(res)["error"]["details"]["reason"], "a header field is not valid");
}

TEST_F(Hardening, HealthIsAnsweredOnTheIoThreadAndLightRoutesOnTheirOwnPool) {
  start();
  // Fill the worker pool (2 threads) and queue more behind it.
  std::vector<std::unique_ptr<Raw>> blockers;
  for (int i = 0; i < 4; ++i) {
    blockers.push_back(std::make_unique<Raw>(port()));
    blockers.back()->write("GET /block HTTP/1.1\r\nHost: x\r\n\r\n");
  }
  for (int i = 0; i < 2000 && gate_.entered.load() < 2; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_EQ(gate_.entered.load(), 2) << "both workers are held";
  Raw h(port());
  h.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(h.read().result_int(), 200u);
  h.write("GET /light HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(h.read().result_int(), 200u);
  EXPECT_EQ(gate_.entered.load(), 2) << "the blocked requests are still blocked";
  release();
  for (auto& b : blockers) EXPECT_EQ(b->read().result_int(), 200u);
}

TEST_F(Hardening, ConnectionsFromOneAddressAreCappedAndTheSlotsComeBackWhenClosed) {
  auto o = options();
  o.max_connections_per_address = 3;
  start(o);
  std::vector<std::unique_ptr<Raw>> idle;
  for (int i = 0; i < 3; ++i) idle.push_back(std::make_unique<Raw>(port()));
  Raw extra(port());
  auto res = extra.read();
  EXPECT_EQ(res.result_int(), 503u);
  EXPECT_EQ(body_of(res)["error"]["code"], "too_many_connections");
  // The three held connections still work.
  idle[0]->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(idle[0]->read().result_int(), 200u);
  idle.clear();
  // Once they are closed, a new connection is served (the server notices the closes soon).
  bool served = false;
  for (int i = 0; i < 200 && !served; ++i) {
    Raw again(port());
    again.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    served = again.read().result_int() == 200u;
    if (!served) std::this_thread::sleep_for(50ms);
  }
  EXPECT_TRUE(served);
}

TEST_F(Hardening, TheTotalNumberOfConnectionsIsCapped) {
  auto o = options();
  o.max_connections_per_address = 0;
  o.max_connections = 2;
  start(o);
  Raw a(port()), b(port());
  Raw extra(port());
  EXPECT_EQ(extra.read().result_int(), 503u);
}

TEST_F(Hardening, ANewConnectionThatSendsNothingIsClosedAfterTheFirstByteTimeout) {
  auto o = options();
  o.first_byte_timeout = 1s;
  o.read_timeout = 60s;
  start(o);
  Raw c(port());
  EXPECT_TRUE(c.closed_by_server());
}

}  // namespace
}  // namespace hearth::http
