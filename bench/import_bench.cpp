// Import and snapshot benchmarks, timed end to end as a user would see them:
//   one council × 10 years of 903 files → store (SQLite, PostgreSQL)
//   all 153 councils × 1 year → store (SQLite, PostgreSQL)
//   all 153 councils × 10 years → in-memory Dataset: resident memory
// Usage: bench_import [--pg-council URL] [--pg-national URL] [--only council|national|dataset]
// Each PostgreSQL URL must name an empty database (scripts/run-benchmarks.sh makes them).
#include <fmt/core.h>
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "ingest/import.hpp"
#include "ingest/snapshot.hpp"
#include "ssda903/writer.hpp"
#include "store/store.hpp"
#include "synth/generator.hpp"

using namespace hearth;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::size_t rss_bytes() {
  std::ifstream f("/proc/self/statm");
  std::size_t size = 0, resident = 0;
  f >> size >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

std::size_t folder_bytes(const fs::path& p) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(p))
    if (e.is_regular_file()) n += e.file_size();
  return n;
}

fs::path write_council(const fs::path& dir, const synth::Options& o) {
  for (const auto& r : synth::generate(o)) ssda903::write_csv_folder(dir / r.year.folder_name(), r);
  return dir;
}

fs::path write_national(const fs::path& dir, int years) {
  for (const auto& c : synth::national_councils()) {
    synth::Options o;
    o.children = c.children_looked_after;
    o.years = years;
    o.seed = 1;
    o.la = c.la;
    o.last_year = 2026;
    for (const auto& r : synth::generate(o))
      ssda903::write_csv_folder(dir / c.la / r.year.folder_name(), r);
  }
  return dir;
}

void time_import(const std::string& label, const std::string& url, const fs::path& source,
                 std::optional<std::string> la) {
  auto st = store::open_store(url);
  st->upgrade();
  ingest::ImportOptions o;
  o.path = source;
  o.la = la;
  auto t0 = Clock::now();
  auto out = ingest::run_import(*st, o);
  double secs = seconds_since(t0);
  if (out.status != ingest::ImportStatus::Imported) {
    fmt::print("{}: import failed: {}\n", label, out.problem);
    return;
  }
  fmt::print("{:<44} {:>8.2f} s  {:>10} rows  {:>7.1f} MB  {:>9.0f} rows/s\n", label, secs,
             out.rows(), folder_bytes(source) / 1e6, out.rows() / secs);
}

}  // namespace

int main(int argc, char** argv) {
  std::string pg_council, pg_national, only;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--pg-council") && i + 1 < argc) pg_council = argv[++i];
    if (!std::strcmp(argv[i], "--pg-national") && i + 1 < argc) pg_national = argv[++i];
    if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
  }
  fs::path tmp = fs::temp_directory_path() / fmt::format("hearth-bench-{}", getpid());
  fs::create_directories(tmp);

  if (only.empty() || only == "council") {
    synth::Options o;
    o.children = 480;
    o.years = 10;
    o.seed = 1;
    o.la = "887";
    o.last_year = 2026;
    auto src = write_council(tmp / "council", o);
    time_import("one council (480 CLA) x 10 years -> SQLite", "sqlite:" + (tmp / "c.db").string(),
                src, std::string("887"));
    if (!pg_council.empty())
      time_import("one council (480 CLA) x 10 years -> PostgreSQL", pg_council, src,
                  std::string("887"));
  }
  if (only.empty() || only == "national") {
    auto t0 = Clock::now();
    auto src = write_national(tmp / "national", 1);
    fmt::print("(generated the national year in {:.1f} s)\n", seconds_since(t0));
    time_import("national (153 councils) x 1 year -> SQLite", "sqlite:" + (tmp / "n.db").string(),
                src, std::nullopt);
    if (!pg_national.empty())
      time_import("national (153 councils) x 1 year -> PostgreSQL", pg_national, src, std::nullopt);
  }
  if (only.empty() || only == "dataset") {
    std::size_t before = rss_bytes();
    std::vector<model::Return> all;
    for (const auto& c : synth::national_councils()) {
      synth::Options o;
      o.children = c.children_looked_after;
      o.years = 10;
      o.seed = 1;
      o.la = c.la;
      o.last_year = 2026;
      for (auto& r : synth::generate(o)) all.push_back(std::move(r));
    }
    std::size_t rows = 0;
    for (const auto& r : all) rows += r.total_rows();
    auto t0 = Clock::now();
    auto ds = model::Dataset::build(all);
    double build = seconds_since(t0);
    all.clear();
    all.shrink_to_fit();
    malloc_trim(0);  // hand the freed returns back to the system so RSS shows the Dataset
    std::size_t after = rss_bytes();
    fmt::print(
        "national x 10 years Dataset: {} children, {} episodes, {} reviews from {} rows; "
        "built in {:.2f} s; self-reported {:.0f} MB; process RSS {:.0f} MB "
        "(before {:.0f} MB)\n",
        ds.children.size(), ds.episodes.size(), ds.reviews.size(), rows, build,
        ds.memory_bytes() / 1e6, after / 1e6, before / 1e6);
  }
  fs::remove_all(tmp);
  return 0;
}
