// 903 validation rules 207-234: placements, their providers and Ofsted registration (see
// registry.hpp). Rules 301-3001 are in uasc_matching_and_outcomes.cpp, registered right after
// these.
#include <string>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// --- Helpers shared by this group -----------------------------------------------------------

// Whether `code` is one of the comma separated codes in `list` ("PR1,PR3").
bool listed(std::string_view list, std::string_view code) {
  while (!list.empty()) {
    auto comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    if (item == code) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

// An Ofsted URN the DfE's checks look up: given and not the "not applicable" XXXXXXX.
bool real_urn(std::string_view urn) {
  return !urn.empty() && urn != "XXXXXXX";
}

// The Ofsted provider with this URN, nullptr when the register does not list it.
const Provider* provider(const ReturnTables& ds, std::string_view urn) {
  auto it = ds.reference->providers.find(std::string(urn));
  return it == ds.reference->providers.end() ? nullptr : &it->second;
}

// --- Header and previous year ----------------------------------------------------------------

// 207: a child recorded last year as a mother (MOTHER 1) who is still looked after (has episodes)
// must not be recorded as anything else this year.
void check_207(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& before = *ds.last(TableKind::Header);
  const Table& episodes = *ds.get(TableKind::Episodes);
  const Col mother = header.col("MOTHER"), mother_last = before.col("MOTHER");
  for (std::size_t r = 0; r < header.size(); ++r) {
    if (header.text(r, mother) == "1" || !episodes.has_child(header.child(r))) continue;
    for (std::uint32_t p : before.rows_of(header.child(r)))
      if (before.text(p, mother_last) == "1") out.add(header, r);
  }
}

// 208: a child in both years' returns keeps the same UPN, except for the moves the guidance
// allows: from unknown (missing or UN1) to UN2-UN5, from missing to UN1, and from unknown
// (missing or any UN code) to a real UPN. Missing in both years is left to rule 442.
void check_208(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& before = *ds.last(TableKind::Header);
  const Col upn = header.col("UPN"), upn_last = before.col("UPN");
  auto unknown_code = [](std::string_view v) { return in(v, {"UN1", "UN2", "UN3", "UN4", "UN5"}); };
  for (std::size_t r = 0; r < header.size(); ++r) {
    std::string_view now = header.text(r, upn);
    for (std::uint32_t p : before.rows_of(header.child(r))) {
      std::string_view then = before.text(p, upn_last);
      if (now == then) continue;
      if (then.empty() && now.empty()) continue;
      bool was_unknown = then.empty() || then == "UN1";
      if (was_unknown && in(now, {"UN2", "UN3", "UN4", "UN5"})) continue;
      if (then.empty() && now == "UN1") continue;
      if ((then.empty() || unknown_code(then)) && !(now.empty() || unknown_code(now))) continue;
      out.add(header, r);
    }
  }
}

// 209: UN1 ("not yet of school age") cannot be used for a child who was 4 or older on 31 August
// of the year before the collection year starts (31/08/2024 for 2025/26).
void check_209(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col dob = header.col("DOB"), upn = header.col("UPN");
  const int start_year = int(std::chrono::year_month_day{ds.collection_start()}.year());
  const Date reference = make_date(start_year - 1, 8, 31);
  for (std::size_t r = 0; r < header.size(); ++r) {
    if (header.text(r, upn) != "UN1") continue;
    auto born = header.date(r, dob);
    if (born && reference >= plus_years(*born, 4)) out.add(header, r);
  }
}

// 210: UN4 cannot be used for a child with an episode starting on or after 24 March of the
// collection's end year (i.e. looked after for more than a week by 31 March). Both the episode
// and the Header row are reported.
void check_210(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& episodes = *ds.get(TableKind::Episodes);
  const Col upn = header.col("UPN"), decom = episodes.col("DECOM");
  const Date cutoff = make_date(ds.year.end_year, 3, 24);
  for (std::size_t e = 0; e < episodes.size(); ++e) {
    auto start = episodes.date(e, decom);
    if (!start || *start < cutoff) continue;
    for (std::uint32_t h : header.rows_of(episodes.child(e)))
      if (header.text(h, upn) == "UN4") {
        out.add(episodes, e);
        out.add(header, h);
      }
  }
}

// --- Episodes: placement details -------------------------------------------------------------

// 213: temporary placements (T0-T4) and the Z11-Z14 placements take no placement provider.
void check_213(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col place = t.col("PLACE"), provider_col = t.col("PLACE_PROVIDER");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (in(t.text(r, place), {"T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"}) &&
        !t.missing(r, provider_col))
      out.add(t, r);
}

// 214: short breaks (legal status V3, V4) take no placement postcode and no URN.
void check_214(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col ls = t.col("LS"), pl_post = t.col("PL_POST"), urn = t.col("URN");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (in(t.text(r, ls), {"V3", "V4"}) && (!t.missing(r, pl_post) || !t.missing(r, urn)))
      out.add(t, r);
}

// 217: from 1 April 2015, a placement for adoption with the current foster carers (A3, A5)
// starts a new episode only for reason S, T or U.
void check_217(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col place = t.col("PLACE"), decom = t.col("DECOM"), rne = t.col("RNE");
  const Date from = make_date(2015, 4, 1);
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (!in(t.text(r, place), {"A3", "A5"}) || in(t.text(r, rne), {"S", "T", "U"})) continue;
    auto start = t.date(r, decom);
    if (start && *start >= from) out.add(t, r);
  }
}

// 218: an episode open at some point in the year (no end date, or ending on or after 1 April)
// needs an Ofsted URN, unless its placement type never has one or it is outside England.
void check_218(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col place = t.col("PLACE"), dec = t.col("DEC"), urn = t.col("URN"), ls = t.col("LS");
  const Date start = ds.collection_start();
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (!t.missing(r, urn)) continue;
    // Deliberately unlike the DfE tool: a short break takes no URN (rule 214), so it is not
    // asked for one here (tests/data/validation/218/short_break.case).
    if (in(t.text(r, ls), {"V3", "V4"})) continue;
    if (in(t.text(r, place), {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11",
                              "Z12", "Z13", "Z14"}))
      continue;
    if (!t.missing(r, dec)) {
      auto end = t.date(r, dec);
      if (!end || *end < start) continue;
    }
    auto la = placement_la(ds, t, r);
    if (la && in(*la, {"CON", "NIR", "SCO", "WAL", "NUK"})) continue;
    out.add(t, r);
  }
}

