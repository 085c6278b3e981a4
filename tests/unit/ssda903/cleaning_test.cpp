// What the 903 readers do to every cell before reading it, and where they say so: spaces trimmed
// (issue 13 item 21), bytes that are not UTF-8 replaced (item 7), dates not in the DfE's form
// (item 22); line numbers in an XML return whatever order its elements come in (item 6); and the
// XML Header's own UASC flag handed on as reported (item 23).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "model/finding.hpp"
#include "ssda903/lines.hpp"
#include "ssda903/reader.hpp"

namespace hearth::ssda903 {
namespace {

// Every string a finding carries is valid UTF-8 (what JSON output needs).
void expect_all_utf8(const std::vector<model::Finding>& findings) {
  for (const auto& f : findings)
    for (const std::string* s : {&f.rule, &f.file, &f.table, &f.column, &f.value, &f.child,
                                 &f.message, &f.expected, &f.how_to_fix})
      EXPECT_TRUE(model::is_utf8(*s)) << f.rule << ": " << *s;
}

TEST(Utf8, ValidTextIsKeptAndEveryBadByteBecomesOneReplacementCharacter) {
  EXPECT_TRUE(model::is_utf8("Zo\xC3\xAB \xE2\x82\xAC \xF0\x9F\x98\x80 plain ascii text"));
  EXPECT_FALSE(model::is_utf8("\xC9MILE"));          // Latin-1 É
  EXPECT_FALSE(model::is_utf8("\xC3"));              // cut short
  EXPECT_FALSE(model::is_utf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(model::is_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(model::is_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_EQ(model::to_utf8("\xC9MILE"), "\xEF\xBF\xBDMILE");
  EXPECT_EQ(model::to_utf8("a\xC3"), "a\xEF\xBF\xBD");
  EXPECT_EQ(model::to_utf8("Zo\xC3\xAB"), "Zo\xC3\xAB");
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  EXPECT_TRUE(model::is_utf8(model::to_utf8(all)));
}

TEST(LineIndex, GivesTheLineOfEveryOffsetAskedInAnyOrder) {
  std::string text;
  std::mt19937 rng(7);
  for (int i = 0; i < 5000; ++i) text.push_back(rng() % 5 == 0 ? '\n' : 'x');
  std::vector<std::int64_t> expected(text.size() + 1);
  std::int64_t line = 1;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    expected[i] = line;
    if (i < text.size() && text[i] == '\n') ++line;
  }
  const LineIndex index(text);
  EXPECT_EQ(index.line_breaks(),
            static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  std::vector<std::size_t> order(text.size() + 1);
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::reverse(order.begin(), order.end());  // backwards: the order that used to rescan
  for (std::size_t off : order) ASSERT_EQ(index.line_of(off), expected[off]) << off;
  std::shuffle(order.begin(), order.end(), rng);
  for (std::size_t off : order) ASSERT_EQ(index.line_of(off), expected[off]) << off;
}

// Records the line of every row the reader hands on.
struct Lines : RowObserver {
  std::vector<std::pair<TableKind, std::int64_t>> rows;
  std::vector<std::vector<std::string>> headers;
  void table(TableKind, const std::string&) override {}
  void row(TableKind kind, std::int64_t line, std::span<const std::string_view> cells) override {
    rows.push_back({kind, line});
    if (kind == TableKind::Header) headers.emplace_back(cells.begin(), cells.end());
  }
};

// A return of `n` children, each on its own lines; with episodes_first, each child's EPISODE
// elements come before its HEADER (the order that made line counting restart from the top).
std::string xml_return(int n, bool episodes_first,
                       std::vector<std::pair<TableKind, std::int64_t>>& where) {
  std::string out = "<?xml version=\"1.0\"?>\n<EXPSSDA903>\n";
  std::int64_t line = 3;
  for (int c = 0; c < n; ++c) {
    const std::string id = std::to_string(1000 + c);
    std::string header = "<HEADER><CHILDID>" + id +
                         "</CHILDID><SEX>1</SEX><DOB>01/01/2010</DOB><UASC>0</UASC>\n"
                         "<AREVIEW><REVIEW>01/06/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE>"
                         "</AREVIEW></HEADER>\n";
    std::string episodes;
    for (int e = 0; e < 2; ++e)
      episodes += "<EPISODE><DECOM>0" + std::to_string(e + 1) +
                  "/05/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL></EPISODE>\n";
    const std::int64_t child_line = line;
    out += "<CHILD>\n";
    ++line;
    where.push_back({TableKind::Header, child_line});
    std::vector<std::pair<TableKind, std::int64_t>> nested;
    auto add_header = [&] {
      nested.push_back({TableKind::Reviews, line + 1});
      out += header;
      line += 2;
    };
    auto add_episodes = [&] {
      for (int e = 0; e < 2; ++e) nested.push_back({TableKind::Episodes, line + e});
      out += episodes;
      line += 2;
    };
    if (episodes_first) {
      add_episodes();
      add_header();
      // The reader hands on the HEADER's nested rows before the child's episodes.
      std::rotate(nested.begin(), nested.begin() + 2, nested.end());
    } else {
      add_header();
      add_episodes();
    }
    where.insert(where.end(), nested.begin(), nested.end());
    out += "</CHILD>\n";
    ++line;
  }
  out += "</EXPSSDA903>\n";
  return out;
}

TEST(XmlReader, LineNumbersAreRightWhateverOrderTheElementsComeIn) {
  for (bool episodes_first : {false, true}) {
    SCOPED_TRACE(episodes_first ? "EPISODE before HEADER" : "HEADER first");
    std::vector<std::pair<TableKind, std::int64_t>> expected;
    const std::string xml = xml_return(300, episodes_first, expected);
    Lines seen;
    ReadReport rep;
    rep.observer = &seen;
    model::Return r;
    read_xml("return.xml", xml, r, rep);
    EXPECT_TRUE(rep.findings.empty()) << rep.findings[0].rule << " " << rep.findings[0].message;
    EXPECT_EQ(r.episodes.size(), 600u);
    EXPECT_EQ(seen.rows, expected);
  }
}

TEST(XmlReader, TheHeadersOwnUascFlagIsHandedOnAsReported) {
  const std::string xml =
      "<EXPSSDA903>\n"
      "<CHILD><HEADER><CHILDID>1</CHILDID><UASC>2</UASC></HEADER></CHILD>\n"
      "<CHILD><HEADER><CHILDID>2</CHILDID><UASC>0</UASC><DUC>01/01/2027</DUC></HEADER></CHILD>\n"
      "<CHILD><HEADER><CHILDID>3</CHILDID></HEADER></CHILD>\n"
      "</EXPSSDA903>\n";
  Lines seen;
  ReadReport rep;
  rep.observer = &seen;
  model::Return r;
  read_xml("return.xml", xml, r, rep);
  const std::size_t columns = table_info(TableKind::Header).columns.size();
  ASSERT_EQ(seen.headers.size(), 3u);
  for (const auto& h : seen.headers) ASSERT_EQ(h.size(), columns + 1);
  EXPECT_EQ(seen.headers[0].back(), "2");
  EXPECT_EQ(seen.headers[1].back(), "0");  // not rebuilt as 1 from the UASC row its DUC makes
  EXPECT_EQ(seen.headers[2].back(), "");   // none reported
  EXPECT_EQ(r.uasc.size(), 1u);
}

TEST(Cells, BytesThatAreNotUtf8AreReplacedAtReadingAndReported) {
  // A Latin-1 É (0xC9) in a code that draws a finding, and in a postcode that does not.
  ReadReport rep;
  model::Return r;
  read_csv("episodes.csv",
           "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
           "PL_POST,URN\n"
           "C1,01/05/2024,S,C2,N1,U\xC9,PR1,,,,ME7 1AA,ME8 2BB,XXXXXXX\n"
           "C\xC9,01/05/2024,S,C2,N1,U4,PR1,,,,M\xC9 1AA,ME8 2BB,XXXXXXX\n",
           r, rep);
  expect_all_utf8(rep.findings);
  auto count = [&](std::string_view rule) {
    return std::count_if(rep.findings.begin(), rep.findings.end(),
                         [&](const model::Finding& f) { return f.rule == rule; });
  };
  EXPECT_EQ(count("ingest.not-utf8"), 3);
  EXPECT_EQ(count("ingest.unknown-code"), 1);
  auto it = std::find_if(rep.findings.begin(), rep.findings.end(), [](const model::Finding& f) {
    return f.rule == "ingest.not-utf8" && f.column == "HOME_POST";
  });
  ASSERT_NE(it, rep.findings.end());
  EXPECT_EQ(it->severity, model::Severity::Query);
  EXPECT_EQ(it->value, "M\xEF\xBF\xBD 1AA");
  EXPECT_EQ(it->child, "C\xEF\xBF\xBD");
  EXPECT_EQ(it->row, 3);
  ASSERT_EQ(r.episodes.size(), 1u);  // the second row is taken, cleaned
  EXPECT_TRUE(model::is_utf8(r.episodes[0].child));
  EXPECT_TRUE(model::is_utf8(r.episodes[0].home_post));
}

TEST(Cells, XmlTextThatIsNotUtf8OrHasSpacesIsCleanedAndReported) {
  const std::string xml =
      "<EXPSSDA903>\n"
      "<CHILD><HEADER><CHILDID> 7 </CHILDID><SEX>1</SEX><UASC>0</UASC></HEADER>\n"
      "<EPISODE><DECOM>01/05/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL>"
      "<PL_POST>\xC9X1 1AA</PL_POST></EPISODE></CHILD>\n"
      "</EXPSSDA903>\n";
  ReadReport rep;
  model::Return r;
  read_xml("return.xml", xml, r, rep);
  expect_all_utf8(rep.findings);
  ASSERT_EQ(rep.findings.size(), 2u);
  EXPECT_EQ(rep.findings[0].rule, "ingest.spaces-trimmed");
  EXPECT_EQ(rep.findings[0].table, "Header");
  EXPECT_EQ(rep.findings[0].column, "CHILD");
  EXPECT_EQ(rep.findings[0].value, " 7 ");
  EXPECT_EQ(rep.findings[0].row, 2);
  EXPECT_EQ(rep.findings[1].rule, "ingest.not-utf8");
  EXPECT_EQ(rep.findings[1].table, "Episodes");
  EXPECT_EQ(rep.findings[1].column, "PL_POST");
  EXPECT_EQ(rep.findings[1].child, "7");
  EXPECT_EQ(rep.findings[1].row, 3);
  ASSERT_EQ(r.episodes.size(), 1u);
  EXPECT_EQ(r.episodes[0].child, "7");
}

TEST(Cells, EveryDateNotWrittenTheDfesWayIsReportedAndStillRead) {
  ReadReport rep;
  model::Return r;
  read_csv("reviews.csv",
           "CHILD,DOB,REVIEW,REVIEW_CODE\n"
           "C1,2012-05-17,2025-04-01,PN1\n"
           "C2,17/05/2012,1/4/2025,PN1\n",
           r, rep);
  ASSERT_EQ(r.reviews.size(), 2u);
  EXPECT_EQ(r.reviews[0].review, model::make_date(2025, 4, 1));
  ASSERT_EQ(rep.findings.size(), 2u);
  EXPECT_EQ(rep.findings[0].rule, "ingest.date-format");
  EXPECT_EQ(rep.findings[0].column, "DOB");
  EXPECT_EQ(rep.findings[1].column, "REVIEW");
  EXPECT_EQ(rep.findings[1].value, "2025-04-01");
  EXPECT_NE(rep.findings[1].message.find("01/04/2025"), std::string::npos);
  EXPECT_FALSE(rep.blocking());
}

}  // namespace
}  // namespace hearth::ssda903

namespace hearth::ssda903 {
namespace {

// Found by fuzz/xml_fuzz: the text a cleaned XML leaf was read as was kept as a view into
// storage that moved on (a repeated element, the list of cleaned leaves growing), so a finding
// could carry other bytes, cut in the middle of a character.
TEST(XmlReader, EveryCleanedLeafIsReportedWithItsOwnTextWhateverFollows) {
  std::string episode = "<EPISODE><DECOM>06/06/2017</DECOM>";
  for (const char* tag : {"RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "REC",
                          "REASON_PLACE_CHANGE", "URN", "PL_POST", "HOME_POST", "DEC"})
    episode += std::string("<") + tag + ">\xB4" + "S</" + tag + "><" + tag + "> \xB4</" + tag + ">";
  episode += "</EPISODE>";
  const std::string xml =
      "<EXPSSDA903><CHILD><HEADER><CHILDID>10\xB0"
      "001</CHILDID><SEX>1</SEX>"
      "</HEADER>" +
      episode + episode + "</CHILD></EXPSSDA903>";
  ReadReport rep;
  model::Return r;
  read_xml("return.xml", xml, r, rep);
  std::size_t replaced = 0;
  for (const auto& f : rep.findings) {
    if (f.rule != "ingest.not-utf8") continue;
    ++replaced;
    EXPECT_TRUE(f.value == "\xEF\xBF\xBDS" || f.value == "\xEF\xBF\xBD" ||
                f.value ==
                    "10\xEF\xBF\xBD"
                    "001")
        << f.column << ": " << f.value;
  }
  EXPECT_GT(replaced, 20u);
  expect_all_utf8(rep.findings);
}

}  // namespace
}  // namespace hearth::ssda903
