// 903 validation rules 601-635: adoption details, mothers and their children, previous permanence
// (see registry.hpp). Rules 1000-1016, EPI and NoE are in care_leaver_eligibility.cpp, registered
// right after these.
#include <array>
#include <string>
#include <unordered_map>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

using model::add_months;

bool in_year(const ReturnTables& ds, OptDate d) {
  return d && *d >= ds.collection_start() && *d <= ds.collection_end();
}

std::array<Col, 6> adoption_cols(const Table& ad1) {
  return {ad1.col("DATE_INT"),  ad1.col("DATE_MATCH"), ad1.col("FOSTER_CARE"),
          ad1.col("NB_ADOPTR"), ad1.col("SEX_ADOPTR"), ad1.col("LS_ADOPTR")};
}

// An adoption episode in the year: it ended (DEC) within the collection year with REC E11/E12.
bool adopted_in_year(const ReturnTables& ds, const Table& ep, std::size_t r, Col dec, Col rec) {
  return in_year(ds, ep.date(r, dec)) && in(ep.text(r, rec), {"E11", "E12"});
}

// 601: a child adopted in the year (an episode ending E11/E12) has an AD1 row with some of the
// adoption details missing.
void check_601(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col dec = ep.col("DEC"), rec = ep.col("REC");
  const auto fields = adoption_cols(ad1);
  for (std::size_t r = 0; r < ep.size(); ++r) {
    if (!adopted_in_year(ds, ep, r, dec, rec)) continue;
    for (std::uint32_t a : ad1.rows_of(ep.child(r))) {
      bool gap = false;
      for (Col c : fields) gap = gap || ad1.missing(a, c);
      if (!gap) continue;
      out.add(ad1, a);
      out.add(ep, r);
    }
  }
}

// 602: AD1 details are given for a child whose episodes show no adoption (E11/E12) in the year.
void check_602(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col dec = ep.col("DEC"), rec = ep.col("REC");
  const auto fields = adoption_cols(ad1);
  for (std::size_t a = 0; a < ad1.size(); ++a) {
    if (!any_present(ad1, a, fields)) continue;
    bool adopted = false;
    for (std::uint32_t r : ep.rows_of(ad1.child(a)))
      adopted = adopted || adopted_in_year(ds, ep, r, dec, rec);
    if (!adopted) out.add(ad1, a);
  }
}

// 607: a girl (SEX F) who left care in the year (other than V3/V4 short breaks) has MOTHER blank.
void check_607(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& header = *ds.get(TableKind::Header);
  const Col dec = ep.col("DEC"), rec = ep.col("REC"), ls = ep.col("LS");
  const Col sex = header.col("SEX"), mother = header.col("MOTHER");
  for (std::size_t r = 0; r < ep.size(); ++r) {
    if (!in_year(ds, ep.date(r, dec))) continue;
    if (ep.missing(r, rec) || ep.text(r, rec) == "X1") continue;
    if (in(ep.text(r, ls), {"V3", "V4"})) continue;
    for (std::uint32_t h : header.rows_of(ep.child(r))) {
      if (header.text(h, sex) != "F" || !header.missing(h, mother)) continue;
      out.add(ep, r);
      out.add(header, h);
    }
  }
}

// 611: MOTHER is 1 but the date of birth of her first child is blank.
void check_611(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col mother = header.col("MOTHER"), mc_dob = header.col("MC_DOB");
  for (std::size_t r = 0; r < header.size(); ++r)
    if (header.text(r, mother) == "1" && header.missing(r, mc_dob)) out.add(header, r);
}

// 612: a girl's first child's date of birth is given but MOTHER is 0 or blank.
void check_612(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col mother = header.col("MOTHER"), sex = header.col("SEX"), mc_dob = header.col("MC_DOB");
  for (std::size_t r = 0; r < header.size(); ++r) {
    std::string_view m = header.text(r, mother);
    if ((m == "0" || m.empty()) && header.text(r, sex) == "F" && !header.missing(r, mc_dob))
      out.add(header, r);
  }
}

// 620: MOTHER is 1 but the child was under 11 at the start of the collection year.
void check_620(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col mother = header.col("MOTHER"), dob = header.col("DOB");
  for (std::size_t r = 0; r < header.size(); ++r) {
    if (header.text(r, mother) != "1") continue;
    auto d = header.date(r, dob);
    if (d && plus_years(*d, 11) > ds.collection_start()) out.add(header, r);
  }
}

