// The SSDA903 code tables. One table per list; each row names its enumerator, so the compiler
// checks that rows and enumerators are in the same order.
//
// Evidence: the DfE sector validator, data-to-insight/csc-validator-be-903, folder
// lac_validator/rules/. lac2022_23 holds the base rules; lac2023_24 … lac2026_27 hold only the
// rules each year adds or changes (and lac2024_25/__init__.py the rules it deletes). A list not
// overridden in a later year is unchanged in that year. Meanings follow the DfE's SSDA903
// guidance and the validator's rule messages.
#include "model/codes.hpp"

#include <array>
#include <cstddef>

namespace hearth::model {
namespace {

constexpr int kEver = kValidSinceEver;
constexpr int kNow = kStillValid;

template <class E>
struct Row {
  E value;
  CodeInfo info;
};

template <class E, std::size_t N>
constexpr std::array<CodeInfo, N> infos(const Row<E> (&rows)[N]) {
  std::array<CodeInfo, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = rows[i].info;
  return out;
}

constexpr bool canonical(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

// Rows are in enumerator order, `last` is the last enumerator, codes are upper-case letters and
// digits, unique, and every year range is sensible.
template <class E, std::size_t N>
constexpr bool well_formed(const Row<E> (&rows)[N], E last) {
  if (static_cast<std::size_t>(last) + 1 != N) return false;
  for (std::size_t i = 0; i < N; ++i) {
    const CodeInfo& c = rows[i].info;
    if (static_cast<std::size_t>(rows[i].value) != i) return false;
    if (!canonical(c.code) || c.label.empty()) return false;
    if (c.first_year > c.last_year) return false;
    for (std::size_t j = 0; j < i; ++j) {
      if (rows[j].info.code == c.code) return false;
    }
  }
  return true;
}

// ---- SEX --------------------------------------------------------------------------------------
// lac2022_23/rule_101.py accepts "1", "2"; lac2024_25/rule_101.py replaces them with "M", "F",
// "U" (and lac2024_25/rule_232.py queries U, "sex reported as unknown"; rules 174, 393, 607 and
// 612 switch from "1"/"2" to "M"/"F" the same year). The UASC table's SEX must agree with the
// Header's (lac2022_23/rule_INT21.py), so it uses the same list.
constexpr Row<Sex> kSexRows[] = {
    {Sex::Male, {"1", "Male", kEver, 2024}}, {Sex::Female, {"2", "Female", kEver, 2024}},
    {Sex::M, {"M", "Male", 2025, kNow}},     {Sex::F, {"F", "Female", 2025, kNow}},
    {Sex::U, {"U", "Unknown", 2025, kNow}},
};
static_assert(well_formed(kSexRows, Sex::U));
constexpr auto kSex = infos(kSexRows);

// ---- ETHNIC -----------------------------------------------------------------------------------
// lac2022_23/rule_103.py; not overridden.
constexpr Row<Ethnicity> kEthnicityRows[] = {
    {Ethnicity::WBRI, {"WBRI", "White British", kEver, kNow}},
    {Ethnicity::WIRI, {"WIRI", "White Irish", kEver, kNow}},
    {Ethnicity::WOTH, {"WOTH", "Any other White background", kEver, kNow}},
    {Ethnicity::WIRT, {"WIRT", "Traveller of Irish heritage", kEver, kNow}},
    {Ethnicity::WROM, {"WROM", "Gypsy/Roma", kEver, kNow}},
    {Ethnicity::MWBC, {"MWBC", "White and Black Caribbean", kEver, kNow}},
    {Ethnicity::MWBA, {"MWBA", "White and Black African", kEver, kNow}},
    {Ethnicity::MWAS, {"MWAS", "White and Asian", kEver, kNow}},
    {Ethnicity::MOTH, {"MOTH", "Any other Mixed background", kEver, kNow}},
    {Ethnicity::AIND, {"AIND", "Indian", kEver, kNow}},
    {Ethnicity::APKN, {"APKN", "Pakistani", kEver, kNow}},
    {Ethnicity::ABAN, {"ABAN", "Bangladeshi", kEver, kNow}},
    {Ethnicity::AOTH, {"AOTH", "Any other Asian background", kEver, kNow}},
    {Ethnicity::BCRB, {"BCRB", "Black Caribbean", kEver, kNow}},
    {Ethnicity::BAFR, {"BAFR", "Black African", kEver, kNow}},
    {Ethnicity::BOTH, {"BOTH", "Any other Black background", kEver, kNow}},
    {Ethnicity::CHNE, {"CHNE", "Chinese", kEver, kNow}},
    {Ethnicity::OOTH, {"OOTH", "Any other ethnic group", kEver, kNow}},
    {Ethnicity::REFU, {"REFU", "Refused", kEver, kNow}},
    {Ethnicity::NOBT, {"NOBT", "Information not yet obtained", kEver, kNow}},
};
static_assert(well_formed(kEthnicityRows, Ethnicity::NOBT));
constexpr auto kEthnicity = infos(kEthnicityRows);

// ---- RNE --------------------------------------------------------------------------------------
// lac2022_23/rule_143.py; not overridden.
constexpr Row<ReasonNewEpisode> kRneRows[] = {
    {ReasonNewEpisode::S, {"S", "Started to be looked after", kEver, kNow}},
    {ReasonNewEpisode::L, {"L", "Change of legal status only", kEver, kNow}},
    {ReasonNewEpisode::P, {"P", "Change of placement and carer(s) only", kEver, kNow}},
    {ReasonNewEpisode::T, {"T", "Change of placement but same carer(s) only", kEver, kNow}},
    {ReasonNewEpisode::U,
     {"U", "Change of legal status and of placement and carer(s) at the same time", kEver, kNow}},
    {ReasonNewEpisode::B,
     {"B", "Change of legal status and of placement but same carer(s) at the same time", kEver,
      kNow}},
};
static_assert(well_formed(kRneRows, ReasonNewEpisode::B));
constexpr auto kRne = infos(kRneRows);

// ---- LS ---------------------------------------------------------------------------------------
// lac2022_23/rule_144.py; not overridden. (D1 freeing orders could not be made after
// 30 December 2005 — rules 445/451, dropped in 2024/25 — but D1 stays in the list.)
constexpr Row<LegalStatus> kLsRows[] = {
    {LegalStatus::C1, {"C1", "Interim care order", kEver, kNow}},
    {LegalStatus::C2, {"C2", "Full care order", kEver, kNow}},
    {LegalStatus::D1, {"D1", "Freeing order granted", kEver, kNow}},
    {LegalStatus::E1, {"E1", "Placement order granted", kEver, kNow}},
    {LegalStatus::V2, {"V2", "Single period of accommodation under section 20", kEver, kNow}},
    {LegalStatus::V3,
     {"V3", "Series of short-term breaks, individual episodes recorded", kEver, kNow}},
    {LegalStatus::V4,
     {"V4", "Series of short-term breaks, agreements recorded (not individual episodes)", kEver,
      kNow}},
    {LegalStatus::J1,
     {"J1", "Remanded to council accommodation or youth detention accommodation", kEver, kNow}},
    {LegalStatus::J2,
     {"J2", "Placed in council accommodation under the Police and Criminal Evidence Act", kEver,
      kNow}},
    {LegalStatus::J3,
     {"J3", "Sentenced to a youth rehabilitation order with residence or fostering requirement",
      kEver, kNow}},
    {LegalStatus::L1, {"L1", "Under police protection and in council accommodation", kEver, kNow}},
    {LegalStatus::L2, {"L2", "Emergency protection order", kEver, kNow}},
    {LegalStatus::L3,
     {"L3", "Under a child assessment order and in council accommodation", kEver, kNow}},
};
static_assert(well_formed(kLsRows, LegalStatus::L3));
constexpr auto kLs = infos(kLsRows);

// ---- CIN --------------------------------------------------------------------------------------
// lac2022_23/rule_145.py (N1–N8; there is no N9 in the 903); not overridden.
constexpr Row<CategoryOfNeed> kCinRows[] = {
    {CategoryOfNeed::N1, {"N1", "Abuse or neglect", kEver, kNow}},
    {CategoryOfNeed::N2, {"N2", "Child's disability", kEver, kNow}},
    {CategoryOfNeed::N3, {"N3", "Parental illness or disability", kEver, kNow}},
    {CategoryOfNeed::N4, {"N4", "Family in acute stress", kEver, kNow}},
    {CategoryOfNeed::N5, {"N5", "Family dysfunction", kEver, kNow}},
    {CategoryOfNeed::N6, {"N6", "Socially unacceptable behaviour", kEver, kNow}},
    {CategoryOfNeed::N7, {"N7", "Low income", kEver, kNow}},
    {CategoryOfNeed::N8, {"N8", "Absent parenting", kEver, kNow}},
};
static_assert(well_formed(kCinRows, CategoryOfNeed::N8));
constexpr auto kCin = infos(kCinRows);

// ---- PLACE ------------------------------------------------------------------------------------
// 2022/23, 2023/24: lac2022_23/rule_146.py (A3–A6, H5, K1, K2, P1–P3, R1–R3, R5, S1, T0–T4,
//   U1–U6, Z1). In 2023/24 lac2023_24/rule_217t.py adds that P2 is not valid from 28 October
//   2023 (see kPlacementP2LastEnd) and lac2023_24/rule_230.py that H5 needs an Ofsted URN from
//   then; K3 is not yet in the list.
// 2024/25: lac2024_25/rule_146.py adds K3 (written "k3", a validator defect that rejects every
//   K3). lac2024_25/rule_503D.py lets an H5 open at the end of 2023/24 continue as K3, rule 371
//   moves its age check from H5 to K3, and rules 217t, 230 and 370 (P2 age check) are deleted.
// 2025/26: lac2025_26/rule_146.py drops H5, P2 and Z1 and adds Z11–Z14 (rule_utils.py lets a Z1
//   open at the end of 2024/25 continue as Z11–Z14; rules 178, 213, 218, 222, 526 treat Z11–Z14
//   as Z1 was: no placement provider, no URN).
// 2026/27: unchanged (lac2026_27/rule_709.py expects a child under a deprivation of liberty
//   order to be in K2, Z12 or Z13; rule_710.py forbids K1, P1, R5 and K3).
// The validator does not say what Z11–Z14 each mean; the labels below say only what it shows.
constexpr Row<PlacementType> kPlaceRows[] = {
    {PlacementType::A3,
     {"A3", "Placed for adoption with consent, with current foster carer(s)", kEver, kNow}},
    {PlacementType::A4,
     {"A4", "Placed for adoption with consent, not with current foster carer(s)", kEver, kNow}},
    {PlacementType::A5,
     {"A5", "Placed for adoption under a placement order, with current foster carer(s)", kEver,
      kNow}},
    {PlacementType::A6,
     {"A6", "Placed for adoption under a placement order, not with current foster carer(s)", kEver,
      kNow}},
    {PlacementType::H5,
     {"H5", "Semi-independent living not subject to children's homes regulations", kEver, 2025}},
    {PlacementType::K1, {"K1", "Secure children's home", kEver, kNow}},
    {PlacementType::K2,
     {"K2", "Children's home subject to children's homes regulations", kEver, kNow}},
    {PlacementType::K3, {"K3", "Supported accommodation registered with Ofsted", 2025, kNow}},
    {PlacementType::P1,
     {"P1", "Placed with own parent(s) or other person(s) with parental responsibility", kEver,
      kNow}},
    {PlacementType::P2,
     {"P2", "Independent living, e.g. flat, lodgings, bedsit, B&B or with friends", kEver, 2025}},
    {PlacementType::P3, {"P3", "Residential employment", kEver, kNow}},
    {PlacementType::R1, {"R1", "Residential care home", kEver, kNow}},
    {PlacementType::R2,
     {"R2", "NHS or other establishment providing medical or nursing care", kEver, kNow}},
    {PlacementType::R3, {"R3", "Family centre or mother and baby unit", kEver, kNow}},
    {PlacementType::R5, {"R5", "Young offender institution or prison", kEver, kNow}},
    {PlacementType::S1,
     {"S1", "Residential school (not dual-registered as a children's home)", kEver, kNow}},
    {PlacementType::T0, {"T0", "Temporary move of any kind", kEver, kNow}},
    {PlacementType::T1, {"T1", "Temporary period in hospital", kEver, kNow}},
    {PlacementType::T2, {"T2", "Temporary absence on holiday", kEver, kNow}},
    {PlacementType::T3,
     {"T3", "Temporary accommodation while usual foster carer(s) are on holiday", kEver, kNow}},
    {PlacementType::T4,
     {"T4", "Temporary accommodation of 7 days or less not covered by T1 to T3", kEver, kNow}},
    {PlacementType::U1,
     {"U1", "Foster placement with relative(s) or friend(s): long-term fostering", kEver, kNow}},
    {PlacementType::U2,
     {"U2", "Foster placement with relative(s) or friend(s) who are approved adopters", kEver,
      kNow}},
    {PlacementType::U3,
     {"U3", "Foster placement with relative(s) or friend(s): other", kEver, kNow}},
    {PlacementType::U4,
     {"U4", "Foster placement with other foster carer(s): long-term fostering", kEver, kNow}},
    {PlacementType::U5,
     {"U5", "Foster placement with other foster carer(s) who are approved adopters", kEver, kNow}},
    {PlacementType::U6, {"U6", "Foster placement with other foster carer(s): other", kEver, kNow}},
    {PlacementType::Z1, {"Z1", "Other placement", kEver, 2025}},
    {PlacementType::Z11,
     {"Z11", "Other placement (Z11, one of four codes replacing Z1)", 2026, kNow}},
    {PlacementType::Z12,
     {"Z12", "Other placement (Z12, one of four codes replacing Z1)", 2026, kNow}},
    {PlacementType::Z13,
     {"Z13", "Other placement (Z13, one of four codes replacing Z1)", 2026, kNow}},
    {PlacementType::Z14,
     {"Z14", "Other placement (Z14, one of four codes replacing Z1)", 2026, kNow}},
};
static_assert(well_formed(kPlaceRows, PlacementType::Z14));
constexpr auto kPlace = infos(kPlaceRows);

// ---- PLACE_PROVIDER ---------------------------------------------------------------------------
// lac2022_23/rule_178.py; lac2025_26/rule_178.py keeps PR0–PR5 (only the placements that need no
// provider change).
constexpr Row<PlacementProvider> kProviderRows[] = {
    {PlacementProvider::PR0,
     {"PR0", "Parent(s) or other person(s) with parental responsibility", kEver, kNow}},
    {PlacementProvider::PR1, {"PR1", "Council's own provision", kEver, kNow}},
    {PlacementProvider::PR2, {"PR2", "Other council's provision", kEver, kNow}},
    {PlacementProvider::PR3, {"PR3", "Other public provision (e.g. NHS)", kEver, kNow}},
    {PlacementProvider::PR4, {"PR4", "Private provision", kEver, kNow}},
    {PlacementProvider::PR5, {"PR5", "Voluntary or third-sector provision", kEver, kNow}},
};
static_assert(well_formed(kProviderRows, PlacementProvider::PR5));
constexpr auto kProvider = infos(kProviderRows);

// ---- REC --------------------------------------------------------------------------------------
// lac2022_23/rule_149.py; not overridden. Meanings also in the validator's rule messages:
// rule 437 (E2 died, E15 aged 18 or over), 387 (E5/E6 independent living), 1011 (E3 care
// transferred to another council), 460 (E17 stayed with carers at 18), 407 (E45–E48 special
// guardianship), 516 (E45/E46 former foster carers).
constexpr Row<ReasonEpisodeCeased> kRecRows[] = {
    {ReasonEpisodeCeased::E11, {"E11", "Adopted: application unopposed", kEver, kNow}},
    {ReasonEpisodeCeased::E12,
     {"E12", "Adopted: consent dispensed with by the court", kEver, kNow}},
    {ReasonEpisodeCeased::E2, {"E2", "Died", kEver, kNow}},
    {ReasonEpisodeCeased::E3, {"E3", "Care taken over by another council in the UK", kEver, kNow}},
    {ReasonEpisodeCeased::E4A,
     {"E4A", "Returned home to parent(s) or others with parental responsibility, as planned", kEver,
      kNow}},
    {ReasonEpisodeCeased::E4B,
     {"E4B", "Returned home to parent(s) or others with parental responsibility, not as planned",
      kEver, kNow}},
    {ReasonEpisodeCeased::E13,
     {"E13",
      "Left care to live with parent(s), relative(s) or others without parental "
      "responsibility",
      kEver, kNow}},
    {ReasonEpisodeCeased::E41,
     {"E41", "Residence order or child arrangements order granted", kEver, kNow}},
    {ReasonEpisodeCeased::E45,
     {"E45", "Special guardianship order to former foster carer(s) who are relatives or friends",
      kEver, kNow}},
    {ReasonEpisodeCeased::E46,
     {"E46", "Special guardianship order to other former foster carer(s)", kEver, kNow}},
    {ReasonEpisodeCeased::E47,
     {"E47", "Special guardianship order to other carer(s) who are relatives or friends", kEver,
      kNow}},
    {ReasonEpisodeCeased::E48,
     {"E48", "Special guardianship order to other carer(s), not relatives or friends", kEver,
      kNow}},
    {ReasonEpisodeCeased::E5,
     {"E5", "Moved into independent living with formal advice or support", kEver, kNow}},
    {ReasonEpisodeCeased::E6,
     {"E6", "Moved into independent living without formal advice or support", kEver, kNow}},
    {ReasonEpisodeCeased::E7,
     {"E7", "Transferred to residential care funded by adult social care", kEver, kNow}},
    {ReasonEpisodeCeased::E8, {"E8", "Care ceased for any other reason", kEver, kNow}},
    {ReasonEpisodeCeased::E9, {"E9", "Sentenced to custody", kEver, kNow}},
    {ReasonEpisodeCeased::E14, {"E14", "Accommodation on remand ended", kEver, kNow}},
    {ReasonEpisodeCeased::E15,
     {"E15", "Age assessment found the child to be 18 or over", kEver, kNow}},
    {ReasonEpisodeCeased::E16, {"E16", "Child moved abroad", kEver, kNow}},
    {ReasonEpisodeCeased::E17,
     {"E17", "Aged 18 or over and stayed with current carers (e.g. staying put)", kEver, kNow}},
    {ReasonEpisodeCeased::X1,
     {"X1", "Episode ceases and a new episode begins on the same day", kEver, kNow}},
};
static_assert(well_formed(kRecRows, ReasonEpisodeCeased::X1));
constexpr auto kRec = infos(kRecRows);

// ---- REASON_PLACE_CHANGE ----------------------------------------------------------------------
// lac2022_23/rule_1009.py; not overridden (lac2025_26/rule_234.py confirms CUSTOD is custody).
constexpr Row<ReasonPlaceChange> kPlaceChangeRows[] = {
    {ReasonPlaceChange::CARPL,
     {"CARPL", "Change to or carrying out of the care plan", kEver, kNow}},
    {ReasonPlaceChange::CLOSE, {"CLOSE", "Carer resigned or provision closed", kEver, kNow}},
    {ReasonPlaceChange::ALLEG, {"ALLEG", "Allegation (section 47 enquiry)", kEver, kNow}},
    {ReasonPlaceChange::STAND, {"STAND", "Concern about standards of care", kEver, kNow}},
    {ReasonPlaceChange::APPRR, {"APPRR", "Carer's approval removed", kEver, kNow}},
    {ReasonPlaceChange::CREQB,
     {"CREQB", "Carer asked for the placement to end because of the child's behaviour", kEver,
      kNow}},
    {ReasonPlaceChange::CREQO,
     {"CREQO", "Carer asked for the placement to end for another reason", kEver, kNow}},
    {ReasonPlaceChange::CHILD, {"CHILD", "Child asked for the placement to end", kEver, kNow}},
    {ReasonPlaceChange::LAREQ,
     {"LAREQ", "Responsible or area council asked for the placement to end", kEver, kNow}},
    {ReasonPlaceChange::PLACE,
     {"PLACE", "Change in the status of the placement only", kEver, kNow}},
    {ReasonPlaceChange::CUSTOD, {"CUSTOD", "Child went into custody", kEver, kNow}},
    {ReasonPlaceChange::OTHER, {"OTHER", "Other", kEver, kNow}},
};
static_assert(well_formed(kPlaceChangeRows, ReasonPlaceChange::OTHER));
constexpr auto kPlaceChange = infos(kPlaceChangeRows);

// ---- REVIEW_CODE ------------------------------------------------------------------------------
// lac2022_23/rule_167.py; not overridden.
constexpr Row<ReviewParticipation> kReviewRows[] = {
    {ReviewParticipation::PN0, {"PN0", "Child under 4 at the time of the review", kEver, kNow}},
    {ReviewParticipation::PN1, {"PN1", "Child attends and speaks for themselves", kEver, kNow}},
    {ReviewParticipation::PN2,
     {"PN2", "Child attends and an advocate speaks for them", kEver, kNow}},
    {ReviewParticipation::PN3,
     {"PN3", "Child attends and conveys their views non-verbally", kEver, kNow}},
    {ReviewParticipation::PN4,
     {"PN4", "Child attends but does not speak or convey their views", kEver, kNow}},
    {ReviewParticipation::PN5,
     {"PN5", "Child does not attend but briefs an advocate to speak for them", kEver, kNow}},
    {ReviewParticipation::PN6,
     {"PN6", "Child does not attend but conveys their views another way", kEver, kNow}},
    {ReviewParticipation::PN7,
     {"PN7", "Child does not attend and their views are not conveyed", kEver, kNow}},
};
static_assert(well_formed(kReviewRows, ReviewParticipation::PN7));
constexpr auto kReview = infos(kReviewRows);

// ---- MISSING ----------------------------------------------------------------------------------
// lac2022_23/rule_1006.py; not overridden.
constexpr Row<MissingType> kMissingRows[] = {
    {MissingType::M, {"M", "Missing", kEver, kNow}},
    {MissingType::A, {"A", "Away from placement without authorisation", kEver, kNow}},
};
static_assert(well_formed(kMissingRows, MissingType::A));
constexpr auto kMissing = infos(kMissingRows);

// ---- SDQ_REASON -------------------------------------------------------------------------------
// lac2022_23/rule_196.py; not overridden (rule 157: SDQ1 is for children under 4, or 17 or over).
constexpr Row<SdqReason> kSdqRows[] = {
    {SdqReason::SDQ1,
     {"SDQ1", "Child under 4, or 17 or over, at the latest assessment", kEver, kNow}},
    {SdqReason::SDQ2, {"SDQ2", "Carer refused to complete the questionnaire", kEver, kNow}},
    {SdqReason::SDQ3,
     {"SDQ3", "Not possible because of the severity of the child's disability", kEver, kNow}},
    {SdqReason::SDQ4, {"SDQ4", "Other reason", kEver, kNow}},
    {SdqReason::SDQ5, {"SDQ5", "Child or young person refused", kEver, kNow}},
};
static_assert(well_formed(kSdqRows, SdqReason::SDQ5));
constexpr auto kSdq = infos(kSdqRows);

// ---- IN_TOUCH ---------------------------------------------------------------------------------
// lac2022_23/rule_131.py; not overridden (rule 344 gives RHOM's meaning).
constexpr Row<InTouch> kInTouchRows[] = {
    {InTouch::YES, {"YES", "Council in touch with the young person", kEver, kNow}},
    {InTouch::NO, {"NO", "Council not in touch with the young person", kEver, kNow}},
    {InTouch::DIED, {"DIED", "Young person has died", kEver, kNow}},
    {InTouch::REFU, {"REFU", "Young person refuses contact", kEver, kNow}},
    {InTouch::NREQ, {"NREQ", "Young person no longer requires services", kEver, kNow}},
    {InTouch::RHOM,
     {"RHOM",
      "Returned home to parent(s) or others with parental responsibility for 6 months or "
      "more",
      kEver, kNow}},
};
static_assert(well_formed(kInTouchRows, InTouch::RHOM));
constexpr auto kInTouch = infos(kInTouchRows);

// ---- ACTIV ------------------------------------------------------------------------------------
// lac2022_23/rule_132.py; not overridden. "0" when there is nothing to report (young person
// died or returned home: rules 344, 345).
constexpr Row<Activity> kActivityRows[] = {
    {Activity::F1, {"F1", "Full time in higher education", kEver, kNow}},
    {Activity::P1, {"P1", "Part time in higher education", kEver, kNow}},
    {Activity::F2, {"F2", "Full time in other education", kEver, kNow}},
    {Activity::P2, {"P2", "Part time in other education", kEver, kNow}},
    {Activity::F4, {"F4", "Full time apprenticeship or traineeship", kEver, kNow}},
    {Activity::P4, {"P4", "Part time apprenticeship or traineeship", kEver, kNow}},
    {Activity::F5, {"F5", "Full time employment", kEver, kNow}},
    {Activity::P5, {"P5", "Part time employment", kEver, kNow}},
    {Activity::G4,
     {"G4", "Not in education, employment or training: illness or disability", kEver, kNow}},
    {Activity::G5, {"G5", "Not in education, employment or training: other reasons", kEver, kNow}},
    {Activity::G6,
     {"G6", "Not in education, employment or training: pregnancy or parenting", kEver, kNow}},
    {Activity::NotApplicable, {"0", "Nothing to report", kEver, kNow}},
};
static_assert(well_formed(kActivityRows, Activity::NotApplicable));
constexpr auto kActivity = infos(kActivityRows);

// ---- ACCOM ------------------------------------------------------------------------------------
// lac2022_23/rule_133.py; not overridden. Letter = type, digit = suitability (1 suitable,
// 2 not suitable); S and X are only ever "not suitable". T is a foyer (lac2023_24/rule_347.py).
constexpr Row<Accommodation> kAccomRows[] = {
    {Accommodation::B1, {"B1", "With parents or relatives; suitable", kEver, kNow}},
    {Accommodation::B2, {"B2", "With parents or relatives; not suitable", kEver, kNow}},
    {Accommodation::C1, {"C1", "Community home or other residential care; suitable", kEver, kNow}},
    {Accommodation::C2,
     {"C2", "Community home or other residential care; not suitable", kEver, kNow}},
    {Accommodation::D1,
     {"D1", "Semi-independent, transitional accommodation; suitable", kEver, kNow}},
    {Accommodation::D2,
     {"D2", "Semi-independent, transitional accommodation; not suitable", kEver, kNow}},
    {Accommodation::E1, {"E1", "Supported lodgings; suitable", kEver, kNow}},
    {Accommodation::E2, {"E2", "Supported lodgings; not suitable", kEver, kNow}},
    {Accommodation::G1, {"G1", "Gone abroad; suitable", kEver, kNow}},
    {Accommodation::G2, {"G2", "Gone abroad; not suitable", kEver, kNow}},
    {Accommodation::H1, {"H1", "Deported; suitable", kEver, kNow}},
    {Accommodation::H2, {"H2", "Deported; not suitable", kEver, kNow}},
    {Accommodation::K1, {"K1", "Ordinary lodgings without formal support; suitable", kEver, kNow}},
    {Accommodation::K2,
     {"K2", "Ordinary lodgings without formal support; not suitable", kEver, kNow}},
    {Accommodation::R1, {"R1", "Residence not known; suitable", kEver, kNow}},
    {Accommodation::R2, {"R2", "Residence not known; not suitable", kEver, kNow}},
    {Accommodation::S2, {"S2", "No fixed abode or homeless; not suitable", kEver, kNow}},
    {Accommodation::T1, {"T1", "Foyer or similar supported accommodation; suitable", kEver, kNow}},
    {Accommodation::T2,
     {"T2", "Foyer or similar supported accommodation; not suitable", kEver, kNow}},
    {Accommodation::U1, {"U1", "Independent living, e.g. own tenancy; suitable", kEver, kNow}},
    {Accommodation::U2, {"U2", "Independent living, e.g. own tenancy; not suitable", kEver, kNow}},
    {Accommodation::V1,
     {"V1", "Emergency accommodation, e.g. night shelter; suitable", kEver, kNow}},
    {Accommodation::V2,
     {"V2", "Emergency accommodation, e.g. night shelter; not suitable", kEver, kNow}},
    {Accommodation::W1, {"W1", "Bed and breakfast; suitable", kEver, kNow}},
    {Accommodation::W2, {"W2", "Bed and breakfast; not suitable", kEver, kNow}},
    {Accommodation::X2, {"X2", "In custody; not suitable", kEver, kNow}},
    {Accommodation::Y1, {"Y1", "Other accommodation; suitable", kEver, kNow}},
    {Accommodation::Y2, {"Y2", "Other accommodation; not suitable", kEver, kNow}},
    {Accommodation::Z1, {"Z1", "With former foster carers; suitable", kEver, kNow}},
    {Accommodation::Z2, {"Z2", "With former foster carers; not suitable", kEver, kNow}},
    {Accommodation::NotApplicable, {"0", "Nothing to report", kEver, kNow}},
};
static_assert(well_formed(kAccomRows, Accommodation::NotApplicable));
constexpr auto kAccom = infos(kAccomRows);

// ---- REASON_PLACED_CEASED ---------------------------------------------------------------------
// lac2022_23/rule_120.py; not overridden.
constexpr Row<ReasonPlacedCeased> kPlacedCeasedRows[] = {
    {ReasonPlacedCeased::RD1, {"RD1", "Child's needs changed after the decision", kEver, kNow}},
    {ReasonPlacedCeased::RD2, {"RD2", "Court did not make a placement order", kEver, kNow}},
    {ReasonPlacedCeased::RD3, {"RD3", "Prospective adopters could not be found", kEver, kNow}},
    {ReasonPlacedCeased::RD4, {"RD4", "Any other reason", kEver, kNow}},
};
static_assert(well_formed(kPlacedCeasedRows, ReasonPlacedCeased::RD4));
constexpr auto kPlacedCeased = infos(kPlacedCeasedRows);

// ---- PREV_PERM --------------------------------------------------------------------------------
// lac2022_23/rule_631.py; not overridden. Rule 635: Z1 comes with no order date or council.
constexpr Row<PreviousPermanence> kPrevPermRows[] = {
    {PreviousPermanence::P1, {"P1", "Adoption", kEver, kNow}},
    {PreviousPermanence::P2, {"P2", "Special guardianship order", kEver, kNow}},
    {PreviousPermanence::P3,
     {"P3", "Residence order or child arrangements order naming who the child lives with", kEver,
      kNow}},
    {PreviousPermanence::P4, {"P4", "Permanence order of unknown type", kEver, kNow}},
    {PreviousPermanence::Z1, {"Z1", "No previous permanence order, or not known", kEver, kNow}},
};
static_assert(well_formed(kPrevPermRows, PreviousPermanence::Z1));
constexpr auto kPrevPerm = infos(kPrevPermRows);

// ---- SW_REASON --------------------------------------------------------------------------------
// lac2023_24/rule_SW13STG1.py and lac2024_25/rule_SW13STG1.py (same list). The SWEpisodes table
// and its rules first appear in lac2023_24, so the codes are valid from 2023/24.
constexpr Row<SwReason> kSwReasonRows[] = {
    {SwReason::MANAGE, {"MANAGE", "Management decision", 2024, kNow}},
    {SwReason::FCONTA, {"FCONTA", "Social worker's fixed-term contract ended", 2024, kNow}},
    {SwReason::LEFTRL, {"LEFTRL", "Social worker left the role", 2024, kNow}},
    {SwReason::ORGRST, {"ORGRST", "Organisational restructure", 2024, kNow}},
    {SwReason::TSPROC,
     {"TSPROC", "Transfer between teams as part of the usual process", 2024, kNow}},
    {SwReason::ABSENC, {"ABSENC", "Social worker absent", 2024, kNow}},
    {SwReason::CHCHAN, {"CHCHAN", "Change requested by the child", 2024, kNow}},
    {SwReason::PCCHAN, {"PCCHAN", "Change requested by a parent or carer", 2024, kNow}},
    {SwReason::SWDIED, {"SWDIED", "Social worker died", 2024, kNow}},
    {SwReason::OTHERS, {"OTHERS", "Other reason", 2024, kNow}},
};
static_assert(well_formed(kSwReasonRows, SwReason::OTHERS));
constexpr auto kSwReason = infos(kSwReasonRows);

// ---- SEX_ADOPTR -------------------------------------------------------------------------------
// lac2022_23/rule_176.py; not overridden (rule 511 spells out MM, FF, MF).
constexpr Row<SexOfAdopters> kSexAdoptrRows[] = {
    {SexOfAdopters::M1, {"M1", "Single male adopter", kEver, kNow}},
    {SexOfAdopters::F1, {"F1", "Single female adopter", kEver, kNow}},
    {SexOfAdopters::MM, {"MM", "Couple, both male", kEver, kNow}},
    {SexOfAdopters::FF, {"FF", "Couple, both female", kEver, kNow}},
    {SexOfAdopters::MF, {"MF", "Couple, male and female", kEver, kNow}},
};
static_assert(well_formed(kSexAdoptrRows, SexOfAdopters::MF));
constexpr auto kSexAdoptr = infos(kSexAdoptrRows);

// ---- LS_ADOPTR --------------------------------------------------------------------------------
// lac2022_23/rule_177.py; not overridden. Meanings from rules 514 (L0 single), 520 (L11
// different-sex married couple), 524 (L12 same-sex married couple), 519 (L2 civil partners),
// 517 (L3 male and female) and 518 (L4 same sex).
constexpr Row<LegalStatusOfAdopters> kLsAdoptrRows[] = {
    {LegalStatusOfAdopters::L0, {"L0", "Single adopter", kEver, kNow}},
    {LegalStatusOfAdopters::L11, {"L11", "Married couple of different sexes", kEver, kNow}},
    {LegalStatusOfAdopters::L12, {"L12", "Married couple of the same sex", kEver, kNow}},
    {LegalStatusOfAdopters::L2, {"L2", "Civil partners", kEver, kNow}},
    {LegalStatusOfAdopters::L3, {"L3", "Unmarried couple of different sexes", kEver, kNow}},
    {LegalStatusOfAdopters::L4, {"L4", "Unmarried couple of the same sex", kEver, kNow}},
};
static_assert(well_formed(kLsAdoptrRows, LegalStatusOfAdopters::L4));
constexpr auto kLsAdoptr = infos(kLsAdoptrRows);

template <class E>
constexpr CodeListInfo list_of(std::span<const CodeInfo> entries) {
  return {CodeTraits<E>::column, CodeTraits<E>::name, entries};
}

// In the order the 903's tables and columns come.
constexpr CodeListInfo kAllLists[] = {
    list_of<Sex>(kSex),
    list_of<Ethnicity>(kEthnicity),
    list_of<ReasonNewEpisode>(kRne),
    list_of<LegalStatus>(kLs),
    list_of<CategoryOfNeed>(kCin),
    list_of<PlacementType>(kPlace),
    list_of<PlacementProvider>(kProvider),
    list_of<ReasonEpisodeCeased>(kRec),
    list_of<ReasonPlaceChange>(kPlaceChange),
    list_of<ReviewParticipation>(kReview),
    list_of<SdqReason>(kSdq),
    list_of<InTouch>(kInTouch),
    list_of<Activity>(kActivity),
    list_of<Accommodation>(kAccom),
    list_of<SexOfAdopters>(kSexAdoptr),
    list_of<LegalStatusOfAdopters>(kLsAdoptr),
    list_of<ReasonPlacedCeased>(kPlacedCeased),
    list_of<PreviousPermanence>(kPrevPerm),
    list_of<MissingType>(kMissing),
    list_of<SwReason>(kSwReason),
};

}  // namespace

std::span<const CodeInfo> CodeTraits<Sex>::entries() {
  return kSex;
}
std::span<const CodeInfo> CodeTraits<Ethnicity>::entries() {
  return kEthnicity;
}
std::span<const CodeInfo> CodeTraits<ReasonNewEpisode>::entries() {
  return kRne;
}
std::span<const CodeInfo> CodeTraits<LegalStatus>::entries() {
  return kLs;
}
std::span<const CodeInfo> CodeTraits<CategoryOfNeed>::entries() {
  return kCin;
}
std::span<const CodeInfo> CodeTraits<PlacementType>::entries() {
  return kPlace;
}
std::span<const CodeInfo> CodeTraits<PlacementProvider>::entries() {
  return kProvider;
}
std::span<const CodeInfo> CodeTraits<ReasonEpisodeCeased>::entries() {
  return kRec;
}
std::span<const CodeInfo> CodeTraits<ReasonPlaceChange>::entries() {
  return kPlaceChange;
}
std::span<const CodeInfo> CodeTraits<ReviewParticipation>::entries() {
  return kReview;
}
std::span<const CodeInfo> CodeTraits<MissingType>::entries() {
  return kMissing;
}
std::span<const CodeInfo> CodeTraits<SdqReason>::entries() {
  return kSdq;
}
std::span<const CodeInfo> CodeTraits<InTouch>::entries() {
  return kInTouch;
}
std::span<const CodeInfo> CodeTraits<Activity>::entries() {
  return kActivity;
}
std::span<const CodeInfo> CodeTraits<Accommodation>::entries() {
  return kAccom;
}
std::span<const CodeInfo> CodeTraits<ReasonPlacedCeased>::entries() {
  return kPlacedCeased;
}
std::span<const CodeInfo> CodeTraits<PreviousPermanence>::entries() {
  return kPrevPerm;
}
std::span<const CodeInfo> CodeTraits<SwReason>::entries() {
  return kSwReason;
}
std::span<const CodeInfo> CodeTraits<SexOfAdopters>::entries() {
  return kSexAdoptr;
}
std::span<const CodeInfo> CodeTraits<LegalStatusOfAdopters>::entries() {
  return kLsAdoptr;
}

std::span<const CodeListInfo> all_code_lists() {
  return kAllLists;
}

}  // namespace hearth::model
