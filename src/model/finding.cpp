#include "model/finding.hpp"

#include <cstdint>
#include <cstring>

namespace hearth::model {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Query:
      return "query";
    case Severity::Warning:
      return "warning";
  }
  return "error";
}

}  // namespace hearth::model

namespace hearth::model {

namespace {
// The length of the well-formed sequence starting at s[i], or 0 when it is not one.
std::size_t sequence_at(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  const std::size_t left = s.size() - i;
  auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < left && b(i + k) >= lo && b(i + k) <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;  // no surrogates
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
}  // namespace

std::size_t utf8_prefix(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Runs of ASCII, the common case, eight bytes at a time.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    std::size_t n = sequence_at(s, i);
    if (n == 0) return i;
    i += n;
  }
  return s.size();
}

bool is_utf8(std::string_view s) {
  return utf8_prefix(s) == s.size();
}

std::string to_utf8(std::string_view s) {
  std::size_t good = utf8_prefix(s);
  if (good == s.size()) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  out.append(s.substr(0, good));
  std::size_t i = good;
  while (i < s.size()) {
    std::size_t n = sequence_at(s, i);
    if (n == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace hearth::model
