#include "local/tables.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "ssda903/fields.hpp"

namespace hearth::local {
namespace {

using namespace hearth::model;
using ssda903::CellProblem;
using ssda903::RowProblem;

using ssda903::fields::MemberOf;
using ssda903::fields::read_code;
using ssda903::fields::read_int;
using ssda903::fields::read_text;
using ssda903::fields::write_code;
using ssda903::fields::write_int;
using ssda903::fields::write_text;
template <class R>
using Field = ssda903::fields::Field<LocalColumn, R>;

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// ---- choices: Hearth's own small code lists, with the spellings councils' systems use -----

template <class E>
struct Choice {
  E value;
  std::array<std::string_view, 4> names;  // the first is canonical
};

template <class E>
struct Choices;
template <>
struct Choices<HealthCheckType> {
  static constexpr std::array<Choice<HealthCheckType>, 3> list{{
      {HealthCheckType::Initial, {"IHA", "Initial", "Initial health assessment", "Initial health"}},
      {HealthCheckType::Review, {"RHA", "Review", "Review health assessment", "Review health"}},
      {HealthCheckType::Dental, {"Dental", "Dental check", "Teeth check", "Dentist"}},
  }};
};
template <>
struct Choices<CheckStatus> {
  static constexpr std::array<Choice<CheckStatus>, 3> list{{
      {CheckStatus::Completed, {"Completed", "Complete", "Done", "Y"}},
      {CheckStatus::Refused, {"Refused", "Declined", "Refused by young person", ""}},
      {CheckStatus::NotCompleted, {"Not completed", "Did not attend", "DNA", "Cancelled"}},
  }};
};
template <>
struct Choices<WorkerRole> {
  static constexpr std::array<Choice<WorkerRole>, 4> list{{
      {WorkerRole::SocialWorker, {"SW", "Social worker", "Allocated social worker", ""}},
      {WorkerRole::PersonalAdviser, {"PA", "Personal adviser", "Personal advisor", ""}},
      {WorkerRole::Iro, {"IRO", "Independent reviewing officer", "", ""}},
      {WorkerRole::Other, {"Other", "", "", ""}},
  }};
};
template <>
struct Choices<PepKind> {
  static constexpr std::array<Choice<PepKind>, 2> list{{
      {PepKind::Initial, {"Initial", "Initial PEP", "New", ""}},
      {PepKind::Review, {"Review", "PEP review", "Termly", ""}},
  }};
};
template <>
struct Choices<PathwayKind> {
  static constexpr std::array<Choice<PathwayKind>, 3> list{{
      {PathwayKind::Assessment, {"Assessment", "Needs assessment", "", ""}},
      {PathwayKind::Plan, {"Plan", "Pathway plan", "Initial", ""}},
      {PathwayKind::Review, {"Review", "Pathway plan review", "", ""}},
  }};
};

template <>
struct Choices<AdvocacyService> {
  static constexpr std::array<Choice<AdvocacyService>, 2> list{{
      {AdvocacyService::Advocate, {"Advocate", "Advocacy", "ADV", "Independent advocate"}},
      {AdvocacyService::IndependentVisitor,
       {"Independent visitor", "IV", "Visitor", "Independent visitor scheme"}},
  }};
};

template <class E>
std::string choice_expected() {
  std::string out = "one of:";
  for (const auto& c : Choices<E>::list) {
    out += out.back() == ':' ? " " : ", ";
    out += c.names[0];
  }
  return out;
}

// ---- readers and writers for each kind of cell ------------------------------------------------

CellProblem bad_date() {
  return {"ingest.bad-date", "a date written yyyy-mm-dd or dd/mm/yyyy, e.g. 2024-04-01",
          "Correct the date in the case-management system and export the file again."};
}

template <auto M>
bool read_date(std::string_view s, typename MemberOf<decltype(M)>::Record& r, CellProblem& p) {
  // Extracts often carry a midnight time on date columns ("2024-04-01 00:00:00"): the date is
  // what counts.
  auto dt = parse_date_time(s);
  if (!dt) {
    p = bad_date();
    return false;
  }
  r.*M = dt->date;
  return true;
}
template <auto M>
void write_date(const typename MemberOf<decltype(M)>::Record& r, std::string& out, bool) {
  const auto& v = r.*M;
  if constexpr (std::is_same_v<std::decay_t<decltype(v)>, OptDate>) {
    if (v) out = format_iso(*v);
  } else {
    out = format_iso(v);
  }
}

template <auto M>
bool read_datetime(std::string_view s, typename MemberOf<decltype(M)>::Record& r, CellProblem& p) {
  auto dt = parse_date_time(s);
  if (!dt) {
    p = {"ingest.bad-date", "a date, or a date and time, e.g. 2024-04-01 or 2024-04-01 18:30",
         "Correct the date in the case-management system and export the file again."};
    return false;
  }
  r.*M = *dt;
  return true;
}
template <auto M>
void write_datetime(const typename MemberOf<decltype(M)>::Record& r, std::string& out, bool) {
  const auto& v = r.*M;
  if constexpr (std::is_same_v<std::decay_t<decltype(v)>, DateTime>) {
    out = format_date_time(v);
  } else {
    if (v) out = format_date_time(*v);
  }
}

std::optional<bool> yes_no(std::string_view s) {
  for (std::string_view y : {"Y", "Yes", "1", "True"})
    if (iequals(s, y)) return true;
  for (std::string_view n : {"N", "No", "0", "False"})
    if (iequals(s, n)) return false;
  return std::nullopt;
}

template <auto M>
bool read_yes_no(std::string_view s, typename MemberOf<decltype(M)>::Record& r, CellProblem& p) {
  auto v = yes_no(s);
  if (!v) {
    p = {"ingest.bad-flag", "Y or N", "Write Y for yes and N for no."};
    return false;
  }
  r.*M = *v;
  return true;
}
template <auto M>
void write_yes_no(const typename MemberOf<decltype(M)>::Record& r, std::string& out, bool) {
  const auto& v = r.*M;
  if constexpr (std::is_same_v<std::decay_t<decltype(v)>, bool>) {
    out = v ? "Y" : "N";
  } else {
    if (v) out = *v ? "Y" : "N";
  }
}

template <auto M>
bool read_choice(std::string_view s, typename MemberOf<decltype(M)>::Record& r, CellProblem& p) {
  using E = std::decay_t<decltype(r.*M)>;
  for (const auto& c : Choices<E>::list)
    for (std::string_view n : c.names)
      if (!n.empty() && iequals(s, n)) {
        r.*M = c.value;
        return true;
      }
  p = {"ingest.unknown-code", choice_expected<E>(),
       "Map the case-management system's value to one of Hearth's values in the extract."};
  return false;
}
template <auto M>
void write_choice(const typename MemberOf<decltype(M)>::Record& r, std::string& out, bool) {
  using E = std::decay_t<decltype(r.*M)>;
  for (const auto& c : Choices<E>::list)
    if (c.value == r.*M) out = c.names[0];
}

// Column macros: name, required, kind, meaning, ssd.
#define L_ID(R, m, col, req, what, ssd)                              \
  Field<R> {                                                         \
    {col, req, "id", what, ssd}, read_text<&R::m>, write_text<&R::m> \
  }
#define L_TEXT(R, m, col, what, ssd)                                     \
  Field<R> {                                                             \
    {col, false, "text", what, ssd}, read_text<&R::m>, write_text<&R::m> \
  }
#define L_DATE(R, m, col, req, what, ssd)                              \
  Field<R> {                                                           \
    {col, req, "date", what, ssd}, read_date<&R::m>, write_date<&R::m> \
  }
#define L_DATETIME(R, m, col, req, what, ssd)                                      \
  Field<R> {                                                                       \
    {col, req, "datetime", what, ssd}, read_datetime<&R::m>, write_datetime<&R::m> \
  }
#define L_YN(R, m, col, req, what, ssd)                                      \
  Field<R> {                                                                 \
    {col, req, "yes/no", what, ssd}, read_yes_no<&R::m>, write_yes_no<&R::m> \
  }
#define L_CHOICE(R, m, col, req, what, ssd)                                  \
  Field<R> {                                                                 \
    {col, req, "choice", what, ssd}, read_choice<&R::m>, write_choice<&R::m> \
  }
#define L_CODE(R, m, col, what, ssd)                                     \
  Field<R> {                                                             \
    {col, false, "code", what, ssd}, read_code<&R::m>, write_code<&R::m> \
  }
#define L_INT(R, m, col, lo, hi, what, ssd)                                      \
  Field<R> {                                                                     \
    {col, false, "number", what, ssd}, read_int<&R::m, lo, hi>, write_int<&R::m> \
  }

const std::array professional_fields{
    L_ID(Professional, id, "prof_professional_id", true, "the worker's identifier", true),
    L_TEXT(Professional, name, "prof_professional_name", "the worker's name", true),
    L_TEXT(Professional, job_title, "prof_professional_job_title", "job title", true),
    L_TEXT(Professional, team, "prof_professional_department", "team or department", true),
};
const std::array person_fields{
    L_ID(Person, child, "pers_person_id", true, "the child's CHILD identifier in the 903 return",
         true),
    L_TEXT(Person, forename, "pers_forename", "first name", true),
    L_TEXT(Person, surname, "pers_surname", "family name", true),
    L_TEXT(Person, preferred, "pers_preferred_name",
           "the name they like to be called, when not their first name", false),
};
const std::array allocation_fields{
    L_ID(Allocation, id, "invo_involvements_id", false, "row identifier", true),
    L_ID(Allocation, worker, "invo_professional_id", true, "the worker (prof_professional_id)",
         true),
    L_CHOICE(Allocation, role, "invo_professional_role_id", true,
             "SW (social worker), PA (personal adviser), IRO or Other", true),
    L_TEXT(Allocation, team, "invo_professional_team", "the team holding the case", true),
    L_ID(Allocation, child, "invo_person_id", true, "the child (903 CHILD)", true),
    L_DATE(Allocation, start, "invo_involvement_start_date", true, "allocated from", true),
    L_DATE(Allocation, end, "invo_involvement_end_date", false, "allocated until (blank: still)",
           true),
};
const std::array health_fields{
    L_ID(HealthCheck, id, "clah_health_check_id", false, "row identifier", true),
    L_ID(HealthCheck, child, "clah_person_id", true, "the child (903 CHILD)", true),
    L_CHOICE(HealthCheck, type, "clah_health_check_type", true,
             "IHA (initial health assessment), RHA (review health assessment) or Dental", true),
    L_DATE(HealthCheck, date, "clah_health_check_date", true, "date of the assessment or check",
           true),
    L_CHOICE(HealthCheck, status, "clah_health_check_status", false,
             "Completed (default), Refused, or Not completed", true),
    L_TEXT(HealthCheck, by, "clah_health_check_by", "who carried it out", false),
};
const std::array immunisation_fields{
    L_ID(Immunisation, child, "clai_person_id", true, "the child (903 CHILD)", true),
    L_YN(Immunisation, up_to_date, "clai_immunisations_status", true,
         "Y when immunisations are up to date", true),
    L_DATE(Immunisation, date, "clai_immunisations_status_date", true, "date checked", true),
};
const std::array sdq_fields{
    L_ID(SdqScore, id, "csdq_table_id", false, "row identifier", true),
    L_ID(SdqScore, child, "csdq_person_id", true, "the child (903 CHILD)", true),
    L_DATE(SdqScore, date, "csdq_sdq_completed_date", true, "date of the questionnaire", true),
    L_CODE(SdqScore, reason, "csdq_sdq_reason", "903 SDQ_REASON when there is no score", true),
    L_INT(SdqScore, score, "csdq_sdq_score", 0, 40, "total difficulties score, 0–40", true),
};
const std::array pep_fields{
    L_ID(Pep, id, "pep_table_id", false, "row identifier", false),
    L_ID(Pep, child, "pep_person_id", true, "the child (903 CHILD)", false),
    L_DATE(Pep, date, "pep_date", true, "date the PEP was initiated or reviewed", false),
    L_CHOICE(Pep, kind, "pep_type", false, "Initial or Review (default)", false),
};
const std::array pathway_fields{
    L_ID(PathwayPlan, id, "ppln_table_id", false, "row identifier", false),
    L_ID(PathwayPlan, child, "ppln_person_id", true, "the young person (903 CHILD)", false),
    L_DATE(PathwayPlan, date, "ppln_date", true, "date completed", false),
    L_CHOICE(PathwayPlan, kind, "ppln_type", false,
             "Assessment (needs assessment), Plan (default) or Review", false),
};
const std::array care_plan_fields{
    L_ID(CarePlan, id, "lacp_table_id", false, "row identifier", true),
    L_ID(CarePlan, child, "lacp_person_id", true, "the child (903 CHILD)", true),
    L_DATE(CarePlan, start, "lacp_cla_care_plan_start_date", true, "care plan agreed", true),
    L_DATE(CarePlan, end, "lacp_cla_care_plan_end_date", false, "care plan ended", true),
    L_TEXT(CarePlan, permanence_plan, "lacp_permanence_plan",
           "the plan for permanence, e.g. Adoption, Return home, Long-term fostering", false),
};
const std::array visit_fields{
    L_ID(Visit, id, "clav_cla_visit_id", false, "row identifier", true),
    L_ID(Visit, child, "clav_person_id", true, "the child (903 CHILD)", true),
    L_DATE(Visit, date, "clav_cla_visit_date", true, "date of the visit", true),
    L_YN(Visit, seen, "clav_cla_visit_seen", false, "Y when the child was seen", true),
    L_YN(Visit, seen_alone, "clav_cla_visit_seen_alone", false, "Y when the child was seen alone",
         true),
    L_ID(Visit, worker, "clav_worker_id", false, "the visiting worker", false),
};
const std::array review_fields{
    L_ID(LocalReview, id, "clar_cla_review_id", false, "row identifier", true),
    L_ID(LocalReview, child, "clar_person_id", true, "the child (903 CHILD)", false),
    L_DATE(LocalReview, due, "clar_cla_review_due_date", false, "when it was due", true),
    L_DATE(LocalReview, date, "clar_cla_review_date", true, "when it was held", true),
    L_YN(LocalReview, cancelled, "clar_cla_review_cancelled", false,
         "Y when the review did not take place", true),
    L_CODE(LocalReview, participation, "clar_cla_review_participation", "903 REVIEW_CODE (PN0–PN7)",
           true),
};
const std::array missing_fields{
    L_ID(MissingRecord, id, "miss_table_id", false, "row identifier", true),
    L_ID(MissingRecord, child, "miss_person_id", true, "the child (903 CHILD)", true),
    L_DATETIME(MissingRecord, start, "miss_missing_episode_start_date", true,
               "went missing (date and time)", true),
    L_CODE(MissingRecord, type, "miss_missing_episode_type", "903 MISSING: M or A", true),
    L_DATETIME(MissingRecord, end, "miss_missing_episode_end_date", false,
               "returned (date and time); blank while still missing", true),
    L_YN(MissingRecord, rhi_offered, "miss_missing_rhi_offered", false,
         "Y when a return home interview was offered", true),
    L_YN(MissingRecord, rhi_accepted, "miss_missing_rhi_accepted", false,
         "Y when the child accepted it; N when the child declined", true),
    L_DATETIME(MissingRecord, rhi_date, "miss_missing_rhi_date", false,
               "when the interview was held", false),
};
const std::array contact_fields{
    L_ID(CareLeaverContact, id, "clco_table_id", false, "row identifier", false),
    L_ID(CareLeaverContact, child, "clco_person_id", true, "the young person (903 CHILD)", false),
    L_DATE(CareLeaverContact, date, "clco_contact_date", true, "date of the contact", false),
    L_TEXT(CareLeaverContact, type, "clco_contact_type", "Visit, Phone, Video, Message...", false),
    L_ID(CareLeaverContact, worker, "clco_worker_id", false, "the worker who made contact", false),
};
const std::array status_fields{
    L_ID(CareLeaverStatus, id, "clea_table_id", false, "row identifier", true),
    L_ID(CareLeaverStatus, child, "clea_person_id", true, "the young person (903 CHILD)", true),
    L_DATE(CareLeaverStatus, date, "clea_status_date", true, "when this was recorded", false),
    L_CODE(CareLeaverStatus, in_touch, "clea_care_leaver_in_touch", "903 IN_TOUCH", true),
    L_CODE(CareLeaverStatus, activity, "clea_care_leaver_activity", "903 ACTIV", true),
    L_CODE(CareLeaverStatus, accommodation, "clea_care_leaver_accommodation", "903 ACCOM", true),
    L_YN(CareLeaverStatus, accommodation_suitable, "clea_care_leaver_accom_suitable", false,
         "Y when the accommodation is suitable", true),
    L_YN(CareLeaverStatus, support_to_25, "clea_support_to_25", false,
         "Y when the young person asked for support to 25", false),
};
const std::array staying_put_fields{
    L_ID(StayingPut, id, "stpt_table_id", false, "row identifier", false),
    L_ID(StayingPut, child, "stpt_person_id", true, "the young person (903 CHILD)", false),
    L_DATE(StayingPut, start, "stpt_start_date", true, "staying put began", false),
    L_DATE(StayingPut, end, "stpt_end_date", false, "staying put ended", false),
};

const std::array advocacy_request_fields{
    L_ID(AdvocacyRequest, id, "adre_request_id", false, "row identifier", false),
    L_ID(AdvocacyRequest, child, "adre_person_id", true, "the child or young person (903 CHILD)",
         false),
    L_CHOICE(AdvocacyRequest, service, "adre_service", true, "Advocate or Independent visitor (IV)",
             false),
    L_DATE(AdvocacyRequest, date, "adre_request_date", true,
           "when the child asked, or was referred with their agreement", false),
    L_TEXT(AdvocacyRequest, requested_by, "adre_requested_by",
           "who asked: the child, their social worker, their IRO, a carer...", false),
    L_TEXT(AdvocacyRequest, reason, "adre_reason",
           "what it is for: a complaint, a review, a move, someone to visit...", false),
    L_DATE(AdvocacyRequest, closed, "adre_closed_date", false,
           "closed without anyone being appointed (blank: open, or met by an appointment)", false),
    L_TEXT(AdvocacyRequest, closed_reason, "adre_closed_reason",
           "why it closed: withdrawn, the child did not want one...", false),
};
const std::array advocacy_allocation_fields{
    L_ID(AdvocacyAllocation, id, "adal_allocation_id", false, "row identifier", false),
    L_ID(AdvocacyAllocation, child, "adal_person_id", true, "the child or young person (903 CHILD)",
         false),
    L_CHOICE(AdvocacyAllocation, service, "adal_service", true,
             "Advocate or Independent visitor (IV)", false),
    L_ID(AdvocacyAllocation, request, "adal_request_id", false,
         "the request it answers (adre_request_id), when known", false),
    L_TEXT(AdvocacyAllocation, advocate, "adal_advocate_name", "the advocate's or visitor's name",
           false),
    L_TEXT(AdvocacyAllocation, provider, "adal_provider",
           "the advocacy service or independent visitor scheme", false),
    L_DATE(AdvocacyAllocation, start, "adal_start_date", true, "appointed from", false),
    L_DATE(AdvocacyAllocation, end, "adal_end_date", false, "appointed until (blank: still)",
           false),
};
const std::array advocacy_visit_fields{
    L_ID(AdvocacyVisit, id, "advi_visit_id", false, "row identifier", false),
    L_ID(AdvocacyVisit, child, "advi_person_id", true, "the child or young person (903 CHILD)",
         false),
    L_CHOICE(AdvocacyVisit, service, "advi_service", true, "Advocate or Independent visitor (IV)",
             false),
    L_DATE(AdvocacyVisit, date, "advi_visit_date", true, "when they saw the child", false),
    L_ID(AdvocacyVisit, allocation, "advi_allocation_id", false,
         "the appointment (adal_allocation_id), when known", false),
};

using ssda903::fields::columns_of;

const auto professional_cols = columns_of(professional_fields);
const auto allocation_cols = columns_of(allocation_fields);
const auto health_cols = columns_of(health_fields);
const auto immunisation_cols = columns_of(immunisation_fields);
const auto sdq_cols = columns_of(sdq_fields);
const auto pep_cols = columns_of(pep_fields);
const auto pathway_cols = columns_of(pathway_fields);
const auto care_plan_cols = columns_of(care_plan_fields);
const auto visit_cols = columns_of(visit_fields);
const auto review_cols = columns_of(review_fields);
const auto missing_cols = columns_of(missing_fields);
const auto contact_cols = columns_of(contact_fields);
const auto status_cols = columns_of(status_fields);
const auto staying_put_cols = columns_of(staying_put_fields);
const auto person_cols = columns_of(person_fields);
const auto advocacy_request_cols = columns_of(advocacy_request_fields);
const auto advocacy_allocation_cols = columns_of(advocacy_allocation_fields);
const auto advocacy_visit_cols = columns_of(advocacy_visit_fields);

using LT = LocalTable;
const std::array<LocalTableInfo, kLocalTableCount> tables{{
    {LT::Professionals, "professionals", "ssd_professionals", "professionals.csv",
     "a social worker, personal adviser or other professional", professional_cols},
    {LT::Allocations, "allocations", "ssd_involvements", "allocations.csv",
     "a worker allocated to a child for a time", allocation_cols},
    {LT::HealthChecks, "health_checks", "ssd_cla_health", "health_checks.csv",
     "an initial or review health assessment, or a dental check", health_cols},
    {LT::Immunisations, "immunisations", "ssd_cla_immunisations", "immunisations.csv",
     "whether a child's immunisations were up to date when checked", immunisation_cols},
    {LT::Sdq, "sdq_scores", "ssd_sdq_scores", "sdq_scores.csv",
     "a Strengths and Difficulties Questionnaire", sdq_cols},
    {LT::Peps, "peps", "", "peps.csv", "a Personal Education Plan initiated or reviewed", pep_cols},
    {LT::PathwayPlans, "pathway_plans", "", "pathway_plans.csv",
     "a leaving-care needs assessment, pathway plan or pathway plan review", pathway_cols},
    {LT::CarePlans, "care_plans", "ssd_cla_care_plan", "care_plans.csv",
     "a care plan, with its plan for permanence", care_plan_cols},
    {LT::Visits, "visits", "ssd_cla_visits", "visits.csv",
     "a social worker's statutory visit to a child in care", visit_cols},
    {LT::Reviews, "reviews", "ssd_cla_reviews", "reviews.csv",
     "a child in care review held (in-year, before the 903 return)", review_cols},
    {LT::Missing, "missing", "ssd_missing", "missing.csv",
     "a missing or away-from-placement episode and its return home interview", missing_cols},
    {LT::Contacts, "care_leaver_contacts", "", "care_leaver_contacts.csv",
     "a contact between a care leaver and their personal adviser", contact_cols},
    {LT::CareLeaverStatus, "care_leaver_status", "ssd_care_leavers", "care_leaver_status.csv",
     "a care leaver's activity and accommodation as recorded on a date", status_cols},
    {LT::StayingPut, "staying_put", "", "staying_put.csv",
     "a Staying Put arrangement with former foster carers", staying_put_cols},
    {LT::People, "people", "ssd_person", "people.csv",
     "a child's name (workers, managers and reviewing officers see it; the Board never does)",
     person_cols},
    {LT::AdvocacyRequests, "advocacy_requests", "", "advocacy_requests.csv",
     "a request for an advocate or an independent visitor", advocacy_request_cols},
    {LT::AdvocacyAllocations, "advocacy_allocations", "", "advocacy_allocations.csv",
     "an advocate or independent visitor appointed for a child", advocacy_allocation_cols},
    {LT::AdvocacyVisits, "advocacy_visits", "", "advocacy_visits.csv",
     "a meeting between a child and their advocate or independent visitor", advocacy_visit_cols},
}};

template <class Rec, class F>
decltype(auto) with_table(LocalTable kind, Rec& r, F&& f) {
  switch (kind) {
    case LT::Professionals:
      return f(professional_fields, r.professionals);
    case LT::Allocations:
      return f(allocation_fields, r.allocations);
    case LT::HealthChecks:
      return f(health_fields, r.health_checks);
    case LT::Immunisations:
      return f(immunisation_fields, r.immunisations);
    case LT::Sdq:
      return f(sdq_fields, r.sdq);
    case LT::Peps:
      return f(pep_fields, r.peps);
    case LT::PathwayPlans:
      return f(pathway_fields, r.pathway_plans);
    case LT::CarePlans:
      return f(care_plan_fields, r.care_plans);
    case LT::Visits:
      return f(visit_fields, r.visits);
    case LT::Reviews:
      return f(review_fields, r.reviews);
    case LT::Missing:
      return f(missing_fields, r.missing);
    case LT::Contacts:
      return f(contact_fields, r.contacts);
    case LT::CareLeaverStatus:
      return f(status_fields, r.care_leaver_status);
    case LT::StayingPut:
      return f(staying_put_fields, r.staying_put);
    case LT::People:
      return f(person_fields, r.people);
    case LT::AdvocacyRequests:
      return f(advocacy_request_fields, r.advocacy_requests);
    case LT::AdvocacyAllocations:
      return f(advocacy_allocation_fields, r.advocacy_allocations);
    case LT::AdvocacyVisits:
      return f(advocacy_visit_fields, r.advocacy_visits);
  }
  return f(professional_fields, r.professionals);
}

}  // namespace

std::span<const LocalTableInfo> all_local_tables() {
  return tables;
}
const LocalTableInfo& local_table_info(LocalTable kind) {
  return tables[static_cast<std::size_t>(kind)];
}
std::optional<LocalTable> local_table_by_name(std::string_view name) {
  for (const auto& t : tables)
    if (iequals(t.name, name)) return t.kind;
  return std::nullopt;
}

std::optional<LocalTable> identify_local_table(const std::vector<std::string>& columns) {
  const LocalTableInfo* best = nullptr;
  std::size_t best_present = 0;
  for (const auto& t : tables) {
    std::size_t present = 0;
    bool ok = true;
    for (const auto& c : t.columns) {
      bool here = std::find(columns.begin(), columns.end(), c.name) != columns.end();
      present += here ? 1 : 0;
      if (c.required && !here) ok = false;
    }
    if (ok && present > best_present) {
      best = &t;
      best_present = present;
    }
  }
  if (!best) return std::nullopt;
  return best->kind;
}

void read_local_row(LocalTable kind, std::span<const std::string_view> cells,
                    model::LocalRecords& out, std::vector<RowProblem>& problems) {
  with_table(kind, out, [&](const auto& fields, auto& rows) {
    ssda903::fields::read_into(fields, cells, rows, problems);
  });
}

std::size_t local_row_count(LocalTable kind, const model::LocalRecords& records) {
  return with_table(kind, records, [](const auto&, const auto& rows) { return rows.size(); });
}

void write_local_row(LocalTable kind, const model::LocalRecords& records, std::size_t i,
                     std::vector<std::string>& cells) {
  with_table(kind, records, [&](const auto& fields, const auto& rows) {
    ssda903::fields::write_from(fields, rows[i], cells, true);
  });
}

std::string_view local_row_child(LocalTable kind, const model::LocalRecords& records,
                                 std::size_t i) {
  return with_table(kind, records, [&](const auto&, const auto& rows) -> std::string_view {
    if constexpr (requires { rows[i].child; })
      return rows[i].child;
    else
      return {};
  });
}

void clear_local_table(LocalTable kind, model::LocalRecords& records) {
  with_table(kind, records, [](const auto&, auto& rows) { rows.clear(); });
}

}  // namespace hearth::local
