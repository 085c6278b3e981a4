// Adding a user checks what links them to the records (issue 15): a worker, team or child the
// records do not hold is refused, naming it, so nobody is given an empty worklist that reads as
// "nothing overdue".
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support.hpp"

using hearth::testing::run;
using hearth::testing::TempDir;
using nlohmann::json;

namespace {

class UserAdd : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("HEARTH_DEMO_PASSWORD", "users-test-password", 1);
    store_ = "sqlite:" + (tmp_.path() / "users.db").string();
  }
  hearth::testing::RunResult cli(std::vector<std::string> args) {
    std::vector<std::string> argv = {HEARTH_BIN, "--store", store_};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
  }
  TempDir tmp_;
  std::string store_;
};

TEST_F(UserAdd, AWorkerTeamOrChildTheRecordsDoNotHoldIsRefusedByName) {
  ASSERT_EQ(cli({"demo", "--children", "40", "--years", "1"}).exit_code, 0);
  auto wl = cli({"worklist", "--format", "json"});
  ASSERT_EQ(wl.exit_code, 0) << wl.err;
  const json workers = json::parse(wl.out)["workers"];
  std::string worker, team;
  for (const auto& w : workers)
    if (w["worker"].is_string() && !w["worker"].get<std::string>().empty()) {
      worker = w["worker"];
      team = w["team"];
    }
  ASSERT_FALSE(worker.empty()) << workers.dump();

  auto refused = [&](std::vector<std::string> args, const std::string& named) {
    auto r = cli(args);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_NE(r.err.find("'" + named + "'"), std::string::npos) << r.err;
  };
  refused({"user", "add", "w1", "--role", "worker", "--council", "887", "--worker", "SW-NOBODY"},
          "SW-NOBODY");
  refused({"user", "add", "i1", "--role", "iro", "--council", "887", "--worker", "IRO-NOBODY"},
          "IRO-NOBODY");
  refused({"user", "add", "m1", "--role", "manager", "--council", "887", "--team", "No Such Team"},
          "No Such Team");
  refused({"user", "add", "y1", "--role", "young_person", "--council", "887", "--child", "NOPE"},
          "NOPE");
  // An email address that is not one (mail to them would go nowhere).
  refused({"user", "add", "e1", "--role", "board", "--council", "887", "--email", "jo at council"},
          "jo at council");
  // Another council's records do not vouch for this one's worker.
  refused({"user", "add", "w2", "--role", "worker", "--council", "999", "--worker", worker},
          worker);
  auto list = cli({"user", "list", "--format", "json"});
  for (const auto& u : json::parse(list.out))
    EXPECT_TRUE(u["username"].get<std::string>().rfind("demo-", 0) == 0)
        << u["username"] << " was added";

  // Ids the records hold are taken.
  auto ok = cli({"user", "add", "w3", "--role", "worker", "--council", "887", "--worker", worker});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  auto mgr = cli({"user", "add", "m3", "--role", "manager", "--council", "887", "--team", team});
  EXPECT_EQ(mgr.exit_code, 0) << mgr.err;
  // A role without a link needs none.
  EXPECT_EQ(cli({"user", "add", "b3", "--role", "board", "--council", "887"}).exit_code, 0);
}

