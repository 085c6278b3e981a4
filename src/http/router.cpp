// The router, the Response helpers, and the byte scanners the server uses before a body is
// read or parsed (JSON nesting depth, request framing). See server.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

#include "http/detail.hpp"
#include "http/server.hpp"

namespace hearth::http {

namespace detail {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes `in`. Strict: false on a malformed escape or an encoded NUL.
// Lenient: a malformed escape is kept as text.
bool percent_decode(std::string_view in, std::string& out, bool plus_is_space, bool strict) {
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      int hi = i + 2 < in.size() ? hex_value(in[i + 1]) : -1;
      int lo = hi >= 0 ? hex_value(in[i + 2]) : -1;
      if (lo < 0 || (strict && hi == 0 && lo == 0)) {
        if (strict) return false;
        out += c;
        continue;
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return true;
}

std::string lenient_decode(std::string_view in) {
  std::string out;
  percent_decode(in, out, true, false);
  return out;
}

// "/a/b/" → {"a", "b", ""}; "/" → {""}. `path` starts with '/'.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 1;
  for (;;) {
    auto slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

void parse_query(std::string_view qs, std::map<std::string, std::string>& out) {
  while (!qs.empty()) {
    auto amp = qs.find('&');
    auto part = qs.substr(0, amp);
    qs = amp == std::string_view::npos ? std::string_view{} : qs.substr(amp + 1);
    if (part.empty()) continue;
    auto eq = part.find('=');
    auto key = part.substr(0, eq);
    auto value = eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1);
    out.insert_or_assign(lenient_decode(key), lenient_decode(value));
  }
}

// Escapes a string for a JSON string literal (bytes outside ASCII as \u00XX: the line stays

}  // namespace detail

using detail::percent_decode;
using detail::split_path;

// ---- Response ----------------------------------------------------------------------------

Response Response::json(const nlohmann::json& body, int status) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::error(int status, std::string code, std::string message,
                         nlohmann::json details) {
  return json({{"error",
                {{"code", std::move(code)},
                 {"message", std::move(message)},
                 {"details", std::move(details)}}}},
              status);
}

// ---- Router ------------------------------------------------------------------------------

void Router::add(std::string method, std::string pattern, Handler h, RouteOptions options) {
  if (method.empty()) throw std::invalid_argument("Router::add: empty method");
  for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument("Router::add: pattern must start with '/': " + pattern);
  if (!h) throw std::invalid_argument("Router::add: empty handler for " + pattern);

  Route route{std::move(method), pattern, {}, std::move(h), std::move(options)};
  std::set<std::string, std::less<>> names;
  for (auto seg : split_path(pattern)) {
    if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
      auto name = seg.substr(1, seg.size() - 2);
      if (name.empty() || name.find_first_of("{}") != std::string_view::npos ||
          !names.emplace(name).second)
        throw std::invalid_argument("Router::add: bad or repeated parameter in " + pattern);
      route.segments.push_back({std::string(name), true});
    } else if (seg.find_first_of("{}") != std::string_view::npos) {
      throw std::invalid_argument("Router::add: a parameter must be a whole segment: " + pattern);
    } else {
      route.segments.push_back({std::string(seg), false});
    }
  }
  for (const auto& r : routes_) {
    bool same = r.method == route.method && r.segments.size() == route.segments.size();
    for (std::size_t i = 0; same && i < r.segments.size(); ++i)
      same = r.segments[i].param == route.segments[i].param &&
             (r.segments[i].param || r.segments[i].text == route.segments[i].text);
    if (same)
      throw std::invalid_argument("Router::add: " + route.method + " " + pattern + " duplicates " +
                                  r.pattern);
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match m;
  if (path.empty() || path.front() != '/') {
    m.error =
        Response::error(400, "bad_request", "The request target must be a path starting with '/'.");
    return m;
  }
  std::vector<std::string> segs;
  for (auto raw : split_path(path)) {
    std::string decoded;
    if (!percent_decode(raw, decoded, false, true)) {
      m.error = Response::error(400, "bad_request", "The path has a malformed percent-escape.",
                                {{"path", std::string(path)}});
      return m;
    }
    segs.push_back(std::move(decoded));
  }

  auto fits = [&](const Route& r) {
    if (r.segments.size() != segs.size()) return false;
    for (std::size_t i = 0; i < segs.size(); ++i) {
      const auto& s = r.segments[i];
      if (s.param ? segs[i].empty() : s.text != segs[i]) return false;
    }
    return true;
  };
  // a before b when a has a literal where b first has a parameter.
  auto more_specific = [](const Route& a, const Route& b) {
    for (std::size_t i = 0; i < a.segments.size(); ++i)
      if (a.segments[i].param != b.segments[i].param) return !a.segments[i].param;
    return false;
  };

  const Route* best = nullptr;
  const Route* best_get = nullptr;  // a HEAD is answered by GET's handler
  std::vector<std::string> allowed;
  for (const auto& r : routes_) {
    if (!fits(r)) continue;
    if (std::find(allowed.begin(), allowed.end(), r.method) == allowed.end())
      allowed.push_back(r.method);
    if (r.method == method) {
      if (!best || more_specific(r, *best)) best = &r;
    } else if (method == "HEAD" && r.method == "GET") {
      if (!best_get || more_specific(r, *best_get)) best_get = &r;
    }
  }
  if (!best) best = best_get;
  if (best) {
    m.handler = &best->handler;
    m.options = &best->options;
    m.route = best->pattern;
    for (std::size_t i = 0; i < segs.size(); ++i)
      if (best->segments[i].param) m.params.emplace(best->segments[i].text, std::move(segs[i]));
    return m;
  }
  if (allowed.empty() && fallback_ && (method == "GET" || method == "HEAD")) {
    m.handler = &fallback_;
    m.options = &fallback_options_;
    m.route = "static";
    return m;
  }
  if (allowed.empty()) {
    m.error = Response::error(404, "not_found", "There is no resource at this path.",
                              {{"path", std::string(path)}});
    return m;
  }
  if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end() &&
      std::find(allowed.begin(), allowed.end(), "HEAD") == allowed.end())
    allowed.push_back("HEAD");
  std::sort(allowed.begin(), allowed.end());
  std::string allow;
  for (const auto& a : allowed) allow += (allow.empty() ? "" : ", ") + a;
  m.error = Response::error(405, "method_not_allowed",
                            fmt::format("{} is not allowed here; allowed: {}.", method, allow),
                            {{"method", std::string(method)}, {"allowed", allowed}});
  m.error.headers.emplace_back("Allow", std::move(allow));
  return m;
}

// ---- scanners ----------------------------------------------------------------------------

int json_nesting_depth(std::string_view text, int stop_after) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;  // the escaped character, whatever it is
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > stop_after) return deepest;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string framing_problem(const std::vector<std::pair<std::string, std::string>>& fields) {
  int lengths = 0, encodings = 0;
  std::string_view length, encoding;
  for (const auto& [name, value] : fields) {
    if (name == "content-length") {
      ++lengths;
      length = value;
    } else if (name == "transfer-encoding") {
      ++encodings;
      encoding = value;
    }
  }
  if (encodings > 0) {
    if (lengths > 0) return "Transfer-Encoding and Content-Length together";
    if (encodings > 1) return "more than one Transfer-Encoding";
    // Only "chunked" itself: a final coding other than chunked leaves the body's end unknown,
    // and Hearth decodes no other coding (gzip, identity lists...).
    if (!iequal(trim(encoding), "chunked")) return "a Transfer-Encoding other than chunked";
  }
  if (lengths > 1) return "more than one Content-Length";
  if (lengths == 1) {
    auto v = trim(length);
    if (v.empty() || v.find_first_not_of("0123456789") != std::string_view::npos)
      return "a Content-Length that is not one number";
  }
  return {};
}

}  // namespace hearth::http
