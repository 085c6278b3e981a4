// The web application end to end, through the real `hearth serve`: who may use which route
// (the access matrix, every route × every role × own child / other child / other team / other
// council) and CSRF (web_security_test.cpp: lockout, the audit chain, sessions, TLS, imports).
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "support.hpp"

namespace fs = std::filesystem;
using hearth::testing::body_of;
using hearth::testing::hearth_cmd;
using hearth::testing::HttpReply;
using hearth::testing::run;
using hearth::testing::Server;
using hearth::testing::TempDir;
using hearth::testing::TestDatabase;
using hearth::testing::WebClient;
using nlohmann::json;

namespace {

const char* kPassword = "matrix-test-password";

const std::vector<std::string> kRoles = {"admin",         "analyst",      "manager",
                                         "iro",           "worker",       "board",
                                         "participation", "young_person", "board_officer"};
const std::vector<std::string> kRelations = {"own", "other_child", "other_team", "other_council"};

std::string demo_user(const std::string& role) {
  if (role == "board_officer") return "demo-officer";
  return role == "young_person" ? "demo-yp" : "demo-" + role;
}

// A demo council (887) and a second council (999) that no demo user belongs to, served once
// for the whole suite.
class WebAccess : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
    tmp_ = new TempDir();
    store_ = "sqlite:" + (tmp_->path() / "web.db").string();
    auto demo = run(hearth_cmd(store_, {"demo", "--children", "300", "--years", "2"}));
    ASSERT_EQ(demo.exit_code, 0) << demo.out << demo.err;
    auto other = tmp_->path() / "999";
    ASSERT_EQ(run(hearth_cmd(store_,
                             {"synth", "--la", "999", "--children", "40", "--out", other.string()}))
                  .exit_code,
              0);
    auto imp = run(hearth_cmd(store_, {"import", other.string(), "--la", "999"}));
    ASSERT_EQ(imp.exit_code, 0) << imp.out << imp.err;
    server_ = new Server(hearth_cmd(store_, {"serve"}));
    for (const auto& role : kRoles) {
      clients_[role] = new WebClient(server_->base());
      ASSERT_EQ(clients_[role]->login(demo_user(role), kPassword), 200) << role;
    }
  }
  static void TearDownTestSuite() {
    for (auto& [role, c] : clients_) delete c;
    clients_.clear();
    if (server_) server_->stop();
    delete server_;
    delete tmp_;
    server_ = nullptr;
    tmp_ = nullptr;
  }
  static WebClient& as(const std::string& role) { return *clients_.at(role); }

  static TempDir* tmp_;
  static std::string store_;
  static Server* server_;
  static std::map<std::string, WebClient*> clients_;
};
TempDir* WebAccess::tmp_ = nullptr;
std::string WebAccess::store_;
Server* WebAccess::server_ = nullptr;
std::map<std::string, WebClient*> WebAccess::clients_;

// The children the test needs, found through the API as the people who can see them.
struct Children {
  std::string worker_own;     // on demo-worker's caseload (so in demo-manager's team)
  std::string iro_own;        // reviewed by demo-iro
  std::string yp_own;         // demo-yp themself
  std::string same_team;      // in demo-manager's team, not demo-worker's, not demo-iro's
  std::string other_team;     // in another team, not demo-iro's
  std::string other_council;  // in council 999
};

std::vector<json> all_children(WebClient& c, const std::string& query) {
  std::vector<json> out;
  for (int page = 1;; ++page) {
    auto r = c.get("/api/v1/children?status=all&per_page=500&page=" + std::to_string(page) + query);
    EXPECT_EQ(r.status, 200) << r.body;
    auto j = body_of(r);
    for (auto& item : j["items"]) out.push_back(item);
    if (out.size() >= j["total"].get<std::size_t>() || j["items"].empty()) break;
  }
  return out;
}

}  // namespace

