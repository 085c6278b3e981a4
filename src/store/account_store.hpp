// Users, their sessions and login attempts (store/accounts.hpp has the records). The decisions —
// who may sign in, whether a session is still valid — are made in src/auth/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/accounts.hpp"

namespace hearth::store {

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Adds a user; returns its id. Throws services::Error (conflict) when the username is taken.
  virtual std::int64_t add_user(const UserRecord& u) = 0;
  virtual std::optional<UserRecord> find_user(std::string_view username) = 0;
  virtual std::optional<UserRecord> user_by_id(std::int64_t id) = 0;
  virtual std::vector<UserRecord> list_users() = 0;
  // Writes every field but id, username and created_at.
  virtual void update_user(const UserRecord& u) = 0;
  // A failed login: adds one to the user's count in one statement (so two processes never lose
  // a count) and, when it reaches `lock_after`, sets locked_until. Returns the new count.
  virtual int note_failed_login(std::int64_t user_id, int lock_after,
                                model::Instant locked_until) = 0;
  // A good login: clears the count and the lock, sets last_login_at.
  virtual void note_good_login(std::int64_t user_id, model::Instant at) = 0;
  // Login attempts by address (rate limiting across processes). Rows older than `forget_before`
  // are removed on the way.
  virtual void record_login_attempt(std::string_view ip, std::string_view username, bool ok,
                                    model::Instant at, model::Instant forget_before) = 0;
  virtual std::int64_t failed_logins_from(std::string_view ip, model::Instant since) = 0;
  // What the lockout needs about one username (known or not) and one address: failures from
  // this address since `since` and after its last good login; failures from every address since
  // `since`; and whether this address signed in as the user since `known_since`.
  virtual LoginFailures login_failures(std::string_view ip, std::string_view username,
                                       model::Instant since, model::Instant known_since) = 0;
  // Forgets the user's failed attempts (an administrator's reset ends every lock).
  virtual void clear_login_failures(std::string_view username) = 0;

  // A one-time set-up link: keeps `token_hash` for the user until `expires`, in place of any
  // link they had. find_setup_link returns its user while it has not expired; take_setup_link
  // deletes it (and every expired one) and returns its user when it had not expired — once: of
  // two takers, one gets it.
  virtual void put_setup_link(std::int64_t user_id, std::string_view token_hash,
                              model::Instant created, model::Instant expires) = 0;
  virtual std::optional<std::int64_t> find_setup_link(std::string_view token_hash,
                                                      model::Instant now) = 0;
  virtual std::optional<std::int64_t> take_setup_link(std::string_view token_hash,
                                                      model::Instant now) = 0;

  // A single sign-on begun (SsoRequest): false, storing nothing, when `limit` unexpired requests
  // are waiting already (a flood of starts cannot fill the database). Expired ones are removed
  // on the way. take_sso_request deletes the request and returns it when it had not expired —
  // once: of two takers, one gets it.
  virtual bool put_sso_request(const SsoRequest& r, model::Instant now, std::int64_t limit) = 0;
  virtual std::optional<SsoRequest> take_sso_request(std::string_view state_hash,
                                                     model::Instant now) = 0;

  virtual void add_session(const SessionRecord& s) = 0;
  virtual std::optional<SessionRecord> find_session(std::string_view token_hash) = 0;
  virtual void touch_session(std::string_view token_hash, model::Instant last_seen) = 0;
  virtual void delete_session(std::string_view token_hash) = 0;
  // Ends every session of the user (password reset, disabling). Returns how many.
  virtual std::int64_t delete_user_sessions(std::int64_t user_id) = 0;
  // Removes sessions created before `created_before` or idle since before `seen_before`.
  virtual std::int64_t delete_expired_sessions(model::Instant created_before,
                                               model::Instant seen_before) = 0;
};

}  // namespace hearth::store
