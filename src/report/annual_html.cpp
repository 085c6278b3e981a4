// The annual corporate parenting report as an A4 paper (papers.hpp): the officers' introduction,
// each priority's story with its measures and five years of its indicators against England and
// statistical neighbours, the year's voice, the Board's year, next year's plans, and every
// indicator for the year.
#include <fmt/format.h>

#include <set>

#include "report/paper_parts.hpp"
#include "report/papers.hpp"
#include "report/scorecard.hpp"

namespace hearth::report {

using html::esc;
using html::long_date;

namespace {

std::string written(const services::AnnualReport& r, const std::string& section) {
  auto it = r.sections.find(section);
  if (it == r.sections.end())
    return "<p class=\"empty\">Not yet written (hearth commentary set --annual " + esc(r.year) +
           " --section " + esc(section) + ").</p>";
  return "<div class=\"prose\">" + paper::markdown(it->second, 3) + "</div>";
}

std::string render(const services::AnnualReport& r, std::vector<PaperFigure>* out) {
  paper::Figures f(out);
  const std::string council = r.la_name.empty() ? "Council " + r.la : r.la_name;
  const auto& g = *r.governance;
  std::string h = paper::open_page(
      "Annual corporate parenting report " + r.year + " — " + council,
      council + " — Annual corporate parenting report " + r.year + ", as at " + long_date(r.as_of),
      r);
  h += "<header class=\"cover\"><p class=\"kicker\">" + esc(g.name) + "</p>";
  h += "<h1>Annual corporate parenting report " + esc(r.year) + "</h1>";
  h += fmt::format("<p class=\"meta\">{} &middot; 1 April {} to 31 March {}</p>", esc(council),
                   static_cast<int>(std::chrono::year_month_day{r.from}.year()),
                   static_cast<int>(std::chrono::year_month_day{r.to}.year()));
  if (!g.chair.empty()) h += "<p class=\"meta\">Chair: " + esc(g.chair) + "</p>";
  h += fmt::format(
      "<p class=\"notice\">Figures are for the year to {}. The written sections and the Board's "
      "records are as they stood at the end of {}.</p>",
      long_date(r.to), long_date(r.as_of));
  h += paper::notices(r) + "</header>";

  h += "<nav aria-label=\"Contents\"><h2>Contents</h2><ol><li><a "
       "href=\"#introduction\">Introduction</a></li>";
  for (const auto& pp : r.progress)
    h += fmt::format("<li><a href=\"#p-{}\">{}</a></li>", esc(pp.priority->id),
                     esc(pp.priority->title));
  h += "<li><a href=\"#voice\">The year's voice</a></li><li><a href=\"#business\">The Board's "
       "year</a></li><li><a href=\"#next-year\">Next year</a></li><li><a "
       "href=\"#indicators\">Every indicator for the year</a></li></ol></nav>";

  h += "<section id=\"introduction\"><h2>Introduction</h2>" + written(r, "introduction") +
       "</section>";

  // Each priority: its story, its measures at the year's end, five years of its indicators.
  for (const auto& pp : r.progress) {
    const auto& pr = *pp.priority;
    f.section = pr.title;
    h += fmt::format("<section id=\"p-{}\" class=\"break\"><h2>{}</h2>", esc(pr.id), esc(pr.title));
    if (!pr.summary.empty()) h += "<p>" + esc(pr.summary) + "</p>";
    h += written(r, "priority:" + pr.id);
    services::PaperBase one = r;  // the priority's measures only
    one.progress = {pp};
    h += "<h3>How we measure it</h3>" + paper::priorities(one, f, 4, false);
    std::set<std::string> keys;
    for (const auto& m : g.measures)
      if (m.priority == pr.id)
        for (const auto& k : m.indicators) keys.insert(k);
    std::vector<const indicators::Entry*> entries;
    for (const auto& e : r.scorecard.entries)
      if (keys.count(std::string(e.indicator->key))) entries.push_back(&e);
    if (!entries.empty())
      h += "<h3>Five years, against England and similar councils</h3>" +
           paper::indicator_cards(r, f, entries, true, 4);
    h += "</section>";
  }

  f.section = "The year's voice";
  h += "<section id=\"voice\" class=\"break\"><h2>The year's voice</h2>";
  h += "<h3>In the children in care council's own words</h3>" + written(r, "voice");
  h += fmt::format("<h3>You said, we did</h3><p>{} challenge cards answered in the year.</p>",
                   f.count("cards:answered", "Challenge cards answered", r.business.cards_answered,
                           r.year, "Cards whose answer the participation officer approved"));
  h += paper::you_said_we_did(r.business.answered);
  h += paper::listening(r, f, 3) + "</section>";

  f.section = "The Board's year";
  const auto& b = r.business;
  h += "<section id=\"business\"><h2>The Board's year</h2>";
  h += fmt::format(
      "<p>The Board met {} times. It agreed {} actions; {} were done and {} dropped in the year. "
      "Young people raised {} challenge cards and {} were answered.</p>",
      f.count("board:meetings", "Meetings held", b.meetings_held, r.year, "Board meetings held"),
      f.count("actions:agreed", "Actions agreed", b.actions_agreed, r.year,
              "Actions the Board agreed in the year"),
      f.count("actions:done", "Actions done", b.actions_done, r.year,
              "Actions closed with evidence in the year"),
      f.count("actions:dropped", "Actions dropped", b.actions_dropped, r.year,
              "Actions dropped in the year"),
      f.count("cards:raised", "Challenge cards raised", b.cards_raised, r.year,
              "Cards raised in the year"),
      f.count("cards:answered:business", "Challenge cards answered", b.cards_answered, r.year,
              "Cards answered in the year"));
  if (!b.meetings.empty()) {
    h += "<table class=\"list\"><caption>Meetings and attendance</caption><thead><tr><th "
         "scope=\"col\">Date</th><th scope=\"col\">Meeting</th><th scope=\"col\" "
         "class=\"num\">Present</th><th scope=\"col\" class=\"num\">Apologies</th></tr></thead>"
         "<tbody>";
    for (const auto& m : b.meetings) {
      int present = 0, apologies = 0;
      for (const auto& a : m.attendance) (a.detail == "apologies" ? apologies : present) += 1;
      const std::string d = model::format_iso(m.held_on);
      h += fmt::format(
          "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
          long_date(m.held_on), esc(m.title),
          f.count("board:present:" + d, "Present: " + m.title, present, d, "Members present"),
          f.count("board:apologies:" + d, "Apologies: " + m.title, apologies, d,
                  "Members who sent apologies"));
    }
    h += "</tbody></table>";
  }
  h += "</section>";

  h += "<section id=\"next-year\"><h2>Next year</h2>" + written(r, "next-year") + "</section>";

  f.section = "Every indicator";
  h += "<section id=\"indicators\" class=\"break\"><h2>Every indicator for the year</h2>";
  h += fmt::format("<p>The scorecard for {} (to {}), with its five-year trend.</p>",
                   esc(r.scorecard.period.label), long_date(r.scorecard.period.end));
  for (const auto& e : r.scorecard.entries) {
    f.shown(std::string(e.indicator->key), e, e.current, e.period.label);
    for (const auto& c : e.comparators) f.comparator(e, c);
  }
  h += html::summary_table(r.scorecard) + "</section>";
  h += paper::close_page(r, "Annual corporate parenting report " + r.year + ".");
  return h;
}

}  // namespace

std::string annual_html(const services::AnnualReport& r) {
  return render(r, nullptr);
}

std::vector<PaperFigure> annual_figures(const services::AnnualReport& r) {
  std::vector<PaperFigure> out;
  render(r, &out);
  // A figure printed twice (an indicator in a priority and in the full list) is listed once.
  std::vector<PaperFigure> unique;
  std::set<std::string> seen;
  for (auto& fig : out)
    if (seen.insert(fig.id).second) unique.push_back(std::move(fig));
  return unique;
}

std::string annual_file_name(const services::AnnualReport& r, const std::string& ext) {
  return "hearth-annual-report-" + r.year + "." + ext;
}

}  // namespace hearth::report
