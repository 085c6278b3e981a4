// The API described as OpenAPI 3, from the route table: each route's parameters, body, reply and
// the errors it can give. The replies' schemas are src/web/schemas/*.json, embedded at build
// time; the front end's TypeScript types are generated from this document
// (web/scripts/api-types.mjs), and tests check real replies against it.
#include <algorithm>
#include <cctype>
#include <span>
#include <stdexcept>

#include "model/embedded_file.hpp"
#include "web/internal.hpp"
#include "web/web.hpp"

namespace hearth::web {

namespace embedded {
std::span<const model::EmbeddedFile> reply_schemas();
}

namespace {

json error_schema() {
  return {{"type", "object"},
          {"required", {"error"}},
          {"properties",
           {{"error",
             {{"type", "object"},
              {"required", {"code", "message", "details"}},
              {"properties",
               {{"code", {{"type", "string"}}},
                {"message", {{"type", "string"}}},
                {"details", {{"type", "object"}, {"additionalProperties", true}}}}}}}}}};
}

std::string operation_id(const Route& r) {
  std::string id;
  for (char c : r.method) id.push_back(static_cast<char>(std::tolower(c)));
  bool upper = true;
  for (char c : r.pattern) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      id.push_back(upper ? static_cast<char>(std::toupper(c)) : c);
      upper = false;
    } else {
      upper = true;
    }
  }
  return id;
}

// Every schema, by name: Error and those of the embedded files (a name given twice is a fault).
json component_schemas() {
  json out = {{"Error", error_schema()}};
  for (const auto& f : embedded::reply_schemas()) {
    json file = json::parse(std::string(f.text));
    for (auto& [name, schema] : file.items()) {
      if (out.contains(name))
        throw std::logic_error("the reply schema " + name + " is defined twice (" +
                               std::string(f.name) + ")");
      out[name] = std::move(schema);
    }
  }
  return out;
}

json parameters(const Route& r) {
  json params = json::array();
  for (const auto& p : r.params) {
    json schema = {{"type", p.type}};
    if (!p.values.empty()) schema["enum"] = p.values;
    params.push_back({{"name", p.name},
                      {"in", p.in},
                      {"required", p.in == "path" || p.required},
                      {"description", p.description},
                      {"schema", schema}});
  }
  return params;
}

json responses(const Route& r, const json& schemas) {
  auto err = [](const char* what) {
    return json{{"description", what},
                {"content",
                 {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
  };
  json out = json::object();
  const auto& reply = r.reply;
  if (reply.status == 204) {
    out["204"] = {{"description", "Done: no body"}};
  } else if (!reply.media.empty()) {
    json content = json::object();
    for (const auto& m : reply.media)
      content[m] = {{"schema", {{"type", "string"}, {"format", "binary"}}}};
    out[std::to_string(reply.status)] = {{"description", "Done: a file to download"},
                                         {"content", content}};
  } else {
    if (reply.schema.empty() || !schemas.contains(reply.schema))
      throw std::logic_error(r.method + " " + r.pattern + " names no reply schema" +
                             (reply.schema.empty() ? "" : " that exists: " + reply.schema));
    json content = {
        {"application/json", {{"schema", {{"$ref", "#/components/schemas/" + reply.schema}}}}}};
    for (const auto& p : r.params)
      if (p.name == "format" &&
          std::find(p.values.begin(), p.values.end(), "csv") != p.values.end())
        content["text/csv"] = {{"schema", {{"type", "string"}}}};
    out[std::to_string(reply.status)] = {{"description", "Done"}, {"content", content}};
    if (reply.also)
      out[std::to_string(reply.also)] = {{"description", "Not done: the body says why"},
                                         {"content", content}};
  }
  out["400"] = err("A parameter or the body is wrong (details say which)");
  out["404"] = err("No such thing, or nothing stored for it (or nothing you may see)");
  if (r.method != "GET") out["409"] = err("It is in a state that forbids this (finished already)");
  if (!r.body.empty()) out["413"] = err("The body is larger than this route takes");
  if (r.body == "json") out["415"] = err("The body was not sent as application/json");
  if (r.body == "raw") out["507"] = err("The server has no room to keep the file");
  if (!r.signed_in && !r.body.empty()) {
    out["401"] = err("The username or password is not right");
    out["429"] = err("Too many failed sign-ins: locked for a while (Retry-After says how long)");
  }
  out["500"] = err("The server failed (its fault, not the request's)");
  out["503"] = err("The server is busy or not ready: try again");
  if (r.signed_in) {
    out["401"] = err("Not signed in, or the session has ended");
    out["403"] =
        err("The role may not do this, the CSRF token is missing, or a change came from another "
            "site");
  }
  return out;
}

}  // namespace

void add_api_routes(std::vector<Route>& routes, ApiHandler openapi) {
  add_session_routes(routes);
  add_scorecard_routes(routes);
  add_registry_routes(routes);
  add_worklist_routes(routes);
  add_findings_routes(routes);
  add_info_routes(routes);
  add_user_routes(routes);
  add_child_routes(routes);
  add_import_routes(routes);
  add_voice_routes(routes);
  add_listening_routes(routes);
  add_board_routes(routes);
  add_card_routes(routes);
  add_meeting_routes(routes);
  add_paper_routes(routes);
  routes.push_back({"GET",
                    "/api/v1/openapi.json",
                    "This API, described as OpenAPI 3",
                    {},
                    false,
                    "",
                    std::move(openapi),
                    0,
                    kJsonDepth,
                    true});
  routes.back().reply = {200, "ApiDocument"};
}

json openapi_document(const std::vector<Route>& routes) {
  const json schemas = component_schemas();
  json paths = json::object();
  for (const auto& r : routes) {
    json op = {{"operationId", operation_id(r)},
               {"summary", r.summary},
               {"parameters", parameters(r)},
               {"responses", responses(r, schemas)}};
    if (!r.signed_in) op["security"] = json::array();
    if (!r.body.empty()) {
      json schema = r.body == "json" ? json{{"type", "object"}}
                                     : json{{"type", "string"}, {"format", "binary"}};
      json content = json::object();
      content[r.body == "json" ? "application/json" : "application/octet-stream"] = {
          {"schema", schema}};
      op["requestBody"] = {{"required", true}, {"content", content}};
    }
    std::string method;
    for (char c : r.method) method.push_back(static_cast<char>(std::tolower(c)));
    paths[r.pattern][method] = op;
  }
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "Hearth API"},
            {"version", "1"},
            {"description",
             "Hearth's JSON API: the corporate parenting scorecard, worklists, children's "
             "journeys, 903 validation and imports. Sign in with POST /api/v1/session; send "
             "the hearth_csrf cookie's value as X-CSRF-Token on every change. Every list is "
             "{items, total}. See docs/api.md."}}},
          {"paths", paths},
          {"components",
           {{"securitySchemes",
             {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "hearth_session"}}}}},
            {"schemas", schemas}}},
          {"security", json::array({json{{"session", json::array()}}})}};
}

json api_description() {
  std::vector<Route> routes;
  add_api_routes(routes, {});
  return openapi_document(routes);
}

}  // namespace hearth::web
