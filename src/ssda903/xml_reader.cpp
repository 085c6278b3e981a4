// The DfE's XML form of the 903: <EXPSSDA903> holds one <CHILD> per child; each has a <HEADER>
// (CHILDID, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB, UASC/DUC, the OC3 and AD1 fields, and nested
// AREVIEW, AMISSING, OC2, PERMANENCE, AD_PLACED elements) followed by its <EPISODE> elements
// (with PL for PLACE). Hearth also reads SWEPISODE and DOLO elements placed beside EPISODE.
// Each record becomes a row of the matching table through the same column readers as the CSV.
#include <map>
#include <pugixml.hpp>

#include "ssda903/csv.hpp"
#include "ssda903/csv_table.hpp"
#include "ssda903/reader.hpp"

namespace hearth::ssda903 {
namespace {

using Leaves = std::map<std::string, std::string, std::less<>>;

std::string tag_to_column(std::string_view tag) {
  if (tag == "CHILDID") return "CHILD";
  if (tag == "PL") return "PLACE";
  return std::string(tag);
}

void collect_leaves(const pugi::xml_node& node, Leaves& out) {
  for (auto c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    if (!c.first_child() || c.first_child().type() == pugi::node_pcdata) {
      out[tag_to_column(c.name())] = std::string(trim(c.child_value()));
    }
  }
}

bool has_any(const Leaves& leaves, std::initializer_list<std::string_view> names) {
  for (auto n : names) {
    auto it = leaves.find(n);
    if (it != leaves.end() && !it->second.empty()) return true;
  }
  return false;
}

std::int64_t line_of(std::string_view content, std::ptrdiff_t offset) {
  std::int64_t line = 1;
  for (std::ptrdiff_t i = 0; i < offset && i < static_cast<std::ptrdiff_t>(content.size()); ++i)
    if (content[static_cast<std::size_t>(i)] == '\n') ++line;
  return line;
}

}  // namespace

void read_xml(const std::string& file_name, std::string_view content, model::Return& out,
              ReadReport& report) {
  report.bytes += content.size();
  FileRead fr{file_name, std::nullopt, 0, 0};
  pugi::xml_document doc;
  auto result = doc.load_buffer(content.data(), content.size());
  if (!result) {
    model::Finding f;
    f.rule = "ingest.bad-xml";
    f.file = file_name;
    f.row = line_of(content, result.offset);
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
    f.message =
        std::string("The XML's root element is <") + root.name() + ">, not the 903's <EXPSSDA903>";
    f.expected = "<EXPSSDA903>";
    f.how_to_fix = "Check that this is the SSDA903 return and not another collection.";
    report.findings.push_back(std::move(f));
    report.files.push_back(fr);
    return;
  }

  if (report.observer)
    for (const auto& t : all_tables()) report.observer->table(t.kind, file_name);

  // Line numbers: computed incrementally as children are visited in document order.
  std::ptrdiff_t last_offset = 0;
  std::int64_t last_line = 1;
  auto line_at = [&](const pugi::xml_node& n) {
    std::ptrdiff_t off = n.offset_debug();
    if (off < last_offset) return line_of(content, off);
    for (std::ptrdiff_t i = last_offset; i < off; ++i)
      if (content[static_cast<std::size_t>(i)] == '\n') ++last_line;
    last_offset = off;
    return last_line;
  };

  std::vector<std::string_view> cells;
  std::vector<RowProblem> problems;
  auto emit = [&](TableKind kind, const Leaves& base, const Leaves* own, std::int64_t line) {
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
    if (report.observer) report.observer->row(kind, line, cells);
    problems.clear();
    read_row(kind, cells, out, problems);
    for (RowProblem& p : problems)
      report.findings.push_back(cell_finding(
          file_name, std::string(info.name), line, std::string(info.columns[p.column].name),
          std::string(cells.empty() ? std::string_view{} : cells[0]), std::move(p)));
    if (!problems.empty()) ++fr.rejected;
  };

  for (auto child : root.children("CHILD")) {
    auto header = child.child("HEADER");
    Leaves base;
    collect_leaves(header, base);
    std::int64_t line = line_at(child);
    emit(TableKind::Header, base, nullptr, line);
    auto uasc = base.find("UASC");
    if (has_any(base, {"DUC"}) || (uasc != base.end() && uasc->second == "1"))
      emit(TableKind::Uasc, base, nullptr, line);
    if (has_any(base, {"IN_TOUCH", "ACTIV", "ACCOM"})) emit(TableKind::Oc3, base, nullptr, line);
    if (has_any(base, {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR"}))
      emit(TableKind::Ad1, base, nullptr, line);
    auto nested = [&](const pugi::xml_node& parent) {
      for (auto n : parent.children()) {
        std::string_view tag = n.name();
        std::optional<TableKind> kind;
        if (tag == "AREVIEW")
          kind = TableKind::Reviews;
        else if (tag == "AMISSING")
          kind = TableKind::Missing;
        else if (tag == "OC2")
          kind = TableKind::Oc2;
        else if (tag == "PERMANENCE")
          kind = TableKind::PrevPerm;
        else if (tag == "AD_PLACED")
          kind = TableKind::PlacedAdoption;
        else if (tag == "EPISODE")
          kind = TableKind::Episodes;
        else if (tag == "SWEPISODE")
          kind = TableKind::SwEpisodes;
        else if (tag == "DOLO")
          kind = TableKind::Dolo;
        if (!kind) continue;
        Leaves own;
        collect_leaves(n, own);
        emit(*kind, base, &own, line_at(n));
      }
    };
    nested(header);
    nested(child);
  }
  report.rows += fr.rows;
  report.rejected += fr.rejected;
  report.files.push_back(fr);
}

}  // namespace hearth::ssda903
