#include "local/statements_csv.hpp"

#include <algorithm>
#include <cctype>

#include "model/local.hpp"
#include "model/text.hpp"
#include "ssda903/csv.hpp"
#include "ssda903/csv_table.hpp"
#include "voice/clock.hpp"
#include "voice/vocabulary.hpp"

namespace hearth::local {

const std::array<StatementColumn, 10> kStatementColumns{{
    {"stmt_statement_id", true, "id", "the app's own identifier for the statement"},
    {"stmt_person_id", true, "id", "the child or young person (903 CHILD)"},
    {"stmt_made_at", true, "date-time",
     "when it was made, on the clock in England (a date alone is read as noon)"},
    {"stmt_app", false, "text", "the app it came from, e.g. Mind Of My Own (default: Imported)"},
    {"stmt_mood", false, "choice", "great, good, okay, sad, angry or scared; blank when not asked"},
    {"stmt_topic", false, "choice",
     "home, school, family time, health, my worker, money, where I live or something else "
     "(default)"},
    {"stmt_purpose", false, "choice", "prepare (for a review or meeting), good news, or blank"},
    {"stmt_unsafe", false, "yes/no",
     "Y when the child said they did not feel safe (kept as said; the app raised its own alarm)"},
    {"stmt_text", false, "text", "what the child said (sealed before it is kept)"},
    {"stmt_replied_at", false, "date-time", "when the child was first answered, if they were"},
}};

namespace {

enum Col { Id, Person, MadeAt, App, Mood, Topic, Purpose, Unsafe, Text, RepliedAt };

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

std::vector<std::string> header_of(std::string_view content) {
  ssda903::CsvReader csv(content);
  std::vector<std::string_view> fields;
  std::vector<std::string> columns;
  if (!csv.next(fields)) return columns;
  for (auto f : fields) {
    auto t = ssda903::trim(f);
    if (columns.empty() && t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
    columns.push_back(lower(t));
  }
  while (!columns.empty() && columns.back().empty()) columns.pop_back();
  return columns;
}

bool is_statements_header(const std::vector<std::string>& columns) {
  for (const auto& c : kStatementColumns)
    if (c.required && std::find(columns.begin(), columns.end(), c.name) == columns.end())
      return false;
  return true;
}

// "family time", "Family_Time", "FAMILY TIME" → "family_time"
std::string word_key(std::string_view s) {
  std::string k = lower(s);
  for (char& c : k)
    if (c == ' ' || c == '-') c = '_';
  return k;
}

ssda903::RowProblem problem(std::size_t column, std::string_view value, std::string rule,
                            std::string expected, std::string how) {
  ssda903::RowProblem p;
  p.column = column;
  p.value = std::string(value);
  p.problem = {std::move(rule), std::move(expected), std::move(how)};
  return p;
}

}  // namespace

std::optional<model::Instant> england_instant(std::string_view text) {
  if (auto exact = model::parse_instant(text)) return exact;
  auto dt = model::parse_date_time(text);
  if (!dt) return std::nullopt;
  using namespace std::chrono;
  const int minute = dt->has_time() ? dt->minute : 12 * 60;
  const model::Instant as_if_utc{sys_days{dt->date} + minutes{minute}};
  // The clock in England is UTC or an hour ahead: take the offset an hour before, which is
  // right except in the hour the clocks go back (read as the first of the two).
  return as_if_utc - voice::england_offset(as_if_utc - hours{1});
}

bool looks_like_statements(std::string_view content) {
  return is_statements_header(header_of(content));
}

bool read_statements_csv(const std::string& file_name, std::string_view content,
                         StatementsRead& out) {
  const auto columns = header_of(content);
  if (!is_statements_header(columns)) return false;
  auto& report = out.report;
  report.bytes += content.size();
  ssda903::FileRead fr{file_name, std::nullopt, 0, 0};
  const std::string table(kStatementsTable);
  ssda903::CsvTable t =
      ssda903::map_columns(file_name, table, columns,
                           std::span<const StatementColumn>(kStatementColumns), Person, report);
  ssda903::CsvReader csv(content);
  std::vector<std::string_view> header;
  csv.next(header);
  const std::size_t findings_before = report.findings.size();
  std::vector<ssda903::RowProblem> problems;
  ssda903::read_csv_rows(
      csv, t, report, fr, [&](std::int64_t row, std::span<const std::string_view> cells) {
        problems.clear();
        ImportedStatement s;
        s.external_id = std::string(cells[Id]);
        s.child = std::string(cells[Person]);
        for (Col c : {Id, Person, MadeAt})
          if (cells[c].empty())
            problems.push_back(problem(c, "", "ingest.missing-value", "a value",
                                       "Fill in the column in the app's export."));
        if (!cells[MadeAt].empty()) {
          if (auto at = england_instant(cells[MadeAt]))
            s.made_at = *at;
          else
            problems.push_back(problem(MadeAt, cells[MadeAt], "ingest.bad-date",
                                       "a date and time, e.g. 2025-03-02 18:30",
                                       "Export the date and time as yyyy-mm-dd hh:mm."));
        }
        s.app = cells[App].empty() ? "Imported" : std::string(cells[App]);
        if (lower(s.app) == "hearth")
          problems.push_back(problem(App, cells[App], "ingest.unknown-code",
                                     "the other app's name, not Hearth",
                                     "Statements made in Hearth are in Hearth already."));
        s.mood = lower(cells[Mood]);
        if (s.mood == "ok") s.mood = "okay";
        if (!s.mood.empty() && !voice::one_of(voice::kMoods, s.mood))
          problems.push_back(problem(Mood, cells[Mood], "ingest.unknown-code",
                                     "one of: great, good, okay, sad, angry, scared (or blank)",
                                     "Map the app's moods to Hearth's six in the export."));
        s.topic = cells[Topic].empty() ? "something_else" : word_key(cells[Topic]);
        if (!voice::one_of(voice::kTopics, s.topic))
          problems.push_back(
              problem(Topic, cells[Topic], "ingest.unknown-code",
                      "one of: home, school, family time, health, my worker, money, where I live, "
                      "something else",
                      "Map the app's topics to Hearth's in the export, or leave the cell blank."));
        s.purpose = word_key(cells[Purpose]);
        if (s.purpose == "prepare_for_my_review_or_meeting") s.purpose = "prepare";
        if (s.purpose == "share_good_news") s.purpose = "good_news";
        if (!voice::one_of(voice::kPurposes, s.purpose))
          problems.push_back(problem(Purpose, cells[Purpose], "ingest.unknown-code",
                                     "prepare, good news, or blank",
                                     "Leave the cell blank when the statement had no purpose."));
        if (!cells[Unsafe].empty()) {
          const std::string u = lower(cells[Unsafe]);
          if (u == "y" || u == "yes" || u == "1" || u == "true")
            s.unsafe = true;
          else if (!(u == "n" || u == "no" || u == "0" || u == "false"))
            problems.push_back(problem(Unsafe, cells[Unsafe], "ingest.bad-flag", "Y or N",
                                       "Write Y for yes and N for no."));
        }
        s.text = std::string(cells[Text]);
        if (model::utf8_characters(s.text) > voice::kMaxTextCharacters)
          problems.push_back(problem(
              Text, "", "ingest.too-long",
              "at most " + std::to_string(voice::kMaxTextCharacters) + " characters",
              "Hearth keeps statements up to that length; shorten it in the app or leave it "
              "out."));
        if (!cells[RepliedAt].empty()) {
          if (auto at = england_instant(cells[RepliedAt]))
            s.first_reply_at = *at;
          else
            problems.push_back(problem(RepliedAt, cells[RepliedAt], "ingest.bad-date",
                                       "a date and time, e.g. 2025-03-04 10:00",
                                       "Export the date and time as yyyy-mm-dd hh:mm."));
        }
        for (auto& p : problems) {
          const std::string col(kStatementColumns[p.column].name);
          report.findings.push_back(
              ssda903::cell_finding(file_name, table, row, col, s.child, std::move(p)));
        }
        if (!problems.empty()) return false;
        out.rows.push_back(std::move(s));
        return true;
      });
  // A child's words are never repeated in a finding (the reader's own queries quote cells).
  for (std::size_t i = findings_before; i < report.findings.size(); ++i) {
    auto& f = report.findings[i];
    if (f.column != "stmt_text") continue;
    f.value.clear();
    if (f.rule == "ingest.spaces-trimmed")
      f.message = "stmt_text has spaces or tabs before or after it; they were trimmed";
    else if (f.rule == "ingest.not-utf8")
      f.message = "stmt_text has bytes that are not UTF-8; they were replaced by \xEF\xBF\xBD";
    else if (f.rule == "ingest.too-long")
      f.message = "stmt_text is longer than Hearth keeps";
  }
  report.files.push_back(fr);
  return true;
}

}  // namespace hearth::local
