// 903 validation rules: episodes_and_dates (see registry.hpp for the codes in this group).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// --- Shared helpers -------------------------------------------------------------------------

bool between(const OptDate& d, Date from, Date to) {
  return d && *d >= from && *d <= to;
}

// `d` moved by `n` calendar years the way the DfE tool does it (pandas DateOffset): 29 February
// becomes 28 February in a year that is not a leap year.
OptDate plus_years(const OptDate& d, int n) {
  if (!d) return std::nullopt;
  std::chrono::year_month_day ymd{*d};
  std::chrono::year y = ymd.year() + std::chrono::years{n};
  std::chrono::day day = ymd.day();
  if (ymd.month() == std::chrono::February && day == std::chrono::day{29} && !y.is_leap())
    day = std::chrono::day{28};
  return Date{std::chrono::year_month_day{y, ymd.month(), day}};
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
bool continuously_looked_after(const Table& eps, const ClaCols& c, std::string_view child,
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

bool any_present(const Table& t, std::size_t r, std::initializer_list<Col> cols) {
  for (Col c : cols)
    if (!t.missing(r, c)) return true;
  return false;
}

bool any_missing(const Table& t, std::size_t r, std::initializer_list<Col> cols) {
  for (Col c : cols)
    if (t.missing(r, c)) return true;
  return false;
}

// --- Codes, formats and derived fields ------------------------------------------------------

// 167: a review with a date needs a participation code PN0-PN7; a row with no review date must
// have no code either.
void check_167(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Reviews);
  const Col review = t.col("REVIEW"), code = t.col("REVIEW_CODE");
  for (std::size_t r = 0; r < t.size(); ++r) {
    bool ok = t.missing(r, review)
                  ? t.missing(r, code)
                  : in(t.text(r, code), {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"});
    if (!ok) out.add(t, r);
  }
}

// 168: a UPN is a letter (not I, O or S) then 12 digits, or 11 digits and a letter; unknown UPNs
// are UN1-UN5. A blank UPN is left to other rules.
bool valid_upn(std::string_view v) {
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  auto letter = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
  if (v.size() == 3 && v.substr(0, 2) == "UN" && v[2] >= '1' && v[2] <= '5') return true;
  if (v.size() != 13 || !letter(v[0]) || v[0] == 'I' || v[0] == 'O' || v[0] == 'S') return false;
  for (std::size_t i = 1; i < 12; ++i)
    if (!digit(v[i])) return false;
  return digit(v[12]) || letter(v[12]);
}

void check_168(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Header);
  const Col upn = t.col("UPN");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!t.missing(r, upn) && !valid_upn(t.text(r, upn))) out.add(t, r);
}

// 169: outside short breaks, the placement postcode must give a local authority of placement.
void check_169(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col ls = t.col("LS");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!in(t.text(r, ls), {"V3", "V4"}) && !placement_la(ds, t, r)) out.add(t, r);
}

// 171: the mother's child's date of birth, when given, must be a real dd/mm/yyyy date.
void check_171(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Header);
  const Col mc_dob = t.col("MC_DOB");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!t.missing(r, mc_dob) && !t.date(r, mc_dob)) out.add(t, r);
}

// 174: a child recorded as male cannot have a date of birth for a child of their own (MC_DOB).
void check_174(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Header);
  const Col sex = t.col("SEX"), mc_dob = t.col("MC_DOB");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (t.text(r, sex) == "M" && !t.missing(r, mc_dob)) out.add(t, r);
}

// 175-177, 196: a code field that is either blank or one of a fixed list.
void code_or_blank(const Dataset& ds, Hits& out, TableKind kind, std::string_view field,
                   std::initializer_list<std::string_view> codes) {
  const Table& t = *ds.get(kind);
  const Col c = t.col(field);
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!t.missing(r, c) && !in(t.text(r, c), codes)) out.add(t, r);
}

void check_175(const Dataset& ds, Hits& out) {
  code_or_blank(ds, out, TableKind::Ad1, "NB_ADOPTR", {"1", "2"});
}

void check_176(const Dataset& ds, Hits& out) {
  code_or_blank(ds, out, TableKind::Ad1, "SEX_ADOPTR", {"M1", "F1", "MM", "FF", "MF"});
}

void check_177(const Dataset& ds, Hits& out) {
  code_or_blank(ds, out, TableKind::Ad1, "LS_ADOPTR", {"L0", "L11", "L12", "L2", "L3", "L4"});
}

