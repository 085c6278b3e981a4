#include "timescales/engine.hpp"

#include <algorithm>
#include <array>

#include "timescales/child_run.hpp"

namespace hearth::timescales {

using model::ChildIndex;
using model::Date;
using model::DateTime;
using model::WorkerRole;

std::string_view status_name(Status s) {
  switch (s) {
    case Status::DoneOnTime:
      return "done_on_time";
    case Status::DoneLate:
      return "done_late";
    case Status::DueSoon:
      return "due_soon";
    case Status::Overdue:
      return "overdue";
    case Status::Upcoming:
      return "upcoming";
    case Status::NotApplicable:
      return "not_applicable";
  }
  return "";
}

std::string_view evidence_kind_name(EvidenceKind k) {
  static constexpr std::array<std::string_view, 16> kNames{"",
                                                           "review",
                                                           "local_review",
                                                           "health_check",
                                                           "immunisation",
                                                           "sdq",
                                                           "pep",
                                                           "pathway_plan",
                                                           "care_plan",
                                                           "visit",
                                                           "missing",
                                                           "contact",
                                                           "allocation",
                                                           "care_leaver_status",
                                                           "episode",
                                                           "advocacy_allocation"};
  return kNames[static_cast<std::size_t>(k)];
}

std::string_view anchor_text(Anchor a) {
  switch (a) {
    case Anchor::EnteredCare:
      return "became looked after";
    case Anchor::FirstReview:
      return "first review";
    case Anchor::PreviousReview:
      return "previous review";
    case Anchor::PlacementStart:
      return "placement began";
    case Anchor::PreviousVisit:
      return "previous visit";
    case Anchor::InitialHealthAssessment:
      return "initial health assessment";
    case Anchor::PreviousHealthAssessment:
      return "previous review health assessment";
    case Anchor::PreviousDentalCheck:
      return "previous dental check";
    case Anchor::LookedAfter12Months:
      return "looked after for 12 months";
    case Anchor::FourthBirthday:
      return "4th birthday";
    case Anchor::PreviousSdq:
      return "previous SDQ";
    case Anchor::HealthAssessment:
      return "health assessment";
    case Anchor::TermStart:
      return "school term began";
    case Anchor::ReturnFromMissing:
      return "returned from missing";
    case Anchor::BecameEligible:
      return "became an eligible child";
    case Anchor::PathwayPlan:
      return "pathway plan";
    case Anchor::PreviousPathwayPlan:
      return "previous pathway plan review";
    case Anchor::LeftCare:
      return "left care";
    case Anchor::PreviousContact:
      return "previous contact";
    case Anchor::MovedHome:
      return "moved home";
    case Anchor::Birthday:
      return "birthday";
    case Anchor::Requested:
      return "request made";
    case Anchor::RecordsBegin:
      return "records begin";
  }
  return "";
}

namespace {

using namespace std::chrono;
using detail::is_short_break;
using model::add_months;

std::string wd(int n, std::string_view what) {
  return "within " + std::to_string(n) + " working days of " + std::string(what);
}
std::string months(int n, std::string_view what) {
  return "not more than " + std::to_string(n) + (n == 1 ? " month" : " months") + " after " +
         std::string(what);
}
std::string day_count(int n, std::string_view what) {
  if (n % 7 == 0)
    return "within " + std::to_string(n / 7) + (n == 7 ? " week" : " weeks") + " of " +
           std::string(what);
  return "within " + std::to_string(n) + " days of " + std::string(what);
}

}  // namespace

Engine::Engine(const model::Dataset& data, TimescaleConfig config,
               const model::WorkingDayCalendar& calendar)
    : data_(data), config_(std::move(config)), calendar_(calendar) {
  const auto& c = config_;
  rules_.resize(kItemCount);
  auto set = [&](ItemId id, std::string text) {
    rules_[static_cast<std::size_t>(id)] = text + " (" + std::string(item(id).source) + ")";
  };
  set(ItemId::FirstReview, wd(c.first_review_working_days, "becoming looked after"));
  set(ItemId::SecondReview, months(c.second_review_months, "the first review"));
  set(ItemId::LaterReview, months(c.later_review_months, "the previous review"));
  set(ItemId::SwVisit, day_count(c.visit_new_placement_days, "the start of any placement") +
                           "; then " + day_count(c.visit_first_year_days, "the previous visit") +
                           " in the placement's first year; after that " +
                           months(c.visit_long_term_months, "the previous visit") +
                           " in a long-term foster placement (PLACE U1/U4), otherwise " +
                           day_count(c.visit_other_days, "the previous visit"));
  set(ItemId::Iha, wd(c.iha_working_days, "becoming looked after"));
  set(ItemId::Rha, months(c.rha_under_5_months, "the previous assessment") +
                       " when the child was under 5 at it; " +
                       months(c.rha_from_5_months, "the previous assessment") +
                       " from the 5th birthday");
  set(ItemId::Dental, months(c.dental_months, "entry to care or the previous check"));
  set(ItemId::Sdq, "by 12 months in care (or the " + std::to_string(c.sdq_min_age) +
                       "th birthday, if later), then " + months(c.sdq_months, "the previous SDQ") +
                       ", for ages " + std::to_string(c.sdq_min_age) + " to " +
                       std::to_string(c.sdq_max_age));
  set(ItemId::Immunisations, "immunisation status recorded within " +
                                 std::to_string(c.immunisations_window_days) +
                                 " days of each health assessment");
  set(ItemId::Pep, wd(c.pep_working_days, "becoming looked after"));
  set(ItemId::PepReview, "a PEP review within each school term");
  set(ItemId::PermanencePlan,
      "by the second review (" + months(c.second_review_months, "the first review") + ")");
  set(ItemId::Rhi, "within " + std::to_string(c.rhi_hours) + " hours of the child's return");
  set(ItemId::PathwayPlan, months(c.pathway_plan_months, "becoming an eligible child"));
  set(ItemId::PathwayPlanReview, months(c.pathway_review_months, "the previous plan or review"));
  set(ItemId::PaAllocated, "on becoming an eligible child, or at " +
                               std::to_string(c.pa_allocation_age) +
                               " if later (local allocation age)");
  set(ItemId::PaContact, day_count(c.pa_contact_days, "leaving care or the previous contact") +
                             ", until " + std::to_string(c.support_age) + " (" +
                             std::to_string(c.extended_support_age) + " when asked)");
  set(ItemId::PaContactAfterMove, day_count(c.pa_move_days, "a move of home"));
  // Where each council's records of each kind begin: the first collection year stored for the
  // 903's reviews; the earliest row for a local table.
  for (const auto& [la, year] : data_.returns) {
    auto& b = begins_[la];
    Date start = model::CollectionYear{year}.start();
    if (b[0] == Date{} || start < b[0]) b[0] = start;
  }
  // Local records: from the earliest local record of any kind, or the first collection year
  // stored, whichever is earlier (an extract usually covers what the returns cover).
  for (const auto& lr : data_.local) {
    auto& b = begins_[lr.la];
    Date e = b[0] == Date{} ? Date::max() : b[0];
    auto see = [&](const auto& rows, auto date) {
      for (const auto& r : rows) e = std::min(e, date(r));
    };
    auto by_date = [](const auto& r) { return r.date; };
    see(lr.health_checks, by_date);
    see(lr.visits, by_date);
    see(lr.sdq, by_date);
    see(lr.peps, by_date);
    see(lr.pathway_plans, by_date);
    see(lr.contacts, by_date);
    see(lr.immunisations, by_date);
    see(lr.care_plans, [](const auto& r) { return r.start; });
    see(lr.allocations, [](const auto& r) { return r.start; });
    for (std::size_t i = 0; i < kItemCount; ++i) b[i] = e;
  }
  for (auto& [la, b] : begins_) {
    Date reviews = Date{};
    for (const auto& [rla, year] : data_.returns)
      if (rla == la) {
        Date start = model::CollectionYear{year}.start();
        if (reviews == Date{} || start < reviews) reviews = start;
      }
    for (ItemId id : {ItemId::FirstReview, ItemId::SecondReview, ItemId::LaterReview})
      b[static_cast<std::size_t>(id)] = reviews;
    for (auto& d : b)
      if (d == Date{} || d == Date::max()) d = Date::min();
  }
  set(ItemId::Advocate, wd(c.advocate_working_days, "the request"));
  set(ItemId::IndependentVisitor, months(c.independent_visitor_months, "the request"));
  set(ItemId::InTouch,
      "a contact from 3 months before to 1 month after each birthday from the 17th to the 21st");
}

Date Engine::records_begin(std::string_view la, ItemId id) const {
  auto it = begins_.find(std::string(la));
  if (it == begins_.end()) return Date::min();
  return it->second[static_cast<std::size_t>(id)];
}

bool Engine::has_records(std::string_view la, ItemId id) const {
  const model::LocalRecords* lr = data_.local_of(la);
  if (!lr) return false;
  switch (id) {
    case ItemId::FirstReview:
    case ItemId::SecondReview:
    case ItemId::LaterReview:
      return true;
    case ItemId::SwVisit:
      return !lr->visits.empty();
    case ItemId::Iha:
    case ItemId::Rha:
    case ItemId::Dental:
      return !lr->health_checks.empty();
    case ItemId::Sdq:
      return !lr->sdq.empty();
    case ItemId::Immunisations:
      return !lr->immunisations.empty();
    case ItemId::Pep:
    case ItemId::PepReview:
      return !lr->peps.empty();
    case ItemId::PermanencePlan:
      return !lr->care_plans.empty();
    case ItemId::Rhi:
      return !lr->missing.empty();
    case ItemId::PathwayPlan:
    case ItemId::PathwayPlanReview:
      return !lr->pathway_plans.empty();
    case ItemId::PaAllocated:
      return !lr->allocations.empty();
    case ItemId::PaContact:
    case ItemId::PaContactAfterMove:
    case ItemId::InTouch:
      return !lr->contacts.empty();
    case ItemId::Advocate:
    case ItemId::IndependentVisitor:
      return !lr->advocacy_requests.empty();
  }
  return false;
}

void Engine::child(ChildIndex c, Date as_of, std::vector<ItemStatus>& out) const {
  std::size_t from = out.size();
  detail::ChildRun(*this, c, as_of, out).run();
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(from), out.end(),
                   [](const ItemStatus& a, const ItemStatus& b) {
                     if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
                     if (a.due && b.due && a.due->date != b.due->date)
                       return a.due->date < b.due->date;
                     return a.item < b.item;
                   });
}

