// LocalStore's conformance suite, on SQLite and PostgreSQL: a council's local records stored and
// read back, each table replaced whole by the import that names it, councils kept apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "local/tables.hpp"
#include "store_fixture.hpp"
#include "synth/generator.hpp"

namespace hearth::store_test {
namespace {

// A table's rows as canonical text, sorted: two tables hold the same rows when these are equal.
std::vector<std::string> rows_of(local::LocalTable kind, const model::LocalRecords& records) {
  std::vector<std::string> out;
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < local::local_row_count(kind, records); ++i) {
    cells.clear();
    local::write_local_row(kind, records, i, cells);
    std::string line;
    for (const auto& c : cells) line += c + "|";
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<local::LocalTable> every_table() {
  std::vector<local::LocalTable> out;
  for (const auto& t : local::all_local_tables()) out.push_back(t.kind);
  return out;
}

model::LocalRecords synthetic_local(const std::string& la, std::uint64_t seed) {
  synth::Options o;
  o.children = 120;
  o.years = 2;
  o.seed = seed;
  o.la = la;
  o.last_year = 2025;
  auto local = synth::generate_local(o, synth::generate(o));
  local.la = la;
  return local;
}

class LocalStoreConformance : public StoreTest {};

TEST_P(LocalStoreConformance, EveryTableLoadsBackRowForRow) {
  store_->upgrade();
  const auto local = synthetic_local("887", 3);
  const auto tables = every_table();
  auto rec = store_->replace_local(local, tables, {"local", "csv", "test", false}, {});
  EXPECT_EQ(rec.collection_year, 0) << "a local import has no collection year";
  auto back = store_->load_local("887");
  EXPECT_EQ(back.la, "887");
  std::size_t rows = 0;
  for (auto kind : tables) {
    EXPECT_EQ(rows_of(kind, back), rows_of(kind, local)) << local::local_table_info(kind).name;
    rows += local::local_row_count(kind, local);
  }
  EXPECT_GT(rows, 1000u) << "the synthetic council fills the tables";
  EXPECT_EQ(rec.rows, static_cast<std::int64_t>(rows));
}

TEST_P(LocalStoreConformance, AnImportReplacesOnlyTheTablesItNames) {
  store_->upgrade();
  const auto first = synthetic_local("887", 3);
  store_->replace_local(first, every_table(), {"a", "csv", "t", false}, {});
  auto second = synthetic_local("887", 4);
  const local::LocalTable visits[] = {local::LocalTable::Visits};
  store_->replace_local(second, visits, {"b", "csv", "t", false}, {});
  auto back = store_->load_local("887");
  EXPECT_EQ(rows_of(local::LocalTable::Visits, back), rows_of(local::LocalTable::Visits, second));
  EXPECT_NE(rows_of(local::LocalTable::Visits, back), rows_of(local::LocalTable::Visits, first));
  EXPECT_EQ(rows_of(local::LocalTable::Allocations, back),
            rows_of(local::LocalTable::Allocations, first));
  // A table named with no rows empties it: the council's extract says it holds none.
  model::LocalRecords none;
  none.la = "887";
  const local::LocalTable peps[] = {local::LocalTable::Peps};
  store_->replace_local(none, peps, {"c", "csv", "t", false}, {});
  EXPECT_TRUE(store_->load_local("887").peps.empty());
  EXPECT_FALSE(store_->load_local("887").visits.empty());
}

TEST_P(LocalStoreConformance, CouncilsAreKeptApartAndListedByTable) {
  store_->upgrade();
  const auto a = synthetic_local("887", 3);
  const auto b = synthetic_local("201", 5);
  const local::LocalTable some[] = {local::LocalTable::Allocations, local::LocalTable::Visits};
  auto ra = store_->replace_local(a, some, {"a", "csv", "t", false}, {});
  auto rb = store_->replace_local(b, some, {"b", "csv", "t", false}, {});
  EXPECT_TRUE(store_->load_local("999").visits.empty()) << "a council with none has none";
  EXPECT_EQ(rows_of(local::LocalTable::Visits, store_->load_local("201")),
            rows_of(local::LocalTable::Visits, b));
  auto keys = store_->list_local_tables();
  ASSERT_EQ(keys.size(), 4u);
  for (const auto& k : keys) {
    const auto& records = k.la == "887" ? a : b;
    EXPECT_EQ(k.import_id, k.la == "887" ? ra.id : rb.id);
    auto kind = local::local_table_by_name(k.table);
    ASSERT_TRUE(kind) << k.table;
    EXPECT_EQ(k.rows, static_cast<std::int64_t>(local::local_row_count(*kind, records)));
  }
  auto all = store_->load_all_local();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_NE(all[0].la, all[1].la);
}

TEST_P(LocalStoreConformance, TheImportIsListedWithItsFindings) {
  store_->upgrade();
  model::Finding f;
  f.rule = "local.bad-date";
  f.severity = model::Severity::Error;
  f.file = "visits.csv";
  f.table = "visits";
  f.row = 3;
  f.column = "clav_cla_visit_date";
  f.value = "32/01/2025";
  f.message = "not a date";
  const auto local = synthetic_local("887", 3);
  const local::LocalTable visits[] = {local::LocalTable::Visits};
  auto rec = store_->replace_local(local, visits, {"visits.csv", "csv", "ann", true},
                                   std::vector<model::Finding>{f});
  EXPECT_EQ(rec.findings, 1);
  auto imports = store_->list_imports(5);
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_EQ(imports[0].id, rec.id);
  EXPECT_EQ(imports[0].collection_year, 0);
  EXPECT_EQ(imports[0].user, "ann");
  EXPECT_TRUE(imports[0].accepted_with_findings);
  auto back = store_->import_findings(rec.id);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0], f);
}

HEARTH_ON_EVERY_BACKEND(LocalStoreConformance);

}  // namespace
}  // namespace hearth::store_test
