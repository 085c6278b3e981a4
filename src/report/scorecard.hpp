// The scorecard as documents: JSON for the API and scripts, CSV and XLSX (one row per indicator
// per period) for analysts, HTML for the Board (an A4 paper with a chart and a table for each
// indicator), a plain table for the terminal; and the indicator registry as JSON and Markdown
// (docs/indicators.md is generated from it).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "indicators/scorecard.hpp"

namespace hearth::report {

// "22.2%", "1,234", "67.1", "412 days"; "c" when suppressed; "no data" when not available.
std::string format_value(indicators::Unit unit, std::optional<double> v);
std::string format_shown(const indicators::Indicator& ind, const indicators::Shown& s);
std::string format_count(double v);  // "1,234"; fractions to 2 places
// "would rank 12 of 153 (top quarter) against 2024-25 published figures"
std::string standing_text(const indicators::Standing& s);

nlohmann::json scorecard_json(const indicators::Scorecard& sc);
std::string scorecard_csv(const indicators::Scorecard& sc);
std::string scorecard_table(const indicators::Scorecard& sc);
std::string scorecard_html(const indicators::Scorecard& sc);
// Throws std::runtime_error when the file cannot be written.
void scorecard_xlsx(const indicators::Scorecard& sc, const std::filesystem::path& path);
// The same workbook's bytes (for a download).
std::string scorecard_xlsx_bytes(const indicators::Scorecard& sc);

// Every indicator's definition, one object each; and as the registry's list ({items, total}:
// `hearth indicators list --format json` and GET /api/v1/indicators).
nlohmann::json indicators_json();
nlohmann::json indicators_list_json();
std::string indicators_markdown();

}  // namespace hearth::report
