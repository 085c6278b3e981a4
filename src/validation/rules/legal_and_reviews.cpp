// 903 validation rules: legal_and_reviews (see registry.hpp for the codes in this group).
#include <string>
#include <unordered_set>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// 347: a care leaver in a Foyer (ACCOM T) must have been 18 by the start of the year. The DfE
// tool compares the age in days with 18 average years (6574.4 days), so the 18th birthday
// falling on 1 April counts as under 18 in a year with only four 29 Februaries between.
// Deviation: the DfE tool stops with an error on an unreadable DOB; here that row is skipped.
void check_347(const ReturnTables& ds, Hits& out) {
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Col dob = oc3.col("DOB"), accom = oc3.col("ACCOM");
  const Date start = ds.collection_start();
  for (std::size_t r = 0; r < oc3.size(); ++r) {
    if (oc3.text(r, accom) != "T") continue;
    auto born = oc3.date(r, dob);
    if (born && days_between(*born, start) <= 6574) out.add(oc3, r);
  }
}

// 348: a care leaver recorded last year as having died must be recorded as died again.
void check_348(const ReturnTables& ds, Hits& out) {
  const Table& oc3 = *ds.get(TableKind::Oc3);
  const Table& before = *ds.last(TableKind::Oc3);
  const Col touch = oc3.col("IN_TOUCH"), touch_last = before.col("IN_TOUCH");
  for (std::size_t r = 0; r < oc3.size(); ++r) {
    if (oc3.text(r, touch) == "DIED") continue;
    for (std::uint32_t p : before.rows_of(oc3.child(r)))
      if (before.text(p, touch_last) == "DIED") {
        out.add(oc3, r);
        break;
      }
  }
}

// 351: the child was over 25 when the collection year began.
void check_351(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col dob = header.col("DOB");
  const Date start = ds.collection_start();
  for (std::size_t r = 0; r < header.size(); ++r) {
    auto born = header.date(r, dob);
    if (born && start > plus_years(*born, 25)) out.add(header, r);
  }
}

// 352: an episode that starts a period of care (RNE S) on or after the child's 18th birthday.
void check_352(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col dob = header.col("DOB"), decom = eps.col("DECOM"), rne = eps.col("RNE");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (eps.text(r, rne) != "S") continue;
    auto start = eps.date(r, decom);
    if (!start) continue;
    for (std::uint32_t h : header.rows_of(eps.child(r))) {
      auto born = header.date(h, dob);
      if (born && plus_years(*born, 18) <= *start) {
        out.add(eps, r);
        break;
      }
    }
  }
}

// 353: no episode may start before the Children Act 1989 came into force (14 October 1991).
void check_353(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM");
  const Date act = make_date(1991, 10, 14);
  for (std::size_t r = 0; r < eps.size(); ++r) {
    auto start = eps.date(r, decom);
    if (start && *start < act) out.add(eps, r);
  }
}

// 354: an episode cannot start after the end of the collection year.
void check_354(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < eps.size(); ++r) {
    auto start = eps.date(r, decom);
    if (start && *start > end) out.add(eps, r);
  }
}

// 355: the episode starts and ends on the same day. The DfE tool compares the two cells as
// text, so an episode with neither date is caught too.
void check_355(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (eps.text(r, decom) == eps.text(r, dec)) out.add(eps, r);
}

// 356: the episode ends before it starts.
void check_356(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    auto start = eps.date(r, decom), end = eps.date(r, dec);
    if (start && end && *end < *start) out.add(eps, r);
  }
}

// 357: a child's earliest episode, when it starts in this collection year, must start a period
// of care (RNE S).
void check_357(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), rne = eps.col("RNE");
  const Date start = ds.collection_start();
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    std::int64_t first = -1;
    Date earliest{};
    for (std::uint32_t r : eps.rows_of(child)) {
      auto d = eps.date(r, decom);
      if (d && (first < 0 || *d < earliest)) {
        first = r;
        earliest = *d;
      }
    }
    if (first >= 0 && earliest >= start && eps.text(static_cast<std::size_t>(first), rne) != "S")
      out.add(eps, static_cast<std::size_t>(first));
  }
}

// 358: a child on a criminal-justice legal status (J1-J3) was 10 or under when the episode began.
void check_358(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col dob = header.col("DOB"), decom = eps.col("DECOM"), ls = eps.col("LS");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (!in(eps.text(r, ls), {"J1", "J2", "J3"})) continue;
    auto start = eps.date(r, decom);
    if (!start) continue;
    for (std::uint32_t h : header.rows_of(eps.child(r))) {
      auto born = header.date(h, dob);
      if (born && plus_years(*born, 10) >= *start) {
        out.add(eps, r);
        out.add(header, h);
      }
    }
  }
}

