// A DfE 903 validation rule: its metadata as data, declared once beside the code that checks it
// (STYLE.md "Registries as data"), and the check itself.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/finding.hpp"
#include "validation/table.hpp"

namespace hearth::validation {

// Where a rule fired: one row of one table (current or previous year).
struct Hit {
  const Table* table;
  std::uint32_t row;
};

class Hits {
 public:
  void add(const Table& t, std::size_t row) {
    hits_.push_back({&t, static_cast<std::uint32_t>(row)});
  }
  const std::vector<Hit>& all() const { return hits_; }
  void clear() { hits_.clear(); }

 private:
  std::vector<Hit> hits_;
};

using Check = void (*)(const ReturnTables&, Hits&);

struct Rule {
  std::string_view code;  // the DfE's code, e.g. "103", "503A", "SW06STG2"
  model::Severity severity;
  // Tables the rule reads, comma separated, "_last" for the previous year's ("Header,Header_last").
  // Every one must have been supplied for the rule to run; otherwise it is reported not run.
  std::string_view tables;
  std::string_view fields;      // the fields a finding points at, comma separated
  std::string_view message;     // what is wrong, in Hearth's words
  std::string_view how_to_fix;  // what the analyst or worker should do
  std::string_view basis;       // the statutory or guidance basis
  int first_year;               // first collection (end) year it applies to, e.g. 2023 for 2022/23
  int last_year;                // last collection year it applies to; 0 while it still applies
  Check check;
  // Reference data the rule needs: "" (none), "postcodes" or "providers".
  std::string_view reference = {};
  // It compares each placement's council with the return's (ReturnTables::la), so it cannot run
  // without knowing the council.
  bool needs_council = false;
};

}  // namespace hearth::validation
