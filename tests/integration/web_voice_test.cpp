// The child's voice through the real `hearth serve` (issue 16): "I don't feel safe" reaches the
// worker and manager in the app and by email (a real SMTP server, Debian's python3-aiosmtpd),
// the worker answers and the young person sees the answer; escalation after one working day,
// once, with nothing lost to a SIGKILL; bad input refused with nothing stored; the text never in
// the database in plain text, and still readable after `hearth keys rotate`.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "support.hpp"

namespace fs = std::filesystem;
using hearth::testing::body_of;
using hearth::testing::Child;
using hearth::testing::hearth_cmd;
using hearth::testing::HttpReply;
using hearth::testing::run;
using hearth::testing::Server;
using hearth::testing::TempDir;
using hearth::testing::WebClient;
using nlohmann::json;

namespace {

const char* kPassword = "voice-test-password";

// A free TCP port on 127.0.0.1 (bound and released: good enough for a test's own server).
int free_port() {
  auto r =
      run({"/usr/bin/python3", "-c",
           "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])"});
  return std::stoi(r.out);
}

// A real SMTP server that keeps every message it takes in a Maildir.
class SmtpServer {
 public:
  explicit SmtpServer(const fs::path& maildir) : maildir_(maildir), port_(free_port()) {
    child_ = std::make_unique<Child>(
        std::vector<std::string>{"/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l",
                                 "127.0.0.1:" + std::to_string(port_), "-c",
                                 "aiosmtpd.handlers.Mailbox", maildir_.string()},
        2);
    // Ready when it takes a connection.
    for (int i = 0; i < 100; ++i) {
      auto r = run({"/usr/bin/python3", "-c",
                    "import socket;socket.create_connection(('127.0.0.1'," + std::to_string(port_) +
                        "),1).close()"});
      if (r.exit_code == 0) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "the SMTP server did not start";
  }
  int port() const { return port_; }
  // The messages received so far, as text.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const char* sub : {"new", "cur"}) {
      std::error_code ec;
      for (const auto& f : fs::directory_iterator(maildir_ / sub, ec))
        out.push_back(hearth::testing::read_text(f.path()));
    }
    return out;
  }
  // Waits up to `seconds` for at least `n` messages.
  std::vector<std::string> wait_for(std::size_t n, int seconds) const {
    for (int i = 0; i < seconds * 10; ++i) {
      auto m = messages();
      if (m.size() >= n) return m;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return messages();
  }

 private:
  fs::path maildir_;
  int port_;
  std::unique_ptr<Child> child_;
};

class WebVoice : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
    store_ = "sqlite:" + (tmp_.path() / "v.db").string();
    ASSERT_EQ(run(cmd({"demo", "--children", "80", "--years", "1"})).exit_code, 0);
  }
  std::vector<std::string> cmd(std::vector<std::string> args) {
    return hearth_cmd(store_, std::move(args));
  }
  std::vector<std::string> with_config(const std::string& toml, std::vector<std::string> args) {
    const auto file = tmp_.path() / "hearth.toml";
    hearth::testing::write_text(file, toml);
    std::vector<std::string> argv = {HEARTH_BIN, "--store", store_, "--config", file.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
  }
  std::string sql(const std::string& q) {
    auto r = run({"/usr/bin/sqlite3", store_.substr(7), q});
    EXPECT_EQ(r.exit_code, 0) << q << r.err;
    return r.out;
  }
  static HttpReply send(WebClient& c, const json& body) {
    return c.request("POST", "/api/v1/statements", body.dump());
  }

  TempDir tmp_;
  std::string store_;
};

