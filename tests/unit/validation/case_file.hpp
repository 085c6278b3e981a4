// A validation case: a tiny 903 return in one text file, and what one rule must find in it.
//
//   # Fires: ETHNIC "XXXX" is not an ethnicity code.      <- comment lines say what it shows
//   expect: Header 2, Header 4        (or "expect: none"); rows as a spreadsheet numbers them,
//                                      the column-name line being row 1 of each table
//   year: 2026                        optional collection end year (default 2026, i.e. 2025/26)
//   la: E09000033                     optional ONS code of the council
//   format: xml                       optional, default csv
//   previous: yes                     optional: the previous year's tables are supplied (empty
//                                      unless given); implied by any [<Table>_last] section
//   [Header]                          a table: the next line names its columns (any subset, any
//   CHILD,SEX,DOB,ETHNIC              order), then one line per row
//   1,1,01/01/2010,XXXX
//   [postcodes] / [upper_tier] / [providers]   reference data, as in the reference folder
//   [xml] / [xml_last]                a 903 XML return (this year's / last year's), its lines as
//                                      they are, read by the 903 XML reader as hearth validate
//                                      reads one (format becomes xml); rows are numbered by the
//                                      section's lines (its first line is line 1)
//
// Every current-year table not given is supplied and empty.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <utility>

#include "validation/table.hpp"

namespace hearth::validation::cases {

struct Case {
  std::string description;  // the comment lines
  ReturnTables data;
  ValidationReference reference;
  // (table name with "_last" for the previous year, spreadsheet row)
  std::set<std::pair<std::string, std::int64_t>> expected;
  bool expect_none = false;
};

// Reads a case; throws std::runtime_error naming the file and line when it is malformed.
Case read_case(const std::filesystem::path& file);

}  // namespace hearth::validation::cases
