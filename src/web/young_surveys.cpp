// A young person's surveys and their rating of the professional standards (docs/voice.md,
// "Surveys"): anonymous answers, stored apart from who gave them (services/listening.hpp).
#include "services/children.hpp"
#include "services/listening.hpp"
#include "voice/clock.hpp"
#include "web/young_page.hpp"

namespace hearth::web::young {

namespace {

model::Date today_of(const Page& p) {
  return voice::england_date(model::from_unix_seconds(p.call.ctx.authn.now()));
}

// Whether the young person is a care leaver, and their worker's team, from their record.
struct Own {
  bool care_leaver = false;
  std::string team;
};

Own own_record(Page& p) {
  Own out;
  const auto& who = p.call.who();
  auto d = p.call.ctx.derived();
  const auto& data = *d->data;
  const std::string la = who.councils.empty() ? "" : who.councils.front();
  auto c = data.find_child(la, who.child);
  if (!c) return out;
  auto s = services::child_summary(*d, *c, d->as_of);
  out.care_leaver = s.status == services::CareStatus::CareLeaver;
  out.team = std::string(s.worker.team);
  if (out.team.empty()) {
    auto a = services::allocated_on(data, *c, d->as_of);
    if (!a.teams.empty()) out.team = a.teams.front();
  }
  return out;
}

const voice::SurveyBook& book_of(const Page& p) {
  return *p.call.ctx.surveys;
}

std::string in_language(const Page& p, const std::string& en, const std::string& ar) {
  return p.lang == "ar" && !ar.empty() ? ar : en;
}

json survey_data(Page& p, const voice::Survey& s) {
  json questions = json::array();
  for (const auto& q : s.questions) {
    json answers = json::array();
    for (const auto& a : voice::scale_answers(q.scale))
      answers.push_back({{"input", q.id + "-" + a},
                         {"question", q.id},
                         {"value", a},
                         {"word", p.say("answer_" + a)}});
    questions.push_back({{"text", in_language(p, q.text, q.text_ar)}, {"answers", answers}});
  }
  return {{"id", s.id},
          {"title", in_language(p, s.title, s.title_ar)},
          {"intro", in_language(p, s.intro, s.intro_ar)},
          {"questions", questions}};
}

}  // namespace

json open_surveys(Page& p) {
  const auto own = own_record(p);
  json out = json::array();
  for (const auto* s :
       services::surveys_for(p.call.st, book_of(p), p.call.who(), own.care_leaver, today_of(p)))
    out.push_back({{"id", s->id}, {"title", in_language(p, s->title, s->title_ar)}});
  return out;
}

http::Response survey_page(Page& p) {
  const std::string id = p.req().path_params.at("id");
  const auto own = own_record(p);
  for (const auto* s :
       services::surveys_for(p.call.st, book_of(p), p.call.who(), own.care_leaver, today_of(p)))
    if (s->id == id) {
      json d = survey_data(p, *s);
      FormErrors().into(d);
      return page(p, 200, "survey", d, "surveys");
    }
  if (p.call.st.voice().has_answered(id, p.call.who().id))
    return info(p, 200, "thanks_title", "already_answered", "/my", "back_home");
  throw services::not_found("not_found", "no such survey");
}

http::Response survey_post(Page& p) {
  const std::string id = p.req().path_params.at("id");
  const auto* s = book_of(p).survey(id);
  if (!s) throw services::not_found("not_found", "no such survey");
  const auto own = own_record(p);
  std::map<std::string, std::string> answers;
  for (const auto& q : s->questions)
    if (auto v = p.field(q.id); !v.empty()) answers[q.id] = v;
  try {
    services::answer_survey(p.call.st, book_of(p), p.call.who(), own.care_leaver, id, answers,
                            today_of(p));
  } catch (const services::Error& e) {
    if (e.kind() == services::ErrorKind::Conflict)
      return info(p, 409, "thanks_title", "already_answered", "/my", "back_home");
    if (e.kind() != services::ErrorKind::BadInput) throw;
    json d = survey_data(p, *s);
    FormErrors errors;
    errors.add(
        s->questions.front().id + "-" + voice::scale_answers(s->questions.front().scale).front(),
        p.say("need_answer"));
    errors.into(d);
    return page(p, 400, "survey", d, "surveys");
  }
  // Not audited: an entry naming who answered, and when, would undo the answers' anonymity
  // (that they answered is kept, apart from the answers, only so they answer once).
  return page(p, 200, "thanks", json::object(), "thanks_title");
}

namespace {

json standards_data(Page& p) {
  json standards = json::array();
  for (const auto& sd : book_of(p).standards) {
    json scores = json::array();
    for (int n = 1; n <= 5; ++n)
      scores.push_back({{"input", sd.id + "-" + std::to_string(n)},
                        {"standard", sd.id},
                        {"value", std::to_string(n)},
                        {"word", p.say("score_" + std::to_string(n))}});
    scores.push_back({{"input", sd.id + "-dont_know"},
                      {"standard", sd.id},
                      {"value", "dont_know"},
                      {"word", p.say("score_dont_know")}});
    standards.push_back({{"name", in_language(p, sd.name, sd.name_ar)}, {"scores", scores}});
  }
  json d = {{"standards", standards}};
  if (auto next = services::next_rating_day(p.call.st, p.call.who()); next && today_of(p) < *next) {
    std::chrono::year_month_day ymd{*next};
    d["wait"] = p.say("standards_wait", {{"date", day(p.lang, static_cast<int>(ymd.year()),
                                                      static_cast<unsigned>(ymd.month()),
                                                      static_cast<unsigned>(ymd.day()))}});
  }
  return d;
}

}  // namespace

http::Response standards_page(Page& p) {
  json d = standards_data(p);
  FormErrors().into(d);
  return page(p, 200, "standards", d, "standards_title");
}

http::Response standards_post(Page& p) {
  const auto own = own_record(p);
  std::map<std::string, std::string> scores;
  for (const auto& sd : book_of(p).standards)
    if (auto v = p.field(sd.id); !v.empty()) scores[sd.id] = v;
  try {
    services::rate_standards(p.call.st, book_of(p), p.call.who(), own.team, scores, today_of(p));
  } catch (const services::Error& e) {
    if (e.kind() == services::ErrorKind::Conflict) return standards_page(p);
    if (e.kind() != services::ErrorKind::BadInput) throw;
    json d = standards_data(p);
    FormErrors errors;
    const auto& first = book_of(p).standards.front().id;
    errors.add(first + "-1", p.say(e.code() == "no_team" ? "no_team" : "need_score"));
    errors.into(d);
    return page(p, 400, "standards", d, "standards_title");
  }
  // Not audited, for the same reason as a survey's answers.
  return page(p, 200, "thanks", json::object(), "thanks_title");
}

}  // namespace hearth::web::young
