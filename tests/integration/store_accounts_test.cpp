// AccountStore's conformance suite, on SQLite and PostgreSQL: users, failed and good sign-ins,
// login attempts by address, and sessions. (The decisions built on them — lockout, expiry — are
// tested in tests/unit/auth; here, that each backend keeps the records the same way.)
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "services/errors.hpp"
#include "store_fixture.hpp"

namespace hearth::store_test {
namespace {

// Instants as the tests write them: Unix seconds, or the ISO text the users table keeps.
model::Instant secs(std::int64_t s) {
  return model::from_unix_seconds(s);
}
model::Instant iso(const char* text) {
  return model::parse_instant(text).value();
}

store::UserRecord user(const std::string& name, const std::string& role = "worker") {
  store::UserRecord u;
  u.username = name;
  u.display_name = "Name of " + name;
  u.role = role;
  u.password_hash = "$argon2id$hash-of-" + name;
  u.councils = {"887"};
  u.worker = "W" + name;
  u.created_at = iso("2026-01-02T03:04:05Z");
  return u;
}

store::SessionRecord session(const std::string& token, std::int64_t user_id, std::int64_t created,
                             std::int64_t seen) {
  store::SessionRecord s;
  s.token_hash = token;
  s.user_id = user_id;
  s.csrf = "csrf-" + token;
  s.created = secs(created);
  s.last_seen = secs(seen);
  s.ip = "192.0.2.7";
  s.user_agent = "Mozilla/5.0 (test)";
  return s;
}

class AccountStoreConformance : public StoreTest {};

TEST_P(AccountStoreConformance, UsersAreAddedFoundListedAndUpdated) {
  store_->upgrade();
  auto mo = user("mo", "manager");
  mo.teams = {"Children in Care 1", "Permanence"};
  mo.councils = {"887", "201"};
  const auto mo_id = store_->add_user(mo);
  const auto ann_id = store_->add_user(user("ann"));
  EXPECT_NE(mo_id, ann_id);
  auto found = store_->find_user("mo");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, mo_id);
  EXPECT_EQ(found->display_name, "Name of mo");
  EXPECT_EQ(found->role, "manager");
  EXPECT_EQ(found->password_hash, "$argon2id$hash-of-mo");
  EXPECT_EQ(found->councils, (std::vector<std::string>{"887", "201"}));
  EXPECT_EQ(found->teams, (std::vector<std::string>{"Children in Care 1", "Permanence"}));
  EXPECT_EQ(found->worker, "Wmo");
  EXPECT_FALSE(found->disabled);
  EXPECT_FALSE(store_->find_user("MO")) << "usernames are matched exactly";
  EXPECT_FALSE(store_->find_user("nobody"));
  ASSERT_TRUE(store_->user_by_id(ann_id));
  EXPECT_EQ(store_->user_by_id(ann_id)->username, "ann");
  EXPECT_FALSE(store_->user_by_id(ann_id + mo_id + 100));
  auto all = store_->list_users();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].username, "ann") << "listed by username";
  EXPECT_EQ(all[1].username, "mo");

  // Everything but id, username and created_at is written back.
  found->display_name = "Mo Manager";
  found->role = "analyst";
  found->teams = {};
  found->councils = {"201"};
  found->disabled = true;
  found->child = "";
  found->password_changed_at = iso("2026-02-01T00:00:00Z");
  found->username = "renamed";
  found->created_at = iso("1999-01-01T00:00:00Z");
  store_->update_user(*found);
  auto again = store_->user_by_id(mo_id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->username, "mo");
  EXPECT_EQ(again->created_at, iso("2026-01-02T03:04:05Z"));
  EXPECT_EQ(again->display_name, "Mo Manager");
  EXPECT_EQ(again->role, "analyst");
  EXPECT_TRUE(again->teams.empty());
  EXPECT_EQ(again->councils, std::vector<std::string>{"201"});
  EXPECT_TRUE(again->disabled);
  EXPECT_EQ(again->password_changed_at, iso("2026-02-01T00:00:00Z"));
}

TEST_P(AccountStoreConformance, ATakenUsernameIsAConflict) {
  store_->upgrade();
  store_->add_user(user("ann"));
  try {
    store_->add_user(user("ann", "analyst"));
    FAIL() << "a second ann was added";
  } catch (const services::Error& e) {
    EXPECT_EQ(e.kind(), services::ErrorKind::Conflict);
  }
  EXPECT_EQ(store_->list_users().size(), 1u);
  EXPECT_EQ(store_->find_user("ann")->role, "worker") << "the first ann is unchanged";
}

TEST_P(AccountStoreConformance, FailedSignInsCountUpAndLockAGoodOneClears) {
  store_->upgrade();
  const auto id = store_->add_user(user("ann"));
  EXPECT_EQ(store_->note_failed_login(id, 3, iso("2026-01-01T01:00:00Z")), 1);
  EXPECT_EQ(store_->note_failed_login(id, 3, iso("2026-01-01T01:00:00Z")), 2);
  EXPECT_FALSE(store_->find_user("ann")->locked_until.has_value()) << "not locked before the third";
  EXPECT_EQ(store_->note_failed_login(id, 3, iso("2026-01-01T01:00:00Z")), 3);
  auto locked = store_->find_user("ann");
  EXPECT_EQ(locked->failed_logins, 3);
  EXPECT_EQ(locked->locked_until, iso("2026-01-01T01:00:00Z"));
  store_->note_good_login(id, iso("2026-01-01T02:00:00Z"));
  auto clear = store_->find_user("ann");
  EXPECT_EQ(clear->failed_logins, 0);
  EXPECT_FALSE(clear->locked_until.has_value());
  EXPECT_EQ(clear->last_login_at, iso("2026-01-01T02:00:00Z"));
}

