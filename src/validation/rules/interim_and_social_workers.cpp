// 903 validation rules: interim_and_social_workers (see registry.hpp for the codes in this group).
#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

using std::chrono::days;

// ---- INT: the tables of one return must agree with each other ------------------------------

// INT01-INT09: every child in a secondary table must also be in the Header. A blank CHILD
// counts as found when the Header has a blank CHILD too (the DfE tool matches blanks to blanks).
template <TableKind K>
void check_child_in_header(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& file = *ds.get(K);
  for (std::size_t r = 0; r < file.size(); ++r)
    if (!header.has_child(file.child(r))) out.add(file, r);
}

// INT11-INT18: a secondary table's DOB must equal the Header's DOB for the same child. Only
// rows where both dates are real dates are compared; a child not in the Header is INT0x's job.
template <TableKind K>
void check_dob_matches_header(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& file = *ds.get(K);
  const Col dob_h = header.col("DOB"), dob_f = file.col("DOB");
  for (std::size_t r = 0; r < file.size(); ++r) {
    const OptDate mine = file.date(r, dob_f);
    if (!mine) continue;
    for (std::uint32_t h : header.rows_of(file.child(r))) {
      const OptDate theirs = header.date(h, dob_h);
      if (theirs && *theirs != *mine) {
        out.add(file, r);
        break;
      }
    }
  }
}

// INT21: the UASC table's SEX must equal the Header's SEX for the same child (both given).
void check_INT21(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& uasc = *ds.get(TableKind::Uasc);
  const Col sex_h = header.col("SEX"), sex_u = uasc.col("SEX");
  for (std::size_t r = 0; r < uasc.size(); ++r) {
    std::string_view mine = uasc.text(r, sex_u);
    if (mine.empty()) continue;
    for (std::uint32_t h : header.rows_of(uasc.child(r))) {
      std::string_view theirs = header.text(h, sex_h);
      if (!theirs.empty() && theirs != mine) {
        out.add(uasc, r);
        break;
      }
    }
  }
}

// INT31-INT36: a child appears at most once in a one-row-per-child table. Every row of a
// repeated child is reported; rows with a blank CHILD are not counted.
template <TableKind K>
void check_child_once(const ReturnTables& ds, Hits& out) {
  const Table& file = *ds.get(K);
  for (const std::string& child : file.children()) {
    if (child.empty()) continue;
    auto rows = file.rows_of(child);
    if (rows.size() < 2) continue;
    for (std::uint32_t r : rows) out.add(file, r);
  }
}

// ---- SW: social worker episodes ---------------------------------------------------------------

// The day the DfE tool first collects social worker episodes from.
const Date kSwStart = make_date(2023, 4, 1);

// The earliest SW_DEC (and Episodes DEC) the DfE tool accepts: the collection start less a
// numpy "year" of 365.2425 days. On whole dates that is the start less 365 days (1 April of the
// previous year unless a 29 February falls between).
Date year_before(Date collection_start) {
  return collection_start - days{365};
}

// The DfE tool's test of a date that may use ZZ / ZZZZ for an unknown day, month or year: three
// parts separated by "/", each "ZZ" read as 01 and each "ZZZZ" as 2000, and the result must then
// be a real dd/mm/yyyy date. A cell Hearth already reads as a date is valid.
bool valid_date_or_placeholder(const Table& t, std::size_t r, Col c) {
  if (t.date(r, c)) return true;
  std::string_view s = t.text(r, c);
  std::string_view parts[3];
  std::size_t n = 0, start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '/') continue;
    if (n == 3) return false;
    parts[n++] = s.substr(start, i - start);
    start = i + 1;
  }
  if (n != 3) return false;
  char buf[64];
  std::size_t len = 0;
  for (std::size_t k = 0; k < 3; ++k) {
    std::string_view p = parts[k];
    if (p == "ZZ")
      p = "01";
    else if (p == "ZZZZ")
      p = "2000";
    if (len + p.size() + 1 > sizeof buf) return false;
    if (k > 0) buf[len++] = '/';
    for (char ch : p) buf[len++] = ch;
  }
  return model::parse_dmy(std::string_view(buf, len)).has_value();
}

