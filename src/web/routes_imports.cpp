// Imports through the web: the list of imports; uploading a return or local records file by
// file, checking it, then accepting (stored whole or not at all) or cancelling.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>

#include "auth/crypto.hpp"
#include "ingest/import.hpp"
#include "ingest/local_import.hpp"
#include "local/reader.hpp"
#include "report/finding.hpp"
#include "report/imports.hpp"
#include "services/import_preview.hpp"
#include "store/staging.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

http::Response list_imports(Call& call) {
  std::string la = call.council();
  call.require(Action::ReadImports, Resource::council(la));
  services::ImportsQuery q;
  q.la = la;
  std::tie(q.first, q.count) = call.page();
  json out = report::imports_json(services::imports(call.st, q));
  out["page"] = q.first / q.count + 1;
  out["per_page"] = q.count;
  // Imports being put together (the analyst's way back to one they left).
  json open = json::array();
  if (call.check(Action::WriteImport, Resource::council(la)))
    for (const auto& u : call.st.open_uploads(la))
      open.push_back({{"id", u.id},
                      {"kind", u.kind},
                      {"collection_year",
                       u.collection_year ? json(model::CollectionYear{u.collection_year}.label())
                                         : json(nullptr)},
                      {"user", u.user},
                      {"status", u.status},
                      {"started_at", model::format_instant(u.created)}});
  out["in_progress"] = std::move(open);
  return http::Response::json(out);
}

// ---- an import through the web ------------------------------------------------------------

json upload_json(Call& call, const store::UploadRecord& u) {
  json files = json::array();
  for (const auto& f : call.st.upload_files(u.id, false))
    files.push_back({{"name", f.name}, {"size", f.size}});
  json out = {
      {"id", u.id},
      {"la", u.la},
      {"kind", u.kind},
      {"collection_year",
       u.collection_year ? json(model::CollectionYear{u.collection_year}.label()) : json(nullptr)},
      {"user", u.user},
      {"status", u.status},
      {"files", files}};
  out["result"] = u.result.empty() ? json(nullptr) : json::parse(u.result, nullptr, false);
  return out;
}

// Imports left open are forgotten a day after they were started (docs/security.md): their
// files are removed and their status becomes "expired"; staging folders left by a killed
// process go too. Run on every import start (and by `hearth serve` at start and every 5 min).
void expire_abandoned(Call& call) {
  std::size_t dirs = 0;
  std::int64_t n = store::expire_abandoned_uploads(call.st, call.ctx.authn.now_instant(),
                                                   std::filesystem::temp_directory_path(), &dirs);
  if (n > 0 || dirs > 0)
    call.audit("import.expire", "imports", "ok", {{"expired", n}, {"staging_removed", dirs}});
}

// The upload named in the path, if the user may work on it (their council's, not finished).
store::UploadRecord upload_for(Call& call, bool must_be_open) {
  std::string id = call.req.path_params.at("id");
  auto u = call.st.find_upload(id);
  auto none = [&] {
    return ApiError(404, "not_found", "There is no import '" + id + "' in progress.");
  };
  if (!u) throw none();
  // Another council's import (or one the user may not work on) gets the same 404 as one that
  // does not exist; the denial is audited.
  if (auto d = call.check(auth::Action::WriteImport, Resource::council(u->la)); !d) {
    call.audit("access.denied", "import:" + u->id, "denied",
               {{"action", auth::action_name(auth::Action::WriteImport)},
                {"route", call.req.method + " " + call.req.path},
                {"reason", d.reason}});
    throw none();
  }
  if (must_be_open && (u->status == "open" || u->status == "checked") &&
      u->created <
          call.ctx.authn.now_instant() - std::chrono::seconds(store::kUploadLifetimeSeconds)) {
    expire_abandoned(call);
    u->status = "expired";
  }
  if (must_be_open && u->status != "open" && u->status != "checked")
    throw ApiError(409, "finished", "This import is already " + u->status + ".",
                   {{"status", u->status}});
  return *u;
}

