// Checks a JSON document against an OpenAPI 3.0 schema, for the contract tests: the subset the
// reply schemas (src/web/schemas/*.json) may use — type, properties, required,
// additionalProperties, items, enum, nullable, $ref, oneOf, format, description. A keyword
// outside it is itself a problem (a schema must not say what nothing checks). Objects are closed:
// a property the schema does not name is a problem unless additionalProperties allows it, so a
// field the server adds cannot go undescribed (and untyped in the front end).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hearth::testing {

// Each problem as "<JSON pointer>: what is wrong"; empty when the document fits.
std::vector<std::string> schema_problems(const nlohmann::json& value, const nlohmann::json& schema,
                                         const nlohmann::json& components,
                                         const std::string& where = "");

}  // namespace hearth::testing
