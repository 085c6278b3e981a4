#include "ssda903/reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "ssda903/writer.hpp"

namespace hearth::ssda903 {
namespace {

using model::make_date;

model::Return read(const std::string& name, const std::string& text, ReadReport& report) {
  model::Return r;
  r.la = "887";
  r.year = model::CollectionYear{2025};
  read_csv(name, text, r, report);
  return r;
}

TEST(Reader, RecognisesATableByItsColumnsNotItsFileName) {
  ReadReport rep;
  auto r = read("export_7.csv",
                "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
                "HOME_POST,PL_POST,URN\n"
                "C1,01/05/2024,S,C2,N1,U4,PR1,,,,ME7 1AA,ME8 2BB,XXXXXXX\n",
                rep);
  ASSERT_EQ(rep.files.size(), 1u);
  EXPECT_EQ(rep.files[0].table, TableKind::Episodes);
  ASSERT_EQ(r.episodes.size(), 1u);
  EXPECT_EQ(r.episodes[0].decom, make_date(2024, 5, 1));
  EXPECT_FALSE(r.episodes[0].dec.has_value());
  EXPECT_TRUE(rep.findings.empty());
}

TEST(Reader, ToleratesHeaderCaseColumnOrderSpacesAndTrailingBlankColumns) {
  ReadReport rep;
  auto r = read("h.csv",
                "\xEF\xBB\xBF"
                "dob , child,Sex,ETHNIC,upn,MOTHER,MC_DOB,,\r\n"
                "17/05/2012 ,C7 , 1 ,wbri,,,,,\r\n\r\n",
                rep);
  ASSERT_EQ(r.header.size(), 1u) << (rep.findings.empty() ? "" : rep.findings[0].message);
  EXPECT_EQ(r.header[0].child, "C7");
  EXPECT_EQ(r.header[0].dob, make_date(2012, 5, 17));
  EXPECT_EQ(model::code_text(*r.header[0].ethnic), "WBRI");
  // Each trimmed cell is reported (a query: the row is still taken), so the council can fix its
  // extract; the header's spaces are not the council's data and are not reported.
  ASSERT_EQ(rep.findings.size(), 3u);
  for (const auto& f : rep.findings) {
    EXPECT_EQ(f.rule, "ingest.spaces-trimmed");
    EXPECT_EQ(f.severity, model::Severity::Query);
    EXPECT_EQ(f.child, "C7");
    EXPECT_EQ(f.row, 2);
  }
  EXPECT_EQ(rep.findings[0].column, "CHILD");
  EXPECT_EQ(rep.findings[0].value, "C7 ");
  EXPECT_FALSE(rep.blocking());
}

TEST(Reader, ABadCellIsAFindingWithFileRowColumnAndValue) {
  ReadReport rep;
  auto r = read("reviews.csv",
                "CHILD,DOB,REVIEW,REVIEW_CODE\n"
                "C1,17/05/2012,30/06/2024,PN1\n"
                "C2,17/05/2012,30/02/2024,PN1\n"
                "C3,17/05/2012,01/07/2024,PN9\n",
                rep);
  EXPECT_EQ(r.reviews.size(), 1u);
  EXPECT_EQ(rep.rejected, 2u);
  ASSERT_EQ(rep.findings.size(), 2u);
  EXPECT_EQ(rep.findings[0].rule, "ingest.bad-date");
  EXPECT_EQ(rep.findings[0].file, "reviews.csv");
  EXPECT_EQ(rep.findings[0].row, 3);
  EXPECT_EQ(rep.findings[0].column, "REVIEW");
  EXPECT_EQ(rep.findings[0].value, "30/02/2024");
  EXPECT_EQ(rep.findings[0].child, "C2");
  EXPECT_FALSE(rep.findings[0].how_to_fix.empty());
  EXPECT_EQ(rep.findings[1].rule, "ingest.unknown-code");
  EXPECT_EQ(rep.findings[1].column, "REVIEW_CODE");
  EXPECT_NE(rep.findings[1].expected.find("PN0"), std::string::npos);
  EXPECT_TRUE(rep.blocking());
}

TEST(Reader, RowsMayOmitTheHeadersTrailingBlankColumns) {
  ReadReport rep;
  auto r = read("u.csv", "CHILD,SEX,DOB,DUC,,\nC1,1,01/01/2008,\nC2,2,01/01/2009,,,\n", rep);
  EXPECT_EQ(r.uasc.size(), 2u);
  EXPECT_TRUE(rep.findings.empty());
}

TEST(Reader, AnUnterminatedQuoteIsAWholeFileProblem) {
  ReadReport rep;
  read("u.csv", "CHILD,SEX,DOB,DUC\nC1,1,01/01/2008,\n\"C2,2,01/01/2009,\nC3,1,01/01/2010,\n", rep);
  ASSERT_EQ(rep.findings.size(), 1u);
  EXPECT_EQ(rep.findings[0].rule, "ingest.unterminated-quote");
  EXPECT_EQ(rep.findings[0].row, 3);
  EXPECT_TRUE(rep.file_problems());
}

TEST(Reader, MissingKeyDateRejectsTheRow) {
  ReadReport rep;
  auto r = read("m.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END\nC1,,M,,\n", rep);
  EXPECT_TRUE(r.missing.empty());
  ASSERT_EQ(rep.findings.size(), 1u);
  EXPECT_EQ(rep.findings[0].rule, "ingest.missing-value");
  EXPECT_EQ(rep.findings[0].column, "MIS_START");
}

TEST(Reader, UnknownTableIsRefusedWithWhatIsMissing) {
  ReadReport rep;
  read("odd.csv", "CHILD,DECOM,RNE,LS\nC1,01/01/2024,S,C2\n", rep);
  ASSERT_EQ(rep.findings.size(), 1u);
  EXPECT_EQ(rep.findings[0].rule, "ingest.unknown-table");
  EXPECT_NE(rep.findings[0].message.find("Episodes"), std::string::npos);
  EXPECT_NE(rep.findings[0].message.find("PLACE"), std::string::npos);
}

TEST(Reader, ARowWithTooManyCellsIsRejected) {
  ReadReport rep;
  auto r = read("u.csv", "CHILD,SEX,DOB,DUC\nC1,1,01/01/2008,01/01/2026,surplus\n", rep);
  EXPECT_TRUE(r.uasc.empty());
  ASSERT_EQ(rep.findings.size(), 1u);
  EXPECT_EQ(rep.findings[0].rule, "ingest.field-count");
  EXPECT_EQ(rep.findings[0].row, 2);
}

TEST(Reader, AnExtraColumnIsAWarningAndIgnored) {
  ReadReport rep;
  auto r = read("u.csv", "CHILD,SEX,DOB,DUC,NOTES\nC1,1,01/01/2008,,hello\n", rep);
  EXPECT_EQ(r.uasc.size(), 1u);
  ASSERT_EQ(rep.findings.size(), 1u);
  EXPECT_EQ(rep.findings[0].severity, model::Severity::Warning);
  EXPECT_FALSE(rep.blocking());
}

TEST(Reader, TheSameTableTwiceIsRefused) {
  ReadReport rep;
  model::Return r;
  read_csv("a.csv", "CHILD,SEX,DOB,DUC\nC1,1,01/01/2008,\n", r, rep);
  read_csv("b.csv", "CHILD,SEX,DOB,DUC\nC2,1,01/01/2008,\n", r, rep);
  ASSERT_EQ(rep.findings.size(), 1u);
  EXPECT_EQ(rep.findings[0].rule, "ingest.duplicate-table");
}

TEST(Reader, WriterGivesBackTheCanonicalText) {
  std::string text =
      "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n"
      "C1,01/02/2020,03/04/2021,,\n";
  ReadReport rep;
  auto r = read("p.csv", text, rep);
  EXPECT_EQ(write_csv(TableKind::PlacedAdoption, r), text);
}

TEST(Reader, IsoDatesAreReadAndWrittenBackAsTheDfeForm) {
  ReadReport rep;
  auto r = read("u.csv", "CHILD,SEX,DOB,DUC\nC1,1,2008-01-31,\n", rep);
  ASSERT_EQ(r.uasc.size(), 1u);
  EXPECT_EQ(write_csv(TableKind::Uasc, r), "CHILD,SEX,DOB,DUC\nC1,1,31/01/2008,\n");
  // Read, but not in the DfE's form: a query finding says so.
  ASSERT_EQ(rep.findings.size(), 1u);
  EXPECT_EQ(rep.findings[0].rule, "ingest.date-format");
  EXPECT_EQ(rep.findings[0].severity, model::Severity::Query);
  EXPECT_EQ(rep.findings[0].column, "DOB");
  EXPECT_EQ(rep.findings[0].value, "2008-01-31");
}

TEST(XmlReader, ReadsChildrenEpisodesReviewsAndMissing) {
  std::string xml = R"(<?xml version="1.0"?>
<EXPSSDA903><CHILD><HEADER><CHILDID>9</CHILDID><UPN>A1</UPN><SEX>2</SEX><DOB>28/07/2010</DOB>
<ETHNIC>BAFR</ETHNIC><UASC /><AREVIEW><REVIEW>27/09/2017</REVIEW><REVIEW_CODE>PN0</REVIEW_CODE></AREVIEW>
<AMISSING><MISSING>A</MISSING><MIS_START>29/07/2017</MIS_START><MIS_END /></AMISSING>
<MOTHER /><MC_DOB /></HEADER>
<EPISODE><DECOM>06/01/2017</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N4</CIN><PL>R5</PL><PL_POST>E7 5YR</PL_POST>
<HOME_POST>B15 8PZ</HOME_POST><URN>1465167</URN><PLACE_PROVIDER>PR2</PLACE_PROVIDER><DEC /><REC /><REASON_PLACE_CHANGE /></EPISODE>
</CHILD></EXPSSDA903>)";
  ReadReport rep;
  model::Return r;
  read_xml("return.xml", xml, r, rep);
  EXPECT_TRUE(rep.findings.empty()) << rep.findings[0].message;
  ASSERT_EQ(r.header.size(), 1u);
  EXPECT_EQ(r.header[0].child, "9");
  ASSERT_EQ(r.episodes.size(), 1u);
  EXPECT_EQ(model::code_text(*r.episodes[0].place), "R5");
  EXPECT_EQ(r.reviews.size(), 1u);
  ASSERT_EQ(r.missing.size(), 1u);
  EXPECT_FALSE(r.missing[0].mis_end.has_value());
  EXPECT_TRUE(r.uasc.empty());
}

TEST(XmlReader, BrokenXmlIsAFindingWithItsLine) {
  ReadReport rep;
  model::Return r;
  read_xml("bad.xml", "<EXPSSDA903>\n<CHILD>\n</EXPSSDA903>", r, rep);
  ASSERT_EQ(rep.findings.size(), 1u);
  EXPECT_EQ(rep.findings[0].rule, "ingest.bad-xml");
  EXPECT_GE(rep.findings[0].row, 2);
}

// Issue 13 item 23's class of fault: an element the reader does not know used to be dropped
// without a word (the CSV reader warns of an extra column). Each is now a query naming the
// element, where it was and its first line, once per name and place.
TEST(XmlReader, AnUnknownElementIsAQueryNamingItAndItsLine) {
  std::string xml = R"(<EXPSSDA903>
<CHILD><HEADER><CHILDID>9</CHILDID><SEX>2</SEX><DOB>28/07/2010</DOB><ETHNIC>BAFR</ETHNIC>
<UASC>0</UASC><FAVOURITE>blue</FAVOURITE></HEADER>
<EPISODE><DECOM>06/01/2017</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N4</CIN><PL>R5</PL>
<DECOMM>07/01/2017</DECOMM></EPISODE>
<NOTE><TEXT>x</TEXT></NOTE>
</CHILD>
<CHILD><HEADER><CHILDID>10</CHILDID><SEX>1</SEX><DOB>01/02/2011</DOB><ETHNIC>WBRI</ETHNIC></HEADER>
<EPISODE><DECOM>06/01/2017</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N4</CIN><PL>R5</PL>
<DECOMM>08/01/2017</DECOMM></EPISODE></CHILD>
<SUMMARY>2</SUMMARY>
</EXPSSDA903>)";
  ReadReport rep;
  model::Return r;
  read_xml("return.xml", xml, r, rep);
  ASSERT_EQ(r.header.size(), 2u);
  ASSERT_EQ(r.episodes.size(), 2u);  // the known elements are still read
  std::map<std::string, const model::Finding*> by_element;
  for (const auto& f : rep.findings) {
    ASSERT_EQ(f.rule, "ingest.unknown-element") << f.message;
    EXPECT_EQ(f.severity, model::Severity::Query);
    EXPECT_EQ(f.file, "return.xml");
    by_element[f.column] = &f;
  }
  ASSERT_EQ(by_element.size(), 4u);
  ASSERT_TRUE(by_element.count("FAVOURITE"));
  EXPECT_EQ(by_element["FAVOURITE"]->row, 3);
  EXPECT_NE(by_element["FAVOURITE"]->message.find("<FAVOURITE> in <HEADER>"), std::string::npos);
  ASSERT_TRUE(by_element.count("DECOMM"));
  EXPECT_EQ(by_element["DECOMM"]->row, 5);  // the first of two
  EXPECT_NE(by_element["DECOMM"]->message.find("<EPISODE>"), std::string::npos);
  EXPECT_NE(by_element["DECOMM"]->message.find("2 times"), std::string::npos);
  ASSERT_TRUE(by_element.count("NOTE"));
  EXPECT_EQ(by_element["NOTE"]->row, 6);
  ASSERT_TRUE(by_element.count("SUMMARY"));
  EXPECT_EQ(by_element["SUMMARY"]->row, 11);
}

}  // namespace
}  // namespace hearth::ssda903

