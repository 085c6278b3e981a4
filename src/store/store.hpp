// The store: Hearth's system of record. Six interfaces by concern — ReturnStore (903 returns and
// imports), LocalStore (local records), AccountStore (users, sessions, login attempts), AuditLog,
// UploadStore (web imports in progress), FindingNoteStore (notes explaining findings) — that Store
// joins with the schema and meta, and one it hands out (voice(): VoiceStore, the child's
// statements, alerts and the mail outbox); one generic SQL implementation on SOCI (sql_store.cpp)
// over a tiny driver for each database (driver.hpp, sqlite_driver.cpp, postgres_driver.cpp), chosen
// by the URL's scheme in open_store().
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/instant.hpp"
#include "store/account_store.hpp"
#include "store/audit_log.hpp"
#include "store/commentary_store.hpp"
#include "store/finding_note_store.hpp"
#include "store/governance_store.hpp"
#include "store/local_store.hpp"
#include "store/return_store.hpp"
#include "store/upload_store.hpp"
#include "store/voice_store.hpp"

namespace hearth::store {

// The schema version this build reads and writes. Raised with every migration.
inline constexpr int kSchemaVersion = 13;

// The database's schema is not the one this build knows (too old: run `hearth db upgrade`;
// newer: this build is older than the database).
class SchemaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What an operator's monitoring reads (GET /metrics, docs/operations.md): counts across the whole
// store, whichever server or command wrote them. Keys in the lists are the stored values.
struct OpsCounts {
  long long sessions_active = 0;
  std::vector<std::pair<std::string, long long>> imports;      // by "format|with_findings" (0 or 1)
  std::vector<std::pair<std::string, long long>> uploads;      // web imports by status
  std::vector<std::pair<std::string, long long>> findings;     // of the returns in use, by severity
  std::vector<std::pair<std::string, long long>> alerts_open;  // by level ("1", "2", ...)
  long long alerts_overdue = 0;                                // open and past their due time
  long long alert_escalations = 0;                             // ever
  long long mail_unsent = 0;                                   // in the outbox
};

// The whole store: one object over one connection (driver.hpp) that is each of the stores by
// concern. Code that needs one concern takes that interface; each has its conformance suite,
// run on SQLite and PostgreSQL (tests/integration/store_*_test.cpp).
class Store : public ReturnStore,
              public LocalStore,
              public AccountStore,
              public AuditLog,
              public UploadStore,
              public FindingNoteStore {
 public:
  ~Store() override = default;

  virtual std::string backend() const = 0;  // "sqlite" or "postgresql"

  // The child's voice, on this store's connection (its own interface, not joined in: the
  // statements' methods would crowd the rest).
  virtual VoiceStore& voice() = 0;
  // The Corporate Parenting Board's business, likewise.
  virtual GovernanceStore& governance() = 0;
  virtual CommentaryStore& commentary() = 0;

  // 0 for an empty database. Throws SchemaError if the database holds something that is not
  // a Hearth store.
  virtual int schema_version() = 0;
  // Applies every migration above the current version (up to `up_to`: tests make older
  // stores), each in its own transaction.
  // Returns the versions applied.
  virtual std::vector<int> upgrade(int up_to = kSchemaVersion) = 0;
  // Throws SchemaError unless schema_version() == kSchemaVersion.
  void require_current_schema();

  // Sessions count as active when created at or after `created_after` and seen at or after
  // `seen_after` (Unix seconds); alerts are overdue at `now`. `with_findings`: also count the
  // findings of the returns in use (one query over every finding: ask when the data changes).
  virtual OpsCounts ops_counts(std::int64_t created_after, std::int64_t seen_after,
                               model::Instant now, bool with_findings) = 0;

  // Which returns and local records the store holds (each one's import): a short text that
  // changes with every import of either.
  std::string data_version();
  // The dataset as last built, saved in parts so a start need not build it again from every row
  // (ingest/saved_snapshot.hpp). The last whole save under `key` (std::nullopt when none
  // finished), and part `n` (from 0) of it, as the bytes saved (std::nullopt when it is gone).
  struct SavedSnapshot {
    std::string save;  // which save (each has its own parts)
    int parts = 0;
  };
  virtual std::optional<SavedSnapshot> saved_snapshot(const std::string& key) = 0;
  virtual std::optional<std::string> saved_snapshot_part(const std::string& key,
                                                         const SavedSnapshot& save, int n) = 0;
  // Saves under `key` the parts `produce` hands to the function it is given, each written at once
  // in a short transaction of its own (nothing is held while the next is made); then, in one
  // transaction, checks every part is still there, makes it the whole save under `key` and
  // deletes every other. Returns false when parts went meanwhile (an import deletes everything
  // saved; another server's save deletes what it does not own): nothing is made whole then.
  using PartSink = std::function<void(std::string_view)>;
  virtual bool save_snapshot(const std::string& key,
                             const std::function<void(const PartSink&)>& produce) = 0;

  // Small key/value facts about the store (e.g. "origin" = "hearth demo").
  virtual std::optional<std::string> meta(std::string_view key) = 0;
  virtual void set_meta(std::string_view key, std::string_view value) = 0;
};

// Opens a store by URL: "sqlite:var/hearth.db" (or "sqlite:///abs/path.db", "sqlite::memory:")
// or "postgresql://user@host:port/db" ("postgres://" also accepted). Throws std::invalid_argument
// for an unknown scheme and std::runtime_error when the database cannot be reached.
std::unique_ptr<Store> open_store(const std::string& url);

// The URL with any password removed, for messages and logs.
std::string redact_url(const std::string& url);

}  // namespace hearth::store
