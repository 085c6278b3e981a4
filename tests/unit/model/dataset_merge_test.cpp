// Merging returns table by table (issue 13 item 18): a newer return that holds the child and sent
// the table supersedes the older returns' rows for the period it covers; rows that ended before
// its year are kept; year outcomes are kept per year; the newest header wins everywhere.
#include <gtest/gtest.h>

#include "model/dataset.hpp"

namespace hearth::model {
namespace {

// Two returns of council 887 (2023-24 and 2024-25), each holding child A in its header.
struct TwoYears {
  Return y1, y2;
  TwoYears() {
    y1.la = y2.la = "887";
    y1.year = CollectionYear{2024};
    y2.year = CollectionYear{2025};
    y1.header.push_back({"A", std::nullopt, make_date(2010, 1, 1), std::nullopt, "", {}, {}});
    y2.header = y1.header;
  }
  // Both input orders give the same dataset.
  template <class Check>
  void check(const Check& f) const {
    for (const auto& order : {std::vector<Return>{y1, y2}, std::vector<Return>{y2, y1}}) {
      auto ds = Dataset::build(order);
      f(ds);
    }
  }
};

MissingEpisode missing(Date start, OptDate end) {
  return {"A", make_date(2010, 1, 1), MissingType::M, start, end};
}

TEST(DatasetMerge, MissingEpisodeTheNewerReturnCorrectedOrDroppedIsNotKept) {
  TwoYears t;
  // Ended in 2023-24: kept. Open at 31 March 2024 and corrected (new start) in 2024-25: the
  // 2024-25 row only. Open at 31 March 2024 and not in 2024-25 at all: dropped.
  t.y1.missing.push_back(missing(make_date(2023, 6, 1), make_date(2023, 6, 3)));
  t.y1.missing.push_back(missing(make_date(2024, 3, 30), std::nullopt));
  t.y1.missing.push_back(missing(make_date(2024, 3, 20), std::nullopt));
  t.y2.missing.push_back(missing(make_date(2024, 3, 29), make_date(2024, 4, 2)));
  t.check([](const Dataset& ds) {
    ASSERT_EQ(ds.missing.size(), 2u);
    EXPECT_EQ(ds.missing[0].row.mis_start, make_date(2023, 6, 1));
    EXPECT_EQ(ds.missing[0].year, 2024);
    EXPECT_EQ(ds.missing[1].row.mis_start, make_date(2024, 3, 29));
    EXPECT_EQ(ds.missing[1].year, 2025);
  });
}

TEST(DatasetMerge, OlderRowsAreKeptWhenTheNewerReturnSentNoSuchTable) {
  TwoYears t;  // 2024-25 has no Missing rows at all: it says nothing about missing episodes
  t.y1.missing.push_back(missing(make_date(2024, 3, 30), std::nullopt));
  t.check([](const Dataset& ds) { EXPECT_EQ(ds.missing.size(), 1u); });
}

TEST(DatasetMerge, OlderRowsAreKeptForAChildTheNewerReturnDoesNotHold) {
  TwoYears t;
  t.y2.header[0].child = "B";
  t.y2.missing.push_back({"B", std::nullopt, MissingType::M, make_date(2024, 5, 1), {}});
  t.y1.missing.push_back(missing(make_date(2024, 3, 30), std::nullopt));
  t.check([](const Dataset& ds) { EXPECT_EQ(ds.missing.size(), 2u); });
}

TEST(DatasetMerge, SocialWorkerEpisodeTheNewerReturnCorrectedIsNotKept) {
  TwoYears t;
  auto sw = [](std::string id, Date from, OptDate to) {
    return SocialWorkerEpisode{"A", std::nullopt, std::move(id), from, to, std::nullopt};
  };
  t.y1.sw_episodes.push_back(sw("W1", make_date(2023, 5, 1), make_date(2023, 9, 1)));
  t.y1.sw_episodes.push_back(sw("W2", make_date(2023, 9, 1), std::nullopt));  // id corrected
  t.y2.sw_episodes.push_back(sw("W3", make_date(2023, 9, 1), std::nullopt));
  t.check([](const Dataset& ds) {
    ASSERT_EQ(ds.sw_episodes.size(), 2u);
    EXPECT_EQ(ds.sw_episodes[0].row.sw_id, "W1");
    EXPECT_EQ(ds.sw_episodes[1].row.sw_id, "W3");
  });
}

TEST(DatasetMerge, DoLoTheNewerReturnEndedWinsAndADroppedOneGoes) {
  TwoYears t;
  t.y1.dolo.push_back({"A", std::nullopt, make_date(2023, 4, 10), make_date(2023, 5, 1)});
  t.y1.dolo.push_back({"A", std::nullopt, make_date(2024, 1, 10), std::nullopt});
  t.y1.dolo.push_back({"A", std::nullopt, make_date(2024, 2, 10), std::nullopt});
  t.y2.dolo.push_back({"A", std::nullopt, make_date(2024, 1, 10), make_date(2024, 6, 1)});
  t.check([](const Dataset& ds) {
    ASSERT_EQ(ds.dolo.size(), 2u);
    EXPECT_EQ(ds.dolo[0].row.dolo_start, make_date(2023, 4, 10));
    EXPECT_EQ(ds.dolo[1].row.dolo_end, make_date(2024, 6, 1));
  });
}

TEST(DatasetMerge, AReviewInTheNewerReturnsYearThatItDoesNotHoldIsDropped) {
  TwoYears t;
  t.y1.reviews.push_back({"A", std::nullopt, make_date(2023, 11, 1), std::nullopt});
  t.y1.reviews.push_back({"A", std::nullopt, make_date(2024, 4, 5), std::nullopt});  // misdated
  t.y2.reviews.push_back({"A", std::nullopt, make_date(2024, 5, 5), std::nullopt});
  t.check([](const Dataset& ds) {
    ASSERT_EQ(ds.reviews.size(), 2u);
    EXPECT_EQ(ds.reviews.review[0], make_date(2023, 11, 1));
    EXPECT_EQ(ds.reviews.review[1], make_date(2024, 5, 5));
  });
}

TEST(DatasetMerge, PlacedForAdoptionTheNewerReturnCorrectedIsNotKept) {
  TwoYears t;
  t.y1.placed_adoption.push_back({"A", std::nullopt, make_date(2022, 6, 1), make_date(2022, 12, 1),
                                  std::nullopt});  // ended long before: kept
  t.y1.placed_adoption.push_back(
      {"A", std::nullopt, make_date(2024, 1, 5), std::nullopt, std::nullopt});
  t.y2.placed_adoption.push_back(
      {"A", std::nullopt, make_date(2024, 1, 15), std::nullopt, std::nullopt});  // corrected
  t.check([](const Dataset& ds) {
    ASSERT_EQ(ds.placed_adoption.size(), 2u);
    EXPECT_EQ(ds.placed_adoption[0].row.date_placed, make_date(2022, 6, 1));
    EXPECT_EQ(ds.placed_adoption[1].row.date_placed, make_date(2024, 1, 15));
    EXPECT_EQ(ds.placed_adoption[1].year, 2025);
  });
}

// OC2, OC3, AD1 and PrevPerm describe their own year: each year's row is kept, one per child and
// year; a second return for the same year replaces the first's row.
TEST(DatasetMerge, YearOutcomesAreKeptPerYearAndAResubmittedYearReplaces) {
  TwoYears t;
  Oc2 a;
  a.child = "A";
  a.health_check = false;
  Oc2 b = a;
  b.health_check = true;
  t.y1.oc2.push_back(a);
  t.y2.oc2.push_back(a);
  t.y1.oc3.push_back({"A", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  t.y2.oc3.push_back({"A", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  Ad1 ad;
  ad.child = "A";
  t.y1.ad1.push_back(ad);
  t.y2.prev_perm.push_back({"A", std::nullopt, std::nullopt, "887", "zz/05/2015"});
  Return again = t.y2;  // the 2024-25 return sent again, with the OC2 row corrected
  again.oc2 = {b};
  auto ds = Dataset::build({t.y1, t.y2, again});
  ASSERT_EQ(ds.oc2.size(), 2u);
  EXPECT_EQ(ds.oc2[0].year, 2024);
  EXPECT_EQ(ds.oc2[1].year, 2025);
  EXPECT_EQ(ds.oc2[1].row.health_check, true);
  EXPECT_EQ(ds.oc3.size(), 2u);
  EXPECT_EQ(ds.ad1.size(), 1u);
  EXPECT_EQ(ds.prev_perm.size(), 1u);
}

// A date of birth and sex the newer header corrected win in every table that repeats them
// (an older OC3 or UASC row's own DOB no longer disagrees with the child's).
TEST(DatasetMerge, TheNewestHeadersDobAndSexWinEverywhere) {
  TwoYears t;
  t.y1.header[0].sex = Sex::Male;
  t.y2.header[0].sex = Sex::Female;
  t.y2.header[0].dob = make_date(2010, 2, 1);
  t.y1.oc3.push_back({"A", make_date(2010, 1, 1), std::nullopt, std::nullopt, std::nullopt});
  t.y1.uasc.push_back({"A", Sex::Male, make_date(2010, 1, 1), std::nullopt});
  t.y1.missing.push_back(missing(make_date(2023, 6, 1), make_date(2023, 6, 3)));
  t.check([](const Dataset& ds) {
    ASSERT_EQ(ds.children.size(), 1u);
    EXPECT_EQ(ds.children[0].dob, make_date(2010, 2, 1));
    EXPECT_EQ(ds.children[0].sex, Sex::Female);
    ASSERT_EQ(ds.oc3.size(), 1u);
    EXPECT_EQ(ds.oc3[0].row.dob, make_date(2010, 2, 1));
    ASSERT_EQ(ds.uasc.size(), 1u);
    EXPECT_EQ(ds.uasc[0].row.dob, make_date(2010, 2, 1));
    EXPECT_EQ(ds.uasc[0].row.sex, Sex::Female);
    ASSERT_EQ(ds.missing.size(), 1u);
    EXPECT_EQ(ds.missing[0].row.dob, make_date(2010, 2, 1));
  });
}

}  // namespace
}  // namespace hearth::model
