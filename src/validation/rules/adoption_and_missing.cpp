// 903 validation rules 406-460: UASC and distances, short breaks, endings, review participation
// codes, UPNs, one episode against the one before it (see registry.hpp). Rules 501-521 are in
// episode_sequences_and_adopters.cpp, registered right after these. Rules that compare an episode
// with the one before it use the DfE tool's order (episode_order.hpp).
#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"
#include "validation/rules/episode_order.hpp"

namespace hearth::validation::rules {

namespace {

// Whether a child is, or was, an unaccompanied asylum-seeking child in one year's data: the
// Header's UASC flag when the Header was supplied, otherwise any filled-in UASC row.
class UascInYear {
 public:
  UascInYear(const Table* header, const Table* uasc) : header_(header), uasc_(uasc) {
    if (header_) flag_ = header_->col("UASC");
  }
  bool operator()(std::string_view child) const {
    if (header_) {
      for (std::uint32_t r : header_->rows_of(child))
        if (header_->text(r, flag_) == "1") return true;
      return false;
    }
    if (!uasc_) return false;
    const std::size_t columns = uasc_->column_names().size();
    for (std::uint32_t r : uasc_->rows_of(child))
      for (std::size_t c = 1; c < columns; ++c)  // column 0 is CHILD
        if (!uasc_->missing(r, Col{static_cast<int>(c)})) return true;
    return false;
  }

