// Ofsted's provider lists as councils receive them for the 903 (the "URN lookup" workbooks: a
// children's homes list, a social care providers list, or the combined workbook with its
// "Providers" and "SA Providers" sheets), read unchanged — an .xlsx workbook, or a sheet of one
// saved as CSV — into the providers the 7 URN rules look up (1008, 219, 221, 224, 227, 228, 229).
//
// Every sheet is read. Its column names are found in its first 20 rows (a cell "URN"), so title
// rows above them do no harm, and are matched whatever their case, spacing, "_" or "-":
//   URN               urn
//   placement codes   placement code; provider code, only in the children's homes list (which
//                     calls the PLACE code "Provider Code" and has "Provider Placement Code")
//   provider codes    placement provider code | provider placement code
//   postcode          setting address postcode | setting postcode | provider postcode | postcode
//   end of its registration   deregistration date | closed date
//   status, type, sector      registration status | provider status; provider type |
//                             provision type; sector | provider sector
// A sheet with a URN column but none of placement codes, provider codes or postcode (such as
// "Registration Conditions") is passed over and listed in the report.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/reference.hpp"
#include "validation/table.hpp"

namespace hearth::validation {

class OfstedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What reading the lists found, for a command to say what it read.
struct OfstedRead {
  struct Sheet {
    std::string file;
    std::string sheet;           // "" for a CSV file
    std::size_t header_row = 0;  // the spreadsheet row (CSV line) of the column names
    std::size_t rows = 0;        // rows with a URN
  };
  std::vector<std::string> files;
  std::vector<Sheet> sheets;                     // the sheets providers were read from
  std::vector<std::string> passed_over;          // "file: sheet 'X' (why)"
  std::vector<std::string> warnings;             // "file: sheet 'X' row 12: why"
  std::vector<std::string> closed_without_date;  // URNs: a closed status but no end date, so
                                                 // 227 and 228 cannot judge them (1008 can)
  std::size_t rows = 0;                          // rows with a URN, over every sheet
  std::size_t providers = 0;                     // distinct URNs

  // "Ofsted's provider lists: 2 files, 3 sheets, 1,234 rows, 1,200 providers (4 closed with no
  // date), 2 warnings".
  std::string summary() const;
};

struct OfstedProviders {
  std::unordered_map<std::string, Provider> providers;  // by URN
  OfstedRead read;
};

// The files in `folder` that are provider lists: *.xlsx and *.csv, and *.xls so that it is
// refused with a reason rather than passed over; sorted by name. Hidden files and Excel's lock
// files (~$name.xlsx, left beside a workbook open in Excel) are not lists.
std::vector<std::filesystem::path> ofsted_files(const std::filesystem::path& folder);

// Reads the lists and merges them by URN: a URN in several rows or files gets every placement
// and provider code any of them gives; the postcode of a row still open (no end date) wins;
// it is registered until its latest end date, unless some row is still open. A supported
// accommodation row (sheet named "SA …" or provider type "Supported accommodation") with no
// placement code is K3. Each provider's LA code is the upper-tier ONS code of its postcode's
// council in `geography` (geo::geography() for the shipped one), "" when the postcode is not
// found. Throws OfstedError naming the file (and sheet) when a file cannot be read, is not a
// workbook or CSV, or has no sheet with a URN column and provider columns.
OfstedProviders read_ofsted_lists(const std::vector<std::filesystem::path>& files,
                                  const geo::Geography& geography);

// A date in an end-date column: none for "", "-", "na", "n/a", "not applicable"; dd/mm/yyyy
// or yyyy-mm-dd (a time after it is ignored); an Excel date serial (days from 1899-12-30, or
// from 1904-01-01 when `date1904`). `readable` is false for any other text.
struct EndDate {
  OptDate date;
  bool readable = true;
};
EndDate read_end_date(std::string_view text, bool date1904);

}  // namespace hearth::validation
