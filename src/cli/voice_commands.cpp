#include "cli/voice_commands.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/audit_log.hpp"
#include "cli/common.hpp"
#include "cli/output.hpp"
#include "ingest/snapshot.hpp"
#include "report/finding.hpp"
#include "report/sar.hpp"
#include "report/zip.hpp"
#include "services/alerts.hpp"
#include "services/snapshot_cache.hpp"
#include "services/statement_import.hpp"
#include "timescales/config.hpp"
#include "voice/clock.hpp"

namespace hearth::cli {

using nlohmann::json;

voice::VoiceConfig load_voice_settings(const Global& g) {
  if (g.config_path.empty()) return voice::VoiceConfig::defaults();
  try {
    return voice::load_voice_config(g.config_path);
  } catch (const timescales::ConfigError& e) {
    throw UsageError(e.what());
  }
}

VoicePass run_voice_pass(store::Store& st, const services::Voice& v, model::Instant now,
                         std::shared_ptr<const model::Dataset> data) {
  VoicePass p;
  p.escalated = services::escalate_due(
      st, v, now, services::allocations_in(std::move(data), voice::england_date(now)));
  auto mail = services::send_due_mail(st, v, now);
  p.sent = mail.sent;
  p.failed = mail.failed;
  return p;
}

void add_voice_cli(CLI::App& app, VoiceCli& v) {
  auto* keys = app.add_subcommand("keys", "The keys that seal what children and workers write");
  v.keys_rotate = keys->add_subcommand(
      "rotate", "Add a new key and re-seal every statement, reply and acknowledgement with it");
  v.keys_rotate->add_flag("--keep-old", v.keep_old,
                          "Keep the old keys in the file (default: only the new key is kept)");
  keys->require_subcommand(1);
  auto* alerts = app.add_subcommand("alerts", "\"I don't feel safe\" alerts");
  v.alerts_run = alerts->add_subcommand(
      "run",
      "Escalate the alerts past their deadline and send the mail that is due, once (hearth "
      "serve does this every few seconds)");
  v.alerts_run->add_option("--now", v.now,
                           "Act as if it were this moment (ISO 8601 UTC, e.g. "
                           "2026-12-07T18:30:00Z); default: now");
  v.alerts_list = alerts->add_subcommand("list", "Open alerts: deadline, level, who was told");
  v.alerts_list->add_option("--la", v.la, "Only this council");
  v.alerts_list->add_option("--format", v.format, "table, json or csv")->capture_default_str();
  alerts->require_subcommand(1);
  auto* sar = app.add_subcommand("sar", "Subject access requests");
  v.sar_export = sar->add_subcommand(
      "export",
      "Everything Hearth holds about a child (record, statements and replies, alerts, accounts) "
      "as a ZIP of JSON and CSV");
  v.sar_export->add_option("--child", v.child, "The child's CHILD identifier")->required();
  v.sar_export->add_option("--la", v.la, "The child's council (when several are stored)");
  v.sar_export->add_option("--out", v.out, "The ZIP file to write")->required();
  sar->require_subcommand(1);
}

namespace {

int rotate(const Global& g, const VoiceCli& a) {
  auto st = store::open_store(g.store_url);
  st->require_current_schema();
  const auto cfg = load_voice_settings(g);
  const auto file = voice::key_file_for(cfg, g.store_url);
  if (file.empty())
    throw UsageError("name the voice key file: [voice] key_file in --config, or HEARTH_VOICE_KEY");
  voice::Keyring ring = voice::Keyring::load(file);
  const std::string old_id = ring.current_id();
  const std::string new_id = ring.add_key();
  // The file with both keys first: a server reading it meanwhile opens old and new boxes alike,
  // and a stop before the end leaves every box openable.
  ring.save(file);
  auto boxes = st->voice().sealed_texts();
  for (auto& b : boxes) b.box = ring.seal(ring.open(b.box));
  st->voice().reseal(boxes);
  if (!a.keep_old) {
    ring.drop_old_keys();
    ring.save(file);
  }
  cli_audit(*st, "voice.keys_rotate", "hearth", "ok",
            {{"from", old_id}, {"to", new_id}, {"texts", boxes.size()}});
  std::cout << "Re-sealed " << boxes.size() << " texts with key " << new_id << " (was " << old_id
            << ")"
            << (a.keep_old ? "; the old keys are kept in " : "; only the new key is kept in ")
            << file.string() << ".\n";
  return kExitOk;
}

// The store (at the current schema), the voice's settings and its keys: what the commands that
// read or write children's words start from.
struct OpenVoice {
  std::unique_ptr<store::Store> st;
  voice::VoiceConfig cfg;
  voice::Keyring keys;
};
OpenVoice open_voice(const Global& g) {
  auto st = store::open_store(g.store_url);
  st->require_current_schema();
  auto cfg = load_voice_settings(g);
  auto keys = services::voice_keys(*st, voice::key_file_for(cfg, g.store_url));
  return {std::move(st), std::move(cfg), std::move(keys)};
}

int run_once(const Global& g, const VoiceCli& a) {
  auto [st, cfg, keys] = open_voice(g);
  model::Instant now = model::instant_now();
  if (!a.now.empty()) {
    auto t = model::parse_instant(a.now);
    if (!t)
      throw UsageError("--now '" + a.now +
                       "' is not an ISO 8601 UTC time such as 2026-12-07T18:30:00Z");
    now = *t;
  }
  auto p = run_voice_pass(*st, services::Voice{keys, cfg}, now, ingest::load_dataset(*st));
  std::cout << "Escalated " << p.escalated << " alert" << (p.escalated == 1 ? "" : "s") << "; sent "
            << p.sent << " email" << (p.sent == 1 ? "" : "s") << ", " << p.failed
            << " failed (tried again later).\n";
  return kExitOk;
}

int list(const Global& g, const VoiceCli& a) {
  auto st = store::open_store(g.store_url);
  st->require_current_schema();
  std::vector<std::string> councils;
  if (!a.la.empty())
    councils.push_back(a.la);
  else
    for (const auto& r : st->list_returns())
      if (std::find(councils.begin(), councils.end(), r.la) == councils.end())
        councils.push_back(r.la);
  const std::vector<std::string> headers{"alert", "council", "child", "raised",
                                         "due",   "level",   "told"};
  Rows rows;
  nlohmann::json items = nlohmann::json::array();
  const auto now = model::instant_now();
  for (const auto& la : councils)
    for (const auto& al : st->voice().alerts(la, true)) {
      std::string told;
      for (const auto& e : st->voice().alert_events(al.id))
        if (e.kind == "told") told += (told.empty() ? "" : ", ") + e.username;
      rows.push_back({std::to_string(al.id), al.la, al.child, model::format_instant(al.raised_at),
                      model::format_instant(al.due_at) + (al.due_at <= now ? " (overdue)" : ""),
                      std::to_string(al.level), told});
      items.push_back({{"id", al.id},
                       {"la", al.la},
                       {"child", al.child},
                       {"raised_at", model::format_instant(al.raised_at)},
                       {"due_at", model::format_instant(al.due_at)},
                       {"overdue", al.due_at <= now},
                       {"level", al.level},
                       {"told", told}});
    }
  switch (parse_format(a.format)) {
    case Format::Json:
      std::cout << nlohmann::json{{"items", items}, {"total", items.size()}}.dump(2) << '\n';
      break;
    case Format::Csv:
      print_csv(std::cout, headers, rows);
      break;
    case Format::Table:
      if (rows.empty())
        std::cout << "No open alerts.\n";
      else
        print_table(std::cout, headers, rows);
  }
  return kExitOk;
}

int sar_export(const Global& g, const VoiceCli& a) {
  auto [st, cfg, keys] = open_voice(g);
  auto data = ingest::load_dataset(*st);
  std::string la = a.la;
  if (la.empty()) {
    for (model::ChildIndex c = 0; c < data->children.size(); ++c)
      if (data->children[c].child == a.child) {
        if (!la.empty() && la != data->children[c].la)
          throw UsageError("child " + a.child +
                           " is in more than one council: say which with --la");
        la = data->children[c].la;
      }
    if (la.empty()) throw UsageError("there is no child " + a.child);
  }
  services::Settings settings;
  settings.timescales = load_timescale_config(g);
  settings.scorecard = load_scorecard_config(g);
  services::SnapshotCache snap(data, std::move(settings));
  const auto now = model::format_instant(model::instant_now());
  auto files = report::subject_access_files(snap, *st, keys, la, a.child, now);
  const std::string bytes = report::zip_archive(files);
  // Written beside, then renamed: a stopped export leaves no half archive under the name.
  const std::filesystem::path out(a.out), part(a.out + ".part");
  {
    std::ofstream f(part, std::ios::binary | std::ios::trunc);
    if (!f) throw UsageError("cannot write " + part.string());
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) throw UsageError("cannot write " + part.string());
  }
  std::filesystem::rename(part, out);
  cli_audit(*st, "sar.export", "child:" + la + "/" + a.child, "ok",
            {{"files", files.size()}, {"bytes", bytes.size()}});
  std::cout << "Wrote everything Hearth holds about child " << a.child << " (" << files.size()
            << " files, " << bytes.size() << " bytes) to " << out.string() << ".\n";
  return kExitOk;
}

}  // namespace

