// 903 validation rules: placement_changes, 522-563 (see registry.hpp for the codes in this group).
#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// ---------------------------------------------------------------------------------------------
// Shared helpers

bool adoption_place(std::string_view place) {
  return in(place, {"A3", "A4", "A5", "A6"});
}

// ---------------------------------------------------------------------------------------------
// Adoption: PlacedAdoption and AD1

// 522: the decision that the child should no longer be placed for adoption cannot come before
// the decision that they should be.
void check_522(const ReturnTables& ds, Hits& out) {
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col placed = pa.col("DATE_PLACED"), ceased = pa.col("DATE_PLACED_CEASED");
  for (std::size_t r = 0; r < pa.size(); ++r) {
    const OptDate p = pa.date(r, placed), c = pa.date(r, ceased);
    if (p && c && *c < *p) out.add(pa, r);
  }
}

// 523: the decision to place for adoption (DATE_PLACED) and the decision that adoption is in the
// child's best interests (AD1 DATE_INT) should carry the same date. Every pairing of a child's
// rows with both dates is compared, as the tool's merge does.
void check_523(const ReturnTables& ds, Hits& out) {
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col placed = pa.col("DATE_PLACED"), date_int = ad1.col("DATE_INT");
  for (std::size_t r = 0; r < pa.size(); ++r) {
    const OptDate p = pa.date(r, placed);
    if (!p) continue;
    for (std::uint32_t a : ad1.rows_of(pa.child(r))) {
      const OptDate i = ad1.date(a, date_int);
      if (i && *i != *p) {
        out.add(pa, r);
        out.add(ad1, a);
      }
    }
  }
}

// 524: adopters in a civil partnership (L12) are a same-sex couple: SEX_ADOPTR MM or FF.
void check_524(const ReturnTables& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ls = ad1.col("LS_ADOPTR"), sex = ad1.col("SEX_ADOPTR");
  for (std::size_t r = 0; r < ad1.size(); ++r)
    if (ad1.text(r, ls) == "L12" && !in(ad1.text(r, sex), {"MM", "FF"})) out.add(ad1, r);
}

// 525: a child whose adoption plan was reversed (DATE_PLACED_CEASED given) should have no
// adoption details in AD1.
void check_525(const ReturnTables& ds, Hits& out) {
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col ceased = pa.col("DATE_PLACED_CEASED");
  const Col fields[] = {ad1.col("DATE_INT"),  ad1.col("DATE_MATCH"), ad1.col("FOSTER_CARE"),
                        ad1.col("NB_ADOPTR"), ad1.col("SEX_ADOPTR"), ad1.col("LS_ADOPTR")};
  for (std::size_t r = 0; r < pa.size(); ++r) {
    if (!present(pa, r, ceased)) continue;
    for (std::uint32_t a : ad1.rows_of(pa.child(r))) {
      bool any = false;
      for (Col f : fields) any = any || present(ad1, a, f);
      if (any) {
        out.add(pa, r);
        out.add(ad1, a);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Placement provider codes (Episodes PLACE and PLACE_PROVIDER)

// 526: every placement except temporary ones (T0-T4) and the Z11-Z14 codes needs a provider.
void check_526(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), provider = eps.col("PLACE_PROVIDER");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (!in(eps.text(r, place), {"T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"}) &&
        eps.missing(r, provider))
      out.add(eps, r);
}

// Rows whose PLACE is one of `places` and whose PLACE_PROVIDER is `code`.
void provider_with_places(const ReturnTables& ds, Hits& out, std::string_view code,
                          std::initializer_list<std::string_view> places) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), provider = eps.col("PLACE_PROVIDER");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (eps.text(r, provider) == code && in(eps.text(r, place), places)) out.add(eps, r);
}

// 527: the council's own provision (PR1) cannot be a placement with parents (P1), a health
// establishment (R2) or a young offender institution or prison (R5).
void check_527(const ReturnTables& ds, Hits& out) {
  provider_with_places(ds, out, "PR1", {"P1", "R2", "R5"});
}

// 528: another council's provision (PR2) cannot be P1, R2 or R5.
void check_528(const ReturnTables& ds, Hits& out) {
  provider_with_places(ds, out, "PR2", {"P1", "R2", "R5"});
}

// 529: other public provision (PR3) cannot be a placement with parents, an adoption placement, a
// children's home or foster care (P1, A3-A6, K1, K2, U1-U6).
void check_529(const ReturnTables& ds, Hits& out) {
  provider_with_places(
      ds, out, "PR3",
      {"A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6"});
}

// 530: private provision (PR4) cannot be placement with parents (P1).
void check_530(const ReturnTables& ds, Hits& out) {
  provider_with_places(ds, out, "PR4", {"P1"});
}

// 531: voluntary or third sector provision (PR5) cannot be placement with parents (P1).
void check_531(const ReturnTables& ds, Hits& out) {
  provider_with_places(ds, out, "PR5", {"P1"});
}

// 550: the parent or other person with parental responsibility (PR0) goes only with P1.
void check_550(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), provider = eps.col("PLACE_PROVIDER");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (eps.text(r, provider) == "PR0" && eps.text(r, place) != "P1") out.add(eps, r);
}

