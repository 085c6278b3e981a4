#include "auth/sessions.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "auth/crypto.hpp"
#include "store/store.hpp"

namespace hearth::auth {

namespace {

std::int64_t system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The store keeps instants (model::Instant); the authenticator counts in Unix seconds.
model::Instant at(std::int64_t unix_seconds) {
  return model::from_unix_seconds(unix_seconds);
}

}  // namespace

std::string iso_utc(std::int64_t t) {
  return model::format_instant(at(t));
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

// Rate-limited sign-ins waiting to be written as one summary per address.
struct Authenticator::Refusals {
  struct Pending {
    std::int64_t first = 0, last = 0, count = 0;
    std::set<std::string> usernames;  // at most kNames, for the summary
  };
  static constexpr std::size_t kNames = 10;
  static constexpr std::size_t kAddresses = 10000;  // more: all written at once
  std::mutex mu;
  std::atomic<bool> any{false};            // pending is not empty: lets each request skip the lock
  std::map<std::string, Pending> pending;  // by address
  std::map<std::string, std::int64_t> seen;  // address → when its first refusal was written
};

Authenticator::Authenticator(SessionPolicy policy, Clock clock)
    : policy_(policy),
      clock_(clock ? std::move(clock) : Clock(system_now)),
      refusals_(std::make_shared<Refusals>()) {}

std::int64_t Authenticator::touch_interval() const {
  return std::max<std::int64_t>(1, std::min(policy_.touch_every, policy_.idle_seconds / 4));
}

LoginResult Authenticator::login(store::Store& st, std::string_view username,
                                 std::string_view password, std::string_view ip,
                                 std::string_view user_agent) const {
  const std::int64_t t = now();
  LoginResult out;
  auto record = [&](bool ok) {
    st.record_login_attempt(ip, username, ok, at(t), at(t - 24 * 60 * 60));
  };
  // Too many failures from this address: refuse before spending a hash on it.
  if (st.failed_logins_from(ip, at(t - policy_.address_window)) >= policy_.address_limit) {
    out.error = LoginError::RateLimited;
    out.retry_after = policy_.address_window;
    return out;
  }
  auto user = st.find_user(username);
  // Always verify, so an unknown username takes as long as a wrong password.
  bool good = verify_password(user ? user->password_hash : std::string(), password);
  // An SSO-only account has no password; should one be left over, it still does not work.
  if (user && user->sso_only) good = false;
  // The lock is per username and address, the same for a username that does not exist (so the
  // reply never tells them apart): five failures from one address lock the account for that
  // address only, so nobody can lock a colleague out from elsewhere. Many failures from
  // everywhere lock it for every address that has not signed in as it lately.
  auto fails = st.login_failures(ip, username, at(t - policy_.lock_seconds), at(t - 24 * 60 * 60));
  bool locked = fails.here >= policy_.lock_after ||
                (fails.everywhere >= policy_.account_limit && !fails.known_address);
  // Set by older versions.
  std::int64_t until = user && user->locked_until ? model::unix_seconds(*user->locked_until) : 0;
  if (locked || until > t) {
    record(false);
    out.error = LoginError::Locked;
    out.retry_after = locked ? policy_.lock_seconds : until - t;
    return out;
  }
  if (!user || !good) {
    record(false);
    // The count shown by `hearth user list`; the lock itself comes from login_attempts.
    if (user) st.note_failed_login(user->id, INT_MAX, model::Instant{});
    bool now_locked = fails.here + 1 >= policy_.lock_after;
    out.error = now_locked ? LoginError::Locked : LoginError::BadCredentials;
    if (now_locked) out.retry_after = policy_.lock_seconds;
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
  return start_session(st, *user, ip, user_agent, false);
}

LoginResult Authenticator::start_session(store::Store& st, const store::UserRecord& user,
                                         std::string_view ip, std::string_view user_agent,
                                         bool sso) const {
  const std::int64_t t = now();
  LoginResult out;
  st.record_login_attempt(ip, user.username, true, at(t), at(t - 24 * 60 * 60));
  st.note_good_login(user.id, at(t));
  store::SessionRecord s;
  out.token = random_token(32);
  out.csrf = random_token(32);
  s.token_hash = sha256_hex(out.token);
  s.user_id = user.id;
  s.csrf = out.csrf;
  s.created = at(t);
  s.last_seen = at(t);
  s.ip = std::string(ip);
  s.user_agent = std::string(user_agent.substr(0, 300));
  s.sso = sso;
  st.add_session(s);
  out.principal = principal_of(user);
  return out;
}

std::optional<Session> Authenticator::find(store::Store& st, std::string_view token) const {
  write_due_refusals(st, false);
  if (token.empty() || token.size() > 100) return std::nullopt;
  std::string hash = sha256_hex(token);
  auto s = st.find_session(hash);
  if (!s) return std::nullopt;
  const std::int64_t t = now();
  std::int64_t last_seen = model::unix_seconds(s->last_seen);
  std::int64_t idle_end = last_seen + policy_.idle_seconds;
  std::int64_t absolute_end = model::unix_seconds(s->created) + policy_.absolute_seconds;
  if (t >= idle_end || t >= absolute_end) {
    st.delete_session(hash);
    return std::nullopt;
  }
  auto user = st.user_by_id(s->user_id);
  if (!user || user->disabled) return std::nullopt;
  if (t - last_seen >= touch_interval()) {
    st.touch_session(hash, at(t));
    last_seen = t;
  }
  Session out;
  out.principal = principal_of(*user);
  out.token_hash = hash;
  out.csrf = s->csrf;
  out.expires = std::min(last_seen + policy_.idle_seconds, absolute_end);
  out.sso = s->sso;
  return out;
}

void Authenticator::audit_login(store::Store& st, std::string_view username, std::string_view ip,
                                const LoginResult& result) const {
  const std::int64_t t = now();
  std::string address(ip);
  if (result.error == LoginError::RateLimited) {
    bool first = false;
    {
      std::lock_guard lk(refusals_->mu);
      auto& seen = refusals_->seen;
      // An address's first refusal in a window is written in full; the rest are counted.
      auto it = seen.find(address);
      if (it == seen.end() || t - it->second >= policy_.address_window) {
        if (seen.size() >= Refusals::kAddresses) seen.clear();
        seen[address] = t;
        first = true;
      } else {
        auto& p = refusals_->pending[address];
        refusals_->any = true;
        if (p.count == 0) p.first = t;
        p.last = t;
        ++p.count;
        if (p.usernames.size() < Refusals::kNames) p.usernames.insert(std::string(username));
      }
    }
    if (!first) {
      write_due_refusals(st, false);
      return;
    }
  }
  write_due_refusals(st, false);
  store::AuditEntry e;
  e.actor = std::string(username);
  e.action = "session.login";
  e.resource = "user:" + std::string(username);
  e.detail = nlohmann::json{{"ip", address}, {"result", login_error_code(result.error)}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (result.principal) e.role = std::string(role_name(result.principal->role));
  e.outcome = result.error == LoginError::None ? "ok" : "failed";
  st.append_audit(std::move(e));
}

void Authenticator::flush_refusals(store::Store& st) const {
  write_due_refusals(st, true);
}

void Authenticator::write_due_refusals(store::Store& st, bool all) const {
  const std::int64_t t = now();
  if (!refusals_->any) return;
  std::vector<std::pair<std::string, Refusals::Pending>> due;
  {
    std::lock_guard lk(refusals_->mu);
    auto& pending = refusals_->pending;
    bool everything = all || pending.size() >= Refusals::kAddresses;
    for (auto it = pending.begin(); it != pending.end();) {
      if (everything || t - it->second.first >= policy_.refusal_summary_seconds) {
        due.emplace_back(it->first, std::move(it->second));
        it = pending.erase(it);
      } else {
        ++it;
      }
    }
    refusals_->any = !pending.empty();
  }
  for (const auto& [address, p] : due) {
    store::AuditEntry e;
    e.actor = "anonymous";
    e.action = "session.rate_limited";
    e.resource = "address:" + address;
    e.outcome = "denied";
    e.detail = nlohmann::json{{"ip", address},
                              {"refused", p.count},
                              {"from", iso_utc(p.first)},
                              {"to", iso_utc(p.last)},
                              {"usernames", p.usernames}}
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    st.append_audit(std::move(e));
  }
}

void Authenticator::logout(store::Store& st, std::string_view token) const {
  if (!token.empty()) st.delete_session(sha256_hex(token));
}

}  // namespace hearth::auth
