// The store: Hearth's system of record. A domain interface (Store), one generic SQL
// implementation on SOCI (sql_store.cpp) over a tiny driver for each database (driver.hpp,
// sqlite_driver.cpp, postgres_driver.cpp), chosen by the URL's scheme in open_store().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "local/tables.hpp"
#include "model/finding.hpp"
#include "model/journey.hpp"
#include "model/local.hpp"
#include "store/accounts.hpp"

namespace hearth::store {

// The schema version this build reads and writes. Raised with every migration.
inline constexpr int kSchemaVersion = 3;

// The database's schema is not the one this build knows (too old: run `hearth db upgrade`;
// newer: this build is older than the database).
class SchemaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What is being imported, for the import's record.
struct ImportMeta {
  std::string source;  // folder or file name as given
  std::string format;  // "csv" or "xml"
  std::string user;    // who ran it ("cli:<login>" or a web user)
  bool accepted_with_findings = false;
};

struct ImportRecord {
  std::int64_t id = 0;
  std::string la;
  int collection_year = 0;
  std::string source;
  std::string format;
  std::string user;
  std::string started_at;  // ISO 8601 UTC
  std::string finished_at;
  std::int64_t rows = 0;
  std::int64_t findings = 0;
  std::int64_t replaced_rows = 0;  // rows of the same year that this import replaced
  bool accepted_with_findings = false;
};

struct ReturnKey {
  std::string la;
  int collection_year = 0;
  std::int64_t import_id = 0;
  std::int64_t rows = 0;
};

struct LocalTableKey {
  std::string la;
  std::string table;  // local::LocalTableInfo::name
  std::int64_t import_id = 0;
  std::int64_t rows = 0;
};

struct Counts {
  std::int64_t councils = 0;
  std::int64_t returns = 0;
  std::int64_t children = 0;  // distinct (la, CHILD) across all returns
  std::int64_t episodes = 0;  // distinct (la, CHILD, DECOM) across all returns
  std::int64_t imports = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual std::string backend() const = 0;  // "sqlite" or "postgresql"

  // 0 for an empty database. Throws SchemaError if the database holds something that is not
  // a Hearth store.
  virtual int schema_version() = 0;
  // Applies every migration above the current version, each in its own transaction.
  // Returns the versions applied.
  virtual std::vector<int> upgrade() = 0;
  // Throws SchemaError unless schema_version() == kSchemaVersion.
  void require_current_schema();

  // Replaces the council's return for `ret.year` with `ret`, and records the import and its
  // findings, in one transaction: either all of it is stored or none of it.
  virtual ImportRecord replace_return(const model::Return& ret, const ImportMeta& meta,
                                      std::span<const model::Finding> findings) = 0;
  // Several returns (e.g. ten years of one council) in one transaction.
  struct ReturnToStore {
    const model::Return* ret;
    ImportMeta meta;
    std::span<const model::Finding> findings;
  };
  virtual std::vector<ImportRecord> replace_returns(std::span<const ReturnToStore> returns) = 0;

  // Replaces the council's rows of each table in `tables` with those in `records` (a local
  // extract is the council's whole record of its kind), records the import (collection year 0)
  // and its findings, in one transaction. Tables not named are left as they are.
  virtual ImportRecord replace_local(const model::LocalRecords& records,
                                     std::span<const local::LocalTable> tables,
                                     const ImportMeta& meta,
                                     std::span<const model::Finding> findings) = 0;
  // The council's local records (empty when none were imported).
  virtual model::LocalRecords load_local(std::string_view la) = 0;
  virtual std::vector<LocalTableKey> list_local_tables() = 0;
  // Every council's local records.
  std::vector<model::LocalRecords> load_all_local();

  virtual std::optional<model::Return> load_return(std::string_view la,
                                                   model::CollectionYear year) = 0;
  virtual std::vector<ReturnKey> list_returns() = 0;
  virtual Counts counts() = 0;
  virtual std::vector<ImportRecord> list_imports(int limit) = 0;
  virtual std::vector<model::Finding> import_findings(std::int64_t import_id) = 0;

  // Small key/value facts about the store (e.g. "origin" = "hearth demo").
  virtual std::optional<std::string> meta(std::string_view key) = 0;
  virtual void set_meta(std::string_view key, std::string_view value) = 0;

