// People who sign in, checked against the records before they are added. A worker, reviewing
// officer or manager sees children through the local records' allocations, and a young person
// their own record: an id the records do not hold would give them an empty worklist that looks
// like "nothing overdue" — a safety risk, so it is refused, and a link that holds no child today
// is warned about. The CLI (`hearth user add`) and the web ask the same question.
#pragma once

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
};

// Refuses, as bad input naming the value: bad_role, bad_username, needs_council, needs_worker,
// needs_team, needs_child, unknown_worker, unknown_team, unknown_child; as a conflict:
// user_exists. Returns what the person adding them should know (a worker who holds no child's
// case today, a team with no children), or nothing.
std::vector<std::string> check_new_user(const model::Dataset& data, store::AccountStore& st,
                                        const NewUser& u);

}  // namespace hearth::services
