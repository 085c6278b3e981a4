// Validation findings stored with a council's imports: counted by rule (the latest return, or a
// past import), one rule's list, the whole list as CSV or Excel, and notes that explain a
// finding so that next month's list shows only what is new (services/finding_notes.hpp).
#include <algorithm>
#include <map>
#include <set>

#include "report/finding.hpp"
#include "report/findings_export.hpp"
#include "services/finding_notes.hpp"
#include "services/imports.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

// The stored import whose findings are asked for: ?import=N (any of the council's imports,
// past ones too), else the council's latest stored return (or that of ?year=).
struct Stored {
  store::ImportRecord rec;
  bool current = false;  // the import whose data is in use now
};

// Import `id` of council `la`; another council's answers as one that does not exist.
store::ImportRecord council_import(Call& call, const std::string& la, std::int64_t id) {
  auto rec = services::find_import(call.st, id);
  if (!rec || rec->la != la)
    throw ApiError(404, "not_found", "Council " + la + " has no import " + std::to_string(id) + ".",
                   {{"import", id}});
  return *rec;
}

Stored stored_for(Call& call, const std::string& la) {
  const auto returns = call.st.list_returns();
  std::int64_t id = 0;
  if (const std::string asked = call.query("import"); !asked.empty()) {
    auto n = positive_number(asked);
    if (!n)
      throw ApiError(400, "bad_request", "import must be an import's number, such as 12.",
                     {{"parameter", "import"}});
    id = *n;
  } else {
    std::string y = call.query("year");
    std::optional<int> year;
    if (!y.empty()) {
      auto parsed = model::CollectionYear::parse(y);
      if (!parsed)
        throw ApiError(400, "bad_year", "year must be a collection year such as 2025-26",
                       {{"parameter", "year"}});
      year = parsed->end_year;
    }
    const store::ReturnKey* best = nullptr;
    for (const auto& k : returns) {
      if (k.la != la || (year && k.collection_year != *year)) continue;
      if (!best || k.collection_year > best->collection_year) best = &k;
    }
    if (!best)
      throw ApiError(
          404, "no_data",
          "The store holds no return for council " + la + (y.empty() ? "" : " in " + y) + ".",
          {{"la", la}});
    id = best->import_id;
  }
  Stored s{council_import(call, la, id)};
  // In use: a year's latest return, or a local records table's latest import.
  for (const auto& k : returns) s.current |= k.import_id == id;
  if (!s.rec.collection_year)
    for (const auto& t : call.st.list_local_tables()) s.current |= t.import_id == id;
  return s;
}

std::string year_label(const store::ImportRecord& r) {
  return r.collection_year ? model::CollectionYear{r.collection_year}.label() : std::string();
}

// Which findings a list shows: the new ones (not explained), the explained, or all.
enum class Show { New, Explained, All };
Show show_param(Call& call, const char* fallback) {
  const std::string v = call.query("show", fallback);
  if (v == "new") return Show::New;
  if (v == "explained") return Show::Explained;
  if (v == "all") return Show::All;
  throw ApiError(400, "bad_request", "show must be new, explained or all, not '" + v + "'.",
                 {{"parameter", "show"}});
}
bool shown(Show s, bool explained) {
  return s == Show::All || (s == Show::Explained) == explained;
}

json note_json(const store::FindingNote& n) {
  return {{"id", n.id},
          {"key", n.key},
          {"rule", model::to_utf8(n.rule)},
          {"child", model::to_utf8(n.child)},
          {"note", model::to_utf8(n.note)},
          {"user", model::to_utf8(n.user)},
          {"at", model::format_instant(n.at)}};
}

json import_fields(const Stored& s) {
  return {{"id", s.rec.id},
          {"kind", s.rec.collection_year ? "903" : "local"},
          {"source", model::to_utf8(s.rec.source)},
          {"user", model::to_utf8(s.rec.user)},
          {"imported_at", model::format_instant(s.rec.finished_at)},
          {"current", s.current}};
}

