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

// The 903 XML return read into the typed model, with each child's <HEADER> first (the DfE's
// order) or its <EPISODE> elements first: the second used to make line counting start again from
// the top of the file for every element (10.7 s instead of 1.4 s for 1.1 MB, issue 13 item 6).
std::string xml_return(int children, bool episodes_first) {
  std::string out = "<?xml version=\"1.0\"?>\n<EXPSSDA903>\n";
  for (int c = 0; c < children; ++c) {
    const std::string id = std::to_string(100000 + c);
    std::string header = "  <HEADER><CHILDID>" + id +
                         "</CHILDID><SEX>1</SEX><DOB>28/07/2010</DOB><ETHNIC>WBRI</ETHNIC>"
                         "<UPN>A100000000001</UPN><UASC>0</UASC>\n"
                         "    <AREVIEW><REVIEW>27/09/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE>"
                         "</AREVIEW>\n  </HEADER>\n";
    std::string episodes;
    for (int e = 0; e < 3; ++e)
      episodes += "  <EPISODE><DECOM>0" + std::to_string(e + 1) +
                  "/06/2024</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL>"
                  "<PL_POST>ME7 1AA</PL_POST><HOME_POST>ME8 2BB</HOME_POST><URN>XXXXXXX</URN>"
                  "<PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC /><REC /><REASON_PLACE_CHANGE />"
                  "</EPISODE>\n";
    out += "<CHILD>\n" + (episodes_first ? episodes + header : header + episodes) + "</CHILD>\n";
  }
  out += "</EXPSSDA903>\n";
  return out;
}

void BM_XmlRead(benchmark::State& state) {
  const bool episodes_first = state.range(0) != 0;
  const std::string xml = xml_return(static_cast<int>(state.range(1)), episodes_first);
  for (auto _ : state) {
    hearth::ssda903::ReadReport report;
    hearth::model::Return r;
    hearth::ssda903::read_xml("return.xml", xml, r, report);
    benchmark::DoNotOptimize(r.episodes.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * xml.size()));
  state.SetLabel(std::string(episodes_first ? "EPISODE first, " : "HEADER first, ") +
                 std::to_string(xml.size() / 1024) + " KiB");
}
// 1,150 children is about 1.1 MB; 4,600 about 4.6 MB.
BENCHMARK(BM_XmlRead)
    ->Args({0, 1150})
    ->Args({1, 1150})
    ->Args({0, 4600})
    ->Args({1, 4600})
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
