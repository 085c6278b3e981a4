// Adding a user checks what links them to the records (issue 15): a worker, team or child the
// records do not hold is refused, naming it, so nobody is given an empty worklist that reads as
// "nothing overdue".
#include <gtest/gtest.h>

#include <cstdlib>
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
