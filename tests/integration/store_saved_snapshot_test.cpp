// The dataset saved in the store (ingest/saved_snapshot.hpp), on SQLite and PostgreSQL: read back
// it is the dataset built from the rows; every kind of write that changes the rows (a year
// re-imported, a new year, local records, a restore) leaves nothing that could be read in its
// place; a save cut short is never read; a save of data the store no longer holds is not made.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <stdexcept>

#include "../common/dataset_compare.hpp"
#include "ingest/saved_snapshot.hpp"
#include "ingest/snapshot.hpp"
#include "local/tables.hpp"
#include "store/backup.hpp"
#include "store_fixture.hpp"
#include "synth/generator.hpp"

namespace hearth::store_test {
namespace {

class SavedSnapshot : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    store_->upgrade();
  }

  synth::Options council(const std::string& la, int years, int last_year = 2025) {
    synth::Options o;
    o.children = 80;
    o.years = years;
    o.la = la;
    o.last_year = last_year;
    return o;
  }
  void import_returns(const synth::Options& o) {
    for (const auto& r : synth::generate(o))
      store_->replace_return(r, {"test", "csv", "test", false}, {});
  }
  void import_local(const synth::Options& o) {
    std::vector<local::LocalTable> tables;
    for (const auto& info : local::all_local_tables()) tables.push_back(info.kind);
    store_->replace_local(synth::generate_local(o, synth::generate(o)), tables,
                          {"local", "csv", "test", false}, {});
  }
  // The dataset built from the rows, the saved one ignored.
  model::Dataset from_rows() {
    auto returns = store_->load_all_returns();
    auto d = model::Dataset::build(returns);
    d.attach_local(store_->load_all_local());
    return d;
  }
  // Loads as a start does; says whether it was read back as saved.
  std::shared_ptr<const model::Dataset> load(bool& from_saved) {
    ingest::Snapshot s;
    auto d = s.reload(*store_);
    from_saved = s.from_saved();
    if (!from_saved) EXPECT_TRUE(s.save(*store_)) << "built from rows, so saved";
    return d;
  }
};

// Every part of the whole save under `key`, or nullopt when there is none.
std::optional<std::vector<std::string>> parts_of(store::Store& st, const std::string& key) {
  auto saved = st.saved_snapshot(key);
  if (!saved) return std::nullopt;
  std::vector<std::string> out;
  for (int i = 0; i < saved->parts; ++i) {
    auto p = st.saved_snapshot_part(key, *saved, i);
    if (!p) return std::nullopt;
    out.push_back(*p);
  }
  EXPECT_FALSE(st.saved_snapshot_part(key, *saved, saved->parts));
  EXPECT_FALSE(st.saved_snapshot_part(key, *saved, -1));
  return out;
}

bool save(store::Store& st, const std::string& key, const std::vector<std::string>& parts) {
  return st.save_snapshot(key, [&](const store::Store::PartSink& put) {
    for (const auto& p : parts) put(p);
  });
}

TEST_P(SavedSnapshot, PartsAreReadBackUnderTheirKeyOnlyOnceTheSaveIsWhole) {
  EXPECT_FALSE(store_->saved_snapshot("k1"));
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  // Every byte, and lengths of each remainder by three (base64's padding: none, "==", "=").
  const std::vector<std::string> parts = {every_byte, "", "a", "ab", "abc", every_byte + "xy"};
  ASSERT_TRUE(save(*store_, "k1", parts));
  EXPECT_EQ(parts_of(*store_, "k1"), parts);
  EXPECT_FALSE(store_->saved_snapshot("k2"));

  // A save cut short (the process stopped, the encoder failed) is not whole: never read.
  EXPECT_THROW(store_->save_snapshot("k2",
                                     [&](const store::Store::PartSink& put) {
                                       put("first");
                                       throw std::runtime_error("stopped");
                                     }),
               std::runtime_error);
  EXPECT_FALSE(store_->saved_snapshot("k2"));
  EXPECT_EQ(parts_of(*store_, "k1"), parts) << "the last whole save is kept";

  // A save of the same key again, and of another: the whole one replaces every other.
  ASSERT_TRUE(save(*store_, "k1", {"again"}));
  EXPECT_EQ(parts_of(*store_, "k1"), std::vector<std::string>{"again"});
  ASSERT_TRUE(save(*store_, "k2", {"only"}));
  EXPECT_EQ(parts_of(*store_, "k2"), std::vector<std::string>{"only"});
  EXPECT_FALSE(store_->saved_snapshot("k1"));
}

// Two servers saving at once, or an import landing while a server saves: a save whose parts were
// taken meanwhile is not made whole, and the whole one that took them is untouched.
TEST_P(SavedSnapshot, ASaveWhosePartsWereTakenMeanwhileIsNotMadeWhole) {
  auto other = store::open_store(db_->url());
  bool made = true;
  EXPECT_FALSE(store_->save_snapshot("k", [&](const store::Store::PartSink& put) {
    put("mine 1");
    made = save(*other, "k", {"theirs"});  // deletes every part it does not own
    put("mine 2");
  }));
  EXPECT_TRUE(made);
  EXPECT_EQ(parts_of(*store_, "k"), std::vector<std::string>{"theirs"});

  EXPECT_FALSE(store_->save_snapshot("k", [&](const store::Store::PartSink& put) {
    put("mine 1");
    import_returns(council("887", 1));  // an import deletes everything saved
    put("mine 2");
  }));
  EXPECT_FALSE(store_->saved_snapshot("k"));
}

