#include "services/board.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "services/errors.hpp"
#include "services/governance.hpp"
#include "voice/clock.hpp"

namespace hearth::services {

namespace {

bool blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

bool word_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || (static_cast<unsigned char>(ch) & 0x80);
}

// `needle` in `hay` standing as whole words (not inside a longer word).
bool has_words(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return false;
  for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    const bool starts = at == 0 || !word_char(hay[at - 1]);
    const std::size_t end = at + needle.size();
    const bool ends = end == hay.size() || !word_char(hay[end]);
    if (starts && ends) return true;
  }
  return false;
}

model::Instant later(model::Instant now, model::Instant seen) {
  return std::max(now, seen + std::chrono::milliseconds{1});
}

store::Card card_of(store::Store& st, const std::string& la, std::int64_t id) {
  auto c = st.governance().card(id);
  if (!c || c->la != la)
    throw not_found("no_card", "There is no challenge card " + std::to_string(id));
  return *c;
}

void save_card(store::Store& st, store::Card& c, const store::GovEvent& e) {
  const auto seen = c.updated_at;
  c.updated_at = later(e.at, seen);
  if (!st.governance().update_card(c, seen, e))
    throw conflict("changed", "Someone else changed challenge card " + std::to_string(c.id) +
                                  " meanwhile: look again and try again");
}

void check_theme(const governance::Governance& g, const std::string& theme) {
  if (!theme.empty() && !g.theme(theme))
    throw bad_input("bad_theme", "There is no theme '" + theme + "'", {{"parameter", "theme"}});
}

void check_challenge(const std::string& text) {
  if (blank(text))
    throw bad_input("bad_challenge", "Write the challenge, in the young people's own words",
                    {{"parameter", "challenge"}});
  if (text.size() > 2000)
    throw bad_input("bad_challenge", "A challenge is at most 2,000 characters",
                    {{"parameter", "challenge"}});
}

}  // namespace

void check_names_no_child(const model::Dataset& data, store::Store& st, const std::string& la,
                          const std::string& text, const std::string& field) {
  if (blank(text)) return;
  const std::string folded = lower(text);
  auto refuse = [&](const char* what) {
    throw bad_input("names_a_child",
                    "This names a child (" + std::string(what) +
                        " in the council's records): the Board never learns who a child is, so "
                        "say what was done without naming anyone",
                    {{"parameter", field}});
  };
  for (model::ChildIndex c = 0; c < data.children.size(); ++c) {
    const auto& rec = data.children[c];
    if (rec.la != la) continue;
    if (rec.child.size() >= 4 && has_words(folded, lower(rec.child))) refuse("a child's number");
    if (rec.upn.size() >= 8 && has_words(folded, lower(rec.upn))) refuse("a pupil number");
    if (const auto* p = data.person(c); p && !p->forename.empty() && !p->surname.empty())
      if (has_words(folded, lower(p->forename + " " + p->surname))) refuse("a child's name");
  }
  // The names young people go by here: a full name in any case; one word as written (a
  // capitalised name, so "will" is not "Will").
  for (const auto& u : st.list_users()) {
    if (u.role != "young_person" || u.display_name.size() < 3) continue;
    if (std::find(u.councils.begin(), u.councils.end(), la) == u.councils.end()) continue;
    const bool one_word = u.display_name.find(' ') == std::string::npos;
    if (one_word ? has_words(text, u.display_name) : has_words(folded, lower(u.display_name)))
      refuse("the name a young person goes by");
  }
}

// ---- challenge cards ------------------------------------------------------------------------

store::Card raise_card(const model::Dataset& data, store::Store& st, const std::string& la,
                       const governance::Governance& g, const CardText& in, const std::string& by,
                       const std::string& role, model::Instant now) {
  store::Card c;
  c.la = la;
  c.challenge = in.challenge.value_or("");
  c.theme = in.theme.value_or("");
  c.addressed_to = in.addressed_to.value_or("");
  check_challenge(c.challenge);
  check_theme(g, c.theme);
  if (role != "young_person" && role != "participation")
    throw bad_input("bad_role", "A card comes from a young person or the participation officer");
  if (role == "participation") {
    if (blank(c.addressed_to))
      throw bad_input("bad_addressed_to",
                      "Say which corporate parent the card asks (a service or a councillor)",
                      {{"parameter", "addressed_to"}});
    check_names_no_child(data, st, la, c.challenge, "challenge");
  }
  if (blank(c.addressed_to)) c.addressed_to = "The Corporate Parenting Board";
  if (c.addressed_to.size() > 200)
    throw bad_input("bad_addressed_to", "Whom the card asks is at most 200 characters",
                    {{"parameter", "addressed_to"}});
  c.raised_at = c.updated_at = now;
  c.raised_by = by;
  c.raised_by_role = role;
  c.status = "raised";
  c.id = st.governance().add_card(c, {0, now, by, "raised", "raised", ""});
  return c;
}

