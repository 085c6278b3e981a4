#include "store/sql_voice.hpp"

#include <string>

#include "model/text.hpp"
#include "store/sql_accounts.hpp"
#include "store/sql_util.hpp"

namespace hearth::store {

namespace {

using model::storable_text;
using sql::WriteLock;
using sql::WriteTx;

std::string text_of(const std::optional<model::Instant>& t) {
  return t ? model::format_instant(*t) : std::string();
}
std::string text_of(model::Instant t) {
  return model::format_instant(t);
}
std::optional<model::Instant> instant_of(const std::string& s) {
  return s.empty() ? std::nullopt : model::parse_instant(s);
}
model::Instant instant_or_zero(const std::string& s) {
  return instant_of(s).value_or(model::Instant{});
}

constexpr const char* kStatementColumns =
    "s.id, s.la, s.child, s.user_id, s.source, s.external_id, s.created_at, s.mood, s.topic, "
    "s.purpose, s.unsafe, s.text_box, s.first_read_at, s.first_reply_at, "
    "(SELECT COUNT(*) FROM statement_replies r WHERE r.statement_id = s.id), "
    "(SELECT MAX(r.created_at) FROM statement_replies r WHERE r.statement_id = s.id), "
    "(SELECT COUNT(*) FROM statement_replies r WHERE r.statement_id = s.id AND r.seen_at = ''), "
    "a.id, a.acknowledged_at, a.due_at "
    "FROM statements s LEFT JOIN alerts a ON a.statement_id = s.id ";

Statement statement_from(const soci::row& r) {
  Statement s;
  s.id = sql::get_int64(r, 0);
  s.la = r.get<std::string>(1);
  s.child = r.get<std::string>(2);
  s.user_id = sql::get_int64(r, 3);
  s.source = r.get<std::string>(4);
  s.external_id = r.get<std::string>(5);
  s.created_at = instant_or_zero(r.get<std::string>(6));
  s.mood = r.get<std::string>(7);
  s.topic = r.get<std::string>(8);
  s.purpose = r.get<std::string>(9);
  s.unsafe = sql::get_int(r, 10) != 0;
  s.text_box = r.get<std::string>(11);
  s.first_read_at = instant_of(r.get<std::string>(12));
  s.first_reply_at = instant_of(r.get<std::string>(13));
  s.replies = sql::get_int(r, 14);
  s.last_reply_at = instant_of(sql::opt_string(r, 15));
  s.unseen_replies = sql::get_int(r, 16);
  if (r.get_indicator(17) == soci::i_ok) {
    s.alert_id = sql::get_int64(r, 17);
    s.alert_acknowledged = !sql::opt_string(r, 18).empty();
    s.alert_due_at = instant_or_zero(sql::opt_string(r, 19));
  }
  return s;
}

constexpr const char* kAlertColumns =
    "id, statement_id, la, child, raised_at, level, due_at, acknowledged_at, acknowledged_by, "
    "action_box FROM alerts ";

Alert alert_from(const soci::row& r) {
  Alert a;
  a.id = sql::get_int64(r, 0);
  a.statement_id = sql::get_int64(r, 1);
  a.la = r.get<std::string>(2);
  a.child = r.get<std::string>(3);
  a.raised_at = instant_or_zero(r.get<std::string>(4));
  a.level = sql::get_int(r, 5);
  a.due_at = instant_or_zero(r.get<std::string>(6));
  a.acknowledged_at = instant_of(r.get<std::string>(7));
  a.acknowledged_by = r.get<std::string>(8);
  a.action_box = r.get<std::string>(9);
  return a;
}

constexpr const char* kMailColumns =
    "id, created_at, alert_id, to_user, to_name, to_address, subject, body, attempts, "
    "next_attempt_at, claimed_until, sent_at, last_error FROM outbox ";

Mail mail_from(const soci::row& r) {
  Mail m;
  m.id = sql::get_int64(r, 0);
  m.created_at = instant_or_zero(r.get<std::string>(1));
  m.alert_id = sql::get_int64(r, 2);
  m.to_user = sql::get_int64(r, 3);
  m.to_name = r.get<std::string>(4);
  m.to_address = r.get<std::string>(5);
  m.subject = r.get<std::string>(6);
  m.body = r.get<std::string>(7);
  m.attempts = sql::get_int(r, 8);
  m.next_attempt_at = instant_or_zero(r.get<std::string>(9));
  m.claimed_until = instant_of(r.get<std::string>(10));
  m.sent_at = instant_of(r.get<std::string>(11));
  m.last_error = r.get<std::string>(12);
  return m;
}

long long insert_statement(soci::session& sql, const Statement& given) {
  Statement s = given;
  for (auto* f : {&s.la, &s.child, &s.source, &s.external_id, &s.mood, &s.topic, &s.purpose})
    *f = storable_text(*f);
  long long user = s.user_id, id = 0;
  int unsafe = s.unsafe ? 1 : 0;
  const std::string at = text_of(s.created_at), read = text_of(s.first_read_at),
                    replied = text_of(s.first_reply_at);
  sql << "INSERT INTO statements (la, child, user_id, source, external_id, created_at, mood, "
         "topic, purpose, unsafe, text_box, first_read_at, first_reply_at) VALUES (:la, :c, :u, "
         ":src, :ext, :at, :m, :t, :p, :uns, :tb, :fr, :fp) RETURNING id",
      soci::use(s.la), soci::use(s.child), soci::use(user), soci::use(s.source),
      soci::use(s.external_id), soci::use(at), soci::use(s.mood), soci::use(s.topic),
      soci::use(s.purpose), soci::use(unsafe), soci::use(s.text_box), soci::use(read),
      soci::use(replied), soci::into(id);
  return id;
}

}  // namespace

// ---- invitations ----------------------------------------------------------------------------

std::int64_t SqlVoice::add_invitation(const Invitation& inv, std::string_view code_hash_view) {
  std::string hash(code_hash_view), la = storable_text(inv.la), child = storable_text(inv.child),
                                    by = storable_text(inv.created_by);
  const std::string created = text_of(inv.created_at), expires = text_of(inv.expires_at),
                    used = text_of(inv.used_at);
  long long used_by = inv.used_by, id = 0;
  WriteLock turn(driver_);
  sql_ << "INSERT INTO invitations (code_hash, la, child, created_by, created_at, expires_at, "
          "used_at, used_by) VALUES (:h, :la, :c, :by, :ca, :ea, :ua, :ub) RETURNING id",
      soci::use(hash), soci::use(la), soci::use(child), soci::use(by), soci::use(created),
      soci::use(expires), soci::use(used), soci::use(used_by), soci::into(id);
  return id;
}

std::optional<Invitation> SqlVoice::find_invitation(std::string_view code_hash_view) {
  std::string hash(code_hash_view);
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, la, child, created_by, created_at, expires_at, used_at, used_by "
                       "FROM invitations WHERE code_hash = :h",
       soci::use(hash));
  for (const soci::row& r : rs) {
    Invitation inv;
    inv.id = sql::get_int64(r, 0);
    inv.la = r.get<std::string>(1);
    inv.child = r.get<std::string>(2);
    inv.created_by = r.get<std::string>(3);
    inv.created_at = instant_or_zero(r.get<std::string>(4));
    inv.expires_at = instant_or_zero(r.get<std::string>(5));
    inv.used_at = instant_of(r.get<std::string>(6));
    inv.used_by = sql::get_int64(r, 7);
    return inv;
  }
  return std::nullopt;
}

