#include "cli/commands.hpp"

#include <malloc.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <thread>
#include <tuple>

#include "cli/audit_log.hpp"
#include "cli/common.hpp"
#include "cli/demo_governance.hpp"
#include "cli/demo_voice.hpp"
#include "cli/settings.hpp"
#include "cli/voice_commands.hpp"
#include "geo/reference.hpp"
#include "http/server.hpp"
#include "indicators/reference.hpp"
#include "ingest/import.hpp"
#include "ingest/local_import.hpp"
#include "ingest/saved_snapshot.hpp"
#include "ingest/snapshot.hpp"
#include "local/reader.hpp"
#include "report/finding.hpp"
#include "report/validation.hpp"
#include "services/import_preview.hpp"
#include "services/statement_import.hpp"
#include "ssda903/writer.hpp"
#include "store/staging.hpp"
#include "store/store.hpp"
#include "synth/generator.hpp"
#include "timescales/config.hpp"
#include "validation/registry.hpp"
#include "voice/clock.hpp"
#include "voice/keyring.hpp"
#include "web/web.hpp"

namespace hearth::cli {
namespace fs = std::filesystem;
using nlohmann::json;

std::unique_ptr<store::Store> open_current(const Global& g) {
  auto st = store::open_store(g.store_url);
  if (st->schema_version() == 0) st->upgrade();
  st->require_current_schema();
  return st;
}

model::CollectionYear parse_year(const std::string& text) {
  auto y = model::CollectionYear::parse(text);
  if (!y) throw UsageError("'" + text + "' is not a collection year: write it like 2024-25");
  return *y;
}

namespace {

// The last collection year that has ended by today (31 March).
int last_completed_year() {
  return model::CollectionYear::containing(ingest::today()).end_year - 1;
}

struct ValidationCounts {
  std::size_t errors = 0, queries = 0, not_run = 0;
};
ValidationCounts count_validation(const ingest::YearRead& y) {
  ValidationCounts c;
  for (const auto& f : y.validation) {
    if (f.rule == "validation.not-run")
      ++c.not_run;
    else if (f.severity == model::Severity::Error)
      ++c.errors;
    else
      ++c.queries;
  }
  return c;
}

json validation_summary_json(const ingest::YearRead& y) {
  auto c = count_validation(y);
  json findings = json::array();
  for (const auto& f : y.validation)
    if (f.rule != "validation.not-run")
      findings.push_back(hearth::report::finding_json(f, y.ret.year.end_year));
  return {{"rules_run", y.validation_rules_run},
          {"rules_not_run", c.not_run},
          {"errors", c.errors},
          {"queries", c.queries},
          {"findings", findings}};
}

std::string validation_summary(const ingest::YearRead& y) {
  auto c = count_validation(y);
  return "DfE validation: " + thousands(c.errors) + " errors and " + thousands(c.queries) +
         " queries from " + thousands(y.validation_rules_run) + " rules (" + thousands(c.not_run) +
         " not run); stored with the import, listed by hearth validate";
}

json info_json(store::Store& st, const std::string& url) {
  auto c = st.counts();
  json returns = json::array();
  for (const auto& r : st.list_returns())
    returns.push_back({{"la", r.la},
                       {"collection_year", model::CollectionYear{r.collection_year}.label()},
                       {"rows", r.rows},
                       {"import_id", r.import_id}});
  return {{"store", store::redact_url(url)},
          {"backend", st.backend()},
          {"schema_version", st.schema_version()},
          {"councils", c.councils},
          {"children", c.children},
          {"episodes", c.episodes},
          {"imports", c.imports},
          {"returns", returns},
          {"origin", st.meta("origin").value_or("")}};
}

}  // namespace

namespace {

// SQLite lets one writer in at a time; the next waits on the busy timeout (30 s), then fails
// with "database is locked": say it plainly.
[[noreturn]] void rethrow_plainly(const std::exception& e) {
  std::string what = e.what();
  if (what.find("database is locked") != std::string::npos ||
      what.find("database is busy") != std::string::npos)
    throw std::runtime_error(
        "another import (or another writer) is using the store and did not finish within 30 "
        "seconds; nothing was imported. Try again when it has finished.");
  throw;
}

// `hearth import` in the audit log: who (the OS user), what, and how it ended.
void audit_import(const Global& g, const ImportArgs& a, const std::string& outcome, json detail) {
  try {
    auto st = store::open_store(g.store_url);
    detail["path"] = a.path;
    if (!a.la.empty()) detail["la"] = a.la;
    if (!a.year.empty()) detail["year"] = a.year;
    std::string la = a.la;
    if (la.empty() && detail.contains("imports") && !detail["imports"].empty())
      la = detail["imports"][0].value("la", "");
    cli_audit(*st, "import.cli", la.empty() ? "hearth" : "council:" + la, outcome, detail);
  } catch (const std::exception& e) {
    std::cerr << "hearth: the import could not be written to the audit log: " << e.what() << '\n';
  }
}

}  // namespace

int cmd_import(const Global& g, const ImportArgs& a) {
  if (services::is_statements_source(a.path)) return cmd_import_statements(g, a);
  if (ingest::is_local_source(a.path)) {
    int rc = kExitOk;
    try {
      rc = cmd_import_local(g, a);
    } catch (const std::exception& e) {
      audit_import(g, a, "failed", {{"kind", "local"}, {"error", e.what()}});
      rethrow_plainly(e);
    }
    audit_import(g, a, rc == kExitOk ? "ok" : "failed", {{"kind", "local"}, {"exit_code", rc}});
    return rc;
  }
  Format fmt = parse_format(a.format);
  ingest::ImportOptions o;
  o.path = a.path;
  if (!a.year.empty()) o.year = parse_year(a.year);
  if (!a.la.empty()) o.la = a.la;
  o.accept_with_findings = a.accept_with_findings;
  o.user = cli_actor();

  auto st = open_current(g);
  ProgressBar bar;
  ingest::ImportOutcome outcome;
  try {
    outcome =
        ingest::run_import(*st, o, [&](const std::string& stage, std::size_t d, std::size_t t) {
          if (a.progress == "plain")
            std::cerr << "progress: " << stage << " (" << d << "/" << t << ")" << std::endl;
          else if (a.progress == "auto")
            bar.update(stage, d, t);
        });
  } catch (const std::exception& e) {
    bar.finish();
    audit_import(g, a, "failed", {{"kind", "903"}, {"error", e.what()}});
    rethrow_plainly(e);
  }
  bar.finish();
  auto findings = outcome.findings();
  const char* status = outcome.status == ingest::ImportStatus::Imported  ? "imported"
                       : outcome.status == ingest::ImportStatus::Blocked ? "blocked"
                                                                         : "invalid";
  {
    json stored = json::array();
    for (const auto& r : outcome.records)
      stored.push_back({{"id", r.id},
                        {"la", r.la},
                        {"collection_year", model::CollectionYear{r.collection_year}.label()},
                        {"rows", r.rows}});
    audit_import(
        g, a, outcome.status == ingest::ImportStatus::Imported ? "ok" : "failed",
        {{"kind", "903"}, {"status", status}, {"imports", stored}, {"findings", findings.size()}});
  }
  if (fmt == Format::Json) {
    json years = json::array();
    for (const auto& y : outcome.years)
      years.push_back({{"la", y.ret.la},
                       {"collection_year", y.ret.year.label()},
                       {"year_from", y.year_source},
                       {"folder", y.folder.string()},
                       {"rows", y.report.rows},
                       {"rejected", y.report.rejected},
                       {"stored", y.ret.total_rows()},
                       {"validation", validation_summary_json(y)}});
    json imports = json::array();
    for (const auto& r : outcome.records)
      imports.push_back({{"id", r.id},
                         {"la", r.la},
                         {"collection_year", model::CollectionYear{r.collection_year}.label()},
                         {"rows", r.rows},
                         {"replaced_rows", r.replaced_rows}});
    json fj = json::array();
    for (const auto& f : findings) fj.push_back(hearth::report::finding_json(f));
    json out = {{"status", status}, {"years", years}, {"imports", imports}, {"findings", fj}};
    if (!outcome.problem.empty()) out["problem"] = outcome.problem;
    std::cout << out.dump(2) << '\n';
  } else if (fmt == Format::Csv) {
    print_findings_csv(std::cout, findings);
  } else {
    for (const auto& y : outcome.years) {
      std::cout << "Read " << y.folder.string() << ": council " << y.ret.la << ", "
                << y.ret.year.label() << " (year from " << y.year_source << "), "
                << thousands(y.report.rows) << " rows";
      if (y.report.rejected) std::cout << ", " << thousands(y.report.rejected) << " rejected";
      std::cout << '\n';
      if (y.validation_rules_run) std::cout << "  " << validation_summary(y) << '\n';
    }
    print_findings_table(std::cout, findings);
    switch (outcome.status) {
      case ingest::ImportStatus::Imported:
        for (const auto& r : outcome.records)
          std::cout << "Stored import " << r.id << ": council " << r.la << ", "
                    << model::CollectionYear{r.collection_year}.label() << ", "
                    << thousands(static_cast<std::size_t>(r.rows)) << " rows"
                    << (r.replaced_rows
                            ? " (replacing the year's previous " +
                                  thousands(static_cast<std::size_t>(r.replaced_rows)) + " rows)"
                            : "")
                    << '\n';
        break;
      case ingest::ImportStatus::Blocked:
        print_blocked(std::cout, outcome.rejected(),
                      std::any_of(outcome.years.begin(), outcome.years.end(),
                                  [](const auto& y) { return y.report.file_problems(); }),
                      "an SSDA903 return");
        break;
      case ingest::ImportStatus::Invalid:
        std::cout << "Nothing was imported: " << outcome.problem << '\n';
        break;
    }
  }
  if (outcome.status == ingest::ImportStatus::Invalid && fmt != Format::Table)
    std::cerr << "hearth: nothing was imported: " << outcome.problem << '\n';
  if (outcome.status == ingest::ImportStatus::Imported) return kExitOk;
  return outcome.usage_problem ? kExitUsage : kExitFindings;
}

int cmd_export(const Global& g, const ExportArgs& a) {
  auto st = open_current(g);
  std::optional<model::CollectionYear> year;
  if (!a.year.empty()) year = parse_year(a.year);
  auto keys = st->list_returns();
  std::set<std::string> councils;
  for (const auto& k : keys)
    if (a.la.empty() || k.la == a.la) councils.insert(k.la);
  if (councils.empty())
    throw UsageError("the store holds no returns" +
                     (a.la.empty() ? std::string() : " for council " + a.la));
  std::size_t files = 0, returns = 0;
  for (const auto& k : keys) {
    if (!councils.count(k.la)) continue;
    if (year && k.collection_year != year->end_year) continue;
    auto ret = st->load_return(k.la, model::CollectionYear{k.collection_year});
    if (!ret) continue;
    fs::path dir = fs::path(a.out);
    if (councils.size() > 1) dir /= k.la;
    dir /= ret->year.folder_name();
    files += ssda903::write_csv_folder(dir, *ret).size();
    ++returns;
  }
  if (returns == 0) throw UsageError("no stored return matches --la/--year");
  std::cout << "Wrote " << returns << " return(s), " << files << " files, under " << a.out << '\n';
  return kExitOk;
}

int cmd_synth(const SynthArgs& a) {
  int last = a.last_year ? a.last_year : last_completed_year();
  ProgressBar bar;
  std::size_t rows = 0, files = 0;
  auto write = [&](const fs::path& base, const std::vector<model::Return>& returns) {
    for (const auto& r : returns) {
      files += ssda903::write_csv_folder(base / r.year.folder_name(), r).size();
      rows += r.total_rows();
    }
  };
  if (a.national) {
    const auto& councils = synth::national_councils();
    for (std::size_t i = 0; i < councils.size(); ++i) {
      const auto& c = councils[i];
      bar.update("council " + c.la + " " + c.name, i, councils.size());
      synth::Options o;
      o.children = c.children_looked_after;
      o.years = a.years;
      o.seed = a.seed;
      o.la = c.la;
      o.last_year = last;
      write(fs::path(a.out) / c.la, synth::generate(o));
    }
    bar.finish();
    std::cout << "Wrote " << councils.size() << " councils × " << a.years
              << " year(s): " << thousands(files) << " files, " << thousands(rows)
              << " rows, under " << a.out << '\n';
    return kExitOk;
  }
  synth::Options o;
  o.children = a.children;
  o.years = a.years;
  o.seed = a.seed;
  o.la = a.la;
  o.last_year = last;
  bar.update("generating", 0, 1);
  auto returns = synth::generate(o);
  bar.finish();
  write(fs::path(a.out), returns);
  if (!a.local_out.empty()) {
    auto local = synth::generate_local(o, returns);
    auto written = local::write_local_folder(a.local_out, local);
    std::cout << "Wrote the council's local records: " << written.size() << " files under "
              << a.local_out << '\n';
  }
  std::cout << "Wrote council " << a.la << ", " << returns.size() << " year(s) to "
            << model::CollectionYear{last}.label() << ": " << thousands(files) << " files, "
            << thousands(rows) << " rows, under " << a.out << '\n';
  return kExitOk;
}

namespace {

void store_demo_local(store::Store& st, const model::LocalRecords& local) {
  std::vector<local::LocalTable> tables;
  for (const auto& t : local::all_local_tables()) tables.push_back(t.kind);
  st.replace_local(local, tables, store::ImportMeta{"hearth demo", "synthetic", "demo", false}, {});
}

}  // namespace

namespace {

std::vector<store::ImportRecord> import_demo_returns(store::Store& st,
                                                     const std::vector<model::Return>& returns,
                                                     const std::string& la) {
  auto dir = fs::temp_directory_path() / ("hearth-demo-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  struct Cleanup {
    fs::path d;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(d, ec);
    }
  } cleanup{dir};
  for (const auto& r : returns) ssda903::write_csv_folder(dir / r.year.folder_name(), r);
  ingest::ImportOptions o;
  o.path = dir;
  o.la = la;
  o.user = "demo";
  o.source_name = "hearth demo";
  auto out = ingest::run_import(st, o);
  if (out.status != ingest::ImportStatus::Imported)
    throw std::runtime_error("the demo council's own return did not import: " + out.problem);
  return out.records;
}

}  // namespace

