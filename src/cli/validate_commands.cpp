// hearth validate and hearth rules list.
#include <fcntl.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/output.hpp"
#include "ingest/snapshot.hpp"
#include "report/background_writer.hpp"
#include "report/finding.hpp"
#include "report/imports.hpp"
#include "report/validation.hpp"
#include "services/errors.hpp"
#include "services/findings.hpp"
#include "services/imports.hpp"
#include "services/scorecard.hpp"
#include "store/store.hpp"
#include "validation/load.hpp"
#include "validation/ofsted.hpp"
#include "validation/reference.hpp"
#include "validation/validate.hpp"

namespace hearth::cli {

namespace {

// Calls write(stream) on standard output or on the file `path`, checking it was all written. The
// bytes are written by a second thread while the next ones are laid out (report::BackgroundStream).
template <class Write>
void write_stream(const std::string& path, Write&& write) {
  if (path.empty() || path == "-") {
    std::cout.flush();
    report::BackgroundStream out(STDOUT_FILENO, "standard output");
    write(out);
    out.finish();
    return;
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw UsageError("cannot write " + path + ": " + std::strerror(errno));
  try {
    report::BackgroundStream out(fd, path);
    write(out);
    out.finish();
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0)
    throw std::runtime_error("writing " + path + " failed: " + std::strerror(errno));
}

// hearth validate is a short process that builds tables of a few to a few hundred MB and writes
// them out: most of its system time was page faults (5,500 on the sector's test files, each
// costly on a virtual machine). Keep freed memory in the heap instead of returning it to the
// system (large vectors grow by copying: each growth used to be a fresh mmap, faulted in page by
// page, then unmapped), grow the heap 64 MiB at a time, and ask for transparent huge pages over
// it (as glibc's glibc.malloc.hugetlb=1 does): about 1,300 faults instead of 5,500. Where the
// kernel gives no huge pages (THP "never") this changes nothing but the thresholds. At ten times
// the data (the heap outgrows the first 64 MiB) it halves the faults but did not save time.
void prepare_heap_for_a_short_run() {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(512 * kMiB));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(1024 * kMiB));
  mallopt(M_TOP_PAD, static_cast<int>(64 * kMiB));
  // The threads that run rules and write the output allocate from this same prepared heap, not
  // from arenas of their own (each a fresh mapping to fault in).
  mallopt(M_ARENA_MAX, 1);
  void* low = sbrk(0);
  // Moves the break up by 1 MiB + the pad, now (volatile: the pair is not optimised away).
  void* volatile grow = std::malloc(kMiB);
  std::free(grow);
  void* high = sbrk(0);
  if (low == reinterpret_cast<void*>(-1) || high == reinterpret_cast<void*>(-1)) return;
  constexpr std::uintptr_t kHuge = 2 * kMiB;
  auto from = (reinterpret_cast<std::uintptr_t>(low) + kHuge - 1) & ~(kHuge - 1);
  auto to = reinterpret_cast<std::uintptr_t>(high) & ~(kHuge - 1);
  if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
}

}  // namespace

