// The 903 validation results as analysts use them: JSON for tools and the web, CSV, a plain
// text report (rules with counts, then every finding), and an XLSX workbook with one sheet per
// 903 table whose offending cells are highlighted, as the sector's tool gives.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/finding.hpp"
#include "validation/validate.hpp"

namespace hearth::report {

// Only the findings about one child (the per-child view); the whole result when empty.
validation::Result only_child(const validation::Result& r, const std::string& child);

nlohmann::json validation_json(const validation::Result& r);
std::string validation_csv(const validation::Result& r);
std::string validation_table(const validation::Result& r);
void validation_xlsx(const validation::Result& r, const validation::Dataset& data,
                     const std::filesystem::path& path);

// The registry: every rule for a collection year.
nlohmann::json rules_json(int end_year);
std::string rules_table(int end_year);
std::string rules_markdown(int end_year);

}  // namespace hearth::report