// The demo's statements and alerts, sealed with the store's voice key (made now for a SQLite
// store); a store with no key file named (PostgreSQL without [voice] key_file) gets none.
void add_demo_voice_if_keyed(const Global& g, store::Store& st, const std::string& la) {
  const auto cfg = load_voice_settings(g);
  const auto file = voice::key_file_for(cfg, g.store_url);
  if (file.empty()) {
    std::cout << "No voice key file is configured, so the demo has no statements "
                 "([voice] key_file or HEARTH_VOICE_KEY).\n";
    return;
  }
  add_demo_voice(st, services::voice_keys(st, file), cfg, la);
}

void add_demo_board(store::Store& st, const std::string& la) {
  const auto line = add_demo_governance(st, la, voice::england_date(model::instant_now()));
  if (!line.empty()) std::cout << line << '\n';
}

int cmd_demo(const Global& g, const DemoArgs& a) {
  auto st = open_current(g);
  auto keys = st->list_returns();
  auto origin = st->meta("origin");
  if (!keys.empty() && a.if_empty) {
    std::cout << "The store already holds " << keys.size() << " return(s); leaving it as it is.\n";
    // A demo store made before Hearth kept local records gets the demo council's records, so its
    // worklists have something to show.
    if (origin == std::string("hearth demo") && st->list_local_tables().empty()) {
      synth::Options o;
      o.children = a.children;
      o.seed = a.seed;
      o.la = keys.front().la;
      std::vector<model::Return> returns;
      for (const auto& k : keys)
        if (k.la == o.la)
          if (auto r = st->load_return(k.la, model::CollectionYear{k.collection_year})) {
            o.last_year = std::max(o.last_year, k.collection_year);
            returns.push_back(std::move(*r));
          }
      o.years = static_cast<int>(returns.size());
      store_demo_local(*st, synth::generate_local(o, returns));
      std::cout << "Added the demo council's local records (visits, health assessments, PEPs, "
                   "allocations...), which this store did not have yet.\n";
    }
    // A demo store made before Hearth had users gets the demo users.
    if (origin == std::string("hearth demo") && !st->find_user("demo-admin"))
      add_demo_users(*st, keys.front().la);
    if (origin == std::string("hearth demo")) {
      add_demo_voice_if_keyed(g, *st, keys.front().la);
      add_demo_board(*st, keys.front().la);
    }
    return kExitOk;
  }
  if (!keys.empty() && !(a.replace && origin == std::string("hearth demo"))) {
    throw UsageError(
        "the store already holds returns" +
        std::string(origin == std::string("hearth demo")
                        ? "; add --replace to make the demo council again"
                        : " that hearth demo did not make; use an empty store for the demo"));
  }
  synth::Options o;
  o.children = a.children;
  o.years = a.years;
  o.seed = a.seed;
  o.la = a.la;
  o.last_year = last_completed_year();
  ProgressBar bar;
  bar.update("generating the demo council", 0, 2);
  auto returns = synth::generate(o);
  bar.update("storing", 1, 2);
  // Through the importer, as a council's files would come: each year is read back and checked
  // with the DfE's rules, and the findings are stored with it (the Data quality page).
  auto records = import_demo_returns(*st, returns, a.la);
  bar.update("generating local records", 1, 2);
  store_demo_local(*st, synth::generate_local(o, returns));
  st->set_meta("origin", "hearth demo");
  bar.finish();
  add_demo_users(*st, a.la);
  add_demo_voice_if_keyed(g, *st, a.la);
  add_demo_board(*st, a.la);
  auto c = st->counts();
  std::cout << "Created the synthetic demo council " << a.la << " in "
            << store::redact_url(g.store_url) << ": " << records.size() << " collection years, "
            << thousands(c.children) << " children, " << thousands(c.episodes) << " episodes.\n";
  return kExitOk;
}

