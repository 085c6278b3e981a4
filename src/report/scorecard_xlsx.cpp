// The scorecard for analysts: one row per indicator per period (Scorecard), every breakdown
// category (Breakdowns) and the definitions (Indicators), with numbers as numbers.
#include <xlsxwriter.h>

#include <cstdlib>
#include <stdexcept>

#include "model/dates.hpp"
#include "report/scorecard.hpp"
#include "report/xlsx_book.hpp"
#include "report/xlsx_bytes.hpp"

namespace hearth::report {

namespace {

// value, numerator, denominator into three cells: numbers, "c" or blank.
void shown(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const indicators::Shown& s) {
  if (!s.value.available) {
    text(ws, r, c, "no data");
    return;
  }
  if (s.suppressed) {
    for (lxw_col_t k = 0; k < 3; ++k) text(ws, r, c + k, "c");
    return;
  }
  if (s.value.value) worksheet_write_number(ws, r, c, *s.value.value, nullptr);
  worksheet_write_number(ws, r, c + 1, s.value.numerator, nullptr);
  if (s.value.denominator) worksheet_write_number(ws, r, c + 2, *s.value.denominator, nullptr);
}

}  // namespace

// The date the figures are at, and why (first in the workbook when the date was moved).
void notes_sheet(Book& book, const indicators::Scorecard& sc) {
  auto* ws = book.sheet("Notes", {"note", "text"});
  lxw_row_t r = 1;
  auto row = [&](std::string_view k, std::string_view v) {
    if (v.empty()) return;
    text(ws, r, 0, k);
    text(ws, r, 1, v);
    ++r;
  };
  row("warning", sc.warning);
  row("figures at", model::format_iso(sc.as_of));
  row("records", sc.records_note);
}

void scorecard_xlsx(const indicators::Scorecard& sc, const std::filesystem::path& path) {
  Book book(path);
  if (!sc.warning.empty()) notes_sheet(book, sc);
  auto* main = book.sheet(
      "Scorecard", {"la", "id", "title", "period", "start", "end", "value", "numerator",
                    "denominator", "unit", "polarity", "target", "rag", "england", "suppressed"});
  lxw_row_t r = 1;
  for (const auto& e : sc.entries) {
    const auto& ind = *e.indicator;
    std::optional<double> england;
    for (const auto& c : e.comparators)
      if (c.kind == "england") england = c.value;
    for (const auto& pt : e.trend) {
      const bool current = pt.period.end == sc.period.end;
      text(main, r, 0, sc.la);
      text(main, r, 1, ind.key);
      text(main, r, 2, ind.title);
      text(main, r, 3, pt.period.label);
      text(main, r, 4, model::format_iso(pt.period.start));
      text(main, r, 5, model::format_iso(pt.period.end));
      shown(main, r, 6, pt.shown);
      text(main, r, 9, indicators::unit_name(ind.unit));
      text(main, r, 10, indicators::polarity_name(ind.polarity));
      if (e.target) worksheet_write_number(main, r, 11, e.target->value, nullptr);
      if (current) text(main, r, 12, indicators::rag_name(e.rag));
      if (current && england) worksheet_write_number(main, r, 13, *england, nullptr);
      text(main, r, 14, pt.shown.suppressed ? "yes" : "no");
      ++r;
    }
  }
  auto* bd = book.sheet("Breakdowns", {"la", "id", "title", "period", "dimension", "category",
                                       "value", "numerator", "denominator"});
  r = 1;
  for (const auto& e : sc.entries)
    for (std::size_t d = 0; d < indicators::kDimensionCount; ++d)
      for (const auto& c : e.breakdowns[d]) {
        text(bd, r, 0, sc.la);
        text(bd, r, 1, e.indicator->key);
        text(bd, r, 2, e.indicator->title);
        text(bd, r, 3, e.period.label);
        text(bd, r, 4, indicators::dimension_title(static_cast<indicators::Dimension>(d)));
        text(bd, r, 5, c.name);
        shown(bd, r, 6, c.shown);
        ++r;
      }
  auto* defs =
      book.sheet("Indicators", {"id", "family", "section", "title", "why it matters", "numerator",
                                "denominator", "population", "unit", "polarity", "source",
                                "definition", "where Hearth differs", "statute or guidance"});
  r = 1;
  for (const auto& ind : indicators::all_indicators()) {
    lxw_col_t c = 0;
    for (std::string_view s :
         {ind.key, ind.family, indicators::section_title(ind.section), ind.title, ind.why,
          ind.numerator, ind.denominator, ind.population, indicators::unit_name(ind.unit),
          indicators::polarity_name(ind.polarity), indicators::source_name(ind.source),
          ind.definition, ind.deviation, ind.basis})
      text(defs, r, c++, s);
    ++r;
  }
  if (sc.warning.empty()) notes_sheet(book, sc);
  book.close();
}

std::string scorecard_xlsx_bytes(const indicators::Scorecard& sc) {
  return xlsx_bytes([&](const std::filesystem::path& path) { scorecard_xlsx(sc, path); });
}

}  // namespace hearth::report
