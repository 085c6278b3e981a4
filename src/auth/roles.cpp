#include "auth/roles.hpp"

#include <stdexcept>

#include "store/accounts.hpp"

namespace hearth::auth {

std::string_view role_name(Role r) {
  switch (r) {
    case Role::Admin:
      return "admin";
    case Role::Analyst:
      return "analyst";
    case Role::Manager:
      return "manager";
    case Role::Iro:
      return "iro";
    case Role::Worker:
      return "worker";
    case Role::Board:
      return "board";
    case Role::Participation:
      return "participation";
    case Role::YoungPerson:
      return "young_person";
    case Role::BoardOfficer:
      return "board_officer";
  }
  return "";
}

std::string_view role_title(Role r) {
  switch (r) {
    case Role::Admin:
      return "Administrator";
    case Role::Analyst:
      return "Performance analyst";
    case Role::Manager:
      return "Team or service manager";
    case Role::Iro:
      return "Independent reviewing officer";
    case Role::Worker:
      return "Social worker or personal adviser";
    case Role::Board:
      return "Corporate Parenting Board member";
    case Role::Participation:
      return "Participation worker";
    case Role::YoungPerson:
      return "Young person";
    case Role::BoardOfficer:
      return "Corporate Parenting Board officer";
  }
  return "";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role r : kAllRoles)
    if (role_name(r) == name) return r;
  return std::nullopt;
}

Principal principal_of(const store::UserRecord& u) {
  auto role = parse_role(u.role);
  if (!role) throw std::invalid_argument("user " + u.username + " has an unknown role " + u.role);
  Principal p;
  p.id = u.id;
  p.username = u.username;
  p.display_name = u.display_name;
  p.role = *role;
  p.councils = u.councils;
  p.worker = u.worker;
  p.teams = u.teams;
  p.child = u.child;
  return p;
}

}  // namespace hearth::auth
