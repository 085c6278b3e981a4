// One question, one answer: the CLI's `--format json` and the API give the same document for the
// scorecard, the worklist, a child's findings and statutory items, imports and the registries
// (issue 14: both faces call one service and one renderer), and both refuse a bad question with the
// same words.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "support.hpp"

using hearth::testing::run;
using hearth::testing::Server;
using hearth::testing::TempDir;
using hearth::testing::WebClient;
using nlohmann::json;

namespace {

const char* kPassword = "same-answer-password";

class SameAnswer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
    setenv("HEARTH_TODAY", "2026-05-15", 1);  // the CLI and the server read the same today
    tmp_ = new TempDir();
    store_ = "sqlite:" + (tmp_->path() / "same.db").string();
    auto demo = cli({"demo", "--children", "200", "--years", "2"});
    ASSERT_EQ(demo.exit_code, 0) << demo.out << demo.err;
    server_ = new Server({HEARTH_BIN, "--store", store_, "serve"});
    for (const char* role : {"analyst", "board"}) {
      auto* c = new WebClient(server_->base());
      ASSERT_EQ(c->login(std::string("demo-") + role, kPassword), 200) << role;
      (std::string(role) == "analyst" ? analyst_ : board_) = c;
    }
  }
  static void TearDownTestSuite() {
    delete analyst_;
    delete board_;
    if (server_) server_->stop();
    delete server_;
    delete tmp_;
    unsetenv("HEARTH_TODAY");
  }
  static hearth::testing::RunResult cli(std::vector<std::string> args) {
    std::vector<std::string> argv = {HEARTH_BIN, "--store", store_};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
  }
  static json cli_json(std::vector<std::string> args) {
    auto r = cli(std::move(args));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  static json api_json(WebClient& who, const std::string& path) {
    auto r = who.get(path);
    EXPECT_EQ(r.status, 200) << path << ": " << r.body;
    return json::parse(r.body);
  }

  static TempDir* tmp_;
  static std::string store_;
  static Server* server_;
  static WebClient* analyst_;
  static WebClient* board_;
};
TempDir* SameAnswer::tmp_ = nullptr;
std::string SameAnswer::store_;
Server* SameAnswer::server_ = nullptr;
WebClient* SameAnswer::analyst_ = nullptr;
WebClient* SameAnswer::board_ = nullptr;

TEST_F(SameAnswer, TheScorecardIsOneDocument) {
  auto cli_doc = cli_json({"scorecard", "--as-of", "2025-12-31", "--format", "json"});
  auto api_doc = api_json(*analyst_, "/api/v1/scorecard?as_of=2025-12-31&breakdowns=true");
  ASSERT_FALSE(cli_doc["indicators"].empty());
  EXPECT_EQ(cli_doc, api_doc);
  // The Board sees small numbers suppressed, as `--suppressed` shows them.
  auto cli_board = cli_json({"scorecard", "--period", "year", "--suppressed", "--format", "json"});
  auto api_board = api_json(*board_, "/api/v1/scorecard?period=year&breakdowns=true");
  EXPECT_EQ(cli_board, api_board);
  // One indicator, breakdowns and all.
  auto one = cli_json({"scorecard", "--only", "cla_rate", "--format", "json"});
  EXPECT_EQ(one, api_json(*analyst_, "/api/v1/scorecard/cla_rate"));
}

TEST_F(SameAnswer, TheWorklistIsOneDocument) {
  auto cli_doc = cli_json({"worklist", "--la", "887", "--format", "json"});
  auto api_doc = api_json(*analyst_, "/api/v1/worklist?scope=all");
  ASSERT_GT(cli_doc["summary"]["overdue"].get<int>() + cli_doc["summary"]["due_soon"].get<int>(),
            0);
  EXPECT_EQ(cli_doc, api_doc);
  // Narrowed to one worker, at another date.
  const std::string worker = cli_doc["workers"][0]["worker"].is_string()
                                 ? cli_doc["workers"][0]["worker"].get<std::string>()
                                 : cli_doc["workers"][1]["worker"].get<std::string>();
  auto cli_one = cli_json(
      {"worklist", "--la", "887", "--worker", worker, "--as-of", "2026-01-31", "--format", "json"});
  auto api_one =
      api_json(*analyst_, "/api/v1/worklist?scope=all&worker=" + worker + "&as_of=2026-01-31");
  EXPECT_EQ(cli_one, api_one);
  // The CSV too.
  auto cli_csv = cli({"worklist", "--la", "887", "--format", "csv"});
  auto api_csv = analyst_->get("/api/v1/worklist?scope=all&format=csv");
  EXPECT_EQ(cli_csv.out, api_csv.body);
}

