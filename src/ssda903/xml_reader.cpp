// The DfE's XML form of the 903: <EXPSSDA903> holds one <CHILD> per child; each has a <HEADER>
// (CHILDID, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB, UASC/DUC, the OC3 and AD1 fields, and nested
// AREVIEW, AMISSING, OC2, PERMANENCE, AD_PLACED elements) followed by its <EPISODE> elements
// (with PL for PLACE). Hearth also reads SWEPISODE and DOLO elements placed beside EPISODE.
// Each record becomes a row of the matching table through the same column readers as the CSV.
// The Header's own <UASC> flag is handed to the validation tables as the council reported it
// (the CSV return has no such column: there it is derived from the UASC table).
// Every leaf is cleaned as a CSV cell is (trimmed, invalid UTF-8 replaced; both reported), and
// line numbers come from one index of the file's line breaks, whatever order elements come in.
// An element the reader does not know (a misspelt tag, a field of another table, text where a
// record belongs) is not read: each such element is reported as a query (ingest.unknown-element)
// naming it, where it was and its first line, once per element name and place with a count.
#include <map>
#include <pugixml.hpp>

#include "ssda903/csv.hpp"
#include "ssda903/csv_table.hpp"
#include "ssda903/lines.hpp"
#include "ssda903/reader.hpp"

namespace hearth::ssda903 {
namespace {

using Leaves = std::map<std::string, std::string, std::less<>>;

std::string tag_to_column(std::string_view tag) {
  if (tag == "CHILDID") return "CHILD";
  if (tag == "PL") return "PLACE";
  return std::string(tag);
}

// A leaf whose text had to be cleaned, reported once the child's id is known.
struct Cleaned {
  std::string column;
  std::string raw;
  std::string text;          // the cleaned text (owned: the leaves and the cleaner move on)
  CellCleaner::Cleaned how;  // its view is set to `text` only when reported
  std::int64_t line = 0;
};

// The record elements a <CHILD> (or its <HEADER>) may hold, and the tables they fill.
std::optional<TableKind> record_kind(std::string_view tag) {
  if (tag == "AREVIEW") return TableKind::Reviews;
  if (tag == "AMISSING") return TableKind::Missing;
  if (tag == "OC2") return TableKind::Oc2;
  if (tag == "PERMANENCE") return TableKind::PrevPerm;
  if (tag == "AD_PLACED") return TableKind::PlacedAdoption;
  if (tag == "EPISODE") return TableKind::Episodes;
  if (tag == "SWEPISODE") return TableKind::SwEpisodes;
  if (tag == "DOLO") return TableKind::Dolo;
  return std::nullopt;
}

bool is_column_of(const TableInfo& t, std::string_view column) {
  for (const auto& c : t.columns)
    if (c.name == column) return true;
  return false;
}

// A <HEADER> leaf is read if it is a column of any table (the Header's values fill every table
// of the child) or the Header's own UASC flag.
bool is_header_leaf(std::string_view column) {
  if (column == "UASC") return true;
  for (const auto& t : all_tables())
    if (is_column_of(t, column)) return true;
  return false;
}

// Unknown elements, reported once per (place, name) at the end of the file with a count.
class UnknownElements {
 public:
  void seen(std::string_view place, std::string_view tag, std::int64_t line) {
    std::string key = std::string(place) + '\n' + std::string(tag);
    auto [it, fresh] = index_.try_emplace(std::move(key), seen_.size());
    if (fresh)
      seen_.push_back({std::string(place), std::string(tag), line, 1});
    else
      ++seen_[it->second].count;
  }
  void report(const std::string& file_name, std::vector<model::Finding>& out) const {
    for (const auto& u : seen_) {
      const std::string tag = model::to_utf8(u.tag);
      model::Finding f;
      f.rule = "ingest.unknown-element";
      f.severity = model::Severity::Query;
      f.file = file_name;
      f.row = u.line;
      f.column = tag;
      f.message =
          "<" + tag + "> in <" + u.place + "> is not an element of the 903 and was not read" +
          (u.count > 1 ? " (" + std::to_string(u.count) + " times; the first is on this line)"
                       : std::string());
      f.expected = "the 903's own elements (e.g. <EPISODE> holds DECOM, RNE, LS, CIN, PL...)";
      f.how_to_fix =
          "Check the element's name and where it sits: a misspelt or misplaced element's value "
          "is lost. Remove elements that are not part of the return.";
      out.push_back(std::move(f));
    }
  }

