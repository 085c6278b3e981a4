// The Board's meetings, its reporting calendar, the figures entered by hand and one action with
// its history (docs/governance.md). The Board's officer keeps them; anyone who may see the Board
// reads them. Nothing here names a child.
#include "report/governance.hpp"
#include "services/board.hpp"
#include "services/governance.hpp"
#include "web/board_common.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;
using board::id_param;
using board::now_of;
using board::today_of;

// [{text, detail}] (agenda), [{name, present}] (attendance) or [text] (decisions) from a body.
std::optional<std::vector<store::MeetingItem>> items(const json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  const json& v = body[name];
  auto bad = [&] {
    return ApiError(400, "bad_request",
                    std::string(name) + " must be a list of " +
                        (std::string(name) == "attendance"  ? "{name, present}"
                         : std::string(name) == "decisions" ? "texts"
                                                            : "{text, detail}"),
                    {{"parameter", name}});
  };
  if (!v.is_array() || v.size() > 200) throw bad();
  std::vector<store::MeetingItem> out;
  for (const auto& i : v) {
    if (std::string(name) == "decisions") {
      if (!i.is_string()) throw bad();
      out.push_back({i.get<std::string>(), ""});
    } else if (std::string(name) == "attendance") {
      if (!i.is_object() || !i.contains("name") || !i["name"].is_string()) throw bad();
      out.push_back(
          {i["name"].get<std::string>(), body_bool(i, "present", true) ? "present" : "apologies"});
    } else {
      if (!i.is_object() || !i.contains("text") || !i["text"].is_string()) throw bad();
      out.push_back({i["text"].get<std::string>(), body_string(i, "detail", "")});
    }
  }
  return out;
}

services::MeetingEdit meeting_edit(const json& body) {
  services::MeetingEdit e;
  auto opt = [&](const char* name) { return board::optional_string(body, name); };
  e.date = opt("date");
  e.title = opt("title");
  e.theme = opt("theme");
  e.status = opt("status");
  e.minutes = opt("minutes");
  e.agenda = items(body, "agenda");
  e.attendance = items(body, "attendance");
  e.decisions = items(body, "decisions");
  return e;
}

// A meeting with the actions agreed at it and the reports due for it: those due after the
// meeting before it, up to its day.
json meeting_reply(Call& call, const store::Meeting& m) {
  const auto today = today_of(call);
  json out = report::meeting_json(m);
  json actions = json::array();
  for (const auto& a : call.st.governance().actions(m.la))
    if (a.meeting == m.id) actions.push_back(report::action_json(a, today));
  out["actions"] = actions;
  model::Date since{};  // 1970: before any meeting
  for (const auto& other : call.st.governance().meetings(m.la))
    if (other.id != m.id && other.held_on < m.held_on) since = std::max(since, other.held_on);
  json reports = json::array();
  if (auto v = call.st.governance().governance(m.la)) {
    const auto g = services::governance_of(call.st, m.la, *call.ctx.surveys);
    for (const auto& d : services::report_calendar(call.st, m.la, g, today, m.held_on))
      if (d.due > since) reports.push_back(report::report_due_json(d));
  }
  out["reports_due"] = reports;
  int open = 0;
  for (const auto& c : call.st.governance().cards(m.la)) open += c.status != "answered" ? 1 : 0;
  out["cards_open"] = open;
  return out;
}

store::Meeting meeting_by_id(Call& call) {
  const auto id = id_param(call, "meeting");
  auto m = call.st.governance().meeting(id);
  if (!m) throw ApiError(404, "not_found", "There is no meeting " + std::to_string(id) + ".");
  board::require_board_by_id(call, m->la, "meeting", id);
  return *m;
}

