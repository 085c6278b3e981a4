// 903 validation rules 167-182: codes, formats and derived fields of the Header, Episodes, OC2
// and OC3 (see registry.hpp). Rules 184-205D are in oc2_cohort_and_dates.cpp, registered right
// after these.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "validation/registry.hpp"
#include "validation/rules/common.hpp"

namespace hearth::validation::rules {

namespace {

// --- Codes, formats and derived fields ------------------------------------------------------

// 167: a review with a date needs a participation code PN0-PN7; a row with no review date must
// have no code either.
void check_167(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Reviews);
  const Col review = t.col("REVIEW"), code = t.col("REVIEW_CODE");
  for (std::size_t r = 0; r < t.size(); ++r) {
    bool ok = t.missing(r, review)
                  ? t.missing(r, code)
                  : in(t.text(r, code), {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"});
    if (!ok) out.add(t, r);
  }
}

// 168: a UPN is a letter (not I, O or S) then 12 digits, or 11 digits and a letter; unknown UPNs
// are UN1-UN5. A blank UPN is left to other rules.
bool valid_upn(std::string_view v) {
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  auto letter = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
  if (v.size() == 3 && v.substr(0, 2) == "UN" && v[2] >= '1' && v[2] <= '5') return true;
  if (v.size() != 13 || !letter(v[0]) || v[0] == 'I' || v[0] == 'O' || v[0] == 'S') return false;
  for (std::size_t i = 1; i < 12; ++i)
    if (!digit(v[i])) return false;
  return digit(v[12]) || letter(v[12]);
}

void check_168(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Header);
  const Col upn = t.col("UPN");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!t.missing(r, upn) && !valid_upn(t.text(r, upn))) out.add(t, r);
}

// 169: outside short breaks, the placement postcode must give a local authority of placement.
void check_169(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col ls = t.col("LS");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!in(t.text(r, ls), {"V3", "V4"}) && !placement_la(ds, t, r)) out.add(t, r);
}

// 171: the mother's child's date of birth, when given, must be a real dd/mm/yyyy date.
void check_171(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Header);
  const Col mc_dob = t.col("MC_DOB");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!t.missing(r, mc_dob) && !t.date(r, mc_dob)) out.add(t, r);
}

// 174: a child recorded as male cannot have a date of birth for a child of their own (MC_DOB).
void check_174(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Header);
  const Col sex = t.col("SEX"), mc_dob = t.col("MC_DOB");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (t.text(r, sex) == "M" && !t.missing(r, mc_dob)) out.add(t, r);
}

void check_175(const ReturnTables& ds, Hits& out) {
  code_or_blank(ds, out, TableKind::Ad1, "NB_ADOPTR", {"1", "2"});
}

void check_176(const ReturnTables& ds, Hits& out) {
  code_or_blank(ds, out, TableKind::Ad1, "SEX_ADOPTR", {"M1", "F1", "MM", "FF", "MF"});
}

void check_177(const ReturnTables& ds, Hits& out) {
  code_or_blank(ds, out, TableKind::Ad1, "LS_ADOPTR", {"L0", "L11", "L12", "L2", "L3", "L4"});
}

// 178: a placement provider code, when given, must be PR0-PR5 and must not be given for
// placements that have no provider (T0-T3, Z11-Z14).
void check_178(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col provider = t.col("PLACE_PROVIDER"), place = t.col("PLACE");
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.missing(r, provider)) continue;
    bool known = in(t.text(r, provider), {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"});
    bool no_provider = in(t.text(r, place), {"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"});
    if (!known || no_provider) out.add(t, r);
  }
}

// 179: outside short breaks, the placement postcode must show whether the placement is inside
// or outside the council's area.
void check_179(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Episodes);
  const Col ls = t.col("LS");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (!in(t.text(r, ls), {"V3", "V4"}) && !placement_location(ds, t, r)) out.add(t, r);
}

