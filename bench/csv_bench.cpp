// CSV parsing throughput per core: Hearth's reader, the typed 903 reader on top of it, and
// libcsv (the stack's default choice) on the same bytes, so the choice of parser is measured.
#include <benchmark/benchmark.h>
#include <csv.h>

#include "ssda903/csv.hpp"
#include "ssda903/reader.hpp"
#include "ssda903/writer.hpp"
#include "synth/generator.hpp"

namespace {

using namespace hearth;

// About 60 MB of real-shaped episodes: a large synthetic council over ten years.
const std::string& episodes_csv() {
  static const std::string text = [] {
    synth::Options o;
    o.children = 6000;
    o.years = 10;
    o.seed = 11;
    o.last_year = 2026;
    std::string all;
    bool first = true;
    for (const auto& r : synth::generate(o)) {
      std::string t = ssda903::write_csv(ssda903::TableKind::Episodes, r);
      if (!first) t = t.substr(t.find('\n') + 1);  // one header row
      all += t;
      first = false;
    }
    while (all.size() < 50u * 1024 * 1024) {  // repeat rows to reach a steady size
      all += all.substr(all.find('\n') + 1);
    }
    return all;
  }();
  return text;
}

std::size_t count_rows(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n';
  return n - 1;
}

void BM_HearthCsvReader(benchmark::State& state) {
  const std::string& text = episodes_csv();
  std::size_t fields_seen = 0;
  for (auto _ : state) {
    ssda903::CsvReader r(text);
    std::vector<std::string_view> f;
    while (r.next(f)) fields_seen += f.size();
    benchmark::DoNotOptimize(fields_seen);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count_rows(text)));
}
BENCHMARK(BM_HearthCsvReader)->Unit(benchmark::kMillisecond);

void BM_TypedEpisodesRead(benchmark::State& state) {
  const std::string& text = episodes_csv();
  for (auto _ : state) {
    ssda903::ReadReport rep;
    model::Return r;
    ssda903::read_csv("episodes.csv", text, r, rep);
    benchmark::DoNotOptimize(r.episodes.data());
    if (!rep.findings.empty()) state.SkipWithError("unexpected findings");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count_rows(text)));
}
BENCHMARK(BM_TypedEpisodesRead)->Unit(benchmark::kMillisecond);

struct LibcsvCounts {
  std::size_t fields = 0, rows = 0;
};
void on_field(void*, size_t, void* data) {
  ++static_cast<LibcsvCounts*>(data)->fields;
}
void on_row(int, void* data) {
  ++static_cast<LibcsvCounts*>(data)->rows;
}

void BM_Libcsv(benchmark::State& state) {
  const std::string& text = episodes_csv();
  for (auto _ : state) {
    csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    LibcsvCounts counts;
    csv_parse(&p, text.data(), text.size(), on_field, on_row, &counts);
    csv_fini(&p, on_field, on_row, &counts);
    csv_free(&p);
    benchmark::DoNotOptimize(counts.fields);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count_rows(text)));
}
BENCHMARK(BM_Libcsv)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
