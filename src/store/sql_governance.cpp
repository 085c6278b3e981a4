#include "store/sql_governance.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "model/text.hpp"
#include "store/sql_util.hpp"

namespace hearth::store {

namespace {

using model::storable_text;
using sql::WriteTx;

// Instants to the millisecond, so that two changes in one second still differ (an update names
// the updated_at it saw).
std::string when(model::Instant t) {
  return model::format_instant_ms(t);
}
std::string when(const std::optional<model::Instant>& t) {
  return t ? when(*t) : std::string();
}
model::Instant instant(const std::string& s) {
  return model::parse_instant(s).value_or(model::Instant{});
}
std::optional<model::Instant> opt_instant(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return model::parse_instant(s);
}
std::string day(model::Date d) {
  return model::format_iso(d);
}
model::Date day_of(const std::string& s) {
  return model::parse_iso(s).value_or(model::Date{});
}
std::string number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

constexpr const char* kActionColumns =
    "SELECT id, la, title, owner, owner_name, due_on, status, evidence, priority_id, theme_id, "
    "card_id, meeting_id, created_at, created_by, updated_at, closed_on FROM gov_actions ";

Action action_from(const soci::row& r) {
  Action a;
  a.id = sql::get_int64(r, 0);
  a.la = r.get<std::string>(1);
  a.title = r.get<std::string>(2);
  a.owner = r.get<std::string>(3);
  a.owner_name = r.get<std::string>(4);
  a.due = day_of(r.get<std::string>(5));
  a.status = r.get<std::string>(6);
  a.evidence = r.get<std::string>(7);
  a.priority = r.get<std::string>(8);
  a.theme = r.get<std::string>(9);
  a.card = sql::get_int64(r, 10);
  a.meeting = sql::get_int64(r, 11);
  a.created_at = instant(r.get<std::string>(12));
  a.created_by = r.get<std::string>(13);
  a.updated_at = instant(r.get<std::string>(14));
  if (auto c = r.get<std::string>(15); !c.empty()) a.closed_on = day_of(c);
  return a;
}

constexpr const char* kCardColumns =
    "SELECT id, la, raised_at, raised_by, raised_by_role, challenge, theme_id, addressed_to, "
    "status, response, approved_at, approved_by, updated_at FROM gov_cards ";

Card card_from(const soci::row& r) {
  Card c;
  c.id = sql::get_int64(r, 0);
  c.la = r.get<std::string>(1);
  c.raised_at = instant(r.get<std::string>(2));
  c.raised_by = r.get<std::string>(3);
  c.raised_by_role = r.get<std::string>(4);
  c.challenge = r.get<std::string>(5);
  c.theme = r.get<std::string>(6);
  c.addressed_to = r.get<std::string>(7);
  c.status = r.get<std::string>(8);
  c.response = r.get<std::string>(9);
  c.approved_at = opt_instant(r.get<std::string>(10));
  c.approved_by = r.get<std::string>(11);
  c.updated_at = instant(r.get<std::string>(12));
  return c;
}

constexpr const char* kMeetingColumns =
    "SELECT id, la, held_on, title, theme_id, status, minutes, created_at, created_by, updated_at "
    "FROM gov_meetings ";

}  // namespace

// ---- the governance file ---------------------------------------------------------------------

std::int64_t SqlGovernance::put_governance(const GovernanceVersion& v) {
  std::string la = storable_text(v.la), at = when(v.loaded_at), by = storable_text(v.loaded_by),
              source = storable_text(v.source), text = storable_text(v.text);
  long long id = 0;
  WriteTx tx(sql_, driver_);
  sql_ << "INSERT INTO governance_versions (la, loaded_at, loaded_by, source, text) VALUES (:la, "
          ":at, :by, :src, :t) RETURNING id",
      soci::use(la), soci::use(at), soci::use(by), soci::use(source), soci::use(text),
      soci::into(id);
  tx.commit();
  return id;
}

std::optional<GovernanceVersion> SqlGovernance::governance(std::string_view la_view,
                                                           std::optional<model::Instant> as_at) {
  std::string la(la_view), at = as_at ? when(*as_at) : std::string("9999");
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, la, loaded_at, loaded_by, source, text FROM "
                       "governance_versions WHERE la = :la AND loaded_at <= :at ORDER BY "
                       "loaded_at DESC, id DESC LIMIT 1",
       soci::use(la), soci::use(at));
  for (const soci::row& r : rs)
    return GovernanceVersion{sql::get_int64(r, 0),           r.get<std::string>(1),
                             instant(r.get<std::string>(2)), r.get<std::string>(3),
                             r.get<std::string>(4),          r.get<std::string>(5)};
  return std::nullopt;
}

