// A finding: one problem in the data, as data. Ingest, validation and the web page's error
// summary all speak in findings; exceptions are kept for what must stop the work.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/text.hpp"  // is_utf8, to_utf8: findings only ever carry well-formed UTF-8

namespace hearth::model {

enum class Severity : std::uint8_t {
  Error,    // the row cannot be used as it is
  Query,    // probably wrong: the DfE asks the council to confirm or correct it
  Warning,  // worth a look; nothing is lost
};

std::string_view severity_name(Severity s);

struct Finding {
  std::string rule;  // e.g. "ingest.bad-date" or a DfE rule code such as "103"
  Severity severity = Severity::Error;
  std::string file;   // the file as the user named it
  std::string table;  // 903 table name, e.g. "Episodes"
  std::int64_t row =
      0;                // line in the file as a spreadsheet numbers it (header = 1); 0 = whole file
  std::string column;   // 903 column name, empty for a whole-row or whole-file finding
  std::string value;    // the offending text as read
  std::string child;    // CHILD, when known
  std::string message;  // what is wrong, in plain words
  std::string expected;  // what was expected
  std::string how_to_fix;
  bool operator==(const Finding&) const = default;
};

}  // namespace hearth::model