std::optional<std::int64_t> SqlVoice::redeem_invitation(std::string_view code_hash_view,
                                                        model::Instant now,
                                                        const UserRecord& account) {
  std::string hash(code_hash_view);
  const std::string at = text_of(now);
  WriteTx tx(sql_, driver_);
  soci::statement take =
      (sql_.prepare << "UPDATE invitations SET used_at = :at WHERE code_hash = :h AND used_at = '' "
                       "AND expires_at > :now",
       soci::use(at), soci::use(hash), soci::use(at));
  take.execute(true);
  if (take.get_affected_rows() != 1) return std::nullopt;  // rolled back
  long long id = insert_user(sql_, account);
  sql_ << "UPDATE invitations SET used_by = :id WHERE code_hash = :h", soci::use(id),
      soci::use(hash);
  tx.commit();
  return id;
}

// ---- statements and replies -------------------------------------------------------------------

void SqlVoice::tell(std::int64_t alert_id_in, int level, model::Instant at_in,
                    const Telling& telling) {
  long long alert_id = alert_id_in;
  const std::string at = text_of(at_in);
  for (const auto& e : telling.told) {
    long long user = e.user_id;
    std::string kind = storable_text(e.kind.empty() ? "told" : e.kind),
                username = storable_text(e.username), name = storable_text(e.name);
    sql_ << "INSERT INTO alert_events (alert_id, at, kind, level, user_id, username, name) "
            "VALUES (:a, :at, :k, :l, :u, :un, :n)",
        soci::use(alert_id), soci::use(at), soci::use(kind), soci::use(level), soci::use(user),
        soci::use(username), soci::use(name);
  }
  for (const auto& m : telling.mail) {
    long long user = m.to_user;
    int attempts = 0;
    std::string name = storable_text(m.to_name), address = storable_text(m.to_address),
                subject = storable_text(m.subject), body = storable_text(m.body), none;
    sql_ << "INSERT INTO outbox (created_at, alert_id, to_user, to_name, to_address, subject, "
            "body, attempts, next_attempt_at, claimed_until, sent_at, last_error) VALUES (:at, "
            ":a, :u, :n, :ad, :s, :b, :att, :nx, :cl, :se, :le)",
        soci::use(at), soci::use(alert_id), soci::use(user), soci::use(name), soci::use(address),
        soci::use(subject), soci::use(body), soci::use(attempts), soci::use(at), soci::use(none),
        soci::use(none), soci::use(none);
  }
}

