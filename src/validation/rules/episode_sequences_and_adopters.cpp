// 903 validation rules 501-521: an episode against the one before it and against last year's
// last, in the DfE tool's order (episode_order.hpp), and the adopters' details (see registry.hpp).
// Split from adoption_and_missing.cpp, registered right after it, so the findings' order is
// unchanged.
#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"
#include "validation/rules/episode_order.hpp"

namespace hearth::validation::rules {

namespace {

// 501: an episode cannot start before the previous one ended.
void check_501(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC");
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    const OptDate began = eps.date(r, decom), ended = eps.date(p, dec);
    if (began && ended && *began < *ended) out.add(eps, r);
  });
}

// 504: when the previous episode ended with X1 (care continues) on the day this one began, the
// category of need stays the same.
void check_504(const ReturnTables& ds, Hits& out) {
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
void check_502(const ReturnTables& ds, Hits& out) {
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

void check_503A(const ReturnTables& ds, Hits& out) {
  check_field_same_as_last_year(ds, out, "RNE");
}
void check_503B(const ReturnTables& ds, Hits& out) {
  check_field_same_as_last_year(ds, out, "LS");
}
void check_503C(const ReturnTables& ds, Hits& out) {
  check_field_same_as_last_year(ds, out, "CIN");
}
// 503D: as 503A for the placement type, allowing the codes a year's guidance replaced: H5 became
// K3 (2023/24 and 2024/25 returns) and Z1 was split into Z11-Z14 (2025/26), so a change from the
// old code to its successor is not a change of placement.
void check_503D(const ReturnTables& ds, Hits& out) {
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
void check_503E(const ReturnTables& ds, Hits& out) {
  check_field_same_as_last_year(ds, out, "PLACE_PROVIDER");
}
void check_503F(const ReturnTables& ds, Hits& out) {
  check_field_same_as_last_year(ds, out, "URN");
}

// 503G: the placement distance, compared as in rule 453 but whatever the RNE.
void check_503G(const ReturnTables& ds, Hits& out) {
  const Table& now = *ds.get(TableKind::Episodes);
  const Table& before = *ds.last(TableKind::Episodes);
  const Col dec_last = before.col("DEC");
  across_years(now, before, [&](std::uint32_t r, std::uint32_t p) {
    if (!before.date(p, dec_last) && distance_changed(ds, now, r, before, p)) out.add(now, r);
  });
}

void check_503H(const ReturnTables& ds, Hits& out) {
  check_same_as_last_year(
      ds, out, [&](const Table& t, std::uint32_t r) { return placement_la(ds, t, r); }, no_excuse);
}
void check_503J(const ReturnTables& ds, Hits& out) {
  check_same_as_last_year(
      ds, out, [&](const Table& t, std::uint32_t r) { return placement_location(ds, t, r); },
      no_excuse);
}

// --- Adopters (AD1) -------------------------------------------------------------------------

// 511: two adopters (NB_ADOPTR 2) cannot have a single adopter's sex code (M1, F1).
void check_511(const ReturnTables& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col nb = ad1.col("NB_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, nb) == "2" && in(ad1.text(r, sex), {"M1", "F1"})) out.add(ad1, r);
}

// 514: a single adopter (LS_ADOPTR L0) has the sex code M1 or F1.
void check_514(const ReturnTables& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ls = ad1.col("LS_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, ls) == "L0" && !in(ad1.text(r, sex), {"M1", "F1"})) out.add(ad1, r);
}

// 517: adopters who are an unmarried couple of different sexes (L3) are coded MF.
void check_517(const ReturnTables& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ls = ad1.col("LS_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, ls) == "L3" && ad1.text(r, sex) != "MF") out.add(ad1, r);
}

// 518: adopters who are an unmarried couple of the same sex (L4) are coded MM or FF.
void check_518(const ReturnTables& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ls = ad1.col("LS_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, ls) == "L4" && !in(ad1.text(r, sex), {"MM", "FF"})) out.add(ad1, r);
}

// 519: adopters in a civil partnership (L2) are a couple: MM, FF or MF.
void check_519(const ReturnTables& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ls = ad1.col("LS_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, ls) == "L2" && !in(ad1.text(r, sex), {"MM", "FF", "MF"})) out.add(ad1, r);
}

// 520: a married couple of different sexes (L11) is coded MF.
void check_520(const ReturnTables& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ls = ad1.col("LS_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, ls) == "L11" && ad1.text(r, sex) != "MF") out.add(ad1, r);
}

// 516: an episode ending in a special guardianship order or child arrangements order with the
// former foster carers (E45, E46) must be a placement with foster carers (U1-U6).
void check_516(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col rec = eps.col("REC"), place = eps.col("PLACE");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (in(eps.text(r, rec), {"E45", "E46"}) &&
        !in(eps.text(r, place), {"U1", "U2", "U3", "U4", "U5", "U6"}))
      out.add(eps, r);
}

// 521: the decision that the child should be placed for adoption (AD1 DATE_INT) comes on or
// before the start of any placement for adoption (A3-A6). Reports the episode and the AD1 row.
void check_521(const ReturnTables& ds, Hits& out) {
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

}  // namespace

std::span<const Rule> episode_sequences_and_adopters() {
  static const std::vector<Rule> kRules = {
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