// 222: placement types that are never Ofsted-registered take no URN (XXXXXXX aside).
void check_222(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col place = t.col("PLACE"), urn = t.col("URN");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (in(t.text(r, place), {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11",
                              "Z12", "Z13", "Z14"}) &&
        real_urn(t.text(r, urn)))
      out.add(t, r);
}

// --- Episodes against the Ofsted register ----------------------------------------------------

// 219: the placement type must be one the URN's provider is registered for. A URN the register
// does not list, or lists without placement codes, is reported too.
void check_219(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col place = t.col("PLACE"), urn = t.col("URN");
  for (std::size_t r = 0; r < t.size(); ++r) {
    std::string_view u = t.text(r, urn);
    if (!real_urn(u)) continue;
    const Provider* p = provider(ds, u);
    std::string_view pl = t.text(r, place);
    if (!p || p->place_codes.empty() || pl.empty() || !listed(p->place_codes, pl)) out.add(t, r);
  }
}

// 221: for children's homes, secure units and other registered settings, outside short breaks,
// the placement postcode must be the provider's postcode on the register. The settings are the
// DfE's for each year: K1, K2, R3, S1 in 2022/23; H5 as well in 2023/24; K3 (supported
// accommodation, which replaced H5) from 2024/25.
void check_221(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col place = t.col("PLACE"), urn = t.col("URN"), ls = t.col("LS"),
            pl_post = t.col("PL_POST");
  const int year = ds.year.end_year;
  auto checked = [&](std::string_view pl) {
    if (in(pl, {"K1", "K2", "R3", "S1"})) return true;
    return (year == 2024 && pl == "H5") || (year >= 2025 && pl == "K3");
  };
  std::string post;
  for (std::size_t r = 0; r < t.size(); ++r) {
    std::string_view u = t.text(r, urn);
    if (!real_urn(u) || in(t.text(r, ls), {"V3", "V4"}) || !checked(t.text(r, place)) ||
        t.missing(r, pl_post))
      continue;
    const Provider* p = provider(ds, u);
    if (!p || p->postcode.empty()) {
      out.add(t, r);
      continue;
    }
    // Compared upper-cased without spaces, as the register's postcodes are stored.
    post.clear();
    for (char c : t.text(r, pl_post))
      if (c != ' ') post.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    if (post != p->postcode) out.add(t, r);
  }
}

