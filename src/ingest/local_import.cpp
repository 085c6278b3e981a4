#include "ingest/local_import.hpp"

#include <algorithm>
#include <cctype>

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
  const bool blocking = report.blocking();
  if (report.file_problems() || (blocking && !o.accept_with_findings)) {
    out.status = ImportStatus::Blocked;
    return out;
  }
  store::ImportMeta meta{o.path.string(), "local-csv", o.user, o.accept_with_findings && blocking};
  out.record = store.replace_local(out.read.records, out.read.tables, meta, report.findings);
  out.status = ImportStatus::Imported;
  return out;
}

}  // namespace hearth::ingest
