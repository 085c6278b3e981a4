#include "model/instant.hpp"

#include <cstdio>
#include <ctime>

namespace hearth::model {

namespace {

std::string format(Instant t, bool ms) {
  const std::int64_t secs = unix_seconds(t);
  const auto millis = (t - from_unix_seconds(secs)).count();
  std::time_t tt = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[40];
  if (ms)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(millis));
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

bool digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
  out = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

Instant instant_now() {
  return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

std::string format_instant(Instant t) {
  return format(t, false);
}

std::string format_instant_ms(Instant t) {
  return format(t, true);
}

std::optional<Instant> parse_instant(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS.mmmZ
  if (s.size() != 20 && s.size() != 24) return std::nullopt;
  if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s.back() != 'Z')
    return std::nullopt;
  int y, mo, d, h, mi, sec, ms = 0;
  if (!digits(s, 0, 4, y) || !digits(s, 5, 2, mo) || !digits(s, 8, 2, d) || !digits(s, 11, 2, h) ||
      !digits(s, 14, 2, mi) || !digits(s, 17, 2, sec))
    return std::nullopt;
  if (s.size() == 24 && (s[19] != '.' || !digits(s, 20, 3, ms))) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{unsigned(mo)},
                                        std::chrono::day{unsigned(d)}};
  if (!day.ok() || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  return Instant{std::chrono::sys_days{day}} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         std::chrono::seconds{sec} + std::chrono::milliseconds{ms};
}

}  // namespace hearth::model
