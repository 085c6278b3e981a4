// CommentaryStore's conformance suite, on SQLite and PostgreSQL: every version of officers'
// commentary kept, the commentary as at any instant the version written last by then, a save
// refused when another came in between, councils and periods apart, any bytes kept as text.
#include <gtest/gtest.h>

#include <random>

#include "store_fixture.hpp"

namespace hearth::store_test {
namespace {

class CommentaryStoreConformance : public StoreTest {
 protected:
  static model::Instant at(std::int64_t s) { return model::from_unix_seconds(s); }
  static store::Commentary piece(std::string subject, std::string part, std::string body,
                                 std::int64_t when, std::int64_t replaces) {
    return {0,
            "887",
            std::move(subject),
            "2026-03-31",
            std::move(part),
            std::move(body),
            at(when),
            "ana",
            replaces};
  }
};

TEST_P(CommentaryStoreConformance, TheCommentaryAsAtAnyTimeIsTheVersionWrittenLastByThen) {
  store_->upgrade();
  auto& c = store_->commentary();
  EXPECT_TRUE(c.commentary("887", "2026-03-31").empty());
  const auto v1 =
      c.add_commentary(piece("indicator:iha_timely", "behind", "One team short", 1000, 0));
  ASSERT_GT(v1, 0);
  const auto v2 = c.add_commentary(
      piece("indicator:iha_timely", "behind", "Two teams short, now recruiting", 2000, v1));
  ASSERT_GT(v2, v1);
  c.add_commentary(piece("indicator:iha_timely", "doing", "A weekly clinic", 1500, 0));
  c.add_commentary(piece("annual:introduction", "text", "A year of listening", 1200, 0));
  // Another council's and another period's are apart.
  store::Commentary other = piece("indicator:iha_timely", "behind", "Elsewhere", 1100, 0);
  other.la = "999";
  ASSERT_GT(c.add_commentary(other), 0);
  store::Commentary later = piece("indicator:iha_timely", "behind", "Next quarter", 1100, 0);
  later.period = "2026-06-30";
  ASSERT_GT(c.add_commentary(later), 0);

  auto now = c.commentary("887", "2026-03-31");
  ASSERT_EQ(now.size(), 3u);  // by subject, then part
  EXPECT_EQ(now[0].subject, "annual:introduction");
  EXPECT_EQ(now[1].part, "behind");
  EXPECT_EQ(now[1].body, "Two teams short, now recruiting");
  EXPECT_EQ(now[1].replaces, v1);
  EXPECT_EQ(now[2].part, "doing");
  auto then = c.commentary("887", "2026-03-31", at(1600));
  ASSERT_EQ(then.size(), 3u);
  EXPECT_EQ(then[1].body, "One team short");
  EXPECT_EQ(c.commentary("887", "2026-03-31", at(1000)).size(), 1u);
  EXPECT_TRUE(c.commentary("887", "2026-03-31", at(999)).empty());

  auto history = c.commentary_history("887", "indicator:iha_timely", "2026-03-31", "behind");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].id, v1);
  EXPECT_EQ(history[1].written_by, "ana");
  EXPECT_EQ(history[1].written_at, at(2000));
}

TEST_P(CommentaryStoreConformance, ASaveIsRefusedWhenAnotherVersionCameInBetween) {
  store_->upgrade();
  auto& c = store_->commentary();
  const auto v1 = c.add_commentary(piece("indicator:visits", "behind", "First", 1000, 0));
  ASSERT_GT(v1, 0);
  // Two officers opened v1; the first to save wins, the second is told.
  EXPECT_GT(c.add_commentary(piece("indicator:visits", "behind", "Mine", 1100, v1)), 0);
  EXPECT_EQ(c.add_commentary(piece("indicator:visits", "behind", "Theirs", 1200, v1)), 0);
  // A first version when there is one already is refused likewise.
  EXPECT_EQ(c.add_commentary(piece("indicator:visits", "behind", "Also first", 1300, 0)), 0);
  EXPECT_EQ(c.commentary_history("887", "indicator:visits", "2026-03-31", "behind").size(), 2u);
  EXPECT_EQ(c.commentary("887", "2026-03-31").front().body, "Mine");
}

TEST_P(CommentaryStoreConformance, AnyBytesAnOfficerWritesAreKeptAsValidText) {
  store_->upgrade();
  auto& c = store_->commentary();
  std::mt19937 rng(11);
  std::int64_t last = 0;
  for (int i = 0; i < 20; ++i) {
    last = c.add_commentary(piece("annual:voice", "text", hostile_bytes(rng, 300), 1000 + i, last));
    ASSERT_GT(last, 0) << i;
  }
  for (const auto& v : c.commentary_history("887", "annual:voice", "2026-03-31", "text")) {
    EXPECT_TRUE(model::is_utf8(v.body));
    EXPECT_EQ(v.body.find('\0'), std::string::npos);
  }
}

}  // namespace

HEARTH_ON_EVERY_BACKEND(CommentaryStoreConformance);

}  // namespace hearth::store_test
