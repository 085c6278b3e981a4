// 903 validation rules 1000-1016, EPI and NoE: care leavers' eligibility and details, missing
// episodes' dates, URNs, the council's own provision, and episodes a child must have (see
// registry.hpp). Split from care_leavers_and_other.cpp, registered right after it, so the
// findings' order is unchanged.
#include <array>
#include <string>
#include <unordered_map>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

bool has_rec(const Table& ep, std::string_view child, Col rec, std::string_view code) {
  for (std::uint32_t r : ep.rows_of(child))
    if (ep.text(r, rec) == code) return true;
  return false;
}

// 1000: an OC3 row for a child whose episodes (this year or, when given, last year) end with
// REC E2: the child died while looked after.
void check_1000(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Table* before = ds.last(TableKind::Episodes);
  const Col rec = ep.col("REC");
  const Col rec_last = before ? before->col("REC") : Col{};
  for (std::size_t o = 0; o < oc3.size(); ++o) {
    std::string_view child = oc3.child(o);
    if (has_rec(ep, child, rec, "E2") || (before && has_rec(*before, child, rec_last, "E2")))
      out.add(oc3, o);
  }
}

// 1001: an OC3 row for a young person whose episodes in this and last year's returns do not make
// them a relevant or former relevant child: fewer than 91 days looked after since their 14th
// birthday, or none since their 16th (V3/V4 short breaks not counted), or their latest episode
// ended in adoption (E11/E12).
//
// As in the DfE tool: both years' episodes are pooled, one kept per start date (the one ending
// first); the latest episode still open counts to the end of the year; young people 20 or over at
// the end of the year, or without a valid DOB in the Header, are reported. Deviation: the DfE
// tool pools the two years' tables with their own row numbers and, where a row number occurs in
// both, its latest-episode and V3/V4 look-ups can pick up another child's episode; Hearth keeps
// each episode apart.
struct LeaverCare {
  long days14 = 0, days16 = 0;
  bool counted = false;  // some non-V3/V4 episode met a Header row
  bool adopted = false;
};