namespace hearth::ssda903 {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

TEST(Folder, ReadsAYearTogetherWithThePreviousYear) {
  auto root = fs::temp_directory_path() / ("hearth-reader-" + std::to_string(::getpid()));
  write(root / "2025-26" / "a.csv",
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2010,WBRI,,,\n");
  write(
      root / "2024-25" / "b.csv",
      "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2010,WBRI,,,\nC2,2,01/01/2011,WBRI,,,\n");
  ReadReport rep;
  auto pair = read_with_previous(root / "2025-26", root / "2024-25", model::CollectionYear{2026},
                                 "887", rep);
  EXPECT_TRUE(rep.findings.empty());
  EXPECT_EQ(pair.current.year.end_year, 2026);
  EXPECT_EQ(pair.current.header.size(), 1u);
  ASSERT_TRUE(pair.previous.has_value());
  EXPECT_EQ(pair.previous->year.end_year, 2025);
  EXPECT_EQ(pair.previous->header.size(), 2u);
  EXPECT_EQ(year_from_folder_name(root / "2024-25")->end_year, 2025);
  fs::remove_all(root);
}

TEST(Folder, TheYearCanBeWorkedOutFromTheLatestDate) {
  model::Return r;
  ReadReport rep;
  read_csv("e.csv",
           "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
           "PL_POST,URN\nC1,01/05/2023,S,C2,N1,U4,PR1,02/04/2024,E13,,,,\n",
           r, rep);
  EXPECT_EQ(year_from_data(r)->end_year, 2025) << "2 April 2024 falls in 2024/25";
}

TEST(Folder, AFolderWithoutFilesIsAFindingNotACrash) {
  auto root = fs::temp_directory_path() / ("hearth-empty-" + std::to_string(::getpid()));
  fs::create_directories(root);
  ReadReport rep;
  read_folder(root, model::CollectionYear{2025}, "887", rep);
  ASSERT_EQ(rep.findings.size(), 1u);
  EXPECT_EQ(rep.findings[0].rule, "ingest.no-files");
  read_folder(root / "missing", model::CollectionYear{2025}, "887", rep);
  EXPECT_EQ(rep.findings.back().rule, "ingest.no-such-folder");
  fs::remove_all(root);
}

}  // namespace
}  // namespace hearth::ssda903