std::vector<GovernanceVersion> SqlGovernance::governance_versions(std::string_view la_view) {
  std::string la(la_view);
  std::vector<GovernanceVersion> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, la, loaded_at, loaded_by, source FROM governance_versions "
                       "WHERE la = :la ORDER BY loaded_at DESC, id DESC",
       soci::use(la));
  for (const soci::row& r : rs)
    out.push_back({sql::get_int64(r, 0), r.get<std::string>(1), instant(r.get<std::string>(2)),
                   r.get<std::string>(3), r.get<std::string>(4), ""});
  return out;
}

// ---- events ----------------------------------------------------------------------------------

void SqlGovernance::add_event(const char* table, const char* key, std::int64_t id_in,
                              const GovEvent& e) {
  long long id = id_in;
  std::string at = when(e.at), by = storable_text(e.by), kind = storable_text(e.kind),
              status = storable_text(e.status), note = storable_text(e.note);
  sql_ << std::string("INSERT INTO ") + table + " (" + key +
              ", at, by_user, kind, status, note) VALUES (:id, :at, :by, :k, :s, :n)",
      soci::use(id), soci::use(at), soci::use(by), soci::use(kind), soci::use(status),
      soci::use(note);
}

std::vector<GovEvent> SqlGovernance::events(const char* table, const char* key,
                                            std::int64_t id_in) {
  long long id = id_in;
  std::vector<GovEvent> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT id, at, by_user, kind, status, note FROM ") + table +
                           " WHERE " + key + " = :id ORDER BY id",
       soci::use(id));
  for (const soci::row& r : rs)
    out.push_back({sql::get_int64(r, 0), instant(r.get<std::string>(1)), r.get<std::string>(2),
                   r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5)});
  return out;
}

// ---- actions ---------------------------------------------------------------------------------

std::int64_t SqlGovernance::add_action(const Action& a, const GovEvent& created) {
  std::string la = storable_text(a.la), title = storable_text(a.title),
              owner = storable_text(a.owner), owner_name = storable_text(a.owner_name),
              due = day(a.due), status = storable_text(a.status),
              evidence = storable_text(a.evidence), priority = storable_text(a.priority),
              theme = storable_text(a.theme), at = when(a.created_at),
              by = storable_text(a.created_by), closed = a.closed_on ? day(*a.closed_on) : "";
  long long card = a.card, meeting = a.meeting, id = 0;
  WriteTx tx(sql_, driver_);
  sql_ << "INSERT INTO gov_actions (la, title, owner, owner_name, due_on, status, evidence, "
          "priority_id, theme_id, card_id, meeting_id, created_at, created_by, updated_at, "
          "closed_on) VALUES (:la, :t, :o, :on, :d, :s, :e, :p, :th, :c, :m, :at, :by, :up, "
          ":cl) RETURNING id",
      soci::use(la), soci::use(title), soci::use(owner), soci::use(owner_name), soci::use(due),
      soci::use(status), soci::use(evidence), soci::use(priority), soci::use(theme),
      soci::use(card), soci::use(meeting), soci::use(at), soci::use(by), soci::use(at),
      soci::use(closed), soci::into(id);
  add_event("gov_action_events", "action_id", id, created);
  tx.commit();
  return id;
}

bool SqlGovernance::update_action(const Action& a, model::Instant seen, const GovEvent& e) {
  std::string title = storable_text(a.title), owner = storable_text(a.owner),
              owner_name = storable_text(a.owner_name), due = day(a.due),
              status = storable_text(a.status), evidence = storable_text(a.evidence),
              priority = storable_text(a.priority), theme = storable_text(a.theme),
              up = when(a.updated_at), was = when(seen),
              closed = a.closed_on ? day(*a.closed_on) : "";
  long long card = a.card, meeting = a.meeting, id = a.id;
  WriteTx tx(sql_, driver_);
  soci::statement st =
      (sql_.prepare << "UPDATE gov_actions SET title = :t, owner = :o, owner_name = :on, due_on = "
                       ":d, status = :s, evidence = :e, priority_id = :p, theme_id = :th, "
                       "card_id = :c, meeting_id = :m, updated_at = :up, closed_on = :cl WHERE id "
                       "= :id AND updated_at = :was",
       soci::use(title), soci::use(owner), soci::use(owner_name), soci::use(due), soci::use(status),
       soci::use(evidence), soci::use(priority), soci::use(theme), soci::use(card),
       soci::use(meeting), soci::use(up), soci::use(closed), soci::use(id), soci::use(was));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  add_event("gov_action_events", "action_id", id, e);
  tx.commit();
  return true;
}