// ---------------------------------------------------------------------------------------------
// Outcomes for children looked after continuously for 12 months (OC2)

// 542: a child under 10 on 31 March is below the age of criminal responsibility: CONVICTED is
// left blank.
void check_542(const ReturnTables& ds, Hits& out) {
  const Table& oc2 = *ds.get(TableKind::Oc2);
  const Col dob = oc2.col("DOB"), convicted = oc2.col("CONVICTED");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < oc2.size(); ++r) {
    const OptDate d = oc2.date(r, dob);
    if (d && plus_years(*d, 10) > end && present(oc2, r, convicted)) out.add(oc2, r);
  }
}

// 543: a child aged 10 or over (strictly past the tenth birthday on 31 March) looked after
// continuously for the year must have CONVICTED completed.
void check_543(const ReturnTables& ds, Hits& out) {
  const Table& oc2 = *ds.get(TableKind::Oc2);
  const Table& eps = *ds.get(TableKind::Episodes);
  const ClaCols cc(eps);
  const Col dob = oc2.col("DOB"), convicted = oc2.col("CONVICTED");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < oc2.size(); ++r) {
    const OptDate d = oc2.date(r, dob);
    if (d && end > plus_years(*d, 10) && oc2.missing(r, convicted) &&
        continuously_looked_after(eps, cc, oc2.child(r), ds.collection_start(),
                                  ds.collection_end()))
      out.add(oc2, r);
  }
}

// Rows whose `flag` column is "1" and that lack any of the four health fields (544, 547).
void flag_without_health(const ReturnTables& ds, Hits& out, std::string_view flag_name) {
  const Table& oc2 = *ds.get(TableKind::Oc2);
  const Col flag = oc2.col(flag_name);
  const Col health[] = {oc2.col("IMMUNISATIONS"), oc2.col("TEETH_CHECK"),
                        oc2.col("HEALTH_ASSESSMENT"), oc2.col("SUBSTANCE_MISUSE")};
  for (std::size_t r = 0; r < oc2.size(); ++r) {
    if (oc2.text(r, flag) != "1") continue;
    bool gap = false;
    for (Col h : health) gap = gap || oc2.missing(r, h);
    if (gap) out.add(oc2, r);
  }
}

// 544: a child with conviction information also needs the immunisation, teeth check, health
// assessment and substance misuse fields.
void check_544(const ReturnTables& ds, Hits& out) {
  flag_without_health(ds, out, "CONVICTED");
}

