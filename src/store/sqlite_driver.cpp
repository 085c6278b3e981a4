// SQLite: the embedded default. WAL journal so readers never block the importer and a killed
// import leaves the last committed state; a busy timeout instead of failing at once on a lock;
// foreign keys enforced (SQLite leaves them off unless asked, per connection). Writers of this
// process take turns on one in-process gate per database file (driver.hpp, WriteGate), so the
// busy timeout is only ever spent waiting for another process.
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <map>
#include <mutex>

#include "store/driver.hpp"

namespace hearth::store {
namespace {

// The gate of each database file this process has open, by its canonical path (so "a/../x.db"
// and "x.db" share one); an entry lives as long as a connection to its file does.
std::shared_ptr<WriteGate> gate_for(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, std::weak_ptr<WriteGate>> gates;
  std::error_code ec;
  auto key = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec).string();
  if (ec || key.empty()) key = path;
  std::lock_guard lock(mu);
  for (auto it = gates.begin(); it != gates.end();)  // forget files no longer open
    it = it->second.expired() ? gates.erase(it) : std::next(it);
  auto& slot = gates[key];
  auto gate = slot.lock();
  if (!gate) slot = gate = std::make_shared<WriteGate>();
  return gate;
}

class SqliteDriver final : public Driver {
 public:
  // Each :memory: connection is a database of its own: no gate to share.
  explicit SqliteDriver(std::string path)
      : path_(std::move(path)), gate_(path_ == ":memory:" ? nullptr : gate_for(path_)) {}
  std::string name() const override { return "sqlite"; }

  void open(soci::session& session) override {
    if (path_ != ":memory:") {
      auto parent = std::filesystem::path(path_).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
    }
    std::string quoted = "\"" + path_ + "\"";
    const auto wait = std::to_string(kWriteWait.count());
    session.open(soci::sqlite3, "db=" + quoted + " timeout=" + wait);
    session << "PRAGMA foreign_keys = ON";
    session << "PRAGMA busy_timeout = " + wait + "000";
    if (path_ != ":memory:") session << "PRAGMA journal_mode = WAL";
    session << "PRAGMA synchronous = NORMAL";
  }

  std::span<const Migration> migrations() const override { return sqlite_migrations(); }
  std::string_view table_exists_sql() const override {
    return "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :name";
  }
  // SQLite binds at most 32,766 parameters per statement; rows are bound one statement at a
  // time by SOCI, so the batch only bounds memory.
  std::size_t batch_rows() const override { return 5000; }
  // One writer at a time: take the lock at BEGIN, so a transaction that reads then writes never
  // fails on upgrading its lock (the busy timeout makes it wait its turn instead).
  std::string_view begin_write_sql() const override { return "BEGIN IMMEDIATE"; }
  WriteGate* write_gate() const override { return gate_.get(); }
  // AUTOINCREMENT: ids are never reused after a delete.
  std::string_view identity_column() const override { return "INTEGER PRIMARY KEY AUTOINCREMENT"; }
  std::string_view audit_head_sql() const override {
    return "SELECT seq, hash FROM audit_head WHERE id = 1";
  }

 private:
  std::string path_;
  std::shared_ptr<WriteGate> gate_;
};

}  // namespace

std::unique_ptr<Driver> make_sqlite_driver(std::string path) {
  return std::make_unique<SqliteDriver>(std::move(path));
}

}  // namespace hearth::store
