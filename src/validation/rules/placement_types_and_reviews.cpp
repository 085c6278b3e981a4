// 903 validation rules: placements by type and age, temporary placements, and the reviews and
// episode endings that go with them (371-399; see registry.hpp). Split from legal_and_reviews.cpp,
// registered right after it, so the findings' order is unchanged.
#include <string>
#include <unordered_set>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// 371-374: a placement of type `place` that began before the child's `years`th birthday. The
// DfE tool checks only episodes with both dates and a child with a date of birth.
void too_young_for(const ReturnTables& ds, Hits& out, std::string_view place, int years) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col dob = header.col("DOB"), decom = eps.col("DECOM"), dec = eps.col("DEC"),
            pl = eps.col("PLACE");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (eps.text(r, pl) != place) continue;
    auto start = eps.date(r, decom);
    if (!start || !eps.date(r, dec)) continue;
    for (std::uint32_t h : header.rows_of(eps.child(r))) {
      auto born = header.date(h, dob);
      if (born && *start < plus_years(*born, years)) {
        out.add(eps, r);
        break;
      }
    }
  }
}

void check_371(const ReturnTables& ds, Hits& out) {
  too_young_for(ds, out, "K3", 16);
}
void check_372(const ReturnTables& ds, Hits& out) {
  too_young_for(ds, out, "R5", 10);
}
void check_373(const ReturnTables& ds, Hits& out) {
  too_young_for(ds, out, "S1", 4);
}
void check_374(const ReturnTables& ds, Hits& out) {
  too_young_for(ds, out, "P3", 14);
}

// 375, 376, 379: a temporary placement of type `place` lasted more than `days` days. As in the
// DfE tool, only episodes with both dates, of a child in the Header with a date of birth.
void temporary_too_long(const ReturnTables& ds, Hits& out, std::string_view place, int days) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col dob = header.col("DOB"), decom = eps.col("DECOM"), dec = eps.col("DEC"),
            pl = eps.col("PLACE");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (eps.text(r, pl) != place) continue;
    auto start = eps.date(r, decom), finish = eps.date(r, dec);
    if (!start || !finish || *finish <= plus_days(*start, days)) continue;
    for (std::uint32_t h : header.rows_of(eps.child(r)))
      if (header.date(h, dob)) {
        out.add(eps, r);
        break;
      }
  }
}

void check_375(const ReturnTables& ds, Hits& out) {
  temporary_too_long(ds, out, "T1", 42);
}
void check_376(const ReturnTables& ds, Hits& out) {
  temporary_too_long(ds, out, "T3", 21);
}
void check_379(const ReturnTables& ds, Hits& out) {
  temporary_too_long(ds, out, "T4", 7);
}

// 377: more than two temporary placements for a foster carer's holiday (PLACE T3). The DfE tool
// counts the child's T3 episodes in the whole return.
void check_377(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE");
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    auto rows = eps.rows_of(child);
    long n = std::count_if(rows.begin(), rows.end(),
                           [&](std::uint32_t r) { return eps.text(r, place) == "T3"; });
    if (n <= 2) continue;
    for (std::uint32_t r : rows)
      if (eps.text(r, place) == "T3") out.add(eps, r);
  }
}

// 378: placed with parents (P1) under a single period of s.20 accommodation (V2).
void check_378(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), ls = eps.col("LS");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (eps.text(r, place) == "P1" && eps.text(r, ls) == "V2") out.add(eps, r);
}

// 380: a temporary placement (T0-T4) whose reason for new episode is not a placement change
// (P or B), so it would start a period of care.
void check_380(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), rne = eps.col("RNE");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (temporary(eps.text(r, place)) && !in(eps.text(r, rne), {"P", "B"})) out.add(eps, r);
}

// 381: a temporary placement (T0-T4) that ends with a reason other than X1, so it would end the
// period of care.
void check_381(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), rec = eps.col("REC");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    std::string_view reason = eps.text(r, rec);
    if (temporary(eps.text(r, place)) && !reason.empty() && reason != "X1") out.add(eps, r);
  }
}

