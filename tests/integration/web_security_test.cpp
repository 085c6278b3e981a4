// The web application's security and imports end to end, through the real `hearth serve`:
// lockout after wrong passwords, the audit chain's tampering found, sessions shared by two servers
// on PostgreSQL, TLS, and an import through the web (web_test.cpp has the access matrix).
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace fs = std::filesystem;
using hearth::testing::body_of;
using hearth::testing::hearth_cmd;
using hearth::testing::run;
using hearth::testing::Server;
using hearth::testing::TempDir;
using hearth::testing::TestDatabase;
using hearth::testing::WebClient;
using nlohmann::json;

namespace {

const char* kPassword = "web-security-test-password";

}  // namespace

// Five wrong passwords lock the account (even the right password is refused until the lock
// ends or an administrator resets it); the audit log records it; tampering is detected.
TEST(WebSecurity, LockoutAfterWrongPasswordsAndAuditTamperingIsDetected) {
  setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
  TempDir tmp;
  const std::string store = "sqlite:" + (tmp.path() / "s.db").string();
  ASSERT_EQ(run(hearth_cmd(store, {"demo", "--children", "40", "--years", "1"})).exit_code, 0);
  Server server(hearth_cmd(store, {"serve"}));
  WebClient c(server.base());
  for (int i = 0; i < 4; ++i) EXPECT_EQ(c.login("demo-board", "wrong password"), 401) << i;
  EXPECT_EQ(c.login("demo-board", "wrong password"), 429) << "the fifth locks it";
  auto locked = c.request(
      "POST", "/api/v1/session",
      std::string("{\"username\":\"demo-board\",\"password\":\"") + kPassword + "\"}", false);
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(body_of(locked)["error"]["code"], "locked");
  EXPECT_GT(body_of(locked)["error"]["details"]["retry_after"].get<int>(), 0);
  EXPECT_EQ(c.login("demo-analyst", kPassword), 200) << "other accounts are not locked";
  // An administrator resets it.
  auto reset = run(hearth_cmd(store, {"user", "reset-password", "demo-board"}));
  ASSERT_EQ(reset.exit_code, 0) << reset.err;
  auto at = reset.out.find("The new password is ");
  ASSERT_NE(at, std::string::npos) << reset.out;
  std::string fresh = reset.out.substr(at + 20, 19);
  EXPECT_EQ(c.login("demo-board", fresh), 200);
  server.stop();

  // The audit log: whole, then each kind of tampering is found.
  auto db = store.substr(7);
  auto verify = [&] { return run(hearth_cmd(store, {"audit", "verify"})); };
  ASSERT_EQ(verify().exit_code, 0) << verify().out;
  auto sql = [&](const std::string& q) {
    ASSERT_EQ(run({"/usr/bin/sqlite3", db, q}).exit_code, 0) << q;
  };
  sql("UPDATE audit_log SET detail = '{\"ip\":\"10.0.0.1\"}' WHERE seq = 3");
  auto edited = verify();
  EXPECT_EQ(edited.exit_code, 1);
  EXPECT_NE(edited.out.find("entry 3 was changed"), std::string::npos) << edited.out;
  sql("DELETE FROM audit_log WHERE seq = 5");
  auto deleted = verify();
  EXPECT_EQ(deleted.exit_code, 1);
  EXPECT_NE(deleted.out.find("entries 5 to 5 are missing"), std::string::npos) << deleted.out;
  sql("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
  auto tail = verify();
  EXPECT_NE(tail.out.find("missing from the end"), std::string::npos) << tail.out;
}

// Sessions live in the database: one made through one server is good on another, and signing
// out on either ends it on both.
TEST(WebSecurity, TwoServersOnOnePostgresqlShareSessions) {
  TestDatabase db("postgresql");
  HEARTH_REQUIRE_DB(db);
  setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
  ASSERT_EQ(run(hearth_cmd(db.url(), {"demo", "--children", "40", "--years", "1"})).exit_code, 0);
  Server a(hearth_cmd(db.url(), {"serve"}));
  Server b(hearth_cmd(db.url(), {"serve"}));
  ASSERT_NE(a.base(), b.base());
  WebClient on_a(a.base());
  ASSERT_EQ(on_a.login("demo-analyst", kPassword), 200);
  WebClient on_b(b.base());
  on_b.copy_cookies_from(on_a);
  auto who = on_b.get("/api/v1/session");
  ASSERT_EQ(who.status, 200) << who.body;
  EXPECT_EQ(body_of(who)["user"]["username"], "demo-analyst");
  EXPECT_EQ(on_b.get("/api/v1/findings").status, 200);
  EXPECT_EQ(on_b.request("DELETE", "/api/v1/session").status, 204);
  EXPECT_EQ(on_a.get("/api/v1/session").status, 401) << "signed out on B ends it on A";
  EXPECT_EQ(run(hearth_cmd(db.url(), {"audit", "verify"})).exit_code, 0);
}

// An analyst imports a return through the web: starts an import, uploads each file, checks it
// (findings, nothing stored), accepts it (stored, and served at once); a file over the limit is
// refused with 413 and nothing is lost.
TEST(WebImport, UploadCheckAcceptAndTooLarge) {
  setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
  TempDir tmp;
  const std::string store = "sqlite:" + (tmp.path() / "s.db").string();
  ASSERT_EQ(run(hearth_cmd(store, {"demo", "--children", "40", "--years", "1"})).exit_code, 0);
  // Next year's return of the same council, as the council's system would write it.
  auto files = tmp.path() / "next";
  auto synth = run(hearth_cmd(store, {"synth", "--la", "887", "--children", "40", "--years", "1",
                                      "--last-year", "2027", "--out", files.string()}));
  ASSERT_EQ(synth.exit_code, 0) << synth.err;
  Server server(hearth_cmd(store, {"serve", "--max-upload-mb", "1"}));
  WebClient c(server.base());
  ASSERT_EQ(c.login("demo-analyst", kPassword), 200);
  auto before = body_of(c.get("/api/v1/imports"))["total"].get<int>();
  auto start = c.request("POST", "/api/v1/imports", R"({"kind":"903","year":"2026-27"})");
  ASSERT_EQ(start.status, 201) << start.body;
  std::string id = body_of(start)["id"];
  int uploaded = 0;
  for (const auto& f : fs::recursive_directory_iterator(files)) {
    if (!f.is_regular_file() || f.path().extension() != ".csv") continue;
    auto put = c.request("PUT", "/api/v1/imports/" + id + "/files/" + f.path().filename().string(),
                         hearth::testing::read_text(f.path()));
    ASSERT_EQ(put.status, 200) << put.body;
    ++uploaded;
  }
  ASSERT_GT(uploaded, 3);
  auto shown = body_of(c.get("/api/v1/imports/" + id));
  EXPECT_EQ(shown["files"].size(), static_cast<std::size_t>(uploaded));
  auto check = c.request("POST", "/api/v1/imports/" + id + "/check");
  ASSERT_EQ(check.status, 200) << check.body;
  auto checked = body_of(check);
  EXPECT_EQ(checked["status"], "checked");
  EXPECT_TRUE(checked["result"]["can_import"].get<bool>()) << checked["result"];
  EXPECT_GT(checked["result"]["rows"].get<int>(), 0);
  EXPECT_EQ(body_of(c.get("/api/v1/imports"))["total"].get<int>(), before)
      << "checking stores nothing";
  // Over the limit: 413 with the limit, and the import in progress is as it was.
  std::string big(1024 * 1024 + 10, 'x');
  auto too_big = c.request("PUT", "/api/v1/imports/" + id + "/files/episodes.csv", big);
  EXPECT_EQ(too_big.status, 413);
  EXPECT_EQ(body_of(too_big)["error"]["code"], "payload_too_large");
  EXPECT_EQ(body_of(c.get("/api/v1/imports/" + id))["files"].size(),
            static_cast<std::size_t>(uploaded));
  auto accept = c.request("POST", "/api/v1/imports/" + id + "/accept", "{}");
  ASSERT_EQ(accept.status, 200) << accept.body;
  EXPECT_EQ(body_of(accept)["status"], "imported");
  EXPECT_EQ(body_of(c.get("/api/v1/imports"))["total"].get<int>(), before + 1);
  auto again = c.request("POST", "/api/v1/imports/" + id + "/accept", "{}");
  EXPECT_EQ(again.status, 409) << "an import is accepted once";
  // The new year is served at once.
  auto info = body_of(c.get("/api/v1/findings?year=2026-27"));
  EXPECT_EQ(info["year"], "2026/27") << info;
  // A cancelled import keeps nothing.
  auto other = body_of(c.request("POST", "/api/v1/imports", R"({"kind":"local"})"));
  EXPECT_EQ(c.request("DELETE", "/api/v1/imports/" + other["id"].get<std::string>()).status, 204);
  server.stop();
  EXPECT_EQ(run(hearth_cmd(store, {"audit", "verify"})).exit_code, 0);
}

// hearth serve speaks HTTPS itself when given a certificate: cookies are Secure, HSTS is sent,
// and plain HTTP on that port gets no answer.
TEST(WebSecurity, ServesTlsWithACertificate) {
  setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
  TempDir tmp;
  const std::string store = "sqlite:" + (tmp.path() / "s.db").string();
  ASSERT_EQ(run(hearth_cmd(store, {"demo", "--children", "30", "--years", "1"})).exit_code, 0);
  auto cert = (tmp.path() / "cert.pem").string(), key = (tmp.path() / "key.pem").string();
  auto made = run({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                   "2", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  auto bad = run(hearth_cmd(store, {"serve", "--listen", "127.0.0.1:0", "--tls-cert", cert,
                                    "--tls-key", (tmp.path() / "none.pem").string()}));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("TLS private key"), std::string::npos) << bad.err;
  Server server(hearth_cmd(store, {"serve", "--tls-cert", cert, "--tls-key", key}));
  ASSERT_EQ(server.base().substr(0, 8), "https://");
  WebClient c(server.base());
  EXPECT_EQ(c.get("/healthz").status, 200);
  auto login = c.request(
      "POST", "/api/v1/session",
      std::string("{\"username\":\"demo-board\",\"password\":\"") + kPassword + "\"}", false);
  EXPECT_EQ(login.status, 200) << login.body;
  EXPECT_NE(login.headers.find("samesite=strict; secure"), std::string::npos) << login.headers;
  EXPECT_NE(login.headers.find("strict-transport-security: max-age="), std::string::npos);
  EXPECT_EQ(c.get("/api/v1/scorecard").status, 200);
  std::string plain = "http" + server.base().substr(5);
  auto r = run({"/usr/bin/curl", "-s", "-o", "/dev/null", "-m", "5", "-w", "%{http_code}",
                plain + "/healthz"});
  EXPECT_NE(r.out, "200") << "plain HTTP on the TLS port";
  EXPECT_EQ(server.stop() & 0x7f, 0) << "a clean stop";
}
