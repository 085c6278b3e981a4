// The API keeps its contract: every route's reply, asked as the roles that use it, fits the
// schema the OpenAPI document gives it (src/web/schemas/*.json, the source of the front end's
// TypeScript types), and every error fits Error. Every operation the document lists is answered
// with success at least once here, so a new route cannot go unchecked.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "json_schema.hpp"
#include "support.hpp"

using hearth::testing::run;
using hearth::testing::schema_problems;
using hearth::testing::Server;
using hearth::testing::TempDir;
using hearth::testing::WebClient;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char* kPassword = "contract-test-password";

class ApiContract : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
    store_ = "sqlite:" + (tmp_.path() / "contract.db").string();
    auto demo = cli({"demo", "--children", "60", "--years", "2"});
    ASSERT_EQ(demo.exit_code, 0) << demo.out << demo.err;
    server_ =
        std::make_unique<Server>(std::vector<std::string>{HEARTH_BIN, "--store", store_, "serve"});
    WebClient anyone(server_->base());
    auto doc = anyone.get("/api/v1/openapi.json");
    ASSERT_EQ(doc.status, 200);
    api_ = json::parse(doc.body);
    components_ = api_["components"]["schemas"];
  }
  void TearDown() override {
    if (server_) server_->stop();
  }
  hearth::testing::RunResult cli(std::vector<std::string> args) {
    std::vector<std::string> argv = {HEARTH_BIN, "--store", store_};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
  }
  WebClient& as(const std::string& user) {
    auto& c = clients_[user];
    if (!c) {
      c = std::make_unique<WebClient>(server_->base());
      EXPECT_EQ(c->login(user, kPassword), 200) << user;
    }
    return *c;
  }

  // The operation of the document that `path` (without its query) asks for.
  std::pair<std::string, const json*> operation(const std::string& method, std::string path) {
    path = path.substr(0, path.find('?'));
    std::string m = method;
    for (auto& c : m) c = static_cast<char>(std::tolower(c));
    for (const auto& [pattern, ops] : api_["paths"].items()) {
      const std::regex re("^" + std::regex_replace(pattern, std::regex(R"(\{[^}]+\})"), "[^/]+") +
                          "$");
      if (std::regex_match(path, re) && ops.contains(m)) return {pattern, &ops[m]};
    }
    return {"", nullptr};
  }

  void board_loop(WebClient& officer, const json& me);

  // Asks, and checks the reply against what the document says it answers; returns the body.
  json ask(WebClient& c, const std::string& method, const std::string& path,
           const std::string& body = {}, int expect = 0) {
    auto r = c.request(method, path, body);
    auto [pattern, op] = operation(method, path);
    EXPECT_TRUE(op) << method << " " << path << " is not in the document";
    if (!op) return nullptr;
    const json& responses = (*op)["responses"];
    std::string declared;
    for (const auto& [code, _] : responses.items())
      if (code[0] == '2') declared = code;
    const std::string status = std::to_string(r.status);
    if (expect) EXPECT_EQ(r.status, expect) << method << " " << path << ": " << r.body;
    if (!responses.contains(status)) {
      ADD_FAILURE() << method << " " << path << " answered " << status
                    << ", which the document does not list: " << r.body.substr(0, 300);
      return nullptr;
    }
    if (!responses[status].contains("content")) {
      EXPECT_TRUE(r.body.empty()) << method << " " << path;
      if (status == declared) answered_.insert(method + " " + pattern);
      return nullptr;
    }
    const json& content = responses[status]["content"];
    if (!content.contains("application/json")) {
      // a download: one of the media types listed, and something in it
      const auto at = r.headers.find("content-type: ");
      const std::string type =
          at == std::string::npos
              ? ""
              : r.headers.substr(at + 14, r.headers.find_first_of(";\r\n", at + 14) - at - 14);
      EXPECT_TRUE(content.contains(type)) << method << " " << path << " sent " << type;
      EXPECT_FALSE(r.body.empty()) << method << " " << path;
      if (status == declared) answered_.insert(method + " " + pattern);
      return nullptr;
    }
    json doc = json::parse(r.body, nullptr, false);
    EXPECT_FALSE(doc.is_discarded()) << method << " " << path << ": not JSON";
    const json& schema = responses[status]["content"]["application/json"]["schema"];
    auto problems = schema_problems(doc, schema, components_);
    for (const auto& p : problems)
      ADD_FAILURE() << method << " " << path << " (" << status << ") " << p;
    if (status == declared) answered_.insert(method + " " + pattern);
    return doc;
  }

  TempDir tmp_;
  std::string store_;
  std::unique_ptr<Server> server_;
  std::map<std::string, std::unique_ptr<WebClient>> clients_;
  json api_, components_;
  std::set<std::string> answered_;
};

