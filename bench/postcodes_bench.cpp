// The postcode index as Hearth meets it (docs/postcodes.md): loading the shipped index (what the
// first command that needs a postcode waits for), its memory, and lookups per second — real
// postcodes written as a council writes them (any spacing and case) and some that are not
// postcodes. Also the whole `update-postcodes` rebuild from ONS's file, when given
// (--onspd FILE). Results go in docs/performance.md.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <random>

#include "geo/reference.hpp"

namespace {

using namespace hearth::geo;

std::filesystem::path index_file() {
  return postcode_index_file(reference_folder());
}

long max_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

void BM_LoadIndex(benchmark::State& state) {
  std::size_t n = 0, bytes = 0;
  for (auto _ : state) {
    auto ix = PostcodeIndex::load(index_file());
    n = ix.size();
    bytes = ix.memory_bytes();
    benchmark::DoNotOptimize(ix);
  }
  state.counters["postcodes"] = static_cast<double>(n);
  state.counters["index_MiB"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
}
BENCHMARK(BM_LoadIndex)->Unit(benchmark::kMillisecond);

// Postcodes as written in returns: three in four real (canonical, no space, lower case), one in
// four a typo.
std::vector<std::string> sample(const PostcodeIndex& ix, std::size_t n) {
  std::mt19937_64 rng(42);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::string pc = ix.postcode_at(rng() % ix.size());
    switch (rng() % 4) {
      case 0:
        break;
      case 1:
        pc.erase(pc.find(' '), 1);
        break;
      case 2:
        for (auto& c : pc) c = static_cast<char>(std::tolower(c));
        break;
      default:
        pc.back() = pc.back() == 'Z' ? 'Y' : 'Z';  // often not a postcode
    }
    out.push_back(std::move(pc));
  }
  return out;
}

void BM_Lookup(benchmark::State& state) {
  static const PostcodeIndex ix = PostcodeIndex::load(index_file());
  static const std::vector<std::string> pcs = sample(ix, 1 << 16);
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    auto p = ix.find(pcs[i++ & (pcs.size() - 1)]);
    found += p.has_value();
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["found_share"] =
      static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Lookup);

// The council of a placement: lookup, district, upper tier.
void BM_CouncilOf(benchmark::State& state) {
  const auto& g = geography();
  static const std::vector<std::string> pcs = sample(*g.postcodes, 1 << 16);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(g.council_of(pcs[i++ & (pcs.size() - 1)]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CouncilOf);

}  // namespace

int main(int argc, char** argv) {
  // The first load as a command meets it: wall time and the process's peak memory.
  const long before = max_rss_kib();
  const auto t = std::chrono::steady_clock::now();
  const auto& g = geography();
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
  std::printf("first load of %s: %.1f ms, %zu postcodes, %.1f MiB index, peak RSS +%.1f MiB\n",
              index_file().c_str(), ms, g.postcodes ? g.postcodes->size() : 0,
              g.postcodes ? g.postcodes->memory_bytes() / 1048576.0 : 0.0,
              (max_rss_kib() - before) / 1024.0);
  // --onspd FILE: the rebuild from ONS's directory, timed whole.
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string_view(argv[i]) == "--onspd") {
      const auto t0 = std::chrono::steady_clock::now();
      DirectoryRead read;
      auto ix = read_directory(argv[i + 1], "bench", read);
      std::printf("read_directory %s: %zu rows in %.2f s\n", argv[i + 1], read.rows,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      for (int j = i; j + 2 <= argc; ++j) argv[j] = argv[j + 2];
      argc -= 2;
      break;
    }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
