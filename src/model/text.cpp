#include "model/text.hpp"

#include <cstdint>
#include <cstring>

namespace hearth::model {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the well-formed sequence starting at s[i], or 0 when it is not one (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF).
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

// What to do with the control characters on the way (invalid UTF-8 always becomes U+FFFD).
enum class Controls : std::uint8_t {
  Keep,     // to_utf8
  NulOnly,  // storable_text: NUL becomes U+FFFD
  Escape,   // escaped_text: NUL and every other control as \u00XX
};

bool is_control(unsigned char c, Controls mode) {
  if (mode == Controls::Keep) return false;
  if (mode == Controls::NulOnly) return c == 0;
  return c < 0x20 || c == 0x7F;
}

// The longest prefix that needs nothing done: well-formed, and no control `mode` rewrites.
std::size_t clean_prefix(std::string_view s, Controls mode) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Runs of plain ASCII (no byte below 0x20 or above 0x7E), the common case, eight at a time;
    // mode Keep only needs the high bits clear.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      if (mode != Controls::Keep) {
        // Some byte below 0x20 (or, for NulOnly, a zero byte; for Escape also 0x7F): step singly.
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        const std::uint64_t low = mode == Controls::NulOnly ? kOnes : 0x20 * kOnes;
        if (((w - low) & ~w & 0x8080808080808080ULL) != 0) break;
        if (mode == Controls::Escape &&
            (((w ^ (0x7F * kOnes)) - kOnes) & ~(w ^ (0x7F * kOnes)) & 0x8080808080808080ULL) != 0)
          break;
      }
      i += 8;
    }
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (is_control(c, mode)) return i;
    std::size_t n = sequence_at(s, i);
    if (n == 0) return i;
    i += n;
  }
  return s.size();
}

std::string rewrite(std::string_view s, Controls mode) {
  std::size_t good = clean_prefix(s, mode);
  if (good == s.size()) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  out.append(s.substr(0, good));
  for (std::size_t i = good; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (is_control(c, mode)) {
      if (mode == Controls::Escape) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
      } else {
        out += kReplacement;
      }
      ++i;
      continue;
    }
    std::size_t n = sequence_at(s, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

bool plain_number(std::string_view s) {
  std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9')
      digits = true;
    else if (s[i] == '.' && !dot)
      dot = true;
    else
      return false;
  }
  return digits;
}

}  // namespace

std::size_t utf8_prefix(std::string_view s) {
  return clean_prefix(s, Controls::Keep);
}

std::size_t utf8_characters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool is_utf8(std::string_view s) {
  return utf8_prefix(s) == s.size();
}

std::string to_utf8(std::string_view s) {
  return rewrite(s, Controls::Keep);
}

std::string storable_text(std::string_view s) {
  return rewrite(s, Controls::NulOnly);
}

bool make_storable(std::string& s) {
  if (clean_prefix(s, Controls::NulOnly) == s.size()) return false;
  s = rewrite(s, Controls::NulOnly);
  return true;
}

std::string escaped_text(std::string_view s) {
  return rewrite(s, Controls::Escape);
}

bool formula_like(std::string_view s) {
  if (s.empty()) return false;
  char c = s[0];
  bool risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  return risky && !plain_number(s);
}

std::string spreadsheet_cell(std::string_view s) {
  if (!formula_like(s)) return std::string(s);
  return "'" + std::string(s);
}

}  // namespace hearth::model
