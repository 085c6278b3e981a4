// Killing `hearth import` with SIGKILL in the middle of storing must leave the store exactly
// as it was before the import: the previous return intact, no half-written year, no lock left
// behind. Done on SQLite and PostgreSQL, at several moments inside the storing stage.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <nlohmann/json.hpp>
#include <thread>

#include "support.hpp"

namespace hearth {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::run;
using testing::TempDir;
using testing::TestDatabase;

struct Killed {
  bool killed_while_storing = false;
  bool exited_by_itself = false;
  std::chrono::milliseconds after_storing_began{0};
};

// Starts the import, waits for it to report that storing began, waits `delay`, then SIGKILLs it.
Killed import_and_kill(const std::string& store, const fs::path& source,
                       std::chrono::milliseconds delay) {
  testing::Child import({HEARTH_BIN, "--store", store, "import", source.string(), "--la", "887",
                         "--progress", "plain"},
                        2);
  Killed k;
  while (auto line = import.read_line()) {
    if (line->find("progress: storing") == std::string::npos) continue;
    auto start = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(delay);
    int status = 0;
    if (import.ended(status)) {
      k.exited_by_itself = true;
    } else {
      status = import.stop(SIGKILL);
      k.killed_while_storing = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }
    k.after_storing_began = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    return k;
  }
  import.stop(SIGKILL);  // output ended without the storing stage: it finished or failed
  k.exited_by_itself = true;
  return k;
}

class KillDuringImport : public ::testing::TestWithParam<std::string> {};

TEST_P(KillDuringImport, LeavesThePreviousDataIntact) {
  TestDatabase db(GetParam());
  HEARTH_REQUIRE_DB(db);
  TempDir tmp;
  auto small = tmp.path() / "small";
  auto big = tmp.path() / "big";
  // The same three years twice: a small council first, then a large one that replaces it.
  ASSERT_EQ(run({HEARTH_BIN, "synth", "--children", "60", "--years", "3", "--seed", "1",
                 "--last-year", "2025", "--out", small.string()})
                .exit_code,
            0);
  ASSERT_EQ(run({HEARTH_BIN, "synth", "--children", "4000", "--years", "3", "--seed", "2",
                 "--last-year", "2025", "--out", big.string()})
                .exit_code,
            0);
  ASSERT_EQ(
      run({HEARTH_BIN, "--store", db.url(), "import", small.string(), "--la", "887"}).exit_code, 0);
  auto before = run({HEARTH_BIN, "--store", db.url(), "info", "--format", "json"});
  auto before_export = tmp.path() / "before";
  ASSERT_EQ(
      run({HEARTH_BIN, "--store", db.url(), "export", "--out", before_export.string()}).exit_code,
      0);

  int kills = 0;
  for (int delay_ms : {0, 40, 150, 400}) {
    Killed k = import_and_kill(db.url(), big, std::chrono::milliseconds(delay_ms));
    if (k.exited_by_itself) break;  // the machine stored it all before the kill landed
    ASSERT_TRUE(k.killed_while_storing);
    ++kills;
    // Nothing changed: same counts, same files out.
    auto after = run({HEARTH_BIN, "--store", db.url(), "info", "--format", "json"});
    ASSERT_EQ(after.exit_code, 0) << after.err;
    auto a = json::parse(after.out), b = json::parse(before.out);
    EXPECT_EQ(a["children"], b["children"]) << "after a kill at +" << delay_ms << " ms";
    EXPECT_EQ(a["episodes"], b["episodes"]);
    EXPECT_EQ(a["imports"], b["imports"]);
    auto after_export = tmp.path() / ("after" + std::to_string(delay_ms));
    ASSERT_EQ(
        run({HEARTH_BIN, "--store", db.url(), "export", "--out", after_export.string()}).exit_code,
        0);
    for (const auto& e : fs::recursive_directory_iterator(before_export)) {
      if (!e.is_regular_file()) continue;
      auto rel = fs::relative(e.path(), before_export);
      EXPECT_EQ(testing::read_text(after_export / rel), testing::read_text(e.path())) << rel;
    }
  }
  EXPECT_GE(kills, 2) << "the import was too quick to be killed while storing";
  // No lock or half-transaction is left: the same import now completes.
  auto done = run({HEARTH_BIN, "--store", db.url(), "import", big.string(), "--la", "887"});
  EXPECT_EQ(done.exit_code, 0) << done.out << done.err;
  auto final_info =
      json::parse(run({HEARTH_BIN, "--store", db.url(), "info", "--format", "json"}).out);
  EXPECT_GT(final_info["children"].get<long>(), json::parse(before.out)["children"].get<long>());
}

INSTANTIATE_TEST_SUITE_P(Backends, KillDuringImport,
                         ::testing::Values(std::string("sqlite"), std::string("postgresql")),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hearth
