// 903 validation rules: missing_and_adoption_orders, 564-586 — missing and away periods, and
// adoption orders against matching and placing decisions (see registry.hpp).
#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// A period of care as the DfE tool builds it for the Missing rules: a child's episodes with a
// start date in date order, a new period beginning when an episode starts after the previous
// episode's end. It runs from the first episode's DECOM to the last episode's DEC (which may be
// open).
struct ToolPeriodOfCare {
  Date decom;
  OptDate dec;
};

void periods_of_care(const Table& eps, Col decom_col, Col dec_col, std::string_view child,
                     std::vector<std::uint32_t>& rows, std::vector<ToolPeriodOfCare>& out) {
  out.clear();
  rows.clear();
  for (std::uint32_t r : eps.rows_of(child))
    if (eps.date(r, decom_col)) rows.push_back(r);
  std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
    return *eps.date(a, decom_col) < *eps.date(b, decom_col);
  });
  OptDate prev_dec;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Date decom = *eps.date(rows[i], decom_col);
    const OptDate dec = eps.date(rows[i], dec_col);
    // The tool compares CHILD with the previous row's CHILD, and a blank never equals a blank:
    // each episode of a child with no ID is a period of its own.
    if (i == 0 || child.empty() || (prev_dec && decom > *prev_dec))
      out.push_back({decom, dec});
    else
      out.back().dec = dec;
    prev_dec = dec;
  }
}

// ---------------------------------------------------------------------------------------------
// Missing and away from placement without authorisation

// 564: a missing (M) or away (A) period needs its start date.
void check_564(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col missing = mis.col("MISSING"), start = mis.col("MIS_START");
  for (std::size_t r = 0; r < mis.size(); ++r)
    if (in(mis.text(r, missing), {"M", "A"}) && mis.missing(r, start)) out.add(mis, r);
}

// 565: a start date needs MISSING (M or A) saying what kind of period it was.
void check_565(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col missing = mis.col("MISSING"), start = mis.col("MIS_START");
  for (std::size_t r = 0; r < mis.size(); ++r)
    if (present(mis, r, start) && mis.missing(r, missing)) out.add(mis, r);
}

// 566: an end date needs MISSING (M or A) saying what kind of period it was.
void check_566(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col missing = mis.col("MISSING"), end = mis.col("MIS_END");
  for (std::size_t r = 0; r < mis.size(); ++r)
    if (mis.missing(r, missing) && present(mis, r, end)) out.add(mis, r);
}

// 567: a period cannot end before it started.
void check_567(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col start = mis.col("MIS_START"), end = mis.col("MIS_END");
  for (std::size_t r = 0; r < mis.size(); ++r) {
    const OptDate s = mis.date(r, start), e = mis.date(r, end);
    if (s && e && *s > *e) out.add(mis, r);
  }
}

// 570: a period cannot start after 31 March of the collection year.
void check_570(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col start = mis.col("MIS_START");
  for (std::size_t r = 0; r < mis.size(); ++r) {
    const OptDate s = mis.date(r, start);
    if (s && *s > ds.collection_end()) out.add(mis, r);
  }
}

// 571: a period's end date falls within the collection year.
void check_571(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col end = mis.col("MIS_END");
  for (std::size_t r = 0; r < mis.size(); ++r) {
    const OptDate e = mis.date(r, end);
    if (e && (*e < ds.collection_start() || *e > ds.collection_end())) out.add(mis, r);
  }
}

// 574: a child's periods, in order of end date (the start date for an open one) then start
// date, may not overlap: each starts no earlier than the previous one ended, and only the last
// may be open.
void check_574(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col start = mis.col("MIS_START"), end = mis.col("MIS_END");
  auto end_fill = [&](std::uint32_t r) {
    const OptDate e = mis.date(r, end);
    return e ? e : mis.date(r, start);
  };
  std::vector<std::uint32_t> rows;
  for (std::string_view child : mis.children()) {
    if (child.empty()) continue;
    const auto own = mis.rows_of(child);
    if (own.size() < 2) continue;
    rows.assign(own.begin(), own.end());
    std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
      const int c = compare_dates(end_fill(a), end_fill(b));
      if (c != 0) return c < 0;
      return compare_dates(mis.date(a, start), mis.date(b, start)) < 0;
    });
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const OptDate prev_end = mis.date(rows[i - 1], end), s = mis.date(rows[i], start);
      if (!prev_end || (s && *s < *prev_end)) out.add(mis, rows[i]);
    }
  }
}

