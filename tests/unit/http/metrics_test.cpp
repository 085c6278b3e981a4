// The Prometheus text format as Hearth writes it (docs/operations.md): labels escaped, values
// written so they read back, histograms cumulative with +Inf equal to the count, and every request
// counted once whichever thread observes it.
#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>
#include <vector>

namespace hearth::http {
namespace {

TEST(Metrics, LabelsAreEscapedAndValuesReadBack) {
  EXPECT_EQ(metric_label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
  EXPECT_EQ(metric_value(3), "3");
  EXPECT_EQ(metric_value(0.005), "0.005");
  EXPECT_EQ(metric_value(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(metric_value(1.0 / 0.0), "+Inf");
  Exposition e;
  e.family("x_total", "counter", "Things.");
  e.sample("x_total", {{"route", "/a/{id}"}, {"status", "200"}}, 2);
  EXPECT_EQ(e.text(),
            "# HELP x_total Things.\n# TYPE x_total counter\nx_total{route=\"/a/{id}\","
            "status=\"200\"} 2\n");
}

TEST(Metrics, HistogramsAreCumulativeAndCountEveryRequestOnce) {
  RequestMetrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&m] {
      for (int i = 0; i < 5000; ++i) m.observe("GET", "/a/{id}", 200, i % 2 ? 0.002 : 0.2);
    });
  for (auto& t : threads) t.join();
  m.observe("BREW", "unmatched", 404, 0.001);
  m.observe("GET", "/a/{id}", 200, 100);  // beyond every bucket
  Exposition e;
  m.write(e);
  const std::string& t = e.text();
  auto has = [&](const std::string& line) { return t.find(line + "\n") != std::string::npos; };
  EXPECT_TRUE(
      has("hearth_http_requests_total{method=\"GET\",route=\"/a/{id}\",status=\"200\"} 40001"));
  EXPECT_TRUE(
      has("hearth_http_requests_total{method=\"other\",route=\"unmatched\",status=\"404\"} 1"));
  const std::string b =
      "hearth_http_request_duration_seconds_bucket{method=\"GET\",route=\"/a/"
      "{id}\",status=\"200\",";
  EXPECT_TRUE(has(b + "le=\"0.005\"} 20000"));
  EXPECT_TRUE(has(b + "le=\"0.1\"} 20000"));
  EXPECT_TRUE(has(b + "le=\"0.25\"} 40000"));
  EXPECT_TRUE(has(b + "le=\"30\"} 40000"));
  EXPECT_TRUE(has(b + "le=\"+Inf\"} 40001"));
  EXPECT_TRUE(
      has("hearth_http_request_duration_seconds_count{method=\"GET\",route=\"/a/"
          "{id}\",status=\"200\"} 40001"));
  // One HELP and one TYPE per family.
  std::istringstream in(t);
  std::string line;
  int types = 0;
  while (std::getline(in, line)) types += line.rfind("# TYPE ", 0) == 0;
  EXPECT_EQ(types, 2);
}

}  // namespace
}  // namespace hearth::http
