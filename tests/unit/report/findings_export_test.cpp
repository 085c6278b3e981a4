// A finding's key (its identity across imports) and the findings exports.
#include "report/findings_export.hpp"

#include <gtest/gtest.h>

#include "services/finding_notes.hpp"

namespace hearth::report {
namespace {

model::Finding finding(std::int64_t row, std::string value) {
  model::Finding f;
  f.rule = "454";
  f.severity = model::Severity::Query;
  f.file = "episodes.csv";
  f.table = "Episodes";
  f.row = row;
  f.column = "PL_DISTANCE";
  f.value = std::move(value);
  f.child = "C1";
  f.message = "The placement is over 500 miles away";
  return f;
}

TEST(FindingKey, TheSameFindingOnAnotherRowIsTheSameFindingAndAnotherValueIsNot) {
  using services::finding_key;
  EXPECT_EQ(finding_key(finding(4, "650.2")), finding_key(finding(19, "650.2")));
  EXPECT_NE(finding_key(finding(4, "650.2")), finding_key(finding(4, "650.3")));
  auto other_child = finding(4, "650.2");
  other_child.child = "C2";
  EXPECT_NE(finding_key(other_child), finding_key(finding(4, "650.2")));
  // parts run together differently are different findings
  auto a = finding(4, "1");
  a.child = "C11";
  auto b = finding(4, "11");
  b.child = "C1";
  b.value = "1";
  b.column = "PL_DISTANCE1";
  a.column = "PL_DISTANCE";
  EXPECT_NE(finding_key(a), finding_key(b));
  const std::string k = finding_key(finding(4, std::string("\xFF\0x", 3)));
  EXPECT_EQ(k.size(), 32u);
  EXPECT_EQ(k.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(FindingsExport, CsvHasEveryFindingWithItsExplanationAndNoFormulas) {
  auto plain = finding(4, "650.2");
  auto hostile = finding(5, "=HYPERLINK(\"http://x\")");
  store::FindingNote note;
  note.note = "Placed with family, on purpose, far away";
  note.user = "ann";
  note.at = model::from_unix_seconds(1767225600);  // 2026-01-01
  std::vector<ExportedFinding> rows = {{&plain, "k1", &note}, {&hostile, "k2", nullptr}};
  const std::string csv = findings_csv(rows, {"887", "2025/26", 12});
  std::istringstream in(csv);
  std::string head, first, second, extra;
  std::getline(in, head);
  std::getline(in, first);
  std::getline(in, second);
  EXPECT_FALSE(std::getline(in, extra));
  EXPECT_EQ(head,
            "la,year,import,rule,severity,file,table,row,field,value,child,message,expected,"
            "how_to_fix,key,explained,explanation,explained_by,explained_at");
  EXPECT_EQ(first,
            "887,2025/26,12,454,query,episodes.csv,Episodes,4,PL_DISTANCE,650.2,C1,The placement "
            "is over 500 miles away,,,k1,yes,\"Placed with family, on purpose, far away\",ann,"
            "2026-01-01T00:00:00Z");
  EXPECT_NE(second.find(",\"'=HYPERLINK(\"\"http://x\"\")\","), std::string::npos) << second;
  EXPECT_NE(second.find(",k2,no,,,"), std::string::npos) << second;
}

TEST(FindingsExport, AWorkbookIsMadeEvenWithNoFindings) {
  auto bytes = findings_xlsx_bytes({}, {"887", "2025/26", 12});
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  auto plain = finding(4, "650.2");
  std::vector<ExportedFinding> rows = {{&plain, "k1", nullptr}};
  EXPECT_GT(findings_xlsx_bytes(rows, {"887", "", 3}).size(), bytes.size() / 2);
}

}  // namespace
}  // namespace hearth::report
