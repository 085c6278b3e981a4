// Small helpers shared by the generic SQL store's files (not part of the store's interface).
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/driver.hpp"

namespace hearth::store::sql {

// Integer columns come back as int, long long or (SQLite aggregates) double depending on the
// backend; read them whatever SOCI chose.
long long get_int64(const soci::row& r, std::size_t i);
inline int get_int(const soci::row& r, std::size_t i) {
  return static_cast<int>(get_int64(r, i));
}
inline std::string opt_string(const soci::row& r, std::size_t i) {
  return r.get_indicator(i) == soci::i_ok ? r.get<std::string>(i) : std::string();
}

// Bytes kept as base64 text (PostgreSQL's TEXT takes only valid UTF-8; both databases alike).
// from_base64 throws std::runtime_error naming `what` when the text is not base64.
std::string to_base64(std::string_view bytes);
// `bytes` random bytes (libsodium) as lower-case hex: ids and names nobody can guess or order.
std::string random_hex(std::size_t bytes);
std::string from_base64(std::string text, std::string_view what);

// This process's turn to write (driver.hpp, WriteGate): held for a whole write transaction, or
// around a single statement that writes outside one. Waits at most kWriteWait, then fails as the
// database would ("database is locked"). Nothing to take where the driver has no gate.
class WriteLock {
 public:
  explicit WriteLock(const Driver& d) : gate_(d.write_gate()) {
    if (gate_ && !gate_->try_lock_for(kWriteWait))
      throw std::runtime_error(
          "database is locked: another write of this process took more "
          "than " +
          std::to_string(kWriteWait.count()) + " s");
  }
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;
  ~WriteLock() {
    if (gate_) gate_->unlock();
  }

 private:
  WriteGate* gate_;
};

// A write transaction: this process's turn first (WriteLock), then the database's write lock at
// its start (SQLite: BEGIN IMMEDIATE, so a reader never has to upgrade to a writer and fail with
// "database is locked" at once; another process's writer is waited for on the busy timeout);
// rolled back unless committed, the turn given up after either.
class WriteTx {
 public:
  WriteTx(soci::session& s, const Driver& d) : lock_(d), s_(s) {
    s_ << std::string(d.begin_write_sql());
  }
  WriteTx(const WriteTx&) = delete;
  WriteTx& operator=(const WriteTx&) = delete;
  ~WriteTx() {
    if (!done_) try {
        s_ << "ROLLBACK";
      } catch (...) {
      }
  }
  void commit() {
    s_ << "COMMIT";
    done_ = true;
  }

 private:
  WriteLock lock_;  // first in, last out: released after the COMMIT or ROLLBACK
  soci::session& s_;
  bool done_ = false;
};

}  // namespace hearth::store::sql
