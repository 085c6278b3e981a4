// Parsing the TOML configuration file, shared by the modules that own a section of it
// (timescales, indicators). Not part of their public headers: include it from a .cpp only.
#pragma once

#include <toml++/toml.h>

#include <string_view>

namespace hearth::timescales {

// The parsed document; a syntax error is a ConfigError naming the file and line.
toml::table parse_toml_document(std::string_view text, std::string_view source_name);

}  // namespace hearth::timescales
