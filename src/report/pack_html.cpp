// The meeting pack as an A4 paper (papers.hpp): cover and agenda, the last meeting's decisions to
// confirm, progress on the strategy, actions, what children and young people said, the reports
// due, and the scorecard with the officers' commentary.
#include <fmt/format.h>

#include <set>

#include "report/paper_parts.hpp"
#include "report/papers.hpp"
#include "report/scorecard.hpp"
#include "voice/clock.hpp"

namespace hearth::report {

using html::esc;
using html::long_date;

namespace {

std::string action_rows(const std::vector<store::Action>& list, const services::MeetingPack& p,
                        bool closed, const std::string& caption) {
  if (list.empty()) return "<p class=\"empty\">None.</p>";
  std::string h = fmt::format(
      "<table class=\"list\"><caption class=\"visually-hidden\">{}</caption><thead><tr><th "
      "scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">{}</th><th "
      "scope=\"col\">Priority</th>{}</tr></thead><tbody>",
      esc(caption), closed ? "Closed" : "Due", closed ? "<th scope=\"col\">Evidence</th>" : "");
  for (const auto& a : list) {
    const auto* pr = p.governance->priority(a.priority);
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td>", esc(a.title),
                     esc(a.owner_name.empty() ? a.owner : a.owner_name),
                     closed && a.closed_on ? long_date(*a.closed_on) : long_date(a.due),
                     pr ? esc(pr->title) : "&ndash;");
    if (closed)
      h += "<td>" + (a.status == "dropped" ? "Dropped: " : std::string()) + esc(a.evidence) +
           "</td>";
    h += "</tr>";
  }
  return h + "</tbody></table>";
}

std::string render(const services::MeetingPack& p, std::vector<PaperFigure>* out) {
  paper::Figures f(out);
  const auto& m = p.meeting;
  const std::string council = p.la_name.empty() ? "Council " + p.la : p.la_name;
  const std::string on = model::format_iso(p.as_of);
  const std::string title = "Meeting pack: " + m.title + ", " + long_date(m.held_on);
  std::string h =
      paper::open_page(title + " — " + council,
                       council + " — Corporate Parenting Board, " + long_date(m.held_on), p);
  h += "<header class=\"cover\"><p class=\"kicker\">" + esc(p.governance->name) + "</p>";
  h += "<h1>Meeting pack</h1>";
  h += fmt::format("<p class=\"meta\">{}: {} &middot; {}</p>", esc(council), esc(m.title),
                   long_date(m.held_on));
  if (const auto* t = p.governance->theme(m.theme))
    h += "<p class=\"meta\">Theme: " + esc(t->title) + "</p>";
  if (p.draft)
    h += fmt::format(
        "<p class=\"notice warn\"><strong>Draft.</strong> The meeting is still to come: this pack "
        "is as the records stood at the end of {}.</p>",
        long_date(p.as_of));
  h += fmt::format(
      "<p class=\"notice\">The scorecard is for {} (to {}). Actions, challenge cards, "
      "commentary and reports are as they stood at the end of {}.</p>",
      esc(p.scorecard.period.label), long_date(p.scorecard.period.end), long_date(p.as_of));
  h += paper::notices(p) + "</header>";

  h += "<nav aria-label=\"Contents\"><h2>Contents</h2><ol>"
       "<li><a href=\"#agenda\">Agenda</a></li><li><a href=\"#decisions\">Decisions to "
       "confirm</a></li><li><a href=\"#strategy\">Progress on the strategy</a></li><li><a "
       "href=\"#actions\">Actions</a></li><li><a href=\"#voice\">What children and young people "
       "told us</a></li><li><a href=\"#reports\">Reports due</a></li><li><a "
       "href=\"#scorecard\">The scorecard</a></li></ol></nav>";

  h += "<section id=\"agenda\"><h2>Agenda</h2>";
  if (m.agenda.empty()) {
    h += "<p class=\"empty\">No agenda has been set.</p>";
  } else {
    h += "<ol>";
    for (const auto& item : m.agenda) {
      std::string detail = item.detail;
      if (const auto* r = p.governance->report(detail)) detail = r->title;
      if (detail == item.text) detail.clear();
      h += "<li>" + esc(item.text) + (detail.empty() ? "" : " &mdash; " + esc(detail)) + "</li>";
    }
    h += "</ol>";
  }
  h += "</section>";

  f.section = "Decisions to confirm";
  h += "<section id=\"decisions\"><h2>Decisions of the last meeting to confirm</h2>";
  if (!p.previous)
    h += "<p class=\"empty\">This is the first meeting recorded in Hearth.</p>";
  else if (p.previous->decisions.empty())
    h += fmt::format("<p class=\"empty\">No decisions were recorded at the meeting on {}.</p>",
                     long_date(p.previous->held_on));
  else {
    h += fmt::format("<p>From the meeting on {}:</p><ol>", long_date(p.previous->held_on));
    for (const auto& d : p.previous->decisions) h += "<li>" + esc(d.text) + "</li>";
    h += "</ol>";
  }
  h += "</section>";

  f.section = "Progress on the strategy";
  h += "<section id=\"strategy\" class=\"break\"><h2>Progress on the strategy</h2>";
  h += fmt::format("<p>{}: each priority's measures for {}.</p>", esc(p.governance->strategy),
                   esc(p.scorecard.period.label));
  h += paper::priorities(p, f, 3) + "</section>";

  f.section = "Actions";
  h += "<section id=\"actions\"><h2>Actions</h2>";
  h += fmt::format(
      "<p>{} overdue; {} due by the next meeting; {} closed since the last meeting.</p>",
      f.count("actions:overdue", "Actions overdue", p.actions_overdue.size(), on,
              "Open actions whose due date had passed"),
      f.count("actions:due", "Actions due by the next meeting", p.actions_due.size(), on,
              "Open actions due on or before the next meeting"),
      f.count("actions:closed", "Actions closed since the last meeting", p.actions_closed.size(),
              on, "Actions done or dropped since the last meeting"));
  h += "<h3>Overdue</h3>" + action_rows(p.actions_overdue, p, false, "Overdue actions");
  h += "<h3>Due by the next meeting</h3>" +
       action_rows(p.actions_due, p, false, "Actions due by the next meeting");
  h += "<h3>Closed since the last meeting</h3>" +
       action_rows(p.actions_closed, p, true, "Actions closed since the last meeting");
  h += "</section>";

  f.section = "Voice";
  h += "<section id=\"voice\" class=\"break\"><h2>What children and young people told us</h2>";
  h += fmt::format("<h3>Challenge cards still open</h3><p>{} open.</p>",
                   f.count("cards:open", "Challenge cards open", p.open_cards.size(), on,
                           "Cards raised and not yet answered"));
  if (!p.open_cards.empty()) {
    h += "<table class=\"list\"><caption class=\"visually-hidden\">Challenge cards still "
         "open</caption><thead><tr><th scope=\"col\">Raised</th><th scope=\"col\">Card</th><th "
         "scope=\"col\">For</th><th scope=\"col\">Where it is</th></tr></thead><tbody>";
    for (const auto& c : p.open_cards)
      h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                       long_date(voice::england_date(c.raised_at)),
                       c.challenge.empty()
                           ? "<span class=\"empty\">A young person's card, not yet accepted "
                             "by the participation officer</span>"
                           : esc(c.challenge),
                       esc(c.addressed_to), esc(paper::card_status(c.status)));
    h += "</tbody></table>";
  }
  h += fmt::format("<h3>You said, we did</h3><p>{} answered since the last meeting.</p>",
                   f.count("cards:answered", "\"You said, we did\" since the last meeting",
                           p.answered.size(), on, "Cards whose answer was approved in the period"));
  h += paper::you_said_we_did(p.answered);
  h += paper::listening(p, f, 3) + "</section>";

