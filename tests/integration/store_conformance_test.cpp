// One conformance suite, run against every store backend (SQLite and PostgreSQL): whatever
// passes here behaves the same on both.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <mutex>
#include <random>
#include <thread>

#include "auth/audit.hpp"
#include "ingest/import.hpp"
#include "ingest/snapshot.hpp"
#include "model/text.hpp"
#include "ssda903/writer.hpp"
#include "store/driver.hpp"
#include "store/store.hpp"
#include "support.hpp"
#include "synth/generator.hpp"

namespace hearth {
namespace {

using model::CollectionYear;
using testing::TestDatabase;

// Every table of a return as the 903 CSV text: two returns are equal when these are.
std::string as_text(const model::Return& r) {
  std::string all;
  for (const auto& t : ssda903::all_tables()) {
    all += std::string(t.name) + "\n";
    all += ssda903::write_csv(t.kind, r);
  }
  return all;
}

model::Return small_return(const std::string& la, int year) {
  model::Return r;
  r.la = la;
  r.year = CollectionYear{year};
  model::ChildHeader h;
  h.child = "C1";
  h.sex = model::parse_code<model::Sex>(year >= 2025 ? "M" : "1");
  h.dob = model::make_date(2012, 5, 17);
  h.ethnic = model::parse_code<model::Ethnicity>("WBRI");
  h.upn = "A123456789012";
  r.header.push_back(h);
  model::Episode e;
  e.child = "C1";
  e.decom = model::make_date(year - 1, 6, 2);
  e.rne = model::parse_code<model::ReasonNewEpisode>("S");
  e.ls = model::parse_code<model::LegalStatus>("C2");
  e.cin = model::parse_code<model::CategoryOfNeed>("N1");
  e.place = model::parse_code<model::PlacementType>("U4");
  e.place_provider = model::parse_code<model::PlacementProvider>("PR1");
  e.home_post = "ME7 1AA";
  e.pl_post = "ME8 2BB";
  e.urn = "XXXXXXX";
  r.episodes.push_back(e);
  model::Review v;
  v.child = "C1";
  v.dob = h.dob;
  v.review = model::make_date(year - 1, 6, 30);
  v.review_code = model::parse_code<model::ReviewParticipation>("PN1");
  r.reviews.push_back(v);
  return r;
}

// Runs one statement on a second, raw connection to the test database, behind the store's back.
void raw_exec(const std::string& backend, const std::string& url, const std::string& sql) {
  soci::session raw;
  if (backend == "sqlite")
    raw.open("sqlite3", "db=\"" + url.substr(7) + "\" timeout=30");
  else
    raw.open("postgresql", store::postgres_conninfo(url));
  raw << sql;
}

class StoreConformance : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    HEARTH_REQUIRE_DB(*db_);
    store_ = store::open_store(db_->url());
  }
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<store::Store> store_;
};

TEST_P(StoreConformance, EmptyDatabaseHasSchemaVersionZeroAndUpgradesToCurrent) {
  EXPECT_EQ(store_->schema_version(), 0);
  auto applied = store_->upgrade();
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied.back(), store::kSchemaVersion);
  EXPECT_EQ(store_->schema_version(), store::kSchemaVersion);
  EXPECT_NO_THROW(store_->require_current_schema());
}

TEST_P(StoreConformance, UpgradeTwiceAppliesNothingTheSecondTime) {
  store_->upgrade();
  EXPECT_TRUE(store_->upgrade().empty());
}

TEST_P(StoreConformance, EmptyDatabaseIsRefusedUntilUpgraded) {
  EXPECT_THROW(store_->require_current_schema(), store::SchemaError);
}

TEST_P(StoreConformance, NewerSchemaIsRefused) {
  store_->upgrade();
  // Write a future version behind the store's back.
  raw_exec(GetParam(), db_->url(),
           "INSERT INTO hearth_schema (version, applied_at) VALUES (99, 'future')");
  auto reopened = store::open_store(db_->url());
  EXPECT_EQ(reopened->schema_version(), 99);
  EXPECT_THROW(reopened->require_current_schema(), store::SchemaError);
  EXPECT_THROW(reopened->upgrade(), store::SchemaError);
}

