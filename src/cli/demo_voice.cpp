// The demo council's voice (`hearth demo`): a year of synthetic statements from demo-yp and from
// other children on demo-worker's caseload, their workers' replies (most in a few working days,
// some late, a few not yet), "I don't feel safe" alerts (acknowledged at once, acknowledged late
// after an escalation, and one still open), so every voice page has something real to show.
// Every word is made up; no real child's words are ever used.
#include "cli/demo_voice.hpp"

#include <array>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>

#include "ingest/snapshot.hpp"
#include "services/alerts.hpp"
#include "services/children.hpp"
#include "voice/clock.hpp"
#include "voice/surveys.hpp"
#include "voice/vocabulary.hpp"

namespace hearth::cli {

namespace {

struct Line {
  const char* mood;
  const char* topic;
  const char* text;
};

// Made-up messages in a child's words, one per mood and topic that go together.
constexpr std::array kLines{
    Line{"great", "school", "I got a merit in maths today and my teacher said well done."},
    Line{"good", "home", "Tea was nice tonight. We had pasta and I helped cook it."},
    Line{"okay", "family_time", "Family time was ok. Mum was late again but we played cards."},
    Line{"sad", "family_time", "I didn't see my brother this week. I miss him."},
    Line{"angry", "where_i_live", "Someone went in my room and took my charger. It's not fair."},
    Line{"sad", "school", "I sat on my own at lunch again."},
    Line{"good", "health", "I went to the dentist and it didn't hurt."},
    Line{"okay", "my_worker", "Can we meet after school instead of in the day? I miss lessons."},
    Line{"great", "something_else", "I got into the football team!!"},
    Line{"angry", "money", "My pocket money was late and I couldn't go to the cinema."},
    Line{"good", "school", "Science was fun, we did volcanoes."},
    Line{"sad", "home", "I can't sleep because it's noisy at night."},
    Line{"okay", "school", "Can I change to a different maths group?"},
    Line{"great", "family_time", "Nan came to family time and brought cake."},
    Line{"good", "something_else", "I want to join the youth club. Can you help me?"},
    Line{"scared", "where_i_live", "The older boy here shouts at me and I don't like it."},
};

constexpr std::array kReplies{
    "Thank you for telling me. I'll call you tomorrow after school so we can talk about it.",
    "That's brilliant news — well done! I've told your IRO too.",
    "I'm sorry that happened. I've spoken to your carer and we'll sort it out this week.",
    "Thanks for letting me know. Let's talk about it at our visit on Thursday.",
    "I've asked for that to be put on the agenda for your review, so your views are heard.",
};

model::Instant at_day(model::Date d, int hour, int minute) {
  return model::Instant{std::chrono::sys_days{d}} + std::chrono::hours(hour) +
         std::chrono::minutes(minute);
}

}  // namespace

void add_demo_voice(store::Store& st, const voice::Keyring& keys, const voice::VoiceConfig& config,
                    const std::string& la) {
  if (!st.voice().statements(la, "").empty()) return;
  auto yp = st.find_user("demo-yp");
  auto worker = st.find_user("demo-worker");
  auto manager = st.find_user("demo-manager");
  if (!yp || !worker || !manager || yp->child.empty()) return;
  auto data = ingest::load_dataset(st);
  const model::Date as_of = ingest::data_date(*data);
  const services::Voice v{keys, config};
  const auto& cal = v.calendar;
  std::mt19937 rng(903);

  // demo-yp's child first, then others on demo-worker's caseload (to fill the inbox).
  std::vector<std::string> children{yp->child};
  for (model::ChildIndex c = 0; c < data->children.size() && children.size() < 9; ++c) {
    if (data->children[c].la != la || data->children[c].child == yp->child) continue;
    auto who = services::allocated_on(*data, c, as_of);
    if (std::find(who.workers.begin(), who.workers.end(), worker->worker) != who.workers.end())
      children.push_back(data->children[c].child);
  }
  const auto now = model::instant_now();
  const model::Date today = voice::england_date(now);
  auto child_of = services::allocations_in(data, today);
  int statements = 0, alerts = 0;
  for (std::size_t k = 0; k < children.size(); ++k) {
    const bool own = k == 0;
    const int count = own ? 24 : 3 + static_cast<int>(rng() % 4);
    for (int i = 0; i < count; ++i) {
      // Spread over the last year, oldest first; the newest a few days ago.
      const int days_ago = own ? 360 - i * 15 : 20 + static_cast<int>(rng() % 330);
      const model::Date d = today - std::chrono::days(days_ago);
      const auto when = at_day(d, 15 + static_cast<int>(rng() % 6), static_cast<int>(rng() % 60));
      // demo-yp said twice in the year that they did not feel safe.
      const Line& line = own && (i == 5 || i == 16) ? kLines.back() : kLines[rng() % kLines.size()];
      store::Statement s;
      s.la = la;
      s.child = children[k];
      s.user_id = own ? yp->id : 0;
      s.created_at = when;
      s.mood = line.mood;
      s.topic = line.topic;
      s.purpose = i % 7 == 3 ? "prepare" : (std::string(line.mood) == "great" ? "good_news" : "");
      s.unsafe = std::string(line.mood) == "scared";
      s.text_box = keys.seal(line.text);
      if (days_ago > 3) s.first_read_at = when + std::chrono::hours(2 + rng() % 40);
      std::optional<store::Alert> alert;
      store::Telling telling;
      if (s.unsafe) {
        alert.emplace();
        alert->la = la;
        alert->child = s.child;
        alert->raised_at = when;
        alert->due_at = voice::add_working_days(when, config.acknowledge_within_working_days, cal);
        telling = services::telling_for(st, v, *alert, child_of(*alert), 0);
        // The demo's mail was never sent anywhere: only the record of who was told is kept.
        telling.mail.clear();
      }
      const auto id = st.voice().add_statement(s, alert ? &*alert : nullptr, telling);
      ++statements;
      if (alert) {
        ++alerts;
        // Every other alert acknowledged within hours; the rest late, after an escalation.
        const bool late = alerts % 2 == 0;
        if (late) {
          auto next = *alert;
          next.level = 1;
          auto t2 = services::telling_for(st, v, next, child_of(next), 1);
          t2.mail.clear();
          st.voice().escalate_alert(alert->id, 0, voice::add_working_days(alert->due_at, 1, cal),
                                    alert->due_at, t2);
        }
        const auto acked =
            late ? alert->due_at + std::chrono::hours(3) : when + std::chrono::hours(2);
        st.voice().acknowledge_alert(
            alert->id, acked, late ? "demo-manager" : "demo-worker",
            keys.seal("Visited the placement the same evening and spoke to "
                      "the young person alone; safety plan agreed with "
                      "the carer."));
      }
      // Replies: most within a few working days; the newest few not answered yet.
      if (days_ago > 6 && rng() % 10 != 0) {
        store::Reply r;
        r.statement_id = id;
        r.user_id = worker->id;
        r.author = worker->display_name;
        const int wait =
            rng() % 8 == 0 ? 7 + static_cast<int>(rng() % 5) : 1 + static_cast<int>(rng() % 3);
        r.at = voice::add_working_days(when, wait, cal);
        r.text_box = keys.seal(kReplies[rng() % kReplies.size()]);
        st.voice().add_reply(r);
        if (own && days_ago > 20) st.voice().mark_replies_seen(id, r.at + std::chrono::hours(5));
      }
    }
  }
  // One alert still open, raised this morning by another child on the caseload, so the Safety
  // alerts page has one to acknowledge.
  if (children.size() > 1) {
    store::Statement s;
    s.la = la;
    s.child = children[1];
    s.created_at = now - std::chrono::hours(1);
    s.mood = "scared";
    s.topic = "home";
    s.unsafe = true;
    s.text_box = keys.seal("I don't want to go back there tonight.");
    store::Alert a;
    a.la = la;
    a.child = s.child;
    a.raised_at = s.created_at;
    a.due_at = voice::add_working_days(s.created_at, config.acknowledge_within_working_days, cal);
    auto telling = services::telling_for(st, v, a, child_of(a), 0);
    telling.mail.clear();
    st.voice().add_statement(s, &a, telling);
    ++statements;
    ++alerts;
  }
  // Anonymous survey answers and standards ratings from young people of the council (no
  // account behind them: made-up taker numbers below zero), enough to show for one team and not
  // for another.
  int answered = 0, rated = 0;
  const auto& book = voice::SurveyBook::shipped();
  for (const auto& survey : book.surveys) {
    const int n = survey.audience == "care_leaver" ? 21 : 34;
    for (int i = 0; i < n; ++i) {
      nlohmann::json answers = nlohmann::json::object();
      for (const auto& q : survey.questions) {
        const auto& options = voice::scale_answers(q.scale);
        // Mostly the better answers, as real surveys mostly are; some not answered.
        if (rng() % 12 == 0) continue;
        std::size_t pick = rng() % 10 < 7 ? rng() % 2 : rng() % options.size();
        answers[q.id] = options[std::min(pick, options.size() - 1)];
      }
      const model::Date on = std::max(survey.opens, today - std::chrono::days(rng() % 200));
      if (st.voice().add_survey_response(-1000 - answered,
                                         {survey.id, la, model::format_iso(on), answers.dump()}))
        ++answered;
    }
  }
  std::string own_team, other_team;
  if (const auto* p = data->professional(la, worker->worker)) own_team = p->team;
  for (const auto& lr : data->local)
    for (const auto& a : lr.allocations)
      if (lr.la == la && a.role == model::WorkerRole::SocialWorker && !a.team.empty() &&
          a.team != own_team && other_team.empty())
        other_team = a.team;
  for (const auto& [team, n] : {std::pair{own_team, 14}, std::pair{other_team, 6}}) {
    if (team.empty()) continue;
    for (int i = 0; i < n; ++i) {
      nlohmann::json scores = nlohmann::json::object();
      for (const auto& sd : book.standards)
        if (rng() % 8 != 0) scores[sd.id] = 2 + static_cast<int>(rng() % 4);
      st.voice().add_standards_rating(
          -5000 - rated,
          {la, team, model::format_iso(today - std::chrono::days(rng() % 300)), scores.dump()});
      ++rated;
    }
  }
  std::cout << "Added the demo voice: " << statements << " statements from " << children.size()
            << " children on demo-worker's caseload, " << alerts
            << " \"I don't feel safe\" alerts (one still open), " << answered
            << " anonymous survey answers and " << rated << " standards ratings.\n";
}

}  // namespace hearth::cli
