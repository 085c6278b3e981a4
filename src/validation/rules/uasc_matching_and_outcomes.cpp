// 903 validation rules 301-3001: dates of birth, UASC status, matching for adoption and care
// leavers' outcomes (see registry.hpp). Split from placements_and_ofsted.cpp, registered right
// after it, so the findings' order is unchanged.
#include <string>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// 301: the date of birth cannot be after 31 March of the collection year.
void check_301(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col dob = header.col("DOB");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < header.size(); ++r) {
    auto born = header.date(r, dob);
    if (born && *born > end) out.add(header, r);
  }
}

// 302: a child's earliest episode in the return cannot start before the child was born. Both the
// episode and the Header row are reported.
void check_302(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& episodes = *ds.get(TableKind::Episodes);
  const Col decom = episodes.col("DECOM"), dob = header.col("DOB");
  for (const std::string& child : episodes.children()) {
    // The first episode with the earliest start date (file order among ties).
    std::optional<std::uint32_t> first;
    OptDate first_start;
    for (std::uint32_t e : episodes.rows_of(child)) {
      auto d = episodes.date(e, decom);
      if (d && (!first_start || *d < *first_start)) {
        first = e;
        first_start = d;
      }
    }
    if (!first) continue;
    for (std::uint32_t h : header.rows_of(child)) {
      auto born = header.date(h, dob);
      if (born && *born > *first_start) {
        out.add(episodes, *first);
        out.add(header, h);
      }
    }
  }
}

// 303: a date UASC status ceased (DUC) is only recorded for a child whose Header UASC flag is 1.
void check_303(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& uasc = *ds.get(TableKind::Uasc);
  const Col flag = header.col("UASC"), duc = uasc.col("DUC");
  for (std::size_t h = 0; h < header.size(); ++h) {
    auto value = header.number(h, flag);
    if (value && *value == 1) continue;
    for (std::uint32_t u : uasc.rows_of(header.child(h)))
      if (!uasc.missing(u, duc)) {
        out.add(uasc, u);
        out.add(header, h);
      }
  }
}

// 304: UASC status ceases on or before the child's 18th birthday.
void check_304(const ReturnTables& ds, Hits& out) {
  const Table& uasc = *ds.get(TableKind::Uasc);
  const Col dob = uasc.col("DOB"), duc = uasc.col("DUC");
  for (std::size_t r = 0; r < uasc.size(); ++r) {
    auto ceased = uasc.date(r, duc), born = uasc.date(r, dob);
    if (ceased && born && *ceased > plus_years(*born, 18)) out.add(uasc, r);
  }
}

// --- Adoption ---------------------------------------------------------------------------------

// 331: for a child adopted (REC E11, E12), the match with the adopters (DATE_MATCH) cannot be
// after the start of the episode that ended in adoption. Both rows are reported.
void check_331(const ReturnTables& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Table& episodes = *ds.get(TableKind::Episodes);
  const Col match = ad1.col("DATE_MATCH"), rec = episodes.col("REC"), decom = episodes.col("DECOM");
  for (std::size_t e = 0; e < episodes.size(); ++e) {
    if (!in(episodes.text(e, rec), {"E11", "E12"})) continue;
    auto start = episodes.date(e, decom);
    if (!start) continue;
    for (std::uint32_t a : ad1.rows_of(episodes.child(e))) {
      auto matched = ad1.date(a, match);
      if (matched && *matched > *start) {
        out.add(ad1, a);
        out.add(episodes, e);
      }
    }
  }
}

// 333: when a match date is given, the decision that the child should be placed for adoption
// (DATE_INT) must be given too and be on or before it.
void check_333(const ReturnTables& ds, Hits& out) {
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col match = ad1.col("DATE_MATCH"), decided = ad1.col("DATE_INT");
  for (std::size_t r = 0; r < ad1.size(); ++r) {
    auto m = ad1.date(r, match);
    if (!m) continue;
    auto d = ad1.date(r, decided);
    if (!d || *d > *m) out.add(ad1, r);
  }
}

// 334: the decision that the child should be placed for adoption cannot come before the start of
// the latest period of care (the latest episode with RNE S). Both rows are reported.
void check_334(const ReturnTables& ds, Hits& out) {
  const Table& episodes = *ds.get(TableKind::Episodes);
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col rne = episodes.col("RNE"), decom = episodes.col("DECOM"), decided = ad1.col("DATE_INT");
  for (const std::string& child : episodes.children()) {
    // The first S episode with the latest start date (file order among ties).
    std::optional<std::uint32_t> latest;
    OptDate latest_start;
    for (std::uint32_t e : episodes.rows_of(child)) {
      if (episodes.text(e, rne) != "S") continue;
      auto d = episodes.date(e, decom);
      if (d && (!latest_start || *d > *latest_start)) {
        latest = e;
        latest_start = d;
      }
    }
    if (!latest) continue;
    for (std::uint32_t a : ad1.rows_of(child)) {
      auto d = ad1.date(a, decided);
      if (d && *d < *latest_start) {
        out.add(episodes, *latest);
        out.add(ad1, a);
      }
    }
  }
}

