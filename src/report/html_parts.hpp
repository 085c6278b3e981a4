// Pieces of the Board's papers in HTML (report/scorecard_html.cpp, pack_html.cpp,
// annual_html.cpp): escaping, dates in words, RAG ratings written out so they read without
// colour, trend charts (SVG with a title and a description) each with a table of the same
// figures, an indicator's card, and the A4 stylesheet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indicators/scorecard.hpp"
#include "model/dates.hpp"

namespace hearth::report::html {

std::string esc(std::string_view s);
std::string long_date(model::Date d);      // "2 December 2026"
std::string rag_text(indicators::Rag r);   // "On target", ...
std::string rag_badge(indicators::Rag r);  // a symbol and the words
// A line chart of `pts` with the target dashed, id'd for its title and description.
std::string trend_chart(const indicators::Entry& e, const std::vector<indicators::Point>& pts,
                        const std::string& id);
// The chart's figures as a table.
std::string trend_table(const indicators::Entry& e, const std::vector<indicators::Point>& pts);
std::string sparkline(const indicators::Entry& e);       // hidden from assistive technology
std::string numerator_text(const indicators::Entry& e);  // "12 out of 15"
// Red and amber indicators with their figures, or a sentence that every one is on target.
std::string off_target_summary(const indicators::Scorecard& sc);
// Every indicator in a table: figure, target, rating, England, a sparkline; linked to its card.
std::string summary_table(const indicators::Scorecard& sc);
// The printed stylesheet: A4, Arial, cards that do not break across pages.
std::string_view paper_css();
// One indicator's card: figure, rating, target, comparators, trend chart and table,
// definition; `extra` (already safe HTML: commentary) before the definition.
std::string indicator_card(const indicators::Entry& e, const std::vector<indicators::Point>& pts,
                           const std::string& extra = {}, int heading = 3);

}  // namespace hearth::report::html
