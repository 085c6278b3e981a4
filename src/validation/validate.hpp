// Running the DfE's 903 rules over a dataset: which fired where, which could not run and why.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "validation/registry.hpp"
#include "validation/table.hpp"

namespace hearth::validation {

// One rule that fired on one row (model::Finding is what is shown and stored of it).
struct RuleFinding {
  const Rule* rule = nullptr;
  const Table* table = nullptr;
  std::uint32_t index = 0;  // row within the table, from 0
  std::string child;
  std::int64_t row() const { return table->line(index); }  // line in the file (header = 1)
  // The rule's fields that this table has (the cells an analyst must look at).
  std::vector<std::string> fields() const;
  std::string table_name() const;  // "Episodes", or "Episodes (previous year)"
};

struct NotRun {
  const Rule* rule = nullptr;
  std::string reason;
};

struct Result {
  int year = 0;       // collection end year of the data
  int rule_year = 0;  // the year whose rules were applied
  std::vector<RuleFinding> findings;
  std::size_t rules_run = 0;
  std::vector<NotRun> not_run;
  std::size_t errors() const;
  std::size_t queries() const;
};

struct Options {
  std::vector<std::string> only;  // rule codes to run (all that apply to the year when empty)
  // Apply the rules of this collection (end) year, as the DfE tool's --ruleset does; 0: the
  // data's own year (before 2022/23, the first year Hearth has rules for: the 2022/23 rules).
  int rule_year = 0;
  // Threads to run the rules on (at least 1; more when the caller has cores to spare, as
  // `hearth validate` does). The findings do not depend on it.
  std::size_t threads = 1;
};

// Why `rule` cannot run on `data` (a table or reference data not supplied); empty when it can.
std::string why_not_run(const Rule& rule, const ReturnTables& data);

Result validate(const ReturnTables& data, const Options& options = {});

// A finding as the general model::Finding stored with an import: the rule's fields comma
// separated in column, and the cell's value when it names one field.
model::Finding to_model_finding(const RuleFinding& f);

}  // namespace hearth::validation
