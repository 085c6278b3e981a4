// VoiceStore's conformance suite, on SQLite and PostgreSQL: invitations taken once, statements
// with their alert and who was told stored together, replies counted and seen, an alert
// acknowledged once and escalated once however many try, the mail outbox claimed, sent and
// retried, and every sealed text re-sealed at once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store_fixture.hpp"

namespace hearth::store_test {
namespace {

class VoiceStoreConformance : public StoreTest {
 protected:
  static model::Instant at(std::int64_t s) { return model::from_unix_seconds(s); }

  store::Statement statement(const std::string& child, std::int64_t when, bool unsafe = false) {
    store::Statement s;
    s.la = "887";
    s.child = child;
    s.user_id = 7;
    s.created_at = at(when);
    s.mood = unsafe ? "scared" : "good";
    s.topic = "school";
    s.unsafe = unsafe;
    s.text_box = "v1:k1:sealed-" + child + std::to_string(when);
    return s;
  }

  // An alert about C1 of council 887, raised at `raised`, due at `due`.
  static store::Alert alert(std::int64_t raised, std::int64_t due) {
    store::Alert a;
    a.la = "887";
    a.child = "C1";
    a.raised_at = at(raised);
    a.due_at = at(due);
    return a;
  }

  store::Telling telling(const std::string& who, bool mail) {
    store::Telling t;
    store::AlertEvent e;
    e.kind = "told";
    e.user_id = 3;
    e.username = who;
    e.name = who + " (name)";
    t.told.push_back(e);
    if (mail) {
      store::Mail m;
      m.to_user = 3;
      m.to_name = who + " (name)";
      m.to_address = who + "@example.org";
      m.subject = "Hearth: a child does not feel safe";
      m.body = "Sign in to read it.";
      t.mail.push_back(m);
    }
    return t;
  }
};

TEST_P(VoiceStoreConformance, AnInvitationIsTakenOnceAndOnlyBeforeItEnds) {
  store_->upgrade();
  auto& v = store_->voice();
  store::Invitation inv;
  inv.la = "887";
  inv.child = "C1";
  inv.created_by = "sam";
  inv.created_at = at(1000);
  inv.expires_at = at(2000);
  EXPECT_GT(v.add_invitation(inv, "hash-1"), 0);
  ASSERT_TRUE(v.find_invitation("hash-1"));
  EXPECT_FALSE(v.find_invitation("hash-2"));
  store::UserRecord u;
  u.username = "yp1";
  u.display_name = "Jo";
  u.role = "young_person";
  u.councils = {"887"};
  u.child = "C1";
  // Too late: nothing taken, no account.
  EXPECT_FALSE(v.redeem_invitation("hash-1", at(2000), u));
  EXPECT_FALSE(store_->find_user("yp1"));
  auto id = v.redeem_invitation("hash-1", at(1500), u);
  ASSERT_TRUE(id);
  EXPECT_EQ(store_->find_user("yp1")->id, *id);
  EXPECT_EQ(store_->find_user("yp1")->child, "C1");
  auto used = v.find_invitation("hash-1");
  ASSERT_TRUE(used->used_at);
  EXPECT_EQ(used->used_by, *id);
  u.username = "yp2";
  EXPECT_FALSE(v.redeem_invitation("hash-1", at(1600), u));  // used
  EXPECT_FALSE(store_->find_user("yp2"));
}

TEST_P(VoiceStoreConformance, AStatementWithItsAlertAndWhoWasToldIsStoredTogether) {
  store_->upgrade();
  auto& v = store_->voice();
  auto quiet = v.add_statement(statement("C1", 100), nullptr, {});
  auto a = alert(200, 86600);
  auto loud = v.add_statement(statement("C1", 200, true), &a, telling("sam", true));
  EXPECT_GT(a.id, 0);
  EXPECT_EQ(a.statement_id, loud);
  v.add_statement(statement("C2", 300), nullptr, {});

  auto all = v.statements("887", "");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].child, "C2");  // newest first
  auto mine = v.statements("887", "C1");
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].id, loud);
  EXPECT_TRUE(mine[0].unsafe);
  EXPECT_EQ(mine[0].alert_id, a.id);
  EXPECT_FALSE(mine[0].alert_acknowledged);
  EXPECT_EQ(mine[0].alert_due_at, at(86600));
  EXPECT_EQ(mine[1].id, quiet);
  EXPECT_EQ(mine[1].alert_id, 0);
  EXPECT_EQ(mine[1].text_box, "v1:k1:sealed-C1100");
  EXPECT_TRUE(v.statements("201", "").empty());

  auto events = v.alert_events(a.id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].username, "sam");
  EXPECT_EQ(events[0].level, 0);
  auto mail = v.alert_mail(a.id);
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].to_address, "sam@example.org");
  EXPECT_FALSE(mail[0].sent_at);
}

