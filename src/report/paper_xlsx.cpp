// The papers' appendix: every figure the paper prints, with its numerator, denominator and
// definition, as numbers an analyst can check; and the same list as JSON.
#include <fmt/format.h>

#include "report/paper_parts.hpp"
#include "report/papers.hpp"
#include "report/xlsx_book.hpp"
#include "report/xlsx_bytes.hpp"

namespace hearth::report {

nlohmann::json figures_json(const std::vector<PaperFigure>& figures) {
  auto num = [](const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json();
  };
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : figures)
    out.push_back({{"id", f.id},
                   {"section", f.section},
                   {"label", f.label},
                   {"period", f.period},
                   {"shown", f.shown},
                   {"value", num(f.value)},
                   {"numerator", num(f.numerator)},
                   {"denominator", num(f.denominator)},
                   {"unit", f.unit},
                   {"suppressed", f.suppressed},
                   {"definition", f.definition},
                   {"source", f.source}});
  return out;
}

std::string paper_xlsx_bytes(const std::string& title, const services::PaperBase& p,
                             const std::vector<PaperFigure>& figures) {
  return xlsx_bytes([&](const std::filesystem::path& path) {
    Book book(path);
    book.properties(title,
                    static_cast<std::time_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                                 p.generated_at.time_since_epoch())
                                                 .count()));
    auto* ws = book.sheet("Figures",
                          {"Id", "Section", "Figure", "Period", "As printed", "Value", "Numerator",
                           "Denominator", "Unit", "Suppressed", "Definition", "Source"});
    lxw_row_t r = 1;
    for (const auto& f : figures) {
      text(ws, r, 0, f.id);
      text(ws, r, 1, f.section);
      text(ws, r, 2, f.label);
      text(ws, r, 3, f.period);
      text(ws, r, 4, f.shown);
      lxw_col_t c = 5;
      for (const auto& v : {f.value, f.numerator, f.denominator}) {
        if (v)
          worksheet_write_number(ws, r, c, *v, nullptr);
        else if (f.suppressed)
          text(ws, r, c, "c");
        ++c;
      }
      text(ws, r, 8, f.unit);
      text(ws, r, 9, f.suppressed ? "yes" : "no");
      text(ws, r, 10, f.definition);
      text(ws, r, 11, f.source);
      ++r;
    }
    worksheet_set_column(ws, 0, 0, 34, nullptr);
    worksheet_set_column(ws, 2, 2, 44, nullptr);
    worksheet_set_column(ws, 10, 10, 60, nullptr);
    auto* notes = book.sheet("Notes", {"About", "Detail"});
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Paper", title},
        {"Council", p.la_name.empty() ? p.la : p.la_name + " (" + p.la + ")"},
        {"As at the end of", model::format_iso(p.as_of)},
        {"Scorecard period", p.scorecard.period.label + " (" +
                                 model::format_iso(p.scorecard.period.start) + " to " +
                                 model::format_iso(p.scorecard.period.end) + ")"},
        {"Records reach", model::format_iso(p.records_to)},
        {"Small numbers",
         p.suppressed ? fmt::format("suppressed: counts from 1 to {} and figures built on them "
                                    "are shown as c",
                                    p.scorecard.threshold - 1)
                      : "shown (OFFICIAL-SENSITIVE: not for publication)"},
        {"Arrangements", p.arrangements_note.empty() ? "as in force then" : p.arrangements_note},
        {"Generated", paper::date_time(p.generated_at)},
        {"Read as they stood then",
         "commentary, actions (created and closed), challenge cards (their status and approved "
         "answers), reports received, the arrangements"},
        {"Read as they are now",
         "meetings' agenda and decisions, an action's title and due date, figures entered by "
         "hand, and the returns (a later corrected return changes a past figure)"}};
    lxw_row_t n = 1;
    for (const auto& [k, v] : rows) {
      text(notes, n, 0, k);
      text(notes, n, 1, v);
      ++n;
    }
    worksheet_set_column(notes, 0, 0, 26, nullptr);
    worksheet_set_column(notes, 1, 1, 100, nullptr);
    book.close();
  });
}

}  // namespace hearth::report