  f.section = "Reports due";
  h += "<section id=\"reports\"><h2>Reports due</h2>";
  if (p.reports.empty()) {
    h += "<p class=\"empty\">No report from the calendar falls due in this period.</p>";
  } else {
    h += "<table class=\"list\"><caption class=\"visually-hidden\">Reports due from the "
         "calendar</caption><thead><tr><th scope=\"col\">Report</th><th scope=\"col\">From</th>"
         "<th scope=\"col\">Due</th><th scope=\"col\">Received</th></tr></thead><tbody>";
    for (const auto& r : p.reports)
      h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                       esc(r.report->title), esc(r.report->owner), long_date(r.due),
                       r.receipt               ? "Received " + long_date(r.receipt->received)
                       : r.status == "missing" ? std::string("<strong>Not received</strong>")
                                               : std::string("Not yet due"));
    h += "</tbody></table>";
  }
  h += "</section>";

  f.section = "Scorecard";
  h += "<section id=\"scorecard\" class=\"break\"><h2>The scorecard</h2>";
  h += fmt::format("<p>Children in care scorecard for {} ({} to {}).</p>",
                   esc(p.scorecard.period.label), long_date(p.scorecard.period.start),
                   long_date(p.scorecard.period.end));
  h += paper::scorecard(p, f, false) + "</section>";
  h += paper::close_page(p, "Meeting pack for " + long_date(m.held_on) + ".");
  return h;
}

}  // namespace

std::string pack_html(const services::MeetingPack& p) {
  return render(p, nullptr);
}

std::vector<PaperFigure> pack_figures(const services::MeetingPack& p) {
  std::vector<PaperFigure> out;
  render(p, &out);
  std::vector<PaperFigure> unique;  // a figure printed twice is listed once
  std::set<std::string> seen;
  for (auto& fig : out)
    if (seen.insert(fig.id).second) unique.push_back(std::move(fig));
  return unique;
}

std::string pack_file_name(const services::MeetingPack& p, const std::string& ext) {
  return "hearth-pack-" + model::format_iso(p.meeting.held_on) + "." + ext;
}

}  // namespace hearth::report