// 224: the placement provider code must be one the URN's provider is registered under.
void check_224(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col provider_col = t.col("PLACE_PROVIDER"), urn = t.col("URN");
  for (std::size_t r = 0; r < t.size(); ++r) {
    std::string_view u = t.text(r, urn);
    if (!real_urn(u)) continue;
    const Provider* p = provider(ds, u);
    std::string_view code = t.text(r, provider_col);
    if (!p || p->provider_codes.empty() || code.empty() || !listed(p->provider_codes, code))
      out.add(t, r);
  }
}

// 227: an episode cannot start on or after the day the provider's registration ended.
void check_227(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col decom = t.col("DECOM"), urn = t.col("URN");
  for (std::size_t r = 0; r < t.size(); ++r) {
    std::string_view u = t.text(r, urn);
    if (!real_urn(u)) continue;
    const Provider* p = provider(ds, u);
    if (!p || !p->registered_until) continue;
    auto start = t.date(r, decom);
    if (start && *start >= *p->registered_until) out.add(t, r);
  }
}

// 228: an episode cannot end after the provider's registration ended; an open episode needs the
// registration to run to at least 31 March.
void check_228(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col dec = t.col("DEC"), urn = t.col("URN");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < t.size(); ++r) {
    std::string_view u = t.text(r, urn);
    if (!real_urn(u)) continue;
    const Provider* p = provider(ds, u);
    if (!p || !p->registered_until) continue;
    auto ceased = t.date(r, dec);
    if (ceased ? *ceased > *p->registered_until : end > *p->registered_until) out.add(t, r);
  }
}

// 229: PR1 (the council's own provision) needs a provider in the council's area; PR2 (another
// council's) needs one outside it. The provider's area comes from its postcode on the register.
void check_229(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col provider_col = t.col("PLACE_PROVIDER"), urn = t.col("URN");
  for (std::size_t r = 0; r < t.size(); ++r) {
    std::string_view u = t.text(r, urn);
    if (!real_urn(u)) continue;
    std::string_view code = t.text(r, provider_col);
    if (code != "PR1" && code != "PR2") continue;
    const Provider* p = provider(ds, u);
    bool known = p && !p->la.empty();
    bool ours = known && p->la == ds.la;
    if ((code == "PR1" && !ours) || (code == "PR2" && ours)) out.add(t, r);
  }
}

// --- Episodes: reason for placement change ---------------------------------------------------

// 225: when a placement ends with a change of placement (REC X1) and the next episode is a
// placement change (RNE P, B, T or U), neither placement being temporary (T0-T4), the episode
// that ended needs a reason for the placement change.
void check_225(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col decom = t.col("DECOM"), rec = t.col("REC"), rne = t.col("RNE"), place = t.col("PLACE"),
            reason = t.col("REASON_PLACE_CHANGE");
  std::vector<std::uint32_t> rows;
  for (const std::string& child : t.children()) {
    order_by_date(t, t.rows_of(child), decom, rows);
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
      std::uint32_t r = rows[i], next = rows[i + 1];
      if (t.text(r, rec) == "X1" && t.missing(r, reason) && !temporary(t.text(r, place)) &&
          in(t.text(next, rne), {"P", "B", "T", "U"}) && !temporary(t.text(next, place)))
        out.add(t, r);
    }
  }
}

// 226: a temporary placement (T0-T4) takes no reason for placement change, and neither does
// the episode just before it (by start date).
void check_226(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col decom = t.col("DECOM"), place = t.col("PLACE"), reason = t.col("REASON_PLACE_CHANGE");
  std::vector<std::uint32_t> rows;
  for (const std::string& child : t.children()) {
    order_by_date(t, t.rows_of(child), decom, rows);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      std::uint32_t r = rows[i];
      if (!temporary(t.text(r, place))) continue;
      bool previous_reason = i > 0 && !t.missing(rows[i - 1], reason);
      if (!t.missing(r, reason) || previous_reason) out.add(t, r);
    }
  }
}

// 233: an episode that has not ended (no DEC) takes no reason for placement change.
// The DfE tool reads a column "DATE_EPISODE_CEASED" that no 903 file has, so it never runs;
// Hearth checks the episode's end date DEC, which is what the rule means.
void check_233(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col dec = t.col("DEC"), reason = t.col("REASON_PLACE_CHANGE");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (t.missing(r, dec) && !t.missing(r, reason)) out.add(t, r);
}