TEST_F(SameAnswer, AChildsFindingsAreOneList) {
  // A child the latest return has a finding about.
  auto summary = api_json(*analyst_, "/api/v1/findings");
  std::string child;
  for (const auto& rule : summary["rules"]) {
    if (rule["children"].get<int>() == 0) continue;
    auto list = api_json(*analyst_, "/api/v1/findings/" + rule["code"].get<std::string>());
    for (const auto& f : list["items"])
      if (!f["child"].get<std::string>().empty()) child = f["child"];
    if (!child.empty()) break;
  }
  ASSERT_FALSE(child.empty()) << summary.dump();
  auto cli_doc = cli_json({"findings", "--child", child, "--format", "json"});
  auto record = api_json(*analyst_, "/api/v1/children/" + child);
  ASSERT_FALSE(cli_doc["findings"].empty());
  EXPECT_EQ(cli_doc["findings"], record["findings"]);
  EXPECT_EQ(cli_doc["child"], child);
  auto none = cli({"findings", "--child", "NO-SUCH-CHILD"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("has no child 'NO-SUCH-CHILD'"), std::string::npos) << none.err;
}

TEST_F(SameAnswer, AChildsJourneyHasTheCLIsTimescales) {
  // A child on the list with something overdue, seen at the data's date and at an earlier one.
  auto list = api_json(*analyst_, "/api/v1/children?per_page=500");
  std::string child;
  for (const auto& c : list["items"])
    if (c["overdue"].get<int>() > 0) child = c["id"];
  ASSERT_FALSE(child.empty()) << list.dump();
  for (std::string as_of : {"", "2026-01-31"}) {
    auto cli_doc =
        as_of.empty()
            ? cli_json({"timescales", "--child", child, "--format", "json"})
            : cli_json({"timescales", "--child", child, "--as-of", as_of, "--format", "json"});
    auto journey =
        api_json(*analyst_, "/api/v1/children/" + child + (as_of.empty() ? "" : "?as_of=" + as_of));
    if (as_of.empty()) ASSERT_FALSE(cli_doc["items"].empty());
    EXPECT_EQ(cli_doc["records_to"], journey["records_to"]) << as_of;
    EXPECT_EQ(cli_doc["records_note"], journey["records_note"]) << as_of;
    cli_doc.erase("records_to");
    cli_doc.erase("records_note");
    EXPECT_EQ(cli_doc, journey["timescales"]) << as_of;
  }
  // A date after today is refused by both in the same words.
  auto cli_bad = cli({"timescales", "--child", child, "--as-of", "2099-01-01"});
  EXPECT_EQ(cli_bad.exit_code, 2);
  auto api_bad = analyst_->get("/api/v1/children/" + child + "?as_of=2099-01-01");
  EXPECT_EQ(api_bad.status, 400);
  auto msg = json::parse(api_bad.body)["error"]["message"].get<std::string>();
  EXPECT_NE(cli_bad.err.find(msg.substr(msg.find(' '))), std::string::npos)
      << cli_bad.err << " / " << msg;
}

// A child's overdue count is the same on the children list, their own page and the worklist, for
// every child of the council (issue 15: counts agree everywhere).
TEST_F(SameAnswer, EveryChildsOverdueCountAgreesOnEveryPage) {
  auto list = api_json(*analyst_, "/api/v1/children?status=all&per_page=500");
  ASSERT_EQ(list["total"], list["items"].size()) << "one page holds the council";
  auto worklist = api_json(*analyst_, "/api/v1/worklist?scope=all&la=887");
  std::map<std::string, int> on_worklist;
  const std::string as_of = worklist["as_of"];
  for (const auto& item : worklist["overdue"]) {
    ++on_worklist[item["child_id"].get<std::string>()];
    // Overdue means due by the as-of date: never negative days, never an item not yet due.
    EXPECT_GE(item["days_overdue"].get<int>(), 0) << item.dump();
    EXPECT_LE(item["due"].get<std::string>().substr(0, 10), as_of) << item.dump();
  }
  int overdue = 0;
  for (const auto& child : list["items"]) {
    const std::string id = child["id"];
    auto page = api_json(*analyst_, "/api/v1/children/" + id);
    int on_page = 0;
    for (const auto& item : page["timescales"]["items"])
      on_page += item["status"] == "overdue" && item["actionable"] == true;
    EXPECT_EQ(child["overdue"], page["child"]["overdue"]) << id;
    EXPECT_EQ(child["overdue"].get<int>(), on_page) << id;
    EXPECT_EQ(child["overdue"].get<int>(), on_worklist[id]) << id;
    overdue += child["overdue"].get<int>();
  }
  EXPECT_EQ(overdue, worklist["summary"]["overdue"].get<int>());
  EXPECT_GT(overdue, 0);
}

TEST_F(SameAnswer, ImportsAndTheRegistriesAreOneListEach) {
  auto cli_imports = cli_json({"imports", "--format", "json"});
  auto api_imports = api_json(*analyst_, "/api/v1/imports?per_page=500");
  ASSERT_FALSE(cli_imports["items"].empty());
  EXPECT_EQ(cli_imports["items"], api_imports["items"]);
  EXPECT_EQ(cli_imports["total"], api_imports["total"]);
  auto cli_indicators = cli_json({"indicators", "list", "--format", "json"});
  EXPECT_EQ(cli_indicators, api_json(*analyst_, "/api/v1/indicators"));
  EXPECT_EQ(cli_indicators["total"], cli_indicators["items"].size());
  auto cli_rules = cli_json({"rules", "list", "--year", "2024-25", "--format", "json"});
  EXPECT_EQ(cli_rules, api_json(*analyst_, "/api/v1/rules?year=2024-25"));
  EXPECT_EQ(cli_rules["collection_year"], "2024/25");
}

TEST_F(SameAnswer, ABadQuestionIsRefusedInTheSameWords) {
  auto cli_bad = cli({"worklist", "--la", "887", "--worker", "nobody-at-all", "--format", "json"});
  EXPECT_EQ(cli_bad.exit_code, 2);
  auto api_bad = analyst_->get("/api/v1/worklist?scope=all&worker=nobody-at-all");
  EXPECT_EQ(api_bad.status, 400);
  auto err = json::parse(api_bad.body)["error"];
  EXPECT_EQ(err["code"], "bad_worker");
  EXPECT_NE(cli_bad.err.find(err["message"].get<std::string>()), std::string::npos)
      << cli_bad.err << " / " << err["message"];
  auto cli_period = cli({"scorecard", "--period", "fortnight", "--format", "json"});
  EXPECT_EQ(cli_period.exit_code, 2);
  auto api_period = analyst_->get("/api/v1/scorecard?period=fortnight");
  EXPECT_EQ(api_period.status, 400);
  EXPECT_NE(
      cli_period.err.find(json::parse(api_period.body)["error"]["message"].get<std::string>()),
      std::string::npos);
}

// A body field of the wrong type is the client's fault and says which field; a user who exists
// already is a conflict, not a usage error.
TEST_F(SameAnswer, FaultsAreNamedByKind) {
  auto r = analyst_->request("POST", "/api/v1/imports", R"({"kind": 5})");
  EXPECT_EQ(r.status, 400) << r.body;
  auto e = json::parse(r.body)["error"];
  EXPECT_EQ(e["code"], "bad_request");
  EXPECT_EQ(e["details"]["parameter"], "kind");
  auto dup = cli({"user", "add", "demo-analyst", "--role", "analyst", "--council", "887"});
  EXPECT_EQ(dup.exit_code, 4) << dup.out << dup.err;
  EXPECT_NE(dup.err.find("there is already a user demo-analyst"), std::string::npos) << dup.err;
}

}  // namespace
