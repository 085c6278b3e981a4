// The documents made from the scorecard and the registry.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "report/scorecard.hpp"
#include "report/validation.hpp"
#include "validation/registry.hpp"

namespace hearth::report {
namespace {

TEST(IndicatorDocs, DocsIndicatorsMdIsGeneratedFromTheRegistry) {
  std::ifstream f(std::string(HEARTH_SOURCE_DIR) + "/docs/indicators.md");
  ASSERT_TRUE(f) << "docs/indicators.md is missing";
  std::stringstream text;
  text << f.rdbuf();
  EXPECT_EQ(text.str(), indicators_markdown())
      << "docs/indicators.md is out of date: run build/release/bin/hearth indicators list --format "
         "markdown > docs/indicators.md";
}

TEST(ValidationDocs, DocsValidationRulesMdIsGeneratedFromTheRegistry) {
  std::ifstream f(std::string(HEARTH_SOURCE_DIR) + "/docs/validation-rules.md");
  ASSERT_TRUE(f) << "docs/validation-rules.md is missing";
  std::stringstream text;
  text << f.rdbuf();
  EXPECT_EQ(text.str(), rules_markdown(validation::kLatestYear))
      << "docs/validation-rules.md is out of date: run build/release/bin/hearth rules list "
         "--format markdown > docs/validation-rules.md";
}

TEST(Format, ValuesReadAsTheBoardExpects) {
  using indicators::Unit;
  EXPECT_EQ(format_value(Unit::Percent, 22.222), "22.2%");
  EXPECT_EQ(format_value(Unit::Count, 81770), "81,770");
  EXPECT_EQ(format_value(Unit::Days, 412.6), "413 days");
  EXPECT_EQ(format_value(Unit::Count, std::nullopt), "-");
  EXPECT_EQ(format_count(1.5), "1.50");
}

}  // namespace
}  // namespace hearth::report
