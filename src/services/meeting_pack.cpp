// The meeting pack: what the Board receives for a meeting, gathered as it stood at the end of the
// meeting's day (papers.hpp). The annual report is in annual_report.cpp; what both share is in
// papers_common.hpp.
#include <algorithm>

#include "services/errors.hpp"
#include "services/papers.hpp"
#include "services/papers_common.hpp"

namespace hearth::services {

using model::Date;

std::optional<store::Card> card_as_at(store::Store& st, const store::Card& now,
                                      model::Instant cutoff) {
  if (now.raised_at > cutoff) return std::nullopt;
  store::Card c = now;
  c.raised_by.clear();  // never who raised it
  std::string status = "raised";
  for (const auto& e : st.governance().card_events(now.id))
    if (e.at <= cutoff && !e.status.empty()) status = e.status;
  c.status = status;
  if (!c.approved_at || *c.approved_at > cutoff) {
    c.response.clear();
    c.approved_at.reset();
    c.approved_by.clear();
  }
  return c;
}

MeetingPack meeting_pack(const SnapshotCache& snap, store::Store& st,
                         const voice::SurveyBook& surveys, const std::string& la, std::int64_t id,
                         bool suppress, model::Instant generated_at) {
  auto m = st.governance().meeting(id);
  if (!m || m->la != la) throw not_found("no_meeting", "There is no such meeting");
  MeetingPack p;
  p.meeting = *m;
  const Date today = papers::today_in_england();
  p.draft = m->held_on > today;
  p.as_of = std::min(m->held_on, today);
  for (const auto& other : st.governance().meetings(la)) {
    if (other.id == m->id) continue;
    if (other.held_on < m->held_on && other.status == "held") p.previous = other;
    if (other.held_on > m->held_on && !p.next) p.next = other;
  }
  papers::fill_base(p, snap, st, surveys, la, last_quarter_end(p.as_of), "quarter", suppress,
                    generated_at);
  // What the Board heard since it last met (a quarter when this is its first meeting here).
  p.listening_from =
      p.previous ? p.previous->held_on + std::chrono::days{1} : model::add_months(p.as_of, -3);
  p.listening_to = p.as_of;
  p.listening = papers::listening(snap, st, surveys, la, p.listening_from, p.listening_to);

  const Date since = p.previous ? p.previous->held_on : model::add_months(p.as_of, -3);
  const Date until = p.next ? p.next->held_on : model::add_months(p.as_of, 3);
  for (auto& a : list_actions(st, la, {}, p.as_of)) {
    if (overdue(a, p.as_of))
      p.actions_overdue.push_back(a);
    else if (a.status == "open" && a.due <= until)
      p.actions_due.push_back(a);
    else if (a.status != "open" && a.closed_on && *a.closed_on > since)
      p.actions_closed.push_back(a);
  }
  for (const auto& now : st.governance().cards(la)) {
    auto c = card_as_at(st, now, p.cutoff);
    if (!c) continue;
    if (c->status != "answered") {
      if (c->status == "raised" && c->raised_by_role == "young_person")
        c->challenge.clear();  // the Board reads it once the participation officer accepts it
      p.open_cards.push_back(std::move(*c));
    } else if (c->approved_at && *c->approved_at > end_of_day(since)) {
      p.answered.push_back(std::move(*c));
    }
  }
  std::sort(p.open_cards.begin(), p.open_cards.end(),
            [](const store::Card& a, const store::Card& b) { return a.raised_at < b.raised_at; });
  for (auto& r : report_calendar(st, la, *p.governance, p.as_of, until))
    if (r.due > since) p.reports.push_back(std::move(r));
  return p;
}

}  // namespace hearth::services
