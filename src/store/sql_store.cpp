// The generic SQL store: one code path for every database, through SOCI. Rows of the 903
// tables are bound as text cells produced by the same column descriptions the CSV reader and
// writer use (dates as ISO 8601 text), so what is stored is exactly what was read.
#include <soci/soci.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>

#include "local/tables.hpp"
#include "model/codes.hpp"
#include "model/text.hpp"
#include "ssda903/tables.hpp"
#include "store/driver.hpp"
#include "store/sql_accounts.hpp"
#include "store/sql_commentary.hpp"
#include "store/sql_finding_notes.hpp"
#include "store/sql_governance.hpp"
#include "store/sql_ops.hpp"
#include "store/sql_saved_snapshot.hpp"
#include "store/sql_util.hpp"
#include "store/sql_voice.hpp"
#include "store/store.hpp"

namespace hearth::store {

using model::escaped_text;
using model::make_storable;
using model::storable_text;

long long sql::get_int64(const soci::row& r, std::size_t i) {
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<long long>(r.get<double>(i));
    case soci::dt_string:
      return std::stoll(r.get<std::string>(i));
    default:
      return 0;
  }
}

namespace {

using ssda903::TableKind;

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

std::string table_name(TableKind kind) {
  switch (kind) {
    case TableKind::Header:
      return "ssda903_header";
    case TableKind::Episodes:
      return "ssda903_episodes";
    case TableKind::Reviews:
      return "ssda903_reviews";
    case TableKind::Uasc:
      return "ssda903_uasc";
    case TableKind::Oc2:
      return "ssda903_oc2";
    case TableKind::Oc3:
      return "ssda903_oc3";
    case TableKind::Ad1:
      return "ssda903_ad1";
    case TableKind::PlacedAdoption:
      return "ssda903_placed_adoption";
    case TableKind::PrevPerm:
      return "ssda903_prev_perm";
    case TableKind::Missing:
      return "ssda903_missing";
    case TableKind::SwEpisodes:
      return "ssda903_sw_episodes";
    case TableKind::Dolo:
      return "ssda903_dolo";
  }
  return {};
}

std::string column_list(const ssda903::TableInfo& info) {
  std::string cols;
  for (std::size_t c = 0; c < info.columns.size(); ++c) {
    if (c) cols += ", ";
    cols += lower(info.columns[c].name);
  }
  return cols;
}

std::string_view severity_text(model::Severity s) {
  return model::severity_name(s);
}

model::Severity severity_from(std::string_view s) {
  if (s == "query") return model::Severity::Query;
  if (s == "warning") return model::Severity::Warning;
  return model::Severity::Error;
}

// Splits a migration script into statements (no semicolons appear inside our DDL strings).
std::vector<std::string> statements(std::string_view sql) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < sql.size()) {
    std::size_t end = sql.find(';', start);
    if (end == std::string_view::npos) end = sql.size();
    std::string stmt(sql.substr(start, end - start));
    if (stmt.find_first_not_of(" \n\r\t") != std::string::npos) out.push_back(stmt);
    start = end + 1;
  }
  return out;
}

// What insert_rows writes: a table's rows as text cells, keyed by council (and, for the 903
// tables, collection year).
struct RowSource {
  std::string table;    // SQL table name
  std::string columns;  // its data columns, comma-separated
  std::size_t ncols = 0;
  std::size_t rows = 0;
  std::string la;
  std::optional<int> year;  // the 903 tables' collection_year key; none for local tables
  std::function<void(std::size_t, std::vector<std::string>&)> write;
};

RowSource source_of(const ssda903::TableInfo& info, const model::Return& ret) {
  return {table_name(info.kind),
          column_list(info),
          info.columns.size(),
          ssda903::row_count(info.kind, ret),
          ret.la,
          ret.year.end_year,
          [&ret, kind = info.kind](std::size_t i, std::vector<std::string>& cells) {
            ssda903::write_row(kind, ret, i, cells, ssda903::DateStyle::Iso);
          }};
}

std::string local_table_name(const local::LocalTableInfo& info) {
  return "local_" + std::string(info.name);
}
std::string local_column_list(const local::LocalTableInfo& info) {
  std::string cols;
  for (std::size_t c = 0; c < info.columns.size(); ++c) {
    if (c) cols += ", ";
    cols += info.columns[c].name;
  }
  return cols;
}