// 545: a child under 5 on 31 March looked after continuously for the year needs HEALTH_CHECK.
void check_545(const ReturnTables& ds, Hits& out) {
  const Table& oc2 = *ds.get(TableKind::Oc2);
  const Table& eps = *ds.get(TableKind::Episodes);
  const ClaCols cc(eps);
  const Col dob = oc2.col("DOB"), check = oc2.col("HEALTH_CHECK");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < oc2.size(); ++r) {
    const OptDate d = oc2.date(r, dob);
    if (d && end < plus_years(*d, 5) && oc2.missing(r, check) &&
        continuously_looked_after(eps, cc, oc2.child(r), ds.collection_start(),
                                  ds.collection_end()))
      out.add(oc2, r);
  }
}

// 546: a child aged 5 or over on 31 March looked after continuously for the year has no
// HEALTH_CHECK.
void check_546(const ReturnTables& ds, Hits& out) {
  const Table& oc2 = *ds.get(TableKind::Oc2);
  const Table& eps = *ds.get(TableKind::Episodes);
  const ClaCols cc(eps);
  const Col dob = oc2.col("DOB"), check = oc2.col("HEALTH_CHECK");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < oc2.size(); ++r) {
    const OptDate d = oc2.date(r, dob);
    if (d && end >= plus_years(*d, 5) && present(oc2, r, check) &&
        continuously_looked_after(eps, cc, oc2.child(r), ds.collection_start(),
                                  ds.collection_end()))
      out.add(oc2, r);
  }
}

// 547: a child with health promotion information also needs the four health fields.
void check_547(const ReturnTables& ds, Hits& out) {
  flag_without_health(ds, out, "HEALTH_CHECK");
}

// ---------------------------------------------------------------------------------------------
// Placed for adoption: Episodes against PlacedAdoption

// 551: an adoption placement (A3-A6) needs a decision to place for adoption: the child has a
// PlacedAdoption row, and none of the child's rows lacks DATE_PLACED.
void check_551(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col place = eps.col("PLACE"), placed = pa.col("DATE_PLACED");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (!adoption_place(eps.text(r, place))) continue;
    const auto rows = pa.rows_of(eps.child(r));
    bool gap = rows.empty();
    for (std::uint32_t p : rows) gap = gap || pa.missing(p, placed);
    if (gap) out.add(eps, r);
  }
}

// 552: the latest decision to place for adoption should be on or before the start of the
// child's first adoption placement (A3-A6) in the return.
void check_552(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col place = eps.col("PLACE"), decom = eps.col("DECOM"), placed = pa.col("DATE_PLACED");
  for (std::string_view child : eps.children()) {
    if (child.empty()) continue;
    std::optional<std::uint32_t> first;  // earliest A3-A6 start; the first such row on a tie
    for (std::uint32_t r : eps.rows_of(child)) {
      const OptDate d = eps.date(r, decom);
      if (d && adoption_place(eps.text(r, place)) && (!first || *d < *eps.date(*first, decom)))
        first = r;
    }
    if (!first) continue;
    std::optional<std::uint32_t> latest;  // latest decision; the first such row on a tie
    for (std::uint32_t p : pa.rows_of(child)) {
      const OptDate d = pa.date(p, placed);
      if (d && (!latest || *d > *pa.date(*latest, placed))) latest = p;
    }
    if (latest && *eps.date(*first, decom) < *pa.date(*latest, placed)) {
      out.add(eps, *first);
      out.add(pa, *latest);
    }
  }
}

// 553: a placement order (LS E1) needs a PlacedAdoption row for the child; and while the order's
// episode is open, the child's decisions should not be shown as ceased.
void check_553(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col ls = eps.col("LS"), dec = eps.col("DEC");
  const Col ceased = pa.col("DATE_PLACED_CEASED"), reason = pa.col("REASON_PLACED_CEASED");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (eps.text(r, ls) != "E1") continue;
    const auto rows = pa.rows_of(eps.child(r));
    if (rows.empty()) out.add(eps, r);
    if (!eps.missing(r, dec)) continue;
    for (std::uint32_t p : rows)
      if (present(pa, p, ceased) || present(pa, p, reason)) out.add(pa, p);
  }
}

