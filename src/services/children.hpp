// Children as questions and their answers, for the CLI and the API alike: the list a user may
// see (searched and filtered, a page of it), and one child's journey — where they are, who works
// with them, their statutory items and their findings in every stored return. Who may see which
// child is the access policy's decision (the web passes it as `visible`); who is allocated to a
// child on a date, which that decision reads, is worked out here once. report/child.hpp renders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/snapshot.hpp"
#include "services/errors.hpp"
#include "services/findings.hpp"
#include "services/snapshot_cache.hpp"
#include "store/return_store.hpp"
#include "timescales/engine.hpp"

namespace hearth::services {

enum class CareStatus { LookedAfter, CareLeaver, LeftCare };
std::string_view care_status_name(CareStatus s);  // looked_after, care_leaver, left_care

// Who is allocated to a child on a date: workers (social workers, personal advisers…), their
// teams, and independent reviewing officers, from the local records' allocations.
struct Allocated {
  std::vector<std::string> workers, teams, iros;
};
Allocated allocated_on(const model::Dataset& data, model::ChildIndex c, model::Date day);

// A child on a date: in care or not, and who their worker is (a care leaver's personal adviser).
struct ChildSummary {
  model::ChildIndex index = 0;
  CareStatus status = CareStatus::LeftCare;
  std::optional<std::uint32_t> episode;  // the episode open on the date
  timescales::Assignee worker;
  int overdue = 0;  // statutory items overdue that someone can act on
};
ChildSummary child_summary(const SnapshotCache& snap, model::ChildIndex c, model::Date as_of);

struct ChildrenQuery {
  std::string la;                       // the council (required)
  std::string status = "looked_after";  // looked_after, care_leaver, left_care or all
  std::string q;                        // part of the CHILD identifier, any case
  std::string team, worker;             // only this team's or worker's children
  std::size_t first = 0, count = 50;    // the page
  // Whether the asker may see the child, on the snapshot's date; empty: every child.
  std::function<bool(model::ChildIndex, model::Date)> visible;
};

struct ChildrenResult {
  std::string la, status, q;
  model::Date as_of{};              // today (the timescales' default date), which the list is as at
  std::vector<ChildSummary> items;  // the page
  std::size_t total = 0;            // every child that matched
};

// Checks the question (bad_status, bad_q: a search over 100 characters) and answers it.
ChildrenResult children(const SnapshotCache& snap, const ChildrenQuery& q);

// The child with CHILD identifier `id` in the first of `councils` that holds one, or not_found
// (the same answer whether the identifier exists elsewhere or not at all).
model::ChildIndex find_child(const model::Dataset& data, const std::vector<std::string>& councils,
                             const std::string& id);

struct JourneyQuery {
  model::ChildIndex child = 0;
  ingest::AsOf as_of;    // resolved (services::resolve_as_of, AsOfUse::Timescales)
  bool findings = true;  // read the child's findings from the stored returns
};

struct Journey {
  model::ChildIndex index = 0;
  ingest::AsOf as_of;
  ChildSummary summary;
  std::vector<timescales::ItemStatus> items;  // the statutory items on the date
  bool upn_known = false;                     // a UPN other than UN1 ("not known")
  // The child's reviewing officer on the date, when one is allocated on the data's date.
  std::optional<timescales::Assignee> iro;
  std::vector<YearFindings> findings;  // oldest year first; empty unless asked for
};

// The refusal a child the asker may not see gets: the same as for one that does not exist.
Error no_child(const std::string& id);

Journey journey(SnapshotCache& snap, store::ReturnStore& st, const JourneyQuery& q);

}  // namespace hearth::services
