#include "auth/policy.hpp"

#include <algorithm>

namespace hearth::auth {

namespace {

bool contains(const std::vector<std::string>& v, std::string_view x) {
  return !x.empty() && std::find(v.begin(), v.end(), x) != v.end();
}

bool any_shared(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) { return contains(b, x); });
}

Decision allow(View v = View::Full) {
  return {true, "", v};
}
Decision deny(std::string why) {
  return {false, std::move(why), View::Full};
}

// Is the child someone this user works with (or is)?
Decision child_relation(const Principal& who, const Resource& what) {
  switch (who.role) {
    case Role::Admin:
    case Role::Analyst:
      return allow();
    case Role::Manager:
      if (any_shared(who.teams, what.teams)) return allow();
      return deny("this child is not allocated to a team you manage");
    case Role::Iro:
      if (contains(what.iros, who.worker)) return allow();
      return deny("you are not this child's independent reviewing officer");
    case Role::Worker:
      if (contains(what.workers, who.worker)) return allow();
      return deny("this child is not on your caseload");
    case Role::YoungPerson:
      if (!who.child.empty() && what.child == who.child) return allow(View::YoungPerson);
      return deny("you can see only your own record");
    case Role::Board:
    case Role::Participation:
    case Role::BoardOfficer:
      return deny("your role sees figures about children, never a child's record");
  }
  return deny("unknown role");
}

// The child's voice: those who work with the child (the policy's child relation), and for an
// alert also whoever was told of it (the management chain). Staff only: a young person's own
// statements are SendStatement's and ReadStatementText's.
Decision voice_relation(const Principal& who, const Resource& what) {
  if (who.role == Role::Worker || who.role == Role::Manager || who.role == Role::Iro) {
    if (contains(what.told, who.username)) return allow();
    return child_relation(who, what);
  }
  switch (who.role) {
    case Role::Analyst:
      return deny("the performance team sees what children say as counts by theme only");
    case Role::Board:
    case Role::Participation:
      return deny("your role sees themes from what children say, never a child's own words");
    case Role::YoungPerson:
      return deny("you can see only your own messages");
    default:
      return deny("your role does not see what children say");
  }
}

}  // namespace

std::string_view action_name(Action a) {
  switch (a) {
    case Action::ReadScorecard:
      return "scorecard.read";
    case Action::ReadRegistry:
      return "registry.read";
    case Action::ReadRules:
      return "rules.read";
    case Action::ReadWorklist:
      return "worklist.read";
    case Action::ListChildren:
      return "children.list";
    case Action::ReadChild:
      return "child.read";
    case Action::ReadFindings:
      return "findings.read";
    case Action::ReadImports:
      return "imports.read";
    case Action::WriteImport:
      return "import.write";
    case Action::ExplainFindings:
      return "findings.explain";
    case Action::ManageUsers:
      return "users.manage";
    case Action::SendStatement:
      return "statement.send";
    case Action::ReadStatements:
      return "statements.list";
    case Action::ReadStatementText:
      return "statement.read";
    case Action::ReplyStatement:
      return "statement.reply";
    case Action::ReadAlerts:
      return "alerts.read";
    case Action::AcknowledgeAlert:
      return "alert.acknowledge";
    case Action::InviteYoungPerson:
      return "invitation.create";
    case Action::ReadListening:
      return "listening.read";
    case Action::ReadBoard:
      return "board.read";
    case Action::ManageBoard:
      return "board.manage";
    case Action::CloseAction:
      return "action.close";
    case Action::ManageCards:
      return "cards.manage";
    case Action::RaiseCard:
      return "card.raise";
    case Action::WriteCommentary:
      return "commentary.write";
  }
  return "";
}

std::string_view scope_name(WorklistScope s) {
  switch (s) {
    case WorklistScope::Mine:
      return "mine";
    case WorklistScope::Team:
      return "team";
    case WorklistScope::All:
      return "all";
  }
  return "";
}

std::vector<WorklistScope> worklist_scopes(Role r) {
  switch (r) {
    case Role::Admin:
    case Role::Analyst:
      return {WorklistScope::All};
    case Role::Manager:
      return {WorklistScope::Team, WorklistScope::Mine};
    case Role::Iro:
    case Role::Worker:
      return {WorklistScope::Mine};
    default:
      return {};
  }
}

