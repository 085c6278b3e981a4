// 903 validation rules 184-205D: the children looked after for 12 months (the OC2 cohort) and
// what their rows must hold, and the dates of birth, adoption and status around them (see
// registry.hpp). Split from episodes_and_dates.cpp, registered right after it, so the findings'
// order is unchanged.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// 184: the date of the decision to place for adoption cannot be before the child's birth. As the
// DfE tool does, the DOB compared is the one on the PlacedAdoption row itself (the Header is only
// joined on), and a valid DATE_PLACED with a missing or unreadable DOB is reported too.
void check_184(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::PlacedAdoption);
  const Col placed = t.col("DATE_PLACED"), dob = t.col("DOB");
  for (std::size_t r = 0; r < t.size(); ++r) {
    OptDate p = t.date(r, placed), born = t.date(r, dob);
    if (p && !(born && *p >= *born)) out.add(t, r);
  }
}

// --- Children looked after for 12 months (OC2, OC3, AD1) -----------------------------------

// OC2 rows with `field` filled in for a child not looked after continuously for the year (185,
// 198).
void only_when_looked_after_12_months(const ReturnTables& ds, Hits& out, std::string_view field) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& t = *ds.get(TableKind::Oc2);
  const ClaCols cc(eps);
  const Col c = t.col(field);
  const Date start = ds.collection_start(), end = ds.collection_end();
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!t.missing(r, c) && !continuously_looked_after(eps, cc, t.child(r), start, end))
      out.add(t, r);
}

// 185: an SDQ score only for a child looked after continuously for 12 months.
void check_185(const ReturnTables& ds, Hits& out) {
  only_when_looked_after_12_months(ds, out, "SDQ_SCORE");
}

// 186: a child looked after for 12 months, 4 or over at the start of the year and under 17 at
// its end, needs an SDQ score or a reason for not having one.
void check_186(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& t = *ds.get(TableKind::Oc2);
  const ClaCols cc(eps);
  const Col dob = t.col("DOB"), score = t.col("SDQ_SCORE"), reason = t.col("SDQ_REASON");
  const Date start = ds.collection_start(), end = ds.collection_end();
  for (std::size_t r = 0; r < t.size(); ++r) {
    OptDate born = t.date(r, dob);
    OptDate four = plus_years(born, 4), seventeen = plus_years(born, 17);
    if (four && *four <= start && seventeen && *seventeen > end && t.missing(r, score) &&
        t.missing(r, reason) && continuously_looked_after(eps, cc, t.child(r), start, end))
      out.add(t, r);
  }
}

// 187: a child looked after for 12 months is not also a care leaver (OC3) or adopted (AD1) in
// this return, so those rows should be blank.
void check_187(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const ClaCols cc(eps);
  const Date start = ds.collection_start(), end = ds.collection_end();
  const Col touch = oc3.col("IN_TOUCH"), activ = oc3.col("ACTIV"), accom = oc3.col("ACCOM");
  for (std::size_t r = 0; r < oc3.size(); ++r)
    if (any_present(oc3, r, {touch, activ, accom}) &&
        continuously_looked_after(eps, cc, oc3.child(r), start, end))
      out.add(oc3, r);
  const Col date_int = ad1.col("DATE_INT"), date_match = ad1.col("DATE_MATCH"),
            foster = ad1.col("FOSTER_CARE"), nb = ad1.col("NB_ADOPTR"), sex = ad1.col("SEX_ADOPTR"),
            ls = ad1.col("LS_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (any_present(ad1, r, {date_int, date_match, foster, nb, sex, ls}) &&
        continuously_looked_after(eps, cc, ad1.child(r), start, end))
      out.add(ad1, r);
}

// 188: no SDQ score or reason for a child still under 4 at the end of the year.
void check_188(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col dob = t.col("DOB"), score = t.col("SDQ_SCORE"), reason = t.col("SDQ_REASON");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < t.size(); ++r) {
    OptDate four = plus_years(t.date(r, dob), 4);
    if (four && *four > end && any_present(t, r, {score, reason})) out.add(t, r);
  }
}

