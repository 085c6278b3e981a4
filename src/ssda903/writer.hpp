// Writing a model::Return back out as the 903's CSV files, in Hearth's canonical form:
// the DfE's column order, comma separated, LF line ends, no byte-order mark, dates dd/mm/yyyy,
// codes upper case, cells trimmed, quoted only when they contain a comma, quote or line break.
#pragma once

#include <filesystem>
#include <string>

#include "model/journey.hpp"
#include "ssda903/tables.hpp"

namespace hearth::ssda903 {

std::string write_csv(TableKind kind, const model::Return& ret);

// Writes one file per table returned in that collection year (DoLo only from 2026/27), named
// as table_info(kind).file_name; creates the folder. Returns the files written.
std::vector<std::filesystem::path> write_csv_folder(const std::filesystem::path& folder,
                                                    const model::Return& ret);

}  // namespace hearth::ssda903
