#include "http/server_log.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iterator>

namespace hearth::http::detail {

using nlohmann::json;

// Escapes a string for a JSON string literal (bytes outside ASCII as \u00XX: the line stays
// valid JSON whatever a client sent).
void append_json_escaped(std::string& out, std::string_view s) {
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7f) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
}

bool has_crlf_or_nul(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

bool is_json_type(std::string_view type) {
  return type.starts_with("application/json") || type.find("+json") != std::string_view::npos;
}

void log_json(spdlog::level::level_enum level, const json& j) {
  auto* logger = spdlog::default_logger_raw();
  if (!logger->should_log(level)) return;
  logger->log(level, spdlog::string_view_t(j.dump(-1, ' ', false, json::error_handler_t::replace)));
}

// A handler (or an admission check) threw: logged, and a 500 in the one error shape.
Response handler_failed(const Request& req, std::string_view what) {
  log_json(spdlog::level::err, {{"event", "http_handler_error"},
                                {"method", req.method},
                                {"target", req.target},
                                {"error", what}});
  return Response::error(500, "internal_error", "The server could not complete the request.");
}

// One JSON line per request; built by hand, it is on every request's path.
void access_log(std::string_view method, std::string_view target, int status, std::size_t bytes,
                std::chrono::steady_clock::time_point started) {
  auto* logger = spdlog::default_logger_raw();
  if (!logger->should_log(spdlog::level::info)) return;
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::string line;
  line.reserve(112 + method.size() + target.size());
  line += R"({"event":"http_request","method":")";
  append_json_escaped(line, method.empty() ? std::string_view("-") : method);
  line += R"(","target":")";
  append_json_escaped(line, target.empty() ? std::string_view("-") : target);
  fmt::format_to(std::back_inserter(line), R"(","status":{},"bytes":{},"duration_ms":{:.3f}}})",
                 status, bytes, ms);
  logger->log(spdlog::level::info, spdlog::string_view_t(line));
}

}  // namespace hearth::http::detail
