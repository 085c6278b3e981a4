// gzip for what the web application sends again and again (the scorecard's JSON, the front
// end's script and styles): compressed once when cached, sent to clients that accept it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "http/server.hpp"

namespace hearth::web {

std::string gzip(std::string_view data);

// A body kept both plain and gzipped.
struct Cached {
  std::string plain;
  std::string gz;  // empty when not worth compressing (small or already compressed)
  static std::shared_ptr<const Cached> make(std::string body, bool compress = true);
};

// Whether the request's Accept-Encoding takes gzip.
bool accepts_gzip(const http::Request& req);
// Puts the right one of the two in `res` (with Content-Encoding and Vary when gzipped).
void set_body(http::Response& res, const Cached& c, const http::Request& req);

}  // namespace hearth::web
