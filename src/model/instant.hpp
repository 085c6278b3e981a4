// A moment in time, wherever Hearth keeps or passes one: when a user was made or last signed in,
// when a session started, an import finished, an audit entry was written. One type for every
// store interface (issue 14): what a column holds — Unix seconds in some tables, ISO 8601 text
// in others, as the schema has always had them — is the store's business, converted at its edge.
// Days (a child's dates) are model::Date, not instants.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hearth::model {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

Instant instant_now();  // the system clock
inline Instant from_unix_seconds(std::int64_t s) {
  return Instant{std::chrono::seconds{s}};
}
inline std::int64_t unix_seconds(Instant t) {
  return std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
}

// "2026-12-03T10:17:16Z" (seconds, as users and imports keep them).
std::string format_instant(Instant t);
// The same, or "" for none (a user who never signed in, an account not locked).
inline std::string format_instant(const std::optional<Instant>& t) {
  return t ? format_instant(*t) : std::string();
}
// "2026-12-03T10:17:16.123Z" (milliseconds, as the audit log keeps them).
std::string format_instant_ms(Instant t);
// Either form exactly; nothing else (a stray character, an impossible day or hour).
std::optional<Instant> parse_instant(std::string_view text);

}  // namespace hearth::model
