#include "services/statement_import.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "ssda903/csv_table.hpp"
#include "ssda903/reader.hpp"

namespace hearth::services {
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> csv_files(const fs::path& path) {
  std::vector<fs::path> out;
  std::error_code ec;
  auto is_csv = [](const fs::path& p) {
    auto ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv";
  };
  if (fs::is_regular_file(path, ec)) {
    if (is_csv(path)) out.push_back(path);
  } else if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::directory_iterator(path, ec))
      if (e.is_regular_file() && is_csv(e.path())) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Statements naming children in none of the council's stored returns are kept (the return may
// come later), but no figure counts them until it does: one warning says so.
void warn_unknown_children(store::Store& store, const std::string& la,
                           local::StatementsRead& read) {
  std::set<std::string> known;
  for (const auto& key : store.list_returns()) {
    if (key.la != la) continue;
    if (auto ret = store.load_return(key.la, model::CollectionYear{key.collection_year}))
      for (const auto& h : ret->header) known.insert(h.child);
  }
  std::set<std::string> unknown;
  std::size_t rows = 0;
  for (const auto& s : read.rows)
    if (!known.count(s.child)) {
      ++rows;
      unknown.insert(s.child);
    }
  if (!rows) return;
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
  f.table = std::string(local::kStatementsTable);
  f.child = *unknown.begin();
  f.message = std::to_string(rows) + " statements name " + std::to_string(unknown.size()) +
              " children who are in none of council " + la + "'s stored 903 returns (" + some +
              "); they are kept, but no figure counts them until a return includes the child";
  f.expected = "the child's 903 CHILD identifier";
  f.how_to_fix =
      "Check the app's export uses the 903's CHILD identifiers and the right council (--la).";
  read.report.findings.push_back(std::move(f));
}

}  // namespace

bool is_statements_source(const fs::path& path) {
  for (const auto& p : csv_files(path)) {
    try {
      std::string content = ssda903::read_file(p);
      if (local::looks_like_statements(
              content.substr(0, std::min<std::size_t>(content.size(), 4096))))
        return true;
    } catch (const std::exception&) {
    }
  }
  return false;
}

StatementImportOutcome import_statements(store::Store& store, const voice::Keyring& keys,
                                         const ingest::ImportOptions& o) {
  StatementImportOutcome out;
  if (!o.la || o.la->empty()) {
    out.problem = "statements need the council: add --la, e.g. --la 887";
    out.usage_problem = true;
    return out;
  }
  auto& report = out.read.report;
  for (const auto& p : csv_files(o.path)) {
    std::string content;
    try {
      content = ssda903::read_file(p);
    } catch (const std::exception& e) {
      report.findings.push_back(
          ssda903::file_finding(p.filename().string(), "ingest.unreadable",
                                std::string("The file cannot be read: ") + e.what(),
                                "a readable CSV file", "Check the file."));
      continue;
    }
    if (!local::read_statements_csv(p.filename().string(), content, out.read))
      report.findings.push_back(ssda903::file_finding(
          p.filename().string(), "ingest.unknown-table",
          "This file is not a statements file (it has no stmt_statement_id, stmt_person_id and "
          "stmt_made_at columns)",
          "statements files only",
          "Import local records and 903 returns on their own, not with the statements."));
  }
  if (report.files.empty()) {
    out.problem = "no statements file was found";
    return out;
  }
  // One statement twice in the files: which is right cannot be told.
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& s : out.read.rows)
    if (!seen.emplace(s.app, s.external_id).second) {
      model::Finding f = ssda903::file_finding(
          std::string(local::kStatementsFile), "ingest.duplicate-row",
          "Statement " + s.external_id + " of " + s.app + " is in the files more than once",
          "each statement once", "Export each statement once.");
      f.table = std::string(local::kStatementsTable);
      f.child = s.child;
      report.findings.push_back(std::move(f));
      ++report.rejected;
    }
  warn_unknown_children(store, *o.la, out.read);
  const bool blocking = report.blocking();
  if (report.file_problems() || (blocking && !o.accept_with_findings)) {
    out.status = ingest::ImportStatus::Blocked;
    return out;
  }
  std::vector<store::Statement> rows;
  rows.reserve(out.read.rows.size());
  std::set<std::pair<std::string, std::string>> kept;
  for (const auto& s : out.read.rows) {
    if (!kept.emplace(s.app, s.external_id).second) continue;
    store::Statement st;
    st.la = *o.la;
    st.child = s.child;
    st.user_id = 0;
    st.source = s.app;
    st.external_id = s.external_id;
    st.created_at = s.made_at;
    st.mood = s.mood;
    st.topic = s.topic;
    st.purpose = s.purpose;
    st.unsafe = s.unsafe;
    st.text_box = keys.seal(s.text);
    st.first_reply_at = s.first_reply_at;
    rows.push_back(std::move(st));
  }
  out.added = store.voice().put_imported_statements(rows);
  out.updated = rows.size() - out.added;
  out.status = ingest::ImportStatus::Imported;
  return out;
}

}  // namespace hearth::services
