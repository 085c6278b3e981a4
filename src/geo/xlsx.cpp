#include "geo/xlsx.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <pugixml.hpp>
#include <unordered_map>

namespace hearth::geo {

namespace {

constexpr std::uint64_t kPartLimit = 256u << 20;
// Cells held, gaps included: far above any published list (Ofsted's are ~250,000), low enough
// that a damaged or hostile sheet cannot take the machine's memory.
constexpr std::size_t kCellLimit = 32u << 20;
constexpr std::size_t kMaxRows = 1048576, kMaxColumns = 16384;  // Excel's own limits

// An element's or attribute's name without its namespace prefix ("x:row" -> "row"): most
// writers use the default namespace, some (the .NET Open XML SDK) a prefix.
std::string_view local(const char* name) {
  std::string_view n(name);
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local(c.name()) == name) return c;
  return {};
}

// The relationship id of a <sheet>: the attribute r:id, whatever the prefix is called.
std::string_view relationship_id(pugi::xml_node sheet) {
  for (pugi::xml_attribute a = sheet.first_attribute(); a; a = a.next_attribute())
    if (std::strchr(a.name(), ':') && local(a.name()) == "id") return a.value();
  return {};
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | cp >> 6));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | cp >> 12));
    out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Excel writes characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_, and a
// literal "_x" is escaped as _x005F_x).
std::string unescape(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      unsigned cp = 0;
      bool hex = true;
      for (std::size_t k = i + 2; k < i + 6 && hex; ++k) {
        const char c = text[k];
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        hex = d >= 0;
        cp = cp * 16 + static_cast<unsigned>(d);
      }
      if (hex) {
        append_utf8(out, cp);
        i += 6;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// The text of a shared or inline string: its <t>, or its rich text runs' <t>s joined. Phonetic
// guides (<rPh>, Japanese readings) are not part of the text.
std::string string_item(pugi::xml_node item) {
  std::string out;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const auto n = local(c.name());
    if (n == "t") out += c.child_value();
    if (n == "r") out += child(c, "t").child_value();
  }
  return unescape(std::move(out));
}

// "BC12" -> column 54 (0-based); false when the text does not start with column letters.
bool column_of(std::string_view ref, std::size_t& column) {
  std::size_t i = 0, col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
    col = col * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
  if (i == 0 || col > kMaxColumns) return false;
  column = col - 1;
  return true;
}

bool whole_number(std::string_view s, std::size_t& v) {
  if (s.empty() || s.size() > 9) return false;
  v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  return true;
}

bool starts_with_bytes(const std::filesystem::path& file, std::string_view sig) {
  std::ifstream f(file, std::ios::binary);
  std::string head(sig.size(), '\0');
  return f.read(head.data(), static_cast<std::streamsize>(head.size())) && head == sig;
}

// An OLE2 compound file: an old .xls workbook, or an .xlsx saved with a password.
bool is_ole2(const std::filesystem::path& file) {
  return starts_with_bytes(file, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

// A part's folder ("xl/workbook.xml" -> "xl") and a relationship's target resolved against it
// ("worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml"; "/xl/x.xml" is from the root).
std::string folder_of(std::string_view part) {
  const auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash));
}

std::string resolve(std::string_view folder, std::string_view target) {
  std::vector<std::string> segments;
  auto add = [&](std::string_view path) {
    while (!path.empty()) {
      const auto slash = path.find('/');
      const std::string_view seg = path.substr(0, slash);
      if (seg == "..") {
        if (!segments.empty()) segments.pop_back();
      } else if (!seg.empty() && seg != ".") {
        segments.emplace_back(seg);
      }
      if (slash == std::string_view::npos) break;
      path.remove_prefix(slash + 1);
    }
  };
  if (!target.starts_with('/')) add(folder);
  add(target);
  std::string out;
  for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
  return out;
}

bool ends_with_type(std::string_view type, std::string_view kind) {
  return type.size() > kind.size() && type.ends_with(kind) &&
         type[type.size() - kind.size() - 1] == '/';
}

// The workbook's parts as XML documents, each read whole (up to kPartLimit).
class Parts {
 public:
  Parts(const std::filesystem::path& file, const ZipArchive& zip) : file_(file), zip_(zip) {}

  const ZipArchive::Member* find(std::string_view name) const {
    if (const auto* m = zip_.find(name)) return m;
    // Part names are case-insensitive (ECMA-376 part 2); a few writers change the case.
    for (const auto& m : zip_.members())
      if (m.name.size() == name.size() &&
          std::equal(m.name.begin(), m.name.end(), name.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) ==
                   std::tolower(static_cast<unsigned char>(b));
          }))
        return &m;
    return nullptr;
  }

  // Parses a part; an empty document when the part is absent and not `required`.
  pugi::xml_document& parse(std::string_view name, bool required) {
    doc_.reset();
    buffer_.clear();
    const auto* m = find(name);
    if (!m) {
      if (required) fail(std::string(name) + " is missing");
      return doc_;
    }
    if (m->size > kPartLimit) fail(std::string(name) + " is larger than Hearth reads (256 MiB)");
    buffer_ = zip_.read_all(*m, kPartLimit);
    const auto result = doc_.load_buffer_inplace(buffer_.data(), buffer_.size(),
                                                 pugi::parse_default | pugi::parse_ws_pcdata_single,
                                                 pugi::encoding_auto);
    if (!result) fail(std::string(name) + " is damaged (" + result.description() + ")");
    return doc_;
  }

  // A part's relationships: id -> (type, target resolved to a part name).
  std::unordered_map<std::string, std::pair<std::string, std::string>> relationships(
      std::string_view part) {
    const std::string folder = folder_of(part);
    const std::string name(part.substr(folder.size() + (folder.empty() ? 0 : 1)));
    const std::string rels = (folder.empty() ? "" : folder + "/") + "_rels/" + name + ".rels";
    std::unordered_map<std::string, std::pair<std::string, std::string>> out;
    const auto& doc = parse(rels, false);
    for (pugi::xml_node r = child(doc, "Relationships").first_child(); r; r = r.next_sibling()) {
      if (r.type() != pugi::node_element || local(r.name()) != "Relationship") continue;
      if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
      out[r.attribute("Id").value()] = {r.attribute("Type").value(),
                                        resolve(folder, r.attribute("Target").value())};
    }
    return out;
  }

  [[noreturn]] void fail(const std::string& why) const {
    throw ArchiveError(file_.string() + ": " + why);
  }

 private:
  const std::filesystem::path& file_;
  const ZipArchive& zip_;
  std::string buffer_;
  pugi::xml_document doc_;
};

