// Scorecard benchmarks (results in docs/performance.md):
//   one council (the demo council: 480 children in care, 5 years of returns, local records) —
//   every indicator for each of 20 quarters, target <= 100 ms; and the full scorecard (current
//   quarter with 8-quarter and 5-year trends, 8 breakdowns, comparators);
//   the national synthetic set (153 councils, one year each, with local records) — every
//   council's full scorecard, target <= 3 s.
// Each iteration builds the indicators engine, which runs the timescales engine once.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

#include "indicators/scorecard.hpp"
#include "model/dataset.hpp"
#include "synth/generator.hpp"
#include "synthetic_world.hpp"
#include "timescales/engine.hpp"

namespace {

using namespace hearth;

const model::Date kAsOf = model::make_date(2026, 3, 31);

using bench::council;
using bench::national;
using bench::World;
const indicators::ReferenceData& reference() {
  static indicators::ReferenceData r =
      indicators::ReferenceData::load(indicators::ReferenceData::default_folder());
  return r;
}

void BM_CouncilAllIndicatorsTwentyQuarters(benchmark::State& state) {
  const auto& w = council();
  timescales::Engine ts(*w.data, timescales::TimescaleConfig{});
  const auto quarters = indicators::periods_to(kAsOf, indicators::PeriodKind::Quarter, 20);
  std::size_t values = 0;
  for (auto _ : state) {
    indicators::Engine engine(*w.data, ts, reference(), "887", kAsOf);
    values = 0;
    for (const auto& ind : indicators::all_indicators())
      for (const auto& q : quarters) {
        auto v = engine.value(ind, engine.cohort(ind, q));
        benchmark::DoNotOptimize(v.value);
        ++values;
      }
  }
  state.counters["values"] = static_cast<double>(values);
}
BENCHMARK(BM_CouncilAllIndicatorsTwentyQuarters)->Unit(benchmark::kMillisecond);

void full_scorecards(benchmark::State& state, const World& w) {
  timescales::Engine ts(*w.data, timescales::TimescaleConfig{});
  const auto config = indicators::ScorecardConfig::defaults();
  indicators::ScorecardOptions options;
  options.suppress = true;
  std::size_t entries = 0;
  for (auto _ : state) {
    entries = 0;
    for (const auto& la : w.councils) {
      indicators::Engine engine(*w.data, ts, reference(), la, kAsOf);
      auto sc = indicators::build_scorecard(engine, reference(), config, options);
      entries += sc.entries.size();
      benchmark::DoNotOptimize(sc.entries.data());
    }
  }
  state.counters["councils"] = static_cast<double>(w.councils.size());
  state.counters["entries"] = static_cast<double>(entries);
}

void BM_CouncilFullScorecard(benchmark::State& state) {
  full_scorecards(state, council());
}
BENCHMARK(BM_CouncilFullScorecard)->Unit(benchmark::kMillisecond);

void BM_NationalFullScorecards(benchmark::State& state) {
  full_scorecards(state, national());
}
BENCHMARK(BM_NationalFullScorecards)->Unit(benchmark::kMillisecond)->Iterations(3);

// The same on every core: councils are independent, as a national service would run them on
// its worker pool.
void BM_NationalFullScorecardsAllCores(benchmark::State& state) {
  const auto& w = national();
  timescales::Engine ts(*w.data, timescales::TimescaleConfig{});
  const auto config = indicators::ScorecardConfig::defaults();
  indicators::ScorecardOptions options;
  options.suppress = true;
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::atomic<std::size_t> entries{0};
  for (auto _ : state) {
    entries = 0;
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&] {
        for (std::size_t i = next++; i < w.councils.size(); i = next++) {
          indicators::Engine engine(*w.data, ts, reference(), w.councils[i], kAsOf);
          auto sc = indicators::build_scorecard(engine, reference(), config, options);
          entries += sc.entries.size();
        }
      });
    for (auto& th : pool) th.join();
  }
  state.counters["threads"] = threads;
  state.counters["entries"] = static_cast<double>(entries.load());
}
BENCHMARK(BM_NationalFullScorecardsAllCores)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
