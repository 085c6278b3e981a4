// Users, sessions, login attempts and the audit log in SQL: one code path for SQLite and
// PostgreSQL (the dialect's differences — how to take the write lock, how to lock the audit
// head — come from the driver).
#include "store/sql_accounts.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "model/text.hpp"
#include "services/errors.hpp"
#include "store/sql_util.hpp"

namespace hearth::store {

using model::escaped_text;
using model::make_storable;
using model::storable_text;

namespace {

std::string join(const std::vector<std::string>& v, char sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out.push_back(sep);
    out += v[i];
  }
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t start = 0;
  while (true) {
    auto end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

constexpr const char* kUserColumns =
    "id, username, display_name, role, password_hash, councils, worker, teams, child, disabled, "
    "demo, failed_logins, locked_until, created_at, password_changed_at, last_login_at, email, "
    "sso_only, sso_subject";

// Instants as the tables keep them: ISO 8601 text (users, the audit log: "" for none) or Unix
// seconds (sessions, login attempts, uploads).
std::string instant_text(const std::optional<model::Instant>& t) {
  return t ? model::format_instant(*t) : std::string();
}
std::optional<model::Instant> instant_from_text(const std::string& s) {
  return s.empty() ? std::nullopt : model::parse_instant(s);
}
long long seconds(model::Instant t) {
  return model::unix_seconds(t);
}

UserRecord user_from(const soci::row& r) {
  UserRecord u;
  u.id = sql::get_int64(r, 0);
  u.username = r.get<std::string>(1);
  u.display_name = r.get<std::string>(2);
  u.role = r.get<std::string>(3);
  u.password_hash = r.get<std::string>(4);
  u.councils = split(r.get<std::string>(5), ',');
  u.worker = r.get<std::string>(6);
  u.teams = split(r.get<std::string>(7), '\n');
  u.child = r.get<std::string>(8);
  u.disabled = sql::get_int(r, 9) != 0;
  u.demo = sql::get_int(r, 10) != 0;
  u.failed_logins = sql::get_int(r, 11);
  u.locked_until = instant_from_text(r.get<std::string>(12));
  u.created_at = instant_from_text(r.get<std::string>(13)).value_or(model::Instant{});
  u.password_changed_at = instant_from_text(r.get<std::string>(14)).value_or(model::Instant{});
  u.last_login_at = instant_from_text(r.get<std::string>(15));
  u.email = r.get<std::string>(16);
  u.sso_only = sql::get_int(r, 17) != 0;
  u.sso_subject = r.get<std::string>(18);
  return u;
}

// A user's text fields as the database can keep them (model/text.hpp).
UserRecord storable(UserRecord u) {
  for (auto* f :
       {&u.username, &u.display_name, &u.role, &u.worker, &u.child, &u.email, &u.sso_subject})
    make_storable(*f);
  for (auto& c : u.councils) make_storable(c);
  for (auto& t : u.teams) make_storable(t);
  return u;
}

using sql::WriteLock;
using sql::WriteTx;

}  // namespace

std::string audit_hash(const AuditEntry& e) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  auto add = [&](const std::string& field) {
    // Length-prefixed, so no two different entries hash the same text.
    std::string len = std::to_string(field.size()) + ":";
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(len.data()), len.size());
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(field.data()),
                              field.size());
  };
  add(e.prev_hash);
  add(std::to_string(e.seq));
  add(model::format_instant_ms(e.at));
  add(e.actor);
  add(e.role);
  add(e.action);
  add(e.resource);
  add(e.outcome);
  add(e.detail);
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, out);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : out) {
    hex.push_back(kHex[c >> 4]);
    hex.push_back(kHex[c & 15]);
  }
  return hex;
}

