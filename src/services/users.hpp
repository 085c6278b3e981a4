// People who sign in, checked against the records before they are added. A worker, reviewing
// officer or manager sees children through the local records' allocations, and a young person
// their own record: an id the records do not hold would give them an empty worklist that looks
// like "nothing overdue" — a safety risk, so it is refused, and a link that holds no child today
// is warned about. The CLI (`hearth user add`) and the web ask the same question.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "store/account_store.hpp"

namespace hearth::services {

struct NewUser {
  std::string username;
  std::string role;                   // auth::role_name
  std::vector<std::string> councils;  // LA codes
  std::string worker;                 // a professional id (worker, iro; a manager's own)
  std::vector<std::string> teams;     // a manager's teams
  std::string child;                  // a young person's CHILD id (in the first council)
  std::string email;                  // where their mail goes; "" for none (check_email)
  bool sso_only = false;  // signs in only with the council's single sign-on (staff only)
};

// Refuses, as bad input ("bad_email", parameter "email"), text that is not an email address: over
// 254 characters, no '@', or a space, comma, semicolon or angle bracket (a list, not one address).
// "" (no address) is allowed.
void check_email(std::string_view email);

// Refuses, as bad input naming the value: bad_role, bad_username, bad_email, needs_council,
// needs_worker, needs_team, needs_child, unknown_worker, unknown_team, unknown_child; as a
// conflict: user_exists. Returns what the person adding them should know (a worker who holds no
// child's case today, a team with no children), or nothing.
std::vector<std::string> check_new_user(const model::Dataset& data, store::AccountStore& st,
                                        const NewUser& u);

// Whether the records hold the user's links (as check_new_user), for a user who exists already
// (a change of role or links): the same refusals but user_exists, the same warnings.
std::vector<std::string> check_user_links(const model::Dataset& data, const NewUser& u);

// A one-time set-up link: its token (shown once, in the link; the store keeps its SHA-256) and
// when it ends. The person it is for chooses their own password with it, so no password is ever
// printed, mailed or shown to an administrator.
struct SetupLink {
  std::string token;
  model::Instant expires{};
};
inline constexpr std::chrono::hours kSetupLinkLife{72};

struct AddedUser {
  store::UserRecord user;
  std::vector<std::string> warnings;  // check_new_user's
  std::optional<SetupLink> link;      // when no password was given
};

// Checks the user (check_new_user) and adds them: with `password` (which must pass
// auth::password_problem: bad_password) it is theirs; without, they have no usable password and
// a set-up link — or, SSO-only, neither (bad_input not_staff for a young person).
AddedUser add_user(const model::Dataset& data, store::AccountStore& st, const NewUser& u,
                   const std::string& display_name, const std::optional<std::string>& password);
// An administrator's reset: the user's password stops working, their locks and sessions end,
// and a new set-up link replaces any they had. not_found when there is no such user; bad_input
// sso_only when they sign in only with single sign-on (they have no password).
SetupLink reset_user(store::AccountStore& st, const std::string& username);
// Disables (ending every session) or enables the user; returns the sessions ended.
std::int64_t set_user_disabled(store::AccountStore& st, const std::string& username, bool disabled);
// A new role and links for an existing user (checked as check_user_links; NewUser::username
// names them). Their sessions end, so the new role applies at once. Returns the warnings.
std::vector<std::string> change_user(const model::Dataset& data, store::AccountStore& st,
                                     const NewUser& u);
// Makes the user sign in only through the council's single sign-on (docs/sso.md): their password
// stops working, a set-up link they hold will not work, their sessions end. Or, with `sso_only`
// false, lets them have a password again: returns the set-up link to choose it with. Nothing
// when they were that already. bad_input not_staff for a young person (SSO is for staff).
std::optional<SetupLink> set_sso_only(store::AccountStore& st, const std::string& username,
                                      bool sso_only);
// Forgets the council account the user was linked to at their first single sign-on, so their next
// one links them afresh (a new council account, or a username or email address given to someone
// else). Returns the subject they were linked to ("" when none). not_found when no such user.
std::string unlink_sso(store::AccountStore& st, const std::string& username);
// Whether the user has yet to choose a password with their set-up link.
bool awaiting_setup(const store::UserRecord& u);
// A user as an administrator sees them (GET /api/v1/users, `hearth user list --format json`).
nlohmann::json user_json(const store::UserRecord& u);
// Sets a password through a set-up link, which is then used up. bad_input setup_link when the
// link is unknown, used or out of date; bad_password when the password will not do. Returns the
// username.
std::string complete_setup(store::AccountStore& st, const std::string& token,
                           const std::string& password);

}  // namespace hearth::services
