#include "model/local.hpp"

#include <cstdio>

namespace hearth::model {
namespace {

bool two_digits(std::string_view s, std::size_t at, int& out) {
  if (at + 2 > s.size()) return false;
  char a = s[at], b = s[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return false;
  out = (a - '0') * 10 + (b - '0');
  return true;
}

}  // namespace

std::optional<DateTime> parse_date_time(std::string_view text) {
  std::size_t sep = text.find_first_of(" T");
  std::string_view date_part = text.substr(0, sep);
  auto d = parse_date(date_part);
  if (!d) return std::nullopt;
  DateTime out{*d, -1};
  if (sep == std::string_view::npos) return out;
  std::string_view t = text.substr(sep + 1);
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  if (t.empty()) return out;
  int h = 0, m = 0, s = 0;
  if (!two_digits(t, 0, h) || t.size() < 5 || t[2] != ':' || !two_digits(t, 3, m)) {
    // "9:05" is also written by spreadsheets.
    if (t.size() >= 4 && t[1] == ':' && t[0] >= '0' && t[0] <= '9' && two_digits(t, 2, m)) {
      h = t[0] - '0';
      t.remove_prefix(4);
    } else {
      return std::nullopt;
    }
  } else {
    t.remove_prefix(5);
  }
  if (!t.empty() && t.front() == ':') {
    if (!two_digits(t, 1, s)) return std::nullopt;
    t.remove_prefix(3);
    if (!t.empty() && t.front() == '.') {
      t.remove_prefix(1);
      while (!t.empty() && t.front() >= '0' && t.front() <= '9') t.remove_prefix(1);
    }
  }
  if (t == "Z") t = {};
  if (!t.empty() || h > 23 || m > 59 || s > 59) return std::nullopt;
  // A midnight time on a date-only column says nothing about the time of day.
  if (h == 0 && m == 0 && s == 0) return out;
  out.minute = static_cast<std::int16_t>(h * 60 + m);
  return out;
}

std::string format_date_time(const DateTime& dt) {
  std::string out = format_iso(dt.date);
  if (dt.has_time()) {
    char buf[16];
    const int minute = dt.minute;
    std::snprintf(buf, sizeof buf, "T%02d:%02d", minute / 60, minute % 60);
    out += buf;
  }
  return out;
}

}  // namespace hearth::model
