#include "indicators/reference.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "geo/reference.hpp"
#include "ssda903/csv.hpp"

namespace hearth::indicators {

namespace {

namespace fs = std::filesystem;

// One CSV file with a header row: columns looked up by name, errors naming file, line and column.
class Table {
 public:
  Table(const fs::path& path, std::vector<std::string_view> required) : path_(path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw ReferenceError("cannot read " + path.string());
    std::ostringstream s;
    s << f.rdbuf();
    text_ = s.str();
    reader_.emplace(text_);
    std::vector<std::string_view> header;
    if (!reader_->next(header)) throw ReferenceError(path.string() + ": the file is empty");
    for (std::size_t i = 0; i < header.size(); ++i)
      columns_[std::string(ssda903::trim(header[i]))] = i;
    for (auto r : required)
      if (!columns_.count(std::string(r)))
        throw ReferenceError(path.string() + ": no column '" + std::string(r) + "'");
  }
  bool next() {
    while (reader_->next(row_)) {
      if (row_.size() == 1 && ssda903::trim(row_[0]).empty()) continue;  // blank line
      return true;
    }
    return false;
  }
  bool has(std::string_view col) const { return columns_.count(std::string(col)) > 0; }
  std::string text(std::string_view col) const {
    auto it = columns_.find(std::string(col));
    if (it == columns_.end() || it->second >= row_.size()) return {};
    return std::string(ssda903::trim(row_[it->second]));
  }
  std::optional<double> number(std::string_view col) const {
    std::string t = text(col);
    if (t.empty()) return std::nullopt;
    double v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size()) fail(col, "'" + t + "' is not a number");
    return v;
  }
  double required_number(std::string_view col) const {
    auto v = number(col);
    if (!v) fail(col, "is empty");
    return *v;
  }
  int year(std::string_view col) const {
    double v = required_number(col);
    if (v < 1990 || v > 2100 || v != static_cast<int>(v)) fail(col, "is not a year");
    return static_cast<int>(v);
  }
  [[noreturn]] void fail(std::string_view col, const std::string& what) const {
    throw ReferenceError(path_.string() + ":" + std::to_string(reader_->line()) + ": column " +
                         std::string(col) + " " + what);
  }

 private:
  fs::path path_;
  std::string text_;
  std::optional<ssda903::CsvReader> reader_;
  std::unordered_map<std::string, std::size_t> columns_;
  std::vector<std::string_view> row_;
};

void read_comparators(const fs::path& path, ReferenceData& out) {
  Table t(path, {"indicator", "measure", "area_type", "area_code", "area_name", "year", "value",
                 "source"});
  while (t.next()) {
    ComparatorValue c;
    c.key = t.text("indicator") + "/" + t.text("measure");
    c.area_type = t.text("area_type");
    c.area_code = t.text("area_code");
    c.area_name = t.text("area_name");
    c.la_code = t.text("la_code");
    c.year = t.year("year");
    c.numerator = t.number("numerator");
    c.denominator = t.number("denominator");
    c.value = t.required_number("value");
    c.source = t.text("source");
    out.comparators.push_back(std::move(c));
  }
}

}  // namespace

