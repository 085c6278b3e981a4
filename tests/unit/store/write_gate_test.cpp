// One write gate per SQLite database file in a process (store/driver.hpp, WriteGate): every
// connection to the file shares it, however the path is spelled, and the store's writes take it,
// so the process's own writers queue on it instead of polling SQLite's lock with the busy handler.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "store/driver.hpp"
#include "store/store.hpp"

namespace hearth::store {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("hearth-gate-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  return dir;
}

TEST(WriteGate, OneGatePerDatabaseFileHoweverItIsNamed) {
  auto dir = fresh_dir("names");
  auto a = make_sqlite_driver((dir / "x.db").string());
  auto b = make_sqlite_driver((dir / "sub" / ".." / "x.db").string());
  auto other = make_sqlite_driver((dir / "y.db").string());
  ASSERT_NE(a->write_gate(), nullptr);
  EXPECT_EQ(a->write_gate(), b->write_gate());
  EXPECT_NE(a->write_gate(), other->write_gate());
  // Each :memory: connection is its own database; PostgreSQL queues writers itself.
  EXPECT_EQ(make_sqlite_driver(":memory:")->write_gate(), nullptr);
  EXPECT_EQ(make_postgres_driver("postgresql://u@localhost/db")->write_gate(), nullptr);
  fs::remove_all(dir);
}

// A store's write (here an audit entry) waits for the gate while another holder of this process
// has it, and goes through as soon as it is given up.
TEST(WriteGate, StoreWritesTakeTheGate) {
  auto dir = fresh_dir("store");
  const auto path = (dir / "h.db").string();
  auto st = open_store("sqlite:" + path);
  st->upgrade();
  auto holder = make_sqlite_driver(path);
  WriteGate* gate = holder->write_gate();
  gate->lock();
  std::atomic<bool> done{false};
  std::thread writer([&] {
    auto other = open_store("sqlite:" + path);
    AuditEntry e;
    e.actor = "ann";
    e.action = "child.read";
    other->append_audit(e);
    done = true;
  });
  // Not a timing assertion: however slow the machine, the write cannot finish while the gate
  // is held (on a slow machine this only checks less).
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(done.load()) << "the write went past the gate";
  gate->unlock();
  writer.join();
  EXPECT_TRUE(done.load());
  EXPECT_EQ(st->audit_head().first, 1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace hearth::store
