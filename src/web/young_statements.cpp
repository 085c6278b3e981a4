// A young person's own pages: home (their worker, their next review, the local offer), "I don't
// feel safe", telling their worker how they feel, and their messages with the answers.

#include "services/children.hpp"
#include "services/governance.hpp"
#include "services/voice.hpp"
#include "timescales/registry.hpp"
#include "voice/vocabulary.hpp"
#include "web/young_page.hpp"

namespace hearth::web::young {

namespace {

using auth::Resource;

model::Instant now_of(const Page& p) {
  return model::from_unix_seconds(p.call.ctx.authn.now());
}

Resource own(const Page& p) {
  const auto& who = p.call.who();
  Resource r = Resource::council(who.councils.empty() ? "" : who.councils.front());
  r.child = who.child;
  return r;
}

// The child in the data in use, with who works with them now (nothing when not in it).
std::optional<model::ChildIndex> own_child(const Page& p, Resource& res) {
  auto d = p.call.ctx.derived();
  auto c = d->data->find_child(res.la, res.child);
  if (c) res = child_resource(*d->data, *c, d->as_of);
  return c;
}

std::int64_t id_of(const Page& p) {
  auto n = positive_number(p.req().path_params.at("id"));
  if (!n) throw services::not_found("not_found", "no such page");
  return *n;
}

// The young person's own statement, or not found (another child's is one that does not exist).
store::Statement own_statement(Page& p, std::int64_t id) {
  auto s = p.call.st.voice().statement(id);
  const auto& who = p.call.who();
  if (!s || s->la != own(p).la || s->child != who.child ||
      (s->source == "hearth" && s->user_id != who.id)) {
    if (s)
      p.call.audit("access.denied", "statement:" + std::to_string(id), "denied",
                   {{"route", "GET " + p.req().path}, {"reason", "not this young person's"}});
    throw services::not_found("not_found", "no such statement");
  }
  return *s;
}

json moods(Page& p, const std::string& chosen) {
  json out = json::array();
  for (auto m : voice::kMoods) {
    std::string v(m);
    out.push_back({{"id", "mood-" + v},
                   {"value", v},
                   {"word", p.say("mood_" + v)},
                   {"picture", mood_picture(m)},
                   {"checked", v == chosen}});
  }
  return out;
}

json topics(Page& p, const std::string& chosen) {
  json out = json::array();
  for (auto t : voice::kTopics) {
    std::string v(t);
    out.push_back({{"id", "topic-" + v},
                   {"value", v},
                   {"word", p.say("topic_" + v)},
                   {"checked", v == chosen}});
  }
  return out;
}

// Sends the statement; what to show when it was refused (the form again, with its errors).
struct Outcome {
  std::optional<services::Sent> sent;
  FormErrors errors;
};

Outcome send(Page& p, const services::NewStatement& s) {
  Outcome out;
  if (!s.unsafe) {
    if (s.mood.empty()) out.errors.add("mood", p.say("need_mood"));
    if (s.topic.empty()) out.errors.add("topic", p.say("need_topic"));
  }
  if (out.errors.any()) return out;
  Resource res = own(p);
  own_child(p, res);
  auto lease = p.call.ctx.voice();
  try {
    out.sent = services::send_statement(p.call.st, lease.v, p.call.who(), res, s, now_of(p));
  } catch (const services::Error& e) {
    if (e.kind() != services::ErrorKind::BadInput) throw;
    const std::string& c = e.code();
    if (c == "bad_mood")
      out.errors.add("mood", p.say("need_mood"));
    else if (c == "bad_topic")
      out.errors.add("topic", p.say("need_topic"));
    else if (c == "bad_text" && std::string(e.what()).find("too long") != std::string::npos)
      out.errors.add("text", p.say("too_long"));
    else if (c == "bad_text" && std::string(e.what()).find("empty") != std::string::npos)
      out.errors.add("text", p.say("need_text"));
    else
      out.errors.add("text", p.say("bad_text"));
    return out;
  }
  const auto& st = out.sent->statement;
  p.call.audit("statement.send", "child:" + st.la + "/" + st.child, "ok",
               {{"statement", st.id},
                {"unsafe", st.unsafe},
                {"alert", out.sent->alert ? json(out.sent->alert->id) : json(nullptr)},
                {"told", out.sent->told.size()},
                {"page", true}});
  return out;
}

std::string when_sent(Page& p, model::Instant t) {
  return p.say("sent_on", {{"date", when(p.lang, t)}});
}

}  // namespace

// ---- home -------------------------------------------------------------------------------------

http::Response home(Page& p) {
  const auto& who = p.call.who();
  Resource res = own(p);
  json d;
  std::string name = who.display_name;
  if (auto c = own_child(p, res)) {
    auto derived = p.call.ctx.derived();
    services::JourneyQuery q;
    q.child = *c;
    q.as_of =
        services::resolve_as_of(*derived->data, "", ingest::AsOfUse::Timescales, res.la, "as_of");
    q.findings = false;
    const auto j = services::journey(*derived, p.call.st, q);
    const auto& w = j.summary.worker;
    if (!w.name.empty())
      d["worker"] =
          p.say("my_worker_text", {{"worker", std::string(w.name)}, {"team", std::string(w.team)}});
    d["reach"] = p.say("reach_worker",
                       {{"days", std::to_string(p.call.ctx.opts.voice.reply_within_working_days)}});
    // The next review: the earliest review (or pathway plan review) still to come.
    std::optional<model::Date> review;
    using timescales::ItemId;
    for (const auto& it : j.items) {
      if (it.item != ItemId::FirstReview && it.item != ItemId::SecondReview &&
          it.item != ItemId::LaterReview && it.item != ItemId::PathwayPlanReview)
        continue;
      if (!it.due || it.status == timescales::Status::DoneOnTime ||
          it.status == timescales::Status::DoneLate ||
          it.status == timescales::Status::NotApplicable)
        continue;
      if (!review || it.due->date < *review) review = it.due->date;
    }
    if (review) {
      std::chrono::year_month_day ymd{*review};
      const bool late = *review < q.as_of.date;
      d["review"] = p.say(
          late ? "next_review_late" : "next_review_text",
          {{"date", day(p.lang, static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                        static_cast<unsigned>(ymd.day()))}});
    }
    // Their advocate or independent visitor, while appointed.
    json advocates = json::array();
    for (const auto* a : derived->data->local_index.advocacy_allocations.of(*c)) {
      if (a->start > q.as_of.date || (a->end && *a->end < q.as_of.date) || a->advocate.empty())
        continue;
      const bool iv = a->service == model::AdvocacyService::IndependentVisitor;
      const std::string provider =
          a->provider.empty() ? p.say(iv ? "visitor_scheme" : "advocacy_service") : a->provider;
      advocates.push_back(p.say(iv ? "visitor_text" : "advocate_text",
                                {{"name", a->advocate}, {"provider", provider}}));
    }
    if (!advocates.empty()) d["advocates"] = advocates;
    if (const auto* person = derived->data->person(*c))
      if (!person->preferred.empty() || !person->forename.empty())
        name = person->preferred.empty() ? person->forename : person->preferred;
    if (j.summary.status == services::CareStatus::CareLeaver) {
      json offer = json::array();
      for (const auto& o : p.call.ctx.opts.voice.local_offer)
        offer.push_back({{"name", o.name}, {"amount", o.amount}, {"detail", o.detail}});
      d["has_offer"] = !offer.empty();
      d["offer"] = offer;
    }
  }
  // "You said, we did": what the council changed because young people told it.
  json said = json::array();
  for (const auto& c : services::you_said_we_did(p.call.st, res.la, 5))
    said.push_back({{"challenge", c.challenge}, {"response", c.response}});
  if (!said.empty()) d["you_said"] = said;
  d["hello"] = p.say("hello", {{"name", name}});
  d["surveys"] = open_surveys(p);
  int unseen = 0;
  for (const auto& s : p.call.st.voice().statements(res.la, res.child))
    if (s.source != "hearth" || s.user_id == who.id) unseen += s.unseen_replies;
  d["new_replies"] = unseen ? p.say("new_replies", {{"count", std::to_string(unseen)}}) : "";
  p.call.audit("child.read", "child:" + res.la + "/" + res.child, "ok",
               {{"view", "young_person_page"}});
  return page(p, 200, "home", d, "service_tagline");
}

// ---- telling their worker ---------------------------------------------------------------------

http::Response say_form(Page& p) {
  json d = {{"moods", moods(p, "")}, {"topics", topics(p, "")}};
  FormErrors().into(d);
  return page(p, 200, "say", d, "say_title");
}

http::Response say_post(Page& p) {
  services::NewStatement s;
  s.mood = p.field("mood");
  s.topic = p.field("topic");
  s.text = p.field("text");
  s.unsafe = p.field("unsafe") == "yes";
  s.purpose = p.field("purpose");
  auto out = send(p, s);
  if (out.sent) {
    const auto id = std::to_string(out.sent->statement.id);
    return redirect(s.unsafe ? "/my/help/" + id : "/my/messages?sent=" + id);
  }
  json d = {{"moods", moods(p, s.mood)},
            {"topics", topics(p, s.topic)},
            {"text", s.text},
            {"unsafe", s.unsafe},
            {"purpose_prepare", s.purpose == "prepare"},
            {"purpose_good_news", s.purpose == "good_news"}};
  out.errors.into(d);
  return page(p, 400, "say", d, "say_title");
}

http::Response unsafe_form(Page& p) {
  json d;
  FormErrors().into(d);
  return page(p, 200, "unsafe", d, "unsafe_title");
}

http::Response unsafe_post(Page& p) {
  services::NewStatement s;
  // "I don't feel safe" needs no mood or topic: it is the message. The mood is recorded as
  // scared and the topic as something else, so the Board's themes count it.
  s.mood = "scared";
  s.topic = "something_else";
  s.text = p.field("text");
  s.unsafe = true;
  auto out = send(p, s);
  if (out.sent) return redirect("/my/help/" + std::to_string(out.sent->statement.id));
  json d = {{"text", s.text}};
  out.errors.into(d);
  return page(p, 400, "unsafe", d, "unsafe_title");
}

http::Response help_page(Page& p) {
  const auto s = own_statement(p, id_of(p));
  json d = {{"id", s.id}};
  std::string names;
  if (s.alert_id) {
    std::vector<std::string> told;
    for (const auto& e : p.call.st.voice().alert_events(s.alert_id))
      if (e.kind == "told" && e.level == 0) told.push_back(e.name);
    for (std::size_t i = 0; i < told.size(); ++i)
      names += (i == 0 ? "" : i + 1 == told.size() ? p.say("and") : ", ") + told[i];
    auto a = p.call.st.voice().alert(s.alert_id);
    d["told"] = told.empty()
                    ? p.say("help_told_nobody")
                    : p.say("help_told", {{"names", names},
                                          {"due", when(p.lang, a ? a->due_at : s.created_at)}});
  } else {
    d["told"] = p.say("sent");
  }
  const auto& c = p.call.ctx.opts.voice;
  if (!c.out_of_hours.empty()) {
    d["out_of_hours"] =
        p.say("help_out_of_hours", {{"name", c.out_of_hours_name}, {"number", c.out_of_hours}});
    std::string tel;
    for (char ch : c.out_of_hours)
      if (std::isdigit(static_cast<unsigned char>(ch)) || ch == '+') tel += ch;
    d["out_of_hours_tel"] = tel;
  }
  return page(p, 200, "help", d, "help_title");
}

// ---- messages ---------------------------------------------------------------------------------

http::Response messages_page(Page& p) {
  Resource res = own(p);
  const auto& who = p.call.who();
  json items = json::array();
  for (const auto& s : p.call.st.voice().statements(res.la, res.child)) {
    if (s.source == "hearth" && s.user_id != who.id) continue;
    items.push_back(
        {{"id", s.id},
         {"sent_on", when_sent(p, s.created_at)},
         {"mood", p.say("mood_" + s.mood)},
         {"topic", p.say("topic_" + s.topic)},
         {"unsafe", s.unsafe},
         {"new_answer", s.unseen_replies > 0},
         {"answers", s.replies ? p.say("answers", {{"count", std::to_string(s.replies)}})
                               : p.say("waiting")}});
  }
  json d = {{"items", items}, {"sent", !p.call.query("sent").empty()}};
  return page(p, 200, "messages", d, "messages_title");
}

http::Response message_page(Page& p) {
  const auto s = own_statement(p, id_of(p));
  auto lease = p.call.ctx.voice();
  auto opened = services::open_statement(p.call.st, lease.v, s.id);
  p.call.st.voice().mark_replies_seen(s.id, now_of(p));
  p.call.audit("statement.read", "statement:" + std::to_string(s.id), "ok",
               {{"child", s.la + "/" + s.child}, {"page", true}});
  json replies = json::array();
  for (const auto& r : opened.replies)
    replies.push_back({{"heading", p.say("answer_from", {{"name", r.reply.author},
                                                         {"date", when(p.lang, r.reply.at)}})},
                       {"text", r.text}});
  json d = {{"sent_on", when_sent(p, s.created_at)},
            {"mood", p.say("mood_" + s.mood)},
            {"topic", p.say("topic_" + s.topic)},
            {"unsafe", s.unsafe},
            {"prepare", s.purpose == "prepare"},
            {"good_news", s.purpose == "good_news"},
            {"text", opened.text},
            {"replies", replies},
            {"no_answer",
             p.say("no_answer_yet",
                   {{"days", std::to_string(p.call.ctx.opts.voice.reply_within_working_days)}})}};
  return page(p, 200, "message", d, "message_title");
}

}  // namespace hearth::web::young