ReferenceData ReferenceData::load(const fs::path& folder) {
  ReferenceData out;
  if (!fs::is_directory(folder))
    throw ReferenceError("the reference-data folder " + folder.string() + " does not exist");
  auto present = [&](const char* name) {
    fs::path p = folder / name;
    if (!fs::exists(p)) return fs::path();
    out.files.push_back(name);
    return p;
  };
  if (auto p = present("comparators/england_and_regions.csv"); !p.empty()) read_comparators(p, out);
  if (auto p = present("comparators/la_values.csv"); !p.empty()) read_comparators(p, out);
  if (auto p = present("population/under_18.csv"); !p.empty()) {
    Table t(p, {"area_type", "area_code", "la_code", "year", "population_0_17", "source"});
    while (t.next()) {
      std::string type = t.text("area_type");
      std::string area = type == "la"        ? t.text("la_code")
                         : type == "england" ? "england"
                                             : t.text("area_code");
      if (area.empty()) t.fail("la_code", "is empty for a council");
      out.population[area][t.year("year")] = t.required_number("population_0_17");
      out.population_source[area] = t.text("source");
    }
  }
  if (auto p = present("local_authorities.csv"); !p.empty()) {
    Table t(p, {"la_code", "la_name", "region", "region_code"});
    while (t.next()) {
      LocalAuthority a{t.text("la_code"), t.text("la_name"), t.text("region"),
                       t.text("region_code"), t.text("ons_code")};
      out.authorities[a.la_code] = std::move(a);
    }
  }
  if (auto p = present("comparators/statistical_neighbours.csv"); !p.empty()) {
    Table t(p, {"la_code", "neighbour_rank", "neighbour_la_code"});
    std::map<std::string, std::map<int, std::string>> ranked;
    while (t.next())
      ranked[t.text("la_code")][static_cast<int>(t.required_number("neighbour_rank"))] =
          t.text("neighbour_la_code");
    for (auto& [la, by_rank] : ranked)
      for (auto& [rank, n] : by_rank) out.neighbours[la].push_back(n);
  }
  if (auto p = present("postcode_districts.csv"); !p.empty()) {
    Table t(p, {"district", "la_code", "easting", "northing"});
    while (t.next())
      out.postcode_districts[t.text("district")] = {t.text("la_code"), t.required_number("easting"),
                                                    t.required_number("northing")};
  }
  if (std::error_code ec; fs::is_regular_file(geo::postcode_index_file(folder), ec)) {
    // The process's own geography when this is the shipped folder (read once), else this one's.
    const bool shipped =
        fs::weakly_canonical(folder, ec) == fs::weakly_canonical(geo::reference_folder(), ec);
    try {
      out.geography = shipped ? std::shared_ptr<const geo::Geography>(&geo::geography(),
                                                                      [](const geo::Geography*) {})
                              : std::make_shared<const geo::Geography>(geo::load_geography(folder));
    } catch (const std::runtime_error& e) {
      throw ReferenceError(e.what());
    }
    out.files.push_back(geo::postcode_index_file(folder).string());
  }
  out.index();
  return out;
}

ReferenceData::Placement ReferenceData::placement(std::string_view home, std::string_view placed,
                                                  std::string_view la) const {
  Placement out;
  if (geography && geography->postcodes) {
    const auto& ix = *geography->postcodes;
    auto h = ix.find(home), p = ix.find(placed);
    if (h && p && h->has_grid && p->has_grid) out.miles = geo::distance_miles(*h, *p);
    if (p) {
      const auto* a = authority(la);
      const std::string council = geography->council_of(placed);
      if (!council.empty() && a && !a->ons_code.empty()) out.in_area = council == a->ons_code;
    }
    return out;
  }
  auto district = [&](std::string_view postcode) -> const PostcodeDistrict* {
    const auto sp = postcode.find(' ');  // the district: "SW1A 1AA" -> "SW1A"
    auto it = postcode_districts.find(std::string(postcode.substr(0, sp)));
    return it == postcode_districts.end() ? nullptr : &it->second;
  };
  const auto* h = district(home);
  const auto* p = district(placed);
  if (h && p) out.miles = std::hypot(p->easting - h->easting, p->northing - h->northing) / 1609.344;
  if (p) out.in_area = p->la_code == la;
  return out;
}

void ReferenceData::index() {
  by_key_.clear();
  for (std::size_t i = 0; i < comparators.size(); ++i) by_key_[comparators[i].key].push_back(i);
}

std::vector<const ComparatorValue*> ReferenceData::comparators_for(std::string_view key) const {
  std::vector<const ComparatorValue*> out;
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    for (std::size_t i : it->second) out.push_back(&comparators[i]);
  } else if (by_key_.empty()) {  // not indexed (built by hand)
    for (const auto& c : comparators)
      if (c.key == key) out.push_back(&c);
  }
  return out;
}

fs::path ReferenceData::default_folder() {
  return geo::reference_folder();
}

std::optional<std::pair<int, double>> ReferenceData::population_for(const std::string& area,
                                                                    int year) const {
  auto it = population.find(area);
  if (it == population.end() || it->second.empty()) return std::nullopt;
  auto y = it->second.upper_bound(year);
  if (y == it->second.begin()) return std::nullopt;  // only later years
  --y;
  return std::pair{y->first, y->second};
}

const ComparatorValue* ReferenceData::comparator(std::string_view key, std::string_view area_type,
                                                 std::string_view area, int year) const {
  const ComparatorValue* best = nullptr;
  for (const ComparatorValue* c : comparators_for(key)) {
    if (c->area_type != area_type || c->year > year) continue;
    if (area_type == "la" ? c->la_code != area : (area_type == "region" && c->area_code != area))
      continue;
    if (!best || c->year > best->year) best = c;
  }
  return best;
}

const LocalAuthority* ReferenceData::authority(std::string_view la) const {
  auto it = authorities.find(std::string(la));
  return it == authorities.end() ? nullptr : &it->second;
}

}  // namespace hearth::indicators