// 382: respite care (LS V3 or V4) recorded in a temporary placement (T0-T4).
void check_382(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), ls = eps.col("LS");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (respite(eps.text(r, ls)) && temporary(eps.text(r, place))) out.add(eps, r);
}

// 383: after a temporary placement (T0-T4) the child returns to the placement before it: the
// next episode has RNE P and the same PLACE and PL_POST as the episode before the temporary
// one. As in the DfE tool, a blank PLACE or PL_POST never counts as the same.
// Deviation: the DfE tool orders episodes by a start date read in any format it can guess
// (e.g. "2020-13-01" as 13 January); here only 903 dates count, others go last.
void check_383(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), place = eps.col("PLACE"), rne = eps.col("RNE"),
            post = eps.col("PL_POST");
  std::vector<std::uint32_t> rows;
  auto same = [&](std::uint32_t a, std::uint32_t b, Col c) {
    return !eps.missing(a, c) && eps.text(a, c) == eps.text(b, c);
  };
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    order_by_date(eps, eps.rows_of(child), decom, rows);
    for (std::size_t i = 2; i < rows.size(); ++i) {
      std::uint32_t now = rows[i], temp = rows[i - 1], before = rows[i - 2];
      if (!temporary(eps.text(temp, place))) continue;
      if (eps.text(now, rne) != "P" || !same(now, before, place) || !same(now, before, post))
        out.add(eps, now);
    }
  }
}

// 384: respite care (LS V3 or V4) recorded in a long-term foster placement (U1 or U4).
void check_384(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), ls = eps.col("LS");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (respite(eps.text(r, ls)) && in(eps.text(r, place), {"U1", "U4"})) out.add(eps, r);
}

// 385: an episode cannot end after the end of the collection year.
void check_385(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col dec = eps.col("DEC");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < eps.size(); ++r) {
    auto finish = eps.date(r, dec);
    if (finish && *finish > end) out.add(eps, r);
  }
}

// 386: the episode ended in adoption (E11, E12) on or after the child's 18th birthday.
void check_386(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col dob = header.col("DOB"), dec = eps.col("DEC"), rec = eps.col("REC");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (!in(eps.text(r, rec), {"E11", "E12"})) continue;
    auto finish = eps.date(r, dec);
    if (!finish) continue;
    for (std::uint32_t h : header.rows_of(eps.child(r))) {
      auto born = header.date(h, dob);
      if (born && plus_years(*born, 18) <= *finish) {
        out.add(eps, r);
        break;
      }
    }
  }
}

// 387: the episode ended with a move to independent living (E5, E6) before the child was 14.
// As in the DfE tool, a child with no Header row or no date of birth is caught too.
void check_387(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col dob = header.col("DOB"), dec = eps.col("DEC"), rec = eps.col("REC");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (!in(eps.text(r, rec), {"E5", "E6"})) continue;
    auto finish = eps.date(r, dec);
    if (!finish) continue;
    auto hs = header.rows_of(eps.child(r));
    bool caught = hs.empty();
    for (std::uint32_t h : hs) {
      auto born = header.date(h, dob);
      if (!(born && plus_years(*born, 14) <= *finish)) caught = true;
    }
    if (caught) out.add(eps, r);
  }
}