http::Response get_findings(Call& call) {
  std::string la = call.council();
  call.require(Action::ReadFindings, Resource::council(la));
  const auto stored = stored_for(call, la);
  auto findings = call.import_findings(stored.rec.id);
  const auto notes = services::note_index(call.st, la);
  struct Sum {
    model::Finding first;
    int count = 0, explained = 0;
    std::set<std::string> children;
  };
  std::map<std::string, Sum> by_rule;
  json not_run = json::array();
  std::size_t explained = 0;
  for (const auto& f : *findings) {
    if (f.rule == "validation.not-run") {
      not_run.push_back({{"message", f.message}, {"value", f.value}});
      continue;
    }
    auto& s = by_rule[f.rule];
    if (s.count == 0) s.first = f;
    ++s.count;
    // a key is a digest: made only when the council has notes to look it up in
    if (!notes.empty() && notes.count(services::finding_key(f))) ++s.explained, ++explained;
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
                     {"explained", s.explained},
                     {"new", s.count - s.explained},
                     {"children", s.children.size()}});
  }
  std::stable_sort(rules.begin(), rules.end(), [](const json& a, const json& b) {
    if (a["severity"] != b["severity"]) return a["severity"] == "error";
    return a["count"].get<int>() > b["count"].get<int>();
  });
  call.audit("findings.read", "council:" + la, "ok", {{"import", stored.rec.id}});
  return http::Response::json({{"la", la},
                               {"year", year_label(stored.rec)},
                               {"import_id", stored.rec.id},
                               {"import", import_fields(stored)},
                               {"total", total},
                               {"explained", explained},
                               {"new", total - explained},
                               {"rules", rules},
                               {"not_run", not_run}});
}

http::Response get_findings_of_rule(Call& call) {
  std::string la = call.council();
  call.require(Action::ReadFindings, Resource::council(la));
  std::string rule = call.req.path_params.at("rule");
  const auto stored = stored_for(call, la);
  const Show show = show_param(call, "all");
  const auto notes = services::note_index(call.st, la);
  auto page = call.page();
  std::size_t total = 0, explained = 0, all = 0;
  json items = json::array();
  for (const auto& f : *call.import_findings(stored.rec.id)) {
    if (f.rule != rule) continue;
    ++all;
    const std::string key = services::finding_key(f);
    const auto note = notes.find(key);
    if (note != notes.end()) ++explained;
    if (!shown(show, note != notes.end())) continue;
    if (total >= page.first && items.size() < page.second) {
      json j = report::finding_json(f, stored.rec.collection_year);
      j["key"] = key;
      j["explanation"] = note != notes.end() ? note_json(note->second) : json(nullptr);
      items.push_back(std::move(j));
    }
    ++total;
  }
  call.audit("findings.read", "council:" + la, "ok", {{"import", stored.rec.id}, {"rule", rule}});
  json out = Call::paged(std::move(items), total, page);
  out["rule"] = rule;
  out["la"] = la;
  out["year"] = year_label(stored.rec);
  out["import"] = import_fields(stored);
  out["counts"] = {{"all", all}, {"explained", explained}, {"new", all - explained}};
  return http::Response::json(out);
}

