// Small helpers shared by the rule groups. Everything here follows the DfE tool's reading of a
// cell: text upper-cased, an empty cell missing, a date that is not a date treated as missing.
#pragma once

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "model/dates.hpp"
#include "validation/rule.hpp"

namespace hearth::validation::rules {

using model::Severity;
using ssda903::TableKind;

inline bool present(const Table& t, std::size_t r, Col c) {
  return !t.missing(r, c);
}

// Date order with missing (or invalid) dates last; two missing dates are equal.
inline int compare_dates(const OptDate& a, const OptDate& b) {
  if (a && b) return *a < *b ? -1 : (*b < *a ? 1 : 0);
  if (a) return -1;
  if (b) return 1;
  return 0;
}

inline bool in(std::string_view v, std::initializer_list<std::string_view> codes) {
  return std::find(codes.begin(), codes.end(), v) != codes.end();
}

inline Date make_date(int y, unsigned m, unsigned d) {
  return model::make_date(y, m, d);
}

// Whole years of age on `on` (the day before the birthday still the younger age).
inline int age_on(Date dob, Date on) {
  return model::age_on(dob, on);
}
// The n-th birthday (29 February -> 1 March in other years).
inline Date birthday(Date dob, int n) {
  return model::birthday(dob, n);
}

inline long days_between(Date from, Date to) {
  return (to - from).count();
}

// n years after `d` as the DfE tool counts it (pandas DateOffset): the same day and month, and
// 29 February becomes 28 February in a year that has none (a birthday in law is 1 March).
inline Date plus_days(Date d, int n) {
  return d + std::chrono::days{n};
}
// A temporary placement (PLACE T0-T4); short-term respite (LS V3, V4).
inline bool temporary(std::string_view place) {
  return in(place, {"T0", "T1", "T2", "T3", "T4"});
}
inline bool respite(std::string_view ls) {
  return in(ls, {"V3", "V4"});
}
inline Date plus_years(Date d, int n) {
  std::chrono::year_month_day ymd{d};
  auto target = ymd + std::chrono::years{n};
  if (!target.ok()) target = target.year() / target.month() / std::chrono::last;
  return std::chrono::sys_days{target};
}

// One child's rows in date order (rows with no valid date last, ties in file order), into a
// buffer the caller reuses: the order of the DfE tool's sort on CHILD and a date.
inline void order_by_date(const Table& t, std::span<const std::uint32_t> rows, Col c,
                          std::vector<std::uint32_t>& out) {
  out.assign(rows.begin(), rows.end());
  std::stable_sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
    auto da = t.date(a, c), db = t.date(b, c);
    if (da && db) return *da < *db;
    return da.has_value() && !db.has_value();
  });
}

// The rows of `t` in the order of `date_col` (rows with no date last, otherwise file order).
inline std::vector<std::uint32_t> sorted_by(const Table& t, std::span<const std::uint32_t> rows,
                                            Col date_col) {
  std::vector<std::uint32_t> out(rows.begin(), rows.end());
  std::stable_sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
    auto da = t.date(a, date_col), db = t.date(b, date_col);
    if (da && db) return *da < *db;
    return da.has_value() && !db.has_value();
  });
  return out;
}

// The DfE tool's postcode-derived fields for an Episodes row, from the reference postcodes:
// the upper-tier LA code of the placement ("SCO", "WAL", "NIR" outside England), whether it is
// in or out of the council's area, and the distance from home in miles (one decimal place).
// nullopt when a postcode is missing or unknown.
std::optional<std::string> placement_la(const Dataset& ds, const Table& episodes, std::size_t row);
std::optional<std::string_view> placement_location(const Dataset& ds, const Table& episodes,
                                                   std::size_t row);  // "IN" or "OUT"
std::optional<double> placement_distance(const Dataset& ds, const Table& episodes, std::size_t row);

}  // namespace hearth::validation::rules
