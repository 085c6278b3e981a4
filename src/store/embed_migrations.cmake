# Writes OUT, a C++ file holding every migration in MIGRATIONS (src/store/migrations/NNN_name.sql)
# as text: the version from the file name, the description from its first line ("-- ..."), and
# the statements after its leading comment lines, byte for byte. Run at build time (CMakeLists).
set(body "")
string(REPLACE "|" ";" MIGRATIONS "${MIGRATIONS}")
foreach(file IN LISTS MIGRATIONS)
  get_filename_component(name "${file}" NAME)
  string(REGEX MATCH "^([0-9]+)_" _ "${name}")
  math(EXPR version "${CMAKE_MATCH_1}")
  file(READ "${file}" text)
  string(REGEX MATCH "^-- ([^\n]*)\n" _ "${text}")
  set(description "${CMAKE_MATCH_1}")
  string(REGEX REPLACE "^(--[^\n]*\n)+" "" sql "${text}")
  string(REPLACE "\"" "\\\"" description "${description}")
  string(APPEND body "    Migration{${version}, \"${description}\", R\"HEARTHSQL(${sql})HEARTHSQL\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from src/store/migrations/*.sql by src/store/embed_migrations.cmake: do not edit.
#include <span>

#include \"store/driver.hpp\"

namespace hearth::store {

std::span<const Migration> embedded_migrations() {
  static const Migration kMigrations[] = {
${body}  };
  return kMigrations;
}

}  // namespace hearth::store
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