// 554: the decision to place for adoption should be on or before the placement order, i.e. the
// start of the child's first E1 episode in the return.
void check_554(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col ls = eps.col("LS"), decom = eps.col("DECOM"), placed = pa.col("DATE_PLACED");
  for (std::string_view child : eps.children()) {
    if (child.empty()) continue;
    // The tool fails outright when a child's E1 episodes all lack a start date; Hearth passes
    // over that child instead.
    std::optional<std::uint32_t> first;
    for (std::uint32_t r : eps.rows_of(child)) {
      const OptDate d = eps.date(r, decom);
      if (d && eps.text(r, ls) == "E1" && (!first || *d < *eps.date(*first, decom))) first = r;
    }
    if (!first) continue;
    const Date order = *eps.date(*first, decom);
    for (std::uint32_t p : pa.rows_of(child)) {
      const OptDate d = pa.date(p, placed);
      if (d && *d > order) {
        out.add(eps, *first);
        out.add(pa, p);
      }
    }
  }
}

// 557: a child placed for adoption (A3-A6) or under a placement order (E1) whose episode ended
// other than in adoption (REC given, not E11, E12 or X1) needs the date and reason the adoption
// decision ceased.
void check_557(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col place = eps.col("PLACE"), ls = eps.col("LS"), rec = eps.col("REC");
  const Col ceased = pa.col("DATE_PLACED_CEASED"), reason = pa.col("REASON_PLACED_CEASED");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    const std::string_view why = eps.text(r, rec);
    if (!(adoption_place(eps.text(r, place)) || eps.text(r, ls) == "E1")) continue;
    if (why.empty() || in(why, {"E11", "E12", "X1"})) continue;
    const auto rows = pa.rows_of(eps.child(r));
    if (rows.empty()) out.add(eps, r);
    for (std::uint32_t p : rows)
      if (pa.missing(p, ceased) || pa.missing(p, reason)) {
        out.add(eps, r);
        out.add(pa, p);
      }
  }
}

// 558: an adopted child (REC E11/E12) whose decisions all carry a DATE_PLACED_CEASED, and more
// than one of them. The tool counts one per pairing of the child's E11/E12 episodes with their
// PlacedAdoption rows, so two such episodes and one ceased decision also count as two.
void check_558(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col rec = eps.col("REC"), ceased = pa.col("DATE_PLACED_CEASED");
  for (std::string_view child : eps.children()) {
    if (child.empty()) continue;
    std::size_t adopted = 0;
    for (std::uint32_t r : eps.rows_of(child)) adopted += in(eps.text(r, rec), {"E11", "E12"});
    if (adopted == 0) continue;
    const auto rows = pa.rows_of(child);
    bool open = rows.empty();
    for (std::uint32_t p : rows) open = open || pa.missing(p, ceased);
    if (open || adopted * rows.size() <= 1) continue;
    for (std::uint32_t r : eps.rows_of(child))
      if (in(eps.text(r, rec), {"E11", "E12"})) out.add(eps, r);
  }
}

// ---------------------------------------------------------------------------------------------
// PlacedAdoption against last year's return

// 559: a decision made before this collection year should be in last year's return.
void check_559(const ReturnTables& ds, Hits& out) {
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Table& last = *ds.last(TableKind::PlacedAdoption);
  const Col placed = pa.col("DATE_PLACED"), placed_last = last.col("DATE_PLACED");
  const Date start = ds.collection_start();
  for (std::size_t r = 0; r < pa.size(); ++r) {
    const OptDate d = pa.date(r, placed);
    if (!d || *d >= start) continue;
    const auto rows = last.rows_of(pa.child(r));
    bool gap = rows.empty();
    for (std::uint32_t p : rows) gap = gap || !last.date(p, placed_last);
    if (gap) out.add(pa, r);
  }
}