http::Response start_upload(Call& call) {
  json body = call.body_object();
  std::string kind = body_string(body, "kind", "903");
  if (kind != "903" && kind != "local")
    throw ApiError(400, "bad_kind", "kind must be 903 or local", {{"parameter", "kind"}});
  std::string la = body_string(body, "la", call.council());
  call.require(auth::Action::WriteImport, Resource::council(la));
  int year = 0;
  if (kind == "903") {
    std::string y = body_string(body, "year", "");
    auto parsed = model::CollectionYear::parse(y);
    if (!parsed)
      throw ApiError(400, "bad_year", "A 903 return needs its collection year, such as 2025-26",
                     {{"parameter", "year"}});
    year = parsed->end_year;
  }
  expire_abandoned(call);
  store::UploadRecord u;
  u.id = auth::random_token(18);
  u.la = la;
  u.kind = kind;
  u.collection_year = year;
  u.user = call.who().username;
  u.created = call.ctx.authn.now_instant();
  u.status = "open";
  call.st.add_upload(u);
  call.audit("import.start", "import:" + u.id, "ok", {{"la", la}, {"kind", kind}});
  http::Response r = http::Response::json(upload_json(call, u), 201);
  r.headers.emplace_back("Location", "/api/v1/imports/" + u.id);
  return r;
}

bool good_file_name(const std::string& name) {
  if (name.empty() || name.size() > 100 || name.front() == '.') return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
      return false;
  std::string lower;
  for (char c : name)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower.ends_with(".csv") || lower.ends_with(".xml");
}

http::Response put_file(Call& call) {
  auto u = upload_for(call, true);
  std::string name = call.req.path_params.at("name");
  if (!good_file_name(name))
    throw ApiError(400, "bad_name",
                   "A file name is letters, digits, '-', '_' and '.', ending .csv or .xml.",
                   {{"name", name}});
  if (call.req.body.empty())
    throw ApiError(400, "empty_file", "The file is empty: send its content as the request body.",
                   {{"name", name}});
  if (call.st.upload_files(u.id, false).size() >= 40)
    throw ApiError(400, "too_many_files", "An import has at most 40 files.");
  call.st.put_upload_file(u.id,
                          {name, static_cast<std::int64_t>(call.req.body.size()), call.req.body});
  call.st.set_upload_status(u.id, "open", "");  // a new file makes the last check stale
  call.audit("import.file", "import:" + u.id, "ok",
             {{"name", name}, {"bytes", call.req.body.size()}});
  u.status = "open";
  u.result.clear();
  return http::Response::json(upload_json(call, u));
}

