// The snapshot the engines read: every council's children and their journeys, merged across
// collection years and held in memory, immutable once built. Engines never talk SQL.
//
// Merging years (docs/data-formats.md, "Merging returns"): a return holds every row open in its
// year, so one episode appears in each year it spans. The latest year's copy of a row wins, keyed
// as the DfE keys it (episode: CHILD + DECOM; review: CHILD + REVIEW; missing: CHILD + MIS_START;
// social worker: CHILD + SW_DECOM + SW_ID; DoLo: CHILD + DOLO_START; placed for adoption: CHILD +
// DATE_PLACED). An older return's row that reaches into a newer return's year (still open, or
// dated in it) is dropped when the newer return holds the child and sent rows in that table but
// not this row: it corrected or deleted it. Rows that ended before the newer year are kept. The
// newest header wins (and its DOB and sex replace the copies other tables repeat); UASC is one row
// per child, the newest. Year outcomes (OC2, OC3, AD1, PrevPerm) are kept per year, one row per
// child and year. Which tables each return sent rows in is kept, so a table not sent is no data.
//
// Layout: the hot, numerous tables (episodes, reviews) are columnar — one vector per column,
// rows grouped by child and sorted by date — with postcodes and URNs interned; the rest are
// row vectors carrying the child's index.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <ranges>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/finding.hpp"
#include "model/journey.hpp"
#include "model/local.hpp"

namespace hearth::model {

using ChildIndex = std::uint32_t;

// Strings that repeat (postcodes, URNs, worker ids) stored once.
class StringPool {
 public:
  std::uint32_t intern(std::string_view s);
  std::string_view get(std::uint32_t id) const { return strings_[id]; }
  std::size_t size() const { return strings_.size(); }
  std::size_t memory_bytes() const;

 private:
  std::deque<std::string> strings_{std::string()};  // id 0 is the empty string; a deque
                                                    // never moves its elements, so views stay valid
  std::unordered_map<std::string_view, std::uint32_t> index_;
};

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t count = 0;
  bool operator==(const Span&) const = default;
};
// The row numbers of a span, for a range-for.
inline auto rows(Span s) {
  return std::views::iota(s.begin, s.begin + s.count);
}

// A period of care, as the DfE counts them: episodes joined where one ends on the day the next
// begins. Short breaks (LS V3/V4) followed straight by full-time care are a period of their own,
// so care counts from the first full-time episode.
struct PeriodOfCare {
  Date start{};
  Date end{};                         // the last episode's DEC; Dataset::kOpen while looked after
  std::uint32_t first = 0, last = 0;  // rows in Dataset::episodes
  bool short_breaks = false;          // every episode is a short break
  bool operator==(const PeriodOfCare&) const = default;
};

struct ChildRecord {
  std::string la;
  std::string child;  // CHILD
  std::optional<Sex> sex;
  OptDate dob;
  std::optional<Ethnicity> ethnic;
  std::string upn;
  std::optional<bool> mother;
  OptDate mc_dob;
  int first_year = 0;  // collection years in which the child appears
  int last_year = 0;
  Span episodes;  // rows in Dataset::episodes, by DECOM
  Span reviews;   // rows in Dataset::reviews, by REVIEW date
  Span periods;   // rows in Dataset::periods, by start
  // The child's rows in each year table (by date or collection year).
  Span missing, sw_episodes, uasc, oc2, oc3, ad1;
  bool operator==(const ChildRecord&) const = default;
};

struct EpisodeColumns {
  std::vector<ChildIndex> child;
  std::vector<Date> decom;
  std::vector<Date> dec;  // kOpen when the episode had not ended
  std::vector<std::optional<ReasonNewEpisode>> rne;
  std::vector<std::optional<LegalStatus>> ls;
  std::vector<std::optional<CategoryOfNeed>> cin;
  std::vector<std::optional<PlacementType>> place;
  std::vector<std::optional<PlacementProvider>> place_provider;
  std::vector<std::optional<ReasonEpisodeCeased>> rec;
  std::vector<std::optional<ReasonPlaceChange>> reason_place_change;
  std::vector<std::uint32_t> home_post, pl_post, urn;  // StringPool ids
  std::size_t size() const { return child.size(); }
};

struct ReviewColumns {
  std::vector<ChildIndex> child;
  std::vector<Date> review;
  std::vector<std::optional<ReviewParticipation>> review_code;
  std::size_t size() const { return child.size(); }
};

std::string_view table_name(Table t);  // the DfE's name: "Header", "Episodes", "OC2", ...
// The tables a return has no rows in: to report at import (a table not sent is no data, not 0).
std::vector<Table> tables_without_rows(const Return& r);
// One warning finding ("ingest.table-not-sent") for each table the return has no rows in, saying
// what Hearth will show for it; for the import to add to its report.
std::vector<Finding> table_findings(const Return& r);

// A year's outcome row, with the child and collection year it belongs to.
template <class R>
struct YearRow {
  ChildIndex child;
  int year;
  R row;
  bool operator==(const YearRow&) const = default;
};

// Rows of one kind of local record grouped by child: of(c) is child c's rows, sorted by date.
template <class T>
struct PerChild {
  std::vector<const T*> rows;
  std::vector<std::uint32_t> offsets;  // children + 1 entries
  std::span<const T* const> of(ChildIndex c) const {
    if (offsets.empty()) return {};
    return {rows.data() + offsets[c], rows.data() + offsets[c + 1]};
  }
};

