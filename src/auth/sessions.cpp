#include "auth/sessions.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "auth/crypto.hpp"
#include "store/store.hpp"

namespace hearth::auth {

namespace {

std::int64_t system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Parses what iso_utc writes; 0 when empty or unreadable.
std::int64_t parse_iso_utc(const std::string& s) {
  std::tm tm{};
  if (s.size() < 19 || std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
                                   &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
    return 0;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace

std::string iso_utc(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string_view login_error_code(LoginError e) {
  switch (e) {
    case LoginError::None:
      return "ok";
    case LoginError::BadCredentials:
      return "bad_credentials";
    case LoginError::Locked:
      return "locked";
    case LoginError::RateLimited:
      return "rate_limited";
    case LoginError::Disabled:
      return "disabled";
    case LoginError::DemoRefused:
      return "demo_refused";
  }
  return "";
}

Authenticator::Authenticator(SessionPolicy policy, Clock clock)
    : policy_(policy), clock_(clock ? std::move(clock) : Clock(system_now)) {}

LoginResult Authenticator::login(store::Store& st, std::string_view username,
                                 std::string_view password, std::string_view ip,
                                 std::string_view user_agent) const {
  const std::int64_t t = now();
  LoginResult out;
  auto record = [&](bool ok) { st.record_login_attempt(ip, username, ok, t, t - 24 * 60 * 60); };
  // Too many failures from this address: refuse before spending a hash on it.
  if (st.failed_logins_from(ip, t - policy_.address_window) >= policy_.address_limit) {
    out.error = LoginError::RateLimited;
    out.retry_after = policy_.address_window;
    return out;
  }
  auto user = st.find_user(username);
  // Always verify, so an unknown username takes as long as a wrong password.
  bool good = verify_password(user ? user->password_hash : std::string(), password);
  if (!user) {
    record(false);
    out.error = LoginError::BadCredentials;
    return out;
  }
  if (std::int64_t until = parse_iso_utc(user->locked_until); until > t) {
    record(false);
    out.error = LoginError::Locked;
    out.retry_after = until - t;
    return out;
  }
  if (!good) {
    record(false);
    int n = st.note_failed_login(user->id, policy_.lock_after, iso_utc(t + policy_.lock_seconds));
    out.error = n >= policy_.lock_after ? LoginError::Locked : LoginError::BadCredentials;
    if (out.error == LoginError::Locked) out.retry_after = policy_.lock_seconds;
    return out;
  }
  if (user->disabled) {
    record(false);
    out.error = LoginError::Disabled;
    return out;
  }
  if (user->demo && st.meta("origin") != std::optional<std::string>("hearth demo")) {
    record(false);
    out.error = LoginError::DemoRefused;
    return out;
  }
  record(true);
  st.note_good_login(user->id, iso_utc(t));
  store::SessionRecord s;
  out.token = random_token(32);
  out.csrf = random_token(32);
  s.token_hash = sha256_hex(out.token);
  s.user_id = user->id;
  s.csrf = out.csrf;
  s.created = t;
  s.last_seen = t;
  s.ip = std::string(ip);
  s.user_agent = std::string(user_agent.substr(0, 300));
  st.add_session(s);
  out.principal = principal_of(*user);
  return out;
}

std::optional<Session> Authenticator::find(store::Store& st, std::string_view token) const {
  if (token.empty() || token.size() > 100) return std::nullopt;
  std::string hash = sha256_hex(token);
  auto s = st.find_session(hash);
  if (!s) return std::nullopt;
  const std::int64_t t = now();
  std::int64_t idle_end = s->last_seen + policy_.idle_seconds;
  std::int64_t absolute_end = s->created + policy_.absolute_seconds;
  if (t >= idle_end || t >= absolute_end) {
    st.delete_session(hash);
    return std::nullopt;
  }
  auto user = st.user_by_id(s->user_id);
  if (!user || user->disabled) return std::nullopt;
  if (t - s->last_seen >= policy_.touch_every) {
    st.touch_session(hash, t);
    s->last_seen = t;
  }
  Session out;
  out.principal = principal_of(*user);
  out.token_hash = hash;
  out.csrf = s->csrf;
  out.expires = std::min(s->last_seen + policy_.idle_seconds, absolute_end);
  return out;
}

void Authenticator::logout(store::Store& st, std::string_view token) const {
  if (!token.empty()) st.delete_session(sha256_hex(token));
}

}  // namespace hearth::auth
