// GET /metrics (docs/operations.md): the server's request counts and latencies, and what the
// store and the data in use say — active sessions, imports and their outcomes, the snapshot's age
// and load time, validation findings by severity, open and overdue alerts and escalations. Counts
// only: no council, child or user is ever a label. Internal to the web library.
#pragma once

#include <mutex>

#include "http/metrics.hpp"
#include "web/internal.hpp"

namespace hearth::web {

// The findings of the returns in use change only with an import: counted once per import.
struct MetricsMemo {
  std::mutex mu;
  long long import_id = -1;
  std::vector<std::pair<std::string, long long>> findings;
};

// Whether a scrape may read the metrics: with a token, only with it; without one, on the main
// listener only from this machine and not through a proxy (`own_listener`: anyone who reaches
// the listener, which the operator binds to an internal address).
bool metrics_allowed(const Ctx& ctx, const http::Request& req, bool own_listener);
http::Response metrics_reply(Ctx& ctx, MetricsMemo& memo);

}  // namespace hearth::web