std::vector<ItemStatus> Engine::child(ChildIndex c, Date as_of) const {
  std::vector<ItemStatus> out;
  child(c, as_of, out);
  return out;
}

std::vector<ItemStatus> Engine::all(Date as_of, std::string_view la) const {
  std::vector<ItemStatus> out;
  for (ChildIndex c = 0; c < data_.children.size(); ++c) {
    if (!la.empty() && data_.children[c].la != la) continue;
    child(c, as_of, out);
  }
  return out;
}

Assignee Engine::assignee(ChildIndex c, Date as_of, WorkerRole role) const {
  const model::Allocation* found = nullptr;
  const model::Allocation* sw = nullptr;
  for (const auto* a : data_.local_index.allocations.of(c)) {
    if (a->start > as_of || (a->end && *a->end < as_of)) continue;
    if (a->role == role) found = a;
    if (a->role == WorkerRole::SocialWorker) sw = a;
  }
  if (!found) found = sw;  // a care leaver without a PA: the social worker holds it
  if (!found) return {};
  Assignee out;
  out.worker = found->worker;
  out.team = found->team;
  if (const auto* p = data_.professional(data_.children[c].la, found->worker)) {
    out.name = p->name;
    if (out.team.empty()) out.team = p->team;
  }
  return out;
}