std::vector<Action> SqlGovernance::actions_where(const std::string& where, const std::string& arg) {
  std::vector<Action> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string(kActionColumns) + where + " ORDER BY due_on, id",
       soci::use(arg));
  for (const soci::row& r : rs) out.push_back(action_from(r));
  return out;
}
std::vector<Action> SqlGovernance::actions(std::string_view la) {
  return actions_where("WHERE la = :a", std::string(la));
}
std::optional<Action> SqlGovernance::action(std::int64_t id) {
  auto v = actions_where("WHERE CAST(id AS TEXT) = :a", std::to_string(id));
  if (v.empty()) return std::nullopt;
  return v.front();
}
std::vector<GovEvent> SqlGovernance::action_events(std::int64_t id) {
  return events("gov_action_events", "action_id", id);
}

// ---- cards -----------------------------------------------------------------------------------

std::int64_t SqlGovernance::add_card(const Card& c, const GovEvent& raised) {
  std::string la = storable_text(c.la), at = when(c.raised_at), by = storable_text(c.raised_by),
              role = storable_text(c.raised_by_role), challenge = storable_text(c.challenge),
              theme = storable_text(c.theme), to = storable_text(c.addressed_to),
              status = storable_text(c.status), response = storable_text(c.response),
              approved = when(c.approved_at), approved_by = storable_text(c.approved_by);
  long long id = 0;
  WriteTx tx(sql_, driver_);
  sql_ << "INSERT INTO gov_cards (la, raised_at, raised_by, raised_by_role, challenge, theme_id, "
          "addressed_to, status, response, approved_at, approved_by, updated_at) VALUES (:la, "
          ":at, :by, :r, :c, :t, :to, :s, :re, :ap, :apb, :up) RETURNING id",
      soci::use(la), soci::use(at), soci::use(by), soci::use(role), soci::use(challenge),
      soci::use(theme), soci::use(to), soci::use(status), soci::use(response), soci::use(approved),
      soci::use(approved_by), soci::use(at), soci::into(id);
  add_event("gov_card_events", "card_id", id, raised);
  tx.commit();
  return id;
}

bool SqlGovernance::update_card(const Card& c, model::Instant seen, const GovEvent& e) {
  std::string challenge = storable_text(c.challenge), theme = storable_text(c.theme),
              to = storable_text(c.addressed_to), status = storable_text(c.status),
              response = storable_text(c.response), approved = when(c.approved_at),
              approved_by = storable_text(c.approved_by), up = when(c.updated_at), was = when(seen);
  long long id = c.id;
  WriteTx tx(sql_, driver_);
  soci::statement st =
      (sql_.prepare << "UPDATE gov_cards SET challenge = :c, theme_id = :t, addressed_to = :to, "
                       "status = :s, response = :re, approved_at = :ap, approved_by = :apb, "
                       "updated_at = :up WHERE id = :id AND updated_at = :was",
       soci::use(challenge), soci::use(theme), soci::use(to), soci::use(status),
       soci::use(response), soci::use(approved), soci::use(approved_by), soci::use(up),
       soci::use(id), soci::use(was));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  add_event("gov_card_events", "card_id", id, e);
  tx.commit();
  return true;
}

