#include "geo/reference.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <mutex>
#include <unordered_map>

#include "geo/archive.hpp"

#ifndef HEARTH_REFERENCE_DIR
#define HEARTH_REFERENCE_DIR "reference"
#endif

namespace hearth::geo {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '_') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// A small CSV file read whole through the streaming reader, as header name -> column.
template <class Row>
void each_csv_row(const fs::path& file, Row&& row) {
  std::vector<std::string> header, fields;
  std::unordered_map<std::string, std::size_t> cols;
  std::size_t line = 0;
  LineSplitter split([&](std::string_view text) {
    ++line;
    if (line == 1) {
      split_csv_line(text, header);
      for (std::size_t i = 0; i < header.size(); ++i) cols[lower(header[i])] = i;
      return;
    }
    if (text.empty()) return;
    split_csv_line(text, fields);
    auto cell = [&](std::string_view name) -> std::string_view {
      auto it = cols.find(std::string(name));
      return it == cols.end() || it->second >= fields.size() ? std::string_view{}
                                                             : std::string_view(fields[it->second]);
    };
    row(cell, line);
  });
  read_chunks(file, [&](std::string_view c) { split.feed(c); });
  split.finish();
}

std::optional<std::int32_t> number(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  std::int32_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

fs::path installed_data(std::string_view name, std::string_view must_hold) {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const fs::path dir = exe.parent_path().parent_path() / "share" / "hearth" / name;
  const bool there =
      must_hold.empty() ? fs::is_directory(dir, ec) : fs::exists(dir / must_hold, ec);
  return there ? dir : fs::path();
}

fs::path reference_folder() {
  if (const char* env = std::getenv("HEARTH_REFERENCE"); env && *env) return env;
  if (auto installed = installed_data("reference"); !installed.empty()) return installed;
  return HEARTH_REFERENCE_DIR;
}

fs::path postcode_index_file(const fs::path& folder) {
  return folder / "postcodes" / "postcodes.idx";
}
fs::path upper_tier_file(const fs::path& folder) {
  return folder / "postcodes" / "ltla-utla.csv";
}

std::string Geography::council_of(std::string_view postcode) const {
  if (!postcodes) return {};
  auto p = postcodes->find(postcode);
  return p ? upper_tier.council(p->district) : std::string();
}

Geography load_geography(const fs::path& folder) {
  Geography g;
  std::error_code ec;
  if (const auto idx = postcode_index_file(folder); fs::is_regular_file(idx, ec))
    g.postcodes = std::make_shared<const PostcodeIndex>(PostcodeIndex::load(idx));
  else
    g.missing = "there is no postcode index (" + idx.string() + ")";
  // ONS's table, then Hearth's own changes since it (ltla-utla-changes.csv: district codes that
  // moved while the council's code the DfE uses did not).
  for (const auto& tiers :
       {upper_tier_file(folder), folder / "postcodes" / "ltla-utla-changes.csv"})
    if (fs::is_regular_file(tiers, ec))
      each_csv_row(tiers, [&](auto cell, std::size_t) {
        std::string lo(cell("ltla21cd")), up(cell("utla21cd"));
        if (lo.empty()) lo = cell("ltla"), up = cell("utla");
        if (!lo.empty() && !up.empty()) g.upper_tier.add(lo, up);
      });
  if (const auto las = folder / "local_authorities.csv"; fs::is_regular_file(las, ec))
    each_csv_row(las, [&](auto cell, std::size_t) {
      const std::string la(cell("lacode")), ons(cell("onscode"));
      if (la.empty() || ons.empty()) return;
      g.councils.ons_by_la[la] = ons;
      g.councils.la_by_ons[ons] = la;
    });
  return g;
}

const Geography& geography() {
  static std::once_flag once;
  static Geography g;
  std::call_once(once, [] { g = load_geography(reference_folder()); });
  return g;
}

PostcodeIndex read_directory(const fs::path& file, const std::string& release,
                             DirectoryRead& report) {
  PostcodeIndex::Builder b;
  std::vector<std::string> header, fields;
  int pcd = -1, la = -1, east = -1, north = -1;
  std::size_t line = 0;
  auto fail = [&](const std::string& why) {
    throw PostcodeError(file.string() + (report.member.empty() ? "" : ": " + report.member) + ": " +
                        why);
  };
  LineSplitter split([&](std::string_view text) {
    ++line;
    if (line == 1) {
      split_csv_line(text, header);
      auto find = [&](std::initializer_list<std::string_view> names, bool prefix = false) {
        for (auto n : names)
          for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string h = lower(header[i]);
            if (h == n || (prefix && h.size() == 7 && h.rfind(n, 0) == 0 && h.ends_with("cd")))
              return static_cast<int>(i);
          }
        return -1;
      };
      pcd = find({"pcd7", "pcd", "pcds", "postcode"});
      la = find({"laua", "lad", "ltla"});
      if (la < 0) la = find({"lad"}, true);  // lad25cd in newer releases
      east = find({"oseast1m", "easting", "east"});
      north = find({"osnrth1m", "northing", "north"});
      for (auto [i, n] :
           {std::pair{pcd, "pcd"}, {la, "laua"}, {east, "oseast1m"}, {north, "osnrth1m"}})
        if (i < 0) fail(std::string("there is no ") + n + " column in the first row");
      return;
    }
    if (text.empty()) return;
    split_csv_line(text, fields);
    auto cell = [&](int i) {
      return static_cast<std::size_t>(i) < fields.size()
                 ? std::string_view(fields[static_cast<std::size_t>(i)])
                 : std::string_view{};
    };
    PostcodeRow row;
    row.postcode = cell(pcd);
    row.district = cell(la);
    row.easting = number(cell(east));
    row.northing = number(cell(north));
    if (!cell(east).empty() && !row.easting)
      fail("row " + std::to_string(line) + ": oseast1m is not a whole number of metres");
    try {
      b.add(row, line);
    } catch (const PostcodeError& e) {
      fail(e.what());
    }
  });
  auto feed = [&](std::string_view c) { split.feed(c); };
  if (ZipArchive::is_zip(file)) {
    ZipArchive zip(file);
    // ONS's archive holds the directory as Data/ONSPD_<MON>_<YEAR>_UK.csv, beside documents and
    // the directory split by area (Data/multi_csv/): take the whole-UK CSV, else the one CSV.
    const ZipArchive::Member* pick = nullptr;
    std::size_t csvs = 0;
    for (const auto& m : zip.members()) {
      const std::string name = lower(m.name);
      if (!name.ends_with(".csv") || name.find("multi") != std::string::npos) continue;
      ++csvs;
      if (name.find("onspd") != std::string::npos && name.ends_with("uk.csv")) pick = &m;
    }
    if (!pick && csvs == 1)
      for (const auto& m : zip.members())
        if (lower(m.name).ends_with(".csv") && lower(m.name).find("multi") == std::string::npos)
          pick = &m;
    if (!pick)
      throw PostcodeError(file.string() +
                          ": no postcode directory in the archive (expected Data/ONSPD_…_UK.csv)");
    report.member = pick->name;
    zip.read(*pick, feed);
  } else {
    read_chunks(file, feed);
  }
  split.finish();
  if (line < 2) fail("the file has no postcodes");
  report.rows = line - 1;
  if (b.size() == 0) fail("the file has no postcodes");
  // Without a name given, the release is named after what was read: "Data/ONSPD_NOV_2025_UK.csv"
  // -> "ONSPD NOV 2025"; else the file's name.
  std::string name = release;
  if (name.empty()) {
    name = fs::path(report.member.empty() ? file.filename().string() : report.member)
               .filename()
               .string();
    for (std::string_view ext : {".gz", ".csv", ".zip", "_UK"})
      if (name.ends_with(ext)) name.resize(name.size() - ext.size());
    for (auto& ch : name)
      if (ch == '_') ch = ' ';
  }
  return b.finish(name);
}

}  // namespace hearth::geo