TEST_P(VoiceStoreConformance, RepliesAreCountedReadAndSeen) {
  store_->upgrade();
  auto& v = store_->voice();
  auto id = v.add_statement(statement("C1", 100), nullptr, {});
  EXPECT_FALSE(v.statement(id)->first_read_at);
  v.mark_statement_read(id, at(150));
  v.mark_statement_read(id, at(999));  // the first read stays
  EXPECT_EQ(*v.statement(id)->first_read_at, at(150));
  store::Reply r;
  r.statement_id = id;
  r.user_id = 3;
  r.author = "Sam";
  r.at = at(200);
  r.text_box = "v1:k1:reply";
  EXPECT_GT(v.add_reply(r), 0);
  r.at = at(300);
  v.add_reply(r);
  auto s = v.statement(id);
  EXPECT_EQ(s->replies, 2);
  EXPECT_EQ(s->unseen_replies, 2);
  EXPECT_EQ(*s->first_reply_at, at(200));
  EXPECT_EQ(*s->last_reply_at, at(300));
  v.mark_replies_seen(id, at(400));
  EXPECT_EQ(v.statement(id)->unseen_replies, 0);
  auto replies = v.replies(id);
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0].author, "Sam");
  EXPECT_EQ(*replies[1].seen_at, at(400));
}

TEST_P(VoiceStoreConformance, AnAlertIsAcknowledgedOnceAndEscalatedOnceAtALevel) {
  store_->upgrade();
  auto& v = store_->voice();
  auto a = alert(100, 1000);
  v.add_statement(statement("C1", 100, true), &a, telling("sam", false));
  EXPECT_TRUE(v.alerts_due(at(999)).empty());
  ASSERT_EQ(v.alerts_due(at(1000)).size(), 1u);
  EXPECT_TRUE(v.escalate_alert(a.id, 0, at(5000), at(1000), telling("boss", true)));
  EXPECT_FALSE(v.escalate_alert(a.id, 0, at(6000), at(1001), telling("boss", true)));
  auto now = v.alert(a.id);
  EXPECT_EQ(now->level, 1);
  EXPECT_EQ(now->due_at, at(5000));
  EXPECT_EQ(v.alert_mail(a.id).size(), 1u);
  EXPECT_TRUE(v.alerts_due(at(4999)).empty());
  ASSERT_EQ(v.alerts("887", true).size(), 1u);
  EXPECT_TRUE(v.acknowledge_alert(a.id, at(2000), "sam", "v1:k1:action"));
  EXPECT_FALSE(v.acknowledge_alert(a.id, at(2001), "boss", "v1:k1:other"));
  EXPECT_FALSE(v.escalate_alert(a.id, 1, at(9000), at(5000), telling("top", true)));
  EXPECT_TRUE(v.alerts_due(at(99999)).empty());
  EXPECT_TRUE(v.alerts("887", true).empty());
  auto done = v.alert(a.id);
  EXPECT_EQ(done->acknowledged_by, "sam");
  EXPECT_EQ(done->action_box, "v1:k1:action");
  std::vector<std::string> kinds;
  for (const auto& e : v.alert_events(a.id)) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"told", "escalated", "told", "acknowledged"}));
}

