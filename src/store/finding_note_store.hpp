// Notes that explain validation findings: the performance team's answer to a query the data
// rightly raises, kept per council against the finding's identity across imports (its key, made
// by services::finding_key), so the same finding in next month's import is already explained.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/instant.hpp"

namespace hearth::store {

struct FindingNote {
  std::int64_t id = 0;
  std::string la;
  std::string key;    // services::finding_key: rule, child, table, field, value
  std::string rule;   // kept for reading the table by hand and for audits
  std::string child;  // empty when the finding names none
  std::string note;
  std::string user;  // who wrote it
  model::Instant at{};
};

class FindingNoteStore {
 public:
  virtual ~FindingNoteStore() = default;

  // Stores the note, replacing the council's note on the same finding (same key); returns it
  // with its id.
  virtual FindingNote put_finding_note(const FindingNote& n) = 0;
  // The council's notes, oldest first.
  virtual std::vector<FindingNote> finding_notes(std::string_view la) = 0;
  virtual std::optional<FindingNote> finding_note(std::int64_t id) = 0;
  // Removes note `id`; false when there was none.
  virtual bool delete_finding_note(std::int64_t id) = 0;
};

}  // namespace hearth::store
