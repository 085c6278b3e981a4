#include <gtest/gtest.h>

#include "store/driver.hpp"
#include "store/store.hpp"

namespace hearth::store {
namespace {

TEST(PostgresUrl, BecomesLibpqKeywordsWithDecodedParts) {
  EXPECT_EQ(postgres_conninfo("postgresql://hearth@127.0.0.1:5432/postgres"),
            "host='127.0.0.1' port='5432' dbname='postgres' user='hearth'");
  EXPECT_EQ(postgres_conninfo("postgres://u:p%40ss@db.example:6000/hearth?sslmode=require"),
            "host='db.example' port='6000' dbname='hearth' user='u' password='p@ss' "
            "sslmode='require'");
  EXPECT_EQ(postgres_conninfo("postgresql://[::1]:5433/x"), "host='::1' port='5433' dbname='x'");
  EXPECT_EQ(postgres_conninfo("postgresql://h/db%20name"), "host='h' dbname='db name'");
}

TEST(PostgresUrl, QuotesAreEscapedSoAValueCannotAddKeywords) {
  EXPECT_EQ(postgres_conninfo("postgresql://h/a'b"), "host='h' dbname='a\\'b'");
}

TEST(StoreUrl, UnknownSchemesAreRefusedAndPasswordsRedacted) {
  EXPECT_THROW(open_store("mysql://x/y"), std::invalid_argument);
  EXPECT_THROW(open_store("sqlite:"), std::invalid_argument);
  EXPECT_EQ(redact_url("postgresql://u:secret@h:1/d"), "postgresql://u:***@h:1/d");
  EXPECT_EQ(redact_url("sqlite:var/hearth.db"), "sqlite:var/hearth.db");
}

}  // namespace
}  // namespace hearth::store
