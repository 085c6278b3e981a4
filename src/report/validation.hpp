// The 903 validation results as analysts use them: JSON for tools and the web, CSV, a plain
// text report (rules with counts, then every finding), and an XLSX workbook with one sheet per
// 903 table whose offending cells are highlighted, as the sector's tool gives.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "model/finding.hpp"
#include "validation/validate.hpp"

namespace hearth::report {

// Only the findings about one child (the per-child view); the whole result when empty.
validation::Result only_child(const validation::Result& r, const std::string& child);

nlohmann::json validation_json(const validation::Result& r);
// The same, written as a stream (no document tree; what hearth validate uses, so that memory
// does not grow with the findings): laid out as validation_json(r) with "reading" (what the 903
// reader found) and, when `child` is given, "child_id" added, dumped with an indent of 2. Any
// text that is not UTF-8 is written with U+FFFD in its place.
void write_validation_json(std::ostream& out, const validation::Result& r,
                           std::span<const model::Finding> reading, const std::string& child);
// validation_csv and validation_table, written as streams.
void write_validation_csv(std::ostream& out, const validation::Result& r);
void write_validation_table(std::ostream& out, const validation::Result& r);
std::string validation_csv(const validation::Result& r);
std::string validation_table(const validation::Result& r);
void validation_xlsx(const validation::Result& r, const validation::ReturnTables& data,
                     const std::filesystem::path& path);

// The registry: every rule for a collection year, one object each; and as the list
// {collection_year, items, total} (`hearth rules list --format json`, GET /api/v1/rules).
nlohmann::json rules_json(int end_year);
nlohmann::json rules_list_json(int end_year);
std::string rules_table(int end_year);
std::string rules_markdown(int end_year);

}  // namespace hearth::report