// 621: the first child's date of birth (MC_DOB) is not after the mother's own DOB. As in the DfE
// tool, a valid MC_DOB with no valid DOB to compare with is also reported.
void check_621(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col dob = header.col("DOB"), mc_dob = header.col("MC_DOB");
  for (std::size_t r = 0; r < header.size(); ++r) {
    auto mc = header.date(r, mc_dob);
    if (!mc) continue;
    auto d = header.date(r, dob);
    if (!d || *mc <= *d) out.add(header, r);
  }
}

// 624: MC_DOB is given in both years' returns and differs from last year's. A blank MC_DOB
// this year is not a difference here (nor is one first given this year).
void check_624(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& before = *ds.last(TableKind::Header);
  const Col mc = header.col("MC_DOB"), mc_last = before.col("MC_DOB");
  for (std::size_t r = 0; r < header.size(); ++r)
    for (std::uint32_t p : before.rows_of(header.child(r)))
      // Deviation: the DfE tool (rule_624: last year's MC_DOB given and this year's != it) also
      // reports an MC_DOB that is blank this year after a date last year, since a blank differs
      // from any date. That is every young mother who has left care, for whom MOTHER and MC_DOB
      // are not collected, so it says nothing about a contradiction; the DfE's description
      // ("contradicts the date of birth previously recorded") needs two dates. Hearth reports
      // only a first child's date of birth that has changed.
      if (!before.missing(p, mc_last) && !header.missing(r, mc) &&
          header.text(r, mc) != before.text(p, mc_last))
        out.add(header, r);
}

// 625: MC_DOB is after the end of the collection year or after the end (DEC) of the child's
// latest episode.
void check_625(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& header = *ds.get(TableKind::Header);
  const Col dec = ep.col("DEC"), mc_dob = header.col("MC_DOB");
  for (const std::string& child : ep.children()) {
    long last = extreme_row(ep, ep.rows_of(child), dec, false);
    if (last < 0) continue;
    Date ended = *ep.date(static_cast<std::size_t>(last), dec);
    // Deviation: the DfE tool compares with the latest episode that has ended even when the child
    // is still looked after (an open episode), reporting a mother whose baby was born after a
    // placement change; here a child still in care is checked against the year's end only.
    bool still_in_care = false;
    for (std::uint32_t r : ep.rows_of(child)) still_in_care = still_in_care || ep.missing(r, dec);
    for (std::uint32_t h : header.rows_of(child)) {
      auto mc = header.date(h, mc_dob);
      if (!mc || (*mc <= ds.collection_end() && (still_in_care || *mc <= ended))) continue;
      out.add(header, h);
      out.add(ep, static_cast<std::size_t>(last));
    }
  }
}

// 626: MOTHER is 1 this year and was 0 last year, yet the first child was born before this year.
void check_626(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& before = *ds.last(TableKind::Header);
  const Col mc_dob = header.col("MC_DOB"), mother = header.col("MOTHER");
  const Col mother_last = before.col("MOTHER");
  for (std::size_t r = 0; r < header.size(); ++r) {
    auto mc = header.date(r, mc_dob);
    if (!mc || *mc >= ds.collection_start()) continue;
    auto now = header.number(r, mother);
    if (!now || *now != 1) continue;
    for (std::uint32_t p : before.rows_of(header.child(r))) {
      auto then = before.number(p, mother_last);
      if (then && *then == 0) out.add(header, r);
    }
  }
}

// 628: MOTHER is filled in for a care leaver (OC3 details given) with no episodes this year.
void check_628(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& header = *ds.get(TableKind::Header);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col mother = header.col("MOTHER");
  const auto leaver = leaver_cols(oc3);
  for (std::size_t h = 0; h < header.size(); ++h) {
    if (header.missing(h, mother) || ep.has_child(header.child(h))) continue;
    for (std::uint32_t o : oc3.rows_of(header.child(h)))
      if (any_present(oc3, o, leaver)) out.add(header, h);
  }
}

// 630: an episode starting this year with RNE S has no (or incomplete) previous permanence
// details: no PrevPerm row, PREV_PERM blank, or an option other than Z1 without LA_PERM and
// DATE_PERM.
void check_630(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& pre = *ds.get(TableKind::PrevPerm);
  const Col rne = ep.col("RNE"), decom = ep.col("DECOM");
  const Col prev = pre.col("PREV_PERM"), la = pre.col("LA_PERM"), date = pre.col("DATE_PERM");
  for (std::size_t r = 0; r < ep.size(); ++r) {
    if (ep.text(r, rne) != "S") continue;
    auto d = ep.date(r, decom);
    if (!d || *d < ds.collection_start()) continue;
    auto rows = pre.rows_of(ep.child(r));
    bool bad = rows.empty();
    for (std::uint32_t p : rows) {
      if (pre.missing(p, prev)) bad = true;
      if (pre.text(p, prev) != "Z1" && (pre.missing(p, la) || pre.missing(p, date))) bad = true;
    }
    if (bad) out.add(ep, r);
  }
}

