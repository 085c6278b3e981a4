// The Board's scorecard as a question and its answer, for the CLI (`hearth scorecard`) and the
// API (`GET /api/v1/scorecard`) alike: the same question gives the same Scorecard, and
// report::scorecard_json the same document.
#pragma once

#include <string>
#include <vector>

#include "indicators/scorecard.hpp"
#include "ingest/snapshot.hpp"
#include "services/snapshot_cache.hpp"

namespace hearth::services {

struct ScorecardQuery {
  std::string la;                    // empty: the store's one council
  std::string la_name = "la";        // what the asker calls it, for messages ("--la")
  std::string as_of;                 // as given (YYYY-MM-DD); empty: today or the data's date
  std::string as_of_name = "as_of";  // what the asker calls it, for messages ("--as-of")
  std::string period = "quarter";    // month, quarter or year
  std::string period_name = "period";
  bool suppress = false;  // small numbers shown as "c"
  bool breakdowns = true;
  std::vector<std::string> only;  // indicator keys; empty: every indicator
};

// A question checked and its date resolved: everything the answer depends on, and so the key a
// rendered answer can be kept under.
struct ScorecardPlan {
  std::string la;
  ingest::AsOf as_of;
  indicators::ScorecardOptions options;
  std::string key;
};

// Checks the question: bad_period, bad_la (several councils and none chosen), no_data (a council
// with no returns), bad_as_of (not a date, after today, before the council's first return),
// bad_indicator (an indicator that does not exist).
ScorecardPlan plan_scorecard(const SnapshotCache& snap, const ScorecardQuery& q);
indicators::Scorecard build_scorecard(const SnapshotCache& snap, const ScorecardPlan& plan);
inline indicators::Scorecard scorecard(const SnapshotCache& snap, const ScorecardQuery& q) {
  return build_scorecard(snap, plan_scorecard(snap, q));
}

}  // namespace hearth::services
