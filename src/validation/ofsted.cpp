#include "validation/ofsted.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>

#include "geo/xlsx.hpp"
#include "ssda903/csv.hpp"

namespace hearth::validation {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kHeaderSearch = 20;  // rows looked at for the column names

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// Spaces as spreadsheets write them: ordinary, tab, line breaks and the no-break space (UTF-8
// C2 A0), which Excel users type by accident.
std::size_t space_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
  return 0;
}

// A column name or a word as compared: lower case, runs of spaces, "_" and "-" as one space,
// trimmed ("Setting_Address-Postcode " -> "setting address postcode").
std::string normalise(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);  // a byte-order mark
  std::string out;
  bool gap = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = space_at(s, i);
    if (n == 0 && (s[i] == '_' || s[i] == '-')) n = 1;
    if (n > 0) {
      gap = true;
      i += n;
      continue;
    }
    if (gap && !out.empty()) out.push_back(' ');
    gap = false;
    out.push_back(lower(s[i++]));
  }
  return out;
}

// Text upper-cased with every space removed: how URNs and postcodes are compared.
std::string squeeze(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t n = space_at(s, i)) {
      i += n;
      continue;
    }
    out.push_back(upper(s[i++]));
  }
  return out;
}

// Ofsted's ways of writing "nothing here".
bool none_word(std::string_view text) {
  const std::string n = normalise(text);
  return n.empty() || n == "na" || n == "n/a" || n == "not applicable" || n == "none";
}

// A URN: upper case, no spaces; a number cell written as Excel may ("2999007.0", "2.999007E6")
// becomes the whole number, so it matches the 903's text. Plain digits are left alone (a
// leading zero is kept).
std::string urn_text(std::string_view cell) {
  std::string u = squeeze(cell);
  if (u.find_first_of(".E") == std::string::npos ||
      u.find_first_not_of("0123456789.E+-") != std::string::npos)
    return u;
  double v = 0;
  auto [p, ec] = std::from_chars(u.data(), u.data() + u.size(), v);
  if (ec != std::errc{} || p != u.data() + u.size() || v < 0 || v >= 1e15 || v != std::floor(v))
    return u;
  return std::to_string(static_cast<long long>(v));
}

void add_unique(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// Codes as Ofsted writes them ("PR1/PR2", "U1, U2", "K2;K3") split, upper-cased, in order.
void add_codes(std::string_view cell, std::vector<std::string>& codes) {
  if (none_word(cell)) return;
  std::string code;
  auto flush = [&] {
    if (!code.empty() && code != "-") add_unique(codes, code);
    code.clear();
  };
  for (std::size_t i = 0; i < cell.size();) {
    const std::size_t n = space_at(cell, i);
    if (n > 0 || cell[i] == ',' || cell[i] == '/' || cell[i] == ';') {
      flush();
      i += n > 0 ? n : 1;
      continue;
    }
    code.push_back(upper(cell[i++]));
  }
  flush();
}

std::string joined(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// One sheet's cells, from a workbook or a CSV file.
struct Grid {
  std::string file, sheet;  // sheet "" for CSV
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> numbers;  // each row's spreadsheet row or CSV line; empty: index + 1
  bool date1904 = false;

  std::size_t number(std::size_t r) const { return numbers.empty() ? r + 1 : numbers[r]; }
  std::string where() const { return file + (sheet.empty() ? "" : ": sheet '" + sheet + "'"); }
};

// What one URN's rows say, merged.
struct Entry {
  std::vector<std::string> place, provider;
  std::string postcode;
  bool postcode_from_open = false;
  bool open = false;            // some row is still registered
  bool closed_undated = false;  // some row is closed with no end date
  OptDate latest_end;
};

// A row's registration: ended on a date, closed with no date, still open, or not said (a sheet
// with neither an end date nor a status, such as the children's homes list's addresses).
enum class State { Ended, ClosedUndated, Open, Unknown };

struct Columns {
  int urn = -1, place = -1, provider = -1, postcode = -1, end = -1, status = -1, type = -1,
      sector = -1;
};

int find_column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const char* name : names)
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
  return -1;
}

Columns map_columns(const std::vector<std::string>& cells) {
  std::vector<std::string> header;
  for (const auto& c : cells) header.push_back(normalise(c));
  Columns c;
  c.urn = find_column(header, {"urn"});
  c.place = find_column(header, {"placement code"});
  c.provider = find_column(header, {"placement provider code", "provider placement code"});
  // The children's homes list calls the PLACE code "Provider Code" (e.g. K2) beside its
  // "Provider Placement Code" (the PR codes); elsewhere "provider code" is not read.
  if (c.place < 0 && find_column(header, {"provider placement code"}) >= 0)
    c.place = find_column(header, {"provider code"});
  c.postcode = find_column(
      header, {"setting address postcode", "setting postcode", "provider postcode", "postcode"});
  c.end = find_column(header, {"deregistration date", "closed date"});
  c.status = find_column(header, {"registration status", "provider status"});
  c.type = find_column(header, {"provider type", "provision type"});
  c.sector = find_column(header, {"sector", "provider sector"});
  return c;
}