// The uploaded files in a temporary folder, for the readers; removed when dropped. A write
// that fails (a full disk) removes what was written and answers 507: nothing half-written is
// ever checked.
struct Staged {
  std::filesystem::path dir;
  explicit Staged(Call& call, const store::UploadRecord& u) {
    auto files = call.st.upload_files(u.id, true);
    if (files.empty()) throw ApiError(400, "no_files", "Upload the return's files first.");
    try {
      dir = store::stage_files(std::filesystem::temp_directory_path(), files);
    } catch (const store::StagingError& e) {
      call.audit("import.check", "import:" + u.id, "failed", {{"error", e.what()}});
      throw ApiError(507, "insufficient_storage",
                     "The server could not write the uploaded files to its temporary folder "
                     "(is its disk full?). Nothing was checked; try again later or tell the "
                     "administrator.");
    }
  }
  Staged(const Staged&) = delete;
  Staged& operator=(const Staged&) = delete;
  ~Staged() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

// Findings name files as the reader saw them (in the staging folder): say just the file name.
std::string shown_file(const std::string& file, const std::filesystem::path& dir) {
  std::string prefix = dir.string();
  if (file.starts_with(prefix)) {
    std::string rest = file.substr(prefix.size());
    while (!rest.empty() && rest.front() == '/') rest.erase(0, 1);
    return rest.empty() ? "(the uploaded files)" : rest;
  }
  return file;
}

// What storing the import would change (services/import_preview.hpp), for the check's reply.
json preview_json(const services::ImportPreview& p) {
  json years = json::array();
  for (const auto& y : p.years) {
    json loads = json::array();
    for (const auto& c : y.caseloads)
      loads.push_back({{"worker", c.worker},
                       {"name", c.name.empty() ? json(nullptr) : json(c.name)},
                       {"before", c.before},
                       {"after", c.after}});
    json replaces = nullptr;
    if (y.replaces)
      replaces = {{"import_id", y.replaces->id},
                  {"source", y.replaces->source},
                  {"user", y.replaces->user},
                  {"imported_at", model::format_instant(y.replaces->finished_at)},
                  {"rows", y.replaces->rows}};
    years.push_back({{"collection_year", model::CollectionYear{y.year}.label()},
                     {"replaces", replaces},
                     {"children", {{"before", y.children_before}, {"after", y.children_after}}},
                     {"children_added", y.children_added},
                     {"children_removed", y.children_removed},
                     {"episodes", {{"before", y.episodes_before}, {"after", y.episodes_after}}},
                     {"year_end", model::format_iso(y.year_end)},
                     {"looked_after_at_year_end",
                      {{"before", y.looked_after_before}, {"after", y.looked_after_after}}},
                     {"caseloads", loads}});
  }
  return {{"years", years},
          {"threshold_percent", p.threshold_percent},
          {"needs_confirmation", p.large},
          {"why", p.large ? json(p.why_large) : json(nullptr)}};
}

json findings_summary(const std::vector<model::Finding>& findings,
                      const std::filesystem::path& dir) {
  std::map<std::string, json> by_rule;
  json first = json::array();
  int errors = 0;
  for (const auto& f : findings) {
    if (f.severity == model::Severity::Error) ++errors;
    auto& r = by_rule[f.rule];
    if (r.is_null())
      r = {{"rule", f.rule},
           {"severity", model::severity_name(f.severity)},
           {"message", f.message},
           {"how_to_fix", f.how_to_fix},
           {"count", 0}};
    r["count"] = r["count"].get<int>() + 1;
    if (first.size() < 200) {
      model::Finding shown = f;
      shown.file = shown_file(f.file, dir);
      first.push_back(report::finding_json(shown));
    }
  }
  json rules = json::array();
  for (auto& [k, v] : by_rule) rules.push_back(std::move(v));
  return {{"total", findings.size()}, {"errors", errors}, {"by_rule", rules}, {"first", first}};
}

// The rows that accepting with findings leaves out: every row a reading error rejected (an
// error on a row means the row cannot be used as it is), each with why; the first 1,000 named.
json left_out_json(const std::vector<model::Finding>& reading, const std::filesystem::path& dir) {
  constexpr std::size_t kNamed = 1000;
  std::map<std::pair<std::string, std::int64_t>, json> rows;
  std::size_t total = 0;
  for (const auto& f : reading) {
    if (f.severity != model::Severity::Error || f.row <= 0) continue;
    const auto k = std::make_pair(shown_file(f.file, dir), f.row);
    auto it = rows.find(k);
    if (it == rows.end()) {
      ++total;
      if (rows.size() >= kNamed) continue;
      it = rows.emplace(k, json{{"file", model::to_utf8(k.first)},
                                {"table", model::to_utf8(f.table)},
                                {"row", f.row},
                                {"child", model::to_utf8(f.child)},
                                {"why", json::array()}})
               .first;
    }
    it->second["why"].push_back(model::to_utf8(f.message));
  }
  json items = json::array();
  for (auto& [k, v] : rows) items.push_back(std::move(v));
  return {{"total", total}, {"rows", std::move(items)}};
}

ingest::ImportOptions import_options(Call& call, const store::UploadRecord& u, const Staged& staged,
                                     bool accept) {
  ingest::ImportOptions o;
  o.path = staged.dir;
  o.la = u.la;
  if (u.collection_year) o.year = model::CollectionYear{u.collection_year};
  o.accept_with_findings = accept;
  o.user = "web:" + call.who().username;
  o.source_name = "web upload " + u.id;
  return o;
}

http::Response check_upload(Call& call) {
  auto u = upload_for(call, true);
  Staged staged(call, u);
  json result;
  if (u.kind == "local") {
    auto read = local::read_local_folder(staged.dir, u.la);
    std::size_t rows = 0;
    for (auto t : read.tables) rows += local::local_row_count(t, read.records);
    result = {{"kind", "local"},
              {"rows", rows},
              {"rejected", read.report.rejected},
              {"can_import", !read.tables.empty()},
              {"left_out", left_out_json(read.report.findings, staged.dir)},
              {"findings", findings_summary(read.report.findings, staged.dir)}};
  } else {
    auto outcome = ingest::read_source(import_options(call, u, staged, false), {}, &call.st);
    auto findings = outcome.findings();
    json left_out = left_out_json(findings, staged.dir);
    bool file_problems = false, blocking = false;
    for (const auto& y : outcome.years) {
      findings.insert(findings.end(), y.validation.begin(), y.validation.end());
      file_problems |= y.report.file_problems();
      blocking |= y.report.blocking();
    }
    result = {{"kind", "903"},
              {"rows", outcome.rows()},
              {"rejected", outcome.rejected()},
              // Whether accepting can store it: with findings that reject rows, only "accept
              // with findings" does; problems with the files themselves stop it either way.
              {"can_import", outcome.status != ingest::ImportStatus::Invalid && !file_problems},
              {"needs_accept_with_findings", blocking && !file_problems},
              {"problem", outcome.problem},
              {"left_out", std::move(left_out)},
              {"findings", findings_summary(findings, staged.dir)}};
    // What storing it would change, while the store is as it is now.
    std::vector<model::Return> incoming;
    for (const auto& y : outcome.years) incoming.push_back(y.ret);
    if (!incoming.empty())
      result["changes"] = preview_json(services::preview_import(
          call.st, *call.ctx.derived()->data, incoming, call.ctx.opts.confirm_change_percent));
  }
  call.st.set_upload_status(u.id, "checked", result.dump());
  u.status = "checked";
  u.result = result.dump();
  return http::Response::json(upload_json(call, u));
}

http::Response accept_upload(Call& call) {
  auto u = upload_for(call, true);
  const json body = call.body_object();
  bool accept = body_bool(body, "accept_with_findings", false);
  // A large change, as the check found it, is stored only when the person says so.
  const json checked = u.result.empty() ? json() : json::parse(u.result, nullptr, false);
  if (checked.is_object() && checked.contains("changes") &&
      checked["changes"].value("needs_confirmation", false) &&
      !body_bool(body, "confirm_large_change", false))
    throw ApiError(409, "confirmation_needed",
                   checked["changes"].value("why", std::string("This import changes a lot")) +
                       ". Look at what would change, then confirm to store it.",
                   {{"parameter", "confirm_large_change"}});
  Staged staged(call, u);
  json result;
  bool stored = false;
  if (u.kind == "local") {
    auto out = ingest::run_local_import(call.st, import_options(call, u, staged, accept));
    stored = out.status == ingest::ImportStatus::Imported;
    result = {{"kind", "local"},
              {"status", stored ? "imported" : "blocked"},
              {"problem", out.problem},
              {"left_out", left_out_json(out.read.report.findings, staged.dir)},
              {"findings", findings_summary(out.read.report.findings, staged.dir)}};
    if (out.record) result["import_id"] = out.record->id;
  } else {
    auto out = ingest::run_import(call.st, import_options(call, u, staged, accept));
    stored = out.status == ingest::ImportStatus::Imported;
    result = {{"kind", "903"},
              {"status", stored                                        ? "imported"
                         : out.status == ingest::ImportStatus::Blocked ? "blocked"
                                                                       : "invalid"},
              {"problem", out.problem},
              {"rows", out.rows()},
              {"rejected", out.rejected()},
              {"left_out", left_out_json(out.findings(), staged.dir)},
              // What was stored with the import: reading and DfE findings alike.
              {"findings", findings_summary(out.stored_findings(), staged.dir)}};
    // what the check said it would change stays with the import (and with a retry)
    if (checked.is_object() && checked.contains("changes")) result["changes"] = checked["changes"];
    if (!out.records.empty()) result["import_id"] = out.records.front().id;
  }
  call.audit("import.accept", "import:" + u.id, stored ? "ok" : "failed",
             {{"la", u.la}, {"kind", u.kind}, {"accept_with_findings", accept}});
  if (stored) {
    call.st.delete_upload_files(u.id);
    call.st.set_upload_status(u.id, "imported", result.dump());
    call.ctx.snapshot.reload(call.st);  // the new data at once, in this process
    u.status = "imported";
  } else {
    call.st.set_upload_status(u.id, "checked", result.dump());
    u.status = "checked";
  }
  u.result = result.dump();
  json reply = upload_json(call, u);
  if (!stored)  // the one error shape, with the import (and why) alongside
    reply["error"] = {
        {"code", "blocked"},
        {"message", result.value("problem", std::string()).empty()
                        ? "Findings stopped the import: nothing was stored. Fix "
                          "the files, or accept with findings to store the good "
                          "rows."
                        : "Nothing was stored: " + result["problem"].get<std::string>()},
        {"details", {{"status", result["status"]}}}};
  return http::Response::json(reply, stored ? 200 : 422);
}

http::Response cancel_upload(Call& call) {
  auto u = upload_for(call, true);
  call.st.delete_upload_files(u.id);
  call.st.set_upload_status(u.id, "cancelled", "");
  call.audit("import.cancel", "import:" + u.id, "ok");
  http::Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

http::Response get_upload(Call& call) {
  auto u = upload_for(call, false);
  return http::Response::json(upload_json(call, u));
}

}  // namespace

void add_import_routes(std::vector<Route>& routes) {
  routes.push_back({"GET",
                    "/api/v1/imports",
                    "The council's imports, newest first",
                    {{"la", "query", "string", "The council's LA code"},
                     {"page", "query", "integer", "Page number, from 1"},
                     {"per_page", "query", "integer", "Items per page (at most 500; default 50)"}},
                    true,
                    "",
                    list_imports});
  routes.back().reply = {200, "ImportList"};
  const Param id{"id", "path", "string", "The import in progress"};
  routes.push_back({"POST",
                    "/api/v1/imports",
                    "Start an import: {\"kind\":\"903\"|\"local\",\"year\":\"2025-26\","
                    "\"la\":\"887\"}",
                    {{"la", "query", "string", "The council (when the body does not say)"}},
                    true,
                    "json",
                    start_upload});
  routes.back().reply = {201, "Upload"};
  routes.push_back({"GET",
                    "/api/v1/imports/{id}",
                    "An import in progress: its files and last check",
                    {id},
                    true,
                    "",
                    get_upload});
  routes.back().reply = {200, "Upload"};
  routes.push_back({"PUT",
                    "/api/v1/imports/{id}/files/{name}",
                    "Upload one file as the raw request body (replaces a file of the same name)",
                    {id, {"name", "path", "string", "The file's name, ending .csv or .xml"}},
                    true,
                    "raw",
                    put_file});
  routes.back().reply = {200, "Upload"};
  routes.push_back({"POST",
                    "/api/v1/imports/{id}/check",
                    "Read and validate the uploaded files, changing nothing",
                    {id},
                    true,
                    "",
                    check_upload});
  routes.back().reply = {200, "Upload"};
  routes.push_back({"POST",
                    "/api/v1/imports/{id}/accept",
                    "Store the import (whole or not at all); {\"accept_with_findings\":true} "
                    "stores the good rows when some were rejected",
                    {id},
                    true,
                    "json",
                    accept_upload});
  // 422, with the same body and its error: nothing was stored.
  routes.back().reply = {200, "Upload", 422};
  routes.push_back({"DELETE",
                    "/api/v1/imports/{id}",
                    "Cancel an import in progress",
                    {id},
                    true,
                    "",
                    cancel_upload});
  routes.back().reply = {204, ""};
}

}  // namespace hearth::web