// 575: an open period that started during an episode which has since ended.
void check_575(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& mis = *ds.get(TableKind::Missing);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC");
  const Col start = mis.col("MIS_START"), end = mis.col("MIS_END");
  for (std::size_t r = 0; r < mis.size(); ++r) {
    const OptDate s = mis.date(r, start);
    if (!s || present(mis, r, end)) continue;
    for (std::uint32_t e : eps.rows_of(mis.child(r))) {
      const OptDate from = eps.date(e, decom), to = eps.date(e, dec);
      if (from && to && *s >= *from && *s <= *to) {
        out.add(mis, r);
        break;
      }
    }
  }
}

// 576: a period still open at the end of last year's return should carry on this year: the
// child's earliest period this year (a blank start counting as latest) starts on the same date.
void check_576(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Table& last = *ds.last(TableKind::Missing);
  const Col start = mis.col("MIS_START"), start_last = last.col("MIS_START");
  const Col end_last = last.col("MIS_END");
  const Date blank = make_date(2099, 1, 1);  // the tool's stand-in for a missing start
  for (std::string_view child : mis.children()) {
    if (child.empty()) continue;
    std::optional<std::uint32_t> first;
    Date first_start{};
    for (std::uint32_t r : mis.rows_of(child)) {
      const Date s = mis.date(r, start).value_or(blank);
      if (!first || s < first_start) {
        first = r;
        first_start = s;
      }
    }
    for (std::uint32_t p : last.rows_of(child)) {
      const OptDate s = last.date(p, start_last);
      if (last.missing(p, end_last) && s && *s != first_start) out.add(mis, *first);
    }
  }
}

// 577: a period with a start date that does not fit any of the child's periods of care: still
// open though the care has ended, open and begun before the care, or ended outside it.
void check_577(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& mis = *ds.get(TableKind::Missing);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC");
  const Col start = mis.col("MIS_START"), end = mis.col("MIS_END");
  std::vector<std::uint32_t> scratch;
  std::vector<ToolPeriodOfCare> periods;
  for (std::string_view child : mis.children()) {
    periods_of_care(eps, decom, dec, child, scratch, periods);
    if (periods.empty()) continue;
    for (std::uint32_t r : mis.rows_of(child)) {
      const OptDate s = mis.date(r, start), e = mis.date(r, end);
      if (!s) continue;
      bool fits = false;
      for (const ToolPeriodOfCare& p : periods) {
        const bool outside = (!e && p.dec) || (!e && *s < p.decom) || (e && p.dec && *e > *p.dec) ||
                             (e && *e < p.decom);
        fits = fits || !outside;
      }
      if (!fits) out.add(mis, r);
    }
  }
}

// 578: a period that starts outside every one of the child's periods of care (before it began,
// or after it ended).
void check_578(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& mis = *ds.get(TableKind::Missing);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), start = mis.col("MIS_START");
  std::vector<std::uint32_t> scratch;
  std::vector<ToolPeriodOfCare> periods;
  for (std::string_view child : mis.children()) {
    periods_of_care(eps, decom, dec, child, scratch, periods);
    if (periods.empty()) continue;
    for (std::uint32_t r : mis.rows_of(child)) {
      const OptDate s = mis.date(r, start);
      if (!s) continue;
      bool fits = false;
      for (const ToolPeriodOfCare& p : periods)
        fits = fits || !(*s < p.decom || (p.dec && *s > *p.dec));
      if (!fits) out.add(mis, r);
    }
  }
}