TEST_P(VoiceStoreConformance, ManyConnectionsEscalatingTheSameAlertMoveItOnce) {
  store_->upgrade();
  auto a = alert(100, 1000);
  store_->voice().add_statement(statement("C1", 100, true), &a, telling("sam", false));
  std::atomic<int> moved{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      auto st = store::open_store(db_->url());
      if (st->voice().escalate_alert(a.id, 0, at(5000 + i), at(1000), telling("boss", true)))
        ++moved;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(moved.load(), 1);
  EXPECT_EQ(store_->voice().alert(a.id)->level, 1);
  EXPECT_EQ(store_->voice().alert_mail(a.id).size(), 1u);
}

TEST_P(VoiceStoreConformance, MailIsClaimedSentOrRetriedLater) {
  store_->upgrade();
  auto& v = store_->voice();
  auto a = alert(100, 1000);
  v.add_statement(statement("C1", 100, true), &a, telling("sam", true));
  auto due = v.mail_due(at(100), 10);
  ASSERT_EQ(due.size(), 1u);
  const auto id = due[0].id;
  EXPECT_TRUE(v.claim_mail(id, at(100), at(400)));
  EXPECT_FALSE(v.claim_mail(id, at(200), at(500)));  // held
  EXPECT_TRUE(v.mail_due(at(200), 10).empty());
  v.mail_failed(id, "connection refused", at(700));
  EXPECT_TRUE(v.mail_due(at(600), 10).empty());
  ASSERT_EQ(v.mail_due(at(700), 10).size(), 1u);
  EXPECT_EQ(v.alert_mail(a.id)[0].last_error, "connection refused");
  EXPECT_EQ(v.alert_mail(a.id)[0].attempts, 1);
  EXPECT_TRUE(v.claim_mail(id, at(700), at(900)));
  v.mail_sent(id, at(710));
  EXPECT_TRUE(v.mail_due(at(99999), 10).empty());
  auto m = v.alert_mail(a.id)[0];
  EXPECT_EQ(*m.sent_at, at(710));
  EXPECT_EQ(m.attempts, 2);
  EXPECT_EQ(m.last_error, "");
}

TEST_P(VoiceStoreConformance, EverySealedTextIsResealedTogether) {
  store_->upgrade();
  auto& v = store_->voice();
  auto a = alert(100, 1000);
  auto id = v.add_statement(statement("C1", 100, true), &a, {});
  store::Reply r;
  r.statement_id = id;
  r.at = at(200);
  r.text_box = "v1:k1:reply";
  v.add_reply(r);
  v.acknowledge_alert(a.id, at(300), "sam", "v1:k1:action");
  auto boxes = v.sealed_texts();
  ASSERT_EQ(boxes.size(), 3u);
  for (auto& b : boxes) b.box = "v1:k2:" + b.table;
  v.reseal(boxes);
  EXPECT_EQ(v.statement(id)->text_box, "v1:k2:statements");
  EXPECT_EQ(v.replies(id)[0].text_box, "v1:k2:statement_replies");
  EXPECT_EQ(v.alert(a.id)->action_box, "v1:k2:alerts");
}

TEST_P(VoiceStoreConformance, SurveyAnswersAreKeptOnceAndApartFromWhoGaveThem) {
  store_->upgrade();
  auto& v = store_->voice();
  EXPECT_FALSE(v.has_answered("wellbeing", 7));
  EXPECT_TRUE(v.add_survey_response(7, {"wellbeing", "887", "2026-05-01", R"({"happy":"happy"})"}));
  EXPECT_FALSE(v.add_survey_response(7, {"wellbeing", "887", "2026-05-02", R"({"happy":"okay"})"}))
      << "once";
  EXPECT_TRUE(v.has_answered("wellbeing", 7));
  EXPECT_TRUE(v.add_survey_response(7, {"care_leavers", "887", "2026-05-01", "{}"}));
  EXPECT_TRUE(v.add_survey_response(8, {"wellbeing", "887", "2026-05-01", R"({"happy":"okay"})"}));
  auto all = v.survey_responses("887");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_TRUE(v.survey_responses("201").empty());
  // Nothing in the answers' table says who gave them.
  soci::session sql;
  if (GetParam() == "sqlite")
    sql.open("sqlite3", "db=\"" + db_->url().substr(7) + "\" timeout=30");
  else
    sql.open("postgresql", store::postgres_conninfo(db_->url()));
  soci::rowset<soci::row> cols =
      (sql.prepare << "SELECT * FROM survey_responses WHERE answers = '{\"happy\":\"happy\"}'");
  int rows = 0;
  for (const auto& r : cols) {
    ++rows;
    for (std::size_t i = 0; i < r.size(); ++i) {
      const std::string name = r.get_properties(i).get_name();
      EXPECT_TRUE(name == "id" || name == "survey" || name == "la" || name == "answered_on" ||
                  name == "answers")
          << name;
    }
  }
  EXPECT_EQ(rows, 1);
}

TEST_P(VoiceStoreConformance, StandardsRatingsKeepTheTeamAndWhenEachRaterLastRated) {
  store_->upgrade();
  auto& v = store_->voice();
  EXPECT_EQ(v.last_rated(7), "");
  v.add_standards_rating(7, {"887", "Team A", "2026-05-01", R"({"honest":5})"});
  v.add_standards_rating(7, {"887", "Team A", "2026-06-01", R"({"honest":4})"});
  v.add_standards_rating(8, {"887", "Team B", "2026-06-02", R"({"honest":3})"});
  EXPECT_EQ(v.last_rated(7), "2026-06-01");
  auto all = v.standards_ratings("887");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].team, "Team A");
  EXPECT_EQ(all[2].team, "Team B");
}

HEARTH_ON_EVERY_BACKEND(VoiceStoreConformance);

}  // namespace
}  // namespace hearth::store_test
