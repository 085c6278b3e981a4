// The child's voice in the API: statements (a young person's own; the staff inbox and replies),
// "I don't feel safe" alerts and their acknowledgement, and invitations to a young person's
// account. Who may read or answer which child's words is the policy's, from the child's
// allocations now (and, for an alert, who was told of it); the work is services/voice.hpp's and
// services/alerts.hpp's. No statement's text is ever written to the audit log or the server log:
// each read of it is audited, by id.
#include <algorithm>
#include <map>

#include "report/list.hpp"
#include "services/alerts.hpp"
#include "services/children.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;
using model::format_instant;

std::int64_t id_param(const Call& call) {
  const std::string& v = call.req.path_params.at("id");
  auto n = positive_number(v);
  if (!n) throw ApiError(404, "not_found", "There is nothing with the number '" + v + "'.");
  return *n;
}

std::string instant_or_empty(const std::optional<model::Instant>& t) {
  return t ? format_instant(*t) : std::string();
}

// The people who work with a child now, from the data in use (a child not in it: nobody).
Resource child_now(Call& call, const std::string& la, const std::string& child) {
  auto d = call.ctx.derived();
  if (auto c = d->data->find_child(la, child)) return child_resource(*d->data, *c, d->as_of);
  Resource r = Resource::council(la);
  r.child = child;
  return r;
}

std::string child_name(Call& call, const std::string& la, const std::string& child) {
  auto d = call.ctx.derived();
  auto c = d->data->find_child(la, child);
  return c ? d->data->full_name(*c) : std::string();
}

// The policy's answer for each child, asked once per child on a list.
class ChildAccess {
 public:
  ChildAccess(Call& call, Action action) : call_(call), action_(action) {}
  auth::Decision operator()(const std::string& la, const std::string& child,
                            const std::vector<std::string>& told = {}) {
    std::string key = la + "/" + child;
    if (told.empty())
      if (auto it = seen_.find(key); it != seen_.end()) return it->second;
    Resource r = child_now(call_, la, child);
    r.told = told;
    auto d = call_.check(action_, r);
    if (told.empty()) seen_[key] = d;
    return d;
  }

 private:
  Call& call_;
  Action action_;
  std::map<std::string, auth::Decision> seen_;
};

json alert_brief(const store::Statement& s, model::Instant now) {
  if (!s.alert_id) return nullptr;
  return {{"id", s.alert_id},
          {"acknowledged", s.alert_acknowledged},
          {"overdue", !s.alert_acknowledged && s.alert_due_at <= now}};
}

json summary_json(const store::Statement& s, const std::string& name, model::Instant now) {
  return {{"id", s.id},
          {"la", s.la},
          {"child", s.child},
          {"child_name", name},
          {"created_at", format_instant(s.created_at)},
          {"mood", s.mood},
          {"topic", s.topic},
          {"purpose", s.purpose},
          {"unsafe", s.unsafe},
          {"source", s.source},
          {"read", s.first_read_at.has_value()},
          {"replies", s.replies},
          {"last_reply_at", instant_or_empty(s.last_reply_at)},
          {"alert", alert_brief(s, now)}};
}

json reply_json(const services::ReplyText& r) {
  return {{"id", r.reply.id},
          {"author", r.reply.author},
          {"at", format_instant(r.reply.at)},
          {"text", r.text}};
}

json opened_json(const services::Opened& o, const std::string& name, model::Instant now) {
  json j = summary_json(o.statement, name, now);
  j["text"] = o.text;
  json replies = json::array();
  for (const auto& r : o.replies) replies.push_back(reply_json(r));
  j["replies_list"] = std::move(replies);
  return j;
}

json help_json(const voice::VoiceConfig& c) {
  return {{"emergency", "999"},
          {"childline", "0800 1111"},
          {"out_of_hours", c.out_of_hours},
          {"out_of_hours_name", c.out_of_hours_name}};
}

std::vector<std::string> told_usernames(const std::vector<store::AlertEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events)
    if (e.kind == "told") out.push_back(e.username);
  return out;
}

json alert_json(const services::AlertView& v, const std::string& name, bool with_action) {
  const auto& a = v.alert;
  json told = json::array();
  for (const auto& e : v.events)
    if (e.kind == "told")
      told.push_back({{"name", e.name},
                      {"username", e.username},
                      {"level", e.level},
                      {"at", format_instant(e.at)}});
  json emails = json::array();
  for (const auto& m : v.mail)
    emails.push_back({{"to", m.to_name},
                      {"status", m.sent_at                                   ? "sent"
                                 : (m.attempts > 0 && !m.last_error.empty()) ? "failed"
                                                                             : "waiting"},
                      {"attempts", m.attempts},
                      {"last_error", m.last_error},
                      {"sent_at", instant_or_empty(m.sent_at)}});
  return {{"id", a.id},
          {"statement_id", a.statement_id},
          {"la", a.la},
          {"child", a.child},
          {"child_name", name},
          {"raised_at", format_instant(a.raised_at)},
          {"due_at", format_instant(a.due_at)},
          {"overdue", v.overdue},
          {"level", a.level},
          {"acknowledged_at", instant_or_empty(a.acknowledged_at)},
          {"acknowledged_by", a.acknowledged_by},
          {"action", with_action ? v.action : std::string()},
          {"told", std::move(told)},
          {"emails", std::move(emails)}};
}