// Orders `rows` of SWEpisodes by SW_DECOM (then by `then`, when given), a missing date after
// every real one for each key, otherwise keeping file order (pandas' sort on several columns).
void sort_by_dates(const Table& t, std::vector<std::uint32_t>& rows, Col first, const Col* then,
                   bool descending) {
  auto cmp = [&](const OptDate& a, const OptDate& b) -> int {  // <0 when a goes first
    if (!a || !b) return a ? -1 : (b ? 1 : 0);
    if (*a == *b) return 0;
    return (*a < *b) != descending ? -1 : 1;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
    int k = cmp(t.date(a, first), t.date(b, first));
    if (k == 0 && then) k = cmp(t.date(a, *then), t.date(b, *then));
    return k < 0;
  });
}

// SW01aSTG1: an episode that began before 1 April 2023 needs a social worker ID; every episode
// needs a start date that is a date.
void check_SW01aSTG1(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col id = sw.col("SW_ID"), decom = sw.col("SW_DECOM");
  for (std::size_t r = 0; r < sw.size(); ++r) {
    const OptDate start = sw.date(r, decom);
    if (!start || (*start < kSwStart && sw.missing(r, id))) out.add(sw, r);
  }
}

// SW01bSTG1: an episode that began on or after 1 April 2023 needs a social worker ID and a
// reason; every episode needs a start date that is a date.
void check_SW01bSTG1(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col id = sw.col("SW_ID"), decom = sw.col("SW_DECOM"), reason = sw.col("SW_REASON");
  for (std::size_t r = 0; r < sw.size(); ++r) {
    const OptDate start = sw.date(r, decom);
    if (!start || (*start >= kSwStart && (sw.missing(r, id) || sw.missing(r, reason))))
      out.add(sw, r);
  }
}

// SW02STG1: SW_ID starts with SW or XX (a missing ID does not).
void check_SW02STG1(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col id = sw.col("SW_ID");
  for (std::size_t r = 0; r < sw.size(); ++r) {
    std::string_view v = sw.text(r, id);
    std::string_view prefix = v.substr(0, 2);
    if (prefix != "SW" && prefix != "XX") out.add(sw, r);
  }
}

// SW04STG1 / SW05STG1: a given SW_DECOM / SW_DEC is a date (ZZ placeholders allowed).
void check_SW04STG1(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col decom = sw.col("SW_DECOM");
  for (std::size_t r = 0; r < sw.size(); ++r)
    if (!sw.missing(r, decom) && !valid_date_or_placeholder(sw, r, decom)) out.add(sw, r);
}

void check_SW05STG1(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col dec = sw.col("SW_DEC");
  for (std::size_t r = 0; r < sw.size(); ++r)
    if (!sw.missing(r, dec) && !valid_date_or_placeholder(sw, r, dec)) out.add(sw, r);
}

// SW06STG2: SW_DECOM is not after the end of the collection year.
void check_SW06STG2(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col decom = sw.col("SW_DECOM");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < sw.size(); ++r) {
    const OptDate d = sw.date(r, decom);
    if (d && *d > end) out.add(sw, r);
  }
}

// SW07STG2: SW_DEC falls within the two years the social worker data covers (from a year
// before the collection start to the collection end).
void check_SW07STG2(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col dec = sw.col("SW_DEC");
  const Date from = year_before(ds.collection_start()), end = ds.collection_end();
  for (std::size_t r = 0; r < sw.size(); ++r) {
    const OptDate d = sw.date(r, dec);
    if (d && (*d < from || *d > end)) out.add(sw, r);
  }
}

// SW08STG2: every episode but a child's latest (by SW_DECOM, missing last) has an end date.
// Episodes with no start date, or no CHILD, are not reported.
void check_SW08STG2(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col decom = sw.col("SW_DECOM"), dec = sw.col("SW_DEC");
  std::vector<std::uint32_t> rows;
  for (const std::string& child : sw.children()) {
    if (child.empty()) continue;
    auto mine = sw.rows_of(child);
    if (mine.size() < 2) continue;
    rows.assign(mine.begin(), mine.end());
    sort_by_dates(sw, rows, decom, nullptr, false);
    for (std::size_t k = 0; k + 1 < rows.size(); ++k)
      if (!sw.date(rows[k], dec) && sw.date(rows[k], decom)) out.add(sw, rows[k]);
  }
}