int cmd_import_statements(const Global& g, const ImportArgs& a) {
  Format fmt = parse_format(a.format);
  ingest::ImportOptions o;
  o.path = a.path;
  if (!a.la.empty()) o.la = a.la;
  o.accept_with_findings = a.accept_with_findings;
  auto [st, cfg, keys] = open_voice(g);
  auto outcome = services::import_statements(*st, keys, o);
  if (outcome.usage_problem) throw UsageError(outcome.problem);
  const auto& report = outcome.read.report;
  const bool imported = outcome.status == ingest::ImportStatus::Imported;
  const char* status = imported                                          ? "imported"
                       : outcome.status == ingest::ImportStatus::Blocked ? "blocked"
                                                                         : "invalid";
  if (fmt == Format::Json) {
    json fj = json::array();
    for (const auto& f : report.findings) fj.push_back(hearth::report::finding_json(f));
    json out = {
        {"status", status},       {"kind", "statements"},       {"rows", outcome.read.rows.size()},
        {"added", outcome.added}, {"updated", outcome.updated}, {"findings", fj}};
    if (!outcome.problem.empty()) out["problem"] = outcome.problem;
    std::cout << out.dump(2) << '\n';
  } else if (fmt == Format::Csv) {
    print_findings_csv(std::cout, report.findings);
  } else {
    std::cout << "Read statements from another app: " << thousands(outcome.read.rows.size())
              << " rows\n";
    print_findings_table(std::cout, report.findings);
    if (imported)
      std::cout << "Stored " << thousands(outcome.added) << " new statements and updated "
                << thousands(outcome.updated) << " loaded before, for council " << a.la
                << " (their words sealed with key " << keys.current_id() << ")\n";
    else if (outcome.status == ingest::ImportStatus::Blocked)
      print_blocked(std::cout, report.rejected, report.file_problems(), "statements");
    else
      std::cout << "Nothing was imported: " << outcome.problem << '\n';
  }
  if (outcome.status == ingest::ImportStatus::Invalid && fmt != Format::Table)
    std::cerr << "hearth: nothing was imported: " << outcome.problem << '\n';
  cli_audit(*st, "import.statements", "council:" + a.la, imported ? "ok" : "failed",
            {{"rows", outcome.read.rows.size()},
             {"added", outcome.added},
             {"updated", outcome.updated},
             {"findings", report.findings.size()}});
  return imported ? kExitOk : kExitFindings;
}

std::optional<int> run_voice_cli(const Global& g, const VoiceCli& v) {
  if (v.keys_rotate && *v.keys_rotate) return rotate(g, v);
  if (v.alerts_run && *v.alerts_run) return run_once(g, v);
  if (v.alerts_list && *v.alerts_list) return list(g, v);
  if (v.sar_export && *v.sar_export) return sar_export(g, v);
  return std::nullopt;
}

}  // namespace hearth::cli
