#include "report/board_json.hpp"

#include "voice/clock.hpp"

namespace hearth::report {

using nlohmann::json;

namespace {

json items(const std::vector<store::MeetingItem>& v) {
  json out = json::array();
  for (const auto& i : v) out.push_back({{"text", i.text}, {"detail", i.detail}});
  return out;
}

}  // namespace

json card_json(const store::Card& c, const services::CardState& s, const governance::Governance& g,
               bool words) {
  const bool from_child = c.raised_by_role == "young_person";
  const bool hidden = from_child && c.status == "raised" && !words;
  const auto* theme = g.theme(c.theme);
  const bool approved = c.status == "answered" && c.approved_at.has_value();
  return {{"id", c.id},
          {"raised_on", model::format_iso(voice::england_date(c.raised_at))},
          {"raised_by", from_child ? "a young person" : "the children in care council"},
          {"challenge", hidden ? json(nullptr) : json(c.challenge)},
          {"theme", c.theme},
          {"theme_title", theme ? theme->title : std::string()},
          {"addressed_to", c.addressed_to},
          {"status", c.status},
          {"response", approved ? json(c.response) : json(nullptr)},
          {"answered_on",
           approved ? json(model::format_iso(voice::england_date(*c.approved_at))) : json(nullptr)},
          {"ready_to_answer", s.ready_to_answer},
          {"actions_open", s.actions_open},
          {"actions_done", s.actions_done}};
}

json history_json(const std::vector<store::GovEvent>& events, const NameOf& name_of) {
  json out = json::array();
  for (const auto& e : events)
    out.push_back({{"at", model::format_instant(e.at)},
                   {"by", name_of(e.by)},
                   {"what", e.kind},
                   {"status", e.status},
                   {"note", e.note}});
  return out;
}

json meeting_summary_json(const store::Meeting& m, int actions) {
  return {{"id", m.id},         {"date", model::format_iso(m.held_on)},
          {"title", m.title},   {"theme", m.theme},
          {"status", m.status}, {"actions", actions}};
}

json meeting_json(const store::Meeting& m) {
  json attendance = json::array();
  for (const auto& a : m.attendance)
    attendance.push_back({{"name", a.text}, {"present", a.detail == "present"}});
  json decisions = json::array();
  for (const auto& d : m.decisions) decisions.push_back(d.text);
  return {{"id", m.id},
          {"date", model::format_iso(m.held_on)},
          {"title", m.title},
          {"theme", m.theme},
          {"status", m.status},
          {"minutes", m.minutes},
          {"agenda", items(m.agenda)},
          {"attendance", attendance},
          {"decisions", decisions}};
}

json report_due_json(const services::ReportDue& d) {
  const auto* rc = d.receipt ? &*d.receipt : nullptr;
  return {{"report", d.report->id},
          {"title", d.report->title},
          {"owner", d.report->owner},
          {"every_months", d.report->every_months},
          {"due", model::format_iso(d.due)},
          {"status", d.status},
          {"received_on", rc ? json(model::format_iso(rc->received)) : json(nullptr)},
          {"document", rc ? rc->document : std::string()},
          {"note", rc ? rc->note : std::string()}};
}

json arrangements_json(const governance::Governance& g, const store::GovernanceVersion& v,
                       const std::vector<store::GovernanceVersion>& versions) {
  json out = {{"la", v.la},
              {"name", g.name},
              {"chair", g.chair},
              {"strategy", g.strategy},
              {"from", model::format_iso(g.from)},
              {"to", model::format_iso(g.to)},
              {"loaded_at", model::format_instant(v.loaded_at)},
              {"loaded_by", v.loaded_by},
              {"source", v.source},
              {"pledge_title", g.pledge_title},
              {"promises", g.promises}};
  json& pr = out["priorities"] = json::array();
  for (const auto& p : g.priorities)
    pr.push_back({{"id", p.id}, {"title", p.title}, {"summary", p.summary}});
  json& ms = out["measures"] = json::array();
  for (const auto& m : g.measures) {
    json from = json::array();
    for (const auto& i : m.indicators) from.push_back(i);
    if (!m.survey.empty()) from.push_back(m.survey + ":" + m.question);
    if (!m.manual.empty()) from.push_back("manual");
    ms.push_back({{"id", m.id},
                  {"priority", m.priority},
                  {"text", m.text},
                  {"from", from},
                  {"target", m.target ? json(*m.target) : json(nullptr)},
                  {"manual", m.manual}});
  }
  json& cm = out["commitments"] = json::array();
  for (const auto& c : g.commitments)
    cm.push_back({{"id", c.id}, {"priority", c.priority}, {"text", c.text}, {"owner", c.owner}});
  json& th = out["themes"] = json::array();
  for (const auto& t : g.themes)
    th.push_back({{"id", t.id}, {"title", t.title}, {"year", t.year}, {"focus", t.focus}});
  json& mb = out["members"] = json::array();
  for (const auto& m : g.members)
    mb.push_back({{"name", m.name},
                  {"kind", std::string(governance::member_kind_name(m.kind))},
                  {"organisation", m.organisation},
                  {"role", m.role}});
  json& ch = out["champions"] = json::array();
  for (const auto& c : g.champions) ch.push_back({{"name", c.name}, {"area", c.area}});
  json& sg = out["subgroups"] = json::array();
  for (const auto& s : g.subgroups)
    sg.push_back({{"id", s.id},
                  {"title", s.title},
                  {"priority", s.priority},
                  {"chair", s.chair},
                  {"every_months", s.every_months}});
  json& rp = out["reports"] = json::array();
  for (const auto& r : g.reports)
    rp.push_back({{"id", r.id},
                  {"title", r.title},
                  {"owner", r.owner},
                  {"every_months", r.every_months},
                  {"first_due", model::format_iso(r.first_due)}});
  json& vs = out["versions"] = json::array();
  for (const auto& x : versions)
    vs.push_back({{"id", x.id},
                  {"loaded_at", model::format_instant(x.loaded_at)},
                  {"loaded_by", x.loaded_by},
                  {"source", x.source}});
  return out;
}

}  // namespace hearth::report