bool supported_accommodation_sheet(std::string_view name) {
  const std::string n = normalise(name);
  return n == "sa" || n.starts_with("sa ") ||
         n.find("supported accommodation") != std::string::npos;
}

class Reader {
 public:
  explicit Reader(OfstedRead& report) : report_(report) {}

  // Reads one sheet's providers; false (with the reason in `why`) when it has no URN column
  // or no provider columns.
  bool read(const Grid& g, std::string& why) {
    std::size_t header = g.rows.size();
    for (std::size_t r = 0; r < g.rows.size() && r < kHeaderSearch && header == g.rows.size(); ++r)
      for (const auto& cell : g.rows[r])
        if (normalise(cell) == "urn") header = r;
    if (header == g.rows.size()) {
      why = "no URN column in its first " + std::to_string(kHeaderSearch) + " rows";
      return false;
    }
    const Columns c = map_columns(g.rows[header]);
    if (c.place < 0 && c.provider < 0 && c.postcode < 0) {
      why = "no placement code, placement provider code or postcode column";
      return false;
    }
    const bool sa_sheet = supported_accommodation_sheet(g.sheet);
    OfstedRead::Sheet sheet{g.file, g.sheet, g.number(header), 0};
    for (std::size_t r = header + 1; r < g.rows.size(); ++r) {
      const auto& cells = g.rows[r];
      auto cell = [&](int i) -> std::string_view {
        return i >= 0 && static_cast<std::size_t>(i) < cells.size()
                   ? std::string_view(cells[static_cast<std::size_t>(i)])
                   : std::string_view{};
      };
      const std::string urn = urn_text(cell(c.urn));
      if (urn.empty() || urn == "-" || urn == "URN") continue;  // blank, or a repeated header
      ++sheet.rows;
      Entry& e = entries_[urn];

      std::vector<std::string> place, provider;
      add_codes(cell(c.place), place);
      add_codes(cell(c.provider), provider);
      const bool sa =
          sa_sheet || normalise(cell(c.type)).find("supported accommodation") != std::string::npos;
      // Supported accommodation is placement type K3, as the DfE's tool has it.
      if (sa && place.empty()) place.push_back("K3");
      // Hearth's choice, not the DfE tool's: with no provider code, who runs supported
      // accommodation comes from its sector (the tool puts PR4 on every row, so a council's own
      // supported accommodation fails rule 224). PR4 when the sector says nothing either.
      if (sa && provider.empty()) {
        const std::string sector = normalise(cell(c.sector));
        if (sector == "local authority")
          provider = {"PR1", "PR2"};
        else if (sector == "voluntary")
          provider = {"PR5"};
        else
          provider = {"PR4"};
      }
      for (const auto& code : place) add_unique(e.place, code);
      for (const auto& code : provider) add_unique(e.provider, code);

      const std::string_view end_text = cell(c.end);
      const EndDate end = read_end_date(end_text, g.date1904);
      if (!end.readable)
        report_.warnings.push_back(g.where() + " row " + std::to_string(g.number(r)) + ": URN " +
                                   urn + ": the end date '" + std::string(end_text) +
                                   "' is not a date, so it is not used");
      const std::string status = normalise(cell(c.status));
      State state = State::Unknown;
      if (end.date)
        state = State::Ended;
      else if (status == "closed" || status == "resigned" || status == "cancelled" ||
               status == "deregistered")
        state = State::ClosedUndated;
      else if ((c.status >= 0 && !status.empty()) || (c.end >= 0 && end.readable))
        state = State::Open;

      std::string postcode = none_word(cell(c.postcode)) ? "" : squeeze(cell(c.postcode));
      if (!postcode.empty() &&
          (e.postcode.empty() || (state == State::Open && !e.postcode_from_open))) {
        e.postcode = std::move(postcode);
        e.postcode_from_open = state == State::Open;
      }
      if (state == State::Open) e.open = true;
      if (state == State::ClosedUndated) e.closed_undated = true;
      if (end.date && (!e.latest_end || *end.date > *e.latest_end)) e.latest_end = end.date;
    }
    report_.rows += sheet.rows;
    report_.sheets.push_back(std::move(sheet));
    return true;
  }

  std::unordered_map<std::string, Provider> finish(const geo::Geography& geography) {
    std::unordered_map<std::string, Provider> out;
    std::vector<std::string> undated;
    for (auto& [urn, e] : entries_) {
      Provider p;
      p.urn = urn;
      p.postcode = e.postcode;
      p.la = p.postcode.empty() ? std::string() : geography.council_of(p.postcode);
      p.place_codes = joined(e.place);
      p.provider_codes = joined(e.provider);
      if (!e.open) p.registered_until = e.latest_end;
      if (!e.open && !e.latest_end && e.closed_undated) undated.push_back(urn);
      out.emplace(urn, std::move(p));
    }
    std::sort(undated.begin(), undated.end());
    report_.closed_without_date = std::move(undated);
    report_.providers = out.size();
    return out;
  }

