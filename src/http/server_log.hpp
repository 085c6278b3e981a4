// The server's log lines and the checks on text it writes (internal to src/http; server.cpp).
#pragma once

#include <spdlog/common.h>

#include <chrono>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "http/server.hpp"

namespace hearth::http::detail {

// Escapes a string for a JSON string literal (bytes outside ASCII as \u00XX: the line stays
// valid JSON whatever a client sent).
void append_json_escaped(std::string& out, std::string_view s);
bool has_crlf_or_nul(std::string_view s);
bool is_json_type(std::string_view type);
// One JSON log line at `level` (invalid UTF-8 replaced).
void log_json(spdlog::level::level_enum level, const nlohmann::json& j);
// A handler (or an admission check) threw: logged, and a 500 in the one error shape.
Response handler_failed(const Request& req, std::string_view what);
// One JSON line per request; built by hand, it is on every request's path.
void access_log(std::string_view method, std::string_view target, int status, std::size_t bytes,
                std::chrono::steady_clock::time_point started);

}  // namespace hearth::http::detail