TEST_P(AccountStoreConformance, LoginAttemptsAreCountedByAddressAndUsername) {
  store_->upgrade();
  const std::string here = "192.0.2.1", there = "198.51.100.9";
  store_->record_login_attempt(here, "ann", false, secs(100), secs(0));
  store_->record_login_attempt(here, "ann", false, secs(110), secs(0));
  store_->record_login_attempt(here, "bob", false, secs(120), secs(0));
  store_->record_login_attempt(there, "ann", false, secs(130), secs(0));
  EXPECT_EQ(store_->failed_logins_from(here, secs(0)), 3);
  EXPECT_EQ(store_->failed_logins_from(here, secs(110)), 2) << "since is inclusive";
  EXPECT_EQ(store_->failed_logins_from(there, secs(0)), 1);
  auto f = store_->login_failures(here, "ann", secs(0), secs(0));
  EXPECT_EQ(f.here, 2);
  EXPECT_EQ(f.everywhere, 3);
  EXPECT_FALSE(f.known_address);
  // A good sign-in from here: failures before it no longer count here, and the address is known
  // from then on.
  store_->record_login_attempt(here, "ann", true, secs(140), secs(0));
  store_->record_login_attempt(here, "ann", false, secs(150), secs(0));
  f = store_->login_failures(here, "ann", secs(0), secs(140));
  EXPECT_EQ(f.here, 1);
  EXPECT_EQ(f.everywhere, 4);
  EXPECT_TRUE(f.known_address);
  EXPECT_FALSE(store_->login_failures(here, "ann", secs(0), secs(141)).known_address);
  EXPECT_FALSE(store_->login_failures(there, "ann", secs(0), secs(0)).known_address);
  // An administrator's reset forgets the user's failures (not another user's).
  store_->clear_login_failures("ann");
  EXPECT_EQ(store_->login_failures(there, "ann", secs(0), secs(0)).everywhere, 0);
  EXPECT_EQ(store_->failed_logins_from(here, secs(0)), 1) << "bob's failure stays";
  // Recording forgets attempts older than `forget_before`.
  store_->record_login_attempt(there, "carol", false, secs(1000), secs(125));
  EXPECT_EQ(store_->failed_logins_from(here, secs(0)), 0) << "bob's, at 120, was forgotten";
  EXPECT_EQ(store_->failed_logins_from(there, secs(0)), 1);
}

TEST_P(AccountStoreConformance, SessionsAreFoundTouchedAndEnded) {
  store_->upgrade();
  const auto ann = store_->add_user(user("ann"));
  const auto bob = store_->add_user(user("bob"));
  store_->add_session(session("t-ann-1", ann, 1000, 1000));
  store_->add_session(session("t-ann-2", ann, 1100, 1100));
  store_->add_session(session("t-bob-old", bob, 100, 200));
  store_->add_session(session("t-bob-idle", bob, 5000, 300));
  auto s = store_->find_session("t-ann-1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->user_id, ann);
  EXPECT_EQ(s->csrf, "csrf-t-ann-1");
  EXPECT_EQ(s->created, secs(1000));
  EXPECT_EQ(s->ip, "192.0.2.7");
  EXPECT_EQ(s->user_agent, "Mozilla/5.0 (test)");
  EXPECT_FALSE(store_->find_session("t-nobody"));
  store_->touch_session("t-ann-1", secs(4000));
  EXPECT_EQ(store_->find_session("t-ann-1")->last_seen, secs(4000));
  EXPECT_EQ(store_->find_session("t-ann-1")->created, secs(1000)) << "touching keeps when it began";
  // Created before 500, or idle since before 400: bob's two.
  EXPECT_EQ(store_->delete_expired_sessions(secs(500), secs(400)), 2);
  EXPECT_FALSE(store_->find_session("t-bob-old"));
  EXPECT_FALSE(store_->find_session("t-bob-idle"));
  EXPECT_TRUE(store_->find_session("t-ann-2"));
  store_->delete_session("t-ann-2");
  EXPECT_FALSE(store_->find_session("t-ann-2"));
  store_->add_session(session("t-ann-3", ann, 4100, 4100));
  EXPECT_EQ(store_->delete_user_sessions(ann), 2);
  EXPECT_FALSE(store_->find_session("t-ann-1"));
  EXPECT_EQ(store_->delete_user_sessions(ann), 0);
}

// What GET /metrics reads (docs/operations.md): sessions created and seen recently enough count
// as active; on a store with nothing else, every other count is empty.
TEST_P(AccountStoreConformance, MonitoringCountsTheActiveSessionsAndTheRestOfTheStore) {
  store_->upgrade();
  const auto ann = store_->add_user(user("ann"));
  store_->add_session(session("t-live", ann, 1000, 4000));
  store_->add_session(session("t-old", ann, 100, 4000));   // begun too long ago
  store_->add_session(session("t-idle", ann, 1000, 300));  // unused too long
  const auto c = store_->ops_counts(500, 400, secs(5000), true);
  EXPECT_EQ(c.sessions_active, 1);
  EXPECT_TRUE(c.imports.empty());
  EXPECT_TRUE(c.uploads.empty());
  EXPECT_TRUE(c.findings.empty());
  EXPECT_TRUE(c.alerts_open.empty());
  EXPECT_EQ(c.alerts_overdue, 0);
  EXPECT_EQ(c.alert_escalations, 0);
  EXPECT_EQ(c.mail_unsent, 0);
  store_->add_session(session("t-new", ann, 4500, 4500));
  EXPECT_EQ(store_->ops_counts(500, 400, secs(5000), false).sessions_active, 2);
}

HEARTH_ON_EVERY_BACKEND(AccountStoreConformance);

}  // namespace
}  // namespace hearth::store_test
