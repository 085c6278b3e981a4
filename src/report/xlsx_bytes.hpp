// A workbook as bytes (a download): libxlsxwriter writes only files.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace hearth::report {

// `write` makes the workbook at the path it is given (a private temporary file), whose bytes are
// returned; the file is removed whatever happens.
std::string xlsx_bytes(const std::function<void(const std::filesystem::path&)>& write);

}  // namespace hearth::report
