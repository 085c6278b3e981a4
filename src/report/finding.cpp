#include "report/finding.hpp"

#include "model/dates.hpp"
#include "model/text.hpp"

namespace hearth::report {

nlohmann::json finding_json(const model::Finding& f, int year) {
  auto text = [](const std::string& s) { return model::to_utf8(s); };
  return {{"rule", text(f.rule)},
          {"severity", model::severity_name(f.severity)},
          {"message", text(f.message)},
          {"how_to_fix", text(f.how_to_fix)},
          {"file", text(f.file)},
          {"table", text(f.table)},
          {"row", f.row},
          {"field", text(f.column)},
          {"value", text(f.value)},
          {"expected", text(f.expected)},
          {"child", text(f.child)},
          {"year", year ? nlohmann::json(model::CollectionYear{year}.label()) : nlohmann::json()}};
}

nlohmann::json findings_json(const std::vector<services::YearFindings>& years) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& y : years)
    for (const auto* f : y.items) out.push_back(finding_json(*f, y.year));
  return out;
}

}  // namespace hearth::report
