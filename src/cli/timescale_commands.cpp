// hearth worklist, hearth timescales, and importing local records.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "ingest/local_import.hpp"
#include "ingest/snapshot.hpp"
#include "report/finding.hpp"
#include "report/worklist.hpp"
#include "services/children.hpp"
#include "services/worklist.hpp"
#include "store/store.hpp"
#include "timescales/config.hpp"
#include "timescales/json.hpp"
#include "timescales/worklist.hpp"

namespace hearth::cli {

using nlohmann::json;
using timescales::Status;

timescales::TimescaleConfig load_timescale_config(const Global& g) {
  if (g.config_path.empty()) return timescales::TimescaleConfig::statutory();
  try {
    return timescales::load_config(g.config_path);
  } catch (const timescales::ConfigError& e) {
    throw UsageError(e.what());
  }
}

model::Date parse_day(const std::string& text, const char* option) {
  auto d = model::parse_date(text);
  if (!d) throw UsageError(std::string(option) + " '" + text + "' " + model::date_problem(text));
  return *d;
}

namespace {

std::string dmy(model::Date d) {
  return model::format_dmy(d);
}

std::string due_text(const timescales::ItemStatus& s) {
  if (!s.due) return "";
  std::string out = model::format_dmy(s.due->date);
  if (s.due->has_time()) out += model::format_date_time(*s.due).substr(10);
  return out;
}

}  // namespace

int cmd_import_local(const Global& g, const ImportArgs& a) {
  Format fmt = parse_format(a.format);
  ingest::ImportOptions o;
  o.path = a.path;
  if (!a.la.empty()) o.la = a.la;
  o.accept_with_findings = a.accept_with_findings;
  const char* user = std::getenv("USER");
  o.user = std::string("cli:") + (user ? user : "unknown");
  auto st = open_current(g);
  auto outcome = ingest::run_local_import(*st, o);
  if (outcome.usage_problem) throw UsageError(outcome.problem);
  const auto& report = outcome.read.report;
  const char* status = outcome.status == ingest::ImportStatus::Imported  ? "imported"
                       : outcome.status == ingest::ImportStatus::Blocked ? "blocked"
                                                                         : "invalid";
  if (fmt == Format::Json) {
    json tables = json::array();
    for (auto t : outcome.read.tables)
      tables.push_back({{"table", local::local_table_info(t).name},
                        {"rows", local::local_row_count(t, outcome.read.records)}});
    json fj = json::array();
    for (const auto& f : report.findings) fj.push_back(hearth::report::finding_json(f));
    json out = {{"status", status}, {"kind", "local"}, {"tables", tables}, {"findings", fj}};
    if (outcome.record)
      out["import"] = {{"id", outcome.record->id}, {"rows", outcome.record->rows}};
    if (!outcome.problem.empty()) out["problem"] = outcome.problem;
    std::cout << out.dump(2) << '\n';
  } else if (fmt == Format::Csv) {
    print_findings_csv(std::cout, report.findings);
  } else {
    for (auto t : outcome.read.tables)
      std::cout << "Read local table " << local::local_table_info(t).name << ": "
                << thousands(local::local_row_count(t, outcome.read.records)) << " rows\n";
    print_findings_table(std::cout, report.findings);
    switch (outcome.status) {
      case ingest::ImportStatus::Imported:
        std::cout << "Stored import " << outcome.record->id << ": council " << outcome.record->la
                  << ", local records, "
                  << thousands(static_cast<std::size_t>(outcome.record->rows)) << " rows"
                  << (outcome.record->replaced_rows
                          ? " (replacing the previous " +
                                thousands(static_cast<std::size_t>(outcome.record->replaced_rows)) +
                                " rows of those tables)"
                          : "")
                  << '\n';
        break;
      case ingest::ImportStatus::Blocked:
        print_blocked(std::cout, report.rejected, report.file_problems(), "local records");
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

int cmd_worklist(const Global& g, const WorklistArgs& a) {
  Format fmt = parse_format(a.format);
  services::Settings settings;
  settings.timescales = load_timescale_config(g);
  auto st = open_current(g);
  services::SnapshotCache snap(ingest::load_dataset(*st), std::move(settings));
  services::WorklistQuery q;
  q.la = a.la;
  q.as_of = a.as_of;
  q.as_of_name = "--as-of";
  q.worker = a.worker;
  q.team = a.team;
  if (a.within >= 0) q.within = a.within;
  q.since = a.since;
  q.since_name = "--since";
  const auto wl = services::worklist(snap, q);
  const auto& engine = *snap.engine;
  const auto& whole = *wl.whole;

  if (fmt == Format::Json) {
    std::cout << report::worklist_json(wl, engine).dump(2) << '\n';
    return kExitOk;
  }
  if (fmt == Format::Csv) {
    if (!wl.as_of.records_note.empty()) std::cerr << "Note: " << wl.as_of.records_note << ".\n";
    std::cout << report::worklist_csv(wl, engine);
    return kExitOk;
  }
  const std::vector<std::string> headers = {"DUE",  "DAYS OVERDUE", "ITEM",     "CHILD", "WORKER",
                                            "TEAM", "ANCHOR",       "EVIDENCE", "NOTE"};
  auto rows_of = [&](const std::vector<const timescales::WorkItem*>& v) {
    Rows rows;
    for (const auto* w : v) {
      const auto& s = w->status;
      std::string item(timescales::item(s.item).key);
      if (!s.term.empty()) item += " (" + std::string(s.term) + ")";
      rows.push_back({due_text(s),
                      s.status == Status::Overdue ? std::to_string(w->days_overdue) : "", item,
                      std::string(w->child),
                      w->who.worker.empty() ? "(unallocated)" : std::string(w->who.worker),
                      std::string(w->who.team),
                      std::string(timescales::anchor_text(s.anchor)) + " " +
                          model::format_dmy(s.anchor_date.date),
                      timescales::evidence_text(engine, s), std::string(s.reason)});
    }
    return rows;
  };
  std::cout << "Worklist";
  if (!a.worker.empty()) {
    std::cout << " for " << a.worker;
    for (const auto& w : wl.workers)
      if (w.worker == a.worker && !w.name.empty())
        std::cout << " (" << w.name << ", " << w.team << ")";
  } else if (!a.team.empty()) {
    std::cout << " for the " << a.team << " team";
  } else {
    std::cout << " for the whole service";
  }
  std::cout << " on " << dmy(whole.as_of)
            << (wl.as_of.defaulted ? " (the date the data runs to; use --as-of to choose)" : "")
            << ".\n"
            << "Due soon means due by " << dmy(whole.horizon) << "; done late counts from "
            << dmy(whole.since) << ".\n";
  if (!wl.as_of.records_note.empty()) std::cout << "Note: " << wl.as_of.records_note << ".\n";
  std::cout << '\n';
  if (a.worker.empty()) {
    Rows rows;
    for (const auto& w : wl.workers)
      rows.push_back({w.worker.empty() ? "(unallocated)" : w.worker, w.name, w.team,
                      std::to_string(w.overdue), std::to_string(w.due_soon),
                      std::to_string(w.done_late)});
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
      return std::stoi(x[3]) > std::stoi(y[3]);
    });
    std::cout << "By worker\n";
    print_table(std::cout, {"WORKER", "NAME", "TEAM", "OVERDUE", "DUE SOON", "DONE LATE"}, rows);
    std::cout << '\n';
  }
  const char* titles[] = {"Overdue, oldest first", "Due soon", "Done late this period"};
  for (std::size_t i = 0; i < wl.sections.size(); ++i) {
    const auto& items = wl.sections[i].items;
    std::cout << titles[i] << " (" << items.size() << ")\n";
    if (!items.empty()) print_table(std::cout, headers, rows_of(items));
    std::cout << '\n';
  }
  return kExitOk;
}

int cmd_timescales(const Global& g, const TimescalesArgs& a) {
  Format fmt = parse_format(a.format);
  auto config = load_timescale_config(g);
  if (a.show_config) {
    Rows rows;
    for (const auto& k : timescales::describe(config)) rows.push_back({k.key, k.value, k.meaning});
    if (fmt == Format::Json) {
      json j = json::object();
      for (const auto& r : rows) j[r[0]] = r[1];
      std::cout << j.dump(2) << '\n';
    } else if (fmt == Format::Csv) {
      print_csv(std::cout, {"key", "value", "meaning"}, rows);
    } else {
      print_table(std::cout, {"KEY", "VALUE", "MEANING"}, rows);
    }
    return kExitOk;
  }
  if (a.child.empty()) throw UsageError("name the child with --child (or use --show-config)");
  auto st = open_current(g);
  services::Settings settings;
  settings.timescales = config;
  services::SnapshotCache snap(ingest::load_dataset(*st), std::move(settings));
  const auto& data = *snap.data;
  std::optional<model::ChildIndex> found;
  for (model::ChildIndex c = 0; c < data.children.size(); ++c) {
    const auto& rec = data.children[c];
    if (rec.child != a.child || (!a.la.empty() && rec.la != a.la)) continue;
    if (found) throw UsageError("child " + a.child + " is in more than one council: add --la");
    found = c;
  }
  if (!found) throw UsageError("no child " + a.child + " in the store");
  services::JourneyQuery q;
  q.child = *found;
  q.as_of = services::resolve_as_of(data, a.as_of, ingest::AsOfUse::Timescales,
                                    data.children[q.child].la, "--as-of");
  q.findings = false;
  const auto journey = services::journey(snap, *st, q);
  const auto& engine = *snap.engine;
  const auto& resolved = journey.as_of;
  const model::Date as_of = resolved.date;
  if (fmt == Format::Json) {
    // The API's journey carries the same document as its "timescales", with the dates beside it.
    json j = timescales::child_json(engine, q.child, as_of, journey.items);
    j["records_to"] = model::format_iso(resolved.records_to);
    j["records_note"] = resolved.records_note;
    std::cout << j.dump(2) << '\n';
    return kExitOk;
  }
  Rows rows;
  for (const auto& s : journey.items) {
    std::string item(timescales::item(s.item).key);
    if (s.occurrence > 1) item += " #" + std::to_string(s.occurrence);
    if (!s.term.empty()) item += " (" + std::string(s.term) + ")";
    rows.push_back({item, due_text(s), std::string(timescales::status_name(s.status)),
                    std::string(timescales::anchor_text(s.anchor)) + " " +
                        model::format_dmy(s.anchor_date.date),
                    timescales::evidence_text(engine, s), std::string(s.reason)});
  }
  const std::vector<std::string> headers = {"ITEM",   "DUE",      "STATUS",
                                            "ANCHOR", "EVIDENCE", "REASON"};
  if (fmt == Format::Csv) {
    if (!resolved.records_note.empty()) std::cerr << "Note: " << resolved.records_note << ".\n";
    print_csv(std::cout, headers, rows);
    return kExitOk;
  }
  std::cout << "Child " << a.child << " on " << dmy(as_of)
            << (resolved.defaulted ? " (the date the data runs to)" : "") << "\n";
  if (!resolved.records_note.empty()) std::cout << "Note: " << resolved.records_note << ".\n";
  std::cout << "\n";
  print_table(std::cout, headers, rows);
  return kExitOk;
}

}  // namespace hearth::cli
