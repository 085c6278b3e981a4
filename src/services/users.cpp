#include "services/users.hpp"

#include <algorithm>

#include "auth/crypto.hpp"
#include "auth/roles.hpp"
#include "ingest/snapshot.hpp"
#include "services/errors.hpp"
#include "services/snapshot_cache.hpp"

namespace hearth::services {

namespace {

std::string councils_text(const std::vector<std::string>& councils) {
  std::string out;
  for (const auto& c : councils) out += (out.empty() ? "" : ", ") + c;
  return out;
}

bool named_in_any(const model::Dataset& data, const std::vector<std::string>& councils,
                  const std::string& value, Named what) {
  return std::any_of(councils.begin(), councils.end(),
                     [&](const std::string& la) { return records_name(data, la, value, what); });
}

// Children allocated on `day` to the worker (as reviewing officer when `iro`) or to the team.
bool holds_a_child(const model::Dataset& data, const std::vector<std::string>& councils,
                   const std::string& value, bool team, bool iro, model::Date day) {
  for (const auto& lr : data.local) {
    if (std::find(councils.begin(), councils.end(), lr.la) == councils.end()) continue;
    for (const auto& a : lr.allocations) {
      if (a.start > day || (a.end && *a.end < day)) continue;
      if ((a.role == model::WorkerRole::Iro) != iro && !team) continue;
      if ((team ? a.team : a.worker) == value) return true;
    }
  }
  return false;
}

}  // namespace

void check_email(std::string_view email) {
  if (!email.empty() && (email.size() > 254 || email.find('@') == std::string_view::npos ||
                         email.find_first_of(" \t\r\n,;<>") != std::string_view::npos))
    throw bad_input("bad_email", "'" + std::string(email) + "' is not an email address",
                    {{"parameter", "email"}});
}

namespace {

// What every user needs, whatever the records say: a role, a username, a council, and the link
// their role reads (a worker's id, a manager's teams, a young person's child).
void check_required(const NewUser& u) {
  const auto role = auth::parse_role(u.role);
  if (!role)
    throw bad_input("bad_role",
                    "the role must be one of admin, analyst, manager, iro, worker, board, "
                    "board_officer, participation, young_person; not '" +
                        u.role + "'",
                    {{"parameter", "role"}});
  if (u.username.empty() || u.username.size() > 100 ||
      u.username.find_first_of(" \t\r\n:/") != std::string::npos)
    throw bad_input("bad_username",
                    "a username is 1 to 100 characters (room for a council email address) without "
                    "spaces, ':' or '/'",
                    {{"parameter", "username"}});
  check_email(u.email);
  if (u.councils.empty())
    throw bad_input("needs_council", "say which council(s) the user works for (LA codes)",
                    {{"parameter", "council"}});
  const bool iro = *role == auth::Role::Iro;
  if ((*role == auth::Role::Worker || iro) && u.worker.empty())
    throw bad_input("needs_worker",
                    "a " + u.role +
                        " needs their professional id in the local records, which links them "
                        "to their caseload",
                    {{"parameter", "worker"}});
  if (*role == auth::Role::Manager && u.teams.empty())
    throw bad_input("needs_team", "a manager needs the team(s) they manage",
                    {{"parameter", "team"}});
  if (*role == auth::Role::YoungPerson && u.child.empty())
    throw bad_input("needs_child", "a young_person needs their CHILD identifier",
                    {{"parameter", "child"}});
}

}  // namespace

std::vector<std::string> check_new_user(const model::Dataset& data, store::AccountStore& st,
                                        const NewUser& u) {
  check_required(u);
  if (st.find_user(u.username))
    throw conflict("user_exists", "there is already a user " + u.username,
                   {{"username", u.username}});
  return check_user_links(data, u);
}

std::vector<std::string> check_user_links(const model::Dataset& data, const NewUser& u) {
  const auto role = auth::parse_role(u.role);
  if (!role) throw bad_input("bad_role", "unknown role '" + u.role + "'", {{"parameter", "role"}});
  const bool iro = *role == auth::Role::Iro;
  const std::string where = "council " + councils_text(u.councils) + "'s local records";
  if (!u.worker.empty() && !named_in_any(data, u.councils, u.worker, Named::Worker))
    throw bad_input("unknown_worker",
                    "no worker '" + u.worker + "' in " + where +
                        " (professionals or allocations): check the id, or import the records "
                        "that name them first",
                    {{"parameter", "worker"}, {"value", u.worker}});
  for (const auto& t : u.teams)
    if (!named_in_any(data, u.councils, t, Named::Team))
      throw bad_input("unknown_team",
                      "no team '" + t + "' in " + where +
                          " (professionals or allocations): check its name as the records "
                          "spell it",
                      {{"parameter", "team"}, {"value", t}});
  if (!u.child.empty() && !data.find_child(u.councils.front(), u.child))
    throw bad_input("unknown_child",
                    "no child '" + u.child + "' in council " + u.councils.front() +
                        "'s returns: check the CHILD identifier",
                    {{"parameter", "child"}, {"value", u.child}});

  std::vector<std::string> warnings;
  if (data.children.empty()) return warnings;
  const auto today = resolve_as_of(data, "", ingest::AsOfUse::Timescales, "", "as_of");
  const std::string on = " on " + model::format_dmy(today.date);
  if ((*role == auth::Role::Worker || iro) &&
      !holds_a_child(data, u.councils, u.worker, false, iro, today.date))
    warnings.push_back(u.worker + (iro ? " reviews no child's plan" : " holds no child's case") +
                       on + ": their worklist will be empty until a child is allocated to them");
  if (*role == auth::Role::Manager)
    for (const auto& t : u.teams)
      if (!holds_a_child(data, u.councils, t, true, false, today.date))
        warnings.push_back("team " + t + " holds no child's case" + on +
                           ": the manager's team worklist will be empty");
  return warnings;
}

namespace {

// A password hash no password matches (auth::verify_password refuses what is not Argon2id): the
// user signs in only once they have chosen one through their set-up link.
constexpr const char* kNoPassword = "!set-up-link";

store::UserRecord require_user(store::AccountStore& st, const std::string& username) {
  auto u = st.find_user(username);
  if (!u)
    throw not_found("no_user", "there is no user '" + username + "'", {{"username", username}});
  return *u;
}

// The user's password becomes `hash` (none that works, for both callers): their locks and
// failures are forgotten and their sessions end.
void replace_password(store::AccountStore& st, store::UserRecord& u, const std::string& hash) {
  u.password_hash = hash;
  u.password_changed_at = model::instant_now();
  u.failed_logins = 0;
  u.locked_until.reset();
  st.update_user(u);
  st.clear_login_failures(u.username);
  st.delete_user_sessions(u.id);
}

SetupLink issue_link(store::AccountStore& st, std::int64_t user_id) {
  SetupLink link;
  link.token = auth::random_token();
  const auto now = model::instant_now();
  link.expires = now + std::chrono::duration_cast<std::chrono::milliseconds>(kSetupLinkLife);
  st.put_setup_link(user_id, auth::sha256_hex(link.token), now, link.expires);
  return link;
}

}  // namespace

bool awaiting_setup(const store::UserRecord& u) {
  return u.password_hash == kNoPassword;
}

nlohmann::json user_json(const store::UserRecord& u) {
  return {{"username", u.username},
          {"display_name", u.display_name},
          {"role", u.role},
          {"councils", u.councils},
          {"worker", u.worker},
          {"teams", u.teams},
          {"child", u.child},
          {"disabled", u.disabled},
          {"locked", u.locked_until.has_value()},
          {"awaiting_setup", awaiting_setup(u)},
          {"sso_only", u.sso_only},
          {"last_login_at", model::format_instant(u.last_login_at)}};
}

AddedUser add_user(const model::Dataset& data, store::AccountStore& st, const NewUser& u,
                   const std::string& display_name, const std::optional<std::string>& password) {
  AddedUser out;
  if (u.sso_only && auth::parse_role(u.role) == auth::Role::YoungPerson)
    throw bad_input("not_staff",
                    "single sign-on is for staff: a young person signs in with their own password",
                    {{"parameter", "sso_only"}});
  out.warnings = check_new_user(data, st, u);
  if (password)
    if (auto problem = auth::password_problem(*password, u.username); !problem.empty())
      throw bad_input("bad_password", problem, {{"parameter", "password"}});
  store::UserRecord& r = out.user;
  r.username = u.username;
  r.display_name = display_name.empty() ? u.username : display_name;
  r.role = u.role;
  r.password_hash = u.sso_only ? "" : password ? auth::hash_password(*password) : kNoPassword;
  r.sso_only = u.sso_only;
  r.councils = u.councils;
  r.worker = u.worker;
  r.teams = u.teams;
  r.child = u.child;
  r.created_at = r.password_changed_at = model::instant_now();
  r.id = st.add_user(r);
  if (!password && !u.sso_only) out.link = issue_link(st, r.id);
  return out;
}

SetupLink reset_user(store::AccountStore& st, const std::string& username) {
  auto u = require_user(st, username);
  if (u.sso_only)
    throw bad_input("sso_only",
                    username +
                        " signs in only with the council's single sign-on: there is no "
                        "password to reset",
                    {{"username", username}});
  replace_password(st, u, kNoPassword);
  return issue_link(st, u.id);
}

std::int64_t set_user_disabled(store::AccountStore& st, const std::string& username,
                               bool disabled) {
  auto u = require_user(st, username);
  u.disabled = disabled;
  st.update_user(u);
  return disabled ? st.delete_user_sessions(u.id) : 0;
}

std::vector<std::string> change_user(const model::Dataset& data, store::AccountStore& st,
                                     const NewUser& u) {
  auto r = require_user(st, u.username);
  check_required(u);
  auto warnings = check_user_links(data, u);
  r.role = u.role;
  r.councils = u.councils;
  r.worker = u.worker;
  r.teams = u.teams;
  r.child = u.child;
  st.update_user(r);
  st.delete_user_sessions(r.id);
  return warnings;
}

std::string complete_setup(store::AccountStore& st, const std::string& token,
                           const std::string& password) {
  const auto refused = [] {
    return bad_input("setup_link",
                     "This set-up link has been used or has expired. Ask your administrator "
                     "for a new one.",
                     {{"parameter", "token"}});
  };
  if (token.empty() || token.size() > 128) throw refused();
  // The password is checked before the link is used up, so a weak one can be put right.
  const auto hash = auth::sha256_hex(token);
  auto id = st.find_setup_link(hash, model::instant_now());
  if (!id) throw refused();
  auto u = st.user_by_id(*id);
  if (!u || u->sso_only) throw refused();
  if (auto problem = auth::password_problem(password, u->username); !problem.empty())
    throw bad_input("bad_password", problem, {{"parameter", "password"}});
  if (st.take_setup_link(hash, model::instant_now()) != id) throw refused();
  u->password_hash = auth::hash_password(password);
  u->password_changed_at = model::instant_now();
  u->failed_logins = 0;
  u->locked_until.reset();
  st.update_user(*u);
  return u->username;
}

std::optional<SetupLink> set_sso_only(store::AccountStore& st, const std::string& username,
                                      bool sso_only) {
  auto u = require_user(st, username);
  if (sso_only && auth::parse_role(u.role) == auth::Role::YoungPerson)
    throw bad_input("not_staff",
                    "single sign-on is for staff: a young person signs in with their own password",
                    {{"username", username}});
  if (u.sso_only == sso_only) return std::nullopt;
  u.sso_only = sso_only;
  replace_password(st, u, sso_only ? "" : kNoPassword);
  if (sso_only) return std::nullopt;
  return issue_link(st, u.id);
}

std::string unlink_sso(store::AccountStore& st, const std::string& username) {
  auto u = require_user(st, username);
  std::string was = u.sso_subject;
  if (!was.empty()) {
    u.sso_subject.clear();
    st.update_user(u);
    st.delete_user_sessions(u.id);
  }
  return was;
}

}  // namespace hearth::services