// 178: a placement provider code, when given, must be PR0-PR5 and must not be given for
// placements that have no provider (T0-T3, Z11-Z14).
void check_178(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col provider = t.col("PLACE_PROVIDER"), place = t.col("PLACE");
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.missing(r, provider)) continue;
    bool known = in(t.text(r, provider), {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"});
    bool no_provider = in(t.text(r, place), {"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"});
    if (!known || no_provider) out.add(t, r);
  }
}

// 179: outside short breaks, the placement postcode must show whether the placement is inside
// or outside the council's area.
void check_179(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col ls = t.col("LS");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!in(t.text(r, ls), {"V3", "V4"}) && !placement_location(ds, t, r)) out.add(t, r);
}

// 180: an SDQ score, when given, is a whole number from 0 to 40.
void check_180(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col score = t.col("SDQ_SCORE");
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.missing(r, score)) continue;
    auto v = t.number(r, score);
    bool ok = v && *v >= 0 && *v <= 40 && *v == static_cast<double>(static_cast<long>(*v));
    if (!ok) out.add(t, r);
  }
}

// 181: each OC2 yes/no item, when given, is 0 or 1.
void check_181(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col cols[] = {t.col("CONVICTED"),
                      t.col("HEALTH_CHECK"),
                      t.col("IMMUNISATIONS"),
                      t.col("TEETH_CHECK"),
                      t.col("HEALTH_ASSESSMENT"),
                      t.col("SUBSTANCE_MISUSE"),
                      t.col("INTERVENTION_RECEIVED"),
                      t.col("INTERVENTION_OFFERED")};
  for (std::size_t r = 0; r < t.size(); ++r)
    for (Col c : cols)
      if (!t.missing(r, c) && !in(t.text(r, c), {"0", "1"})) {
        out.add(t, r);
        break;
      }
}

// 182: once any of conviction, health check or the intervention items is filled in, the
// immunisations, teeth check, health assessment and substance misuse items must all be too.
void check_182(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col imm = t.col("IMMUNISATIONS"), teeth = t.col("TEETH_CHECK"),
            assess = t.col("HEALTH_ASSESSMENT"), misuse = t.col("SUBSTANCE_MISUSE"),
            convicted = t.col("CONVICTED"), check = t.col("HEALTH_CHECK"),
            received = t.col("INTERVENTION_RECEIVED"), offered = t.col("INTERVENTION_OFFERED");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (any_missing(t, r, {imm, teeth, assess, misuse}) &&
        any_present(t, r, {convicted, check, received, offered}))
      out.add(t, r);
}

// 184: the date of the decision to place for adoption cannot be before the child's birth. As the
// DfE tool does, the DOB compared is the one on the PlacedAdoption row itself (the Header is only
// joined on), and a valid DATE_PLACED with a missing or unreadable DOB is reported too.
void check_184(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::PlacedAdoption);
  const Col placed = t.col("DATE_PLACED"), dob = t.col("DOB");
  for (std::size_t r = 0; r < t.size(); ++r) {
    OptDate p = t.date(r, placed), born = t.date(r, dob);
    if (p && !(born && *p >= *born)) out.add(t, r);
  }
}

// --- Children looked after for 12 months (OC2, OC3, AD1) -----------------------------------

// 185: an SDQ score only for a child looked after continuously for 12 months.
void check_185(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& t = *ds.get(TableKind::Oc2);
  const ClaCols cc(eps);
  const Col score = t.col("SDQ_SCORE");
  const Date start = ds.collection_start(), end = ds.collection_end();
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!t.missing(r, score) && !continuously_looked_after(eps, cc, t.child(r), start, end))
      out.add(t, r);
}