std::int64_t insert_user(soci::session& sql, const UserRecord& given) {
  const UserRecord u = storable(given);
  std::string councils = join(u.councils, ','), teams = join(u.teams, '\n');
  int disabled = u.disabled ? 1 : 0, demo = u.demo ? 1 : 0, failed = u.failed_logins,
      sso_only = u.sso_only ? 1 : 0;
  long long id = 0;
  const std::string locked = instant_text(u.locked_until), created = instant_text(u.created_at),
                    changed = instant_text(u.password_changed_at),
                    last_login = instant_text(u.last_login_at);
  sql << "INSERT INTO users (username, display_name, role, password_hash, councils, worker, "
         "teams, child, disabled, demo, failed_logins, locked_until, created_at, "
         "password_changed_at, last_login_at, email, sso_only, sso_subject) VALUES (:u, :dn, :r, "
         ":ph, "
         ":c, :w, :t, :ch, :d, :demo, :f, :lu, :ca, :pc, :ll, :em, :so, :ss) RETURNING id",
      soci::use(u.username), soci::use(u.display_name), soci::use(u.role),
      soci::use(u.password_hash), soci::use(councils), soci::use(u.worker), soci::use(teams),
      soci::use(u.child), soci::use(disabled), soci::use(demo), soci::use(failed),
      soci::use(locked), soci::use(created), soci::use(changed), soci::use(last_login),
      soci::use(u.email), soci::use(sso_only), soci::use(u.sso_subject), soci::into(id);
  return id;
}

std::int64_t SqlAccounts::add_user(const UserRecord& given) {
  const UserRecord u = storable(given);
  if (find_user(u.username))
    throw services::conflict("user_exists", "there is already a user " + u.username,
                             {{"username", u.username}});
  WriteLock turn(driver_);
  return insert_user(sql_, u);
}

std::optional<UserRecord> SqlAccounts::find_user(std::string_view username_view) {
  std::string username = storable_text(username_view);
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kUserColumns + " FROM users WHERE username = :u",
       soci::use(username));
  for (const soci::row& r : rs) return user_from(r);
  return std::nullopt;
}

std::optional<UserRecord> SqlAccounts::user_by_id(std::int64_t id_in) {
  long long id = id_in;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kUserColumns + " FROM users WHERE id = :id",
       soci::use(id));
  for (const soci::row& r : rs) return user_from(r);
  return std::nullopt;
}

std::vector<UserRecord> SqlAccounts::list_users() {
  std::vector<UserRecord> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username");
  for (const soci::row& r : rs) out.push_back(user_from(r));
  return out;
}

void SqlAccounts::update_user(const UserRecord& given) {
  const UserRecord u = storable(given);
  std::string councils = join(u.councils, ','), teams = join(u.teams, '\n');
  int disabled = u.disabled ? 1 : 0, demo = u.demo ? 1 : 0, failed = u.failed_logins,
      sso_only = u.sso_only ? 1 : 0;
  long long id = u.id;
  const std::string locked = instant_text(u.locked_until),
                    changed = instant_text(u.password_changed_at),
                    last_login = instant_text(u.last_login_at);
  WriteLock turn(driver_);
  sql_ << "UPDATE users SET display_name = :dn, role = :r, password_hash = :ph, councils = :c, "
          "worker = :w, teams = :t, child = :ch, disabled = :d, demo = :demo, failed_logins = :f, "
          "locked_until = :lu, password_changed_at = :pc, last_login_at = :ll, email = :em, "
          "sso_only = :so, sso_subject = :ss WHERE id = :id",
      soci::use(u.display_name), soci::use(u.role), soci::use(u.password_hash), soci::use(councils),
      soci::use(u.worker), soci::use(teams), soci::use(u.child), soci::use(disabled),
      soci::use(demo), soci::use(failed), soci::use(locked), soci::use(changed),
      soci::use(last_login), soci::use(u.email), soci::use(sso_only), soci::use(u.sso_subject),
      soci::use(id);
}

int SqlAccounts::note_failed_login(std::int64_t user_id, int lock_after,
                                   model::Instant locked_until) {
  long long id = user_id;
  const std::string until = model::format_instant(locked_until);
  WriteTx tx(sql_, driver_);
  sql_ << "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = :id", soci::use(id);
  int count = 0;
  sql_ << "SELECT failed_logins FROM users WHERE id = :id", soci::use(id), soci::into(count);
  if (count >= lock_after)
    sql_ << "UPDATE users SET locked_until = :lu WHERE id = :id", soci::use(until), soci::use(id);
  tx.commit();
  return count;
}

void SqlAccounts::note_good_login(std::int64_t user_id, model::Instant when) {
  long long id = user_id;
  const std::string at = model::format_instant(when);
  WriteLock turn(driver_);
  sql_ << "UPDATE users SET failed_logins = 0, locked_until = '', last_login_at = :at "
          "WHERE id = :id",
      soci::use(at), soci::use(id);
}

