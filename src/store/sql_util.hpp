// Small helpers shared by the generic SQL store's files (not part of the store's interface).
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <string>

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

}  // namespace hearth::store::sql
