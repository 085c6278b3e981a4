// The Board's arrangements and actions from the command line, on the demo council: both shipped
// governance files load and a malformed one changes nothing; an action due yesterday is overdue;
// a priority's measure shows the scorecard's own figure, RAG and trend on any date.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace {

using hearth::testing::run;
using hearth::testing::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kPassword = "Demo-passw0rd-for-tests";

std::string day(int offset) {
  const auto t = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
                 std::chrono::days{offset};
  const std::chrono::year_month_day d{t};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

class GovernanceCli : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
    store_ = "sqlite:" + (tmp_.path() / "g.db").string();
    auto demo = run(cmd({"demo", "--children", "120", "--years", "2"}));
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    ASSERT_NE(demo.out.find("Corporate Parenting Board"), std::string::npos) << demo.out;
  }
  std::vector<std::string> cmd(std::vector<std::string> args) {
    return hearth::testing::hearth_cmd(store_, std::move(args));
  }
  TempDir tmp_;
  std::string store_;
};

TEST_F(GovernanceCli, BothShippedFilesLoadAndAMalformedOneChangesNothing) {
  auto medway = run(cmd({"governance", "export"}));
  ASSERT_EQ(medway.exit_code, 0) << medway.err;
  EXPECT_NE(medway.out.find("council = \"Medway\""), std::string::npos);
  const auto file = tmp_.path() / "manchester.toml";
  hearth::testing::write_text(file,
                              hearth::testing::read_text(fs::path(HEARTH_SOURCE_DIR) /
                                                         "reference/governance/manchester.toml"));
  auto loaded = run(cmd({"governance", "load", file.string()}));
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  EXPECT_NE(loaded.out.find("4 priorities"), std::string::npos) << loaded.out;
  EXPECT_NE(run(cmd({"governance", "export"})).out.find("council = \"Manchester\""),
            std::string::npos);
  // Each mistake named with file and line; the arrangements in force stay as they were.
  const std::pair<std::string, std::string> mistakes[] = {
      {"[[measure]]\nid = \"x\"\npriority = \"nowhere\"\ntext = \"t\"\nindicators = [\"dental\"]\n",
       "priority 'nowhere' is not in the file"},
      {"[[measure]]\nid = \"x\"\npriority = \"safe\"\ntext = \"t\"\nindicators = [\"teeth\"]\n",
       "indicator 'teeth' is not a scorecard indicator"},
      {"[[theme]]\nid = \"belonging\"\ntitle = \"Again\"\nyear = \"2025-26\"\n",
       "a second theme with id 'belonging'"},
      {"[[report]]\nid = \"late\"\ntitle = \"Late\"\nfirst_due = \"31/03/2026\"\n",
       "'first_due' must be a date written 2025-03-31"},
  };
  const std::string good = hearth::testing::read_text(file);
  for (const auto& [extra, said] : mistakes) {
    const auto bad = tmp_.path() / "bad.toml";
    hearth::testing::write_text(bad, good + "\n" + extra);
    auto r = run(cmd({"governance", "load", bad.string()}));
    EXPECT_EQ(r.exit_code, 2) << said;
    EXPECT_NE(r.err.find(said), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("bad.toml:"), std::string::npos) << r.err;
  }
  EXPECT_NE(run(cmd({"governance", "export"})).out.find("council = \"Manchester\""),
            std::string::npos);
}

