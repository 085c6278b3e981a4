// The schema's migrations, for both databases: src/store/migrations/NNN_name.sql, embedded at build
// time (embed_migrations.cmake). One text serves both: %IDENTITY% becomes each database's
// auto-numbered key column (Driver::identity_column). A migration is never edited once released:
// add a new file, raise kSchemaVersion in store.hpp.
#include <span>

#include "store/driver.hpp"

namespace hearth::store {

std::span<const Migration> embedded_migrations();  // migrations_embedded.cpp, generated

std::span<const Migration> sqlite_migrations() {
  return embedded_migrations();
}
std::span<const Migration> postgres_migrations() {
  return embedded_migrations();
}

}  // namespace hearth::store
