// hearth worklist, hearth timescales, and importing local records.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "ingest/local_import.hpp"
#include "ingest/snapshot.hpp"
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

ingest::AsOf resolve_as_of(const std::string& text, const model::Dataset& d, ingest::AsOfUse use,
                           const std::string& la) {
  try {
    return ingest::resolve_as_of(text, d, use, la, "--as-of");
  } catch (const ingest::AsOfError& e) {
    throw UsageError(e.what());
  }
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
    for (const auto& f : report.findings) fj.push_back(finding_json(f));
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
  auto config = load_timescale_config(g);
  auto st = open_current(g);
  auto data = ingest::load_dataset(*st);
  if (data->children.empty()) throw UsageError("the store holds no children: import a return");
  // A worker or team the records do not know is a mistake to say, not an empty list.
  auto known = [&](const std::string& value, bool team) {
    for (const auto& lr : data->local) {
      if (!a.la.empty() && lr.la != a.la) continue;
      for (const auto& al : lr.allocations)
        if ((team ? al.team : al.worker) == value) return true;
      for (const auto& p : lr.professionals)
        if ((team ? p.team : p.id) == value) return true;
    }
    return false;
  };
  if (!a.worker.empty() && !known(a.worker, false))
    throw UsageError("no worker '" + a.worker + "' in the allocations or professionals imported" +
                     (a.la.empty() ? std::string() : " for council " + a.la) +
                     "; `hearth worklist` lists the workers");
  if (!a.team.empty() && !known(a.team, true))
    throw UsageError("no team '" + a.team + "' in the allocations or professionals imported" +
                     (a.la.empty() ? std::string() : " for council " + a.la) +
                     "; `hearth worklist` lists each worker's team");
  timescales::Engine engine(*data, config);
  timescales::WorklistOptions o;
  const auto as_of = resolve_as_of(a.as_of, *data, ingest::AsOfUse::Timescales);
  const bool defaulted = as_of.defaulted;
  o.as_of = as_of.date;
  o.la = a.la;
  if (!a.worker.empty()) o.worker = a.worker;
  if (!a.team.empty()) o.team = a.team;
  o.within_working_days = a.within;
  if (!a.since.empty()) o.since = parse_day(a.since, "--since");
  auto wl = timescales::build_worklist(engine, o);

  struct Sum {
    std::string name, team;
    int overdue = 0, soon = 0, late = 0;
  };
  std::map<std::string, Sum> by_worker;
  auto count = [&](const std::vector<timescales::WorkItem>& v, int Sum::*m) {
    for (const auto& w : v) {
      auto& s = by_worker[std::string(w.who.worker)];
      s.name = w.who.name;
      s.team = w.who.team;
      ++(s.*m);
    }
  };
  count(wl.overdue, &Sum::overdue);
  count(wl.due_soon, &Sum::soon);
  count(wl.done_late, &Sum::late);

  if (fmt == Format::Json) {
    auto list = [&](const std::vector<timescales::WorkItem>& v) {
      json arr = json::array();
      for (const auto& w : v) arr.push_back(timescales::work_item_json(engine, w, wl.as_of));
      return arr;
    };
    json workers = json::array();
    for (const auto& [id, s] : by_worker)
      workers.push_back({{"worker", id.empty() ? json(nullptr) : json(id)},
                         {"name", s.name},
                         {"team", s.team},
                         {"overdue", s.overdue},
                         {"due_soon", s.soon},
                         {"done_late", s.late}});
    json out = {{"as_of", model::format_iso(wl.as_of)},
                {"due_soon_until", model::format_iso(wl.horizon)},
                {"done_late_since", model::format_iso(wl.since)},
                {"records_to", model::format_iso(as_of.records_to)},
                {"records_note", as_of.records_note},
                {"filter",
                 {{"worker", a.worker.empty() ? json(nullptr) : json(a.worker)},
                  {"team", a.team.empty() ? json(nullptr) : json(a.team)},
                  {"la", a.la.empty() ? json(nullptr) : json(a.la)}}},
                {"workers", workers},
                {"overdue", list(wl.overdue)},
                {"due_soon", list(wl.due_soon)},
                {"done_late", list(wl.done_late)}};
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  const std::vector<std::string> headers = {"DUE",  "DAYS OVERDUE", "ITEM",     "CHILD", "WORKER",
                                            "TEAM", "ANCHOR",       "EVIDENCE", "NOTE"};
  auto rows_of = [&](const std::vector<timescales::WorkItem>& v) {
    Rows rows;
    for (const auto& w : v) {
      const auto& s = w.status;
      std::string item(timescales::item(s.item).key);
      if (!s.term.empty()) item += " (" + std::string(s.term) + ")";
      rows.push_back(
          {due_text(s), s.status == Status::Overdue ? std::to_string(w.days_overdue) : "", item,
           std::string(w.child), w.who.worker.empty() ? "(unallocated)" : std::string(w.who.worker),
           std::string(w.who.team),
           std::string(timescales::anchor_text(s.anchor)) + " " +
               model::format_dmy(s.anchor_date.date),
           timescales::evidence_text(engine, s), std::string(s.reason)});
    }
    return rows;
  };
  if (fmt == Format::Csv) {
    if (!as_of.records_note.empty()) std::cerr << "Note: " << as_of.records_note << ".\n";
    std::vector<std::string> h = {"section", "due",    "days_overdue", "item", "child", "worker",
                                  "team",    "anchor", "evidence",     "note", "status"};
    Rows rows;
    auto add = [&](const char* section, const std::vector<timescales::WorkItem>& v) {
      Rows r = rows_of(v);
      for (std::size_t i = 0; i < r.size(); ++i) {
        r[i].insert(r[i].begin(), section);
        r[i].push_back(std::string(timescales::status_name(v[i].status.status)));
        rows.push_back(std::move(r[i]));
      }
    };
    add("overdue", wl.overdue);
    add("due_soon", wl.due_soon);
    add("done_late", wl.done_late);
    print_csv(std::cout, h, rows);
    return kExitOk;
  }
  std::cout << "Worklist";
  if (!a.worker.empty()) {
    std::cout << " for " << a.worker;
    auto it = by_worker.find(a.worker);
    if (it != by_worker.end() && !it->second.name.empty())
      std::cout << " (" << it->second.name << ", " << it->second.team << ")";
  } else if (!a.team.empty()) {
    std::cout << " for the " << a.team << " team";
  } else {
    std::cout << " for the whole service";
  }
  std::cout << " on " << dmy(wl.as_of)
            << (defaulted ? " (the date the data runs to; use --as-of to choose)" : "") << ".\n"
            << "Due soon means due by " << dmy(wl.horizon) << "; done late counts from "
            << dmy(wl.since) << ".\n";
  if (!as_of.records_note.empty()) std::cout << "Note: " << as_of.records_note << ".\n";
  std::cout << '\n';
  if (a.worker.empty()) {
    Rows rows;
    for (const auto& [id, s] : by_worker)
      rows.push_back({id.empty() ? "(unallocated)" : id, s.name, s.team, std::to_string(s.overdue),
                      std::to_string(s.soon), std::to_string(s.late)});
    std::sort(rows.begin(), rows.end(),
              [](const auto& x, const auto& y) { return std::stoi(x[3]) > std::stoi(y[3]); });
    std::cout << "By worker\n";
    print_table(std::cout, {"WORKER", "NAME", "TEAM", "OVERDUE", "DUE SOON", "DONE LATE"}, rows);
    std::cout << '\n';
  }
  auto section = [&](const char* title, const std::vector<timescales::WorkItem>& v) {
    std::cout << title << " (" << v.size() << ")\n";
    if (!v.empty()) print_table(std::cout, headers, rows_of(v));
    std::cout << '\n';
  };
  section("Overdue, oldest first", wl.overdue);
  section("Due soon", wl.due_soon);
  section("Done late this period", wl.done_late);
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
  auto data = ingest::load_dataset(*st);
  std::optional<model::ChildIndex> found;
  for (model::ChildIndex c = 0; c < data->children.size(); ++c) {
    const auto& rec = data->children[c];
    if (rec.child != a.child || (!a.la.empty() && rec.la != a.la)) continue;
    if (found) throw UsageError("child " + a.child + " is in more than one council: add --la");
    found = c;
  }
  if (!found) throw UsageError("no child " + a.child + " in the store");
  timescales::Engine engine(*data, config);
  const auto resolved = resolve_as_of(a.as_of, *data, ingest::AsOfUse::Timescales);
  const bool defaulted = resolved.defaulted;
  const model::Date as_of = resolved.date;
  if (fmt == Format::Json) {
    json j = timescales::child_json(engine, *found, as_of);
    j["records_to"] = model::format_iso(resolved.records_to);
    j["records_note"] = resolved.records_note;
    std::cout << j.dump(2) << '\n';
    return kExitOk;
  }
  Rows rows;
  for (const auto& s : engine.child(*found, as_of)) {
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
            << (defaulted ? " (the date the data runs to)" : "") << "\n";
  if (!resolved.records_note.empty()) std::cout << "Note: " << resolved.records_note << ".\n";
  std::cout << "\n";
  print_table(std::cout, headers, rows);
  return kExitOk;
}

}  // namespace hearth::cli