// 631: PREV_PERM, when given, is not one of the 903's codes.
void check_631(const ReturnTables& ds, Hits& out) {
  const Table& pre = *ds.get(TableKind::PrevPerm);
  const Col prev = pre.col("PREV_PERM");
  for (std::size_t r = 0; r < pre.size(); ++r)
    if (!pre.missing(r, prev) && !in(pre.text(r, prev), {"P1", "P2", "P3", "P4", "Z1"}))
      out.add(pre, r);
}

// DATE_PERM as the DfE tool reads it: dd/mm/yyyy where an unknown day or month may be ZZ (and a
// year ZZZZ, read as 2000). An unknown day is taken as the month's last day; an unknown month as
// a year after the first of January, less a day. nullopt when it is not such a date.
OptDate permanence_date(std::string_view text) {
  std::array<std::string_view, 3> part;
  std::size_t n = 0, start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '/') continue;
    if (n == 3) return std::nullopt;
    part[n++] = text.substr(start, i - start);
    start = i + 1;
  }
  if (n != 3) return std::nullopt;
  int unknown = -1;  // the last part written ZZ
  std::string joined;
  for (std::size_t i = 0; i < 3; ++i) {
    if (i) joined += '/';
    if (part[i] == "ZZ") {
      joined += "01";
      unknown = static_cast<int>(i);
    } else if (part[i] == "ZZZZ") {
      joined += "2000";
    } else {
      joined += part[i];
    }
  }
  OptDate d = model::parse_dmy(joined);
  if (!d) return d;
  if (unknown == 0) return add_months(*d, 1) - std::chrono::days{1};
  if (unknown == 1) return plus_years(*d, 1) - std::chrono::days{1};
  return d;
}

// 632: DATE_PERM is not a valid (possibly partly ZZ) date, or is not before the start of the
// child's first episode.
void check_632(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& pre = *ds.get(TableKind::PrevPerm);
  const Col decom = ep.col("DECOM"), date = pre.col("DATE_PERM");
  for (const std::string& child : ep.children()) {
    long first = extreme_row(ep, ep.rows_of(child), decom, true);
    if (first < 0) continue;
    Date started = *ep.date(static_cast<std::size_t>(first), decom);
    for (std::uint32_t p : pre.rows_of(child)) {
      if (pre.missing(p, date)) continue;
      auto d = permanence_date(pre.text(p, date));
      if (d && *d < started) continue;
      out.add(pre, p);
      out.add(ep, static_cast<std::size_t>(first));
    }
  }
}

// 633: LA_PERM, when given, is not a local authority code (or WAL, SCO, NUK, NIR).
void check_633(const ReturnTables& ds, Hits& out) {
  const Table& pre = *ds.get(TableKind::PrevPerm);
  const Col la = pre.col("LA_PERM");
  static constexpr std::string_view kCodes[] = {
      "800", "889", "822", "301", "304", "303", "330", "825", "837", "302", "846", "370", "350",
      "890", "867", "380", "305", "801", "351", "873", "823", "895", "896", "381", "909", "202",
      "908", "331", "306", "841", "830", "831", "878", "371", "835", "332", "840", "307", "308",
      "811", "881", "845", "390", "916", "203", "876", "850", "311", "204", "884", "312", "205",
      "313", "805", "919", "310", "309", "420", "921", "206", "207", "886", "810", "382", "314",
      "340", "888", "208", "856", "383", "855", "209", "925", "341", "201", "821", "352", "806",
      "887", "826", "315", "929", "812", "391", "926", "892", "813", "802", "928", "891", "392",
      "316", "815", "353", "931", "879", "836", "851", "874", "807", "354", "317", "870", "318",
      "372", "857", "333", "935", "343", "803", "373", "342", "893", "356", "355", "871", "394",
      "334", "933", "882", "936", "861", "852", "319", "860", "808", "393", "866", "210", "357",
      "894", "883", "880", "358", "211", "937", "869", "320", "359", "865", "384", "335", "336",
      "212", "868", "872", "885", "344", "877", "213", "938", "816", "999", "WAL", "SCO", "NUK",
      "NIR"};
  for (std::size_t r = 0; r < pre.size(); ++r) {
    if (pre.missing(r, la)) continue;
    std::string_view v = pre.text(r, la);
    if (std::find(std::begin(kCodes), std::end(kCodes), v) == std::end(kCodes)) out.add(pre, r);
  }
}