// Large enough that every big table spans several insert and fetch batches.
TEST_P(StoreConformance, StoredReturnLoadsBackIdentically) {
  store_->upgrade();
  synth::Options o;
  o.children = 3000;
  o.years = 2;
  o.seed = 99;
  o.la = "887";
  o.last_year = 2025;
  auto returns = synth::generate(o);
  ASSERT_EQ(returns.size(), 2u);
  for (const auto& r : returns) store_->replace_return(r, {"test", "csv", "test", false}, {});
  for (const auto& r : returns) {
    auto back = store_->load_return("887", r.year);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->total_rows(), r.total_rows());
    EXPECT_EQ(as_text(*back), as_text(r)) << "year " << r.year.label();
  }
  EXPECT_FALSE(store_->load_return("887", CollectionYear{2019}).has_value());
  EXPECT_FALSE(store_->load_return("999", CollectionYear{2025}).has_value());
}

TEST_P(StoreConformance, ReimportingAYearReplacesItAndKeepsOtherYears) {
  store_->upgrade();
  auto y24 = small_return("887", 2024);
  auto y25 = small_return("887", 2025);
  store_->replace_return(y24, {"a", "csv", "t", false}, {});
  store_->replace_return(y25, {"b", "csv", "t", false}, {});
  auto again = small_return("887", 2025);
  again.header[0].upn = "B999999999999";
  auto rec = store_->replace_return(again, {"c", "csv", "t", false}, {});
  EXPECT_EQ(rec.replaced_rows, static_cast<std::int64_t>(y25.total_rows()));
  EXPECT_EQ(store_->load_return("887", CollectionYear{2025})->header[0].upn, "B999999999999");
  EXPECT_EQ(store_->load_return("887", CollectionYear{2024})->header[0].upn, "A123456789012");
  EXPECT_EQ(store_->list_returns().size(), 2u);
  EXPECT_EQ(store_->counts().imports, 3);
}

TEST_P(StoreConformance, CouncilsAreKeptApart) {
  store_->upgrade();
  store_->replace_return(small_return("887", 2025), {"a", "csv", "t", false}, {});
  store_->replace_return(small_return("201", 2025), {"b", "csv", "t", false}, {});
  auto c = store_->counts();
  EXPECT_EQ(c.councils, 2);
  // C1 in two councils is two children; C1 in two years of one council would be one.
  EXPECT_EQ(c.children, 2);
  EXPECT_EQ(c.episodes, 2);
}

TEST_P(StoreConformance, ChildrenAndEpisodesAreCountedOnceAcrossYears) {
  store_->upgrade();
  auto a = small_return("887", 2025);
  auto b = small_return("887", 2026);
  b.episodes[0].decom = a.episodes[0].decom;  // the same episode, open across both years
  store_->replace_return(a, {"a", "csv", "t", false}, {});
  store_->replace_return(b, {"b", "csv", "t", false}, {});
  auto c = store_->counts();
  EXPECT_EQ(c.children, 1);
  EXPECT_EQ(c.episodes, 1);
}

TEST_P(StoreConformance, FindingsAreStoredWithTheirImport) {
  store_->upgrade();
  model::Finding f;
  f.rule = "ingest.bad-date";
  f.severity = model::Severity::Error;
  f.file = "episodes.csv";
  f.table = "Episodes";
  f.row = 14;
  f.column = "DECOM";
  f.value = "31/02/2024";
  f.child = "C9";
  f.message = "DECOM '31/02/2024' is not a valid date";
  f.expected = "dd/mm/yyyy";
  f.how_to_fix = "fix it";
  model::Finding w = f;
  w.severity = model::Severity::Warning;
  w.row = 0;
  std::vector<model::Finding> findings{f, w};
  auto rec = store_->replace_return(small_return("887", 2025), {"x", "csv", "t", true}, findings);
  EXPECT_EQ(rec.findings, 2);
  auto back = store_->import_findings(rec.id);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0], f);
  EXPECT_EQ(back[1], w);
  auto imports = store_->list_imports(10);
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_TRUE(imports[0].accepted_with_findings);
  EXPECT_EQ(imports[0].source, "x");
}

