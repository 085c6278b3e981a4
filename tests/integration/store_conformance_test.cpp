// One conformance suite, run against every store backend (SQLite and PostgreSQL): whatever
// passes here behaves the same on both.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "ingest/import.hpp"
#include "ingest/snapshot.hpp"
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

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance,
                         ::testing::Values(std::string("sqlite"), std::string("postgresql")),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hearth