// 189: no SDQ score or reason for a child whose 17th birthday was before the year began.
void check_189(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col dob = t.col("DOB"), score = t.col("SDQ_SCORE"), reason = t.col("SDQ_REASON");
  const Date start = ds.collection_start();
  for (std::size_t r = 0; r < t.size(); ++r) {
    OptDate seventeen = plus_years(t.date(r, dob), 17);
    if (seventeen && *seventeen < start && any_present(t, r, {score, reason})) out.add(t, r);
  }
}

// 190: the OC2 outcome items are only for a child looked after continuously for 12 months.
void check_190(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& t = *ds.get(TableKind::Oc2);
  const ClaCols cc(eps);
  const Date start = ds.collection_start(), end = ds.collection_end();
  const Col a = t.col("CONVICTED"), b = t.col("HEALTH_CHECK"), c = t.col("IMMUNISATIONS"),
            d = t.col("TEETH_CHECK"), e = t.col("HEALTH_ASSESSMENT"), f = t.col("SUBSTANCE_MISUSE"),
            g = t.col("INTERVENTION_RECEIVED"), h = t.col("INTERVENTION_OFFERED");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (any_present(t, r, {a, b, c, d, e, f, g, h}) &&
        !continuously_looked_after(eps, cc, t.child(r), start, end))
      out.add(t, r);
}

// 191: a child looked after continuously for 12 months needs an OC2 row with immunisations,
// teeth check, health assessment and substance misuse completed. A child with no OC2 row at all
// is reported on their earliest episode (the first by DECOM; children whose start dates are all
// unreadable cannot be looked after continuously and are skipped).
void check_191(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& t = *ds.get(TableKind::Oc2);
  const ClaCols cc(eps);
  const Date start = ds.collection_start(), end = ds.collection_end();
  const Col imm = t.col("IMMUNISATIONS"), teeth = t.col("TEETH_CHECK"),
            assess = t.col("HEALTH_ASSESSMENT"), misuse = t.col("SUBSTANCE_MISUSE");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (any_missing(t, r, {imm, teeth, assess, misuse}) &&
        continuously_looked_after(eps, cc, t.child(r), start, end))
      out.add(t, r);
  for (const std::string& child : eps.children()) {
    if (child.empty() || t.has_child(child)) continue;
    std::optional<std::uint32_t> first;
    OptDate first_date;
    for (std::uint32_t r : eps.rows_of(child)) {
      OptDate d = eps.date(r, cc.decom);
      if (d && (!first_date || *d < *first_date)) first = r, first_date = d;
    }
    if (first && continuously_looked_after(eps, cc, child, start, end)) out.add(eps, *first);
  }
}

// 192: a child with a substance misuse problem needs the "intervention received" item.
void check_192(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col misuse = t.col("SUBSTANCE_MISUSE"), received = t.col("INTERVENTION_RECEIVED");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (t.text(r, misuse) == "1" && t.missing(r, received)) out.add(t, r);
}

// 193: without a substance misuse problem (0 or blank), the intervention items stay blank.
void check_193(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col misuse = t.col("SUBSTANCE_MISUSE"), received = t.col("INTERVENTION_RECEIVED"),
            offered = t.col("INTERVENTION_OFFERED");
  for (std::size_t r = 0; r < t.size(); ++r) {
    bool no_problem = t.missing(r, misuse) || t.text(r, misuse) == "0";
    if (no_problem && any_present(t, r, {received, offered})) out.add(t, r);
  }
}

void check_196(const ReturnTables& ds, Hits& out) {
  code_or_blank(ds, out, TableKind::Oc2, "SDQ_REASON", {"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"});
}

// 197B: a child looked after for 12 months who turned 4 or 17 during the year needs an SDQ score
// or a reason for not having one.
void check_197B(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& t = *ds.get(TableKind::Oc2);
  const ClaCols cc(eps);
  const Col dob = t.col("DOB"), score = t.col("SDQ_SCORE"), reason = t.col("SDQ_REASON");
  const Date start = ds.collection_start(), end = ds.collection_end();
  for (std::size_t r = 0; r < t.size(); ++r) {
    OptDate born = t.date(r, dob);
    bool turns =
        between(plus_years(born, 4), start, end) || between(plus_years(born, 17), start, end);
    if (turns && t.missing(r, score) && t.missing(r, reason) &&
        continuously_looked_after(eps, cc, t.child(r), start, end))
      out.add(t, r);
  }
}

