#include "ingest/import.hpp"

#include <algorithm>
#include <cctype>
#include <deque>

#include "model/dataset.hpp"
#include "ssda903/tables.hpp"
#include "validation/load.hpp"
#include "validation/reference.hpp"
#include "validation/validate.hpp"

namespace hearth::ingest {
namespace fs = std::filesystem;

namespace {

bool has_return_files(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file()) continue;
    auto ext = e.path().extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv" || ext == ".xml") return true;
  }
  return false;
}

bool is_la_code(const std::string& name) {
  return name.size() == 3 && std::all_of(name.begin(), name.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c));
         });
}

std::vector<fs::path> sorted_subdirs(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// A warning (ingest.table-not-sent) for each table the year's return did not send: no CSV file
// of it (a file with only its header row says "none to report") and, in XML, no rows of it.
// Tables not yet collected that year (DoLo before 2026/27) are not asked for.
void report_tables_not_sent(YearRead& yr) {
  for (auto& f : model::table_findings(yr.ret)) {
    auto kind = ssda903::table_by_name(f.table);
    if (!kind) continue;
    if (yr.ret.year.end_year < ssda903::table_info(*kind).first_year) continue;
    bool sent = std::any_of(yr.report.files.begin(), yr.report.files.end(),
                            [&](const ssda903::FileRead& fr) { return fr.table == kind; });
    if (!sent) yr.report.findings.push_back(std::move(f));
  }
}

}  // namespace

std::size_t ImportOutcome::rows() const {
  std::size_t n = 0;
  for (const auto& y : years) n += y.report.rows;
  return n;
}
std::size_t ImportOutcome::rejected() const {
  std::size_t n = 0;
  for (const auto& y : years) n += y.report.rejected;
  return n;
}
std::vector<model::Finding> ImportOutcome::findings() const {
  std::vector<model::Finding> out;
  for (const auto& y : years)
    out.insert(out.end(), y.report.findings.begin(), y.report.findings.end());
  return out;
}
std::vector<model::Finding> ImportOutcome::stored_findings() const {
  std::vector<model::Finding> out;
  for (const auto& y : years) {
    out.insert(out.end(), y.report.findings.begin(), y.report.findings.end());
    out.insert(out.end(), y.validation.begin(), y.validation.end());
  }
  return out;
}

namespace {

// Runs the DfE rules over one year as read; the previous year comes from this import or the store.
void validate_year(YearRead& yr, validation::ReturnTables& data,
                   const std::vector<YearRead>& earlier, store::Store* store) {
  data.year = yr.ret.year;
  const model::Return* previous = nullptr;
  for (const auto& e : earlier)
    if (e.ret.la == yr.ret.la && e.ret.year.end_year == yr.ret.year.end_year - 1) previous = &e.ret;
  std::optional<model::Return> stored;
  if (!previous && store) {
    stored = store->load_return(yr.ret.la, model::CollectionYear{yr.ret.year.end_year - 1});
    if (stored) previous = &*stored;
  }
  if (previous) data.add_previous(*previous);
  data.finish();
  // The postcodes and council tiers Hearth ships (reference/postcodes/); no providers.
  data.reference = &validation::shipped_reference();
  if (data.la.empty()) data.la = validation::ons_code_of(yr.ret.la);
  auto result = validation::validate(data);
  yr.validation_rules_run = result.rules_run;
  yr.validation.reserve(result.findings.size() + result.not_run.size());
  for (const auto& f : result.findings) yr.validation.push_back(validation::to_model_finding(f));
  for (const auto& n : result.not_run) {
    model::Finding f;
    f.rule = "validation.not-run";
    f.severity = model::Severity::Warning;
    f.column = std::string(n.rule->code);
    f.message = "Rule " + std::string(n.rule->code) + " was not run: " + n.reason;
    f.how_to_fix = "Nothing is wrong with the data; supply what the rule needs to have it checked.";
    yr.validation.push_back(std::move(f));
  }
}

}  // namespace

