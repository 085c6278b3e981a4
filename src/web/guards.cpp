// Checks made on a request before its handler runs, none needing the database: whether a change
// comes from another site (Origin, Sec-Fetch-Site), whether a JSON body says it is JSON and is
// no deeper than the route needs. docs/security.md ("Requests from other sites", "Request
// bodies").
#include <algorithm>
#include <cctype>
#include <string_view>

#include "web/internal.hpp"

namespace hearth::web {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

const std::string* find_header(const http::Request& req, const char* name) {
  auto it = req.headers.find(name);
  return it == req.headers.end() ? nullptr : &it->second;
}

// One entry of a list header a proxy may have appended to: the first (what the client asked).
std::string first_entry(const std::string& v) {
  return lower(trim(std::string_view(v).substr(0, v.find(','))));
}

// "host:port" without the scheme's default port.
std::string authority(std::string_view host, std::string_view scheme) {
  std::string h = lower(trim(host));
  std::string_view port_suffix = scheme == "https" ? ":443" : ":80";
  if (h.size() > port_suffix.size() && h.ends_with(port_suffix))
    h.resize(h.size() - port_suffix.size());
  return h;
}

}  // namespace

std::string cross_site_reason(const Options& o, const http::Request& req) {
  if (const auto* site = find_header(req, "sec-fetch-site")) {
    std::string v = lower(trim(*site));
    // same-origin: our own page; none: the user typed it (not a page of another site).
    if (v != "same-origin" && v != "none") return "Sec-Fetch-Site is " + v;
  }
  const auto* origin = find_header(req, "origin");
  if (!origin) return {};  // not a browser's cross-origin request (curl, scripts)
  std::string value = lower(trim(*origin));
  auto sep = value.find("://");
  if (value == "null" || sep == std::string::npos) return "the Origin is " + value;
  std::string scheme = value.substr(0, sep);
  std::string_view rest = std::string_view(value).substr(sep + 3);
  if (rest.find('/') != std::string_view::npos) return "the Origin is " + value;
  // What this server is, as the browser sees it: the Host (or the trusted proxy's
  // X-Forwarded-Host), over https when it serves TLS or the proxy says so.
  bool https_known = o.secure_cookies;
  std::vector<std::string> hosts;
  if (o.trust_forwarded) {
    if (const auto* proto = find_header(req, "x-forwarded-proto"))
      https_known = first_entry(*proto) == "https";
    if (const auto* fh = find_header(req, "x-forwarded-host"))
      hosts.push_back(authority(first_entry(*fh), scheme));
  }
  if (const auto* host = find_header(req, "host")) hosts.push_back(authority(*host, scheme));
  if (scheme != "https" && (https_known || scheme != "http")) return "the Origin is " + value;
  std::string from = authority(rest, scheme);
  if (std::find(hosts.begin(), hosts.end(), from) == hosts.end())
    return "the Origin " + value + " is not this server";
  return {};
}

std::optional<http::Response> check_request(const Options& o, const Route& route,
                                            const http::Request& req) {
  const bool changes = req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS";
  if (changes) {
    if (auto why = cross_site_reason(o, req); !why.empty())
      return http::Response::error(
          403, "cross_site",
          "This change came from a page of another site, so it was refused. Use Hearth's own "
          "pages.",
          {{"reason", why}});
  }
  if (route.body == "json" && !req.body.empty()) {
    std::string type;
    if (const auto* t = find_header(req, "content-type"))
      type = lower(trim(std::string_view(*t).substr(0, t->find(';'))));
    if (type != "application/json")
      return http::Response::error(415, "unsupported_media_type",
                                   "Send the body as JSON, with Content-Type: application/json.",
                                   {{"expected", "application/json"}});
    if (http::json_nesting_depth(req.body, route.json_depth) > route.json_depth)
      return http::Response::error(
          400, "bad_json",
          "The request body is nested deeper than this request takes (at most " +
              std::to_string(route.json_depth) + " levels).",
          {{"max_depth", route.json_depth}});
  }
  return std::nullopt;
}

}  // namespace hearth::web
