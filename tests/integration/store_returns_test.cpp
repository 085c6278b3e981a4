// ReturnStore's conformance suite, on SQLite and PostgreSQL: 903 returns stored and read back,
// replaced whole or not at all, counted, and the imports that brought them with their findings.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "store_fixture.hpp"
#include "synth/generator.hpp"

namespace hearth::store_test {
namespace {

class ReturnStoreConformance : public StoreTest {};

// Large enough that every big table spans several insert and fetch batches.
TEST_P(ReturnStoreConformance, StoredReturnLoadsBackIdentically) {
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

TEST_P(ReturnStoreConformance, ReimportingAYearReplacesItAndKeepsOtherYears) {
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

TEST_P(ReturnStoreConformance, CouncilsAreKeptApart) {
  store_->upgrade();
  store_->replace_return(small_return("887", 2025), {"a", "csv", "t", false}, {});
  store_->replace_return(small_return("201", 2025), {"b", "csv", "t", false}, {});
  auto c = store_->counts();
  EXPECT_EQ(c.councils, 2);
  // C1 in two councils is two children; C1 in two years of one council would be one.
  EXPECT_EQ(c.children, 2);
  EXPECT_EQ(c.episodes, 2);
}

TEST_P(ReturnStoreConformance, ChildrenAndEpisodesAreCountedOnceAcrossYears) {
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

TEST_P(ReturnStoreConformance, FindingsAreStoredWithTheirImport) {
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

TEST_P(ReturnStoreConformance, AnImportThatFailsHalfwayChangesNothing) {
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

// Two imports at once (two processes in real life: two store connections here): the second
// waits for the first instead of failing at once with "database is locked".
TEST_P(ReturnStoreConformance, ConcurrentImportsWaitForEachOther) {
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

HEARTH_ON_EVERY_BACKEND(ReturnStoreConformance);

}  // namespace
}  // namespace hearth::store_test
