// Explaining findings: a note from the performance team on a finding the data rightly raises,
// so that next month's list shows only what is new. A finding is known across imports by its
// key — its rule, child, table, field and value, not its row, which moves as the return is
// re-extracted — so the same finding in a later import is already explained, and a changed
// value (a different finding) is not. `GET /api/v1/findings`, the rule pages, the exports and
// `hearth imports --findings` all read notes through this.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "model/finding.hpp"
#include "model/instant.hpp"
#include "services/findings.hpp"
#include "store/store.hpp"

namespace hearth::services {

// The finding's identity across imports: 32 hex digits (a digest of its rule, child, table,
// field and value, so any bytes in the value make a well-formed key).
std::string finding_key(const model::Finding& f);

// The council's notes, by finding key.
using NoteIndex = std::unordered_map<std::string, store::FindingNote>;
NoteIndex note_index(store::FindingNoteStore& st, const std::string& la);

inline constexpr std::size_t kMaxNoteCharacters = 2000;

struct ExplainRequest {
  std::string la;
  std::int64_t import_id = 0;  // the stored import whose finding it is (of council `la`)
  std::string key;             // finding_key of one of its findings
  std::string note;
  std::string user;
  model::Instant at{};
};
// Stores the note (replacing an earlier note on the same finding). bad_input for an empty or
// over-long note; not_found when the import is not the council's or holds no such finding.
store::FindingNote explain(store::Store& st, const FindingList& findings, const ExplainRequest& r);

}  // namespace hearth::services
