// The quarterly scorecard as a Board paper: A4, printable, self-contained (inline CSS and SVG,
// no scripts), Arial, and readable without colour — every RAG rating is written out, and every
// chart has a table of the same figures.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "model/dates.hpp"
#include "report/html_parts.hpp"
#include "report/scorecard.hpp"

namespace hearth::report {

using indicators::Entry;
using indicators::Indicator;
using indicators::Rag;
using indicators::Unit;

using namespace html;

std::string standing_text(const indicators::Standing& s) {
  static constexpr const char* kQuarters[] = {"top quarter", "second quarter", "third quarter",
                                              "bottom quarter"};
  return fmt::format("would rank {} of {} ({}) against {}-{:02} published figures", s.rank, s.of,
                     kQuarters[s.quartile - 1], s.year - 1, s.year % 100);
}

std::string scorecard_html(const indicators::Scorecard& sc) {
  const std::string council = sc.la_name.empty() ? "Council " + sc.la : sc.la_name;
  std::string h =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  h += fmt::format(
      "<title>Children in care scorecard — {}, {}</title><style>{}</style></head><body><main>",
      esc(council), esc(sc.period.label), paper_css());
  h += "<header><p class=\"kicker\">Corporate Parenting Board</p><h1>Children in care "
       "scorecard</h1>";
  h += fmt::format("<p class=\"meta\">{} ({}) &middot; {} {} ({} to {})</p>", esc(council),
                   esc(sc.la), indicators::period_kind_name(sc.period.kind), esc(sc.period.label),
                   long_date(sc.period.start), long_date(sc.period.end));
  if (sc.suppressed)
    h += fmt::format(
        "<p class=\"notice\">Small numbers are suppressed to protect children's privacy: "
        "<strong>c</strong> marks a "
        "count from 1 to {} and any figure built on one, and further figures are hidden where the "
        "totals would "
        "reveal them.</p>",
        sc.threshold - 1);
  else
    h += "<p class=\"notice warn\"><strong>Not for publication.</strong> This version shows small "
         "numbers that "
         "could identify children. Produce the Board and public version with suppression.</p>";
  if (!sc.warning.empty())
    h += fmt::format("<p class=\"notice warn\" role=\"alert\"><strong>Warning.</strong> {}</p>",
                     esc(sc.warning));
  if (!sc.records_note.empty()) {
    std::string note = sc.records_note;  // "records up to …": a sentence of its own here
    note[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(note[0])));
    h += fmt::format("<p class=\"notice\">{}.</p>", esc(note));
  }
  h += "</header>";

  // Page 1 leads with what is off target: the Board's questions start there.
  h += off_target_summary(sc);

  // Then every indicator.
  h += summary_table(sc);

  int section = -1;
  for (const auto& e : sc.entries) {
    const Indicator& ind = *e.indicator;
    if (static_cast<int>(ind.section) != section) {
      if (section >= 0) h += "</div></section>";
      section = static_cast<int>(ind.section);
      h += fmt::format("<section class=\"break\"><h2>{}</h2><div class=\"cards\">",
                       esc(indicators::section_title(ind.section)));
    }
    h += indicator_card(e, e.trend);
  }
  if (section >= 0) h += "</div></section>";
  h += fmt::format(
      "<footer>Produced by Hearth from the council's SSDA903 returns and local records as they "
      "stood on {}. "
      "Comparators: the Department for Education's published statistics.</footer>",
      long_date(sc.as_of));
  h += "</main></body></html>\n";
  return h;
}

}  // namespace hearth::report