TEST_F(GovernanceCli, AnActionDueYesterdayIsOverdueUntilItIsClosedWithEvidence) {
  auto added = run(cmd({"actions", "add", "--title", "Publish the local offer", "--owner",
                        "demo-manager", "--owner-name", "Head of Leaving Care", "--due", day(-1),
                        "--priority", "independence"}));
  ASSERT_EQ(added.exit_code, 0) << added.err;
  auto overdue = json::parse(run(cmd({"actions", "--overdue", "--format", "json"})).out);
  std::int64_t id = 0;
  for (const auto& a : overdue["items"])
    if (a["title"] == "Publish the local offer") id = a["id"];
  ASSERT_NE(id, 0) << overdue.dump();
  for (const auto& a : overdue["items"]) EXPECT_TRUE(a["overdue"].get<bool>()) << a;
  // Not overdue the day it was due; refused without evidence, or for a priority that is not.
  auto before =
      json::parse(run(cmd({"actions", "--overdue", "--format", "json", "--as-of", day(-1)})).out);
  for (const auto& a : before["items"]) EXPECT_NE(a["id"], id);
  auto no_evidence = run(cmd({"actions", "close", std::to_string(id), "--evidence", " "}));
  EXPECT_EQ(no_evidence.exit_code, 2);
  EXPECT_NE(no_evidence.err.find("evidence"), std::string::npos) << no_evidence.err;
  EXPECT_EQ(run(cmd({"actions", "add", "--title", "x", "--owner", "y", "--due", day(3),
                     "--priority", "nowhere"}))
                .exit_code,
            2);
  EXPECT_EQ(
      run(cmd({"actions", "add", "--title", "x", "--owner", "y", "--due", "31/03/2026"})).exit_code,
      2);
  auto closed = run(cmd({"actions", "close", std::to_string(id), "--evidence",
                         "Published on the council's website"}));
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  auto after = json::parse(run(cmd({"actions", "--overdue", "--format", "json"})).out);
  for (const auto& a : after["items"]) EXPECT_NE(a["id"], id);
  // Closed already: a conflict (exit 4), not a second close.
  EXPECT_EQ(run(cmd({"actions", "close", std::to_string(id), "--evidence", "again"})).exit_code, 4);
  auto audit = run(cmd({"audit", "list", "--limit", "100000", "--format", "json"}));
  EXPECT_NE(audit.out.find("action.close"), std::string::npos);
  // The cards, as the Board reads them: never who raised one.
  auto cards = run(cmd({"cards", "--format", "json"}));
  ASSERT_EQ(cards.exit_code, 0) << cards.err;
  EXPECT_EQ(json::parse(cards.out)["items"].size(), 6u);
  EXPECT_EQ(cards.out.find("demo-"), std::string::npos) << cards.out;
  EXPECT_EQ(run(cmd({"cards", "--status", "lost"})).exit_code, 2);
}

// The measure "health-assessments" names iha_timely with target 80: on a date, its figure, RAG
// and trend are the scorecard's; on a date a year earlier both are different, and still agree.
TEST_F(GovernanceCli, AMeasureShowsTheScorecardsFigureRagAndTrendOnAnyDate) {
  const auto config = tmp_.path() / "hearth.toml";
  hearth::testing::write_text(config, "[scorecard.targets]\niha_timely = 80\n");
  auto with = [&](std::vector<std::string> args) {
    std::vector<std::string> argv = {HEARTH_BIN, "--store", store_, "--config", config.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return json::parse(run(argv).out);
  };
  std::vector<std::string> seen;
  for (const char* as_of : {"2026-03-31", "2025-03-31"}) {
    auto card = with({"scorecard", "--only", "iha_timely", "--as-of", as_of, "--format", "json"});
    auto board = with({"governance", "show", "--as-of", as_of, "--format", "json"});
    const auto& entry = card["indicators"][0];
    json part;
    for (const auto& p : board["priorities"])
      for (const auto& m : p["measures"])
        if (m["id"] == "health-assessments")
          for (const auto& x : m["parts"])
            if (x["from"] == "iha_timely") part = x;
    ASSERT_FALSE(part.is_null()) << board.dump().substr(0, 300);
    EXPECT_EQ(part["value"], entry["value"]) << as_of;
    EXPECT_EQ(part["rag"], entry["rag"]) << as_of;
    EXPECT_EQ(part["target"], 80);
    ASSERT_EQ(part["trend"].size(), entry["trend"].size());
    for (std::size_t i = 0; i < part["trend"].size(); ++i)
      EXPECT_EQ(part["trend"][i]["value"], entry["trend"][i]["value"]) << as_of << " " << i;
    seen.push_back(entry["value"].dump() + "/" + entry["trend"].dump());
  }
  EXPECT_NE(seen[0], seen[1]) << "a year earlier is another picture";
}

}  // namespace

