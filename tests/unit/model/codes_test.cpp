#include "model/codes.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::model {
namespace {

constexpr CollectionYear k2023{2023};  // 2022/23
constexpr CollectionYear k2024{2024};  // 2023/24
constexpr CollectionYear k2025{2025};  // 2024/25
constexpr CollectionYear k2026{2026};  // 2025/26
constexpr CollectionYear k2027{2027};  // 2026/27

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

template <class E>
void expect_round_trip() {
  const auto entries = CodeTraits<E>::entries();
  ASSERT_FALSE(entries.empty()) << CodeTraits<E>::column;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const CodeInfo& c = entries[i];
    auto parsed = parse_code<E>(c.code);
    ASSERT_TRUE(parsed.has_value()) << CodeTraits<E>::column << " " << c.code;
    EXPECT_EQ(static_cast<std::size_t>(*parsed), i) << CodeTraits<E>::column << " " << c.code;
    EXPECT_EQ(code_text(*parsed), c.code);
    EXPECT_EQ(code_label(*parsed), c.label);
    EXPECT_EQ(&code_info(*parsed), &entries[i]);
    EXPECT_FALSE(c.label.empty()) << c.code;
    // Any case, with blanks around it, reads the same.
    EXPECT_EQ(parse_code<E>(lower(c.code)), parsed) << c.code;
    EXPECT_EQ(parse_code<E>("  " + std::string(c.code) + " \r"), parsed) << c.code;
  }
}

template <class E>
std::set<std::string_view> valid_set(CollectionYear y) {
  auto v = codes_valid_in<E>(y);
  return {v.begin(), v.end()};
}

TEST(Codes, EveryCodeOfEveryListRoundTrips) {
  expect_round_trip<Sex>();
  expect_round_trip<Ethnicity>();
  expect_round_trip<ReasonNewEpisode>();
  expect_round_trip<LegalStatus>();
  expect_round_trip<CategoryOfNeed>();
  expect_round_trip<PlacementType>();
  expect_round_trip<PlacementProvider>();
  expect_round_trip<ReasonEpisodeCeased>();
  expect_round_trip<ReasonPlaceChange>();
  expect_round_trip<ReviewParticipation>();
  expect_round_trip<MissingType>();
  expect_round_trip<SdqReason>();
  expect_round_trip<InTouch>();
  expect_round_trip<Activity>();
  expect_round_trip<Accommodation>();
  expect_round_trip<ReasonPlacedCeased>();
  expect_round_trip<PreviousPermanence>();
  expect_round_trip<SwReason>();
  expect_round_trip<SexOfAdopters>();
  expect_round_trip<LegalStatusOfAdopters>();
}

TEST(Codes, EnumeratorsNameTheirOwnCodes) {
  EXPECT_EQ(code_text(Sex::Male), "1");
  EXPECT_EQ(code_text(Sex::Female), "2");
  EXPECT_EQ(code_text(Sex::U), "U");
  EXPECT_EQ(code_text(Ethnicity::WBRI), "WBRI");
  EXPECT_EQ(code_text(Ethnicity::NOBT), "NOBT");
  EXPECT_EQ(code_text(ReasonNewEpisode::B), "B");
  EXPECT_EQ(code_text(LegalStatus::L3), "L3");
  EXPECT_EQ(code_text(CategoryOfNeed::N8), "N8");
  EXPECT_EQ(code_text(PlacementType::U1), "U1");
  EXPECT_EQ(code_text(PlacementType::K3), "K3");
  EXPECT_EQ(code_text(PlacementType::R5), "R5");
  EXPECT_EQ(code_text(PlacementType::Z1), "Z1");
  EXPECT_EQ(code_text(PlacementType::Z14), "Z14");
  EXPECT_EQ(code_text(PlacementProvider::PR5), "PR5");
  EXPECT_EQ(code_text(ReasonEpisodeCeased::E4B), "E4B");
  EXPECT_EQ(code_text(ReasonEpisodeCeased::E11), "E11");
  EXPECT_EQ(code_text(ReasonEpisodeCeased::X1), "X1");
  EXPECT_EQ(code_text(ReasonPlaceChange::CUSTOD), "CUSTOD");
  EXPECT_EQ(code_text(ReviewParticipation::PN7), "PN7");
  EXPECT_EQ(code_text(MissingType::A), "A");
  EXPECT_EQ(code_text(SdqReason::SDQ5), "SDQ5");
  EXPECT_EQ(code_text(InTouch::YES), "YES");
  EXPECT_EQ(code_text(InTouch::RHOM), "RHOM");
  EXPECT_EQ(code_text(Activity::G6), "G6");
  EXPECT_EQ(code_text(Activity::NotApplicable), "0");
  EXPECT_EQ(code_text(Accommodation::S2), "S2");
  EXPECT_EQ(code_text(Accommodation::NotApplicable), "0");
  EXPECT_EQ(code_text(ReasonPlacedCeased::RD4), "RD4");
  EXPECT_EQ(code_text(PreviousPermanence::Z1), "Z1");
  EXPECT_EQ(code_text(SwReason::OTHERS), "OTHERS");
  EXPECT_EQ(code_text(SexOfAdopters::MF), "MF");
  EXPECT_EQ(code_text(LegalStatusOfAdopters::L12), "L12");
}