// 634: previous permanence details are given but none of the child's episodes started on or after
// the start of the collection year.
void check_634(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& pre = *ds.get(TableKind::PrevPerm);
  const Col decom = ep.col("DECOM");
  const std::array<Col, 3> details = {pre.col("PREV_PERM"), pre.col("DATE_PERM"),
                                      pre.col("LA_PERM")};
  for (std::size_t p = 0; p < pre.size(); ++p) {
    if (!any_present(pre, p, details)) continue;
    auto rows = ep.rows_of(pre.child(p));
    long last = extreme_row(ep, rows, decom, false);
    if (last < 0 || *ep.date(static_cast<std::size_t>(last), decom) >= ds.collection_start())
      continue;
    out.add(pre, p);
    for (std::uint32_t r : rows) out.add(ep, r);
  }
}

// 635: LA_PERM or DATE_PERM is given but PREV_PERM is blank.
void check_635(const ReturnTables& ds, Hits& out) {
  const Table& pre = *ds.get(TableKind::PrevPerm);
  const Col prev = pre.col("PREV_PERM"), la = pre.col("LA_PERM"), date = pre.col("DATE_PERM");
  for (std::size_t r = 0; r < pre.size(); ++r)
    if ((!pre.missing(r, la) || !pre.missing(r, date)) && pre.missing(r, prev)) out.add(pre, r);
}

}  // namespace

