// The tiny per-database layer under the generic SQL store: how to connect, and the dialect's
// migrations. Everything else — queries, transactions, bulk binding — is one code path in
// sql_store.cpp, through SOCI.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

namespace soci {
class session;
class backend_factory;
}  // namespace soci

namespace hearth::store {

// Serialises the write transactions of one process on one database file: every connection this
// process has to the file takes it before its BEGIN and keeps it until COMMIT or ROLLBACK, so
// the process's own writers queue on a mutex (woken the moment the holder is done) instead of
// meeting in the database's lock and polling it with the busy handler's sleeps. Recursive: a
// thread that holds it may take it again (a second connection's write then waits on the
// database, as it always did). Only other processes' writers use the busy timeout.
using WriteGate = std::recursive_timed_mutex;
// How long a writer waits for the gate, then for the database's own lock (SQLite's busy timeout).
inline constexpr std::chrono::seconds kWriteWait{30};

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;  // statements separated by ";\n"; %IDENTITY%: identity_column()
};

class Driver {
 public:
  virtual ~Driver() = default;
  virtual std::string name() const = 0;
  // Connects `session` and sets per-connection options (busy timeout, foreign keys, ...).
  virtual void open(soci::session& session) = 0;
  virtual std::span<const Migration> migrations() const = 0;
  // A query with one parameter :name that returns 1 row with a count > 0 when the table exists.
  virtual std::string_view table_exists_sql() const = 0;
  // An auto-numbered primary key column's type, for migrations shared by both dialects.
  virtual std::string_view identity_column() const {
    return "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  }
  // Rows per INSERT batch: bounded by the database's limit on bound parameters.
  virtual std::size_t batch_rows() const { return 2000; }
  // True when the database takes a whole column of a batch as one array parameter
  // (PostgreSQL's unnest): one round trip per batch instead of one per row.
  virtual bool binds_arrays() const { return false; }
  // A statement with parameters :la and :y that makes concurrent imports of one council's year
  // wait for each other inside their transactions; empty where the database already serialises
  // writers (SQLite: one writer at a time, others wait on the busy timeout).
  virtual std::string_view lock_year_sql() const { return {}; }
  // Starts a transaction that holds the write lock from its first statement.
  virtual std::string_view begin_write_sql() const { return "BEGIN"; }
  // This process's gate for the database (see WriteGate); nullptr where the
  // database queues writers itself without polling (PostgreSQL: row locks wait on the server).
  virtual WriteGate* write_gate() const { return nullptr; }
  // Reads the audit head (seq, hash) inside a write transaction, locking it until the commit
  // so that two appenders take turns.
  virtual std::string_view audit_head_sql() const {
    return "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";
  }
};

std::unique_ptr<Driver> make_sqlite_driver(std::string path);
std::unique_ptr<Driver> make_postgres_driver(std::string url);
// postgresql://user:password@host:port/db?key=value → libpq's "host='…' port='…' …" form.
std::string postgres_conninfo(const std::string& url);
// SOCI's PostgreSQL backend, loaded when a PostgreSQL store is first opened (not linked: libpq
// and the forty libraries it brings cost every command ~10 ms to start, and most commands never
// use PostgreSQL). Throws when the backend is not installed.
const soci::backend_factory& postgres_backend();

std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();

class Store;
std::unique_ptr<Store> make_sql_store(std::unique_ptr<Driver> driver);

}  // namespace hearth::store