TEST(Codes, ParsingIgnoresCaseAndSurroundingBlanks) {
  EXPECT_EQ(parse_code<PlacementType>("u4"), PlacementType::U4);
  EXPECT_EQ(parse_code<PlacementType>(" U4 "), PlacementType::U4);
  EXPECT_EQ(parse_code<PlacementType>("\tk3\r\n"), PlacementType::K3);
  EXPECT_EQ(parse_code<Ethnicity>("wBrI"), Ethnicity::WBRI);
  EXPECT_EQ(parse_code<ReasonEpisodeCeased>("e4a"), ReasonEpisodeCeased::E4A);
  EXPECT_EQ(parse_code<InTouch>("Yes"), InTouch::YES);
  EXPECT_EQ(parse_code<Sex>("m"), Sex::M);
  EXPECT_EQ(parse_code<Sex>(" 1 "), Sex::Male);
  EXPECT_EQ(parse_code<Activity>("0"), Activity::NotApplicable);
}

TEST(Codes, UnknownOrEmptyTextIsNotACode) {
  EXPECT_FALSE(parse_code<PlacementType>(""));
  EXPECT_FALSE(parse_code<PlacementType>("   "));
  EXPECT_FALSE(parse_code<PlacementType>("Z"));
  EXPECT_FALSE(parse_code<PlacementType>("Z15"));
  EXPECT_FALSE(parse_code<PlacementType>("R4"));
  EXPECT_FALSE(parse_code<PlacementType>("U 4"));
  EXPECT_FALSE(parse_code<PlacementType>("U4x"));
  EXPECT_FALSE(parse_code<Sex>("3"));
  EXPECT_FALSE(parse_code<Sex>("X"));
  EXPECT_FALSE(parse_code<Sex>("Male"));
  EXPECT_FALSE(parse_code<CategoryOfNeed>("N9"));
  EXPECT_FALSE(parse_code<ReasonEpisodeCeased>("E43"));
  EXPECT_FALSE(parse_code<ReasonEpisodeCeased>("E44"));
  EXPECT_FALSE(parse_code<ReasonEpisodeCeased>("E1"));
  EXPECT_FALSE(parse_code<Accommodation>("S1"));
  EXPECT_FALSE(parse_code<Accommodation>("X1"));
  EXPECT_FALSE(parse_code<Activity>("F3"));
  EXPECT_FALSE(parse_code<Ethnicity>("WBR"));
}

TEST(Codes, PlacementK3IsValidFromTwentyTwentyFourTwentyFiveOnly) {
  EXPECT_FALSE(valid_in(PlacementType::K3, k2023));
  EXPECT_FALSE(valid_in(PlacementType::K3, k2024));
  EXPECT_TRUE(valid_in(PlacementType::K3, k2025));
  EXPECT_TRUE(valid_in(PlacementType::K3, k2026));
  EXPECT_TRUE(valid_in(PlacementType::K3, k2027));
}

TEST(Codes, PlacementP2IsListedUntilTwentyTwentyFourTwentyFiveAndEndedByTwentyEightOctober2023) {
  EXPECT_TRUE(valid_in(PlacementType::P2, k2023));
  EXPECT_TRUE(valid_in(PlacementType::P2, k2024));
  EXPECT_TRUE(valid_in(PlacementType::P2, k2025));
  EXPECT_FALSE(valid_in(PlacementType::P2, k2026));
  EXPECT_FALSE(valid_in(PlacementType::P2, k2027));
  EXPECT_EQ(kPlacementP2LastEnd, make_date(2023, 10, 28));
  EXPECT_TRUE(k2024.contains(kPlacementP2LastEnd));
}

TEST(Codes, PlacementH5GoesInTwentyTwentyFiveTwentySix) {
  EXPECT_TRUE(valid_in(PlacementType::H5, k2023));
  EXPECT_TRUE(valid_in(PlacementType::H5, k2024));
  EXPECT_TRUE(valid_in(PlacementType::H5, k2025));
  EXPECT_FALSE(valid_in(PlacementType::H5, k2026));
  EXPECT_FALSE(valid_in(PlacementType::H5, k2027));
}

