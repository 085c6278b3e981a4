// The registries: every indicator's definition and the DfE 903 rules of a collection year.
#include "report/scorecard.hpp"
#include "report/validation.hpp"
#include "validation/registry.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

http::Response get_indicators(Call& call) {
  call.require(Action::ReadRegistry, {});
  static const std::string text = report::indicators_list_json().dump();
  http::Response r;
  r.body = text;
  return r;
}

http::Response get_indicator(Call& call) {
  call.require(Action::ReadRegistry, {});
  std::string key = call.req.path_params.at("key");
  for (const auto& ind : report::indicators_json())
    if (ind["id"] == key) return http::Response::json(ind);
  throw ApiError(404, "not_found", "There is no indicator '" + key + "'.", {{"id", key}});
}

int rules_year(const Call& call) {
  std::string y = call.query("year");
  if (y.empty()) return validation::kLatestYear;
  auto parsed = model::CollectionYear::parse(y);
  if (!parsed)
    throw ApiError(400, "bad_year", "year must be a collection year such as 2025-26",
                   {{"parameter", "year"}, {"value", y}});
  return parsed->end_year;
}

http::Response get_rules(Call& call) {
  call.require(Action::ReadRules, {});
  int year = rules_year(call);
  return http::Response::json(report::rules_list_json(year));
}

http::Response get_rule(Call& call) {
  call.require(Action::ReadRules, {});
  std::string code = call.req.path_params.at("code");
  for (const auto& r : report::rules_json(rules_year(call)))
    if (r["code"] == code) return http::Response::json(r);
  throw ApiError(404, "not_found", "There is no 903 rule '" + code + "' in that year's rules.",
                 {{"code", code}});
}

}  // namespace

void add_registry_routes(std::vector<Route>& routes) {
  routes.push_back({"GET",
                    "/api/v1/indicators",
                    "The indicator registry: every definition",
                    {},
                    true,
                    "",
                    get_indicators});
  routes.back().reply = {200, "IndicatorList"};
  routes.push_back({"GET",
                    "/api/v1/indicators/{key}",
                    "One indicator's definition",
                    {{"key", "path", "string", "The indicator's id"}},
                    true,
                    "",
                    get_indicator});
  routes.back().reply = {200, "IndicatorDefinition"};
  routes.push_back({"GET",
                    "/api/v1/rules",
                    "The DfE 903 validation rules of a collection year",
                    {kYear},
                    true,
                    "",
                    get_rules});
  routes.back().reply = {200, "RuleList"};
  routes.push_back({"GET",
                    "/api/v1/rules/{code}",
                    "One 903 rule's definition",
                    {{"code", "path", "string", "The DfE rule code"}, kYear},
                    true,
                    "",
                    get_rule});
  routes.back().reply = {200, "Rule"};
}

}  // namespace hearth::web