model::Instant now_of(const Call& call) {
  return model::from_unix_seconds(call.ctx.authn.now());
}

// ---- statements -------------------------------------------------------------------------------

http::Response send_statement(Call& call) {
  const auto& who = call.who();
  Resource own = Resource::council(who.councils.empty() ? "" : who.councils.front());
  own.child = who.child;
  call.require(Action::SendStatement, own);
  json body = call.body_object();
  services::NewStatement s;
  s.mood = body_string(body, "mood", "");
  s.topic = body_string(body, "topic", "");
  s.text = body_string(body, "text", "");
  s.unsafe = body_bool(body, "unsafe", false);
  s.purpose = body_string(body, "purpose", "");
  auto lease = call.ctx.voice();
  const services::Voice& voice = lease.v;
  const auto now = now_of(call);
  auto sent =
      services::send_statement(call.st, voice, who, child_now(call, own.la, own.child), s, now);
  call.audit("statement.send", "child:" + own.la + "/" + own.child, "ok",
             {{"statement", sent.statement.id},
              {"unsafe", s.unsafe},
              {"alert", sent.alert ? json(sent.alert->id) : json(nullptr)},
              {"told", sent.told.size()}});
  services::Opened o{sent.statement, sent.text, {}};
  json j = opened_json(o, "", now);
  json told = json::array();
  for (const auto& t : sent.told) told.push_back(t.name);
  j["told"] = std::move(told);
  j["help"] = help_json(voice.config);
  return http::Response::json(j, 201);
}

http::Response list_statements(Call& call) {
  const auto& who = call.who();
  const auto now = now_of(call);
  auto lease = call.ctx.voice();
  const services::Voice& voice = lease.v;
  // A young person: their own statements, with what they said and the replies.
  if (who.role == auth::Role::YoungPerson) {
    Resource own = Resource::council(call.council());
    own.child = who.child;
    call.require(Action::ReadStatementText, own);
    std::vector<store::Statement> mine;
    for (auto& s : call.st.voice().statements(own.la, own.child))
      if (s.user_id == who.id || s.source != "hearth") mine.push_back(std::move(s));
    auto page = call.page();
    json items = json::array();
    for (std::size_t i = page.first; i < mine.size() && i < page.first + page.second; ++i)
      items.push_back(opened_json(services::open_statement(call.st, voice, mine[i].id), "", now));
    call.audit("statement.read", "child:" + own.la + "/" + own.child, "ok",
               {{"statements", items.size()}, {"own", true}});
    json out = Call::paged(std::move(items), mine.size(), page);
    out["unread"] = 0;
    return http::Response::json(out);
  }
  const std::string la = call.council();
  call.require(Action::ReadStatements, Resource::council(la));
  const std::string only_child = call.query("child");
  const bool unread_only = call.query("unread") == "true";
  ChildAccess may(call, Action::ReadStatements);
  std::vector<std::pair<store::Statement, auth::Decision>> shown;
  std::size_t unread = 0;
  for (auto& s : call.st.voice().statements(la, only_child)) {
    auto d = may(s.la, s.child);
    if (!d) continue;
    if (!s.first_read_at) ++unread;
    if (unread_only && s.first_read_at) continue;
    shown.emplace_back(std::move(s), d);
  }
  // Unread first, then newest first (the store's order).
  std::stable_sort(shown.begin(), shown.end(), [](const auto& a, const auto& b) {
    return !a.first.first_read_at && b.first.first_read_at;
  });
  auto page = call.page();
  json items = json::array();
  for (std::size_t i = page.first; i < shown.size() && i < page.first + page.second; ++i) {
    const auto& [s, d] = shown[i];
    const bool names = d.view != auth::View::Metadata;
    items.push_back(summary_json(s, names ? child_name(call, s.la, s.child) : "", now));
  }
  call.audit("statements.list", "council:" + la, "ok",
             {{"shown", items.size()}, {"total", shown.size()}});
  json out = Call::paged(std::move(items), shown.size(), page);
  out["unread"] = unread;
  return http::Response::json(out);
}