CareLeaver Engine::care_leaver(ChildIndex c, Date as_of) const {
  CareLeaver out;
  const auto& rec = data_.children[c];
  if (!rec.dob) return out;
  const Date dob = *rec.dob;
  const auto& cfg = config_;
  const Date from = model::birthday(dob, cfg.eligibility_from_age);
  const Date at_age = model::birthday(dob, cfg.eligibility_at_age);
  const Date adult = model::birthday(dob, 18);
  const auto& E = data_.episodes;
  const int needed = cfg.eligibility_weeks * 7;
  int counted = 0;
  std::optional<Date> reached;  // the day the weeks since `from` were reached
  std::optional<Date> eligible;
  const std::uint32_t b = rec.episodes.begin, n = rec.episodes.count;
  for (std::uint32_t i = b; i < b + n && !eligible; ++i) {
    if (E.decom[i] > as_of || E.decom[i] >= adult) break;
    if (is_short_break(E.ls[i])) continue;  // a series of short breaks does not count
    Date s = std::max(E.decom[i], from);
    Date e = std::min({E.dec[i], as_of + days{1}, adult});
    if (e <= s) continue;
    int len = static_cast<int>((e - s).count());
    if (!reached && counted + len >= needed) reached = s + days{needed - counted};
    counted += len;
    if (reached) {
      Date d = std::max({*reached, at_age, s});
      if (d < e && d <= as_of) eligible = d;
    }
  }
  if (!eligible) return out;
  out.eligible_from = eligible;
  out.category = "eligible";
  // Left care: the end of the period of care that made the child eligible.
  for (std::uint32_t i = b; i < b + n; ++i) {
    if (E.decom[i] > as_of) break;
    if (E.dec[i] < *eligible) continue;
    Date end = E.dec[i] > as_of ? model::Dataset::kOpen : E.dec[i];
    bool continues = i + 1 < b + n && E.decom[i + 1] == E.dec[i] && E.decom[i + 1] <= as_of;
    if (!continues) {
      if (end != model::Dataset::kOpen) out.left_care = end;
      break;
    }
  }
  bool extended = false;
  for (const auto* st : data_.local_index.care_leaver_status.of(c))
    if (st->date <= as_of && st->support_to_25) extended = *st->support_to_25;
  out.support_until =
      model::birthday(dob, extended ? cfg.extended_support_age : cfg.support_age) - days{1};
  if (out.left_care)
    out.category = *out.left_care < adult && as_of < adult ? "relevant" : "former relevant";
  return out;
}

int Engine::days_overdue(const ItemStatus& s, Date as_of) {
  if (s.status != Status::Overdue || !s.due) return 0;
  return static_cast<int>((as_of - s.due->date).count());
}

}  // namespace hearth::timescales
