// The store as a whole, on SQLite and PostgreSQL: its schema and upgrades, meta values, the
// snapshot read from it, and any bytes a user can send landing safely in every concern.
#include <gtest/gtest.h>

#include "ingest/import.hpp"
#include "ingest/snapshot.hpp"
#include "store_fixture.hpp"
#include "synth/generator.hpp"

namespace hearth::store_test {
namespace {

class StoreConformance : public StoreTest {};

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
    ASSERT_NO_THROW(store_->record_login_attempt(hostile_bytes(rng, 6), name, false,
                                                 model::from_unix_seconds(100 + i), {}));
    ASSERT_NO_THROW(store_->login_failures(hostile_bytes(rng, 6), name, {}, {}));
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

HEARTH_ON_EVERY_BACKEND(StoreConformance);

}  // namespace
}  // namespace hearth::store_test