TEST(Codes, PlacementZ1IsReplacedByZ11ToZ14InTwentyTwentyFiveTwentySix) {
  EXPECT_TRUE(valid_in(PlacementType::Z1, k2023));
  EXPECT_TRUE(valid_in(PlacementType::Z1, k2025));
  EXPECT_FALSE(valid_in(PlacementType::Z1, k2026));
  EXPECT_FALSE(valid_in(PlacementType::Z1, k2027));
  for (auto z : {PlacementType::Z11, PlacementType::Z12, PlacementType::Z13, PlacementType::Z14}) {
    EXPECT_FALSE(valid_in(z, k2023)) << code_text(z);
    EXPECT_FALSE(valid_in(z, k2025)) << code_text(z);
    EXPECT_TRUE(valid_in(z, k2026)) << code_text(z);
    EXPECT_TRUE(valid_in(z, k2027)) << code_text(z);
  }
}

TEST(Codes, PlacementListsMatchTheValidatorForEachYear) {
  const std::set<std::string_view> base = {"A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2",
                                           "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2",
                                           "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1"};
  EXPECT_EQ(valid_set<PlacementType>(k2023), base);
  EXPECT_EQ(valid_set<PlacementType>(k2024), base);
  auto with_k3 = base;
  with_k3.insert("K3");
  EXPECT_EQ(valid_set<PlacementType>(k2025), with_k3);
  const std::set<std::string_view> from_2026 = {
      "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2",  "R3",  "R5",  "S1", "T0",
      "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"};
  EXPECT_EQ(valid_set<PlacementType>(k2026), from_2026);
  EXPECT_EQ(valid_set<PlacementType>(k2027), from_2026);
}

TEST(Codes, SexIsOneOrTwoUntilTwentyTwentyThreeTwentyFourThenMFOrU) {
  for (auto y : {k2023, k2024}) {
    EXPECT_TRUE(valid_in(Sex::Male, y));
    EXPECT_TRUE(valid_in(Sex::Female, y));
    EXPECT_FALSE(valid_in(Sex::M, y));
    EXPECT_FALSE(valid_in(Sex::F, y));
    EXPECT_FALSE(valid_in(Sex::U, y));
    EXPECT_EQ(codes_valid_in<Sex>(y), (std::vector<std::string_view>{"1", "2"}));
  }
  for (auto y : {k2025, k2026, k2027}) {
    EXPECT_FALSE(valid_in(Sex::Male, y));
    EXPECT_FALSE(valid_in(Sex::Female, y));
    EXPECT_TRUE(valid_in(Sex::M, y));
    EXPECT_TRUE(valid_in(Sex::F, y));
    EXPECT_TRUE(valid_in(Sex::U, y));
    EXPECT_EQ(codes_valid_in<Sex>(y), (std::vector<std::string_view>{"M", "F", "U"}));
  }
}

TEST(Codes, MaleAndFemaleAreRecognisedInEitherCoding) {
  EXPECT_TRUE(is_male(Sex::Male));
  EXPECT_TRUE(is_male(Sex::M));
  EXPECT_FALSE(is_male(Sex::F));
  EXPECT_FALSE(is_male(Sex::U));
  EXPECT_TRUE(is_female(Sex::Female));
  EXPECT_TRUE(is_female(Sex::F));
  EXPECT_FALSE(is_female(Sex::Male));
  EXPECT_FALSE(is_female(Sex::U));
}

TEST(Codes, SocialWorkerReasonsArriveWithTheSocialWorkerTableInTwentyTwentyThreeTwentyFour) {
  EXPECT_TRUE(codes_valid_in<SwReason>(k2023).empty());
  EXPECT_EQ(codes_valid_in<SwReason>(k2024).size(), 10u);
  EXPECT_EQ(codes_valid_in<SwReason>(k2027).size(), 10u);
  EXPECT_FALSE(valid_in(SwReason::MANAGE, k2023));
  EXPECT_TRUE(valid_in(SwReason::MANAGE, k2024));
}

