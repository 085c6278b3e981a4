#include "model/dataset.hpp"

#include <gtest/gtest.h>

namespace hearth::model {
namespace {

Episode episode(std::string child, Date decom, OptDate dec, const char* place) {
  Episode e;
  e.child = std::move(child);
  e.decom = decom;
  e.dec = dec;
  e.place = parse_code<PlacementType>(place);
  e.pl_post = "ME7 1AA";
  return e;
}

// Two years of one council: an episode open across 31 March appears in both returns and is
// one episode in the dataset, with the later year's values.
TEST(Dataset, AnEpisodeSpanningTwoYearsIsOneEpisodeWithTheLaterValues) {
  Return y1, y2;
  y1.la = y2.la = "887";
  y1.year = CollectionYear{2024};
  y2.year = CollectionYear{2025};
  y1.header.push_back({"A", std::nullopt, make_date(2012, 1, 1), std::nullopt, "", {}, {}});
  y2.header.push_back({"A", std::nullopt, make_date(2012, 1, 1), std::nullopt, "UPN2", {}, {}});
  y1.episodes.push_back(episode("A", make_date(2023, 10, 1), std::nullopt, "U4"));
  y2.episodes.push_back(episode("A", make_date(2023, 10, 1), make_date(2024, 6, 1), "U4"));
  y2.episodes.push_back(episode("A", make_date(2024, 6, 1), std::nullopt, "U5"));
  auto ds = Dataset::build({y2, y1});  // order of the input does not matter
  ASSERT_EQ(ds.children.size(), 1u);
  EXPECT_EQ(ds.children[0].upn, "UPN2");
  EXPECT_EQ(ds.children[0].first_year, 2024);
  EXPECT_EQ(ds.children[0].last_year, 2025);
  ASSERT_EQ(ds.episodes.size(), 2u);
  EXPECT_EQ(ds.episodes.dec[0], make_date(2024, 6, 1));
  EXPECT_EQ(ds.episodes.dec[1], Dataset::kOpen);
  EXPECT_EQ(ds.strings.get(ds.episodes.pl_post[0]), "ME7 1AA");
  EXPECT_EQ(ds.episodes.pl_post[0], ds.episodes.pl_post[1]) << "postcodes are interned";
}

TEST(Dataset, LookedAfterOnADayCountsOpenEpisodesOncePerChild) {
  Return r;
  r.la = "887";
  r.year = CollectionYear{2025};
  r.header.push_back({"A", {}, {}, {}, "", {}, {}});
  r.header.push_back({"B", {}, {}, {}, "", {}, {}});
  r.header.push_back({"C", {}, {}, {}, "", {}, {}});
  // A: two episodes, one open on 31 March. B: left on 31 March (not looked after that day
  // in the DfE's count, which takes DEC as the first day out of care). C: started on 31 March.
  r.episodes.push_back(episode("A", make_date(2024, 5, 1), make_date(2024, 9, 1), "U4"));
  r.episodes.push_back(episode("A", make_date(2024, 9, 1), std::nullopt, "U5"));
  r.episodes.push_back(episode("B", make_date(2024, 5, 1), make_date(2025, 3, 31), "U4"));
  r.episodes.push_back(episode("C", make_date(2025, 3, 31), std::nullopt, "U4"));
  auto ds = Dataset::build({r});
  EXPECT_EQ(ds.looked_after_on(make_date(2025, 3, 31)), 2u);
  EXPECT_EQ(ds.looked_after_on(make_date(2025, 3, 31), "887"), 2u);
  EXPECT_EQ(ds.looked_after_on(make_date(2025, 3, 31), "201"), 0u);
  EXPECT_TRUE(ds.find_child("887", "B").has_value());
  EXPECT_FALSE(ds.find_child("201", "B").has_value());
  EXPECT_GT(ds.memory_bytes(), 0u);
}

// The newest return wins (issue 13): the 2024 return says A is UASC with no end; the 2025 return
// says the status ceased on 1 October 2024. One UASC row is kept, the 2025 one.
TEST(Dataset, TheNewestReturnsUascRowWins) {
  Return y1, y2;
  y1.la = y2.la = "887";
  y1.year = CollectionYear{2024};
  y2.year = CollectionYear{2025};
  y1.header.push_back({"A", std::nullopt, make_date(2008, 1, 1), std::nullopt, "", {}, {}});
  y2.header = y1.header;
  y1.uasc.push_back({"A", std::nullopt, make_date(2008, 1, 1), std::nullopt});
  y2.uasc.push_back({"A", std::nullopt, make_date(2008, 1, 1), make_date(2024, 10, 1)});
  for (const auto& order : {std::vector<Return>{y1, y2}, std::vector<Return>{y2, y1}}) {
    auto ds = Dataset::build(order);
    ASSERT_EQ(ds.uasc.size(), 1u);
    EXPECT_EQ(ds.uasc[0].year, 2025);
    EXPECT_EQ(ds.uasc[0].row.duc, make_date(2024, 10, 1));
  }
}

// The 2024 return has A's episode from 1 October 2023, still open at 31 March 2024. The 2025
// return corrects its start to 2 October 2023 (the newer return holds every episode open in its
// year): the 2024 copy is dropped, not kept as a second, overlapping episode. An episode that
// ended within 2023-24 (B's) is not in the 2025 return and is kept.
TEST(Dataset, AnEpisodeTheNewerReturnCorrectedIsNotKeptTwice) {
  Return y1, y2;
  y1.la = y2.la = "887";
  y1.year = CollectionYear{2024};
  y2.year = CollectionYear{2025};
  y1.header.push_back({"A", std::nullopt, make_date(2012, 1, 1), std::nullopt, "", {}, {}});
  y1.header.push_back({"B", std::nullopt, make_date(2012, 1, 1), std::nullopt, "", {}, {}});
  y2.header = y1.header;
  y1.episodes.push_back(episode("A", make_date(2023, 10, 1), std::nullopt, "U4"));
  y1.episodes.push_back(episode("B", make_date(2023, 5, 1), make_date(2023, 9, 1), "U4"));
  y1.episodes.push_back(episode("B", make_date(2023, 9, 1), std::nullopt, "U4"));
  y2.episodes.push_back(episode("A", make_date(2023, 10, 2), std::nullopt, "U5"));
  y2.episodes.push_back(episode("B", make_date(2023, 9, 1), make_date(2024, 5, 1), "U4"));
  auto ds = Dataset::build({y1, y2});
  const auto a = *ds.find_child("887", "A");
  const auto b = *ds.find_child("887", "B");
  ASSERT_EQ(ds.children[a].episodes.count, 1u);
  EXPECT_EQ(ds.episodes.decom[ds.children[a].episodes.begin], make_date(2023, 10, 2));
  ASSERT_EQ(ds.children[b].episodes.count, 2u);
  EXPECT_EQ(ds.episodes.dec[ds.children[b].episodes.begin + 1], make_date(2024, 5, 1));
}

// Which tables each return sent rows in: a year without an OC2 table is known as such.
TEST(Dataset, KnowsWhichTablesEachReturnSent) {
  Return r;
  r.la = "887";
  r.year = CollectionYear{2025};
  r.header.push_back({"A", std::nullopt, make_date(2012, 1, 1), std::nullopt, "", {}, {}});
  r.episodes.push_back(episode("A", make_date(2023, 10, 1), std::nullopt, "U4"));
  auto ds = Dataset::build({r});
  EXPECT_TRUE(ds.has_rows("887", 2025, Table::Episodes));
  EXPECT_FALSE(ds.has_rows("887", 2025, Table::Oc2));
  EXPECT_FALSE(ds.has_rows("887", 2024, Table::Episodes));  // no such return
  auto empty = tables_without_rows(r);
  EXPECT_EQ(empty.size(), kTableCount - 2);
  EXPECT_EQ(table_name(Table::Oc2), "OC2");
  auto findings = table_findings(r);
  ASSERT_EQ(findings.size(), kTableCount - 2);
  EXPECT_EQ(findings[2].rule, "ingest.table-not-sent");
  EXPECT_EQ(findings[2].severity, Severity::Warning);
  EXPECT_EQ(findings[2].table, "OC2");  // Header, Episodes sent; Reviews, UASC, OC2... not
}

}  // namespace
}  // namespace hearth::model