// 359: a young person 18 or over by the end of the year whose episode is still open must be
// accommodated under s.20(5) (LS V2) in a community home (PLACE K2).
void check_359(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col dob = header.col("DOB"), dec = eps.col("DEC"), ls = eps.col("LS"),
            place = eps.col("PLACE");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (!eps.missing(r, dec)) continue;
    if (eps.text(r, ls) == "V2" && eps.text(r, place) == "K2") continue;
    for (std::uint32_t h : header.rows_of(eps.child(r))) {
      auto born = header.date(h, dob);
      if (born && plus_years(*born, 18) < end) {
        out.add(eps, r);
        break;
      }
    }
  }
}

// 361, 362: a spell on legal status `code` lasted more than `limit` days. As the DfE tool does:
// the child's episodes in start order; an episode on `code` joins the spell of the previous one
// on `code` when that one's end date (the collection end when open) is the start date of the
// episode that followed it; the spell runs from its earliest start to its latest end.
// Deviation: the DfE tool joins spells back to episodes on the child's ID and spell number
// written side by side, so child "1", spell 23 and child "12", spell 3 can be confused; here
// each child's spells are kept apart.
void protection_spells(const ReturnTables& ds, Hits& out, std::string_view code, long limit) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), ls = eps.col("LS");
  const Date end = ds.collection_end();
  std::vector<std::uint32_t> rows, spell;
  OptDate first;
  Date last{};
  auto close = [&] {
    if (!spell.empty() && first && days_between(*first, last) > limit)
      for (std::uint32_t r : spell) out.add(eps, r);
    spell.clear();
    first.reset();
  };
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    order_by_date(eps, eps.rows_of(child), decom, rows);
    close();
    bool flows = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      std::uint32_t r = rows[i];
      if (eps.text(r, ls) != code) continue;
      if (!flows) close();
      Date finish = eps.date(r, dec).value_or(end);
      if (spell.empty() || finish > last) last = finish;
      auto start = eps.date(r, decom);
      if (start && (!first || *start < *first)) first = start;
      spell.push_back(r);
      OptDate next = i + 1 < rows.size() ? eps.date(rows[i + 1], decom) : std::nullopt;
      flows = next && *next == finish;
    }
  }
  close();
}

void check_361(const ReturnTables& ds, Hits& out) {
  protection_spells(ds, out, "L1", 3);
}
void check_362(const ReturnTables& ds, Hits& out) {
  protection_spells(ds, out, "L2", 21);
}

// 363, 364: consecutive episodes on legal status `code` lasted more than `limit` days in all.
// As the DfE tool does: the episodes on `code` with a start date, in file order; a new period
// begins with another child, or when the episode starts after the previous one ended; a period
// lasts the sum of its episodes' lengths (an open episode ends at the collection end, one with
// an unreadable end date counts as nothing).
void short_order_periods(const ReturnTables& ds, Hits& out, std::string_view code, long limit) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), ls = eps.col("LS");
  const Date end = ds.collection_end();
  std::vector<std::uint32_t> period;
  long total = 0;
  auto close = [&] {
    if (total > limit)
      for (std::uint32_t r : period) out.add(eps, r);
    period.clear();
    total = 0;
  };
  std::string_view prev_child;
  OptDate prev_end;
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (eps.text(r, ls) != code) continue;
    auto start = eps.date(r, decom);
    if (!start) continue;
    OptDate finish = eps.missing(r, dec) ? OptDate(end) : eps.date(r, dec);
    std::string_view child = eps.child(r);
    bool fresh = period.empty() || child.empty() || prev_child.empty() || child != prev_child ||
                 (prev_end && *start > *prev_end);
    if (fresh) close();
    period.push_back(static_cast<std::uint32_t>(r));
    if (finish) total += days_between(*start, *finish);
    prev_child = child;
    prev_end = finish;
  }
  close();
}

void check_363(const ReturnTables& ds, Hits& out) {
  short_order_periods(ds, out, "L3", 7);
}
void check_364(const ReturnTables& ds, Hits& out) {
  short_order_periods(ds, out, "J2", 21);
}

// 365: a short-term respite episode (LS V3) lasted more than 17 days (open: to the year end).
void check_365(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), ls = eps.col("LS");
  const Date end = ds.collection_end();
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (eps.text(r, ls) != "V3") continue;
    auto start = eps.date(r, decom);
    OptDate finish = eps.missing(r, dec) ? OptDate(end) : eps.date(r, dec);
    if (start && finish && *finish > plus_days(*start, 17)) out.add(eps, r);
  }
}

