// 903 validation rules: adoption_and_missing (see registry.hpp for the codes in this group).
//
// Many of these rules compare an episode with the one before it for the same child, after the
// DfE tool sorts the episodes by child and start date (rows without a valid start date last, ties
// kept in file order); or compare a child's first episode this year with their last one in last
// year's return. The helpers below do both the way the DfE tool does.
#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// A child's episodes in the order the DfE tool puts them (sort by start date, then by `then` when
// given; a missing date last; ties in file order), into a buffer reused across children.
void order_episodes(const Table& t, std::span<const std::uint32_t> rows, Col decom,
                    std::vector<std::uint32_t>& out, Col then = {}) {
  out.assign(rows.begin(), rows.end());
  std::stable_sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
    int c = compare_dates(t.date(a, decom), t.date(b, decom));
    if (c == 0 && then.index >= 0) c = compare_dates(t.date(a, then), t.date(b, then));
    return c < 0;
  });
}

// pandas' == and != between two cells: a missing cell is never equal to anything, itself included.
bool equal_values(std::string_view a, std::string_view b) {
  return !a.empty() && !b.empty() && a == b;
}
bool unequal_values(std::string_view a, std::string_view b) {
  return !equal_values(a, b);
}

// The DfE tool's groupby("CHILD") idxmin / idxmax on DECOM: the first row holding the child's
// earliest (or latest) valid start date. nullopt when no row has one.
//
// Deviation: when any child has no valid start date at all, the DfE tool's lookup fails and the
// whole rule stops with an error, reporting nothing for anyone. Hearth leaves that child out and
// checks the rest (rule 141 already reports the missing or invalid dates).
std::optional<std::uint32_t> first_episode(const Table& t, std::span<const std::uint32_t> rows,
                                           Col decom) {
  std::optional<std::uint32_t> best;
  OptDate when;
  for (std::uint32_t r : rows) {
    OptDate d = t.date(r, decom);
    if (d && (!when || *d < *when)) best = r, when = d;
  }
  return best;
}
std::optional<std::uint32_t> last_episode(const Table& t, std::span<const std::uint32_t> rows,
                                          Col decom) {
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
void across_years(const Table& now, const Table& before, F&& f) {
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
void check_same_as_last_year(const Dataset& ds, Hits& out, V&& value, X&& excused) {
  const Table& now = *ds.get(TableKind::Episodes);
  const Table& before = *ds.last(TableKind::Episodes);
  const Col dec_last = before.col("DEC");
  across_years(now, before, [&](std::uint32_t r, std::uint32_t p) {
    if (before.date(p, dec_last)) return;
    const auto a = value(now, r), b = value(before, p);
    if (a != b && !excused(a, b)) out.add(now, r);
  });
}

auto no_excuse = [](const auto&, const auto&) { return false; };

void check_field_same_as_last_year(const Dataset& ds, Hits& out, std::string_view field) {
  const Col now_col = ds.get(TableKind::Episodes)->col(field);
  const Col last_col = ds.last(TableKind::Episodes)->col(field);
  check_same_as_last_year(
      ds, out,
      [&](const Table& t, std::uint32_t r) {
        return t.text(r, t.previous_year() ? last_col : now_col);
      },
      no_excuse);
}

// Whether a child is, or was, an unaccompanied asylum-seeking child in one year's data: the
// Header's UASC flag when the Header was supplied, otherwise any filled-in UASC row.
class UascInYear {
 public:
  UascInYear(const Table* header, const Table* uasc) : header_(header), uasc_(uasc) {
    if (header_) flag_ = header_->col("UASC");
  }
  bool operator()(std::string_view child) const {
    if (header_) {
      for (std::uint32_t r : header_->rows_of(child))
        if (header_->text(r, flag_) == "1") return true;
      return false;
    }
    if (!uasc_) return false;
    const std::size_t columns = uasc_->column_names().size();
    for (std::uint32_t r : uasc_->rows_of(child))
      for (std::size_t c = 1; c < columns; ++c)  // column 0 is CHILD
        if (!uasc_->missing(r, Col{static_cast<int>(c)})) return true;
    return false;
  }

 private:
  const Table* header_;
  const Table* uasc_;
  Col flag_;
};

// --- Distance, placement LA and UASC ---------------------------------------------------------

// 406: a child who is UASC this year or was last year has no placement distance, because their
// home postcode is not their family home; a distance worked out from the postcodes is an error.
void check_406(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const UascInYear now(ds.get(TableKind::Header), ds.get(TableKind::Uasc));
  const UascInYear before(ds.last(TableKind::Header), ds.last(TableKind::Uasc));
  for (const std::string& child : eps.children()) {
    if (!now(child) && !before(child)) continue;
    for (std::uint32_t r : eps.rows_of(child))
      if (placement_distance(ds, eps, r)) out.add(eps, r);
  }
}

// 420: short breaks (legal status V3 or V4) have no placement LA: it must not be derivable, so
// the placement postcode is left blank.
// 411: the derived in/out-of-area flag agrees with the derived placing authority. Both come from
// the placement postcode ("IN" exactly when the placing authority is the council), so on data
// Hearth derives itself the rule cannot fire; it is kept so that the registry is the DfE's, and
// it guards the derivation (tests/data/validation/411 shows why it has no firing case).
void check_411(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  for (std::size_t r = 0; r < t.size(); ++r) {
    auto location = placement_location(ds, t, r);
    if (location != "IN") continue;
    auto la = placement_la(ds, t, r);
    if (!la || *la != ds.la) out.add(t, r);
  }
}

void check_420(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col ls = eps.col("LS");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (in(eps.text(r, ls), {"V3", "V4"}) && placement_la(ds, eps, r)) out.add(eps, r);
}

// 452: a child whose episode was still open at the end of last year, and whose first episode this
// year continues it (same RNE), must have the same placement LA in both.
void check_452(const Dataset& ds, Hits& out) {
  const Table& now = *ds.get(TableKind::Episodes);
  const Table& before = *ds.last(TableKind::Episodes);
  const Col rne = now.col("RNE"), rne_last = before.col("RNE"), dec_last = before.col("DEC");
  across_years(now, before, [&](std::uint32_t r, std::uint32_t p) {
    // The DfE tool reads last year's DEC here as text: only a blank one counts as open.
    if (!before.missing(p, dec_last)) return;
    if (!equal_values(now.text(r, rne), before.text(p, rne_last))) return;
    if (placement_la(ds, now, r) != placement_la(ds, before, p)) out.add(now, r);
  });
}

// The placement distance comparison of rules 453 and 503G: a change of 0.2 miles or more, or a
// distance this year where there was none last year.
bool distance_changed(const Dataset& ds, const Table& now, std::uint32_t r, const Table& before,
                      std::uint32_t p) {
  const auto a = placement_distance(ds, now, r), b = placement_distance(ds, before, p);
  if (a && b) return std::abs(*a - *b) >= 0.2;
  return a && !b;
}

// 453: as 452, for the placement distance.
void check_453(const Dataset& ds, Hits& out) {
  const Table& now = *ds.get(TableKind::Episodes);
  const Table& before = *ds.last(TableKind::Episodes);
  const Col rne = now.col("RNE"), rne_last = before.col("RNE"), dec_last = before.col("DEC");
  across_years(now, before, [&](std::uint32_t r, std::uint32_t p) {
    if (before.date(p, dec_last)) return;
    if (!equal_values(now.text(r, rne), before.text(p, rne_last))) return;
    if (distance_changed(ds, now, r, before, p)) out.add(now, r);
  });
}

// 454: a placement more than 350 miles from home (999.9, the code for a distance that cannot be
// given, aside).
void check_454(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  for (std::size_t r = 0; r < eps.size(); ++r) {
    const auto miles = placement_distance(ds, eps, r);
    if (miles && *miles > 350.0 && *miles != 999.9) out.add(eps, r);
  }
}

// --- Single-episode and age checks ------------------------------------------------------------

// 407: an episode ending in a special guardianship order (E45-E48) must end before the child's
// 18th birthday. Reports the episode and the child's Header row.
void check_407(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& header = *ds.get(TableKind::Header);
  const Col rec = eps.col("REC"), dec = eps.col("DEC"), dob = header.col("DOB");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (!in(eps.text(r, rec), {"E45", "E46", "E47", "E48"})) continue;
    const OptDate ended = eps.date(r, dec);
    if (!ended) continue;
    for (std::uint32_t h : header.rows_of(eps.child(r))) {
      const OptDate born = header.date(h, dob);
      if (born && plus_years(*born, 18) < *ended) {
        out.add(eps, r);
        out.add(header, h);
      }
    }
  }
}

// 408: a child placed for adoption with a placement order (A5, A6) must have legal status E1.
void check_408(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), ls = eps.col("LS");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (in(eps.text(r, place), {"A5", "A6"}) && eps.text(r, ls) != "E1") out.add(eps, r);
}

