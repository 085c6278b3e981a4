// The web server under hostile requests (issue 13), through the real `hearth serve`: bodies
// limited per route before they are read (memory stays flat), JSON nesting bounded before a tree
// is built, sign-in refusing other sites and non-JSON bodies (login CSRF), request framing,
// health answered while the workers are busy, connections capped per address, readiness without
// the driver's text.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "model/dates.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using hearth::testing::hearth_cmd;
using hearth::testing::run;
using hearth::testing::Server;
using hearth::testing::TempDir;
using hearth::testing::WebClient;
using nlohmann::json;

namespace {

const char* kPassword = "hardening-test-password";

// A plain socket to the server (the test controls every byte), with a generous receive bound.
class Conn {
 public:
  explicit Conn(const std::string& port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(std::stoi(port)));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    timeval tv{60, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~Conn() {
    if (fd_ >= 0) ::close(fd_);
  }
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;
  bool ok() const { return ok_; }
  // Sends what it can; false once the server stopped taking it.
  bool send_all(std::string_view data) {
    while (!data.empty()) {
      auto n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }
  // One response: its status and body (status 0 when the connection ended before one).
  std::pair<int, std::string> response() {
    std::string in;
    char buf[8192];
    for (;;) {
      auto end = in.find("\r\n\r\n");
      if (end != std::string::npos) {
        auto cl = lower(in.substr(0, end)).find("content-length:");
        std::size_t length = cl == std::string::npos ? 0 : std::stoul(in.substr(cl + 15));
        if (in.size() >= end + 4 + length) {
          int status = std::atoi(in.substr(9, 3).c_str());
          std::string body = in.substr(end + 4, length);
          rest_ = in.substr(end + 4 + length);
          return {status, body};
        }
      }
      auto n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return {0, in};
      in.append(buf, static_cast<std::size_t>(n));
    }
  }
  // True once the server has closed the connection (nothing more comes).
  bool closed() {
    if (!rest_.empty()) return false;
    char c;
    auto n = ::recv(fd_, &c, 1, 0);
    return n == 0 || (n < 0 && errno == ECONNRESET);
  }

 private:
  static std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  int fd_ = -1;
  bool ok_ = false;
  std::string rest_;
};

long rss_kb(int pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(f, line))
    if (line.starts_with("VmRSS:")) return std::atol(line.c_str() + 6);
  return -1;
}

std::string request(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& headers) {
  const bool has_host = headers.find("Host:") != std::string::npos;
  return method + " " + path + " HTTP/1.1\r\n" + (has_host ? "" : "Host: 127.0.0.1\r\n") + headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

const std::string kSignIn = R"({"username":"demo-analyst","password":"hardening-test-password"})";

class WebHardening : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
    tmp_ = new TempDir();
    store_ = "sqlite:" + (tmp_->path() / "web.db").string();
    auto demo = run(hearth_cmd(store_, {"demo", "--children", "60", "--years", "1"}));
    ASSERT_EQ(demo.exit_code, 0) << demo.out << demo.err;
    server_ = new Server(hearth_cmd(store_, {"serve", "--workers", "2"}));
  }
  static void TearDownTestSuite() {
    if (server_) server_->stop();
    delete server_;
    delete tmp_;
    server_ = nullptr;
    tmp_ = nullptr;
  }
  static std::string port() { return server_->port(); }

  static TempDir* tmp_;
  static std::string store_;
  static Server* server_;
};
TempDir* WebHardening::tmp_ = nullptr;
std::string WebHardening::store_;
Server* WebHardening::server_ = nullptr;

}  // namespace

