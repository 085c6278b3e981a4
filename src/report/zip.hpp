// A ZIP archive of a few files, made in memory (a subject access request's export): entries
// stored as they are (no compression: the files are small, and every unzip tool reads them),
// with their CRC-32 and sizes, UTF-8 names.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace hearth::report {

// name → bytes, in order. Names are relative ("statements.csv", "records/child.json").
std::string zip_archive(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace hearth::report