 private:
  const Table* header_;
  const Table* uasc_;
  Col flag_;
};

// --- Distance, placement LA and UASC ---------------------------------------------------------

// 406: a child who is UASC this year or was last year has no placement distance, because their
// home postcode is not their family home; a distance worked out from the postcodes is an error.
void check_406(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const UascInYear now(ds.get(TableKind::Header), ds.get(TableKind::Uasc));
  const UascInYear before(ds.last(TableKind::Header), ds.last(TableKind::Uasc));
  for (const std::string& child : eps.children()) {
    if (!now(child) && !before(child)) continue;
    for (std::uint32_t r : eps.rows_of(child))
      if (placement_distance(ds, eps, r)) out.add(eps, r);
  }
}

// 420: short breaks (legal status V3 or V4) have no placement LA: it must not be derivable, so
// the placement postcode is left blank.
// 411: the derived in/out-of-area flag agrees with the derived placing authority. Both come from
// the placement postcode ("IN" exactly when the placing authority is the council), so on data
// Hearth derives itself the rule cannot fire; it is kept so that the registry is the DfE's, and
// it guards the derivation (tests/data/validation/411 shows why it has no firing case).
void check_411(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  for (std::size_t r = 0; r < t.size(); ++r) {
    auto location = placement_location(ds, t, r);
    if (location != "IN") continue;
    auto la = placement_la(ds, t, r);
    if (!la || *la != ds.la) out.add(t, r);
  }
}

void check_420(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col ls = eps.col("LS");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (in(eps.text(r, ls), {"V3", "V4"}) && placement_la(ds, eps, r)) out.add(eps, r);
}

// 452: a child whose episode was still open at the end of last year, and whose first episode this
// year continues it (same RNE), must have the same placement LA in both.
void check_452(const ReturnTables& ds, Hits& out) {
  const Table& now = *ds.get(TableKind::Episodes);
  const Table& before = *ds.last(TableKind::Episodes);
  const Col rne = now.col("RNE"), rne_last = before.col("RNE"), dec_last = before.col("DEC");
  across_years(now, before, [&](std::uint32_t r, std::uint32_t p) {
    // The DfE tool reads last year's DEC here as text: only a blank one counts as open.
    if (!before.missing(p, dec_last)) return;
    if (!equal_values(now.text(r, rne), before.text(p, rne_last))) return;
    if (placement_la(ds, now, r) != placement_la(ds, before, p)) out.add(now, r);
  });
}

// 453: as 452, for the placement distance.
void check_453(const ReturnTables& ds, Hits& out) {
  const Table& now = *ds.get(TableKind::Episodes);
  const Table& before = *ds.last(TableKind::Episodes);
  const Col rne = now.col("RNE"), rne_last = before.col("RNE"), dec_last = before.col("DEC");
  across_years(now, before, [&](std::uint32_t r, std::uint32_t p) {
    if (before.date(p, dec_last)) return;
    if (!equal_values(now.text(r, rne), before.text(p, rne_last))) return;
    if (distance_changed(ds, now, r, before, p)) out.add(now, r);
  });
}

// 454: a placement more than 350 miles from home (999.9, the code for a distance that cannot be
// given, aside).
void check_454(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  for (std::size_t r = 0; r < eps.size(); ++r) {
    const auto miles = placement_distance(ds, eps, r);
    if (miles && *miles > 350.0 && *miles != 999.9) out.add(eps, r);
  }
}

// --- Single-episode and age checks ------------------------------------------------------------

// 407: an episode ending in a special guardianship order (E45-E48) must end before the child's
// 18th birthday. Reports the episode and the child's Header row.
void check_407(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& header = *ds.get(TableKind::Header);
  const Col rec = eps.col("REC"), dec = eps.col("DEC"), dob = header.col("DOB");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (!in(eps.text(r, rec), {"E45", "E46", "E47", "E48"})) continue;
    const OptDate ended = eps.date(r, dec);
    if (!ended) continue;
    for (std::uint32_t h : header.rows_of(eps.child(r))) {
      const OptDate born = header.date(h, dob);
      if (born && plus_years(*born, 18) < *ended) {
        out.add(eps, r);
        out.add(header, h);
      }
    }
  }
}

// 408: a child placed for adoption with a placement order (A5, A6) must have legal status E1.
void check_408(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col place = eps.col("PLACE"), ls = eps.col("LS");
  for (std::size_t r = 0; r < eps.size(); ++r)
    if (in(eps.text(r, place), {"A5", "A6"}) && eps.text(r, ls) != "E1") out.add(eps, r);
}

// 426: a child on short breaks cannot be recorded under both V3 and V4 in the same year; every
// V3 and V4 episode of such a child is reported.
void check_426(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col ls = eps.col("LS");
  for (const std::string& child : eps.children()) {
    bool v3 = false, v4 = false;
    for (std::uint32_t r : eps.rows_of(child)) {
      v3 = v3 || eps.text(r, ls) == "V3";
      v4 = v4 || eps.text(r, ls) == "V4";
    }
    if (!v3 || !v4) continue;
    for (std::uint32_t r : eps.rows_of(child))
      if (in(eps.text(r, ls), {"V3", "V4"})) out.add(eps, r);
  }
}

// 437: an episode that ended because the child died (E2) or turned 18 and left care (E15) must be
// the child's last.
void check_437(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), rec = eps.col("REC");
  std::vector<std::uint32_t> rows;
  for (const std::string& child : eps.children()) {
    if (child.empty()) continue;
    order_episodes(eps, eps.rows_of(child), decom, rows);
    for (std::size_t i = 0; i + 1 < rows.size(); ++i)
      if (eps.date(rows[i], decom) && in(eps.text(rows[i], rec), {"E2", "E15"}))
        out.add(eps, rows[i]);
  }
}

// 440: participation code PN0 means the child was under 4 at the review.
void check_440(const ReturnTables& ds, Hits& out) {
  const Table& reviews = *ds.get(TableKind::Reviews);
  const Col dob = reviews.col("DOB"), review = reviews.col("REVIEW"),
            code = reviews.col("REVIEW_CODE");
  for (std::size_t r = 0; r < reviews.size(); ++r) {
    if (reviews.text(r, code) != "PN0") continue;
    const OptDate born = reviews.date(r, dob), held = reviews.date(r, review);
    if (born && held && *held > plus_years(*born, 4)) out.add(reviews, r);
  }
}

