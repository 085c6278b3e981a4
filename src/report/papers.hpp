// The Board's papers as documents (docs/papers.md): the meeting pack and the annual report as
// HTML that prints on A4 (running header with the date and, when small numbers are shown,
// OFFICIAL-SENSITIVE; page numbers), the same through Chromium as a tagged PDF (report/pdf.hpp),
// and an XLSX appendix of every figure with its numerator, denominator and definition. The
// figures are collected as the HTML is written, so the appendix holds exactly what the paper
// prints.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "services/papers.hpp"

namespace hearth::report {

struct PaperFigure {
  std::string id;       // "iha_timely", "iha_timely@2025-26 Q3", "measure:stable-homes:iha_timely"
  std::string section;  // where it is in the paper
  std::string label;    // what it is
  std::string period;   // the period or date it is for
  std::string shown;    // as printed: "82.1%", "c", "no data"
  std::optional<double> value, numerator, denominator;
  std::string unit;        // "percent", "count", ...
  std::string definition;  // how it is counted
  std::string source;      // where it comes from
  bool suppressed = false;
};

std::string pack_html(const services::MeetingPack& p);
std::vector<PaperFigure> pack_figures(const services::MeetingPack& p);
std::string annual_html(const services::AnnualReport& r);
std::vector<PaperFigure> annual_figures(const services::AnnualReport& r);

nlohmann::json figures_json(const std::vector<PaperFigure>& figures);
// The appendix: Figures (one row each) and Notes (the paper, its date, whose figures, how
// suppressed). Its properties carry `generated_at`, so the same paper gives the same bytes.
std::string paper_xlsx_bytes(const std::string& title, const services::PaperBase& p,
                             const std::vector<PaperFigure>& figures);

// The file name a download gets: "hearth-pack-2026-11-05.pdf", "hearth-annual-report-2025-26.xlsx".
std::string pack_file_name(const services::MeetingPack& p, const std::string& ext);
std::string annual_file_name(const services::AnnualReport& r, const std::string& ext);

}  // namespace hearth::report