// 388: X1 (episode ends, care continues) must be used exactly when the child's next episode
// starts on the day this one ends. As in the DfE tool, the child's episodes are put in start
// order with a missing or unreadable start counted as 1 January 1901.
void check_388(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), rec = eps.col("REC");
  const Date stand_in = make_date(1901, 1, 1);
  auto start_of = [&](std::uint32_t r) { return eps.date(r, decom).value_or(stand_in); };
  std::vector<std::uint32_t> rows;
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    auto own = eps.rows_of(child);
    rows.assign(own.begin(), own.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return start_of(a) < start_of(b); });
    for (std::size_t i = 0; i < rows.size(); ++i) {
      std::uint32_t r = rows[i];
      auto finish = eps.date(r, dec);
      if (!finish) continue;
      std::string_view reason = eps.text(r, rec);
      if (i + 1 == rows.size()) {
        if (reason == "X1") out.add(eps, r);
        continue;
      }
      bool continues = *finish == start_of(rows[i + 1]);
      if (reason == "X1" ? !continues : (!reason.empty() && continues)) out.add(eps, r);
    }
  }
}

// 389: the episode ended with a transfer to adult social care (E7) before the child was 16. As
// in the DfE tool, an E7 episode with no readable end date, or of a child with no Header row or
// date of birth, is caught too.
void check_389(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col dob = header.col("DOB"), dec = eps.col("DEC"), rec = eps.col("REC");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (eps.text(r, rec) != "E7") continue;
    auto finish = eps.date(r, dec);
    auto hs = header.rows_of(eps.child(r));
    bool caught = hs.empty();
    for (std::uint32_t h : hs) {
      auto born = header.date(h, dob);
      if (!(born && finish && plus_years(*born, 16) <= *finish)) caught = true;
    }
    if (caught) out.add(eps, r);
  }
}

// 390: the episode ended in adoption (E11, E12) but the placement was not an adoption placement
// (A3-A6).
void check_390(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), rec = eps.col("REC");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (in(eps.text(r, rec), {"E11", "E12"}) && !in(eps.text(r, place), {"A3", "A4", "A5", "A6"}))
      out.add(eps, r);
}

// 391: care leaver outcomes given for a young person not yet 17 at the end of the year.
void check_391(const ReturnTables& ds, Hits& out) {
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col dob = oc3.col("DOB"), touch = oc3.col("IN_TOUCH"), activ = oc3.col("ACTIV"),
            accom = oc3.col("ACCOM");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < oc3.size(); ++r) {
    auto born = oc3.date(r, dob);
    if (!born || plus_years(*born, 17) <= end) continue;
    if (!oc3.missing(r, touch) || !oc3.missing(r, activ) || !oc3.missing(r, accom)) out.add(oc3, r);
  }
}

// Children who were UASC this year or last, as rules 392a and 392b read it: from the Header's
// UASC flag when the Header is supplied, otherwise from the UASC table (a row with any detail
// besides CHILD). Returns false when neither year gives any UASC information.
bool uasc_children(const ReturnTables& ds, std::unordered_set<std::string_view>& out) {
  bool known = false;
  auto from = [&](const Table* header, const Table* uasc) {
    if (header) {
      const Col flag = header->col("UASC");
      bool has_flag = uasc != nullptr || ds.file_format == "xml";
      for (std::size_t r = 0; r < header->size(); ++r) {
        std::string_view v = header->text(r, flag);
        if (!v.empty()) has_flag = true;
        if (v == "1") out.insert(header->child(r));
      }
      known = known || has_flag;
    } else if (uasc) {
      known = true;
      const Col sex = uasc->col("SEX"), dob = uasc->col("DOB"), duc = uasc->col("DUC");
      for (std::size_t r = 0; r < uasc->size(); ++r)
        if (!uasc->missing(r, sex) || !uasc->missing(r, dob) || !uasc->missing(r, duc))
          out.insert(uasc->child(r));
    }
  };
  from(ds.get(TableKind::Header), ds.get(TableKind::Uasc));
  from(ds.last(TableKind::Header), ds.last(TableKind::Uasc));
  return known;
}

// 392a: no placement distance can be worked out (a postcode missing or unknown) for a child who
// is not on respite (V3, V4) and was not UASC this year or last.
void check_392a(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col ls = eps.col("LS");
  std::unordered_set<std::string_view> uasc;
  if (!uasc_children(ds, uasc)) return;
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (respite(eps.text(r, ls)) || uasc.count(eps.child(r))) continue;
    if (!placement_distance(ds, eps, r)) out.add(eps, r);
  }
}