http::Response list_meetings(Call& call) {
  const std::string la = call.council();
  call.require(Action::ReadBoard, Resource::council(la));
  const auto actions = call.st.governance().actions(la);
  json items = json::array();
  for (const auto& m : call.st.governance().meetings(la)) {
    int n = 0;
    for (const auto& a : actions) n += a.meeting == m.id ? 1 : 0;
    items.push_back(report::meeting_summary_json(m, n));
  }
  json out = {{"items", items}, {"total", items.size()}};
  return http::Response::json(out);
}

http::Response create_meeting(Call& call) {
  const std::string la = call.council();
  call.require(Action::ManageBoard, Resource::council(la));
  json body = call.body_object();
  const auto g = services::governance_of(call.st, la, *call.ctx.surveys);
  const auto m =
      services::add_meeting(call.st, la, g, meeting_edit(body), call.who().username, now_of(call));
  call.audit("meeting.create", "meeting:" + std::to_string(m.id), "ok",
             {{"la", la}, {"date", model::format_iso(m.held_on)}});
  return http::Response::json(meeting_reply(call, m), 201);
}

http::Response get_meeting(Call& call) {
  return http::Response::json(meeting_reply(call, meeting_by_id(call)));
}

http::Response update_meeting(Call& call) {
  const auto m = meeting_by_id(call);
  call.require(Action::ManageBoard, Resource::council(m.la));
  json body = call.body_object();
  const auto g = services::governance_of(call.st, m.la, *call.ctx.surveys);
  const auto done =
      services::update_meeting(call.st, m.la, g, m.id, meeting_edit(body), now_of(call));
  call.audit("meeting.update", "meeting:" + std::to_string(m.id), "ok",
             {{"la", m.la}, {"status", done.status}});
  return http::Response::json(meeting_reply(call, done));
}

// ---- the reporting calendar and figures entered by hand -----------------------------------------

http::Response calendar(Call& call) {
  const std::string la = call.council();
  call.require(Action::ReadBoard, Resource::council(la));
  const auto today = today_of(call);
  const auto g = services::governance_of(call.st, la, *call.ctx.surveys);
  json items = json::array();
  for (const auto& d :
       services::report_calendar(call.st, la, g, today, model::add_months(today, 12)))
    items.push_back(report::report_due_json(d));
  json out = {{"as_of", model::format_iso(today)}, {"items", items}};
  return http::Response::json(out);
}

http::Response receive_report(Call& call) {
  const std::string la = call.council();
  call.require(Action::ManageBoard, Resource::council(la));
  json body = call.body_object();
  const auto g = services::governance_of(call.st, la, *call.ctx.surveys);
  const std::string report = call.req.path_params.at("id");
  const auto d =
      services::receive_report(call.st, la, g, report, body_string(body, "due", ""),
                               body_string(body, "received", ""), body_string(body, "document", ""),
                               body_string(body, "note", ""), call.who().username, today_of(call));
  call.audit("report.receive", "report:" + report, "ok",
             {{"la", la}, {"due", model::format_iso(d.due)}});
  return http::Response::json(report::report_due_json(d));
}

http::Response manual_value(Call& call) {
  const std::string la = call.council();
  call.require(Action::ManageBoard, Resource::council(la));
  json body = call.body_object();
  const auto g = services::governance_of(call.st, la, *call.ctx.surveys);
  if (!body.contains("value") || !body["value"].is_number())
    throw ApiError(400, "bad_value", "value must be a number", {{"parameter", "value"}});
  const std::string measure = call.req.path_params.at("id");
  const auto v = services::put_manual_value(
      call.st, la, g, measure, body_string(body, "period_end", ""), body["value"].get<double>(),
      body_string(body, "note", ""), call.who().username, now_of(call));
  call.audit("measure.value", "measure:" + measure, "ok",
             {{"la", la}, {"period_end", model::format_iso(v.period_end)}});
  json out = {{"measure", v.measure},       {"period_end", model::format_iso(v.period_end)},
              {"value", v.value},           {"note", v.note},
              {"entered_by", v.entered_by}, {"entered_at", model::format_instant(v.entered_at)}};
  return http::Response::json(out, 201);
}

// ---- one action -----------------------------------------------------------------------------