// The statement and the policy's answer for it; one that may not be read is one that does not
// exist (the denial audited), so an id never confirms a child's statement.
std::pair<store::Statement, auth::Decision> statement_for(Call& call, Action action) {
  const auto id = id_param(call);
  auto s = call.st.voice().statement(id);
  if (!s) throw ApiError(404, "not_found", "There is no statement " + std::to_string(id) + ".");
  std::vector<std::string> told;
  if (s->alert_id) told = told_usernames(call.st.voice().alert_events(s->alert_id));
  Resource r = child_now(call, s->la, s->child);
  r.told = told;
  auto d = call.check(action, r);
  if (!d || (call.who().role == auth::Role::YoungPerson && s->user_id != call.who().id &&
             s->source == "hearth")) {
    call.audit("access.denied", "statement:" + std::to_string(id), "denied",
               {{"action", auth::action_name(action)},
                {"route", call.req.method + " " + call.req.path},
                {"reason", d ? "not this young person's statement" : d.reason}});
    throw ApiError(404, "not_found", "There is no statement " + std::to_string(id) + ".");
  }
  return {*s, d};
}

http::Response get_statement(Call& call) {
  auto [s, d] = statement_for(call, Action::ReadStatementText);
  const auto now = now_of(call);
  auto lease = call.ctx.voice();
  const services::Voice& voice = lease.v;
  auto opened = services::open_statement(call.st, voice, s.id);
  const bool young_person = call.who().role == auth::Role::YoungPerson;
  if (young_person)
    call.st.voice().mark_replies_seen(s.id, now);
  else if (!s.first_read_at)
    call.st.voice().mark_statement_read(s.id, now);
  call.audit("statement.read", "statement:" + std::to_string(s.id), "ok",
             {{"child", s.la + "/" + s.child}});
  return http::Response::json(
      opened_json(opened, young_person ? "" : child_name(call, s.la, s.child), now));
}

http::Response post_reply(Call& call) {
  auto [s, d] = statement_for(call, Action::ReplyStatement);
  json body = call.body_object();
  auto lease = call.ctx.voice();
  const services::Voice& voice = lease.v;
  auto r = services::reply(call.st, voice, call.who(), s.id, body_string(body, "text", ""),
                           now_of(call));
  call.audit("statement.reply", "statement:" + std::to_string(s.id), "ok",
             {{"reply", r.reply.id}, {"child", s.la + "/" + s.child}});
  return http::Response::json(reply_json(r), 201);
}

// ---- alerts -----------------------------------------------------------------------------------

http::Response list_alerts(Call& call) {
  const std::string la = call.council();
  call.require(Action::ReadAlerts, Resource::council(la));
  const std::string state = call.query("state", "open");
  if (state != "open" && state != "all")
    throw ApiError(400, "bad_state", "state is open or all.", {{"parameter", "state"}});
  const auto now = now_of(call);
  auto lease = call.ctx.voice();
  const services::Voice& voice = lease.v;
  ChildAccess may(call, Action::ReadAlerts);
  json items = json::array();
  std::size_t open = 0, overdue = 0;
  for (const auto& a : call.st.voice().alerts(la, state == "open")) {
    auto view = services::view_alert(call.st, voice, a, now, false);
    auto d = may(a.la, a.child, told_usernames(view.events));
    if (!d) continue;
    const bool full = d.view != auth::View::Metadata;
    // What was done is opened only for those who may read it (never an administrator).
    if (full && !a.action_box.empty()) view.action = voice.keys.open(a.action_box);
    open += !a.acknowledged_at;
    overdue += view.overdue;
    items.push_back(alert_json(view, full ? child_name(call, a.la, a.child) : "", full));
  }
  // Open first (oldest deadline first), then the acknowledged, newest first.
  std::stable_sort(items.begin(), items.end(), [](const json& x, const json& y) {
    bool xo = x["acknowledged_at"].get<std::string>().empty(),
         yo = y["acknowledged_at"].get<std::string>().empty();
    if (xo != yo) return xo;
    return xo && x["due_at"].get<std::string>() < y["due_at"].get<std::string>();
  });
  call.audit("alerts.list", "council:" + la, "ok", {{"shown", items.size()}, {"state", state}});
  const std::size_t total = items.size();
  json out = report::list_json(std::move(items), total);
  out["open"] = open;
  out["overdue"] = overdue;
  return http::Response::json(out);
}