// 426: a child on short breaks cannot be recorded under both V3 and V4 in the same year; every
// V3 and V4 episode of such a child is reported.
void check_426(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col ls = eps.col("LS");
  for (const std::string& child : eps.children()) {
    bool v3 = false, v4 = false;
    for (std::uint32_t r : eps.rows_of(child)) {
      v3 = v3 || eps.text(r, ls) == "V3";
      v4 = v4 || eps.text(r, ls) == "V4";
    }
    if (!v3 || !v4) continue;
    for (std::uint32_t r : eps.rows_of(child))
      if (in(eps.text(r, ls), {"V3", "V4"})) out.add(eps, r);
  }
}

// 437: an episode that ended because the child died (E2) or turned 18 and left care (E15) must be
// the child's last.
void check_437(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), rec = eps.col("REC");
  std::vector<std::uint32_t> rows;
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    order_episodes(eps, eps.rows_of(child), decom, rows);
    for (std::size_t i = 0; i + 1 < rows.size(); ++i)
      if (eps.date(rows[i], decom) && in(eps.text(rows[i], rec), {"E2", "E15"}))
        out.add(eps, rows[i]);
  }
}

// 440: participation code PN0 means the child was under 4 at the review.
void check_440(const Dataset& ds, Hits& out) {
  const Table& reviews = *ds.get(TableKind::Reviews);
  const Col dob = reviews.col("DOB"), review = reviews.col("REVIEW"),
            code = reviews.col("REVIEW_CODE");
  for (std::size_t r = 0; r < reviews.size(); ++r) {
    if (reviews.text(r, code) != "PN0") continue;
    const OptDate born = reviews.date(r, dob), held = reviews.date(r, review);
    if (born && held && *held > plus_years(*born, 4)) out.add(reviews, r);
  }
}

