// A file the program carries in itself, read at build time (cmake/Embed.cmake).
#pragma once

#include <string_view>

namespace hearth::model {

struct EmbeddedFile {
  std::string_view name;  // the file's name, without its folder: "001_returns.sql"
  std::string_view text;  // its bytes
};

}  // namespace hearth::model