// The checker itself finds what it is there to find.
TEST(JsonSchema, FindsWhatDoesNotFit) {
  const json components = {
      {"Point",
       {{"type", "object"},
        {"required", {"x"}},
        {"properties",
         {{"x", {{"type", "integer"}}}, {"tag", {{"type", "string"}, {"enum", {"a", "b"}}}}}}}}};
  const json ref = {{"$ref", "#/components/schemas/Point"}};
  EXPECT_TRUE(schema_problems(json{{"x", 1}, {"tag", "a"}}, ref, components).empty());
  EXPECT_EQ(schema_problems(json{{"tag", "a"}}, ref, components).size(), 1u) << "x missing";
  EXPECT_EQ(schema_problems(json{{"x", 1.5}}, ref, components).size(), 1u) << "not an integer";
  EXPECT_EQ(schema_problems(json{{"x", 1}, {"tag", "c"}}, ref, components).size(), 1u) << "enum";
  EXPECT_EQ(schema_problems(json{{"x", 1}, {"y", 2}}, ref, components).size(), 1u) << "unnamed";
  EXPECT_EQ(schema_problems(json(nullptr), ref, components).size(), 1u) << "not nullable";
  EXPECT_EQ(schema_problems(json::array({1, "c"}),
                            {{"type", "array"}, {"items", {{"type", "integer"}}}}, components)
                .size(),
            1u);
  EXPECT_EQ(schema_problems(json(1), {{"$ref", "#/components/schemas/Nothing"}}, components).size(),
            1u);
  EXPECT_EQ(schema_problems(json(1), {{"type", "integer"}, {"minimum", 0}}, components).size(), 1u)
      << "a keyword nothing checks";
  const json value = {{"oneOf", {{{"type", "number"}}, {{"type", "string"}, {"enum", {"c"}}}}}};
  EXPECT_TRUE(schema_problems(json("c"), value, components).empty());
  EXPECT_EQ(schema_problems(json("d"), value, components).size(), 3u);
}

