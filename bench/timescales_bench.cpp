// Timescales engine benchmarks (results in docs/performance.md):
//   one council (the demo council: 480 children in care, 5 years of returns, local records) —
//   every child's items at one as-of date, target <= 20 ms;
//   the national synthetic set (153 councils, one year each, with local records) — target
//   <= 2 s.
#include <benchmark/benchmark.h>

#include <memory>

#include "model/dataset.hpp"
#include "synth/generator.hpp"
#include "synthetic_world.hpp"
#include "timescales/engine.hpp"
#include "timescales/worklist.hpp"

namespace {

using namespace hearth;

const model::Date kAsOf = model::make_date(2026, 3, 31);

using bench::council;
using bench::national;
using bench::World;

// Every child's items at one as-of date.
void all_timescales(benchmark::State& state, const World& w) {
  timescales::Engine engine(*w.data, timescales::TimescaleConfig{});
  std::size_t items = 0;
  for (auto _ : state) {
    auto all = engine.all(kAsOf);
    items = all.size();
    benchmark::DoNotOptimize(all.data());
  }
  state.counters["children"] = static_cast<double>(w.children);
  state.counters["items"] = static_cast<double>(items);
}

void BM_CouncilAllTimescales(benchmark::State& state) {
  all_timescales(state, council());
}
BENCHMARK(BM_CouncilAllTimescales)->Unit(benchmark::kMillisecond);

void BM_CouncilWorklist(benchmark::State& state) {
  const auto& w = council();
  timescales::Engine engine(*w.data, timescales::TimescaleConfig{});
  timescales::WorklistOptions o;
  o.as_of = kAsOf;
  for (auto _ : state) {
    auto wl = timescales::build_worklist(engine, o);
    benchmark::DoNotOptimize(wl.overdue.data());
  }
}
BENCHMARK(BM_CouncilWorklist)->Unit(benchmark::kMillisecond);

void BM_NationalAllTimescales(benchmark::State& state) {
  all_timescales(state, national());
}
BENCHMARK(BM_NationalAllTimescales)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
