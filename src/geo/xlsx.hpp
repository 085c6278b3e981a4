// Reading an Excel workbook (.xlsx) as it is downloaded, for published lists such as Ofsted's
// providers: every sheet's cells as text, in order. An .xlsx file is a zip archive of XML parts
// (ECMA-376): xl/workbook.xml names the sheets, xl/_rels/workbook.xml.rels says which part holds
// each, xl/sharedStrings.xml holds the text most cells point to. Formatting is not read: a date
// cell comes back as the number Excel stores (days since the workbook's epoch, see date1904).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "geo/archive.hpp"

namespace hearth::geo {

struct WorkbookSheet {
  std::string name;
  // rows[r][c] is the cell in spreadsheet row r + 1, column c + 1 (A is 0). Empty rows and cells
  // before a written one are "" so positions match the sheet; rows may differ in length.
  std::vector<std::vector<std::string>> rows;
};

struct Workbook {
  std::vector<WorkbookSheet> sheets;  // in the workbook's order (its tabs)
  // Whether date serials count from 1904-01-01 (the old Mac setting, workbookPr date1904) rather
  // than from 1899-12-30.
  bool date1904 = false;
};

// Reads every sheet's cells as text: shared and inline strings (rich text runs joined), a
// formula's cached result, a number as the XML writes it ("45610", "2999007", "0.5"), a boolean
// as TRUE or FALSE, an error as Excel shows it (#N/A). Throws ArchiveError naming the file when it
// is not an .xlsx workbook (including an old .xls or a password-protected one), or a part is
// damaged or larger than 256 MiB.
Workbook read_xlsx(const std::filesystem::path& file);

// Whether the file starts like a zip archive or an old Office (OLE2) file: a workbook to read
// with read_xlsx rather than text.
bool looks_like_workbook(const std::filesystem::path& file);

}  // namespace hearth::geo
