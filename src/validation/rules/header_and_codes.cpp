// 903 validation rules: header_and_codes (see registry.hpp for the codes in this group).
#include <array>
#include <chrono>
#include <initializer_list>
#include <string_view>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

using Codes = std::initializer_list<std::string_view>;

// --- Shared shapes -------------------------------------------------------------------------

// Every row whose `column` is not one of `codes`; with `blank_ok`, a blank cell is accepted.
void not_a_code(const Table& t, std::string_view column, Codes codes, bool blank_ok, Hits& out) {
  const Col c = t.col(column);
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (blank_ok && t.missing(r, c)) continue;
    if (!in(t.text(r, c), codes)) out.add(t, r);
  }
}

// Every row where `column` holds something that is not a dd/mm/yyyy date; with `blank_ok`, a
// blank cell is accepted.
void not_a_date(const Table& t, std::string_view column, bool blank_ok, Hits& out) {
  const Col c = t.col(column);
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (blank_ok && t.missing(r, c)) continue;
    if (!t.date(r, c)) out.add(t, r);
  }
}

// Every row where some, but not all, of `columns` are filled in.
template <std::size_t N>
void all_or_none(const Table& t, const std::array<std::string_view, N>& columns, Hits& out) {
  std::array<Col, N> cols;
  for (std::size_t i = 0; i < N; ++i) cols[i] = t.col(columns[i]);
  for (std::size_t r = 0; r < t.size(); ++r) {
    std::size_t given = 0;
    for (Col c : cols) given += t.missing(r, c) ? 0 : 1;
    if (given != 0 && given != N) out.add(t, r);
  }
}

// The DfE tool's "continuously looked after" flag for a child: some episode overlaps the
// collection year, and none shows the child entering care in the year (RNE S), leaving care in
// it (a DEC in the year, before 31 March, with a REC other than X1) or being in a short-break
// (V3/V4) episode that overlaps it. A blank CHILD is never continuously looked after.
class ContinuouslyLookedAfter {
 public:
  ContinuouslyLookedAfter(const ReturnTables& ds, const Table& eps)
      : eps_(eps),
        decom_(eps.col("DECOM")),
        dec_(eps.col("DEC")),
        rne_(eps.col("RNE")),
        rec_(eps.col("REC")),
        ls_(eps.col("LS")),
        start_(ds.collection_start()),
        end_(ds.collection_end()) {}

  bool operator()(std::string_view child) const {
    if (child.empty()) return false;
    bool during_any = false;
    for (std::uint32_t r : eps_.rows_of(child)) {
      const OptDate from = eps_.date(r, decom_), to = eps_.date(r, dec_);
      const bool during = from && *from <= end_ && (!to || *to >= start_);
      during_any = during_any || during;
      const bool enters = eps_.text(r, rne_) == "S" && from && *from > start_ && *from <= end_;
      const bool leaves = eps_.text(r, rec_) != "X1" && to && *to >= start_ && *to < end_;
      const bool short_breaks = in(eps_.text(r, ls_), {"V3", "V4"}) && during;
      if (enters || leaves || short_breaks) return false;
    }
    return during_any;
  }

 private:
  const Table& eps_;
  Col decom_, dec_, rne_, rec_, ls_;
  Date start_, end_;
};

// --- Header --------------------------------------------------------------------------------

// 101: SEX must be M, F or U (the codes since 2024/25); a blank is not accepted.
void check_101(const ReturnTables& ds, Hits& out) {
  not_a_code(*ds.get(TableKind::Header), "SEX", {"M", "F", "U"}, false, out);
}

// 102: DOB must be a real dd/mm/yyyy date; a blank is not accepted.
void check_102(const ReturnTables& ds, Hits& out) {
  not_a_date(*ds.get(TableKind::Header), "DOB", false, out);
}

// 103: ETHNIC must be one of the 903's ethnicity codes.
void check_103(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col ethnic = header.col("ETHNIC");
  for (std::size_t r = 0; r < header.size(); ++r)
    if (!in(header.text(r, ethnic),
            {"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
             "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"}))
      out.add(header, r);
}

// 104: a DUC that is given must be a date, and not before the collection year began.
void check_104(const ReturnTables& ds, Hits& out) {
  const Table& uasc = *ds.get(TableKind::Uasc);
  const Col duc = uasc.col("DUC");
  const Date start = ds.collection_start();
  for (std::size_t r = 0; r < uasc.size(); ++r) {
    if (uasc.missing(r, duc)) continue;
    const OptDate d = uasc.date(r, duc);
    if (!d || *d < start) out.add(uasc, r);
  }
}