void SqlAccounts::record_login_attempt(std::string_view ip_view, std::string_view user_view,
                                       bool ok_in, model::Instant at_in,
                                       model::Instant forget_before) {
  std::string ip = storable_text(ip_view), username = storable_text(user_view);
  long long at = seconds(at_in), forget = seconds(forget_before);
  int ok = ok_in ? 1 : 0;
  WriteTx tx(sql_, driver_);
  sql_ << "DELETE FROM login_attempts WHERE at < :f", soci::use(forget);
  sql_ << "INSERT INTO login_attempts (at, ip, username, ok) VALUES (:at, :ip, :u, :ok)",
      soci::use(at), soci::use(ip), soci::use(username), soci::use(ok);
  tx.commit();
}

std::int64_t SqlAccounts::failed_logins_from(std::string_view ip_view, model::Instant since_in) {
  std::string ip = storable_text(ip_view);
  long long since = seconds(since_in), n = 0;
  sql_ << "SELECT COUNT(*) FROM login_attempts WHERE ip = :ip AND at >= :s AND ok = 0",
      soci::use(ip), soci::use(since), soci::into(n);
  return n;
}

LoginFailures SqlAccounts::login_failures(std::string_view ip_view, std::string_view user_view,
                                          model::Instant since_in, model::Instant known_since_in) {
  std::string ip = storable_text(ip_view), username = storable_text(user_view);
  long long since = seconds(since_in), known_since = seconds(known_since_in), last_ok = -1,
            here = 0, all = 0, known = 0;
  soci::indicator ind = soci::i_null;
  sql_ << "SELECT MAX(at) FROM login_attempts WHERE ip = :ip AND username = :u AND ok = 1",
      soci::use(ip), soci::use(username), soci::into(last_ok, ind);
  if (ind != soci::i_ok) last_ok = -1;
  long long from = std::max(since, last_ok + 1);
  sql_ << "SELECT COUNT(*) FROM login_attempts WHERE ip = :ip AND username = :u AND ok = 0 "
          "AND at >= :s",
      soci::use(ip), soci::use(username), soci::use(from), soci::into(here);
  sql_ << "SELECT COUNT(*) FROM login_attempts WHERE username = :u AND ok = 0 AND at >= :s",
      soci::use(username), soci::use(since), soci::into(all);
  known = (ind == soci::i_ok && last_ok >= known_since) ? 1 : 0;
  LoginFailures out;
  out.here = here;
  out.everywhere = all;
  out.known_address = known != 0;
  return out;
}

void SqlAccounts::clear_login_failures(std::string_view user_view) {
  std::string username = storable_text(user_view);
  WriteLock turn(driver_);
  sql_ << "DELETE FROM login_attempts WHERE username = :u AND ok = 0", soci::use(username);
}

void SqlAccounts::add_session(const SessionRecord& given) {
  SessionRecord s = given;
  make_storable(s.ip);
  make_storable(s.user_agent);
  long long uid = s.user_id, created = seconds(s.created), seen = seconds(s.last_seen);
  int sso = s.sso ? 1 : 0;
  WriteLock turn(driver_);
  sql_ << "INSERT INTO sessions (token_hash, user_id, csrf, created, last_seen, ip, user_agent, "
          "sso) VALUES (:t, :u, :c, :cr, :ls, :ip, :ua, :sso)",
      soci::use(s.token_hash), soci::use(uid), soci::use(s.csrf), soci::use(created),
      soci::use(seen), soci::use(s.ip), soci::use(s.user_agent), soci::use(sso);
}

std::optional<SessionRecord> SqlAccounts::find_session(std::string_view token_view) {
  std::string token(token_view);
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT token_hash, user_id, csrf, created, last_seen, ip, user_agent, "
                       "sso FROM sessions WHERE token_hash = :t",
       soci::use(token));
  for (const soci::row& r : rs) {
    SessionRecord s;
    s.token_hash = r.get<std::string>(0);
    s.user_id = sql::get_int64(r, 1);
    s.csrf = r.get<std::string>(2);
    s.created = model::from_unix_seconds(sql::get_int64(r, 3));
    s.last_seen = model::from_unix_seconds(sql::get_int64(r, 4));
    s.ip = r.get<std::string>(5);
    s.user_agent = r.get<std::string>(6);
    s.sso = sql::get_int(r, 7) != 0;
    return s;
  }
  return std::nullopt;
}

