// Listening to you and participation: whether children take part in their reviews, and the voice
// measures Hearth does not hold yet. Each entry is one indicator of the Board's scorecard with the
// function that finds its population (registry.hpp; docs/architecture.md says how to add one).
#include "indicators/measures/citations.hpp"
#include "indicators/measures/toolkit.hpp"
#include "indicators/registry.hpp"

namespace hearth::indicators::measures {

namespace {

// Reviews in the period with a participation code (PN1-PN7; PN0, under 4, is left out): the child
// took part unless PN7 (did not).
void review_participation(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const auto& data = f.data();
  for (model::ChildIndex c : f.children()) {
    const auto& rec = data.children[c];
    for (std::uint32_t i = rec.reviews.begin; i < rec.reviews.begin + rec.reviews.count; ++i) {
      const Date r = data.reviews.review[i];
      const auto code = data.reviews.review_code[i];
      if (r < p.start || r > p.end || !code || code == model::ReviewParticipation::PN0) continue;
      out.cases.push_back({c, r, code != model::ReviewParticipation::PN7 ? 1.0 : 0.0, 1});
    }
  }
}

constexpr Indicator kMeasures[] = {
    {.key = "statements",
     .family = "statements",
     .section = Section::Listening,
     .title = "Statements from children and young people",
     .why = "Children's own words tell the Board what numbers cannot.",
     .numerator = "Statements made in the period",
     .population = "Children looked after and care leavers.",
     .unit = Unit::Count,
     .polarity = Polarity::Context,
     .source = Source::NotHeld,
     .frequency = Frequency::AnyPeriod,
     .definition = "Hearth's own measure (../shared/spec/access-and-voice.md).",
     .basis = "Children Act 1989 s22(4)-(5) (ascertain the child's wishes and feelings)",
     .needs = "the statements children and young people make to it"},
    {.key = "challenge_cards",
     .family = "challenge_cards",
     .section = Section::Listening,
     .title = "Challenge cards answered",
     .why = "A challenge card is a young person holding the Board to account; each deserves an "
            "answer.",
     .numerator = "Challenge cards answered",
     .denominator = "Challenge cards raised",
     .population = "Challenge cards to the Board.",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::NotHeld,
     .frequency = Frequency::AnyPeriod,
     .definition = "Hearth's own measure (../shared/spec/access-and-voice.md).",
     .basis = "Corporate parenting principles, Children and Social Work Act 2017 s1",
     .needs = "the challenge cards children and young people bring to the Board"},
    {.key = "review_participation",
     .family = "review_participation",
     .section = Section::Listening,
     .title = "Children who took part in their review",
     .why = "The review is about the child; they should have their say in it.",
     .numerator =
         "Reviews in the period where the child participated in any way (REVIEW_CODE PN1-PN6)",
     .denominator = "Reviews in the period of children aged 4 or over (REVIEW_CODE PN1-PN7)",
     .population =
         "Reviews in the 903 Reviews table held in the period; PN0 (under 4) and reviews without a "
         "code are left out.",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Ssda903,
     .frequency = Frequency::AnyPeriod,
     .definition = "903 REVIEW_CODE participation codes; PN7 is 'did not participate'.",
     .basis = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 36",
     .default_target = 90.0,
     .cohort = review_participation},
    {.key = "advocacy",
     .family = "advocacy",
     .section = Section::Listening,
     .title = "Children with an advocate or independent visitor",
     .why = "An advocate or independent visitor is someone on the child's side who is not paid to "
            "care for them.",
     .numerator = "Children looked after with an advocate or independent visitor",
     .population = "Children looked after.",
     .unit = Unit::Count,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::NotHeld,
     .frequency = Frequency::AnyPeriod,
     .definition = "Children Act 1989 s23ZB (independent visitors) and s26A (advocacy).",
     .basis = "Children Act 1989 s23ZB, s26A",
     .needs = "its referrals for advocates and independent visitors"},
};

}  // namespace

std::span<const Indicator> listening() {
  return kMeasures;
}

}  // namespace hearth::indicators::measures
