// UploadStore's conformance suite, on SQLite and PostgreSQL: web imports in progress, their files
// and status, and their expiry.
#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace hearth::store_test {
namespace {

class UploadStoreConformance : public StoreTest {};

store::UploadRecord upload(const std::string& id, const std::string& la, std::int64_t created,
                           const std::string& status = "open") {
  store::UploadRecord u;
  u.id = id;
  u.la = la;
  u.kind = "903";
  u.collection_year = 2025;
  u.user = "ann";
  u.created = model::from_unix_seconds(created);
  u.status = status;
  return u;
}

TEST_P(UploadStoreConformance, AnUploadIsFoundWithItsStatusAndResult) {
  store_->upgrade();
  auto u = upload("u1", "887", 1000);
  u.kind = "local";
  u.collection_year = 0;
  store_->add_upload(u);
  auto found = store_->find_upload("u1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->la, "887");
  EXPECT_EQ(found->kind, "local");
  EXPECT_EQ(found->collection_year, 0);
  EXPECT_EQ(found->user, "ann");
  EXPECT_EQ(found->created, model::from_unix_seconds(1000));
  EXPECT_EQ(found->status, "open");
  EXPECT_FALSE(store_->find_upload("u2"));
  store_->set_upload_status("u1", "checked", R"({"findings":3})");
  EXPECT_EQ(store_->find_upload("u1")->status, "checked");
  EXPECT_EQ(store_->find_upload("u1")->result, R"({"findings":3})");
}

TEST_P(UploadStoreConformance, FilesAreKeptByteForByteAndReplacedByName) {
  store_->upgrade();
  store_->add_upload(upload("u1", "887", 1000));
  store_->add_upload(upload("u2", "887", 1000));
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  store_->put_upload_file("u1", {"header.csv", 0, "CHILD,SEX\n1,1\n"});
  store_->put_upload_file("u1", {"episodes.csv", 0, bytes});
  store_->put_upload_file("u2", {"header.csv", 0, "other"});
  auto listed = store_->upload_files("u1", false);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].name, "episodes.csv") << "listed by name";
  EXPECT_EQ(listed[0].size, 256);
  EXPECT_TRUE(listed[0].content.empty()) << "listing does not read the content";
  auto with = store_->upload_files("u1", true);
  EXPECT_EQ(with[0].content, bytes);
  EXPECT_EQ(with[1].content, "CHILD,SEX\n1,1\n");
  // The same name again replaces the file.
  store_->put_upload_file("u1", {"header.csv", 0, "CHILD,SEX\n2,2\n"});
  with = store_->upload_files("u1", true);
  ASSERT_EQ(with.size(), 2u);
  EXPECT_EQ(with[1].content, "CHILD,SEX\n2,2\n");
  store_->delete_upload_files("u1");
  EXPECT_TRUE(store_->upload_files("u1", false).empty());
  EXPECT_EQ(store_->upload_files("u2", true).at(0).content, "other") << "another upload's stay";
}

TEST_P(UploadStoreConformance, OpenUploadsAreTheCouncilsOpenOrCheckedNewestFirst) {
  store_->upgrade();
  store_->add_upload(upload("old", "887", 1000));
  store_->add_upload(upload("new", "887", 3000, "checked"));
  store_->add_upload(upload("done", "887", 4000, "imported"));
  store_->add_upload(upload("gone", "887", 5000, "cancelled"));
  store_->add_upload(upload("elsewhere", "201", 6000));
  auto open = store_->open_uploads("887");
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].id, "new");
  EXPECT_EQ(open[1].id, "old");
  EXPECT_EQ(store_->open_uploads("201").size(), 1u);
  EXPECT_TRUE(store_->open_uploads("999").empty());
}

// Web imports abandoned for a day are expired: files removed, status "expired"; newer ones and
// finished ones are left alone.
TEST_P(UploadStoreConformance, AbandonedUploadsExpire) {
  store_->upgrade();
  auto add = [&](const std::string& id, std::int64_t created, const std::string& status) {
    store::UploadRecord u;
    u.id = id;
    u.la = "887";
    u.kind = "903";
    u.user = "ann";
    u.created = model::from_unix_seconds(created);
    u.status = status;
    store_->add_upload(u);
    store_->put_upload_file(id, {"header.csv", 1, "x"});
  };
  add("old", 1000, "open");
  add("old-checked", 1000, "checked");
  add("old-done", 1000, "imported");
  add("fresh", 90000, "open");
  EXPECT_EQ(store_->expire_uploads(model::from_unix_seconds(5000)), 2);
  EXPECT_EQ(store_->find_upload("old")->status, "expired");
  EXPECT_EQ(store_->find_upload("old-checked")->status, "expired");
  EXPECT_TRUE(store_->upload_files("old", false).empty());
  EXPECT_EQ(store_->find_upload("old-done")->status, "imported");
  EXPECT_EQ(store_->find_upload("fresh")->status, "open");
  EXPECT_EQ(store_->upload_files("fresh", false).size(), 1u);
  EXPECT_EQ(store_->expire_uploads(model::from_unix_seconds(5000)), 0);
}

HEARTH_ON_EVERY_BACKEND(UploadStoreConformance);

}  // namespace
}  // namespace hearth::store_test
