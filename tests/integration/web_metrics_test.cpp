// GET /metrics (docs/operations.md) on the real server with the demo council: off by default; on
// this listener for a scrape from this machine (never one a proxy forwarded); on a listener of
// its own with a token; and after a little load the counters have moved. Every line of the
// exposition is checked against the text format.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include "support.hpp"

namespace {

using hearth::testing::run;
using hearth::testing::Server;
using hearth::testing::TempDir;
using hearth::testing::WebClient;

constexpr const char* kPassword = "Demo-passw0rd-for-metrics";

// Every sample by its series ("name{labels}"); a line that is not the text format fails the test.
std::map<std::string, double> parse(const std::string& text) {
  static const std::regex comment(R"(# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) .+)");
  static const std::regex sample(
      R"(([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? ([-+0-9.eE]+|\+Inf|NaN))");
  std::map<std::string, double> out;
  std::map<std::string, int> types;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, comment)) {
      if (m[1] == "TYPE") EXPECT_EQ(++types[m[2]], 1) << "two TYPE lines for " << m[2];
      continue;
    }
    if (!std::regex_match(line, m, sample)) {
      ADD_FAILURE() << "not the text format: " << line;
      continue;
    }
    const std::string value = m[5];
    out[m[1].str() + m[2].str()] = value == "+Inf" ? 1e308 : std::stod(value);
  }
  return out;
}

double sum_of(const std::map<std::string, double>& s, const std::string& name) {
  double total = 0;
  for (const auto& [series, v] : s)
    if (series == name || series.rfind(name + "{", 0) == 0) total += v;
  return total;
}

class Metrics : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
    store_ = "sqlite:" + (tmp_.path() / "m.db").string();
    auto demo = run(cmd({"demo", "--children", "120", "--years", "2"}));
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
  }
  std::vector<std::string> cmd(std::vector<std::string> args) {
    return hearth::testing::hearth_cmd(store_, std::move(args));
  }
  TempDir tmp_;
  std::string store_;
};

TEST_F(Metrics, OffByDefault) {
  Server server(cmd({"serve"}));
  auto r = WebClient(server.base()).get("/metrics");
  EXPECT_EQ(r.body.find("# TYPE"), std::string::npos) << r.body.substr(0, 200);
  EXPECT_EQ(r.headers.find("version=0.0.4"), std::string::npos);
}

// The data built from rows at the first start is saved (off the requests' path); the next start
// reads it back and answers the same.
TEST_F(Metrics, TheNextStartReadsBackTheDataTheFirstSaved) {
  std::string first_card;
  {
    Server server(cmd({"serve", "--metrics"}));
    WebClient scraper(server.base());
    auto m = parse(scraper.get("/metrics").body);
    EXPECT_EQ(m.at("hearth_snapshot_from_saved"), 0);
    for (int i = 0; i < 200 && m.at("hearth_snapshot_saves_total") < 1; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      m = parse(scraper.get("/metrics").body);
    }
    ASSERT_EQ(m.at("hearth_snapshot_saves_total"), 1) << "saved within 20 s of the start";
    WebClient board(server.base());
    ASSERT_EQ(board.login("demo-board", kPassword), 200);
    first_card = board.get("/api/v1/scorecard").body;
    server.stop();
  }
  Server server(cmd({"serve", "--metrics"}));
  WebClient scraper(server.base());
  auto m = parse(scraper.get("/metrics").body);
  EXPECT_EQ(m.at("hearth_snapshot_from_saved"), 1);
  EXPECT_EQ(m.at("hearth_snapshot_saves_total"), 0) << "nothing new to save";
  WebClient board(server.base());
  ASSERT_EQ(board.login("demo-board", kPassword), 200);
  EXPECT_EQ(board.get("/api/v1/scorecard").body, first_card);
}