// 234: a placement change for custody (CUSTOD) is impossible for a child under 10 at the start
// of the episode. The DfE tool compares the episode's own start date with the 10th birthday.
void check_234(const ReturnTables& ds, Hits& out) {
  const Table& episodes = *ds.get(TableKind::Episodes);
  const Table& header = *ds.get(TableKind::Header);
  const Col decom = episodes.col("DECOM"), reason = episodes.col("REASON_PLACE_CHANGE"),
            dob = header.col("DOB");
  for (std::size_t e = 0; e < episodes.size(); ++e) {
    if (episodes.text(e, reason) != "CUSTOD") continue;
    auto start = episodes.date(e, decom);
    if (!start) continue;
    for (std::uint32_t h : header.rows_of(episodes.child(e))) {
      auto born = header.date(h, dob);
      if (born && plus_years(*born, 10) > *start) {
        out.add(episodes, e);
        out.add(header, h);
      }
    }
  }
}

// --- Header, UASC and dates of birth ---------------------------------------------------------

// 231 (query): an unaccompanied asylum-seeking child is expected to be at least 11 at 31 March.
// The DfE tool reads a Header column "UASC_STATUS" that its own ingest never creates, so it
// never runs; Hearth uses the Header's UASC flag (the child has a UASC record), as meant.
void check_231(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col dob = header.col("DOB"), uasc = header.col("UASC");
  const Date limit = plus_years(ds.collection_end(), -11);
  for (std::size_t r = 0; r < header.size(); ++r) {
    if (header.text(r, uasc) != "1") continue;
    auto born = header.date(r, dob);
    if (born && *born > limit) out.add(header, r);
  }
}

// 232: SEX recorded as U (unknown).
void check_232(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col sex = header.col("SEX");
  for (std::size_t r = 0; r < header.size(); ++r)
    if (header.text(r, sex) == "U") out.add(header, r);
}

// 215: a care leaver (OC3 IN_TOUCH, ACTIV or ACCOM given) has no OC2 outcomes for children
// looked after for 12 months. Both rows are reported.
void check_215(const ReturnTables& ds, Hits& out) {
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Table& oc2 = *ds.get(TableKind::Oc2);
  const Col in_touch = oc3.col("IN_TOUCH"), activ = oc3.col("ACTIV"), accom = oc3.col("ACCOM");
  const Col oc2_cols[] = {oc2.col("CONVICTED"),
                          oc2.col("HEALTH_CHECK"),
                          oc2.col("IMMUNISATIONS"),
                          oc2.col("TEETH_CHECK"),
                          oc2.col("HEALTH_ASSESSMENT"),
                          oc2.col("SUBSTANCE_MISUSE"),
                          oc2.col("INTERVENTION_RECEIVED"),
                          oc2.col("INTERVENTION_OFFERED")};
  for (std::size_t r = 0; r < oc3.size(); ++r) {
    if (oc3.missing(r, in_touch) && oc3.missing(r, activ) && oc3.missing(r, accom)) continue;
    for (std::uint32_t o : oc2.rows_of(oc3.child(r))) {
      bool any = false;
      for (Col c : oc2_cols) any = any || !oc2.missing(o, c);
      if (any) {
        out.add(oc3, r);
        out.add(oc2, o);
      }
    }
  }
}

}  // namespace