// 392b: a home or placement postcode is missing for a child who is not on respite (V3, V4) and
// was not UASC this year or last.
void check_392b(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col ls = eps.col("LS"), home = eps.col("HOME_POST"), pl = eps.col("PL_POST");
  std::unordered_set<std::string_view> uasc;
  uasc_children(ds, uasc);
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (respite(eps.text(r, ls)) || uasc.count(eps.child(r))) continue;
    if (eps.missing(r, home) || eps.missing(r, pl)) out.add(eps, r);
  }
}

// 392c: a home or placement postcode is given but is not a known postcode.
void check_392c(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col home = eps.col("HOME_POST"), pl = eps.col("PL_POST");
  const auto& known = *ds.reference->postcodes;
  auto unknown = [&](std::size_t r, Col c) {
    std::string_view v = eps.text(r, c);
    return !v.empty() && !known.contains(v);
  };
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (unknown(r, home) || unknown(r, pl)) out.add(eps, r);
}

// 392d: the home and placement postcodes are the same, but the child is not placed with parents
// (P1). Compared whatever the letters' case, as the DfE tool (which upper-cases postcodes).
void check_392d(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), home = eps.col("HOME_POST"), pl = eps.col("PL_POST");
  auto same = [](std::string_view a, std::string_view b) {
    auto up = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return up(x) == up(y); });
  };
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (eps.text(r, place) != "P1" && !eps.missing(r, home) &&
        same(eps.text(r, home), eps.text(r, pl)))
      out.add(eps, r);
}

// 393: a girl looked after other than on respite (any episode not V3 or V4) has MOTHER blank.
void check_393(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col sex = header.col("SEX"), mother = header.col("MOTHER"), ls = eps.col("LS");
  for (std::size_t h = 0; h < header.size(); ++h) {
    if (header.text(h, sex) != "F" || !header.missing(h, mother)) continue;
    for (std::uint32_t r : eps.rows_of(header.child(h)))
      if (!respite(eps.text(r, ls))) {
        out.add(header, h);
        break;
      }
  }
}

// 398: postcodes given for a child looked after only on respite (LS V3 or V4).
void check_398(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col ls = eps.col("LS"), home = eps.col("HOME_POST"), pl = eps.col("PL_POST");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (respite(eps.text(r, ls)) && (!eps.missing(r, home) || !eps.missing(r, pl))) out.add(eps, r);
}

// 399: a child whose every episode is respite (LS V3 or V4) has MOTHER, a review date or a
// review participation code given. Each of the child's episodes is reported, with the Header
// and Reviews rows that carry (or come with) the details.
void check_399(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& reviews = *ds.get(TableKind::Reviews);
  const Col ls = eps.col("LS"), mother = header.col("MOTHER"), review = reviews.col("REVIEW"),
            code = reviews.col("REVIEW_CODE");
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    auto rows = eps.rows_of(child);
    if (!std::all_of(rows.begin(), rows.end(),
                     [&](std::uint32_t r) { return respite(eps.text(r, ls)); }))
      continue;
    auto hs = header.rows_of(child);
    auto vs = reviews.rows_of(child);
    auto has_mother = [&](std::uint32_t h) { return !header.missing(h, mother); };
    auto has_review = [&](std::uint32_t v) {
      return !reviews.missing(v, review) || !reviews.missing(v, code);
    };
    bool any_mother = std::any_of(hs.begin(), hs.end(), has_mother);
    bool any_review = std::any_of(vs.begin(), vs.end(), has_review);
    if (!any_mother && !any_review) continue;
    for (std::uint32_t r : rows) out.add(eps, r);
    for (std::uint32_t h : hs)
      if (any_review || has_mother(h)) out.add(header, h);
    for (std::uint32_t v : vs)
      if (any_mother || has_review(v)) out.add(reviews, v);
  }
}

}  // namespace

