#include "services/listening.hpp"

#include <algorithm>
#include <cmath>

#include "services/errors.hpp"

namespace hearth::services {

namespace {

using nlohmann::json;

bool for_audience(const voice::Survey& s, bool care_leaver) {
  return s.audience == "all" || (s.audience == "care_leaver") == care_leaver;
}

// A count as the page may show it: null when it is 1 to below the threshold.
json shown(long long n, int below) {
  if (n > 0 && n < below) return nullptr;
  return n;
}

std::string iso(model::Date d) {
  return model::format_iso(d);
}

}  // namespace

std::vector<const voice::Survey*> surveys_for(store::Store& st, const voice::SurveyBook& book,
                                              const auth::Principal& yp, bool care_leaver,
                                              model::Date today) {
  std::vector<const voice::Survey*> out;
  for (const auto& s : book.surveys)
    if (s.open_on(today) && for_audience(s, care_leaver) && !st.voice().has_answered(s.id, yp.id))
      out.push_back(&s);
  return out;
}

void answer_survey(store::Store& st, const voice::SurveyBook& book, const auth::Principal& yp,
                   bool care_leaver, const std::string& id,
                   const std::map<std::string, std::string>& answers, model::Date today) {
  const auto* s = book.survey(id);
  if (yp.role != auth::Role::YoungPerson || yp.councils.empty())
    throw Error(ErrorKind::Forbidden, "forbidden", "Only a young person answers a survey");
  if (!s || !s->open_on(today) || !for_audience(*s, care_leaver))
    throw bad_input("no_survey", "There is no survey " + id + " open for you",
                    {{"parameter", "survey"}});
  json out = json::object();
  for (const auto& [q, a] : answers) {
    if (a.empty()) continue;
    auto it = std::find_if(s->questions.begin(), s->questions.end(),
                           [&](const voice::Question& x) { return x.id == q; });
    if (it == s->questions.end())
      throw bad_input("bad_answer", "The survey has no question " + q, {{"parameter", q}});
    const auto& allowed = voice::scale_answers(it->scale);
    if (std::find(allowed.begin(), allowed.end(), a) == allowed.end())
      throw bad_input("bad_answer", "That is not one of the answers to " + q, {{"parameter", q}});
    out[q] = a;
  }
  if (out.empty())
    throw bad_input("no_answers", "Answer at least one question", {{"parameter", "answers"}});
  if (!st.voice().add_survey_response(yp.id, {s->id, yp.councils.front(), iso(today), out.dump()}))
    throw conflict("answered", "You have answered this survey already");
}

std::optional<model::Date> next_rating_day(store::Store& st, const auth::Principal& yp) {
  const std::string last = st.voice().last_rated(yp.id);
  if (last.empty()) return std::nullopt;
  auto d = model::parse_iso(last);
  if (!d) return std::nullopt;
  return *d + std::chrono::days(kRateEveryDays);
}

void rate_standards(store::Store& st, const voice::SurveyBook& book, const auth::Principal& yp,
                    const std::string& team, const std::map<std::string, std::string>& scores,
                    model::Date today) {
  if (yp.role != auth::Role::YoungPerson || yp.councils.empty())
    throw Error(ErrorKind::Forbidden, "forbidden", "Only a young person rates the standards");
  if (team.empty())
    throw bad_input("no_team", "Your worker's team is not known, so there is nobody to rate yet");
  if (auto next = next_rating_day(st, yp); next && today < *next)
    throw conflict("rated", "You rated them recently: you can again from " + iso(*next));
  json out = json::object();
  for (const auto& [id, score] : scores) {
    if (score.empty() || score == "dont_know") continue;
    if (std::none_of(book.standards.begin(), book.standards.end(),
                     [&](const voice::Standard& s) { return s.id == id; }))
      throw bad_input("bad_score", "There is no standard " + id, {{"parameter", id}});
    if (score.size() != 1 || score[0] < '1' || score[0] > '5')
      throw bad_input("bad_score", "A score is 1 to 5", {{"parameter", id}});
    out[id] = score[0] - '0';
  }
  if (out.empty())
    throw bad_input("no_scores", "Rate at least one of them", {{"parameter", "scores"}});
  st.voice().add_standards_rating(yp.id, {yp.councils.front(), team, iso(today), out.dump()});
}

json listening_summary(store::Store& st, const model::Dataset& data, const voice::SurveyBook& book,
                       const ListeningQuery& q) {
  const int below = q.suppress_below;
  // Statements: counts by topic, mood and month, and answers on time.
  std::map<std::string, long long> topics, moods, months;
  long long total = 0, unsafe = 0, due = 0, on_time = 0;
  for (const auto& s : data.statements) {
    if (s.la != q.la || s.made < q.from || s.made > q.to) continue;
    ++total;
    unsafe += s.unsafe;
    ++topics[s.topic];
    ++moods[s.mood];
    ++months[iso(s.made).substr(0, 7)];
    if (auto in_time = s.answered_in_time(q.to)) {
      ++due;
      on_time += *in_time;
    }
  }
  auto counts = [&](const std::map<std::string, long long>& m, const char* key) {
    json a = json::array();
    for (const auto& [k, n] : m) a.push_back({{key, k}, {"count", shown(n, below)}});
    return a;
  };
  json statements = {
      {"total", shown(total, below)},        {"unsafe", shown(unsafe, below)},
      {"by_topic", counts(topics, "topic")}, {"by_mood", counts(moods, "mood")},
      {"by_month", counts(months, "month")}, {"answered_in_time", shown(on_time, below)},
      {"answers_due", shown(due, below)}};

  // Surveys: results only when enough answered (and each answer's count suppressed).
  std::map<std::string, std::vector<json>> by_survey;
  for (const auto& r : st.voice().survey_responses(q.la)) {
    auto d = model::parse_iso(r.on);
    if (!d || *d < q.from || *d > q.to) continue;
    by_survey[r.survey].push_back(json::parse(r.answers, nullptr, false));
  }
  json surveys = json::array();
  for (const auto& s : book.surveys) {
    const auto& rs = by_survey[s.id];
    const long long n = static_cast<long long>(rs.size());
    const bool show = n >= below;
    json questions = json::array();
    for (const auto& question : s.questions) {
      json answers = json::array();
      for (const auto& a : voice::scale_answers(question.scale)) {
        long long c = 0;
        for (const auto& r : rs)
          if (r.is_object() && r.value(question.id, "") == a) ++c;
        answers.push_back({{"answer", a}, {"count", show ? shown(c, below) : json(nullptr)}});
      }
      questions.push_back({{"id", question.id}, {"text", question.text}, {"answers", answers}});
    }
    surveys.push_back({{"id", s.id},
                       {"title", s.title},
                       {"audience", s.audience},
                       {"opens", iso(s.opens)},
                       {"closes", iso(s.closes)},
                       {"responses", shown(n, below)},
                       {"shown", show},
                       {"questions", questions}});
  }

  // Standards, per team, only for a team with enough ratings.
  std::map<std::string, std::vector<json>> by_team;
  for (const auto& r : st.voice().standards_ratings(q.la)) {
    auto d = model::parse_iso(r.on);
    if (!d || *d < q.from || *d > q.to) continue;
    by_team[r.team].push_back(json::parse(r.scores, nullptr, false));
  }
  json teams = json::array();
  for (const auto& [team, rs] : by_team) {
    const bool show = static_cast<int>(rs.size()) >= q.min_team;
    json standards = json::array();
    for (const auto& sd : book.standards) {
      double sum = 0;
      long long c = 0;
      for (const auto& r : rs)
        if (r.is_object() && r.contains(sd.id) && r[sd.id].is_number()) {
          sum += r[sd.id].get<double>();
          ++c;
        }
      json average = show && c > 0 ? json(std::round(sum / c * 10) / 10) : json(nullptr);
      standards.push_back({{"id", sd.id},
                           {"name", sd.name},
                           {"average", average},
                           {"count", show ? json(c) : json(nullptr)}});
    }
    teams.push_back({{"team", team},
                     {"ratings", show ? json(rs.size()) : json(nullptr)},
                     {"shown", show},
                     {"standards", standards}});
  }
  return {{"la", q.la},
          {"from", iso(q.from)},
          {"to", iso(q.to)},
          {"suppress_below", below},
          {"statements", statements},
          {"surveys", surveys},
          {"standards", {{"min_ratings", q.min_team}, {"teams", teams}}}};
}

}  // namespace hearth::services
