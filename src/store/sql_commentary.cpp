#include "store/sql_commentary.hpp"

#include "model/text.hpp"
#include "store/sql_util.hpp"

namespace hearth::store {

namespace {

using model::storable_text;

constexpr const char* kColumns =
    "SELECT id, la, subject, period, part, body, written_at, written_by, replaces FROM commentary ";

Commentary from_row(const soci::row& r) {
  return {sql::get_int64(r, 0),
          r.get<std::string>(1),
          r.get<std::string>(2),
          r.get<std::string>(3),
          r.get<std::string>(4),
          r.get<std::string>(5),
          model::parse_instant(r.get<std::string>(6)).value_or(model::Instant{}),
          r.get<std::string>(7),
          sql::get_int64(r, 8)};
}

}  // namespace

std::int64_t SqlCommentary::add_commentary(const Commentary& c) {
  std::string la = storable_text(c.la), subject = storable_text(c.subject),
              period = storable_text(c.period), part = storable_text(c.part),
              body = storable_text(c.body), at = model::format_instant_ms(c.written_at),
              by = storable_text(c.written_by);
  long long replaces = c.replaces, id = 0;
  sql::WriteTx tx(sql_, driver_);
  // One writer of a piece at a time (SQLite: the write transaction already is; PostgreSQL: a
  // transaction-scoped lock on the piece, which works for a first version too).
  if (auto lock = driver_.lock_year_sql(); !lock.empty()) {
    std::string key = "commentary|" + la + "|" + subject + "|" + period + "|" + part;
    int kind = 11;
    soci::statement st =
        (sql_.prepare << std::string(lock), soci::use(key, "la"), soci::use(kind, "y"));
    st.execute(true);
  }
  long long newest = 0;
  soci::indicator ind = soci::i_ok;
  sql_ << "SELECT MAX(id) FROM commentary WHERE la = :la AND subject = :s AND period = :p AND "
          "part = :t",
      soci::use(la), soci::use(subject), soci::use(period), soci::use(part),
      soci::into(newest, ind);
  if (ind != soci::i_ok) newest = 0;
  if (newest != replaces) return 0;  // someone else's version came in between
  sql_ << "INSERT INTO commentary (la, subject, period, part, body, written_at, written_by, "
          "replaces) VALUES (:la, :s, :p, :t, :b, :at, :by, :r) RETURNING id",
      soci::use(la), soci::use(subject), soci::use(period), soci::use(part), soci::use(body),
      soci::use(at), soci::use(by), soci::use(replaces), soci::into(id);
  tx.commit();
  return id;
}

std::vector<Commentary> SqlCommentary::commentary(std::string_view la_view,
                                                  std::string_view period_view,
                                                  std::optional<model::Instant> as_at) {
  std::string la(la_view), period(period_view),
      at = as_at ? model::format_instant_ms(*as_at) : std::string("9999");
  std::vector<Commentary> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string(kColumns) +
                           "WHERE la = :la AND period = :p AND written_at <= :at ORDER BY subject, "
                           "part, id",
       soci::use(la), soci::use(period), soci::use(at));
  for (const soci::row& r : rs) {
    auto c = from_row(r);
    // Ordered by id within a piece: the last one seen is the newest by then.
    if (!out.empty() && out.back().subject == c.subject && out.back().part == c.part)
      out.back() = std::move(c);
    else
      out.push_back(std::move(c));
  }
  return out;
}

std::vector<Commentary> SqlCommentary::commentary_history(std::string_view la_view,
                                                          std::string_view subject_view,
                                                          std::string_view period_view,
                                                          std::string_view part_view) {
  std::string la(la_view), subject(subject_view), period(period_view), part(part_view);
  std::vector<Commentary> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string(kColumns) +
                           "WHERE la = :la AND subject = :s AND period = :p AND part = :t "
                           "ORDER BY id",
       soci::use(la), soci::use(subject), soci::use(period), soci::use(part));
  for (const soci::row& r : rs) out.push_back(from_row(r));
  return out;
}

}  // namespace hearth::store