// 560: last year's decision was still open (no DATE_PLACED_CEASED), so this year's DATE_PLACED
// should be the same as last year's (compared as written).
void check_560(const ReturnTables& ds, Hits& out) {
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Table& last = *ds.last(TableKind::PlacedAdoption);
  const Col placed = pa.col("DATE_PLACED"), placed_last = last.col("DATE_PLACED");
  const Col ceased_last = last.col("DATE_PLACED_CEASED");
  for (std::size_t r = 0; r < pa.size(); ++r)
    for (std::uint32_t p : last.rows_of(pa.child(r)))
      if (present(last, p, placed_last) && last.missing(p, ceased_last) &&
          pa.text(r, placed) != last.text(p, placed_last))
        out.add(pa, r);
}

// 561: this year's DATE_PLACED repeats last year's, but last year that decision had ceased.
void check_561(const ReturnTables& ds, Hits& out) {
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Table& last = *ds.last(TableKind::PlacedAdoption);
  const Col placed = pa.col("DATE_PLACED"), placed_last = last.col("DATE_PLACED");
  const Col ceased_last = last.col("DATE_PLACED_CEASED");
  const Col reason_last = last.col("REASON_PLACED_CEASED");
  for (std::size_t r = 0; r < pa.size(); ++r) {
    if (pa.missing(r, placed)) continue;
    for (std::uint32_t p : last.rows_of(pa.child(r)))
      if (pa.text(r, placed) == last.text(p, placed_last) &&
          (present(last, p, ceased_last) || present(last, p, reason_last)))
        out.add(pa, r);
  }
}

// 562: the child's earliest episode starting before 1 April should be the latest episode in last
// year's return (same start date).
void check_562(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& last = *ds.last(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), decom_last = last.col("DECOM");
  const Date start = ds.collection_start();
  for (std::string_view child : eps.children()) {
    if (child.empty()) continue;
    std::optional<std::uint32_t> first;
    for (std::uint32_t r : eps.rows_of(child)) {
      const OptDate d = eps.date(r, decom);
      if (d && *d < start && (!first || *d < *eps.date(*first, decom))) first = r;
    }
    if (!first) continue;
    OptDate latest;
    for (std::uint32_t p : last.rows_of(child)) {
      const OptDate d = last.date(p, decom_last);
      if (d && (!latest || *d > *latest)) latest = d;
    }
    if (!latest || *latest != *eps.date(*first, decom)) out.add(eps, *first);
  }
}

// 563: a ceased decision (reason and date given) needs the date of the decision itself.
void check_563(const ReturnTables& ds, Hits& out) {
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col placed = pa.col("DATE_PLACED"), ceased = pa.col("DATE_PLACED_CEASED");
  const Col reason = pa.col("REASON_PLACED_CEASED");
  for (std::size_t r = 0; r < pa.size(); ++r)
    if (present(pa, r, reason) && present(pa, r, ceased) && pa.missing(r, placed)) out.add(pa, r);
}

}  // namespace