void SqlAccounts::touch_session(std::string_view token_view, model::Instant last_seen) {
  std::string token(token_view);
  long long seen = seconds(last_seen);
  WriteLock turn(driver_);
  sql_ << "UPDATE sessions SET last_seen = :s WHERE token_hash = :t AND last_seen < :s2",
      soci::use(seen), soci::use(token), soci::use(seen);
}

void SqlAccounts::delete_session(std::string_view token_view) {
  std::string token(token_view);
  WriteLock turn(driver_);
  sql_ << "DELETE FROM sessions WHERE token_hash = :t", soci::use(token);
}

void SqlAccounts::put_setup_link(std::int64_t user_id, std::string_view token_hash,
                                 model::Instant created, model::Instant expires) {
  long long id = user_id, c = seconds(created), e = seconds(expires);
  std::string hash(token_hash);
  WriteTx tx(sql_, driver_);
  sql_ << "DELETE FROM setup_links WHERE user_id = :id", soci::use(id);
  sql_ << "INSERT INTO setup_links (token_hash, user_id, created, expires) VALUES (:h, :id, :c, "
          ":e)",
      soci::use(hash), soci::use(id), soci::use(c), soci::use(e);
  tx.commit();
}

std::optional<std::int64_t> SqlAccounts::find_setup_link(std::string_view token_hash,
                                                         model::Instant now) {
  std::string hash(token_hash);
  long long at = seconds(now), id = 0;
  soci::indicator found = soci::i_null;
  sql_ << "SELECT user_id FROM setup_links WHERE token_hash = :h AND expires > :at",
      soci::use(hash), soci::use(at), soci::into(id, found);
  if (found != soci::i_ok) return std::nullopt;
  return id;
}

std::optional<std::int64_t> SqlAccounts::take_setup_link(std::string_view token_hash,
                                                         model::Instant now) {
  std::string hash(token_hash);
  long long at = seconds(now), id = 0;
  soci::indicator found = soci::i_null;
  WriteTx tx(sql_, driver_);
  sql_ << "SELECT user_id FROM setup_links WHERE token_hash = :h AND expires > :at",
      soci::use(hash), soci::use(at), soci::into(id, found);
  // the write transaction holds the row: a second taker waits, then finds it gone
  soci::statement del =
      (sql_.prepare << "DELETE FROM setup_links WHERE token_hash = :h", soci::use(hash));
  del.execute(true);
  const bool taken = del.get_affected_rows() == 1;
  sql_ << "DELETE FROM setup_links WHERE expires <= :at", soci::use(at);
  tx.commit();
  if (found != soci::i_ok || !taken) return std::nullopt;
  return id;
}

bool SqlAccounts::put_sso_request(const SsoRequest& r, model::Instant now_in, std::int64_t limit) {
  SsoRequest q = r;
  make_storable(q.return_to);
  long long now = seconds(now_in), expires = seconds(q.expires), waiting = 0;
  WriteTx tx(sql_, driver_);
  sql_ << "DELETE FROM sso_requests WHERE expires <= :now", soci::use(now);
  sql_ << "SELECT COUNT(*) FROM sso_requests", soci::into(waiting);
  if (waiting >= limit) {
    tx.commit();  // the expired ones go; the new one is not kept
    return false;
  }
  sql_ << "INSERT INTO sso_requests (state_hash, browser_hash, nonce, verifier, return_to, "
          "expires) VALUES (:s, :b, :n, :v, :r, :e)",
      soci::use(q.state_hash), soci::use(q.browser_hash), soci::use(q.nonce), soci::use(q.verifier),
      soci::use(q.return_to), soci::use(expires);
  tx.commit();
  return true;
}

