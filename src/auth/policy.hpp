// The access policy: the one place that decides whether a user may do an action on a resource
// (../shared/spec/access-and-voice.md, "Roles and what each may see"). Every API handler asks
// it, through the web layer, before it reads or writes anything; handlers never decide. A
// denial says why, and is logged by the caller to the audit log.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "auth/roles.hpp"

namespace hearth::auth {

enum class Action : std::uint8_t {
  ReadScorecard,    // the Board's scorecard and indicator pages (aggregates)
  ReadRegistry,     // indicator definitions (and what the server is: /info)
  ReadRules,        // the DfE's 903 validation rules: for those who keep the data right
  ReadWorklist,     // statutory items: the scope says whose
  ListChildren,     // the children list (each row is then checked with ReadChild)
  ReadChild,        // one child's record
  ReadFindings,     // validation findings (they name children)
  ReadImports,      // the list of imports
  WriteImport,      // upload, check, accept or cancel an import
  ExplainFindings,  // write or withdraw a note that explains a finding
  ManageUsers,      // users and roles
  // The child's voice (docs/voice.md): resources are a child, with who was told of an alert.
  SendStatement,      // a young person's statement about themselves
  ReadStatements,     // the list of a child's statements (an administrator: metadata only)
  ReadStatementText,  // what a child said, and the replies (each read audited)
  ReplyStatement,     // answer a child's statement
  ReadAlerts,         // "I don't feel safe" alerts
  AcknowledgeAlert,   // say an alert was seen and what was done
  InviteYoungPerson,  // a single-use code for a child's own account
  ReadListening,      // "Listening to you": themes, surveys, standards (suppressed aggregates)
  // The Corporate Parenting Board (docs/governance.md): resources are a council, and for an
  // action its owner.
  ReadBoard,    // the Board's progress, actions, meetings, cards and calendar (no child named)
  ManageBoard,  // meetings, actions, the calendar and the arrangements: the Board's officer
  CloseAction,  // close an action with evidence: its owner, or the Board's officer
  ManageCards,  // challenge cards and the theme in focus: the participation officer
  RaiseCard,    // a challenge card to the Board: a young person, or the participation officer
  // Officers' commentary on the figures and the annual report's sections (docs/papers.md): the
  // Board's officer, analysts and managers write it.
  WriteCommentary,
};
std::string_view action_name(Action a);

enum class WorklistScope : std::uint8_t { Mine, Team, All };
std::string_view scope_name(WorklistScope s);

// What is being acted on. `la` empty: nothing council-specific (a registry). For a child, the
// people who work with them now (from the allocations), which is what decides who may see them.
struct Resource {
  std::string la;
  std::string child;                          // CHILD, for ReadChild
  std::vector<std::string> workers;           // allocated social workers and personal advisers
  std::vector<std::string> teams;             // the teams of those allocations
  std::vector<std::string> iros;              // allocated independent reviewing officers
  WorklistScope scope = WorklistScope::Mine;  // for ReadWorklist
  std::vector<std::string> told;              // usernames told of an alert about the child
  std::string owner;                          // an action's owner (username), for CloseAction

  static Resource council(std::string la) {
    Resource r;
    r.la = std::move(la);
    return r;
  }
};

// How much of a permitted read the user gets.
enum class View : std::uint8_t {
  Full,         // everything the route has
  Suppressed,   // aggregates with small-number suppression (board)
  YoungPerson,  // a child's own, shorter view of their record
  Metadata,     // when, what kind and whose, never the words or the child's name (admin, voice)
};

struct Decision {
  bool allowed = false;
  std::string reason;  // why not (shown in the 403) or why (for the log)
  View view = View::Full;
  explicit operator bool() const { return allowed; }
};

Decision decide(const Principal& who, Action action, const Resource& what);

// The worklist scopes a role may ask for, widest first (empty: none).
std::vector<WorklistScope> worklist_scopes(Role r);

// What the front end may offer: the names of the pages a role can use ("dashboard",
// "worklist", "team_worklist", "all_worklist", "children", "data_quality", "imports", "rules",
// "indicators", "my_record", "users", "statements", "alerts", "invite_young_person", "listening").
// Derived from decide(), so the menu never offers a page the policy would refuse.
std::vector<std::string> capabilities(const Principal& who);

}  // namespace hearth::auth