TEST_P(SavedSnapshot, EveryImportDeletesWhatWasSaved) {
  auto saved = [&] {
    ASSERT_TRUE(save(*store_, "k", {"x"}));
    ASSERT_TRUE(store_->saved_snapshot("k"));
  };
  saved();
  import_returns(council("887", 1));
  EXPECT_FALSE(store_->saved_snapshot("k")) << "after a return";
  saved();
  import_local(council("887", 1));
  EXPECT_FALSE(store_->saved_snapshot("k")) << "after local records";
}

// A whole save that cannot be read (a part damaged or gone behind Hearth's back) is never taken
// for data: the start builds from rows, and the save that follows replaces it.
TEST_P(SavedSnapshot, AWholeSaveThatCannotBeReadIsBuiltAgainAndSavedOver) {
  import_returns(council("887", 2));
  bool saved = true;
  auto built = load(saved);
  ASSERT_FALSE(saved);
  const std::string key = ingest::saved_snapshot_key(*store_);
  for (const std::string damage :
       {"UPDATE saved_snapshot SET data = 'AAAA' WHERE part = 0",
        "DELETE FROM saved_snapshot WHERE part = 0",
        "UPDATE saved_snapshot SET data = 'not base64!' WHERE part = 0"}) {
    SCOPED_TRACE(damage);
    ASSERT_TRUE(store_->saved_snapshot(key));
    raw_exec(GetParam(), db_->url(), damage);
    ingest::Snapshot s;
    auto back = s.reload(*store_);
    EXPECT_FALSE(s.from_saved());
    testing::expect_same_dataset(*built, *back);
    EXPECT_TRUE(s.save(*store_)) << "saved over the damaged one";
    ingest::Snapshot again;
    again.reload(*store_);
    EXPECT_TRUE(again.from_saved());
  }
}

TEST_P(SavedSnapshot, ReadBackItIsWhatTheRowsBuildAfterEveryKindOfWrite) {
  ASSERT_FALSE(ingest::build_id().empty()) << "the test binary carries a GNU build id";
  bool saved = true;
  // An empty store: nothing to read back, then an empty dataset saved and read back.
  load(saved);
  EXPECT_FALSE(saved);
  EXPECT_TRUE(load(saved)->children.empty());
  EXPECT_TRUE(saved);

  import_returns(council("887", 2));
  import_local(council("887", 2));
  import_returns(council("202", 1));
  const std::string version = store_->data_version();
  auto built = load(saved);
  EXPECT_FALSE(saved) << "the imports deleted what was saved";
  auto back = load(saved);
  EXPECT_TRUE(saved);
  testing::expect_same_dataset(*built, *back);
  testing::expect_same_dataset(from_rows(), *back);
  EXPECT_EQ(store_->data_version(), version) << "reading changes nothing";

  // Each write: the saved dataset is not read; what is read is the rows' dataset, then saved.
  const std::vector<std::pair<std::string, std::function<void()>>> writes = {
      {"a year imported again", [&] { import_returns(council("202", 1)); }},
      {"a new year", [&] { import_returns(council("202", 2, 2026)); }},
      {"local records", [&] { import_local(council("202", 1)); }},
  };
  for (const auto& [what, write] : writes) {
    SCOPED_TRACE(what);
    const std::string before = store_->data_version();
    write();
    EXPECT_NE(store_->data_version(), before);
    auto fresh = load(saved);
    EXPECT_FALSE(saved);
    testing::expect_same_dataset(from_rows(), *fresh);
    auto again = load(saved);
    EXPECT_TRUE(saved);
    testing::expect_same_dataset(*fresh, *again);
  }
}

TEST_P(SavedSnapshot, DataTheStoreNoLongerHoldsIsNotSaved) {
  import_returns(council("887", 1));
  ingest::Snapshot s;
  s.reload(*store_);
  const std::string key = ingest::saved_snapshot_key(*store_);
  import_returns(council("887", 1));  // lands after the read, before the save
  EXPECT_FALSE(s.save(*store_));
  EXPECT_FALSE(store_->saved_snapshot(key));
  EXPECT_FALSE(store_->saved_snapshot(ingest::saved_snapshot_key(*store_)));
  s.reload(*store_);
  EXPECT_TRUE(s.save(*store_));
  EXPECT_FALSE(s.save(*store_)) << "saved once";
}

TEST_P(SavedSnapshot, ARestoredStoreReadsBackWhatItsBackupHeld) {
  import_returns(council("887", 2));
  import_local(council("887", 2));
  bool saved = true;
  auto built = load(saved);
  ASSERT_FALSE(saved);
  const auto file = std::filesystem::temp_directory_path() /
                    ("hearth-saved-" + std::to_string(::getpid()) + "-" + GetParam() + ".backup");
  store::backup(db_->url(), file);
  testing::TestDatabase other(GetParam());
  store::restore(file, other.url());
  std::filesystem::remove(file);
  auto restored = store::open_store(other.url());
  ingest::Snapshot s;
  auto back = s.reload(*restored);
  EXPECT_TRUE(s.from_saved());
  testing::expect_same_dataset(*built, *back);
  // Imports into the restored store go on as anywhere.
  synth::Options o = council("887", 1, 2026);
  for (const auto& r : synth::generate(o))
    restored->replace_return(r, {"test", "csv", "test", false}, {});
  back = s.reload(*restored);
  EXPECT_FALSE(s.from_saved());
}

HEARTH_ON_EVERY_BACKEND(SavedSnapshot);

}  // namespace
}  // namespace hearth::store_test