int cmd_db_upgrade(const Global& g, int up_to) {
  auto st = store::open_store(g.store_url);
  int before = st->schema_version();
  auto applied = st->upgrade(up_to);
  if (applied.empty()) {
    std::cout << "The schema is already at version " << before << "; nothing to do.\n";
  } else {
    std::cout << "Upgraded the schema from version " << before << " to " << applied.back() << ".\n";
  }
  return kExitOk;
}

int cmd_db_version(const Global& g, const std::string& format) {
  Format fmt = parse_format(format);
  auto st = store::open_store(g.store_url);
  int v = st->schema_version();
  if (fmt == Format::Json)
    std::cout << json{{"schema_version", v}, {"supported", store::kSchemaVersion}}.dump() << '\n';
  else if (fmt == Format::Csv)
    std::cout << "schema_version,supported\n" << v << ',' << store::kSchemaVersion << '\n';
  else
    std::cout << "Schema version " << v << " (this Hearth uses " << store::kSchemaVersion << ")\n";
  return kExitOk;
}

int cmd_info(const Global& g, const std::string& format) {
  Format fmt = parse_format(format);
  auto st = open_current(g);
  json j = info_json(*st, g.store_url);
  if (fmt == Format::Json) {
    std::cout << j.dump(2) << '\n';
    return kExitOk;
  }
  Rows rows;
  for (const auto& r : j["returns"])
    rows.push_back({r["la"].get<std::string>(), r["collection_year"].get<std::string>(),
                    thousands(r["rows"].get<std::size_t>()),
                    std::to_string(r["import_id"].get<long long>())});
  if (fmt == Format::Csv) {
    print_csv(std::cout, {"la", "collection_year", "rows", "import_id"}, rows);
    return kExitOk;
  }
  std::cout << "Store     " << j["store"].get<std::string>() << " ("
            << j["backend"].get<std::string>() << ", schema " << j["schema_version"].get<int>()
            << ")\n"
            << "Councils  " << j["councils"].get<long long>() << '\n'
            << "Children  " << thousands(j["children"].get<std::size_t>()) << '\n'
            << "Episodes  " << thousands(j["episodes"].get<std::size_t>()) << '\n'
            << "Imports   " << j["imports"].get<long long>() << "\n\n";
  print_table(std::cout, {"COUNCIL", "YEAR", "ROWS", "IMPORT"}, rows);
  return kExitOk;
}

