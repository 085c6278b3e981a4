// Where Hearth's published reference data is (reference/ in the source tree, or
// share/hearth/reference beside an installed binary), and the geography read from it once per
// process: the ONS postcode index, the lower- to upper-tier council table and each council's
// codes. docs/postcodes.md says where each file comes from and how to refresh it.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "geo/postcodes.hpp"

namespace hearth::geo {

// $HEARTH_REFERENCE; else share/hearth/reference beside the running binary (an installed
// package: /usr/bin/hearth -> /usr/share/hearth/reference); else the source tree's reference/.
std::filesystem::path reference_folder();

// share/hearth/<name> beside the running binary (/usr/bin/hearth -> /usr/share/hearth/<name>)
// when it exists and holds `must_hold` (or is a folder, when `must_hold` is empty); else "".
std::filesystem::path installed_data(std::string_view name, std::string_view must_hold = {});

// The files under a reference folder.
std::filesystem::path postcode_index_file(
    const std::filesystem::path& folder);  // postcodes/postcodes.idx
std::filesystem::path upper_tier_file(
    const std::filesystem::path& folder);  // postcodes/ltla-utla.csv

struct Geography {
  std::shared_ptr<const PostcodeIndex> postcodes;  // null when the folder has no index
  UpperTier upper_tier;
  Councils councils;
  std::string missing;  // why there are no postcodes, for a "no data" message

  // The council responsible for a postcode's children's services: its upper-tier ONS code;
  // "SCO", "WAL" or "NIR" for a district in Scotland, Wales or Northern Ireland; "" when the
  // postcode or its council is not known.
  std::string council_of(std::string_view postcode) const;
};

// Reads a reference folder's geography (every file optional). Throws PostcodeError or
// std::runtime_error naming a damaged file.
Geography load_geography(const std::filesystem::path& folder);

// reference_folder()'s geography, read the first time it is asked for (the postcode index is
// 22 MB: a command that never looks at a postcode never reads it). Thread-safe.
const Geography& geography();

// Reads a postcode directory as ONS publishes it — the ONSPD zip, or one CSV from it, plain or
// gzip — into an index: columns pcd (or pcd7, pcds, postcode), laua (or lad…cd), oseast1m (or
// easting) and osnrth1m (or northing). Throws PostcodeError naming the file, row and column.
// An empty `release` names it from the file ("Data/ONSPD_NOV_2025_UK.csv" -> "ONSPD NOV 2025").
struct DirectoryRead {
  std::string member;  // the CSV read from a zip archive
  std::size_t rows = 0;
};
PostcodeIndex read_directory(const std::filesystem::path& file, const std::string& release,
                             DirectoryRead& report);

}  // namespace hearth::geo
