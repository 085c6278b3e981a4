// Text helpers the router and the server share (not part of the module's interface).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::http::detail {

int hex_value(char c);
// Percent-decodes `in`. Strict: false on a malformed escape or an encoded NUL.
// Lenient: a malformed escape is kept as text.
bool percent_decode(std::string_view in, std::string& out, bool plus_is_space, bool strict);
std::string lenient_decode(std::string_view in);
// "/a/b/" → {"a", "b", ""}; "/" → {""}. `path` starts with '/'.
std::vector<std::string_view> split_path(std::string_view path);
// a=1&b=2 into `out` (decoded; '+' is a space; the last of a name wins).
void parse_query(std::string_view qs, std::map<std::string, std::string>& out);

}  // namespace hearth::http::detail