  // ---- Users, sessions, login attempts, audit (store/accounts.hpp) ----
  // Adds a user; returns its id. Throws std::invalid_argument when the username is taken.
  virtual std::int64_t add_user(const UserRecord& u) = 0;
  virtual std::optional<UserRecord> find_user(std::string_view username) = 0;
  virtual std::optional<UserRecord> user_by_id(std::int64_t id) = 0;
  virtual std::vector<UserRecord> list_users() = 0;
  // Writes every field but id, username and created_at.
  virtual void update_user(const UserRecord& u) = 0;
  // A failed login: adds one to the user's count in one statement (so two processes never lose
  // a count) and, when it reaches `lock_after`, sets locked_until. Returns the new count.
  virtual int note_failed_login(std::int64_t user_id, int lock_after,
                                const std::string& locked_until) = 0;
  // A good login: clears the count and the lock, sets last_login_at.
  virtual void note_good_login(std::int64_t user_id, const std::string& at) = 0;
  // Login attempts by address (rate limiting across processes). Rows older than `forget_before`
  // are removed on the way.
  virtual void record_login_attempt(std::string_view ip, std::string_view username, bool ok,
                                    std::int64_t at, std::int64_t forget_before) = 0;
  virtual std::int64_t failed_logins_from(std::string_view ip, std::int64_t since) = 0;
  // What the lockout needs about one username (known or not) and one address: failures from
  // this address since `since` and after its last good login; failures from every address since
  // `since`; and whether this address signed in as the user since `known_since`.
  virtual LoginFailures login_failures(std::string_view ip, std::string_view username,
                                       std::int64_t since, std::int64_t known_since) = 0;
  // Forgets the user's failed attempts (an administrator's reset ends every lock).
  virtual void clear_login_failures(std::string_view username) = 0;
  // Staged web imports still open or checked and started before `before` become "expired" and
  // lose their files. Returns how many.
  virtual std::int64_t expire_uploads(std::int64_t before) = 0;

  virtual void add_session(const SessionRecord& s) = 0;
  virtual std::optional<SessionRecord> find_session(std::string_view token_hash) = 0;
  virtual void touch_session(std::string_view token_hash, std::int64_t last_seen) = 0;
  virtual void delete_session(std::string_view token_hash) = 0;
  // Ends every session of the user (password reset, disabling). Returns how many.
  virtual std::int64_t delete_user_sessions(std::int64_t user_id) = 0;
  // Removes sessions created before `created_before` or idle since before `seen_before`.
  virtual std::int64_t delete_expired_sessions(std::int64_t created_before,
                                               std::int64_t seen_before) = 0;

  // Appends to the audit log in its own transaction, after the current head, whichever process
  // appends: fills in seq, prev_hash and hash (and `at` when empty). Returns the entry stored.
  virtual AuditEntry append_audit(AuditEntry e) = 0;
  // Entries with seq >= from_seq, in seq order, at most `limit`.
  virtual std::vector<AuditEntry> read_audit(std::int64_t from_seq, std::size_t limit) = 0;
  // The head the appender last wrote: (seq, hash); (0, "") for an empty log.
  virtual std::pair<std::int64_t, std::string> audit_head() = 0;

  // ---- Web imports in progress (store/accounts.hpp) ----
  virtual void add_upload(const UploadRecord& u) = 0;
  virtual std::optional<UploadRecord> find_upload(std::string_view id) = 0;
  virtual void set_upload_status(std::string_view id, std::string_view status,
                                 std::string_view result) = 0;
  // Adds the file, replacing one of the same name.
  virtual void put_upload_file(std::string_view id, const UploadFile& f) = 0;
  // The files: names and sizes, and their content when `with_content`.
  virtual std::vector<UploadFile> upload_files(std::string_view id, bool with_content) = 0;
  virtual void delete_upload_files(std::string_view id) = 0;
  // The council's imports still open or checked (not imported or cancelled), newest first.
  virtual std::vector<UploadRecord> open_uploads(std::string_view la) = 0;

  // Every return, oldest year first (what the snapshot is built from).
  std::vector<model::Return> load_all_returns();
};

// Opens a store by URL: "sqlite:var/hearth.db" (or "sqlite:///abs/path.db", "sqlite::memory:")
// or "postgresql://user@host:port/db" ("postgres://" also accepted). Throws std::invalid_argument
// for an unknown scheme and std::runtime_error when the database cannot be reached.
std::unique_ptr<Store> open_store(const std::string& url);

// The URL with any password removed, for messages and logs.
std::string redact_url(const std::string& url);

}  // namespace hearth::store
