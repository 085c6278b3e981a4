#include "services/finding_notes.hpp"

#include <algorithm>

#include "auth/crypto.hpp"
#include "model/text.hpp"
#include "services/errors.hpp"

namespace hearth::services {

std::string finding_key(const model::Finding& f) {
  std::string text;
  for (const std::string* part : {&f.rule, &f.child, &f.table, &f.column, &f.value}) {
    text += std::to_string(part->size());  // length-prefixed: no two findings share a text
    text += ':';
    text += *part;
  }
  return auth::sha256_hex(text).substr(0, 32);
}

NoteIndex note_index(store::FindingNoteStore& st, const std::string& la) {
  NoteIndex out;
  for (auto& n : st.finding_notes(la)) out[n.key] = std::move(n);
  return out;
}

store::FindingNote explain(store::Store& st, const FindingList& findings, const ExplainRequest& r) {
  const auto blank = std::all_of(r.note.begin(), r.note.end(),
                                 [](unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); });
  if (blank)
    throw bad_input("bad_note", "Write what explains the finding: the note is empty.",
                    {{"parameter", "note"}});
  if (!model::is_utf8(r.note))
    throw bad_input("bad_note", "The note must be text (UTF-8).", {{"parameter", "note"}});
  // characters, as the page counts them (an accented letter is one, not two bytes)
  if (model::utf8_characters(r.note) > kMaxNoteCharacters)
    throw bad_input(
        "bad_note",
        "The note is too long: at most " + std::to_string(kMaxNoteCharacters) + " characters.",
        {{"parameter", "note"}});
  const model::Finding* found = nullptr;
  if (findings)
    for (const auto& f : *findings)
      if (finding_key(f) == r.key) {
        found = &f;
        break;
      }
  if (!found)
    throw not_found("not_found",
                    "Import " + std::to_string(r.import_id) + " holds no finding '" + r.key + "'.",
                    {{"key", r.key}});
  store::FindingNote n;
  n.la = r.la;
  n.key = r.key;
  n.rule = found->rule;
  n.child = found->child;
  n.note = r.note;
  n.user = r.user;
  n.at = r.at;
  return st.put_finding_note(n);
}

}  // namespace hearth::services
