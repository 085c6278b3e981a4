// The SQL behind the Store's notes on findings (store/finding_note_store.hpp), on the store's
// session.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "store/driver.hpp"
#include "store/finding_note_store.hpp"

namespace hearth::store {

class SqlFindingNotes {
 public:
  SqlFindingNotes(soci::session& sql, const Driver& driver) : sql_(sql), driver_(driver) {}

  FindingNote put(const FindingNote& n);
  std::vector<FindingNote> of_council(std::string_view la);
  std::optional<FindingNote> find(std::int64_t id);
  bool remove(std::int64_t id);

 private:
  soci::session& sql_;
  const Driver& driver_;
};

}  // namespace hearth::store