std::int64_t SqlVoice::add_statement(const Statement& s, Alert* alert, const Telling& telling) {
  WriteTx tx(sql_, driver_);
  long long id = insert_statement(sql_, s);
  if (alert) {
    long long alert_id = 0, sid = id;
    int level = 0;
    std::string la = storable_text(s.la), child = storable_text(s.child), none;
    const std::string raised = text_of(alert->raised_at), due = text_of(alert->due_at);
    sql_ << "INSERT INTO alerts (statement_id, la, child, raised_at, level, due_at, "
            "acknowledged_at, acknowledged_by, action_box) VALUES (:s, :la, :c, :r, :l, :d, :aa, "
            ":ab, :ac) RETURNING id",
        soci::use(sid), soci::use(la), soci::use(child), soci::use(raised), soci::use(level),
        soci::use(due), soci::use(none), soci::use(none), soci::use(none), soci::into(alert_id);
    alert->id = alert_id;
    alert->statement_id = id;
    tell(alert_id, 0, alert->raised_at, telling);
  }
  tx.commit();
  return id;
}

std::size_t SqlVoice::put_imported_statements(std::span<const Statement> statements) {
  WriteTx tx(sql_, driver_);
  std::size_t fresh = 0;
  for (const Statement& s : statements) {
    std::string la = storable_text(s.la), source = storable_text(s.source),
                ext = storable_text(s.external_id);
    long long existing = 0;
    soci::indicator ind = soci::i_null;
    sql_ << "SELECT id FROM statements WHERE la = :la AND source = :s AND external_id = :e",
        soci::use(la), soci::use(source), soci::use(ext), soci::into(existing, ind);
    if (!sql_.got_data() || ind != soci::i_ok) {
      insert_statement(sql_, s);
      ++fresh;
      continue;
    }
    // Loaded before: what the app says now, keeping Hearth's own replies and reads.
    std::string child = storable_text(s.child), made = text_of(s.created_at),
                mood = storable_text(s.mood), topic = storable_text(s.topic),
                purpose = storable_text(s.purpose), box = s.text_box,
                reply = text_of(s.first_reply_at);
    int unsafe = s.unsafe ? 1 : 0;
    sql_ << "UPDATE statements SET child = :c, created_at = :t, mood = :m, topic = :tp, "
            "purpose = :p, unsafe = :u, text_box = :b, first_reply_at = CASE WHEN "
            "first_reply_at = '' OR (:r1 <> '' AND :r2 < first_reply_at) THEN :r3 ELSE "
            "first_reply_at END WHERE id = :id",
        soci::use(child), soci::use(made), soci::use(mood), soci::use(topic), soci::use(purpose),
        soci::use(unsafe), soci::use(box), soci::use(reply), soci::use(reply), soci::use(reply),
        soci::use(existing);
  }
  tx.commit();
  return fresh;
}