// 105: in an XML return the Header's UASC flag must be 0 or 1 (numerically, so "1.0" counts).
// A CSV return has no such field (the flag is derived from the UASC file), so nothing is checked.
void check_105(const ReturnTables& ds, Hits& out) {
  if (ds.file_format != "xml") return;
  const Table& header = *ds.get(TableKind::Header);
  const Col uasc = header.col("UASC");
  for (std::size_t r = 0; r < header.size(); ++r) {
    const auto v = header.number(r, uasc);
    if (!v || (*v != 0.0 && *v != 1.0)) out.add(header, r);
  }
}

// --- Adoption (AD1) and "should be placed for adoption" -------------------------------------

// 112: a DATE_INT that is given must be a real date.
void check_112(const ReturnTables& ds, Hits& out) {
  not_a_date(*ds.get(TableKind::Ad1), "DATE_INT", true, out);
}

// 113: a DATE_MATCH that is given must be a real date.
void check_113(const ReturnTables& ds, Hits& out) {
  not_a_date(*ds.get(TableKind::Ad1), "DATE_MATCH", true, out);
}

// 114: FOSTER_CARE, when given, is 0 or 1.
void check_114(const ReturnTables& ds, Hits& out) {
  not_a_code(*ds.get(TableKind::Ad1), "FOSTER_CARE", {"0", "1"}, true, out);
}

// 115: a DATE_PLACED that is given must be a real date.
void check_115(const ReturnTables& ds, Hits& out) {
  not_a_date(*ds.get(TableKind::PlacedAdoption), "DATE_PLACED", true, out);
}

// 116: a DATE_PLACED_CEASED that is given must be a real date.
void check_116(const ReturnTables& ds, Hits& out) {
  not_a_date(*ds.get(TableKind::PlacedAdoption), "DATE_PLACED_CEASED", true, out);
}

// 117: the decision dates (DATE_PLACED, DATE_PLACED_CEASED) must not be after 31 March of the
// collection year, nor after the DEC of the child's latest episode (by DECOM, the first such
// row on a tie) among those with a valid DECOM and a REC other than X1. Both that episode and
// the placed-for-adoption row are reported.
void check_117(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), rec = eps.col("REC");
  const Col placed = pa.col("DATE_PLACED"), ceased = pa.col("DATE_PLACED_CEASED");
  const Date end = ds.collection_end();
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    auto pa_rows = pa.rows_of(child);
    if (pa_rows.empty()) continue;
    std::optional<std::uint32_t> latest;
    OptDate latest_start;
    for (std::uint32_t r : eps.rows_of(child)) {
      const OptDate d = eps.date(r, decom);
      if (!d || eps.text(r, rec) == "X1") continue;
      if (!latest_start || *d > *latest_start) latest = r, latest_start = d;
    }
    if (!latest) continue;
    const OptDate ended = eps.date(*latest, dec);
    auto too_late = [&](OptDate d) { return d && (*d > end || (ended && *d > *ended)); };
    for (std::uint32_t p : pa_rows) {
      if (too_late(pa.date(p, placed)) || too_late(pa.date(p, ceased))) {
        out.add(eps, *latest);
        out.add(pa, p);
      }
    }
  }
}

// 118: a DATE_PLACED_CEASED must not be before 1 April of the collection year, nor before the
// DECOM of the child's earliest episode (the first such row on a tie) with a legal status other
// than V3/V4. Both that episode and the placed-for-adoption row are reported.
void check_118(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col decom = eps.col("DECOM"), ls = eps.col("LS");
  const Col ceased = pa.col("DATE_PLACED_CEASED");
  const Date start = ds.collection_start();
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    auto pa_rows = pa.rows_of(child);
    if (pa_rows.empty()) continue;
    std::optional<std::uint32_t> earliest;
    OptDate earliest_start;
    for (std::uint32_t r : eps.rows_of(child)) {
      if (in(eps.text(r, ls), {"V3", "V4"})) continue;
      const OptDate d = eps.date(r, decom);
      if (d && (!earliest_start || *d < *earliest_start)) earliest = r, earliest_start = d;
    }
    if (!earliest) continue;
    for (std::uint32_t p : pa_rows) {
      const OptDate d = pa.date(p, ceased);
      if (d && (*d < *earliest_start || *d < start)) {
        out.add(eps, *earliest);
        out.add(pa, p);
      }
    }
  }
}

