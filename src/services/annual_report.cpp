// The annual corporate parenting report (papers.hpp): the year's figures at its last day, the
// officers' written sections as they stood at the report's date, the year's voice and the
// Board's own business in the year.
#include <algorithm>
#include <cctype>

#include "services/commentary.hpp"
#include "services/errors.hpp"
#include "services/papers.hpp"
#include "services/papers_common.hpp"

namespace hearth::services {

using model::Date;

AnnualReport annual_report(const SnapshotCache& snap, store::Store& st,
                           const voice::SurveyBook& surveys, const std::string& la,
                           const std::string& year, std::optional<Date> as_of, bool suppress,
                           model::Instant generated_at) {
  auto digits = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(year[i]))) return -1;
      v = v * 10 + (year[i] - '0');
    }
    return v;
  };
  const bool shaped = year.size() == 7 && year[4] == '-';
  const int start = shaped ? digits(0, 4) : -1, next = shaped ? digits(5, 2) : -1;
  if (start < 2000 || next < 0 || (start + 1) % 100 != next)
    throw bad_input("bad_year", "Say which year, written 2025-26 (April to March)",
                    {{"parameter", "year"}});
  AnnualReport r;
  r.year = year;
  r.from = Date{std::chrono::year{start} / std::chrono::April / 1};
  r.to = Date{std::chrono::year{start + 1} / std::chrono::March / 31};
  const Date today = papers::today_in_england();
  r.as_of = as_of.value_or(today);
  if (r.as_of > today)
    throw bad_input("bad_as_of", "A report cannot be as at a date still to come",
                    {{"parameter", "as_of"}});
  if (r.as_of < r.to)
    throw bad_input("year_not_ended",
                    "The year " + year + " ends on " + model::format_iso(r.to) +
                        ": its annual report can be as at that day or later",
                    {{"parameter", "as_of"}});
  papers::fill_base(r, snap, st, surveys, la, r.to, "year", suppress, generated_at);
  for (const auto& c : commentary_as_at(st, la, year, r.cutoff))
    if (c.subject.rfind("annual:", 0) == 0 && !c.body.empty())
      r.sections[c.subject.substr(7)] = c.body;
  r.listening_from = r.from;
  r.listening_to = r.to;
  r.listening = papers::listening(snap, st, surveys, la, r.from, r.to);

  auto in_year = [&](Date d) { return d >= r.from && d <= r.to; };
  for (const auto& m : st.governance().meetings(la))
    if (m.status == "held" && in_year(m.held_on) && m.held_on <= r.as_of) {
      ++r.business.meetings_held;
      r.business.meetings.push_back(m);
    }
  for (const auto& a : list_actions(st, la, {}, r.as_of)) {
    if (in_year(papers::date_of(a.created_at))) ++r.business.actions_agreed;
    if (a.closed_on && in_year(*a.closed_on))
      ++(a.status == "done" ? r.business.actions_done : r.business.actions_dropped);
  }
  for (const auto& now : st.governance().cards(la)) {
    auto c = card_as_at(st, now, r.cutoff);
    if (!c) continue;
    if (in_year(papers::date_of(c->raised_at))) ++r.business.cards_raised;
    if (c->status == "answered" && c->approved_at && in_year(papers::date_of(*c->approved_at))) {
      ++r.business.cards_answered;
      r.business.answered.push_back(std::move(*c));
    }
  }
  std::sort(
      r.business.answered.begin(), r.business.answered.end(),
      [](const store::Card& a, const store::Card& b) { return *a.approved_at < *b.approved_at; });
  return r;
}

}  // namespace hearth::services