store::Card accept_card(const model::Dataset& data, store::Store& st, const std::string& la,
                        const governance::Governance& g, std::int64_t id, const CardText& edits,
                        const std::string& by, model::Instant now) {
  auto c = card_of(st, la, id);
  if (c.status != "raised")
    throw conflict("not_raised", "Challenge card " + std::to_string(id) + " was accepted already");
  const std::string before = c.challenge;
  if (edits.challenge) c.challenge = *edits.challenge;
  if (edits.theme) c.theme = *edits.theme;
  if (edits.addressed_to && !blank(*edits.addressed_to)) c.addressed_to = *edits.addressed_to;
  check_challenge(c.challenge);
  check_theme(g, c.theme);
  check_names_no_child(data, st, la, c.challenge, "challenge");
  c.status = "accepted";
  const bool reworded = edits.challenge && *edits.challenge != before;
  save_card(st, c,
            {0, now, by, "accepted", "accepted",
             reworded ? "The words were put so that no one is named" : ""});
  return c;
}

store::Card answer_card(const model::Dataset& data, store::Store& st, const std::string& la,
                        std::int64_t id, const std::string& response, const std::string& by,
                        model::Instant now) {
  auto c = card_of(st, la, id);
  if (c.status == "answered")
    throw conflict("already_answered", "Challenge card " + std::to_string(id) +
                                           " has its \"You said, we did\" answer already");
  if (blank(response))
    throw bad_input("bad_response", "Write the answer young people will read: what was done",
                    {{"parameter", "response"}});
  if (response.size() > 2000)
    throw bad_input("bad_response", "An answer is at most 2,000 characters",
                    {{"parameter", "response"}});
  const auto state = card_state(c, st.governance().actions(la));
  if (!state.ready_to_answer)
    throw conflict("not_ready", "Challenge card " + std::to_string(id) +
                                    " has no action done yet: the answer follows what was done");
  check_names_no_child(data, st, la, response, "response");
  c.response = response;
  c.status = "answered";
  c.approved_at = now;
  c.approved_by = by;
  save_card(st, c, {0, now, by, "answered", "answered", ""});
  return c;
}

void card_action_agreed(store::Store& st, const store::Action& a, model::Instant now) {
  if (!a.card) return;
  auto c = st.governance().card(a.card);
  if (!c || c->status == "answered") return;
  const std::string note = "action " + std::to_string(a.id);
  if (c->status == "raised" || c->status == "accepted") c->status = "actions_agreed";
  save_card(st, *c, {0, now, a.created_by, "actions_agreed", c->status, note});
}

void card_action_done(store::Store& st, const store::Action& a, const std::string& by,
                      model::Instant now) {
  if (!a.card || a.status != "done") return;
  auto c = st.governance().card(a.card);
  if (!c || c->status == "answered") return;
  save_card(st, *c, {0, now, by, "action_done", c->status, "action " + std::to_string(a.id)});
}

CardState card_state(const store::Card& c, const std::vector<store::Action>& actions) {
  CardState s;
  for (const auto& a : actions) {
    if (a.card != c.id) continue;
    s.actions_open += a.status == "open" ? 1 : 0;
    s.actions_done += a.status == "done" ? 1 : 0;
  }
  s.ready_to_answer = c.status != "answered" && s.actions_done > 0;
  return s;
}

// ---- meetings -------------------------------------------------------------------------------

namespace {

void apply(store::Meeting& m, const governance::Governance& g, const MeetingEdit& in,
           model::Date today) {
  if (in.date) {
    auto d = model::parse_iso(*in.date);
    if (!d)
      throw bad_input("bad_date", "The meeting's date must be written 2026-03-31",
                      {{"parameter", "date"}});
    m.held_on = *d;
  }
  if (in.title) m.title = *in.title;
  if (blank(m.title))
    throw bad_input("bad_title", "Give the meeting a title", {{"parameter", "title"}});
  if (in.theme) {
    check_theme(g, *in.theme);
    m.theme = *in.theme;
  }
  if (in.status) {
    if (*in.status != "planned" && *in.status != "held")
      throw bad_input("bad_status", "A meeting is planned or held", {{"parameter", "status"}});
    m.status = *in.status;
  }
  if (m.status == "held" && m.held_on > today)
    throw bad_input("not_yet", "A meeting is recorded as held on its day or after, not before",
                    {{"parameter", "status"}});
  if (in.minutes) m.minutes = *in.minutes;
  if (in.agenda) m.agenda = *in.agenda;
  if (in.decisions) m.decisions = *in.decisions;
  if (in.attendance) {
    for (const auto& a : *in.attendance)
      if (blank(a.text) || (a.detail != "present" && a.detail != "apologies"))
        throw bad_input("bad_attendance", "Each person attending has a name, present or apologies",
                        {{"parameter", "attendance"}});
    m.attendance = *in.attendance;
  }
  for (const auto* items : {&m.agenda, &m.decisions})
    for (const auto& i : *items)
      if (blank(i.text))
        throw bad_input("bad_item", "An agenda item or decision cannot be empty",
                        {{"parameter", items == &m.agenda ? "agenda" : "decisions"}});
  if (m.minutes.size() > 100000)
    throw bad_input("bad_minutes", "Minutes are at most 100,000 characters",
                    {{"parameter", "minutes"}});
}

}  // namespace