 private:
  struct Seen {
    std::string place, tag;
    std::int64_t line;
    std::size_t count;
  };
  std::vector<Seen> seen_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

bool has_any(const Leaves& leaves, std::initializer_list<std::string_view> names) {
  for (auto n : names) {
    auto it = leaves.find(n);
    if (it != leaves.end() && !it->second.empty()) return true;
  }
  return false;
}

}  // namespace

void read_xml(const std::string& file_name, std::string_view content, model::Return& out,
              ReadReport& report) {
  report.bytes += content.size();
  FileRead fr{file_name, std::nullopt, 0, 0};
  const LineIndex lines(content);  // one pass; every line number below is a lookup
  pugi::xml_document doc;
  auto result = doc.load_buffer(content.data(), content.size());
  if (!result) {
    model::Finding f;
    f.rule = "ingest.bad-xml";
    f.file = file_name;
    f.row = lines.line_of(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
    f.message = std::string("The XML cannot be read: ") + result.description();
    f.expected = "a well-formed SSDA903 XML file";
    f.how_to_fix = "Export the return again; if it persists, the line named shows the damage.";
    report.findings.push_back(std::move(f));
    report.files.push_back(fr);
    return;
  }
  auto root = doc.document_element();
  if (std::string_view(root.name()) != "EXPSSDA903") {
    model::Finding f;
    f.rule = "ingest.unknown-table";
    f.file = file_name;
    f.message = "The XML's root element is <" + model::to_utf8(root.name()) +
                ">, not the 903's <EXPSSDA903>";
    f.expected = "<EXPSSDA903>";
    f.how_to_fix = "Check that this is the SSDA903 return and not another collection.";
    report.findings.push_back(std::move(f));
    report.files.push_back(fr);
    return;
  }

  if (report.observer)
    for (const auto& t : all_tables()) report.observer->table(t.kind, file_name);

  auto line_at = [&](const pugi::xml_node& n) {
    return lines.line_of(static_cast<std::size_t>(std::max<std::ptrdiff_t>(n.offset_debug(), 0)));
  };

  CellCleaner cleaner;
  std::vector<Cleaned> cleaned;
  UnknownElements unknown;
  // The leaves (elements holding only text) directly under `node`, cleaned: those of the
  // <HEADER> (`record` null) or of a record of table `record`. Others are reported unknown, as
  // is an element holding elements that is not a record (`records`: the node may hold records).
  auto collect_leaves = [&](const pugi::xml_node& node, Leaves& leaves, const TableInfo* record,
                            bool records) {
    for (auto c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      if (records && record_kind(c.name())) continue;  // read as a record of its own
      if (c.first_child() && c.first_child().type() != pugi::node_pcdata) {
        unknown.seen(node.name(), c.name(), line_at(c));
        continue;
      }
      std::string column = tag_to_column(c.name());
      if (record ? !is_column_of(*record, column) : !is_header_leaf(column)) {
        unknown.seen(node.name(), c.name(), line_at(c));
        continue;
      }
      std::string_view raw = c.child_value();
      cleaner.next_row();
      auto how = cleaner.clean(raw);
      leaves[column] = std::string(how.text);
      if (how.trimmed || how.replaced) {
        cleaned.push_back(
            Cleaned{column, std::string(raw), std::string(how.text), how, line_at(c)});
      }
    }
  };
  auto report_cleaned = [&](TableKind kind, std::string_view child) {
    for (Cleaned& k : cleaned) {
      // A view taken earlier could dangle: a repeated element replaces the leaf's text, and the
      // vector's growth moves short strings (found by fuzz/xml_fuzz).
      k.how.text = k.text;
      cleaned_findings(report.findings, file_name, std::string(table_info(kind).name), k.line,
                       model::to_utf8(k.column), child, k.raw, k.how);
    }
    cleaned.clear();
  };

  std::vector<std::string_view> cells;
  std::vector<RowProblem> problems;
  // `uasc` (Header only): the child's <UASC> as reported, passed after the 903 columns.
  auto emit = [&](TableKind kind, const Leaves& base, const Leaves* own, std::int64_t line,
                  const std::string* uasc = nullptr) {
    const TableInfo& info = table_info(kind);
    cells.assign(info.columns.size(), std::string_view{});
    for (std::size_t c = 0; c < info.columns.size(); ++c) {
      auto name = info.columns[c].name;
      if (own) {
        auto it = own->find(name);
        if (it != own->end()) {
          cells[c] = it->second;
          continue;
        }
      }
      auto it = base.find(name);
      if (it != base.end()) cells[c] = it->second;
    }
    ++fr.rows;
    if (uasc) cells.push_back(*uasc);
    if (report.observer) report.observer->row(kind, line, cells);
    if (uasc) cells.pop_back();
    problems.clear();
    read_row(kind, cells, out, problems);
    date_form_findings(report.findings, kind, cells, file_name, line);
    for (RowProblem& p : problems)
      report.findings.push_back(cell_finding(
          file_name, std::string(info.name), line, std::string(info.columns[p.column].name),
          std::string(cells.empty() ? std::string_view{} : cells[0]), std::move(p)));
    if (!problems.empty()) ++fr.rejected;
  };

  const std::string no_uasc;
  for (auto c : root.children())
    if (c.type() == pugi::node_element && std::string_view(c.name()) != "CHILD")
      unknown.seen(root.name(), c.name(), line_at(c));
  for (auto child : root.children("CHILD")) {
    auto header = child.child("HEADER");
    Leaves base;
    collect_leaves(header, base, nullptr, true);
    for (auto c : child.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view tag = c.name();
      if (tag == "HEADER" || record_kind(tag)) continue;
      unknown.seen("CHILD", tag, line_at(c));
    }
    auto id = base.find("CHILD");
    const std::string child_id = id != base.end() ? id->second : std::string();
    report_cleaned(TableKind::Header, child_id);
    std::int64_t line = line_at(child);
    auto uasc = base.find("UASC");
    emit(TableKind::Header, base, nullptr, line, uasc != base.end() ? &uasc->second : &no_uasc);
    if (has_any(base, {"DUC"}) || (uasc != base.end() && uasc->second == "1"))
      emit(TableKind::Uasc, base, nullptr, line);
    if (has_any(base, {"IN_TOUCH", "ACTIV", "ACCOM"})) emit(TableKind::Oc3, base, nullptr, line);
    if (has_any(base, {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR"}))
      emit(TableKind::Ad1, base, nullptr, line);
    auto nested = [&](const pugi::xml_node& parent) {
      for (auto n : parent.children()) {
        auto kind = record_kind(n.name());
        if (!kind) continue;
        Leaves own;
        collect_leaves(n, own, &table_info(*kind), false);
        report_cleaned(*kind, child_id);
        emit(*kind, base, &own, line_at(n));
      }
    };
    nested(header);
    nested(child);
  }
  unknown.report(file_name, report.findings);
  report.rows += fr.rows;
  report.rejected += fr.rejected;
  report.files.push_back(fr);
}

}  // namespace hearth::ssda903