fs::path default_web_root() {
  if (const char* env = std::getenv("HEARTH_WEB_ROOT"); env && *env) return env;
  // An installed binary (/usr/bin/hearth) serves /usr/share/hearth/web.
  if (auto installed = geo::installed_data("web", "index.html"); !installed.empty())
    return installed;
  return HEARTH_WEB_ROOT;
}

namespace {

// Few heap arenas for the server. With glibc's default (eight per core) each worker thread gets
// its own, and what an import leaves scattered over them stays resident after every trim
// (bench/soak.sh at 300 requests/s: 75 MB before an import, 118 MB after, 30 MB of it in use);
// with two, 44 MB before and 48 MB after at the same latency. One arena made every request
// queue on its lock (p50 12 ms → 65 ms). GLIBC_TUNABLES=glibc.malloc.arena_max=N still wins.
//
// And a fixed mmap threshold. glibc raises its threshold each time a mapped block is freed (up to
// 32 MB), so after the first snapshot is replaced the next snapshot's tables and the requests'
// bodies share the arenas' pages, and a page holding one long-lived block stays resident: the
// soak stepped from 52 to 64 MB at an import and stayed there until the next. Fixed at 64 KB,
// every large block (a snapshot's tables, a rendered scorecard, an upload) is its own mapping and
// goes back to the system when freed. GLIBC_TUNABLES=glibc.malloc.mmap_threshold=N still wins.
void tune_heap() {
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  const std::string_view tuned = tunables ? tunables : "";
  if (tuned.find("arena_max") == std::string_view::npos) {
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    ::mallopt(M_ARENA_MAX, static_cast<int>(std::max(2U, cores / 2)));
  }
  if (tuned.find("mmap_threshold") == std::string_view::npos)
    ::mallopt(M_MMAP_THRESHOLD, 64 * 1024);
}

}  // namespace

