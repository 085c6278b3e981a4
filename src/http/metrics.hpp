// Monitoring in the Prometheus text format (docs/operations.md): every request the server answers
// counted and timed by method, route and status — the route's pattern ("/api/v1/children/{id}"),
// never the path a client sent, so the series stay few — and helpers to write any family.
// Thread-safe: the server's I/O threads observe at once.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace hearth::http {

inline constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

// A label's value escaped for the text format (backslash, double quote, newline).
std::string metric_label(std::string_view v);
// A sample's value: integers as such, others to round-trip precision, "+Inf", "NaN".
std::string metric_value(double v);

// Appends families to one exposition, each "# HELP" and "# TYPE" once.
class Exposition {
 public:
  using Labels = std::vector<std::pair<std::string, std::string>>;
  // Starts a family ("counter", "gauge", "histogram").
  void family(std::string_view name, std::string_view type, std::string_view help);
  void sample(std::string_view name, const Labels& labels, double value);
  void sample(std::string_view name, double value) { sample(name, {}, value); }
  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class RequestMetrics {
 public:
  // Upper bounds of the latency buckets, seconds (then +Inf).
  static constexpr std::array<double, 12> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                      0.5,   1,    2.5,   5,    10,  30};
  // method: as sent (anything but the usual methods counts as "other"); route: the pattern, or
  // "static", "unmatched", "invalid".
  void observe(std::string_view method, std::string_view route, int status, double seconds);
  // hearth_http_requests_total and hearth_http_request_duration_seconds.
  void write(Exposition& out) const;

 private:
  struct Series {
    std::uint64_t count = 0;
    double sum = 0;
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // not cumulative
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, Series> series_;
};

}  // namespace hearth::http