TEST_P(StoreConformance, AnImportThatFailsHalfwayChangesNothing) {
  store_->upgrade();
  auto base = small_return("887", 2025);
  store_->replace_return(base, {"a", "csv", "t", false}, {});
  auto before = store_->counts();
  // Hide the last 903 table so that replacing 2025 (first in the batch) fails after the other
  // tables' 2025 rows were already deleted inside the transaction.
  raw_exec(GetParam(), db_->url(), "ALTER TABLE ssda903_dolo RENAME TO dolo_hidden");
  auto y24 = small_return("887", 2024);
  auto y25 = small_return("887", 2025);
  y25.header[0].upn = "CHANGED";
  std::vector<store::Store::ReturnToStore> batch{{&y25, {"b", "csv", "t", false}, {}},
                                                 {&y24, {"b", "csv", "t", false}, {}}};
  auto failing = store::open_store(db_->url());
  EXPECT_ANY_THROW(failing->replace_returns(batch));
  failing.reset();
  raw_exec(GetParam(), db_->url(), "ALTER TABLE dolo_hidden RENAME TO ssda903_dolo");

  auto fresh = store::open_store(db_->url());
  auto after = fresh->counts();
  EXPECT_EQ(after.children, before.children);
  EXPECT_EQ(after.episodes, before.episodes);
  EXPECT_EQ(after.imports, before.imports);
  ASSERT_EQ(fresh->list_returns().size(), 1u);
  EXPECT_EQ(as_text(*fresh->load_return("887", CollectionYear{2025})), as_text(base));
  // And the store still works: the same batch now lands whole.
  fresh->replace_returns(batch);
  EXPECT_EQ(fresh->list_returns().size(), 2u);
  EXPECT_EQ(fresh->load_return("887", CollectionYear{2025})->header[0].upn, "CHANGED");
}

TEST_P(StoreConformance, MetaValuesRoundTrip) {
  store_->upgrade();
  EXPECT_FALSE(store_->meta("origin").has_value());
  store_->set_meta("origin", "hearth demo");
  EXPECT_EQ(store_->meta("origin"), std::optional<std::string>("hearth demo"));
  store_->set_meta("origin", "import");
  EXPECT_EQ(store_->meta("origin"), std::optional<std::string>("import"));
}

TEST_P(StoreConformance, SnapshotMergesYearsIntoJourneys) {
  store_->upgrade();
  synth::Options o;
  o.children = 150;
  o.years = 3;
  o.seed = 5;
  o.la = "887";
  o.last_year = 2025;
  auto returns = synth::generate(o);
  ingest::store_returns(*store_, returns, "synth", "test");
  auto ds = ingest::load_dataset(*store_);
  auto c = store_->counts();
  EXPECT_EQ(static_cast<std::int64_t>(ds->children.size()), c.children);
  EXPECT_EQ(static_cast<std::int64_t>(ds->episodes.size()), c.episodes);
  EXPECT_EQ(ds->councils, std::vector<std::string>{"887"});
  // Looked after on 31 March 2025: about the number asked for (the generator promises ±5%).
  auto cla = ds->looked_after_on(CollectionYear{2025}.end());
  EXPECT_NEAR(static_cast<double>(cla), 150.0, 150.0 * 0.08);
}

// A server that accepted an import reloads its snapshot there and then; the snapshot remembers
// which import it was read after, so the server's watcher does not build the same data twice.
TEST_P(StoreConformance, ASnapshotKnowsTheLatestImportItWasReadAfter) {
  store_->upgrade();
  ingest::Snapshot snapshot;
  snapshot.reload(*store_);
  EXPECT_EQ(snapshot.import_id(), 0);
  synth::Options o;
  o.children = 40;
  o.years = 1;
  o.seed = 9;
  o.la = "887";
  o.last_year = 2025;
  ingest::store_returns(*store_, synth::generate(o), "synth", "test");
  auto imports = store_->list_imports(1);
  ASSERT_FALSE(imports.empty());
  EXPECT_EQ(snapshot.import_id(), 0);  // not read again yet
  auto ds = snapshot.reload(*store_);
  EXPECT_EQ(snapshot.import_id(), imports.front().id);
  EXPECT_EQ(snapshot.get(), ds);
  EXPECT_FALSE(ds->children.empty());
}

