#include "http/metrics.hpp"

#include <fmt/format.h>

#include <cmath>

namespace hearth::http {

std::string metric_label(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string metric_value(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{:.0f}", v);
  return fmt::format("{}", v);  // shortest round-trip
}

void Exposition::family(std::string_view name, std::string_view type, std::string_view help) {
  out_ += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

void Exposition::sample(std::string_view name, const Labels& labels, double value) {
  out_ += name;
  if (!labels.empty()) {
    out_ += '{';
    for (std::size_t i = 0; i < labels.size(); ++i)
      out_ +=
          fmt::format("{}{}=\"{}\"", i ? "," : "", labels[i].first, metric_label(labels[i].second));
    out_ += '}';
  }
  out_ += ' ';
  out_ += metric_value(value);
  out_ += '\n';
}

void RequestMetrics::observe(std::string_view method, std::string_view route, int status,
                             double seconds) {
  static constexpr std::string_view kMethods[] = {"GET",   "HEAD",   "POST",   "PUT",
                                                  "PATCH", "DELETE", "OPTIONS"};
  std::string m = "other";
  for (auto known : kMethods)
    if (method == known) m = std::string(known);
  std::size_t bucket = kBuckets.size();
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) {
      bucket = i;
      break;
    }
  std::lock_guard lk(mu_);
  auto& s = series_[{std::move(m), std::string(route), status}];
  ++s.count;
  s.sum += seconds;
  if (bucket < kBuckets.size()) ++s.buckets[bucket];
}

void RequestMetrics::write(Exposition& out) const {
  std::map<std::tuple<std::string, std::string, int>, Series> copy;
  {
    std::lock_guard lk(mu_);
    copy = series_;
  }
  out.family("hearth_http_requests_total", "counter",
             "Requests answered, by method, route pattern and status.");
  for (const auto& [key, s] : copy) {
    const auto& [method, route, status] = key;
    out.sample("hearth_http_requests_total",
               {{"method", method}, {"route", route}, {"status", std::to_string(status)}},
               static_cast<double>(s.count));
  }
  out.family("hearth_http_request_duration_seconds", "histogram",
             "Time from a request's first bytes to its reply written, by method, route and "
             "status.");
  for (const auto& [key, s] : copy) {
    const auto& [method, route, status] = key;
    Exposition::Labels labels = {
        {"method", method}, {"route", route}, {"status", std::to_string(status)}};
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += s.buckets[i];
      auto l = labels;
      l.emplace_back("le", metric_value(kBuckets[i]));
      out.sample("hearth_http_request_duration_seconds_bucket", l, static_cast<double>(cumulative));
    }
    auto l = labels;
    l.emplace_back("le", "+Inf");
    out.sample("hearth_http_request_duration_seconds_bucket", l, static_cast<double>(s.count));
    out.sample("hearth_http_request_duration_seconds_sum", labels, s.sum);
    out.sample("hearth_http_request_duration_seconds_count", labels, static_cast<double>(s.count));
  }
}

}  // namespace hearth::http
