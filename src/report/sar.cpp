#include "report/sar.hpp"

#include <nlohmann/json.hpp>

#include "model/text.hpp"
#include "report/child.hpp"
#include "services/children.hpp"

namespace hearth::report {

namespace {

using nlohmann::json;

std::string csv_cell(const std::string& v) {
  // A value a spreadsheet would run as a formula is kept as text (model::spreadsheet_cell).
  std::string s = model::spreadsheet_cell(v);
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv(const std::vector<std::string>& headers,
                const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
    out += "\r\n";
  };
  line(headers);
  for (const auto& r : rows) line(r);
  return out;
}

std::string when(const std::optional<model::Instant>& t) {
  return t ? model::format_instant(*t) : std::string();
}

}  // namespace

std::vector<std::pair<std::string, std::string>> subject_access_files(
    services::SnapshotCache& snap, store::Store& st, const voice::Keyring& keys,
    const std::string& la, const std::string& child, const std::string& made_at) {
  const auto& data = *snap.data;
  const auto c = services::find_child(data, {la}, child);
  services::JourneyQuery q;
  q.child = c;
  q.as_of = services::resolve_as_of(data, "", ingest::AsOfUse::Timescales, la, "as_of");
  q.findings = true;
  const auto journey = services::journey(snap, st, q);

  // What they said, every answer, and their alerts.
  json statements = json::array();
  std::vector<std::vector<std::string>> statement_rows, reply_rows, alert_rows;
  for (const auto& s : st.voice().statements(la, child)) {
    json replies = json::array();
    for (const auto& r : st.voice().replies(s.id)) {
      const std::string text = keys.open(r.text_box);
      replies.push_back(
          {{"author", r.author}, {"at", model::format_instant(r.at)}, {"text", text}});
      reply_rows.push_back({std::to_string(s.id), r.author, model::format_instant(r.at), text});
    }
    json alert = nullptr;
    if (s.alert_id) {
      if (auto a = st.voice().alert(s.alert_id)) {
        json events = json::array();
        for (const auto& e : st.voice().alert_events(a->id))
          events.push_back({{"at", model::format_instant(e.at)},
                            {"what", e.kind},
                            {"level", e.level},
                            {"who", e.name}});
        const std::string action = a->action_box.empty() ? "" : keys.open(a->action_box);
        alert = {{"raised_at", model::format_instant(a->raised_at)},
                 {"due_at", model::format_instant(a->due_at)},
                 {"level", a->level},
                 {"acknowledged_at", when(a->acknowledged_at)},
                 {"acknowledged_by", a->acknowledged_by},
                 {"what_was_done", action},
                 {"events", events}};
        alert_rows.push_back({std::to_string(s.id), model::format_instant(a->raised_at),
                              model::format_instant(a->due_at), std::to_string(a->level),
                              when(a->acknowledged_at), a->acknowledged_by, action});
      }
    }
    const std::string text = keys.open(s.text_box);
    statements.push_back({{"id", s.id},
                          {"made_at", model::format_instant(s.created_at)},
                          {"source", s.source},
                          {"mood", s.mood},
                          {"topic", s.topic},
                          {"purpose", s.purpose},
                          {"i_dont_feel_safe", s.unsafe},
                          {"text", text},
                          {"first_read_at", when(s.first_read_at)},
                          {"replies", replies},
                          {"alert", alert}});
    statement_rows.push_back({std::to_string(s.id), model::format_instant(s.created_at), s.source,
                              s.mood, s.topic, s.purpose, s.unsafe ? "yes" : "no", text});
  }

  // Their accounts (never a password or its hash) and the invitations made for them.
  json accounts = json::array();
  for (const auto& u : st.list_users())
    if (u.child == child && !u.councils.empty() && u.councils.front() == la)
      accounts.push_back({{"username", u.username},
                          {"name", u.display_name},
                          {"created_at", model::format_instant(u.created_at)},
                          {"last_signed_in_at", when(u.last_login_at)},
                          {"disabled", u.disabled}});

  const std::string readme =
      "Everything Hearth holds about child " + child + " of council " + la + ", made " + made_at +
      " for a subject access request.\r\n\r\n"
      "record.json        their record: the 903 return's episodes, placements, legal status, "
      "reviews and missing episodes, the council's local records, statutory items and data "
      "findings\r\n"
      "statements.json    what they said, every answer, and their \"I don't feel safe\" alerts "
      "with who was told and what was done\r\n"
      "statements.csv, replies.csv, alerts.csv    the same as tables\r\n"
      "accounts.json      their Hearth accounts (never a password)\r\n\r\n"
      "Survey answers and ratings of the professional standards are anonymous by design: they "
      "are stored apart from who gave them, so they cannot be found for anyone and are not "
      "included.\r\n";
  return {{"README.txt", readme},
          {"record.json", journey_json(snap, journey).dump(2)},
          {"statements.json", statements.dump(2)},
          {"statements.csv", csv({"statement", "made_at", "source", "mood", "topic", "purpose",
                                  "i_dont_feel_safe", "text"},
                                 statement_rows)},
          {"replies.csv", csv({"statement", "author", "at", "text"}, reply_rows)},
          {"alerts.csv", csv({"statement", "raised_at", "due_at", "level", "acknowledged_at",
                              "acknowledged_by", "what_was_done"},
                             alert_rows)},
          {"accounts.json", accounts.dump(2)}};
}

}  // namespace hearth::report
