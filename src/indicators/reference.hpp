// Reference data the scorecard needs and the 903 does not carry: published comparator values
// (England, regions, each council), the resident child population for rates per 10,000, the
// councils' regions and statistical neighbours, and the geography for placement distance: every
// postcode (shipped, reference/postcodes/), or postcode district centres the council supplies. Read
// from a folder of CSV files whose layout is in docs/indicators.md; every file is optional, and
// what is missing shows as "no comparator" or "no data" with the file it needs.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "geo/reference.hpp"

namespace hearth::indicators {

class ReferenceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ComparatorValue {
  std::string key;        // "leavers_eet/age_19_21" (indicator/measure in the file)
  std::string area_type;  // england, region, la
  std::string area_code;  // ONS code
  std::string area_name;
  std::string la_code;  // DfE three-digit code, for area_type la
  int year = 0;         // end year of the collection year (2025 = 2024-25)
  std::optional<double> numerator, denominator;
  double value = 0;
  std::string source;
};

struct LocalAuthority {
  std::string la_code, name, region, region_code;
  std::string ons_code;  // upper-tier ONS code, e.g. E06000035
};

struct PostcodeDistrict {
  std::string la_code;               // the council the district lies in
  double easting = 0, northing = 0;  // metres, British National Grid
};

struct ReferenceData {
  std::vector<ComparatorValue> comparators;
  // (la code, or "england", or region code) -> year -> children aged 0-17
  std::map<std::string, std::map<int, double>> population;
  std::map<std::string, std::string> population_source;        // by area
  std::map<std::string, LocalAuthority> authorities;           // by la code
  std::map<std::string, std::vector<std::string>> neighbours;  // la code -> neighbours, by rank
  std::map<std::string, PostcodeDistrict> postcode_districts;  // "ME7" -> ...
  // Every postcode and council tier (reference/postcodes/); null when the folder has none.
  std::shared_ptr<const geo::Geography> geography;
  std::vector<std::string> files;  // what was read, for the record

  // Reads every known file present in `folder`. A malformed row is a ReferenceError naming the
  // file, line and column.
  static ReferenceData load(const std::filesystem::path& folder);
  // The folder built into this binary (the source tree's reference/), or HEARTH_REFERENCE.
  static std::filesystem::path default_folder();

  // The latest population for the area in a year at or before `year`.
  std::optional<std::pair<int, double>> population_for(const std::string& area, int year) const;
  // The latest comparator for the key and area at or before `year`.
  const ComparatorValue* comparator(std::string_view key, std::string_view area_type,
                                    std::string_view area, int year) const;
  const LocalAuthority* authority(std::string_view la) const;
  // Where a child is placed, relative to home: the distance in miles (DfE's rounding) between
  // full postcodes (or district centres when only those are known); whether the placement is in
  // council `la`'s area. Each empty when not known.
  struct Placement {
    std::optional<double> miles;
    std::optional<bool> in_area;
  };
  Placement placement(std::string_view home_postcode, std::string_view placement_postcode,
                      std::string_view la) const;
  bool knows_places() const {
    return (geography && geography->postcodes) || !postcode_districts.empty();
  }
  // The comparator rows for a key ("leavers_eet/age_19_21"), any area and year.
  std::vector<const ComparatorValue*> comparators_for(std::string_view key) const;
  // Builds the lookup by key (load() does; call it after adding comparators by hand).
  void index();

 private:
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_key_;
};

}  // namespace hearth::indicators