// 579: a child's decisions to place for adoption, in date order, may not overlap: each earlier
// decision has ceased, and no later than the next decision was made.
void check_579(const ReturnTables& ds, Hits& out) {
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col placed = pa.col("DATE_PLACED"), ceased = pa.col("DATE_PLACED_CEASED");
  for (std::string_view child : pa.children()) {
    if (child.empty()) continue;
    const auto own = pa.rows_of(child);
    if (own.size() < 2) continue;
    const std::vector<std::uint32_t> rows = sorted_by(pa, own, placed);
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const OptDate prev_ceased = pa.date(rows[i - 1], ceased), d = pa.date(rows[i], placed);
      if (!prev_ceased || (d && *d < *prev_ceased)) out.add(pa, rows[i]);
    }
  }
}

// 580: a missing period that ended on the child's 18th birthday, the day care ended: the
// episode's reason for ending should be E8 (the tool compares with every episode ending that
// day, and counts a 29 February birthday as 28 February).
void check_580(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& mis = *ds.get(TableKind::Missing);
  const Col dec = eps.col("DEC"), rec = eps.col("REC");
  const Col dob = mis.col("DOB"), end = mis.col("MIS_END");
  for (std::size_t r = 0; r < mis.size(); ++r) {
    const OptDate b = mis.date(r, dob), e = mis.date(r, end);
    if (!b || !e || plus_years(*b, 18) != *e) continue;
    for (std::uint32_t p : eps.rows_of(mis.child(r))) {
      const OptDate d = eps.date(p, dec);
      if (d && *d == *e && eps.text(p, rec) != "E8") out.add(eps, p);
    }
  }
}

// 581: a period (of a child with episodes) whose start falls in none of the child's episodes.
void check_581(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& mis = *ds.get(TableKind::Missing);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), start = mis.col("MIS_START");
  for (std::size_t r = 0; r < mis.size(); ++r) {
    const auto own = eps.rows_of(mis.child(r));
    if (own.empty()) continue;
    const OptDate s = mis.date(r, start);
    bool inside = false;
    for (std::uint32_t e : own) {
      const OptDate from = eps.date(e, decom), to = eps.date(e, dec);
      inside = inside || (s && from && *s >= *from && (!to || *s <= *to));
    }
    if (!inside) out.add(mis, r);
  }
}

// 582: a child adopted (REC E11/E12) on the very day they were matched with the adopters
// (DEC equal to AD1 DATE_MATCH as written).
void check_582(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& ad1 = *ds.get(TableKind::Ad1);
  const Col rec = eps.col("REC"), dec = eps.col("DEC"), match = ad1.col("DATE_MATCH");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (!in(eps.text(r, rec), {"E11", "E12"}) || eps.missing(r, dec)) continue;
    for (std::uint32_t a : ad1.rows_of(eps.child(r)))
      if (ad1.text(a, match) == eps.text(r, dec)) {
        out.add(eps, r);
        break;
      }
  }
}

// 583: a child with more than one decision: every decision but the latest needs
// DATE_PLACED_CEASED; a decision with no valid DATE_PLACED is never the latest, and on a tie
// the first row is. Deviation: the DfE tool compares DATE_PLACED as written (dd/mm/yyyy text),
// so 31/01/2025 counts as later than 01/02/2025; here dates are compared as dates.
void check_583(const ReturnTables& ds, Hits& out) {
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Col placed = pa.col("DATE_PLACED"), ceased = pa.col("DATE_PLACED_CEASED");
  for (std::string_view child : pa.children()) {
    const auto own = pa.rows_of(child);
    if (own.size() < 2) continue;
    std::uint32_t kept = own[0];
    for (std::uint32_t r : own) {
      const OptDate t = pa.date(r, placed), k = pa.date(kept, placed);
      if (t && (!k || *t > *k)) kept = r;
    }
    for (std::uint32_t r : own)
      if (r != kept && pa.missing(r, ceased)) out.add(pa, r);
  }
}