// 366: each short-term respite episode (LS V3) must be a new period of care (RNE S).
void check_366(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col ls = eps.col("LS"), rne = eps.col("RNE");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (eps.text(r, ls) == "V3" && eps.text(r, rne) != "S") out.add(eps, r);
}

// 367: a child's respite episodes (LS V3) in this collection year came to more than 75 days.
// Each episode is cut to the collection year; episodes of no length are left out.
void check_367(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), ls = eps.col("LS");
  const Date start = ds.collection_start(), end = ds.collection_end();
  std::vector<std::uint32_t> counted;
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    counted.clear();
    long total = 0;
    for (std::uint32_t r : eps.rows_of(child)) {
      if (eps.text(r, ls) != "V3" || eps.missing(r, decom)) continue;
      auto from = eps.date(r, decom);
      auto to = eps.date(r, dec);
      if (eps.missing(r, dec) || (to && *to > end)) to = end;
      if (from && *from < start) from = start;
      if (!from || !to) continue;
      long days = days_between(*from, *to);
      if (days <= 0) continue;
      total += days;
      counted.push_back(r);
    }
    if (total > 75)
      for (std::uint32_t r : counted) out.add(eps, r);
  }
}

}  // namespace

std::span<const Rule> legal_and_reviews() {
  static const std::vector<Rule> kRules = {
      {"347", Severity::Error, "OC3", "PLACE,DEC,URN",
       "A care leaver living in a Foyer (ACCOM T) was under 18 at the start of the year.",
       "Foyers are for care leavers aged 18 or over. Check the young person's date of birth and "
       "their accommodation on their birthday; if they were not in a Foyer, record the "
       "accommodation they were in.",
       "SSDA903 guidance 2025/26, OC3: ACCOM (code T, Foyer)", 2024, 0, check_347},
      {"348", Severity::Error, "OC3,OC3_last", "IN_TOUCH",
       "Last year's return recorded this care leaver as having died, but this year's does not.",
       "Check with the leaving care team. If the young person has died, record IN_TOUCH as DIED "
       "again; if last year's record was wrong, correct the child's identifier or last year's "
       "data.",
       "SSDA903 guidance 2025/26, OC3: IN_TOUCH (code DIED)", 2026, 0, check_348},
      {"351", Severity::Error, "Header", "DOB",
       "The child was over 25 at the start of the collection year.",
       "No one over 25 belongs in the 903. Check the date of birth; if it is right, remove the "
       "child from the return.",
       "SSDA903 guidance 2025/26, Header: DOB; Children Act 1989 s.23C (support to age 25)", 2023,
       0, check_351},
      {"352", Severity::Error, "Header,Episodes", "DECOM,RNE",
       "A new period of care (RNE S) began on or after the child's 18th birthday.",
       "A young person of 18 cannot start to be looked after. Check the date of birth and the "
       "episode's start date; if they are right, the episode should not be in the return.",
       "Children Act 1989 s.105 (a child is under 18); SSDA903 guidance 2025/26, Episodes: "
       "DECOM, RNE",
       2023, 0, check_352},
      {"353", Severity::Error, "Episodes", "DECOM",
       "The episode starts before 14 October 1991, when the Children Act 1989 came into force.",
       "Check the start date. No episode in the 903 can start before 14 October 1991; if the "
       "date was mistyped, correct it from the child's record.",
       "SSDA903 guidance 2025/26, Episodes: DECOM", 2023, 0, check_353},
      {"354", Severity::Error, "Episodes", "DECOM",
       "The episode starts after the end of the collection year.",
       "Check the start date. Episodes that begin after 31 March belong in next year's return.",
       "SSDA903 guidance 2025/26, Episodes: DECOM", 2023, 0, check_354},
      {"355", Severity::Error, "Episodes", "DECOM,DEC",
       "The episode starts and ends on the same day, so it lasted less than 24 hours.",
       "Check both dates. Episodes of under 24 hours are not recorded: remove it, or correct the "
       "dates if it lasted longer.",
       "SSDA903 guidance 2025/26, Episodes: DECOM, DEC", 2023, 0, check_355},
      {"356", Severity::Error, "Episodes", "DECOM", "The episode ends before the date it started.",
       "Check the start and end dates of the episode and correct whichever is wrong.",
       "SSDA903 guidance 2025/26, Episodes: DECOM, DEC", 2023, 0, check_356},
      {"357", Severity::Error, "Episodes", "RNE",
       "The child's first episode starts this year but is not recorded as a new period of care "
       "(RNE S).",
       "Check whether an earlier episode is missing from the return. If this really is the start "
       "of the child's care, set the reason for new episode to S.",
       "SSDA903 guidance 2025/26, Episodes: RNE", 2023, 0, check_357},
      {"358", Severity::Error, "Header,Episodes", "DECOM,DOB,LS",
       "The child was 10 or under when an episode on legal status J1, J2 or J3 began.",
       "Remand, PACE detention and custody statuses apply only from age 10. Check the child's "
       "date of birth, the episode's start date and the legal status.",
       "Children and Young Persons Act 1933 s.50 (age of criminal responsibility); SSDA903 "
       "guidance 2025/26, Episodes: LS",
       2023, 0, check_358},
      {"359", Severity::Error, "Header,Episodes", "DEC,LS,PLACE",
       "The young person is 18 or over by the year end and still looked after, but not under "
       "s.20(5) (LS V2) in a community home (PLACE K2).",
       "After 18 a young person can only stay looked after under s.20(5) in a community home. "
       "Check the date of birth; end the episode on the 18th birthday, or record V2 and K2 if "
       "that applies.",
       "Children Act 1989 s.20(5); SSDA903 guidance 2025/26, Episodes: LS, PLACE, DEC", 2023, 0,
       check_359},
      {"361", Severity::Error, "Episodes", "DECOM,LS,DEC",
       "Police protection (LS L1) lasted longer than the 72 hours the law allows.",
       "Check the dates of the L1 episodes. After 72 hours the child must be on another legal "
       "status (e.g. an emergency protection order or s.20): start a new episode from that date.",
       "Children Act 1989 s.46(6); SSDA903 guidance 2025/26, Episodes: LS (L1)", 2023, 0,
       check_361},
      {"362", Severity::Error, "Episodes", "DECOM,LS,DEC",
       "An emergency protection order (LS L2) lasted longer than 21 days.",
       "An EPO lasts at most 8 days with one extension of 7. Check the dates of the L2 episodes "
       "and start a new episode with the child's next legal status.",
       "Children Act 1989 s.45; SSDA903 guidance 2025/26, Episodes: LS (L2)", 2023, 0, check_362},
      {"363", Severity::Error, "Episodes", "LS,DECOM,DEC",
       "A child assessment order (LS L3) lasted longer than 7 days.",
       "A child assessment order lasts at most 7 days. Check the dates of the L3 episodes and "
       "start a new episode with the child's next legal status.",
       "Children Act 1989 s.43(5); SSDA903 guidance 2025/26, Episodes: LS (L3)", 2023, 0,
       check_363},
      {"364", Severity::Error, "Episodes", "LS,DECOM,DEC",
       "Detention under PACE in council accommodation (LS J2) lasted longer than 21 days.",
       "PACE strictly limits how long a child can be held. Check the dates of the J2 episodes "
       "and start a new episode with the child's next legal status.",
       "Police and Criminal Evidence Act 1984 ss.41-46; SSDA903 guidance 2025/26, Episodes: LS "
       "(J2)",
       2023, 0, check_364},
      {"365", Severity::Error, "Episodes", "LS,DECOM,DEC",
       "A single short-term respite break (LS V3) lasted more than 17 days.",
       "Each short break may last at most 17 days. Check the dates; a longer stay is not a "
       "short break and needs a different legal status.",
       "Care Planning, Placement and Case Review (England) Regulations 2010 reg.48; SSDA903 "
       "guidance 2025/26, Episodes: LS (V3)",
       2023, 0, check_365},
      {"366", Severity::Error, "Episodes", "RNE",
       "A short-term respite episode (LS V3) does not start a new period of care (RNE S).",
       "A child cannot change placement during a single short break, so each V3 episode must "
       "have reason for new episode S. Check the episode and its reason.",
       "SSDA903 guidance 2025/26, Episodes: LS (V3), RNE", 2023, 0, check_366},
      {"367", Severity::Error, "Episodes", "LS,DECOM,DEC",
       "The child's respite care (LS V3) in this collection year comes to more than 75 days.",
       "Respite under V3 is limited to 75 days in 12 months. Check the dates of the child's V3 "
       "episodes; care beyond that needs a different legal status.",
       "Care Planning, Placement and Case Review (England) Regulations 2010 reg.48; SSDA903 "
       "guidance 2025/26, Episodes: LS (V3)",
       2023, 0, check_367},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