TEST_F(WebVoice, IDontFeelSafeReachesWorkerAndManagerByEmailAndTheAnswerReachesTheChild) {
  SmtpServer smtp(tmp_.path() / "mail");
  Server server(with_config("[mail]\nsmtp = \"smtp://127.0.0.1:" + std::to_string(smtp.port()) +
                                "\"\nfrom = \"hearth@council.example\"\nbase_url = "
                                "\"https://hearth.council.example\"\n[voice]\nout_of_hours = "
                                "\"01632 960000\"\n",
                            {"serve"}));
  WebClient yp(server.base()), worker(server.base()), manager(server.base());
  ASSERT_EQ(yp.login("demo-yp", kPassword), 200);
  ASSERT_EQ(worker.login("demo-worker", kPassword), 200);
  ASSERT_EQ(manager.login("demo-manager", kPassword), 200);

  const std::string words = "Please come, the man next door keeps shouting at me";
  auto sent = send(yp, {{"mood", "scared"},
                        {"topic", "where_i_live"},
                        {"text", words},
                        {"unsafe", true},
                        {"purpose", ""}});
  ASSERT_EQ(sent.status, 201) << sent.body;
  auto s = body_of(sent);
  ASSERT_TRUE(s["alert"].is_object());
  EXPECT_EQ(s["help"]["out_of_hours"], "01632 960000");
  std::set<std::string> told(s["told"].begin(), s["told"].end());
  EXPECT_TRUE(told.count("Sam Worker (demo)")) << s["told"];
  EXPECT_TRUE(told.count("Morgan Manager (demo)")) << s["told"];
  const auto id = s["id"].get<std::int64_t>();
  const auto alert = s["alert"]["id"].get<std::int64_t>();

  // Both see the alert in the app at once.
  for (auto* c : {&worker, &manager}) {
    auto alerts = body_of(c->get("/api/v1/alerts"));
    bool found = false;
    for (auto& a : alerts["items"]) found |= a["id"] == alert;
    EXPECT_TRUE(found) << alerts.dump().substr(0, 400);
  }
  // And by email, through the real SMTP server, without the child's words.
  auto mail = smtp.wait_for(2, 30);
  ASSERT_EQ(mail.size(), 2u) << "both emails arrive";
  std::set<std::string> to;
  for (const auto& m : mail) {
    EXPECT_EQ(m.find("shouting"), std::string::npos) << "the child's words are never mailed";
    EXPECT_NE(m.find("do not feel safe"), std::string::npos) << m;
    EXPECT_NE(m.find("https://hearth.council.example/alerts"), std::string::npos) << m;
    to.insert(m.find("demo-worker@example.org") != std::string::npos ? "worker" : "manager");
  }
  EXPECT_EQ(to.size(), 2u);
  auto a = body_of(manager.get("/api/v1/alerts"));
  for (auto& item : a["items"])
    if (item["id"] == alert) {
      for (auto& e : item["emails"]) EXPECT_EQ(e["status"], "sent") << item;
    }

  // The worker reads, acknowledges saying what was done, and answers.
  auto read = body_of(worker.get("/api/v1/statements/" + std::to_string(id)));
  EXPECT_EQ(read["text"], words);
  auto ack = worker.request("POST", "/api/v1/alerts/" + std::to_string(alert) + "/acknowledge",
                            R"({"action":"Phoned the young person and visited within the hour."})");
  ASSERT_EQ(ack.status, 200) << ack.body;
  EXPECT_EQ(body_of(ack)["acknowledged_by"], "demo-worker");
  auto again = manager.request("POST", "/api/v1/alerts/" + std::to_string(alert) + "/acknowledge",
                               R"({"action":"me too"})");
  EXPECT_EQ(again.status, 409) << "acknowledged once";
  auto reply = worker.request("POST", "/api/v1/statements/" + std::to_string(id) + "/replies",
                              R"({"text":"I'm on my way. You did the right thing telling me."})");
  ASSERT_EQ(reply.status, 201) << reply.body;

  // The young person sees the answer, in the API and on their own page.
  auto mine = body_of(yp.get("/api/v1/statements/" + std::to_string(id)));
  ASSERT_EQ(mine["replies_list"].size(), 1u);
  EXPECT_EQ(mine["replies_list"][0]["text"], "I'm on my way. You did the right thing telling me.");
  auto page = yp.get("/my/messages/" + std::to_string(id));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("I&apos;m on my way"), std::string::npos) << page.body.substr(0, 2000);

  // Every read of the words is in the audit log, and the words are not.
  auto audit = run(cmd({"audit", "list", "--limit", "100000", "--format", "json"}));
  EXPECT_EQ(audit.out.find("shouting"), std::string::npos);
  EXPECT_NE(audit.out.find("\"statement.read\""), std::string::npos);
  EXPECT_EQ(run(cmd({"audit", "verify"})).exit_code, 0);
}

