// The Corporate Parenting Board's standing arrangements as a file (docs/governance.md): the
// strategy's priorities with their measures ("we will know this when") and commitments ("we
// will"), the children in care council's themes for the year, the Board's members, champions and
// sub-groups, the reporting calendar and the council's pledge. `hearth governance load` reads
// one; what happens at and between meetings (actions, cards, reports received) is in the store.
#pragma once

#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/dates.hpp"
#include "model/embedded_file.hpp"

namespace hearth::voice {
struct SurveyBook;
}

namespace hearth::governance {

// A mistake in a governance file: "medway.toml:42: [[measure]] 'dental': indicator 'teeth' is
// not a scorecard indicator".
class GovernanceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "We will know this when": one of the scorecard's indicators (or several, each judged), a
// survey question (the share answering in its best two answers), or a figure entered by hand
// each quarter from a named source.
struct Measure {
  std::string id, priority, text;
  std::vector<std::string> indicators;
  std::string survey, question;
  std::string manual;            // the source of a figure entered by hand
  std::optional<double> target;  // when absent, each indicator's own scorecard target
};

struct Commitment {  // "We will"
  std::string id, priority, text, owner;
};

struct Priority {
  std::string id, title, summary;
};

struct Theme {
  std::string id, title, year;  // year: "2025-26"
  bool focus = false;           // the one being worked on now
};

enum class MemberKind { Councillor, Officer, Partner, FosterCarer, YoungPeople };
std::string_view member_kind_name(MemberKind k);  // "councillor", ...

struct Member {
  std::string name;
  MemberKind kind = MemberKind::Councillor;
  std::string organisation, role;
};

struct Champion {
  std::string name, area;
};

struct SubGroup {
  std::string id, title, priority, chair;
  int every_months = 6;
};

// A report the Board receives: due on first_due, then every `every_months` months.
struct Report {
  std::string id, title, owner;
  int every_months = 12;
  model::Date first_due{};
  // The due dates from `from` to `to` (inclusive).
  std::vector<model::Date> due_between(model::Date from, model::Date to) const;
};

struct Governance {
  std::string council, name, chair, strategy;
  model::Date from{}, to{};
  int actions_per_theme = 3;
  std::string pledge_title;
  std::vector<std::string> promises;
  std::vector<Priority> priorities;
  std::vector<Measure> measures;
  std::vector<Commitment> commitments;
  std::vector<Theme> themes;
  std::vector<Member> members;
  std::vector<Champion> champions;
  std::vector<SubGroup> subgroups;
  std::vector<Report> reports;

  const Priority* priority(std::string_view id) const;
  const Theme* theme(std::string_view id) const;
  const Report* report(std::string_view id) const;
};

// Reads and checks a governance file: every key known, every id unique within its kind, every
// reference (a measure's priority, indicator, survey question; a sub-group's priority) to
// something that exists, dates as TOML dates. `surveys` are the surveys a measure may name.
// Throws GovernanceError naming the file, the line and what is wrong; nothing is half-read.
Governance parse_governance(std::string_view text, std::string_view file,
                            const voice::SurveyBook& surveys);

// The same arrangements written back as a governance file (parse_governance reads it back to
// an equal Governance).
std::string to_toml(const Governance& g);

// The files Hearth ships (reference/governance/*.toml): "medway.toml", "manchester.toml".
std::span<const model::EmbeddedFile> shipped_governance();

}  // namespace hearth::governance