// The local records indexed by child (rows whose child is in no 903 return are counted in
// `unmatched` and left out), and which kinds each council has sent at all.
struct LocalIndex {
  PerChild<Allocation> allocations;  // by start
  PerChild<HealthCheck> health_checks;
  PerChild<Immunisation> immunisations;
  PerChild<SdqScore> sdq;
  PerChild<Pep> peps;
  PerChild<PathwayPlan> pathway_plans;
  PerChild<CarePlan> care_plans;  // by start
  PerChild<Visit> visits;
  PerChild<LocalReview> reviews;
  PerChild<MissingRecord> missing;  // by start
  PerChild<CareLeaverContact> contacts;
  PerChild<CareLeaverStatus> care_leaver_status;
  PerChild<StayingPut> staying_put;  // by start
  PerChild<AdvocacyRequest> advocacy_requests;
  PerChild<AdvocacyAllocation> advocacy_allocations;  // by start
  PerChild<AdvocacyVisit> advocacy_visits;
  std::vector<const Person*> people;  // by child: their name, or nullptr
  std::size_t unmatched = 0;
};

// What a child said, as the figures need it (the Board's "Listening to you" measures): when,
// whether they felt unsafe, when they were first answered. Never the words (store/voice_store.hpp
// keeps those, sealed).
struct StatementFact {
  std::string la;
  std::string child;
  Date made{};  // on the clock in England
  std::string mood;
  std::string topic;
  std::string source;  // "hearth" or the app it came from
  bool unsafe = false;
  OptDate first_reply;

  // Whether it was first answered within `within` working days of the day it was made, as
  // known at the end of `to`: nothing while it is still inside its days and unanswered (not yet
  // due, so neither on time nor late). The one rule the indicator and "Listening to you" share.
  std::optional<bool> answered_in_time(Date to, int within = 5) const;
};

// A challenge card to the Board, as the figures need it: when it was raised and when its "You
// said, we did" answer was approved (days in England). Never the words, never who raised it.
struct CardFact {
  std::string la;
  Date raised{};
  OptDate answered;
};

class Dataset {
 public:
  Dataset() = default;
  Dataset(Dataset&&) = default;
  Dataset& operator=(Dataset&&) = default;
  // The local index points into `local`: a copy would point into the original.
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;

  static constexpr Date kOpen = Date::max();

  // Builds a dataset from returns in any order.
  static Dataset build(const std::vector<Return>& returns);
  // Makes the (la, CHILD) index again from `children` (a dataset read back whole builds no
  // index of its own: model/dataset_codec.hpp).
  void index_children();
  // Takes each council's local records and indexes them by child.
  void attach_local(std::vector<LocalRecords> records);
  // Takes the children's statements (facts only) and indexes them by child.
  void attach_statements(std::vector<StatementFact> facts);
  // Takes the challenge cards (facts only), by the day raised.
  void attach_cards(std::vector<CardFact> facts);

  std::vector<ChildRecord> children;
  EpisodeColumns episodes;
  ReviewColumns reviews;
  std::vector<PeriodOfCare> periods;  // grouped by child (ChildRecord::periods)
  std::vector<YearRow<MissingEpisode>> missing;
  std::vector<YearRow<SocialWorkerEpisode>> sw_episodes;
  std::vector<YearRow<Uasc>> uasc;
  std::vector<YearRow<Oc2>> oc2;
  std::vector<YearRow<Oc3>> oc3;
  std::vector<YearRow<Ad1>> ad1;
  std::vector<YearRow<PlacedAdoption>> placed_adoption;
  std::vector<YearRow<PrevPerm>> prev_perm;
  std::vector<YearRow<DeprivationOfLiberty>> dolo;
  StringPool strings;
  std::vector<std::string> councils;                 // LA codes present, sorted
  std::vector<std::pair<std::string, int>> returns;  // (la, year) present
  std::vector<std::uint32_t> return_tables;          // parallel: bit Table set when it had rows
  std::vector<LocalRecords> local;                   // by council, sorted by la
  LocalIndex local_index;
  std::vector<StatementFact> statements;                  // in date order
  std::vector<std::vector<std::uint32_t>> statements_of;  // by child: indexes into statements
  std::vector<CardFact> cards;                            // by the day raised

  // The council's local records, or nullptr when it has sent none.
  const LocalRecords* local_of(std::string_view la) const;
  // The child's name as the council's local records give it, or nullptr.
  const Person* person(ChildIndex c) const {
    return c < local_index.people.size() ? local_index.people[c] : nullptr;
  }
  // "Olivia Smith", or "" when the records have no name for the child.
  std::string full_name(ChildIndex c) const {
    const Person* p = person(c);
    if (!p) return {};
    return p->forename.empty()  ? p->surname
           : p->surname.empty() ? p->forename
                                : p->forename + " " + p->surname;
  }
  // A worker's details, when the council's professionals table names them.
  const Professional* professional(std::string_view la, std::string_view id) const;

  // Whether the council's return for `year` is stored and has rows in table `t`.
  bool has_rows(std::string_view la, int year, Table t) const;
  // Index of (la, CHILD), if present.
  std::optional<ChildIndex> find_child(std::string_view la, std::string_view child) const;
  // Children with an episode open on `day` (the DfE's "looked after on 31 March" count when
  // day is 31 March), optionally for one council.
  std::size_t looked_after_on(Date day, std::string_view la = {}) const;
  // An estimate of the heap the dataset holds, in bytes.
  std::size_t memory_bytes() const;

 private:
  std::unordered_map<std::string, ChildIndex> child_index_;             // key: la + '\x1f' + CHILD
  std::unordered_map<std::string, const Professional*> professionals_;  // key: la + '\x1f' + id
};

}  // namespace hearth::model