// 441: participation codes PN1-PN7 mean the child was 4 or over at the review.
void check_441(const Dataset& ds, Hits& out) {
  const Table& reviews = *ds.get(TableKind::Reviews);
  const Col dob = reviews.col("DOB"), review = reviews.col("REVIEW"),
            code = reviews.col("REVIEW_CODE");
  for (std::size_t r = 0; r < reviews.size(); ++r) {
    if (!in(reviews.text(r, code), {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"})) continue;
    const OptDate born = reviews.date(r, dob), held = reviews.date(r, review);
    if (born && held && *held < plus_years(*born, 4)) out.add(reviews, r);
  }
}

// 442: a child with any episode other than a short break (V3/V4) must have a UPN (or UN1-UN5).
void check_442(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& header = *ds.get(TableKind::Header);
  const Col ls = eps.col("LS"), upn = header.col("UPN");
  for (std::size_t h = 0; h < header.size(); ++h) {
    if (!header.missing(h, upn)) continue;
    for (std::uint32_t r : eps.rows_of(header.child(h)))
      if (!in(eps.text(r, ls), {"V3", "V4"})) {
        out.add(header, h);
        break;
      }
  }
}

// 444: a real UPN (not blank, not UN1-UN5) belongs to one child only.
void check_444(const Dataset& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col upn = header.col("UPN");
  auto counted = [](std::string_view v) {
    return !v.empty() && !in(v, {"UN1", "UN2", "UN3", "UN4", "UN5"});
  };
  std::unordered_map<std::string_view, int> seen;
  seen.reserve(header.size());
  for (std::size_t r = 0; r < header.size(); ++r)
    if (counted(header.text(r, upn))) ++seen[header.text(r, upn)];
  for (std::size_t r = 0; r < header.size(); ++r)
    if (counted(header.text(r, upn)) && seen[header.text(r, upn)] > 1) out.add(header, r);
}

// 446: legal status E1 (placement order) did not exist before 1 December 2005.
void check_446(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col ls = eps.col("LS"), decom = eps.col("DECOM");
  const Date introduced = make_date(2005, 12, 1);
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (eps.text(r, ls) != "E1") continue;
    const OptDate began = eps.date(r, decom);
    if (began && *began < introduced) out.add(eps, r);
  }
}

// 460: an episode that ended because the child stayed with their carers at 18 (E17) must end on
// or after the 18th birthday.
void check_460(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& header = *ds.get(TableKind::Header);
  const Col rec = eps.col("REC"), dec = eps.col("DEC"), dob = header.col("DOB");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (eps.text(r, rec) != "E17") continue;
    const OptDate ended = eps.date(r, dec);
    if (!ended) continue;
    for (std::uint32_t h : header.rows_of(eps.child(r))) {
      const OptDate born = header.date(h, dob);
      if (born && plus_years(*born, 18) > *ended) out.add(eps, r);
    }
  }
}

// 516: an episode ending in a special guardianship order or child arrangements order with the
// former foster carers (E45, E46) must be a placement with foster carers (U1-U6).
void check_516(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col rec = eps.col("REC"), place = eps.col("PLACE");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (in(eps.text(r, rec), {"E45", "E46"}) &&
        !in(eps.text(r, place), {"U1", "U2", "U3", "U4", "U5", "U6"}))
      out.add(eps, r);
}

// 521: the decision that the child should be placed for adoption (AD1 DATE_INT) comes on or
// before the start of any placement for adoption (A3-A6). Reports the episode and the AD1 row.
void check_521(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col place = eps.col("PLACE"), decom = eps.col("DECOM"), date_int = ad1.col("DATE_INT");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (!in(eps.text(r, place), {"A3", "A4", "A5", "A6"})) continue;
    const OptDate placed = eps.date(r, decom);
    if (!placed) continue;
    for (std::uint32_t a : ad1.rows_of(eps.child(r))) {
      const OptDate decided = ad1.date(a, date_int);
      if (decided && *decided > *placed) {
        out.add(eps, r);
        out.add(ad1, a);
      }
    }
  }
}

// --- One episode against the one before it ----------------------------------------------------

// Calls f(row, previous row) for each of a child's episodes after the first, in the DfE tool's
// order (by start date, `then` breaking ties when given).
template <typename F>
void each_with_previous(const Table& eps, Col decom, F&& f, Col then = {}) {
  std::vector<std::uint32_t> rows;
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;  // a row without a CHILD is never "the same child"
    order_episodes(eps, eps.rows_of(child), decom, rows, then);
    for (std::size_t i = 1; i < rows.size(); ++i) f(rows[i], rows[i - 1]);
  }
}

// 431: a new period of care (RNE S) cannot start on or before the day the previous episode ended.
void check_431(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), rne = eps.col("RNE");
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    if (eps.text(r, rne) != "S") return;
    const OptDate began = eps.date(r, decom), ended = eps.date(p, dec);
    if (began && ended && *began <= *ended) out.add(eps, r);
  });
}

// 432: after an episode that ended care (a REC other than X1), the next one starts a new period
// of care, so its RNE must be S.
void check_432(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), rec = eps.col("REC"), rne = eps.col("RNE");
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    if (in(eps.text(p, rec),
           {"E2",  "E3",  "E4A", "E4B", "E5",  "E6",  "E7",  "E8",  "E9",  "E11", "E12",
            "E13", "E14", "E15", "E16", "E17", "E41", "E45", "E46", "E47", "E48"}) &&
        eps.text(r, rne) != "S")
      out.add(eps, r);
  });
}

