#include "json_schema.hpp"

#include <set>

namespace hearth::testing {

using nlohmann::json;

namespace {

bool has_type(const json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  return false;
}

const std::set<std::string> kKeywords = {
    "type", "properties", "required", "additionalProperties", "items", "enum", "nullable",
    "$ref", "oneOf",      "format",   "description"};

}  // namespace

std::vector<std::string> schema_problems(const json& v, const json& schema, const json& components,
                                         const std::string& where) {
  std::vector<std::string> out;
  auto problem = [&](const std::string& what) {
    out.push_back((where.empty() ? "/" : where) + ": " + what);
  };
  if (!schema.is_object()) {
    problem("the schema is not an object");
    return out;
  }
  for (const auto& [key, _] : schema.items())
    if (!kKeywords.count(key)) problem("the schema uses '" + key + "', which nothing checks");
  if (schema.contains("$ref")) {
    const std::string ref = schema["$ref"];
    const std::string prefix = "#/components/schemas/";
    const std::string name =
        ref.substr(0, prefix.size()) == prefix ? ref.substr(prefix.size()) : "";
    if (name.empty() || !components.contains(name)) {
      problem("no schema " + ref);
      return out;
    }
    return schema_problems(v, components[name], components, where);
  }
  if (v.is_null()) {
    if (!schema.value("nullable", false)) problem("null, which the schema does not allow");
    return out;
  }
  if (schema.contains("oneOf")) {
    int fits = 0;
    std::vector<std::string> all;
    for (const auto& s : schema["oneOf"]) {
      auto p = schema_problems(v, s, components, where);
      if (p.empty()) ++fits;
      all.insert(all.end(), p.begin(), p.end());
    }
    if (fits != 1) {
      problem(fits == 0 ? "fits none of oneOf" : "fits more than one of oneOf");
      if (fits == 0) out.insert(out.end(), all.begin(), all.end());
    }
    return out;
  }
  if (schema.contains("type") && !has_type(v, schema["type"])) {
    problem("not of type " + schema["type"].get<std::string>() + ": " + v.dump().substr(0, 80));
    return out;
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& e : schema["enum"]) found |= e == v;
    if (!found) problem(v.dump() + " is not one of " + schema["enum"].dump());
  }
  if (v.is_array() && schema.contains("items"))
    for (std::size_t i = 0; i < v.size(); ++i) {
      auto p = schema_problems(v[i], schema["items"], components, where + "/" + std::to_string(i));
      out.insert(out.end(), p.begin(), p.end());
    }
  if (v.is_object()) {
    const json props = schema.value("properties", json::object());
    for (const auto& r : schema.value("required", json::array()))
      if (!v.contains(r.get<std::string>())) problem("has no " + r.get<std::string>());
    const json extra = schema.value("additionalProperties", json(false));
    for (const auto& [key, val] : v.items()) {
      const std::string at = where + "/" + key;
      if (props.contains(key)) {
        auto p = schema_problems(val, props[key], components, at);
        out.insert(out.end(), p.begin(), p.end());
      } else if (extra.is_object()) {
        auto p = schema_problems(val, extra, components, at);
        out.insert(out.end(), p.begin(), p.end());
      } else if (extra != json(true)) {
        out.push_back(at + ": a property the schema does not name");
      }
    }
  }
  return out;
}

}  // namespace hearth::testing
