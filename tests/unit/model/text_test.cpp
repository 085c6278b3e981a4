// The text helpers (model/text.hpp): one UTF-8 scanner behind well-formed text for findings and
// replies (to_utf8), text any database takes (storable_text), text for logs and terminals
// (escaped_text), and CSV cells a spreadsheet will not run (spreadsheet_cell).
#include "model/text.hpp"

#include <gtest/gtest.h>

#include <random>

namespace hearth::model {
namespace {

TEST(Utf8, ToUtf8ReplacesEachBadByteAndKeepsControls) {
  EXPECT_EQ(to_utf8("plain"), "plain");
  EXPECT_EQ(to_utf8("\xC9MILE"), "\xEF\xBF\xBDMILE");
  EXPECT_EQ(to_utf8(std::string("a\0\x1b", 3)), std::string("a\0\x1b", 3)) << "controls kept";
  EXPECT_EQ(utf8_prefix("ok\xC3"), 2u);
  EXPECT_TRUE(is_utf8("Zo\xC3\xAB \xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_FALSE(is_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
}

TEST(StorableText, ReplacesInvalidUtf8AndNulAndKeepsValidText) {
  EXPECT_EQ(storable_text("plain"), "plain");
  EXPECT_EQ(storable_text("Zoë 😀 \t\n"), "Zoë 😀 \t\n");
  EXPECT_EQ(storable_text(std::string("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(storable_text("\xC9t\xC9"), "\xEF\xBF\xBDt\xEF\xBF\xBD");                // Latin-1 É
  EXPECT_EQ(storable_text("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  EXPECT_EQ(storable_text("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(storable_text("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated €
  EXPECT_EQ(storable_text("\xF4\x90\x80\x80").find("\xEF\xBF\xBD"), 0u);
  std::string s = "fine";
  EXPECT_FALSE(make_storable(s));
  s = "bad\xFF";
  EXPECT_TRUE(make_storable(s));
  EXPECT_EQ(s, "bad\xEF\xBF\xBD");
}

TEST(EscapedText, WritesControlCharactersAsEscapes) {
  EXPECT_EQ(escaped_text(std::string("nul\0user", 8)), "nul\\u0000user");
  EXPECT_EQ(escaped_text("\x1b[31mred\r\n"), "\\u001b[31mred\\u000d\\u000a");
  EXPECT_EQ(escaped_text("del\x7f"), "del\\u007f");
  EXPECT_EQ(escaped_text("Zoë \xC9"), "Zoë \xEF\xBF\xBD");
  EXPECT_EQ(escaped_text(R"({"a":"b\u0000"})"), R"({"a":"b\u0000"})") << "JSON text unchanged";
}

TEST(SpreadsheetCell, FormulasBecomeTextNumbersStayNumbers) {
  EXPECT_EQ(spreadsheet_cell("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
  EXPECT_EQ(spreadsheet_cell("+cmd"), "'+cmd");
  EXPECT_EQ(spreadsheet_cell("-2+3"), "'-2+3");
  EXPECT_EQ(spreadsheet_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(spreadsheet_cell("\t=1"), "'\t=1");
  EXPECT_EQ(spreadsheet_cell("\r=1"), "'\r=1");
  EXPECT_EQ(spreadsheet_cell("-12"), "-12");
  EXPECT_EQ(spreadsheet_cell("+3.5"), "+3.5");
  EXPECT_EQ(spreadsheet_cell("ordinary"), "ordinary");
  EXPECT_EQ(spreadsheet_cell(""), "");
}

// The eight-bytes-at-a-time scan finds a NUL, a control or DEL at every offset of a long run
// of ASCII, as a byte-at-a-time reading would.
TEST(Utf8, EveryOffsetOfALongAsciiRunIsSeen) {
  for (unsigned char bad : {0x00, 0x01, 0x09, 0x1f, 0x7f, 0xC9}) {
    for (std::size_t at = 0; at < 40; ++at) {
      std::string s(40, 'a');
      s[at] = static_cast<char>(bad);
      std::string expect_escaped =
          s.substr(0, at) +
          (bad == 0xC9 ? std::string("\xEF\xBF\xBD")
                       : "\\u00" + std::string(1, "0123456789abcdef"[bad >> 4]) +
                             std::string(1, "0123456789abcdef"[bad & 15])) +
          s.substr(at + 1);
      EXPECT_EQ(escaped_text(s), expect_escaped) << int(bad) << " at " << at;
      const bool replaced = bad == 0x00 || bad == 0xC9;
      EXPECT_EQ(storable_text(s),
                replaced ? s.substr(0, at) + "\xEF\xBF\xBD" + s.substr(at + 1) : s)
          << int(bad) << " at " << at;
      EXPECT_EQ(is_utf8(s), bad != 0xC9);
    }
  }
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0x20, 0x7e);
  std::string ascii(1000, ' ');
  for (char& c : ascii) c = static_cast<char>(byte(rng));
  EXPECT_EQ(escaped_text(ascii), ascii);
  EXPECT_EQ(storable_text(ascii), ascii);
}

}  // namespace
}  // namespace hearth::model