// 186: a child looked after for 12 months, 4 or over at the start of the year and under 17 at
// its end, needs an SDQ score or a reason for not having one.
void check_186(const Dataset& ds, Hits& out) {
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
void check_187(const Dataset& ds, Hits& out) {
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
void check_188(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col dob = t.col("DOB"), score = t.col("SDQ_SCORE"), reason = t.col("SDQ_REASON");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < t.size(); ++r) {
    OptDate four = plus_years(t.date(r, dob), 4);
    if (four && *four > end && any_present(t, r, {score, reason})) out.add(t, r);
  }
}

// 189: no SDQ score or reason for a child whose 17th birthday was before the year began.
void check_189(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col dob = t.col("DOB"), score = t.col("SDQ_SCORE"), reason = t.col("SDQ_REASON");
  const Date start = ds.collection_start();
  for (std::size_t r = 0; r < t.size(); ++r) {
    OptDate seventeen = plus_years(t.date(r, dob), 17);
    if (seventeen && *seventeen < start && any_present(t, r, {score, reason})) out.add(t, r);
  }
}

// 190: the OC2 outcome items are only for a child looked after continuously for 12 months.
void check_190(const Dataset& ds, Hits& out) {
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
void check_191(const Dataset& ds, Hits& out) {
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
void check_192(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col misuse = t.col("SUBSTANCE_MISUSE"), received = t.col("INTERVENTION_RECEIVED");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (t.text(r, misuse) == "1" && t.missing(r, received)) out.add(t, r);
}

// 193: without a substance misuse problem (0 or blank), the intervention items stay blank.
void check_193(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col misuse = t.col("SUBSTANCE_MISUSE"), received = t.col("INTERVENTION_RECEIVED"),
            offered = t.col("INTERVENTION_OFFERED");
  for (std::size_t r = 0; r < t.size(); ++r) {
    bool no_problem = t.missing(r, misuse) || t.text(r, misuse) == "0";
    if (no_problem && any_present(t, r, {received, offered})) out.add(t, r);
  }
}

void check_196(const Dataset& ds, Hits& out) {
  code_or_blank(ds, out, TableKind::Oc2, "SDQ_REASON", {"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"});
}

// 197B: a child looked after for 12 months who turned 4 or 17 during the year needs an SDQ score
// or a reason for not having one.
void check_197B(const Dataset& ds, Hits& out) {
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
void check_197a(const Dataset& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col score = t.col("SDQ_SCORE"), reason = t.col("SDQ_REASON");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!t.missing(r, score) && !t.missing(r, reason)) out.add(t, r);
}

// 198: a reason for no SDQ only for a child looked after continuously for 12 months.
void check_198(const Dataset& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& t = *ds.get(TableKind::Oc2);
  const ClaCols cc(eps);
  const Col reason = t.col("SDQ_REASON");
  const Date start = ds.collection_start(), end = ds.collection_end();
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!t.missing(r, reason) && !continuously_looked_after(eps, cc, t.child(r), start, end))
      out.add(t, r);
}

// 199: after an episode that ended in adoption (REC E11/E12), in this year's or last year's
// episodes, the child should have no later episodes. Episodes are taken in DECOM order (this
// year's before last year's on the same date; rows without a valid DECOM are ignored); an
// episode is reported when an adoption came at or before it, unless it is itself the first
// adoption.
void check_199(const Dataset& ds, Hits& out) {
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
void same_as_last_year(const Dataset& ds, Hits& out, std::string_view field) {
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

void check_202(const Dataset& ds, Hits& out) {
  same_as_last_year(ds, out, "SEX");
}

// 203: the date of birth must match last year's; two unreadable dates count as the same.
void check_203(const Dataset& ds, Hits& out) {
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

void check_204(const Dataset& ds, Hits& out) {
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
bool uasc_inputs(const Dataset& ds) {
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
void check_205A(const Dataset& ds, Hits& out) {
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
void check_205B(const Dataset& ds, Hits& out) {
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
void check_205C(const Dataset& ds, Hits& out) {
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
void check_205D(const Dataset& ds, Hits& out) {
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

std::span<const Rule> episodes_and_dates() {
  static const std::vector<Rule> kRules = {
      {"167", Severity::Error, "Reviews", "REVIEW_CODE",
       "The review's participation code is missing or is not one of PN0-PN7, or a code is given "
       "on a row with no review date.",
       "For each review record how the child took part, using a code PN0 to PN7 from the 903 "
       "guidance (PN0 for a child under 4). Leave the code blank only when there is no review.",
       "SSDA903 guidance 2025/26, Reviews: REVIEW, REVIEW_CODE", 2023, 0, check_167},
      {"168", Severity::Error, "Header", "UPN",
       "The UPN is not in the format of a Unique Pupil Number, nor one of the codes for an "
       "unknown UPN (UN1-UN5).",
       "A UPN is 13 characters: a letter (not I, O or S), 11 digits, then a digit or a letter. "
       "Copy it from the school's records; if it is not known, use the UN1-UN5 code that says why.",
       "SSDA903 guidance 2025/26, Header: UPN; DfE Common Basic Data Set (UPN)", 2023, 0,
       check_168},
      {"169", Severity::Error, "Episodes", "PL_LA",
       "The local authority of the placement cannot be worked out: the placement postcode is "
       "missing or is not a known postcode.",
       "Enter the full postcode of the placement address (not needed for short breaks, LS V3/V4). "
       "Check it against the address; a postcode that has been retired may need updating.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST (placement local authority)", 2023, 0,
       check_169, "postcodes"},
      {"171", Severity::Error, "Header", "MC_DOB",
       "The date of birth of the mother's child is not a real date in dd/mm/yyyy form.",
       "Correct the date of birth of the young person's child in the case record, written "
       "day/month/year with a four-digit year, or leave it blank if she has no child.",
       "SSDA903 guidance 2025/26, Header: MOTHER, MC_DOB", 2023, 0, check_171},
      {"174", Severity::Error, "Header", "SEX,MC_DOB",
       "A date of birth for the young person's own child is recorded, but the young person is "
       "recorded as male.",
       "MC_DOB is only for a young woman who is a mother. Check the child's sex and, if it is "
       "right, remove the mother's child date of birth.",
       "SSDA903 guidance 2025/26, Header: SEX, MOTHER, MC_DOB", 2023, 0, check_174},
      {"175", Severity::Error, "AD1", "NB_ADOPTR", "The number of adopters is not 1 or 2.",
       "Record 1 for a single adopter or 2 for a couple adopting together.",
       "SSDA903 guidance 2025/26, AD1: NB_ADOPTR", 2023, 0, check_175},
      {"176", Severity::Error, "AD1", "SEX_ADOPTR",
       "The sex of the adopter(s) is not one of the 903 codes.",
       "Use M1 or F1 for a single adopter, or MM, FF or MF for a couple, as at the date of the "
       "adoption order.",
       "SSDA903 guidance 2025/26, AD1: SEX_ADOPTR", 2023, 0, check_176},
      {"177", Severity::Error, "AD1", "LS_ADOPTR",
       "The legal status of the adopter(s) is not one of the 903 codes.",
       "Use one of L0, L11, L12, L2, L3 or L4 from the 903 guidance to say who adopted the child "
       "(for example a former foster carer or a couple).",
       "SSDA903 guidance 2025/26, AD1: LS_ADOPTR", 2023, 0, check_177},
      {"178", Severity::Error, "Episodes", "PLACE_PROVIDER",
       "The placement provider code is not one of PR0-PR5, or a provider is given for a "
       "placement type that has none (T0-T3, Z11-Z14).",
       "Record who provides the placement with a code PR0 to PR5. For a temporary placement "
       "(T0-T3) or a Z11-Z14 placement leave the provider blank.",
       "SSDA903 guidance 2025/26, Episodes: PLACE_PROVIDER, PLACE", 2023, 0, check_178},
      {"179", Severity::Error, "Episodes", "PL_LOCATION",
       "Whether the placement is inside or outside the council's area cannot be worked out: the "
       "placement postcode is missing or is not a known postcode.",
       "Enter the full postcode of the placement address (not needed for short breaks, LS V3/V4) "
       "and check it against the address.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST (placement location)", 2023, 0, check_179,
       "postcodes"},
      {"180", Severity::Error, "OC2", "SDQ_SCORE",
       "The SDQ score is not a whole number from 0 to 40.",
       "Enter the total difficulties score from the carer's Strengths and Difficulties "
       "Questionnaire, a whole number between 0 and 40, or leave it blank and give the reason.",
       "SSDA903 guidance 2025/26, OC2: SDQ_SCORE", 2023, 0, check_180},
      {"181", Severity::Error, "OC2",
       "CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,"
       "INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
       "One of the OC2 yes/no items (convictions, health, substance misuse, interventions) holds "
       "something other than 0 or 1.",
       "Record each of these items as 1 for yes or 0 for no.",
       "SSDA903 guidance 2025/26, OC2: outcomes for children looked after for 12 months", 2023, 0,
       check_181},
      {"182", Severity::Error, "OC2",
       "IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,CONVICTED,HEALTH_CHECK,"
       "INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
       "Some of the child's OC2 outcome items are filled in, but immunisations, teeth check, "
       "health assessment or substance misuse is blank.",
       "For a child looked after for 12 months complete all four of immunisations, teeth check, "
       "health assessment and substance misuse (0 or 1); otherwise leave every OC2 item blank.",
       "SSDA903 guidance 2025/26, OC2: outcomes for children looked after for 12 months", 2023, 0,
       check_182},
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
