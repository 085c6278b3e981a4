// reference/NOTICE.md, embedded at build time (src/cli/CMakeLists.txt).
#pragma once

#include <span>

#include "model/embedded_file.hpp"

namespace hearth::cli::embedded {
std::span<const model::EmbeddedFile> reference_notice();
}  // namespace hearth::cli::embedded
