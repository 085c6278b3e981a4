// Every UK postcode, where it is and whose it is: a compact index built from the ONS National
// Statistics Postcode Directory (reference/postcodes/, docs/postcodes.md). One 64-bit word a
// postcode — its inward code, its district and its grid reference — in runs by outward code, so
// the whole directory (2.7 M postcodes) is about 22 MB in memory, read from disk without parsing.
// Lookups take any spacing and case, as the DfE's tool does (spaces removed, upper case).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hearth::geo {

// What the directory says of one postcode.
struct Place {
  std::string_view district;  // ONS local authority district (laua), e.g. "E06000035"; "" if none
  bool has_grid = false;      // ONS gives a grid reference
  std::int32_t easting = 0;   // metres, OSGB36 (British National Grid)
  std::int32_t northing = 0;
};

// A row read from a directory file, before indexing.
struct PostcodeRow {
  std::string_view postcode;  // as written ("ME7 1AA", "me71aa")
  std::string_view district;  // "" when ONS gives none ("nan" is read as none)
  std::optional<std::int32_t> easting, northing;
};

class PostcodeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class PostcodeIndex {
 public:
  // Builds the index from rows (any order; a postcode given twice keeps its last row). Throws
  // PostcodeError naming the row (1-based, as `row_number` counts them) of a postcode that is
  // not one, a district code that is not an ONS code, or a grid reference out of range.
  class Builder {
   public:
    void add(const PostcodeRow& row, std::size_t row_number);
    PostcodeIndex finish(std::string release);
    std::size_t size() const { return words_.size(); }

   private:
    std::vector<std::pair<std::uint32_t, std::uint64_t>> words_;  // (outward id, word)
    std::vector<std::string> outwards_, districts_;
    std::unordered_map<std::string, std::uint32_t> outward_ids_, district_ids_;
  };

  // Reads the index file (written by save()). Throws PostcodeError when it is not one, or is
  // from a newer Hearth.
  static PostcodeIndex load(const std::filesystem::path& file);
  void save(const std::filesystem::path& file) const;  // written whole, then renamed into place

  std::optional<Place> find(std::string_view postcode) const;
  bool contains(std::string_view postcode) const { return find(postcode).has_value(); }

  // Every postcode with its place, in order (outward code, then inward code); `fn` returns false
  // to stop.
  void each(const std::function<bool(std::string_view postcode, const Place&)>& fn) const;

  // Postcode i of size(), in the order each() gives them.
  std::string postcode_at(std::size_t i) const;
  Place place_at(std::size_t i) const { return decode(words_[i]); }
  int district_id_at(std::size_t i) const;  // into districts(); -1 when none
  std::string_view outward_at(std::size_t i) const;

  std::size_t size() const { return words_.size(); }
  std::size_t memory_bytes() const;
  const std::string& release() const { return release_; }  // "ONSPD November 2025"
  const std::vector<std::string>& districts() const { return districts_; }

  // A postcode as ONS writes it for display ("ME71AA" -> "ME7 1AA"), or "" when it is not a
  // postcode's shape.
  static std::string canonical(std::string_view text);

 private:
  friend class Builder;
  Place decode(std::uint64_t word) const;
  struct Outward {
    char code[4];         // up to four characters, NUL padded
    std::uint32_t first;  // its first word
  };
  std::string release_;
  std::vector<std::string> districts_;
  std::vector<Outward> outwards_;     // sorted by code
  std::vector<std::uint64_t> words_;  // by outward, then inward code
};

// Straight-line distance between two grid references in miles, as the DfE works it out for the
// 903 (metres / 1000 / 1.6093, rounded to one decimal place).
double distance_miles(const Place& a, const Place& b);

// ONS lower-tier to upper-tier councils (the upper tier is the council responsible for children's
// services). A unitary district (E06, E08, E09, W06) is its own upper tier whether or not the
// table lists it, so councils created after the table (Cumberland, North Yorkshire…) are known.
class UpperTier {
 public:
  void add(std::string lower, std::string upper) { map_[std::move(lower)] = std::move(upper); }
  // "" when the district is not known to be in England or Wales.
  std::string of(std::string_view district) const;
  // The council responsible for children's services in a district: its upper tier; "SCO",
  // "NIR" or "WAL" for a district in Scotland, Northern Ireland or Wales (outside England); ""
  // when not known. The one reading of a placement's council, for the 903 rules and the scorecard.
  std::string council(std::string_view district) const;
  bool empty() const { return map_.empty(); }

 private:
  std::unordered_map<std::string, std::string> map_;
};

// A council's upper-tier ONS code ("E06000035") and the three-digit code the 903 uses ("887"),
// from reference/local_authorities.csv.
struct Councils {
  std::unordered_map<std::string, std::string> ons_by_la, la_by_ons;
};

}  // namespace hearth::geo
