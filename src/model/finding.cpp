#include "model/finding.hpp"

namespace hearth::model {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Query:
      return "query";
    case Severity::Warning:
      return "warning";
  }
  return "error";
}

}  // namespace hearth::model
