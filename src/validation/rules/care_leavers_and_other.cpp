// 903 validation rules: care_leavers_and_other (see registry.hpp for the codes in this group).
#include <array>
#include <string>
#include <unordered_map>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

using model::add_months;

bool in_year(const Dataset& ds, OptDate d) {
  return d && *d >= ds.collection_start() && *d <= ds.collection_end();
}

// Whether any of the cells is filled in.
template <std::size_t N>
bool any_filled(const Table& t, std::size_t row, const std::array<Col, N>& cols) {
  for (Col c : cols)
    if (!t.missing(row, c)) return true;
  return false;
}

std::array<Col, 3> leaver_cols(const Table& oc3) {
  return {oc3.col("IN_TOUCH"), oc3.col("ACTIV"), oc3.col("ACCOM")};
}

std::array<Col, 6> adoption_cols(const Table& ad1) {
  return {ad1.col("DATE_INT"),  ad1.col("DATE_MATCH"), ad1.col("FOSTER_CARE"),
          ad1.col("NB_ADOPTR"), ad1.col("SEX_ADOPTR"), ad1.col("LS_ADOPTR")};
}

// The row among `rows` with the latest (or, with `earliest`, the earliest) date in `c`, the first
// in file order on a tie; rows without a valid date are ignored. -1 when none has one.
long extreme_row(const Table& t, std::span<const std::uint32_t> rows, Col c, bool earliest) {
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

// An adoption episode in the year: it ended (DEC) within the collection year with REC E11/E12.
bool adopted_in_year(const Dataset& ds, const Table& ep, std::size_t r, Col dec, Col rec) {
  return in_year(ds, ep.date(r, dec)) && in(ep.text(r, rec), {"E11", "E12"});
}

// 601: a child adopted in the year (an episode ending E11/E12) has an AD1 row with some of the
// adoption details missing.
void check_601(const Dataset& ds, Hits& out) {
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
void check_602(const Dataset& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col dec = ep.col("DEC"), rec = ep.col("REC");
  const auto fields = adoption_cols(ad1);
  for (std::size_t a = 0; a < ad1.size(); ++a) {
    if (!any_filled(ad1, a, fields)) continue;
    bool adopted = false;
    for (std::uint32_t r : ep.rows_of(ad1.child(a)))
      adopted = adopted || adopted_in_year(ds, ep, r, dec, rec);
    if (!adopted) out.add(ad1, a);
  }
}

// 607: a girl (SEX F) who left care in the year (other than V3/V4 short breaks) has MOTHER blank.
void check_607(const Dataset& ds, Hits& out) {
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
void check_611(const Dataset& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col mother = header.col("MOTHER"), mc_dob = header.col("MC_DOB");
  for (std::size_t r = 0; r < header.size(); ++r)
    if (header.text(r, mother) == "1" && header.missing(r, mc_dob)) out.add(header, r);
}

// 612: a girl's first child's date of birth is given but MOTHER is 0 or blank.
void check_612(const Dataset& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col mother = header.col("MOTHER"), sex = header.col("SEX"), mc_dob = header.col("MC_DOB");
  for (std::size_t r = 0; r < header.size(); ++r) {
    std::string_view m = header.text(r, mother);
    if ((m == "0" || m.empty()) && header.text(r, sex) == "F" && !header.missing(r, mc_dob))
      out.add(header, r);
  }
}

// 620: MOTHER is 1 but the child was under 11 at the start of the collection year.
void check_620(const Dataset& ds, Hits& out) {
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
void check_621(const Dataset& ds, Hits& out) {
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
void check_624(const Dataset& ds, Hits& out) {
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
void check_625(const Dataset& ds, Hits& out) {
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
void check_626(const Dataset& ds, Hits& out) {
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
void check_628(const Dataset& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& header = *ds.get(TableKind::Header);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col mother = header.col("MOTHER");
  const auto leaver = leaver_cols(oc3);
  for (std::size_t h = 0; h < header.size(); ++h) {
    if (header.missing(h, mother) || ep.has_child(header.child(h))) continue;
    for (std::uint32_t o : oc3.rows_of(header.child(h)))
      if (any_filled(oc3, o, leaver)) out.add(header, h);
  }
}

// 630: an episode starting this year with RNE S has no (or incomplete) previous permanence
// details: no PrevPerm row, PREV_PERM blank, or an option other than Z1 without LA_PERM and
// DATE_PERM.
void check_630(const Dataset& ds, Hits& out) {
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
void check_631(const Dataset& ds, Hits& out) {
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
void check_632(const Dataset& ds, Hits& out) {
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
void check_633(const Dataset& ds, Hits& out) {
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
void check_634(const Dataset& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& pre = *ds.get(TableKind::PrevPerm);
  const Col decom = ep.col("DECOM");
  const std::array<Col, 3> details = {pre.col("PREV_PERM"), pre.col("DATE_PERM"),
                                      pre.col("LA_PERM")};
  for (std::size_t p = 0; p < pre.size(); ++p) {
    if (!any_filled(pre, p, details)) continue;
    auto rows = ep.rows_of(pre.child(p));
    long last = extreme_row(ep, rows, decom, false);
    if (last < 0 || *ep.date(static_cast<std::size_t>(last), decom) >= ds.collection_start())
      continue;
    out.add(pre, p);
    for (std::uint32_t r : rows) out.add(ep, r);
  }
}

// 635: LA_PERM or DATE_PERM is given but PREV_PERM is blank.
void check_635(const Dataset& ds, Hits& out) {
  const Table& pre = *ds.get(TableKind::PrevPerm);
  const Col prev = pre.col("PREV_PERM"), la = pre.col("LA_PERM"), date = pre.col("DATE_PERM");
  for (std::size_t r = 0; r < pre.size(); ++r)
    if ((!pre.missing(r, la) || !pre.missing(r, date)) && pre.missing(r, prev)) out.add(pre, r);
}

bool has_rec(const Table& ep, std::string_view child, Col rec, std::string_view code) {
  for (std::uint32_t r : ep.rows_of(child))
    if (ep.text(r, rec) == code) return true;
  return false;
}

// 1000: an OC3 row for a child whose episodes (this year or, when given, last year) end with
// REC E2: the child died while looked after.
void check_1000(const Dataset& ds, Hits& out) {
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

void check_1001(const Dataset& ds, Hits& out) {
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
void check_1002(const Dataset& ds, Hits& out) {
  const Table& cur = *ds.get(TableKind::Episodes);
  const Table& prev = *ds.last(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  for (std::size_t o = 0; o < oc3.size(); ++o)
    if (!cur.has_child(oc3.child(o)) && !prev.has_child(oc3.child(o))) out.add(oc3, o);
}

// 1003: the decision to place for adoption (DATE_PLACED) is before the start of the child's first
// episode with RNE S.
void check_1003(const Dataset& ds, Hits& out) {
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
void check_1004(const Dataset& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col start = mis.col("MIS_START");
  for (std::size_t r = 0; r < mis.size(); ++r)
    if (!mis.date(r, start)) out.add(mis, r);
}

// 1005: MIS_END is given but is not a valid date.
void check_1005(const Dataset& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col end = mis.col("MIS_END");
  for (std::size_t r = 0; r < mis.size(); ++r)
    if (!mis.missing(r, end) && !mis.date(r, end)) out.add(mis, r);
}

// 1006: MISSING, when given, is neither M (missing) nor A (away without authorisation).
void check_1006(const Dataset& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col type = mis.col("MISSING");
  for (std::size_t r = 0; r < mis.size(); ++r)
    if (!mis.missing(r, type) && !in(mis.text(r, type), {"M", "A"})) out.add(mis, r);
}

// 1007: care leaver details are given for a young person aged 17 or 18 at the end of the year
// who was still looked after on their last birthday (an episode starting on or before it and
// ending after it).
void check_1007(const Dataset& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col decom = ep.col("DECOM"), dec = ep.col("DEC"), dob = oc3.col("DOB");
  const auto leaver = leaver_cols(oc3);
  const Date end = ds.collection_end();
  const int end_year = int(std::chrono::year_month_day{end}.year());
  for (std::size_t o = 0; o < oc3.size(); ++o) {
    auto born = oc3.date(o, dob);
    if (!born || !any_filled(oc3, o, leaver)) continue;
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
void check_1008(const Dataset& ds, Hits& out) {
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
void check_1009(const Dataset& ds, Hits& out) {
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
void check_1010(const Dataset& ds, Hits& out) {
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
void check_1011(const Dataset& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col decom = ep.col("DECOM"), rec = ep.col("REC");
  const auto leaver = leaver_cols(oc3);
  for (std::size_t o = 0; o < oc3.size(); ++o) {
    if (!any_filled(oc3, o, leaver)) continue;
    long last = extreme_row(ep, ep.rows_of(oc3.child(o)), decom, false);
    if (last >= 0 && ep.text(static_cast<std::size_t>(last), rec) == "E3") out.add(oc3, o);
  }
}

// 1012: a PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2 row for a child with no episodes
// this year.
void check_1012(const Dataset& ds, Hits& out) {
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
void check_1014(const Dataset& ds, Hits& out) {
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
      if (!any_filled(oc3, o, leaver)) continue;
      out.add(uasc, u);
      out.add(oc3, o);
    }
  }
}

// 1015: an episode with the council's own provision (PR1), other than foster care or adoption
// placements and V3/V4 short breaks, is placed outside the council's area (PL_LA).
void check_1015(const Dataset& ds, Hits& out) {
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
void check_1016(const Dataset& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col dec = ep.col("DEC"), dob = oc3.col("DOB");
  const auto leaver = leaver_cols(oc3);
  for (std::size_t o = 0; o < oc3.size(); ++o) {
    auto born = oc3.date(o, dob);
    if (!born || !any_filled(oc3, o, leaver)) continue;
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
void check_EPI(const Dataset& ds, Hits& out) {
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
void check_NoE(const Dataset& ds, Hits& out) {
  const Table& ep = *ds.get(TableKind::Episodes);
  const Table& prev = *ds.last(TableKind::Episodes);
  const Col decom = ep.col("DECOM");
  for (std::size_t r = 0; r < ep.size(); ++r) {
    auto d = ep.date(r, decom);
    if (d && *d < ds.collection_start() && !prev.has_child(ep.child(r))) out.add(ep, r);
  }
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
       "postcodes"},
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