// SW09STG2: an episode that ends on the day it starts (the two cells are the same text).
void check_SW09STG2(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col decom = sw.col("SW_DECOM"), dec = sw.col("SW_DEC");
  for (std::size_t r = 0; r < sw.size(); ++r)
    if (!sw.missing(r, dec) && sw.text(r, dec) == sw.text(r, decom)) out.add(sw, r);
}

// SW10STG2: taking a child's episodes in order of SW_DECOM then SW_DEC, each one after the first
// starts within 7 days either side of the previous one's end, unless its reason is FCONTA. A
// missing date on either side counts as not within.
void check_SW10STG2(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col decom = sw.col("SW_DECOM"), dec = sw.col("SW_DEC"), reason = sw.col("SW_REASON");
  std::vector<std::uint32_t> rows;
  for (const std::string& child : sw.children()) {
    // The DfE tool pairs each row with the one above it in a table sorted by CHILD (blanks
    // last), matching a blank CHILD to a blank one. When every row lacks a CHILD, the first row
    // is paired with the empty row above the table, so it too is compared, with no end date.
    const bool all_blank = child.empty() && sw.children().size() == 1;
    auto mine = sw.rows_of(child);
    if (mine.size() < 2 && !all_blank) continue;
    rows.assign(mine.begin(), mine.end());
    sort_by_dates(sw, rows, decom, &dec, false);
    for (std::size_t k = all_blank ? 0 : 1; k < rows.size(); ++k) {
      const std::uint32_t r = rows[k];
      if (sw.text(r, reason) == "FCONTA") continue;
      const OptDate start = sw.date(r, decom);
      const OptDate prev_end = k > 0 ? sw.date(rows[k - 1], dec) : std::nullopt;
      if (!start || !prev_end || *start < *prev_end - days{7} || *start > *prev_end + days{7})
        out.add(sw, r);
    }
  }
}

// SW11bSTG2: an episode ended in the last five days of the year (26-31 March) but no later
// episode has begun. As the DfE tool does it: (1) in start-date order, an episode with no start
// date following one that ended in that window; (2) a child's only episode ending in the
// window; (3) in reverse start-date order, an episode ending in the window whose predecessor
// started before that end.
void check_SW11bSTG2(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col decom = sw.col("SW_DECOM"), dec = sw.col("SW_DEC");
  const Date end = ds.collection_end(), window = end - days{5};
  auto ends_in_window = [&](std::uint32_t r) {
    const OptDate d = sw.date(r, dec);
    return d && *d >= window && *d <= end;
  };
  std::vector<std::uint32_t> rows;
  for (const std::string& child : sw.children()) {
    auto mine = sw.rows_of(child);
    if (mine.size() == 1) {
      if (!child.empty() && ends_in_window(mine[0])) out.add(sw, mine[0]);
      continue;
    }
    rows.assign(mine.begin(), mine.end());
    sort_by_dates(sw, rows, decom, nullptr, false);
    for (std::size_t k = 1; k < rows.size(); ++k)
      if (!sw.date(rows[k], decom) && ends_in_window(rows[k - 1])) out.add(sw, rows[k]);
    // Deviation: the DfE tool's second check compares each episode's start with the end of the
    // episode after it, which is true of any two episodes in order, so every episode ending in
    // the window is reported even when a new social worker took over that day. Here an episode
    // ending in the window is reported when no other episode of the child starts on or after its
    // end.
    for (std::uint32_t r : rows) {
      if (!ends_in_window(r)) continue;
      const Date ended = *sw.date(r, dec);
      bool followed = false;
      for (std::uint32_t o : rows) {
        const OptDate start = sw.date(o, decom);
        // A following episode with no start date is reported by the first check instead.
        followed = followed || (o != r && (!start || *start >= ended));
      }
      if (!followed) out.add(sw, r);
    }
  }
}

