// GovernanceStore's conformance suite, on SQLite and PostgreSQL: governance files kept by version
// (as at any time), actions and cards changed once per version seen with their history, meetings
// with their items, reports received and figures entered by hand replaced for the same period.
#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace hearth::store_test {
namespace {

class GovernanceStoreConformance : public StoreTest {
 protected:
  static model::Instant at(std::int64_t s) { return model::from_unix_seconds(s); }
  static store::GovEvent event(std::int64_t s, std::string kind, std::string status) {
    return {0, at(s), "olive", std::move(kind), std::move(status), ""};
  }
  static store::Action action(std::string title, model::Date due) {
    store::Action a;
    a.la = "887";
    a.title = std::move(title);
    a.owner = "fran";
    a.owner_name = "Head of Fostering";
    a.due = due;
    a.priority = "safety";
    a.created_at = at(1000);
    a.updated_at = at(1000);
    a.created_by = "olive";
    return a;
  }
};

TEST_P(GovernanceStoreConformance, AGovernanceFileIsKeptByVersionAsAtAnyTime) {
  store_->upgrade();
  auto& g = store_->governance();
  EXPECT_FALSE(g.governance("887"));
  g.put_governance({0, "887", at(1000), "olive", "medway.toml", "[board]\ncouncil = \"A\"\n"});
  g.put_governance({0, "887", at(2000), "olive", "medway.toml", "[board]\ncouncil = \"B\"\n"});
  g.put_governance({0, "999", at(3000), "olive", "other.toml", "x"});
  EXPECT_NE(g.governance("887")->text.find("\"B\""), std::string::npos);
  EXPECT_NE(g.governance("887", at(1500))->text.find("\"A\""), std::string::npos);
  EXPECT_FALSE(g.governance("887", at(999)));
  auto versions = g.governance_versions("887");
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].loaded_at, at(2000));
  EXPECT_TRUE(versions[0].text.empty());
  EXPECT_EQ(versions[0].source, "medway.toml");
}

TEST_P(GovernanceStoreConformance, AnActionChangesOncePerVersionSeenAndKeepsItsHistory) {
  store_->upgrade();
  auto& g = store_->governance();
  auto a = action("Recruit ten more foster carers", model::make_date(2026, 3, 31));
  a.card = 4;
  const auto id = g.add_action(a, event(1000, "created", "open"));
  g.add_action(action("Another", model::make_date(2026, 1, 31)), event(1000, "created", "open"));
  auto stored = g.action(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->title, a.title);
  EXPECT_EQ(stored->due, a.due);
  EXPECT_EQ(stored->card, 4);
  EXPECT_FALSE(stored->closed_on);
  // Closed with evidence, by someone who saw the current version...
  auto done = *stored;
  done.status = "done";
  done.evidence = "Twelve carers approved at panel";
  done.closed_on = model::make_date(2026, 2, 20);
  done.updated_at = at(1500);
  EXPECT_TRUE(g.update_action(done, stored->updated_at, event(1500, "closed", "done")));
  // ...and not by someone who saw the version before.
  auto late = *stored;
  late.title = "Changed meanwhile";
  late.updated_at = at(1600);
  EXPECT_FALSE(g.update_action(late, stored->updated_at, event(1600, "updated", "open")));
  auto now = g.action(id);
  EXPECT_EQ(now->status, "done");
  EXPECT_EQ(now->closed_on, model::make_date(2026, 2, 20));
  EXPECT_EQ(now->evidence, "Twelve carers approved at panel");
  auto history = g.action_events(id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].kind, "created");
  EXPECT_EQ(history[1].status, "done");
  // By due date.
  auto all = g.actions("887");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].title, "Another");
  EXPECT_FALSE(g.action(id + 100));
}

TEST_P(GovernanceStoreConformance, ACardMovesFromRaisedToAnsweredWithItsHistory) {
  store_->upgrade();
  auto& g = store_->governance();
  store::Card c;
  c.la = "887";
  c.raised_at = at(1000);
  c.raised_by = "pat";
  c.raised_by_role = "participation";
  c.challenge = "Why do we have to ask three times for our bus passes?";
  c.theme = "education-work";
  c.addressed_to = "Head of Transport";
  const auto id = g.add_card(c, event(1000, "raised", "raised"));
  auto card = *g.card(id);
  EXPECT_EQ(card.updated_at, at(1000));
  card.status = "answered";
  card.response = "Bus passes now come with your school place";
  card.approved_at = at(2000);
  card.approved_by = "pat";
  card.updated_at = at(2000);
  EXPECT_TRUE(g.update_card(card, at(1000), event(2000, "approved", "answered")));
  EXPECT_FALSE(g.update_card(card, at(1000), event(2001, "approved", "answered")));
  auto back = *g.card(id);
  EXPECT_EQ(back.status, "answered");
  EXPECT_EQ(back.approved_at, at(2000));
  EXPECT_EQ(back.challenge, c.challenge);
  EXPECT_EQ(g.card_events(id).size(), 2u);
  EXPECT_EQ(g.cards("887").size(), 1u);
  EXPECT_TRUE(g.cards("999").empty());
}

