// 903 validation speed, as docs/performance.md reports it (median of runs, wall time):
//   one council-year of ~1,000 children in care, with its previous year: every rule
//   all 153 synthetic councils, one year each with the previous year, run per council
//   a folder of 903 CSVs (e.g. the sector validator's tests/fake_data): read + validate
// Usage: bench_validation [--folder PATH --year 2017-18 --rules 2025-26] [--runs N]
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "synth/generator.hpp"
#include "validation/load.hpp"
#include "validation/validate.hpp"

using namespace hearth;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::size_t rows(const validation::ReturnTables& d) {
  std::size_t n = 0;
  for (const auto& t : d.current)
    if (t) n += t->size();
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::string folder, year = "2017-18", rules = "2025-26";
  int runs = 11;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--folder")) folder = argv[i + 1];
    if (!std::strcmp(argv[i], "--year")) year = argv[i + 1];
    if (!std::strcmp(argv[i], "--rules")) rules = argv[i + 1];
    if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
  }
  if (!folder.empty()) {
    std::vector<double> read_ms, check_ms;
    std::size_t findings = 0, run = 0, n = 0;
    for (int r = 0; r < runs; ++r) {
      auto t0 = Clock::now();
      ssda903::ReadReport report;
      auto y = *model::CollectionYear::parse(year);
      auto loaded = validation::read_for_validation(folder, std::nullopt, y, "000", report);
      read_ms.push_back(ms_since(t0));
      validation::Options o;
      o.rule_year = model::CollectionYear::parse(rules)->end_year;
      auto t1 = Clock::now();
      auto result = validation::validate(loaded.data, o);
      check_ms.push_back(ms_since(t1));
      findings = result.findings.size();
      run = result.rules_run;
      n = rows(loaded.data);
    }
    fmt::print(
        "folder {}: {} rows; read {:.1f} ms, validate {:.1f} ms ({} rules run, {} findings)\n",
        folder, n, median(read_ms), median(check_ms), run, findings);
    return 0;
  }

  // One council of about 1,000 children in care, two years.
  {
    synth::Options o;
    o.children = 1000;
    o.years = 2;
    o.seed = 7;
    o.la = "887";
    o.last_year = 2026;
    auto returns = synth::generate(o);
    auto data = validation::ReturnTables::from_return(returns[1], &returns[0]);
    std::vector<double> ms;
    validation::Result result;
    for (int r = 0; r < runs; ++r) {
      auto t = Clock::now();
      result = validation::validate(data);
      ms.push_back(ms_since(t));
    }
    fmt::print(
        "council-year: {} children in the Header, {} rows; {} rules run: median {:.1f} ms "
        "(min {:.1f}, max {:.1f}) over {} runs\n",
        data.get(ssda903::TableKind::Header)->size(), rows(data), result.rules_run, median(ms),
        *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()), runs);
  }

  // All 153 councils, one year each (with the previous year), validated one council at a time.
  {
    std::vector<validation::ReturnTables> all;
    std::size_t n = 0;
    for (const auto& c : synth::national_councils()) {
      synth::Options o;
      o.children = c.children_looked_after;
      o.years = 2;
      o.la = c.la;
      o.last_year = 2026;
      auto returns = synth::generate(o);
      all.push_back(validation::ReturnTables::from_return(returns[1], &returns[0]));
      n += all.back().get(ssda903::TableKind::Header)->size();
    }
    std::vector<double> ms;
    for (int r = 0; r < std::max(1, runs / 4); ++r) {
      auto t = Clock::now();
      for (const auto& d : all) validation::validate(d);
      ms.push_back(ms_since(t));
    }
    fmt::print(
        "national: {} councils, {} children in the Headers: median {:.0f} ms for all, one "
        "council at a time on one core\n",
        all.size(), n, median(ms));
  }
  return 0;
}
