// Statements from another app: recognised by their header, every bad value a finding, and no
// finding ever repeating what a child said.
#include "local/statements_csv.hpp"

#include <gtest/gtest.h>

#include "local/reader.hpp"

namespace hearth::local {
namespace {

constexpr const char* kHeader =
    "stmt_statement_id,stmt_person_id,stmt_made_at,stmt_app,stmt_mood,stmt_topic,stmt_purpose,"
    "stmt_unsafe,stmt_text,stmt_replied_at\n";

TEST(StatementsCsv, AnotherAppsStatementsAreReadWithTheirTimesOnTheClockInEngland) {
  std::string csv = std::string(kHeader) +
                    "m-1,C1,2025-07-01 18:30,Mind Of My Own,sad,Family time,,N,"
                    "\"I miss my brother, can I see him more?\",2025-07-03 09:00\n"
                    "m-2,C2,2025-01-15,Mind Of My Own,,,prepare,Y,,\n";
  StatementsRead out;
  ASSERT_TRUE(read_statements_csv("moomo.csv", csv, out));
  ASSERT_EQ(out.rows.size(), 2u);
  EXPECT_FALSE(out.report.blocking());
  const auto& a = out.rows[0];
  EXPECT_EQ(a.external_id, "m-1");
  EXPECT_EQ(a.app, "Mind Of My Own");
  EXPECT_EQ(a.mood, "sad");
  EXPECT_EQ(a.topic, "family_time");
  EXPECT_EQ(a.text, "I miss my brother, can I see him more?");
  // 18:30 in British Summer Time is 17:30 UTC; 09:00 on 3 July is 08:00 UTC.
  EXPECT_EQ(model::format_instant(a.made_at), "2025-07-01T17:30:00Z");
  ASSERT_TRUE(a.first_reply_at);
  EXPECT_EQ(model::format_instant(*a.first_reply_at), "2025-07-03T08:00:00Z");
  const auto& b = out.rows[1];
  EXPECT_EQ(model::format_instant(b.made_at), "2025-01-15T12:00:00Z");  // a date alone: noon, GMT
  EXPECT_EQ(b.topic, "something_else");
  EXPECT_EQ(b.purpose, "prepare");
  EXPECT_TRUE(b.unsafe);
  EXPECT_EQ(b.app, "Mind Of My Own");
  EXPECT_TRUE(looks_like_statements(csv));
  // Not a local table, and a local table is not a statements file.
  EXPECT_FALSE(looks_local(csv));
  EXPECT_FALSE(looks_like_statements("prof_professional_id,prof_professional_name\n"));
}

TEST(StatementsCsv, EveryBadValueIsAFindingThatNeverRepeatsTheWords) {
  const std::string secret = "my secret words";
  std::string csv = std::string(kHeader) +
                    "m-1,C1,31/02/2025,Other App,furious,weather,x,maybe,\"  " + secret +
                    "  \",soon\n" + ",C2,2025-01-01,Other App,,,,,\"" + secret + "\",\n" +
                    "m-3,C3,2025-01-01,Hearth,,,,,,\n" + "m-4,C4,2025-01-01,,,,,,\"" +
                    std::string(6000, 'a') + "\",\n";
  StatementsRead out;
  ASSERT_TRUE(read_statements_csv("other.csv", csv, out));
  EXPECT_TRUE(out.rows.empty());
  EXPECT_EQ(out.report.rejected, 4u);
  auto has = [&](const std::string& rule, const std::string& column) {
    for (const auto& f : out.report.findings)
      if (f.rule == rule && f.column == column) return true;
    return false;
  };
  EXPECT_TRUE(has("ingest.bad-date", "stmt_made_at"));
  EXPECT_TRUE(has("ingest.unknown-code", "stmt_mood"));
  EXPECT_TRUE(has("ingest.unknown-code", "stmt_topic"));
  EXPECT_TRUE(has("ingest.unknown-code", "stmt_purpose"));
  EXPECT_TRUE(has("ingest.bad-flag", "stmt_unsafe"));
  EXPECT_TRUE(has("ingest.bad-date", "stmt_replied_at"));
  EXPECT_TRUE(has("ingest.missing-value", "stmt_statement_id"));
  EXPECT_TRUE(has("ingest.unknown-code", "stmt_app"));  // "Hearth": those are here already
  EXPECT_TRUE(has("ingest.too-long", "stmt_text"));
  EXPECT_TRUE(has("ingest.spaces-trimmed", "stmt_text"));
  for (const auto& f : out.report.findings) {
    EXPECT_EQ(f.value.find("secret"), std::string::npos) << f.rule;
    EXPECT_EQ(f.message.find("secret"), std::string::npos) << f.rule;
    EXPECT_EQ(f.value.find("aaaa"), std::string::npos) << f.rule;
  }
}

}  // namespace
}  // namespace hearth::local