int cmd_validate(const Global& g, const ValidateArgs& a) {
  prepare_heap_for_a_short_run();
  static const std::vector<std::string> formats = {"table", "json", "csv", "xlsx"};
  if (std::find(formats.begin(), formats.end(), a.format) == formats.end())
    throw UsageError("--format must be table, json, csv or xlsx, not '" + a.format + "'");
  if (a.format == "xlsx" && (a.output.empty() || a.output == "-"))
    throw UsageError("--format xlsx writes a file: give it with --output FILE.xlsx");
  validation::Options options;
  // A user waits for this command alone: the rules run on every core (up to four).
  options.threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  for (const auto& code : a.only) {
    if (!validation::find_rule(code))
      throw UsageError("there is no rule '" + code + "': hearth rules list shows them");
    options.only.push_back(code);
  }
  validation::ValidationReference reference;
  std::string ref_folder = a.reference;
  if (ref_folder.empty())
    if (const char* env = std::getenv("HEARTH_VALIDATION_REFERENCE")) ref_folder = env;
  if (!ref_folder.empty()) {
    if (!std::filesystem::is_directory(ref_folder))
      throw UsageError("--reference " + ref_folder + " is not a folder");
    validation::OfstedRead ofsted;
    try {
      reference = validation::load_validation_reference(ref_folder, &ofsted);
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());
    }
    // What was read from ofsted/, on standard error so the findings' output stays as it is.
    if (!ofsted.files.empty()) {
      std::cerr << ofsted.summary() << "\n";
      constexpr std::size_t kShown = 5;
      for (std::size_t i = 0; i < ofsted.warnings.size() && i < kShown; ++i)
        std::cerr << "  " << ofsted.warnings[i] << "\n";
      if (ofsted.warnings.size() > kShown)
        std::cerr << "  and " << thousands(ofsted.warnings.size() - kShown) << " more\n";
      if (!ofsted.closed_without_date.empty())
        std::cerr << "  Closed with no end date (rules 227 and 228 cannot judge them): "
                  << ofsted.closed_without_date.front()
                  << (ofsted.closed_without_date.size() > 1
                          ? " and " + thousands(ofsted.closed_without_date.size() - 1) + " more"
                          : std::string())
                  << "\n";
    }
  }

  validation::ReturnTables data;
  std::string council = a.la;  // the three-digit code, when known
  ssda903::ReadReport read;
  std::optional<model::Return> stored_current, stored_previous;
  if (!a.path.empty()) {
    namespace fs = std::filesystem;
    if (!fs::exists(a.path)) throw UsageError(a.path + " does not exist");
    if (!a.previous.empty() && !fs::exists(a.previous))
      throw UsageError("--previous " + a.previous + " does not exist");
    std::optional<model::CollectionYear> year;
    if (!a.year.empty())
      year = parse_year(a.year);
    else
      year = ssda903::year_from_folder_name(a.path);
    std::optional<fs::path> previous;
    if (!a.previous.empty()) previous = fs::path(a.previous);
    auto loaded = validation::read_for_validation(
        a.path, previous, year.value_or(model::CollectionYear{0}), a.la, read);
    if (!year) {
      year = ssda903::year_from_data(loaded.typed.current);
      if (!year)
        throw UsageError("the collection year of " + a.path +
                         " cannot be worked out: give --year (e.g. --year 2025-26)");
    }
    data = std::move(loaded.data);
    data.year = *year;
  } else {
    if (!a.previous.empty())
      throw UsageError(
          "--previous needs the return's path too; a stored return is compared "
          "with the stored previous year");
    auto st = open_current(g);
    auto keys = st->list_returns();
    if (keys.empty()) throw UsageError("no return is stored: give a folder to validate");
    std::string la = a.la;
    if (la.empty()) {
      la = keys.front().la;
      for (const auto& k : keys)
        if (k.la != la) throw UsageError("several councils are stored: say which with --la");
    }
    int end_year = 0;
    if (!a.year.empty()) {
      end_year = parse_year(a.year).end_year;
    } else {
      for (const auto& k : keys)
        if (k.la == la) end_year = std::max(end_year, k.collection_year);
    }
    council = la;
    stored_current = st->load_return(la, model::CollectionYear{end_year});
    if (!stored_current)
      throw UsageError("no return is stored for council " + la + ", " +
                       model::CollectionYear{end_year == 0 ? 2026 : end_year}.label());
    stored_previous = st->load_return(la, model::CollectionYear{end_year - 1});
    data = validation::ReturnTables::from_return(*stored_current,
                                                 stored_previous ? &*stored_previous : nullptr);
  }
  if (!a.rules.empty()) options.rule_year = parse_year(a.rules).end_year;
  // The postcodes and council tiers Hearth ships, unless the reference folder has its own.
  validation::complete_with_shipped(reference);
  data.la = !a.la_ons.empty() ? a.la_ons : validation::ons_code_of(council);
  data.reference = &reference;
  for (const auto& code : options.only)
    if (const auto* r = validation::find_rule(code);
        r && options.rule_year == 0 &&
        (r->first_year > data.year.end_year || (r->last_year && r->last_year < data.year.end_year)))
      throw UsageError("rule " + code + " does not apply to " + data.year.label());

  validation::Result result = validation::validate(data, options);
  if (!a.child.empty()) result = report::only_child(result, a.child);

  // Findings are written as streams: memory does not grow with their number.
  if (a.format == "json") {
    write_stream(a.output, [&](std::ostream& out) {
      report::write_validation_json(out, result, read.findings, a.child);
    });
  } else if (a.format == "csv") {
    write_stream(a.output, [&](std::ostream& out) { report::write_validation_csv(out, result); });
  } else if (a.format == "xlsx") {
    report::validation_xlsx(result, data, a.output);
    std::cerr << "Wrote " << a.output << ": " << result.findings.size() << " findings\n";
  } else {
    if (!read.findings.empty()) {
      std::cout << "Reading the files:\n";
      print_findings_table(std::cout, read.findings);
    }
    if (!a.child.empty()) std::cout << "Child " << a.child << ": ";
    write_stream(a.output, [&](std::ostream& out) { report::write_validation_table(out, result); });
  }
  return result.errors() > 0 ? kExitFindings : kExitOk;
}