TEST_F(WebAccess, EveryRouteEveryRoleEveryRelationIsAllowedOrDeniedAsTheSpecSays) {
  // Find the children.
  Children ch;
  auto session = body_of(as("manager").get("/api/v1/session"));
  std::string team = session["user"]["team"];
  auto mine = all_children(as("worker"), "");
  ASSERT_FALSE(mine.empty()) << "demo-worker has a caseload";
  ch.worker_own = mine.front()["id"];
  std::set<std::string> mine_ids;
  for (auto& c : mine) mine_ids.insert(c["id"]);
  auto iros = all_children(as("iro"), "");
  ASSERT_FALSE(iros.empty()) << "demo-iro reviews someone";
  ch.iro_own = iros.front()["id"];
  std::set<std::string> iro_ids;
  for (auto& c : iros) iro_ids.insert(c["id"]);
  ch.yp_own = body_of(as("young_person").get("/api/v1/session"))["user"]["child"];
  std::set<std::string> team_ids;
  for (auto& c : all_children(as("manager"), "")) team_ids.insert(c["id"]);
  for (auto& c : all_children(as("analyst"), "")) {
    std::string id = c["id"];
    if (iro_ids.count(id) || id == ch.yp_own) continue;
    bool in_team = team_ids.count(id) > 0;
    if (in_team && !mine_ids.count(id) && ch.same_team.empty()) ch.same_team = id;
    if (!in_team && ch.other_team.empty()) ch.other_team = id;
  }
  ASSERT_FALSE(ch.same_team.empty());
  ASSERT_FALSE(ch.other_team.empty());
  {
    // Council 999's children, seen by nobody here: read its ids from the store directly.
    auto r = run({"/usr/bin/sqlite3", store_.substr(7),
                  "SELECT child FROM ssda903_header WHERE la = '999' LIMIT 1"});
    ch.other_council = r.out.substr(0, r.out.find('\n'));
    ASSERT_FALSE(ch.other_council.empty());
  }

  // Each route's request for a role and a relation. For routes with no child, "own" is the
  // user's council, "other child" and "other team" ask the same with another child's or team's
  // filter, and "other council" asks about council 999.
  auto child_for = [&](const std::string& role, const std::string& rel) {
    if (rel == "own")
      return role == "iro" ? ch.iro_own : role == "young_person" ? ch.yp_own : ch.worker_own;
    if (rel == "other_child") return ch.same_team;
    if (rel == "other_team") return ch.other_team;
    return ch.other_council;
  };
  auto council = [](const std::string& rel) { return rel == "other_council" ? "999" : "887"; };
  auto filter = [&](const std::string& rel) {
    if (rel == "other_team") return std::string("&team=Leaving%20Care");
    if (rel == "other_child") return "&q=" + ch.same_team;
    return std::string();
  };
  struct Row {
    std::string method, pattern;
    std::function<std::string(const std::string& role, const std::string& rel)> path;
    // Expected status per relation: a code for each of kRoles, in its order.
    std::map<std::string, std::vector<int>> expect;
    std::string body;
    // A body that names the role's child for the relation (else `body`).
    std::function<std::string(const std::string& role, const std::string& rel)> make_body;
  };
  // Imports in progress: a fresh one (started by the analyst) for each request that changes
  // one; council 999's, which nobody here may touch, put in the store directly.
  ASSERT_EQ(
      run({"/usr/bin/sqlite3", store_.substr(7),
           "INSERT INTO uploads VALUES ('u999', '999', '903', 2026, 'someone', 0, 'open', '')"})
          .exit_code,
      0);
  // An open action of each council, owned by demo-manager (council 999's: nobody here may see it).
  for (const char* la : {"887", "999"})
    ASSERT_EQ(run({"/usr/bin/sqlite3", store_.substr(7),
                   std::string("INSERT INTO gov_actions (la, title, owner, owner_name, due_on, "
                               "status, evidence, priority_id, theme_id, card_id, meeting_id, "
                               "created_at, created_by, updated_at, closed_on) VALUES ('") +
                       la +
                       "', 'Matrix action', 'demo-manager', 'Morgan', '2026-01-01', 'open', "
                       "'', '', '', 0, 0, '2026-01-01T00:00:00.000Z', 'x', "
                       "'2026-01-01T00:00:00.000Z', '')"})
                  .exit_code,
              0);
  auto action_of = [&](const std::string& la) {
    auto r =
        run({"/usr/bin/sqlite3", store_.substr(7),
             "SELECT id FROM gov_actions WHERE title = 'Matrix action' AND la = '" + la + "'"});
    std::string id = r.out;
    while (!id.empty() && (id.back() == '\n' || id.back() == '\r')) id.pop_back();
    return id;
  };
  const std::string action_887 = action_of("887"), action_999 = action_of("999");
  // A challenge card and a meeting of each council, put in the store directly likewise.
  auto seed = [&](const std::string& sql, const std::string& table, const std::string& la) {
    auto r = run({"/usr/bin/sqlite3", store_.substr(7),
                  sql + "; SELECT MAX(id) FROM " + table + " WHERE la = '" + la + "'"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string id = r.out;
    while (!id.empty() && (id.back() == '\n' || id.back() == '\r')) id.pop_back();
    return id;
  };
  std::map<std::string, std::string> card_in, meeting_in;
  for (const char* la : {"887", "999"}) {
    const std::string l = la;
    card_in[l] = seed(
        "INSERT INTO gov_cards (la, raised_at, raised_by, raised_by_role, challenge, theme_id, "
        "addressed_to, status, response, approved_at, approved_by, updated_at) VALUES ('" +
            l +
            "', '2026-01-01T00:00:00.000Z', 'demo-participation', 'participation', 'Matrix "
            "card', '', 'Housing', 'raised', '', '', '', '2026-01-01T00:00:00.000Z')",
        "gov_cards", l);
    meeting_in[l] = seed(
        "INSERT INTO gov_meetings (la, held_on, title, theme_id, status, minutes, created_at, "
        "created_by, updated_at) VALUES ('" +
            l +
            "', '2026-02-01', 'Matrix meeting', '', 'planned', '', "
            "'2026-01-01T00:00:00.000Z', 'x', '2026-01-01T00:00:00.000Z')",
        "gov_meetings", l);
  }
  auto by_council = [&](std::map<std::string, std::string>& ids, const std::string& prefix,
                        const std::string& suffix) {
    return [&ids, prefix, suffix](auto&, auto& rel) {
      return prefix + ids.at(rel == "other_council" ? "999" : "887") + suffix;
    };
  };
  auto upload = [&](const std::string& rel) -> std::string {
    if (rel == "other_council") return "u999";
    auto r = as("analyst").request("POST", "/api/v1/imports",
                                   R"({"kind":"903","year":"2025-26","la":"887"})");
    EXPECT_EQ(r.status, 201) << r.body;
    return body_of(r)["id"];
  };
  // A statement (and its "I don't feel safe" alert) about each child the matrix asks about: a
  // copy of one of demo-yp's, whose sealed text opens with the store's key; demo-yp's own is one
  // they sent. Each statement's and alert's number, by child.
  std::map<std::string, std::string> statement_of, alert_of;
  {
    const std::string db = store_.substr(7);
    auto sql = [&](const std::string& q) {
      auto r = run({"/usr/bin/sqlite3", db, q});
      EXPECT_EQ(r.exit_code, 0) << q << r.err;
      return r.out.substr(0, r.out.find('\n'));
    };
    const std::string yp_id = sql("SELECT id FROM users WHERE username = 'demo-yp'");
    for (const auto& child :
         {ch.worker_own, ch.iro_own, ch.yp_own, ch.same_team, ch.other_team, ch.other_council}) {
      if (statement_of.count(child)) continue;
      const std::string la = child == ch.other_council ? "999" : "887";
      const std::string user = child == ch.yp_own ? yp_id : "0";
      statement_of[child] =
          sql("INSERT INTO statements (la, child, user_id, source, external_id, created_at, mood, "
              "topic, purpose, unsafe, text_box, first_read_at, first_reply_at) SELECT '" +
              la + "', '" + child + "', " + user +
              ", 'hearth', '', '2026-01-05T10:00:00Z', 'scared', "
              "'home', '', 1, text_box, '', '' FROM statements WHERE user_id = " +
              yp_id + " LIMIT 1 RETURNING id");
      alert_of[child] =
          sql("INSERT INTO alerts (statement_id, la, child, raised_at, level, due_at, "
              "acknowledged_at, acknowledged_by, action_box) VALUES (" +
              statement_of[child] + ", '" + la + "', '" + child +
              "', '2026-01-05T10:00:00Z', 0, '2099-01-06T10:00:00Z', '', '', '') "
              "RETURNING id");
      ASSERT_FALSE(statement_of[child].empty());
      ASSERT_FALSE(alert_of[child].empty());
    }
  }
  const std::string a_file = "CHILD,SEX,DOB\n1001,M,01/02/2015\n";
  const std::vector<int> all200(9, 200), all403(9, 403);
  //                     admin analyst manager iro worker board particip. young_person officer
  const std::vector<int> signed_in = {200, 200, 200, 200, 200, 200, 200, 200, 200};
  const std::vector<int> scorecard = {200, 200, 200, 200, 403, 200, 403, 403, 200};
  const std::vector<int> registry = {200, 200, 200, 200, 200, 200, 200, 403, 200};
  const std::vector<int> rules = {200, 200, 200, 200, 200, 403, 200, 403, 403};  // not the Board
  const std::vector<int> worklist = {200, 200, 200, 200, 200, 403, 403, 403, 403};
  const std::vector<int> children = {200, 200, 200, 200, 200, 403, 403, 403, 403};
  const std::vector<int> analysts = {200, 200, 403, 403, 403, 403, 403, 403, 403};
  const std::vector<int> admins = {200, 403, 403, 403, 403, 403, 403, 403, 403};
  auto admin_only = [](int code) {
    return std::vector<int>{code, 403, 403, 403, 403, 403, 403, 403, 403};
  };
  auto importer = [](int code) {
    return std::vector<int>{403, code, 403, 403, 403, 403, 403, 403, 403};
  };
  const std::vector<int> all404(9, 404);
  auto by_id = [](std::vector<int> v) {
    for (auto& code : v)
      if (code == 403) code = 404;
    return v;
  };
  auto same = [](const std::vector<int>& own, const std::vector<int>& other_council) {
    return std::map<std::string, std::vector<int>>{
        {"own", own}, {"other_child", own}, {"other_team", own}, {"other_council", other_council}};
  };
  // The child's voice: staff who work with the child read and answer what they said; an
  // administrator sees when, never what; the analyst, the Board and participation see themes
  // only (elsewhere); a young person sends and reads their own. By id a denial is a 404.
  //                     admin analyst manager iro worker board particip. young_person officer
  const std::vector<int> voice_list = {200, 403, 200, 200, 200, 403, 403, 200, 403};
  const std::vector<int> alert_list = {200, 403, 200, 200, 200, 403, 403, 403, 403};
  const std::vector<int> sender = {403, 403, 403, 403, 403, 403, 403, 400, 403};
  auto statement_path = [&](const std::string& role, const std::string& rel) {
    return "/api/v1/statements/" + statement_of.at(child_for(role, rel));
  };
  auto alert_path = [&](const std::string& role, const std::string& rel) {
    return "/api/v1/alerts/" + alert_of.at(child_for(role, rel)) + "/acknowledge";
  };
  //                     admin analyst manager iro worker board particip. young_person officer
  const std::vector<int> board_read = {200, 200, 200, 200, 403, 200, 200, 403, 200};
  const std::vector<int> board_by_id = by_id(board_read);
  auto la_path = [&](const std::string& path) {
    return [&council, path](auto&, auto& rel) { return path + "?la=" + council(rel); };
  };
  std::vector<Row> rows = {
      {"GET", "/api/v1/session", [](auto&, auto&) { return "/api/v1/session"; },
       same(signed_in, signed_in)},
      {"POST", "/api/v1/session", nullptr, {}},    // checked below: public
      {"DELETE", "/api/v1/session", nullptr, {}},  // checked below: ends the session
      {"GET", "/api/v1/openapi.json", nullptr, {}},
      {"GET", "/api/v1/sign-in-options", nullptr, {}},  // checked below: public
      {"GET", "/api/v1/scorecard",
       [&](auto&, auto& rel) { return std::string("/api/v1/scorecard?la=") + council(rel); },
       same(scorecard, all403)},
      {"GET", "/api/v1/scorecard/{indicator}",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/scorecard/cla_count?la=") + council(rel);
       },
       same(scorecard, all403)},
      // html: the paper as the PDF is made of, without a Chromium for each of 32 requests
      {"GET", "/api/v1/scorecard/paper",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/scorecard/paper?format=html&la=") + council(rel);
       },
       same(scorecard, all403)},
      {"GET", "/api/v1/indicators", [](auto&, auto&) { return "/api/v1/indicators"; },
       same(registry, registry)},
      {"GET", "/api/v1/indicators/{key}",
       [](auto&, auto&) { return "/api/v1/indicators/cla_count"; }, same(registry, registry)},
      {"GET", "/api/v1/rules", [](auto&, auto&) { return "/api/v1/rules"; }, same(rules, rules)},
      {"GET", "/api/v1/rules/{code}", [](auto&, auto&) { return "/api/v1/rules/101"; },
       same(rules, rules)},
      {"GET", "/api/v1/info", [](auto&, auto&) { return "/api/v1/info"; },
       same(registry, registry)},
      {"GET", "/api/v1/worklist",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/worklist?la=") + council(rel) + filter(rel);
       },
       same(worklist, all403)},
      {"GET", "/api/v1/findings",
       [&](auto&, auto& rel) { return std::string("/api/v1/findings?la=") + council(rel); },
       same(analysts, all403)},
      {"GET", "/api/v1/findings/{rule}",
       [&](auto&, auto& rel) { return std::string("/api/v1/findings/1001?la=") + council(rel); },
       same(analysts, all403)},
      {"GET", "/api/v1/findings/export",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/findings/export?format=csv&la=") + council(rel);
       },
       same(analysts, all403)},
      // Explaining a finding is the performance team's (an administrator only reads them): the
      // analyst gets through to the checks (an import that is not the council's).
      {"POST", "/api/v1/findings/notes",
       [&](auto&, auto& rel) { return std::string("/api/v1/findings/notes?la=") + council(rel); },
       same(importer(404), all403), R"({"import_id":999999,"key":"k","note":"n"})"},
      {"DELETE", "/api/v1/findings/notes/{id}",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/findings/notes/999999?la=") + council(rel);
       },
       same(importer(404), all403)},
      {"GET", "/api/v1/imports",
       [&](auto&, auto& rel) { return std::string("/api/v1/imports?la=") + council(rel); },
       same(analysts, all403)},
      {"POST",
       "/api/v1/imports",
       [&](auto&, auto& rel) { return std::string("/api/v1/imports?la=") + council(rel); },
       {{"own", importer(201)},
        {"other_child", importer(201)},
        {"other_team", importer(201)},
        {"other_council", all403}},
       R"({"kind":"903","year":"2025-26"})"},
      // By id: a denial answers 404, the same as an id that does not exist (issue 13).
      {"GET", "/api/v1/imports/{id}",
       [&](auto&, auto& rel) { return "/api/v1/imports/" + upload(rel); },
       same(by_id(importer(200)), all404)},
      {"PUT", "/api/v1/imports/{id}/files/{name}",
       [&](auto&, auto& rel) { return "/api/v1/imports/" + upload(rel) + "/files/header.csv"; },
       same(by_id(importer(200)), all404), a_file},
      {"POST", "/api/v1/imports/{id}/check",
       [&](auto&, auto& rel) { return "/api/v1/imports/" + upload(rel) + "/check"; },
       same(by_id(importer(400)), all404)},
      {"POST", "/api/v1/imports/{id}/accept",
       [&](auto&, auto& rel) { return "/api/v1/imports/" + upload(rel) + "/accept"; },
       same(by_id(importer(400)), all404), "{}"},
      {"DELETE", "/api/v1/imports/{id}",
       [&](auto&, auto& rel) { return "/api/v1/imports/" + upload(rel); },
       same(by_id(importer(204)), all404)},
      {"GET", "/api/v1/users",
       [&](auto&, auto& rel) { return std::string("/api/v1/users?la=") + council(rel); },
       same(admins, all403)},
      // Changes to users: an administrator of the council gets through to the checks (a role
      // that does not exist, a user who does not), everyone else is refused; nobody here may
      // manage council 999's users. The set-up link's route is public (checked in ApiContract).
      {"POST", "/api/v1/users",
       [&](auto&, auto& rel) { return std::string("/api/v1/users?la=") + council(rel); },
       same(admin_only(400), all403), R"({"username":"someone-new","role":"no-such-role"})"},
      {"PUT", "/api/v1/users/{username}",
       [&](auto&, auto& rel) { return std::string("/api/v1/users/nobody?la=") + council(rel); },
       same(admin_only(404), all403), R"({"role":"worker"})"},
      {"POST", "/api/v1/users/{username}/disable",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/users/nobody/disable?la=") + council(rel);
       },
       same(admin_only(404), all403), "{}"},
      {"POST", "/api/v1/users/{username}/enable",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/users/nobody/enable?la=") + council(rel);
       },
       same(admin_only(404), all403), "{}"},
      {"POST", "/api/v1/users/{username}/reset",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/users/nobody/reset?la=") + council(rel);
       },
       same(admin_only(404), all403), "{}"},
      {"POST", "/api/v1/setup", nullptr, {}},
      {"GET", "/api/v1/children",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/children?la=") + council(rel) + filter(rel);
       },
       same(children, all403)},
      {"GET",
       "/api/v1/children/{id}",
       [&](auto& role, auto& rel) {
         return "/api/v1/children/" + child_for(role, rel) + "?la=" + council(rel);
       },
       {{"own", {200, 200, 200, 200, 200, 404, 404, 200, 404}},
        {"other_child", {200, 200, 200, 404, 404, 404, 404, 404, 404}},
        {"other_team", {200, 200, 404, 404, 404, 404, 404, 404, 404}},
        {"other_council", all404}}},
      {"GET", "/api/v1/statements",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/statements?la=") + council(rel) +
                (rel == "other_child"  ? "&child=" + ch.same_team
                 : rel == "other_team" ? "&child=" + ch.other_team
                                       : std::string());
       },
       same(voice_list, all403)},
      // An empty statement: the young person reaches the checks (400), nothing is stored.
      {"POST", "/api/v1/statements",
       [&](auto&, auto& rel) { return std::string("/api/v1/statements?la=") + council(rel); },
       same(sender, sender), R"({"mood":"good","topic":"school","text":""})"},
      {"GET",
       "/api/v1/statements/{id}",
       statement_path,
       {{"own", {404, 404, 200, 200, 200, 404, 404, 200, 404}},
        {"other_child", {404, 404, 200, 404, 404, 404, 404, 404, 404}},
        {"other_team", all404},
        {"other_council", all404}}},
      // An empty reply: those who may answer reach the checks (400).
      {"POST",
       "/api/v1/statements/{id}/replies",
       [&](auto& role, auto& rel) { return statement_path(role, rel) + "/replies"; },
       {{"own", {404, 404, 400, 400, 400, 404, 404, 404, 404}},
        {"other_child", {404, 404, 400, 404, 404, 404, 404, 404, 404}},
        {"other_team", all404},
        {"other_council", all404}},
       R"({"text":""})"},
      {"GET", "/api/v1/alerts",
       [&](auto&, auto& rel) { return std::string("/api/v1/alerts?la=") + council(rel); },
       same(alert_list, all403)},
      // Acknowledging without saying what was done: those who may reach the checks (400).
      {"POST",
       "/api/v1/alerts/{id}/acknowledge",
       alert_path,
       {{"own", {404, 404, 400, 400, 400, 404, 404, 404, 404}},
        {"other_child", {404, 404, 400, 404, 404, 404, 404, 404, 404}},
        {"other_team", all404},
        {"other_council", all404}},
       R"({"action":""})"},
      {"GET", "/api/v1/listening",
       [&](auto&, auto& rel) { return std::string("/api/v1/listening?la=") + council(rel); },
       same({200, 200, 200, 200, 403, 200, 200, 403, 200}, all403)},
      // The Board: its business for staff who govern (suppressed for the Board, participation and
      // the Board's officer), never a social worker's or a young person's page; actions added by
      // the Board's officer; an action closed by its owner (demo-manager) or the officer, who
      // reach the checks (400: no evidence). By id a denial of the Board is a 404.
      {"GET", "/api/v1/board", la_path("/api/v1/board"), same(board_read, all403)},
      {"GET", "/api/v1/cards", la_path("/api/v1/cards"), same(board_read, all403)},
      {"GET", "/api/v1/actions", la_path("/api/v1/actions"), same(board_read, all403)},
      {"POST", "/api/v1/actions",
       [&](auto&, auto& rel) { return std::string("/api/v1/actions?la=") + council(rel); },
       same({403, 403, 403, 403, 403, 403, 403, 403, 400}, all403), R"({"title":""})"},
      {"POST", "/api/v1/actions/{id}/close",
       [&](auto&, auto& rel) {
         return "/api/v1/actions/" + (rel == "other_council" ? action_999 : action_887) + "/close";
       },
       same({403, 403, 400, 403, 404, 403, 403, 404, 400}, all404), R"({"evidence":""})"},
      {"GET", "/api/v1/actions/{id}",
       [&](auto&, auto& rel) {
         return "/api/v1/actions/" + (rel == "other_council" ? action_999 : action_887);
       },
       same(board_by_id, all404)},
      // Challenge cards: raised, accepted and answered by the participation officer (who reach
      // the checks: 400, no words); read by all who read the Board.
      {"POST", "/api/v1/cards", la_path("/api/v1/cards"),
       same({403, 403, 403, 403, 403, 403, 400, 403, 403}, all403), R"({"challenge":""})"},
      {"GET", "/api/v1/cards/{id}", by_council(card_in, "/api/v1/cards/", ""),
       same(board_by_id, all404)},
      {"POST", "/api/v1/cards/{id}/accept", by_council(card_in, "/api/v1/cards/", "/accept"),
       same({403, 403, 403, 403, 404, 403, 400, 404, 403}, all404), R"({"challenge":""})"},
      {"POST", "/api/v1/cards/{id}/answer", by_council(card_in, "/api/v1/cards/", "/answer"),
       same({403, 403, 403, 403, 404, 403, 400, 404, 403}, all404), R"({"response":""})"},
      // Meetings, the calendar, figures by hand and the arrangements: kept by the Board's
      // officer (400: what they sent is wrong), read by all who read the Board.
      {"GET", "/api/v1/meetings", la_path("/api/v1/meetings"), same(board_read, all403)},
      {"POST", "/api/v1/meetings", la_path("/api/v1/meetings"),
       same({403, 403, 403, 403, 403, 403, 403, 403, 400}, all403), R"({"title":""})"},
      {"GET", "/api/v1/meetings/{id}", by_council(meeting_in, "/api/v1/meetings/", ""),
       same(board_by_id, all404)},
      {"POST", "/api/v1/meetings/{id}", by_council(meeting_in, "/api/v1/meetings/", ""),
       same({403, 403, 403, 403, 404, 403, 403, 404, 400}, all404), R"({"status":"lost"})"},
      {"GET", "/api/v1/reports", la_path("/api/v1/reports"), same(board_read, all403)},
      {"POST", "/api/v1/reports/{id}/receive",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/reports/scorecard/receive?la=") + council(rel);
       },
       same({403, 403, 403, 403, 403, 403, 403, 403, 400}, all403), R"({"due":"soon"})"},
      {"POST", "/api/v1/measures/{id}/values",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/measures/advocacy-partner/values?la=") + council(rel);
       },
       same({403, 403, 403, 403, 403, 403, 403, 403, 400}, all403), R"({"value":"high"})"},
      {"GET", "/api/v1/governance", la_path("/api/v1/governance"), same(board_read, all403)},
      {"POST", "/api/v1/governance", la_path("/api/v1/governance"),
       same({403, 403, 403, 403, 403, 403, 403, 403, 400}, all403), R"({"text":"[[nonsense"})"},
      {"POST", "/api/v1/themes/{id}/focus",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/themes/feeling-safe/focus?la=") + council(rel);
       },
       same({403, 403, 403, 403, 403, 403, 200, 403, 200}, all403)},
      // The Board's papers: for those who read the Board and its scorecard (small numbers
      // suppressed for the Board); html, as the PDF is made of. Commentary read with the Board,
      // written by the Board's officer, analysts and managers (400: what they sent is wrong).
      {"GET", "/api/v1/meetings/{id}/pack",
       by_council(meeting_in, "/api/v1/meetings/", "/pack?format=html"),
       same({200, 200, 200, 200, 404, 200, 403, 404, 200}, all404)},
      {"GET", "/api/v1/annual-report",
       [&](auto&, auto& rel) {
         return std::string("/api/v1/annual-report?format=html&year=2025-26&la=") + council(rel);
       },
       same(scorecard, all403)},
      {"GET", "/api/v1/commentary", la_path("/api/v1/commentary"), same(board_read, all403)},
      {"GET", "/api/v1/commentary/history",
       [&](auto&, auto& rel) {
         return std::string(
                    "/api/v1/commentary/history?subject=indicator:cla_count&period=2026-03-31&"
                    "part=behind&la=") +
                council(rel);
       },
       same(board_read, all403)},
      {"POST", "/api/v1/commentary", la_path("/api/v1/commentary"),
       same({403, 400, 400, 403, 403, 403, 403, 403, 400}, all403), R"({"subject":""})"},
      {"POST", "/api/v1/commentary/preview", la_path("/api/v1/commentary/preview"),
       same({403, 400, 400, 403, 403, 403, 403, 403, 400}, all403), R"({"body":5})"},
      {"POST",
       "/api/v1/invitations",
       [&](auto&, auto& rel) { return std::string("/api/v1/invitations?la=") + council(rel); },
       {{"own", {201, 404, 201, 404, 201, 404, 404, 404, 404}},
        {"other_child", {201, 404, 201, 404, 404, 404, 404, 404, 404}},
        {"other_team", {201, 404, 404, 404, 404, 404, 404, 404, 404}},
        {"other_council", all404}},
       "",
       [&](auto& role, auto& rel) {
         return std::string(R"({"la":")") + council(rel) + R"(","child":")" + child_for(role, rel) +
                "\"}";
       }},
  };

  // Every route the server documents has rows: a new route without them fails here.
  auto api = body_of(WebClient(server_->base()).get("/api/v1/openapi.json"));
  ASSERT_TRUE(api.contains("paths"));
  std::size_t documented = 0;
  for (auto& [pattern, ops] : api["paths"].items())
    for (auto& [method, op] : ops.items()) {
      ++documented;
      std::string m = method;
      for (auto& c : m) c = static_cast<char>(std::toupper(c));
      bool found = false;
      for (const auto& r : rows) found |= r.method == m && r.pattern == pattern;
      EXPECT_TRUE(found) << m << " " << pattern << " has no rows in the access matrix";
    }
  EXPECT_EQ(documented, rows.size()) << "the matrix lists a route the server does not have";

  int checked = 0;
  for (const auto& r : rows) {
    if (!r.path) continue;
    for (const auto& rel : kRelations)
      for (std::size_t i = 0; i < kRoles.size(); ++i) {
        const auto& role = kRoles[i];
        std::string path = r.path(role, rel);
        auto reply =
            as(role).request(r.method, path, r.make_body ? r.make_body(role, rel) : r.body);
        EXPECT_EQ(reply.status, r.expect.at(rel)[i])
            << r.method << " " << r.pattern << " as " << role << ", " << rel << ": " << path
            << " → " << reply.body.substr(0, 300);
        if (reply.status == 403) {
          EXPECT_EQ(body_of(reply)["error"]["code"], "forbidden") << reply.body;
        }
        ++checked;
      }
  }
  const auto unchecked =
      std::count_if(rows.begin(), rows.end(), [](const Row& r) { return !r.path; });
  EXPECT_EQ(checked,
            (static_cast<int>(rows.size() - unchecked)) * 4 * static_cast<int>(kRoles.size()));

  // The public and session routes.
  for (const auto& role : kRoles) {
    WebClient fresh(server_->base());
    EXPECT_EQ(fresh.get("/api/v1/scorecard").status, 401) << "no session";
    EXPECT_EQ(fresh.get("/api/v1/openapi.json").status, 200);
    auto options = fresh.get("/api/v1/sign-in-options");
    EXPECT_EQ(options.status, 200);
    EXPECT_TRUE(body_of(options)["sso"].is_null()) << "no [sso]: passwords only";
    EXPECT_EQ(fresh.login(demo_user(role), kPassword), 200) << role;
    EXPECT_EQ(fresh.request("DELETE", "/api/v1/session").status, 204) << role;
    EXPECT_EQ(fresh.get("/api/v1/session").status, 401) << role << " after signing out";
  }

  // What each role sees: the board's figures are suppressed; a young person's record is short.
  auto board = body_of(as("board").get("/api/v1/scorecard"));
  auto analyst = body_of(as("analyst").get("/api/v1/scorecard"));
  EXPECT_TRUE(board["suppression"]["applied"].get<bool>()) << board["suppression"];
  EXPECT_FALSE(analyst["suppression"]["applied"].get<bool>()) << analyst["suppression"];
  auto yp = body_of(as("young_person").get("/api/v1/children/" + ch.yp_own));
  EXPECT_TRUE(yp.contains("entitlements"));
  EXPECT_FALSE(yp.contains("episodes")) << "a young person's view is their own, shorter one";
  auto full = body_of(as("worker").get("/api/v1/children/" + ch.worker_own));
  EXPECT_TRUE(full.contains("episodes"));
  EXPECT_TRUE(full.contains("timescales"));

  // Reads of children's records and denials are in the audit log, and the chain is whole.
  auto audit = run(hearth_cmd(store_, {"audit", "list", "--limit", "100000", "--format", "json"}));
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  int reads = 0, denials = 0;
  for (auto& e : json::parse(audit.out)) {
    reads += e["action"] == "child.read";
    denials += e["action"] == "access.denied";
  }
  EXPECT_GT(reads, 0);
  EXPECT_GT(denials, 100);
  EXPECT_EQ(run(hearth_cmd(store_, {"audit", "verify"})).exit_code, 0);
}