// 335: on adoption (REC E1, E11, E12), FOSTER_CARE must agree with the placement: 1 (adopted by
// the foster carers) for A2, A3, A5, and 0 for A1, A4, A6. Both rows are reported.
void check_335(const ReturnTables& ds, Hits& out) {
  const Table& episodes = *ds.get(TableKind::Episodes);
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col rec = episodes.col("REC"), place = episodes.col("PLACE"),
            foster = ad1.col("FOSTER_CARE");
  for (std::size_t e = 0; e < episodes.size(); ++e) {
    if (!in(episodes.text(e, rec), {"E1", "E11", "E12"})) continue;
    std::string_view pl = episodes.text(e, place);
    bool with_carers = in(pl, {"A2", "A3", "A5"}), not_with_carers = in(pl, {"A1", "A4", "A6"});
    if (!with_carers && !not_with_carers) continue;
    for (std::uint32_t a : ad1.rows_of(episodes.child(e))) {
      std::string_view f = ad1.text(a, foster);
      if ((with_carers && f == "0") || (not_with_carers && f == "1")) {
        out.add(episodes, e);
        out.add(ad1, a);
      }
    }
  }
}

// --- Outcomes (OC2, OC3) ------------------------------------------------------------------------

// 344: a young person who has died (DIED) or returned home for 6 months or more (RHOM) has
// ACTIV and ACCOM recorded as 0; anything else, blank included, is reported.
void check_344(const ReturnTables& ds, Hits& out) {
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col in_touch = oc3.col("IN_TOUCH"), activ = oc3.col("ACTIV"), accom = oc3.col("ACCOM");
  for (std::size_t r = 0; r < oc3.size(); ++r)
    if (in(oc3.text(r, in_touch), {"DIED", "RHOM"}) &&
        (oc3.text(r, activ) != "0" || oc3.text(r, accom) != "0"))
      out.add(oc3, r);
}

// 345: when the council is in touch (IN_TOUCH YES), ACTIV and ACCOM cannot be 0.
void check_345(const ReturnTables& ds, Hits& out) {
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col in_touch = oc3.col("IN_TOUCH"), activ = oc3.col("ACTIV"), accom = oc3.col("ACCOM");
  for (std::size_t r = 0; r < oc3.size(); ++r)
    if (oc3.text(r, in_touch) == "YES" && (oc3.text(r, activ) == "0" || oc3.text(r, accom) == "0"))
      out.add(oc3, r);
}

// 3001: a young person whose 17th birthday falls in the collection year cannot be recorded as
// living with former foster carers (ACCOM Z1, Z2): "staying put" only starts at 18.
void check_3001(const ReturnTables& ds, Hits& out) {
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Table& header = *ds.get(TableKind::Header);
  const Col accom = oc3.col("ACCOM"), dob = header.col("DOB");
  const Date start = ds.collection_start(), end = ds.collection_end();
  for (std::size_t r = 0; r < oc3.size(); ++r) {
    if (!in(oc3.text(r, accom), {"Z1", "Z2"})) continue;
    for (std::uint32_t h : header.rows_of(oc3.child(r))) {
      auto born = header.date(h, dob);
      if (!born) continue;
      Date seventeen = plus_years(*born, 17);
      if (seventeen >= start && seventeen <= end) out.add(oc3, r);
    }
  }
}