// 197a: an SDQ score and a reason for no score cannot both be given.
void check_197a(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col score = t.col("SDQ_SCORE"), reason = t.col("SDQ_REASON");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!t.missing(r, score) && !t.missing(r, reason)) out.add(t, r);
}

// 198: a reason for no SDQ only for a child looked after continuously for 12 months.
void check_198(const ReturnTables& ds, Hits& out) {
  only_when_looked_after_12_months(ds, out, "SDQ_REASON");
}

// 199: after an episode that ended in adoption (REC E11/E12), in this year's or last year's
// episodes, the child should have no later episodes. Episodes are taken in DECOM order (this
// year's before last year's on the same date; rows without a valid DECOM are ignored); an
// episode is reported when an adoption came at or before it, unless it is itself the first
// adoption.
void check_199(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Table* before = ds.last(TableKind::Episodes);
  const Col decom = t.col("DECOM"), rec = t.col("REC");
  const Col decom_l = before ? before->col("DECOM") : Col{},
            rec_l = before ? before->col("REC") : Col{};
  struct Ep {
    Date decom;
    bool adopted;
    long row;  // this year's row, or -1 for last year's
  };
  std::vector<Ep> eps;
  for (const std::string& child : t.children()) {
    if (child.empty()) continue;
    eps.clear();
    for (std::uint32_t r : t.rows_of(child))
      if (auto d = t.date(r, decom)) eps.push_back({*d, in(t.text(r, rec), {"E11", "E12"}), r});
    if (eps.empty()) continue;
    if (before)
      for (std::uint32_t r : before->rows_of(child))
        if (auto d = before->date(r, decom_l))
          eps.push_back({*d, in(before->text(r, rec_l), {"E11", "E12"}), -1});
    std::stable_sort(eps.begin(), eps.end(),
                     [](const Ep& a, const Ep& b) { return a.decom < b.decom; });
    int adoptions = 0;
    for (const Ep& e : eps) {
      adoptions += e.adopted ? 1 : 0;
      if (e.row >= 0 && adoptions > 0 && !(e.adopted && adoptions == 1))
        out.add(t, static_cast<std::size_t>(e.row));
    }
  }
}

// --- Against last year's return -------------------------------------------------------------

// 202, 204: a Header field that must not change for a child in both years' returns (a blank in
// both years counts as the same).
void same_as_last_year(const ReturnTables& ds, Hits& out, std::string_view field) {
  const Table& t = *ds.get(TableKind::Header);
  const Table& before = *ds.last(TableKind::Header);
  const Col c = t.col(field), c_last = before.col(field);
  for (std::size_t r = 0; r < t.size(); ++r)
    for (std::uint32_t p : before.rows_of(t.child(r)))
      if (t.text(r, c) != before.text(p, c_last)) {
        out.add(t, r);
        break;
      }
}

void check_202(const ReturnTables& ds, Hits& out) {
  same_as_last_year(ds, out, "SEX");
}

// 203: the date of birth must match last year's; two unreadable dates count as the same.
void check_203(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Header);
  const Table& before = *ds.last(TableKind::Header);
  const Col dob = t.col("DOB"), dob_last = before.col("DOB");
  for (std::size_t r = 0; r < t.size(); ++r)
    for (std::uint32_t p : before.rows_of(t.child(r)))
      if (t.date(r, dob) != before.date(p, dob_last)) {
        out.add(t, r);
        break;
      }
}

void check_204(const ReturnTables& ds, Hits& out) {
  same_as_last_year(ds, out, "ETHNIC");
}

// --- UASC status across the two years (205A-205D) -------------------------------------------

// One year's UASC flag per child. It comes from the Header's UASC column when the Header was
// supplied; otherwise (CSV returns only) the DfE tool builds it from the UASC table itself: one
// row per UASC row, "1" when its SEX or DUC is filled in, else "0".
class UascFlags {
 public:
  UascFlags(const Table* header, const Table& uasc)
      : header_(header),
        uasc_(uasc),
        flag_(header ? header->col("UASC") : Col{}),
        sex_(uasc.col("SEX")),
        duc_(uasc.col("DUC")) {}
  bool from_header() const { return header_ != nullptr; }
  const Table& table() const { return header_ ? *header_ : uasc_; }
  std::span<const std::uint32_t> rows_of(std::string_view child) const {
    return table().rows_of(child);
  }
  std::string_view flag(std::uint32_t row) const {
    if (header_) return header_->text(row, flag_);
    return uasc_.missing(row, sex_) && uasc_.missing(row, duc_) ? "0" : "1";
  }

