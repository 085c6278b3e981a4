// hearth backup / hearth restore (docs/operations.md, "Backups") on both backends: a backup taken
// while imports and children's statements are being written restores into a new store whole —
// every return it holds is the one the source holds, the audit chain verifies, and the restored
// server starts; a backup taken when the writes have stopped restores with every count equal. A
// backup from a newer schema is refused; one from an older schema is restored and upgraded.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "store/store.hpp"
#include "support.hpp"

namespace {

using hearth::testing::body_of;
using hearth::testing::hearth_cmd;
using hearth::testing::run;
using hearth::testing::Server;
using hearth::testing::TempDir;
using hearth::testing::TestDatabase;
using hearth::testing::WebClient;
using json = nlohmann::json;

constexpr const char* kPassword = "Demo-passw0rd-for-backups";

json info(const std::string& store) {
  auto r = run(hearth_cmd(store, {"info", "--format", "json"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out, nullptr, false);
}

// Each stored return's rows, by council and year.
std::map<std::string, long long> returns_of(const json& j) {
  std::map<std::string, long long> out;
  for (const auto& r : j["returns"])
    out[r["la"].get<std::string>() + "/" + r["collection_year"].get<std::string>()] =
        r["rows"].get<long long>();
  return out;
}

class Backups : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
    // The key that seals children's words is kept apart from the store and its backups (as
    // docs/operations.md says to): every store here, and its restored copies, uses this one.
    setenv("HEARTH_VOICE_KEY", (tmp_.path() / "voice.key").c_str(), 1);
  }
  void TearDown() override { unsetenv("HEARTH_VOICE_KEY"); }
  TempDir tmp_;
};

TEST_P(Backups, TakenDuringWritesRestoreWholeAndTheAuditVerifies) {
  TestDatabase source(GetParam()), during(GetParam()), after(GetParam());
  HEARTH_REQUIRE_DB(source);
  const std::string src = source.url();
  ASSERT_EQ(run(hearth_cmd(src, {"db", "upgrade"})).exit_code, 0);
  ASSERT_EQ(run(hearth_cmd(src, {"demo", "--children", "60", "--years", "2"})).exit_code, 0);
  // Councils to import while the backup runs.
  const std::vector<std::string> councils = {"886", "846", "888", "850"};
  for (const auto& la : councils) {
    auto s = run({HEARTH_BIN, "synth", "--children", "60", "--years", "1", "--la", la, "--out",
                  (tmp_.path() / la).string()});
    ASSERT_EQ(s.exit_code, 0) << s.err;
  }

  Server server(hearth_cmd(src, {"serve"}));
  WebClient yp(server.base());
  ASSERT_EQ(yp.login("demo-yp", kPassword), 200);

  std::atomic<bool> writing{true};
  std::atomic<int> imports{0}, statements{0};
  std::thread importer([&] {
    for (const auto& la : councils) {
      auto r = run(hearth_cmd(src, {"import", (tmp_.path() / la).string(), "--la", la,
                                    "--accept-with-findings", "--progress", "none"}));
      EXPECT_EQ(r.exit_code == 0 || r.exit_code == 1, true) << r.err;
      ++imports;
    }
    writing = false;
  });
  std::thread writer([&] {
    while (writing) {
      auto r = yp.request(
          "POST", "/api/v1/statements",
          json{{"mood", "okay"}, {"topic", "school"}, {"text", "Maths was good"}}.dump());
      if (r.status == 201 || r.status == 200) ++statements;
    }
  });
  // Two backups while the writes go on.
  const auto f1 = tmp_.path() / "during.backup";
  while (imports == 0 && writing) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto b1 = run(hearth_cmd(src, {"backup", "--out", f1.string(), "--format", "json"}));
  const bool overlapped = writing;
  importer.join();
  writer.join();
  ASSERT_EQ(b1.exit_code, 0) << b1.err;
  EXPECT_TRUE(overlapped) << "the writes ended before the backup did: nothing was shown";
  EXPECT_GT(statements.load(), 0);
  EXPECT_EQ(json::parse(b1.out)["schema_version"], hearth::store::kSchemaVersion);

  // Restored, the backup taken during the writes holds whole returns, each as the source has it.
  auto r1 = run(hearth_cmd(during.url(), {"restore", f1.string()}));
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  const json final_source = info(src);
  const auto source_returns = returns_of(final_source);
  const json restored_during = info(during.url());
  const auto during_returns = returns_of(restored_during);
  EXPECT_GE(during_returns.size(), 2u);  // the demo's years at least
  for (const auto& [key, rows] : during_returns) {
    ASSERT_TRUE(source_returns.count(key)) << key;
    EXPECT_EQ(rows, source_returns.at(key)) << key;
  }
  auto v1 = run(hearth_cmd(during.url(), {"audit", "verify"}));
  EXPECT_EQ(v1.exit_code, 0) << v1.out << v1.err;

  // When the writes have stopped: every count equal.
  const auto f2 = tmp_.path() / "after.backup";
  ASSERT_EQ(server.stop(), 0);
  ASSERT_EQ(run(hearth_cmd(src, {"backup", "--out", f2.string()})).exit_code, 0);
  auto r2 = run(hearth_cmd(after.url(), {"restore", f2.string()}));
  ASSERT_EQ(r2.exit_code, 0) << r2.err;
  const json restored = info(after.url());
  for (const char* k : {"councils", "children", "episodes", "imports"})
    EXPECT_EQ(restored[k], final_source[k]) << k;
  EXPECT_EQ(returns_of(restored), source_returns);
  auto v2 = run(hearth_cmd(after.url(), {"audit", "verify"}));
  EXPECT_EQ(v2.exit_code, 0) << v2.out << v2.err;

  // The restored store serves: the same children's statements, and a sign-in.
  Server restored_server(hearth_cmd(after.url(), {"serve"}));
  WebClient again(restored_server.base());
  EXPECT_EQ(again.get("/readyz").status, 200);
  ASSERT_EQ(again.login("demo-yp", kPassword), 200);
  auto mine = again.get("/api/v1/statements?per_page=1");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_GE(body_of(mine)["total"].get<int>(), statements.load());

  // Restoring over a store that holds data is refused; nothing changes.
  auto over = run(hearth_cmd(after.url(), {"restore", f1.string()}));
  EXPECT_EQ(over.exit_code, 2);
  EXPECT_NE(over.err.find("restore into a new"), std::string::npos) << over.err;
  EXPECT_EQ(info(after.url())["imports"], final_source["imports"]);
}

INSTANTIATE_TEST_SUITE_P(BothBackends, Backups,
                         ::testing::Values(std::string("sqlite"), std::string("postgresql")),
                         [](const auto& info) { return info.param; });

TEST(BackupSchema, ANewerBackupIsRefusedAndAnOlderOneUpgraded) {
  TempDir tmp;
  const std::string src = "sqlite:" + (tmp.path() / "s.db").string();
  ASSERT_EQ(run(hearth_cmd(src, {"db", "upgrade"})).exit_code, 0);
  const auto backup = tmp.path() / "s.backup";
  ASSERT_EQ(run(hearth_cmd(src, {"backup", "--out", backup.string()})).exit_code, 0);

  // From a newer Hearth: refused, with what to do, and nothing written.
  const auto newer = tmp.path() / "newer.backup";
  std::filesystem::copy_file(backup, newer);
  auto bump = run({"/usr/bin/sqlite3", newer.string(),
                   "INSERT INTO hearth_schema (version, applied_at) VALUES (" +
                       std::to_string(hearth::store::kSchemaVersion + 1) + ", 'later')"});
  ASSERT_EQ(bump.exit_code, 0) << bump.err;
  const std::string target = "sqlite:" + (tmp.path() / "t.db").string();
  for (auto args : {std::vector<std::string>{"restore", newer.string(), "--check"},
                    std::vector<std::string>{"restore", newer.string()}}) {
    auto r = run(hearth_cmd(target, args));
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_NE((r.out + r.err).find("newer"), std::string::npos) << r.out << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(tmp.path() / "t.db"));

  // Not a backup, or damaged: refused.
  hearth::testing::write_text(tmp.path() / "notes.txt", "hello");
  EXPECT_EQ(run(hearth_cmd(target, {"restore", (tmp.path() / "notes.txt").string()})).exit_code, 2);
  std::string bytes = hearth::testing::read_text(backup);
  bytes.resize(bytes.size() / 2);
  hearth::testing::write_text(tmp.path() / "half.backup", bytes);
  EXPECT_EQ(run(hearth_cmd(target, {"restore", (tmp.path() / "half.backup").string()})).exit_code,
            2);
  EXPECT_FALSE(std::filesystem::exists(tmp.path() / "t.db"));

  // From an older Hearth: restored, then upgraded to this one's schema.
  const std::string old = "sqlite:" + (tmp.path() / "old.db").string();
  const int older = hearth::store::kSchemaVersion - 2;
  ASSERT_EQ(run(hearth_cmd(old, {"db", "upgrade", "--to", std::to_string(older)})).exit_code, 0);
  const auto old_backup = tmp.path() / "old.backup";
  ASSERT_EQ(run(hearth_cmd(old, {"backup", "--out", old_backup.string()})).exit_code, 0);
  auto r = run(hearth_cmd(target, {"restore", old_backup.string()}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(
      r.out.find("upgraded it to schema version " + std::to_string(hearth::store::kSchemaVersion)),
      std::string::npos)
      << r.out;
  auto v = run(hearth_cmd(target, {"db", "version", "--format", "json"}));
  EXPECT_EQ(json::parse(v.out)["schema_version"], hearth::store::kSchemaVersion);
}

}  // namespace