// 336: a placement for adoption with the current foster carers (A3, A4) must follow a foster
// or adoption placement (A3-A6, U1-U6); a child's first episode is not checked.
void check_336(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col decom = t.col("DECOM"), place = t.col("PLACE");
  std::vector<std::uint32_t> rows;
  for (const std::string& child : t.children()) {
    order_by_date(t, t.rows_of(child), decom, rows);
    for (std::size_t i = 1; i < rows.size(); ++i)
      if (in(t.text(rows[i], place), {"A3", "A4"}) &&
          !in(t.text(rows[i - 1], place),
              {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"}))
        out.add(t, rows[i]);
  }
}

}  // namespace

std::span<const Rule> uasc_matching_and_outcomes() {
  static const std::vector<Rule> kRules = {
      {"301", Severity::Error, "Header", "DOB",
       "The date of birth is after the end of the collection year.",
       "Check the child's date of birth; it cannot be later than 31 March of the year reported.",
       "SSDA903 guidance 2025/26, Header: DOB", 2023, 0, check_301},
      {"302", Severity::Error, "Header,Episodes", "DECOM,DOB",
       "The child's first episode in the return starts before the child's date of birth.",
       "Check the date of birth and the start date of the first episode, and correct whichever "
       "is wrong.",
       "SSDA903 guidance 2025/26, Header: DOB; Episodes: DECOM", 2023, 0, check_302},
      {"303", Severity::Error, "UASC,Header", "DUC,UASC",
       "A date UASC status ceased is recorded but the child is not flagged as UASC.",
       "Flag the child as an unaccompanied asylum-seeking child, or remove the date UASC status "
       "ceased if the child never had that status.",
       "SSDA903 guidance 2025/26, UASC: DUC", 2023, 0, check_303},
      {"304", Severity::Error, "UASC", "DUC",
       "The date UASC status ceased is after the child's 18th birthday.",
       "UASC status ends at 18 at the latest: record the 18th birthday or the earlier date the "
       "status ended, and check the date of birth.",
       "SSDA903 guidance 2025/26, UASC: DUC", 2023, 0, check_304},
      {"331", Severity::Error, "AD1,Episodes", "DATE_MATCH,DECOM,REC",
       "The child was matched with the adopters after the start of the episode that ended in "
       "adoption.",
       "A child is matched with adopters before being placed with them. Check the matching date "
       "and the start date of the adoption placement.",
       "SSDA903 guidance 2025/26, AD1: DATE_MATCH; Episodes: DECOM, REC", 2023, 0, check_331},
      {"333", Severity::Error, "AD1", "DATE_INT",
       "The date of the decision that the child should be placed for adoption is missing or "
       "after the date of matching.",
       "Record the date the agency decided the child should be placed for adoption; it must be "
       "on or before the matching date.",
       "SSDA903 guidance 2025/26, AD1: DATE_INT, DATE_MATCH", 2023, 0, check_333},
      {"334", Severity::Error, "Episodes,AD1", "DATE_INT,DECOM,RNE",
       "The decision that the child should be placed for adoption is dated before the child "
       "started the latest period of care.",
       "Check the decision date (DATE_INT) and the start of the latest period of care (the "
       "latest episode with reason S); correct whichever is wrong.",
       "SSDA903 guidance 2025/26, AD1: DATE_INT; Episodes: DECOM, RNE", 2023, 0, check_334},
      {"335", Severity::Error, "Episodes,AD1", "PLACE,FOSTER_CARE",
       "Whether the child was adopted by the foster carers (FOSTER_CARE) does not agree with the "
       "last placement type.",
       "A2, A3 and A5 mean placed with the foster carers (FOSTER_CARE 1); A1, A4 and A6 mean "
       "other adopters (0). Correct FOSTER_CARE or the placement type.",
       "SSDA903 guidance 2025/26, AD1: FOSTER_CARE; Episodes: PLACE", 2023, 0, check_335},
      {"336", Severity::Error, "Episodes", "PLACE",
       "A placement for adoption with the current foster carers does not follow a foster or "
       "adoption placement.",
       "A3 and A4 are for children placed for adoption with their current foster carers, so the "
       "episode before must be a foster or adoption placement (U1-U6, A3-A6). Check both "
       "placement types.",
       "SSDA903 guidance 2025/26, Episodes: PLACE (A3, A4)", 2023, 0, check_336},
      {"344", Severity::Error, "OC3", "IN_TOUCH,ACTIV,ACCOM",
       "The young person has died or returned home for 6 months or more, but activity or "
       "accommodation is recorded as something other than 0.",
       "For IN_TOUCH DIED or RHOM record ACTIV and ACCOM as 0, or correct IN_TOUCH.",
       "SSDA903 guidance 2025/26, OC3: IN_TOUCH, ACTIV, ACCOM", 2023, 0, check_344},
      {"345", Severity::Error, "OC3", "IN_TOUCH,ACTIV,ACCOM",
       "The council is in touch with the young person but activity or accommodation is 0.",
       "When IN_TOUCH is YES, record what the young person is doing (ACTIV) and where they live "
       "(ACCOM).",
       "SSDA903 guidance 2025/26, OC3: IN_TOUCH, ACTIV, ACCOM", 2023, 0, check_345},
      {"3001", Severity::Error, "Header,OC3", "REC",
       "The young person turns 17 this year but is recorded as living with former foster carers "
       "(ACCOM Z1 or Z2).",
       "At 17 a young person still with their foster carers is looked after, not with former "
       "foster carers. Correct the accommodation code or check the date of birth.",
       "SSDA903 guidance 2025/26, OC3: ACCOM", 2023, 0, check_3001},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
