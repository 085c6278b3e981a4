// Listening to you and participation: whether children take part in their reviews, the
// statements they make and how quickly they are answered, and the voice measures Hearth does not
// hold yet. Each entry is one indicator of the Board's scorecard with the
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

// Statements children and young people made in the period (one case each, on the day made).
void statements_made(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const auto& data = f.data();
  for (model::ChildIndex c : f.children()) {
    if (c >= data.statements_of.size()) continue;
    for (auto i : data.statements_of[c]) {
      const auto& s = data.statements[i];
      if (s.made >= p.start && s.made <= p.end) out.cases.push_back({c, s.made, 1.0, 1});
    }
  }
}

// Statements made in the period whose answer was due by its end (or answered already): answered
// within 5 working days or not (model::StatementFact::answered_in_time). One still inside its 5
// days and unanswered is not yet counted.
void statements_answered_in_time(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  const auto& data = f.data();
  for (model::ChildIndex c : f.children()) {
    if (c >= data.statements_of.size()) continue;
    for (auto i : data.statements_of[c]) {
      const auto& s = data.statements[i];
      if (s.made < p.start || s.made > p.end) continue;
      if (auto on_time = s.answered_in_time(p.end))
        out.cases.push_back({c, s.made, *on_time ? 1.0 : 0.0, 1});
    }
  }
}

// Children looked after on the period's last day with an advocate or independent visitor
// appointed that day (the council's advocacy allocations).
void with_advocate(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  if (!f.local() ||
      (f.local()->advocacy_allocations.empty() && f.local()->advocacy_requests.empty())) {
    unavailable(out, "the council has sent no advocacy or independent visitor records");
    return;
  }
  const auto& ix = f.data().local_index;
  f.per_child_on(out, p.end, [&](model::ChildIndex c, auto) {
    for (const auto* a : ix.advocacy_allocations.of(c))
      if (a->start <= p.end && (!a->end || *a->end >= p.end)) return std::pair{1.0, 0.0};
    return std::pair{0.0, 0.0};
  });
}

// Requests for an advocate or independent visitor due in the period: met in time or not (the
// timescales' advocate and independent_visitor items).
void advocacy_in_time(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  f.timeliness(out, p, {timescales::ItemId::Advocate, timescales::ItemId::IndependentVisitor});
}

// Challenge cards to the council's Board raised in the period: answered ("You said, we did"
// approved) by its end or not.
void cards_answered(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  for (const auto& c : f.data().cards) {
    if (c.la != f.la() || c.raised < p.start || c.raised > p.end) continue;
    const bool answered = c.answered && *c.answered <= p.end;
    out.cases.push_back({kNotAChild, c.raised, answered ? 1.0 : 0.0, 1});
  }
}

// Challenge cards answered in the period: the days from being raised to the answer's approval.
void card_response_days(const Engine& f, const ReportingPeriod& p, Cohort& out) {
  for (const auto& c : f.data().cards) {
    if (c.la != f.la() || !c.answered || *c.answered < p.start || *c.answered > p.end) continue;
    const double days = static_cast<double>((*c.answered - c.raised).count());
    out.cases.push_back({kNotAChild, *c.answered, days, 1});
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
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition = "Hearth's own measure (../shared/spec/access-and-voice.md): statements made "
                   "in Hearth or loaded from another app, on the day made (England).",
     .basis = "Children Act 1989 s22(4)-(5) (ascertain the child's wishes and feelings)",
     .cohort = statements_made},
    {.key = "statements_answered",
     .family = "statements",
     .section = Section::Listening,
     .title = "Statements answered within 5 working days",
     .why = "A child who speaks up should hear back quickly, or they stop speaking up.",
     .numerator = "Statements first answered within 5 working days of being made",
     .denominator = "Statements made in the period, answered or past their 5 working days",
     .population = "Statements from children and young people; one made in the last 5 working "
                   "days of the period and not yet answered is not counted until it is due.",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition = "Hearth's own measure (../shared/spec/access-and-voice.md: \"response "
                   "timeliness is a measured indicator, default target 5 working days\"); "
                   "working days on the England and Wales calendar.",
     .basis = "Children Act 1989 s22(4)-(5); corporate parenting principles, Children and "
              "Social Work Act 2017 s1(1)(b)",
     .default_target = 90.0,
     .cohort = statements_answered_in_time},
    {.key = "challenge_cards",
     .family = "challenge_cards",
     .section = Section::Listening,
     .title = "Challenge cards answered",
     .why = "A challenge card is a young person holding the Board to account; each deserves an "
            "answer.",
     .numerator = "Cards raised in the period whose \"You said, we did\" answer was approved by "
                  "its end",
     .denominator = "Challenge cards raised in the period",
     .population = "Challenge cards to the Board from the children in care council and from "
                   "young people, on the day raised (England); a card raised late in a period "
                   "may be answered in the next.",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition = "Hearth's own measure (../shared/spec/access-and-voice.md): a card is answered "
                   "when the participation officer approves its \"You said, we did\" response.",
     .basis = "Corporate parenting principles, Children and Social Work Act 2017 s1",
     .default_target = 80.0,
     .cohort = cards_answered},
    {.key = "challenge_card_days",
     .family = "challenge_cards",
     .section = Section::Listening,
     .title = "Days to answer a challenge card",
     .why = "Young people who hold the Board to account should not wait long for an answer.",
     .numerator = "Days from each card being raised to its answer being approved, added up",
     .denominator = "Challenge cards answered in the period",
     .population = "Challenge cards whose \"You said, we did\" response was approved in the "
                   "period; the figure is the average number of calendar days.",
     .unit = Unit::Days,
     .polarity = Polarity::LowerIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition = "Hearth's own measure (../shared/spec/governance.md: card response time is "
                   "an indicator): calendar days from the day raised to the day the answer was "
                   "approved, in England.",
     .basis = "Corporate parenting principles, Children and Social Work Act 2017 s1",
     .default_target = 90.0,
     .cohort = card_response_days},
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
     .numerator = "Children looked after on the last day of the period with an advocate or "
                  "independent visitor appointed that day",
     .population = "Children looked after on the last day of the period (short breaks left out), "
                   "from the council's advocacy allocations (advocacy_allocations.csv).",
     .unit = Unit::Count,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition = "Children Act 1989 s23ZB (independent visitors) and s26A (advocacy); Hearth's "
                   "own count: an appointment open on the day.",
     .basis = "Children Act 1989 s23ZB, s26A",
     .cohort = with_advocate},
    {.key = "advocacy_in_time",
     .family = "advocacy",
     .section = Section::Listening,
     .title = "Requests for an advocate or independent visitor met in time",
     .why = "A child who asks for someone on their side should not be left waiting.",
     .numerator = "Requests met by an appointment in time (an advocate within 5 working days, an "
                  "independent visitor within 3 months, by default)",
     .denominator = "Requests falling due in the period, met or overdue",
     .population = "The timescales' advocate and independent_visitor items due in the period; "
                   "requests closed without an appointment are left out.",
     .unit = Unit::Percent,
     .polarity = Polarity::HigherIsBetter,
     .source = Source::Local,
     .frequency = Frequency::AnyPeriod,
     .definition = "Hearth's own measure: the law sets no interval, so the intervals are local "
                   "practice (advocate_working_days, independent_visitor_months).",
     .basis = "Children Act 1989 s23ZB, s26A",
     .default_target = 90.0,
     .cohort = advocacy_in_time},
};

}  // namespace

std::span<const Indicator> listening() {
  return kMeasures;
}

}  // namespace hearth::indicators::measures
