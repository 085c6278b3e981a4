// Worklists as a question and its answer, for `hearth worklist` and `GET /api/v1/worklist`
// alike: what is overdue, due soon and done late for a council (or every council), narrowed to
// what the asker may see, a worker, a team, an item, with counts per worker.
// report::worklist_json / worklist_csv render the answer, the same for both.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/snapshot.hpp"
#include "services/snapshot_cache.hpp"
#include "timescales/worklist.hpp"

namespace hearth::services {

struct WorklistQuery {
  std::string la;                    // empty: every council the store holds
  std::string as_of;                 // as given (YYYY-MM-DD); empty: today or the data's date
  std::string as_of_name = "as_of";  // what the asker calls it, for messages ("--as-of")
  std::string scope = "all";         // mine, team or all: named in the answer
  // What the asker may see on the as-of date (the web's access policy for the scope); empty:
  // everything.
  std::function<bool(const timescales::WorkItem&, model::Date)> visible;
  std::string status;  // overdue, due_soon or done_late: only that list (counts stay whole)
  std::string item;    // a statutory item's key, or several separated by commas
  std::string worker;  // prof_professional_id
  std::string team;
  std::optional<int> within;  // due-soon horizon in working days; empty: the configured window
  std::string since;          // done late on or after (YYYY-MM-DD); empty: start of the quarter
  std::string since_name = "since";
  // A page of each list shown (count 0: every item); the counts stay whole.
  std::size_t first = 0, count = 0;
};

// What the asker's whole list (in scope, before the filters) holds, for the filters to offer:
// every item type, worker and team on it, whichever one is chosen.
struct WorklistOptions {
  std::vector<std::pair<std::string, std::string>> items;  // key, title; by title
  std::vector<std::array<std::string, 3>> workers;         // id, name, team; by name
  std::vector<std::string> teams;                          // sorted
};

struct WorkerCounts {
  std::string worker;  // empty: unallocated
  std::string name, team;
  int overdue = 0, due_soon = 0, done_late = 0;
};

struct WorklistSection {
  const char* name;                                // "overdue", "due_soon", "done_late"
  std::vector<const timescales::WorkItem*> items;  // shown (after the status filter)
  int count = 0;                                   // in scope and filters, before it
};

struct WorklistResult {
  std::shared_ptr<const timescales::Worklist> whole;  // what the items point into
  std::string la;                                     // empty: every council
  std::string scope;
  ingest::AsOf as_of;
  std::string status, item, worker, team;  // the filters applied
  std::array<WorklistSection, 3> sections{
      {{"overdue", {}, 0}, {"due_soon", {}, 0}, {"done_late", {}, 0}}};
  std::vector<WorkerCounts> workers;  // by worker id
  std::size_t children = 0;           // children with any item counted
  WorklistOptions options;
  std::size_t first = 0, count = 0;  // the page asked for (count 0: not paged)
};

// Checks the question (no_data, bad_as_of, bad_status, bad_item, bad_since, and — when the
// asker may see the whole service — bad_worker / bad_team for a worker or team the records do
// not know; to anyone narrower an unknown one is an empty list, telling nothing) and answers it. A
// council's whole worklist at an as-of date is kept in the snapshot's cache.
WorklistResult worklist(SnapshotCache& snap, const WorklistQuery& q);

}  // namespace hearth::services