// 180: an SDQ score, when given, is a whole number from 0 to 40.
void check_180(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col score = t.col("SDQ_SCORE");
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.missing(r, score)) continue;
    auto v = t.number(r, score);
    bool ok = v && *v >= 0 && *v <= 40 && *v == static_cast<double>(static_cast<long>(*v));
    if (!ok) out.add(t, r);
  }
}

// 181: each OC2 yes/no item, when given, is 0 or 1.
void check_181(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col cols[] = {t.col("CONVICTED"),
                      t.col("HEALTH_CHECK"),
                      t.col("IMMUNISATIONS"),
                      t.col("TEETH_CHECK"),
                      t.col("HEALTH_ASSESSMENT"),
                      t.col("SUBSTANCE_MISUSE"),
                      t.col("INTERVENTION_RECEIVED"),
                      t.col("INTERVENTION_OFFERED")};
  for (std::size_t r = 0; r < t.size(); ++r)
    for (Col c : cols)
      if (!t.missing(r, c) && !in(t.text(r, c), {"0", "1"})) {
        out.add(t, r);
        break;
      }
}

// 182: once any of conviction, health check or the intervention items is filled in, the
// immunisations, teeth check, health assessment and substance misuse items must all be too.
void check_182(const ReturnTables& ds, Hits& out) {
  const Table& t = *ds.get(TableKind::Oc2);
  const Col imm = t.col("IMMUNISATIONS"), teeth = t.col("TEETH_CHECK"),
            assess = t.col("HEALTH_ASSESSMENT"), misuse = t.col("SUBSTANCE_MISUSE"),
            convicted = t.col("CONVICTED"), check = t.col("HEALTH_CHECK"),
            received = t.col("INTERVENTION_RECEIVED"), offered = t.col("INTERVENTION_OFFERED");
  for (std::size_t r = 0; r < t.size(); ++r)
    if (any_missing(t, r, {imm, teeth, assess, misuse}) &&
        any_present(t, r, {convicted, check, received, offered}))
      out.add(t, r);
}

}  // namespace

