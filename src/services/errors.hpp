// What a service can refuse, by kind. Services raise these; each face maps a kind once — the web
// to an HTTP status (web/app.cpp, `status_for`), the CLI to an exit code (cli/main.cpp) — so a
// fault of the server's own (a bug, a broken database) is never reported as the user's. A leaf
// header (the JSON library only): a store may raise a conflict too (a user that exists).
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>

namespace hearth::services {

enum class ErrorKind {
  BadInput,   // what was asked cannot be answered as asked: say what to change (400, exit 2)
  NotFound,   // no such thing, or nothing stored for it (404, exit 2)
  Conflict,   // it exists already, or is in a state that forbids this (409, exit 2)
  Forbidden,  // this person may not (403, exit 2)
  System,     // the system failed, not the request (500, exit 3)
};

class Error : public std::runtime_error {
 public:
  // `code` is the stable, machine-readable name (the API's "error"), `message` is for people,
  // `details` names the parameter or value at fault.
  Error(ErrorKind kind, std::string code, const std::string& message,
        nlohmann::json details = nlohmann::json::object())
      : std::runtime_error(message),
        kind_(kind),
        code_(std::move(code)),
        details_(std::move(details)) {}
  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  const nlohmann::json& details() const { return details_; }

 private:
  ErrorKind kind_;
  std::string code_;
  nlohmann::json details_;
};

inline Error bad_input(std::string code, const std::string& message,
                       nlohmann::json details = nlohmann::json::object()) {
  return {ErrorKind::BadInput, std::move(code), message, std::move(details)};
}
inline Error not_found(std::string code, const std::string& message,
                       nlohmann::json details = nlohmann::json::object()) {
  return {ErrorKind::NotFound, std::move(code), message, std::move(details)};
}
inline Error conflict(std::string code, const std::string& message,
                      nlohmann::json details = nlohmann::json::object()) {
  return {ErrorKind::Conflict, std::move(code), message, std::move(details)};
}

}  // namespace hearth::services
