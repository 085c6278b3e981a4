#include "ingest/local_import.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace hearth::ingest {
namespace fs = std::filesystem;

bool is_local_source(const fs::path& path) {
  std::error_code ec;
  std::vector<fs::path> csvs;
  auto is_csv = [](const fs::path& p) {
    auto ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv";
  };
  if (fs::is_regular_file(path, ec)) {
    if (is_csv(path)) csvs.push_back(path);
  } else if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::directory_iterator(path, ec))
      if (e.is_regular_file() && is_csv(e.path())) csvs.push_back(e.path());
  }
  if (csvs.empty()) return false;
  // One local table is enough to say what the folder is meant to be; files that are neither
  // become findings when it is read.
  for (const auto& p : csvs) {
    std::string head;
    try {
      std::string content = ssda903::read_file(p);
      head = content.substr(0, std::min<std::size_t>(content.size(), 4096));
    } catch (const std::exception&) {
      continue;
    }
    if (local::looks_local(head)) return true;
  }
  return false;
}

namespace {

// Rows for children in none of the council's stored 903 returns are kept, but nothing uses them
// until a return includes the child: most often a wrong identifier or the wrong council. One
// warning per table says so, naming the first few.
void warn_unknown_children(store::Store& store, local::LocalRead& read) {
  std::set<std::string> known;
  for (const auto& key : store.list_returns()) {
    if (key.la != read.records.la) continue;
    if (auto ret = store.load_return(key.la, model::CollectionYear{key.collection_year}))
      for (const auto& h : ret->header) known.insert(h.child);
  }
  for (local::LocalTable t : read.tables) {
    std::set<std::string> unknown;
    std::size_t rows = 0;
    const std::size_t n = local::local_row_count(t, read.records);
    for (std::size_t i = 0; i < n; ++i) {
      std::string_view child = local::local_row_child(t, read.records, i);
      if (child.empty() || known.count(std::string(child))) continue;
      ++rows;
      unknown.emplace(child);
    }
    if (!rows) continue;
    const auto& info = local::local_table_info(t);
    std::string some;
    std::size_t shown = 0;
    for (const auto& c : unknown) {
      if (shown++ == 5) {
        some += ", ...";
        break;
      }
      some += (some.empty() ? "" : ", ") + c;
    }
    model::Finding f;
    f.rule = "ingest.unknown-child";
    f.severity = model::Severity::Warning;
    f.table = std::string(info.name);
    f.child = *unknown.begin();
    f.file = std::string(info.file_name);
    f.message = std::to_string(rows) + " rows name " + std::to_string(unknown.size()) +
                " children who are in none of council " + read.records.la +
                "'s stored 903 returns (" + some +
                "); they are kept, but no timescale uses them until a return includes the child";
    f.expected = "the child's 903 CHILD identifier";
    f.how_to_fix =
        "Check the extract uses the 903's CHILD identifiers and the right council (--la), and "
        "that the child's return has been imported.";
    read.report.findings.push_back(std::move(f));
  }
}

}  // namespace

LocalImportOutcome run_local_import(store::Store& store, const ImportOptions& o) {
  LocalImportOutcome out;
  if (!o.la || o.la->empty()) {
    out.problem = "local records need the council: add --la, e.g. --la 887";
    out.usage_problem = true;
    return out;
  }
  out.read = local::read_local_folder(o.path, *o.la);
  const auto& report = out.read.report;
  if (out.read.tables.empty()) {
    out.status = ImportStatus::Blocked;
    out.problem = "no local-record table was found";
    return out;
  }
  warn_unknown_children(store, out.read);
  const bool blocking = report.blocking();
  if (report.file_problems() || (blocking && !o.accept_with_findings)) {
    out.status = ImportStatus::Blocked;
    return out;
  }
  store::ImportMeta meta{o.source_name.empty() ? o.path.string() : o.source_name, "local-csv",
                         o.user, o.accept_with_findings && blocking};
  out.record = store.replace_local(out.read.records, out.read.tables, meta, report.findings);
  out.status = ImportStatus::Imported;
  return out;
}

}  // namespace hearth::ingest
