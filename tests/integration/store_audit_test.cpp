// AuditLog's conformance suite, on SQLite and PostgreSQL: one hash chain whoever appends, read back
// in pages, whole whatever bytes its fields hold.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "auth/audit.hpp"
#include "store_fixture.hpp"

namespace hearth::store_test {
namespace {

class AuditLogConformance : public StoreTest {};

TEST_P(AuditLogConformance, AnyBytesInEveryAuditedFieldKeepTheChainWhole) {
  store_->upgrade();
  std::mt19937 rng(13);
  for (int i = 0; i < 300; ++i) {
    store::AuditEntry e;
    e.actor = hostile_bytes(rng, 12);
    e.role = hostile_bytes(rng, 4);
    e.action = hostile_bytes(rng, 6);
    e.resource = hostile_bytes(rng, 12);
    e.outcome = hostile_bytes(rng, 3);
    e.detail = hostile_bytes(rng, 20);
    if (i % 7 == 0) e.at = model::from_unix_seconds(i);  // the epoch's neighbourhood
    auto written = store_->append_audit(e);
    auto back = store_->read_audit(written.seq, 1);
    ASSERT_EQ(back.size(), 1u);
    // What was hashed is exactly what was stored.
    EXPECT_EQ(back[0].actor, written.actor) << i;
    EXPECT_EQ(back[0].detail, written.detail) << i;
    EXPECT_EQ(back[0].hash, store::audit_hash(back[0])) << "entry " << written.seq;
    for (const auto* f : {&back[0].actor, &back[0].role, &back[0].action, &back[0].resource,
                          &back[0].outcome, &back[0].detail}) {
      EXPECT_TRUE(valid_utf8_without_nul(*f)) << i;
      for (unsigned char c : *f) EXPECT_FALSE(c < 0x20 || c == 0x7f) << "raw control in " << i;
    }
  }
  // The reproduction: a NUL in a username, kept visible and hashed as stored.
  store::AuditEntry nul;
  nul.actor = std::string("nul\0user", 8);
  nul.action = "session.login";
  auto w = store_->append_audit(nul);
  EXPECT_EQ(w.actor, "nul\\u0000user");
  auto v = auth::verify_audit(*store_);
  EXPECT_TRUE(v.ok()) << (v.problems.empty() ? "" : v.problems.front().what);
  EXPECT_EQ(v.entries, 301);
}

// The web server's workers each have a connection and every audited read appends an entry:
// appenders on many connections at once (and other writes between them) take turns on the
// chain's head, so the chain verifies and no entry is lost or numbered twice.
TEST_P(AuditLogConformance, ConcurrentAuditAppendsKeepOneWholeChain) {
  store_->upgrade();
  constexpr int kThreads = 8, kEach = 60;
  std::atomic<int> failures{0};
  std::string first_error;
  std::mutex mu;
  auto appender = [&](int t) {
    try {
      auto st = store::open_store(db_->url());
      for (int i = 0; i < kEach; ++i) {
        store::AuditEntry e;
        e.actor = "worker" + std::to_string(t);
        e.role = "worker";
        e.action = "child.read";
        e.resource = "child/887/C" + std::to_string(i);
        e.outcome = "allowed";
        st->append_audit(e);
        if (i % 10 == 0) st->set_meta("thread" + std::to_string(t), std::to_string(i));
      }
    } catch (const std::exception& e) {
      ++failures;
      std::lock_guard lk(mu);
      if (first_error.empty()) first_error = e.what();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(appender, t);
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0) << first_error;
  auto v = auth::verify_audit(*store_);
  EXPECT_TRUE(v.ok()) << (v.problems.empty() ? "" : v.problems.front().what);
  EXPECT_EQ(v.entries, kThreads * kEach);
  EXPECT_EQ(store_->audit_head().first, kThreads * kEach);
  auto all = store_->read_audit(1, kThreads * kEach + 10);
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kThreads * kEach));
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].seq, static_cast<long long>(i + 1));
}

TEST_P(AuditLogConformance, EntriesAreReadInPagesAndTheHeadIsTheLastWritten) {
  store_->upgrade();
  EXPECT_EQ(store_->audit_head(), (std::pair<std::int64_t, std::string>{0, ""}));
  EXPECT_TRUE(store_->read_audit(1, 10).empty());
  for (int i = 1; i <= 25; ++i) {
    store::AuditEntry e;
    e.at = i == 1 ? model::parse_instant("2026-03-04T05:06:07.089Z").value() : model::Instant{};
    e.actor = "ann";
    e.role = "worker";
    e.action = "child.read";
    e.resource = "child:887/" + std::to_string(i);
    e.outcome = "ok";
    e.detail = "{}";
    auto stored = store_->append_audit(e);
    EXPECT_EQ(stored.seq, i);
    EXPECT_NE(stored.at, model::Instant{}) << "the time is filled in when not given";
  }
  std::vector<store::AuditEntry> all;
  for (std::int64_t from = 1;;) {
    auto page = store_->read_audit(from, 10);
    if (page.empty()) break;
    EXPECT_LE(page.size(), 10u);
    from = page.back().seq + 1;
    all.insert(all.end(), page.begin(), page.end());
  }
  ASSERT_EQ(all.size(), 25u);
  EXPECT_EQ(model::format_instant_ms(all[0].at), "2026-03-04T05:06:07.089Z")
      << "a time given is kept";
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].seq, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(all[i].resource, "child:887/" + std::to_string(i + 1));
    EXPECT_EQ(all[i].prev_hash, i == 0 ? "" : all[i - 1].hash);
    EXPECT_EQ(all[i].hash, store::audit_hash(all[i]));
  }
  EXPECT_EQ(store_->read_audit(21, 10).size(), 5u);
  EXPECT_EQ(store_->audit_head(), (std::pair<std::int64_t, std::string>{25, all.back().hash}));
  EXPECT_TRUE(auth::verify_audit(*store_).ok());
}

HEARTH_ON_EVERY_BACKEND(AuditLogConformance);

}  // namespace
}  // namespace hearth::store_test
