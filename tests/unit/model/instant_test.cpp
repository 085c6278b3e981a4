#include "model/instant.hpp"

#include <gtest/gtest.h>

namespace hearth::model {
namespace {

TEST(Instant, WritesAndReadsBothFormsExactly) {
  const Instant t = from_unix_seconds(1764757036) + std::chrono::milliseconds(89);
  EXPECT_EQ(format_instant(t), "2025-12-03T10:17:16Z");
  EXPECT_EQ(format_instant_ms(t), "2025-12-03T10:17:16.089Z");
  EXPECT_EQ(parse_instant("2025-12-03T10:17:16.089Z"), t);
  EXPECT_EQ(parse_instant("2025-12-03T10:17:16Z"), from_unix_seconds(1764757036));
  EXPECT_EQ(unix_seconds(t), 1764757036);
  EXPECT_EQ(format_instant(std::optional<Instant>{}), "");
  EXPECT_EQ(format_instant_ms(Instant{}), "1970-01-01T00:00:00.000Z");
  // A leap day, and the last millisecond of a year.
  EXPECT_EQ(format_instant_ms(*parse_instant("2024-02-29T23:59:59.999Z")),
            "2024-02-29T23:59:59.999Z");
}

TEST(Instant, RefusesAnythingElse) {
  for (const char* bad :
       {"", "2025-12-03", "2025-12-03 10:17:16Z", "2025-12-03T10:17:16", "2025-12-03T10:17:16+00",
        "2025-02-29T10:17:16Z", "2025-12-03T24:00:00Z", "2025-12-03T10:60:00Z",
        "2025-12-03T10:17:16.08Z", "2025-12-03T10:17:16.0890Z", "2025-12-03T10:17:1xZ",
        " 2025-12-03T10:17:16Z"})
    EXPECT_FALSE(parse_instant(bad)) << bad;
}

}  // namespace
}  // namespace hearth::model
