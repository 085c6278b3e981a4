// Small helpers shared by the generic SQL store's files (not part of the store's interface).
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <string>
#include <string_view>

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

// A write transaction that takes the database's write lock at its start (SQLite: BEGIN
// IMMEDIATE, so a reader never has to upgrade to a writer and fail with "database is locked"
// at once; it waits on the busy timeout instead), rolled back unless committed.
class WriteTx {
 public:
  WriteTx(soci::session& s, std::string_view begin_sql) : s_(s) { s_ << std::string(begin_sql); }
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
  soci::session& s_;
  bool done_ = false;
};

}  // namespace hearth::store::sql
