// hearth user add|list|disable|enable|reset-password, hearth audit verify|list, and the demo
// council's users (one per role).
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>

#include "auth/audit.hpp"
#include "auth/crypto.hpp"
#include "auth/roles.hpp"
#include "auth/sessions.hpp"
#include "cli/audit_log.hpp"
#include "cli/commands.hpp"
#include "ingest/snapshot.hpp"
#include "model/text.hpp"
#include "services/errors.hpp"
#include "services/users.hpp"
#include "store/store.hpp"

namespace hearth::cli {

using nlohmann::json;

std::string cli_actor() {
  const char* user = std::getenv("USER");
  if (!user || !*user) user = std::getenv("LOGNAME");
  if (!user || !*user)
    if (const passwd* pw = ::getpwuid(::geteuid())) user = pw->pw_name;
  return std::string("cli:") + (user && *user ? user : "unknown");
}

void cli_audit(store::Store& st, const std::string& action, const std::string& resource,
               const std::string& outcome, const json& detail) {
  store::AuditEntry e;
  e.actor = cli_actor();
  e.role = "cli";
  e.action = action;
  e.resource = resource;
  e.outcome = outcome;
  e.detail = detail.dump(-1, ' ', false, json::error_handler_t::replace);
  st.append_audit(std::move(e));
}

namespace {

void audit(store::Store& st, const std::string& action, const std::string& resource,
           const json& detail = json::object()) {
  cli_audit(st, action, resource, "ok", detail);
}

// The new password: from standard input (--password-stdin), or made up and printed once.
std::string new_password(bool from_stdin, const std::string& username, bool& generated) {
  generated = false;
  if (from_stdin) {
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (auto problem = auth::password_problem(line, username); !problem.empty())
      throw UsageError(problem);
    return line;
  }
  generated = true;
  return auth::random_password();
}

store::UserRecord require_user(store::Store& st, const std::string& username) {
  auto u = st.find_user(username);
  if (!u) throw UsageError("there is no user '" + username + "': hearth user list shows them");
  return *u;
}

}  // namespace

int cmd_user_add(const Global& g, const UserArgs& a) {
  services::NewUser nu;
  nu.username = a.username;
  nu.role = a.role;
  nu.councils = a.councils;
  nu.worker = a.worker;
  nu.teams = a.teams;
  nu.child = a.child;
  nu.email = a.email;
  auto st = open_current(g);
  // The worker, team and child must be in the records: checked before a password is asked for.
  for (const auto& w : services::check_new_user(*ingest::load_dataset(*st), *st, nu))
    std::cerr << "Warning: " << w << ".\n";
  const auto role = auth::parse_role(a.role);
  if (a.sso_only && a.password_stdin)
    throw UsageError("--sso-only: the user has no password, so --password-stdin does not apply");
  if (a.sso_only && role == auth::Role::YoungPerson)
    throw UsageError("--sso-only is for staff: a young person signs in with their own password");
  bool generated = false;
  std::string password =
      a.sso_only ? std::string() : new_password(a.password_stdin, a.username, generated);
  store::UserRecord u;
  u.username = a.username;
  u.display_name = a.display_name.empty() ? a.username : a.display_name;
  u.role = a.role;
  u.password_hash = a.sso_only ? std::string() : auth::hash_password(password);
  u.sso_only = a.sso_only;
  u.email = a.email;
  u.councils = a.councils;
  u.worker = a.worker;
  u.teams = a.teams;
  u.child = a.child;
  u.created_at = u.password_changed_at = model::instant_now();
  st->add_user(u);
  audit(*st, "user.add", "user:" + a.username, {{"role", a.role}, {"councils", a.councils}});
  std::cout << "Added " << a.username << " (" << auth::role_title(*role) << ")"
            << (a.sso_only ? ": they sign in with the council's single sign-on" : "") << ".\n";
  if (generated)
    std::cout << "Their password is " << password
              << " — give it to them privately; it is not shown again.\n";
  return kExitOk;
}

int cmd_user_list(const Global& g, const std::string& format) {
  Format fmt = parse_format(format);
  auto st = open_current(g);
  auto users = st->list_users();
  if (fmt == Format::Json) {
    json arr = json::array();
    for (const auto& u : users) {
      // the administrators' page's fields, and what only the server's operator needs
      json j = services::user_json(u);
      j["demo"] = u.demo;
      j["sso_linked_to"] = u.sso_subject;  // the provider's issuer and subject ("" when none)
      j["locked_until"] = model::format_instant(u.locked_until);
      arr.push_back(std::move(j));
    }
    std::cout << arr.dump(2) << '\n';
    return kExitOk;
  }
  Rows rows;
  for (const auto& u : users) {
    std::string councils;
    for (const auto& c : u.councils) councils += (councils.empty() ? "" : ",") + c;
    std::string scope = u.worker;
    for (const auto& t : u.teams) scope += (scope.empty() ? "" : "; ") + t;
    if (!u.child.empty()) scope = "child " + u.child;
    // how they sign in: a password, or only the council's single sign-on (linked to a council
    // account once they have used it)
    const std::string signs_in = !u.sso_only             ? "password"
                                 : u.sso_subject.empty() ? "sso (not yet linked)"
                                                         : "sso";
    rows.push_back({u.username, u.role, u.display_name, councils, scope,
                    u.disabled ? "disabled" : (u.locked_until ? "locked" : "active"), signs_in,
                    model::format_instant(u.last_login_at)});
  }
  if (fmt == Format::Csv)
    print_csv(std::cout,
              {"username", "role", "name", "councils", "scope", "state", "signs_in", "last_login"},
              rows);
  else
    print_table(
        std::cout,
        {"USERNAME", "ROLE", "NAME", "COUNCILS", "SCOPE", "STATE", "SIGNS IN", "LAST LOGIN"}, rows);
  return kExitOk;
}

int cmd_user_disable(const Global& g, const std::string& username, bool disable) {
  auto st = open_current(g);
  auto u = require_user(*st, username);
  u.disabled = disable;
  st->update_user(u);
  auto ended = disable ? st->delete_user_sessions(u.id) : 0;
  audit(*st, disable ? "user.disable" : "user.enable", "user:" + username);
  std::cout << (disable ? "Disabled " : "Enabled ") << username
            << (disable ? " and ended " + std::to_string(ended) + " session(s)" : std::string())
            << ".\n";
  return kExitOk;
}

int cmd_user_reset_password(const Global& g, const std::string& username, bool from_stdin) {
  auto st = open_current(g);
  auto u = require_user(*st, username);
  if (u.sso_only)
    throw UsageError(username +
                     " signs in only with single sign-on: there is no password to reset "
                     "(hearth user sso-only " +
                     username + " --off gives them one)");
  bool generated = false;
  std::string password = new_password(from_stdin, username, generated);
  u.password_hash = auth::hash_password(password);
  u.password_changed_at = model::instant_now();
  u.failed_logins = 0;
  u.locked_until.reset();
  st->update_user(u);
  st->clear_login_failures(u.username);  // ends the per-address locks too
  auto ended = st->delete_user_sessions(u.id);
  audit(*st, "user.reset_password", "user:" + username, {{"sessions_ended", ended}});
  std::cout << "Reset the password of " << username << ", unlocked the account and ended " << ended
            << " session(s).\n";
  if (generated)
    std::cout << "The new password is " << password
              << " — give it to them privately; it is not shown again.\n";
  return kExitOk;
}

int cmd_user_sso_only(const Global& g, const std::string& username, bool off) {
  auto st = open_current(g);
  if (require_user(*st, username).sso_only == !off) {
    std::cout << username
              << (off ? " already signs in with a password.\n"
                      : " already signs in only with the council's single sign-on.\n");
    return kExitOk;
  }
  std::optional<services::SetupLink> link;
  try {
    link = services::set_sso_only(*st, username, !off);
  } catch (const services::Error& e) {
    throw UsageError(e.what());
  }
  audit(*st, off ? "user.sso_only_off" : "user.sso_only", "user:" + username);
  if (!off) {
    std::cout << username
              << " now signs in only with the council's single sign-on; any password they had "
                 "stopped working and their sessions ended.\n";
  } else if (link) {
    std::cout << username << " may have a password again. Their one-time set-up link: "
              << "/setup#" << link->token << " (on Hearth's address; it ends "
              << model::format_instant(link->expires) << ").\n";
  } else {
    std::cout << username << " already signs in with a password.\n";
  }
  return kExitOk;
}

int cmd_user_sso_unlink(const Global& g, const std::string& username) {
  auto st = open_current(g);
  require_user(*st, username);
  const std::string was = services::unlink_sso(*st, username);
  if (was.empty()) {
    std::cout << username << " is not linked to a council account.\n";
    return kExitOk;
  }
  audit(*st, "user.sso_unlink", "user:" + username, {{"was", was}});
  std::cout << username << " is no longer linked to " << was
            << "; their next single sign-on links them afresh. Their sessions ended.\n";
  return kExitOk;
}

int cmd_user_email(const Global& g, const std::string& username, const std::string& email) {
  auto st = open_current(g);
  auto u = require_user(*st, username);
  try {
    services::check_email(email);
  } catch (const services::Error& e) {
    throw UsageError(e.what());
  }
  const std::string was = u.email;
  u.email = email;
  st->update_user(u);
  audit(*st, "user.email", "user:" + username, {{"from", was}, {"to", email}});
  std::cout << username << "'s email address is "
            << (email.empty() ? std::string("removed") : "now " + email) << ".\n";
  return kExitOk;
}

int cmd_audit_verify(const Global& g, const std::string& format) {
  Format fmt = parse_format(format);
  auto st = open_current(g);
  auto v = auth::verify_audit(*st);
  if (fmt == Format::Json) {
    json problems = json::array();
    for (const auto& p : v.problems) problems.push_back({{"seq", p.seq}, {"problem", p.what}});
    std::cout << json{{"ok", v.ok()},
                      {"entries", v.entries},
                      {"head", v.head_seq},
                      {"problems", problems}}
                     .dump(2)
              << '\n';
  } else {
    if (v.ok())
      std::cout << "The audit log is whole: " << v.entries << " entries, each following the one "
                << "before it.\n";
    else {
      std::cout << "The audit log has been tampered with (" << v.problems.size()
                << " problem(s) in " << v.entries << " entries):\n";
      for (const auto& p : v.problems) std::cout << "  " << p.what << '\n';
    }
  }
  return v.ok() ? kExitOk : kExitFindings;
}

int cmd_audit_list(const Global& g, const AuditListArgs& a) {
  Format fmt = parse_format(a.format);
  auto st = open_current(g);
  auto head = st->audit_head();
  std::int64_t from = std::max<std::int64_t>(1, head.first - a.limit + 1);
  auto entries = st->read_audit(from, static_cast<std::size_t>(a.limit));
  std::vector<store::AuditEntry> shown;
  for (auto& e : entries)
    if ((a.actor.empty() || e.actor == a.actor) &&
        (a.resource.empty() || e.resource.find(a.resource) != std::string::npos))
      shown.push_back(std::move(e));
  if (fmt == Format::Json) {
    json arr = json::array();
    for (const auto& e : shown)
      arr.push_back({{"seq", e.seq},
                     {"at", model::format_instant_ms(e.at)},
                     {"actor", e.actor},
                     {"role", e.role},
                     {"action", e.action},
                     {"resource", e.resource},
                     {"outcome", e.outcome},
                     {"detail", json::parse(e.detail, nullptr, false)}});
    std::cout << arr.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
    return kExitOk;
  }
  Rows rows;
  // Entries written before issue 13 may hold raw control characters: escape them on output.
  for (const auto& e : shown)
    rows.push_back({std::to_string(e.seq), model::format_instant_ms(e.at),
                    model::escaped_text(e.actor), model::escaped_text(e.role),
                    model::escaped_text(e.action), model::escaped_text(e.resource),
                    model::escaped_text(e.outcome)});
  if (fmt == Format::Csv)
    print_csv(std::cout, {"seq", "at", "actor", "role", "action", "resource", "outcome"}, rows);
  else
    print_table(std::cout, {"SEQ", "AT", "ACTOR", "ROLE", "ACTION", "RESOURCE", "OUTCOME"}, rows);
  return kExitOk;
}

// One user per role for the demo council, linked to real caseloads in its records.
void add_demo_users(store::Store& st, const std::string& la) {
  if (st.find_user("demo-admin")) return;
  auto data = ingest::load_dataset(st);
  const model::Date as_of = ingest::data_date(*data);
  // The busiest social worker and IRO on the data's date; their team; a child of theirs.
  std::map<std::string, int> sw_load, iro_load;
  for (model::ChildIndex c = 0; c < data->children.size(); ++c) {
    if (data->children[c].la != la) continue;
    for (const auto* a : data->local_index.allocations.of(c)) {
      if (a->start > as_of || (a->end && *a->end < as_of)) continue;
      if (a->role == model::WorkerRole::SocialWorker) ++sw_load[a->worker];
      if (a->role == model::WorkerRole::Iro) ++iro_load[a->worker];
    }
  }
  auto busiest = [](const std::map<std::string, int>& m) {
    std::string best;
    int n = -1;
    for (const auto& [k, v] : m)
      if (v > n) best = k, n = v;
    return best;
  };
  std::string worker = busiest(sw_load), iro = busiest(iro_load);
  std::string team;
  if (const auto* p = data->professional(la, worker)) team = p->team;
  std::string child;
  int child_age = -1;
  for (model::ChildIndex c = 0; c < data->children.size(); ++c) {
    const auto& rec = data->children[c];
    if (rec.la != la || !rec.dob) continue;
    bool theirs = false;
    for (const auto* a : data->local_index.allocations.of(c))
      if (a->worker == worker && a->start <= as_of && (!a->end || *a->end >= as_of)) theirs = true;
    int age = model::age_on(*rec.dob, as_of);
    // The oldest of the worker's children under 18: someone who would use the app.
    if (theirs && age < 18 && age > child_age) child = rec.child, child_age = age;
  }

  const char* env = std::getenv("HEARTH_DEMO_PASSWORD");
  bool given = env && *env;
  std::string password = given ? env : auth::random_password();
  std::string hash = auth::hash_password(password);
  struct Demo {
    const char* username;
    const char* role;
    const char* name;
  };
  const Demo demos[] = {{"demo-admin", "admin", "Ada Admin (demo)"},
                        {"demo-analyst", "analyst", "Priya Analyst (demo)"},
                        {"demo-manager", "manager", "Morgan Manager (demo)"},
                        {"demo-worker", "worker", "Sam Worker (demo)"},
                        {"demo-iro", "iro", "Iris Reviewing Officer (demo)"},
                        {"demo-board", "board", "Cllr Bea Board (demo)"},
                        {"demo-participation", "participation", "Pat Participation (demo)"},
                        {"demo-officer", "board_officer", "Olive Board Officer (demo)"},
                        {"demo-yp", "young_person", "Young person (demo)"}};
  const model::Instant now = model::instant_now();
  for (const auto& d : demos) {
    store::UserRecord u;
    u.username = d.username;
    u.display_name = d.name;
    u.role = d.role;
    u.password_hash = hash;
    u.councils = {la};
    u.demo = true;
    // Where their alerts are mailed (a reserved domain: nothing is sent anywhere real).
    u.email = std::string(d.username) + "@example.org";
    std::string role = d.role;
    if (role == "worker") u.worker = worker;
    if (role == "iro") u.worker = iro;
    if (role == "manager" && !team.empty()) u.teams = {team};
    if (role == "young_person") u.child = child;
    u.created_at = u.password_changed_at = now;
    st.add_user(u);
  }
  audit(st, "user.add_demo", "council:" + la, {{"users", std::size(demos)}});
  std::cout << "Demo users, one per role: demo-admin, demo-analyst, demo-manager (team " << team
            << "), demo-worker (" << worker << "), demo-iro (" << iro
            << "), demo-board, demo-participation, demo-officer (the Board's officer), demo-yp "
               "(child "
            << child << ").\n";
  if (given)
    std::cout << "Their password is the one in HEARTH_DEMO_PASSWORD.\n";
  else
    std::cout << "Their password is " << password
              << " (shown once; set HEARTH_DEMO_PASSWORD to choose it).\n";
}

}  // namespace hearth::cli