// The service-wide worklist a page at a time, its filters' choices whatever is chosen, and
// several item types at once (an IRO's reviews).
TEST_F(WebAccess, TheWorklistPagesOffersEveryChoiceAndTakesSeveralItems) {
  auto& a = as("analyst");
  auto whole = body_of(a.get("/api/v1/worklist?scope=all"));
  const auto overdue = whole["overdue"];
  ASSERT_GT(overdue.size(), 15u) << "the demo has a long service-wide list";
  auto page2 = body_of(a.get("/api/v1/worklist?scope=all&page=2&per_page=10"));
  EXPECT_EQ(page2["page"], 2);
  EXPECT_EQ(page2["per_page"], 10);
  EXPECT_EQ(page2["summary"], whole["summary"]) << "the counts stay whole";
  ASSERT_EQ(page2["overdue"].size(), 10u);
  for (std::size_t i = 0; i < 10; ++i) EXPECT_EQ(page2["overdue"][i], overdue[10 + i]) << i;
  auto past_end = body_of(a.get("/api/v1/worklist?scope=all&page=100000&per_page=10"));
  EXPECT_TRUE(past_end["overdue"].empty());
  EXPECT_FALSE(whole.contains("page")) << "not paged unless asked";

  // Choosing a worker still offers every worker, item type and team.
  ASSERT_GT(whole["options"]["workers"].size(), 1u);
  const std::string one = whole["options"]["workers"][0]["worker"];
  auto narrowed = body_of(a.get("/api/v1/worklist?scope=all&worker=" + one));
  EXPECT_EQ(narrowed["options"], whole["options"]);
  EXPECT_EQ(narrowed["workers"].size(), 1u);

  // Several item types at once: exactly the items of either.
  std::map<std::string, int> by_item;
  for (const auto& w : overdue) ++by_item[w["item"].get<std::string>()];
  ASSERT_GE(by_item.size(), 2u);
  auto it = by_item.begin();
  const auto [first, n1] = *it++;
  const auto [second, n2] = *it;
  auto both =
      body_of(a.get("/api/v1/worklist?scope=all&status=overdue&item=" + first + "," + second));
  EXPECT_EQ(both["summary"]["overdue"], n1 + n2);
  for (const auto& w : both["overdue"]) EXPECT_TRUE(w["item"] == first || w["item"] == second);
  auto bad = a.get("/api/v1/worklist?scope=all&item=" + first + ",no_such_item");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(body_of(bad)["error"]["code"], "bad_item");
}

