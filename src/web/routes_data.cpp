// Aggregates and registries: the scorecard, indicator and rule definitions, worklists,
// validation findings, what the store holds, and the users (for administrators).
#include <algorithm>
#include <set>

#include "indicators/registry.hpp"
#include "indicators/scorecard.hpp"
#include "model/text.hpp"
#include "report/scorecard.hpp"
#include "report/validation.hpp"
#include "report/worklist.hpp"
#include "services/scorecard.hpp"
#include "services/worklist.hpp"
#include "timescales/json.hpp"
#include "timescales/registry.hpp"
#include "validation/registry.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

// ---- scorecard ---------------------------------------------------------------------------

std::shared_ptr<const Cached> scorecard_text(Call& call, const std::string& la, bool suppress,
                                             const std::string& only) {
  auto d = call.ctx.derived();
  services::ScorecardQuery q;
  q.la = la;
  q.as_of = call.query("as_of");
  q.period = call.query("period", "quarter");
  q.suppress = suppress;
  // The dashboard's tiles need no breakdowns; one indicator's page does (and ?breakdowns=true
  // asks for them on the whole scorecard, as `hearth scorecard --format json` gives them).
  q.breakdowns = !only.empty() || call.query("breakdowns") == "true";
  if (!only.empty()) q.only.push_back(only);
  auto plan = services::plan_scorecard(*d, q);
  if (auto kept = d->scorecards.get(plan.key)) return kept;
  auto text = Cached::make(report::scorecard_json(services::build_scorecard(*d, plan)).dump());
  return d->scorecards.put(plan.key, text, cached_bytes(*text));
}

http::Response json_text(const Call& call, const std::shared_ptr<const Cached>& text) {
  http::Response r;
  set_body(r, *text, call.req);
  return r;
}

http::Response get_scorecard(Call& call) {
  std::string la = call.council();
  auto decision = call.require(Action::ReadScorecard, Resource::council(la));
  return json_text(
      call, scorecard_text(call, la, decision.view == auth::View::Suppressed, std::string()));
}

http::Response get_scorecard_indicator(Call& call) {
  std::string la = call.council();
  auto decision = call.require(Action::ReadScorecard, Resource::council(la));
  std::string key = call.req.path_params.at("indicator");
  if (!indicators::indicator_by_key(key))
    throw ApiError(404, "not_found", "There is no indicator '" + key + "'.", {{"id", key}});
  return json_text(call, scorecard_text(call, la, decision.view == auth::View::Suppressed, key));
}

// ---- registries --------------------------------------------------------------------------

http::Response get_indicators(Call& call) {
  call.require(Action::ReadRegistry, {});
  static const std::string text = report::indicators_json().dump();
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
  call.require(Action::ReadRegistry, {});
  int year = rules_year(call);
  return http::Response::json({{"collection_year", model::CollectionYear{year}.label()},
                               {"rules", report::rules_json(year)}});
}

http::Response get_rule(Call& call) {
  call.require(Action::ReadRegistry, {});
  std::string code = call.req.path_params.at("code");
  for (const auto& r : report::rules_json(rules_year(call)))
    if (r["code"] == code) return http::Response::json(r);
  throw ApiError(404, "not_found", "There is no 903 rule '" + code + "' in that year's rules.",
                 {{"code", code}});
}

// ---- worklist ----------------------------------------------------------------------------