Decision decide(const Principal& who, Action action, const Resource& what) {
  // A council's data only for its own people.
  if (!what.la.empty() && !contains(who.councils, what.la))
    return deny("you do not have access to council " + what.la + "'s records");
  const Role r = who.role;
  switch (action) {
    case Action::ReadScorecard:
      switch (r) {
        case Role::Admin:
        case Role::Analyst:
        case Role::Manager:
        case Role::Iro:
          return allow();
        case Role::Board:
        case Role::BoardOfficer:
          return allow(View::Suppressed);
        case Role::Worker:
          return deny(
              "the council's scorecard is for managers and the Board; your caseload's "
              "figures are on your worklist");
        case Role::Participation:
          return deny("your role sees the voice of children in care figures, not the scorecard");
        case Role::YoungPerson:
          return deny("this page is for staff and the Board");
      }
      break;
    case Action::ReadRegistry:
      if (r == Role::YoungPerson) return deny("this page is for staff and the Board");
      return allow();
    case Action::ReadRules:
      if (r == Role::YoungPerson) return deny("this page is for staff");
      if (r == Role::Board || r == Role::BoardOfficer)
        return deny(
            "the DfE's validation rules are for the people who keep the council's data right; "
            "the Board's measures are on the scorecard");
      return allow();
    case Action::ReadWorklist: {
      auto scopes = worklist_scopes(r);
      if (scopes.empty()) return deny("your role has no worklist");
      if (std::find(scopes.begin(), scopes.end(), what.scope) == scopes.end())
        return deny("your role cannot see the " + std::string(scope_name(what.scope)) +
                    " worklist");
      if (what.scope == WorklistScope::Mine && who.worker.empty())
        return deny("your account is not linked to a worker, so you have no caseload");
      if (what.scope == WorklistScope::Team && who.teams.empty())
        return deny("your account manages no team");
      return allow();
    }
    case Action::ListChildren:
      switch (r) {
        case Role::Admin:
        case Role::Analyst:
        case Role::Manager:
        case Role::Iro:
        case Role::Worker:
          return allow();
        default:
          return deny("your role does not see children's records");
      }
    case Action::ReadChild:
      return child_relation(who, what);
    case Action::ReadFindings:
    case Action::ReadImports:
      if (r == Role::Analyst || r == Role::Admin) return allow();
      return deny("data quality is for the performance team");
    case Action::WriteImport:
      if (r == Role::Analyst) return allow();
      return deny("only the performance team imports data");
    case Action::ExplainFindings:
      if (r == Role::Analyst) return allow();
      return deny("only the performance team explains findings");
    case Action::ManageUsers:
      if (r == Role::Admin) return allow();
      return deny("only an administrator manages users");
    case Action::SendStatement:
      if (r != Role::YoungPerson)
        return deny("only a young person sends statements, from their own account");
      if (who.child.empty() || what.child != who.child)
        return deny("you can send statements only about yourself");
      return allow(View::YoungPerson);
    case Action::ReadStatementText:
      if (r == Role::YoungPerson) {
        if (!who.child.empty() && what.child == who.child) return allow(View::YoungPerson);
        return deny("you can see only your own messages");
      }
      if (r == Role::Admin) return deny("an administrator sees when children wrote, never what");
      if (what.child.empty()) return deny("say which child");
      return voice_relation(who, what);
    case Action::ReadStatements:
    case Action::ReadAlerts:
      if (r == Role::Admin) return allow(View::Metadata);
      if (r == Role::YoungPerson && action == Action::ReadStatements) {
        if (what.child.empty() || what.child == who.child) return allow(View::YoungPerson);
        return deny("you can see only your own messages");
      }
      // The list itself (no child named): for those whose work it is; each row is asked again.
      if (what.child.empty()) {
        if (r == Role::Worker || r == Role::Manager || r == Role::Iro) return allow();
        return voice_relation(who, what);
      }
      return voice_relation(who, what);
    case Action::ReplyStatement:
    case Action::AcknowledgeAlert:
      if (what.child.empty()) return deny("say which child");
      return voice_relation(who, what);
    case Action::InviteYoungPerson:
      if (r == Role::Worker || r == Role::Manager) return child_relation(who, what);
      if (r == Role::Admin) return allow();
      return deny("a child's worker or their manager invites them to Hearth");
    case Action::ReadListening:
      switch (r) {
        case Role::Admin:
        case Role::Analyst:
        case Role::Manager:
        case Role::Iro:
          return allow(View::Suppressed);
        case Role::Board:
        case Role::Participation:
        case Role::BoardOfficer:
          return allow(View::Suppressed);
        case Role::Worker:
          return deny(
              "what children say across the council is for managers, the Board and "
              "participation; your caseload's messages are in Messages");
        case Role::YoungPerson:
          return deny("this page is for staff and the Board");
      }
      break;
    case Action::ReadBoard:
      switch (r) {
        case Role::Admin:
        case Role::Analyst:
        case Role::Manager:
        case Role::Iro:
          return allow();
        case Role::Board:
        case Role::Participation:
        case Role::BoardOfficer:
          return allow(View::Suppressed);
        case Role::Worker:
          return deny(
              "the Board's business is for managers, the Board and its officer; your actions "
              "are on your worklist");
        case Role::YoungPerson:
          return deny("this page is for staff and the Board");
      }
      break;
    case Action::ManageBoard:
      if (r == Role::BoardOfficer) return allow(View::Suppressed);
      return deny("the Board's officer keeps its meetings, actions and calendar");
    case Action::CloseAction:
      if (r == Role::BoardOfficer) return allow(View::Suppressed);
      if (r == Role::YoungPerson || r == Role::Worker)
        return deny("the Board's actions are closed by their owners and the Board's officer");
      if (!what.owner.empty() && what.owner == who.username) return allow();
      return deny("only the action's owner or the Board's officer closes it");
    case Action::ManageCards:
      if (r == Role::Participation) return allow(View::Suppressed);
      return deny("the participation officer keeps the challenge cards and the themes");
    case Action::RaiseCard:
      if (r == Role::Participation || r == Role::YoungPerson) return allow(View::Suppressed);
      return deny(
          "challenge cards come from young people and the children in care council, through "
          "the participation officer");
    case Action::WriteCommentary:
      if (r == Role::BoardOfficer || r == Role::Analyst || r == Role::Manager) return allow();
      return deny(
          "the commentary on the figures is written by the Board's officer, analysts and "
          "managers");
  }
  return deny("unknown action");
}

