// The DfE tool's order of a child's episodes, and its comparisons of an episode with the one
// before it and of this year's first episode with last year's last: shared by the rules that
// compare episodes (adoption_and_missing.cpp, episode_sequences.cpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

// A child's episodes in the order the DfE tool puts them (sort by start date, then by `then` when
// given; a missing date last; ties in file order), into a buffer reused across children.
inline void order_episodes(const Table& t, std::span<const std::uint32_t> rows, Col decom,
                           std::vector<std::uint32_t>& out, Col then = {}) {
  out.assign(rows.begin(), rows.end());
  std::stable_sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
    int c = compare_dates(t.date(a, decom), t.date(b, decom));
    if (c == 0 && then.index >= 0) c = compare_dates(t.date(a, then), t.date(b, then));
    return c < 0;
  });
}

// pandas' == and != between two cells: a missing cell is never equal to anything, itself included.
inline bool equal_values(std::string_view a, std::string_view b) {
  return !a.empty() && !b.empty() && a == b;
}
inline bool unequal_values(std::string_view a, std::string_view b) {
  return !equal_values(a, b);
}

// The DfE tool's groupby("CHILD") idxmin / idxmax on DECOM: the first row holding the child's
// earliest (or latest) valid start date. nullopt when no row has one.
//
// Deviation: when any child has no valid start date at all, the DfE tool's lookup fails and the
// whole rule stops with an error, reporting nothing for anyone. Hearth leaves that child out and
// checks the rest (rule 141 already reports the missing or invalid dates).
inline std::optional<std::uint32_t> first_episode(const Table& t,
                                                  std::span<const std::uint32_t> rows, Col decom) {
  std::optional<std::uint32_t> best;
  OptDate when;
  for (std::uint32_t r : rows) {
    OptDate d = t.date(r, decom);
    if (d && (!when || *d < *when)) best = r, when = d;
  }
  return best;
}
inline std::optional<std::uint32_t> last_episode(const Table& t,
                                                 std::span<const std::uint32_t> rows, Col decom) {
  std::optional<std::uint32_t> best;
  OptDate when;
  for (std::uint32_t r : rows) {
    OptDate d = t.date(r, decom);
    if (d && (!when || *d > *when)) best = r, when = d;
  }
  return best;
}

// Calls f(first row this year, last row of last year) for every child in both years' episodes,
// pairing the child's earliest episode this year with their latest one last year.
template <typename F>
inline void across_years(const Table& now, const Table& before, F&& f) {
  const Col decom = now.col("DECOM"), decom_last = before.col("DECOM");
  for (const std::string& child : now.children()) {
    if (child.empty()) continue;  // the DfE tool's groupby leaves out rows without a CHILD
    auto first = first_episode(now, now.rows_of(child), decom);
    if (!first) continue;
    auto last = last_episode(before, before.rows_of(child), decom_last);
    if (!last) continue;
    f(*first, *last);
  }
}

// 503A-503F, 503H, 503J: when last year's latest episode for a child was still open (no valid
// end date), the child's first episode this year must carry the same value of a field (two blanks
// count as the same). `value(table, row)` gives the field as the DfE tool compares it;
// `excused(now, before)` names changes of value that are allowed.
template <typename V, typename X>
inline void check_same_as_last_year(const ReturnTables& ds, Hits& out, V&& value, X&& excused) {
  const Table& now = *ds.get(TableKind::Episodes);
  const Table& before = *ds.last(TableKind::Episodes);
  const Col dec_last = before.col("DEC");
  across_years(now, before, [&](std::uint32_t r, std::uint32_t p) {
    if (before.date(p, dec_last)) return;
    const auto a = value(now, r), b = value(before, p);
    if (a != b && !excused(a, b)) out.add(now, r);
  });
}

inline constexpr auto no_excuse = [](const auto&, const auto&) { return false; };

inline void check_field_same_as_last_year(const ReturnTables& ds, Hits& out,
                                          std::string_view field) {
  const Col now_col = ds.get(TableKind::Episodes)->col(field);
  const Col last_col = ds.last(TableKind::Episodes)->col(field);
  check_same_as_last_year(
      ds, out,
      [&](const Table& t, std::uint32_t r) {
        return t.text(r, t.previous_year() ? last_col : now_col);
      },
      no_excuse);
}

// The placement distance comparison of rules 453 and 503G: a change of 0.2 miles or more, or a
// distance this year where there was none last year. The distances are in tenths of a mile, so
// whole tenths are compared: 20.9 − 20.7 as floating-point numbers is 0.1999…, and a change of
// exactly 0.2 miles would be missed (as the sector validator misses it; docs/validation.md).
inline bool distance_changed(const ReturnTables& ds, const Table& now, std::uint32_t r,
                             const Table& before, std::uint32_t p) {
  const auto a = placement_distance(ds, now, r), b = placement_distance(ds, before, p);
  if (a && b) return std::llabs(std::llround(*a * 10) - std::llround(*b * 10)) >= 2;
  return a && !b;
}

// Calls f(row, previous row) for each of a child's episodes after the first, in the DfE tool's
// order (by start date, `then` breaking ties when given).
template <typename F>
inline void each_with_previous(const Table& eps, Col decom, F&& f, Col then = {}) {
  std::vector<std::uint32_t> rows;
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;  // a row without a CHILD is never "the same child"
    order_episodes(eps, eps.rows_of(child), decom, rows, then);
    for (std::size_t i = 1; i < rows.size(); ++i) f(rows[i], rows[i - 1]);
  }
}

}  // namespace hearth::validation::rules
