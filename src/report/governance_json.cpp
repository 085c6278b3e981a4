#include <cmath>

#include "report/governance.hpp"

namespace hearth::report {

using nlohmann::json;

namespace {

// One decimal place, whole numbers without one (as the scorecard's JSON writes them).
json figure(const std::optional<double>& v, const std::string& unit) {
  if (!v) return nullptr;
  const int places = unit == "count" || unit == "days" ? 0 : 1;
  const double scale = std::pow(10.0, places);
  const double r = std::round(*v * scale) / scale;
  if (places == 0 || r == std::round(r)) return static_cast<long long>(std::llround(r));
  return r;
}

json rag(indicators::Rag r) {
  const auto name = indicators::rag_name(r);
  return name.empty() ? json(nullptr) : json(std::string(name));
}

}  // namespace

json progress_json(const std::string& la, model::Date as_of,
                   const std::vector<services::PriorityProgress>& progress) {
  json priorities = json::array();
  for (const auto& p : progress) {
    json measures = json::array();
    for (const auto& m : p.measures) {
      json parts = json::array();
      for (const auto& part : m.parts) {
        json trend = json::array();
        for (const auto& [label, value] : part.trend)
          trend.push_back({{"period", label}, {"value", figure(value, part.unit)}});
        parts.push_back({{"from", part.indicator},
                         {"title", part.title},
                         {"unit", part.unit},
                         {"value", figure(part.value, part.unit)},
                         {"target", figure(part.target, part.unit)},
                         {"rag", rag(part.rag)},
                         {"note", part.note},
                         {"trend", trend}});
      }
      measures.push_back({{"id", m.measure->id},
                          {"text", m.measure->text},
                          {"rag", rag(m.rag)},
                          {"parts", parts}});
    }
    priorities.push_back({{"id", p.priority->id},
                          {"title", p.priority->title},
                          {"summary", p.priority->summary},
                          {"rag", rag(p.rag)},
                          {"actions_open", p.actions_open},
                          {"actions_overdue", p.actions_overdue},
                          {"measures", measures}});
  }
  return {{"la", la}, {"as_of", model::format_iso(as_of)}, {"priorities", priorities}};
}

json action_json(const store::Action& a, model::Date today) {
  return {{"id", a.id},
          {"title", a.title},
          {"owner", a.owner},
          {"owner_name", a.owner_name},
          {"due", model::format_iso(a.due)},
          {"status", a.status},
          {"overdue", services::overdue(a, today)},
          {"evidence", a.evidence},
          {"priority", a.priority},
          {"theme", a.theme},
          {"card", a.card ? json(a.card) : json(nullptr)},
          {"meeting", a.meeting ? json(a.meeting) : json(nullptr)},
          {"closed_on", a.closed_on ? json(model::format_iso(*a.closed_on)) : json(nullptr)}};
}

}  // namespace hearth::report