// 441: participation codes PN1-PN7 mean the child was 4 or over at the review.
void check_441(const ReturnTables& ds, Hits& out) {
  const Table& reviews = *ds.get(TableKind::Reviews);
  const Col dob = reviews.col("DOB"), review = reviews.col("REVIEW"),
            code = reviews.col("REVIEW_CODE");
  for (std::size_t r = 0; r < reviews.size(); ++r) {
    if (!in(reviews.text(r, code), {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"})) continue;
    const OptDate born = reviews.date(r, dob), held = reviews.date(r, review);
    if (born && held && *held < plus_years(*born, 4)) out.add(reviews, r);
  }
}

// 442: a child with any episode other than a short break (V3/V4) must have a UPN (or UN1-UN5).
void check_442(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& header = *ds.get(TableKind::Header);
  const Col ls = eps.col("LS"), upn = header.col("UPN");
  for (std::size_t h = 0; h < header.size(); ++h) {
    if (!header.missing(h, upn)) continue;
    for (std::uint32_t r : eps.rows_of(header.child(h)))
      if (!in(eps.text(r, ls), {"V3", "V4"})) {
        out.add(header, h);
        break;
      }
  }
}

// 444: a real UPN (not blank, not UN1-UN5) belongs to one child only.
void check_444(const ReturnTables& ds, Hits& out) {
  const Table& header = *ds.get(TableKind::Header);
  const Col upn = header.col("UPN");
  auto counted = [](std::string_view v) {
    return !v.empty() && !in(v, {"UN1", "UN2", "UN3", "UN4", "UN5"});
  };
  std::unordered_map<std::string_view, int> seen;
  seen.reserve(header.size());
  for (std::size_t r = 0; r < header.size(); ++r)
    if (counted(header.text(r, upn))) ++seen[header.text(r, upn)];
  for (std::size_t r = 0; r < header.size(); ++r)
    if (counted(header.text(r, upn)) && seen[header.text(r, upn)] > 1) out.add(header, r);
}

// 446: legal status E1 (placement order) did not exist before 1 December 2005.
void check_446(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col ls = eps.col("LS"), decom = eps.col("DECOM");
  const Date introduced = make_date(2005, 12, 1);
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (eps.text(r, ls) != "E1") continue;
    const OptDate began = eps.date(r, decom);
    if (began && *began < introduced) out.add(eps, r);
  }
}

// 460: an episode that ended because the child stayed with their carers at 18 (E17) must end on
// or after the 18th birthday.
void check_460(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Table& header = *ds.get(TableKind::Header);
  const Col rec = eps.col("REC"), dec = eps.col("DEC"), dob = header.col("DOB");
  for (std::size_t r = 0; r < eps.size(); ++r) {
    if (eps.text(r, rec) != "E17") continue;
    const OptDate ended = eps.date(r, dec);
    if (!ended) continue;
    for (std::uint32_t h : header.rows_of(eps.child(r))) {
      const OptDate born = header.date(h, dob);
      if (born && plus_years(*born, 18) > *ended) out.add(eps, r);
    }
  }
}

// --- One episode against the one before it ----------------------------------------------------

// 431: a new period of care (RNE S) cannot start on or before the day the previous episode ended.
void check_431(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), rne = eps.col("RNE");
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    if (eps.text(r, rne) != "S") return;
    const OptDate began = eps.date(r, decom), ended = eps.date(p, dec);
    if (began && ended && *began <= *ended) out.add(eps, r);
  });
}

// 432: after an episode that ended care (a REC other than X1), the next one starts a new period
// of care, so its RNE must be S.
void check_432(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), rec = eps.col("REC"), rne = eps.col("RNE");
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    if (in(eps.text(p, rec),
           {"E2",  "E3",  "E4A", "E4B", "E5",  "E6",  "E7",  "E8",  "E9",  "E11", "E12",
            "E13", "E14", "E15", "E16", "E17", "E41", "E45", "E46", "E47", "E48"}) &&
        eps.text(r, rne) != "S")
      out.add(eps, r);
  });
}

// 433: an episode that continues care (RNE P, L, T, U or B) starts on the day the previous one
// ended. The DfE tool compares the dates as written, so both must be given and identical.
void check_433(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), dec = eps.col("DEC"), rne = eps.col("RNE");
  each_with_previous(
      eps, decom,
      [&](std::uint32_t r, std::uint32_t p) {
        if (!in(eps.text(r, rne), {"P", "L", "T", "U", "B"})) return;
        const std::string_view began = eps.text(r, decom), ended = eps.text(p, dec);
        if (began.empty() || ended.empty() || began != ended) out.add(eps, r);
      },
      dec);
}

