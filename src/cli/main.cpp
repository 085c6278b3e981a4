// hearth: the command line. Parses arguments, calls a command, and is the one place where
// exceptions become exit codes.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/backup_commands.hpp"
#include "cli/commands.hpp"
#include "cli/governance_commands.hpp"
#include "cli/paper_commands.hpp"
#include "cli/reference_commands.hpp"
#include "cli/settings.hpp"
#include "cli/voice_commands.hpp"
#include "services/errors.hpp"
#include "store/store.hpp"
#include "web/web.hpp"

using namespace hearth::cli;

int main(int argc, char** argv) {
  // Logs are one JSON object per line on standard error (every message Hearth logs is itself a
  // JSON object), so a log shipper can read them and standard output stays for results.
  auto logger = spdlog::stderr_logger_mt("hearth");
  logger->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","log":%v})",
                      spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(logger);
  // `hearth --version --licences`: the version, then the sources and licences of the data Hearth
  // ships (CLI11's version flag stops at --version, so this is looked for first).
  bool licences = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    licences = licences || arg == "--licences" || arg == "--licenses";
  }
  if (licences) {
    std::cout << "hearth 0.1.0\n\n" << licences_text();
    return kExitOk;
  }
  CLI::App app{"Hearth — corporate parenting for children in care and care leavers"};
  app.require_subcommand(1);
  Global g;
  const char* env_store = std::getenv("HEARTH_STORE");
  g.store_url = env_store && *env_store ? env_store : "sqlite:var/hearth.db";
  app.add_option("--store", g.store_url,
                 "Store URL: sqlite:PATH or postgresql://USER@HOST:PORT/DB (env HEARTH_STORE)")
      ->capture_default_str();
  const char* env_config = std::getenv("HEARTH_CONFIG");
  g.config_path = env_config ? env_config : default_config_path();
  app.add_option("--config", g.config_path,
                 "TOML configuration: the store, the server, the council's timescales, "
                 "scorecard and voice (env HEARTH_CONFIG; default: /etc/hearth/hearth.toml if "
                 "it exists, else the statutory values)");
  app.set_version_flag("--version", "hearth 0.1.0");

  ImportArgs imp;
  auto* import = app.add_subcommand(
      "import", "Import SSDA903 files (CSV or XML) into the store, whole or not at all");
  import
      ->add_option("path", imp.path,
                   "Folder of 903 CSV files, one XML file, or a folder of "
                   "year folders (2024-25/) or council folders (887/2024-25/)")
      ->required();
  import->add_option("--year", imp.year,
                     "Collection year, e.g. 2024-25 (default: from the "
                     "folder name, else from the data)");
  import->add_option("--la", imp.la, "Council's three-digit LA code, e.g. 887");
  import->add_flag("--accept-with-findings", imp.accept_with_findings,
                   "Store the good rows even when some rows were rejected");
  import->add_option("--format", imp.format, "table, json or csv")->capture_default_str();
  import
      ->add_option("--progress", imp.progress,
                   "auto (a bar on a terminal), plain (a line per stage on stderr) or none")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "plain", "none"}));

  ExportArgs exp;
  auto* exportc = app.add_subcommand("export", "Write stored returns back out as 903 CSV files");
  exportc->add_option("--out", exp.out, "Folder to write into")->required();
  exportc->add_option("--la", exp.la, "Only this council");
  exportc->add_option("--year", exp.year, "Only this collection year, e.g. 2024-25");

  SynthArgs syn;
  auto* synth = app.add_subcommand("synth", "Write a synthetic council (or all 153) as 903 CSVs");
  synth->add_option("--children", syn.children, "Children looked after on the last 31 March")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  synth->add_option("--years", syn.years, "Collection years to write")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  synth->add_option("--seed", syn.seed, "Random seed (same seed, same council)")
      ->capture_default_str();
  synth->add_option("--la", syn.la, "LA code of the council")->capture_default_str();
  synth->add_option("--last-year", syn.last_year,
                    "End year of the last collection year (default: the last completed one)");
  synth->add_flag("--national", syn.national,
                  "All 153 English councils at their own sizes (about 85,000 children)");
  synth->add_option("--out", syn.out, "Folder to write into")->required();
  synth->add_option("--local-out", syn.local_out,
                    "Also write the council's local records (visits, health, PEPs...) here");

  DemoArgs demo;
  auto* democ = app.add_subcommand("demo", "Create the synthetic demo council in the store");
  democ->add_option("--children", demo.children, "Children looked after")->capture_default_str();
  democ->add_option("--years", demo.years, "Collection years")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  democ->add_option("--seed", demo.seed, "Random seed")->capture_default_str();
  democ->add_option("--la", demo.la, "LA code")->capture_default_str();
  democ->add_flag("--replace", demo.replace, "Replace the demo council's returns if present");
  democ->add_flag("--if-empty", demo.if_empty,
                  "Do nothing (and succeed) when the store already holds returns");

  auto* db = app.add_subcommand("db", "Database schema");
  db->require_subcommand(1);
  auto* upgrade = db->add_subcommand("upgrade", "Apply schema migrations (back up first)");
  int upgrade_to = hearth::store::kSchemaVersion;
  upgrade->add_option("--to", upgrade_to)->group("");  // tests: an older store
  std::string version_format = "table";
  auto* version = db->add_subcommand("version", "Show the schema version");
  version->add_option("--format", version_format, "table, json or csv");

  std::string info_format = "table";
  auto* info = app.add_subcommand("info", "What the store holds: councils, years, children");
  info->add_option("--format", info_format, "table, json or csv")->capture_default_str();

  ServeArgs srv;
  auto* serve = app.add_subcommand("serve", "Serve the web application and JSON API");
  serve->add_option("--listen", srv.listen, "HOST:PORT to listen on")->capture_default_str();
  serve->add_option("--io-threads", srv.io_threads, "Network threads")->capture_default_str();
  serve->add_option("--workers", srv.workers, "Worker threads (and database connections)")
      ->capture_default_str();
  serve->add_option("--web", srv.web_root,
                    "The built web front end (default: $HEARTH_WEB_ROOT, else the build's "
                    "web/dist)");
  serve->add_flag("--secure-cookies", srv.secure_cookies,
                  "Mark cookies Secure and send HSTS: use when served over HTTPS (a TLS proxy)");
  serve->add_flag("--trust-proxy", srv.trust_proxy,
                  "Take the client's address from X-Forwarded-For (only behind your own proxy)");
  serve->add_option("--idle-minutes", srv.idle_minutes, "A session ends after this long unused")
      ->capture_default_str();
  serve
      ->add_option("--absolute-hours", srv.absolute_hours, "A session ends this long after sign-in")
      ->capture_default_str();
  serve->add_option("--tls-cert", srv.tls_cert,
                    "Serve HTTPS with this PEM certificate chain (with --tls-key); cookies are "
                    "then Secure and HSTS is sent");
  serve->add_option("--tls-key", srv.tls_key, "The PEM private key for --tls-cert");
  serve->add_option("--voice-clock-offset", srv.voice_clock_offset)->group("");
  serve
      ->add_option("--max-upload-mb", srv.max_upload_mb,
                   "Largest request body (an uploaded file); larger ones get 413")
      ->capture_default_str();
  serve->add_flag("--metrics", srv.metrics,
                  "Answer GET /metrics (Prometheus) on this listener, to scrapes from this "
                  "machine not forwarded by a proxy, or with --metrics-token-file's token");
  serve->add_option("--metrics-listen", srv.metrics_listen,
                    "HOST:PORT: answer GET /metrics on a listener of its own (bind it to an "
                    "internal address); not on the main one");
  serve->add_option("--metrics-token-file", srv.metrics_token_file,
                    "A file holding a token a scrape must send as \"Authorization: Bearer\"");
  serve->add_option("--max-connections-per-address", srv.max_connections_per_address,
                    "Connections open at once from one address; more get 503 and are closed "
                    "(default 128; no cap with --trust-proxy; 0: no cap)");

  auto* userc = app.add_subcommand("user", "People who sign in to Hearth, and their roles");
  userc->require_subcommand(1);
  UserArgs ua;
  auto* user_add = userc->add_subcommand("add", "Add a user (prints a new password once)");
  user_add->add_option("username", ua.username, "Their sign-in name")->required();
  user_add
      ->add_option("--role", ua.role,
                   "admin, analyst, manager, iro, worker, board, board_officer, "
                   "participation or young_person")
      ->required();
  user_add->add_option("--name", ua.display_name, "Their name as shown");
  user_add->add_option("--council", ua.councils, "LA code(s) they work for")->required();
  user_add->add_option("--worker", ua.worker,
                       "Their professional id in the local records (worker, iro)");
  user_add->add_option("--team", ua.teams, "The team(s) a manager manages");
  user_add->add_option("--child", ua.child, "A young person's CHILD identifier");
  user_add->add_flag("--password-stdin", ua.password_stdin,
                     "Read the password from standard input instead of making one up");
  user_add->add_option("--email", ua.email,
                       "Their email address (alerts; single sign-on may match by it)");
  user_add->add_flag("--sso-only", ua.sso_only,
                     "They sign in only with the council's single sign-on: no password");
  std::string user_format = "table";
  auto* user_list = userc->add_subcommand("list", "List users, roles and state");
  user_list->add_option("--format", user_format, "table, json or csv")->capture_default_str();
  std::string user_name;
  bool pw_stdin = false;
  auto* user_disable =
      userc->add_subcommand("disable", "Stop a user signing in; end their sessions");
  user_disable->add_option("username", user_name, "Who")->required();
  auto* user_enable = userc->add_subcommand("enable", "Let a disabled user sign in again");
  user_enable->add_option("username", user_name, "Who")->required();
  auto* user_reset = userc->add_subcommand(
      "reset-password", "Give a user a new password, unlock them and end their sessions");
  user_reset->add_option("username", user_name, "Who")->required();
  user_reset->add_flag("--password-stdin", pw_stdin, "Read the new password from standard input");
  bool sso_off = false;
  auto* user_sso = userc->add_subcommand(
      "sso-only",
      "Make a user sign in only with single sign-on (their password stops working, their "
      "sessions end); --off lets them have a password again");
  user_sso->add_option("username", user_name, "Who")->required();
  user_sso->add_flag("--off", sso_off,
                     "Let them sign in with a password again (prints a set-up link's token)");
  auto* user_unlink = userc->add_subcommand(
      "sso-unlink",
      "Forget the council account a user's single sign-on is linked to (their next one links "
      "afresh); their sessions end");
  user_unlink->add_option("username", user_name, "Who")->required();
  std::string user_email;
  auto* user_email_cmd = userc->add_subcommand(
      "email", "Set a user's email address: where alerts go, and what single sign-on may match");
  user_email_cmd->add_option("username", user_name, "Who")->required();
  user_email_cmd->add_option("address", user_email, "Their address (\"\" to remove it)")
      ->required();

  auto* auditc = app.add_subcommand("audit", "The audit log of reads and changes");
  auditc->require_subcommand(1);
  std::string audit_format = "table";
  auto* audit_verify = auditc->add_subcommand(
      "verify", "Check the hash chain: exit 1 if a row was changed or deleted");
  audit_verify->add_option("--format", audit_format, "table or json")->capture_default_str();
  AuditListArgs al;
  auto* audit_list = auditc->add_subcommand("list", "The latest audit entries");
  audit_list->add_option("--limit", al.limit, "How many of the latest entries")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  audit_list->add_option("--actor", al.actor, "Only this user");
  audit_list->add_option("--resource", al.resource,
                         "Only resources containing this, e.g. child:887/");
  audit_list->add_option("--format", al.format, "table, json or csv")->capture_default_str();

  WorklistArgs wl;
  auto* worklist = app.add_subcommand(
      "worklist", "What is overdue, due soon and done late, per worker, team or service");
  worklist->add_option("--worker", wl.worker, "Only this worker (prof_professional_id)");
  worklist->add_option("--team", wl.team, "Only this team");
  worklist->add_option("--la", wl.la, "Only this council");
  worklist->add_option("--as-of", wl.as_of,
                       "Date to look from, YYYY-MM-DD (default: today, or the date the data "
                       "runs to if earlier)");
  worklist
      ->add_option("--within", wl.within,
                   "Due soon: due within this many working days (default: configured, 10)")
      ->check(CLI::Range(0, 260));
  worklist->add_option("--since", wl.since,
                       "Done late on or after this date (default: start of the quarter)");
  worklist->add_option("--format", wl.format, "table, json or csv")->capture_default_str();

  TimescalesArgs ts;
  auto* timescales =
      app.add_subcommand("timescales", "A child's statutory items: due dates, status and evidence");
  timescales->add_option("--child", ts.child, "The child's CHILD identifier");
  timescales->add_option("--la", ts.la, "The child's council (when several are stored)");
  timescales->add_option("--as-of", ts.as_of, "Date to look from, YYYY-MM-DD");
  timescales->add_option("--format", ts.format, "table, json or csv")->capture_default_str();
  timescales->add_flag("--show-config", ts.show_config,
                       "Print the intervals in force (statutory or from --config)");

  ScorecardArgs sca;
  auto* scorecard = app.add_subcommand(
      "scorecard",
      "The children in care scorecard: every indicator with target, RAG, comparators, "
      "trend and breakdowns");
  scorecard->add_option("--as-of", sca.as_of,
                        "Date of the scorecard, YYYY-MM-DD (default: today, or the date the data "
                        "runs to if earlier)");
  scorecard->add_option("--period", sca.period, "month, quarter or year (financial)")
      ->capture_default_str();
  scorecard->add_option("--la", sca.la, "The council (when several are stored)");
  scorecard->add_flag("--suppressed", sca.suppressed,
                      "Suppress small numbers (\"c\") as Board and public outputs must");
  scorecard
      ->add_option("--format", sca.format,
                   "table, json, csv, xlsx, html or pdf (the Board paper, through Chromium)")
      ->capture_default_str();
  scorecard->add_option("--output,-o", sca.output, "Write to this file (needed for xlsx)");
  scorecard->add_option("--only", sca.only, "Only these indicators (ids)");

  std::string indicators_format = "table";
  auto* indicatorsc = app.add_subcommand("indicators", "The scorecard's indicator registry");
  auto* ind_list = indicatorsc->add_subcommand("list", "List every indicator and its definition");
  ind_list->add_option("--format", indicators_format, "table, json or markdown")
      ->capture_default_str();
  indicatorsc->require_subcommand(1);

  ValidateArgs val;
  auto* validate = app.add_subcommand(
      "validate",
      "Check a 903 return with the DfE's validation rules: which child, which row, how to fix");
  validate->add_option("path", val.path,
                       "The return: a folder of 903 CSV files or an XML file (default: the "
                       "return stored for --la and --year)");
  validate->add_option("--previous", val.previous,
                       "The previous year's return, for the rules that compare years (default "
                       "with a stored return: the stored previous year)");
  validate->add_option("--year", val.year,
                       "Collection year, e.g. 2025-26 (default: from the folder name or the data)");
  validate->add_option("--rules", val.rules,
                       "Apply this collection year's rules, e.g. 2025-26 (default: the data's "
                       "year)");
  validate->add_option("--la", val.la,
                       "The council's three-digit code (with no path: the stored council, when "
                       "several); it says which placements are in the council's area");
  validate->add_option("--la-ons", val.la_ons,
                       "The council's ONS code (E06…, E08…, E09…, E10…), for the rules on "
                       "placement location (default: from --la)");
  validate->add_option("--reference", val.reference,
                       "Folder of validation reference data: ofsted/ (Ofsted's provider lists, "
                       ".xlsx or .csv, as received), providers.csv, and your own postcodes.csv "
                       "or upper_tier.csv in place of the shipped ones; default "
                       "$HEARTH_VALIDATION_REFERENCE");
  validate->add_option("--child", val.child, "Only this child's findings");
  validate->add_option("--only", val.only, "Only these rules (codes)");
  validate->add_option("--format", val.format, "table, json, csv or xlsx")->capture_default_str();
  validate->add_option("--output,-o", val.output, "Write to this file (needed for xlsx)");

  ImportsArgs imps;
  auto* importsc = app.add_subcommand(
      "imports", "The imports made, newest first, and the findings stored with each");
  importsc->add_option("--findings", imps.findings,
                       "Show the findings stored with this import (its id)");
  importsc->add_option("--rule", imps.rule, "With --findings: only this rule's findings");
  importsc->add_option("--child", imps.child, "With --findings: only this child's findings");
  importsc->add_option("--limit", imps.limit, "How many imports to list")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  importsc->add_option("--format", imps.format, "table, json or csv")->capture_default_str();

  FindingsArgs fnd;
  auto* findingsc = app.add_subcommand(
      "findings", "One child's validation findings in every stored return of their council");
  findingsc->add_option("--child", fnd.child, "The child's CHILD identifier")->required();
  findingsc->add_option("--la", fnd.la, "The child's council (when several are stored)");
  findingsc->add_option("--format", fnd.format, "table, json or csv")->capture_default_str();

  std::string rules_year, rules_format = "table";
  auto* rulesc = app.add_subcommand("rules", "The DfE 903 validation rules Hearth applies");
  auto* rules_list = rulesc->add_subcommand("list", "List the rules for a collection year");
  rules_list->add_option("--year", rules_year, "Collection year (default 2025-26)");
  rules_list->add_option("--format", rules_format, "table, json or markdown")
      ->capture_default_str();
  rulesc->require_subcommand(1);
  VoiceCli voice_cli;
  add_voice_cli(app, voice_cli);
  GovernanceCli governance_cli;
  add_governance_cli(app, governance_cli);
  PaperCli paper_cli;
  add_paper_cli(app, paper_cli);
  ReferenceCli reference_cli;
  add_reference_cli(app, reference_cli);
  BackupCli backup_cli;
  add_backup_cli(app, backup_cli);
  auto* openapi = app.add_subcommand(
      "openapi", "Print the JSON API described as OpenAPI 3 (GET /api/v1/openapi.json)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

  try {
    if (!g.config_path.empty()) apply_settings(g.config_path, app, g, *serve, srv);
    if (*import) return cmd_import(g, imp);
    if (*exportc) return cmd_export(g, exp);
    if (*synth) return cmd_synth(syn);
    if (*democ) return cmd_demo(g, demo);
    if (*upgrade) return cmd_db_upgrade(g, upgrade_to);
    if (*version) return cmd_db_version(g, version_format);
    if (*info) return cmd_info(g, info_format);
    if (*serve) return cmd_serve(g, srv);
    if (*user_add) return cmd_user_add(g, ua);
    if (*user_list) return cmd_user_list(g, user_format);
    if (*user_disable) return cmd_user_disable(g, user_name, true);
    if (*user_enable) return cmd_user_disable(g, user_name, false);
    if (*user_reset) return cmd_user_reset_password(g, user_name, pw_stdin);
    if (*user_sso) return cmd_user_sso_only(g, user_name, sso_off);
    if (*user_unlink) return cmd_user_sso_unlink(g, user_name);
    if (*user_email_cmd) return cmd_user_email(g, user_name, user_email);
    if (*audit_verify) return cmd_audit_verify(g, audit_format);
    if (*audit_list) return cmd_audit_list(g, al);
    if (*worklist) return cmd_worklist(g, wl);
    if (*timescales) return cmd_timescales(g, ts);
    if (*scorecard) return cmd_scorecard(g, sca);
    if (*ind_list) return cmd_indicators(indicators_format);
    if (*validate) return cmd_validate(g, val);
    if (*importsc) return cmd_imports(g, imps);
    if (*findingsc) return cmd_findings(g, fnd);
    if (*rules_list) return cmd_rules_list(rules_year, rules_format);
    if (auto rc = run_voice_cli(g, voice_cli)) return *rc;
    if (auto rc = run_governance_cli(g, governance_cli)) return *rc;
    if (auto rc = run_paper_cli(g, paper_cli)) return *rc;
    if (auto rc = run_reference_cli(reference_cli)) return *rc;
    if (auto rc = run_backup_cli(g, backup_cli)) return *rc;
    if (*openapi) {
      std::cout << hearth::web::api_description().dump(2) << '\n';
      return kExitOk;
    }
  } catch (const UsageError& e) {
    std::cerr << "hearth: " << e.what() << '\n';
    return kExitUsage;
  } catch (const hearth::services::Error& e) {
    std::cerr << "hearth: " << e.what() << '\n';
    switch (e.kind()) {
      case hearth::services::ErrorKind::BadInput:
      case hearth::services::ErrorKind::NotFound:
      case hearth::services::ErrorKind::Forbidden:
        return kExitUsage;
      case hearth::services::ErrorKind::Conflict:
        return kExitConflict;
      case hearth::services::ErrorKind::System:
        break;
    }
    return kExitSystem;
  } catch (const std::invalid_argument& e) {
    std::cerr << "hearth: " << e.what() << '\n';
    return kExitUsage;
  } catch (const hearth::store::SchemaError& e) {
    std::cerr << "hearth: " << e.what() << '\n';
    return kExitSystem;
  } catch (const std::exception& e) {
    std::cerr << "hearth: " << e.what() << '\n';
    return kExitSystem;
  }
  return kExitUsage;
}
