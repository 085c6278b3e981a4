// The roles of ../shared/spec/access-and-voice.md, and who a signed-in person is.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::store {
struct UserRecord;
}

namespace hearth::auth {

enum class Role : std::uint8_t {
  Admin,
  Analyst,
  Manager,
  Iro,
  Worker,
  Board,
  Participation,
  YoungPerson,
  BoardOfficer,  // runs the Corporate Parenting Board: its meetings, actions and calendar
};
inline constexpr std::array kAllRoles{Role::Admin,         Role::Analyst,     Role::Manager,
                                      Role::Iro,           Role::Worker,      Role::Board,
                                      Role::Participation, Role::YoungPerson, Role::BoardOfficer};

std::string_view role_name(Role r);  // "admin", …, "young_person"
std::optional<Role> parse_role(std::string_view name);
// "Board member", "Social worker or personal adviser", …
std::string_view role_title(Role r);

// Who is asking: a signed-in user, as the policy sees them.
struct Principal {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::Board;
  std::vector<std::string> councils;  // LA codes
  std::string worker;                 // professional id: worker, iro (and a manager's own)
  std::vector<std::string> teams;     // manager
  std::string child;                  // young_person: their CHILD id, in councils[0]
};

// Throws std::invalid_argument when the record's role is unknown.
Principal principal_of(const store::UserRecord& u);

}  // namespace hearth::auth