// 584: last year's decision had ceased (date or reason given), so a decision this year must be
// a new one: DATE_PLACED given and after last year's. Deviation: the DfE tool compares the two
// as written (dd/mm/yyyy text, so 01/02/2025 is "before" 31/01/2025); here as dates, an
// unreadable date this year counting as not given.
void check_584(const ReturnTables& ds, Hits& out) {
  const Table& pa = *ds.get(TableKind::PlacedAdoption);
  const Table& last = *ds.last(TableKind::PlacedAdoption);
  const Col placed = pa.col("DATE_PLACED"), placed_last = last.col("DATE_PLACED");
  const Col ceased_last = last.col("DATE_PLACED_CEASED");
  const Col reason_last = last.col("REASON_PLACED_CEASED");
  for (std::size_t r = 0; r < pa.size(); ++r) {
    const OptDate now = pa.date(r, placed);
    for (std::uint32_t p : last.rows_of(pa.child(r))) {
      if (last.missing(p, ceased_last) && last.missing(p, reason_last)) continue;
      const OptDate then = last.date(p, placed_last);
      if (!now || (then && *now <= *then)) {
        out.add(pa, r);
        break;
      }
    }
  }
}

// 586: a missing period cannot start on or before the child's date of birth.
void check_586(const ReturnTables& ds, Hits& out) {
  const Table& mis = *ds.get(TableKind::Missing);
  const Col dob = mis.col("DOB"), start = mis.col("MIS_START");
  for (std::size_t r = 0; r < mis.size(); ++r) {
    const OptDate s = mis.date(r, start), b = mis.date(r, dob);
    if (s && b && *s <= *b) out.add(mis, r);
  }
}

}  // namespace