void check_1001(const ReturnTables& ds, Hits& out) {
  const Table& cur = *ds.get(TableKind::Episodes);
  const Table& prev = *ds.last(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Table& header = *ds.get(TableKind::Header);
  if (cur.empty() || prev.empty() || oc3.empty() || header.empty()) return;
  const Date end = ds.collection_end();
  const Col h_dob = header.col("DOB");
  const std::array<Col, 2> decom = {cur.col("DECOM"), prev.col("DECOM")};
  const std::array<Col, 2> dec = {cur.col("DEC"), prev.col("DEC")};
  const std::array<Col, 2> ls = {cur.col("LS"), prev.col("LS")};
  const std::array<Col, 2> rec = {cur.col("REC"), prev.col("REC")};
  const std::array<const Table*, 2> tables = {&cur, &prev};

  struct Ep {
    OptDate decom, dec;
    std::string_view ls, rec;
  };
  std::vector<Ep> eps, kept;
  std::vector<Date> dobs;
  std::unordered_map<std::string_view, LeaverCare> care;
  bool any_counted = false;

  auto work = [&](std::string_view child) {
    auto [it, fresh] = care.try_emplace(child);
    if (!fresh) return;
    LeaverCare& c = it->second;
    eps.clear();
    for (std::size_t t = 0; t < 2; ++t)
      for (std::uint32_t r : tables[t]->rows_of(child))
        eps.push_back({tables[t]->date(r, decom[t]), tables[t]->date(r, dec[t]),
                       tables[t]->text(r, ls[t]), tables[t]->text(r, rec[t])});
    if (eps.empty()) return;
    // Earliest end first (open episodes last), then one episode per start date.
    std::stable_sort(eps.begin(), eps.end(), [](const Ep& a, const Ep& b) {
      if (a.dec && b.dec) return *a.dec < *b.dec;
      return a.dec.has_value() && !b.dec.has_value();
    });
    kept.clear();
    for (const Ep& e : eps) {
      bool dup = false;
      for (const Ep& k : kept) dup = dup || k.decom == e.decom;
      if (!dup) kept.push_back(e);
    }
    long latest = -1;
    for (std::size_t i = 0; i < kept.size(); ++i)
      if (kept[i].decom && (latest < 0 || *kept[i].decom > *kept[latest].decom))
        latest = static_cast<long>(i);
    if (latest >= 0) {
      if (!kept[latest].dec) kept[latest].dec = end;
      c.adopted = in(kept[latest].rec, {"E11", "E12"});
    }
    dobs.clear();
    for (std::uint32_t h : header.rows_of(child)) {
      auto d = header.date(h, h_dob);
      if (d && plus_years(*d, 20) > end) dobs.push_back(*d);
    }
    for (Date dob : dobs) {
      Date b14 = plus_years(dob, 14), b16 = plus_years(dob, 16);
      for (const Ep& e : kept) {
        if (in(e.ls, {"V3", "V4"})) continue;
        c.counted = true;
        if (!e.dec) continue;
        Date from14 = e.decom ? std::max(*e.decom, b14) : b14;
        Date from16 = e.decom ? std::max(*e.decom, b16) : b16;
        c.days14 += std::max(0L, days_between(from14, *e.dec));
        c.days16 += std::max(0L, days_between(from16, *e.dec));
      }
    }
    any_counted = any_counted || c.counted;
  };
  for (const Table* t : tables)
    for (const std::string& child : t->children()) work(child);
  // The DfE tool reports nothing when no episode at all could be counted.
  if (!any_counted) return;
  for (std::size_t o = 0; o < oc3.size(); ++o) {
    auto it = care.find(oc3.child(o));
    bool relevant =
        it != care.end() && it->second.counted && it->second.days14 >= 91 && it->second.days16 >= 1;
    bool adopted = it != care.end() && it->second.adopted;
    if (adopted || !relevant) out.add(oc3, o);
  }
}

// 1002: an OC3 row for a young person with no episodes in this or last year's return.
void check_1002(const ReturnTables& ds, Hits& out) {
  const Table& cur = *ds.get(TableKind::Episodes);
  const Table& prev = *ds.last(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  for (std::size_t o = 0; o < oc3.size(); ++o)
    if (!cur.has_child(oc3.child(o)) && !prev.has_child(oc3.child(o))) out.add(oc3, o);
}

// 1003: the decision to place for adoption (DATE_PLACED) is before the start of the child's first
// episode with RNE S.
void check_1003(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col rne = ep.col("RNE"), decom = ep.col("DECOM"), placed = pa.col("DATE_PLACED");
  for (const std::string& child : ep.children()) {
    long first = -1;
    Date started{};
    for (std::uint32_t r : ep.rows_of(child)) {
      if (ep.text(r, rne) != "S") continue;
      auto d = ep.date(r, decom);
      if (d && (first < 0 || *d < started)) {
        first = r;
        started = *d;
      }
    }
    if (first < 0) continue;
    for (std::uint32_t p : pa.rows_of(child)) {
      auto d = pa.date(p, placed);
      if (!d || *d >= started) continue;
      out.add(ep, static_cast<std::size_t>(first));
      out.add(pa, p);
    }
  }
}

// 1004: MIS_START is blank or not a valid date.
void check_1004(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col start = mis.col("MIS_START");
  for (std::size_t r = 0; r < mis.size(); ++r)
    if (!mis.date(r, start)) out.add(mis, r);
}

// 1005: MIS_END is given but is not a valid date.
void check_1005(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col end = mis.col("MIS_END");
  for (std::size_t r = 0; r < mis.size(); ++r)
    if (!mis.missing(r, end) && !mis.date(r, end)) out.add(mis, r);
}

// 1006: MISSING, when given, is neither M (missing) nor A (away without authorisation).
void check_1006(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col type = mis.col("MISSING");
  for (std::size_t r = 0; r < mis.size(); ++r)
    if (!mis.missing(r, type) && !in(mis.text(r, type), {"M", "A"})) out.add(mis, r);
}

// 1007: care leaver details are given for a young person aged 17 or 18 at the end of the year
// who was still looked after on their last birthday (an episode starting on or before it and
// ending after it).
void check_1007(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col decom = ep.col("DECOM"), dec = ep.col("DEC"), dob = oc3.col("DOB");
  const auto leaver = leaver_cols(oc3);
  const Date end = ds.collection_end();
  const int end_year = int(std::chrono::year_month_day{end}.year());
  for (std::size_t o = 0; o < oc3.size(); ++o) {
    auto born = oc3.date(o, dob);
    if (!born || !any_present(oc3, o, leaver)) continue;
    if (!(plus_years(*born, 17) <= end && plus_years(*born, 19) > end)) continue;
    // The birthday in the year the collection ends, or the one before if that is still to come.
    // (The DfE tool fails on a 29 February DOB in a non-leap year; Hearth takes 1 March.)
    int born_year = int(std::chrono::year_month_day{*born}.year());
    Date bday = birthday(*born, end_year - born_year);
    if (bday > end) bday = plus_years(bday, -1);
    for (std::uint32_t r : ep.rows_of(oc3.child(o))) {
      auto s = ep.date(r, decom), e = ep.date(r, dec);
      if (s && e && *s <= bday && *e > bday) {
        out.add(oc3, o);
        break;
      }
    }
  }
}

// 1008: URN is not the URN of an Ofsted-registered provider (XXXXXXX, for a placement with no
// URN, is allowed).
void check_1008(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Col urn = ep.col("URN");
  const auto& providers = ds.reference->providers;
  std::string key;
  for (std::size_t r = 0; r < ep.size(); ++r) {
    std::string_view v = ep.text(r, urn);
    if (v.empty() || v == "XXXXXXX") continue;
    key.assign(v);
    if (!providers.contains(key)) out.add(ep, r);
  }
}

// 1009: REASON_PLACE_CHANGE, when given, is not one of the 903's codes.
void check_1009(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Col reason = ep.col("REASON_PLACE_CHANGE");
  for (std::size_t r = 0; r < ep.size(); ++r)
    if (!ep.missing(r, reason) &&
        !in(ep.text(r, reason), {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO",
                                 "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"}))
      out.add(ep, r);
}

// 1010: an OC3 row for a child with no episodes this year whose latest episode last year (by
// DECOM) was still open.
void check_1010(const ReturnTables& ds, Hits& out) {
  const Table& cur = *ds.get(TableKind::Episodes);
  const Table& prev = *ds.last(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col decom = prev.col("DECOM"), dec = prev.col("DEC");
  for (std::size_t o = 0; o < oc3.size(); ++o) {
    std::string_view child = oc3.child(o);
    if (cur.has_child(child)) continue;
    // The latest start date; on a tie the last such row in the file.
    long last = -1;
    Date latest{};
    for (std::uint32_t r : prev.rows_of(child)) {
      auto d = prev.date(r, decom);
      if (d && (last < 0 || *d >= latest)) {
        last = r;
        latest = *d;
      }
    }
    if (last >= 0 && prev.missing(static_cast<std::size_t>(last), dec)) out.add(oc3, o);
  }
}

// 1011: care leaver details are given for a child whose latest episode ended with REC E3 (care
// transferred to another local authority).
void check_1011(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col decom = ep.col("DECOM"), rec = ep.col("REC");
  const auto leaver = leaver_cols(oc3);
  for (std::size_t o = 0; o < oc3.size(); ++o) {
    if (!any_present(oc3, o, leaver)) continue;
    long last = extreme_row(ep, ep.rows_of(oc3.child(o)), decom, false);
    if (last >= 0 && ep.text(static_cast<std::size_t>(last), rec) == "E3") out.add(oc3, o);
  }
}

// 1012: a PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2 row for a child with no episodes
// this year.
void check_1012(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  for (TableKind k : {TableKind::PlacedAdoption, TableKind::Missing, TableKind::Reviews,
                      TableKind::Ad1, TableKind::PrevPerm, TableKind::Oc2}) {
    const Table* t = ds.get(k);
    if (!t) continue;
    for (std::size_t r = 0; r < t->size(); ++r)
      if (!ep.has_child(t->child(r))) out.add(*t, r);
  }
}

// 1014: a UASC child with care leaver details has episodes but none of them open during the year.
void check_1014(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& uasc = *ds.get(TableKind::Uasc);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col decom = ep.col("DECOM"), dec = ep.col("DEC");
  const auto leaver = leaver_cols(oc3);
  const Date start = ds.collection_start(), end = ds.collection_end();
  for (std::size_t u = 0; u < uasc.size(); ++u) {
    auto rows = ep.rows_of(uasc.child(u));
    if (rows.empty()) continue;
    bool in_care = false;
    for (std::uint32_t r : rows) {
      auto s = ep.date(r, decom), e = ep.date(r, dec);
      if (s && *s <= end && (!e || *e >= start)) in_care = true;
    }
    if (in_care) continue;
    for (std::uint32_t o : oc3.rows_of(uasc.child(u))) {
      if (!any_present(oc3, o, leaver)) continue;
      out.add(uasc, u);
      out.add(oc3, o);
    }
  }
}

// 1015: an episode with the council's own provision (PR1), other than foster care or adoption
// placements and V3/V4 short breaks, is placed outside the council's area (PL_LA).
void check_1015(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Col place = ep.col("PLACE"), ls = ep.col("LS"), provider = ep.col("PLACE_PROVIDER");
  for (std::size_t r = 0; r < ep.size(); ++r) {
    if (ep.text(r, provider) != "PR1" || ep.missing(r, place) || ep.missing(r, ls)) continue;
    if (in(ep.text(r, place), {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"}))
      continue;
    if (in(ep.text(r, ls), {"V3", "V4"})) continue;
    auto la = placement_la(ds, ep, r);
    if (!la || *la != ds.la) out.add(ep, r);
  }
}

// Whether `days` reach `years` years as the DfE tool counts them (a year of 365.2425 days).
bool at_least_years(long days, int years) {
  return static_cast<long long>(days) * 86400 >= static_cast<long long>(years) * 31556952;
}

// 1016: care leaver details are given for a young person aged 17 (or 18) at the end of the year
// with an episode ending on or after their 17th (or 18th) birthday.
void check_1016(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col dec = ep.col("DEC"), dob = oc3.col("DOB");
  const auto leaver = leaver_cols(oc3);
  for (std::size_t o = 0; o < oc3.size(); ++o) {
    auto born = oc3.date(o, dob);
    if (!born || !any_present(oc3, o, leaver)) continue;
    long age = days_between(*born, ds.collection_end());
    bool is17 = at_least_years(age, 17) && !at_least_years(age, 18);
    bool is18 = at_least_years(age, 18) && !at_least_years(age, 19);
    if (!is17 && !is18) continue;
    Date birthday_due = plus_years(*born, is17 ? 17 : 18);
    for (std::uint32_t r : ep.rows_of(oc3.child(o))) {
      auto e = ep.date(r, dec);
      // Deviation: the DfE tool counts leaving care on the birthday itself; the DfE's rule (and
      // the tool's own message) say "after", and a young person who leaves care on their 18th
      // birthday is a care leaver whose OC3 details are collected.
      if (e && *e > birthday_due) out.add(oc3, o);
    }
  }
}

// EPI: a child in the Header with no episodes and no OC3 row.
void check_EPI(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table* ep = ds.get(TableKind::Episodes);
  const Table* oc3 = ds.get(TableKind::Oc3);
  for (std::size_t h = 0; h < header.size(); ++h) {
    std::string_view child = header.child(h);
    if ((ep && ep->has_child(child)) || (oc3 && oc3->has_child(child))) continue;
    out.add(header, h);
  }
}

// NoE: an episode that started before this collection year for a child with no episodes in last
// year's return.
void check_NoE(const ReturnTables& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& prev = *ds.last(TableKind::Episodes);
  const Col decom = ep.col("DECOM");
  for (std::size_t r = 0; r < ep.size(); ++r) {
    auto d = ep.date(r, decom);
    if (d && *d < ds.collection_start() && !prev.has_child(ep.child(r))) out.add(ep, r);
  }
}

}  // namespace

std::span<const Rule> care_leaver_eligibility() {
  static const std::vector<Rule> kRules = {
      {"1000", Severity::Error, "Episodes,OC3", "IN_TOUCH,ACTIV,ACCOM",
       "Care leaver details are recorded for a child whose care ended because they died (REC "
       "E2).",
       "Remove the OC3 row, or correct the reason the episode ended if the child did not die.",
       "SSDA903 guidance 2025/26, OC3; Episodes: REC (E2)", 2023, 0, check_1000},
      {"1001", Severity::Query, "Episodes,OC3,Header,Episodes_last", "IN_TOUCH,ACTIV,ACCOM",
       "Care leaver details are recorded but this and last year's episodes do not show the young "
       "person as a relevant or former relevant child (13 weeks looked after since age 14, "
       "including time after 16) or show they were adopted.",
       "Check the young person's episodes and date of birth. Remove the OC3 row if they are not "
       "a care leaver; if they were looked after before last year, the finding may be safely "
       "left.",
       "Children (Leaving Care) Act 2000; Care Leavers (England) Regulations 2010 reg. 3; "
       "SSDA903 guidance 2025/26, OC3",
       2023, 0, check_1001},
      {"1002", Severity::Query, "Episodes,OC3,Episodes_last", "IN_TOUCH,ACTIV,ACCOM",
       "Care leaver details are recorded for a young person with no episodes in this or last "
       "year's return.",
       "Check the child identifier matches their earlier episodes. If they were looked after "
       "only before last year, the finding may be left; otherwise remove the OC3 row.",
       "SSDA903 guidance 2025/26, OC3", 2023, 0, check_1002},
      {"1003", Severity::Error, "Episodes,PlacedAdoption", "DATE_PLACED,DECOM,RNE",
       "The date of the decision that the child should be placed for adoption is before the "
       "child started to be looked after.",
       "Check the decision date (DATE_PLACED) against the start of the child's first period of "
       "care (the first episode with RNE S) and correct whichever is wrong.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED", 2023, 0, check_1003},
      {"1004", Severity::Error, "Missing", "MIS_START",
       "The start date of a missing or away-from-placement episode is blank or not a valid date.",
       "Record the date the child went missing or away as dd/mm/yyyy.",
       "SSDA903 guidance 2025/26, Missing: MIS_START", 2023, 0, check_1004},
      {"1005", Severity::Error, "Missing", "MIS_END",
       "The end date of a missing or away-from-placement episode is not a valid date.",
       "Record the date the child returned as dd/mm/yyyy, or leave it blank if they have not "
       "returned.",
       "SSDA903 guidance 2025/26, Missing: MIS_END", 2023, 0, check_1005},
      {"1006", Severity::Error, "Missing", "MISSING", "The missing type is not valid.",
       "Use M for missing from placement or A for away from placement without authorisation.",
       "SSDA903 guidance 2025/26, Missing: MISSING", 2023, 0, check_1006},
      {"1007", Severity::Error, "Episodes,OC3", "IN_TOUCH,ACTIV,ACCOM",
       "Care leaver details are recorded for a 17- or 18-year-old who was still looked after on "
       "their last birthday.",
       "Care leaver information is collected at the 17th to 21st birthday only for young people "
       "no longer looked after then. Remove the OC3 details, or check the episode dates and "
       "date of birth.",
       "SSDA903 guidance 2025/26, OC3: IN_TOUCH, ACTIV, ACCOM", 2023, 0, check_1007},
      {"1008", Severity::Error, "Episodes", "URN",
       "The placement's URN is not the unique reference number of an Ofsted-registered "
       "provider.",
       "Check the URN on Ofsted's register and correct it; use XXXXXXX where the placement has "
       "no URN.",
       "SSDA903 guidance 2025/26, Episodes: URN; Care Standards Act 2000", 2023, 0, check_1008,
       "providers"},
      {"1009", Severity::Error, "Episodes", "REASON_PLACE_CHANGE",
       "The reason for the change of placement is not one of the 903 codes.",
       "Use one of the reason codes in the 903 guidance (CARPL, CLOSE, ALLEG, STAND, APPRR, "
       "CREQB, CREQO, CHILD, LAREQ, PLACE, CUSTOD or OTHER).",
       "SSDA903 guidance 2025/26, Episodes: REASON_PLACE_CHANGE", 2023, 0, check_1009},
      {"1010", Severity::Error, "Episodes,Episodes_last,OC3", "IN_TOUCH,ACTIV,ACCOM",
       "Care leaver details are recorded for a child with no episodes this year although their "
       "last episode in last year's return was still open.",
       "An episode open at the end of last year must continue into this year's return: add the "
       "child's episodes, including the date and reason care ended.",
       "SSDA903 guidance 2025/26, Episodes: DECOM, DEC; OC3", 2023, 0, check_1010},
      {"1011", Severity::Error, "Episodes,OC3", "IN_TOUCH,ACTIV,ACCOM",
       "Care leaver details are recorded for a child whose care was transferred to another "
       "local authority (final REC E3).",
       "The authority the care was transferred to reports the care leaver details; remove the "
       "OC3 details, or correct the reason the final episode ended.",
       "SSDA903 guidance 2025/26, OC3; Episodes: REC (E3)", 2023, 0, check_1011},
      {"1012", Severity::Error, "Episodes", "CHILD",
       "Details are recorded for a child who has no episodes of care this year.",
       "Only the Header and OC3 may hold a child with no episodes this year. Add the child's "
       "episodes, or remove the adoption, missing, review, previous permanence or OC2 rows.",
       "SSDA903 guidance 2025/26, Episodes; PlacedAdoption, Missing, Reviews, AD1, PrevPerm, OC2",
       2023, 0, check_1012},
      {"1014", Severity::Error, "Episodes,UASC,OC3", "ACTIV,ACCOM,IN_TOUCH,DUC",
       "UASC details are recorded for a care leaver who was not looked after during the year.",
       "Remove the UASC row for a young person only reported as a care leaver, or check the "
       "dates of their episodes.",
       "SSDA903 guidance 2025/26, UASC: DUC; OC3", 2023, 0, check_1014},
      {"1015", Severity::Error, "Episodes", "PL_LA",
       "The placement is the council's own provision (PR1) but is outside the council's area.",
       "Check the placement postcode and the provider code: a placement outside the area is "
       "usually another provider (PR2-PR5).",
       "SSDA903 guidance 2025/26, Episodes: PLACE_PROVIDER, PL_POST", 2023, 0, check_1015,
       "postcodes", true},
      {"1016", Severity::Error, "Episodes,OC3", "IN_TOUCH,ACTIV,ACCOM",
       "Care leaver details are recorded for a 17- or 18-year-old whose care ended on or after "
       "that birthday.",
       "Care leaver information is not collected for a birthday on which the young person was "
       "still looked after. Remove the OC3 details, or check the episode end date and date of "
       "birth.",
       "SSDA903 guidance 2025/26, OC3: IN_TOUCH, ACTIV, ACCOM", 2024, 0, check_1016},
      {"EPI", Severity::Query, "Header", "CHILD",
       "The child is in the Header but has no episodes and no care leaver (OC3) row.",
       "Add the child's episodes of care (or OC3 details for a care leaver), or remove the "
       "child from the Header if they should not be in the return.",
       "SSDA903 guidance 2025/26, Header; Episodes", 2023, 0, check_EPI},
      {"NoE", Severity::Error, "Episodes,Episodes_last", "DECOM",
       "An episode started before this year but the child has no episodes in last year's "
       "return.",
       "Check the start date (DECOM) and the child identifier; if the child was looked after "
       "last year, last year's return needs their episodes.",
       "SSDA903 guidance 2025/26, Episodes: DECOM", 2023, 0, check_NoE},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