// SW12STG2: each care episode that starts a period of care (RNE S) or ends one (REC not X1),
// ending within the two years the social worker data covers or still open, and not a short
// break (V3/V4), needs social worker episodes around it: each of the child's social worker
// episodes must start on or before the care episode's end (when it ends care) or on or after
// its start (when it starts care). A child with none is reported.
void check_SW12STG2(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), ls = eps.col("LS"),
            rne = eps.col("RNE"), rec = eps.col("REC");
  const Col sw_decom = sw.col("SW_DECOM");
  const Date from = year_before(ds.collection_start()), end = ds.collection_end();
  for (std::size_t r = 0; r < eps.size(); ++r) {
    const OptDate ended = eps.date(r, dec);
    if (ended && (*ended < from || *ended > end)) continue;
    if (in(eps.text(r, ls), {"V3", "V4"})) continue;
    const bool starts_care = eps.text(r, rne) == "S";
    // Deviation: the DfE tool counts an open episode (no REC) as ending care, so every child
    // still in a placement that did not start their care is reported whatever their social
    // worker episodes; an open episode ends nothing, so here it is checked only if it starts care.
    const bool ends_care = !eps.missing(r, rec) && eps.text(r, rec) != "X1";
    if (!starts_care && !ends_care) continue;
    const OptDate began = eps.date(r, decom);
    auto sws = sw.rows_of(eps.child(r));
    // Deviation: the DfE tool pairs the episode with every social worker episode and reports it
    // when any one does not fit, so a child whose later period of care has a new social worker
    // is reported for the earlier one; here one social worker episode that fits is enough.
    bool covered = false;
    for (std::uint32_t s : sws) {
      const OptDate sw_start = sw.date(s, sw_decom);
      const bool before_end = sw_start && ended && *sw_start <= *ended && ends_care;
      const bool after_start = sw_start && began && *sw_start >= *began && starts_care;
      if (before_end || after_start) {
        covered = true;
        break;
      }
    }
    if (!covered) out.add(eps, r);
  }
}

// SW13STG1: SW_REASON is one of the 903 codes, and is given for episodes from 1 April 2023.
// Deviation: the DfE tool reads SW_DECOM without tolerating bad dates, so one impossible date
// anywhere makes the whole rule fail and report nothing; here a bad date counts as missing and
// the other rows are still checked.
void check_SW13STG1(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col reason = sw.col("SW_REASON"), decom = sw.col("SW_DECOM");
  for (std::size_t r = 0; r < sw.size(); ++r) {
    std::string_view v = sw.text(r, reason);
    if (v.empty()) {
      const OptDate d = sw.date(r, decom);
      if (d && *d >= kSwStart) out.add(sw, r);
    } else if (!in(v, {"MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN",
                       "PCCHAN", "SWDIED", "OTHERS"})) {
      out.add(sw, r);
    }
  }
}

// SW17STG2: a child's latest social worker episode (latest SW_DECOM; the first in the file on a
// tie, or the first row when none has a start date) is still open: it has no SW_DEC.
void check_SW17STG2(const ReturnTables& ds, Hits& out) {
  const Table& sw = *ds.get(TableKind::SwEpisodes);
  const Col decom = sw.col("SW_DECOM"), dec = sw.col("SW_DEC");
  for (const std::string& child : sw.children()) {
    auto mine = sw.rows_of(child);
    std::uint32_t latest = mine[0];
    OptDate latest_start = sw.date(latest, decom);
    for (std::uint32_t r : mine) {
      const OptDate d = sw.date(r, decom);
      if (d && (!latest_start || *d > *latest_start)) {
        latest = r;
        latest_start = d;
      }
    }
    if (!sw.missing(latest, dec)) out.add(sw, latest);
  }
}

}  // namespace

