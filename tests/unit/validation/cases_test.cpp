// The DfE rules, each shown by small hand-made cases under tests/data/validation/<code>/: at
// least one where the rule fires and one where it does not. One test per case file, named
// <code>_<file>; and a test that fails while any rule lacks either kind of case.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "case_file.hpp"
#include "validation/registry.hpp"
#include "validation/validate.hpp"

namespace fs = std::filesystem;
using namespace hearth::validation;

namespace {

const fs::path kCases = fs::path(HEARTH_TEST_DATA) / "validation";

struct CaseRef {
  std::string code;
  fs::path file;
};

std::vector<CaseRef> all_cases() {
  std::vector<CaseRef> out;
  std::error_code ec;
  for (const auto& dir : fs::directory_iterator(kCases, ec)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path()))
      if (f.path().extension() == ".case")
        out.push_back({dir.path().filename().string(), f.path()});
  }
  std::sort(out.begin(), out.end(),
            [](const CaseRef& a, const CaseRef& b) { return a.file < b.file; });
  return out;
}

std::string name_of(const testing::TestParamInfo<CaseRef>& info) {
  std::string n = info.param.code + "_" + info.param.file.stem().string();
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

class RuleCase : public testing::TestWithParam<CaseRef> {};

TEST_P(RuleCase, FindsExactlyTheExpectedRows) {
  const CaseRef& ref = GetParam();
  SCOPED_TRACE(ref.file.string());
  const Rule* rule = find_rule(ref.code);
  ASSERT_NE(rule, nullptr) << "no rule " << ref.code << " is registered";
  cases::Case c = cases::read_case(ref.file);
  c.data.reference = &c.reference;
  ASSERT_TRUE(rule->first_year <= c.data.year.end_year &&
              (rule->last_year == 0 || c.data.year.end_year <= rule->last_year))
      << "rule " << ref.code << " does not apply to the case's year " << c.data.year.end_year;
  Options only;
  only.only = {ref.code};
  Result result = validate(c.data, only);
  for (const auto& nr : result.not_run) ADD_FAILURE() << "not run: " << nr.reason;
  ASSERT_EQ(result.rules_run, 1u);
  std::set<std::pair<std::string, std::int64_t>> found;
  for (const RuleFinding& f : result.findings)
    found.insert(
        {std::string(f.table->name()) + (f.table->previous_year() ? "_last" : ""), f.row()});
  EXPECT_EQ(found, c.expected) << c.description;
}

INSTANTIATE_TEST_SUITE_P(Cases, RuleCase, testing::ValuesIn(all_cases()), name_of);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleCase);

// Rules that cannot fire on data Hearth reads, each with the reason; they still need a case in
// which they do not fire. Keep this list short and explained.
const std::map<std::string, std::string> kCannotFire = {
    {"411",
     "PL_LOCATION and PL_LA are both derived from the placement postcode, so they always agree "
     "(as in the DfE tool, which derives them the same way)"},
};

TEST(Cases, EveryRuleHasAFiringAndANonFiringCase) {
  std::map<std::string, std::pair<int, int>> counts;  // code -> (fires, passes)
  for (const CaseRef& ref : all_cases()) {
    cases::Case c = cases::read_case(ref.file);
    auto& n = counts[ref.code];
    (c.expect_none ? n.second : n.first) += 1;
  }
  for (const Rule& r : all_rules()) {
    auto it = counts.find(std::string(r.code));
    EXPECT_TRUE((it != counts.end() && it->second.first > 0) ||
                kCannotFire.count(std::string(r.code)))
        << "rule " << r.code << " has no case under tests/data/validation/" << r.code
        << "/ in which it fires";
    EXPECT_TRUE(it != counts.end() && it->second.second > 0)
        << "rule " << r.code << " has no case under tests/data/validation/" << r.code
        << "/ in which it does not fire (expect: none)";
  }
  for (const auto& [code, n] : counts)
    EXPECT_NE(find_rule(code), nullptr) << "tests/data/validation/" << code << " names no rule";
}

TEST(Registry, EveryRuleIsDescribed) {
  for (const Rule& r : all_rules()) {
    SCOPED_TRACE(std::string(r.code));
    EXPECT_FALSE(r.tables.empty());
    EXPECT_FALSE(r.fields.empty());
    EXPECT_FALSE(r.message.empty());
    EXPECT_FALSE(r.how_to_fix.empty());
    EXPECT_FALSE(r.basis.empty());
    EXPECT_GE(r.first_year, 2023);
    EXPECT_NE(r.check, nullptr);
  }
}

}  // namespace
