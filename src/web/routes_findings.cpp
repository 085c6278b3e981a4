// Validation findings stored with a council's returns: counted by rule, and one rule's list.
#include <algorithm>
#include <map>
#include <set>

#include "report/finding.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

// The latest stored return of the council (or of ?year=): its key.
store::ReturnKey return_for(Call& call, const std::string& la) {
  std::string y = call.query("year");
  std::optional<int> year;
  if (!y.empty()) {
    auto parsed = model::CollectionYear::parse(y);
    if (!parsed)
      throw ApiError(400, "bad_year", "year must be a collection year such as 2025-26",
                     {{"parameter", "year"}});
    year = parsed->end_year;
  }
  std::optional<store::ReturnKey> best;
  for (const auto& k : call.st.list_returns()) {
    if (k.la != la) continue;
    if (year && k.collection_year != *year) continue;
    if (!best || k.collection_year > best->collection_year) best = k;
  }
  if (!best)
    throw ApiError(
        404, "no_data",
        "The store holds no return for council " + la + (y.empty() ? "" : " in " + y) + ".",
        {{"la", la}});
  return *best;
}

http::Response get_findings(Call& call) {
  std::string la = call.council();
  call.require(Action::ReadFindings, Resource::council(la));
  auto key = return_for(call, la);
  auto findings = call.import_findings(key.import_id);
  struct Sum {
    model::Finding first;
    int count = 0;
    std::set<std::string> children;
  };
  std::map<std::string, Sum> by_rule;
  json not_run = json::array();
  for (const auto& f : *findings) {
    if (f.rule == "validation.not-run") {
      not_run.push_back({{"message", f.message}, {"value", f.value}});
      continue;
    }
    auto& s = by_rule[f.rule];
    if (s.count == 0) s.first = f;
    ++s.count;
    if (!f.child.empty()) s.children.insert(f.child);
  }
  json rules = json::array();
  std::size_t total = 0;
  for (const auto& [code, s] : by_rule) {
    total += static_cast<std::size_t>(s.count);
    rules.push_back({{"code", code},
                     {"severity", model::severity_name(s.first.severity)},
                     {"message", s.first.message},
                     {"how_to_fix", s.first.how_to_fix},
                     {"count", s.count},
                     {"children", s.children.size()}});
  }
  std::stable_sort(rules.begin(), rules.end(), [](const json& a, const json& b) {
    if (a["severity"] != b["severity"]) return a["severity"] == "error";
    return a["count"].get<int>() > b["count"].get<int>();
  });
  call.audit("findings.read", "council:" + la, "ok", {{"import", key.import_id}});
  return http::Response::json({{"la", la},
                               {"year", model::CollectionYear{key.collection_year}.label()},
                               {"import_id", key.import_id},
                               {"total", total},
                               {"rules", rules},
                               {"not_run", not_run}});
}

http::Response get_findings_of_rule(Call& call) {
  std::string la = call.council();
  call.require(Action::ReadFindings, Resource::council(la));
  std::string rule = call.req.path_params.at("rule");
  auto key = return_for(call, la);
  auto page = call.page();
  std::size_t total = 0;
  json items = json::array();
  for (const auto& f : *call.import_findings(key.import_id)) {
    if (f.rule != rule) continue;
    if (total >= page.first && items.size() < page.second)
      items.push_back(report::finding_json(f, key.collection_year));
    ++total;
  }
  call.audit("findings.read", "council:" + la, "ok", {{"import", key.import_id}, {"rule", rule}});
  json out = Call::paged(std::move(items), total, page);
  out["rule"] = rule;
  out["la"] = la;
  out["year"] = model::CollectionYear{key.collection_year}.label();
  return http::Response::json(out);
}

}  // namespace

void add_findings_routes(std::vector<Route>& routes) {
  routes.push_back({"GET",
                    "/api/v1/findings",
                    "Validation findings of the latest stored return, counted by rule",
                    {kLa, kYear},
                    true,
                    "",
                    get_findings});
  routes.back().reply = {200, "FindingsSummary"};
  routes.push_back({"GET",
                    "/api/v1/findings/{rule}",
                    "The findings of one rule, each naming the child",
                    {{"rule", "path", "string", "The rule code"}, kLa, kYear, kPage, kPerPage},
                    true,
                    "",
                    get_findings_of_rule});
  routes.back().reply = {200, "RuleFindings"};
}

}  // namespace hearth::web
