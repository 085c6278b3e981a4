// Statements made in another app (a council's statements app, such as Mind Of My Own), loaded
// from a CSV so the Board's figures cover every channel a child uses (docs/voice.md, "Statements
// from another app"). Recognised by its header like a local table, but never stored as one: the
// words are sealed before they are kept (services/statement_import.hpp). No finding ever carries
// a statement's words.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/instant.hpp"
#include "ssda903/reader.hpp"

namespace hearth::local {

struct StatementColumn {
  std::string_view name;
  bool required;
  std::string_view kind;
  std::string_view meaning;
};

// The columns, in the table's order (docs/data-formats.md is written from this list).
extern const std::array<StatementColumn, 10> kStatementColumns;
inline constexpr std::string_view kStatementsTable = "statements";
inline constexpr std::string_view kStatementsFile = "statements.csv";

struct ImportedStatement {
  std::string external_id;  // stmt_statement_id: the app's own identifier
  std::string child;        // stmt_person_id (903 CHILD)
  std::string app;          // stmt_app
  model::Instant made_at{};
  std::string mood;     // one of voice::kMoods, or "" when the app has no such scale
  std::string topic;    // one of voice::kTopics
  std::string purpose;  // "", "prepare" or "good_news"
  bool unsafe = false;
  std::string text;
  std::optional<model::Instant> first_reply_at;
};

struct StatementsRead {
  std::vector<ImportedStatement> rows;
  ssda903::ReadReport report;
};

// True when the header row of `content` is a statements file's.
bool looks_like_statements(std::string_view content);
// Reads one file; false (and nothing read) when its header is not a statements file's.
bool read_statements_csv(const std::string& file_name, std::string_view content,
                         StatementsRead& out);

// "2025-03-02 18:30" on the clock in England (or a date alone, read as noon), or an ISO instant
// ending in Z, as the instant it was.
std::optional<model::Instant> england_instant(std::string_view text);

}  // namespace hearth::local
