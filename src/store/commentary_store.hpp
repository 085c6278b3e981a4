// Officers' commentary as the store keeps it (docs/papers.md): every version of every piece, so
// the commentary as at any instant is, for each subject, period and part, the version written
// last by then. A save names the version it replaces; when someone else saved in between, it is
// refused rather than lost.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/instant.hpp"

namespace hearth::store {

struct Commentary {
  std::int64_t id = 0;
  std::string la;
  std::string subject;  // "indicator:<key>", or "annual:<section>"
  std::string period;   // a quarter's last day "2026-03-31", or a year "2025-26"
  std::string part;     // "behind", "doing" or "text"
  std::string body;     // Markdown
  model::Instant written_at{};
  std::string written_by;
  std::int64_t replaces = 0;  // the version it replaces (0: the first)
};

class CommentaryStore {
 public:
  virtual ~CommentaryStore() = default;
  // Keeps `c` as the newest version of its subject, period and part, if the newest now is
  // `c.replaces` (0: there is none yet); the new id, or 0 when another version came in between.
  virtual std::int64_t add_commentary(const Commentary& c) = 0;
  // For each subject and part of the council's `period`, the version written last at or before
  // `as_at` (the newest when none is given), by subject then part.
  virtual std::vector<Commentary> commentary(std::string_view la, std::string_view period,
                                             std::optional<model::Instant> as_at = {}) = 0;
  // Every version of one piece, oldest first.
  virtual std::vector<Commentary> commentary_history(std::string_view la, std::string_view subject,
                                                     std::string_view period,
                                                     std::string_view part) = 0;
};

}  // namespace hearth::store