std::optional<SsoRequest> SqlAccounts::take_sso_request(std::string_view state_hash,
                                                        model::Instant now_in) {
  std::string hash(state_hash);
  long long now = seconds(now_in);
  std::optional<SsoRequest> found;
  WriteTx tx(sql_, driver_);
  {
    soci::rowset<soci::row> rs =
        (sql_.prepare << "SELECT state_hash, browser_hash, nonce, verifier, return_to, expires "
                         "FROM sso_requests WHERE state_hash = :s AND expires > :now",
         soci::use(hash), soci::use(now));
    for (const soci::row& row : rs) {
      SsoRequest q;
      q.state_hash = row.get<std::string>(0);
      q.browser_hash = row.get<std::string>(1);
      q.nonce = row.get<std::string>(2);
      q.verifier = row.get<std::string>(3);
      q.return_to = row.get<std::string>(4);
      q.expires = model::from_unix_seconds(sql::get_int64(row, 5));
      found = std::move(q);
    }
  }
  // the write transaction holds the row: a second taker waits, then finds it gone
  soci::statement del =
      (sql_.prepare << "DELETE FROM sso_requests WHERE state_hash = :s", soci::use(hash));
  del.execute(true);
  const bool taken = del.get_affected_rows() == 1;
  sql_ << "DELETE FROM sso_requests WHERE expires <= :now", soci::use(now);
  tx.commit();
  if (!taken) return std::nullopt;
  return found;
}

std::int64_t SqlAccounts::delete_user_sessions(std::int64_t user_id) {
  long long id = user_id, n = 0;
  WriteTx tx(sql_, driver_);
  sql_ << "SELECT COUNT(*) FROM sessions WHERE user_id = :id", soci::use(id), soci::into(n);
  sql_ << "DELETE FROM sessions WHERE user_id = :id", soci::use(id);
  tx.commit();
  return n;
}

std::int64_t SqlAccounts::delete_expired_sessions(model::Instant created_before,
                                                  model::Instant seen_before) {
  long long c = seconds(created_before), s = seconds(seen_before), n = 0;
  WriteTx tx(sql_, driver_);
  sql_ << "SELECT COUNT(*) FROM sessions WHERE created < :c OR last_seen < :s", soci::use(c),
      soci::use(s), soci::into(n);
  sql_ << "DELETE FROM sessions WHERE created < :c OR last_seen < :s", soci::use(c), soci::use(s);
  tx.commit();
  return n;
}

// The audit log's two writes, prepared once per connection (an audited read appends one entry,
// so this runs for most requests): their parameters are bound to these fields.
struct SqlAccounts::AuditStatements {
  AuditEntry e;
  long long seq = 0;
  std::string at;  // e.at as the column keeps it
  soci::statement insert, advance;
  explicit AuditStatements(soci::session& sql)
      : insert((sql.prepare << "INSERT INTO audit_log (seq, at, actor, role, action, resource, "
                               "outcome, detail, prev_hash, hash) VALUES (:s, :at, :a, :r, :ac, "
                               ":res, :o, :d, :p, :h)",
                soci::use(seq), soci::use(at), soci::use(e.actor), soci::use(e.role),
                soci::use(e.action), soci::use(e.resource), soci::use(e.outcome),
                soci::use(e.detail), soci::use(e.prev_hash), soci::use(e.hash))),
        advance((sql.prepare << "UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1",
                 soci::use(seq), soci::use(e.hash))) {}
};

SqlAccounts::SqlAccounts(soci::session& sql, const Driver& driver) : sql_(sql), driver_(driver) {}
SqlAccounts::~SqlAccounts() = default;

AuditEntry SqlAccounts::append_audit(AuditEntry e) {
  if (e.at == model::Instant{}) e.at = model::instant_now();
  if (e.detail.empty()) e.detail = "{}";
  // What is hashed is exactly what is stored: control characters escaped, invalid UTF-8
  // replaced (a NUL would otherwise be cut off by PostgreSQL after the hash covered it).
  for (auto* f : {&e.actor, &e.role, &e.action, &e.resource, &e.outcome, &e.detail})
    *f = escaped_text(*f);
  // Prepared outside the transaction: a failure to prepare leaves nothing half done.
  if (!audit_) audit_ = std::make_unique<AuditStatements>(sql_);
  WriteTx tx(sql_, driver_);
  // The head, locked until the commit where other processes share the database (PostgreSQL:
  // FOR UPDATE; SQLite: BEGIN IMMEDIATE already holds the only write lock).
  long long head_seq = 0;
  std::string head_hash;
  sql_ << std::string(driver_.audit_head_sql()), soci::into(head_seq), soci::into(head_hash);
  e.seq = head_seq + 1;
  e.prev_hash = std::move(head_hash);
  e.hash = audit_hash(e);
  auto& a = *audit_;
  a.e = std::move(e);
  a.seq = a.e.seq;
  a.at = model::format_instant_ms(a.e.at);
  a.insert.execute(true);
  a.advance.execute(true);
  tx.commit();
  return std::move(a.e);
}