ImportOutcome read_source(const ImportOptions& o, const Progress& progress, store::Store* store) {
  ImportOutcome out;
  std::error_code ec;
  if (!fs::exists(o.path, ec)) {
    out.problem = "there is no file or folder at " + o.path.string();
    out.usage_problem = true;
    return out;
  }
  // Work out (folder, la, year-hint) for every return in the source.
  struct Job {
    fs::path folder;
    std::optional<std::string> la;
    std::optional<model::CollectionYear> year;
    std::string year_source;
  };
  std::vector<Job> jobs;
  if (!fs::is_directory(o.path, ec) || has_return_files(o.path)) {
    Job j{o.path, o.la, o.year, o.year ? "--year" : ""};
    if (!j.year) {
      if (auto y = ssda903::year_from_folder_name(o.path)) {
        j.year = y;
        j.year_source = "folder name";
      }
    }
    jobs.push_back(j);
  } else {
    for (const auto& sub : sorted_subdirs(o.path)) {
      std::string name = sub.filename().string();
      if (is_la_code(name)) {
        if (o.la && *o.la != name) continue;
        for (const auto& ysub : sorted_subdirs(sub))
          if (auto y = ssda903::year_from_folder_name(ysub)) {
            if (o.year && *o.year != *y) continue;
            jobs.push_back({ysub, name, y, "folder name"});
          }
      } else if (auto y = ssda903::year_from_folder_name(sub)) {
        if (o.year && *o.year != *y) continue;
        jobs.push_back({sub, o.la, y, "folder name"});
      }
    }
    if (jobs.empty()) {
      out.problem = o.path.string() +
                    " holds no 903 files, and no sub-folders named by collection year "
                    "(e.g. 2024-25) or council code (e.g. 887)" +
                    (o.year ? " for " + o.year->label() : std::string());
      return out;
    }
  }
  // Two folders for the same council and year (2024-25/ and lac2024_25/) would replace each
  // other inside one import.
  for (std::size_t a = 0; a < jobs.size(); ++a)
    for (std::size_t b = a + 1; b < jobs.size(); ++b)
      if (jobs[a].la == jobs[b].la && jobs[a].year && jobs[b].year &&
          *jobs[a].year == *jobs[b].year) {
        out.problem = jobs[a].folder.string() + " and " + jobs[b].folder.string() + " are both " +
                      jobs[a].year->label() +
                      (jobs[a].la ? " for council " + *jobs[a].la : std::string()) +
                      ": import one of them";
        return out;
      }
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const Job& j = jobs[i];
    if (progress) progress("reading " + j.folder.string(), i, jobs.size());
    if (!j.la) {
      out.problem =
          "which council is this return for? Give --la (the three-digit LA code, "
          "e.g. --la 887)";
      out.usage_problem = true;
      out.years.clear();
      return out;
    }
    YearRead yr;
    yr.folder = j.folder;
    yr.year_source = j.year_source;
    // Read with a provisional year when it must come from the data.
    model::CollectionYear year = j.year.value_or(model::CollectionYear{0});
    validation::ReturnTables data;
    validation::TableCollector collector(data, false);
    yr.report.observer = &collector;
    yr.ret = ssda903::read_folder(j.folder, year, *j.la, yr.report);
    yr.report.observer = nullptr;
    if (!j.year) {
      auto from_data = ssda903::year_from_data(yr.ret);
      if (!from_data) {
        out.problem = "the collection year of " + j.folder.string() +
                      " cannot be worked out: give --year (e.g. --year 2024-25)";
        out.usage_problem = true;
        out.years.clear();
        return out;
      }
      yr.ret.year = *from_data;
      yr.year_source = "data";
    }
    if (!yr.report.file_problems()) {
      report_tables_not_sent(yr);
      validate_year(yr, data, out.years, store);
    }
    out.years.push_back(std::move(yr));
  }
  if (progress) progress("read", jobs.size(), jobs.size());
  bool blocking = std::any_of(out.years.begin(), out.years.end(),
                              [](const YearRead& y) { return y.report.blocking(); });
  bool any_rows = std::any_of(out.years.begin(), out.years.end(),
                              [](const YearRead& y) { return y.ret.total_rows() > 0; });
  if (!any_rows && !blocking) {
    out.problem = "no rows were found to import";
    return out;
  }
  bool file_problems = std::any_of(out.years.begin(), out.years.end(),
                                   [](const YearRead& y) { return y.report.file_problems(); });
  out.status = file_problems || (blocking && !o.accept_with_findings) ? ImportStatus::Blocked
                                                                      : ImportStatus::Imported;
  return out;
}

ImportOutcome run_import(store::Store& store, const ImportOptions& o, const Progress& progress) {
  ImportOutcome out = read_source(o, progress, &store);
  if (out.status != ImportStatus::Imported) return out;
  if (std::all_of(out.years.begin(), out.years.end(),
                  [](const YearRead& y) { return y.ret.total_rows() == 0; })) {
    out.status = ImportStatus::Invalid;
    out.problem = "every row was rejected; nothing to import";
    return out;
  }
  std::vector<store::Store::ReturnToStore> batch;
  std::deque<std::vector<model::Finding>> stored_findings;  // ingest + validation, per year
  for (const auto& y : out.years) {
    bool xml = false;
    for (const auto& f : y.report.files)
      if (f.file.size() > 4 && (f.file.ends_with(".xml") || f.file.ends_with(".XML"))) xml = true;
    store::ImportMeta meta{o.source_name.empty() ? y.folder.string() : o.source_name,
                           xml ? "xml" : "csv", o.user,
                           o.accept_with_findings && y.report.blocking()};
    batch.push_back({&y.ret, meta, y.report.findings});
    if (!y.validation.empty()) {
      auto& all = stored_findings.emplace_back(y.report.findings);
      all.insert(all.end(), y.validation.begin(), y.validation.end());
      batch.back().findings = all;
    }
  }
  if (progress) progress("storing", 0, batch.size());
  out.records = store.replace_returns(batch);
  if (progress) progress("stored", batch.size(), batch.size());
  return out;
}

std::vector<store::ImportRecord> store_returns(store::Store& store,
                                               const std::vector<model::Return>& returns,
                                               const std::string& source, const std::string& user) {
  std::vector<store::Store::ReturnToStore> batch;
  for (const auto& r : returns)
    batch.push_back({&r, store::ImportMeta{source, "synthetic", user, false}, {}});
  return store.replace_returns(batch);
}

}  // namespace hearth::ingest