std::vector<Card> SqlGovernance::cards_where(const std::string& where, const std::string& arg) {
  std::vector<Card> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string(kCardColumns) + where + " ORDER BY raised_at DESC, id DESC",
       soci::use(arg));
  for (const soci::row& r : rs) out.push_back(card_from(r));
  return out;
}
std::vector<Card> SqlGovernance::cards(std::string_view la) {
  return cards_where("WHERE la = :a", std::string(la));
}
std::optional<Card> SqlGovernance::card(std::int64_t id) {
  auto v = cards_where("WHERE CAST(id AS TEXT) = :a", std::to_string(id));
  if (v.empty()) return std::nullopt;
  return v.front();
}
std::vector<GovEvent> SqlGovernance::card_events(std::int64_t id) {
  return events("gov_card_events", "card_id", id);
}
std::string SqlGovernance::cards_version() {
  long long n = 0;
  std::string last;
  soci::indicator li = soci::i_ok;
  sql_ << "SELECT COUNT(*), MAX(updated_at) FROM gov_cards", soci::into(n), soci::into(last, li);
  return std::to_string(n) + "/" + (li == soci::i_ok ? last : std::string());
}

// ---- meetings --------------------------------------------------------------------------------

void SqlGovernance::put_items(std::int64_t meeting_in, const Meeting& m) {
  long long meeting = meeting_in;
  sql_ << "DELETE FROM gov_meeting_items WHERE meeting_id = :m", soci::use(meeting);
  auto put = [&](const char* kind_c, const std::vector<MeetingItem>& items) {
    std::string kind = kind_c;
    for (std::size_t i = 0; i < items.size(); ++i) {
      int seq = static_cast<int>(i);
      std::string text = storable_text(items[i].text), detail = storable_text(items[i].detail);
      sql_ << "INSERT INTO gov_meeting_items (meeting_id, kind, seq, text, detail) VALUES (:m, "
              ":k, :s, :t, :d)",
          soci::use(meeting), soci::use(kind), soci::use(seq), soci::use(text), soci::use(detail);
    }
  };
  put("agenda", m.agenda);
  put("attendance", m.attendance);
  put("decision", m.decisions);
}

std::int64_t SqlGovernance::add_meeting(const Meeting& m) {
  std::string la = storable_text(m.la), held = day(m.held_on), title = storable_text(m.title),
              theme = storable_text(m.theme), status = storable_text(m.status),
              minutes = storable_text(m.minutes), at = when(m.created_at),
              by = storable_text(m.created_by);
  long long id = 0;
  WriteTx tx(sql_, driver_);
  sql_ << "INSERT INTO gov_meetings (la, held_on, title, theme_id, status, minutes, created_at, "
          "created_by, updated_at) VALUES (:la, :h, :t, :th, :s, :mi, :at, :by, :up) RETURNING id",
      soci::use(la), soci::use(held), soci::use(title), soci::use(theme), soci::use(status),
      soci::use(minutes), soci::use(at), soci::use(by), soci::use(at), soci::into(id);
  put_items(id, m);
  tx.commit();
  return id;
}

bool SqlGovernance::update_meeting(const Meeting& m, model::Instant seen) {
  std::string held = day(m.held_on), title = storable_text(m.title), theme = storable_text(m.theme),
              status = storable_text(m.status), minutes = storable_text(m.minutes),
              up = when(m.updated_at), was = when(seen);
  long long id = m.id;
  WriteTx tx(sql_, driver_);
  soci::statement st =
      (sql_.prepare << "UPDATE gov_meetings SET held_on = :h, title = :t, theme_id = :th, status "
                       "= :s, minutes = :mi, updated_at = :up WHERE id = :id AND updated_at = :was",
       soci::use(held), soci::use(title), soci::use(theme), soci::use(status), soci::use(minutes),
       soci::use(up), soci::use(id), soci::use(was));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  put_items(m.id, m);
  tx.commit();
  return true;
}