// 434: RNE L (legal status changed, placement unchanged) needs a new legal status and the same
// placement (PLACE, PL_POST, URN, PLACE_PROVIDER) as the previous episode.
void check_434(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), rne = eps.col("RNE"), ls = eps.col("LS");
  const Col place[] = {eps.col("PLACE"), eps.col("PL_POST"), eps.col("URN"),
                       eps.col("PLACE_PROVIDER")};
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    if (eps.text(r, rne) != "L") return;
    bool moved = false;  // blanks compare equal here
    for (Col c : place) moved = moved || eps.text(r, c) != eps.text(p, c);
    if (equal_values(eps.text(r, ls), eps.text(p, ls)) || moved) out.add(eps, r);
  });
}

// 435: RNE P or T (placement changed, legal status unchanged) needs the same legal status and a
// different placement. As in the DfE tool, a blank never equals anything here: a blank legal
// status counts as changed and a blank placement item as different.
void check_435(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), rne = eps.col("RNE"), ls = eps.col("LS");
  const Col place[] = {eps.col("PLACE"), eps.col("PL_POST"), eps.col("URN"),
                       eps.col("PLACE_PROVIDER")};
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    if (!in(eps.text(r, rne), {"P", "T"})) return;
    bool same_place = true;
    for (Col c : place) same_place = same_place && equal_values(eps.text(r, c), eps.text(p, c));
    if (unequal_values(eps.text(r, ls), eps.text(p, ls)) || same_place) out.add(eps, r);
  });
}

// 436: RNE U or B (legal status and placement both changed) needs both to differ from the
// previous episode. Blanks compare equal here.
void check_436(const ReturnTables& ds, Hits& out) {
  const Table& eps = *ds.get(TableKind::Episodes);
  const Col decom = eps.col("DECOM"), rne = eps.col("RNE"), ls = eps.col("LS");
  const Col place[] = {eps.col("PLACE"), eps.col("PL_POST"), eps.col("URN"),
                       eps.col("PLACE_PROVIDER")};
  each_with_previous(eps, decom, [&](std::uint32_t r, std::uint32_t p) {
    if (!in(eps.text(r, rne), {"U", "B"})) return;
    bool same_place = true;
    for (Col c : place) same_place = same_place && eps.text(r, c) == eps.text(p, c);
    if (eps.text(r, ls) == eps.text(p, ls) || same_place) out.add(eps, r);
  });
}

}  // namespace