http::Response get_worklist(Call& call) {
  std::string la = call.council();
  auto scopes = auth::worklist_scopes(call.who().role);
  std::string scope_text =
      call.query("scope", scopes.empty() ? "mine" : std::string(auth::scope_name(scopes.front())));
  Resource res = Resource::council(la);
  if (scope_text == "mine")
    res.scope = auth::WorklistScope::Mine;
  else if (scope_text == "team")
    res.scope = auth::WorklistScope::Team;
  else if (scope_text == "all")
    res.scope = auth::WorklistScope::All;
  else
    throw ApiError(400, "bad_scope", "scope must be mine, team or all",
                   {{"parameter", "scope"}, {"value", scope_text}});
  call.require(Action::ReadWorklist, res);
  std::string format = call.query("format", "json");
  if (format != "json" && format != "csv")
    throw ApiError(400, "bad_format", "format must be json or csv", {{"parameter", "format"}});
  auto d = call.ctx.derived();
  const auto& who = call.who();
  services::WorklistQuery q;
  q.la = la;
  q.as_of = call.query("as_of");
  q.scope = scope_text;
  q.status = call.query("status");
  q.item = call.query("item");
  q.worker = call.query("worker");
  q.team = call.query("team");
  if (res.scope != auth::WorklistScope::All)
    q.visible = [&](const timescales::WorkItem& w, model::Date as_of) {
      if (res.scope == auth::WorklistScope::Team)
        return std::find(who.teams.begin(), who.teams.end(), w.who.team) != who.teams.end();
      if (who.role == auth::Role::Iro) {
        auto c = d->data->find_child(w.la, w.child);
        if (!c) return false;
        auto cr = child_resource(*d->data, *c, as_of);
        return std::find(cr.iros.begin(), cr.iros.end(), who.worker) != cr.iros.end();
      }
      return w.who.worker == who.worker;
    };
  auto wl = services::worklist(*d, q);
  call.audit("worklist.read", "worklist:" + la + "/" + scope_text, "ok",
             {{"children", wl.children}});
  if (format == "csv") {
    http::Response r;
    r.content_type = "text/csv; charset=utf-8";
    r.body = report::worklist_csv(wl, *d->engine);
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"worklist-" + la + "-" + scope_text + "-" +
                               model::format_iso(wl.whole->as_of) + ".csv\"");
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  }
  return http::Response::json(report::worklist_json(wl, *d->engine));
}

// ---- findings ----------------------------------------------------------------------------

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
      items.push_back(finding_json(f, key.collection_year, f.file));
    ++total;
  }
  call.audit("findings.read", "council:" + la, "ok", {{"import", key.import_id}, {"rule", rule}});
  json out = Call::paged(std::move(items), total, page);
  out["rule"] = rule;
  out["la"] = la;
  out["year"] = model::CollectionYear{key.collection_year}.label();
  return http::Response::json(out);
}

// ---- the store, the users ----------------------------------------------------------------

http::Response get_info(Call& call) {
  auto d = call.ctx.derived();
  call.require(Action::ReadRegistry, {});
  json councils = json::array();
  for (const auto& la : d->data->councils)
    if (std::find(call.who().councils.begin(), call.who().councils.end(), la) !=
        call.who().councils.end())
      councils.push_back(la);
  return http::Response::json({{"version", "0.1.0"},
                               {"backend", call.st.backend()},
                               {"schema_version", store::kSchemaVersion},
                               {"as_of", model::format_iso(d->as_of)},
                               {"councils", councils}});
}

http::Response get_users(Call& call) {
  std::string la = call.council();
  call.require(Action::ManageUsers, Resource::council(la));
  auto page = call.page();
  json items = json::array();
  std::size_t total = 0;
  for (const auto& u : call.st.list_users()) {
    if (std::find(u.councils.begin(), u.councils.end(), la) == u.councils.end()) continue;
    if (total >= page.first && items.size() < page.second)
      items.push_back({{"username", u.username},
                       {"display_name", u.display_name},
                       {"role", u.role},
                       {"councils", u.councils},
                       {"worker", u.worker},
                       {"teams", u.teams},
                       {"disabled", u.disabled},
                       {"locked", !u.locked_until.empty()},
                       {"last_login_at", u.last_login_at}});
    ++total;
  }
  return http::Response::json(Call::paged(std::move(items), total, page));
}

const Param kLa{"la", "query", "string", "The council's LA code (default: your first council)"};
const Param kAsOf{"as_of", "query", "string",
                  "The date to look from, YYYY-MM-DD (default: the date the data runs to)"};