http::Response export_findings(Call& call) {
  std::string la = call.council();
  call.require(Action::ReadFindings, Resource::council(la));
  const std::string format = call.query("format", "csv");
  if (format != "csv" && format != "xlsx")
    throw ApiError(400, "bad_request", "format must be csv or xlsx, not '" + format + "'.",
                   {{"parameter", "format"}});
  const auto stored = stored_for(call, la);
  const Show show = show_param(call, "all");
  const std::string rule = call.query("rule");
  const auto notes = services::note_index(call.st, la);
  auto findings = call.import_findings(stored.rec.id);
  std::vector<report::ExportedFinding> rows;
  for (const auto& f : *findings) {
    if (f.rule == "validation.not-run" || (!rule.empty() && f.rule != rule)) continue;
    std::string key = services::finding_key(f);
    const auto note = notes.find(key);
    if (!shown(show, note != notes.end())) continue;
    rows.push_back({&f, std::move(key), note != notes.end() ? &note->second : nullptr});
  }
  const report::FindingsExportInfo info{la, year_label(stored.rec), stored.rec.id};
  http::Response r;
  if (format == "xlsx") {
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = report::findings_xlsx_bytes(rows, info);
  } else {
    r.content_type = "text/csv; charset=utf-8";
    r.body = report::findings_csv(rows, info);
  }
  call.audit("findings.export", "council:" + la, "ok",
             {{"import", stored.rec.id},
              {"format", format},
              {"rows", rows.size()},
              {"rule", rule},
              {"show", call.query("show", "all")}});
  // the file's name: only characters that need no quoting (a rule code is the client's text)
  std::string safe_rule;
  for (char c : rule)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') safe_rule += c;
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"findings-" + la + "-import-" +
                             std::to_string(stored.rec.id) +
                             (safe_rule.empty() ? "" : "-rule-" + safe_rule) + "." + format + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

http::Response explain_finding(Call& call) {
  std::string la = call.council();
  call.require(Action::ExplainFindings, Resource::council(la));
  const json body = call.body_object();
  if (!body.contains("import_id") || !body["import_id"].is_number_integer())
    throw ApiError(400, "bad_request", "import_id must be the import's number.",
                   {{"parameter", "import_id"}});
  const auto import_id = body["import_id"].get<std::int64_t>();
  council_import(call, la, import_id);  // the council's, or 404
  services::ExplainRequest req;
  req.la = la;
  req.import_id = import_id;
  req.key = body_string(body, "key", "");
  req.note = body_string(body, "note", "");
  req.user = call.who().username;
  req.at = call.ctx.authn.now_instant();
  const auto note = services::explain(call.st, call.import_findings(import_id), req);
  call.audit(
      "findings.explain", "finding:" + la + "/" + note.key, "ok",
      {{"import", import_id}, {"rule", note.rule}, {"child", note.child}, {"note", note.note}});
  return http::Response::json(note_json(note), 201);
}

http::Response withdraw_explanation(Call& call) {
  std::string la = call.council();
  call.require(Action::ExplainFindings, Resource::council(la));
  const std::string v = call.req.path_params.at("id");
  const auto id = positive_number(v);
  std::optional<store::FindingNote> note;
  if (id) note = call.st.finding_note(*id);
  if (!note || note->la != la)
    throw ApiError(404, "not_found", "Council " + la + " has no note '" + v + "'.", {{"id", v}});
  call.st.delete_finding_note(*id);
  call.audit("findings.unexplain", "finding:" + la + "/" + note->key, "ok",
             {{"rule", note->rule}, {"child", note->child}, {"note", note->note}});
  http::Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

}  // namespace

void add_findings_routes(std::vector<Route>& routes) {
  const Param import{"import", "query", "integer",
                     "A stored import's number (a past one too); default: the latest return"};
  const Param show{"show",   "query",
                   "string", "Which findings: new (not explained), explained or all (default)",
                   false,    {"new", "explained", "all"}};
  routes.push_back({"GET",
                    "/api/v1/findings",
                    "Validation findings of the latest stored return (or of ?import=), counted "
                    "by rule, with how many are explained",
                    {kLa, kYear, import},
                    true,
                    "",
                    get_findings});
  routes.back().reply = {200, "FindingsSummary"};
  routes.push_back({"GET",
                    "/api/v1/findings/export",
                    "Every finding of the latest stored return (or of ?import=) as CSV or "
                    "Excel, with its explanation",
                    {kLa,
                     kYear,
                     import,
                     show,
                     {"rule", "query", "string", "Only this rule's findings"},
                     {"format", "query", "string", "What to download", false, {"csv", "xlsx"}}},
                    true,
                    "",
                    export_findings});
  routes.back().reply = {
      200,
      "",
      0,
      {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
  routes.push_back(
      {"GET",
       "/api/v1/findings/{rule}",
       "The findings of one rule, each naming the child, with its key and "
       "explanation",
       {{"rule", "path", "string", "The rule code"}, kLa, kYear, import, show, kPage, kPerPage},
       true,
       "",
       get_findings_of_rule});
  routes.back().reply = {200, "RuleFindings"};
  routes.push_back({"POST",
                    "/api/v1/findings/notes",
                    "Explain a finding: {\"import_id\":12,\"key\":\"…\",\"note\":\"…\"} (replaces "
                    "an earlier note on the same finding)",
                    {kLa},
                    true,
                    "json",
                    explain_finding});
  routes.back().reply = {201, "FindingNote"};
  // 2,000 characters of a note, each as a JSON escape pair at worst (12 bytes)
  routes.back().body_limit = 32 * 1024;
  routes.push_back({"DELETE",
                    "/api/v1/findings/notes/{id}",
                    "Withdraw a finding's explanation (the finding is new again)",
                    {{"id", "path", "integer", "The note's id"}, kLa},
                    true,
                    "",
                    withdraw_explanation});
  routes.back().reply = {204, ""};
}

}  // namespace hearth::web