TEST_F(WebVoice, AFailedSendIsRetriedAndShownNeverDropped) {
  // Nothing listens on this port: every try fails, is counted and shown with why.
  const int port = free_port();
  Server server(with_config(
      "[mail]\nsmtp = \"smtp://127.0.0.1:" + std::to_string(port) + "\"\nretry_minutes = [1]\n",
      {"serve"}));
  WebClient yp(server.base()), manager(server.base());
  ASSERT_EQ(yp.login("demo-yp", kPassword), 200);
  ASSERT_EQ(manager.login("demo-manager", kPassword), 200);
  auto sent = send(yp, {{"mood", "scared"}, {"topic", "home"}, {"text", ""}, {"unsafe", true}});
  ASSERT_EQ(sent.status, 201) << "a child in danger need not write" << sent.body;
  const auto alert = body_of(sent)["alert"]["id"];
  json item;
  for (int i = 0; i < 150 && item.is_null(); ++i) {
    const auto list = body_of(manager.get("/api/v1/alerts"));
    for (auto& a : list["items"])
      if (a["id"] == alert && !a["emails"].empty() && a["emails"][0]["status"] == "failed")
        item = a;
    if (item.is_null()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ASSERT_FALSE(item.is_null()) << "the failure is shown";
  EXPECT_GE(item["emails"][0]["attempts"].get<int>(), 1);
  EXPECT_FALSE(item["emails"][0]["last_error"].get<std::string>().empty());
  // Still waiting to be sent: nothing was marked sent, nothing deleted.
  EXPECT_EQ(sql("SELECT COUNT(*) FROM outbox WHERE sent_at = ''"), "2\n");
}

TEST_F(WebVoice, AnUnacknowledgedAlertEscalatesAfterOneWorkingDayOnceAndSurvivesAKill) {
  const std::string toml =
      "[[alerts.escalate]]\nusers = [\"demo-admin\", \"demo-analyst\", \"demo-manager\"]\n";
  std::int64_t alert = 0;
  {
    Server server(with_config(toml, {"serve"}));
    WebClient yp(server.base());
    ASSERT_EQ(yp.login("demo-yp", kPassword), 200);
    auto sent =
        send(yp, {{"mood", "scared"}, {"topic", "home"}, {"text", "help"}, {"unsafe", true}});
    ASSERT_EQ(sent.status, 201) << sent.body;
    alert = body_of(sent)["alert"]["id"];
    // Killed at once: the statement, its alert and who was told were stored before the reply.
    ASSERT_EQ(kill(server.pid(), SIGKILL), 0);
  }
  EXPECT_EQ(sql("SELECT level FROM alerts WHERE id = " + std::to_string(alert)), "0\n");
  EXPECT_EQ(sql("SELECT COUNT(*) FROM alert_events WHERE kind = 'told' AND alert_id = " +
                std::to_string(alert)),
            "2\n");
  const std::string due = sql("SELECT due_at FROM alerts WHERE id = " + std::to_string(alert));
  // A moment before the deadline nothing moves; at it, the alert escalates once, however many
  // processes run the escalation at the same time.
  auto before = run(with_config(toml, {"alerts", "run", "--now", "2000-01-01T00:00:00Z"}));
  EXPECT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(sql("SELECT level FROM alerts WHERE id = " + std::to_string(alert)), "0\n");
  const std::string at = due.substr(0, due.size() - 1);
  // Every alert due by then (the demo's open one too) moves once.
  const int due_then =
      std::stoi(sql("SELECT COUNT(*) FROM alerts WHERE acknowledged_at = '' AND "
                    "due_at <= '" +
                    at + "'"));
  std::vector<std::thread> runs;
  std::vector<hearth::testing::RunResult> results(4);
  for (int i = 0; i < 4; ++i)
    runs.emplace_back([&, i] {
      results[i] = run(with_config(toml, {"alerts", "run", "--now", at}));
    });
  for (auto& t : runs) t.join();
  int escalated = 0;
  for (const auto& r : results) {
    EXPECT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(r.out.rfind("Escalated ", 0), 0u) << r.out;
    escalated += std::stoi(r.out.substr(10));
  }
  EXPECT_EQ(escalated, due_then) << "each alert escalated by exactly one of the four";
  EXPECT_EQ(sql("SELECT level FROM alerts WHERE id = " + std::to_string(alert)), "1\n");
  EXPECT_EQ(sql("SELECT COUNT(*) FROM alert_events WHERE kind = 'escalated' AND alert_id = " +
                std::to_string(alert)),
            "1\n");
  // The next step was told: the configured chain, not the worker again.
  EXPECT_EQ(sql("SELECT COUNT(*) FROM alert_events WHERE kind = 'told' AND level = 1 AND "
                "alert_id = " +
                std::to_string(alert)),
            "3\n");
}

TEST_F(WebVoice, BadInputIsRefusedClearlyAndNothingIsStored) {
  Server server(cmd({"serve"}));
  WebClient yp(server.base()), worker(server.base());
  ASSERT_EQ(yp.login("demo-yp", kPassword), 200);
  ASSERT_EQ(worker.login("demo-worker", kPassword), 200);
  const std::string before = sql("SELECT COUNT(*) FROM statements");
  auto expect = [&](WebClient& c, const std::string& body, int status, const std::string& code) {
    auto r = c.request("POST", "/api/v1/statements", body);
    EXPECT_EQ(r.status, status) << body.substr(0, 80) << " → " << r.body.substr(0, 300);
    if (!code.empty()) {
      EXPECT_EQ(body_of(r)["error"]["code"], code) << r.body.substr(0, 300);
    }
    EXPECT_FALSE(body_of(r)["error"]["message"].get<std::string>().empty());
  };
  expect(yp, R"({"mood":"good","topic":"school","text":""})", 400, "bad_text");
  expect(yp, R"({"mood":"good","topic":"school","text":"   \n  "})", 400, "bad_text");
  expect(yp,
         json{{"mood", "good"}, {"topic", "school"}, {"text", std::string(100 * 1024, 'a')}}.dump(),
         400, "bad_text");
  expect(yp, R"({"mood":"furious","topic":"school","text":"hi"})", 400, "bad_mood");
  expect(yp, R"({"mood":"good","topic":"space","text":"hi"})", 400, "bad_topic");
  expect(yp, R"({"mood":"good","topic":"school","text":"hi","purpose":"x"})", 400, "bad_purpose");
  expect(yp, R"({"mood":"good","topic":"school","text":"hi","unsafe":"yes"})", 400, "bad_request");
  expect(yp, R"({"mood":"good",)", 400, "bad_json");
  expect(yp,
         json{{"mood", "good"}, {"topic", "school"}, {"text", std::string(2 * 1024 * 1024, 'a')}}
             .dump(),
         413, "");
  expect(worker, R"({"mood":"good","topic":"school","text":"hi"})", 403, "forbidden");
  EXPECT_EQ(sql("SELECT COUNT(*) FROM statements"), before) << "nothing stored half-way";

  // The same on the young person's page: the form again with the error, nothing stored.
  auto page = yp.get("/my/say");
  ASSERT_EQ(page.status, 200);
  const std::string csrf = yp.cookie("hearth_csrf");
  auto post = [&](const std::string& form) {
    return yp.request("POST", "/my/say", form, false,
                      {"Content-Type: application/x-www-form-urlencoded"});
  };
  auto empty = post("csrf=" + csrf + "&mood=good&topic=school&text=");
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("govuk-error-summary"), std::string::npos);
  auto long_text = post("csrf=" + csrf + "&mood=good&topic=school&text=" + std::string(6000, 'a'));
  EXPECT_EQ(long_text.status, 400);
  EXPECT_NE(long_text.body.find("too long"), std::string::npos);
  auto no_csrf = post("mood=good&topic=school&text=hello");
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(sql("SELECT COUNT(*) FROM statements"), before);

  // A message sent after the session ended is kept: the sign-in page carries it, and signing in
  // sends it ("I don't feel safe" is never lost to a timeout).
  {
    WebClient ended(server.base());
    auto form_post = [&](const std::string& path, const std::string& body) {
      return ended.request("POST", path, body, false,
                           {"Content-Type: application/x-www-form-urlencoded"});
    };
    auto kept = form_post("/my/unsafe", "csrf=old&text=please+help+me");
    EXPECT_EQ(kept.status, 401);
    EXPECT_NE(kept.body.find("name=\"resume\" value=\"unsafe\""), std::string::npos)
        << kept.body.substr(0, 2000);
    EXPECT_NE(kept.body.find("value=\"please help me\""), std::string::npos);
    EXPECT_EQ(sql("SELECT COUNT(*) FROM statements"), before) << "nothing sent before signing in";
    auto signed_in =
        form_post("/my/sign-in", "username=demo-yp&password=" + std::string(kPassword) +
                                     "&resume=unsafe&text=please+help+me");
    EXPECT_EQ(signed_in.status, 303) << signed_in.body.substr(0, 500);
    EXPECT_NE(signed_in.headers.find("location: /my/help/"), std::string::npos)
        << signed_in.headers;
    EXPECT_EQ(std::stoi(sql("SELECT COUNT(*) FROM statements")), std::stoi(before) + 1);
    EXPECT_EQ(sql("SELECT COUNT(*) FROM alerts a JOIN statements s ON s.id = a.statement_id "
                  "WHERE s.id = (SELECT MAX(id) FROM statements)"),
              "1\n");
  }

  // An invitation code works once; a made-up one never.
  auto inv =
      worker.request("POST", "/api/v1/invitations",
                     json{{"child", body_of(yp.get("/api/v1/session"))["user"]["child"]}}.dump());
  ASSERT_EQ(inv.status, 201) << inv.body;
  const std::string code = body_of(inv)["code"];
  WebClient fresh(server.base());
  auto start = [&](const std::string& c, const std::string& user) {
    return fresh.request(
        "POST", "/my/start",
        "code=" + c + "&username=" + user + "&display_name=Jo&password=" + "a-long-enough-password",
        false, {"Content-Type: application/x-www-form-urlencoded"});
  };
  auto bad = start("ABCD-EFGH-JKLM", "jo-made-up");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("That code does not work"), std::string::npos);
  auto good = start(code, "jo-first");
  EXPECT_EQ(good.status, 303) << good.body.substr(0, 500);
  WebClient other(server.base());
  auto reused = other.request(
      "POST", "/my/start",
      "code=" + code + "&username=jo-second&display_name=Jo&password=" + "a-long-enough-password",
      false, {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(reused.status, 400) << "used once";
  EXPECT_EQ(sql("SELECT COUNT(*) FROM users WHERE username LIKE 'jo-%'"), "1\n");
}

TEST_F(WebVoice, TheWordsAreNeverInTheDatabaseInPlainTextAndSurviveARotation) {
  const std::string marker = "zebra-marmalade-4417";
  std::int64_t id = 0;
  {
    Server server(cmd({"serve"}));
    WebClient yp(server.base()), worker(server.base());
    ASSERT_EQ(yp.login("demo-yp", kPassword), 200);
    ASSERT_EQ(worker.login("demo-worker", kPassword), 200);
    auto sent = send(yp, {{"mood", "sad"}, {"topic", "school"}, {"text", "statement " + marker}});
    ASSERT_EQ(sent.status, 201);
    id = body_of(sent)["id"];
    ASSERT_EQ(worker
                  .request("POST", "/api/v1/statements/" + std::to_string(id) + "/replies",
                           json{{"text", "reply " + marker}}.dump())
                  .status,
              201);
    // Rotated while the server runs: it reads the new key file and still opens every text.
    auto rotate = run(cmd({"keys", "rotate"}));
    ASSERT_EQ(rotate.exit_code, 0) << rotate.err;
    EXPECT_NE(rotate.out.find("Re-sealed"), std::string::npos);
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    auto read = body_of(worker.get("/api/v1/statements/" + std::to_string(id)));
    EXPECT_EQ(read["text"], "statement " + marker);
    EXPECT_EQ(read["replies_list"][0]["text"], "reply " + marker);
  }
  // The raw bytes of the database (and its write-ahead log) never hold the words.
  for (const auto& f : fs::directory_iterator(tmp_.path())) {
    if (f.path().filename().string().rfind("v.db", 0) != 0) continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find(marker), std::string::npos) << f.path();
  }
  // Every sealed text is under the new key alone.
  EXPECT_EQ(sql("SELECT COUNT(*) FROM statements WHERE text_box NOT LIKE 'v1:k2:%'"), "0\n");
  auto key = hearth::testing::read_text(tmp_.path() / "v.db.voice-key");
  EXPECT_EQ(key.find("\nk1 "), std::string::npos) << "the old key is gone";
}

TEST_F(WebVoice, SurveysAndStandardsAreAnsweredOnceAnonymouslyAndShownOnlyInEnoughNumbers) {
  Server server(cmd({"serve"}));
  WebClient yp(server.base()), board(server.base());
  ASSERT_EQ(yp.login("demo-yp", kPassword), 200);
  ASSERT_EQ(board.login("demo-board", kPassword), 200);
  auto form = [&](const std::string& path, const std::string& body) {
    return yp.request("POST", path, "csrf=" + yp.cookie("hearth_csrf") + "&" + body, false,
                      {"Content-Type: application/x-www-form-urlencoded"});
  };
  auto home = yp.get("/my");
  ASSERT_EQ(home.status, 200);
  ASSERT_NE(home.body.find("/my/surveys/wellbeing"), std::string::npos) << "the survey is offered";
  const std::string before = sql("SELECT COUNT(*) FROM survey_responses");
  EXPECT_EQ(form("/my/surveys/wellbeing", "").status, 400) << "nothing answered";
  EXPECT_EQ(form("/my/surveys/wellbeing", "happy=furious").status, 400) << "not an answer";
  auto done = form("/my/surveys/wellbeing", "safe_home=agree&happy=very_happy");
  EXPECT_EQ(done.status, 200) << done.body.substr(0, 300);
  EXPECT_NE(done.body.find("Thank you"), std::string::npos);
  EXPECT_EQ(form("/my/surveys/wellbeing", "happy=okay").status, 409) << "once";
  EXPECT_EQ(std::stoi(sql("SELECT COUNT(*) FROM survey_responses")), std::stoi(before) + 1);
  EXPECT_EQ(yp.get("/my").body.find("/my/surveys/wellbeing"), std::string::npos);
  // Nothing links the answers to demo-yp: not the answers' table, not the audit log.
  const std::string yp_id = sql("SELECT id FROM users WHERE username = 'demo-yp'");
  EXPECT_EQ(sql("SELECT COUNT(*) FROM survey_takers WHERE user_id = " + yp_id), "1\n");
  auto audit = run(cmd({"audit", "list", "--limit", "100000", "--format", "json"}));
  EXPECT_EQ(audit.out.find("survey"), std::string::npos);

  // The standards: rated once, then "again from …".
  auto rated = form("/my/standards", "good_listener=5&honest=4&consistent=dont_know");
  EXPECT_EQ(rated.status, 200) << rated.body.substr(0, 300);
  auto again = yp.get("/my/standards");
  EXPECT_NE(again.body.find("You can rate them again from"), std::string::npos);

  // What the Board sees: counts, suppressed under the threshold; results of a survey with
  // enough answers; a team's standards only with 10 or more ratings.
  auto l = body_of(board.get("/api/v1/listening"));
  ASSERT_TRUE(l.contains("statements")) << l.dump().substr(0, 300);
  const int below = l["suppress_below"];
  for (const auto& t : l["statements"]["by_topic"]) {
    if (!t["count"].is_null()) EXPECT_TRUE(t["count"] == 0 || t["count"].get<int>() >= below) << t;
  }
  int shown_surveys = 0;
  for (const auto& s : l["surveys"]) {
    if (s["shown"]) {
      ++shown_surveys;
      EXPECT_GE(s["responses"].get<int>(), below);
    } else {
      for (const auto& q : s["questions"])
        for (const auto& a : q["answers"]) EXPECT_TRUE(a["count"].is_null());
    }
  }
  EXPECT_GE(shown_surveys, 1) << "the demo's wellbeing survey has enough answers";
  int teams_shown = 0, teams_hidden = 0;
  for (const auto& t : l["standards"]["teams"]) {
    if (t["shown"]) {
      ++teams_shown;
      EXPECT_GE(t["ratings"].get<int>(), 10);
    } else {
      ++teams_hidden;
      EXPECT_TRUE(t["ratings"].is_null());
      for (const auto& sd : t["standards"]) EXPECT_TRUE(sd["average"].is_null());
    }
  }
  EXPECT_EQ(teams_shown, 1);
  EXPECT_GE(teams_hidden, 1);
  EXPECT_EQ(l.dump().find("demo-yp"), std::string::npos);
}

TEST_F(WebVoice, ASubjectAccessExportHoldsEverythingAboutTheChild) {
  std::string child;
  {
    Server server(cmd({"serve"}));
    WebClient yp(server.base()), worker(server.base());
    ASSERT_EQ(yp.login("demo-yp", kPassword), 200);
    ASSERT_EQ(worker.login("demo-worker", kPassword), 200);
    child = body_of(yp.get("/api/v1/session"))["user"]["child"];
    auto sent = send(yp, {{"mood", "sad"}, {"topic", "money"}, {"text", "My bus pass ran out"}});
    ASSERT_EQ(sent.status, 201);
    const std::string id = std::to_string(body_of(sent)["id"].get<std::int64_t>());
    ASSERT_EQ(worker
                  .request("POST", "/api/v1/statements/" + id + "/replies",
                           R"({"text":"I'll sort a new one today"})")
                  .status,
              201);
  }
  const auto zip = tmp_.path() / "sar.zip";
  auto r = run(cmd({"sar", "export", "--child", child, "--out", zip.string()}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto listing =
      run({"/usr/bin/python3", "-c",
           "import zipfile,sys,json;z=zipfile.ZipFile(sys.argv[1]);assert z.testzip() is "
           "None;print(' '.join(z.namelist()));s=json.loads(z.read('statements.json'));"
           "print(sum(1 for x in s if x['text']=='My bus pass ran out' and "
           "x['replies'][0]['text']==\"I'll sort a new one today\"));"
           "print(json.loads(z.read('record.json'))['child']['id'])",
           zip.string()});
  ASSERT_EQ(listing.exit_code, 0) << listing.err;
  EXPECT_NE(listing.out.find("README.txt record.json statements.json statements.csv replies.csv "
                             "alerts.csv accounts.json"),
            std::string::npos)
      << listing.out;
  EXPECT_NE(listing.out.find("\n1\n" + child + "\n"), std::string::npos) << listing.out;
  EXPECT_NE(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'sar.export'"), "0\n");
  EXPECT_NE(run(cmd({"sar", "export", "--child", "NO-SUCH", "--out", zip.string()})).exit_code, 0);
}

// Another app's statements: loaded sealed, once however often the file is loaded, counted in
// the Board's figures beside Hearth's own, readable in a subject access export; a bad file changes
// nothing and its findings never quote the words.
TEST_F(WebVoice, StatementsFromAnotherAppAreSealedLoadedOnceAndCountedForTheBoard) {
  auto trimmed = [](std::string v) {
    while (!v.empty() && (v.back() == '\n' || v.back() == ' ')) v.pop_back();
    return v;
  };
  const std::string la = trimmed(sql("SELECT la FROM local_allocations LIMIT 1"));
  const std::string child = trimmed(
      sql("SELECT invo_person_id FROM local_allocations WHERE invo_involvement_end_date IS NULL OR "
          "invo_involvement_end_date = '' LIMIT 1"));
  ASSERT_FALSE(child.empty());
  const std::string marker = "otter-lantern-2291";
  // Made in the last weeks (the Board's default period is the year to today).
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::string csv =
      "stmt_statement_id,stmt_person_id,stmt_made_at,stmt_app,stmt_mood,stmt_topic,stmt_purpose,"
      "stmt_unsafe,stmt_text,stmt_replied_at\n";
  for (int i = 0; i < 12; ++i) {
    const std::chrono::year_month_day d{today - std::chrono::days{20 + i}};
    char day[16];
    std::snprintf(day, sizeof day, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    csv += "moomo-" + std::to_string(i) + "," + child + "," + day +
           " 17:45,Mind Of My Own,sad,school,,N,\"I said " + marker + " number " +
           std::to_string(i) + "\"," + (i % 2 ? std::string(day) + " 18:30" : "") + "\n";
  }
  const auto file = tmp_.path() / "moomo.csv";
  hearth::testing::write_text(file, csv);
  auto board_total = [&] {
    Server server(cmd({"serve"}));
    WebClient board(server.base());
    EXPECT_EQ(board.login("demo-board", kPassword), 200);
    auto l = body_of(board.get("/api/v1/listening?la=" + la));
    EXPECT_TRUE(l["statements"]["total"].is_number()) << l.dump().substr(0, 200);
    return l["statements"]["total"].is_number() ? l["statements"]["total"].get<int>() : -1;
  };
  const int before = board_total();

  auto first = run(cmd({"import", file.string(), "--la", la, "--format", "json"}));
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  auto j = json::parse(first.out);
  EXPECT_EQ(j["kind"], "statements");
  EXPECT_EQ(j["added"], 12);
  auto again = json::parse(run(cmd({"import", file.string(), "--la", la, "--format", "json"})).out);
  EXPECT_EQ(again["added"], 0);
  EXPECT_EQ(again["updated"], 12);
  EXPECT_EQ(sql("SELECT COUNT(*) FROM statements WHERE source = 'Mind Of My Own' AND user_id = 0"),
            "12\n");
  EXPECT_EQ(board_total(), before + 12);

  // Sealed: not in the database's bytes; readable to a subject access request.
  for (const auto& f : fs::directory_iterator(tmp_.path())) {
    if (f.path().filename().string().rfind("v.db", 0) != 0) continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find(marker), std::string::npos) << f.path();
  }
  const auto zip = tmp_.path() / "sar.zip";
  ASSERT_EQ(
      run(cmd({"sar", "export", "--child", child, "--la", la, "--out", zip.string()})).exit_code,
      0);
  auto zipped = hearth::testing::read_text(zip);
  EXPECT_NE(zipped.find("I said " + marker + " number 7"), std::string::npos);
  EXPECT_NE(zipped.find("Mind Of My Own"), std::string::npos);

  // A bad row blocks the file: nothing changes, and no finding repeats the words.
  hearth::testing::write_text(file, csv + "moomo-99," + child +
                                        ",2025-02-30 10:00,Mind Of My Own,furious,,,,\"" + marker +
                                        "-secret\",\n");
  auto bad = run(cmd({"import", file.string(), "--la", la}));
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.out.find("stmt_mood"), std::string::npos) << bad.out;
  EXPECT_EQ((bad.out + bad.err).find(marker), std::string::npos);
  EXPECT_EQ(sql("SELECT COUNT(*) FROM statements WHERE source = 'Mind Of My Own'"), "12\n");
  auto audit = run(cmd({"audit", "list", "--limit", "100000", "--format", "json"}));
  EXPECT_NE(audit.out.find("import.statements"), std::string::npos);
  EXPECT_EQ(audit.out.find(marker), std::string::npos);
}

TEST(WebVoiceOnPostgresql, TwoServersEscalateAnAlertExactlyOnce) {
  hearth::testing::TestDatabase db("postgresql");
  HEARTH_REQUIRE_DB(db);
  TempDir tmp;
  setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
  const auto config = tmp.path() / "hearth.toml";
  hearth::testing::write_text(config,
                              "[voice]\nkey_file = \"voice.key\"\n[[alerts.escalate]]\nusers = "
                              "[\"demo-admin\", \"demo-analyst\"]\n");
  auto with = [&](std::vector<std::string> args) {
    std::vector<std::string> argv = {HEARTH_BIN, "--store", db.url(), "--config", config.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
  };
  ASSERT_EQ(run(with({"demo", "--children", "40", "--years", "1"})).exit_code, 0);
  std::int64_t alert = 0;
  {
    Server now(with({"serve"}));
    WebClient yp(now.base());
    ASSERT_EQ(yp.login("demo-yp", kPassword), 200);
    auto sent = yp.request(
        "POST", "/api/v1/statements",
        R"({"mood":"scared","topic":"home","text":"quokka-lantern-5521","unsafe":true})");
    ASSERT_EQ(sent.status, 201) << sent.body;
    alert = body_of(sent)["alert"]["id"];
  }
  // The words are nowhere in PostgreSQL's files (tables, indexes, write-ahead log) once written
  // out: the test's server is the test's own (scripts/with-postgres.sh), so its files are here.
  auto psql = [&](const std::string& q) {
    return run({"/usr/bin/psql", db.url(), "-At", "-c", q});
  };
  ASSERT_EQ(psql("CHECKPOINT").exit_code, 0);
  auto dir = psql("SHOW data_directory");
  ASSERT_EQ(dir.exit_code, 0) << dir.err;
  const fs::path data_dir = dir.out.substr(0, dir.out.find('\n'));
  std::size_t files = 0;
  for (const auto& f :
       fs::recursive_directory_iterator(data_dir, fs::directory_options::skip_permission_denied)) {
    if (!f.is_regular_file()) continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ++files;
    EXPECT_EQ(bytes.find("quokka-lantern-5521"), std::string::npos) << f.path();
  }
  EXPECT_GT(files, 100u) << "read PostgreSQL's files";
  // Two servers whose clocks are four days on (time injected for the test): both run the
  // escalation every few seconds; the alert moves one step, once.
  Server a(with({"serve", "--voice-clock-offset", "345600"}));
  Server b(with({"serve", "--voice-clock-offset", "345600"}));
  WebClient manager(a.base());
  ASSERT_EQ(manager.login("demo-manager", kPassword), 200);
  auto level_of = [&]() -> json {
    const auto list = body_of(manager.get("/api/v1/alerts?state=all"));
    for (const auto& item : list["items"])
      if (item["id"] == alert) return item;
    return nullptr;
  };
  json item;
  for (int i = 0; i < 150; ++i) {
    item = level_of();
    if (!item.is_null() && item["level"].get<int>() >= 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ASSERT_FALSE(item.is_null());
  ASSERT_EQ(item["level"], 1) << "escalated";
  // Several more rounds of both servers: still one step, each of the next step told once.
  std::this_thread::sleep_for(std::chrono::seconds(12));
  item = level_of();
  EXPECT_EQ(item["level"], 1);
  int told_next = 0;
  for (const auto& t : item["told"]) told_next += t["level"] == 1;
  EXPECT_EQ(told_next, 2) << item["told"];
}

}  // namespace
