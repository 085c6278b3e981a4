// Officers' commentary (docs/papers.md), for the CLI and the web alike: for each indicator and
// quarter, "what is behind this figure" and "what we are doing about it"; for each year, the
// annual corporate parenting report's written sections. Markdown (rendered inert by
// report::safe_markdown_html), every version kept with who wrote it and when, so a paper as at a
// date shows the commentary as it stood then. Nothing written may name a child.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "model/instant.hpp"
#include "store/store.hpp"

namespace hearth::services {

// The annual report's sections: "introduction", "voice" (the children in care council's own
// words), "next-year", and "priority:<id>" for each priority's story.
bool annual_section(const std::string& section);

struct CommentaryPiece {
  std::string subject;  // "indicator:<key>" or "annual:<section>"
  std::string period;   // a quarter's last day (2026-03-31) for an indicator; a year (2025-26)
  std::string part;     // "behind" or "doing" for an indicator; "text" for a section
};

// Checks the piece: bad_input "bad_subject" (an indicator the registry does not have, a section
// that is not one), "bad_period" (not a quarter's last day, or not a year written 2025-26),
// "bad_part". Returns it with the period written as stored.
CommentaryPiece check_piece(const CommentaryPiece& p);

// bad_input "bad_body" for a text over 20,000 characters (counted as characters, not bytes).
void check_length(const std::string& body);

// Keeps a new version of the piece (bad_input "bad_body" over 20,000 characters,
// "names_a_child"); conflict "changed" when the newest version is not `replaces` (someone else
// saved meanwhile: look again). An empty body is kept too: it clears the piece.
store::Commentary write_commentary(const model::Dataset& data, store::Store& st,
                                   const std::string& la, const CommentaryPiece& piece,
                                   const std::string& body, std::int64_t replaces,
                                   const std::string& by, model::Instant now);

// The council's commentary for `period`, as it stood at `as_at` (now when none is given).
std::vector<store::Commentary> commentary_as_at(store::Store& st, const std::string& la,
                                                const std::string& period,
                                                std::optional<model::Instant> as_at = {});

}  // namespace hearth::services
