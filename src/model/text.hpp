// Text helpers shared by every layer: well-formed UTF-8 (readers, findings, reports, replies),
// text any database column takes exactly as given (the store), text safe for a log line or a
// terminal (the audit log), and CSV cells a spreadsheet will not run (every CSV writer meant for
// people). One scanner of UTF-8 behind all of them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hearth::model {

// Whether `s` is well-formed UTF-8 (no stray continuation bytes, overlong forms, surrogates or
// code points past U+10FFFF). Findings, reports and replies only ever carry such text.
bool is_utf8(std::string_view s);
// `s` with each byte that does not belong to well-formed UTF-8 replaced by U+FFFD (a Latin-1
// 0xC9 becomes "\xEF\xBF\xBD"); `s` itself when it is already well-formed.
std::string to_utf8(std::string_view s);
// The length of the longest prefix of `s` that is well-formed UTF-8.
std::size_t utf8_prefix(std::string_view s);
// The characters in `s` as people count them (code points: an accented or Arabic letter is one,
// not two bytes), for limits stated in characters.
std::size_t utf8_characters(std::string_view s);

// Text that any database column takes exactly as given, whatever bytes a user sent: to_utf8,
// and each NUL also becomes U+FFFD (PostgreSQL cuts a TEXT value at a NUL byte and refuses
// invalid UTF-8 outright; SQLite keeps both but hands them back unreliably). Every string the
// store writes passes through this or escaped_text, so what is written is what is read back
// (and what the audit chain hashes). Text that is already fine comes back unchanged.
std::string storable_text(std::string_view s);
// In place; returns true when it had to change anything.
bool make_storable(std::string& s);

// For the audit log and for terminals: storable_text, and every other control character
// (U+0001–U+001F, U+007F) and NUL written as \u00XX, so a log line never carries a raw escape
// sequence or line break and NUL never reaches the database.
std::string escaped_text(std::string_view s);

// A cell for a CSV file someone may open in a spreadsheet: one that starts with = + - @, TAB
// or CR (and is not simply a number such as -12 or +3.5) gets a leading ' so it is shown as
// text, never run as a formula (OWASP, "CSV injection"). Every CSV writer meant for people
// uses this; a file written for another program (a 903 return) must not.
std::string spreadsheet_cell(std::string_view s);
// Whether spreadsheet_cell would change `s` (for writers that avoid a copy of every cell).
bool formula_like(std::string_view s);

}  // namespace hearth::model
