// Worklists: what each worker, team or the whole service has overdue, due soon and done late,
// from the timescales engine, on an as-of date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "timescales/engine.hpp"

namespace hearth::timescales {

struct WorklistOptions {
  model::Date as_of{};
  std::string la;                     // one council; empty: every council
  std::optional<std::string> worker;  // prof_professional_id
  std::optional<std::string> team;
  int within_working_days = -1;      // due-soon horizon; -1: the configured window
  std::optional<model::Date> since;  // done late on or after; default: start of the quarter
};

struct WorkItem {
  ItemStatus status;
  Assignee who;
  std::string_view la;
  std::string_view child;  // CHILD
  int days_overdue = 0;
};

struct Worklist {
  model::Date as_of{};
  model::Date since{};
  model::Date horizon{};           // due soon up to and including
  std::vector<WorkItem> overdue;   // oldest due first
  std::vector<WorkItem> due_soon;  // soonest first
  std::vector<WorkItem> done_late;
  std::size_t children = 0;  // children with any item in scope
};

// The start of the financial-year quarter containing d (1 Apr, 1 Jul, 1 Oct, 1 Jan).
model::Date quarter_start(model::Date d);

Worklist build_worklist(const Engine& engine, const WorklistOptions& options);

}  // namespace hearth::timescales