std::span<const Rule> placements_and_ofsted() {
  static const std::vector<Rule> kRules = {
      {"207", Severity::Error, "Header,Episodes,Header_last", "MOTHER",
       "The child was recorded as a mother last year (MOTHER 1) but is not recorded as a mother "
       "this year.",
       "Once a child has been recorded as a mother the record stays 1. Check last year's return "
       "and the child's record; correct MOTHER this year (and MC_DOB) unless last year's entry "
       "was itself a mistake, in which case explain that to the DfE.",
       "SSDA903 guidance 2025/26, Header: MOTHER", 2023, 0, check_207},
      {"208", Severity::Error, "Header,Header_last", "UPN",
       "The child's UPN differs from the UPN in last year's return.",
       "A child keeps one UPN for life. Use last year's UPN unless it was unknown (UN1-UN5 or "
       "blank) and the real UPN is now known; check with the school or the virtual school.",
       "SSDA903 guidance, Header: UPN; DfE Common Basic Data Set (UPN)", 2023, 0, check_208},
      {"209", Severity::Error, "Header", "UPN,DOB",
       "UPN is UN1 (child not yet of school age) but the child was of school age: 4 or older on "
       "31 August before the collection year.",
       "Get the child's UPN from the school or the virtual school and record it; if it really "
       "cannot be found, use the unknown code that fits (UN2-UN5). Check the date of birth too.",
       "SSDA903 guidance 2025/26, Header: UPN (unknown UPN codes)", 2023, 0, check_209},
      {"210", Severity::Error, "Header,Episodes", "UPN,DECOM",
       "UPN is UN4 but the child has an episode starting on or after 24 March, so was looked after "
       "for more than a week by 31 March.",
       "UN4 is only for a child looked after for under a week at 31 March. Obtain the child's UPN "
       "from the school or virtual school, or use the unknown code that fits.",
       "SSDA903 guidance 2025/26, Header: UPN (UN4)", 2023, 0, check_210},
      {"213", Severity::Error, "Episodes", "PLACE_PROVIDER",
       "A placement provider is recorded for a placement type that takes none (T0-T4, Z11-Z14).",
       "Leave PLACE_PROVIDER blank for temporary placements (T0-T4) and Z11-Z14 placements, or "
       "correct the placement type if it is wrong.",
       "SSDA903 guidance 2025/26, Episodes: PLACE_PROVIDER", 2023, 0, check_213},
      {"214", Severity::Error, "Episodes", "PL_POST,URN",
       "A placement postcode or Ofsted URN is recorded for a short-break episode (legal status V3 "
       "or V4).",
       "Short-break episodes (V3, V4) take no placement postcode or URN: leave them blank, or "
       "correct the legal status if the child was not on short breaks.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST, URN", 2023, 0, check_214},
      {"215", Severity::Error, "OC2,OC3",
       "IN_TOUCH,ACTIV,ACCOM,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,"
       "TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
       "The young person has care leaver (OC3) information and also outcomes for children looked "
       "after for 12 months (OC2).",
       "A care leaver is returned in OC3 only. Remove the OC2 outcomes, or the OC3 entry if the "
       "young person is not a care leaver this year.",
       "SSDA903 guidance 2025/26, OC2 and OC3 (who is included)", 2023, 0, check_215},
      {"217", Severity::Error, "Episodes", "PLACE,DECOM,RNE",
       "A placement for adoption with the current foster carers (A3 or A5) starting on or after "
       "1 April 2015 has a reason for new episode other than S, T or U.",
       "When foster carers become the adopters the child's status changes, not the carers: the "
       "new episode's reason must be S, T or U. Correct the reason or the placement type.",
       "SSDA903 guidance 2025/26, Episodes: RNE, PLACE (A3, A5)", 2023, 0, check_217},
      {"218", Severity::Error, "Episodes", "URN",
       "The Ofsted URN is missing for a placement in England that needs one.",
       "Record the Ofsted URN of the setting (from the Ofsted register or the provider). Use "
       "XXXXXXX only where the guidance allows it, e.g. the setting is not registered.",
       "SSDA903 guidance 2025/26, Episodes: URN", 2023, 0, check_218, "postcodes"},
      {"219", Severity::Error, "Episodes", "URN,PLACE",
       "The placement type is not one the Ofsted-registered provider with this URN offers, or "
       "the URN is not on the Ofsted register.",
       "Check the URN against the Ofsted register and the placement type against the setting "
       "(e.g. a children's home is K2); correct whichever is wrong.",
       "SSDA903 guidance 2025/26, Episodes: URN, PLACE", 2023, 0, check_219, "providers"},
      {"221", Severity::Error, "Episodes", "PL_POST",
       "The placement postcode is not the postcode Ofsted holds for the setting with this URN.",
       "Check the URN and the placement postcode against the Ofsted register and correct "
       "whichever is wrong. For these settings the placement postcode is the setting's address.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST, URN", 2023, 0, check_221, "providers"},
      {"222", Severity::Error, "Episodes", "URN",
       "An Ofsted URN is recorded for a placement type that is never Ofsted registered (P1, P3, "
       "R1, R2, R5, T0-T4, Z11-Z14).",
       "Leave the URN blank for this placement type, or correct the placement type if the child "
       "was in a registered setting.",
       "SSDA903 guidance 2025/26, Episodes: URN", 2023, 0, check_222},
      {"224", Severity::Error, "Episodes", "PLACE_PROVIDER",
       "The placement provider code does not match the provider type Ofsted holds for this URN.",
       "Check who runs the setting (the council, another council, a private or voluntary "
       "provider) on the Ofsted register, and correct PLACE_PROVIDER or the URN.",
       "SSDA903 guidance 2025/26, Episodes: PLACE_PROVIDER, URN", 2023, 0, check_224, "providers"},
      {"225", Severity::Error, "Episodes", "REASON_PLACE_CHANGE",
       "The reason for the placement change is missing: the placement ended in a change of "
       "placement (REC X1) and the next episode is a new placement.",
       "Record why the placement changed (REASON_PLACE_CHANGE) on the episode that ended with X1. "
       "Temporary placements (T0-T4) are exempt.",
       "SSDA903 guidance 2025/26, Episodes: REASON_PLACE_CHANGE", 2023, 0, check_225},
      {"226", Severity::Error, "Episodes", "REASON_PLACE_CHANGE,PLACE",
       "A reason for placement change is recorded on a temporary placement (T0-T4) or on the "
       "episode just before it.",
       "Moves into and out of temporary placements are not placement changes: leave "
       "REASON_PLACE_CHANGE blank on both episodes, or correct the placement type.",
       "SSDA903 guidance 2025/26, Episodes: REASON_PLACE_CHANGE, PLACE (T0-T4)", 2023, 0,
       check_226},
      {"227", Severity::Error, "Episodes", "URN,DECOM",
       "The episode starts on or after the date the setting's Ofsted registration ended.",
       "Check the URN (the setting may have re-registered under a new URN) and the episode's "
       "start date against the Ofsted register.",
       "SSDA903 guidance 2025/26, Episodes: URN, DECOM", 2023, 0, check_227, "providers"},
      {"228", Severity::Error, "Episodes", "URN,DEC",
       "The episode ends after the setting's Ofsted registration ended (or is still open after it "
       "ended before 31 March).",
       "Check the URN and the end date against the Ofsted register. If the setting closed or "
       "re-registered, the child's placement should have ended or moved to the new URN.",
       "SSDA903 guidance 2025/26, Episodes: URN, DEC", 2023, 0, check_228, "providers"},
      {"229", Severity::Error, "Episodes", "URN,PLACE_PROVIDER",
       "The placement provider does not agree with where the setting is: PR1 (own council) for a "
       "setting outside the council's area, or PR2 (other council) for one inside it.",
       "Check who provides the placement and where the setting is (the area comes from the "
       "setting's postcode on the Ofsted register, which can occasionally mislead).",
       "SSDA903 guidance 2025/26, Episodes: PLACE_PROVIDER, URN", 2023, 0, check_229, "providers"},
      {"231", Severity::Query, "Header", "DOB,UASC",
       "An unaccompanied asylum-seeking child is under 11 at 31 March, which is unusual.",
       "Check the date of birth. If it is right, keep it and explain the case to the DfE when "
       "asked about this query.",
       "SSDA903 guidance 2025/26, Header: DOB; UASC", 2025, 0, check_231},
      {"232", Severity::Error, "Header", "SEX", "The child's sex is recorded as unknown (U).",
       "Record the child's sex (1 male, 2 female) as on the birth certificate or other official "
       "record.",
       "SSDA903 guidance 2025/26, Header: SEX", 2025, 0, check_232},
      {"233", Severity::Error, "Episodes", "REASON_PLACE_CHANGE",
       "A reason for placement change is recorded on an episode that has not ended.",
       "The reason belongs on the episode that ended with the placement change. Leave it blank "
       "on an open episode, or add the episode's end date if it has ended.",
       "SSDA903 guidance 2025/26, Episodes: REASON_PLACE_CHANGE, DEC", 2026, 0, check_233},
      {"234", Severity::Error, "Episodes,Header", "REASON_PLACE_CHANGE,DOB",
       "The placement changed because the child went into custody (CUSTOD) but the child was "
       "under 10.",
       "A child under 10 cannot be held criminally responsible. Check the date of birth and the "
       "reason for the placement change, and correct whichever is wrong.",
       "SSDA903 guidance 2025/26, Episodes: REASON_PLACE_CHANGE (CUSTOD)", 2026, 0, check_234},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
