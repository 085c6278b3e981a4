#include "store/sql_ops.hpp"

#include "store/sql_util.hpp"

namespace hearth::store::sql {

namespace {

// Rows of (key, count); a key column that is a number is written as one.
std::vector<std::pair<std::string, long long>> grouped(soci::session& sql, const std::string& q) {
  std::vector<std::pair<std::string, long long>> out;
  soci::rowset<soci::row> rs = (sql.prepare << q);
  for (const soci::row& r : rs) {
    std::string key;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
      if (i) key += "|";
      key += r.get_properties(i).get_data_type() == soci::dt_string
                 ? opt_string(r, i)
                 : std::to_string(get_int64(r, i));
    }
    out.emplace_back(std::move(key), get_int64(r, r.size() - 1));
  }
  return out;
}

long long count(soci::session& sql, const std::string& q) {
  long long n = 0;
  soci::indicator ind = soci::i_null;
  sql << q, soci::into(n, ind);
  return ind == soci::i_ok ? n : 0;
}

}  // namespace

OpsCounts read_ops_counts(soci::session& sql, std::int64_t created_after, std::int64_t seen_after,
                          model::Instant now, bool with_findings) {
  OpsCounts c;
  {
    long long n = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT COUNT(*) FROM sessions WHERE created >= :c AND last_seen >= :s",
        soci::use(static_cast<long long>(created_after)),
        soci::use(static_cast<long long>(seen_after)), soci::into(n, ind);
    c.sessions_active = ind == soci::i_ok ? n : 0;
  }
  c.imports = grouped(sql,
                      "SELECT format, accepted_with_findings, COUNT(*) FROM imports "
                      "GROUP BY format, accepted_with_findings ORDER BY format, "
                      "accepted_with_findings");
  c.uploads = grouped(sql, "SELECT status, COUNT(*) FROM uploads GROUP BY status ORDER BY status");
  if (with_findings)
    c.findings = grouped(sql,
                         "SELECT f.severity, COUNT(*) FROM import_findings f JOIN returns r ON "
                         "r.import_id = f.import_id GROUP BY f.severity ORDER BY f.severity");
  c.alerts_open = grouped(sql,
                          "SELECT level, COUNT(*) FROM alerts WHERE acknowledged_at = '' "
                          "GROUP BY level ORDER BY level");
  {
    const std::string at = model::format_instant(now);
    long long n = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT COUNT(*) FROM alerts WHERE acknowledged_at = '' AND due_at <= :now",
        soci::use(at), soci::into(n, ind);
    c.alerts_overdue = ind == soci::i_ok ? n : 0;
  }
  c.alert_escalations = count(sql, "SELECT COUNT(*) FROM alert_events WHERE kind = 'escalated'");
  c.mail_unsent = count(sql, "SELECT COUNT(*) FROM outbox WHERE sent_at = ''");
  return c;
}

}  // namespace hearth::store::sql