TEST_F(Metrics, OnThisListenerTheCountersMoveUnderALittleLoad) {
  Server server(cmd({"serve", "--metrics"}));
  WebClient scraper(server.base());
  auto a = scraper.get("/metrics");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_NE(a.headers.find("content-type: text/plain; version=0.0.4"), std::string::npos)
      << a.headers;
  EXPECT_NE(a.headers.find("cache-control: no-store"), std::string::npos);
  const auto before = parse(a.body);
  const std::string card =
      "hearth_http_requests_total{method=\"GET\",route=\"/api/v1/scorecard\",status=\"200\"}";

  WebClient board(server.base());
  ASSERT_EQ(board.login("demo-board", kPassword), 200);
  for (int i = 0; i < 3; ++i) ASSERT_EQ(board.get("/api/v1/scorecard").status, 200);
  EXPECT_EQ(board.request("POST", "/api/v1/no/such/thing/42", "{}").status, 404);

  auto b = scraper.get("/metrics");
  ASSERT_EQ(b.status, 200);
  const auto after = parse(b.body);
  EXPECT_EQ(after.count(card) ? after.at(card) : 0, (before.count(card) ? before.at(card) : 0) + 3)
      << b.body;
  EXPECT_GE(sum_of(after, "hearth_http_request_duration_seconds_count"),
            sum_of(before, "hearth_http_request_duration_seconds_count") + 5);
  EXPECT_EQ(b.body.find("/no/such/thing"), std::string::npos) << "a raw path became a label";
  EXPECT_NE(b.body.find("route=\"unmatched\",status=\"404\""), std::string::npos);
  EXPECT_GE(after.at("hearth_sessions_active"), 1);
  EXPECT_GT(after.at("hearth_snapshot_load_duration_seconds"), 0);
  EXPECT_GT(after.at("hearth_snapshot_children"), 0);
  EXPECT_GE(after.at("hearth_snapshot_reloads_total"), 1);
  EXPECT_GT(sum_of(after, "hearth_imports_stored_total"), 0);
  EXPECT_GE(sum_of(after, "hearth_alerts_open"), 1) << "the demo leaves an alert open";
  EXPECT_EQ(after.at("hearth_store_up"), 1);
  EXPECT_NE(b.body.find("# TYPE hearth_validation_findings gauge"), std::string::npos);

  // Not through a proxy: a forwarded scrape is told there is nothing here.
  auto forwarded = scraper.request("GET", "/metrics", {}, true, {"X-Forwarded-For: 203.0.113.9"});
  EXPECT_EQ(forwarded.status, 404);
  EXPECT_EQ(forwarded.body.find("# TYPE"), std::string::npos);
  int status = server.stop();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

TEST_F(Metrics, OnAListenerOfItsOwnWithAToken) {
  const auto token = tmp_.path() / "token";
  hearth::testing::write_text(token, "s3cret-token-for-the-scraper\n");
  Server server(
      cmd({"serve", "--metrics-listen", "127.0.0.1:0", "--metrics-token-file", token.string()}));
  const auto line = server.read_line().value_or("");
  const auto at = line.find("http://127.0.0.1:");
  ASSERT_NE(at, std::string::npos) << line;
  const std::string base = line.substr(at, line.find("/metrics") - at);
  // Not on the main listener.
  WebClient main(server.base());
  EXPECT_EQ(main.get("/metrics").body.find("# TYPE"), std::string::npos);
  ASSERT_EQ(main.get("/api/v1/openapi.json").status, 200);
  WebClient scraper(base);
  EXPECT_EQ(scraper.get("/metrics").status, 404) << "no token";
  EXPECT_EQ(
      scraper.request("GET", "/metrics", {}, true, {"Authorization: Bearer wrong-token"}).status,
      404);
  auto r = scraper.request("GET", "/metrics", {}, true,
                           {"Authorization: Bearer s3cret-token-for-the-scraper"});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto s = parse(r.body);
  EXPECT_GE(s.at("hearth_http_requests_total{method=\"GET\",route=\"/api/v1/openapi.json\","
                 "status=\"200\"}"),
            1);
  EXPECT_EQ(scraper.get("/healthz").status, 200);
  int status = server.stop();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

TEST_F(Metrics, BadMetricsOptionsAreRefused) {
  for (const std::vector<std::string>& bad :
       {std::vector<std::string>{"serve", "--metrics", "--metrics-listen", "127.0.0.1:0"},
        {"serve", "--metrics-listen", "127.0.0.1"},
        {"serve", "--metrics-token-file", "/nonexistent"},
        {"serve", "--metrics", "--metrics-token-file", "/nonexistent"}}) {
    auto r = run(cmd(bad));
    EXPECT_EQ(r.exit_code, 2) << bad[1] << " " << bad.back() << ": " << r.err;
  }
}

}  // namespace