 private:
  const Table* header_;
  const Table& uasc_;
  Col flag_, sex_, duc_;
};

// Whether 205A-205C run: an XML return needs both years' Headers (the flags come from them); a
// CSV return without a Header uses flags built from that year's UASC table instead.
bool uasc_inputs(const ReturnTables& ds) {
  if (ds.file_format == "xml" && (!ds.get(TableKind::Header) || !ds.last(TableKind::Header)))
    return false;
  return true;
}

// Calls fn(header_row_or_-1, flag) for each of the child's flag rows, or once with (-1, "") when
// there are none (a left join that found nothing).
template <typename Fn>
void each_flag(const UascFlags& f, std::string_view child, Fn&& fn) {
  auto rows = f.rows_of(child);
  if (rows.empty()) {
    fn(-1L, std::string_view());
    return;
  }
  for (std::uint32_t r : rows) fn(static_cast<long>(r), f.flag(r));
}

// 205A: a child UASC last year but not this year must have had UASC end during last year, and
// should have no date UASC ceased this year.
void check_205A(const ReturnTables& ds, Hits& out) {
  if (!uasc_inputs(ds)) return;
  const Table& uasc = *ds.get(TableKind::Uasc);
  const Table& uasc_last = *ds.last(TableKind::Uasc);
  const UascFlags now(ds.get(TableKind::Header), uasc), then(ds.last(TableKind::Header), uasc_last);
  const Col duc = uasc.col("DUC"), duc_last = uasc_last.col("DUC");
  const Date start_last = make_date(ds.year.end_year - 2, 4, 1),
             end_last = make_date(ds.year.end_year - 1, 3, 31);
  for (std::size_t u = 0; u < uasc.size(); ++u) {
    std::string_view child = uasc.child(u);
    if (child.empty()) continue;  // a blank CHILD joins nothing (see 205D)
    bool duc_now = !uasc.missing(u, duc);
    for (std::uint32_t p : uasc_last.rows_of(child)) {
      bool ceased_last_year = between(uasc_last.date(p, duc_last), start_last, end_last);
      each_flag(then, child, [&](long, std::string_view flag_last) {
        if (flag_last != "1") return;
        each_flag(now, child, [&](long h, std::string_view flag) {
          if (flag == "1" || !(duc_now || !ceased_last_year)) return;
          out.add(uasc, u);
          if (now.from_header() && h >= 0) out.add(now.table(), static_cast<std::size_t>(h));
        });
      });
    }
  }
}

// 205B: a child UASC in both years: last year's date UASC ceased must be their 18th birthday,
// and this year's must fall in this year or repeat last year's.
void check_205B(const ReturnTables& ds, Hits& out) {
  if (!uasc_inputs(ds)) return;
  const Table& uasc = *ds.get(TableKind::Uasc);
  const Table& uasc_last = *ds.last(TableKind::Uasc);
  const UascFlags now(ds.get(TableKind::Header), uasc), then(ds.last(TableKind::Header), uasc_last);
  const Col duc = uasc.col("DUC"), duc_last = uasc_last.col("DUC"), dob_last = uasc_last.col("DOB");
  const Date start = ds.collection_start(), end = ds.collection_end();
  for (std::size_t u = 0; u < uasc.size(); ++u) {
    std::string_view child = uasc.child(u);
    if (child.empty()) continue;  // a blank CHILD joins nothing (see 205D)
    OptDate ceased = uasc.date(u, duc);
    bool ceased_this_year = between(ceased, start, end);
    for (std::uint32_t p : uasc_last.rows_of(child)) {
      OptDate ceased_before = uasc_last.date(p, duc_last);
      OptDate eighteen = plus_years(uasc_last.date(p, dob_last), 18);
      bool at_eighteen = ceased_before && eighteen && *ceased_before == *eighteen;
      bool repeated = ceased && ceased_before && *ceased == *ceased_before;
      if (at_eighteen && (ceased_this_year || repeated)) continue;
      each_flag(then, child, [&](long, std::string_view flag_last) {
        if (flag_last != "1") return;
        each_flag(now, child, [&](long h, std::string_view flag) {
          if (flag != "1") return;
          out.add(uasc, u);
          if (now.from_header() && h >= 0) out.add(now.table(), static_cast<std::size_t>(h));
        });
      });
    }
  }
}