std::span<const Rule> placement_types_and_reviews() {
  static const std::vector<Rule> kRules = {
      {"371", Severity::Error, "Episodes,Header", "DECOM,PLACE",
       "The child was under 16 when placed in supported accommodation (PLACE K3).",
       "Supported accommodation not regulated as a children's home is only for young people of "
       "16 or over. Check the date of birth, the start date and the placement type.",
       "Supported Accommodation (England) Regulations 2023; SSDA903 guidance 2025/26, Episodes: "
       "PLACE (K3)",
       2023, 0, check_371},
      {"372", Severity::Error, "Episodes,Header", "DECOM,PLACE",
       "The child was under 10 when placed in youth custody or prison (PLACE R5).",
       "No child under 10 can be held in custody. Check the date of birth, the start date and "
       "the placement type.",
       "Children and Young Persons Act 1933 s.50; SSDA903 guidance 2025/26, Episodes: PLACE (R5)",
       2023, 0, check_372},
      {"373", Severity::Error, "Episodes,Header", "DECOM,PLACE",
       "The child was under 4 when placed in a school (PLACE S1).",
       "A residential school placement is only for children of 4 or over. Check the date of "
       "birth, the start date and the placement type.",
       "SSDA903 guidance 2025/26, Episodes: PLACE (S1)", 2023, 0, check_373},
      {"374", Severity::Error, "Episodes,Header", "DECOM,PLACE",
       "The child was under 14 when placed in residential employment (PLACE P3).",
       "Residential employment is only for young people of 14 or over. Check the date of birth, "
       "the start date and the placement type.",
       "SSDA903 guidance 2025/26, Episodes: PLACE (P3)", 2023, 0, check_374},
      {"375", Severity::Error, "Episodes,Header", "DECOM,PLACE",
       "A temporary placement for a hospital stay (PLACE T1) lasted more than six weeks.",
       "A hospital stay of more than six weeks is a placement change, not a temporary "
       "placement. Check the dates and record the stay with the right placement type.",
       "SSDA903 guidance 2025/26, Episodes: PLACE (T1)", 2023, 0, check_375},
      {"376", Severity::Error, "Episodes,Header", "DECOM,PLACE",
       "A temporary placement for the foster carer's holiday (PLACE T3) lasted more than three "
       "weeks.",
       "Holiday cover may last at most three weeks. Check the dates; a longer stay is a "
       "placement change and needs its own placement type.",
       "SSDA903 guidance 2025/26, Episodes: PLACE (T3)", 2023, 0, check_376},
      {"377", Severity::Error, "Episodes", "PLACE",
       "The child has more than two temporary placements for a foster carer's holiday (PLACE "
       "T3).",
       "Only two T3 placements are allowed in 12 months. Check the child's T3 episodes and "
       "record any others with the right placement type.",
       "SSDA903 guidance 2025/26, Episodes: PLACE (T3)", 2023, 0, check_377},
      {"378", Severity::Error, "Episodes", "PLACE,LS",
       "The child is placed with parents (PLACE P1) while accommodated under s.20 (LS V2).",
       "A child accommodated under s.20 is not placed with parents under the placement "
       "regulations. Check the legal status and the placement type.",
       "Children Act 1989 ss.20, 22C; SSDA903 guidance 2025/26, Episodes: PLACE (P1), LS (V2)",
       2023, 0, check_378},
      {"379", Severity::Error, "Episodes,Header", "DECOM,PLACE",
       "A temporary placement for another reason (PLACE T4) lasted more than seven days.",
       "T4 placements may last at most seven days. Check the dates; a longer stay is a "
       "placement change and needs its own placement type.",
       "SSDA903 guidance 2025/26, Episodes: PLACE (T4)", 2023, 0, check_379},
      {"380", Severity::Error, "Episodes", "PLACE,RNE",
       "A temporary placement (PLACE T0-T4) starts a period of care or a legal status change "
       "rather than a change of placement (RNE P or B).",
       "A period of care cannot begin in a temporary placement. Check the reason for new "
       "episode and the placement type.",
       "SSDA903 guidance 2025/26, Episodes: PLACE (T0-T4), RNE", 2023, 0, check_380},
      {"381", Severity::Error, "Episodes", "PLACE,REC",
       "A temporary placement (PLACE T0-T4) ends the period of care (reason other than X1).",
       "A period of care cannot end in a temporary placement. Check the reason the episode "
       "ended and the placement type.",
       "SSDA903 guidance 2025/26, Episodes: PLACE (T0-T4), REC", 2023, 0, check_381},
      {"382", Severity::Error, "Episodes", "LS,PLACE",
       "A child on respite care (LS V3 or V4) is recorded in a temporary placement (PLACE "
       "T0-T4).",
       "Respite care is recorded with the placement where the break is spent, never as a "
       "temporary placement. Check the legal status and the placement type.",
       "SSDA903 guidance 2025/26, Episodes: LS (V3, V4), PLACE", 2023, 0, check_382},
      {"383", Severity::Error, "Episodes", "PLACE,RNE,PL_POST",
       "After a temporary placement the child does not return to the placement before it (RNE "
       "P, with the same placement type and postcode).",
       "A temporary placement must be followed by a return to the usual placement. Check the "
       "episodes around it: the reason for new episode, the placement type and the placement "
       "postcode.",
       "SSDA903 guidance 2025/26, Episodes: PLACE (T0-T4), RNE, PL_POST", 2023, 0, check_383},
      {"384", Severity::Error, "Episodes", "PLACE,LS",
       "A child on respite care (LS V3 or V4) is recorded in a long-term foster placement "
       "(PLACE U1 or U4).",
       "Respite care cannot be a long-term fostering placement. Check the legal status and the "
       "placement type.",
       "SSDA903 guidance 2025/26, Episodes: LS (V3, V4), PLACE (U1, U4)", 2023, 0, check_384},
      {"385", Severity::Error, "Episodes", "DEC",
       "The episode ends after the end of the collection year.",
       "Check the end date. An episode still open on 31 March is left without an end date.",
       "SSDA903 guidance 2025/26, Episodes: DEC", 2023, 0, check_385},
      {"386", Severity::Error, "Header,Episodes", "REC",
       "The episode ended in adoption (REC E11 or E12) on or after the child's 18th birthday.",
       "Only a child under 18 can be adopted. Check the date of birth, the end date and the "
       "reason the episode ended.",
       "Adoption and Children Act 2002 ss.47, 49 (adoption of a child); SSDA903 guidance 2025/26, "
       "Episodes: REC",
       2023, 0, check_386},
      {"387", Severity::Error, "Header,Episodes", "REC",
       "The episode ended with a move to independent living (REC E5 or E6) before the child was "
       "14.",
       "Independent living is for young people of 14 or over. Check the date of birth (and that "
       "the child is in the Header), the end date and the reason the episode ended.",
       "SSDA903 guidance 2025/26, Episodes: REC (E5, E6)", 2023, 0, check_387},
      {"388", Severity::Error, "Episodes", "REC",
       "The reason the episode ended does not match what follows: X1 is used without a next "
       "episode starting that day, or another reason is used although one does.",
       "Use X1 only when the child stays looked after and a new episode starts on the day this "
       "one ends; otherwise use the reason care ended. Check the end date and the next "
       "episode's start date.",
       "SSDA903 guidance 2025/26, Episodes: REC (X1), DEC", 2023, 0, check_388},
      {"389", Severity::Error, "Episodes,Header", "REC",
       "The episode ended with a transfer to adult social care (REC E7) before the child was 16, "
       "or without an end date or date of birth to show otherwise.",
       "A transfer to adult social care is for young people of 16 or over. Check the date of "
       "birth, the end date and the reason the episode ended.",
       "SSDA903 guidance 2025/26, Episodes: REC (E7)", 2023, 0, check_389},
      {"390", Severity::Error, "Episodes", "PLACE,REC",
       "The episode ended in adoption (REC E11 or E12) but the child was not in an adoption "
       "placement (PLACE A3-A6).",
       "A child is adopted from an adoption placement. Check the placement type of the last "
       "episode and the reason it ended.",
       "SSDA903 guidance 2025/26, Episodes: REC (E11, E12), PLACE (A3-A6)", 2023, 0, check_390},
      {"391", Severity::Error, "OC3", "DOB,IN_TOUCH,ACTIV,ACCOM",
       "Care leaver details are given for a young person who was not yet 17 by the end of the "
       "year.",
       "Care leaver information is only collected around the 17th to 21st birthdays. Check the "
       "date of birth; otherwise leave IN_TOUCH, ACTIV and ACCOM blank.",
       "SSDA903 guidance 2025/26, OC3: IN_TOUCH, ACTIV, ACCOM", 2023, 0, check_391},
      {"392a", Severity::Error, "Episodes", "PL_DISTANCE",
       "No placement distance can be worked out for this episode: a home or placement postcode "
       "is missing or not a known postcode.",
       "Record the child's home postcode and the placement postcode. A child who was "
       "unaccompanied and seeking asylum in earlier years may be flagged wrongly: check the "
       "UASC history.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST, PL_POST", 2023, 0, check_392a, "postcodes"},
      {"392b", Severity::Error, "Episodes", "HOME_POST,PL_POST",
       "The home or placement postcode is missing.",
       "Record both postcodes (they may be left out only for respite care under V3/V4 and for "
       "unaccompanied asylum-seeking children). A child who was UASC in earlier years may be "
       "flagged wrongly, especially if last year's data is not loaded.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST, PL_POST", 2023, 0, check_392b},
      {"392c", Severity::Error, "Episodes", "HOME_POST,PL_POST",
       "The home or placement postcode is not a known postcode.",
       "Check the postcode against the address (a typing slip, a retired postcode, or a partial "
       "postcode) and record the full current postcode.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST, PL_POST", 2023, 0, check_392c, "postcodes"},
      {"392d", Severity::Error, "Episodes", "HOME_POST,PL_POST,PLACE",
       "The home and placement postcodes are the same, but the child is not placed with parents "
       "(PLACE P1).",
       "The home postcode is where the child lived before care. Check both postcodes and the "
       "placement type.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST, PL_POST, PLACE", 2023, 0, check_392d},
      {"393", Severity::Error, "Header,Episodes", "MOTHER",
       "The child is female and looked after other than on respite, but whether she is a mother "
       "is not recorded.",
       "Record MOTHER as 1 if she has had a child, otherwise 0.",
       "SSDA903 guidance 2025/26, Header: MOTHER", 2023, 0, check_393},
      {"398", Severity::Error, "Episodes", "LS,HOME_POST,PL_POST",
       "Postcodes are given for an episode of respite care (LS V3 or V4).",
       "Postcodes (and so distances) are not collected for respite care. Leave HOME_POST and "
       "PL_POST blank, or check the legal status.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST, PL_POST, LS (V3, V4)", 2023, 0, check_398},
      {"399", Severity::Error, "Episodes,Header,Reviews", "MOTHER,LS,REVIEW,REVIEW_CODE",
       "A child looked after only on respite (LS V3 or V4) has motherhood or review details "
       "recorded.",
       "MOTHER, reviews and review participation are not collected for children on respite "
       "only. Remove them, or check the legal status.",
       "SSDA903 guidance 2025/26, Header: MOTHER; Reviews: REVIEW, REVIEW_CODE", 2023, 0,
       check_399},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
