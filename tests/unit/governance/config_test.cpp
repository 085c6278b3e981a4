// The Board's arrangements as a file: both shipped configurations load, every mistake is named
// by file and line, and what is exported reads back the same.
#include "governance/config.hpp"

#include <gtest/gtest.h>

#include "voice/surveys.hpp"

namespace hearth::governance {
namespace {

std::string shipped(std::string_view name) {
  for (const auto& f : shipped_governance())
    if (f.name == name) return std::string(f.text);
  ADD_FAILURE() << "no shipped " << name;
  return {};
}

Governance load(const std::string& text, std::string_view file = "board.toml") {
  return parse_governance(text, file, voice::SurveyBook::shipped());
}

// What parse_governance says about `text`, or "" when it loads.
std::string mistake(const std::string& text) {
  try {
    load(text);
  } catch (const GovernanceError& e) {
    return e.what();
  }
  return "";
}

constexpr const char* kBoard = R"([board]
council = "Testshire"
name = "Corporate Parenting Board"
strategy = "Strategy 2025-27"
from = 2025-04-01
to = 2027-03-31

[[priority]]
id = "health"
title = "Health"
)";

TEST(Governance, BothShippedConfigurationsLoad) {
  const auto medway = load(shipped("medway.toml"), "medway.toml");
  EXPECT_EQ(medway.council, "Medway");
  EXPECT_EQ(medway.priorities.size(), 5u);
  EXPECT_EQ(medway.themes.size(), 5u);
  EXPECT_EQ(medway.subgroups.size(), 5u);
  EXPECT_EQ(medway.reports.size(), 11u);  // the ten reports and the pledge's quarterly review
  EXPECT_EQ(medway.actions_per_theme, 3);
  const auto manchester = load(shipped("manchester.toml"), "manchester.toml");
  EXPECT_EQ(manchester.priorities.size(), 4u);
  EXPECT_EQ(manchester.promises.size(), 12u);
  EXPECT_EQ(manchester.priority("safe")->title, "Safe");
}

TEST(Governance, WhatIsExportedReadsBackTheSame) {
  for (const char* name : {"medway.toml", "manchester.toml"}) {
    const auto g = load(shipped(name), name);
    const auto again = load(to_toml(g), "exported.toml");
    EXPECT_EQ(to_toml(again), to_toml(g)) << name;
    EXPECT_EQ(again.measures.size(), g.measures.size());
    EXPECT_EQ(again.reports.back().first_due, g.reports.back().first_due);
  }
}

TEST(Governance, EachMistakeIsNamedWithItsFileAndLine) {
  EXPECT_EQ(mistake(kBoard), "");
  // An unknown priority in a measure: the line of its priority.
  EXPECT_EQ(mistake(std::string(kBoard) +
                    "\n[[measure]]\nid = \"m\"\npriority = \"housing\"\ntext = \"t\"\n"
                    "indicators = [\"dental\"]\n"),
            "board.toml:14: [[measure]] 'm': priority 'housing' is not in the file");
  // A measure linked to an indicator the scorecard does not have.
  EXPECT_EQ(mistake(std::string(kBoard) +
                    "\n[[measure]]\nid = \"m\"\npriority = \"health\"\ntext = \"t\"\n"
                    "indicators = [\"teeth\"]\n"),
            "board.toml:16: [[measure]] 'm': indicator 'teeth' is not a scorecard indicator");
  // A duplicate theme.
  EXPECT_EQ(mistake(std::string(kBoard) +
                    "\n[[theme]]\nid = \"a\"\ntitle = \"Home\"\nyear = \"2025-26\"\n"
                    "\n[[theme]]\nid = \"b\"\ntitle = \"Home\"\nyear = \"2025-26\"\n"),
            "board.toml:19: [[theme]] 'b': a second theme 'Home' in 2025-26");
  // A date in the wrong format.
  EXPECT_EQ(mistake(std::string(kBoard) +
                    "\n[[report]]\nid = \"r\"\ntitle = \"Report\"\nfirst_due = \"31/03/2026\"\n"),
            "board.toml:15: [[report]] 'r': 'first_due' must be a date written 2025-03-31 "
            "(without quotes)");
  // A survey question that does not exist, a key Hearth does not know, broken TOML.
  EXPECT_NE(mistake(std::string(kBoard) +
                    "\n[[measure]]\nid = \"m\"\npriority = \"health\"\ntext = \"t\"\n"
                    "survey = \"wellbeing\"\nquestion = \"nope\"\ntarget = 80\n")
                .find("has no question 'nope'"),
            std::string::npos);
  EXPECT_NE(mistake(std::string(kBoard) + "colour = \"red\"\n")
                .find(":11: [[priority]] 'health': "
                      "'colour' is not a key"),
            std::string::npos);
  EXPECT_NE(mistake("[board\n").find("board.toml:1: "), std::string::npos);
  EXPECT_NE(mistake(std::string(kBoard) + "\n[[priority]]\nid = \"health\"\ntitle = \"Again\"\n")
                .find("a second priority with id 'health'"),
            std::string::npos);
}

TEST(Governance, AReportIsDueOnItsFirstDateThenEveryFewMonths) {
  Report r{"scorecard", "Scorecard", "", 3, model::make_date(2025, 6, 30)};
  auto due = r.due_between(model::make_date(2025, 4, 1), model::make_date(2026, 3, 31));
  ASSERT_EQ(due.size(), 4u);
  EXPECT_EQ(due[1], model::make_date(2025, 9, 30));
  EXPECT_EQ(due[3], model::make_date(2026, 3, 30));  // 31 March is not 3 months after 30 Dec
}

}  // namespace
}  // namespace hearth::governance
