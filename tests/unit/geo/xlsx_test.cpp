#include "geo/xlsx.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "files.hpp"

namespace fs = std::filesystem;
using namespace hearth::geo;
using namespace hearth::geo::testing;
using Rows = std::vector<std::vector<std::string>>;

namespace {

TEST(Xlsx, ReadsWhatExcelWritesBackExactly) {
  const auto dir = temp_dir("book");
  const auto path = dir / "book.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  ASSERT_NE(wb, nullptr);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);

  lxw_worksheet* first = workbook_add_worksheet(wb, "Providers");
  worksheet_write_string(first, 0, 0, "URN", bold);
  worksheet_write_string(first, 0, 1, "Name", nullptr);
  worksheet_write_string(first, 0, 3, "Closed date", nullptr);  // C1 left empty
  worksheet_write_string(first, 1, 0, "SC999001", nullptr);
  lxw_rich_string_tuple run1 = {bold, const_cast<char*>("Willow")};
  lxw_rich_string_tuple run2 = {nullptr, const_cast<char*>("mere & Co")};
  lxw_rich_string_tuple* runs[] = {&run1, &run2, nullptr};
  worksheet_write_rich_string(first, 1, 1, runs, nullptr);
  worksheet_write_number(first, 2, 0, 2999007, nullptr);
  worksheet_write_number(first, 2, 1, 0.5, nullptr);
  lxw_datetime closed = {2024, 11, 14, 0, 0, 0};
  worksheet_write_datetime(first, 2, 3, &closed, date);
  // Row 4 is left out; a styled blank cell is no value.
  worksheet_write_blank(first, 4, 2, bold);
  worksheet_write_boolean(first, 4, 0, 1, nullptr);
  worksheet_write_formula_str(first, 4, 1, "=\"a\"&\"b\"", nullptr, "ab");

  lxw_worksheet* second = workbook_add_worksheet(wb, "SA Providers");
  worksheet_write_string(second, 0, 0, "URN", nullptr);  // shared with the first sheet
  worksheet_write_string(second, 1, 1, "K3", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  const Workbook book = read_xlsx(path);
  EXPECT_FALSE(book.date1904);
  ASSERT_EQ(book.sheets.size(), 2u);
  EXPECT_EQ(book.sheets[0].name, "Providers");
  EXPECT_EQ(book.sheets[0].rows, (Rows{{"URN", "Name", "", "Closed date"},
                                       {"SC999001", "Willowmere & Co"},
                                       {"2999007", "0.5", "", "45610"},
                                       {},
                                       {"TRUE", "ab"}}));
  EXPECT_EQ(book.sheets[1].name, "SA Providers");
  EXPECT_EQ(book.sheets[1].rows, (Rows{{"URN"}, {"", "K3"}}));
  EXPECT_TRUE(looks_like_workbook(path));
  fs::remove_all(dir);
}

// A workbook as other writers make it: a namespace prefix on every element, inline strings,
// cells without references, the 1904 date system, a sheet part named from the root, and a chart
// sheet, which holds no cells.
TEST(Xlsx, ReadsInlineStringsPrefixesAnd1904Dates) {
  const auto dir = temp_dir("hand");
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  write(dir / "hand.xlsx",
        make_zip(
            {
                {"_rels/.rels",
                 "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                 "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" +
                     rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
                {"xl/workbook.xml",
                 "<x:workbook xmlns:x=\"" + ns + "\" xmlns:r=\"" + rel +
                     "\"><x:workbookPr date1904=\"1\"/><x:sheets>"
                     "<x:sheet name=\"Chart\" sheetId=\"2\" r:id=\"rId2\"/>"
                     "<x:sheet name=\"Lists &amp; codes\" sheetId=\"1\" r:id=\"rId1\"/>"
                     "</x:sheets></x:workbook>"},
                {"xl/_rels/workbook.xml.rels",
                 "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                 "relationships\"><Relationship Id=\"rId1\" Type=\"" +
                     rel +
                     "/worksheet\" Target=\"/xl/worksheets/a.xml\"/><Relationship Id=\"rId2\" "
                     "Type=\"" +
                     rel + "/chartsheet\" Target=\"chartsheets/c.xml\"/></Relationships>"},
                {"xl/worksheets/a.xml",
                 "<x:worksheet xmlns:x=\"" + ns +
                     "\"><x:sheetData>"
                     "<x:row r=\"2\"><x:c t=\"inlineStr\"><x:is><x:t>Ofsted list</x:t></x:is></x:c>"
                     "</x:row>"
                     "<x:row><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:r><x:t>U</x:t></x:r><x:r>"
                     "<x:t xml:space=\"preserve\">RN </x:t></x:r></x:is></x:c><x:c t=\"n\"><x:v>"
                     "44244</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c></x:row>"
                     "<x:row r=\"4\"><x:c r=\"A4\" t=\"inlineStr\"><x:is><x:t>line_x000D_two"
                     "</x:t></x:is></x:c></x:row>"
                     "</x:sheetData></x:worksheet>"},
            },
            false));
  const Workbook book = read_xlsx(dir / "hand.xlsx");
  EXPECT_TRUE(book.date1904);
  ASSERT_EQ(book.sheets.size(), 1u);
  EXPECT_EQ(book.sheets[0].name, "Lists & codes");
  EXPECT_EQ(book.sheets[0].rows,
            (Rows{{}, {"Ofsted list"}, {"", "URN ", "44244", "#N/A"}, {"line\rtwo"}}));
  fs::remove_all(dir);
}

TEST(Xlsx, RefusesWhatIsNotAWorkbook) {
  const auto dir = temp_dir("bad");
  auto message = [](const fs::path& p) {
    try {
      read_xlsx(p);
    } catch (const ArchiveError& e) {
      return std::string(e.what());
    }
    return std::string("(read)");
  };
  write(dir / "list.xlsx", "URN,Placement code\nSC999001,K2\n");
  EXPECT_NE(message(dir / "list.xlsx").find("is not an Excel .xlsx workbook (it is not a zip"),
            std::string::npos);
  EXPECT_FALSE(looks_like_workbook(dir / "list.xlsx"));

  write(dir / "old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, 0));
  EXPECT_NE(message(dir / "old.xls").find("save it as an Excel Workbook (.xlsx) or as CSV"),
            std::string::npos);
  EXPECT_TRUE(looks_like_workbook(dir / "old.xls"));

  write(dir / "other.xlsx", make_zip({{"readme.txt", "not a workbook"}}, false));
  EXPECT_NE(message(dir / "other.xlsx").find("it has no xl/workbook.xml"), std::string::npos);

  write(dir / "sheet.ods",
        make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}}, false));
  EXPECT_NE(message(dir / "sheet.ods").find("OpenDocument"), std::string::npos);

  // A workbook whose sheet part is missing, or is not XML: named in the message.
  const std::string wb =
      "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Providers\" r:id=\"rId1\"/></sheets>"
      "</workbook>";
  const std::string rels =
      "<Relationships><Relationship Id=\"rId1\" Type=\"http://x/worksheet\" "
      "Target=\"worksheets/sheet1.xml\"/></Relationships>";
  write(dir / "missing.xlsx",
        make_zip({{"xl/workbook.xml", wb}, {"xl/_rels/workbook.xml.rels", rels}}, false));
  EXPECT_NE(message(dir / "missing.xlsx").find("xl/worksheets/sheet1.xml is missing"),
            std::string::npos);
  write(dir / "broken.xlsx", make_zip({{"xl/workbook.xml", wb},
                                       {"xl/_rels/workbook.xml.rels", rels},
                                       {"xl/worksheets/sheet1.xml", "<worksheet><sheetData>"}},
                                      false));
  EXPECT_NE(message(dir / "broken.xlsx").find("xl/worksheets/sheet1.xml is damaged"),
            std::string::npos);
  EXPECT_NE(message(dir / "absent.xlsx").find("cannot read"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