std::span<const Rule> care_leavers_and_other() {
  static const std::vector<Rule> kRules = {
      {"601", Severity::Error, "Episodes,AD1",
       "REC,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR",
       "The child was adopted during the year (an episode ending E11 or E12) but some of the "
       "adoption details in AD1 are blank.",
       "Complete every AD1 field for an adopted child: the date of the decision that the child "
       "should be placed for adoption, the matching date, whether the adopters were the foster "
       "carers, the number, sex and legal status of the adopters.",
       "Adoption and Children Act 2002; SSDA903 guidance 2025/26, AD1: DATE_INT, DATE_MATCH, "
       "FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR",
       2023, 0, check_601},
      {"602", Severity::Error, "Episodes,AD1", "CHILD",
       "Adoption details (AD1) are given for a child whose episodes do not show an adoption "
       "(REC E11 or E12) during the year.",
       "AD1 is only for children adopted in the year. If the child was adopted, record the "
       "episode that ended with the adoption order (E11 or E12) and its date; if not, remove "
       "the AD1 details.",
       "SSDA903 guidance 2025/26, AD1; Episodes: REC (E11, E12)", 2023, 0, check_602},
      {"607", Severity::Error, "Episodes,Header", "DEC,REC,MOTHER,LS,SEX",
       "A girl who left care during the year has no answer to whether she is a mother.",
       "For a girl who stopped being looked after this year (other than a short-break V3/V4 "
       "placement), record MOTHER: 1 if she is a mother, 0 if not.",
       "SSDA903 guidance 2025/26, Header: MOTHER", 2023, 0, check_607},
      {"611", Severity::Error, "Header", "MOTHER,MC_DOB",
       "The young person is recorded as a mother but the date of birth of her first child is "
       "blank.",
       "Record the first child's date of birth (MC_DOB), or correct MOTHER if she is not a "
       "mother.",
       "SSDA903 guidance 2025/26, Header: MOTHER, MC_DOB", 2023, 0, check_611},
      {"612", Severity::Error, "Header", "SEX,MOTHER,MC_DOB",
       "A first child's date of birth is recorded for a girl who is not recorded as a mother.",
       "If she is a mother set MOTHER to 1; if not, remove the first child's date of birth "
       "(MC_DOB).",
       "SSDA903 guidance 2025/26, Header: MOTHER, MC_DOB", 2023, 0, check_612},
      {"620", Severity::Error, "Header", "DOB,MOTHER",
       "The child is recorded as a mother but was under 11 at the start of the year.",
       "Check the child's date of birth and the MOTHER field; one of them is wrong.",
       "SSDA903 guidance 2025/26, Header: DOB, MOTHER", 2023, 0, check_620},
      {"621", Severity::Error, "Header", "DOB,MC_DOB",
       "The first child's date of birth is not after the mother's own date of birth.",
       "Check both dates of birth (DOB and MC_DOB) and correct the one that is wrong.",
       "SSDA903 guidance 2025/26, Header: DOB, MC_DOB", 2023, 0, check_621},
      {"624", Severity::Error, "Header,Header_last", "MC_DOB",
       "The first child's date of birth differs from the one in last year's return.",
       "A first child's date of birth does not change. Use last year's date unless it was "
       "wrong; if so, tell the DfE so last year's return can be corrected too.",
       "SSDA903 guidance 2025/26, Header: MC_DOB", 2023, 0, check_624},
      {"625", Severity::Error, "Episodes,Header", "MC_DOB,DEC",
       "The first child's date of birth is after the end of the year or after the young person "
       "stopped being looked after.",
       "Check the first child's date of birth (MC_DOB) and the end date of the latest episode; "
       "a birth after the child left care is not reported.",
       "SSDA903 guidance 2025/26, Header: MC_DOB", 2023, 0, check_625},
      {"626", Severity::Error, "Header,Header_last", "MOTHER,MC_DOB",
       "The young person is now recorded as a mother of a child born before this year, but was "
       "recorded as not a mother last year.",
       "Check the first child's date of birth (MC_DOB). If it really was before this year, last "
       "year's MOTHER should have been 1; correct whichever is wrong.",
       "SSDA903 guidance 2025/26, Header: MOTHER, MC_DOB", 2023, 0, check_626},
      {"628", Severity::Error, "Episodes,Header,OC3", "MOTHER",
       "Motherhood details are recorded for a care leaver who was not looked after during the "
       "year.",
       "Leave MOTHER blank for a care leaver who had no episode of care this year.",
       "SSDA903 guidance 2025/26, Header: MOTHER; OC3", 2023, 0, check_628},
      {"630", Severity::Error, "Episodes,PrevPerm", "RNE",
       "A period of care that started this year (RNE S) has no complete previous permanence "
       "details.",
       "Add a PrevPerm row for the child: the previous permanence option (Z1 if none or not "
       "known) and, for any other option, the local authority and the date of the order.",
       "SSDA903 guidance 2025/26, PrevPerm: PREV_PERM, LA_PERM, DATE_PERM", 2023, 0, check_630},
      {"631", Severity::Error, "PrevPerm", "PREV_PERM",
       "The previous permanence option is not one of the 903 codes.",
       "Use P1, P2, P3, P4 or Z1 as set out in the 903 guidance.",
       "SSDA903 guidance 2025/26, PrevPerm: PREV_PERM", 2023, 0, check_631},
      {"632", Severity::Error, "Episodes,PrevPerm", "DATE_PERM,DECOM",
       "The date of the previous permanence order is not a valid date or is not before the "
       "child's first episode of care.",
       "Write the date as dd/mm/yyyy (ZZ for an unknown day or month) and check it is before the "
       "child started to be looked after.",
       "SSDA903 guidance 2025/26, PrevPerm: DATE_PERM", 2023, 0, check_632},
      {"633", Severity::Error, "PrevPerm", "LA_PERM",
       "The local authority where the previous permanence order was made is not a valid code.",
       "Use the three-digit DfE code of the local authority, WAL, SCO, NIR or NUK (outside the "
       "UK), or 999 if not known.",
       "SSDA903 guidance 2025/26, PrevPerm: LA_PERM", 2023, 0, check_633},
      {"634", Severity::Error, "Episodes,PrevPerm", "LA_PERM,PREV_PERM,DATE_PERM,DECOM",
       "Previous permanence details are recorded but the child has no episode starting in this "
       "collection year.",
       "Previous permanence is only reported when a child starts to be looked after. Remove the "
       "details, or check the start dates of the child's episodes.",
       "SSDA903 guidance 2025/26, PrevPerm", 2023, 0, check_634},
      {"635", Severity::Error, "PrevPerm", "LA_PERM,DATE_PERM,PREV_PERM",
       "The date or local authority of a previous permanence order is given but the previous "
       "permanence option is blank.",
       "Record the previous permanence option (P1-P4), or remove the date and local authority "
       "if there was none (Z1).",
       "SSDA903 guidance 2025/26, PrevPerm: PREV_PERM, LA_PERM, DATE_PERM", 2023, 0, check_635},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
