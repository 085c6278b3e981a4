// The local-records reader cleans cells as the 903 readers do (issue 13 items 7 and 21): spaces
// trimmed and bytes that are not UTF-8 replaced, each reported as a query; the row is taken.
#include <gtest/gtest.h>

#include "local/reader.hpp"
#include "model/finding.hpp"

namespace hearth::local {
namespace {

TEST(LocalRecords, TrimmedCellsAndBytesThatAreNotUtf8AreReportedAndTheRowTaken) {
  LocalRead out;
  ASSERT_TRUE(read_local_csv("visits.csv",
                             "clav_person_id,clav_cla_visit_date,clav_cla_visit_seen_alone\n"
                             " C1 ,2025-02-03,Y\n"
                             "C\xC9,2025-02-04,N\n",
                             out));
  ASSERT_EQ(out.records.visits.size(), 2u);
  EXPECT_EQ(out.records.visits[0].child, "C1");
  EXPECT_EQ(out.records.visits[1].child, "C\xEF\xBF\xBD");
  ASSERT_EQ(out.report.findings.size(), 2u);
  EXPECT_EQ(out.report.findings[0].rule, "ingest.spaces-trimmed");
  EXPECT_EQ(out.report.findings[0].value, " C1 ");
  EXPECT_EQ(out.report.findings[0].child, "C1");
  EXPECT_EQ(out.report.findings[0].column, "clav_person_id");
  EXPECT_EQ(out.report.findings[1].rule, "ingest.not-utf8");
  EXPECT_EQ(out.report.findings[1].row, 3);
  for (const auto& f : out.report.findings) {
    EXPECT_EQ(f.severity, model::Severity::Query);
    EXPECT_TRUE(model::is_utf8(f.message) && model::is_utf8(f.value) && model::is_utf8(f.child));
  }
  EXPECT_FALSE(out.report.blocking());
}

}  // namespace
}  // namespace hearth::local