store::Meeting add_meeting(store::Store& st, const std::string& la, const governance::Governance& g,
                           const MeetingEdit& in, const std::string& by, model::Instant now) {
  store::Meeting m;
  m.la = la;
  if (!in.date) throw bad_input("bad_date", "Say when the meeting is", {{"parameter", "date"}});
  apply(m, g, in, voice::england_date(now));
  m.created_at = m.updated_at = now;
  m.created_by = by;
  m.id = st.governance().add_meeting(m);
  return m;
}

store::Meeting update_meeting(store::Store& st, const std::string& la,
                              const governance::Governance& g, std::int64_t id,
                              const MeetingEdit& in, model::Instant now) {
  auto m = st.governance().meeting(id);
  if (!m || m->la != la) throw not_found("no_meeting", "There is no meeting " + std::to_string(id));
  apply(*m, g, in, voice::england_date(now));
  const auto seen = m->updated_at;
  m->updated_at = later(now, seen);
  if (!st.governance().update_meeting(*m, seen))
    throw conflict("changed", "Someone else changed the meeting meanwhile: look again");
  return *m;
}

// ---- the reporting calendar -----------------------------------------------------------------

std::vector<ReportDue> report_calendar(store::Store& st, const std::string& la,
                                       const governance::Governance& g, model::Date today,
                                       model::Date to) {
  const auto receipts = st.governance().report_receipts(la);
  std::vector<ReportDue> out;
  for (const auto& r : g.reports)
    for (const auto due : r.due_between(g.from, to)) {
      ReportDue d{&r, due, due < today ? "missing" : "upcoming", std::nullopt};
      for (const auto& rc : receipts)
        if (rc.report == r.id && rc.due == due && rc.received <= today) {  // as it stood then
          d.receipt = rc;
          d.status = "received";
        }
      out.push_back(std::move(d));
    }
  std::stable_sort(out.begin(), out.end(),
                   [](const ReportDue& a, const ReportDue& b) { return a.due < b.due; });
  return out;
}

ReportDue receive_report(store::Store& st, const std::string& la, const governance::Governance& g,
                         const std::string& report, const std::string& due,
                         const std::string& received, const std::string& document,
                         const std::string& note, const std::string& by, model::Date today) {
  const auto* r = g.report(report);
  if (!r) throw not_found("no_report", "The reporting calendar has no report '" + report + "'");
  auto d = model::parse_iso(due);
  if (!d)
    throw bad_input("bad_due", "Say which due date the report is for, written 2026-03-31",
                    {{"parameter", "due"}});
  const auto dues = r->due_between(g.from, model::add_months(today, 24));
  if (std::find(dues.begin(), dues.end(), *d) == dues.end())
    throw bad_input("bad_due", "'" + r->title + "' is not due on " + due, {{"parameter", "due"}});
  model::Date on = today;
  if (!received.empty()) {
    auto rd = model::parse_iso(received);
    if (!rd || *rd > today)
      throw bad_input("bad_received", "The day received must be a date, not after today",
                      {{"parameter", "received"}});
    on = *rd;
  }
  if (blank(document))
    throw bad_input("bad_document", "Name the document received (its title or link)",
                    {{"parameter", "document"}});
  store::ReportReceipt rc{0, la, report, *d, on, by, document, note};
  st.governance().receive_report(rc);
  return {r, *d, "received", rc};
}

// ---- figures entered by hand, and the theme in focus ----------------------------------------

store::ManualValue put_manual_value(store::Store& st, const std::string& la,
                                    const governance::Governance& g, const std::string& measure,
                                    const std::string& period_end, double value,
                                    const std::string& note, const std::string& by,
                                    model::Instant now) {
  const governance::Measure* m = nullptr;
  for (const auto& x : g.measures)
    if (x.id == measure) m = &x;
  if (!m) throw not_found("no_measure", "The strategy has no measure '" + measure + "'");
  if (m->manual.empty())
    throw bad_input("not_manual", "'" + m->text + "' is worked out by Hearth, not entered by hand",
                    {{"parameter", "measure"}});
  auto d = model::parse_iso(period_end);
  if (!d)
    throw bad_input("bad_period_end", "Say the period's last day, written 2026-03-31",
                    {{"parameter", "period_end"}});
  if (!std::isfinite(value))
    throw bad_input("bad_value", "The figure must be a number", {{"parameter", "value"}});
  store::ManualValue v{0, la, measure, *d, value, note.empty() ? m->manual : note, by, now};
  st.governance().put_manual_value(v);
  return v;
}

std::int64_t focus_theme(store::Store& st, const std::string& la, const governance::Governance& g,
                         const std::string& theme, const std::string& by,
                         const voice::SurveyBook& surveys, model::Instant now) {
  const auto* t = g.theme(theme);
  if (!t) throw not_found("no_theme", "There is no theme '" + theme + "'");
  governance::Governance next = g;
  for (auto& x : next.themes)
    if (x.year == t->year) x.focus = x.id == theme;
  auto current = st.governance().governance(la);
  const std::string source = current ? current->source : "governance.toml";
  return load_governance(st, la, governance::to_toml(next), source, by, surveys, now);
}

}  // namespace hearth::services