// 433: an episode that continues care (RNE P, L, T, U or B) starts on the day the previous one
// ended. The DfE tool compares the dates as written, so both must be given and identical.
void check_433(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), rne = eps.col("RNE");
  each_with_previous(
      eps, decom,
      [&](std::uint32_t r, std::uint32_t p) {
        if (!in(eps.text(r, rne), {"P", "L", "T", "U", "B"})) return;
        const std::string_view began = eps.text(r, decom), ended = eps.text(p, dec);
        if (began.empty() || ended.empty() || began != ended) out.add(eps, r);
      },
      dec);
}

// 434: RNE L (legal status changed, placement unchanged) needs a new legal status and the same
// placement (PLACE, PL_POST, URN, PLACE_PROVIDER) as the previous episode.
void check_434(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), rne = eps.col("RNE"), ls = eps.col("LS");
  const Col place[] = {eps.col("PLACE"), eps.col("PL_POST"), eps.col("URN"),
                       eps.col("PLACE_PROVIDER")};
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    if (eps.text(r, rne) != "L") return;
    bool moved = false;  // blanks compare equal here
    for (Col c : place) moved = moved || eps.text(r, c) != eps.text(p, c);
    if (equal_values(eps.text(r, ls), eps.text(p, ls)) || moved) out.add(eps, r);
  });
}

// 435: RNE P or T (placement changed, legal status unchanged) needs the same legal status and a
// different placement. As in the DfE tool, a blank never equals anything here: a blank legal
// status counts as changed and a blank placement item as different.
void check_435(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), rne = eps.col("RNE"), ls = eps.col("LS");
  const Col place[] = {eps.col("PLACE"), eps.col("PL_POST"), eps.col("URN"),
                       eps.col("PLACE_PROVIDER")};
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    if (!in(eps.text(r, rne), {"P", "T"})) return;
    bool same_place = true;
    for (Col c : place) same_place = same_place && equal_values(eps.text(r, c), eps.text(p, c));
    if (unequal_values(eps.text(r, ls), eps.text(p, ls)) || same_place) out.add(eps, r);
  });
}

// 436: RNE U or B (legal status and placement both changed) needs both to differ from the
// previous episode. Blanks compare equal here.
void check_436(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), rne = eps.col("RNE"), ls = eps.col("LS");
  const Col place[] = {eps.col("PLACE"), eps.col("PL_POST"), eps.col("URN"),
                       eps.col("PLACE_PROVIDER")};
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    if (!in(eps.text(r, rne), {"U", "B"})) return;
    bool same_place = true;
    for (Col c : place) same_place = same_place && eps.text(r, c) == eps.text(p, c);
    if (eps.text(r, ls) == eps.text(p, ls) || same_place) out.add(eps, r);
  });
}

// 501: an episode cannot start before the previous one ended.
void check_501(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC");
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    const OptDate began = eps.date(r, decom), ended = eps.date(p, dec);
    if (began && ended && *began < *ended) out.add(eps, r);
  });
}

// 504: when the previous episode ended with X1 (care continues) on the day this one began, the
// category of need stays the same.
void check_504(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), rec = eps.col("REC"),
            cin = eps.col("CIN");
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    if (eps.text(p, rec) != "X1") return;
    const OptDate began = eps.date(r, decom), ended = eps.date(p, dec);
    if (!began || !ended || *began != *ended) return;
    if (unequal_values(eps.text(r, cin), eps.text(p, cin))) out.add(eps, r);
  });
}

// --- This year's first episode against last year's open one ------------------------------------

// 502: when last year's return ended with an open episode (no DEC), this year's first episode is
// that same episode, so it starts on the same date.
void check_502(const Dataset& ds, Hits& out) {
  const Table& now = *ds.get(TableKind::Episodes);
  const Table& before = *ds.last(TableKind::Episodes);
  const Col decom = now.col("DECOM"), decom_last = before.col("DECOM"),
            dec_last = before.col("DEC");
  for (const std::string& child : now.children()) {
    if (child.empty()) continue;
    auto first = first_episode(now, now.rows_of(child), decom);
    if (!first) continue;
    const Date began = *now.date(*first, decom);
    // Every open episode of last year is compared (the DfE tool reads DEC as text here).
    for (std::uint32_t p : before.rows_of(child)) {
      if (!before.missing(p, dec_last)) continue;
      const OptDate then = before.date(p, decom_last);
      if (!then || *then != began) out.add(now, *first);
    }
  }
}

void check_503A(const Dataset& ds, Hits& out) {
  check_field_same_as_last_year(ds, out, "RNE");
}
void check_503B(const Dataset& ds, Hits& out) {
  check_field_same_as_last_year(ds, out, "LS");
}
void check_503C(const Dataset& ds, Hits& out) {
  check_field_same_as_last_year(ds, out, "CIN");
}
// 503D: as 503A for the placement type, allowing the codes a year's guidance replaced: H5 became
// K3 (2023/24 and 2024/25 returns) and Z1 was split into Z11-Z14 (2025/26), so a change from the
// old code to its successor is not a change of placement.
void check_503D(const Dataset& ds, Hits& out) {
  const Table& now = *ds.get(TableKind::Episodes);
  const Table& before = *ds.last(TableKind::Episodes);
  const Col place = now.col("PLACE"), place_last = before.col("PLACE");
  const int year = ds.year.end_year;
  check_same_as_last_year(
      ds, out,
      [&](const Table& t, std::uint32_t r) {
        return t.text(r, t.previous_year() ? place_last : place);
      },
      [&](std::string_view a, std::string_view b) {
        if (year == 2024 || year == 2025) return a == "K3" && b == "H5";
        if (year == 2026) return b == "Z1" && in(a, {"Z11", "Z12", "Z13", "Z14"});
        return false;
      });
}
void check_503E(const Dataset& ds, Hits& out) {
  check_field_same_as_last_year(ds, out, "PLACE_PROVIDER");
}
void check_503F(const Dataset& ds, Hits& out) {
  check_field_same_as_last_year(ds, out, "URN");
}