namespace {

// "HOST:PORT" (a port 0 to 65535; 0: any free one).
std::pair<std::string, unsigned short> host_port(const std::string& text, const char* option) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos)
    throw UsageError(std::string(option) + " takes HOST:PORT, e.g. 127.0.0.1:8080");
  int port = 0;
  try {
    std::size_t used = 0;
    port = std::stoi(text.substr(colon + 1), &used);
    if (used != text.size() - colon - 1) port = -1;
  } catch (...) {
    port = -1;
  }
  if (port < 0 || port > 65535) throw UsageError(std::string(option) + " port must be 0–65535");
  return {text.substr(0, colon), static_cast<unsigned short>(port)};
}

}  // namespace

int cmd_serve(const Global& g, const ServeArgs& a) {
  tune_heap();
  http::ServerOptions opts;
  std::tie(opts.host, opts.port) = host_port(a.listen, "--listen");
  if (a.idle_minutes < 1 || a.absolute_hours < 1 || a.max_upload_mb < 1)
    throw UsageError("--idle-minutes, --absolute-hours and --max-upload-mb must be at least 1");
  opts.io_threads = a.io_threads;
  opts.worker_threads = a.workers;
  opts.body_limit = static_cast<std::size_t>(a.max_upload_mb) * 1024 * 1024;
  opts.max_connections_per_address = a.max_connections_per_address >= 0
                                         ? a.max_connections_per_address
                                         : (a.trust_proxy ? 0 : 128);
  if (a.tls_cert.empty() != a.tls_key.empty())
    throw UsageError("--tls-cert and --tls-key go together");
  const bool tls = !a.tls_cert.empty();
  opts.tls_cert = a.tls_cert;
  opts.tls_key = a.tls_key;
  opts.hsts = a.secure_cookies || tls;

  // Refuse to start on a schema this build does not know.
  auto st = store::open_store(g.store_url);
  st->require_current_schema();
  // Web imports abandoned more than a day ago, and staging folders a killed server left.
  auto expire_uploads = [&] {
    std::size_t dirs = 0;
    auto n = store::expire_abandoned_uploads(*st, model::instant_now(), fs::temp_directory_path(),
                                             &dirs);
    if (n > 0 || dirs > 0)
      spdlog::info(
          json{{"event", "uploads_expired"}, {"imports", n}, {"staging_removed", dirs}}.dump());
  };
  expire_uploads();
  ingest::Snapshot snapshot;
  auto started = std::chrono::steady_clock::now();
  snapshot.reload(*st);

  web::Options wo;
  wo.store_url = g.store_url;
  wo.connections = a.workers;
  wo.web_root = !a.web_root.empty() ? fs::path(a.web_root) : default_web_root();
  wo.secure_cookies = a.secure_cookies || tls;
  wo.trust_forwarded = a.trust_proxy;
  wo.sessions.idle_seconds = static_cast<std::int64_t>(a.idle_minutes) * 60;
  wo.sessions.absolute_seconds = static_cast<std::int64_t>(a.absolute_hours) * 3600;
  wo.upload_limit = opts.body_limit;
  wo.timescales = load_timescale_config(g);
  wo.scorecard = load_scorecard_config(g);
  if (!g.config_path.empty()) try {
      wo.confirm_change_percent = services::load_confirm_change_percent(g.config_path);
    } catch (const timescales::ConfigError& e) {
      throw UsageError(e.what());
    }
  try {
    const auto folder = wo.scorecard.reference_folder.empty()
                            ? indicators::ReferenceData::default_folder()
                            : wo.scorecard.reference_folder;
    wo.reference =
        std::make_shared<const indicators::ReferenceData>(indicators::ReferenceData::load(folder));
  } catch (const indicators::ReferenceError& e) {
    throw UsageError(std::string("reference data: ") + e.what());
  }
  wo.voice = load_voice_settings(g);
  wo.sso = sso_client(g);
  wo.voice_key_file = voice::key_file_for(wo.voice, g.store_url);
  // The key that seals children's words: made on first use of a SQLite store; a store that
  // holds sealed text and no key file is refused now, not at a child's first message.
  const bool voice_on = !wo.voice_key_file.empty();
  if (voice_on)
    services::voice_keys(*st, wo.voice_key_file);
  else
    spdlog::warn(json{{"event", "voice_not_configured"},
                      {"message",
                       "no voice key file ([voice] key_file or HEARTH_VOICE_KEY): "
                       "statements cannot be sent or read"}}
                     .dump());
  if (!wo.voice.surveys_folder.empty()) try {
      wo.surveys = std::make_shared<const voice::SurveyBook>(
          voice::SurveyBook::load(wo.voice.surveys_folder));
    } catch (const voice::SurveyError& e) {
      throw UsageError(std::string("surveys: ") + e.what());
    }
  const voice::VoiceConfig voice_config = wo.voice;
  voice::KeyFile voice_key_file(wo.voice_key_file);
  bool have_front_end = fs::exists(wo.web_root / "index.html");
  if (a.metrics && !a.metrics_listen.empty())
    throw UsageError(
        "--metrics serves GET /metrics on this listener, --metrics-listen on its own: "
        "choose one");
  std::optional<http::ServerOptions> metrics_opts;
  if (!a.metrics_listen.empty()) {
    metrics_opts.emplace();
    std::tie(metrics_opts->host, metrics_opts->port) =
        host_port(a.metrics_listen, "--metrics-listen");
    metrics_opts->io_threads = 1;
    metrics_opts->worker_threads = 1;
    metrics_opts->light_threads = 1;
    metrics_opts->tls_cert = opts.tls_cert;
    metrics_opts->tls_key = opts.tls_key;
  }
  if (a.metrics || metrics_opts) {
    wo.metrics = a.metrics ? "here" : "own";
    opts.metrics = wo.request_metrics = std::make_shared<http::RequestMetrics>();
    if (!a.metrics_token_file.empty()) {
      std::ifstream in(a.metrics_token_file, std::ios::binary);
      if (!in) throw UsageError("cannot read --metrics-token-file " + a.metrics_token_file);
      std::getline(in, wo.metrics_token);
      while (!wo.metrics_token.empty() &&
             std::isspace(static_cast<unsigned char>(wo.metrics_token.back())))
        wo.metrics_token.pop_back();
      if (wo.metrics_token.size() < 16)
        throw UsageError("--metrics-token-file must hold a token of at least 16 characters");
    }
  } else if (!a.metrics_token_file.empty()) {
    throw UsageError("--metrics-token-file goes with --metrics or --metrics-listen");
  }
  web::App app(std::move(wo), snapshot);

  http::Server server(opts, app.router());
  server.start();
  std::unique_ptr<http::Server> metrics_server;
  if (metrics_opts) {
    metrics_server = std::make_unique<http::Server>(*metrics_opts, app.metrics_router());
    metrics_server->start();
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started)
                .count();
  std::cout << "Hearth is serving " << store::redact_url(g.store_url) << " on "
            << (tls ? "https://" : "http://") << opts.host << ':' << server.port() << "/ ("
            << snapshot.get()->children.size() << " children loaded in " << ms << " ms"
            << (snapshot.from_saved() ? ", read back as saved" : "") << "). Stop with Ctrl-C.\n";
  if (metrics_server)
    std::cout << "Metrics: " << (tls ? "https://" : "http://") << metrics_opts->host << ':'
              << metrics_server->port() << "/metrics\n";
  else if (a.metrics)
    std::cout << "Metrics: " << (tls ? "https://" : "http://") << opts.host << ':' << server.port()
              << "/metrics\n";
  if (!have_front_end)
    std::cout << "The web front end is not built (no index.html in " << default_web_root().string()
              << "): only the API is served. `make` builds it.\n";
  std::cout << std::flush;

  // Pick up imports made by other processes (hearth import, another hearth serve), and forget
  // ended sessions now and then.
  std::atomic<bool> running{true};
  std::thread watcher([&] {
    int ticks = 0;
    while (running) {
      for (int i = 0; i < 50 && running; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (!running) break;
      try {
        auto imports = st->list_imports(1);
        long long latest = imports.empty() ? 0 : imports.front().id;
        // An import this process accepted has reloaded already (routes_imports.cpp).
        // A statement sent or answered changes the Board's listening figures too.
        if (latest != snapshot.import_id() ||
            ingest::voice_version_of(*st) != snapshot.voice_version()) {
          snapshot.reload(*st);
          spdlog::info(json{{"event", "snapshot_reloaded"}, {"import", latest}}.dump());
        }
        // Give the system back what an old snapshot, a finished import, a dropped cache or a
        // burst of requests left free in the heap, every tick: glibc keeps it otherwise, and
        // resident memory stepped up with each import (bench/soak.sh: 57 → 62 → 46 MB trimming
        // once a minute, 40–47 MB trimming every five seconds; a trim takes ~2 ms, 33 ms at most).
        ::malloc_trim(0);
        // "I don't feel safe": escalate what is past its deadline, send the mail that is due
        // (the key file read again each time, so a rotation needs no restart).
        if (voice_on) try {
            const auto now = model::instant_now() + std::chrono::seconds(a.voice_clock_offset);
            auto ring = voice_key_file.get();
            auto p = run_voice_pass(*st, services::Voice{*ring, voice_config}, now, snapshot.get());
            if (p.escalated || p.sent || p.failed)
              spdlog::info(json{
                  {"event", "voice_jobs"},
                  {"escalated", p.escalated},
                  {"mail_sent", p.sent},
                  {"mail_failed",
                   p.failed}}.dump());
          } catch (const std::exception& e) {
            spdlog::warn(json{{"event", "voice_jobs_failed"}, {"error", e.what()}}.dump(
                -1, ' ', false, json::error_handler_t::replace));
          }
        if (++ticks % 60 == 0) {
          const auto now = model::instant_now();
          st->delete_expired_sessions(now - std::chrono::hours(a.absolute_hours),
                                      now - std::chrono::minutes(a.idle_minutes));
          expire_uploads();
        }
      } catch (const std::exception& e) {
        spdlog::warn(json{{"event", "snapshot_check_failed"}, {"error", e.what()}}.dump());
      }
    }
  });
  // Data built from rows (at the start, after an import) is saved for the next start, on a
  // connection and thread of its own: seconds of work on a national store hold up neither the
  // requests nor the watcher's alerts (ingest/saved_snapshot.hpp).
  std::thread saver([&] {
    std::unique_ptr<store::Store> own;
    auto next_try = std::chrono::steady_clock::now();
    while (running) {
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
      if (!running || !snapshot.unsaved() || std::chrono::steady_clock::now() < next_try) continue;
      try {
        if (!own) own = store::open_store(g.store_url);
        const auto t0 = std::chrono::steady_clock::now();
        if (snapshot.save(*own, [&] { return running.load(); }))
          spdlog::info(
              json{{"event", "snapshot_saved"},
                   {"seconds",
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()}}
                  .dump());
      } catch (const ingest::SaveStopped&) {  // stopping
      } catch (const std::exception& e) {
        spdlog::warn(json{{"event", "snapshot_save_failed"},
                          {"error", e.what()},
                          {"message", "tried again in a minute"}}
                         .dump());
        own.reset();
        next_try = std::chrono::steady_clock::now() + std::chrono::minutes(1);
      }
    }
  });
  server.run();
  if (metrics_server) metrics_server->stop();
  running = false;
  saver.join();
  watcher.join();
  std::cout << "Hearth stopped.\n";
  return kExitOk;
}

}  // namespace hearth::cli