// 119: DATE_PLACED_CEASED and REASON_PLACED_CEASED are both given or both blank.
void check_119(const ReturnTables& ds, Hits& out) {
  all_or_none<2>(*ds.get(TableKind::PlacedAdoption), {"DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
                 out);
}

// 120: REASON_PLACED_CEASED, when given, is RD1-RD4.
void check_120(const ReturnTables& ds, Hits& out) {
  not_a_code(*ds.get(TableKind::PlacedAdoption), "REASON_PLACED_CEASED",
             {"RD1", "RD2", "RD3", "RD4"}, true, out);
}

// --- Care leavers (OC3) and AD1 ---------------------------------------------------------------

// 131: IN_TOUCH must be one of its codes; a blank is not accepted.
void check_131(const ReturnTables& ds, Hits& out) {
  not_a_code(*ds.get(TableKind::Oc3), "IN_TOUCH", {"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"},
             false, out);
}

// 132: ACTIV must be one of its codes (0 included); a blank is not accepted.
void check_132(const ReturnTables& ds, Hits& out) {
  not_a_code(*ds.get(TableKind::Oc3), "ACTIV",
             {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"}, false, out);
}

// 133: ACCOM must be one of its codes (0 included); a blank is not accepted.
void check_133(const ReturnTables& ds, Hits& out) {
  not_a_code(*ds.get(TableKind::Oc3), "ACCOM",
             {"B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1",
              "H2", "K1", "K2", "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1",
              "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0"},
             false, out);
}

// 134: a child with any care-leaver data (IN_TOUCH, ACTIV or ACCOM in one of their OC3 rows)
// should have no adoption data; the AD1 row with any adoption item is reported.
void check_134(const ReturnTables& ds, Hits& out) {
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col touch = oc3.col("IN_TOUCH"), activ = oc3.col("ACTIV"), accom = oc3.col("ACCOM");
  const std::array<Col, 6> adoption = {ad1.col("DATE_INT"),    ad1.col("DATE_MATCH"),
                                       ad1.col("FOSTER_CARE"), ad1.col("NB_ADOPTR"),
                                       ad1.col("SEX_ADOPTR"),  ad1.col("LS_ADOPTR")};
  for (std::size_t r = 0; r < ad1.size(); ++r) {
    bool any_adoption = false;
    for (Col c : adoption) any_adoption = any_adoption || !ad1.missing(r, c);
    if (!any_adoption) continue;
    for (std::uint32_t o : oc3.rows_of(ad1.child(r))) {
      if (!oc3.missing(o, touch) || !oc3.missing(o, activ) || !oc3.missing(o, accom)) {
        out.add(ad1, r);
        break;
      }
    }
  }
}

// --- Episodes ------------------------------------------------------------------------------

// 141: a DECOM that is given must be a real date.
void check_141(const ReturnTables& ds, Hits& out) {
  not_a_date(*ds.get(TableKind::Episodes), "DECOM", true, out);
}

// 142: every episode but a child's last must have ended: a DEC (a real date) and a REC. The last
// episode is the one with the latest DECOM (the later row on a tie), or, when some episode's
// DECOM is blank or not a date, the last such row. Episodes without a valid DECOM, and rows
// without a CHILD, are not reported.
void check_142(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), rec = eps.col("REC");
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    auto rows = eps.rows_of(child);
    std::optional<std::uint32_t> last_undated, last_dated;
    OptDate latest;
    for (std::uint32_t r : rows) {
      const OptDate d = eps.date(r, decom);
      if (!d)
        last_undated = r;
      else if (!latest || *d >= *latest)
        last_dated = r, latest = d;
    }
    const std::uint32_t last = last_undated ? *last_undated : *last_dated;
    for (std::uint32_t r : rows) {
      if (r == last || !eps.date(r, decom)) continue;
      if (!eps.date(r, dec) || eps.missing(r, rec)) out.add(eps, r);
    }
  }
}

// 143: RNE, when given, is S, P, L, T, U or B.
void check_143(const ReturnTables& ds, Hits& out) {
  not_a_code(*ds.get(TableKind::Episodes), "RNE", {"S", "P", "L", "T", "U", "B"}, true, out);
}

// 144: LS, when given, is one of the legal status codes.
void check_144(const ReturnTables& ds, Hits& out) {
  not_a_code(*ds.get(TableKind::Episodes), "LS",
             {"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"}, true,
             out);
}

// 145: CIN, when given, is N1-N8.
void check_145(const ReturnTables& ds, Hits& out) {
  not_a_code(*ds.get(TableKind::Episodes), "CIN", {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"},
             true, out);
}

// 146: PLACE, when given, is one of the 2025/26 placement codes (H5 withdrawn, Z11-Z14 added).
void check_146(const ReturnTables& ds, Hits& out) {
  not_a_code(
      *ds.get(TableKind::Episodes), "PLACE",
      {"A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2",  "R3",  "R5",  "S1", "T0",
       "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"},
      true, out);
}

// 147: a DEC that is given must be a real date.
void check_147(const ReturnTables& ds, Hits& out) {
  not_a_date(*ds.get(TableKind::Episodes), "DEC", true, out);
}

// 148: DEC and REC are both given or both blank.
void check_148(const ReturnTables& ds, Hits& out) {
  all_or_none<2>(*ds.get(TableKind::Episodes), {"DEC", "REC"}, out);
}

// 149: REC, when given, is one of the reasons an episode ends.
void check_149(const ReturnTables& ds, Hits& out) {
  not_a_code(*ds.get(TableKind::Episodes), "REC",
             {"E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47",
              "E48", "E5",  "E6", "E7", "E8",  "E9",  "E14", "E15", "E16", "E17", "X1"},
             true, out);
}

// 151: the six adoption items of an AD1 row are all given or all blank.
void check_151(const ReturnTables& ds, Hits& out) {
  all_or_none<6>(*ds.get(TableKind::Ad1),
                 {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"},
                 out);
}

// 153: the three care-leaver items of an OC3 row are all given or all blank.
void check_153(const ReturnTables& ds, Hits& out) {
  all_or_none<3>(*ds.get(TableKind::Oc3), {"IN_TOUCH", "ACTIV", "ACCOM"}, out);
}

// --- OC2 -----------------------------------------------------------------------------------

// 157: SDQ1 ("no score: the child is under 4 or over 16") is wrong for a child continuously
// looked after who was 4 or over on 1 April and is 16 or under on 31 March, when no SDQ score is
// given.
void check_157(const ReturnTables& ds, Hits& out) {
  const Table& oc2 = *ds.get(TableKind::Oc2);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col dob = oc2.col("DOB"), score = oc2.col("SDQ_SCORE"), reason = oc2.col("SDQ_REASON");
  const Date start = ds.collection_start(), end = ds.collection_end();
  const ContinuouslyLookedAfter looked_after(ds, eps);
  for (std::size_t r = 0; r < oc2.size(); ++r) {
    if (oc2.text(r, reason) != "SDQ1" || !oc2.missing(r, score)) continue;
    const OptDate born = oc2.date(r, dob);
    if (!born || plus_years(*born, 4) > start || plus_years(*born, 16) < end) continue;
    if (looked_after(oc2.child(r))) out.add(oc2, r);
  }
}

// 158: when INTERVENTION_RECEIVED is 1, INTERVENTION_OFFERED is left blank.
void check_158(const ReturnTables& ds, Hits& out) {
  const Table& oc2 = *ds.get(TableKind::Oc2);
  const Col received = oc2.col("INTERVENTION_RECEIVED"), offered = oc2.col("INTERVENTION_OFFERED");
  for (std::size_t r = 0; r < oc2.size(); ++r)
    if (oc2.text(r, received) == "1" && !oc2.missing(r, offered)) out.add(oc2, r);
}

// 159: a child with a substance misuse problem (1) who did not receive an intervention (0) must
// have INTERVENTION_OFFERED completed.
void check_159(const ReturnTables& ds, Hits& out) {
  const Table& oc2 = *ds.get(TableKind::Oc2);
  const Col misuse = oc2.col("SUBSTANCE_MISUSE"), received = oc2.col("INTERVENTION_RECEIVED"),
            offered = oc2.col("INTERVENTION_OFFERED");
  for (std::size_t r = 0; r < oc2.size(); ++r)
    if (oc2.text(r, misuse) == "1" && oc2.text(r, received) == "0" && oc2.missing(r, offered))
      out.add(oc2, r);
}

// --- Distance, mother status, reviews --------------------------------------------------------

// Whether a Header table carries the UASC flag the way the DfE tool sees it: always in an XML
// return, in a CSV one only when the UASC file was supplied (the flag is derived from it).
bool header_has_uasc(const ReturnTables& ds, const Table& header, const Table* uasc) {
  if (uasc || ds.file_format == "xml") return true;
  const Col flag = header.col("UASC");
  for (std::size_t r = 0; r < header.size(); ++r)
    if (!header.missing(r, flag)) return true;
  return false;
}

// Whether one year's data marks a child as UASC: the Header's flag when the Header was supplied,
// otherwise a UASC row with anything besides CHILD filled in.
class MarkedUasc {
 public:
  MarkedUasc(const Table* header, const Table* uasc) : header_(header), uasc_(uasc) {
    if (header_) flag_ = header_->col("UASC");
    if (uasc_) columns_ = static_cast<int>(uasc_->column_names().size());
  }

  bool operator()(std::string_view child) const {
    if (header_) {
      for (std::uint32_t r : header_->rows_of(child))
        if (header_->text(r, flag_) == "1") return true;
      return false;
    }
    if (!uasc_) return false;
    for (std::uint32_t r : uasc_->rows_of(child))
      for (int c = 1; c < columns_; ++c)  // column 0 is CHILD
        if (!uasc_->missing(r, Col{c})) return true;
    return false;
  }

 private:
  const Table* header_;
  const Table* uasc_;
  Col flag_;
  int columns_ = 0;
};

// 164: the placement distance worked out from HOME_POST and PL_POST must be 0.0-999.9 miles,
// except for children who are or were UASC (this year or last), whose home postcode is not
// recorded the same way. When neither year's data can say who is UASC, nothing is checked.
void check_164(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table *header = ds.get(TableKind::Header), *uasc = ds.get(TableKind::Uasc);
  const Table *header_last = ds.last(TableKind::Header), *uasc_last = ds.last(TableKind::Uasc);
  const bool knows_uasc =
      (header ? header_has_uasc(ds, *header, uasc) : uasc != nullptr) ||
      (header_last ? header_has_uasc(ds, *header_last, uasc_last) : uasc_last != nullptr);
  if (!knows_uasc) return;
  const MarkedUasc uasc_now(header, uasc), uasc_before(header_last, uasc_last);
  for (const std::string& child : eps.children()) {
    if (uasc_now(child) || uasc_before(child)) continue;
    for (std::uint32_t r : eps.rows_of(child)) {
      const auto miles = placement_distance(ds, eps, r);
      if (miles && (*miles < 0.0 || *miles > 999.9)) out.add(eps, r);
    }
  }
}

// 165: MOTHER, when given, is 0 or 1 and only for a girl; a girl looked after in the year (an
// episode other than V3/V4 overlapping it) must have it; and a girl not looked after in the year
// but with care-leaver data should not. Only children with an episode other than V3/V4 are
// looked at. The Header row and the child's OC3 rows are reported.
//
// Deviation: the DfE tool still compares SEX with the pre-2024/25 codes 1 (male) and 2 (female),
// so on 2025/26 data (M, F, U) its sex-based checks never fire. Hearth takes M or 1 as male and
// F or 2 as female, as the rule intends.
void check_165(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col mother = header.col("MOTHER"), sex = header.col("SEX");
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), ls = eps.col("LS");
  const Col touch = oc3.col("IN_TOUCH"), activ = oc3.col("ACTIV"), accom = oc3.col("ACCOM");
  const Date start = ds.collection_start(), end = ds.collection_end();
  for (const std::string& child : eps.children()) {
    bool counted = false, in_year = false;
    for (std::uint32_t r : eps.rows_of(child)) {
      if (in(eps.text(r, ls), {"V3", "V4"})) continue;
      counted = true;
      const OptDate from = eps.date(r, decom);
      const Date to = eps.date(r, dec).value_or(end);
      in_year = in_year || (to >= start && from && *from <= end);
    }
    if (!counted) continue;
    if (child.empty()) in_year = false;  // the DfE tool cannot group rows without a CHILD
    auto oc3_rows = oc3.rows_of(child);
    for (std::uint32_t h : header.rows_of(child)) {
      const bool has_mother = !header.missing(h, mother);
      const std::string_view s = header.text(h, sex);
      const bool male = s == "M" || s == "1", female = s == "F" || s == "2";
      const bool invalid = has_mother && !in(header.text(h, mother), {"0", "1"});
      const bool wrong = invalid || (has_mother && male) || (!has_mother && female && in_year);
      if (oc3_rows.empty()) {
        if (wrong) out.add(header, h);
        continue;
      }
      for (std::uint32_t o : oc3_rows) {
        const bool left_care_data =
            !oc3.missing(o, touch) || !oc3.missing(o, activ) || !oc3.missing(o, accom);
        if (wrong || (has_mother && female && !in_year && left_care_data)) {
          out.add(header, h);
          out.add(oc3, o);
        }
      }
    }
  }
}

// 166: every review has a REVIEW date that is a real date.
void check_166(const ReturnTables& ds, Hits& out) {
  not_a_date(*ds.get(TableKind::Reviews), "REVIEW", false, out);
}

}  // namespace

std::span<const Rule> header_and_codes() {
  static const std::vector<Rule> kRules = {
      {"101", Severity::Error, "Header", "SEX",
       "The child's sex is missing or is not one of the 903 codes (M, F or U).",
       "Record the child's sex as M (male), F (female) or U (not known or not stated). The old "
       "codes 1 and 2 are no longer accepted.",
       "SSDA903 guidance 2025/26, Header: SEX", 2023, 0, check_101},
      {"102", Severity::Error, "Header", "DOB",
       "The child's date of birth is missing or is not a real date.",
       "Enter the date of birth as dd/mm/yyyy, with a four-digit year, checking it against the "
       "child's record.",
       "SSDA903 guidance 2025/26, Header: DOB", 2023, 0, check_102},
      {"103", Severity::Error, "Header", "ETHNIC",
       "The child's ethnicity is missing or is not one of the 903 ethnicity codes.",
       "Record the ethnicity the child or family gives, using one of the 20 codes in the 903 "
       "guidance (REFU if they decline to say, NOBT if it is not yet known).",
       "SSDA903 guidance, Header: ETHNIC", 2023, 0, check_103},
      {"104", Severity::Error, "UASC", "DUC",
       "The date the child stopped being an unaccompanied asylum-seeking child is not a real "
       "date, or is before this collection year.",
       "Enter the date UASC status ended as dd/mm/yyyy. If it ended before 1 April of this "
       "year, the child should not be in this year's UASC file; remove the row or correct the "
       "date.",
       "SSDA903 guidance 2025/26, UASC: DUC", 2023, 0, check_104},
      {"105", Severity::Error, "Header", "UASC",
       "The child's UASC flag is missing or is not 0 or 1.",
       "In the XML return, give every child a UASC value: 1 if they have been an unaccompanied "
       "asylum-seeking child, 0 if not.",
       "SSDA903 guidance 2025/26, Header: UASC (XML)", 2023, 0, check_105},
      {"112", Severity::Error, "AD1", "DATE_INT",
       "The date of the decision that the child should be placed for adoption is not a real "
       "date.",
       "Enter the date of the agency decision (the 'should be placed for adoption' decision) as "
       "dd/mm/yyyy, or leave it blank if the child was not adopted this year.",
       "SSDA903 guidance 2025/26, Adoption (AD1): DATE_INT", 2023, 0, check_112},
      {"113", Severity::Error, "AD1", "DATE_MATCH",
       "The date the child was matched with the adopter(s) is not a real date.",
       "Enter the matching date as dd/mm/yyyy, or leave it blank if the child was not adopted "
       "this year.",
       "SSDA903 guidance 2025/26, Adoption (AD1): DATE_MATCH", 2023, 0, check_113},
      {"114", Severity::Error, "AD1", "FOSTER_CARE",
       "Whether the child was adopted by their former foster carer(s) is not 0 or 1.",
       "Record 1 if the adopters were the child's foster carers, 0 if not; leave it blank only "
       "if the child was not adopted this year.",
       "SSDA903 guidance 2025/26, Adoption (AD1): FOSTER_CARE", 2023, 0, check_114},
      {"115", Severity::Error, "PlacedAdoption", "DATE_PLACED",
       "The date of the decision that the child should be placed for adoption is not a real "
       "date.",
       "Enter the date the agency decided the child should be placed for adoption as "
       "dd/mm/yyyy.",
       "SSDA903 guidance 2025/26, Should be placed for adoption: DATE_PLACED", 2023, 0, check_115},
      {"116", Severity::Error, "PlacedAdoption", "DATE_PLACED_CEASED",
       "The date of the decision that the child should no longer be placed for adoption is not "
       "a real date.",
       "Enter the date the adoption plan was reversed as dd/mm/yyyy, or leave it blank if the "
       "plan still stands.",
       "SSDA903 guidance 2025/26, Should be placed for adoption: DATE_PLACED_CEASED", 2023, 0,
       check_116},
      {"117", Severity::Error, "Episodes,PlacedAdoption",
       "DATE_PLACED_CEASED,DATE_PLACED,DEC,REC,DECOM",
       "A decision that the child should, or should no longer, be placed for adoption is dated "
       "after the end of the collection year or after the child's last episode of care ended.",
       "Check the decision dates against the adoption panel record and the child's last "
       "episode: a decision cannot be after 31 March of this year, nor after the child stopped "
       "being looked after. Correct whichever date is wrong.",
       "SSDA903 guidance 2025/26, Should be placed for adoption: DATE_PLACED, "
       "DATE_PLACED_CEASED; Episodes: DEC",
       2023, 0, check_117},
      {"118", Severity::Error, "Episodes,PlacedAdoption", "DATE_PLACED_CEASED,DECOM,LS",
       "The decision that the child should no longer be placed for adoption is dated before "
       "this collection year, or before the child first became looked after.",
       "A reversal recorded this year must be dated on or after 1 April and after the start of "
       "the child's first episode (other than short breaks, V3/V4). Correct the date, or remove "
       "a reversal that belongs to an earlier year.",
       "SSDA903 guidance 2025/26, Should be placed for adoption: DATE_PLACED_CEASED", 2023, 0,
       check_118},
      {"119", Severity::Error, "PlacedAdoption", "REASON_PLACED_CEASED,DATE_PLACED_CEASED",
       "Only one of the date and the reason for reversing the adoption decision is given.",
       "When the decision that the child should be placed for adoption is reversed, record both "
       "the date and the reason (RD1-RD4); if it has not been reversed, leave both blank.",
       "SSDA903 guidance 2025/26, Should be placed for adoption: DATE_PLACED_CEASED, "
       "REASON_PLACED_CEASED",
       2023, 0, check_119},
      {"120", Severity::Error, "PlacedAdoption", "REASON_PLACED_CEASED",
       "The reason the adoption decision was reversed is not one of the codes RD1-RD4.",
       "Use RD1-RD4 as set out in the 903 guidance, or leave it blank if the decision has not "
       "been reversed.",
       "SSDA903 guidance 2025/26, Should be placed for adoption: REASON_PLACED_CEASED", 2023, 0,
       check_120},
      {"131", Severity::Error, "OC3", "IN_TOUCH",
       "Whether the council is in touch with the care leaver is missing or not a valid code.",
       "Record YES, NO, DIED, REFU, NREQ or RHOM for every care leaver in the OC3 file.",
       "SSDA903 guidance 2025/26, Care leavers (OC3): IN_TOUCH", 2023, 0, check_131},
      {"132", Severity::Error, "OC3", "ACTIV",
       "The care leaver's main activity is missing or not a valid code.",
       "Record the activity around the young person's birthday with one of the 903 codes (F1-F5, "
       "P1-P5, G4-G6), or 0 when there is no information because of their IN_TOUCH status.",
       "SSDA903 guidance 2025/26, Care leavers (OC3): ACTIV", 2023, 0, check_132},
      {"133", Severity::Error, "OC3", "ACCOM",
       "The care leaver's accommodation is missing or not a valid code.",
       "Record the accommodation type and suitability with one of the 903 codes (e.g. B1, Z2), "
       "or 0 when there is no information because of their IN_TOUCH status.",
       "SSDA903 guidance 2025/26, Care leavers (OC3): ACCOM", 2023, 0, check_133},
      {"134", Severity::Error, "OC3,AD1",
       "IN_TOUCH,ACTIV,ACCOM,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR",
       "The child has both care-leaver (OC3) data and adoption (AD1) data.",
       "A care leaver cannot also have been adopted from care this year. Check which applies "
       "and remove the data that does not belong to this child.",
       "SSDA903 guidance 2025/26, Adoption (AD1); Care leavers (OC3)", 2023, 0, check_134},
      {"141", Severity::Error, "Episodes", "DECOM",
       "The date the episode began is not a real date.",
       "Enter the episode's start date as dd/mm/yyyy, with a four-digit year.",
       "SSDA903 guidance 2025/26, Episodes: DECOM", 2023, 0, check_141},
      {"142", Severity::Error, "Episodes", "DEC,REC",
       "A later episode has started but this one has no end date or no reason for ending.",
       "Every episode except the child's latest must be closed: give it the date it ended "
       "(normally the day the next one began) and a reason (X1 when care continues).",
       "SSDA903 guidance 2025/26, Episodes: DEC, REC", 2023, 0, check_142},
      {"143", Severity::Error, "Episodes", "RNE",
       "The reason for the new episode is not a valid code.",
       "Use S, P, L, T, U or B as set out in the 903 guidance.",
       "SSDA903 guidance 2025/26, Episodes: RNE", 2023, 0, check_143},
      {"144", Severity::Error, "Episodes", "LS", "The legal status is not a valid code.",
       "Use one of the 903 legal status codes (for example C2 for a care order, V2 for "
       "section 20 accommodation).",
       "SSDA903 guidance 2025/26, Episodes: LS", 2023, 0, check_144},
      {"145", Severity::Error, "Episodes", "CIN", "The category of need is not a valid code.",
       "Use N1-N8 for the child's main category of need.",
       "SSDA903 guidance 2025/26, Episodes: CIN", 2023, 0, check_145},
      {"146", Severity::Error, "Episodes", "PLACE",
       "The placement type is not one of the 2025/26 placement codes.",
       "Use a current placement code from the 903 guidance. H5 is no longer used; supported "
       "accommodation is now recorded with the Z11-Z14 codes.",
       "SSDA903 guidance 2025/26, Episodes: PLACE", 2023, 0, check_146},
      {"147", Severity::Error, "Episodes", "DEC", "The date the episode ended is not a real date.",
       "Enter the episode's end date as dd/mm/yyyy, or leave it blank if the episode is still "
       "open.",
       "SSDA903 guidance 2025/26, Episodes: DEC", 2023, 0, check_147},
      {"148", Severity::Error, "Episodes", "DEC,REC",
       "Only one of the episode's end date and reason for ending is given.",
       "An episode that has ended needs both its end date and its reason; an open episode has "
       "neither.",
       "SSDA903 guidance 2025/26, Episodes: DEC, REC", 2023, 0, check_148},
      {"149", Severity::Error, "Episodes", "REC",
       "The reason the episode ended is not a valid code.",
       "Use one of the 903 reason-episode-ceased codes (for example X1 for a change within "
       "care, E11 or E12 for adoption).",
       "SSDA903 guidance 2025/26, Episodes: REC", 2023, 0, check_149},
      {"151", Severity::Error, "AD1",
       "DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR",
       "Some of the child's adoption details are filled in and others are blank.",
       "For a child adopted this year complete all six adoption items; otherwise leave them all "
       "blank.",
       "SSDA903 guidance 2025/26, Adoption (AD1)", 2023, 0, check_151},
      {"153", Severity::Error, "OC3", "IN_TOUCH,ACTIV,ACCOM",
       "Some of the care leaver's details (in touch, activity, accommodation) are filled in and "
       "others are blank.",
       "Complete all three items for the care leaver, or leave all three blank.",
       "SSDA903 guidance 2025/26, Care leavers (OC3)", 2023, 0, check_153},
      {"157", Severity::Error, "OC2,Episodes", "SDQ_REASON,DOB",
       "SDQ1 (the child is outside the SDQ age range) is given as the reason for no SDQ score, "
       "but the child was aged 4-16 throughout the year.",
       "A child aged 4 to 16 should have an SDQ score. Record the score, or give the reason it "
       "was not done (SDQ2-SDQ5) instead of SDQ1.",
       "SSDA903 guidance 2025/26, Children looked after continuously for 12 months (OC2): "
       "SDQ_SCORE, SDQ_REASON",
       2023, 0, check_157},
      {"158", Severity::Error, "OC2", "INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
       "The child received an intervention for substance misuse, so whether one was offered "
       "should be blank.",
       "Leave INTERVENTION_OFFERED blank when INTERVENTION_RECEIVED is 1.",
       "SSDA903 guidance 2025/26, Children looked after continuously for 12 months (OC2): "
       "INTERVENTION_OFFERED",
       2023, 0, check_158},
      {"159", Severity::Error, "OC2", "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
       "The child has a substance misuse problem and did not receive an intervention, but "
       "whether one was offered is blank.",
       "Record whether an intervention was offered and refused (1) or not offered (0).",
       "SSDA903 guidance 2025/26, Children looked after continuously for 12 months (OC2): "
       "INTERVENTION_OFFERED",
       2023, 0, check_159},
      {"164", Severity::Query, "Episodes", "PL_DISTANCE",
       "The distance between the child's home and the placement is outside 0-999.9 miles.",
       "Please check HOME_POST and PL_POST are real postcodes. A child who is or was UASC but "
       "is not marked as such in the data will also be caught by this check.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST, PL_POST (PL_DISTANCE derived)", 2023, 0,
       check_164, "postcodes"},
      {"165", Severity::Error, "Header,Episodes,OC3", "MOTHER,SEX,ACTIV,ACCOM,IN_TOUCH,DECOM",
       "The child's mother status is not valid: not 0 or 1, given for a boy, missing for a girl "
       "looked after this year, or given for a care leaver not looked after this year.",
       "Record MOTHER as 1 or 0 for every girl looked after in the year, and leave it blank for "
       "boys and for young people reported only as care leavers.",
       "SSDA903 guidance 2025/26, Header: MOTHER", 2023, 0, check_165},
      {"166", Severity::Error, "Reviews", "REVIEW",
       "The date of the review is missing or is not a real date.",
       "Enter the date of each review as dd/mm/yyyy, or remove a review row with no date.",
       "SSDA903 guidance 2025/26, Reviews: REVIEW", 2023, 0, check_166},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