std::vector<Meeting> SqlGovernance::meetings_where(const std::string& where,
                                                   const std::string& arg) {
  std::vector<Meeting> out;
  {
    soci::rowset<soci::row> rs =
        (sql_.prepare << std::string(kMeetingColumns) + where + " ORDER BY held_on, id",
         soci::use(arg));
    for (const soci::row& r : rs) {
      Meeting m;
      m.id = sql::get_int64(r, 0);
      m.la = r.get<std::string>(1);
      m.held_on = day_of(r.get<std::string>(2));
      m.title = r.get<std::string>(3);
      m.theme = r.get<std::string>(4);
      m.status = r.get<std::string>(5);
      m.minutes = r.get<std::string>(6);
      m.created_at = instant(r.get<std::string>(7));
      m.created_by = r.get<std::string>(8);
      m.updated_at = instant(r.get<std::string>(9));
      out.push_back(std::move(m));
    }
  }
  for (auto& m : out) {
    long long id = m.id;
    soci::rowset<soci::row> rs =
        (sql_.prepare << "SELECT kind, text, detail FROM gov_meeting_items WHERE meeting_id = :m "
                         "ORDER BY kind, seq",
         soci::use(id));
    for (const soci::row& r : rs) {
      const std::string kind = r.get<std::string>(0);
      MeetingItem item{r.get<std::string>(1), r.get<std::string>(2)};
      (kind == "agenda"       ? m.agenda
       : kind == "attendance" ? m.attendance
                              : m.decisions)
          .push_back(std::move(item));
    }
  }
  return out;
}
std::vector<Meeting> SqlGovernance::meetings(std::string_view la) {
  return meetings_where("WHERE la = :a", std::string(la));
}
std::optional<Meeting> SqlGovernance::meeting(std::int64_t id) {
  auto v = meetings_where("WHERE CAST(id AS TEXT) = :a", std::to_string(id));
  if (v.empty()) return std::nullopt;
  return v.front();
}

// ---- reports received and figures entered by hand -------------------------------------------

void SqlGovernance::receive_report(const ReportReceipt& r) {
  std::string la = storable_text(r.la), report = storable_text(r.report), due = day(r.due),
              received = day(r.received), by = storable_text(r.received_by),
              document = storable_text(r.document), note = storable_text(r.note);
  WriteTx tx(sql_, driver_);
  sql_ << "DELETE FROM gov_report_receipts WHERE la = :la AND report_id = :r AND due_on = :d",
      soci::use(la), soci::use(report), soci::use(due);
  sql_ << "INSERT INTO gov_report_receipts (la, report_id, due_on, received_on, received_by, "
          "document, note) VALUES (:la, :r, :d, :rc, :by, :doc, :n)",
      soci::use(la), soci::use(report), soci::use(due), soci::use(received), soci::use(by),
      soci::use(document), soci::use(note);
  tx.commit();
}

std::vector<ReportReceipt> SqlGovernance::report_receipts(std::string_view la_view) {
  std::string la(la_view);
  std::vector<ReportReceipt> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, la, report_id, due_on, received_on, received_by, document, "
                       "note FROM gov_report_receipts WHERE la = :la ORDER BY due_on, report_id",
       soci::use(la));
  for (const soci::row& r : rs)
    out.push_back({sql::get_int64(r, 0), r.get<std::string>(1), r.get<std::string>(2),
                   day_of(r.get<std::string>(3)), day_of(r.get<std::string>(4)),
                   r.get<std::string>(5), r.get<std::string>(6), r.get<std::string>(7)});
  return out;
}

void SqlGovernance::put_manual_value(const ManualValue& v) {
  std::string la = storable_text(v.la), measure = storable_text(v.measure), end = day(v.period_end),
              value = number(v.value), note = storable_text(v.note),
              by = storable_text(v.entered_by), at = when(v.entered_at);
  WriteTx tx(sql_, driver_);
  sql_ << "DELETE FROM gov_manual_values WHERE la = :la AND measure_id = :m AND period_end = :e",
      soci::use(la), soci::use(measure), soci::use(end);
  sql_ << "INSERT INTO gov_manual_values (la, measure_id, period_end, value, note, entered_by, "
          "entered_at) VALUES (:la, :m, :e, :v, :n, :by, :at)",
      soci::use(la), soci::use(measure), soci::use(end), soci::use(value), soci::use(note),
      soci::use(by), soci::use(at);
  tx.commit();
}

std::vector<ManualValue> SqlGovernance::manual_values(std::string_view la_view) {
  std::string la(la_view);
  std::vector<ManualValue> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, la, measure_id, period_end, value, note, entered_by, "
                       "entered_at FROM gov_manual_values WHERE la = :la ORDER BY measure_id, "
                       "period_end",
       soci::use(la));
  for (const soci::row& r : rs)
    out.push_back({sql::get_int64(r, 0), r.get<std::string>(1), r.get<std::string>(2),
                   day_of(r.get<std::string>(3)),
                   std::strtod(r.get<std::string>(4).c_str(), nullptr), r.get<std::string>(5),
                   r.get<std::string>(6), instant(r.get<std::string>(7))});
  return out;
}

}  // namespace hearth::store