std::vector<AuditEntry> SqlAccounts::read_audit(std::int64_t from_seq, std::size_t limit) {
  std::vector<AuditEntry> out;
  long long from = from_seq, n = static_cast<long long>(limit);
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT seq, at, actor, role, action, resource, outcome, detail, "
                       "prev_hash, hash FROM audit_log WHERE seq >= :f ORDER BY seq LIMIT :n",
       soci::use(from), soci::use(n));
  for (const soci::row& r : rs) {
    AuditEntry e;
    e.seq = sql::get_int64(r, 0);
    // Text that is not an instant as written reads as the epoch: its hash no longer matches.
    e.at = model::parse_instant(r.get<std::string>(1)).value_or(model::Instant{});
    e.actor = r.get<std::string>(2);
    e.role = r.get<std::string>(3);
    e.action = r.get<std::string>(4);
    e.resource = r.get<std::string>(5);
    e.outcome = r.get<std::string>(6);
    e.detail = r.get<std::string>(7);
    e.prev_hash = r.get<std::string>(8);
    e.hash = r.get<std::string>(9);
    out.push_back(std::move(e));
  }
  return out;
}

std::pair<std::int64_t, std::string> SqlAccounts::audit_head() {
  long long seq = 0;
  std::string hash;
  sql_ << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(hash);
  return {seq, hash};
}

// ---- web imports in progress ----------------------------------------------------------------
// File contents are kept as base64 text: a 903 file may be in any encoding, and PostgreSQL's
// TEXT takes only valid UTF-8.

std::string sql::random_hex(std::size_t bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  return hex;
}

std::string sql::to_base64(std::string_view bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

// Not libsodium's decoder: it takes constant time, for secrets, and was a sixth of a start that
// reads the saved dataset back (165 MB of base64; docs/performance.md). Decodes in place.
std::string sql::from_base64(std::string text, std::string_view what) {
  static constexpr auto kValue = [] {
    std::array<std::int8_t, 256> t{};
    t.fill(-1);
    constexpr std::string_view abc =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (std::size_t i = 0; i < abc.size(); ++i)
      t[static_cast<unsigned char>(abc[i])] = static_cast<std::int8_t>(i);
    return t;
  }();
  const std::size_t n = text.size();
  auto bad = [&] { return std::runtime_error(std::string(what) + " is not valid base64"); };
  if (n % 4 != 0) throw bad();
  const std::size_t pad = n == 0 ? 0 : text[n - 1] != '=' ? 0 : text[n - 2] != '=' ? 1 : 2;
  const auto* in = reinterpret_cast<const unsigned char*>(text.data());
  char* out = text.data();  // never ahead of what is still to be read
  std::size_t o = 0;
  for (std::size_t i = 0; i < n; i += 4) {
    const bool last = i + 4 == n;
    const int a = kValue[in[i]], b = kValue[in[i + 1]];
    const int c = last && pad == 2 ? 0 : kValue[in[i + 2]];
    const int d = last && pad >= 1 ? 0 : kValue[in[i + 3]];
    if ((a | b | c | d) < 0) throw bad();
    const std::uint32_t v = static_cast<std::uint32_t>(a << 18 | b << 12 | c << 6 | d);
    out[o++] = static_cast<char>(v >> 16);
    if (!(last && pad == 2)) out[o++] = static_cast<char>((v >> 8) & 0xff);
    if (!(last && pad >= 1)) out[o++] = static_cast<char>(v & 0xff);
  }
  text.resize(o);
  return text;
}

void SqlAccounts::add_upload(const UploadRecord& given) {
  UploadRecord u = given;
  for (auto* f : {&u.id, &u.la, &u.kind, &u.user, &u.status, &u.result}) make_storable(*f);
  long long created = seconds(u.created);
  WriteLock turn(driver_);
  sql_ << "INSERT INTO uploads (id, la, kind, collection_year, user_name, created, status, "
          "result) VALUES (:id, :la, :k, :y, :u, :c, :s, :r)",
      soci::use(u.id), soci::use(u.la), soci::use(u.kind), soci::use(u.collection_year),
      soci::use(u.user), soci::use(created), soci::use(u.status), soci::use(u.result);
}

namespace {

UploadRecord upload_from(const soci::row& r) {
  UploadRecord u;
  u.id = r.get<std::string>(0);
  u.la = r.get<std::string>(1);
  u.kind = r.get<std::string>(2);
  u.collection_year = sql::get_int(r, 3);
  u.user = r.get<std::string>(4);
  u.created = model::from_unix_seconds(sql::get_int64(r, 5));
  u.status = r.get<std::string>(6);
  u.result = r.get<std::string>(7);
  return u;
}

}  // namespace

std::optional<UploadRecord> SqlAccounts::find_upload(std::string_view id_view) {
  std::string id = storable_text(id_view);
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, la, kind, collection_year, user_name, created, status, result "
                       "FROM uploads WHERE id = :id",
       soci::use(id));
  for (const soci::row& r : rs) return upload_from(r);
  return std::nullopt;
}