std::span<const Rule> interim_and_social_workers() {
  static const std::vector<Rule> kRules = {
      {"INT01", Severity::Error, "Header,AD1", "CHILD",
       "This child has a row in the adoption decisions table (AD1) but no row in the Header.",
       "Check the child's ID on this row: correct it if it was mistyped, otherwise add the child "
       "to the Header (every child in any 903 table must be in the Header) or remove the row if "
       "the child should not be in this return.",
       "SSDA903 guidance 2025/26, Header: CHILD; AD1: CHILD", 2023, 0,
       check_child_in_header<TableKind::Ad1>},
      {"INT02", Severity::Error, "Header,PlacedAdoption", "CHILD",
       "This child has a row in the placed-for-adoption table but no row in the Header.",
       "Check the child's ID on this row: correct it if it was mistyped, otherwise add the child "
       "to the Header (every child in any 903 table must be in the Header) or remove the row if "
       "the child should not be in this return.",
       "SSDA903 guidance 2025/26, Header: CHILD; PlacedAdoption: CHILD", 2023, 0,
       check_child_in_header<TableKind::PlacedAdoption>},
      {"INT03", Severity::Error, "Header,Episodes", "CHILD",
       "This child has a row in the episodes table but no row in the Header.",
       "Check the child's ID on this row: correct it if it was mistyped, otherwise add the child "
       "to the Header (every child in any 903 table must be in the Header) or remove the row if "
       "the child should not be in this return.",
       "SSDA903 guidance 2025/26, Header: CHILD; Episodes: CHILD", 2023, 0,
       check_child_in_header<TableKind::Episodes>},
      {"INT04", Severity::Error, "Header,Missing", "CHILD",
       "This child has a row in the missing/away-from-placement table but no row in the Header.",
       "Check the child's ID on this row: correct it if it was mistyped, otherwise add the child "
       "to the Header (every child in any 903 table must be in the Header) or remove the row if "
       "the child should not be in this return.",
       "SSDA903 guidance 2025/26, Header: CHILD; Missing: CHILD", 2023, 0,
       check_child_in_header<TableKind::Missing>},
      {"INT05", Severity::Error, "Header,OC2", "CHILD",
       "This child has a row in the OC2 (outcomes) table but no row in the Header.",
       "Check the child's ID on this row: correct it if it was mistyped, otherwise add the child "
       "to the Header (every child in any 903 table must be in the Header) or remove the row if "
       "the child should not be in this return.",
       "SSDA903 guidance 2025/26, Header: CHILD; OC2: CHILD", 2023, 0,
       check_child_in_header<TableKind::Oc2>},
      {"INT06", Severity::Error, "Header,OC3", "CHILD",
       "This child has a row in the OC3 (care leavers) table but no row in the Header.",
       "Check the child's ID on this row: correct it if it was mistyped, otherwise add the child "
       "to the Header (every child in any 903 table must be in the Header) or remove the row if "
       "the child should not be in this return.",
       "SSDA903 guidance 2025/26, Header: CHILD; OC3: CHILD", 2023, 0,
       check_child_in_header<TableKind::Oc3>},
      {"INT07", Severity::Error, "Header,PrevPerm", "CHILD",
       "This child has a row in the previous permanence table but no row in the Header.",
       "Check the child's ID on this row: correct it if it was mistyped, otherwise add the child "
       "to the Header (every child in any 903 table must be in the Header) or remove the row if "
       "the child should not be in this return.",
       "SSDA903 guidance 2025/26, Header: CHILD; PrevPerm: CHILD", 2023, 0,
       check_child_in_header<TableKind::PrevPerm>},
      {"INT08", Severity::Error, "Header,Reviews", "CHILD",
       "This child has a row in the reviews table but no row in the Header.",
       "Check the child's ID on this row: correct it if it was mistyped, otherwise add the child "
       "to the Header (every child in any 903 table must be in the Header) or remove the row if "
       "the child should not be in this return.",
       "SSDA903 guidance 2025/26, Header: CHILD; Reviews: CHILD", 2023, 0,
       check_child_in_header<TableKind::Reviews>},
      {"INT09", Severity::Error, "Header,UASC", "CHILD",
       "This child has a row in the UASC table but no row in the Header.",
       "Check the child's ID on this row: correct it if it was mistyped, otherwise add the child "
       "to the Header (every child in any 903 table must be in the Header) or remove the row if "
       "the child should not be in this return.",
       "SSDA903 guidance 2025/26, Header: CHILD; UASC: CHILD", 2023, 0,
       check_child_in_header<TableKind::Uasc>},
      {"INT11", Severity::Error, "Header,AD1", "DOB",
       "The child's date of birth in the adoption decisions table (AD1) is not the same as in the "
       "Header.",
       "Find the correct date of birth on the child's record and use it in both tables; if the "
       "child's ID is wrong on this row, correct the ID instead.",
       "SSDA903 guidance 2025/26, Header: DOB; AD1: DOB", 2023, 0,
       check_dob_matches_header<TableKind::Ad1>},
      {"INT12", Severity::Error, "Header,PlacedAdoption", "DOB",
       "The child's date of birth in the placed-for-adoption table is not the same as in the "
       "Header.",
       "Find the correct date of birth on the child's record and use it in both tables; if the "
       "child's ID is wrong on this row, correct the ID instead.",
       "SSDA903 guidance 2025/26, Header: DOB; PlacedAdoption: DOB", 2023, 0,
       check_dob_matches_header<TableKind::PlacedAdoption>},
      {"INT13", Severity::Error, "Header,Missing", "DOB",
       "The child's date of birth in the missing/away-from-placement table is not the same as in "
       "the Header.",
       "Find the correct date of birth on the child's record and use it in both tables; if the "
       "child's ID is wrong on this row, correct the ID instead.",
       "SSDA903 guidance 2025/26, Header: DOB; Missing: DOB", 2023, 0,
       check_dob_matches_header<TableKind::Missing>},
      {"INT14", Severity::Error, "Header,OC2", "DOB",
       "The child's date of birth in the OC2 (outcomes) table is not the same as in the Header.",
       "Find the correct date of birth on the child's record and use it in both tables; if the "
       "child's ID is wrong on this row, correct the ID instead.",
       "SSDA903 guidance 2025/26, Header: DOB; OC2: DOB", 2023, 0,
       check_dob_matches_header<TableKind::Oc2>},
      {"INT15", Severity::Error, "Header,OC3", "DOB",
       "The child's date of birth in the OC3 (care leavers) table is not the same as in the "
       "Header.",
       "Find the correct date of birth on the child's record and use it in both tables; if the "
       "child's ID is wrong on this row, correct the ID instead.",
       "SSDA903 guidance 2025/26, Header: DOB; OC3: DOB", 2023, 0,
       check_dob_matches_header<TableKind::Oc3>},
      {"INT16", Severity::Error, "Header,PrevPerm", "DOB",
       "The child's date of birth in the previous permanence table is not the same as in the "
       "Header.",
       "Find the correct date of birth on the child's record and use it in both tables; if the "
       "child's ID is wrong on this row, correct the ID instead.",
       "SSDA903 guidance 2025/26, Header: DOB; PrevPerm: DOB", 2023, 0,
       check_dob_matches_header<TableKind::PrevPerm>},
      {"INT17", Severity::Error, "Header,Reviews", "DOB",
       "The child's date of birth in the reviews table is not the same as in the Header.",
       "Find the correct date of birth on the child's record and use it in both tables; if the "
       "child's ID is wrong on this row, correct the ID instead.",
       "SSDA903 guidance 2025/26, Header: DOB; Reviews: DOB", 2023, 0,
       check_dob_matches_header<TableKind::Reviews>},
      {"INT18", Severity::Error, "Header,UASC", "DOB",
       "The child's date of birth in the UASC table is not the same as in the Header.",
       "Find the correct date of birth on the child's record and use it in both tables; if the "
       "child's ID is wrong on this row, correct the ID instead.",
       "SSDA903 guidance 2025/26, Header: DOB; UASC: DOB", 2023, 0,
       check_dob_matches_header<TableKind::Uasc>},
      {"INT21", Severity::Error, "Header,UASC", "SEX",
       "The child's sex in the UASC table is not the same as in the Header.",
       "Check the child's record and use the same sex code in both tables; if the child's ID is "
       "wrong on this row, correct the ID instead.",
       "SSDA903 guidance 2025/26, Header: SEX; UASC: SEX", 2023, 0, check_INT21},
      {"INT31", Severity::Error, "AD1", "CHILD",
       "The child appears more than once in the adoption decisions table (AD1), which holds one "
       "row per child.",
       "Keep one row for the child with the correct details and delete the others; if two "
       "different children share an ID, give one of them their own ID.",
       "SSDA903 guidance 2025/26, AD1: one record per child", 2023, 0,
       check_child_once<TableKind::Ad1>},
      {"INT32", Severity::Error, "Header", "CHILD",
       "The child appears more than once in the Header, which holds one row per child.",
       "Keep one row for the child with the correct details and delete the others; if two "
       "different children share an ID, give one of them their own ID.",
       "SSDA903 guidance 2025/26, Header: one record per child", 2023, 0,
       check_child_once<TableKind::Header>},
      {"INT33", Severity::Error, "OC2", "CHILD",
       "The child appears more than once in the OC2 (outcomes) table, which holds one row per "
       "child.",
       "Keep one row for the child with the correct details and delete the others; if two "
       "different children share an ID, give one of them their own ID.",
       "SSDA903 guidance 2025/26, OC2: one record per child", 2023, 0,
       check_child_once<TableKind::Oc2>},
      {"INT34", Severity::Error, "OC3", "CHILD",
       "The child appears more than once in the OC3 (care leavers) table, which holds one row per "
       "child.",
       "Keep one row for the child with the correct details and delete the others; if two "
       "different children share an ID, give one of them their own ID.",
       "SSDA903 guidance 2025/26, OC3: one record per child", 2023, 0,
       check_child_once<TableKind::Oc3>},
      {"INT35", Severity::Error, "PrevPerm", "CHILD",
       "The child appears more than once in the previous permanence table, which holds one row per "
       "child.",
       "Keep one row for the child with the correct details and delete the others; if two "
       "different children share an ID, give one of them their own ID.",
       "SSDA903 guidance 2025/26, PrevPerm: one record per child", 2023, 0,
       check_child_once<TableKind::PrevPerm>},
      {"INT36", Severity::Error, "UASC", "CHILD",
       "The child appears more than once in the UASC table, which holds one row per child.",
       "Keep one row for the child with the correct details and delete the others; if two "
       "different children share an ID, give one of them their own ID.",
       "SSDA903 guidance 2025/26, UASC: one record per child", 2023, 0,
       check_child_once<TableKind::Uasc>},
      {"SW01aSTG1", Severity::Error, "SWEpisodes", "SW_DECOM,SW_ID",
       "This social worker episode has no valid start date, or it began before 1 April 2023 "
       "and has no social worker ID.",
       "Give the date the social worker was allocated (dd/mm/yyyy) and the social worker's ID "
       "(SW... , or XX... if the worker is not registered with Social Work England).",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_ID, SW_DECOM", 2025, 0,
       check_SW01aSTG1},
      {"SW01bSTG1", Severity::Error, "SWEpisodes", "SW_DECOM,SW_ID,SW_REASON",
       "This social worker episode has no valid start date, or it began on or after 1 April "
       "2023 and lacks the social worker ID or the reason for the change of worker.",
       "Give the date the social worker was allocated (dd/mm/yyyy), the social worker's ID and "
       "the reason the child's social worker changed, from the 903 list.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_ID, SW_DECOM, SW_REASON", 2025, 0,
       check_SW01bSTG1},
      {"SW02STG1", Severity::Error, "SWEpisodes", "SW_ID",
       "The social worker ID is missing or does not start with SW or XX.",
       "Use the worker's Social Work England registration number (it starts with SW); for a "
       "worker without one, use an ID starting with XX that your council assigns.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_ID", 2024, 0, check_SW02STG1},
      {"SW04STG1", Severity::Error, "SWEpisodes", "SW_DECOM",
       "The date this social worker episode began is not a valid date.",
       "Enter the start date as dd/mm/yyyy (for example 03/09/2025); if part of an old date is "
       "unknown, use ZZ for the day or month.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_DECOM", 2024, 0, check_SW04STG1},
      {"SW05STG1", Severity::Error, "SWEpisodes", "SW_DEC",
       "The date this social worker episode ended is not a valid date.",
       "Enter the end date as dd/mm/yyyy (for example 03/09/2025), or leave it blank if this "
       "social worker is still allocated.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_DEC", 2024, 0, check_SW05STG1},
      {"SW06STG2", Severity::Error, "SWEpisodes", "SW_DECOM",
       "This social worker episode begins after the end of the collection year (31 March).",
       "Check the start date: an allocation that begins after 31 March belongs in next year's "
       "return, so correct the date or remove the row.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_DECOM", 2024, 0, check_SW06STG2},
      {"SW07STG2", Severity::Error, "SWEpisodes", "SW_DEC",
       "This social worker episode ends outside the social worker reporting period (from 1 "
       "April of the previous year to 31 March of this one).",
       "Check the end date: correct it if mistyped, and leave it blank if the worker was still "
       "allocated on 31 March. Episodes that ended before the period need not be sent.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_DEC", 2024, 0, check_SW07STG2},
      {"SW08STG2", Severity::Error, "SWEpisodes", "SW_DEC",
       "A later social worker episode has started for this child, but this one has no end "
       "date.",
       "Enter the date this social worker's allocation ended (usually the day the next one "
       "began), or correct the start dates if the order is wrong.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_DEC", 2024, 0, check_SW08STG2},
      {"SW09STG2", Severity::Query, "SWEpisodes", "SW_DECOM,SW_DEC",
       "This social worker episode starts and ends on the same day, so lasted less than 24 "
       "hours.",
       "Check the dates on the child's record. If the allocation really lasted under a day, "
       "consider leaving it out; otherwise correct the start or end date.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_DECOM, SW_DEC", 2024, 0,
       check_SW09STG2},
      {"SW10STG2", Severity::Error, "SWEpisodes", "SW_DECOM",
       "This social worker episode does not start within 7 days of the end of the child's "
       "previous social worker episode (or one of those dates is missing).",
       "Check both episodes' dates: the next social worker should normally start when the "
       "previous one's allocation ends. If the gap is because of a change of worker for family "
       "contact reasons, use reason FCONTA.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_DECOM, SW_DEC, SW_REASON", 2024, 0,
       check_SW10STG2},
      {"SW11bSTG2", Severity::Error, "SWEpisodes", "SW_DEC",
       "This social worker episode ended in the last days before 31 March, but no later social "
       "worker episode for the child has been given.",
       "If a new social worker was allocated, add that episode with its start date; if the "
       "allocation did not end, leave the end date blank.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_DEC", 2024, 0, check_SW11bSTG2},
      {"SW12STG2", Severity::Error, "SWEpisodes,Episodes", "SW_DECOM",
       "This care episode starts care, ends care or is still open, and the child's social "
       "worker episodes do not fit it: there are none, or one began neither on or after the "
       "start of care nor on or before the end of care.",
       "Report every social worker episode for the reporting period, including those while "
       "the child was not looked after, and check their start dates against the care "
       "episode's start and end.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_DECOM; Episodes: DECOM, DEC", 2024, 0,
       check_SW12STG2},
      {"SW13STG1", Severity::Error, "SWEpisodes", "SW_REASON",
       "The reason for the change of social worker is not one of the 903 codes, or is missing "
       "for an episode that began on or after 1 April 2023.",
       "Choose the reason from the 903 list (MANAGE, FCONTA, LEFTRL, ORGRST, TSPROC, ABSENC, "
       "CHCHAN, PCCHAN, SWDIED, OTHERS).",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_REASON", 2024, 0, check_SW13STG1},
      {"SW17STG2", Severity::Error, "SWEpisodes", "SW_DEC,SW_DECOM",
       "The child's most recent social worker episode has an end date, so no social worker is "
       "shown as allocated on 31 March.",
       "Add the episode for the social worker who took over, or remove the end date if this "
       "worker was still allocated at 31 March.",
       "SSDA903 guidance 2025/26, Social worker episodes: SW_DEC", 2026, 0, check_SW17STG2},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
