#include "store/sql_finding_notes.hpp"

#include <string>

#include "model/instant.hpp"
#include "model/text.hpp"
#include "store/sql_util.hpp"

namespace hearth::store {

namespace {

constexpr const char* kColumns = "id, la, finding_key, rule, child, note, username, at";

FindingNote note_from(const soci::row& r) {
  FindingNote n;
  n.id = sql::get_int64(r, 0);
  n.la = r.get<std::string>(1);
  n.key = r.get<std::string>(2);
  n.rule = r.get<std::string>(3);
  n.child = r.get<std::string>(4);
  n.note = r.get<std::string>(5);
  n.user = r.get<std::string>(6);
  n.at = model::parse_instant(r.get<std::string>(7)).value_or(model::Instant{});
  return n;
}

}  // namespace

FindingNote SqlFindingNotes::put(const FindingNote& given) {
  using model::storable_text;
  FindingNote n = given;
  n.la = storable_text(n.la);
  n.key = storable_text(n.key);
  n.rule = storable_text(n.rule);
  n.child = storable_text(n.child);
  n.note = storable_text(n.note);
  n.user = storable_text(n.user);
  const std::string at = model::format_instant(n.at);
  long long id = 0;
  sql::WriteTx tx(sql_, driver_);
  // One note per finding: a second explanation replaces the first (the audit log keeps both).
  sql_ << "DELETE FROM finding_notes WHERE la = :la AND finding_key = :k", soci::use(n.la),
      soci::use(n.key);
  sql_ << "INSERT INTO finding_notes (la, finding_key, rule, child, note, username, at) VALUES "
          "(:la, :k, :r, :c, :n, :u, :at) RETURNING id",
      soci::use(n.la), soci::use(n.key), soci::use(n.rule), soci::use(n.child), soci::use(n.note),
      soci::use(n.user), soci::use(at), soci::into(id);
  tx.commit();
  n.id = id;
  return n;
}

std::vector<FindingNote> SqlFindingNotes::of_council(std::string_view la_view) {
  std::string la(la_view);
  std::vector<FindingNote> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kColumns +
                           " FROM finding_notes WHERE la = :la ORDER BY id",
       soci::use(la));
  for (const soci::row& r : rs) out.push_back(note_from(r));
  return out;
}

std::optional<FindingNote> SqlFindingNotes::find(std::int64_t id_in) {
  long long id = id_in;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kColumns + " FROM finding_notes WHERE id = :id",
       soci::use(id));
  for (const soci::row& r : rs) return note_from(r);
  return std::nullopt;
}

bool SqlFindingNotes::remove(std::int64_t id_in) {
  long long id = id_in;
  sql::WriteLock turn(driver_);
  soci::statement del = (sql_.prepare << "DELETE FROM finding_notes WHERE id = :id", soci::use(id));
  del.execute(true);
  return del.get_affected_rows() == 1;
}

}  // namespace hearth::store
