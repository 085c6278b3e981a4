#include "web/gzip.hpp"

#include <zlib.h>

#include <stdexcept>

namespace hearth::web {

std::string gzip(std::string_view data) {
  z_stream zs{};
  // 15 window bits + 16: a gzip wrapper, as browsers expect for Content-Encoding: gzip.
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib could not start");
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib could not compress");
  out.resize(zs.total_out);
  return out;
}

std::shared_ptr<const Cached> Cached::make(std::string body, bool compress) {
  auto c = std::make_shared<Cached>();
  c->plain = std::move(body);
  if (compress && c->plain.size() >= 1024) {
    c->gz = gzip(c->plain);
    if (c->gz.size() >= c->plain.size()) c->gz.clear();
  }
  return c;
}

bool accepts_gzip(const http::Request& req) {
  auto it = req.headers.find("accept-encoding");
  if (it == req.headers.end()) return false;
  // "gzip", "gzip, deflate, br", not "gzip;q=0".
  auto at = it->second.find("gzip");
  if (at == std::string::npos) return false;
  auto rest = std::string_view(it->second).substr(at + 4);
  auto comma = rest.find(',');
  auto params = rest.substr(0, comma);
  return params.find("q=0") == std::string_view::npos ||
         params.find("q=0.") != std::string_view::npos;
}

void set_body(http::Response& res, const Cached& c, const http::Request& req) {
  res.headers.emplace_back("Vary", "Accept-Encoding");
  if (!c.gz.empty() && accepts_gzip(req)) {
    res.body = c.gz;
    res.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    res.body = c.plain;
  }
}

}  // namespace hearth::web
