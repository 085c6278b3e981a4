#include "ssda903/csv.hpp"

#include <gtest/gtest.h>

namespace hearth::ssda903 {
namespace {

std::vector<std::vector<std::string>> parse(std::string_view text) {
  CsvReader r(text);
  std::vector<std::string_view> f;
  std::vector<std::vector<std::string>> out;
  while (r.next(f)) out.emplace_back(f.begin(), f.end());
  return out;
}

TEST(CsvReader, SplitsPlainRecordsOnCommasAndLineEnds) {
  auto rows = parse("A,B,C\n1,2,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "2", "3"}));
}

TEST(CsvReader, SkipsAByteOrderMarkAndAcceptsCrlfAndBareCr) {
  auto rows = parse(
      "\xEF\xBB\xBF"
      "CHILD,SEX\r\n1,2\r3,4");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], "CHILD");
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"3", "4"}));
}

TEST(CsvReader, UnquotesFieldsWithCommasQuotesAndLineBreaks) {
  auto rows = parse("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\nx,y,z,w\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b,c", "say \"hi\"", "two\nlines"}));
}

TEST(CsvReader, KeepsEmptyFieldsIncludingATrailingOne) {
  auto rows = parse("a,,c,\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "", "c", ""}));
}

TEST(CsvReader, CountsLinesAcrossQuotedLineBreaks) {
  CsvReader r("h\n\"a\nb\"\nc\n");
  std::vector<std::string_view> f;
  r.next(f);
  EXPECT_EQ(r.line(), 1);
  r.next(f);
  EXPECT_EQ(r.line(), 2);
  r.next(f);
  EXPECT_EQ(r.line(), 4);
}

TEST(CsvReader, ReportsAnUnterminatedQuote) {
  CsvReader r("a,\"never closed\n");
  std::vector<std::string_view> f;
  ASSERT_TRUE(r.next(f));
  EXPECT_TRUE(r.unterminated_quote());
}

// Found by the fuzzer (fuzz/csv_fuzz.cpp): many unescaped fields in one record must all stay
// valid, however much scratch space the record needs.
TEST(CsvReader, ManyUnescapedFieldsInOneRecordStayValid) {
  std::string line, expected_cell = "a\"b";
  for (int i = 0; i < 40; ++i) line += (i ? "," : "") + std::string("\"a\"\"b\"");
  line += "\n";
  CsvReader r(line);
  std::vector<std::string_view> f;
  ASSERT_TRUE(r.next(f));
  ASSERT_EQ(f.size(), 40u);
  for (auto cell : f) EXPECT_EQ(cell, expected_cell);
}

TEST(CsvWriter, QuotesOnlyWhenNeeded) {
  std::string out;
  append_csv_field(out, "plain");
  out += ',';
  append_csv_field(out, "a,b");
  out += ',';
  append_csv_field(out, "q\"q");
  EXPECT_EQ(out, "plain,\"a,b\",\"q\"\"q\"");
}

}  // namespace
}  // namespace hearth::ssda903