std::vector<Statement> SqlVoice::statements_where(const std::string& where, const std::string& a,
                                                  const std::string& b) {
  std::vector<Statement> out;
  std::string q =
      std::string("SELECT ") + kStatementColumns + where + " ORDER BY s.created_at DESC, s.id DESC";
  if (b.empty()) {
    soci::rowset<soci::row> rs = (sql_.prepare << q, soci::use(a));
    for (const soci::row& r : rs) out.push_back(statement_from(r));
  } else {
    soci::rowset<soci::row> rs = (sql_.prepare << q, soci::use(a), soci::use(b));
    for (const soci::row& r : rs) out.push_back(statement_from(r));
  }
  return out;
}

std::vector<Statement> SqlVoice::statements(std::string_view la, std::string_view child) {
  if (child.empty()) return statements_where("WHERE s.la = :la", std::string(la), "");
  return statements_where("WHERE s.la = :la AND s.child = :c", std::string(la), std::string(child));
}

std::optional<Statement> SqlVoice::statement(std::int64_t id_in) {
  long long id = id_in;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kStatementColumns + "WHERE s.id = :id",
       soci::use(id));
  for (const soci::row& r : rs) return statement_from(r);
  return std::nullopt;
}

std::vector<Reply> SqlVoice::replies(std::int64_t statement_id) {
  long long id = statement_id;
  std::vector<Reply> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, statement_id, user_id, author, created_at, text_box, seen_at "
                       "FROM statement_replies WHERE statement_id = :id ORDER BY id",
       soci::use(id));
  for (const soci::row& r : rs) {
    Reply x;
    x.id = sql::get_int64(r, 0);
    x.statement_id = sql::get_int64(r, 1);
    x.user_id = sql::get_int64(r, 2);
    x.author = r.get<std::string>(3);
    x.at = instant_or_zero(r.get<std::string>(4));
    x.text_box = r.get<std::string>(5);
    x.seen_at = instant_of(r.get<std::string>(6));
    out.push_back(std::move(x));
  }
  return out;
}

std::int64_t SqlVoice::add_reply(const Reply& given) {
  long long sid = given.statement_id, user = given.user_id, id = 0;
  std::string author = storable_text(given.author), none;
  const std::string at = text_of(given.at);
  WriteTx tx(sql_, driver_);
  sql_ << "INSERT INTO statement_replies (statement_id, user_id, author, created_at, text_box, "
          "seen_at) VALUES (:s, :u, :a, :at, :tb, :se) RETURNING id",
      soci::use(sid), soci::use(user), soci::use(author), soci::use(at), soci::use(given.text_box),
      soci::use(none), soci::into(id);
  sql_ << "UPDATE statements SET first_reply_at = :at WHERE id = :s AND first_reply_at = ''",
      soci::use(at), soci::use(sid);
  sql_ << "UPDATE statements SET first_read_at = :at WHERE id = :s AND first_read_at = ''",
      soci::use(at), soci::use(sid);
  tx.commit();
  return id;
}

void SqlVoice::mark_statement_read(std::int64_t id_in, model::Instant at_in) {
  long long id = id_in;
  const std::string at = text_of(at_in);
  WriteLock turn(driver_);
  sql_ << "UPDATE statements SET first_read_at = :at WHERE id = :s AND first_read_at = ''",
      soci::use(at), soci::use(id);
}

void SqlVoice::mark_replies_seen(std::int64_t statement_id, model::Instant at_in) {
  long long id = statement_id;
  const std::string at = text_of(at_in);
  WriteLock turn(driver_);
  sql_ << "UPDATE statement_replies SET seen_at = :at WHERE statement_id = :s AND seen_at = ''",
      soci::use(at), soci::use(id);
}

// ---- alerts -----------------------------------------------------------------------------------

