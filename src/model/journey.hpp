// The typed model of a child's journey through care, table by table as the SSDA903 return
// carries it. Field names keep the 903's meaning; the 903 column each comes from is in the
// comment. Codes are enum classes from codes.hpp; an empty cell is std::nullopt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/codes.hpp"
#include "model/dates.hpp"

namespace hearth::model {

// The 903 tables (the readers' and writer's ssda903::TableKind, the dataset's record of which
// tables a return sent).
enum class Table : std::uint8_t {
  Header,
  Episodes,
  Reviews,
  Uasc,
  Oc2,
  Oc3,
  Ad1,
  PlacedAdoption,
  PrevPerm,
  Missing,
  SwEpisodes,
  Dolo,
};
inline constexpr std::size_t kTableCount = 12;

struct ChildHeader {                // Header
  std::string child;                // CHILD
  std::optional<Sex> sex;           // SEX
  OptDate dob;                      // DOB
  std::optional<Ethnicity> ethnic;  // ETHNIC
  std::string upn;                  // UPN (unique pupil number, or UN1–UN10 reason codes)
  std::optional<bool> mother;       // MOTHER (1: the child is a mother)
  OptDate mc_dob;                   // MC_DOB (date of birth of the mother's child)
  bool operator==(const ChildHeader&) const = default;
};

struct Episode {                                         // Episodes
  std::string child;                                     // CHILD
  Date decom{};                                          // DECOM
  std::optional<ReasonNewEpisode> rne;                   // RNE
  std::optional<LegalStatus> ls;                         // LS
  std::optional<CategoryOfNeed> cin;                     // CIN
  std::optional<PlacementType> place;                    // PLACE
  std::optional<PlacementProvider> place_provider;       // PLACE_PROVIDER
  OptDate dec;                                           // DEC
  std::optional<ReasonEpisodeCeased> rec;                // REC
  std::optional<ReasonPlaceChange> reason_place_change;  // REASON_PLACE_CHANGE
  std::string home_post;                                 // HOME_POST
  std::string pl_post;                                   // PL_POST
  std::string urn;                                       // URN
  bool operator==(const Episode&) const = default;
};

struct Review {                                    // Reviews
  std::string child;                               // CHILD
  OptDate dob;                                     // DOB
  Date review{};                                   // REVIEW
  std::optional<ReviewParticipation> review_code;  // REVIEW_CODE
  bool operator==(const Review&) const = default;
};

struct Uasc {              // UASC
  std::string child;       // CHILD
  std::optional<Sex> sex;  // SEX
  OptDate dob;             // DOB
  OptDate duc;             // DUC (date UASC status ceased)
  bool operator==(const Uasc&) const = default;
};

struct Oc2 {                            // OC2: looked after continuously for 12 months at 31 March
  std::string child;                    // CHILD
  OptDate dob;                          // DOB
  std::optional<int> sdq_score;         // SDQ_SCORE (0–40)
  std::optional<SdqReason> sdq_reason;  // SDQ_REASON
  std::optional<bool> convicted;        // CONVICTED
  std::optional<bool> health_check;     // HEALTH_CHECK
  std::optional<bool> immunisations;    // IMMUNISATIONS
  std::optional<bool> teeth_check;      // TEETH_CHECK
  std::optional<bool> health_assessment;      // HEALTH_ASSESSMENT
  std::optional<bool> substance_misuse;       // SUBSTANCE_MISUSE
  std::optional<bool> intervention_received;  // INTERVENTION_RECEIVED
  std::optional<bool> intervention_offered;   // INTERVENTION_OFFERED
  bool operator==(const Oc2&) const = default;
};

struct Oc3 {                           // OC3: care leavers at their 17th–21st birthdays
  std::string child;                   // CHILD
  OptDate dob;                         // DOB
  std::optional<InTouch> in_touch;     // IN_TOUCH
  std::optional<Activity> activ;       // ACTIV
  std::optional<Accommodation> accom;  // ACCOM
  bool operator==(const Oc3&) const = default;
};

struct Ad1 {           // AD1: adopted in the year
  std::string child;   // CHILD
  OptDate dob;         // DOB
  OptDate date_int;    // DATE_INT (decision that the child should be placed for adoption)
  OptDate date_match;  // DATE_MATCH (matched with adopters)
  std::optional<bool> foster_care;                 // FOSTER_CARE (adopted by former foster carers)
  std::optional<int> nb_adoptr;                    // NB_ADOPTR (1 single, 2 couple)
  std::optional<SexOfAdopters> sex_adoptr;         // SEX_ADOPTR
  std::optional<LegalStatusOfAdopters> ls_adoptr;  // LS_ADOPTR
  bool operator==(const Ad1&) const = default;
};

struct PlacedAdoption {                                    // PlacedAdoption
  std::string child;                                       // CHILD
  OptDate dob;                                             // DOB
  OptDate date_placed;                                     // DATE_PLACED (decision date)
  OptDate date_placed_ceased;                              // DATE_PLACED_CEASED
  std::optional<ReasonPlacedCeased> reason_placed_ceased;  // REASON_PLACED_CEASED
  bool operator==(const PlacedAdoption&) const = default;
};

struct PrevPerm {                               // PrevPerm
  std::string child;                            // CHILD
  OptDate dob;                                  // DOB
  std::optional<PreviousPermanence> prev_perm;  // PREV_PERM
  std::string la_perm;                          // LA_PERM (council that made the order)
  // DATE_PERM may be partly unknown: the guidance writes an unknown day or month as "zz"
  // ("zz/05/2015"), so it stays text, upper-cased; validation checks its form.
  std::string date_perm;  // DATE_PERM
  bool operator==(const PrevPerm&) const = default;
};

struct MissingEpisode {                // Missing
  std::string child;                   // CHILD
  OptDate dob;                         // DOB
  std::optional<MissingType> missing;  // MISSING (M missing, A away without authorisation)
  Date mis_start{};                    // MIS_START
  OptDate mis_end;                     // MIS_END
  bool operator==(const MissingEpisode&) const = default;
};

struct SocialWorkerEpisode {          // SWEpisodes
  std::string child;                  // CHILD
  OptDate dob;                        // DOB
  std::string sw_id;                  // SW_ID
  Date sw_decom{};                    // SW_DECOM
  OptDate sw_dec;                     // SW_DEC
  std::optional<SwReason> sw_reason;  // SW_REASON
  bool operator==(const SocialWorkerEpisode&) const = default;
};

struct DeprivationOfLiberty {  // DoLo
  std::string child;           // CHILD
  OptDate dob;                 // DOB
  Date dolo_start{};           // DOLO_START
  OptDate dolo_end;            // DOLO_END
  bool operator==(const DeprivationOfLiberty&) const = default;
};

// One council's SSDA903 return for one collection year, rows in file order.
struct Return {
  std::string la;  // the council's three-digit LA code, e.g. "887"
  CollectionYear year;
  std::vector<ChildHeader> header;
  std::vector<Episode> episodes;
  std::vector<Review> reviews;
  std::vector<Uasc> uasc;
  std::vector<Oc2> oc2;
  std::vector<Oc3> oc3;
  std::vector<Ad1> ad1;
  std::vector<PlacedAdoption> placed_adoption;
  std::vector<PrevPerm> prev_perm;
  std::vector<MissingEpisode> missing;
  std::vector<SocialWorkerEpisode> sw_episodes;
  std::vector<DeprivationOfLiberty> dolo;

  size_t total_rows() const {
    return header.size() + episodes.size() + reviews.size() + uasc.size() + oc2.size() +
           oc3.size() + ad1.size() + placed_adoption.size() + prev_perm.size() + missing.size() +
           sw_episodes.size() + dolo.size();
  }
};

}  // namespace hearth::model