const Param kPage{"page", "query", "integer", "Page number, from 1"};
const Param kPerPage{"per_page", "query", "integer", "Items per page (at most 500; default 50)"};
const Param kYear{"year", "query", "string", "Collection year, e.g. 2025-26"};

}  // namespace

// The one reading of as_of, shared with the CLI (ingest::resolve_as_of): no date after today;
// the scorecard stops where the council's returns stop, with a warning.
ingest::AsOf as_of_param(const Call& call, const Derived& d, ingest::AsOfUse use,
                         const std::string& la) {
  std::string text = call.query("as_of");
  try {
    return ingest::resolve_as_of(text, *d.data, use, la, "as_of");
  } catch (const ingest::AsOfError& e) {
    throw ApiError(400, "bad_as_of", e.what(), {{"parameter", "as_of"}, {"value", text}});
  }
}

void add_data_routes(std::vector<Route>& routes) {
  const Param period{"period",     "query", "string",
                     "The period", false,   {"month", "quarter", "year"}};
  routes.push_back({"GET",
                    "/api/v1/scorecard",
                    "The Board's scorecard: every indicator's value, target, RAG, comparators "
                    "and trend (small numbers suppressed for the board role)",
                    {kLa, period, kAsOf},
                    true,
                    "",
                    get_scorecard});
  routes.push_back({"GET",
                    "/api/v1/scorecard/{indicator}",
                    "One indicator with its trend, years, comparators and breakdowns",
                    {{"indicator", "path", "string", "The indicator's id"}, kLa, period, kAsOf},
                    true,
                    "",
                    get_scorecard_indicator});
  routes.push_back({"GET",
                    "/api/v1/indicators",
                    "The indicator registry: every definition",
                    {},
                    true,
                    "",
                    get_indicators});
  routes.push_back({"GET",
                    "/api/v1/indicators/{key}",
                    "One indicator's definition",
                    {{"key", "path", "string", "The indicator's id"}},
                    true,
                    "",
                    get_indicator});
  routes.push_back({"GET",
                    "/api/v1/rules",
                    "The DfE 903 validation rules of a collection year",
                    {kYear},
                    true,
                    "",
                    get_rules});
  routes.push_back({"GET",
                    "/api/v1/rules/{code}",
                    "One 903 rule's definition",
                    {{"code", "path", "string", "The DfE rule code"}, kYear},
                    true,
                    "",
                    get_rule});
  routes.push_back(
      {"GET",
       "/api/v1/worklist",
       "Statutory items overdue, due soon and done late, for you, your team or the service",
       {kLa,
        kAsOf,
        {"scope",
         "query",
         "string",
         "Whose items (default: the widest your role has)",
         false,
         {"mine", "team", "all"}},
        {"status",
         "query",
         "string",
         "Only this section",
         false,
         {"overdue", "due_soon", "done_late"}},
        {"item", "query", "string", "Only this statutory item (its key)"},
        {"worker", "query", "string", "Only this worker's items"},
        {"team", "query", "string", "Only this team's items"},
        {"format", "query", "string", "json, or csv to download", false, {"json", "csv"}}},
       true,
       "",
       get_worklist});
  routes.push_back({"GET",
                    "/api/v1/findings",
                    "Validation findings of the latest stored return, counted by rule",
                    {kLa, kYear},
                    true,
                    "",
                    get_findings});
  routes.push_back({"GET",
                    "/api/v1/findings/{rule}",
                    "The findings of one rule, each naming the child",
                    {{"rule", "path", "string", "The rule code"}, kLa, kYear, kPage, kPerPage},
                    true,
                    "",
                    get_findings_of_rule});
  routes.push_back({"GET",
                    "/api/v1/info",
                    "The Hearth version and the councils you can see",
                    {},
                    true,
                    "",
                    get_info});
  routes.push_back({"GET",
                    "/api/v1/users",
                    "The council's users (administrators)",
                    {kLa, kPage, kPerPage},
                    true,
                    "",
                    get_users});
}

}  // namespace hearth::web
