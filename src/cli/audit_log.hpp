// Audit entries written by the command line: the actor is "cli:<OS user>", the role "cli".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace hearth::store {
class Store;
}

namespace hearth::cli {

std::string cli_actor();
// Appends one entry; the detail's text is made valid UTF-8 (any bytes given are kept readable).
void cli_audit(store::Store& st, const std::string& action, const std::string& resource,
               const std::string& outcome, const nlohmann::json& detail = nlohmann::json::object());

}  // namespace hearth::cli
