// Ofsted's provider lists read as councils receive them (tests/data/ofsted/: the three sheets of
// the 2025 lists saved as CSV, fictional providers at real postcodes), the same lists as an
// Excel workbook, and the URN rules using them through the validation reference folder.
#include "validation/ofsted.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "case_file.hpp"
#include "geo/reference.hpp"
#include "ssda903/csv.hpp"
#include "ssda903/reader.hpp"
#include "validation/reference.hpp"
#include "validation/registry.hpp"
#include "validation/validate.hpp"

namespace hearth::validation {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(HEARTH_TEST_DATA) / "ofsted";

fs::path temp_dir(const std::string& name) {
  auto d = fs::temp_directory_path() / ("hearth-ofsted-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

std::vector<fs::path> sample_files() {
  return {kData / "providers-open.csv", kData / "providers-closed.csv", kData / "providers-sa.csv"};
}

// What the samples must give, worked out by hand from the files: the LA codes are the upper-tier
// councils of the postcodes in the shipped ONS index (hearth reference postcode shows them).
struct Expected {
  const char *urn, *place, *provider, *postcode, *la, *end;
};
const Expected kOracle[] = {
    {"SC999001", "K2", "PR4", "ME44QX", "E06000035", ""},
    {"SC999002", "K2", "PR1,PR2", "CT92DH", "E10000016", ""},
    {"SC999003", "K1", "PR1,PR2", "LS62QZ", "E08000035", ""},
    {"SC999004", "K2", "PR5", "M145BF", "E08000003", ""},
    {"SC999005", "U1,U2,U3,U4,U5,U6", "PR4", "DA12QW", "E10000016", ""},
    {"SC999006", "R3", "PR5", "NE46QZ", "E08000021", ""},
    {"2999007", "K2", "PR4", "BN23LJ", "E06000043", ""},
    {"SC999008", "K2", "PR4", "ME59QJ", "E10000016", "2024-11-14"},
    {"SC999101", "U1,U2,U3,U4,U5,U6", "PR4", "ME44QY", "E06000035", "2024-07-31"},
    {"SC999102", "K2", "PR4", "LS62QY", "E08000035", "2024-10-03"},
    {"SC999103", "R3", "PR5", "M145ZR", "E08000003", "2025-02-28"},
    {"SC999104", "K2", "PR1,PR2", "CT92HL", "E10000016", "2024-06-30"},
    // Supported accommodation: K3, and (Hearth's choice) the provider code from the sector.
    {"2999201", "K3", "PR4", "ME44QZ", "E06000035", ""},
    {"2999202", "K3", "PR1,PR2", "LS62QX", "E08000035", ""},
    {"2999203", "K3", "PR5", "BN23HH", "E06000043", "2025-01-31"},
};

void expect_oracle(const std::unordered_map<std::string, Provider>& got) {
  EXPECT_EQ(got.size(), std::size(kOracle));
  for (const Expected& e : kOracle) {
    SCOPED_TRACE(e.urn);
    auto it = got.find(e.urn);
    ASSERT_NE(it, got.end());
    const Provider& p = it->second;
    EXPECT_EQ(p.urn, e.urn);
    EXPECT_EQ(p.place_codes, e.place);
    EXPECT_EQ(p.provider_codes, e.provider);
    EXPECT_EQ(p.postcode, e.postcode);
    EXPECT_EQ(p.la, e.la);
    EXPECT_EQ(p.registered_until ? model::format_iso(*p.registered_until) : "", e.end);
  }
}

TEST(Ofsted, ReadsTheListsSavedAsCsv) {
  const auto read = read_ofsted_lists(sample_files(), geo::geography());
  expect_oracle(read.providers);
  EXPECT_EQ(read.read.files.size(), 3u);
  ASSERT_EQ(read.read.sheets.size(), 3u);
  EXPECT_EQ(read.read.sheets[0].header_row, 1u);
  EXPECT_EQ(read.read.sheets[0].rows, 8u);
  EXPECT_EQ(read.read.rows, 15u);
  EXPECT_EQ(read.read.providers, 15u);
  EXPECT_TRUE(read.read.warnings.empty());
  EXPECT_TRUE(read.read.closed_without_date.empty());
  EXPECT_EQ(read.read.summary(),
            "Ofsted's provider lists: 3 files, 3 sheets, 15 rows, 15 providers");
}

// A sheet written as Excel keeps it: text as shared strings, whole numbers (the new numeric
// URNs among them) as number cells, dd/mm/yyyy dates as date serials, "-" as text; `skip`
// names a column left out and `titles` rows go above the column names.
void add_sheet(lxw_workbook* wb, lxw_format* date, const char* name, const fs::path& csv_file,
               const std::vector<std::string>& titles, const std::string& skip = "") {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  lxw_row_t row = 0;
  for (const auto& t : titles) worksheet_write_string(ws, row++, 0, t.c_str(), nullptr);
  const std::string text = ssda903::read_file(csv_file);
  ssda903::CsvReader csv(text);
  std::vector<std::string_view> fields;
  std::vector<std::string> header;
  while (csv.next(fields)) {
    if (header.empty()) header.assign(fields.begin(), fields.end());
    lxw_col_t col = 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i < header.size() && header[i] == skip) continue;
      const std::string cell(fields[i]);
      const auto d = model::parse_dmy(cell);
      if (cell.empty()) {
      } else if (d) {
        worksheet_write_number(ws, row, col, (*d - model::make_date(1899, 12, 30)).count(), date);
      } else if (cell.find_first_not_of("0123456789") == std::string::npos && cell[0] != '0') {
        worksheet_write_number(ws, row, col, std::stod(cell), nullptr);
      } else {
        worksheet_write_string(ws, row, col, cell.c_str(), nullptr);
      }
      ++col;
    }
    ++row;
  }
}

TEST(Ofsted, ReadsTheSameListsAsAnExcelWorkbook) {
  const auto dir = temp_dir("xlsx");
  const auto path = dir / "Ofsted providers November 2025.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  ASSERT_NE(wb, nullptr);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  add_sheet(wb, date, "Providers", kData / "providers-open.csv",
            {"Social care providers: 903 URN lookup", "Data as at 30 November 2025"});
  add_sheet(wb, date, "Providers closed in 2022-23", kData / "providers-closed.csv", {});
  // The SA sheet without its placement code column: supported accommodation is K3 anyway.
  add_sheet(wb, date, "SA Providers", kData / "providers-sa.csv", {}, "Placement code");
  lxw_worksheet* conditions = workbook_add_worksheet(wb, "Registration Conditions");
  worksheet_write_string(conditions, 0, 0, "URN", nullptr);
  worksheet_write_string(conditions, 0, 1, "Condition", nullptr);
  worksheet_write_string(conditions, 1, 0, "SC999001", nullptr);
  worksheet_write_string(conditions, 1, 1, "Up to 4 children", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  const auto read = read_ofsted_lists({path}, geo::geography());
  expect_oracle(read.providers);
  ASSERT_EQ(read.read.sheets.size(), 3u);
  EXPECT_EQ(read.read.sheets[0].sheet, "Providers");
  EXPECT_EQ(read.read.sheets[0].header_row, 3u);
  ASSERT_EQ(read.read.passed_over.size(), 1u);
  EXPECT_NE(read.read.passed_over[0].find("sheet 'Registration Conditions' (no placement code"),
            std::string::npos);
  EXPECT_TRUE(read.read.warnings.empty());
  fs::remove_all(dir);
}

TEST(Ofsted, EndDatesAsOfstedAndExcelWriteThem) {
  for (const char* none : {"", " ", "-", "NA", "n/a", "Not applicable", "not_applicable"}) {
    const EndDate d = read_end_date(none, false);
    EXPECT_TRUE(d.readable && !d.date) << none;
  }
  const auto day = model::make_date(2024, 11, 14);
  for (const char* text :
       {"14/11/2024", "2024-11-14", "2024-11-14T00:00:00", "14/11/2024 00:00", "45610", "45610.75"})
    EXPECT_EQ(read_end_date(text, false).date, day) << text;
  EXPECT_EQ(read_end_date("44148", true).date, day);  // the 1904 date system
  EXPECT_EQ(read_end_date("61", false).date, model::make_date(1900, 3, 1));
  EXPECT_EQ(read_end_date("59", false).date, model::make_date(1900, 2, 28));
  for (const char* text : {"next spring", "31/02/2024", "14.11.2024", "0"})
    EXPECT_FALSE(read_end_date(text, false).readable) << text;
}

// A URN in several rows or files, headers however written, title rows, the children's homes
// list's own names, codes however separated, a numeric URN as Excel writes it.
TEST(Ofsted, MergesRowsByUrn) {
  const auto dir = temp_dir("merge");
  write(dir / "closed.csv",
        "Providers closed,,,,,\n"
        "\n"
        " urn ,Placement_Code,PLACEMENT-PROVIDER-CODE,Setting  Address Postcode,"
        "Deregistration date,Registration status\n"
        "SC100001,K1,PR4,ME4 4QX,01/02/2024,Resigned\n"
        "SC100002,K2,PR4,me4 4qx,31/01/2024,Closed\n"
        "SC100002,K2,PR4,ME4 4QX,2024-03-31,Closed\n"
        "SC100003,\"k2; k3\",pr4 ,ME4 4QX,,Closed\n"
        "SC100004,K2,PR4,ME4 4QX,next spring,Active\n"
        "2999007.0,\"U1, U2 / U3\",PR4,-,-,Active\n"
        ",K2,PR4,ME4 4QX,,Active\n");
  write(dir / "homes.csv",
        "URN,Local Authority,Provider Code,Provider Placement Code,Closed Date,Setting Postcode\n"
        "SC100001,Kent,K2,PR1/PR2,-,CT9 2DH\n");
  const auto read = read_ofsted_lists({dir / "closed.csv", dir / "homes.csv"}, geo::geography());
  const auto& p = read.providers;
  ASSERT_EQ(p.size(), 5u);
  // Open in the children's homes list: its postcode, no end, every code.
  EXPECT_EQ(p.at("SC100001").place_codes, "K1,K2");
  EXPECT_EQ(p.at("SC100001").provider_codes, "PR4,PR1,PR2");
  EXPECT_EQ(p.at("SC100001").postcode, "CT92DH");
  EXPECT_EQ(p.at("SC100001").la, "E10000016");
  EXPECT_FALSE(p.at("SC100001").registered_until);
  EXPECT_EQ(p.at("SC100002").registered_until, model::make_date(2024, 3, 31));
  EXPECT_EQ(p.at("SC100002").postcode, "ME44QX");
  EXPECT_EQ(p.at("SC100003").place_codes, "K2,K3");
  EXPECT_EQ(p.at("SC100003").provider_codes, "PR4");
  EXPECT_FALSE(p.at("SC100003").registered_until);
  EXPECT_EQ(read.read.closed_without_date, std::vector<std::string>{"SC100003"});
  EXPECT_FALSE(p.at("SC100004").registered_until);
  EXPECT_EQ(p.at("2999007").place_codes, "U1,U2,U3");
  EXPECT_EQ(p.at("2999007").postcode, "");
  EXPECT_EQ(p.at("2999007").la, "");
  EXPECT_EQ(read.read.sheets[0].header_row, 3u);
  ASSERT_EQ(read.read.warnings.size(), 1u);
  EXPECT_EQ(
      read.read.warnings[0],
      (dir / "closed.csv").string() +
          " row 8: URN SC100004: the end date 'next spring' is not a date, so it is not used");
  EXPECT_EQ(read.read.summary(),
            "Ofsted's provider lists: 2 files, 2 sheets, 7 rows, 5 providers (1 closed with no "
            "end date), 1 warning");
  fs::remove_all(dir);
}

TEST(Ofsted, RefusesFilesThatAreNotProviderLists) {
  const auto dir = temp_dir("bad");
  auto message = [](const fs::path& p) {
    try {
      read_ofsted_lists({p}, geo::Geography{});
    } catch (const OfstedError& e) {
      return std::string(e.what());
    }
    return std::string("(read)");
  };
  write(dir / "names.csv", "Name,Postcode\nWillowmere,ME4 4QX\n");
  EXPECT_EQ(message(dir / "names.csv"), (dir / "names.csv").string() +
                                            " is not one of Ofsted's provider lists: no URN "
                                            "column in its first 20 rows");

  const auto book = dir / "conditions.xlsx";
  lxw_workbook* wb = workbook_new(book.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Registration Conditions");
  worksheet_write_string(ws, 0, 0, "URN", nullptr);
  worksheet_write_string(ws, 0, 1, "Condition", nullptr);
  workbook_add_worksheet(wb, "Notes");
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  EXPECT_EQ(message(book), book.string() +
                               " is not one of Ofsted's provider lists: sheet 'Registration "
                               "Conditions': no placement code, placement provider code or "
                               "postcode column; sheet 'Notes': no URN column in its first 20 "
                               "rows");

  write(dir / "old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, 0));
  EXPECT_NE(message(dir / "old.xls").find("old Excel .xls workbook"), std::string::npos);
  EXPECT_NE(message(dir / "gone.csv").find("cannot read " + (dir / "gone.csv").string()),
            std::string::npos);

  // Only the lists in a folder are read: not Excel's lock files, hidden files or other files.
  const auto folder = dir / "ofsted";
  fs::create_directories(folder);
  for (const char* name : {"b.csv", "a.xlsx", "C.XLSX", "d.xls", "~$a.xlsx", ".x.csv", "notes.txt"})
    write(folder / name, "");
  EXPECT_EQ(ofsted_files(folder), (std::vector<fs::path>{folder / "C.XLSX", folder / "a.xlsx",
                                                         folder / "b.csv", folder / "d.xls"}));
  fs::remove_all(dir);
}

// The reference folder's ofsted/ lists feed the URN rules; its providers.csv overrides a URN.
TEST(Ofsted, TheRulesLookUpTheListsInTheReferenceFolder) {
  const auto dir = temp_dir("folder");
  fs::create_directories(dir / "ofsted");
  for (const auto& f : sample_files()) fs::copy_file(f, dir / "ofsted" / f.filename());
  write(dir / "providers.csv",
        "URN,POSTCODE,LA_CODE,PLACE_CODES,PROVIDER_CODES,REG_END\n"
        "SC999001,ME7 1AA,E06000035,K2,PR4,\n");
  OfstedRead read;
  const ValidationReference ref = load_validation_reference(dir, &read);
  EXPECT_EQ(ref.providers.size(), 15u);
  EXPECT_EQ(read.files.size(), 3u);
  EXPECT_EQ(ref.providers.at("SC999001").postcode, "ME71AA");
  EXPECT_EQ(ref.providers.at("SC999002").postcode, "CT92DH");
  EXPECT_EQ(ref.providers.at("SC999008").registered_until, model::make_date(2024, 11, 14));

  write(dir / "episodes.case",
        "# URNs from Ofsted's lists: SC999002 is a children's home (K2), SC999999 is unknown.\n"
        "expect: none\n"
        "[Episodes]\n"
        "CHILD,DECOM,PLACE,URN,PLACE_PROVIDER\n"
        "1,01/05/2025,K2,SC999002,PR1\n"
        "2,01/05/2025,K1,SC999002,PR1\n"
        "3,01/05/2025,K2,SC999999,PR4\n"
        "4,01/05/2025,K2,2999007,PR4\n"
        "5,01/05/2025,K3,2999202,PR1\n");
  cases::Case c = cases::read_case(dir / "episodes.case");
  c.data.reference = &ref;
  Options only;
  only.only = {"1008", "219"};
  const Result result = validate(c.data, only);
  EXPECT_TRUE(result.not_run.empty());
  EXPECT_EQ(result.rules_run, 2u);
  std::set<std::pair<std::string, std::int64_t>> found;
  for (const RuleFinding& f : result.findings) found.insert({std::string(f.rule->code), f.row()});
  EXPECT_EQ(found,
            (std::set<std::pair<std::string, std::int64_t>>{{"1008", 4}, {"219", 3}, {"219", 4}}));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace hearth::validation