std::vector<UploadRecord> SqlAccounts::open_uploads(std::string_view la_view) {
  std::string la = storable_text(la_view);
  std::vector<UploadRecord> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, la, kind, collection_year, user_name, created, status, '' "
                       "FROM uploads WHERE la = :la AND status IN ('open', 'checked') "
                       "ORDER BY created DESC",
       soci::use(la));
  for (const soci::row& r : rs) out.push_back(upload_from(r));
  return out;
}

void SqlAccounts::set_upload_status(std::string_view id_view, std::string_view status_view,
                                    std::string_view result_view) {
  std::string id = storable_text(id_view), status = storable_text(status_view),
              result = storable_text(result_view);
  WriteLock turn(driver_);
  sql_ << "UPDATE uploads SET status = :s, result = :r WHERE id = :id", soci::use(status),
      soci::use(result), soci::use(id);
}

void SqlAccounts::put_upload_file(std::string_view id_view, const UploadFile& f) {
  std::string id = storable_text(id_view), name = storable_text(f.name),
              content = sql::to_base64(f.content);
  long long size = static_cast<long long>(f.content.size());
  WriteTx tx(sql_, driver_);
  sql_ << "DELETE FROM upload_files WHERE upload_id = :id AND name = :n", soci::use(id),
      soci::use(name);
  sql_ << "INSERT INTO upload_files (upload_id, name, size, content) VALUES (:id, :n, :s, :c)",
      soci::use(id), soci::use(name), soci::use(size), soci::use(content);
  tx.commit();
}

std::vector<UploadFile> SqlAccounts::upload_files(std::string_view id_view, bool with_content) {
  std::string id = storable_text(id_view);
  std::vector<UploadFile> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT name, size") + (with_content ? ", content" : "") +
                           " FROM upload_files WHERE upload_id = :id ORDER BY name",
       soci::use(id));
  for (const soci::row& r : rs) {
    UploadFile f;
    f.name = r.get<std::string>(0);
    f.size = sql::get_int64(r, 1);
    if (with_content) f.content = sql::from_base64(r.get<std::string>(2), "a stored upload");
    out.push_back(std::move(f));
  }
  return out;
}

std::int64_t SqlAccounts::expire_uploads(model::Instant before_in) {
  long long before = seconds(before_in), n = 0;
  WriteTx tx(sql_, driver_);
  sql_ << "SELECT COUNT(*) FROM uploads WHERE created < :b AND status IN ('open', 'checked')",
      soci::use(before), soci::into(n);
  if (n > 0) {
    sql_ << "DELETE FROM upload_files WHERE upload_id IN (SELECT id FROM uploads WHERE created < "
            ":b AND status IN ('open', 'checked'))",
        soci::use(before);
    sql_ << "UPDATE uploads SET status = 'expired' WHERE created < :b AND status IN ('open', "
            "'checked')",
        soci::use(before);
  }
  tx.commit();
  return n;
}

void SqlAccounts::delete_upload_files(std::string_view id_view) {
  std::string id = storable_text(id_view);
  WriteLock turn(driver_);
  sql_ << "DELETE FROM upload_files WHERE upload_id = :id", soci::use(id);
}

}  // namespace hearth::store