TEST_F(WebAccess, ChangesWithoutTheCsrfTokenAreRefused) {
  WebClient c(server_->base());
  ASSERT_EQ(c.login("demo-analyst", kPassword), 200);
  auto no_header = c.request("DELETE", "/api/v1/session", {}, false);
  EXPECT_EQ(no_header.status, 403);
  EXPECT_EQ(body_of(no_header)["error"]["code"], "csrf");
  auto wrong = c.request("DELETE", "/api/v1/session", {}, false, {"X-CSRF-Token: guessed"});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(c.get("/api/v1/session").status, 200) << "still signed in";
  // The cookies are what the spec says.
  WebClient d(server_->base());
  auto login = d.request(
      "POST", "/api/v1/session",
      std::string("{\"username\":\"demo-board\",\"password\":\"") + kPassword + "\"}", false);
  EXPECT_NE(login.headers.find("set-cookie: hearth_session="), std::string::npos);
  EXPECT_NE(login.headers.find("httponly; samesite=strict"), std::string::npos) << login.headers;
  EXPECT_NE(login.headers.find("content-security-policy: default-src 'self'; script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(c.request("DELETE", "/api/v1/session").status, 204) << "with the token";
  // Bad bodies get the one error shape.
  auto bad = d.request("POST", "/api/v1/session", "{not json", false);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(body_of(bad)["error"]["code"], "bad_json");
}