 private:
  OfstedRead& report_;
  std::map<std::string, Entry> entries_;
};

// A CSV file's records, each with the line it starts on.
Grid read_csv(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw OfstedError("cannot read " + file.string());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw OfstedError("cannot read " + file.string());
  Grid g;
  g.file = file.string();
  ssda903::CsvReader csv(text);
  std::vector<std::string_view> fields;
  while (csv.next(fields)) {
    if (csv.unterminated_quote())
      throw OfstedError(g.file + " line " + std::to_string(csv.line()) +
                        ": a quoted field is never closed");
    g.rows.emplace_back(fields.begin(), fields.end());
    g.numbers.push_back(static_cast<std::size_t>(csv.line()));
  }
  return g;
}

}  // namespace

EndDate read_end_date(std::string_view text, bool date1904) {
  text = ssda903::trim(text);
  if (none_word(text)) return {};  // "-" too
  // A time after the date ("14/11/2024 00:00", "2024-11-14T00:00:00") says nothing more.
  std::string_view day = text.substr(0, text.find_first_of(" T"));
  if (auto d = model::parse_date(day)) return {d, true};
  double serial = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), serial);
  // Excel's serials run from 1 (1 January 1900) to 2958465 (31 December 9999).
  if (ec == std::errc{} && p == text.data() + text.size() && serial >= 1 && serial < 2958466) {
    const auto days = static_cast<int>(std::floor(serial));
    if (date1904) return {model::make_date(1904, 1, 1) + std::chrono::days{days}, true};
    // 1900 serials count 29 February 1900, a day that never was (Lotus 1-2-3's mistake, kept by
    // Excel): from 1 March 1900 (serial 61) they are days since 30 December 1899.
    return {model::make_date(1899, 12, days >= 61 ? 30 : 31) + std::chrono::days{days}, true};
  }
  return {std::nullopt, false};
}

std::string OfstedRead::summary() const {
  auto count = [](std::size_t n, const char* one, const char* many) {
    return thousands(n) + " " + (n == 1 ? one : many);
  };
  std::string s = "Ofsted's provider lists: " + count(files.size(), "file", "files") + ", " +
                  count(sheets.size(), "sheet", "sheets") + ", " + count(rows, "row", "rows") +
                  ", " + count(providers, "provider", "providers");
  if (!closed_without_date.empty())
    s += " (" + thousands(closed_without_date.size()) + " closed with no end date)";
  if (!warnings.empty()) s += ", " + count(warnings.size(), "warning", "warnings");
  return s;
}

std::vector<fs::path> ofsted_files(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with('.') || name.starts_with("~$") || !entry.is_regular_file(ec)) continue;
    std::string ext = entry.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), lower);
    if (ext == ".xlsx" || ext == ".csv" || ext == ".xls") out.push_back(entry.path());
  }
  if (ec) throw OfstedError("cannot read the folder " + folder.string() + ": " + ec.message());
  std::sort(out.begin(), out.end());
  return out;
}

OfstedProviders read_ofsted_lists(const std::vector<fs::path>& files,
                                  const geo::Geography& geography) {
  OfstedProviders result;
  Reader reader(result.read);
  for (const auto& file : files) {
    result.read.files.push_back(file.string());
    // What the file is, not what it is called: a workbook saved with a .csv name still reads.
    std::vector<Grid> grids;
    if (geo::looks_like_workbook(file)) {
      geo::Workbook book;
      try {
        book = geo::read_xlsx(file);
      } catch (const geo::ArchiveError& e) {
        throw OfstedError(e.what());
      }
      for (auto& s : book.sheets)
        grids.push_back({file.string(), std::move(s.name), std::move(s.rows), {}, book.date1904});
    } else {
      grids.push_back(read_csv(file));
    }
    bool any = false;
    std::vector<std::string> why_not;
    for (const Grid& g : grids) {
      std::string why;
      if (reader.read(g, why)) {
        any = true;
      } else {
        why_not.push_back(g.sheet.empty() ? why : "sheet '" + g.sheet + "': " + why);
        if (!g.sheet.empty()) result.read.passed_over.push_back(g.where() + " (" + why + ")");
      }
    }
    if (!any) {
      std::string msg = file.string() + " is not one of Ofsted's provider lists: ";
      if (grids.empty()) msg += "the workbook has no sheets";
      for (std::size_t i = 0; i < why_not.size(); ++i) msg += (i ? "; " : "") + why_not[i];
      throw OfstedError(msg);
    }
  }
  result.providers = reader.finish(geography);
  return result;
}

}  // namespace hearth::validation