// 205C: a child not UASC in either year ("0" or blank both years) has no date UASC ceased in
// either year's UASC table.
void check_205C(const ReturnTables& ds, Hits& out) {
  if (!uasc_inputs(ds)) return;
  const Table& uasc = *ds.get(TableKind::Uasc);
  const Table& uasc_last = *ds.last(TableKind::Uasc);
  const UascFlags now(ds.get(TableKind::Header), uasc), then(ds.last(TableKind::Header), uasc_last);
  const Col duc = uasc.col("DUC"), duc_last = uasc_last.col("DUC");
  auto not_uasc = [](std::string_view f) { return f.empty() || f == "0"; };
  for (std::size_t u = 0; u < uasc.size(); ++u) {
    std::string_view child = uasc.child(u);
    if (child.empty()) continue;  // a blank CHILD joins nothing (see 205D)
    bool duc_now = uasc.date(u, duc).has_value();
    auto last_rows = uasc_last.rows_of(child);
    // Each (last year's DUC, last year's flag) pair the joins produce; none when the child has
    // no UASC row last year (then last year's flag and DUC are both missing).
    auto check = [&](bool has_duc, std::string_view flag_last) {
      if (!has_duc || !not_uasc(flag_last)) return;
      each_flag(now, child, [&](long h, std::string_view flag) {
        if (!not_uasc(flag)) return;
        out.add(uasc, u);
        if (now.from_header() && h >= 0) out.add(now.table(), static_cast<std::size_t>(h));
      });
    };
    if (last_rows.empty()) {
      check(duc_now, {});
      continue;
    }
    for (std::uint32_t p : last_rows) {
      bool has_duc = duc_now || uasc_last.date(p, duc_last).has_value();
      each_flag(then, child, [&](long, std::string_view flag_last) { check(has_duc, flag_last); });
    }
  }
}

// 205D: a child UASC this year who is in last year's return must have been UASC there too.
void check_205D(const ReturnTables& ds, Hits& out) {
  const UascFlags now(ds.get(TableKind::Header), *ds.get(TableKind::Uasc));
  const UascFlags then(ds.last(TableKind::Header), *ds.last(TableKind::Uasc));
  const Table& t = now.table();
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (now.flag(static_cast<std::uint32_t>(r)) != "1") continue;
    // Deviation: the DfE tool's merge on CHILD pairs a blank CHILD with last year's blank CHILD
    // rows; a blank id names no child, so it is in no return (rule 101/102 report the blank).
    if (t.child(r).empty()) continue;
    for (std::uint32_t p : then.rows_of(t.child(r)))
      if (then.flag(p) != "1") {
        out.add(t, r);
        break;
      }
  }
}

}  // namespace