// 503G: the placement distance, compared as in rule 453 but whatever the RNE.
void check_503G(const Dataset& ds, Hits& out) {
  const Table& now = *ds.get(TableKind::Episodes);
  const Table& before = *ds.last(TableKind::Episodes);
  const Col dec_last = before.col("DEC");
  across_years(now, before, [&](std::uint32_t r, std::uint32_t p) {
    if (!before.date(p, dec_last) && distance_changed(ds, now, r, before, p)) out.add(now, r);
  });
}

void check_503H(const Dataset& ds, Hits& out) {
  check_same_as_last_year(
      ds, out, [&](const Table& t, std::uint32_t r) { return placement_la(ds, t, r); }, no_excuse);
}
void check_503J(const Dataset& ds, Hits& out) {
  check_same_as_last_year(
      ds, out, [&](const Table& t, std::uint32_t r) { return placement_location(ds, t, r); },
      no_excuse);
}

// --- Adopters (AD1) -------------------------------------------------------------------------

// 511: two adopters (NB_ADOPTR 2) cannot have a single adopter's sex code (M1, F1).
void check_511(const Dataset& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col nb = ad1.col("NB_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, nb) == "2" && in(ad1.text(r, sex), {"M1", "F1"})) out.add(ad1, r);
}

// 514: a single adopter (LS_ADOPTR L0) has the sex code M1 or F1.
void check_514(const Dataset& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ls = ad1.col("LS_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, ls) == "L0" && !in(ad1.text(r, sex), {"M1", "F1"})) out.add(ad1, r);
}

// 517: adopters who are an unmarried couple of different sexes (L3) are coded MF.
void check_517(const Dataset& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ls = ad1.col("LS_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, ls) == "L3" && ad1.text(r, sex) != "MF") out.add(ad1, r);
}

// 518: adopters who are an unmarried couple of the same sex (L4) are coded MM or FF.
void check_518(const Dataset& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ls = ad1.col("LS_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, ls) == "L4" && !in(ad1.text(r, sex), {"MM", "FF"})) out.add(ad1, r);
}

// 519: adopters in a civil partnership (L2) are a couple: MM, FF or MF.
void check_519(const Dataset& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ls = ad1.col("LS_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, ls) == "L2" && !in(ad1.text(r, sex), {"MM", "FF", "MF"})) out.add(ad1, r);
}

// 520: a married couple of different sexes (L11) is coded MF.
void check_520(const Dataset& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ls = ad1.col("LS_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, ls) == "L11" && ad1.text(r, sex) != "MF") out.add(ad1, r);
}

}  // namespace

std::span<const Rule> adoption_and_missing() {
  static const std::vector<Rule> kRules = {
      {"406", Severity::Error, "Episodes", "PL_DISTANCE",
       "The child is, or was last year, an unaccompanied asylum-seeking child, but a placement "
       "distance can be worked out from the home and placement postcodes.",
       "For a UASC or former UASC child, leave HOME_POST blank: the distance from home is not "
       "reported for them. Children who were UASC before last year and are not marked as such "
       "in the data are not caught by this check.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST (PL_DISTANCE derived); Header: UASC", 2023, 0,
       check_406, "postcodes"},
      {"407", Severity::Error, "Episodes,Header", "DEC,DOB,REC",
       "The episode ended with a special guardianship order (E45-E48) after the child's 18th "
       "birthday.",
       "A special guardianship order can only be made for a child under 18. Check the child's "
       "date of birth, the episode's end date and the reason it ended, and correct whichever is "
       "wrong.",
       "Children Act 1989 s.14A; SSDA903 guidance 2025/26, Episodes: REC, DEC", 2023, 0, check_407},
      {"408", Severity::Error, "Episodes", "PLACE,LS",
       "The child is placed for adoption with a placement order (A5 or A6), but the legal status "
       "is not a placement order (E1).",
       "A placement under A5 or A6 needs legal status E1. If there is no placement order, use "
       "A3 or A4 for the placement; otherwise correct the legal status.",
       "Adoption and Children Act 2002 s.21; SSDA903 guidance 2025/26, Episodes: PLACE, LS", 2023,
       0, check_408},
      {"411", Severity::Error, "Episodes", "PL_LOCATION,PL_LA",
       "The placement is recorded as in the council's area, but the placement's local authority "
       "is another council.",
       "Check the placement postcode and the council's ONS code (--la-ons): the location and the "
       "placing authority both come from the postcode and must agree.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST (PL_LOCATION and PL_LA derived)", 2023, 0,
       check_411, "postcodes"},
      {"420", Severity::Error, "Episodes", "PL_LA",
       "The episode is a short break (legal status V3 or V4), but a placement LA can be worked "
       "out from its placement postcode.",
       "The placement postcode is not recorded for short breaks. Leave PL_POST blank for V3 and "
       "V4 episodes, or correct the legal status if this was not a short break.",
       "SSDA903 guidance 2025/26, Episodes: LS, PL_POST (PL_LA derived)", 2023, 0, check_420,
       "postcodes"},
      {"426", Severity::Error, "Episodes", "LS",
       "The child has short-break episodes under both V3 and V4 in the same year.",
       "A child receiving short breaks has either a single planned series (V3) or a pattern of "
       "them (V4) in a year, not both. Choose the legal status that applies and use it for all "
       "the short-break episodes.",
       "SSDA903 guidance 2025/26, Episodes: LS (V3, V4)", 2023, 0, check_426},
      {"431", Severity::Error, "Episodes", "RNE,DECOM",
       "The episode starts a new period of care (RNE S), but it starts on or before the day the "
       "previous episode ended.",
       "If care carried on from the previous episode, use the RNE that says what changed (P, L, "
       "T, U or B); if care really ended and began again, check both dates.",
       "SSDA903 guidance 2025/26, Episodes: RNE, DECOM, DEC", 2023, 0, check_431},
      {"432", Severity::Error, "Episodes", "RNE",
       "The previous episode ended the child's period of care, but this episode's reason for new "
       "episode is not S (started to be looked after).",
       "An episode that follows the end of care starts a new period of care: record RNE S. If "
       "care did not end, correct the previous episode's reason for ending (X1 when care "
       "continues).",
       "SSDA903 guidance 2025/26, Episodes: RNE, REC", 2023, 0, check_432},
      {"433", Severity::Error, "Episodes", "RNE,DECOM",
       "The reason for new episode says care continued, but the episode does not start on the "
       "day the previous episode ended.",
       "When an episode follows on from another (RNE P, L, T, U or B), its start date must be "
       "the previous episode's end date. Correct the dates, or use RNE S if there was a gap in "
       "care.",
       "SSDA903 guidance 2025/26, Episodes: RNE, DECOM, DEC", 2023, 0, check_433},
      {"434", Severity::Error, "Episodes", "RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER",
       "The reason for new episode is a change of legal status only (L), but the legal status is "
       "unchanged or the placement details have changed.",
       "With RNE L the legal status must differ from the previous episode while the placement "
       "type, postcode, URN and provider stay the same. Correct the RNE (T or B when the "
       "placement changed too) or the episode details.",
       "SSDA903 guidance 2025/26, Episodes: RNE", 2023, 0, check_434},
      {"435", Severity::Error, "Episodes", "LS,PLACE,PL_POST,URN,PLACE_PROVIDER",
       "The reason for new episode is a change of placement only (P or T), but the legal status "
       "has changed or the placement details are all the same.",
       "With RNE P or T the legal status must be the same as in the previous episode and at "
       "least one of placement type, postcode, URN or provider must differ. Correct the RNE (B "
       "or U when the legal status changed too, L when only it changed) or the details.",
       "SSDA903 guidance 2025/26, Episodes: RNE", 2023, 0, check_435},
      {"436", Severity::Error, "Episodes", "RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER",
       "The reason for new episode is a change of both legal status and placement (U or B), but "
       "the legal status or the placement is the same as in the previous episode.",
       "With RNE U or B both the legal status and at least one placement detail must differ from "
       "the previous episode. Use L or P/T when only one of them changed, or correct the details.",
       "SSDA903 guidance 2025/26, Episodes: RNE", 2023, 0, check_436},
      {"437", Severity::Error, "Episodes", "REC",
       "The episode ended because the child died or left care at 18 (E2 or E15), but the child "
       "has a later episode.",
       "Check the reason this episode ended and the later episode: correct the reason (X1 if "
       "care continued) or remove an episode recorded in error.",
       "SSDA903 guidance 2025/26, Episodes: REC", 2023, 0, check_437},
      {"440", Severity::Error, "Reviews", "DOB,REVIEW,REVIEW_CODE",
       "The participation code PN0 says the child was under 4 at the review, but by the dates the "
       "child was 4 or older.",
       "Use PN1-PN7 to record how a child aged 4 or over took part, or correct the review date or "
       "date of birth.",
       "SSDA903 guidance 2025/26, Reviews: REVIEW_CODE", 2023, 0, check_440},
      {"441", Severity::Error, "Reviews", "DOB,REVIEW,REVIEW_CODE",
       "The participation code (PN1-PN7) says the child was 4 or older at the review, but by the "
       "dates the child was under 4.",
       "Use PN0 for a child under 4 at the review, or correct the review date or date of birth.",
       "SSDA903 guidance 2025/26, Reviews: REVIEW_CODE", 2023, 0, check_441},
      {"442", Severity::Error, "Episodes,Header", "UPN",
       "The child's UPN is blank, although the child has an episode that is not a short break.",
       "Enter the child's UPN from their school, or the right UN1-UN5 code when it is not known "
       "(UN1, for example, for a child not yet of school age).",
       "SSDA903 guidance 2025/26, Header: UPN", 2023, 0, check_442},
      {"444", Severity::Error, "Header", "UPN", "The same UPN is given for more than one child.",
       "A UPN belongs to one pupil only. Check each child's UPN with their school or the virtual "
       "school and correct the wrong one; if two rows are the same child, merge them.",
       "SSDA903 guidance 2025/26, Header: UPN; DfE Common Basic Data Set (UPN)", 2026, 0,
       check_444},
      {"446", Severity::Error, "Episodes", "LS,DECOM",
       "The legal status is E1 (placement order), but the episode began before December 2005, "
       "when placement orders were introduced.",
       "Check the episode's start date and legal status: before 1 December 2005 a freeing order "
       "or another legal status applied.",
       "Adoption and Children Act 2002 s.21 (in force 30 December 2005); SSDA903 guidance "
       "2025/26, Episodes: LS",
       2023, 0, check_446},
      {"452", Severity::Error, "Episodes,Episodes_last", "PL_LA",
       "The child's first episode this year continues last year's open episode, but the "
       "placement LA differs between the two.",
       "The placement carried over from last year should have the same placement postcode. "
       "Check PL_POST in both years' returns and correct the wrong one.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST (PL_LA derived)", 2023, 0, check_452,
       "postcodes"},
      {"453", Severity::Error, "Episodes,Episodes_last", "PL_DISTANCE",
       "The child's first episode this year continues last year's open episode, but the "
       "placement distance differs between the two by 0.2 miles or more.",
       "The episode carried over from last year should have the same home and placement "
       "postcodes. Check HOME_POST and PL_POST in both years' returns and correct the wrong one.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST, PL_POST (PL_DISTANCE derived)", 2023, 0,
       check_453, "postcodes"},
      {"454", Severity::Query, "Episodes", "PL_DISTANCE",
       "The placement is more than 350 miles from the child's home.",
       "Please check HOME_POST and PL_POST: a distance this large usually means a wrong "
       "postcode. A child who is or was UASC but is not marked as such will also be caught.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST, PL_POST (PL_DISTANCE derived)", 2026, 0,
       check_454, "postcodes"},
      {"460", Severity::Error, "Header,Episodes", "DEC,REC",
       "The episode ended because the child stayed on with their carers at 18 (E17), but the "
       "child was under 18 on the day it ended.",
       "E17 applies only from the 18th birthday. Check the child's date of birth and the episode's "
       "end date, or use the reason that applied when the episode ended.",
       "SSDA903 guidance 2025/26, Episodes: REC (E17)", 2023, 0, check_460},
      {"501", Severity::Error, "Episodes", "DECOM,DEC",
       "The episode starts before the previous episode ended.",
       "Episodes cannot overlap. Check the start date of this episode and the end date of the one "
       "before it; a following episode normally starts on the day the previous one ended.",
       "SSDA903 guidance 2025/26, Episodes: DECOM, DEC", 2023, 0, check_501},
      {"502", Severity::Error, "Episodes,Episodes_last", "DECOM",
       "Last year's return ended with an open episode, but this year's first episode does not "
       "start on the same date.",
       "The episode open at the end of last year carries into this year unchanged. Use its start "
       "date for the child's first episode, or correct last year's episode if it had ended.",
       "SSDA903 guidance 2025/26, Episodes: DECOM", 2023, 0, check_502},
      {"503A", Severity::Error, "Episodes,Episodes_last", "RNE",
       "The reason for new episode in the child's first episode this year differs from the open "
       "episode at the end of last year.",
       "The episode open at 31 March carries into this year with the same details. Make RNE match "
       "last year's, or correct last year's episode.",
       "SSDA903 guidance 2025/26, Episodes: RNE", 2023, 0, check_503A},
      {"503B", Severity::Error, "Episodes,Episodes_last", "LS",
       "The legal status in the child's first episode this year differs from the open episode at "
       "the end of last year.",
       "The episode open at 31 March carries into this year with the same details. Make LS match "
       "last year's, or start a new episode on the day the legal status changed.",
       "SSDA903 guidance 2025/26, Episodes: LS", 2023, 0, check_503B},
      {"503C", Severity::Error, "Episodes,Episodes_last", "CIN",
       "The category of need in the child's first episode this year differs from the open "
       "episode at the end of last year.",
       "The episode open at 31 March carries into this year with the same details. Make CIN "
       "match last year's, or correct last year's episode.",
       "SSDA903 guidance 2025/26, Episodes: CIN", 2023, 0, check_503C},
      {"503D", Severity::Error, "Episodes,Episodes_last", "PLACE",
       "The placement type in the child's first episode this year differs from the open episode "
       "at the end of last year.",
       "The episode open at 31 March carries into this year with the same details. Make PLACE "
       "match last year's (Z1 may become Z11-Z14 this year), or start a new episode on the day "
       "the placement changed.",
       "SSDA903 guidance 2025/26, Episodes: PLACE", 2023, 0, check_503D},
      {"503E", Severity::Error, "Episodes,Episodes_last", "PLACE_PROVIDER",
       "The placement provider in the child's first episode this year differs from the open "
       "episode at the end of last year.",
       "The episode open at 31 March carries into this year with the same details. Make "
       "PLACE_PROVIDER match last year's, or correct last year's episode.",
       "SSDA903 guidance 2025/26, Episodes: PLACE_PROVIDER", 2023, 0, check_503E},
      {"503F", Severity::Error, "Episodes,Episodes_last", "URN",
       "The Ofsted URN in the child's first episode this year differs from the open episode at "
       "the end of last year.",
       "The episode open at 31 March carries into this year with the same details. Make URN "
       "match last year's, or correct last year's episode.",
       "SSDA903 guidance 2025/26, Episodes: URN", 2023, 0, check_503F},
      {"503G", Severity::Error, "Episodes,Episodes_last", "PL_DISTANCE",
       "The placement distance in the child's first episode this year differs from the open "
       "episode at the end of last year.",
       "The episode open at 31 March carries into this year with the same home and placement "
       "postcodes. Check HOME_POST and PL_POST in both years' returns.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST, PL_POST (PL_DISTANCE derived)", 2023, 0,
       check_503G, "postcodes"},
      {"503H", Severity::Error, "Episodes,Episodes_last", "PL_LA",
       "The placement LA in the child's first episode this year differs from the open episode at "
       "the end of last year.",
       "The episode open at 31 March carries into this year with the same placement postcode. "
       "Check PL_POST in both years' returns.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST (PL_LA derived)", 2023, 0, check_503H,
       "postcodes"},
      {"503J", Severity::Error, "Episodes,Episodes_last", "PL_LOCATION",
       "Whether the placement is inside or outside the council's area differs between the "
       "child's first episode this year and the open episode at the end of last year.",
       "The episode open at 31 March carries into this year with the same placement postcode. "
       "Check PL_POST in both years' returns.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST (PL_LOCATION derived)", 2023, 0, check_503J,
       "postcodes"},
      {"504", Severity::Error, "Episodes", "CIN",
       "The category of need differs from the previous episode, although care carried on without "
       "a break (the previous episode ended X1 on the day this one began).",
       "The category of need is set at the start of a period of care and stays the same until "
       "it ends. Use the category from the start of this period of care.",
       "SSDA903 guidance 2025/26, Episodes: CIN", 2023, 0, check_504},
      {"511", Severity::Error, "AD1", "NB_ADOPTR,SEX_ADOPTR",
       "There are two adopters, but their sex is coded as for a single adopter (M1 or F1).",
       "For two adopters use MM (both male), FF (both female) or MF (male and female); if there "
       "is one adopter, correct NB_ADOPTR to 1.",
       "SSDA903 guidance 2025/26, Adoption (AD1): NB_ADOPTR, SEX_ADOPTR", 2023, 0, check_511},
      {"514", Severity::Error, "AD1", "LS_ADOPTR,SEX_ADOPTR",
       "The adopter's legal status is single (L0), but their sex is not coded as a single adopter "
       "(M1 or F1).",
       "For a single adopter use M1 or F1; if the child was adopted by a couple, correct the "
       "legal status of the adopters.",
       "SSDA903 guidance 2025/26, Adoption (AD1): LS_ADOPTR, SEX_ADOPTR", 2023, 0, check_514},
      {"516", Severity::Error, "Episodes", "REC,PLACE",
       "The episode ended with a special guardianship or child arrangements order to former "
       "foster carers (E45 or E46), but the placement is not with foster carers (U1-U6).",
       "E45 and E46 are for a child who was with those foster carers. Check the placement type "
       "and the reason the episode ended, and correct whichever is wrong.",
       "SSDA903 guidance 2025/26, Episodes: REC, PLACE", 2023, 0, check_516},
      {"517", Severity::Error, "AD1", "LS_ADOPTR,SEX_ADOPTR",
       "The adopters are an unmarried couple of different sexes (L3), but their sex is not coded "
       "MF.",
       "Use MF for a couple of a man and a woman, or correct the legal status of the adopters.",
       "SSDA903 guidance 2025/26, Adoption (AD1): LS_ADOPTR, SEX_ADOPTR", 2023, 0, check_517},
      {"518", Severity::Error, "AD1", "LS_ADOPTR,SEX_ADOPTR",
       "The adopters are an unmarried couple of the same sex (L4), but their sex is not coded MM "
       "or FF.",
       "Use MM for two men or FF for two women, or correct the legal status of the adopters.",
       "SSDA903 guidance 2025/26, Adoption (AD1): LS_ADOPTR, SEX_ADOPTR", 2023, 0, check_518},
      {"519", Severity::Error, "AD1", "LS_ADOPTR,SEX_ADOPTR",
       "The adopters are in a civil partnership (L2), but their sex is not coded as a couple (MM, "
       "FF or MF).",
       "Record the sex of both civil partners as MM, FF or MF, or correct the legal status of the "
       "adopters.",
       "SSDA903 guidance 2025/26, Adoption (AD1): LS_ADOPTR, SEX_ADOPTR", 2023, 0, check_519},
      {"520", Severity::Error, "AD1", "LS_ADOPTR,SEX_ADOPTR",
       "The adopters are a married couple of different sexes (L11), but their sex is not coded "
       "MF.",
       "Use MF for a married man and woman; a same-sex married couple has its own legal status "
       "code (L12).",
       "SSDA903 guidance 2025/26, Adoption (AD1): LS_ADOPTR, SEX_ADOPTR", 2023, 0, check_520},
      {"521", Severity::Error, "Episodes,AD1", "PLACE,DECOM,DATE_INT",
       "The child was placed for adoption (A3-A6) before the date of the decision that they "
       "should be placed for adoption.",
       "A child can only be placed for adoption after the agency decision. Check the decision "
       "date (DATE_INT) and the start date of the adoption placement, and correct the wrong one.",
       "Adoption Agencies Regulations 2005 reg.19; SSDA903 guidance 2025/26, Adoption (AD1): "
       "DATE_INT; Episodes: PLACE",
       2023, 0, check_521},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
