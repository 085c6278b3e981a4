// The schema's migrations as the build embeds them from src/store/migrations/*.sql.
#include <gtest/gtest.h>

#include <string>

#include "store/driver.hpp"
#include "store/store.hpp"

namespace hearth::store {
namespace {

TEST(Migrations, AreNumberedFromOneToTheSchemaVersionEachWithItsDescriptionAndStatements) {
  for (auto migrations : {sqlite_migrations(), postgres_migrations()}) {
    ASSERT_EQ(migrations.size(), static_cast<std::size_t>(kSchemaVersion));
    for (std::size_t i = 0; i < migrations.size(); ++i) {
      const Migration& m = migrations[i];
      EXPECT_EQ(m.version, static_cast<int>(i + 1));
      EXPECT_FALSE(m.description.empty()) << m.version;
      // The file's leading comment is not part of what runs; its statements are.
      EXPECT_NE(m.sql.substr(0, 2), "--") << m.version;
      EXPECT_NE(m.sql.find("CREATE TABLE"), std::string_view::npos) << m.version;
    }
  }
  // The first holds the schema's own table and the import id column for either database.
  EXPECT_EQ(sqlite_migrations()[0].sql.substr(0, 25), "CREATE TABLE hearth_schem");
  EXPECT_NE(sqlite_migrations()[0].sql.find("id %IDENTITY%,"), std::string_view::npos);
}

}  // namespace
}  // namespace hearth::store
