#include "cli/output.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <stdexcept>

#include "model/text.hpp"
#include "ssda903/csv.hpp"

namespace hearth::cli {

Format parse_format(const std::string& s) {
  if (s == "table") return Format::Table;
  if (s == "json") return Format::Json;
  if (s == "csv") return Format::Csv;
  throw std::invalid_argument("unknown --format '" + s + "': use table, json or csv");
}

namespace {
// Display width of UTF-8 text: count code points, not bytes.
std::size_t width(const std::string& s) {
  std::size_t w = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++w;
  return w;
}
}  // namespace

void print_table(std::ostream& out, const std::vector<std::string>& headers, const Rows& raw_rows) {
  // A terminal must never receive a raw escape sequence or line break from stored text.
  Rows rows = raw_rows;
  for (auto& r : rows)
    for (auto& cell : r) cell = model::escaped_text(cell);
  std::vector<std::size_t> w(headers.size());
  for (std::size_t c = 0; c < headers.size(); ++c) w[c] = width(headers[c]);
  for (const auto& r : rows)
    for (std::size_t c = 0; c < r.size() && c < w.size(); ++c)
      w[c] = std::max(w[c], std::min<std::size_t>(width(r[c]), 80));
  auto line = [&](const std::vector<std::string>& r) {
    std::string s;
    for (std::size_t c = 0; c < w.size(); ++c) {
      std::string cell = c < r.size() ? r[c] : "";
      s += cell;
      if (c + 1 < w.size()) s += std::string(w[c] + 2 - std::min(width(cell), w[c] + 1), ' ');
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << '\n';
  };
  line(headers);
  for (const auto& r : rows) line(r);
}

void print_csv(std::ostream& out, const std::vector<std::string>& headers, const Rows& rows) {
  auto line = [&](const std::vector<std::string>& r) {
    std::string s;
    for (std::size_t c = 0; c < r.size(); ++c) {
      if (c) s += ',';
      ssda903::append_csv_field(s, model::spreadsheet_cell(r[c]));
    }
    out << s << '\n';
  };
  line(headers);
  for (const auto& r : rows) line(r);
}

std::vector<std::string> finding_headers() {
  return {"SEVERITY", "FILE", "ROW", "COLUMN", "VALUE", "CHILD", "RULE", "MESSAGE"};
}

std::vector<std::string> finding_row(const model::Finding& f) {
  return {std::string(model::severity_name(f.severity)),
          f.file,
          f.row ? std::to_string(f.row) : "",
          f.column,
          f.value,
          f.child,
          f.rule,
          f.message};
}

std::string thousands(std::size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
    s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

ProgressBar::ProgressBar() : enabled_(isatty(STDERR_FILENO) == 1) {}
ProgressBar::~ProgressBar() {
  finish();
}

void ProgressBar::update(const std::string& stage, std::size_t done, std::size_t total) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && done != total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  std::string bar;
  if (total > 0) {
    std::size_t filled = done * 30 / total;
    bar = "[" + std::string(filled, '#') + std::string(30 - filled, ' ') + "] " +
          std::to_string(done * 100 / total) + "% ";
  }
  std::string text = bar + stage;
  if (text.size() > 100) text = text.substr(0, 97) + "...";
  std::cerr << "\r\033[K" << text << std::flush;
  drawn_ = true;
}

void ProgressBar::finish() {
  if (enabled_ && drawn_) std::cerr << "\r\033[K" << std::flush;
  drawn_ = false;
}

void print_findings_table(std::ostream& out, const std::vector<model::Finding>& findings) {
  if (findings.empty()) return;
  Rows rows;
  for (const auto& f : findings) rows.push_back(finding_row(f));
  out << '\n';
  print_table(out, finding_headers(), rows);
  out << '\n';
}

void print_findings_csv(std::ostream& out, const std::vector<model::Finding>& findings) {
  Rows rows;
  for (const auto& f : findings) rows.push_back(finding_row(f));
  print_csv(out, finding_headers(), rows);
}

void print_blocked(std::ostream& out, std::size_t rejected, bool file_problems,
                   std::string_view what) {
  if (rejected && !file_problems)
    out << thousands(rejected)
        << " rows were rejected, so nothing was imported and the store is unchanged.\n"
           "Correct the rows listed above and import again, or add --accept-with-findings to "
           "store the other rows.\n";
  else
    out << "The files could not be taken as " << what
        << " (see the findings above), so nothing was imported and the store is unchanged.\n";
}

}  // namespace hearth::cli
