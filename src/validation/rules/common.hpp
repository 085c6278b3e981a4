// Small helpers shared by the rule groups. Everything here follows the DfE tool's reading of a
// cell: text upper-cased, an empty cell missing, a date that is not a date treated as missing.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <initializer_list>
#include <optional>
#include <span>
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
std::optional<std::string> placement_la(const ReturnTables& ds, const Table& episodes,
                                        std::size_t row);
std::optional<std::string_view> placement_location(const ReturnTables& ds, const Table& episodes,
                                                   std::size_t row);  // "IN" or "OUT"
std::optional<double> placement_distance(const ReturnTables& ds, const Table& episodes,
                                         std::size_t row);

// Whether any of the cells is filled in.
template <std::size_t N>
bool any_present(const Table& t, std::size_t row, const std::array<Col, N>& cols) {
  for (Col c : cols)
    if (!t.missing(row, c)) return true;
  return false;
}

// The OC3 columns that say how a care leaver is doing.
inline std::array<Col, 3> leaver_cols(const Table& oc3) {
  return {oc3.col("IN_TOUCH"), oc3.col("ACTIV"), oc3.col("ACCOM")};
}

// The row among `rows` with the latest (or, with `earliest`, the earliest) date in `c`, the first
// in file order on a tie; rows without a valid date are ignored. -1 when none has one.
inline long extreme_row(const Table& t, std::span<const std::uint32_t> rows, Col c, bool earliest) {
  long best = -1;
  Date best_date{};
  for (std::uint32_t r : rows) {
    auto d = t.date(r, c);
    if (!d) continue;
    if (best < 0 || (earliest ? *d < best_date : *d > best_date)) {
      best = r;
      best_date = *d;
    }
  }
  return best;
}

// ---- the DfE tool's shared tests (episodes_and_dates.cpp, placement_changes.cpp...) ----

inline bool between(const OptDate& d, Date from, Date to) {
  return d && *d >= from && *d <= to;
}

// `d` moved by `n` calendar years the way the DfE tool does it (pandas DateOffset): 29 February
// becomes 28 February in a year that is not a leap year.
inline OptDate plus_years(const OptDate& d, int n) {
  if (!d) return std::nullopt;
  return plus_years(*d, n);
}

// The Episodes columns the "looked after continuously for 12 months" test reads.
struct ClaCols {
  Col decom, dec, rne, rec, ls;
  explicit ClaCols(const Table& eps)
      : decom(eps.col("DECOM")),
        dec(eps.col("DEC")),
        rne(eps.col("RNE")),
        rec(eps.col("REC")),
        ls(eps.col("LS")) {}
};

// Whether the child was looked after continuously through the collection year, as the DfE tool
// decides it: at least one episode overlaps the year, and no episode shows a break — care
// starting in the year with RNE "S", care ending in the year other than by X1, or short breaks
// (LS V3/V4) during the year. A child with no episodes (or no CHILD id) is not.
inline bool continuously_looked_after(const Table& eps, const ClaCols& c, std::string_view child,
                                      Date start, Date end) {
  if (child.empty()) return false;
  bool in_year = false;
  for (std::uint32_t r : eps.rows_of(child)) {
    OptDate decom = eps.date(r, c.decom), dec = eps.date(r, c.dec);
    bool during = decom && *decom <= end && (!dec || *dec >= start);
    in_year = in_year || during;
    if (eps.text(r, c.rne) == "S" && decom && *decom > start && *decom <= end) return false;
    if (eps.text(r, c.rec) != "X1" && dec && *dec >= start && *dec < end) return false;
    if (during && in(eps.text(r, c.ls), {"V3", "V4"})) return false;
  }
  return in_year;
}

inline bool any_present(const Table& t, std::size_t r, std::initializer_list<Col> cols) {
  for (Col c : cols)
    if (!t.missing(r, c)) return true;
  return false;
}

inline bool any_missing(const Table& t, std::size_t r, std::initializer_list<Col> cols) {
  for (Col c : cols)
    if (t.missing(r, c)) return true;
  return false;
}

// 175-177, 196: a code field that is either blank or one of a fixed list.
inline void code_or_blank(const ReturnTables& ds, Hits& out, TableKind kind, std::string_view field,
                          std::initializer_list<std::string_view> codes) {
  const Table& t = *ds.get(kind);
  const Col c = t.col(field);
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!t.missing(r, c) && !in(t.text(r, c), codes)) out.add(t, r);
}

}  // namespace hearth::validation::rules