// Before: a 60 MB body of '[' to the sign-in was held and parsed into a tree (4.8 GB resident).
TEST_F(WebHardening, AHugeBodyToSignInIsRefusedUnreadAndMemoryStaysFlat) {
  const long before = rss_kb(server_->pid());
  ASSERT_GT(before, 0);
  const std::string huge(60 * 1024 * 1024, '[');
  std::vector<std::thread> senders;
  std::atomic<int> refused{0};
  for (int i = 0; i < 4; ++i)
    senders.emplace_back([&] {
      Conn c(port());
      if (!c.ok()) return;
      std::thread writer([&] {
        c.send_all(
            "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
            "application/json\r\nContent-Length: " +
            std::to_string(huge.size()) + "\r\n\r\n");
        c.send_all(huge);  // the server stops reading long before the end
      });
      auto [status, body] = c.response();
      if (status == 413 &&
          json::parse(body, nullptr, false)["error"]["code"] == "payload_too_large")
        ++refused;
      writer.join();
    });
  for (auto& t : senders) t.join();
  EXPECT_EQ(refused.load(), 4);
  const long after = rss_kb(server_->pid());
  EXPECT_LT(after - before, 100 * 1024)
      << "resident memory grew from " << before << " kB to " << after << " kB";
  // Chunked, with no length up front: cut off at the route's limit all the same.
  Conn c(port());
  std::thread writer([&] {
    c.send_all(
        "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
        "application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    std::string chunk = "100000\r\n" + std::string(0x100000, '[') + "\r\n";
    for (int i = 0; i < 60; ++i)
      if (!c.send_all(chunk)) break;
  });
  EXPECT_EQ(c.response().first, 413);
  writer.join();
  EXPECT_LT(rss_kb(server_->pid()) - before, 100 * 1024);
}

TEST_F(WebHardening, DeeplyNestedJsonWithinTheSizeLimitIsRefusedBeforeItIsParsed) {
  {
    Conn c(port());
    c.send_all(request("POST", "/api/v1/session", std::string(3000, '['),
                       "Content-Type: application/json\r\n"));
    auto [status, body] = c.response();
    EXPECT_EQ(status, 400) << body;
    EXPECT_EQ(json::parse(body)["error"]["code"], "bad_json");
  }
  WebClient analyst("http://127.0.0.1:" + port());
  ASSERT_EQ(analyst.login("demo-analyst", kPassword), 200);
  auto deep = analyst.request("POST", "/api/v1/imports", std::string(10000, '['));
  EXPECT_EQ(deep.status, 400) << deep.body;
  auto big = analyst.request("POST", "/api/v1/imports", std::string(100000, '['));
  EXPECT_EQ(big.status, 413) << big.body;
}

TEST_F(WebHardening, ABadJsonBodyIsToldInPlainWordsNotTheParsersText) {
  Conn c(port());
  c.send_all(request("POST", "/api/v1/session", R"({"username": "a", "password": )",
                     "Content-Type: application/json\r\n"));
  auto [status, body] = c.response();
  EXPECT_EQ(status, 400);
  EXPECT_EQ(body.find("parse error"), std::string::npos) << body;
  EXPECT_EQ(body.find("[json.exception"), std::string::npos) << body;
  WebClient analyst("http://127.0.0.1:" + port());
  ASSERT_EQ(analyst.login("demo-analyst", kPassword), 200);
  auto r = analyst.request("POST", "/api/v1/imports", R"({"kind": 903})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.body.find("json.exception"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("type must be"), std::string::npos) << r.body;
}

// Login CSRF: a cross-site form (enctype text/plain) could post a valid JSON body.
TEST_F(WebHardening, SignInRefusesNonJsonBodiesAndOtherSites) {
  {
    Conn c(port());
    c.send_all(request("POST", "/api/v1/session", kSignIn, "Content-Type: text/plain\r\n"));
    auto [status, body] = c.response();
    EXPECT_EQ(status, 415) << body;
    EXPECT_EQ(json::parse(body)["error"]["code"], "unsupported_media_type");
  }
  {
    Conn c(port());
    c.send_all(request("POST", "/api/v1/session", kSignIn,
                       "Content-Type: application/json\r\nOrigin: https://evil.example\r\n"));
    auto [status, body] = c.response();
    EXPECT_EQ(status, 403) << body;
    EXPECT_EQ(json::parse(body)["error"]["code"], "cross_site");
  }
  {
    Conn c(port());
    c.send_all(request("POST", "/api/v1/session", kSignIn,
                       "Content-Type: application/json\r\nSec-Fetch-Site: cross-site\r\n"));
    EXPECT_EQ(c.response().first, 403);
  }
  {
    // Hearth's own page: same origin.
    Conn c(port());
    c.send_all(request("POST", "/api/v1/session", kSignIn,
                       "Content-Type: application/json; charset=utf-8\r\nOrigin: "
                       "http://127.0.0.1:" +
                           port() + "\r\nSec-Fetch-Site: same-origin\r\nHost: 127.0.0.1:" + port() +
                           "\r\n"));
    EXPECT_EQ(c.response().first, 200);
  }
  // curl and scripts send neither header: still fine.
  WebClient cli("http://127.0.0.1:" + port());
  EXPECT_EQ(cli.login("demo-analyst", kPassword), 200);
  // A signed-in change from another site is refused too, even with the token.
  auto r = cli.request("POST", "/api/v1/imports", R"({"kind":"local"})", true,
                       {"Origin: http://attacker.example"});
  EXPECT_EQ(r.status, 403) << r.body;
}

// RFC 9112: a request whose final transfer coding is not chunked cannot be framed: 400, close.
TEST_F(WebHardening, ATransferEncodingOfChunkedIdentityGets400AndTheConnectionCloses) {
  Conn c(port());
  c.send_all(
      "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
      "application/json\r\nTransfer-Encoding: chunked, identity\r\n\r\n"
      "5\r\nhello\r\n0\r\n\r\n");
  auto [status, body] = c.response();
  EXPECT_EQ(status, 400) << body;
  EXPECT_TRUE(c.closed());
}

TEST_F(WebHardening, HealthAnswersWhileTheWorkersAreBusyWithHeavyRequests) {
  WebClient analyst("http://127.0.0.1:" + port());
  ASSERT_EQ(analyst.login("demo-analyst", kPassword), 200);
  // Scorecards for many dates at once keep both workers busy (each one is worked out afresh).
  std::atomic<bool> stop{false};
  std::vector<std::thread> load;
  for (int i = 0; i < 4; ++i)
    load.emplace_back([&, i] {
      WebClient c("http://127.0.0.1:" + port());
      c.copy_cookies_from(analyst);
      for (int day = 1; day <= 28 && !stop; ++day)
        c.get("/api/v1/scorecard?period=month&as_of=2025-0" + std::to_string(1 + i % 3) + "-" +
              (day < 10 ? "0" : "") + std::to_string(day));
    });
  for (int i = 0; i < 5; ++i) {
    Conn h(port());
    h.send_all("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    EXPECT_EQ(h.response().first, 200);
    WebClient someone("http://127.0.0.1:" + port());
    EXPECT_EQ(someone.login("demo-worker", kPassword), 200) << "sign-in has its own lane";
  }
  stop = true;
  for (auto& t : load) t.join();
}

// Issue 13 item 13 through the API, as in the CLI: no date after today and no impossible day on
// any route that takes as_of; a scorecard after the returns is worked out at their last 31 March
// and says so.
TEST_F(WebHardening, AsOfDatesAfterTodayOrImpossibleAreRefusedOnEveryRoute) {
  WebClient analyst("http://127.0.0.1:" + port());
  ASSERT_EQ(analyst.login("demo-analyst", kPassword), 200);
  auto children = analyst.get("/api/v1/children?per_page=1");
  ASSERT_EQ(children.status, 200) << children.body;
  const auto id = nlohmann::json::parse(children.body)["items"][0]["id"].get<std::string>();
  const std::vector<std::string> routes = {"/api/v1/scorecard?period=year&", "/api/v1/worklist?",
                                           "/api/v1/children/" + id + "?"};
  for (const auto& route : routes) {
    for (const std::string date : {"2099-01-01", "2026-02-30"}) {
      auto r = analyst.get(route + "as_of=" + date);
      EXPECT_EQ(r.status, 400) << route << date << ": " << r.body;
      EXPECT_NE(r.body.find("bad_as_of"), std::string::npos) << r.body;
    }
  }
  auto leap = analyst.get("/api/v1/worklist?as_of=2026-02-30");
  EXPECT_NE(leap.body.find("there is no 30 February 2026"), std::string::npos) << leap.body;
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  auto card =
      analyst.get("/api/v1/scorecard?period=year&as_of=" + hearth::model::format_iso(today));
  ASSERT_EQ(card.status, 200) << card.body;
  auto j = nlohmann::json::parse(card.body);
  EXPECT_EQ(j["as_of"].get<std::string>().substr(5), "03-31");
  EXPECT_TRUE(j["warning"].is_string()) << card.body.substr(0, 300);
}

TEST_F(WebHardening, IdleConnectionsFromOneAddressAreCapped) {
  std::vector<std::unique_ptr<Conn>> idle;
  for (int i = 0; i < 128; ++i) {
    idle.push_back(std::make_unique<Conn>(port()));
    ASSERT_TRUE(idle.back()->ok());
  }
  Conn extra(port());
  auto [status, body] = extra.response();
  EXPECT_EQ(status, 503) << body;
  idle.clear();
  bool served = false;
  for (int i = 0; i < 300 && !served; ++i) {
    Conn h(port());
    h.send_all("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    served = h.response().first == 200;
    if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(served) << "the slots come back once the connections close";
}

TEST(WebHardeningReady, ReadinessSaysNotReadyWithoutTheDriversText) {
  setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
  TempDir tmp;
  auto db = tmp.path() / "gone.db";
  const std::string store = "sqlite:" + db.string();
  ASSERT_EQ(run(hearth_cmd(store, {"demo", "--children", "20", "--years", "1"})).exit_code, 0);
  Server server(hearth_cmd(store, {"serve"}));
  fs::remove(db);  // readiness opens its own connection: to a store without Hearth's schema
  Conn c(server.port());
  c.send_all("GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  auto [status, body] = c.response();
  EXPECT_EQ(status, 503) << body;
  EXPECT_EQ(json::parse(body)["error"]["message"], "Hearth is not ready to serve.");
  EXPECT_EQ(body.find(db.string()), std::string::npos) << body;
  EXPECT_EQ(body.find("schema"), std::string::npos) << body;
}

TEST(WebHardeningOptions, ThePerAddressCapIsSetOnTheCommandLine) {
  setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
  TempDir tmp;
  const std::string store = "sqlite:" + (tmp.path() / "cap.db").string();
  ASSERT_EQ(run(hearth_cmd(store, {"demo", "--children", "20", "--years", "1"})).exit_code, 0);
  Server server(hearth_cmd(store, {"serve", "--max-connections-per-address", "4"}));
  std::vector<std::unique_ptr<Conn>> idle;
  for (int i = 0; i < 4; ++i) idle.push_back(std::make_unique<Conn>(server.port()));
  Conn extra(server.port());
  EXPECT_EQ(extra.response().first, 503);
  idle[0]->send_all("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_EQ(idle[0]->response().first, 200);
}
