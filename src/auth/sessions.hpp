// Logging in and out, and recognising a session on each request. Sessions, failed-login counts
// and login attempts live in the database, so any `hearth serve` process sharing it can serve
// any request and a lockout holds across all of them.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "auth/roles.hpp"
#include "model/instant.hpp"

namespace hearth::store {
class Store;
struct UserRecord;
}  // namespace hearth::store

namespace hearth::auth {

struct SessionPolicy {
  std::int64_t idle_seconds = 30 * 60;           // ended after this long unused
  std::int64_t absolute_seconds = 12 * 60 * 60;  // ended this long after login, used or not
  int lock_after = 5;                            // failed logins in a row from one address lock the
  std::int64_t lock_seconds = 15 * 60;           // account for that address only, for this long
  int account_limit = 50;  // failures from all addresses within lock_seconds lock the account
                           // for every address that has not signed in as it in the last day
  int address_limit = 20;  // failed logins from one address…
  std::int64_t address_window = 10 * 60;  // …within this window: refused (429)
  std::int64_t touch_every = 60;          // last_seen is written at most this often (seconds), and
                                          // never less often than a quarter of idle_seconds
  std::int64_t refusal_summary_seconds = 60;  // rate-limited sign-ins: one audit row per address
                                              // per this long (counted), not one per attempt
};

enum class LoginError : std::uint8_t {
  None,
  BadCredentials,  // unknown user or wrong password (never says which)
  Locked,          // too many failures for this account: retry_after
  RateLimited,     // too many failures from this address: retry_after
  Disabled,
  DemoRefused,  // a demo account on a store `hearth demo` did not make
};

struct LoginResult {
  LoginError error = LoginError::None;
  std::int64_t retry_after = 0;  // seconds, for Locked and RateLimited
  std::string token;             // the session cookie's value (only the hash is stored)
  std::string csrf;              // the double-submit token
  std::optional<Principal> principal;
};

struct Session {
  Principal principal;
  std::string token_hash;
  std::string csrf;
  std::int64_t expires = 0;  // the earlier of the idle and absolute expiry, Unix seconds
  bool sso = false;          // begun through single sign-on
};

class Authenticator {
 public:
  using Clock = std::function<std::int64_t()>;  // Unix seconds; tests move time
  Authenticator(SessionPolicy policy, Clock clock = {});

  const SessionPolicy& policy() const { return policy_; }
  std::int64_t now() const { return clock_(); }
  model::Instant now_instant() const { return model::from_unix_seconds(now()); }

  // Checks the password (Argon2id), the lockout and the address's rate; on success stores a
  // new session. Every attempt is recorded (login_attempts) for the rate limit.
  LoginResult login(store::Store& st, std::string_view username, std::string_view password,
                    std::string_view ip, std::string_view user_agent) const;
  // A new session for `user`, whom the council's single sign-on vouched for (auth/oidc.hpp):
  // recorded as a good sign-in from `ip`, as login() records a right password.
  LoginResult start_session(store::Store& st, const store::UserRecord& user, std::string_view ip,
                            std::string_view user_agent, bool sso) const;
  // The session for a cookie token, if it exists, has not expired and its user is still
  // enabled. Refreshes last_seen (at most every touch_every seconds). Expired: deleted.
  std::optional<Session> find(store::Store& st, std::string_view token) const;
  void logout(store::Store& st, std::string_view token) const;

  // Writes a sign-in attempt's audit entry. Attempts refused by the address rate limit are
  // counted instead: the first refusal from an address is written as usual, the rest become one
  // "session.rate_limited" summary per address per refusal_summary_seconds ("N refused
  // sign-ins between T1 and T2"), written by a later sign-in or request (at most that late), so
  // a flood writes a handful of rows, each one a normal link of the hash chain.
  void audit_login(store::Store& st, std::string_view username, std::string_view ip,
                   const LoginResult& result) const;
  // Writes every pending summary now (also those not yet due); for shutdown and tests.
  void flush_refusals(store::Store& st) const;
  // How often last_seen is written: touch_every, at most a quarter of the idle limit.
  std::int64_t touch_interval() const;

 private:
  struct Refusals;
  void write_due_refusals(store::Store& st, bool all) const;
  SessionPolicy policy_;
  Clock clock_;
  std::shared_ptr<Refusals> refusals_;
};

std::string_view login_error_code(LoginError e);  // "bad_credentials", "locked", …
// ISO 8601 UTC of Unix seconds.
std::string iso_utc(std::int64_t unix_seconds);

}  // namespace hearth::auth