std::span<const Rule> placement_changes() {
  static const std::vector<Rule> kRules = {
      {"522", Severity::Error, "PlacedAdoption", "DATE_PLACED,DATE_PLACED_CEASED",
       "The date the child should no longer be placed for adoption is before the date of the "
       "decision that they should be.",
       "Check both dates on the adoption decision record: DATE_PLACED_CEASED can be the same day "
       "as DATE_PLACED or later, never earlier. One of them was probably mistyped.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED, DATE_PLACED_CEASED", 2023, 0,
       check_522},
      {"523", Severity::Error, "PlacedAdoption,AD1", "DATE_PLACED,DATE_INT",
       "The date of the decision to place the child for adoption differs from the date adoption "
       "was decided to be in the child's best interests (AD1).",
       "Both fields record the agency decision maker's decision that the child should be placed "
       "for adoption; use the same date in PlacedAdoption DATE_PLACED and AD1 DATE_INT.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED; AD1: DATE_INT; Adoption Agencies "
       "Regulations 2005 reg.19",
       2023, 0, check_523},
      {"524", Severity::Error, "AD1", "LS_ADOPTR,SEX_ADOPTR",
       "The adopters are recorded as civil partners (L12) but not as two men (MM) or two women "
       "(FF).",
       "A civil partnership adoption is by a same-sex couple: record SEX_ADOPTR as MM or FF, or "
       "correct the adopters' legal status if they are not civil partners.",
       "SSDA903 guidance 2025/26, AD1: LS_ADOPTR, SEX_ADOPTR", 2023, 0, check_524},
      {"525", Severity::Error, "PlacedAdoption,AD1",
       "DATE_PLACED_CEASED,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR",
       "The decision to place the child for adoption was reversed, yet the child has adoption "
       "details in the AD1 table.",
       "If the child was adopted, remove the DATE_PLACED_CEASED and reason; if the plan was "
       "reversed, leave the AD1 adoption details blank for this child.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED_CEASED; AD1", 2023, 0, check_525},
      {"526", Severity::Error, "Episodes", "PLACE,PLACE_PROVIDER",
       "An episode has no placement provider code.",
       "Record who provides the placement (PR0-PR5) on every episode; only temporary placements "
       "(T0-T4) and Z11-Z14 are left without one.",
       "SSDA903 guidance 2025/26, Episodes: PLACE_PROVIDER", 2023, 0, check_526},
      {"527", Severity::Error, "Episodes", "PLACE,PLACE_PROVIDER",
       "The placement is shown as provided by the council itself (PR1), which is not possible for "
       "a placement with parents (P1), a health establishment (R2) or a young offender "
       "institution or prison (R5).",
       "Check the placement type and the provider: a P1, R2 or R5 placement is not the council's "
       "own provision, so correct whichever code is wrong.",
       "SSDA903 guidance 2025/26, Episodes: PLACE, PLACE_PROVIDER", 2023, 0, check_527},
      {"528", Severity::Error, "Episodes", "PLACE,PLACE_PROVIDER",
       "The placement is shown as provided by another council (PR2), which is not possible for a "
       "placement with parents (P1), a health establishment (R2) or a young offender institution "
       "or prison (R5).",
       "Check the placement type and the provider: a P1, R2 or R5 placement is not another "
       "council's provision, so correct whichever code is wrong.",
       "SSDA903 guidance 2025/26, Episodes: PLACE, PLACE_PROVIDER", 2023, 0, check_528},
      {"529", Severity::Error, "Episodes", "PLACE,PLACE_PROVIDER",
       "The placement is shown as provided by another public body (PR3), which cannot provide "
       "placements with parents, adoption placements, children's homes or foster care (P1, "
       "A3-A6, K1, K2, U1-U6).",
       "Check the placement type and the provider code, and correct whichever is wrong.",
       "SSDA903 guidance 2025/26, Episodes: PLACE, PLACE_PROVIDER", 2023, 0, check_529},
      {"530", Severity::Error, "Episodes", "PLACE,PLACE_PROVIDER",
       "A placement with parents (P1) is shown as provided by a private provider (PR4).",
       "A placement with parents is provided by the parent (PR0): correct the provider, or the "
       "placement type if the child is not with their parents.",
       "SSDA903 guidance 2025/26, Episodes: PLACE, PLACE_PROVIDER", 2023, 0, check_530},
      {"531", Severity::Error, "Episodes", "PLACE,PLACE_PROVIDER",
       "A placement with parents (P1) is shown as provided by a voluntary or third sector "
       "provider (PR5).",
       "A placement with parents is provided by the parent (PR0): correct the provider, or the "
       "placement type if the child is not with their parents.",
       "SSDA903 guidance 2025/26, Episodes: PLACE, PLACE_PROVIDER", 2023, 0, check_531},
      {"542", Severity::Error, "OC2", "CONVICTED",
       "Conviction information is recorded for a child who was under 10 on 31 March.",
       "Children under 10 are below the age of criminal responsibility: leave CONVICTED blank, or "
       "correct the date of birth if it is wrong.",
       "SSDA903 guidance 2025/26, OC2: CONVICTED; Children and Young Persons Act 1933 s.50", 2023,
       0, check_542},
      {"543", Severity::Error, "OC2,Episodes", "DOB,CONVICTED",
       "The child was 10 or over on 31 March and looked after for the whole year, but conviction "
       "information is missing.",
       "Record CONVICTED (1 if the child was convicted, or given a youth caution or youth "
       "conditional caution, during the year; 0 if not) for every child aged 10 or over looked "
       "after for 12 months.",
       "SSDA903 guidance 2025/26, OC2: CONVICTED", 2023, 0, check_543},
      {"544", Severity::Error, "OC2",
       "CONVICTED,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE",
       "Conviction information is recorded but one or more of the immunisations, teeth check, "
       "health assessment and substance misuse fields is blank.",
       "Complete all four health fields for a child whose outcomes are recorded in OC2.",
       "SSDA903 guidance 2025/26, OC2: IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, "
       "SUBSTANCE_MISUSE",
       2023, 0, check_544},
      {"545", Severity::Error, "OC2,Episodes", "DOB,HEALTH_CHECK",
       "The child was under 5 on 31 March and looked after for the whole year, but whether their "
       "development assessments are up to date (HEALTH_CHECK) is missing.",
       "Record HEALTH_CHECK (1 or 0) for every child under 5 looked after for 12 months.",
       "SSDA903 guidance 2025/26, OC2: HEALTH_CHECK; Promoting the health and well-being of "
       "looked-after children (statutory guidance, 2015)",
       2023, 0, check_545},
      {"546", Severity::Error, "OC2,Episodes", "DOB,HEALTH_CHECK",
       "HEALTH_CHECK is recorded for a child who was 5 or over on 31 March.",
       "The development assessment question is only for children under 5: leave HEALTH_CHECK "
       "blank, or correct the date of birth if it is wrong.",
       "SSDA903 guidance 2025/26, OC2: HEALTH_CHECK", 2023, 0, check_546},
      {"547", Severity::Error, "OC2",
       "HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE",
       "HEALTH_CHECK is recorded but one or more of the immunisations, teeth check, health "
       "assessment and substance misuse fields is blank.",
       "Complete all four health fields for a child whose outcomes are recorded in OC2.",
       "SSDA903 guidance 2025/26, OC2: IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, "
       "SUBSTANCE_MISUSE",
       2023, 0, check_547},
      {"550", Severity::Error, "Episodes", "PLACE,PLACE_PROVIDER",
       "The provider is the parent or another person with parental responsibility (PR0), but the "
       "placement is not a placement with parents (P1).",
       "PR0 is used only with P1: correct the provider, or the placement type if the child is "
       "placed with their parents.",
       "SSDA903 guidance 2025/26, Episodes: PLACE, PLACE_PROVIDER", 2023, 0, check_550},
      {"551", Severity::Error, "Episodes,PlacedAdoption", "DATE_PLACED,PLACE",
       "The child is in an adoption placement (A3-A6) but there is no date of the decision that "
       "they should be placed for adoption.",
       "Add the child's PlacedAdoption record with DATE_PLACED, the date the agency decision "
       "maker decided the child should be placed for adoption.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED; Episodes: PLACE", 2023, 0,
       check_551},
      {"552", Severity::Error, "Episodes,PlacedAdoption", "DATE_PLACED,DECOM",
       "The decision to place the child for adoption is dated after the child's first adoption "
       "placement (A3-A6) began.",
       "A child is placed for adoption only after the decision is made: check DATE_PLACED and "
       "the start date of the adoption placement.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED; Episodes: DECOM, PLACE", 2023, 0,
       check_552},
      {"553", Severity::Error, "Episodes,PlacedAdoption",
       "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED",
       "The child has a placement order (legal status E1) but no decision to place them for "
       "adoption is recorded, or the decision is shown as ceased while the order's episode is "
       "still open.",
       "Add the child's PlacedAdoption record; if the placement order is still in force, remove "
       "the date and reason the decision ceased.",
       "SSDA903 guidance 2025/26, PlacedAdoption; Episodes: LS (E1, Adoption and Children Act "
       "2002 s.21)",
       2023, 0, check_553},
      {"554", Severity::Query, "Episodes,PlacedAdoption", "DATE_PLACED,DECOM,LS",
       "The decision to place the child for adoption is dated after the start of the child's "
       "first placement order episode (E1) in this return.",
       "Please check: a placement order normally follows the decision to place for adoption. "
       "Correct DATE_PLACED or the E1 start date if one is wrong; the order may have started in "
       "an earlier year, in which case this can be confirmed.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED; Episodes: LS (E1, Adoption and "
       "Children Act 2002 s.21)",
       2023, 0, check_554},
      {"557", Severity::Error, "Episodes,PlacedAdoption",
       "DATE_PLACED_CEASED,REASON_PLACED_CEASED,PLACE,LS,REC",
       "The child was placed for adoption or under a placement order and left care other than "
       "by adoption, but the date and reason the adoption decision ceased are not recorded.",
       "Record DATE_PLACED_CEASED and REASON_PLACED_CEASED on the child's PlacedAdoption record, "
       "or correct the reason the episode ended if the child was adopted.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED_CEASED, REASON_PLACED_CEASED", 2023,
       0, check_557},
      {"558", Severity::Error, "Episodes,PlacedAdoption", "DATE_PLACED_CEASED,REC",
       "The child was adopted, but every decision to place them for adoption is shown as ceased.",
       "When a child is adopted, the decision that led to the adoption did not cease: leave the "
       "latest decision's DATE_PLACED_CEASED and reason blank.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED_CEASED; Episodes: REC", 2023, 0,
       check_558},
      {"559", Severity::Error, "PlacedAdoption,PlacedAdoption_last", "DATE_PLACED",
       "The decision to place the child for adoption was made before this collection year, but "
       "last year's return has no date for it.",
       "Check DATE_PLACED; if the decision was made last year, last year's return needs "
       "correcting too.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED", 2023, 0, check_559},
      {"560", Severity::Error, "PlacedAdoption,PlacedAdoption_last",
       "DATE_PLACED,DATE_PLACED_CEASED",
       "The date of the decision to place the child for adoption differs from last year's, though "
       "last year's decision had not ceased.",
       "A decision still in force carries over unchanged: use last year's DATE_PLACED, or record "
       "when last year's decision ceased.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED, DATE_PLACED_CEASED", 2023, 0,
       check_560},
      {"561", Severity::Error, "PlacedAdoption,PlacedAdoption_last", "DATE_PLACED",
       "This year's decision to place the child for adoption has the same date as last year's, "
       "but last year's decision had ceased.",
       "A new decision has its own date: correct DATE_PLACED, or last year's ceased date and "
       "reason if the decision never ceased.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED", 2023, 0, check_561},
      {"562", Severity::Error, "Episodes,Episodes_last", "DECOM",
       "The child's first episode began before this collection year but is not the last episode "
       "in last year's return.",
       "An episode carried over from last year keeps its start date: check DECOM against last "
       "year's return, and add any missing episode.",
       "SSDA903 guidance 2025/26, Episodes: DECOM", 2023, 0, check_562},
      {"563", Severity::Error, "PlacedAdoption",
       "DATE_PLACED,REASON_PLACED_CEASED,DATE_PLACED_CEASED",
       "The decision to place the child for adoption is shown as ceased, but the date of the "
       "decision itself is blank.",
       "Record DATE_PLACED, the date of the original decision to place for adoption.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED", 2023, 0, check_563},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
