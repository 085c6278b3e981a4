// Rendering for the command line: aligned tables for people, CSV and JSON for scripts, and a
// progress bar on stderr when it is a terminal.
#pragma once

#include <chrono>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/finding.hpp"

namespace hearth::cli {

enum class Format { Table, Json, Csv };
Format parse_format(const std::string& s);  // throws std::invalid_argument

using Rows = std::vector<std::vector<std::string>>;
void print_table(std::ostream& out, const std::vector<std::string>& headers, const Rows& rows);
void print_csv(std::ostream& out, const std::vector<std::string>& headers, const Rows& rows);

std::vector<std::string> finding_headers();
std::vector<std::string> finding_row(const model::Finding& f);

std::string thousands(std::size_t n);  // 12,345

// An import's findings: as a table between blank lines (nothing when there are none), or CSV.
void print_findings_table(std::ostream& out, const std::vector<model::Finding>& findings);
void print_findings_csv(std::ostream& out, const std::vector<model::Finding>& findings);
// What a blocked import says last: rows rejected, or files that could not be taken as `what`.
void print_blocked(std::ostream& out, std::size_t rejected, bool file_problems,
                   std::string_view what);

class ProgressBar {
 public:
  ProgressBar();  // enabled only when stderr is a terminal
  ~ProgressBar();
  void update(const std::string& stage, std::size_t done, std::size_t total);
  void finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace hearth::cli