TEST(Codes, UnchangedListsAreValidInEveryYear) {
  for (auto y : {k2023, k2024, k2025, k2026, k2027}) {
    EXPECT_EQ(codes_valid_in<Ethnicity>(y).size(), 20u);
    EXPECT_EQ(codes_valid_in<ReasonNewEpisode>(y).size(), 6u);
    EXPECT_EQ(codes_valid_in<LegalStatus>(y).size(), 13u);
    EXPECT_EQ(codes_valid_in<CategoryOfNeed>(y).size(), 8u);
    EXPECT_EQ(codes_valid_in<PlacementProvider>(y).size(), 6u);
    EXPECT_EQ(codes_valid_in<ReasonEpisodeCeased>(y).size(), 22u);
    EXPECT_EQ(codes_valid_in<ReasonPlaceChange>(y).size(), 12u);
    EXPECT_EQ(codes_valid_in<ReviewParticipation>(y).size(), 8u);
    EXPECT_EQ(codes_valid_in<MissingType>(y).size(), 2u);
    EXPECT_EQ(codes_valid_in<SdqReason>(y).size(), 5u);
    EXPECT_EQ(codes_valid_in<InTouch>(y).size(), 6u);
    EXPECT_EQ(codes_valid_in<Activity>(y).size(), 12u);
    EXPECT_EQ(codes_valid_in<Accommodation>(y).size(), 31u);
    EXPECT_EQ(codes_valid_in<ReasonPlacedCeased>(y).size(), 4u);
    EXPECT_EQ(codes_valid_in<PreviousPermanence>(y).size(), 5u);
    EXPECT_EQ(codes_valid_in<SexOfAdopters>(y).size(), 5u);
    EXPECT_EQ(codes_valid_in<LegalStatusOfAdopters>(y).size(), 6u);
  }
  EXPECT_TRUE(valid_in(ReasonEpisodeCeased::X1, k2023));
  EXPECT_TRUE(valid_in(ReasonEpisodeCeased::E17, k2027));
  EXPECT_TRUE(valid_in(LegalStatus::D1, k2027));
}

TEST(Codes, ValidCodesComeInTableOrder) {
  EXPECT_EQ(codes_valid_in<MissingType>(k2025), (std::vector<std::string_view>{"M", "A"}));
  EXPECT_EQ(codes_valid_in<PlacementProvider>(k2025),
            (std::vector<std::string_view>{"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}));
}

TEST(Codes, CodeInfoCarriesYearsWithZeroAndNineThousandNineHundredNinetyNineAsOpenEnds) {
  EXPECT_EQ(code_info(PlacementType::U4).first_year, 0);
  EXPECT_EQ(code_info(PlacementType::U4).last_year, 9999);
  EXPECT_EQ(code_info(PlacementType::K3).first_year, 2025);
  EXPECT_EQ(code_info(PlacementType::Z1).last_year, 2025);
  EXPECT_TRUE(code_info(PlacementType::U4).valid_in(CollectionYear{1990}));
  EXPECT_TRUE(code_info(PlacementType::U4).valid_in(CollectionYear{2100}));
}

TEST(Codes, AllCodeListsDescribesEveryListOnce) {
  const auto lists = all_code_lists();
  EXPECT_EQ(lists.size(), 20u);
  std::set<std::string_view> columns;
  for (const CodeListInfo& l : lists) {
    EXPECT_FALSE(l.name.empty()) << l.column;
    EXPECT_FALSE(l.entries.empty()) << l.column;
    EXPECT_TRUE(columns.insert(l.column).second) << l.column << " listed twice";
  }
  const std::set<std::string_view> expected = {"SEX",
                                               "ETHNIC",
                                               "RNE",
                                               "LS",
                                               "CIN",
                                               "PLACE",
                                               "PLACE_PROVIDER",
                                               "REC",
                                               "REASON_PLACE_CHANGE",
                                               "REVIEW_CODE",
                                               "MISSING",
                                               "SDQ_REASON",
                                               "IN_TOUCH",
                                               "ACTIV",
                                               "ACCOM",
                                               "REASON_PLACED_CEASED",
                                               "PREV_PERM",
                                               "SW_REASON",
                                               "SEX_ADOPTR",
                                               "LS_ADOPTR"};
  EXPECT_EQ(columns, expected);
  for (const CodeListInfo& l : lists) {
    if (l.column == "PLACE") {
      EXPECT_EQ(l.entries.data(), CodeTraits<PlacementType>::entries().data());
      EXPECT_EQ(l.name, CodeTraits<PlacementType>::name);
    }
  }
}

TEST(Codes, TraitsNameTheNineOhThreeColumns) {
  EXPECT_EQ(CodeTraits<Sex>::column, "SEX");
  EXPECT_EQ(CodeTraits<PlacementType>::column, "PLACE");
  EXPECT_EQ(CodeTraits<PlacementType>::name, "placement type");
  EXPECT_EQ(CodeTraits<ReasonEpisodeCeased>::column, "REC");
  EXPECT_EQ(CodeTraits<ReviewParticipation>::column, "REVIEW_CODE");
  EXPECT_EQ(CodeTraits<SexOfAdopters>::column, "SEX_ADOPTR");
  EXPECT_EQ(CodeTraits<LegalStatusOfAdopters>::column, "LS_ADOPTR");
}

}  // namespace
}  // namespace hearth::model
