// The schema's migrations, for both databases: src/store/migrations/NNN_name.sql, embedded at build
// time (cmake/Embed.cmake). A file's number is its version, its first line ("-- ...") its
// description; the statements after its leading comment lines run as written, except that
// %IDENTITY% becomes each database's auto-numbered key column (Driver::identity_column). A
// migration is never edited once released: add a new file, raise kSchemaVersion in store.hpp.
#include <charconv>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/embedded_file.hpp"
#include "store/driver.hpp"

namespace hearth::store {

std::span<const model::EmbeddedFile> migration_files();  // generated from migrations/*.sql

namespace {

Migration migration_of(const model::EmbeddedFile& f) {
  Migration m{};
  const std::string_view name = f.name;
  auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), m.version);
  if (ec != std::errc() || end == name.data() || *end != '_')
    throw std::logic_error("migration " + std::string(name) + ": the name must be NNN_what.sql");
  std::string_view text = f.text;
  if (!text.starts_with("-- "))
    throw std::logic_error("migration " + std::string(name) + ": the first line describes it");
  m.description = text.substr(3, text.find('\n') - 3);
  while (text.starts_with("--")) {  // the leading comment lines are for the reader
    const auto eol = text.find('\n');
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
  }
  m.sql = text;
  return m;
}

std::span<const Migration> migrations() {
  static const std::vector<Migration> all = [] {
    std::vector<Migration> out;
    for (const auto& f : migration_files()) out.push_back(migration_of(f));
    return out;
  }();
  return all;
}

}  // namespace

std::span<const Migration> sqlite_migrations() {
  return migrations();
}
std::span<const Migration> postgres_migrations() {
  return migrations();
}

}  // namespace hearth::store