http::Response action_detail(Call& call) {
  const auto id = id_param(call, "action");
  auto a = call.st.governance().action(id);
  if (!a) throw ApiError(404, "not_found", "There is no action " + std::to_string(id) + ".");
  board::require_board_by_id(call, a->la, "action", id);
  const auto today = today_of(call);
  json card = nullptr, meeting = nullptr;
  if (a->card)
    if (auto c = call.st.governance().card(a->card)) {
      const auto g = services::governance_of(call.st, a->la, *call.ctx.surveys);
      const bool words = call.check(Action::ManageCards, Resource::council(a->la)).allowed;
      card = report::card_json(*c, services::card_state(*c, call.st.governance().actions(a->la)), g,
                               words);
    }
  if (a->meeting)
    if (auto m = call.st.governance().meeting(a->meeting)) {
      int n = 0;
      for (const auto& x : call.st.governance().actions(a->la)) n += x.meeting == m->id ? 1 : 0;
      meeting = report::meeting_summary_json(*m, n);
    }
  json out = {{"action", report::action_json(*a, today)},
              {"history",
               report::history_json(call.st.governance().action_events(id), board::names(call.st))},
              {"card", card},
              {"meeting", meeting}};
  return http::Response::json(out);
}

}  // namespace

void add_meeting_routes(std::vector<Route>& routes) {
  const Param id{"id", "path", "integer", "The meeting"};
  routes.push_back(
      {"GET", "/api/v1/meetings", "The Board's meetings, by date", {kLa}, true, "", list_meetings});
  routes.back().reply = {200, "MeetingList"};
  routes.push_back({"POST",
                    "/api/v1/meetings",
                    "Plan a meeting: {date, title, theme, agenda: [{text, detail}]} (the Board's "
                    "officer)",
                    {kLa},
                    true,
                    "json",
                    create_meeting});
  routes.back().reply = {201, "Meeting"};
  routes.push_back({"GET",
                    "/api/v1/meetings/{id}",
                    "A meeting: agenda, attendance, decisions, minutes, the actions agreed at it "
                    "and the reports due for it",
                    {id},
                    true,
                    "",
                    get_meeting});
  routes.back().reply = {200, "Meeting"};
  routes.push_back({"POST",
                    "/api/v1/meetings/{id}",
                    "Record a meeting: {status, minutes, attendance: [{name, present}], "
                    "decisions: [text], agenda} (the Board's officer; fields given replace)",
                    {id},
                    true,
                    "json",
                    update_meeting});
  routes.back().reply = {200, "Meeting"};
  routes.push_back({"GET",
                    "/api/v1/reports",
                    "The reporting calendar: every report's due dates from the strategy's start "
                    "to a year ahead, received, missing or coming",
                    {kLa},
                    true,
                    "",
                    calendar});
  routes.back().reply = {200, "ReportCalendar"};
  routes.push_back({"POST",
                    "/api/v1/reports/{id}/receive",
                    "Record a report received for a due date: {due, document, note, received} "
                    "(the Board's officer)",
                    {kLa, {"id", "path", "string", "The report's id in the arrangements"}},
                    true,
                    "json",
                    receive_report});
  routes.back().reply = {200, "ReportDue"};
  routes.push_back({"POST",
                    "/api/v1/measures/{id}/values",
                    "Enter a measure's figure for a period by hand: {period_end, value, note} "
                    "(the Board's officer)",
                    {kLa, {"id", "path", "string", "The measure's id in the arrangements"}},
                    true,
                    "json",
                    manual_value});
  routes.back().reply = {201, "ManualValue"};
  routes.push_back({"GET",
                    "/api/v1/actions/{id}",
                    "An action with its history, the card it answers and the meeting that "
                    "agreed it",
                    {{"id", "path", "integer", "The action"}},
                    true,
                    "",
                    action_detail});
  routes.back().reply = {200, "ActionDetail"};
}

}  // namespace hearth::web
