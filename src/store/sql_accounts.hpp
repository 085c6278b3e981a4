// The SQL behind the Store's accounts methods (store/accounts.hpp), on the store's session.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/accounts.hpp"
#include "store/driver.hpp"

namespace hearth::store {

// Inserts the user's row on `sql` (no write turn taken: the caller holds one, or a transaction);
// returns its id.
std::int64_t insert_user(soci::session& sql, const UserRecord& u);

class SqlAccounts {
 public:
  SqlAccounts(soci::session& sql, const Driver& driver);
  ~SqlAccounts();

  std::int64_t add_user(const UserRecord& u);
  std::optional<UserRecord> find_user(std::string_view username);
  std::optional<UserRecord> user_by_id(std::int64_t id);
  std::vector<UserRecord> list_users();
  void update_user(const UserRecord& u);
  int note_failed_login(std::int64_t user_id, int lock_after, model::Instant locked_until);
  void note_good_login(std::int64_t user_id, model::Instant at);
  void record_login_attempt(std::string_view ip, std::string_view username, bool ok,
                            model::Instant at, model::Instant forget_before);
  std::int64_t failed_logins_from(std::string_view ip, model::Instant since);
  LoginFailures login_failures(std::string_view ip, std::string_view username, model::Instant since,
                               model::Instant known_since);
  void clear_login_failures(std::string_view username);
  std::int64_t expire_uploads(model::Instant before);
  void put_setup_link(std::int64_t user_id, std::string_view token_hash, model::Instant created,
                      model::Instant expires);
  std::optional<std::int64_t> find_setup_link(std::string_view token_hash, model::Instant now);
  std::optional<std::int64_t> take_setup_link(std::string_view token_hash, model::Instant now);
  bool put_sso_request(const SsoRequest& r, model::Instant now, std::int64_t limit);
  std::optional<SsoRequest> take_sso_request(std::string_view state_hash, model::Instant now);
  void add_session(const SessionRecord& s);
  std::optional<SessionRecord> find_session(std::string_view token_hash);
  void touch_session(std::string_view token_hash, model::Instant last_seen);
  void delete_session(std::string_view token_hash);
  std::int64_t delete_user_sessions(std::int64_t user_id);
  std::int64_t delete_expired_sessions(model::Instant created_before, model::Instant seen_before);
  AuditEntry append_audit(AuditEntry e);
  std::vector<AuditEntry> read_audit(std::int64_t from_seq, std::size_t limit);
  std::pair<std::int64_t, std::string> audit_head();
  void add_upload(const UploadRecord& u);
  std::optional<UploadRecord> find_upload(std::string_view id);
  void set_upload_status(std::string_view id, std::string_view status, std::string_view result);
  void put_upload_file(std::string_view id, const UploadFile& f);
  std::vector<UploadFile> upload_files(std::string_view id, bool with_content);
  void delete_upload_files(std::string_view id);
  std::vector<UploadRecord> open_uploads(std::string_view la);

 private:
  struct AuditStatements;
  soci::session& sql_;
  const Driver& driver_;
  std::unique_ptr<AuditStatements> audit_;  // prepared on first use
};

}  // namespace hearth::store
