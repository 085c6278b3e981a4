#include "services/users.hpp"

#include <algorithm>

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

std::vector<std::string> check_new_user(const model::Dataset& data, store::AccountStore& st,
                                        const NewUser& u) {
  const auto role = auth::parse_role(u.role);
  if (!role)
    throw bad_input("bad_role",
                    "the role must be one of admin, analyst, manager, iro, worker, board, "
                    "participation, young_person; not '" +
                        u.role + "'",
                    {{"parameter", "role"}});
  if (u.username.empty() || u.username.size() > 64 ||
      u.username.find_first_of(" \t\r\n:/") != std::string::npos)
    throw bad_input("bad_username", "a username is 1 to 64 characters without spaces, ':' or '/'",
                    {{"parameter", "username"}});
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
  if (st.find_user(u.username))
    throw conflict("user_exists", "there is already a user " + u.username,
                   {{"username", u.username}});

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

}  // namespace hearth::services