std::span<const Rule> missing_and_adoption_orders() {
  static const std::vector<Rule> kRules = {
      {"564", Severity::Error, "Missing", "MISSING,MIS_START",
       "A missing or away from placement period has no start date.",
       "Record MIS_START, the date the child went missing or away without authorisation.",
       "SSDA903 guidance 2025/26, Missing: MIS_START; Statutory guidance on children who run away "
       "or go missing from home or care (2014)",
       2023, 0, check_564},
      {"565", Severity::Error, "Missing", "MISSING,MIS_START",
       "A missing period has a start date but does not say whether the child was missing (M) or "
       "away without authorisation (A).",
       "Record MISSING as M or A for every period.", "SSDA903 guidance 2025/26, Missing: MISSING",
       2023, 0, check_565},
      {"566", Severity::Error, "Missing", "MISSING,MIS_END",
       "A missing period has an end date but does not say whether the child was missing (M) or "
       "away without authorisation (A).",
       "Record MISSING as M or A for every period.", "SSDA903 guidance 2025/26, Missing: MISSING",
       2023, 0, check_566},
      {"567", Severity::Error, "Missing", "MIS_START,MIS_END",
       "A missing or away from placement period ends before it starts.",
       "Correct MIS_START or MIS_END: the end date is on or after the start date.",
       "SSDA903 guidance 2025/26, Missing: MIS_START, MIS_END", 2023, 0, check_567},
      {"570", Severity::Error, "Missing", "MIS_START",
       "A missing or away from placement period starts after the end of the collection year.",
       "Only periods that started by 31 March belong in this return: correct MIS_START or remove "
       "the period.",
       "SSDA903 guidance 2025/26, Missing: MIS_START", 2023, 0, check_570},
      {"571", Severity::Error, "Missing", "MIS_END",
       "A missing or away from placement period ends outside the collection year.",
       "MIS_END is between 1 April and 31 March of this year; leave it blank if the child was "
       "still missing on 31 March.",
       "SSDA903 guidance 2025/26, Missing: MIS_END", 2023, 0, check_571},
      {"574", Severity::Error, "Missing", "MIS_START,MIS_END",
       "A missing or away from placement period overlaps another of the child's periods, or "
       "starts while an earlier one is still open.",
       "Close the earlier period (MIS_END) or correct the dates so that the child's periods do "
       "not overlap.",
       "SSDA903 guidance 2025/26, Missing: MIS_START, MIS_END", 2023, 0, check_574},
      {"575", Severity::Error, "Episodes,Missing", "MIS_END",
       "The child went missing from a placement that has since ended, but the missing period has "
       "no end date.",
       "When the placement ends the missing period ends too: record MIS_END.",
       "SSDA903 guidance 2025/26, Missing: MIS_END", 2023, 0, check_575},
      {"576", Severity::Error, "Missing,Missing_last", "CHILD",
       "Last year's return has a missing period still open at 31 March, but this year's first "
       "missing period for the child does not start on the same date.",
       "An open period carries over with its start date: add it to this year's return, or close "
       "it in last year's if it had ended.",
       "SSDA903 guidance 2025/26, Missing: MIS_START, MIS_END", 2023, 0, check_576},
      {"577", Severity::Error, "Episodes,Missing", "MIS_END",
       "A missing or away from placement period does not fit within any of the child's periods of "
       "care: it is still open although care has ended, or it ends outside the period of care.",
       "A missing period ends no later than the child's care ends: record or correct MIS_END, or "
       "check the episode dates.",
       "SSDA903 guidance 2025/26, Missing: MIS_END", 2023, 0, check_577},
      {"578", Severity::Error, "Episodes,Missing", "MIS_START",
       "A missing or away from placement period starts outside every one of the child's periods "
       "of care.",
       "Only periods that start while the child is looked after belong in the return: check "
       "MIS_START and the episode dates.",
       "SSDA903 guidance 2025/26, Missing: MIS_START", 2023, 0, check_578},
      {"579", Severity::Error, "PlacedAdoption", "DATE_PLACED,DATE_PLACED_CEASED",
       "A decision to place the child for adoption starts while the previous decision is still "
       "open, or before it ceased.",
       "Record when the earlier decision ceased (no later than the new decision), or correct the "
       "dates.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED, DATE_PLACED_CEASED", 2023, 0,
       check_579},
      {"580", Severity::Error, "Episodes,Missing", "REC",
       "The child was missing when they left care on their 18th birthday, but the reason the "
       "episode ended is not E8.",
       "A child who is missing when they cease to be looked after has REC E8: correct the reason "
       "episode ceased.",
       "SSDA903 guidance 2025/26, Episodes: REC", 2023, 0, check_580},
      {"581", Severity::Error, "Episodes,Missing", "MIS_START",
       "A missing or away from placement period starts when the child was not looked after.",
       "Check MIS_START against the child's episodes: a missing period starts during an episode "
       "of care.",
       "SSDA903 guidance 2025/26, Missing: MIS_START", 2023, 0, check_581},
      {"582", Severity::Query, "Episodes,AD1", "DEC,DATE_MATCH",
       "The child left care through adoption on the same day they were matched with the "
       "adopters.",
       "Please check: matching normally comes well before the adoption order. Correct DEC or "
       "DATE_MATCH if one is wrong, otherwise confirm the dates.",
       "SSDA903 guidance 2025/26, AD1: DATE_MATCH; Episodes: DEC, REC", 2023, 0, check_582},
      {"583", Severity::Query, "PlacedAdoption", "DATE_PLACED,DATE_PLACED_CEASED",
       "The child has more than one decision to place for adoption, and an earlier one is not "
       "shown as ceased.",
       "Please check that every decision is needed; record when the earlier decision ceased "
       "(this may have been in a previous year).",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED, DATE_PLACED_CEASED", 2023, 0,
       check_583},
      {"584", Severity::Error, "PlacedAdoption,PlacedAdoption_last", "DATE_PLACED",
       "Last year's decision to place the child for adoption had ceased, but this year's decision "
       "is blank or not dated after last year's.",
       "A new decision has a later date than the one that ceased: record or correct DATE_PLACED.",
       "SSDA903 guidance 2025/26, PlacedAdoption: DATE_PLACED", 2023, 0, check_584},
      {"586", Severity::Error, "Missing", "MIS_START",
       "A missing or away from placement period starts on or before the child's date of birth.",
       "Correct MIS_START or the date of birth.",
       "SSDA903 guidance 2025/26, Missing: MIS_START; Header: DOB", 2023, 0, check_586},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
