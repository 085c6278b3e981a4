#include "validation/reference.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "geo/reference.hpp"
#include "ssda903/csv.hpp"
#include "ssda903/reader.hpp"
#include "validation/ofsted.hpp"

namespace hearth::validation {

namespace {

std::string norm(std::string_view s, bool drop_spaces) {
  std::string out;
  for (char c : ssda903::trim(s)) {
    if (drop_spaces && c == ' ') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

bool to_double(std::string_view s, double& v) {
  s = ssda903::trim(s);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc{} && p == s.data() + s.size();
}

}  // namespace

std::string add_reference_table(ValidationReference& ref, std::string_view name,
                                std::string_view csv_text) {
  ssda903::CsvReader csv(csv_text);
  std::vector<std::string_view> f;
  if (!csv.next(f)) return std::string(name) + ": the file is empty";
  std::vector<std::string> header;
  for (auto v : f) header.push_back(norm(v, true));
  auto find = [&](std::initializer_list<std::string_view> names) -> int {
    for (auto n : names)
      for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == n) return static_cast<int>(i);
    return -1;
  };
  auto need = [&](int idx, std::string_view col) {
    return idx < 0 ? std::string(name) + ": no " + std::string(col) + " column" : std::string();
  };
  auto cell = [&](int idx) {
    return idx >= 0 && static_cast<std::size_t>(idx) < f.size() ? f[static_cast<std::size_t>(idx)]
                                                                : std::string_view{};
  };
  auto row_error = [&](std::string_view why) {
    return std::string(name) + " line " + std::to_string(csv.line()) + ": " + std::string(why);
  };
  if (name == "postcodes") {
    int pcd = find({"PCD", "PCD7", "PCDS", "POSTCODE"}), la = find({"LAUA", "LAD", "LTLA"}),
        e = find({"OSEAST1M", "EAST", "EASTING"}), n = find({"OSNRTH1M", "NORTH", "NORTHING"});
    for (auto [i, c] : {std::pair{pcd, "pcd"}, {la, "laua"}, {e, "oseast1m"}, {n, "osnrth1m"}})
      if (auto m = need(i, c); !m.empty()) return m;
    geo::PostcodeIndex::Builder b;
    while (csv.next(f)) {
      geo::PostcodeRow row{ssda903::trim(cell(pcd)), ssda903::trim(cell(la)), {}, {}};
      double east = 0, north = 0;
      if (to_double(cell(e), east) && to_double(cell(n), north)) {
        row.easting = static_cast<std::int32_t>(std::lround(east));
        row.northing = static_cast<std::int32_t>(std::lround(north));
      } else if (!ssda903::trim(cell(e)).empty() || !ssda903::trim(cell(n)).empty()) {
        return row_error("oseast1m and osnrth1m must be numbers (metres)");
      }
      try {
        b.add(row, static_cast<std::size_t>(csv.line()));
      } catch (const geo::PostcodeError& err) {
        return std::string(name) + " " + err.what();
      }
    }
    ref.postcodes = std::make_shared<const geo::PostcodeIndex>(b.finish("supplied"));
  } else if (name == "upper_tier") {
    int lt = find({"LTLA", "LTLA21CD", "LAUA"}), ut = find({"UTLA", "UTLA21CD"});
    for (auto [i, c] : {std::pair{lt, "ltla"}, {ut, "utla"}})
      if (auto m = need(i, c); !m.empty()) return m;
    while (csv.next(f)) ref.upper_tier.add(norm(cell(lt), true), norm(cell(ut), true));
  } else if (name == "providers") {
    int urn = find({"URN"}), pc = find({"POSTCODE"}), la = find({"LA_CODE", "LA_CODE_INFERRED"}),
        places = find({"PLACE_CODES"}), provs = find({"PROVIDER_CODES"}), end = find({"REG_END"});
    if (auto m = need(urn, "URN"); !m.empty()) return m;
    while (csv.next(f)) {
      Provider p;
      p.urn = norm(cell(urn), true);
      p.postcode = norm(cell(pc), true);
      p.la = norm(cell(la), true);
      p.place_codes = norm(cell(places), true);
      p.provider_codes = norm(cell(provs), true);
      auto text = ssda903::trim(cell(end));
      if (!text.empty()) {
        p.registered_until = model::parse_date(text);
        if (!p.registered_until) return row_error("REG_END must be a date");
      }
      ref.providers[p.urn] = std::move(p);
    }
  } else {
    return "unknown reference table " + std::string(name);
  }
  return {};
}

ValidationReference load_validation_reference(const std::filesystem::path& folder,
                                              OfstedRead* ofsted) {
  ValidationReference ref;
  for (std::string_view name : {"postcodes", "upper_tier", "providers"}) {
    auto file = folder / (std::string(name) + ".csv");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) continue;
    std::string error = add_reference_table(ref, name, ssda903::read_file(file));
    if (!error.empty()) throw std::runtime_error(file.string() + ": " + error);
  }
  std::error_code ec;
  if (const auto lists = folder / "ofsted"; std::filesystem::is_directory(lists, ec)) {
    // The providers' councils from the folder's own postcodes and tiers when it has them, as
    // the rules will see them.
    geo::Geography own;
    own.postcodes = ref.has_postcodes() ? ref.postcodes : geo::geography().postcodes;
    own.upper_tier = ref.upper_tier.empty() ? geo::geography().upper_tier : ref.upper_tier;
    auto read = read_ofsted_lists(ofsted_files(lists), own);
    // providers.csv is the council's override: its rows stand for the URNs it lists.
    for (auto& [urn, provider] : read.providers)
      ref.providers.try_emplace(urn, std::move(provider));
    if (ofsted) *ofsted = std::move(read.read);
  }
  return ref;
}

const ValidationReference& shipped_reference() {
  static const ValidationReference ref = [] {
    ValidationReference r;
    const auto& g = geo::geography();
    r.postcodes = g.postcodes;
    r.upper_tier = g.upper_tier;
    return r;
  }();
  return ref;
}

void complete_with_shipped(ValidationReference& ref) {
  const auto& shipped = shipped_reference();
  if (!ref.has_postcodes()) ref.postcodes = shipped.postcodes;
  if (ref.upper_tier.empty()) ref.upper_tier = shipped.upper_tier;
}

std::string ons_code_of(std::string_view la) {
  const auto& by = geo::geography().councils.ons_by_la;
  auto it = by.find(std::string(la));
  return it == by.end() ? std::string() : it->second;
}

}  // namespace hearth::validation