TEST_P(GovernanceStoreConformance, AMeetingKeepsItsAgendaAttendanceAndDecisions) {
  store_->upgrade();
  auto& g = store_->governance();
  store::Meeting m;
  m.la = "887";
  m.held_on = model::make_date(2026, 1, 27);
  m.title = "Corporate Parenting Board";
  m.theme = "health-support";
  m.agenda = {{"Scorecard", "scorecard"}, {"Health annual report", "health"}};
  m.attendance = {{"Cllr Alex Morgan", "present"}, {"Cllr Jo Patel", "apologies"}};
  m.created_at = m.updated_at = at(1000);
  const auto id = g.add_meeting(m);
  auto back = *g.meeting(id);
  ASSERT_EQ(back.agenda.size(), 2u);
  EXPECT_EQ(back.agenda[1].detail, "health");
  EXPECT_EQ(back.attendance[1].detail, "apologies");
  back.status = "held";
  back.decisions = {{"Agreed three actions for the health theme", ""}};
  back.agenda.pop_back();
  back.updated_at = at(2000);
  EXPECT_TRUE(g.update_meeting(back, at(1000)));
  EXPECT_FALSE(g.update_meeting(back, at(1000)));
  auto again = *g.meeting(id);
  EXPECT_EQ(again.status, "held");
  EXPECT_EQ(again.agenda.size(), 1u);
  EXPECT_EQ(again.decisions.size(), 1u);
  EXPECT_EQ(g.meetings("887").size(), 1u);
}

TEST_P(GovernanceStoreConformance, AReportReceivedAndAFigureEnteredAreReplacedForTheSamePeriod) {
  store_->upgrade();
  auto& g = store_->governance();
  g.receive_report({0, "887", "scorecard", model::make_date(2025, 6, 30),
                    model::make_date(2025, 7, 2), "olive", "scorecard-q1.pdf", ""});
  g.receive_report({0, "887", "scorecard", model::make_date(2025, 6, 30),
                    model::make_date(2025, 6, 28), "olive", "scorecard-q1-v2.pdf", "resent"});
  g.receive_report({0, "887", "iro", model::make_date(2025, 9, 30), model::make_date(2025, 9, 1),
                    "olive", "iro.pdf", ""});
  auto receipts = g.report_receipts("887");
  ASSERT_EQ(receipts.size(), 2u);
  EXPECT_EQ(receipts[0].document, "scorecard-q1-v2.pdf");
  EXPECT_EQ(receipts[0].received, model::make_date(2025, 6, 28));
  g.put_manual_value({0, "887", "advocacy-partner", model::make_date(2025, 6, 30), 82.5,
                      "Q1 report", "olive", at(1000)});
  g.put_manual_value({0, "887", "advocacy-partner", model::make_date(2025, 6, 30), 0.1, "corrected",
                      "olive", at(1100)});
  auto values = g.manual_values("887");
  ASSERT_EQ(values.size(), 1u);
  EXPECT_DOUBLE_EQ(values[0].value, 0.1);
  EXPECT_EQ(values[0].note, "corrected");
}

TEST_P(GovernanceStoreConformance, AnyBytesAUserSendsAreStoredAsValidText) {
  store_->upgrade();
  auto& g = store_->governance();
  std::mt19937 rng(17);
  for (int i = 0; i < 20; ++i) {
    auto a = action(hostile_bytes(rng, 200), model::make_date(2026, 1, 1));
    a.evidence = hostile_bytes(rng, 500);
    const auto id = g.add_action(a, event(1000, "created", "open"));
    auto back = *g.action(id);
    EXPECT_TRUE(model::is_utf8(back.title));
    EXPECT_TRUE(model::is_utf8(back.evidence));
    EXPECT_EQ(back.title.find('\0'), std::string::npos);
  }
}

}  // namespace

HEARTH_ON_EVERY_BACKEND(GovernanceStoreConformance);

}  // namespace hearth::store_test