RowSource source_of(const local::LocalTableInfo& info, const model::LocalRecords& records) {
  return {local_table_name(info),
          local_column_list(info),
          info.columns.size(),
          local::local_row_count(info.kind, records),
          records.la,
          std::nullopt,
          [&records, kind = info.kind](std::size_t i, std::vector<std::string>& cells) {
            local::write_local_row(kind, records, i, cells);
          }};
}

class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<Driver> driver)
      : driver_(std::move(driver)),
        accounts_(sql_, *driver_),
        notes_(sql_, *driver_),
        voice_(sql_, *driver_),
        governance_(sql_, *driver_),
        commentary_(sql_, *driver_) {
    driver_->open(sql_);
  }

  std::string backend() const override { return driver_->name(); }
  VoiceStore& voice() override { return voice_; }
  GovernanceStore& governance() override { return governance_; }
  CommentaryStore& commentary() override { return commentary_; }

  int schema_version() override {
    if (!table_exists("hearth_schema")) {
      if (table_exists("ssda903_header") || table_exists("imports"))
        throw SchemaError("the database holds Hearth tables but no schema version");
      return 0;
    }
    int version = 0;
    soci::indicator ind = soci::i_null;
    sql_ << "SELECT MAX(version) FROM hearth_schema", soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
  }

  std::vector<int> upgrade(int up_to) override {
    int current = schema_version();
    if (current > kSchemaVersion) require_current_schema();  // throws: newer than we know
    std::vector<int> applied;
    for (const Migration& m : driver_->migrations()) {
      if (m.version <= current || m.version > up_to) continue;
      sql::WriteTx tr(sql_, *driver_);
      for (std::string stmt : statements(m.sql)) {
        if (auto at = stmt.find("%IDENTITY%"); at != std::string::npos)
          stmt.replace(at, 10, driver_->identity_column());
        sql_ << stmt;
      }
      std::string at = model::format_instant(model::instant_now());
      sql_ << "INSERT INTO hearth_schema (version, applied_at) VALUES (:v, :at)",
          soci::use(m.version), soci::use(at);
      tr.commit();
      applied.push_back(m.version);
    }
    return applied;
  }

  ImportRecord replace_return(const model::Return& ret, const ImportMeta& meta,
                              std::span<const model::Finding> findings) override {
    sql::WriteTx tr(sql_, *driver_);
    ImportRecord rec = store_return(ret, meta, findings);
    tr.commit();
    return rec;
  }

  std::vector<ImportRecord> replace_returns(std::span<const ReturnToStore> returns) override {
    std::vector<ImportRecord> out;
    sql::WriteTx tr(sql_, *driver_);
    for (const auto& r : returns) out.push_back(store_return(*r.ret, r.meta, r.findings));
    tr.commit();
    return out;
  }

  // Replaces one return inside the caller's transaction.
  ImportRecord store_return(const model::Return& ret, const ImportMeta& meta,
                            std::span<const model::Finding> findings) {
    ImportRecord rec = new_import(ret.la, ret.year.end_year, meta, findings.size());
    rec.rows = static_cast<std::int64_t>(ret.total_rows());
    // Concurrent imports of the same year queue here rather than collide on keys.
    lock_year(ret.la, ret.year.end_year);
    soci::indicator old_ind = soci::i_null;
    long long old_rows = 0;
    sql_ << "SELECT row_count FROM returns WHERE la = :la AND collection_year = :y",
        soci::use(ret.la), soci::use(ret.year.end_year), soci::into(old_rows, old_ind);
    rec.replaced_rows = old_ind == soci::i_ok ? old_rows : 0;
    for (const auto& t : ssda903::all_tables()) {
      sql_ << "DELETE FROM " + table_name(t.kind) + " WHERE la = :la AND collection_year = :y",
          soci::use(ret.la), soci::use(ret.year.end_year);
    }
    sql_ << "DELETE FROM returns WHERE la = :la AND collection_year = :y", soci::use(ret.la),
        soci::use(ret.year.end_year);
    sql_ << "DELETE FROM saved_snapshot";  // built from the rows replaced

    rec.finished_at = model::instant_now();
    insert_import(rec);
    long long id = rec.id, rows = rec.rows;
    sql_ << "INSERT INTO returns (la, collection_year, import_id, row_count) "
            "VALUES (:la, :y, :id, :rows)",
        soci::use(rec.la), soci::use(rec.collection_year), soci::use(id), soci::use(rows);

    for (const auto& t : ssda903::all_tables()) insert_rows(source_of(t, ret));
    insert_findings(id, findings);
    return rec;
  }

  ImportRecord replace_local(const model::LocalRecords& records,
                             std::span<const local::LocalTable> tables, const ImportMeta& meta,
                             std::span<const model::Finding> findings) override {
    sql::WriteTx tr(sql_, *driver_);
    ImportRecord rec = new_import(records.la, 0, meta, findings.size());
    // Concurrent local imports of one council queue here (year 0 is never a 903 year).
    lock_year(records.la, 0);
    for (local::LocalTable t : tables) {
      rec.rows += static_cast<std::int64_t>(local::local_row_count(t, records));
      std::string name(local::local_table_info(t).name);
      soci::indicator ind = soci::i_null;
      long long old_rows = 0;
      sql_ << "SELECT row_count FROM local_tables WHERE la = :la AND table_name = :t",
          soci::use(records.la), soci::use(name), soci::into(old_rows, ind);
      if (ind == soci::i_ok) rec.replaced_rows += old_rows;
    }
    rec.finished_at = model::instant_now();
    insert_import(rec);
    sql_ << "DELETE FROM saved_snapshot";  // built from the records replaced
    long long id = rec.id;
    for (local::LocalTable t : tables) {
      const auto& info = local::local_table_info(t);
      std::string name(info.name);
      sql_ << "DELETE FROM " + local_table_name(info) + " WHERE la = :la", soci::use(records.la);
      sql_ << "DELETE FROM local_tables WHERE la = :la AND table_name = :t", soci::use(records.la),
          soci::use(name);
      long long n = static_cast<long long>(local::local_row_count(t, records));
      sql_ << "INSERT INTO local_tables (la, table_name, import_id, row_count) "
              "VALUES (:la, :t, :id, :n)",
          soci::use(records.la), soci::use(name), soci::use(id), soci::use(n);
      insert_rows(source_of(info, records));
    }
    insert_findings(id, findings);
    tr.commit();
    return rec;
  }

  model::LocalRecords load_local(std::string_view la_view) override {
    model::LocalRecords out;
    out.la = std::string(la_view);
    for (const auto& info : local::all_local_tables()) {
      std::string q = "SELECT " + local_column_list(info) + " FROM " + local_table_name(info) +
                      " WHERE la = :la ORDER BY row_no";
      load_cells(q, info.columns.size(), out.la, std::nullopt,
                 [&](std::span<const std::string_view> cells) {
                   std::vector<ssda903::RowProblem> problems;
                   local::read_local_row(info.kind, cells, out, problems);
                   if (!problems.empty())
                     throw std::runtime_error(
                         "stored row of " + local_table_name(info) +
                         " cannot be read back: " + problems.front().problem.rule + " in " +
                         std::string(info.columns[problems.front().column].name));
                 });
    }
    return out;
  }

  std::vector<LocalTableKey> list_local_tables() override {
    std::vector<LocalTableKey> out;
    soci::rowset<soci::row> rs = (sql_.prepare << "SELECT la, table_name, import_id, row_count "
                                                  "FROM local_tables ORDER BY la, table_name");
    for (const soci::row& r : rs)
      out.push_back(
          {r.get<std::string>(0), r.get<std::string>(1), get_int64(r, 2), get_int64(r, 3)});
    return out;
  }

  std::optional<model::Return> load_return(std::string_view la_view,
                                           model::CollectionYear year) override {
    std::string la(la_view);
    long long n = 0;
    sql_ << "SELECT COUNT(*) FROM returns WHERE la = :la AND collection_year = :y", soci::use(la),
        soci::use(year.end_year), soci::into(n);
    if (n == 0) return std::nullopt;
    model::Return ret;
    ret.la = la;
    ret.year = year;
    for (const auto& t : ssda903::all_tables()) load_rows(t, ret);
    return ret;
  }

  std::vector<ReturnKey> list_returns() override {
    std::vector<ReturnKey> out;
    soci::rowset<soci::row> rs = (sql_.prepare << "SELECT la, collection_year, import_id, "
                                                  "row_count FROM returns ORDER BY "
                                                  "collection_year, la");
    for (const soci::row& r : rs) {
      out.push_back({r.get<std::string>(0), get_int(r, 1), get_int64(r, 2), get_int64(r, 3)});
    }
    return out;
  }

  std::optional<SavedSnapshot> saved_snapshot(const std::string& key) override {
    return sql::saved_snapshot(sql_, key);
  }

  std::optional<std::string> saved_snapshot_part(const std::string& key, const SavedSnapshot& save,
                                                 int n) override {
    return sql::read_saved_snapshot_part(sql_, key, save, n);
  }

  bool save_snapshot(const std::string& key,
                     const std::function<void(const PartSink&)>& produce) override {
    return sql::write_saved_snapshot(sql_, *driver_, key, produce);
  }

  OpsCounts ops_counts(std::int64_t created_after, std::int64_t seen_after, model::Instant now,
                       bool with_findings) override {
    return sql::read_ops_counts(sql_, created_after, seen_after, now, with_findings);
  }

  Counts counts() override {
    Counts c;
    c.councils = scalar("SELECT COUNT(DISTINCT la) FROM returns");
    c.returns = scalar("SELECT COUNT(*) FROM returns");
    c.children = scalar("SELECT COUNT(*) FROM (SELECT DISTINCT la, child FROM ssda903_header) t");
    c.episodes =
        scalar("SELECT COUNT(*) FROM (SELECT DISTINCT la, child, decom FROM ssda903_episodes) t");
    c.imports = scalar("SELECT COUNT(*) FROM imports");
    return c;
  }

  std::vector<ImportRecord> list_imports(int limit) override {
    std::vector<ImportRecord> out;
    soci::rowset<soci::row> rs =
        (sql_.prepare << "SELECT id, la, collection_year, source, format, user_name, "
                         "started_at, finished_at, row_count, finding_count, replaced_rows, "
                         "accepted_with_findings FROM imports ORDER BY id DESC LIMIT :n",
         soci::use(limit));
    for (const soci::row& r : rs) {
      ImportRecord rec;
      rec.id = get_int64(r, 0);
      rec.la = r.get<std::string>(1);
      rec.collection_year = get_int(r, 2);
      rec.source = r.get<std::string>(3);
      rec.format = r.get<std::string>(4);
      rec.user = r.get<std::string>(5);
      rec.started_at = model::parse_instant(r.get<std::string>(6)).value_or(model::Instant{});
      rec.finished_at = model::parse_instant(r.get<std::string>(7)).value_or(model::Instant{});
      rec.rows = get_int64(r, 8);
      rec.findings = get_int64(r, 9);
      rec.replaced_rows = get_int64(r, 10);
      rec.accepted_with_findings = get_int(r, 11) != 0;
      out.push_back(std::move(rec));
    }
    return out;
  }

  std::vector<model::Finding> import_findings(std::int64_t import_id) override {
    std::vector<model::Finding> out;
    long long id = import_id;
    soci::rowset<soci::row> rs =
        (sql_.prepare << "SELECT rule, severity, file, table_name, row_no, column_name, value, "
                         "child, message, expected, how_to_fix FROM import_findings "
                         "WHERE import_id = :id ORDER BY seq",
         soci::use(id));
    for (const soci::row& r : rs) {
      model::Finding f;
      f.rule = r.get<std::string>(0);
      f.severity = severity_from(r.get<std::string>(1));
      f.file = opt_string(r, 2);
      f.table = opt_string(r, 3);
      f.row = r.get_indicator(4) == soci::i_ok ? get_int64(r, 4) : 0;
      f.column = opt_string(r, 5);
      f.value = opt_string(r, 6);
      f.child = opt_string(r, 7);
      f.message = opt_string(r, 8);
      f.expected = opt_string(r, 9);
      f.how_to_fix = opt_string(r, 10);
      out.push_back(std::move(f));
    }
    return out;
  }

  std::optional<std::string> meta(std::string_view key_view) override {
    std::string key(key_view), value;
    soci::indicator ind = soci::i_null;
    sql_ << "SELECT value FROM hearth_meta WHERE key = :k", soci::use(key), soci::into(value, ind);
    if (!sql_.got_data() || ind != soci::i_ok) return std::nullopt;
    return value;
  }

  void set_meta(std::string_view key_view, std::string_view value_view) override {
    std::string key = storable_text(key_view), value = storable_text(value_view);
    sql::WriteTx tr(sql_, *driver_);
    sql_ << "DELETE FROM hearth_meta WHERE key = :k", soci::use(key);
    sql_ << "INSERT INTO hearth_meta (key, value) VALUES (:k, :v)", soci::use(key),
        soci::use(value);
    tr.commit();
  }

  // ---- accounts: users, sessions, login attempts, audit (sql_accounts.cpp) ----
  std::int64_t add_user(const UserRecord& u) override { return accounts_.add_user(u); }
  std::optional<UserRecord> find_user(std::string_view username) override {
    return accounts_.find_user(username);
  }
  std::optional<UserRecord> user_by_id(std::int64_t id) override {
    return accounts_.user_by_id(id);
  }
  std::vector<UserRecord> list_users() override { return accounts_.list_users(); }
  void update_user(const UserRecord& u) override { accounts_.update_user(u); }
  int note_failed_login(std::int64_t user_id, int lock_after,
                        model::Instant locked_until) override {
    return accounts_.note_failed_login(user_id, lock_after, locked_until);
  }
  void note_good_login(std::int64_t user_id, model::Instant at) override {
    accounts_.note_good_login(user_id, at);
  }
  void record_login_attempt(std::string_view ip, std::string_view username, bool ok,
                            model::Instant at, model::Instant forget_before) override {
    accounts_.record_login_attempt(ip, username, ok, at, forget_before);
  }
  std::int64_t failed_logins_from(std::string_view ip, model::Instant since) override {
    return accounts_.failed_logins_from(ip, since);
  }
  LoginFailures login_failures(std::string_view ip, std::string_view username, model::Instant since,
                               model::Instant known_since) override {
    return accounts_.login_failures(ip, username, since, known_since);
  }
  void clear_login_failures(std::string_view username) override {
    accounts_.clear_login_failures(username);
  }
  std::int64_t expire_uploads(model::Instant before) override {
    return accounts_.expire_uploads(before);
  }
  void add_session(const SessionRecord& s) override { accounts_.add_session(s); }
  bool put_sso_request(const SsoRequest& r, model::Instant now, std::int64_t limit) override {
    return accounts_.put_sso_request(r, now, limit);
  }
  std::optional<SsoRequest> take_sso_request(std::string_view state_hash,
                                             model::Instant now) override {
    return accounts_.take_sso_request(state_hash, now);
  }
  std::optional<SessionRecord> find_session(std::string_view token_hash) override {
    return accounts_.find_session(token_hash);
  }
  void touch_session(std::string_view token_hash, model::Instant last_seen) override {
    accounts_.touch_session(token_hash, last_seen);
  }
  void delete_session(std::string_view token_hash) override {
    accounts_.delete_session(token_hash);
  }
  void put_setup_link(std::int64_t user_id, std::string_view token_hash, model::Instant created,
                      model::Instant expires) override {
    accounts_.put_setup_link(user_id, token_hash, created, expires);
  }
  std::optional<std::int64_t> find_setup_link(std::string_view token_hash,
                                              model::Instant now) override {
    return accounts_.find_setup_link(token_hash, now);
  }
  std::optional<std::int64_t> take_setup_link(std::string_view token_hash,
                                              model::Instant now) override {
    return accounts_.take_setup_link(token_hash, now);
  }
  std::int64_t delete_user_sessions(std::int64_t user_id) override {
    return accounts_.delete_user_sessions(user_id);
  }
  std::int64_t delete_expired_sessions(model::Instant created_before,
                                       model::Instant seen_before) override {
    return accounts_.delete_expired_sessions(created_before, seen_before);
  }
  AuditEntry append_audit(AuditEntry e) override { return accounts_.append_audit(std::move(e)); }
  std::vector<AuditEntry> read_audit(std::int64_t from_seq, std::size_t limit) override {
    return accounts_.read_audit(from_seq, limit);
  }
  std::pair<std::int64_t, std::string> audit_head() override { return accounts_.audit_head(); }
  void add_upload(const UploadRecord& u) override { accounts_.add_upload(u); }
  std::optional<UploadRecord> find_upload(std::string_view id) override {
    return accounts_.find_upload(id);
  }
  void set_upload_status(std::string_view id, std::string_view status,
                         std::string_view result) override {
    accounts_.set_upload_status(id, status, result);
  }
  void put_upload_file(std::string_view id, const UploadFile& f) override {
    accounts_.put_upload_file(id, f);
  }
  std::vector<UploadFile> upload_files(std::string_view id, bool with_content) override {
    return accounts_.upload_files(id, with_content);
  }
  void delete_upload_files(std::string_view id) override { accounts_.delete_upload_files(id); }
  std::vector<UploadRecord> open_uploads(std::string_view la) override {
    return accounts_.open_uploads(la);
  }
  FindingNote put_finding_note(const FindingNote& n) override { return notes_.put(n); }
  std::vector<FindingNote> finding_notes(std::string_view la) override {
    return notes_.of_council(la);
  }
  std::optional<FindingNote> finding_note(std::int64_t id) override { return notes_.find(id); }
  bool delete_finding_note(std::int64_t id) override { return notes_.remove(id); }

 private:
  static ImportRecord new_import(const std::string& la, int year, const ImportMeta& meta,
                                 std::size_t findings) {
    ImportRecord rec;
    rec.la = la;
    rec.collection_year = year;
    rec.source = meta.source;
    rec.format = meta.format;
    rec.user = meta.user;
    rec.started_at = model::instant_now();
    rec.findings = static_cast<std::int64_t>(findings);
    rec.accepted_with_findings = meta.accepted_with_findings;
    return rec;
  }

  // Makes concurrent imports of one council's year (0: its local records) wait for each other.
  void lock_year(const std::string& la_in, int year) {
    auto lock = driver_->lock_year_sql();
    if (lock.empty()) return;
    std::string la = la_in;
    soci::statement st =
        (sql_.prepare << std::string(lock), soci::use(la, "la"), soci::use(year, "y"));
    st.execute(true);
  }

  // Records the import; sets rec.id.
  void insert_import(ImportRecord& rec) {
    for (auto* f : {&rec.source, &rec.format, &rec.user}) make_storable(*f);
    int accepted = rec.accepted_with_findings ? 1 : 0;
    long long rows = rec.rows, nfind = rec.findings, replaced = rec.replaced_rows, id = 0;
    const std::string started = model::format_instant(rec.started_at),
                      finished = model::format_instant(rec.finished_at);
    sql_ << "INSERT INTO imports (la, collection_year, source, format, user_name, started_at, "
            "finished_at, row_count, finding_count, replaced_rows, accepted_with_findings) "
            "VALUES (:la, :y, :src, :fmt, :usr, :st, :fin, :rows, :nf, :rep, :acc) RETURNING id",
        soci::use(rec.la), soci::use(rec.collection_year), soci::use(rec.source),
        soci::use(rec.format), soci::use(rec.user), soci::use(started), soci::use(finished),
        soci::use(rows), soci::use(nfind), soci::use(replaced), soci::use(accepted), soci::into(id);
    rec.id = id;
  }

  bool table_exists(const std::string& name) {
    long long n = 0;
    sql_ << std::string(driver_->table_exists_sql()), soci::use(name), soci::into(n);
    return n > 0;
  }

  long long scalar(const std::string& q) {
    long long n = 0;
    soci::indicator ind = soci::i_null;
    sql_ << q, soci::into(n, ind);
    return ind == soci::i_ok ? n : 0;
  }

  static long long get_int64(const soci::row& r, std::size_t i) { return sql::get_int64(r, i); }
  static int get_int(const soci::row& r, std::size_t i) { return sql::get_int(r, i); }
  static std::string opt_string(const soci::row& r, std::size_t i) { return sql::opt_string(r, i); }

  // PostgreSQL array literal element: quoted, with backslash and quote escaped.
  static void append_array_element(std::string& out, const std::string& v, bool null) {
    if (null) {
      out += "NULL";
      return;
    }
    out.push_back('"');
    for (char c : v) {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    out.push_back('"');
  }

  // One statement per batch: every column bound as one array parameter and unnested.
  // The key columns and their placeholders: (la, collection_year, row_no) or (la, row_no).
  static std::string key_columns(const RowSource& src) {
    return src.year ? "la, collection_year, row_no" : "la, row_no";
  }

  void insert_rows_as_arrays(const RowSource& src) {
    const std::size_t n = src.rows;
    const std::size_t ncols = src.ncols;
    const std::size_t batch = driver_->batch_rows();
    std::string names = "r";
    std::string arrays = "CAST(:r AS integer[])";
    for (std::size_t c = 0; c < ncols; ++c) {
      names += ", c" + std::to_string(c);
      arrays += ", CAST(:c" + std::to_string(c) + " AS text[])";
    }
    std::string select = "r";
    for (std::size_t c = 0; c < ncols; ++c) select += ", c" + std::to_string(c);
    std::string q = "INSERT INTO " + src.table + " (" + key_columns(src) + ", " + src.columns +
                    ") SELECT :la, " + (src.year ? ":y, " : "") + select + " FROM unnest(" +
                    arrays + ") AS u(" + names + ")";
    std::string la = src.la;
    int year = src.year.value_or(0);
    std::vector<std::string> cells;
    std::string row_array;
    std::vector<std::string> col_arrays(ncols);
    for (std::size_t start = 0; start < n; start += batch) {
      std::size_t m = std::min(batch, n - start);
      row_array = "{";
      for (auto& a : col_arrays) a = "{";
      for (std::size_t i = 0; i < m; ++i) {
        src.write(start + i, cells);
        for (auto& cell : cells) make_storable(cell);  // any bytes: model/text.hpp
        if (i) {
          row_array.push_back(',');
          for (auto& a : col_arrays) a.push_back(',');
        }
        row_array += std::to_string(start + i + 1);
        for (std::size_t c = 0; c < ncols; ++c)
          append_array_element(col_arrays[c], cells[c], cells[c].empty());
      }
      row_array.push_back('}');
      for (auto& a : col_arrays) a.push_back('}');
      soci::statement st(sql_);
      st.alloc();
      st.prepare(q);
      st.exchange(soci::use(la));
      if (src.year) st.exchange(soci::use(year));
      st.exchange(soci::use(row_array));
      for (std::size_t c = 0; c < ncols; ++c) st.exchange(soci::use(col_arrays[c]));
      st.define_and_bind();
      st.execute(true);
    }
  }

  void insert_rows(const RowSource& src) {
    const std::size_t n = src.rows;
    if (n == 0) return;
    if (driver_->binds_arrays()) {
      insert_rows_as_arrays(src);
      return;
    }
    const std::size_t ncols = src.ncols;
    // Fewer rows per batch for wide tables keeps within SQLite's bound-parameter limit.
    const std::size_t batch = std::min(n, driver_->batch_rows());
    std::string q = "INSERT INTO " + src.table + " (" + key_columns(src) + ", " + src.columns +
                    ") VALUES (:la, " + (src.year ? ":y, " : "") + ":r";
    for (std::size_t c = 0; c < ncols; ++c) q += ", :c" + std::to_string(c);
    q += ")";

    std::vector<std::string> las(batch, src.la);
    std::vector<int> years(batch, src.year.value_or(0));
    std::vector<int> row_nos(batch);
    std::vector<std::vector<std::string>> values(ncols, std::vector<std::string>(batch));
    std::vector<std::vector<soci::indicator>> inds(ncols, std::vector<soci::indicator>(batch));
    std::vector<std::string> cells;
    for (std::size_t start = 0; start < n; start += batch) {
      std::size_t m = std::min(batch, n - start);
      if (m != las.size()) {  // the last, shorter batch
        las.resize(m);
        years.resize(m);
        row_nos.resize(m);
        for (auto& v : values) v.resize(m);
        for (auto& v : inds) v.resize(m);
      }
      for (std::size_t i = 0; i < m; ++i) {
        src.write(start + i, cells);
        for (auto& cell : cells) make_storable(cell);  // any bytes: model/text.hpp
        row_nos[i] = static_cast<int>(start + i + 1);
        for (std::size_t c = 0; c < ncols; ++c) {
          inds[c][i] = cells[c].empty() ? soci::i_null : soci::i_ok;
          values[c][i].swap(cells[c]);
        }
      }
      // A statement per batch: SOCI 4.0's PostgreSQL backend converts bound vectors once per
      // statement, so re-executing one statement would insert the first batch again.
      soci::statement st(sql_);
      st.alloc();
      st.prepare(q);
      st.exchange(soci::use(las));
      if (src.year) st.exchange(soci::use(years));
      st.exchange(soci::use(row_nos));
      for (std::size_t c = 0; c < ncols; ++c) st.exchange(soci::use(values[c], inds[c]));
      st.define_and_bind();
      st.execute(true);
    }
  }

  void load_rows(const ssda903::TableInfo& info, model::Return& ret) {
    std::string q = "SELECT " + column_list(info) + " FROM " + table_name(info.kind) +
                    " WHERE la = :la AND collection_year = :y ORDER BY row_no";
    std::vector<ssda903::RowProblem> problems;
    load_cells(q, info.columns.size(), ret.la, ret.year.end_year,
               [&](std::span<const std::string_view> cells) {
                 problems.clear();
                 ssda903::read_row(info.kind, cells, ret, problems);
                 if (!problems.empty())
                   throw std::runtime_error(
                       "stored row of " + table_name(info.kind) +
                       " cannot be read back: " + problems.front().problem.rule + " in " +
                       std::string(info.columns[problems.front().column].name));
               });
  }

  // Runs `q` (parameters :la and, when given, :y) and hands each row's cells to `take`.
  void load_cells(const std::string& q, std::size_t ncols, const std::string& la_in,
                  std::optional<int> year_in,
                  const std::function<void(std::span<const std::string_view>)>& take) {
    // The fetch buffers are the store's, kept from one statement to the next: a snapshot reads
    // every table of every return (thousands of statements on a national store), and buffers
    // made anew for each cost more in page faults than reading the rows (docs/performance.md).
    const std::size_t batch = 5000;
    if (cell_buffers_.size() < ncols) {
      cell_buffers_.resize(ncols);
      indicator_buffers_.resize(ncols);
    }
    auto& values = cell_buffers_;
    auto& inds = indicator_buffers_;
    for (std::size_t c = 0; c < ncols; ++c) {
      values[c].resize(batch);
      inds[c].resize(batch);
    }
    soci::statement st(sql_);
    st.alloc();
    st.prepare(q);
    for (std::size_t c = 0; c < ncols; ++c) st.exchange(soci::into(values[c], inds[c]));
    std::string la = la_in;
    int year = year_in.value_or(0);
    st.exchange(soci::use(la));
    if (year_in) st.exchange(soci::use(year));
    st.define_and_bind();
    std::vector<std::string_view> cells(ncols);
    bool more = st.execute(true);
    while (more) {
      std::size_t m = values[0].size();
      for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t c = 0; c < ncols; ++c)
          cells[c] = inds[c][i] == soci::i_ok ? std::string_view(values[c][i]) : std::string_view{};
        take(cells);
      }
      more = st.fetch();
    }
  }

  void insert_findings(long long import_id, std::span<const model::Finding> findings) {
    if (findings.empty()) return;
    const std::size_t n = findings.size();
    std::vector<long long> ids(n, import_id);
    std::vector<int> seq(n);
    std::vector<std::string> rule(n), sev(n), file(n), table(n), column(n), value(n), child(n),
        message(n), expected(n), fix(n);
    std::vector<long long> row(n);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& f = findings[i];
      seq[i] = static_cast<int>(i + 1);
      // A finding quotes what the file held: make it storable whatever its bytes.
      rule[i] = storable_text(f.rule);
      sev[i] = std::string(severity_text(f.severity));
      file[i] = storable_text(f.file);
      table[i] = storable_text(f.table);
      row[i] = f.row;
      column[i] = storable_text(f.column);
      value[i] = storable_text(f.value);
      child[i] = storable_text(f.child);
      message[i] = storable_text(f.message);
      expected[i] = storable_text(f.expected);
      fix[i] = storable_text(f.how_to_fix);
    }
    sql_ << "INSERT INTO import_findings (import_id, seq, rule, severity, file, table_name, "
            "row_no, column_name, value, child, message, expected, how_to_fix) VALUES "
            "(:i, :s, :r, :sv, :f, :t, :rn, :c, :v, :ch, :m, :e, :h)",
        soci::use(ids), soci::use(seq), soci::use(rule), soci::use(sev), soci::use(file),
        soci::use(table), soci::use(row), soci::use(column), soci::use(value), soci::use(child),
        soci::use(message), soci::use(expected), soci::use(fix);
  }

  std::unique_ptr<Driver> driver_;
  soci::session sql_;
  // load_cells's fetch buffers (a column's cells, and whether each is null), reused.
  std::vector<std::vector<std::string>> cell_buffers_;
  std::vector<std::vector<soci::indicator>> indicator_buffers_;
  SqlAccounts accounts_;
  SqlFindingNotes notes_;
  SqlVoice voice_;
  SqlGovernance governance_;
  SqlCommentary commentary_;
};

}  // namespace

std::unique_ptr<Store> make_sql_store(std::unique_ptr<Driver> driver) {
  return std::make_unique<SqlStore>(std::move(driver));
}

std::unique_ptr<Store> open_store(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);  // sqlite:///abs/path
    if (path.empty()) throw std::invalid_argument("the sqlite: URL names no file");
    return make_sql_store(make_sqlite_driver(path));
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return make_sql_store(make_postgres_driver(url));
  }
  throw std::invalid_argument("unknown store URL '" + redact_url(url) +
                              "': use sqlite:PATH or postgresql://USER@HOST:PORT/DB");
}

}  // namespace hearth::store
