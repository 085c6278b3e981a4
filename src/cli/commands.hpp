// The hearth commands. Each returns an exit code (0 done, 1 findings blocked the work); usage
// errors and system failures are exceptions, turned into exit codes 2 and 3 in main() only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/output.hpp"

namespace hearth::store {
class Store;
}

namespace hearth::cli {

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitSystem = 3;
inline constexpr int kExitConflict = 4;

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Global {
  std::string store_url;
  std::string config_path;  // TOML configuration ([timescales] ...); empty: statutory defaults
};

// Opens the store and makes sure its schema is this build's. A new, empty store is created
// (schema applied); an older or newer one is refused with what to do.
std::unique_ptr<store::Store> open_current(const Global& g);

struct ImportArgs {
  std::string path;
  std::string year;
  std::string la;
  bool accept_with_findings = false;
  std::string format = "table";
  std::string progress = "auto";  // auto (a bar on a terminal), plain (a line per stage), none
};
int cmd_import(const Global& g, const ImportArgs& a);
// Local records (a folder of local-record CSVs): called by cmd_import when it sees one.
int cmd_import_local(const Global& g, const ImportArgs& a);

struct ExportArgs {
  std::string out;
  std::string la;
  std::string year;
};
int cmd_export(const Global& g, const ExportArgs& a);

struct SynthArgs {
  int children = 480;
  int years = 1;
  unsigned long long seed = 1;
  std::string la = "887";
  int last_year = 0;
  bool national = false;
  std::string out;
  std::string local_out;  // also write the council's local records here
};
int cmd_synth(const SynthArgs& a);

struct DemoArgs {
  int children = 480;
  int years = 5;
  unsigned long long seed = 20261;
  std::string la = "887";
  bool replace = false;
  bool if_empty = false;
};
int cmd_demo(const Global& g, const DemoArgs& a);

int cmd_db_upgrade(const Global& g, int up_to);
int cmd_db_version(const Global& g, const std::string& format);
int cmd_info(const Global& g, const std::string& format);

struct WorklistArgs {
  std::string worker;
  std::string team;
  std::string la;
  std::string as_of;  // empty: the data's date (see docs/cli.md)
  int within = -1;    // working days; -1: the configured due-soon window
  std::string since;
  std::string format = "table";
};
int cmd_worklist(const Global& g, const WorklistArgs& a);

struct TimescalesArgs {
  std::string child;
  std::string la;
  std::string as_of;
  std::string format = "table";
  bool show_config = false;
};
int cmd_timescales(const Global& g, const TimescalesArgs& a);

struct ScorecardArgs {
  std::string as_of;  // empty: the data's date (as worklist)
  std::string period = "quarter";
  std::string la;
  bool suppressed = false;
  std::string format = "table";
  std::string output;  // file; empty or "-": standard output
  std::vector<std::string> only;
};
int cmd_scorecard(const Global& g, const ScorecardArgs& a);
int cmd_indicators(const std::string& format);

struct ValidateArgs {
  std::string path;       // a 903 return (folder of CSV files or an XML file); empty: the store
  std::string previous;   // the previous year's return, for the rules that compare years
  std::string year;       // collection year; default from the folder name or the data
  std::string rules;      // apply this collection year's rules (default: the data's year)
  std::string la;         // with no path: the stored council
  std::string la_ons;     // the council's ONS code, for the postcode rules
  std::string reference;  // validation reference-data folder
  std::string child;      // only this child's findings
  std::vector<std::string> only;  // only these rules
  std::string format = "table";
  std::string output;
};
int cmd_validate(const Global& g, const ValidateArgs& a);
int cmd_rules_list(const std::string& year, const std::string& format);

struct ImportsArgs {
  std::int64_t findings = 0;  // show the findings stored with this import
  std::string rule;           // only findings of this rule (e.g. 103, ingest.bad-date)
  std::string child;          // only findings about this child
  int limit = 50;
  std::string format = "table";
};
int cmd_imports(const Global& g, const ImportsArgs& a);

struct FindingsArgs {
  std::string child;  // CHILD
  std::string la;     // the child's council (when several are stored)
  std::string format = "table";
};
// One child's findings in every stored return of their council (as their record in the API).
int cmd_findings(const Global& g, const FindingsArgs& a);

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  int io_threads = 2;
  int workers = 4;
  std::string web_root;  // the built front end; empty: HEARTH_WEB_ROOT or the build's web/dist
  bool secure_cookies = false;
  bool trust_proxy = false;
  int idle_minutes = 30;
  int absolute_hours = 12;
  int max_upload_mb = 64;
  // Connections at once from one address; -1: 128, or no cap with --trust-proxy (every client
  // then has the proxy's address); 0: no cap.
  int max_connections_per_address = -1;
  std::string tls_cert;  // PEM files: serve HTTPS itself (else plain HTTP behind a TLS proxy)
  std::string tls_key;
  // Tests only (hidden): the voice's jobs act as if the clock were this many seconds ahead, so
  // an alert's working-day deadline can pass without waiting for it.
  long long voice_clock_offset = 0;
  // GET /metrics (docs/operations.md): on this listener, or on one of its own.
  bool metrics = false;
  std::string metrics_listen;
  std::string metrics_token_file;
};
int cmd_serve(const Global& g, const ServeArgs& a);

struct UserArgs {
  std::string username;
  std::string role;
  std::string display_name;
  std::vector<std::string> councils;
  std::string worker;
  std::vector<std::string> teams;
  std::string child;
  std::string email;
  bool password_stdin = false;
  bool sso_only = false;  // signs in only with the council's single sign-on: no password
};
int cmd_user_add(const Global& g, const UserArgs& a);
// Makes the user sign in only with single sign-on, or (off) lets them have a password again.
int cmd_user_sso_only(const Global& g, const std::string& username, bool off);
// Forgets the council account the user's single sign-on is linked to.
int cmd_user_sso_unlink(const Global& g, const std::string& username);
// Sets the address alerts go to (and single sign-on may match by); "" removes it.
int cmd_user_email(const Global& g, const std::string& username, const std::string& email);
int cmd_user_list(const Global& g, const std::string& format);
int cmd_user_disable(const Global& g, const std::string& username, bool disable);
int cmd_user_reset_password(const Global& g, const std::string& username, bool from_stdin);
// Exit 0 when the audit chain is whole, 1 when it has been tampered with.
int cmd_audit_verify(const Global& g, const std::string& format);
struct AuditListArgs {
  int limit = 50;
  std::string actor;
  std::string resource;
  std::string format = "table";
};
int cmd_audit_list(const Global& g, const AuditListArgs& a);
// The demo council's users, one per role (hearth demo).
void add_demo_users(store::Store& st, const std::string& la);

}  // namespace hearth::cli