TEST_F(UserAdd, BeforeAnyRecordsAWorkerCannotBeLinked) {
  ASSERT_EQ(cli({"db", "upgrade"}).exit_code, 0);
  auto r = cli({"user", "add", "w1", "--role", "worker", "--council", "887", "--worker", "SW1"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no worker 'SW1'"), std::string::npos) << r.err;
  // An administrator can be added first, to import the records.
  EXPECT_EQ(cli({"user", "add", "a1", "--role", "admin", "--council", "887"}).exit_code, 0);
}

}  // namespace

// Single sign-on's accounts from the command line (docs/sso.md): one added SSO-only has no
// password and cannot be reset; `sso-only --off` gives them a set-up link; `sso-only` takes an
// existing password away; a young person cannot be made SSO-only; `list` says how each signs in.
TEST_F(UserAdd, SsoOnlyAccountsHaveNoPasswordAndSayHowTheySignIn) {
  ASSERT_EQ(cli({"demo", "--children", "40", "--years", "1"}).exit_code, 0);
  auto added = cli({"user", "add", "jo.bloggs@council.example", "--role", "analyst", "--council",
                    "887", "--email", "jo.bloggs@council.example", "--sso-only"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("council's single sign-on"), std::string::npos) << added.out;
  EXPECT_EQ(added.out.find("password is"), std::string::npos) << "no password made up";
  auto jo = [&] {
    for (const auto& u : json::parse(cli({"user", "list", "--format", "json"}).out))
      if (u["username"] == "jo.bloggs@council.example") return u;
    return json();
  };
  EXPECT_TRUE(jo()["sso_only"].get<bool>()) << jo();
  EXPECT_EQ(jo()["sso_linked_to"], "");
  auto table = cli({"user", "list"});
  EXPECT_NE(table.out.find("sso (not yet linked)"), std::string::npos) << table.out;

  auto reset = cli({"user", "reset-password", "jo.bloggs@council.example"});
  EXPECT_EQ(reset.exit_code, 2);
  EXPECT_NE(reset.err.find("only with single sign-on"), std::string::npos) << reset.err;
  auto off = cli({"user", "sso-only", "jo.bloggs@council.example", "--off"});
  ASSERT_EQ(off.exit_code, 0) << off.err;
  EXPECT_NE(off.out.find("/setup#"), std::string::npos) << off.out;
  EXPECT_FALSE(jo()["sso_only"].get<bool>());
  EXPECT_TRUE(jo()["awaiting_setup"].get<bool>()) << "a password again, through the link";

  ASSERT_EQ(cli({"user", "sso-only", "demo-analyst"}).exit_code, 0);
  auto csv = cli({"user", "list", "--format", "csv"});
  EXPECT_NE(csv.out.find("signs_in"), std::string::npos) << csv.out;
  std::size_t analyst_row = csv.out.find("\ndemo-analyst,");
  ASSERT_NE(analyst_row, std::string::npos) << csv.out;
  EXPECT_NE(csv.out.substr(analyst_row, csv.out.find('\n', analyst_row + 1) - analyst_row)
                .find("sso (not yet linked)"),
            std::string::npos)
      << csv.out;
  auto yp = cli({"user", "sso-only", "demo-yp"});
  EXPECT_EQ(yp.exit_code, 2);
  EXPECT_NE(yp.err.find("single sign-on is for staff"), std::string::npos) << yp.err;
  auto unlink = cli({"user", "sso-unlink", "demo-analyst"});
  EXPECT_EQ(unlink.exit_code, 0);
  EXPECT_NE(unlink.out.find("not linked"), std::string::npos) << unlink.out;
  auto both = cli({"user", "add", "x1", "--role", "analyst", "--council", "887", "--sso-only",
                   "--password-stdin"});
  EXPECT_EQ(both.exit_code, 2) << "no password for an SSO-only account";
  ASSERT_EQ(cli({"user", "email", "demo-analyst", "ana.lyst@council.example"}).exit_code, 0);
  EXPECT_EQ(cli({"user", "email", "demo-analyst", "not an address"}).exit_code, 2);
  auto again = cli({"user", "sso-only", "demo-analyst"});
  EXPECT_NE(again.out.find("already signs in only"), std::string::npos) << again.out;

  // [sso]'s mistakes stop any command that reads the configuration, not only the server
  const auto config = tmp_.path() / "hearth.toml";
  { std::ofstream(config) << "[sso]\nmatch_clam = \"email\"\n"; }
  auto typo = cli({"--config", config.string(), "user", "list"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("[sso] match_clam is not a setting"), std::string::npos) << typo.err;
}
