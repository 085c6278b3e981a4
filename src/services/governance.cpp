#include "services/governance.hpp"

#include <algorithm>

#include "services/board.hpp"
#include "services/errors.hpp"
#include "services/listening.hpp"
#include "services/scorecard.hpp"
#include "voice/clock.hpp"

namespace hearth::services {

namespace {

using indicators::Rag;

Rag worse(Rag a, Rag b) {
  auto rank = [](Rag r) {
    return r == Rag::Red ? 3 : r == Rag::Amber ? 2 : r == Rag::Green ? 1 : 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace

model::Instant end_of_day(model::Date d) {
  using namespace std::chrono;
  const model::Instant utc_midnight{sys_days{d + days{1}}};
  return utc_midnight - voice::england_offset(utc_midnight) - milliseconds{1};
}

std::int64_t load_governance(store::Store& st, const std::string& la, const std::string& text,
                             const std::string& source, const std::string& by,
                             const voice::SurveyBook& surveys, model::Instant now) {
  if (la.empty()) throw bad_input("bad_la", "Say which council the arrangements are for");
  try {
    governance::parse_governance(text, source, surveys);
  } catch (const governance::GovernanceError& e) {
    throw bad_input("bad_governance", e.what(), {{"source", source}});
  }
  return st.governance().put_governance({0, la, now, by, source, text});
}

governance::Governance governance_of(store::Store& st, const std::string& la,
                                     const voice::SurveyBook& surveys,
                                     std::optional<model::Instant> as_at) {
  auto v = st.governance().governance(la, as_at);
  if (!v)
    throw not_found("no_governance",
                    "Council " + la + " has no Corporate Parenting Board arrangements " +
                        (as_at ? "loaded by then" : "loaded") +
                        ": load a governance file (hearth governance load FILE --la " + la + ")");
  // Checked when it was loaded; a survey removed since is named, not ignored.
  try {
    return governance::parse_governance(v->text, v->source, surveys);
  } catch (const governance::GovernanceError& e) {
    throw bad_input("bad_governance",
                    std::string("The stored arrangements no longer read: ") + e.what());
  }
}

// ---- actions --------------------------------------------------------------------------------

store::Action add_action(store::Store& st, const std::string& la, const governance::Governance& g,
                         const NewAction& in, const std::string& by, model::Instant now) {
  store::Action a;
  a.la = la;
  a.title = in.title;
  a.owner = in.owner;
  a.owner_name = in.owner_name.empty() ? in.owner : in.owner_name;
  if (a.title.find_first_not_of(" \t\r\n") == std::string::npos)
    throw bad_input("bad_title", "Say what the action is", {{"parameter", "title"}});
  if (a.owner_name.empty())
    throw bad_input("bad_owner", "Say who owns the action", {{"parameter", "owner"}});
  auto due = model::parse_iso(in.due);
  if (!due)
    throw bad_input("bad_due",
                    "The due date must be a date written 2026-03-31, not '" + in.due + "'",
                    {{"parameter", "due"}});
  a.due = *due;
  if (!in.priority.empty() && !g.priority(in.priority))
    throw bad_input("bad_priority", "The strategy has no priority '" + in.priority + "'",
                    {{"parameter", "priority"}});
  if (!in.theme.empty() && !g.theme(in.theme))
    throw bad_input("bad_theme", "There is no theme '" + in.theme + "'", {{"parameter", "theme"}});
  auto& gov = st.governance();
  if (in.card && (!gov.card(in.card) || gov.card(in.card)->la != la))
    throw bad_input("bad_card", "There is no challenge card " + std::to_string(in.card),
                    {{"parameter", "card"}});
  if (in.meeting && (!gov.meeting(in.meeting) || gov.meeting(in.meeting)->la != la))
    throw bad_input("bad_meeting", "There is no meeting " + std::to_string(in.meeting),
                    {{"parameter", "meeting"}});
  a.priority = in.priority;
  a.theme = in.theme;
  a.card = in.card;
  a.meeting = in.meeting;
  a.created_at = a.updated_at = now;
  a.created_by = by;
  a.id = gov.add_action(a, {0, now, by, "created", "open", ""});
  card_action_agreed(st, a, now);  // the card it answers has actions agreed now
  return a;
}

store::Action close_action(store::Store& st, const std::string& la, std::int64_t id,
                           const std::string& status, const std::string& evidence, model::Date on,
                           const std::string& by, model::Instant now) {
  auto& gov = st.governance();
  auto a = gov.action(id);
  if (!a || a->la != la) throw not_found("no_action", "There is no action " + std::to_string(id));
  if (status != "done" && status != "dropped")
    throw bad_input("bad_status", "An action is closed as done or dropped, not '" + status + "'",
                    {{"parameter", "status"}});
  if (evidence.find_first_not_of(" \t\r\n") == std::string::npos)
    throw bad_input("no_evidence",
                    status == "done" ? "Say what shows the action was done (the evidence)"
                                     : "Say why the action was dropped",
                    {{"parameter", "evidence"}});
  if (a->status != "open")
    throw conflict("already_closed",
                   "Action " + std::to_string(id) + " is " + a->status + " already");
  const auto seen = a->updated_at;
  a->status = status;
  a->evidence = evidence;
  a->closed_on = on;
  a->updated_at = std::max(now, seen + std::chrono::milliseconds{1});
  if (!gov.update_action(*a, seen, {0, now, by, "closed", status, evidence}))
    throw conflict("changed", "Someone else changed action " + std::to_string(id) +
                                  " meanwhile: look again and try again");
  card_action_done(st, *a, by, now);  // its card may be answered now
  return *a;
}

std::vector<store::Action> list_actions(store::Store& st, const std::string& la,
                                        const ActionFilter& f, model::Date today) {
  const auto end = end_of_day(today);
  std::vector<store::Action> out;
  for (auto a : st.governance().actions(la)) {
    if (a.created_at > end) continue;
    if (a.closed_on && *a.closed_on > today) {  // as it stood then: still open
      a.status = "open";
      a.closed_on.reset();
      a.evidence.clear();
    }
    if (!f.owner.empty() && a.owner != f.owner && a.owner_name != f.owner) continue;
    if (!f.priority.empty() && a.priority != f.priority) continue;
    if (!f.theme.empty() && a.theme != f.theme) continue;
    if (f.status == "overdue" ? !overdue(a, today) : !f.status.empty() && a.status != f.status)
      continue;
    out.push_back(std::move(a));
  }
  return out;
}

// ---- challenge cards ------------------------------------------------------------------------

std::vector<store::Card> you_said_we_did(store::Store& st, const std::string& la,
                                         std::size_t limit) {
  std::vector<store::Card> out;
  for (auto& c : st.governance().cards(la))
    if (c.status == "answered" && c.approved_at && !c.response.empty()) {
      c.raised_by.clear();
      out.push_back(std::move(c));
    }
  std::stable_sort(out.begin(), out.end(), [](const store::Card& a, const store::Card& b) {
    return *a.approved_at > *b.approved_at;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

// ---- progress -------------------------------------------------------------------------------

namespace {

// One scorecard for every indicator the measures name (the scorecard's own figures, targets and
// trends on the date), built once per snapshot, date and view.
std::shared_ptr<const indicators::Scorecard> measures_scorecard(const SnapshotCache& snap,
                                                                const governance::Governance& g,
                                                                const std::string& la,
                                                                model::Date as_of, bool suppress) {
  ScorecardQuery q;
  q.suppress = suppress;
  q.la = la;
  q.as_of = model::format_iso(as_of);
  q.breakdowns = false;
  for (const auto& m : g.measures)
    for (const auto& key : m.indicators)
      if (std::find(q.only.begin(), q.only.end(), key) == q.only.end()) q.only.push_back(key);
  if (q.only.empty()) return std::make_shared<const indicators::Scorecard>();
  std::string key = la + "|" + q.as_of + "|" + (suppress ? "s" : "f");
  for (const auto& k : q.only) key += "|" + k;
  if (auto kept = snap.measure_scorecards.get(key)) return kept;
  auto card = std::make_shared<const indicators::Scorecard>(scorecard(snap, q));
  // Roughly what it holds: each indicator's figures, target and a trend of a few periods.
  return snap.measure_scorecards.put(key, card, 4096 * (card->entries.size() + 1));
}

void indicator_parts(const indicators::Scorecard& card, const governance::Measure& m,
                     MeasureProgress& out) {
  for (const auto& key : m.indicators) {
    const indicators::Entry* found = nullptr;
    for (const auto& e : card.entries)
      if (e.indicator->key == key) found = &e;
    if (!found) continue;
    const auto& e = *found;
    MeasurePart p;
    p.indicator = std::string(e.indicator->key);
    p.title = std::string(e.indicator->title);
    p.unit = std::string(indicators::unit_name(e.indicator->unit));
    if (e.current.value.available && !e.current.suppressed) p.value = e.current.value.value;
    if (!e.current.value.available) p.note = e.current.value.reason;
    if (e.current.suppressed) p.note = "too few children to show (suppressed)";
    std::optional<indicators::Target> target = e.target;
    if (m.target)
      target = indicators::Target{*m.target, e.target ? e.target->amber_margin : std::nullopt};
    if (target) p.target = target->value;
    p.rag = indicators::rate(*e.indicator, p.value, target);
    for (const auto& pt : e.trend)
      p.trend.emplace_back(pt.period.label, pt.shown.value.available && !pt.shown.suppressed
                                                ? pt.shown.value.value
                                                : std::nullopt);
    out.parts.push_back(std::move(p));
  }
}

// The share answering in the scale's best two answers, from the surveys' counts (suppressed when
// too few answered, as everywhere else).
void survey_part(store::Store& st, const SnapshotCache& snap, const governance::Measure& m,
                 const std::string& la, model::Date as_of, const voice::SurveyBook& surveys,
                 MeasureProgress& out) {
  MeasurePart p;
  p.indicator = m.survey + ":" + m.question;
  p.unit = "percent";
  p.target = m.target;
  ListeningQuery q;
  q.la = la;
  q.to = as_of;
  q.from = model::add_months(as_of, -12) + std::chrono::days{1};
  const auto summary = listening_summary(st, *snap.data, surveys, q);
  const auto* survey = surveys.survey(m.survey);
  for (const auto& s : summary.value("surveys", nlohmann::json::array())) {
    if (s.value("id", "") != m.survey) continue;
    p.title = s.value("title", "");
    if (!s.value("shown", false)) {
      p.note = "too few answers in the year to show";
      break;
    }
    for (const auto& question : s["questions"]) {
      if (question.value("id", "") != m.question) continue;
      p.title = question.value("text", p.title);
      std::string scale;
      for (const auto& sq : survey->questions)
        if (sq.id == m.question) scale = sq.scale;
      const auto& best = voice::scale_answers(scale);
      double top = 0, all = 0;
      for (const auto& a : question["answers"]) {
        if (!a["count"].is_number()) continue;
        const double n = a["count"].get<double>();
        const std::string answer = a.value("answer", "");
        all += n;
        if (best.size() >= 2 && (answer == best[0] || answer == best[1])) top += n;
      }
      if (all > 0) p.value = 100.0 * top / all;
    }
  }
  if (p.value && p.target)
    p.rag = *p.value >= *p.target ? Rag::Green : *p.value >= *p.target - 5 ? Rag::Amber : Rag::Red;
  out.parts.push_back(std::move(p));
}

void manual_part(store::Store& st, const governance::Measure& m, const std::string& la,
                 model::Date as_of, MeasureProgress& out) {
  MeasurePart p;
  p.indicator = "manual";
  p.title = m.text;
  p.target = m.target;
  p.note = "entered by hand from " + m.manual;
  for (const auto& v : st.governance().manual_values(la)) {
    if (v.measure != m.id || v.period_end > as_of) continue;
    p.trend.emplace_back(model::format_iso(v.period_end), v.value);
    p.value = v.value;
  }
  if (!p.value) p.note = "no figure entered yet (from " + m.manual + ")";
  if (p.value && p.target)
    p.rag = *p.value >= *p.target ? Rag::Green : *p.value >= *p.target - 5 ? Rag::Amber : Rag::Red;
  out.parts.push_back(std::move(p));
}

}  // namespace

std::vector<PriorityProgress> progress(const SnapshotCache& snap, store::Store& st,
                                       const governance::Governance& g, const std::string& la,
                                       model::Date as_of, const voice::SurveyBook& surveys,
                                       bool suppress) {
  std::vector<PriorityProgress> out;
  const auto actions = list_actions(st, la, {}, as_of);
  const auto card_ptr = measures_scorecard(snap, g, la, as_of, suppress);
  const auto& card = *card_ptr;
  for (const auto& pr : g.priorities) {
    PriorityProgress pp;
    pp.priority = &pr;
    for (const auto& m : g.measures) {
      if (m.priority != pr.id) continue;
      MeasureProgress mp;
      mp.measure = &m;
      if (!m.indicators.empty())
        indicator_parts(card, m, mp);
      else if (!m.survey.empty())
        survey_part(st, snap, m, la, as_of, surveys, mp);
      else
        manual_part(st, m, la, as_of, mp);
      for (const auto& p : mp.parts) mp.rag = worse(mp.rag, p.rag);
      pp.rag = worse(pp.rag, mp.rag);
      pp.measures.push_back(std::move(mp));
    }
    for (const auto& a : actions) {
      if (a.priority != pr.id || a.status != "open") continue;
      ++pp.actions_open;
      if (overdue(a, as_of)) ++pp.actions_overdue;
    }
    out.push_back(std::move(pp));
  }
  return out;
}

}  // namespace hearth::services