std::vector<Alert> SqlVoice::alerts(std::string_view la_view, bool open_only) {
  std::string la(la_view);
  std::vector<Alert> out;
  std::string q = std::string("SELECT ") + kAlertColumns + "WHERE la = :la" +
                  (open_only ? " AND acknowledged_at = ''" : "") +
                  " ORDER BY raised_at DESC, id DESC";
  soci::rowset<soci::row> rs = (sql_.prepare << q, soci::use(la));
  for (const soci::row& r : rs) out.push_back(alert_from(r));
  return out;
}

std::optional<Alert> SqlVoice::alert(std::int64_t id_in) {
  long long id = id_in;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kAlertColumns + "WHERE id = :id", soci::use(id));
  for (const soci::row& r : rs) return alert_from(r);
  return std::nullopt;
}

std::vector<AlertEvent> SqlVoice::alert_events(std::int64_t alert_id) {
  long long id = alert_id;
  std::vector<AlertEvent> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, alert_id, at, kind, level, user_id, username, name FROM "
                       "alert_events WHERE alert_id = :a ORDER BY id",
       soci::use(id));
  for (const soci::row& r : rs) {
    AlertEvent e;
    e.id = sql::get_int64(r, 0);
    e.alert_id = sql::get_int64(r, 1);
    e.at = instant_or_zero(r.get<std::string>(2));
    e.kind = r.get<std::string>(3);
    e.level = sql::get_int(r, 4);
    e.user_id = sql::get_int64(r, 5);
    e.username = r.get<std::string>(6);
    e.name = r.get<std::string>(7);
    out.push_back(std::move(e));
  }
  return out;
}

bool SqlVoice::acknowledge_alert(std::int64_t id_in, model::Instant at_in, std::string_view by_view,
                                 std::string_view box_view) {
  long long id = id_in;
  std::string by = storable_text(by_view), box(box_view), kind = "acknowledged";
  const std::string at = text_of(at_in);
  WriteTx tx(sql_, driver_);
  soci::statement up =
      (sql_.prepare << "UPDATE alerts SET acknowledged_at = :at, acknowledged_by = :by, "
                       "action_box = :b WHERE id = :id AND acknowledged_at = ''",
       soci::use(at), soci::use(by), soci::use(box), soci::use(id));
  up.execute(true);
  if (up.get_affected_rows() != 1) return false;
  int level = 0;
  sql_ << "SELECT level FROM alerts WHERE id = :id", soci::use(id), soci::into(level);
  long long none = 0;
  sql_ << "INSERT INTO alert_events (alert_id, at, kind, level, user_id, username, name) VALUES "
          "(:a, :at, :k, :l, :u, :un, :n)",
      soci::use(id), soci::use(at), soci::use(kind), soci::use(level), soci::use(none),
      soci::use(by), soci::use(by);
  tx.commit();
  return true;
}

std::vector<Alert> SqlVoice::alerts_due(model::Instant now) {
  const std::string at = text_of(now);
  std::vector<Alert> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kAlertColumns +
                           "WHERE acknowledged_at = '' AND due_at <= :now ORDER BY due_at, id",
       soci::use(at));
  for (const soci::row& r : rs) out.push_back(alert_from(r));
  return out;
}

bool SqlVoice::escalate_alert(std::int64_t id_in, int from_level, model::Instant new_due,
                              model::Instant at_in, const Telling& telling) {
  long long id = id_in;
  int next = from_level + 1;
  const std::string due = text_of(new_due), at = text_of(at_in), kind = "escalated", none;
  WriteTx tx(sql_, driver_);
  // Compare and set: only the process that finds the alert still open at this level moves it.
  soci::statement up =
      (sql_.prepare << "UPDATE alerts SET level = :n, due_at = :d WHERE id = :id AND level = :l "
                       "AND acknowledged_at = ''",
       soci::use(next), soci::use(due), soci::use(id), soci::use(from_level));
  up.execute(true);
  if (up.get_affected_rows() != 1) return false;
  long long zero = 0;
  sql_ << "INSERT INTO alert_events (alert_id, at, kind, level, user_id, username, name) VALUES "
          "(:a, :at, :k, :l, :u, :un, :n)",
      soci::use(id), soci::use(at), soci::use(kind), soci::use(next), soci::use(zero),
      soci::use(none), soci::use(none);
  tell(id, next, at_in, telling);
  tx.commit();
  return true;
}

