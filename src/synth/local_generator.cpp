// Synthetic local records: what a council's case-management system would hold about the
// children of the synthetic 903 returns — health assessments, visits, PEPs, pathway plans,
// return home interviews, allocations, care leavers' contacts — done mostly on time but not
// always, so worklists and timeliness figures look like a real council's. See
// docs/synthetic-data.md ("Local records") for the rates.
#include <algorithm>
#include <array>
#include <chrono>
#include <string>

#include "model/calendar.hpp"
#include "model/dataset.hpp"
#include "synth/generator.hpp"
#include "timescales/engine.hpp"

namespace hearth::synth {
namespace {

using namespace std::chrono;
using model::Date;

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int range(int lo, int hi) {  // inclusive
    return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(int per_thousand) { return range(0, 999) < per_thousand; }

 private:
  std::uint64_t s_;
};

std::uint64_t hash_text(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

using model::add_months;

constexpr std::array kFirst{"Amira", "Ben",   "Chloe", "Dev",   "Ella", "Femi", "Grace",
                            "Harry", "Isla",  "Jon",   "Kiran", "Leah", "Marc", "Nadia",
                            "Owen",  "Priya", "Rhys",  "Sana",  "Tom",  "Zoe"};
constexpr std::array kLast{"Adams",  "Begum", "Clarke", "Davies", "Evans", "Fox",    "Green",
                           "Hughes", "Iqbal", "Jones",  "Khan",   "Lewis", "Mensah", "Nolan",
                           "Okafor", "Patel", "Quinn",  "Reid",   "Shah",  "Turner"};
// Children's names: invented, common across England's communities, none a real child's.
constexpr std::array kGirls{"Aaliyah", "Amelia", "Ava",    "Chloe",  "Ella", "Erin", "Fatima",
                            "Freya",   "Grace",  "Hana",   "Imani",  "Isla", "Jade", "Kayla",
                            "Layla",   "Lily",   "Maisie", "Maya",   "Mia",  "Nia",  "Olivia",
                            "Poppy",   "Ruby",   "Sienna", "Sophie", "Zara"};
constexpr std::array kBoys{"Aaron", "Adam",  "Alfie",  "Ayaan",  "Caleb",   "Charlie", "Daniel",
                           "Ethan", "Finn",  "George", "Harvey", "Ibrahim", "Jack",    "Jayden",
                           "Kai",   "Leo",   "Liam",   "Louis",  "Mason",   "Musa",    "Noah",
                           "Oscar", "Reece", "Riley",  "Tyler",  "Yusuf"};
constexpr std::array kFamily{"Ali",     "Bailey",  "Brown",    "Campbell", "Carter",   "Cooper",
                             "Edwards", "Hall",    "Harris",   "Hussain",  "Jackson",  "Kaur",
                             "Kelly",   "Mahmood", "Mitchell", "Morgan",   "Murphy",   "Nowak",
                             "Osei",    "Parker",  "Phillips", "Roberts",  "Robinson", "Singh",
                             "Smith",   "Taylor",  "Thomas",   "Walker",   "Ward",     "Williams",
                             "Wilson",  "Wood",    "Wright",   "Young"};
constexpr std::array kPreferred{"Liv", "Charlie", "Izzy", "Danny", "Jay", "Mo", "Sam", "Alex"};

constexpr std::array kTeams{"Children in Care 1", "Children in Care 2", "Children in Care 3",
                            "Permanence"};
constexpr std::string_view kLeavingCareTeam = "Leaving Care";
constexpr std::string_view kIroTeam = "Independent Reviewing Service";

// A worker's standard of record-keeping: most are timely, some are stretched.
struct Pace {
  int on_time;   // per thousand: done by the due date
  int late_max;  // days late at most when late
};

class LocalGenerator {
 public:
  LocalGenerator(const Options& o, const model::Dataset& data, Date horizon)
      : o_(o), d_(data), horizon_(horizon), engine_(data, timescales::TimescaleConfig{}) {
    out_.la = o.la;
  }

  model::LocalRecords run() {
    for (model::ChildIndex c = 0; c < d_.children.size(); ++c) child(c);
    std::sort(out_.professionals.begin(), out_.professionals.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    return std::move(out_);
  }

 private:
  std::string next_id(std::string_view prefix, std::size_t n) {
    return std::string(prefix) + std::to_string(n + 1);
  }

  void professional(const std::string& id, model::WorkerRole role) {
    for (const auto& p : out_.professionals)
      if (p.id == id) return;
    std::uint64_t h = hash_text(id) ^ o_.seed;
    model::Professional p;
    p.id = id;
    p.name =
        std::string(kFirst[h % kFirst.size()]) + " " + std::string(kLast[(h / 31) % kLast.size()]);
    switch (role) {
      case model::WorkerRole::PersonalAdviser:
        p.job_title = "Personal Adviser";
        p.team = std::string(kLeavingCareTeam);
        break;
      case model::WorkerRole::Iro:
        p.job_title = "Independent Reviewing Officer";
        p.team = std::string(kIroTeam);
        break;
      default:
        p.job_title = "Social Worker";
        p.team = std::string(kTeams[(h / 977) % kTeams.size()]);
    }
    out_.professionals.push_back(std::move(p));
  }

  // Allocates `worker` (a new professional is added) to the child from `start`; the team is the
  // professional's.
  void allocate(const std::string& child, const std::string& worker, model::WorkerRole role,
                Date start, model::OptDate end) {
    professional(worker, role);
    model::Allocation a;
    a.id = next_id("A", out_.allocations.size());
    a.child = child;
    a.worker = worker;
    a.role = role;
    a.team = team_of(worker);
    a.start = start;
    a.end = end;
    out_.allocations.push_back(std::move(a));
  }

  const std::string& team_of(const std::string& worker) {
    for (const auto& p : out_.professionals)
      if (p.id == worker) return p.team;
    static const std::string none;
    return none;
  }

  // A date for an item due on `due`: early or on time with the pace's chance, else late.
  Date when(Rng& r, Date due, int window_days, const Pace& pace) {
    if (r.chance(pace.on_time)) return due - days{r.range(0, std::max(0, window_days))};
    return due + days{r.range(1, pace.late_max)};
  }

  // A made-up name for the child, from its own generator, so adding names left every other
  // record of the synthetic councils as it was.
  void name(model::ChildIndex c) {
    const auto& rec = d_.children[c];
    Rng r(hash_text(rec.child) ^ (o_.seed * 0x9E3779B97F4A7C15ULL) ^ hash_text(o_.la) ^ 0x4E414D45);
    const bool girl = rec.sex == model::Sex::F || rec.sex == model::Sex::Female;
    model::Person p;
    p.child = rec.child;
    p.forename = girl ? kGirls[r.next() % kGirls.size()] : kBoys[r.next() % kBoys.size()];
    p.surname = kFamily[r.next() % kFamily.size()];
    if (r.chance(80)) p.preferred = kPreferred[r.next() % kPreferred.size()];
    out_.people.push_back(std::move(p));
  }

  void child(model::ChildIndex c) {
    name(c);
    const auto& rec = d_.children[c];
    Rng r(hash_text(rec.child) ^ (o_.seed * 0x2545F4914F6CDD1DULL) ^ hash_text(o_.la));
    // Some children's workers are stretched.
    const int kind = r.range(0, 99);
    const Pace pace = kind < 65 ? Pace{880, 20} : kind < 90 ? Pace{700, 45} : Pace{450, 90};
    const auto& E = d_.episodes;
    const std::uint32_t b = rec.episodes.begin, n = rec.episodes.count;
    if (n == 0) return;

    // The end of the child's time in care, when it has ended (by the horizon).
    const model::OptDate care_end =
        E.dec[b + n - 1] != model::Dataset::kOpen && E.dec[b + n - 1] <= horizon_
            ? model::OptDate(E.dec[b + n - 1])
            : std::nullopt;
    // Allocations: the 903's social worker episodes where it has them.
    alloc_begin_ = out_.allocations.size();
    missing_begin_ = out_.missing.size();
    bool any_sw = false;
    for (std::uint32_t si : model::rows(d_.children[c].sw_episodes)) {
      const auto& sw = d_.sw_episodes[si];
      if (sw.row.sw_id.empty()) continue;
      if (sw.row.sw_decom > horizon_) continue;
      // The same episode appears in each year's return: take it once.
      bool dup = false;
      for (std::size_t k = alloc_begin_; k < out_.allocations.size(); ++k)
        if (const auto& a = out_.allocations[k];
            a.child == rec.child && a.worker == sw.row.sw_id && a.start == sw.row.sw_decom)
          dup = true;
      if (dup) continue;
      allocate(rec.child, sw.row.sw_id, model::WorkerRole::SocialWorker, sw.row.sw_decom,
               sw.row.sw_dec);
      any_sw = true;
    }
    if (!any_sw) {
      const int pool = std::max(5, (o_.children + 14) / 15);
      std::string w = "SW" + std::to_string(9000 + static_cast<int>(hash_text(rec.child) % pool));
      allocate(rec.child, w, model::WorkerRole::SocialWorker, E.decom[b], care_end);
    }

    // The independent reviewing officer, for the whole of the child's time in care (chosen by
    // the child's id, not the random stream, so the other records do not change with it).
    {
      const int pool = std::max(3, (o_.children + 59) / 60);
      std::string iro =
          "IRO" + std::to_string(200 + static_cast<int>((hash_text(rec.child) / 7) % pool));
      allocate(rec.child, iro, model::WorkerRole::Iro, E.decom[b], care_end);
    }

    // Periods of care, as the engine counts them.
    std::uint32_t i = b;
    while (i < b + n) {
      std::uint32_t j = i;
      bool short_breaks = E.ls[i] == model::LegalStatus::V3 || E.ls[i] == model::LegalStatus::V4;
      while (j + 1 < b + n && E.decom[j + 1] == E.dec[j]) {
        ++j;
        short_breaks = short_breaks &&
                       (E.ls[j] == model::LegalStatus::V3 || E.ls[j] == model::LegalStatus::V4);
      }
      if (!short_breaks && E.decom[i] <= horizon_) period(r, pace, c, i, j);
      i = j + 1;
    }
    missing(r, c);
    leaving_care(r, pace, c);
    advocacy(c);
  }

  // Advocates asked for now and then, and independent visitors for some children long in care:
  // mostly appointed in time, not always. From its own generator (like names), so the other
  // records of the synthetic councils stayed as they were when these were added.
  void advocacy(model::ChildIndex c) {
    const auto& rec = d_.children[c];
    const auto& E = d_.episodes;
    const auto& cal = model::WorkingDayCalendar::england_and_wales();
    Rng r(hash_text(rec.child) ^ (o_.seed * 0xD1B54A32D192ED03ULL) ^ hash_text(o_.la) ^ 0x41445643);
    static constexpr std::array kWhy{"Complaint",   "Review",    "Placement move",
                                     "Family time", "Care plan", "Child protection meeting",
                                     "School"};
    static constexpr std::array kBy{"Child", "Child", "Social worker", "IRO", "Carer"};
    static constexpr std::array kAdvocacy{"Children's Rights and Advocacy Service",
                                          "Young Voices Advocacy"};
    constexpr std::string_view kVisitors = "Independent Visitor Scheme";
    auto person = [&] {
      return std::string(kFirst[r.next() % kFirst.size()]) + " " +
             std::string(kLast[r.next() % kLast.size()]);
    };
    auto request = [&](model::AdvocacyService s, Date d) -> model::AdvocacyRequest& {
      model::AdvocacyRequest q;
      q.id = next_id("AR", out_.advocacy_requests.size());
      q.child = rec.child;
      q.service = s;
      q.date = d;
      q.requested_by = kBy[r.next() % kBy.size()];
      q.reason = s == model::AdvocacyService::Advocate ? kWhy[r.next() % kWhy.size()]
                                                       : "Someone to visit and befriend";
      out_.advocacy_requests.push_back(std::move(q));
      return out_.advocacy_requests.back();
    };
    auto appoint = [&](const model::AdvocacyRequest& q, Date start, model::OptDate end,
                       std::string_view provider, int visit_days) {
      model::AdvocacyAllocation a;
      a.id = next_id("AA", out_.advocacy_allocations.size());
      a.child = rec.child;
      a.service = q.service;
      a.request = q.id;
      a.advocate = person();
      a.provider = std::string(provider);
      a.start = start;
      a.end = end;
      const Date until = std::min(end.value_or(horizon_), horizon_);
      for (Date v = start + days{r.range(2, 14)}; v <= until;
           v = v + days{visit_days + r.range(-7, 7)})
        out_.advocacy_visits.push_back(
            {next_id("AV", out_.advocacy_visits.size()), rec.child, q.service, v, a.id});
      out_.advocacy_allocations.push_back(std::move(a));
    };
    const std::uint32_t b = rec.episodes.begin, n = rec.episodes.count;
    for (std::uint32_t i = b; i < b + n;) {
      std::uint32_t j = i;
      while (j + 1 < b + n && E.decom[j + 1] == E.dec[j]) ++j;
      const bool short_breaks =
          E.ls[i] == model::LegalStatus::V3 || E.ls[i] == model::LegalStatus::V4;
      const Date start = E.decom[i];
      const Date end = std::min(E.dec[j], horizon_);
      const bool ended = E.dec[j] <= horizon_;
      i = j + 1;
      if (short_breaks || start > horizon_ || end <= start) continue;
      const int span = static_cast<int>((end - start).count());
      // An advocate: about one child in ten each year.
      for (int y = 0; y * 365 < span; ++y) {
        if (!r.chance(100)) continue;
        const Date d = start + days{r.range(y * 365, std::min(span, y * 365 + 364))};
        auto& q = request(model::AdvocacyService::Advocate, d);
        const int roll = r.range(0, 99);
        if (roll < 10) {
          q.closed = cal.add_working_days(d, r.range(2, 10));
          q.closed_reason =
              r.chance(500) ? "Withdrawn by the young person" : "Resolved without an advocate";
          if (*q.closed > horizon_) q.closed.reset(), q.closed_reason.clear();
          continue;
        }
        const Date from = cal.add_working_days(d, roll < 75 ? r.range(0, 5) : r.range(6, 20));
        if (from > horizon_) continue;  // still waiting
        Date to = add_months(from, r.range(1, 4));
        appoint(q, from, to <= horizon_ ? model::OptDate(to) : std::nullopt,
                kAdvocacy[r.next() % kAdvocacy.size()], 21);
      }
      // An independent visitor for some children in care a year or more.
      if (span >= 365 && r.chance(120)) {
        const Date d = start + days{r.range(90, span - 1)};
        auto& q = request(model::AdvocacyService::IndependentVisitor, d);
        if (r.chance(100)) {
          q.closed = d + days{r.range(10, 40)};
          q.closed_reason = "The child did not want a visitor";
          if (*q.closed > horizon_) q.closed.reset(), q.closed_reason.clear();
          continue;
        }
        const Date from = d + days{r.chance(700) ? r.range(20, 88) : r.range(95, 180)};
        if (from > end) continue;  // still waiting, or left care before one was found
        appoint(q, from, ended ? model::OptDate(end) : std::nullopt, kVisitors, 35);
      }
    }
  }

  void period(Rng& r, const Pace& pace, model::ChildIndex c, std::uint32_t first,
              std::uint32_t last) {
    const auto& rec = d_.children[c];
    const auto& E = d_.episodes;
    const auto& cal = model::WorkingDayCalendar::england_and_wales();
    const Date start = E.decom[first];
    const Date end = std::min(E.dec[last], horizon_);
    const std::string& child = rec.child;
    const std::optional<Date> dob = rec.dob;

    auto health = [&](model::HealthCheckType type, Date date) {
      model::HealthCheck h;
      h.id = next_id("H", out_.health_checks.size());
      h.child = child;
      h.type = type;
      h.date = date;
      h.status = r.chance(25) ? model::CheckStatus::Refused : model::CheckStatus::Completed;
      if (type == model::HealthCheckType::Initial && h.status == model::CheckStatus::Refused)
        h.status = model::CheckStatus::Completed;  // an IHA refusal is rare: keep it simple
      h.by = type == model::HealthCheckType::Dental
                 ? "Dentist"
                 : (type == model::HealthCheckType::Initial ? "Paediatrician"
                                                            : "Nurse for children in care");
      if (h.status == model::CheckStatus::Completed && type != model::HealthCheckType::Dental &&
          r.chance(950)) {
        model::Immunisation im;
        im.child = child;
        im.date = date + days{r.range(0, 10)};
        im.up_to_date = r.chance(880);
        if (im.date <= end) out_.immunisations.push_back(im);
      }
      out_.health_checks.push_back(std::move(h));
    };

    // Initial health assessment: the seeds' councils found this the hardest to do on time.
    const Pace iha_pace{std::min(pace.on_time, 550), pace.late_max + 20};
    Date iha = when(r, cal.add_working_days(start, 20), 12, iha_pace);
    if (iha <= end) {
      health(model::HealthCheckType::Initial, iha);
      // Review health assessments.
      Date last_ha = iha;
      for (int k = 0; k < 40; ++k) {
        bool under5 = dob && model::age_on(*dob, last_ha) < 5;
        Date due = add_months(last_ha, under5 ? 6 : 12);
        Date d = when(r, due, 40, pace);
        if (d > end) break;
        health(model::HealthCheckType::Review, d);
        last_ha = d;
      }
    }
    // Dental checks.
    for (Date last_check = start;;) {
      Date d = when(r, add_months(last_check, 12), 60, pace);
      if (d > end) break;
      health(model::HealthCheckType::Dental, d);
      last_check = d;
    }
    // SDQs, ages 4–16.
    if (dob) {
      Date due = std::max(add_months(start, 12), model::birthday(*dob, 4));
      const Date too_old = model::birthday(*dob, 17);
      for (int k = 0; k < 20 && due < too_old; ++k) {
        Date d = when(r, due, 45, pace);
        if (d > end || d >= too_old) break;
        model::SdqScore q;
        q.id = next_id("Q", out_.sdq.size());
        q.child = child;
        q.date = d;
        if (r.chance(70)) {
          q.reason = r.chance(500) ? model::SdqReason::SDQ5 : model::SdqReason::SDQ4;
        } else {
          // Two draws in two statements: in one expression their order is the compiler's
          // (the debug and release builds made different scores from one seed).
          const int first = r.range(0, 20);
          const int second = r.range(0, 20);
          q.score = std::min(40, first + second / 2);
        }
        out_.sdq.push_back(std::move(q));
        due = add_months(d, 12);
      }
    }
    // Personal education plans: initiated, then reviewed each term.
    if (dob) {
      const Date from = std::max(start, model::birthday(*dob, 3));
      const Date until = std::min(end, model::birthday(*dob, 18) - days{1});
      if (from <= until) {
        Date d = when(r, cal.add_working_days(from, 10), 5, pace);
        if (d <= until) {
          out_.peps.push_back({next_id("P", out_.peps.size()), child, d, model::PepKind::Initial});
          // One review in each later term, on a school day in its middle weeks.
          Date t = d;
          for (int k = 0; k < 60; ++k) {
            year_month_day ymd{t};
            int y = static_cast<int>(ymd.year());
            unsigned m = static_cast<unsigned>(ymd.month());
            // the next term's start after t
            Date next;
            if (m >= 9)
              next = model::make_date(y + 1, 1, 1);
            else if (m >= 4)
              next = model::make_date(y, 9, 1);
            else
              next = model::make_date(y, 4, 1);
            if (m == 8) next = model::make_date(y, 9, 1);
            Date review = next + days{r.range(14, 70)};
            if (!r.chance(pace.on_time + 60)) review = review + days{r.range(60, 120)};
            if (review > until) break;
            out_.peps.push_back(
                {next_id("P", out_.peps.size()), child, review, model::PepKind::Review});
            t = review;
          }
        }
      }
    }
    // The care plan and its plan for permanence, by the second review.
    {
      Date d = when(r, add_months(start, 4), 50, pace);
      if (d <= end) {
        static constexpr std::array kPlans{"Return to family", "Long-term fostering",
                                           "Adoption",         "Special guardianship",
                                           "Residential care", "Independence"};
        int age = dob ? model::age_on(*dob, start) : 10;
        std::size_t k = age < 5    ? static_cast<std::size_t>(r.range(0, 3))
                        : age < 14 ? static_cast<std::size_t>(r.range(0, 4))
                                   : static_cast<std::size_t>(r.range(3, 5));
        if (age >= 5 && k == 2) k = 1;
        out_.care_plans.push_back(
            {next_id("C", out_.care_plans.size()), child, start,
             E.dec[last] <= horizon_ ? std::optional(E.dec[last]) : std::nullopt, ""});
        out_.care_plans.push_back(
            {next_id("C", out_.care_plans.size()), child, d, std::nullopt, kPlans[k]});
      }
    }
    // Statutory visits, placement by placement.
    for (std::uint32_t e = first; e <= last; ++e) {
      bool fresh = e == first || E.rne[e] == model::ReasonNewEpisode::P ||
                   E.rne[e] == model::ReasonNewEpisode::U;
      if (!fresh) continue;
      std::uint32_t stop = e;
      while (stop + 1 <= last && E.rne[stop + 1] != model::ReasonNewEpisode::P &&
             E.rne[stop + 1] != model::ReasonNewEpisode::U)
        ++stop;
      const Date pl_start = E.decom[e];
      const Date pl_end = std::min(stop == last ? end : E.decom[stop + 1], horizon_);
      const bool long_term =
          E.place[stop] == model::PlacementType::U1 || E.place[stop] == model::PlacementType::U4;
      Date v = when(r, pl_start + days{7}, 6, pace);
      const std::string worker = worker_on(rec.child, v);
      for (int k = 0; k < 400 && v <= pl_end; ++k) {
        model::Visit visit;
        visit.id = next_id("V", out_.visits.size());
        visit.child = child;
        visit.date = v;
        visit.seen = !r.chance(20);
        bool old_enough = !dob || model::age_on(*dob, v) >= 4;
        visit.seen_alone = *visit.seen && old_enough ? std::optional(r.chance(720)) : false;
        visit.worker = worker_on(rec.child, v);
        out_.visits.push_back(std::move(visit));
        bool after_year = v >= add_months(pl_start, 12);
        int interval = after_year && long_term ? 91 : 42;
        v = when(r, v + days{interval}, interval / 3, pace);
      }
    }
  }

  std::string worker_on(const std::string& child, Date d) const {
    std::string w;
    for (std::size_t k = alloc_begin_; k < out_.allocations.size(); ++k)
      if (const auto& a = out_.allocations[k]; a.child == child &&
                                               a.role != model::WorkerRole::Iro && a.start <= d &&
                                               (!a.end || *a.end >= d))
        w = a.worker;
    return w;
  }

  void missing(Rng& r, model::ChildIndex c) {
    const auto& rec = d_.children[c];
    for (std::uint32_t mi : model::rows(d_.children[c].missing)) {
      const auto& m = d_.missing[mi];
      if (m.row.mis_start > horizon_) continue;
      bool dup = false;
      for (std::size_t k = missing_begin_; k < out_.missing.size(); ++k)
        if (const auto& x = out_.missing[k];
            x.child == rec.child && x.start.date == m.row.mis_start)
          dup = true;
      if (dup) continue;
      model::MissingRecord x;
      x.id = next_id("M", out_.missing.size());
      x.child = rec.child;
      x.start = {m.row.mis_start, static_cast<std::int16_t>(r.range(15 * 60, 23 * 60 + 59))};
      x.type = m.row.missing;
      if (m.row.mis_end) {
        int minute = r.range(0, 23 * 60 + 59);
        if (*m.row.mis_end == m.row.mis_start && minute <= x.start.minute)
          minute = std::min(23 * 60 + 59, x.start.minute + r.range(30, 300));
        x.end = model::DateTime{*m.row.mis_end, static_cast<std::int16_t>(minute)};
        x.rhi_offered = !r.chance(40);
        if (*x.rhi_offered) {
          x.rhi_accepted = !r.chance(150);
          if (*x.rhi_accepted) {
            int hours = r.chance(860) ? r.range(4, 71) : r.range(73, 240);
            int total = x.end->minute + hours * 60;
            model::DateTime held{x.end->date + days{total / (24 * 60)},
                                 static_cast<std::int16_t>(total % (24 * 60))};
            if (held.date <= horizon_) x.rhi_date = held;
          }
        }
      }
      out_.missing.push_back(std::move(x));
    }
  }

  void leaving_care(Rng& r, const Pace& pace, model::ChildIndex c) {
    const auto& rec = d_.children[c];
    auto cl = engine_.care_leaver(c, horizon_);
    if (!cl.eligible_from || !rec.dob) return;
    const Date dob = *rec.dob;
    const Date eligible = *cl.eligible_from;
    // Some ask for support to 25; the rest are supported to 21.
    const bool extended = r.chance(300);
    const Date support_until = model::birthday(dob, extended ? 25 : 21) - days{1};
    const Date until = std::min(horizon_, support_until);
    // Pathway plan and reviews.
    Date plan = when(r, add_months(eligible, 3), 45, pace);
    for (int k = 0; k < 30 && plan <= until; ++k) {
      out_.pathway_plans.push_back(
          {next_id("PP", out_.pathway_plans.size()), rec.child, plan,
           k == 0 ? model::PathwayKind::Plan : model::PathwayKind::Review});
      plan = when(r, add_months(plan, 6), 40, pace);
    }
    // The personal adviser, allocated on becoming eligible — or some weeks after.
    Date pa_start = when(r, eligible, 0, pace);
    std::string pa;
    if (pa_start <= until) {
      pa = "PA" + std::to_string(100 + static_cast<int>(hash_text(rec.child) % 12));
      allocate(rec.child, pa, model::WorkerRole::PersonalAdviser, pa_start,
               support_until <= horizon_ ? model::OptDate(support_until) : std::nullopt);
    }
    if (!cl.left_care) return;
    const Date left = *cl.left_care;
    // Contacts every few weeks.
    for (Date d = when(r, left + days{56}, 40, pace); d <= until;
         d = when(r, d + days{56}, 40, pace)) {
      static constexpr std::array kTypes{"Visit", "Visit", "Phone", "Video", "Message"};
      out_.contacts.push_back({next_id("CL", out_.contacts.size()), rec.child, d,
                               kTypes[static_cast<std::size_t>(r.range(0, 4))], pa});
    }
    // Circumstances recorded every six months or so, with the odd move of home.
    static constexpr std::array kAccom{model::Accommodation::B1, model::Accommodation::D1,
                                       model::Accommodation::E1, model::Accommodation::U1,
                                       model::Accommodation::K1, model::Accommodation::Z1,
                                       model::Accommodation::T1};
    static constexpr std::array kActiv{
        model::Activity::F1, model::Activity::F2, model::Activity::F4, model::Activity::F5,
        model::Activity::P5, model::Activity::G5, model::Activity::G4, model::Activity::G6};
    auto accom = kAccom[static_cast<std::size_t>(r.range(0, 6))];
    for (Date d = left; d <= until; d = add_months(d, 6) + days{r.range(-20, 20)}) {
      if (r.chance(250)) accom = kAccom[static_cast<std::size_t>(r.range(0, 6))];
      model::CareLeaverStatus s;
      s.id = next_id("S", out_.care_leaver_status.size());
      s.child = rec.child;
      s.date = d;
      s.in_touch = model::InTouch::YES;
      s.activity = kActiv[static_cast<std::size_t>(r.range(0, 7))];
      s.accommodation = accom;
      s.accommodation_suitable = !r.chance(90);
      if (d >= model::birthday(dob, 21) - days{90}) s.support_to_25 = extended;
      out_.care_leaver_status.push_back(std::move(s));
    }
    // Staying put with former foster carers for some who left at 18.
    const Date eighteen = model::birthday(dob, 18);
    if (left >= eighteen - days{3} && left <= eighteen + days{3} && r.chance(250)) {
      Date end = add_months(left, r.range(6, 36));
      out_.staying_put.push_back({next_id("SP", out_.staying_put.size()), rec.child, left,
                                  end <= horizon_ ? std::optional(end) : std::nullopt});
    }
  }

  const Options& o_;
  const model::Dataset& d_;
  Date horizon_;
  timescales::Engine engine_;
  model::LocalRecords out_;
  std::size_t alloc_begin_ = 0;    // the current child's first allocation
  std::size_t missing_begin_ = 0;  // and missing record
};

}  // namespace

model::LocalRecords generate_local(const Options& options,
                                   const std::vector<model::Return>& returns) {
  model::Dataset data = model::Dataset::build(returns);
  Date horizon = model::make_date(options.last_year, 3, 31);
  return LocalGenerator(options, data, horizon).run();
}

}  // namespace hearth::synth
