// Issue 13 through the real `hearth serve` and `hearth`: hostile usernames and parameters keep
// the audit chain whole on SQLite and PostgreSQL, refused sign-ins do not flood the log, the
// lockout is per account and address and the same for unknown users, `hearth audit list` is
// safe on a terminal and in a spreadsheet, and `hearth import` is audited (also when two run at
// once on SQLite).
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <thread>

#include "support.hpp"

namespace fs = std::filesystem;
using hearth::testing::hearth_cmd;
using hearth::testing::HttpReply;
using hearth::testing::run;
using hearth::testing::RunResult;
using hearth::testing::Server;
using hearth::testing::TempDir;
using hearth::testing::TestDatabase;
using hearth::testing::WebClient;
using nlohmann::json;

namespace {

const char* kPassword = "audit-test-password";

json audit_entries(const std::string& store) {
  auto r = run(hearth_cmd(store, {"audit", "list", "--limit", "100000", "--format", "json"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

HttpReply sign_in(WebClient& c, const std::string& body_json, const std::string& from = {}) {
  std::vector<std::string> headers;
  if (!from.empty()) headers.push_back("X-Forwarded-For: " + from);
  return c.request("POST", "/api/v1/session", body_json, false, headers);
}

std::string sign_in_body(const std::string& user, const std::string& password) {
  return json{{"username", user}, {"password", password}}.dump();
}

class WebAudit : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
    db_ = std::make_unique<TestDatabase>(GetParam());
    HEARTH_REQUIRE_DB(*db_);
    auto demo = run(hearth_cmd(db_->url(), {"demo", "--children", "30", "--years", "1"}));
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
  }
  std::unique_ptr<TestDatabase> db_;
};

// The reproduction ({"username":"nul\u0000user"} then `hearth audit verify`), and every
// other hostile byte a JSON string or a query can carry, on both databases.
TEST_P(WebAudit, HostileUsernamesAndParametersKeepTheChainWhole) {
  {
    Server server(hearth_cmd(db_->url(), {"serve"}));
    WebClient c(server.base());
    const std::vector<std::string> names = {"\"nul\\u0000user\"",
                                            "\"\\u001b[2J\\u001b[31mred\"",
                                            "\"line\\r\\nbreak\\t\\u007f\"",
                                            "\"=HYPERLINK(\\\"http://x\\\",\\\"click\\\")\"",
                                            "\"\\ud83d\\ude00 emoji\"",
                                            "\"\\u00e9\\u0001\""};
    for (const auto& name : names) {
      auto r = sign_in(c, std::string("{\"username\":") + name + ",\"password\":\"x\"}");
      EXPECT_EQ(r.status, 401) << name << " " << r.body;
    }
    // Latin-1 bytes in a query parameter of a denied request: the denial is still audited.
    ASSERT_EQ(c.login("demo-worker", kPassword), 200);
    auto denied = c.get("/api/v1/findings?la=%C9%00x");
    EXPECT_GE(denied.status, 400);
    server.stop();
  }
  auto verify = run(hearth_cmd(db_->url(), {"audit", "verify"}));
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  auto entries = audit_entries(db_->url());
  bool nul_seen = false, denial_seen = false;
  for (const auto& e : entries) {
    if (e["actor"] == "nul\\u0000user") nul_seen = true;
    if (e["action"] == "access.denied" && e["actor"] == "demo-worker") denial_seen = true;
  }
  EXPECT_TRUE(nul_seen) << "the NUL is kept visible as \\u0000";
  EXPECT_TRUE(denial_seen) << "a denial with a non-UTF-8 la is audited";
  // On a terminal: no raw escape sequence or line break from a stored value.
  auto table = run(hearth_cmd(db_->url(), {"audit", "list", "--limit", "1000"}));
  EXPECT_EQ(table.out.find('\x1b'), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find('\r'), std::string::npos);
  EXPECT_NE(table.out.find("\\u001b[2J"), std::string::npos) << table.out;
  // In a spreadsheet: the formula is text.
  auto csv = run(hearth_cmd(db_->url(), {"audit", "list", "--limit", "1000", "--format", "csv"}));
  EXPECT_NE(csv.out.find("'=HYPERLINK("), std::string::npos) << csv.out;
  EXPECT_EQ(csv.out.find(",=HYPERLINK("), std::string::npos);
  EXPECT_EQ(csv.out.find(",\"=HYPERLINK("), std::string::npos);
}

// 5,728 rows from one address in 10 s before: now the rate limit's refusals are counted.
// Refused sign-ins counted in session.rate_limited summaries so far.
std::int64_t summarised_refusals(const json& entries) {
  std::int64_t n = 0;
  for (const auto& e : entries)
    if (e["action"] == "session.rate_limited" && e["detail"].is_object())
      n += e["detail"].value("refused", std::int64_t{0});
  return n;
}

TEST_P(WebAudit, RateLimitedSignInsWriteAHandfulOfRows) {
  const json earlier = audit_entries(db_->url());
  const auto before = earlier.size();
  {
    Server server(hearth_cmd(db_->url(), {"serve"}));
    WebClient c(server.base());
    int limited = 0;
    for (int i = 0; i < 80; ++i) {
      auto r = sign_in(c, sign_in_body("guess" + std::to_string(i), "wrong"));
      if (r.status == 429 && r.body.find("rate_limited") != std::string::npos) ++limited;
    }
    EXPECT_EQ(limited, 60) << "20 failures, then the address is refused";
    server.stop();
  }
  auto verify = run(hearth_cmd(db_->url(), {"audit", "verify"}));
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
  auto entries = audit_entries(db_->url());
  auto written = entries.size() - before;
  EXPECT_LE(written, 25u) << "20 wrong passwords, the first refusal, and at most a summary";
  // The refusals still being counted when the server stopped are written as it stops, so none
  // goes unrecorded: the first refusal on its own row, the other 59 in summaries.
  EXPECT_EQ(summarised_refusals(entries) - summarised_refusals(earlier), 59)
      << "every refused sign-in is counted in a summary";
}

// Five wrong passwords from one address lock the account for that address only; an unknown
// username gets exactly the same replies.
TEST_P(WebAudit, LockoutIsPerAddressAndTheSameForUnknownUsers) {
  Server server(hearth_cmd(db_->url(), {"serve", "--trust-proxy"}));
  WebClient c(server.base());
  std::vector<std::string> known, unknown;
  for (int i = 0; i < 6; ++i) {
    auto k = sign_in(c, sign_in_body("demo-board", "wrong"), "10.20.0.1");
    auto u = sign_in(c, sign_in_body("no-such-user", "wrong"), "10.20.0.1");
    known.push_back(std::to_string(k.status) + " " +
                    json::parse(k.body)["error"]["code"].get<std::string>());
    unknown.push_back(std::to_string(u.status) + " " +
                      json::parse(u.body)["error"]["code"].get<std::string>());
  }
  EXPECT_EQ(known, unknown);
  EXPECT_EQ(known[4], "429 locked");
  EXPECT_EQ(sign_in(c, sign_in_body("demo-board", kPassword), "10.20.0.1").status, 429)
      << "locked for the address that failed";
  WebClient elsewhere(server.base());
  EXPECT_EQ(sign_in(elsewhere, sign_in_body("demo-board", kPassword), "10.30.0.7").status, 200)
      << "still usable from another address";
}

// `hearth import` is audited (who, what, outcome), and two imports at once on SQLite both
// finish: the second waits for the first instead of failing with "database is locked".
TEST_P(WebAudit, CliImportsAreAuditedAndConcurrentImportsWait) {
  TempDir tmp;
  for (int y : {2024, 2025}) {
    auto s =
        run(hearth_cmd(db_->url(), {"synth", "--la", "887", "--children", "60", "--years", "1",
                                    "--last-year", std::to_string(y), "--seed", std::to_string(y),
                                    "--out", (tmp.path() / std::to_string(y)).string()}));
    ASSERT_EQ(s.exit_code, 0) << s.err;
  }
  RunResult a, b;
  std::thread ta([&] {
    a = run(hearth_cmd(db_->url(), {"import", (tmp.path() / "2024").string(), "--progress", "none",
                                    "--la", "887", "--accept-with-findings"}));
  });
  std::thread tb([&] {
    b = run(hearth_cmd(db_->url(), {"import", (tmp.path() / "2025").string(), "--progress", "none",
                                    "--la", "887", "--accept-with-findings"}));
  });
  ta.join();
  tb.join();
  EXPECT_EQ(a.exit_code, 0) << a.out << a.err;
  EXPECT_EQ(b.exit_code, 0) << b.out << b.err;
  int imports = 0;
  for (const auto& e : audit_entries(db_->url()))
    if (e["action"] == "import.cli") {
      ++imports;
      EXPECT_TRUE(e["actor"].get<std::string>().starts_with("cli:")) << e;
      EXPECT_EQ(e["outcome"], "ok") << e;
      EXPECT_EQ(e["detail"]["kind"], "903") << e;
    }
  EXPECT_EQ(imports, 2);
  EXPECT_EQ(run(hearth_cmd(db_->url(), {"audit", "verify"})).exit_code, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebAudit,
                         ::testing::Values(std::string("sqlite"), std::string("postgresql")),
                         [](const auto& info) { return info.param; });

}  // namespace