int cmd_findings(const Global& g, const FindingsArgs& a) {
  Format fmt = parse_format(a.format);
  auto st = open_current(g);
  auto data = ingest::load_dataset(*st);
  const std::string la = services::council_of(*data, a.la, "--la");
  if (!data->find_child(la, a.child))
    throw services::not_found("no_child", "council " + la + " has no child '" + a.child + "'",
                              {{"child", a.child}});
  auto years = services::child_findings(*st, la, a.child);
  if (fmt == Format::Json) {
    nlohmann::json out = {
        {"la", la}, {"child", a.child}, {"findings", hearth::report::findings_json(years)}};
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return kExitOk;
  }
  std::vector<model::Finding> shown;
  for (const auto& y : years)
    for (const auto* f : y.items) shown.push_back(*f);
  if (fmt == Format::Csv) {
    print_findings_csv(std::cout, shown);
    return kExitOk;
  }
  std::cout << "Child " << a.child << " (council " << la << "): " << thousands(shown.size())
            << (shown.size() == 1 ? " finding" : " findings") << " in " << years.size()
            << (years.size() == 1 ? " stored return" : " stored returns") << "\n";
  print_findings_table(std::cout, shown);
  return kExitOk;
}

int cmd_imports(const Global& g, const ImportsArgs& a) {
  Format fmt = parse_format(a.format);
  auto st = open_current(g);
  if (a.findings > 0) {
    const auto found = services::import_with_findings(*st, a.findings);
    const int year = found.import.collection_year;
    std::vector<model::Finding> shown;
    for (const auto& f : *found.findings)
      if ((a.rule.empty() || f.rule == a.rule) && (a.child.empty() || f.child == a.child))
        shown.push_back(f);
    if (fmt == Format::Json) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& f : shown) j.push_back(hearth::report::finding_json(f, year));
      std::cout << nlohmann::json{{"import", a.findings}, {"findings", j}}.dump(
                       2, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
    } else if (fmt == Format::Csv) {
      print_findings_csv(std::cout, shown);
    } else {
      std::cout << "Import " << a.findings << ": " << thousands(shown.size()) << " findings\n";
      print_findings_table(std::cout, shown);
    }
    return kExitOk;
  }
  services::ImportsQuery q;
  q.count = static_cast<std::size_t>(std::max(a.limit, 0));
  const auto list = services::imports(*st, q);
  if (fmt == Format::Json) {
    std::cout << report::imports_json(list).dump(2, ' ', false,
                                                 nlohmann::json::error_handler_t::replace)
              << '\n';
    return kExitOk;
  }
  std::vector<std::string> headers = {
      "id", "la", "collection_year", "source", "format", "user", "finished_at", "rows", "findings"};
  Rows rows;
  for (const auto& r : list.items)
    rows.push_back({std::to_string(r.id), r.la,
                    r.collection_year ? model::CollectionYear{r.collection_year}.label()
                                      : std::string("local records"),
                    r.source, r.format, r.user, model::format_instant(r.finished_at),
                    std::to_string(r.rows), std::to_string(r.findings)});
  if (fmt == Format::Csv) {
    print_csv(std::cout, headers, rows);
  } else {
    print_table(std::cout, headers, rows);
  }
  return kExitOk;
}

int cmd_rules_list(const std::string& year, const std::string& format) {
  int end_year = year.empty() ? validation::kLatestYear : parse_year(year).end_year;
  if (format == "json")
    std::cout << report::rules_list_json(end_year).dump(2, ' ', false,
                                                        nlohmann::json::error_handler_t::replace)
              << '\n';
  else if (format == "markdown")
    std::cout << report::rules_markdown(end_year);
  else if (format == "table")
    std::cout << report::rules_table(end_year);
  else
    throw UsageError("--format must be table, json or markdown, not '" + format + "'");
  return kExitOk;
}

}  // namespace hearth::cli