// Officers' commentary from the command line: each save a new version with who and when; the
// commentary as at a past day is what was written by then; a piece that is not one, or words that
// name a child, are refused (exit 2) and nothing is kept.
TEST_F(GovernanceCli, CommentaryKeepsEveryVersionAndRefusesWhatIsNotOne) {
  for (const char* body : {"One team short of nurses.", "Two teams short; **recruiting**."}) {
    auto set =
        run(cmd({"commentary", "set", "indicator:dental", "2026-03-31", "behind", "--text", body}));
    ASSERT_EQ(set.exit_code, 0) << set.err;
  }
  // The demo wrote commentary on other figures; this one is the test's.
  auto dental = [](const json& list) {
    json out = json::array();
    for (const auto& i : list["items"])
      if (i["subject"] == "indicator:dental") out.push_back(i);
    return out;
  };
  auto now =
      dental(json::parse(run(cmd({"commentary", "show", "2026-03-31", "--format", "json"})).out));
  ASSERT_EQ(now.size(), 1u) << now;
  EXPECT_EQ(now[0]["body"], "Two teams short; **recruiting**.");
  EXPECT_NE(now[0]["replaces"], 0);
  EXPECT_EQ(now[0]["written_by"].get<std::string>().rfind("cli:", 0), 0u);
  EXPECT_EQ(now[0]["written_by"].get<std::string>().find("cli:", 1), std::string::npos)
      << "one cli: prefix";
  auto history = json::parse(run(cmd({"commentary", "history", "indicator:dental", "2026-03-31",
                                      "behind", "--format", "json"}))
                                 .out);
  EXPECT_EQ(history["items"].size(), 2u);
  auto before = dental(json::parse(
      run(cmd({"commentary", "show", "2026-03-31", "--as-at", day(-1), "--format", "json"})).out));
  EXPECT_TRUE(before.empty()) << before;
  // Not a piece: an indicator that does not exist, a day that ends no quarter, a part that is not.
  for (const std::vector<std::string>& bad :
       {std::vector<std::string>{"indicator:teeth", "2026-03-31", "behind"},
        {"indicator:iha_timely", "2026-03-30", "behind"},
        {"indicator:iha_timely", "2026-03-31", "why"},
        {"annual:gossip", "2025-26", "text"},
        {"annual:introduction", "2025", "text"}}) {
    std::vector<std::string> args = {"commentary", "set"};
    args.insert(args.end(), bad.begin(), bad.end());
    args.insert(args.end(), {"--text", "x"});
    auto r = run(cmd(args));
    EXPECT_EQ(r.exit_code, 2) << bad[0] << " " << bad[1] << " " << bad[2] << ": " << r.err;
  }
  // A child's number in the words: refused, and the words are not repeated.
  auto child = run({"/usr/bin/sqlite3", store_.substr(7),
                    "SELECT child FROM ssda903_header WHERE la = '887' LIMIT 1"});
  std::string id = child.out;
  while (!id.empty() && (id.back() == '\n' || id.back() == '\r')) id.pop_back();
  ASSERT_FALSE(id.empty()) << child.err;
  // (The demo wrote 2025-26's sections; 2024-25 has none.)
  auto named = run(cmd({"commentary", "set", "annual:voice", "2024-25", "text", "--text",
                        "What " + id + " told us"}));
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_EQ(named.err.find(id), std::string::npos) << named.err;
  auto year = json::parse(run(cmd({"commentary", "show", "2024-25", "--format", "json"})).out);
  EXPECT_TRUE(year["items"].empty()) << year;
  ASSERT_EQ(run(cmd({"commentary", "set", "annual:introduction", "2024-25", "text", "--text",
                     "# A year of listening"}))
                .exit_code,
            0);
}
