// A small, fast RFC 4180 CSV reader over a buffer held in memory.
//
// Why not libcsv: measured in bench/csv_bench.cpp (results in docs/performance.md), libcsv's
// byte-at-a-time callback design parses the 903's files several times slower than this reader,
// which scans for the next separator in a tight loop and hands out string_views into the buffer.
// It tolerates what councils' exports contain: a UTF-8 byte-order mark, CRLF or bare CR line
// ends, quoted fields with doubled quotes and embedded line breaks, and blank lines at the end.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::ssda903 {

class CsvReader {
 public:
  explicit CsvReader(std::string_view buffer);

  // Reads the next record into `fields`. Returns false at the end of the buffer. Views stay valid
  // until the next call (quoted fields with escapes are unescaped into an internal scratch area).
  bool next(std::vector<std::string_view>& fields);

  // 1-based line number at which the last record returned by next() started.
  std::int64_t line() const { return record_line_; }
  // True when the last record had a quoted field left open at the end of the buffer.
  bool unterminated_quote() const { return unterminated_; }

 private:
  std::string_view buf_;
  std::size_t pos_ = 0;
  std::int64_t line_ = 1;
  std::int64_t record_line_ = 0;
  bool unterminated_ = false;
  std::deque<std::string> scratch_;  // a deque: growing it never moves the strings views point into
  std::size_t scratch_used_ = 0;
};

// Quotes a field for output when it contains a separator, quote or line break.
void append_csv_field(std::string& out, std::string_view field);

// Trims spaces and tabs from both ends.
inline std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

}  // namespace hearth::ssda903