std::span<const Rule> oc2_cohort_and_dates() {
  static const std::vector<Rule> kRules = {
      {"184", Severity::Error, "Header,PlacedAdoption", "DATE_PLACED,DOB",
       "The date of the decision that the child should be placed for adoption is before the "
       "child's date of birth (or the date of birth on the row is missing).",
       "Check the date of the 'should be placed for adoption' decision and the child's date of "
       "birth on the placed-for-adoption record, and correct whichever is wrong.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED; Header: DOB", 2023, 0, check_184},
      {"185", Severity::Error, "Episodes,OC2", "SDQ_SCORE",
       "An SDQ score is given for a child who has not been looked after continuously for the "
       "12 months to 31 March.",
       "SDQ scores are only returned for children looked after for the whole year. Check the "
       "episodes (start dates, short breaks, breaks in care); if they are right, remove the score.",
       "SSDA903 guidance 2025/26, OC2: SDQ_SCORE (children looked after continuously for 12 "
       "months)",
       2023, 0, check_185},
      {"186", Severity::Error, "Episodes,OC2", "SDQ_SCORE",
       "The child has been looked after for the whole year, was 4 or over on 1 April and is "
       "still under 17 on 31 March, but has neither an SDQ score nor a reason for no score.",
       "Ask the carer to complete the Strengths and Difficulties Questionnaire and record the "
       "total score, or record why it was not done (SDQ1-SDQ5).",
       "SSDA903 guidance 2025/26, OC2: SDQ_SCORE, SDQ_REASON", 2023, 0, check_186},
      {"187", Severity::Error, "OC3,AD1,Episodes",
       "DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR,IN_TOUCH,ACTIV,ACCOM",
       "The child has been looked after continuously for the 12 months to 31 March, yet has "
       "care leaver (OC3) or adoption (AD1) details.",
       "A child still looked after all year has not left care or been adopted this year. Check "
       "the episodes; if they are right, remove the OC3 or AD1 details.",
       "SSDA903 guidance 2025/26, OC3 and AD1 (children who left care); OC2 cohort", 2023, 0,
       check_187},
      {"188", Severity::Error, "OC2", "SDQ_SCORE,SDQ_REASON",
       "The child is under 4 at 31 March, but an SDQ score or a reason for no score is given.",
       "The SDQ is only for children aged 4 to 16. Check the date of birth; if it is right, "
       "leave both SDQ fields blank.",
       "SSDA903 guidance 2025/26, OC2: SDQ_SCORE, SDQ_REASON", 2023, 0, check_188},
      {"189", Severity::Error, "OC2", "DOB,SDQ_SCORE,SDQ_REASON",
       "The child was already 17 before 1 April, but an SDQ score or a reason for no score is "
       "given.",
       "The SDQ is only for children aged 4 to 16. Check the date of birth; if it is right, "
       "leave both SDQ fields blank.",
       "SSDA903 guidance 2025/26, OC2: SDQ_SCORE, SDQ_REASON", 2023, 0, check_189},
      {"190", Severity::Error, "OC2,Episodes",
       "CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,"
       "INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
       "OC2 outcome items are filled in for a child who has not been looked after continuously "
       "for the 12 months to 31 March.",
       "These items are only for children looked after all year. Check the episodes (start "
       "dates, short breaks, breaks in care); if they are right, leave the OC2 items blank.",
       "SSDA903 guidance 2025/26, OC2: outcomes for children looked after for 12 months", 2023, 0,
       check_190},
      {"191", Severity::Error, "OC2,Episodes",
       "IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,CHILD",
       "The child has been looked after continuously for the 12 months to 31 March, but "
       "immunisations, teeth check, health assessment or substance misuse is blank (or the child "
       "has no OC2 record).",
       "Record each of immunisations, teeth check, health assessment and substance misuse as 0 "
       "or 1 for every child looked after all year; the health team or IRO will have these.",
       "SSDA903 guidance 2025/26, OC2: outcomes for children looked after for 12 months", 2023, 0,
       check_191},
      {"192", Severity::Error, "OC2", "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED",
       "The child has a substance misuse problem, but whether they received an intervention is "
       "blank.",
       "Record 1 if the child received an intervention for the problem during the year, or 0 "
       "if not.",
       "SSDA903 guidance 2025/26, OC2: SUBSTANCE_MISUSE, INTERVENTION_RECEIVED", 2023, 0,
       check_192},
      {"193", Severity::Error, "OC2", "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
       "Intervention details are given, but the child is not recorded as having a substance "
       "misuse problem.",
       "Check the substance misuse item. If the child had no problem (0 or blank), leave the "
       "intervention received and intervention offered items blank.",
       "SSDA903 guidance 2025/26, OC2: SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, "
       "INTERVENTION_OFFERED",
       2023, 0, check_193},
      {"196", Severity::Error, "OC2", "SDQ_REASON",
       "The reason for no SDQ score is not one of the codes SDQ1-SDQ5.",
       "Use the code from the 903 guidance that explains why there is no score (SDQ1 to SDQ5).",
       "SSDA903 guidance 2025/26, OC2: SDQ_REASON", 2023, 0, check_196},
      {"197B", Severity::Error, "OC2,Episodes", "SDQ_REASON,DOB",
       "The child turned 4 or 17 during the year and has been looked after all year, but has "
       "neither an SDQ score nor a reason for no score.",
       "Record the SDQ score if one was done while the child was 4 to 16, or the reason it was "
       "not (SDQ1-SDQ5).",
       "SSDA903 guidance 2025/26, OC2: SDQ_SCORE, SDQ_REASON", 2023, 0, check_197B},
      {"197a", Severity::Error, "OC2", "SDQ_SCORE,SDQ_REASON",
       "Both an SDQ score and a reason for no SDQ score are given.",
       "Keep the score if the questionnaire was done and remove the reason; keep the reason "
       "only if there is no score.",
       "SSDA903 guidance 2025/26, OC2: SDQ_SCORE, SDQ_REASON", 2023, 0, check_197a},
      {"198", Severity::Error, "Episodes,OC2", "SDQ_REASON",
       "A reason for no SDQ score is given for a child who has not been looked after "
       "continuously for the 12 months to 31 March.",
       "SDQ details are only for children looked after all year. Check the episodes; if they "
       "are right, leave the reason blank.",
       "SSDA903 guidance 2025/26, OC2: SDQ_REASON", 2023, 0, check_198},
      {"199", Severity::Error, "Episodes", "CHILD",
       "The child has an episode on or after an episode that ended in adoption (REC E11 or "
       "E12), in this year's or last year's return.",
       "An adopted child who returns to care gets a new child ID. Check the reasons episodes "
       "ended; if the child was adopted, record the new period of care under a new ID.",
       "SSDA903 guidance 2025/26, Episodes: REC (E11, E12); Adoption and Children Act 2002", 2023,
       0, check_199},
      {"202", Severity::Error, "Header,Header_last", "SEX",
       "The child's sex differs from the sex recorded in last year's return.",
       "Check the child's sex as recorded at birth against last year's return and correct the "
       "one that is wrong.",
       "SSDA903 guidance 2025/26, Header: SEX", 2023, 0, check_202},
      {"203", Severity::Error, "Header,Header_last", "DOB",
       "The child's date of birth differs from the one in last year's return.",
       "Check the birth certificate or case record and correct this year's date of birth, or "
       "let the DfE know if last year's was wrong.",
       "SSDA903 guidance 2025/26, Header: DOB", 2023, 0, check_203},
      {"204", Severity::Error, "Header,Header_last", "ETHNIC",
       "The child's ethnicity differs from the ethnicity in last year's return.",
       "Ethnicity is as the child or family describe it and rarely changes. Check with the "
       "child's record and correct the code, or confirm the change was the family's choice.",
       "SSDA903 guidance 2025/26, Header: ETHNIC", 2023, 0, check_204},
      {"205A", Severity::Error, "UASC,UASC_last", "CHILD,UASC",
       "The child was UASC last year and is not this year, but the dates UASC ceased do not "
       "show it ending during last year.",
       "Check last year's date UASC ceased (it should fall in last year) and remove any date "
       "UASC ceased given this year; or, if the child is still UASC, record that this year.",
       "SSDA903 guidance 2025/26, UASC: DUC; Header: UASC", 2023, 0, check_205A},
      {"205B", Severity::Error, "UASC,UASC_last", "DUC,UASC",
       "The child is UASC in both years, but the dates UASC ceased do not fit: last year's "
       "should be the 18th birthday and this year's should fall in this year or repeat it.",
       "Record the date UASC status ceased as the child's 18th birthday in both years' returns, "
       "unless status ended earlier during this year.",
       "SSDA903 guidance 2025/26, UASC: DUC; Header: UASC", 2023, 0, check_205B},
      {"205C", Severity::Error, "UASC,UASC_last", "DUC,UASC",
       "A date UASC ceased is given for a child who was not UASC this year or last year.",
       "Check whether the child was ever an unaccompanied asylum-seeking child. If so, record "
       "the UASC status; if not, remove the date UASC ceased.",
       "SSDA903 guidance 2025/26, UASC: DUC; Header: UASC", 2023, 0, check_205C},
      {"205D", Severity::Error, "UASC,UASC_last", "UASC,CHILD",
       "The child is UASC this year but was in last year's return without UASC status.",
       "Check this year's UASC status. If the child was already an unaccompanied asylum-seeking "
       "child last year, last year's return should have said so; ask the DfE how to correct it.",
       "SSDA903 guidance 2025/26, UASC: DUC; Header: UASC", 2023, 0, check_205D},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