// ---- the mail outbox --------------------------------------------------------------------------

std::vector<Mail> SqlVoice::mail_due(model::Instant now, int limit) {
  const std::string at = text_of(now);
  std::vector<Mail> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kMailColumns +
                           "WHERE sent_at = '' AND next_attempt_at <= :now AND claimed_until < "
                           ":now2 ORDER BY next_attempt_at, id LIMIT " +
                           std::to_string(limit < 1 ? 1 : limit),
       soci::use(at), soci::use(at));
  for (const soci::row& r : rs) out.push_back(mail_from(r));
  return out;
}

bool SqlVoice::claim_mail(std::int64_t id_in, model::Instant now, model::Instant until_in) {
  long long id = id_in;
  const std::string at = text_of(now), until = text_of(until_in);
  WriteLock turn(driver_);
  soci::statement up =
      (sql_.prepare << "UPDATE outbox SET claimed_until = :u, attempts = attempts + 1 WHERE id = "
                       ":id AND sent_at = '' AND claimed_until < :now",
       soci::use(until), soci::use(id), soci::use(at));
  up.execute(true);
  return up.get_affected_rows() == 1;
}

void SqlVoice::mail_sent(std::int64_t id_in, model::Instant at_in) {
  long long id = id_in;
  const std::string at = text_of(at_in), none;
  WriteLock turn(driver_);
  sql_ << "UPDATE outbox SET sent_at = :at, claimed_until = :n, last_error = :n2 WHERE id = :id",
      soci::use(at), soci::use(none), soci::use(none), soci::use(id);
}

void SqlVoice::mail_failed(std::int64_t id_in, std::string_view error_view,
                           model::Instant next_attempt) {
  long long id = id_in;
  std::string error = storable_text(error_view), none;
  const std::string next = text_of(next_attempt);
  WriteLock turn(driver_);
  sql_ << "UPDATE outbox SET last_error = :e, next_attempt_at = :nx, claimed_until = :n WHERE "
          "id = :id",
      soci::use(error), soci::use(next), soci::use(none), soci::use(id);
}

std::vector<Mail> SqlVoice::alert_mail(std::int64_t alert_id) {
  long long id = alert_id;
  std::vector<Mail> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kMailColumns + "WHERE alert_id = :a ORDER BY id",
       soci::use(id));
  for (const soci::row& r : rs) out.push_back(mail_from(r));
  return out;
}

std::string SqlVoice::version() {
  long long statements = 0, last = 0, replies = 0;
  soci::indicator li = soci::i_ok;
  sql_ << "SELECT COUNT(*), MAX(id) FROM statements", soci::into(statements), soci::into(last, li);
  sql_ << "SELECT COUNT(*) FROM statement_replies", soci::into(replies);
  return std::to_string(statements) + "/" + std::to_string(li == soci::i_ok ? last : 0) + "/" +
         std::to_string(replies);
}

// ---- keys -------------------------------------------------------------------------------------

std::vector<SealedText> SqlVoice::sealed_texts() {
  std::vector<SealedText> out;
  const std::pair<const char*, const char*> columns[] = {
      {"statements", "text_box"}, {"statement_replies", "text_box"}, {"alerts", "action_box"}};
  for (const auto& [table, column] : columns) {
    soci::rowset<soci::row> rs =
        (sql_.prepare << std::string("SELECT id, ") + column + " FROM " + table + " ORDER BY id");
    for (const soci::row& r : rs) {
      std::string box = r.get<std::string>(1);
      if (!box.empty()) out.push_back({table, sql::get_int64(r, 0), std::move(box)});
    }
  }
  return out;
}

void SqlVoice::reseal(const std::vector<SealedText>& boxes) {
  WriteTx tx(sql_, driver_);
  for (const auto& b : boxes) {
    std::string column;
    if (b.table == "statements" || b.table == "statement_replies")
      column = "text_box";
    else if (b.table == "alerts")
      column = "action_box";
    else
      throw std::invalid_argument("reseal: no sealed text in table " + b.table);
    long long id = b.id;
    sql_ << "UPDATE " + b.table + " SET " + column + " = :b WHERE id = :id", soci::use(b.box),
        soci::use(id);
  }
  tx.commit();
}

}  // namespace hearth::store
