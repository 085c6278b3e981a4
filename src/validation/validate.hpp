// Running the DfE's 903 rules over a dataset: which fired where, which could not run and why.
#pragma once

#include <string>
#include <vector>

#include "validation/registry.hpp"
#include "validation/table.hpp"

namespace hearth::validation {

struct Finding {
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
  int year = 0;  // collection end year
  std::vector<Finding> findings;
  std::size_t rules_run = 0;
  std::vector<NotRun> not_run;
  std::size_t errors() const;
  std::size_t queries() const;
};

struct Options {
  std::vector<std::string> only;  // rule codes to run (all that apply to the year when empty)
};

// Why `rule` cannot run on `data` (a table or reference data not supplied); empty when it can.
std::string why_not_run(const Rule& rule, const Dataset& data);

Result validate(const Dataset& data, const Options& options = {});

}  // namespace hearth::validation