TEST_F(ApiContract, EveryReplyFitsItsSchema) {
  // Signing in and out, and who is signed in.
  WebClient fresh(server_->base());
  ask(fresh, "POST", "/api/v1/session",
      json{{"username", "demo-analyst"}, {"password", kPassword}}.dump(), 200);
  ask(fresh, "GET", "/api/v1/session", {}, 200);
  ask(fresh, "DELETE", "/api/v1/session", {});
  ask(fresh, "GET", "/api/v1/session", {}, 401);
  ask(fresh, "GET", "/api/v1/sign-in-options", {}, 200);
  ask(fresh, "POST", "/api/v1/session",
      json{{"username", "demo-analyst"}, {"password", "no"}}.dump());

  auto& analyst = as("demo-analyst");
  auto& board = as("demo-board");
  ask(analyst, "GET", "/api/v1/openapi.json", {}, 200);
  ask(analyst, "GET", "/api/v1/info", {}, 200);
  ask(as("demo-admin"), "GET", "/api/v1/users", {}, 200);
  auto registry = ask(analyst, "GET", "/api/v1/indicators", {}, 200);
  ASSERT_TRUE(registry.is_object());
  for (auto* who : {&analyst, &board}) {
    ask(*who, "GET", "/api/v1/scorecard", {}, 200);
    ask(*who, "GET", "/api/v1/scorecard?breakdowns=true&period=year", {}, 200);
    for (const auto& ind : registry["items"])
      ask(*who, "GET", "/api/v1/scorecard/" + ind["id"].get<std::string>(), {}, 200);
  }
  ask(analyst, "GET", "/api/v1/scorecard?as_of=2099-01-01", {}, 400);
  // The Board's paper to take away (PDF through Chromium), the workbook, the paper as a page.
  ask(board, "GET", "/api/v1/scorecard/paper", {}, 200);
  ask(board, "GET", "/api/v1/scorecard/paper?format=xlsx&period=year", {}, 200);
  ask(analyst, "GET", "/api/v1/scorecard/paper?format=html", {}, 200);
  ask(analyst, "GET", "/api/v1/scorecard/paper?format=docx", {}, 400);

  // Users managed in the browser: added with a set-up link the person uses once; changed,
  // disabled, enabled, reset.
  auto& admin = as("demo-admin");
  auto worker_me = ask(as("demo-worker"), "GET", "/api/v1/session", {}, 200);
  const std::string worker_id = worker_me["user"]["worker"];
  auto added = ask(admin, "POST", "/api/v1/users",
                   json{{"username", "new-worker"},
                        {"display_name", "New Worker"},
                        {"role", "worker"},
                        {"worker", worker_id}}
                       .dump(),
                   201);
  ASSERT_TRUE(added.is_object() && added.contains("setup_link")) << added;
  ask(admin, "POST", "/api/v1/users",
      json{{"username", "ghost"}, {"role", "worker"}, {"worker", "NO-SUCH-WORKER"}}.dump(), 400);
  ask(admin, "PUT", "/api/v1/users/new-worker", json{{"role", "iro"}, {"worker", worker_id}}.dump(),
      200);
  ask(admin, "POST", "/api/v1/users/new-worker/disable", "{}", 200);
  ask(admin, "POST", "/api/v1/users/new-worker/enable", "{}", 200);
  auto reset = ask(admin, "POST", "/api/v1/users/new-worker/reset", "{}", 200);
  ASSERT_TRUE(reset.is_object() && reset.contains("setup_link")) << reset;
  const std::string link = reset["setup_link"]["path"];
  const std::string token = link.substr(link.find('#') + 1);
  WebClient newcomer(server_->base());
  ask(newcomer, "POST", "/api/v1/setup", json{{"token", token}, {"password", "short"}}.dump(), 400);
  ask(newcomer, "POST", "/api/v1/setup",
      json{{"token", token}, {"password", "a long enough pass phrase"}}.dump(), 200);
  ask(newcomer, "POST", "/api/v1/setup",
      json{{"token", token}, {"password", "a long enough pass phrase"}}.dump(), 400);
  EXPECT_EQ(newcomer.login("new-worker", "a long enough pass phrase"), 200);
  // Only the council's single sign-on, then a password again (through a new set-up link); a
  // member of staff added so has no link at all; a young person cannot be.
  const json iro = {{"role", "iro"}, {"worker", worker_id}};
  json only = iro;
  only["sso_only"] = true;
  auto sso = ask(admin, "PUT", "/api/v1/users/new-worker", only.dump(), 200);
  EXPECT_TRUE(sso["user"]["sso_only"].get<bool>()) << sso;
  EXPECT_FALSE(sso.contains("setup_link")) << sso;
  EXPECT_EQ(newcomer.login("new-worker", "a long enough pass phrase"), 401) << "no password now";
  ask(admin, "POST", "/api/v1/users/new-worker/reset", "{}", 400);
  only["sso_only"] = false;
  auto back = ask(admin, "PUT", "/api/v1/users/new-worker", only.dump(), 200);
  EXPECT_FALSE(back["user"]["sso_only"].get<bool>()) << back;
  EXPECT_TRUE(back.contains("setup_link")) << back;
  auto sso_added =
      ask(admin, "POST", "/api/v1/users",
          json{{"username", "sso-analyst"}, {"role", "analyst"}, {"sso_only", true}}.dump(), 201);
  EXPECT_FALSE(sso_added.contains("setup_link")) << sso_added;
  ask(admin, "POST", "/api/v1/users",
      json{{"username", "sso-yp"}, {"role", "young_person"}, {"sso_only", true}}.dump(), 400);
  ask(analyst, "GET", "/api/v1/indicators/cla_rate", {}, 200);
  ask(analyst, "GET", "/api/v1/rules?year=2024-25", {}, 200);
  ask(analyst, "GET", "/api/v1/rules/101", {}, 200);
  ask(analyst, "GET", "/api/v1/worklist?scope=all", {}, 200);
  ask(analyst, "GET", "/api/v1/worklist?scope=all&status=overdue&page=2&per_page=10", {}, 200);
  ask(as("demo-iro"), "GET", "/api/v1/worklist?item=first_review,second_review,later_review", {},
      200);
  ask(as("demo-manager"), "GET", "/api/v1/worklist?scope=team&status=overdue", {}, 200);
  ask(as("demo-worker"), "GET", "/api/v1/worklist?scope=mine", {}, 200);
  auto summary = ask(analyst, "GET", "/api/v1/findings", {}, 200);
  ASSERT_TRUE(summary.is_object());
  for (const auto& rule : summary["rules"])
    ask(analyst, "GET", "/api/v1/findings/" + rule["code"].get<std::string>(), {}, 200);
  // A finding explained, the exports, and the explanation withdrawn.
  ASSERT_FALSE(summary["rules"].empty());
  const std::string code = summary["rules"][0]["code"];
  auto rows = ask(analyst, "GET", "/api/v1/findings/" + code + "?show=all&per_page=2", {}, 200);
  ASSERT_TRUE(rows.is_object() && !rows["items"].empty());
  auto note = ask(analyst, "POST", "/api/v1/findings/notes",
                  json{{"import_id", summary["import_id"]},
                       {"key", rows["items"][0]["key"]},
                       {"note", "Right as recorded"}}
                      .dump(),
                  201);
  ask(analyst, "POST", "/api/v1/findings/notes",
      json{{"import_id", summary["import_id"]}, {"key", "nothing"}, {"note", "n"}}.dump(), 404);
  ask(analyst, "GET", "/api/v1/findings/" + code + "?show=explained", {}, 200);
  ask(analyst, "GET", "/api/v1/findings/export?format=csv", {}, 200);
  ask(analyst, "GET", "/api/v1/findings/export?format=xlsx&show=new&rule=" + code, {}, 200);
  ask(analyst, "GET",
      "/api/v1/findings?import=" + std::to_string(summary["import_id"].get<std::int64_t>()), {},
      200);
  ASSERT_TRUE(note.is_object());
  ask(analyst, "DELETE", "/api/v1/findings/notes/" + std::to_string(note["id"].get<std::int64_t>()),
      {}, 204);
  auto children = ask(analyst, "GET", "/api/v1/children?status=all&per_page=500", {}, 200);
  ASSERT_TRUE(children.is_object());
  for (const auto& c : children["items"])
    ask(analyst, "GET", "/api/v1/children/" + c["id"].get<std::string>(), {}, 200);
  ask(analyst, "GET", "/api/v1/children/NO-SUCH-CHILD", {}, 404);
  auto& yp = as("demo-yp");
  auto me = ask(yp, "GET", "/api/v1/session", {}, 200);
  ask(yp, "GET", "/api/v1/children/" + me["user"]["child"].get<std::string>(), {}, 200);
  ask(as("demo-worker"), "GET", "/api/v1/children", {}, 200);

  // The child's voice: a statement, "I don't feel safe", the inbox, an answer, the alert
  // acknowledged, an invitation; and the young person's own list with the answer.
  auto& worker = as("demo-worker");
  ask(yp, "POST", "/api/v1/statements",
      R"({"mood":"great","topic":"school","text":"I got a merit","purpose":"good_news"})", 201);
  auto unsafe = ask(yp, "POST", "/api/v1/statements",
                    R"({"mood":"scared","topic":"home","text":"","unsafe":true})", 201);
  ask(yp, "POST", "/api/v1/statements", R"({"mood":"cross","topic":"home","text":"x"})", 400);
  auto inbox = ask(worker, "GET", "/api/v1/statements", {}, 200);
  ask(worker, "GET", "/api/v1/statements?unread=true&per_page=5", {}, 200);
  ask(as("demo-admin"), "GET", "/api/v1/statements", {}, 200);
  ASSERT_TRUE(unsafe.is_object() && inbox.is_object());
  const std::string sid = std::to_string(unsafe["id"].get<std::int64_t>());
  ask(worker, "GET", "/api/v1/statements/" + sid, {}, 200);
  ask(worker, "POST", "/api/v1/statements/" + sid + "/replies", R"({"text":"On my way."})", 201);
  ask(worker, "POST", "/api/v1/statements/" + sid + "/replies", R"({"text":""})", 400);
  ask(yp, "GET", "/api/v1/statements", {}, 200);
  ask(yp, "GET", "/api/v1/statements/" + sid, {}, 200);
  ask(as("demo-manager"), "GET", "/api/v1/alerts", {}, 200);
  ask(worker, "GET", "/api/v1/alerts?state=all", {}, 200);
  const std::string aid = std::to_string(unsafe["alert"]["id"].get<std::int64_t>());
  ask(worker, "POST", "/api/v1/alerts/" + aid + "/acknowledge", R"({"action":""})", 400);
  ask(worker, "POST", "/api/v1/alerts/" + aid + "/acknowledge", R"({"action":"Visited"})", 200);
  ask(worker, "POST", "/api/v1/alerts/" + aid + "/acknowledge", R"({"action":"Again"})", 409);
  ask(as("demo-board"), "GET", "/api/v1/listening", {}, 200);
  ask(as("demo-participation"), "GET", "/api/v1/listening?from=2025-04-01&to=2026-03-31", {}, 200);
  ask(as("demo-board"), "GET", "/api/v1/listening?from=2026-04-01&to=2025-04-01", {}, 400);
  ask(worker, "POST", "/api/v1/invitations", json{{"child", me["user"]["child"]}}.dump(), 201);

  // The Corporate Parenting Board: its home (as the Board, suppressed), its actions; one added
  // by its officer and closed by its owner.
  auto officer = as("demo-officer");
  auto home = ask(as("demo-board"), "GET", "/api/v1/board", {}, 200);
  ASSERT_TRUE(home.is_object() && home.contains("priorities")) << home;
  EXPECT_EQ(home["priorities"].size(), 5u);
  ask(as("demo-manager"), "GET", "/api/v1/board?as_of=2025-03-31", {}, 200);
  ask(as("demo-board"), "GET", "/api/v1/actions?status=overdue", {}, 200);
  // The cards: never who raised one (the demo's raised by demo-yp and demo-participation).
  auto cards = ask(as("demo-board"), "GET", "/api/v1/cards", {}, 200);
  ASSERT_TRUE(cards.is_object() && cards.contains("items"));
  EXPECT_EQ(cards["total"], 6);
  EXPECT_EQ(cards.dump().find("demo-"), std::string::npos);
  EXPECT_EQ(ask(as("demo-participation"), "GET", "/api/v1/cards?status=answered", {}, 200)["total"],
            3);
  ask(as("demo-board"), "GET", "/api/v1/cards?status=lost", {}, 400);
  ask(as("demo-board"), "GET", "/api/v1/actions?status=late", {}, 400);
  auto action = ask(
      officer, "POST", "/api/v1/actions",
      R"({"title":"Publish the local offer","owner":"demo-board","owner_name":"Cllr Bea Board","due":"2026-06-30","priority":"independence"})",
      201);
  ask(officer, "POST", "/api/v1/actions", R"({"title":"x","owner_name":"y","due":"31/06/2026"})",
      400);
  ask(officer, "POST", "/api/v1/actions",
      R"({"title":"x","owner_name":"y","due":"2026-06-30","priority":"nowhere"})", 400);
  ASSERT_TRUE(action.is_object() && action.contains("id"));
  const std::string act = std::to_string(action["id"].get<std::int64_t>());
  ask(as("demo-manager"), "POST", "/api/v1/actions/" + act + "/close", R"({"evidence":"done"})",
      403);
  auto closed = ask(as("demo-board"), "POST", "/api/v1/actions/" + act + "/close",
                    R"({"evidence":"On the council's website since May"})", 200);
  EXPECT_EQ(closed["status"], "done");
  ask(officer, "POST", "/api/v1/actions/" + act + "/close", R"({"evidence":"again"})", 409);
  board_loop(officer, me);

  // An import through the web, from start to accept; and one cancelled.
  const auto files = tmp_.path() / "next";
  auto synth =
      cli({"synth", "--la", "887", "--children", "60", "--years", "1", "--last-year", "2027",
           "--out", files.string(), "--local-out", (tmp_.path() / "local").string()});
  ASSERT_EQ(synth.exit_code, 0) << synth.err;
  ask(analyst, "GET", "/api/v1/imports", {}, 200);
  for (const std::string kind : {"903", "local"}) {
    auto start = ask(analyst, "POST", "/api/v1/imports",
                     kind == "903" ? R"({"kind":"903","year":"2026-27"})" : R"({"kind":"local"})");
    ASSERT_TRUE(start.is_object() && start.contains("id")) << start;
    const std::string id = start["id"];
    for (const auto& f :
         fs::recursive_directory_iterator(kind == "903" ? files : tmp_.path() / "local"))
      if (f.is_regular_file() && f.path().extension() == ".csv")
        ask(analyst, "PUT", "/api/v1/imports/" + id + "/files/" + f.path().filename().string(),
            hearth::testing::read_text(f.path()), 200);
    ask(analyst, "GET", "/api/v1/imports/" + id, {}, 200);
    auto checked = ask(analyst, "POST", "/api/v1/imports/" + id + "/check", {}, 200);
    auto stored = ask(analyst, "POST", "/api/v1/imports/" + id + "/accept",
                      R"({"accept_with_findings":true})");
    // The stored import shows the findings its check reported (issue 15 item 6).
    ASSERT_TRUE(checked.is_object() && stored.is_object());
    EXPECT_EQ(stored["result"]["findings"]["total"], checked["result"]["findings"]["total"])
        << kind;
    EXPECT_EQ(ask(analyst, "GET", "/api/v1/imports/" + id, {}, 200)["result"]["findings"],
              stored["result"]["findings"])
        << kind;
  }
  auto cancelled = ask(analyst, "POST", "/api/v1/imports", R"({"kind":"903","year":"2026-27"})");
  ASSERT_TRUE(cancelled.is_object() && cancelled.contains("id"));
  ask(analyst, "DELETE", "/api/v1/imports/" + cancelled["id"].get<std::string>());
  ask(analyst, "GET", "/api/v1/imports", {}, 200);

  // Every operation the document lists was answered with success and checked.
  for (const auto& [pattern, ops] : api_["paths"].items())
    for (const auto& [method, _] : ops.items()) {
      std::string m = method;
      for (auto& c : m) c = static_cast<char>(std::toupper(c));
      EXPECT_TRUE(answered_.count(m + " " + pattern)) << m << " " << pattern << " was not checked";
    }
}

// The Board's loop through the API: the participation officer raises a card; the officer plans
// a meeting and agrees an action for the card at it; the owner closes it with evidence; the
// participation officer approves "You said, we did". On the way, nothing the Board reads may
// name a child, and no reply names who raised a card.
void ApiContract::board_loop(WebClient& officer, const json& me) {
  auto participation = as("demo-participation");
  auto& boardm = as("demo-board");
  ask(participation, "POST", "/api/v1/cards", R"({"challenge":"","addressed_to":"x"})", 400);
  // A child's number, or the name a young person goes by here, is refused wherever it is put.
  const std::string child = me["user"]["child"];
  const std::string name = me["user"]["display_name"];
  auto refused =
      ask(participation, "POST", "/api/v1/cards",
          json{{"challenge", "Ask about " + child + " please"}, {"addressed_to", "Housing"}}.dump(),
          400);
  EXPECT_EQ(refused["error"]["code"], "names_a_child") << refused;
  EXPECT_EQ(refused.dump().find(child), std::string::npos) << "the refusal repeats the number";
  auto card = ask(
      participation, "POST", "/api/v1/cards",
      R"({"challenge":"We want a say in who our social worker is","theme":"feeling-safe","addressed_to":"Head of Children's Social Care"})",
      201);
  ASSERT_TRUE(card.is_object() && card.contains("id")) << card;
  const std::string cid = std::to_string(card["id"].get<std::int64_t>());
  EXPECT_EQ(card["raised_by"], "the children in care council");
  ask(boardm, "POST", "/api/v1/cards/" + cid + "/accept", "{}", 403);
  EXPECT_EQ(ask(participation, "POST", "/api/v1/cards/" + cid + "/accept", "{}", 200)["status"],
            "accepted");
  ask(participation, "POST", "/api/v1/cards/" + cid + "/accept", "{}", 409);
  ask(participation, "POST", "/api/v1/cards/" + cid + "/answer", R"({"response":"Early"})", 409);

  auto meeting = ask(
      officer, "POST", "/api/v1/meetings",
      R"({"date":"2026-11-20","title":"Corporate Parenting Board","theme":"feeling-safe","agenda":[{"text":"Challenge cards","detail":"Children in care council"}]})",
      201);
  ASSERT_TRUE(meeting.is_object() && meeting.contains("id")) << meeting;
  const auto mid = meeting["id"].get<std::int64_t>();
  const std::string mids = std::to_string(mid);
  ask(officer, "POST", "/api/v1/meetings", R"({"date":"10/12/2026","title":"x"})", 400);
  // A meeting still to come cannot have been held.
  auto coming = ask(officer, "POST", "/api/v1/meetings",
                    R"({"date":"2099-05-01","title":"A Board to come"})", 201);
  ASSERT_TRUE(coming.is_object() && coming.contains("id"));
  auto early =
      ask(officer, "POST", "/api/v1/meetings/" + std::to_string(coming["id"].get<std::int64_t>()),
          R"({"status":"held"})", 400);
  EXPECT_EQ(early["error"]["code"], "not_yet") << early;
  ask(boardm, "GET", "/api/v1/meetings", {}, 200);
  ask(boardm, "GET", "/api/v1/meetings/" + mids, {}, 200);
  auto action = ask(officer, "POST", "/api/v1/actions",
                    json{{"title", "Ask each young person about a change of worker"},
                         {"owner", "demo-manager"},
                         {"owner_name", "Head of Children's Social Care"},
                         {"due", "2027-01-31"},
                         {"theme", "feeling-safe"},
                         {"card", card["id"]},
                         {"meeting", mid}}
                        .dump(),
                    201);
  ASSERT_TRUE(action.is_object() && action.contains("id")) << action;
  const std::string aid = std::to_string(action["id"].get<std::int64_t>());
  ask(officer, "POST", "/api/v1/actions",
      json{{"title", "Visit " + child}, {"owner_name", "x"}, {"due", "2027-01-31"}}.dump(), 400);
  auto recorded = ask(
      officer, "POST", "/api/v1/meetings/" + mids,
      R"({"status":"held","attendance":[{"name":"Cllr Jo Patel","present":true},{"name":"Sam Lee","present":false}],"decisions":["Agreed an action for the card"],"minutes":"The Board heard the card."})",
      200);
  EXPECT_EQ(recorded["actions"].size(), 1u) << recorded;
  EXPECT_EQ(recorded["attendance"][1]["present"], false);
  EXPECT_EQ(ask(boardm, "GET", "/api/v1/cards/" + cid, {}, 200)["card"]["status"],
            "actions_agreed");
  // The owner closes it; evidence naming a young person is refused first.
  auto named = ask(as("demo-manager"), "POST", "/api/v1/actions/" + aid + "/close",
                   json{{"evidence", "Talked it through with " + name}}.dump(), 400);
  EXPECT_EQ(named["error"]["code"], "names_a_child") << named;
  ask(as("demo-manager"), "POST", "/api/v1/actions/" + aid + "/close",
      R"({"evidence":"Every review now asks about a change of worker, on form CP12"})", 200);
  auto detail = ask(boardm, "GET", "/api/v1/actions/" + aid, {}, 200);
  EXPECT_EQ(detail["history"].size(), 2u) << detail;
  EXPECT_EQ(detail["meeting"]["id"], mid);
  auto ready = ask(participation, "GET", "/api/v1/cards/" + cid, {}, 200);
  EXPECT_TRUE(ready["card"]["ready_to_answer"].get<bool>()) << ready;
  ask(participation, "POST", "/api/v1/cards/" + cid + "/answer", R"({"response":""})", 400);
  auto answered =
      ask(participation, "POST", "/api/v1/cards/" + cid + "/answer",
          R"({"response":"Your review now asks whether you want a different worker."})", 200);
  EXPECT_EQ(answered["status"], "answered");
  auto history = ask(boardm, "GET", "/api/v1/cards/" + cid, {}, 200);
  EXPECT_EQ(history["history"].size(), 5u) << history;  // raised, accepted, agreed, done, answered
  // Who raised it is never sent (staff who own actions are named: they are not children).
  EXPECT_EQ(history.dump().find("demo-participation"), std::string::npos) << history;
  EXPECT_EQ(history.dump().find(child), std::string::npos);

  // The calendar, a report received, a figure by hand, the arrangements and the theme in focus.
  auto cal = ask(boardm, "GET", "/api/v1/reports", {}, 200);
  ASSERT_TRUE(cal.is_object() && !cal["items"].empty()) << cal;
  json missing;
  for (const auto& d : cal["items"])
    if (d["status"] == "missing") missing = d;
  ASSERT_TRUE(missing.is_object()) << "the demo has a report missing";
  auto got =
      ask(officer, "POST", "/api/v1/reports/" + missing["report"].get<std::string>() + "/receive",
          json{{"due", missing["due"]}, {"document", "Report to the Board.pdf"}}.dump(), 200);
  EXPECT_EQ(got["status"], "received");
  ask(officer, "POST", "/api/v1/measures/advocacy-partner/values",
      R"({"period_end":"2026-09-30","value":84,"note":"Advocacy partner, Q2"})", 201);
  ask(officer, "POST", "/api/v1/measures/cards/values", R"({"period_end":"2026-09-30","value":1})",
      400);
  auto arr = ask(boardm, "GET", "/api/v1/governance", {}, 200);
  ASSERT_TRUE(arr.is_object() && arr.contains("themes")) << arr;
  auto focused = ask(participation, "POST", "/api/v1/themes/feeling-safe/focus", {}, 200);
  for (const auto& t : focused["themes"]) {
    if (t["year"] == "2025-26") {
      EXPECT_EQ(t["focus"].get<bool>(), t["id"] == "feeling-safe") << t;
    }
  }
  auto bad = ask(officer, "POST", "/api/v1/governance",
                 R"({"source":"next.toml","text":"[board]\nname = 1\n"})", 400);
  EXPECT_NE(bad["error"]["message"].get<std::string>().find("next.toml:"), std::string::npos)
      << bad;
  const std::string text =
      hearth::testing::read_text(fs::path(HEARTH_SOURCE_DIR) / "reference/governance/medway.toml");
  ask(officer, "POST", "/api/v1/governance", json{{"source", "medway.toml"}, {"text", text}}.dump(),
      201);

  // The commentary behind the figures, and the papers (issue 18).
  auto list = ask(boardm, "GET", "/api/v1/commentary", {}, 200);
  ASSERT_TRUE(list.is_object() && list.contains("period")) << list;
  EXPECT_FALSE(list["can_write"].get<bool>());
  const std::string quarter = list["period"];
  json piece = {{"subject", "indicator:dental"},
                {"period", quarter},
                {"part", "behind"},
                {"body", "Dentists in the area **closed** their lists."},
                {"replaces", 0}};
  ask(boardm, "POST", "/api/v1/commentary", piece.dump(), 403);
  auto v1 = ask(officer, "POST", "/api/v1/commentary", piece.dump(), 201);
  ASSERT_TRUE(v1.is_object() && v1.contains("id")) << v1;
  EXPECT_NE(v1["html"].get<std::string>().find("<strong>closed</strong>"), std::string::npos);
  auto stale = ask(officer, "POST", "/api/v1/commentary", piece.dump(), 409);
  EXPECT_EQ(stale["error"]["code"], "changed") << stale;
  piece["replaces"] = v1["id"];
  piece["body"] = "Ask " + child + " about it";
  auto naming = ask(officer, "POST", "/api/v1/commentary", piece.dump(), 400);
  EXPECT_EQ(naming["error"]["code"], "names_a_child") << naming;
  EXPECT_EQ(naming.dump().find(child), std::string::npos);
  piece["body"] = "Two practices now take children in care first.";
  ask(officer, "POST", "/api/v1/commentary", piece.dump(), 201);
  auto versions = ask(
      boardm, "GET",
      "/api/v1/commentary/history?subject=indicator:dental&part=behind&period=" + quarter, {}, 200);
  EXPECT_EQ(versions["items"].size(), 2u) << versions;
  auto preview = ask(officer, "POST", "/api/v1/commentary/preview",
                     R"j({"body":"<script>alert(1)</script>\n\n[x](javascript:alert(2))"})j", 200);
  EXPECT_EQ(preview["html"].get<std::string>().find("<script"), std::string::npos) << preview;
  EXPECT_EQ(preview["html"].get<std::string>().find("href"), std::string::npos) << preview;
  ask(boardm, "GET", "/api/v1/commentary?period=2026-02-14", {}, 400);
  const std::string year = list["years"][0];
  auto annual = ask(boardm, "GET", "/api/v1/commentary?period=" + year, {}, 200);
  EXPECT_EQ(annual["kind"], "year");
  ask(boardm, "GET", "/api/v1/meetings/" + mids + "/pack?format=html", {}, 200);
  ask(boardm, "GET", "/api/v1/meetings/" + mids + "/pack?format=xlsx", {}, 200);
  ask(officer, "GET", "/api/v1/meetings/" + mids + "/pack", {}, 200);  // PDF through Chromium
  ask(boardm, "GET", "/api/v1/meetings/" + mids + "/pack?format=docx", {}, 400);
  ask(boardm, "GET", "/api/v1/annual-report?format=html&year=" + year, {}, 200);
  ask(boardm, "GET", "/api/v1/annual-report?format=html&year=2025", {}, 400);
}

}  // namespace
