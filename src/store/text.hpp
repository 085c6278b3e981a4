// Text that any database column takes exactly as given, whatever bytes a user sent. PostgreSQL
// cuts a TEXT value at a NUL byte and refuses invalid UTF-8 outright; SQLite keeps both but
// hands them back unreliably. So every string the store writes passes through one of these
// first, and what is written is what is read back (and what the audit chain hashes).
#pragma once

#include <string>
#include <string_view>

namespace hearth::store {

// Valid UTF-8 with no NUL: each invalid byte (and each NUL) becomes U+FFFD. Text that is
// already valid (almost all of it) comes back unchanged.
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

}  // namespace hearth::store