// ---- any bytes a user can send (issue 13, item 2) --------------------------------------------

// Text with every kind of hostile byte: NUL, C0 controls, DEL, an escape sequence, invalid and
// truncated UTF-8, an overlong form and a surrogate, around ordinary text.
std::string hostile_bytes(std::mt19937& rng, std::size_t max_len) {
  static const std::vector<std::string> pieces = {std::string("nul\0user", 8),
                                                  "\x1b[31m",
                                                  "\r\n",
                                                  "\t",
                                                  "\x7f",
                                                  "\xC9",
                                                  "\xFF\xFE",
                                                  "\xE2\x82",
                                                  "\xC0\xAF",
                                                  "\xED\xA0\x80",
                                                  "\xF4\x90\x80\x80",
                                                  "ok",
                                                  "É",
                                                  "=HYPERLINK(\"x\")",
                                                  "\\u0000",
                                                  "\"",
                                                  "'",
                                                  "{}"};
  std::string out;
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), byte(0, 255),
      len(0, max_len);
  for (std::size_t i = 0, n = len(rng); i < n; ++i)
    out += i % 3 == 0 ? std::string(1, static_cast<char>(byte(rng))) : pieces[piece(rng)];
  return out;
}

bool valid_utf8_without_nul(const std::string& s) {
  return model::storable_text(s) == s && s.find('\0') == std::string::npos;
}

TEST_P(StoreConformance, AnyBytesInEveryAuditedFieldKeepTheChainWhole) {
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
    if (i % 7 == 0) e.at = hostile_bytes(rng, 5);
    auto written = store_->append_audit(e);
    auto back = store_->read_audit(written.seq, 1);
    ASSERT_EQ(back.size(), 1u);
    // What was hashed is exactly what was stored.
    EXPECT_EQ(back[0].actor, written.actor) << i;
    EXPECT_EQ(back[0].detail, written.detail) << i;
    EXPECT_EQ(back[0].hash, store::audit_hash(back[0])) << "entry " << written.seq;
    for (const auto* f : {&back[0].actor, &back[0].role, &back[0].action, &back[0].resource,
                          &back[0].outcome, &back[0].detail, &back[0].at}) {
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

TEST_P(StoreConformance, AnyBytesInUsersSessionsUploadsFindingsAndRowsAreStored) {
  store_->upgrade();
  std::mt19937 rng(9);
  for (int i = 0; i < 40; ++i) {
    std::string name = hostile_bytes(rng, 8) + std::to_string(i);
    store::UserRecord u;
    u.username = name;
    u.display_name = hostile_bytes(rng, 8);
    u.role = "worker";
    u.password_hash = "x";
    u.councils = {"887"};
    u.worker = hostile_bytes(rng, 4);
    ASSERT_NO_THROW(store_->add_user(u)) << i;
    auto found = store_->find_user(name);
    ASSERT_TRUE(found) << "the same bytes find the user again";
    EXPECT_TRUE(valid_utf8_without_nul(found->username));
    ASSERT_NO_THROW(store_->record_login_attempt(hostile_bytes(rng, 6), name, false, 100 + i, 0));
    ASSERT_NO_THROW(store_->login_failures(hostile_bytes(rng, 6), name, 0, 0));
    store::SessionRecord s;
    s.token_hash = "t" + std::to_string(i);
    s.user_id = found->id;
    s.csrf = "c";
    s.ip = hostile_bytes(rng, 6);
    s.user_agent = hostile_bytes(rng, 30);
    ASSERT_NO_THROW(store_->add_session(s));
    EXPECT_TRUE(valid_utf8_without_nul(store_->find_session(s.token_hash)->user_agent));
  }
  // An upload and its file name; findings quoting a file's bytes; a return's cells; meta.
  store::UploadRecord up;
  up.id = "up1";
  up.la = "887";
  up.kind = "903";
  up.user = hostile_bytes(rng, 8);
  up.status = "open";
  up.result = hostile_bytes(rng, 20);
  ASSERT_NO_THROW(store_->add_upload(up));
  ASSERT_NO_THROW(store_->set_upload_status("up1", "open", hostile_bytes(rng, 20)));
  ASSERT_NO_THROW(store_->put_upload_file("up1", {"a.csv", 3, std::string("\xC9\0\xFF", 3)}));
  EXPECT_EQ(store_->upload_files("up1", true).at(0).content, std::string("\xC9\0\xFF", 3))
      << "file contents are kept byte for byte";
  model::Finding f;
  f.rule = "ingest.bad-code";
  f.value = std::string("\xC9l\0ve", 5);
  f.message = "bad " + hostile_bytes(rng, 10);
  f.child = hostile_bytes(rng, 5);
  auto ret = small_return("887", 2025);
  ret.episodes[0].home_post = "ME7 \xC9\x01";
  store::ImportRecord rec;
  ASSERT_NO_THROW(
      rec = store_->replace_return(ret, {hostile_bytes(rng, 8), "csv", hostile_bytes(rng, 8), true},
                                   std::vector<model::Finding>{f}));
  auto back = store_->import_findings(rec.id);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].value, "\xEF\xBF\xBDl\xEF\xBF\xBDve");
  auto loaded = store_->load_return("887", CollectionYear{2025});
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->episodes[0].home_post, "ME7 \xEF\xBF\xBD\x01");
  ASSERT_NO_THROW(store_->set_meta("note", std::string("a\0b\xC9", 4)));
  EXPECT_EQ(store_->meta("note"), std::optional<std::string>("a\xEF\xBF\xBD"
                                                             "b\xEF\xBF\xBD"));
}