std::vector<std::string> shared_strings(Parts& parts, const std::string& part) {
  std::vector<std::string> out;
  if (part.empty()) return out;
  const auto& doc = parts.parse(part, false);
  for (pugi::xml_node si = child(doc, "sst").first_child(); si; si = si.next_sibling())
    if (si.type() == pugi::node_element && local(si.name()) == "si") out.push_back(string_item(si));
  return out;
}

void read_sheet(Parts& parts, const std::string& part, const std::vector<std::string>& shared,
                std::size_t& cells_held, WorkbookSheet& sheet) {
  auto damaged = [&](const std::string& why) {
    parts.fail("sheet '" + sheet.name + "' (" + part + ") is damaged: " + why);
  };
  const auto& doc = parts.parse(part, true);
  const pugi::xml_node data = child(child(doc, "worksheet"), "sheetData");
  std::size_t next_row = 0;
  for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
    if (row.type() != pugi::node_element || local(row.name()) != "row") continue;
    std::size_t r = next_row;
    if (const auto at = row.attribute("r")) {
      if (!whole_number(at.value(), r) || r == 0 || r > kMaxRows)
        damaged(std::string("row number '") + at.value() + "'");
      --r;
    }
    next_row = r + 1;
    std::size_t next_col = 0;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || local(c.name()) != "c") continue;
      std::size_t col = next_col;
      if (const auto at = c.attribute("r"); at && !column_of(at.value(), col))
        damaged(std::string("cell reference '") + at.value() + "'");
      next_col = col + 1;
      const std::string_view type = c.attribute("t").value();
      const char* v = child(c, "v").child_value();
      std::string value;
      if (type == "inlineStr") {
        value = string_item(child(c, "is"));
      } else if (type == "s") {
        std::size_t i = 0;
        if (!*v) continue;
        if (!whole_number(v, i) || i >= shared.size())
          damaged("cell " + std::string(c.attribute("r").value()) + " points to no shared string");
        value = shared[i];
      } else if (type == "b") {
        if (*v) value = std::string_view(v) == "1" ? "TRUE" : "FALSE";
      } else if (type == "str") {
        value = unescape(v);
      } else {
        value = v;  // n (number), e (error such as #N/A), d (ISO date text)
      }
      if (value.empty()) continue;  // a formatted but empty cell
      if (sheet.rows.size() <= r) sheet.rows.resize(r + 1);
      auto& cells = sheet.rows[r];
      if (cells.size() <= col) {
        cells_held += col + 1 - cells.size();
        if (cells_held > kCellLimit)
          parts.fail("sheet '" + sheet.name + "' has more cells than Hearth reads");
        cells.resize(col + 1);
      }
      cells[col] = std::move(value);
    }
  }
}

}  // namespace