std::vector<std::string> capabilities(const Principal& who) {
  std::vector<std::string> out;
  Resource council = Resource::council(who.councils.empty() ? "" : who.councils.front());
  if (who.councils.empty()) return out;
  if (decide(who, Action::ReadScorecard, council)) {
    out.push_back("dashboard");
    out.push_back("scorecard");
  }
  for (auto s : worklist_scopes(who.role)) {
    Resource w = council;
    w.scope = s;
    if (!decide(who, Action::ReadWorklist, w)) continue;
    out.push_back(s == WorklistScope::Mine   ? "worklist"
                  : s == WorklistScope::Team ? "team_worklist"
                                             : "all_worklist");
  }
  if (decide(who, Action::ListChildren, council)) out.push_back("children");
  if (decide(who, Action::ReadFindings, council)) out.push_back("data_quality");
  if (decide(who, Action::ReadImports, council)) out.push_back("imports");
  if (decide(who, Action::WriteImport, council)) out.push_back("import_upload");
  if (decide(who, Action::ExplainFindings, council)) out.push_back("explain_findings");
  if (decide(who, Action::ReadRules, council)) out.push_back("rules");
  if (decide(who, Action::ReadRegistry, council)) out.push_back("indicators");
  if (who.role == Role::YoungPerson && !who.child.empty()) {
    Resource own = council;
    own.child = who.child;
    if (decide(who, Action::ReadChild, own)) out.push_back("my_record");
  }
  if (decide(who, Action::ManageUsers, council)) out.push_back("users");
  if (who.role == Role::Worker || who.role == Role::Manager || who.role == Role::Iro) {
    if (decide(who, Action::ReadStatements, council)) out.push_back("statements");
    if (decide(who, Action::ReadAlerts, council)) out.push_back("alerts");
  }
  if (who.role == Role::Worker || who.role == Role::Manager) out.push_back("invite_young_person");
  if (decide(who, Action::ReadListening, council)) out.push_back("listening");
  if (decide(who, Action::ReadBoard, council)) out.push_back("board");
  if (decide(who, Action::ManageBoard, council)) out.push_back("manage_board");
  if (decide(who, Action::ManageCards, council)) out.push_back("manage_cards");
  if (decide(who, Action::WriteCommentary, council)) out.push_back("write_commentary");
  return out;
}

}  // namespace hearth::auth