// Two imports at once (two processes in real life: two store connections here): the second
// waits for the first instead of failing at once with "database is locked".
TEST_P(StoreConformance, ConcurrentImportsWaitForEachOther) {
  store_->upgrade();
  std::atomic<int> failures{0};
  std::string first_error;
  std::mutex mu;
  auto importer = [&](int year0) {
    try {
      auto st = store::open_store(db_->url());
      for (int i = 0; i < 4; ++i) st->replace_return(small_return("887", year0 + i), {}, {});
    } catch (const std::exception& e) {
      ++failures;
      std::lock_guard lk(mu);
      if (first_error.empty()) first_error = e.what();
    }
  };
  std::thread a(importer, 2016), b(importer, 2020), c(importer, 2016);
  a.join();
  b.join();
  c.join();
  EXPECT_EQ(failures.load(), 0) << first_error;
  EXPECT_EQ(store_->list_returns().size(), 8u);
}

// The web server's workers each have a connection and every audited read appends an entry:
// appenders on many connections at once (and other writes between them) take turns on the
// chain's head, so the chain verifies and no entry is lost or numbered twice.
TEST_P(StoreConformance, ConcurrentAuditAppendsKeepOneWholeChain) {
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

// Web imports abandoned for a day are expired: files removed, status "expired"; newer ones and
// finished ones are left alone.
TEST_P(StoreConformance, AbandonedUploadsExpire) {
  store_->upgrade();
  auto add = [&](const std::string& id, std::int64_t created, const std::string& status) {
    store::UploadRecord u;
    u.id = id;
    u.la = "887";
    u.kind = "903";
    u.user = "ann";
    u.created = created;
    u.status = status;
    store_->add_upload(u);
    store_->put_upload_file(id, {"header.csv", 1, "x"});
  };
  add("old", 1000, "open");
  add("old-checked", 1000, "checked");
  add("old-done", 1000, "imported");
  add("fresh", 90000, "open");
  EXPECT_EQ(store_->expire_uploads(5000), 2);
  EXPECT_EQ(store_->find_upload("old")->status, "expired");
  EXPECT_EQ(store_->find_upload("old-checked")->status, "expired");
  EXPECT_TRUE(store_->upload_files("old", false).empty());
  EXPECT_EQ(store_->find_upload("old-done")->status, "imported");
  EXPECT_EQ(store_->find_upload("fresh")->status, "open");
  EXPECT_EQ(store_->upload_files("fresh", false).size(), 1u);
  EXPECT_EQ(store_->expire_uploads(5000), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance,
                         ::testing::Values(std::string("sqlite"), std::string("postgresql")),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hearth
