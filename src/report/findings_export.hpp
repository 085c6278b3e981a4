// A stored import's findings as the performance team works them: CSV and an XLSX workbook
// (a "Findings" sheet, filtered and frozen, then "By rule"), each finding with its key and, when
// it has been explained, the note, who wrote it and when — GET /api/v1/findings/export.
#pragma once

#include <span>
#include <string>

#include "model/finding.hpp"
#include "store/finding_note_store.hpp"

namespace hearth::report {

struct ExportedFinding {
  const model::Finding* finding = nullptr;
  std::string key;                           // services::finding_key
  const store::FindingNote* note = nullptr;  // its explanation, if any
};

// What the export is of, for the workbook's heading and the CSV's first columns.
struct FindingsExportInfo {
  std::string la;
  std::string year;  // "2025/26"; empty for local records
  std::int64_t import_id = 0;
};

std::string findings_csv(std::span<const ExportedFinding> rows, const FindingsExportInfo& info);
std::string findings_xlsx_bytes(std::span<const ExportedFinding> rows,
                                const FindingsExportInfo& info);

}  // namespace hearth::report