bool looks_like_workbook(const std::filesystem::path& file) {
  return ZipArchive::is_zip(file) || is_ole2(file);
}

Workbook read_xlsx(const std::filesystem::path& file) {
  const std::string name = file.string();
  if (is_ole2(file))
    throw ArchiveError(name +
                       " is an old Excel .xls workbook or a password-protected one: open it in "
                       "Excel and save it as an Excel Workbook (.xlsx) or as CSV");
  if (!ZipArchive::is_zip(file)) {
    std::ifstream probe(file, std::ios::binary);
    if (!probe) throw ArchiveError("cannot read " + name);
    throw ArchiveError(name + " is not an Excel .xlsx workbook (it is not a zip archive)");
  }
  const ZipArchive zip(file);
  Parts parts(file, zip);
  if (const auto* m = zip.find("mimetype");
      m && zip.read_all(*m, 4096).starts_with("application/vnd.oasis.opendocument"))
    throw ArchiveError(name +
                       " is an OpenDocument spreadsheet (.ods): save it as an Excel Workbook "
                       "(.xlsx) or as CSV");

  // The package's relationships name the workbook part (xl/workbook.xml as Excel writes it).
  std::string workbook_part;
  for (const auto& [id, rel] : parts.relationships(""))
    if (ends_with_type(rel.first, "officeDocument")) workbook_part = rel.second;
  if (workbook_part.empty() || !parts.find(workbook_part)) workbook_part = "xl/workbook.xml";
  if (!parts.find(workbook_part))
    throw ArchiveError(name + " is not an Excel .xlsx workbook (it has no xl/workbook.xml)");

  auto rels = parts.relationships(workbook_part);
  std::string strings_part;
  for (const auto& [id, rel] : rels)
    if (ends_with_type(rel.first, "sharedStrings")) strings_part = rel.second;
  if (strings_part.empty() && parts.find("xl/sharedStrings.xml"))
    strings_part = "xl/sharedStrings.xml";

  Workbook book;
  struct Listed {
    std::string name, part;
  };
  std::vector<Listed> listed;
  {
    const auto& doc = parts.parse(workbook_part, true);
    const pugi::xml_node wb = child(doc, "workbook");
    if (!wb) parts.fail(workbook_part + " is not a workbook");
    const std::string_view epoch = child(wb, "workbookPr").attribute("date1904").value();
    book.date1904 = epoch == "1" || epoch == "true";
    for (pugi::xml_node s = child(wb, "sheets").first_child(); s; s = s.next_sibling()) {
      if (s.type() != pugi::node_element || local(s.name()) != "sheet") continue;
      const std::string sheet_name = s.attribute("name").value();
      const auto it = rels.find(std::string(relationship_id(s)));
      if (it == rels.end())
        parts.fail("the workbook names sheet '" + sheet_name + "' but not where it is");
      // Chart sheets and macro sheets hold no cells.
      if (!ends_with_type(it->second.first, "worksheet")) continue;
      listed.push_back({sheet_name, it->second.second});
    }
  }
  const std::vector<std::string> shared = shared_strings(parts, strings_part);
  std::size_t cells_held = 0;
  for (const auto& l : listed) {
    WorkbookSheet sheet;
    sheet.name = l.name;
    read_sheet(parts, l.part, shared, cells_held, sheet);
    book.sheets.push_back(std::move(sheet));
  }
  return book;
}

}  // namespace hearth::geo
