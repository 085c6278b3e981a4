// Local records: what a council keeps beyond the SSDA903 return and what the statutory
// timescales need — health assessments, visits, PEPs, pathway plans, return home interviews,
// worker allocations, care leavers' contacts and circumstances. One council's records, not
// split by collection year: a local extract is the council's whole current record of each kind.
//
// `child` is the child's identifier as the 903 return writes it (CHILD), so local records and
// the return meet. Column names on the way in follow the Standard Safeguarding Dataset
// (data-to-insight/ssd-data-model) where it has the item; see docs/data-formats.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/codes.hpp"
#include "model/dates.hpp"

namespace hearth::model {

// A date with an optional time of day (return home interviews are counted in hours).
struct DateTime {
  Date date{};
  std::int16_t minute = -1;  // minutes after midnight; -1 when only the date is known
  bool has_time() const { return minute >= 0; }
  auto operator<=>(const DateTime&) const = default;
};
std::optional<DateTime> parse_date_time(std::string_view text);  // date, or date + " HH:MM"
std::string format_date_time(const DateTime& dt);                // "2025-01-10T19:30" or date

enum class YesNo : std::uint8_t { No, Yes };

struct Professional {     // ssd_professionals
  std::string id;         // prof_professional_id
  std::string name;       // prof_professional_name
  std::string job_title;  // prof_professional_job_title
  std::string team;       // prof_professional_department
  bool operator==(const Professional&) const = default;
};

enum class WorkerRole : std::uint8_t { SocialWorker, PersonalAdviser, Iro, Other };

struct Allocation {                            // ssd_involvements: a worker allocated to a child
  std::string id;                              // invo_involvements_id
  std::string child;                           // invo_person_id
  std::string worker;                          // invo_professional_id
  WorkerRole role = WorkerRole::SocialWorker;  // invo_professional_role_id
  std::string team;                            // invo_professional_team
  Date start{};                                // invo_involvement_start_date
  OptDate end;                                 // invo_involvement_end_date
  bool operator==(const Allocation&) const = default;
};

enum class HealthCheckType : std::uint8_t { Initial, Review, Dental };
enum class CheckStatus : std::uint8_t { Completed, Refused, NotCompleted };

struct HealthCheck {                                // ssd_cla_health
  std::string id;                                   // clah_health_check_id
  std::string child;                                // clah_person_id
  HealthCheckType type = HealthCheckType::Initial;  // clah_health_check_type
  Date date{};                                      // clah_health_check_date
  CheckStatus status = CheckStatus::Completed;      // clah_health_check_status
  std::string by;  // clah_health_check_by (Hearth): who carried it out
  bool operator==(const HealthCheck&) const = default;
};

struct Immunisation {       // ssd_cla_immunisations
  std::string child;        // clai_person_id
  bool up_to_date = false;  // clai_immunisations_status
  Date date{};              // clai_immunisations_status_date
  bool operator==(const Immunisation&) const = default;
};

struct SdqScore {                   // ssd_sdq_scores
  std::string id;                   // csdq_table_id
  std::string child;                // csdq_person_id
  Date date{};                      // csdq_sdq_completed_date
  std::optional<SdqReason> reason;  // csdq_sdq_reason (why there is no score)
  std::optional<int> score;         // csdq_sdq_score 0–40
  bool operator==(const SdqScore&) const = default;
};

enum class PepKind : std::uint8_t { Initial, Review };
struct Pep {                       // hearth_pep
  std::string id;                  // pep_table_id
  std::string child;               // pep_person_id
  Date date{};                     // pep_date
  PepKind kind = PepKind::Review;  // pep_type
  bool operator==(const Pep&) const = default;
};

enum class PathwayKind : std::uint8_t { Assessment, Plan, Review };
struct PathwayPlan {                     // hearth_pathway_plan
  std::string id;                        // ppln_table_id
  std::string child;                     // ppln_person_id
  Date date{};                           // ppln_date
  PathwayKind kind = PathwayKind::Plan;  // ppln_type
  bool operator==(const PathwayPlan&) const = default;
};

struct CarePlan {               // ssd_cla_care_plan
  std::string id;               // lacp_table_id
  std::string child;            // lacp_person_id
  Date start{};                 // lacp_cla_care_plan_start_date
  OptDate end;                  // lacp_cla_care_plan_end_date
  std::string permanence_plan;  // lacp_permanence_plan (Hearth): the plan for permanence, if set
  bool operator==(const CarePlan&) const = default;
};

struct Visit {                     // ssd_cla_visits
  std::string id;                  // clav_cla_visit_id
  std::string child;               // clav_person_id
  Date date{};                     // clav_cla_visit_date
  std::optional<bool> seen;        // clav_cla_visit_seen
  std::optional<bool> seen_alone;  // clav_cla_visit_seen_alone
  std::string worker;              // clav_worker_id (Hearth)
  bool operator==(const Visit&) const = default;
};

struct LocalReview {       // ssd_cla_reviews
  std::string id;          // clar_cla_review_id
  std::string child;       // clar_person_id (Hearth; the SSD keys by episode)
  OptDate due;             // clar_cla_review_due_date
  Date date{};             // clar_cla_review_date
  bool cancelled = false;  // clar_cla_review_cancelled
  std::optional<ReviewParticipation> participation;  // clar_cla_review_participation
  bool operator==(const LocalReview&) const = default;
};

struct MissingRecord {               // ssd_missing
  std::string id;                    // miss_table_id
  std::string child;                 // miss_person_id
  DateTime start;                    // miss_missing_episode_start_date
  std::optional<MissingType> type;   // miss_missing_episode_type
  std::optional<DateTime> end;       // miss_missing_episode_end_date: the child's return
  std::optional<bool> rhi_offered;   // miss_missing_rhi_offered
  std::optional<bool> rhi_accepted;  // miss_missing_rhi_accepted (N: declined)
  std::optional<DateTime> rhi_date;  // miss_missing_rhi_date (Hearth): interview held
  bool operator==(const MissingRecord&) const = default;
};

struct CareLeaverContact {  // hearth_care_leaver_contact
  std::string id;           // clco_table_id
  std::string child;        // clco_person_id
  Date date{};              // clco_contact_date
  std::string type;         // clco_contact_type: visit, phone, video, message...
  std::string worker;       // clco_worker_id
  bool operator==(const CareLeaverContact&) const = default;
};

struct CareLeaverStatus {                      // ssd_care_leavers, one row per time it was recorded
  std::string id;                              // clea_table_id
  std::string child;                           // clea_person_id
  Date date{};                                 // clea_status_date (Hearth): when this was recorded
  std::optional<InTouch> in_touch;             // clea_care_leaver_in_touch
  std::optional<Activity> activity;            // clea_care_leaver_activity
  std::optional<Accommodation> accommodation;  // clea_care_leaver_accommodation
  std::optional<bool> accommodation_suitable;  // clea_care_leaver_accom_suitable
  std::optional<bool> support_to_25;  // clea_support_to_25 (Hearth): asked for support to 25
  bool operator==(const CareLeaverStatus&) const = default;
};

struct StayingPut {   // hearth_staying_put
  std::string id;     // stpt_table_id
  std::string child;  // stpt_person_id
  Date start{};       // stpt_start_date
  OptDate end;        // stpt_end_date
  bool operator==(const StayingPut&) const = default;
};

struct Person {           // ssd_person: a child's or young person's name, as the council records it
  std::string child;      // pers_person_id (the 903 CHILD)
  std::string forename;   // pers_forename
  std::string surname;    // pers_surname
  std::string preferred;  // pers_preferred_name (Hearth): the name they like to be called
  bool operator==(const Person&) const = default;
};

// Advocacy and independent visitors (Children Act 1989 s26A and s23ZB): who asked for one, who
// was appointed and when they saw the child. Not in the SSD: Hearth's tables.
enum class AdvocacyService : std::uint8_t { Advocate, IndependentVisitor };

struct AdvocacyRequest {  // hearth_advocacy_request: a child asked for (or was referred for) one
  std::string id;         // adre_request_id
  std::string child;      // adre_person_id
  AdvocacyService service = AdvocacyService::Advocate;  // adre_service
  Date date{};                                          // adre_request_date
  std::string requested_by;   // adre_requested_by: the child, their worker, their IRO, a carer...
  std::string reason;         // adre_reason: a complaint, a review, a move...
  OptDate closed;             // adre_closed_date: closed without anyone being appointed
  std::string closed_reason;  // adre_closed_reason: withdrawn, the child did not want one...
  bool operator==(const AdvocacyRequest&) const = default;
};

struct AdvocacyAllocation {  // hearth_advocacy_allocation: an advocate or visitor appointed
  std::string id;            // adal_allocation_id
  std::string child;         // adal_person_id
  AdvocacyService service = AdvocacyService::Advocate;  // adal_service
  std::string request;   // adal_request_id: the request it answers, when known
  std::string advocate;  // adal_advocate_name
  std::string provider;  // adal_provider: the advocacy service or visitor scheme
  Date start{};          // adal_start_date
  OptDate end;           // adal_end_date
  bool operator==(const AdvocacyAllocation&) const = default;
};

struct AdvocacyVisit {  // hearth_advocacy_visit: the advocate or visitor saw the child
  std::string id;       // advi_visit_id
  std::string child;    // advi_person_id
  AdvocacyService service = AdvocacyService::Advocate;  // advi_service
  Date date{};                                          // advi_visit_date
  std::string allocation;                               // advi_allocation_id
  bool operator==(const AdvocacyVisit&) const = default;
};

// One council's local records, rows in file order.
struct LocalRecords {
  std::string la;
  std::vector<Professional> professionals;
  std::vector<Allocation> allocations;
  std::vector<HealthCheck> health_checks;
  std::vector<Immunisation> immunisations;
  std::vector<SdqScore> sdq;
  std::vector<Pep> peps;
  std::vector<PathwayPlan> pathway_plans;
  std::vector<CarePlan> care_plans;
  std::vector<Visit> visits;
  std::vector<LocalReview> reviews;
  std::vector<MissingRecord> missing;
  std::vector<CareLeaverContact> contacts;
  std::vector<CareLeaverStatus> care_leaver_status;
  std::vector<StayingPut> staying_put;
  std::vector<Person> people;
  std::vector<AdvocacyRequest> advocacy_requests;
  std::vector<AdvocacyAllocation> advocacy_allocations;
  std::vector<AdvocacyVisit> advocacy_visits;
  bool operator==(const LocalRecords&) const = default;
};

}  // namespace hearth::model