http::Response acknowledge_alert(Call& call) {
  const auto id = id_param(call);
  auto a = call.st.voice().alert(id);
  if (!a) throw ApiError(404, "not_found", "There is no alert " + std::to_string(id) + ".");
  Resource r = child_now(call, a->la, a->child);
  r.told = told_usernames(call.st.voice().alert_events(id));
  auto d = call.check(Action::AcknowledgeAlert, r);
  if (!d) {
    call.audit("access.denied", "alert:" + std::to_string(id), "denied",
               {{"action", auth::action_name(Action::AcknowledgeAlert)},
                {"route", call.req.method + " " + call.req.path},
                {"reason", d.reason}});
    throw ApiError(404, "not_found", "There is no alert " + std::to_string(id) + ".");
  }
  json body = call.body_object();
  auto lease = call.ctx.voice();
  const services::Voice& voice = lease.v;
  const auto now = now_of(call);
  auto acked =
      services::acknowledge(call.st, voice, call.who(), id, body_string(body, "action", ""), now);
  call.audit("alert.acknowledge", "alert:" + std::to_string(id), "ok",
             {{"child", a->la + "/" + a->child}, {"level", acked.level}});
  auto view = services::view_alert(call.st, voice, acked, now, true);
  return http::Response::json(alert_json(view, child_name(call, a->la, a->child), true));
}

// ---- invitations ------------------------------------------------------------------------------

http::Response create_invitation(Call& call) {
  json body = call.body_object();
  std::string la = body_string(body, "la", "");
  if (la.empty()) la = call.council();
  const std::string child = body_string(body, "child", "");
  if (child.empty())
    throw ApiError(400, "bad_request", "Say which child the invitation is for (child).",
                   {{"parameter", "child"}});
  auto d = call.ctx.derived();
  model::ChildIndex c = services::find_child(*d->data, {la}, child);
  auto res = child_resource(*d->data, c, d->as_of);
  auto decision = call.check(Action::InviteYoungPerson, res);
  if (!decision) {
    call.audit("access.denied", "child:" + la + "/" + child, "denied",
               {{"action", auth::action_name(Action::InviteYoungPerson)},
                {"route", call.req.method + " " + call.req.path},
                {"reason", decision.reason}});
    throw services::no_child(child);
  }
  auto lease = call.ctx.voice();
  const services::Voice& voice = lease.v;
  auto inv = services::invite(call.st, voice, la, child, call.who().username, now_of(call));
  call.audit("invitation.create", "child:" + la + "/" + child, "ok",
             {{"invitation", inv.invitation.id},
              {"expires_at", format_instant(inv.invitation.expires_at)}});
  return http::Response::json({{"code", inv.code},
                               {"child", child},
                               {"expires_at", format_instant(inv.invitation.expires_at)}},
                              201);
}

}  // namespace

void add_voice_routes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET",
       "/api/v1/statements",
       "Statements from children: a young person's own with replies, or the "
       "inbox of the children you work with (unread first; no text in the list)",
       {kLa,
        {"child", "query", "string", "Only this child's statements"},
        {"unread", "query", "string", "Only those nobody has opened yet", false, {"true", "false"}},
        kPage,
        kPerPage},
       true,
       "",
       list_statements});
  routes.back().reply = {200, "StatementList"};
  routes.push_back({"POST",
                    "/api/v1/statements",
                    "Send a statement (a young person): mood, topic, text, and \"I don't feel "
                    "safe\", which alerts their worker and manager at once",
                    {},
                    true,
                    "json",
                    send_statement});
  routes.back().reply = {201, "SentStatement"};
  // A letter of 5,000 characters, every one escaped, fits; 100 KB of text is read and refused
  // as too long (a clear 400), anything far larger is refused unread (413).
  routes.back().body_limit = 256 * 1024;
  routes.push_back({"GET",
                    "/api/v1/statements/{id}",
                    "One statement with its text and replies (each read is audited)",
                    {{"id", "path", "integer", "The statement's number", true}},
                    true,
                    "",
                    get_statement});
  routes.back().reply = {200, "Statement"};
  routes.push_back({"POST",
                    "/api/v1/statements/{id}/replies",
                    "Reply to a statement; the young person sees it on their pages",
                    {{"id", "path", "integer", "The statement's number", true}},
                    true,
                    "json",
                    post_reply});
  routes.back().reply = {201, "StatementReply"};
  routes.back().body_limit = 256 * 1024;
  routes.push_back(
      {"GET",
       "/api/v1/alerts",
       "\"I don't feel safe\" alerts for the children you work with or were told "
       "of: deadlines, who was told, whether their email arrived",
       {kLa, {"state", "query", "string", "Open (default) or all", false, {"open", "all"}}},
       true,
       "",
       list_alerts});
  routes.back().reply = {200, "AlertList"};
  routes.push_back({"POST",
                    "/api/v1/alerts/{id}/acknowledge",
                    "Acknowledge an alert, saying what was done",
                    {{"id", "path", "integer", "The alert's number", true}},
                    true,
                    "json",
                    acknowledge_alert});
  routes.back().reply = {200, "Alert"};
  routes.push_back({"POST",
                    "/api/v1/invitations",
                    "A single-use invitation code for a child's own account (shown once)",
                    {},
                    true,
                    "json",
                    create_invitation});
  routes.back().reply = {201, "Invitation"};
}

}  // namespace hearth::web