std::span<const Rule> adoption_and_missing() {
  static const std::vector<Rule> kRules = {
      {"406", Severity::Error, "Episodes", "PL_DISTANCE",
       "The child is, or was last year, an unaccompanied asylum-seeking child, but a placement "
       "distance can be worked out from the home and placement postcodes.",
       "For a UASC or former UASC child, leave HOME_POST blank: the distance from home is not "
       "reported for them. Children who were UASC before last year and are not marked as such "
       "in the data are not caught by this check.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST (PL_DISTANCE derived); Header: UASC", 2023, 0,
       check_406, "postcodes"},
      {"407", Severity::Error, "Episodes,Header", "DEC,DOB,REC",
       "The episode ended with a special guardianship order (E45-E48) after the child's 18th "
       "birthday.",
       "A special guardianship order can only be made for a child under 18. Check the child's "
       "date of birth, the episode's end date and the reason it ended, and correct whichever is "
       "wrong.",
       "Children Act 1989 s.14A; SSDA903 guidance 2025/26, Episodes: REC, DEC", 2023, 0, check_407},
      {"408", Severity::Error, "Episodes", "PLACE,LS",
       "The child is placed for adoption with a placement order (A5 or A6), but the legal status "
       "is not a placement order (E1).",
       "A placement under A5 or A6 needs legal status E1. If there is no placement order, use "
       "A3 or A4 for the placement; otherwise correct the legal status.",
       "Adoption and Children Act 2002 s.21; SSDA903 guidance 2025/26, Episodes: PLACE, LS", 2023,
       0, check_408},
      {"411", Severity::Error, "Episodes", "PL_LOCATION,PL_LA",
       "The placement is recorded as in the council's area, but the placement's local authority "
       "is another council.",
       "Check the placement postcode and the council's ONS code (--la-ons): the location and the "
       "placing authority both come from the postcode and must agree.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST (PL_LOCATION and PL_LA derived)", 2023, 0,
       check_411, "postcodes", true},
      {"420", Severity::Error, "Episodes", "PL_LA",
       "The episode is a short break (legal status V3 or V4), but a placement LA can be worked "
       "out from its placement postcode.",
       "The placement postcode is not recorded for short breaks. Leave PL_POST blank for V3 and "
       "V4 episodes, or correct the legal status if this was not a short break.",
       "SSDA903 guidance 2025/26, Episodes: LS, PL_POST (PL_LA derived)", 2023, 0, check_420,
       "postcodes"},
      {"426", Severity::Error, "Episodes", "LS",
       "The child has short-break episodes under both V3 and V4 in the same year.",
       "A child receiving short breaks has either a single planned series (V3) or a pattern of "
       "them (V4) in a year, not both. Choose the legal status that applies and use it for all "
       "the short-break episodes.",
       "SSDA903 guidance 2025/26, Episodes: LS (V3, V4)", 2023, 0, check_426},
      {"431", Severity::Error, "Episodes", "RNE,DECOM",
       "The episode starts a new period of care (RNE S), but it starts on or before the day the "
       "previous episode ended.",
       "If care carried on from the previous episode, use the RNE that says what changed (P, L, "
       "T, U or B); if care really ended and began again, check both dates.",
       "SSDA903 guidance 2025/26, Episodes: RNE, DECOM, DEC", 2023, 0, check_431},
      {"432", Severity::Error, "Episodes", "RNE",
       "The previous episode ended the child's period of care, but this episode's reason for new "
       "episode is not S (started to be looked after).",
       "An episode that follows the end of care starts a new period of care: record RNE S. If "
       "care did not end, correct the previous episode's reason for ending (X1 when care "
       "continues).",
       "SSDA903 guidance 2025/26, Episodes: RNE, REC", 2023, 0, check_432},
      {"433", Severity::Error, "Episodes", "RNE,DECOM",
       "The reason for new episode says care continued, but the episode does not start on the "
       "day the previous episode ended.",
       "When an episode follows on from another (RNE P, L, T, U or B), its start date must be "
       "the previous episode's end date. Correct the dates, or use RNE S if there was a gap in "
       "care.",
       "SSDA903 guidance 2025/26, Episodes: RNE, DECOM, DEC", 2023, 0, check_433},
      {"434", Severity::Error, "Episodes", "RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER",
       "The reason for new episode is a change of legal status only (L), but the legal status is "
       "unchanged or the placement details have changed.",
       "With RNE L the legal status must differ from the previous episode while the placement "
       "type, postcode, URN and provider stay the same. Correct the RNE (T or B when the "
       "placement changed too) or the episode details.",
       "SSDA903 guidance 2025/26, Episodes: RNE", 2023, 0, check_434},
      {"435", Severity::Error, "Episodes", "LS,PLACE,PL_POST,URN,PLACE_PROVIDER",
       "The reason for new episode is a change of placement only (P or T), but the legal status "
       "has changed or the placement details are all the same.",
       "With RNE P or T the legal status must be the same as in the previous episode and at "
       "least one of placement type, postcode, URN or provider must differ. Correct the RNE (B "
       "or U when the legal status changed too, L when only it changed) or the details.",
       "SSDA903 guidance 2025/26, Episodes: RNE", 2023, 0, check_435},
      {"436", Severity::Error, "Episodes", "RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER",
       "The reason for new episode is a change of both legal status and placement (U or B), but "
       "the legal status or the placement is the same as in the previous episode.",
       "With RNE U or B both the legal status and at least one placement detail must differ from "
       "the previous episode. Use L or P/T when only one of them changed, or correct the details.",
       "SSDA903 guidance 2025/26, Episodes: RNE", 2023, 0, check_436},
      {"437", Severity::Error, "Episodes", "REC",
       "The episode ended because the child died or left care at 18 (E2 or E15), but the child "
       "has a later episode.",
       "Check the reason this episode ended and the later episode: correct the reason (X1 if "
       "care continued) or remove an episode recorded in error.",
       "SSDA903 guidance 2025/26, Episodes: REC", 2023, 0, check_437},
      {"440", Severity::Error, "Reviews", "DOB,REVIEW,REVIEW_CODE",
       "The participation code PN0 says the child was under 4 at the review, but by the dates the "
       "child was 4 or older.",
       "Use PN1-PN7 to record how a child aged 4 or over took part, or correct the review date or "
       "date of birth.",
       "SSDA903 guidance 2025/26, Reviews: REVIEW_CODE", 2023, 0, check_440},
      {"441", Severity::Error, "Reviews", "DOB,REVIEW,REVIEW_CODE",
       "The participation code (PN1-PN7) says the child was 4 or older at the review, but by the "
       "dates the child was under 4.",
       "Use PN0 for a child under 4 at the review, or correct the review date or date of birth.",
       "SSDA903 guidance 2025/26, Reviews: REVIEW_CODE", 2023, 0, check_441},
      {"442", Severity::Error, "Episodes,Header", "UPN",
       "The child's UPN is blank, although the child has an episode that is not a short break.",
       "Enter the child's UPN from their school, or the right UN1-UN5 code when it is not known "
       "(UN1, for example, for a child not yet of school age).",
       "SSDA903 guidance 2025/26, Header: UPN", 2023, 0, check_442},
      {"444", Severity::Error, "Header", "UPN", "The same UPN is given for more than one child.",
       "A UPN belongs to one pupil only. Check each child's UPN with their school or the virtual "
       "school and correct the wrong one; if two rows are the same child, merge them.",
       "SSDA903 guidance 2025/26, Header: UPN; DfE Common Basic Data Set (UPN)", 2026, 0,
       check_444},
      {"446", Severity::Error, "Episodes", "LS,DECOM",
       "The legal status is E1 (placement order), but the episode began before December 2005, "
       "when placement orders were introduced.",
       "Check the episode's start date and legal status: before 1 December 2005 a freeing order "
       "or another legal status applied.",
       "Adoption and Children Act 2002 s.21 (in force 30 December 2005); SSDA903 guidance "
       "2025/26, Episodes: LS",
       2023, 0, check_446},
      {"452", Severity::Error, "Episodes,Episodes_last", "PL_LA",
       "The child's first episode this year continues last year's open episode, but the "
       "placement LA differs between the two.",
       "The placement carried over from last year should have the same placement postcode. "
       "Check PL_POST in both years' returns and correct the wrong one.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST (PL_LA derived)", 2023, 0, check_452,
       "postcodes"},
      {"453", Severity::Error, "Episodes,Episodes_last", "PL_DISTANCE",
       "The child's first episode this year continues last year's open episode, but the "
       "placement distance differs between the two by 0.2 miles or more.",
       "The episode carried over from last year should have the same home and placement "
       "postcodes. Check HOME_POST and PL_POST in both years' returns and correct the wrong one.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST, PL_POST (PL_DISTANCE derived)", 2023, 0,
       check_453, "postcodes"},
      {"454", Severity::Query, "Episodes", "PL_DISTANCE",
       "The placement is more than 350 miles from the child's home.",
       "Please check HOME_POST and PL_POST: a distance this large usually means a wrong "
       "postcode. A child who is or was UASC but is not marked as such will also be caught.",
       "SSDA903 guidance 2025/26, Episodes: HOME_POST, PL_POST (PL_DISTANCE derived)", 2026, 0,
       check_454, "postcodes"},
      {"460", Severity::Error, "Header,Episodes", "DEC,REC",
       "The episode ended because the child stayed on with their carers at 18 (E17), but the "
       "child was under 18 on the day it ended.",
       "E17 applies only from the 18th birthday. Check the child's date of birth and the episode's "
       "end date, or use the reason that applied when the episode ended.",
       "SSDA903 guidance 2025/26, Episodes: REC (E17)", 2023, 0, check_460},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
