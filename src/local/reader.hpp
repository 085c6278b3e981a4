// Reading a council's local-record extracts (CSV, one file per table, any file names; the table
// is recognised by its columns) into model::LocalRecords. Same rules as the 903 reader: every
// problem is a Finding, a row with a bad cell is not taken, nothing here throws on bad data.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "local/tables.hpp"
#include "model/local.hpp"
#include "ssda903/reader.hpp"

namespace hearth::local {

struct LocalRead {
  model::LocalRecords records;
  ssda903::ReadReport report;
  std::vector<LocalTable> tables;  // the tables present, in file order
};

// Reads one CSV; returns false (with no finding) when its header is not a local table, so the
// caller can try it as a 903 table.
bool read_local_csv(const std::string& file_name, std::string_view content, LocalRead& out);

// True when the header row of `content` names a local table.
bool looks_local(std::string_view content);

// Reads every .csv directly in `folder` as a local table; files that are not are findings.
LocalRead read_local_folder(const std::filesystem::path& folder, const std::string& la);

}  // namespace hearth::local

namespace hearth::local {

// Writes each table of `records` that has rows (or is named in `tables`) as <file_name> in
// `folder`, with the documented header; dates ISO. Returns the files written.
std::vector<std::filesystem::path> write_local_folder(const std::filesystem::path& folder,
                                                      const model::LocalRecords& records);

}  // namespace hearth::local
