#include <gtest/gtest.h>

#include "local/reader.hpp"
#include "local/tables.hpp"

namespace hearth::local {
namespace {

TEST(LocalRecords, AHealthChecksFileIsRecognisedByItsSsdColumnsInAnyOrderAndCase) {
  LocalRead out;
  ASSERT_TRUE(read_local_csv("h.csv",
                             "CLAH_PERSON_ID,clah_health_check_date,clah_health_check_type,"
                             "clah_health_check_status\n"
                             "C1,2025-01-27,IHA,Completed\n"
                             "C1,20/06/2025,Review health assessment,refused\n",
                             out));
  ASSERT_EQ(out.records.health_checks.size(), 2u);
  EXPECT_EQ(out.records.health_checks[0].type, model::HealthCheckType::Initial);
  EXPECT_EQ(out.records.health_checks[1].date, model::make_date(2025, 6, 20));
  EXPECT_EQ(out.records.health_checks[1].status, model::CheckStatus::Refused);
  EXPECT_TRUE(out.report.findings.empty());
}

TEST(LocalRecords, BadCellsAreFindingsWithFileRowAndColumnAndTheRowIsNotTaken) {
  LocalRead out;
  ASSERT_TRUE(read_local_csv("visits.csv",
                             "clav_person_id,clav_cla_visit_date,clav_cla_visit_seen_alone\n"
                             "C1,2025-02-30,Y\n"
                             "C2,2025-02-03,maybe\n"
                             ",2025-02-03,N\n"
                             "C4,2025-02-04,N\n",
                             out));
  ASSERT_EQ(out.records.visits.size(), 1u);
  EXPECT_EQ(out.records.visits[0].child, "C4");
  ASSERT_EQ(out.report.findings.size(), 3u);
  EXPECT_EQ(out.report.findings[0].rule, "ingest.bad-date");
  EXPECT_EQ(out.report.findings[0].row, 2);
  EXPECT_EQ(out.report.findings[0].column, "clav_cla_visit_date");
  EXPECT_EQ(out.report.findings[0].child, "C1");
  EXPECT_EQ(out.report.findings[1].rule, "ingest.bad-flag");
  EXPECT_EQ(out.report.findings[2].rule, "ingest.missing-value");
  EXPECT_EQ(out.report.rejected, 3u);
  EXPECT_TRUE(out.report.blocking());
}

TEST(LocalRecords, ReturnTimesAreKeptForMissingEpisodes) {
  LocalRead out;
  ASSERT_TRUE(read_local_csv("m.csv",
                             "miss_person_id,miss_missing_episode_start_date,"
                             "miss_missing_episode_end_date,miss_missing_rhi_date\n"
                             "C1,2025-01-10 17:00,2025-01-10T19:30,13/01/2025 18:00\n",
                             out));
  ASSERT_EQ(out.records.missing.size(), 1u);
  const auto& m = out.records.missing[0];
  EXPECT_EQ(model::format_date_time(*m.end), "2025-01-10T19:30");
  EXPECT_EQ(model::format_date_time(*m.rhi_date), "2025-01-13T18:00");
  EXPECT_FALSE(model::parse_date_time("2025-01-10 25:00"));
  EXPECT_FALSE(model::parse_date_time("2025-01-10 7pm"));
}

TEST(LocalRecords, A903FileIsNotMistakenForALocalTable) {
  LocalRead out;
  EXPECT_FALSE(read_local_csv("e.csv", "CHILD,DECOM,RNE,LS\n1,01/04/2024,S,C2\n", out));
  EXPECT_FALSE(looks_local("CHILD,DECOM,RNE,LS\n"));
  EXPECT_TRUE(looks_local("prof_professional_id,prof_professional_name\n"));
}

TEST(LocalRecords, EveryTableWritesWhatItReads) {
  model::LocalRecords r;
  r.allocations.push_back({"A1", "C1", "SW1", model::WorkerRole::PersonalAdviser, "Leaving Care",
                           model::make_date(2024, 4, 1), model::make_date(2025, 1, 2)});
  r.care_leaver_status.push_back({"S1", "C1", model::make_date(2024, 5, 1), model::InTouch::YES,
                                  model::Activity::F2, model::Accommodation::U1, true, false});
  r.advocacy_requests.push_back({"R1", "C1", model::AdvocacyService::IndependentVisitor,
                                 model::make_date(2024, 6, 3), "IRO", "Someone to visit",
                                 model::make_date(2024, 7, 1), "The child did not want one"});
  r.advocacy_allocations.push_back({"AA1", "C1", model::AdvocacyService::Advocate, "R0", "Sam Lee",
                                    "Young Voices", model::make_date(2024, 5, 1), std::nullopt});
  r.advocacy_visits.push_back(
      {"AV1", "C1", model::AdvocacyService::Advocate, model::make_date(2024, 5, 9), "AA1"});
  for (const auto& t : all_local_tables()) {
    for (std::size_t i = 0; i < local_row_count(t.kind, r); ++i) {
      std::vector<std::string> cells;
      write_local_row(t.kind, r, i, cells);
      std::vector<std::string_view> views(cells.begin(), cells.end());
      model::LocalRecords back;
      std::vector<ssda903::RowProblem> problems;
      read_local_row(t.kind, views, back, problems);
      EXPECT_TRUE(problems.empty()) << t.name;
      std::vector<std::string> again;
      write_local_row(t.kind, back, 0, again);
      EXPECT_EQ(cells, again) << t.name;
    }
  }
}

}  // namespace
}  // namespace hearth::local