std::span<const Rule> episodes_and_dates() {
  static const std::vector<Rule> kRules = {
      {"167", Severity::Error, "Reviews", "REVIEW_CODE",
       "The review's participation code is missing or is not one of PN0-PN7, or a code is given "
       "on a row with no review date.",
       "For each review record how the child took part, using a code PN0 to PN7 from the 903 "
       "guidance (PN0 for a child under 4). Leave the code blank only when there is no review.",
       "SSDA903 guidance 2025/26, Reviews: REVIEW, REVIEW_CODE", 2023, 0, check_167},
      {"168", Severity::Error, "Header", "UPN",
       "The UPN is not in the format of a Unique Pupil Number, nor one of the codes for an "
       "unknown UPN (UN1-UN5).",
       "A UPN is 13 characters: a letter (not I, O or S), 11 digits, then a digit or a letter. "
       "Copy it from the school's records; if it is not known, use the UN1-UN5 code that says why.",
       "SSDA903 guidance 2025/26, Header: UPN; DfE Common Basic Data Set (UPN)", 2023, 0,
       check_168},
      {"169", Severity::Error, "Episodes", "PL_LA",
       "The local authority of the placement cannot be worked out: the placement postcode is "
       "missing or is not a known postcode.",
       "Enter the full postcode of the placement address (not needed for short breaks, LS V3/V4). "
       "Check it against the address; a postcode that has been retired may need updating.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST (placement local authority)", 2023, 0,
       check_169, "postcodes"},
      {"171", Severity::Error, "Header", "MC_DOB",
       "The date of birth of the mother's child is not a real date in dd/mm/yyyy form.",
       "Correct the date of birth of the young person's child in the case record, written "
       "day/month/year with a four-digit year, or leave it blank if she has no child.",
       "SSDA903 guidance 2025/26, Header: MOTHER, MC_DOB", 2023, 0, check_171},
      {"174", Severity::Error, "Header", "SEX,MC_DOB",
       "A date of birth for the young person's own child is recorded, but the young person is "
       "recorded as male.",
       "MC_DOB is only for a young woman who is a mother. Check the child's sex and, if it is "
       "right, remove the mother's child date of birth.",
       "SSDA903 guidance 2025/26, Header: SEX, MOTHER, MC_DOB", 2023, 0, check_174},
      {"175", Severity::Error, "AD1", "NB_ADOPTR", "The number of adopters is not 1 or 2.",
       "Record 1 for a single adopter or 2 for a couple adopting together.",
       "SSDA903 guidance 2025/26, AD1: NB_ADOPTR", 2023, 0, check_175},
      {"176", Severity::Error, "AD1", "SEX_ADOPTR",
       "The sex of the adopter(s) is not one of the 903 codes.",
       "Use M1 or F1 for a single adopter, or MM, FF or MF for a couple, as at the date of the "
       "adoption order.",
       "SSDA903 guidance 2025/26, AD1: SEX_ADOPTR", 2023, 0, check_176},
      {"177", Severity::Error, "AD1", "LS_ADOPTR",
       "The legal status of the adopter(s) is not one of the 903 codes.",
       "Use one of L0, L11, L12, L2, L3 or L4 from the 903 guidance to say who adopted the child "
       "(for example a former foster carer or a couple).",
       "SSDA903 guidance 2025/26, AD1: LS_ADOPTR", 2023, 0, check_177},
      {"178", Severity::Error, "Episodes", "PLACE_PROVIDER",
       "The placement provider code is not one of PR0-PR5, or a provider is given for a "
       "placement type that has none (T0-T3, Z11-Z14).",
       "Record who provides the placement with a code PR0 to PR5. For a temporary placement "
       "(T0-T3) or a Z11-Z14 placement leave the provider blank.",
       "SSDA903 guidance 2025/26, Episodes: PLACE_PROVIDER, PLACE", 2023, 0, check_178},
      {"179", Severity::Error, "Episodes", "PL_LOCATION",
       "Whether the placement is inside or outside the council's area cannot be worked out: the "
       "placement postcode is missing or is not a known postcode.",
       "Enter the full postcode of the placement address (not needed for short breaks, LS V3/V4) "
       "and check it against the address.",
       "SSDA903 guidance 2025/26, Episodes: PL_POST (placement location)", 2023, 0, check_179,
       "postcodes"},
      {"180", Severity::Error, "OC2", "SDQ_SCORE",
       "The SDQ score is not a whole number from 0 to 40.",
       "Enter the total difficulties score from the carer's Strengths and Difficulties "
       "Questionnaire, a whole number between 0 and 40, or leave it blank and give the reason.",
       "SSDA903 guidance 2025/26, OC2: SDQ_SCORE", 2023, 0, check_180},
      {"181", Severity::Error, "OC2",
       "CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,"
       "INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
       "One of the OC2 yes/no items (convictions, health, substance misuse, interventions) holds "
       "something other than 0 or 1.",
       "Record each of these items as 1 for yes or 0 for no.",
       "SSDA903 guidance 2025/26, OC2: outcomes for children looked after for 12 months", 2023, 0,
       check_181},
      {"182", Severity::Error, "OC2",
       "IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,CONVICTED,HEALTH_CHECK,"
       "INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
       "Some of the child's OC2 outcome items are filled in, but immunisations, teeth check, "
       "health assessment or substance misuse is blank.",
       "For a child looked after for 12 months complete all four of immunisations, teeth check, "
       "health assessment and substance misuse (0 or 1); otherwise leave every OC2 item blank.",
       "SSDA903 guidance 2025/26, OC2: outcomes for children looked after for 12 months", 2023, 0,
       check_182},
  };
  return kRules;
}

}  // namespace hearth::validation::rules
