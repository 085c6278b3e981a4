// Tables as data: a column is described once — its name and how its text is read into a member
// of the record and written back — and the readers, the writer and the store all work from the
// descriptions. The 903 tables (tables.cpp) and the local-record tables (local/tables.cpp) are
// both built from these pieces; each adds the cell kinds only it has (903 dates and flags; local
// date-times, yes/no and choices).
#pragma once

#include <array>
#include <charconv>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/codes.hpp"
#include "ssda903/tables.hpp"

namespace hearth::ssda903::fields {

template <class T>
struct MemberOf;
template <class C, class V>
struct MemberOf<V C::*> {
  using Record = C;
  using Value = V;
};
// The record type a member pointer belongs to.
template <auto M>
using RecordOf = typename MemberOf<decltype(M)>::Record;

// One column: what it is (Column is the table family's description, e.g. ColumnInfo) and how to
// read and write it. `iso` asks for ISO dates (the store) rather than the file's own form.
template <class Column, class R>
struct Field {
  Column info;
  bool (*read)(std::string_view, R&, CellProblem&);
  void (*write)(const R&, std::string&, bool iso);
};

template <class Column, class R, std::size_t N>
constexpr std::array<Column, N> columns_of(const std::array<Field<Column, R>, N>& fields) {
  std::array<Column, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = fields[i].info;
  return out;
}

inline CellProblem missing_value() {
  return {"ingest.missing-value", "a value",
          "This column is needed to place the row in the child's record; fill it in and export "
          "the file again."};
}

// ---- cells every table family has --------------------------------------------------------------

template <auto M>
bool read_text(std::string_view s, RecordOf<M>& r, CellProblem&) {
  r.*M = std::string(s);
  return true;
}
template <auto M>
void write_text(const RecordOf<M>& r, std::string& out, bool) {
  out = r.*M;
}

// An SSDA903 code (the member is std::optional<E> for one of the code lists in codes.hpp).
template <auto M>
bool read_code(std::string_view s, RecordOf<M>& r, CellProblem& p) {
  using E = typename MemberOf<decltype(M)>::Value::value_type;
  auto code = model::parse_code<E>(s);
  if (!code) {
    std::string expected = "one of the ";
    expected += model::CodeTraits<E>::column;
    expected += " codes:";
    for (const auto& e : model::CodeTraits<E>::entries()) {
      expected += ' ';
      expected += e.code;
    }
    p = {"ingest.unknown-code", std::move(expected),
         "This code is not in the DfE's 903 list for any collection year. Check how the "
         "case-management system's export maps its values to 903 codes."};
    return false;
  }
  r.*M = code;
  return true;
}
template <auto M>
void write_code(const RecordOf<M>& r, std::string& out, bool) {
  const auto& v = r.*M;
  if (v) out = model::code_text(*v);
}

template <auto M, int Min, int Max>
bool read_int(std::string_view s, RecordOf<M>& r, CellProblem& p) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size() || value < Min || value > Max) {
    p = {"ingest.bad-number",
         "a whole number from " + std::to_string(Min) + " to " + std::to_string(Max),
         "Write the number without spaces, decimals or words."};
    return false;
  }
  r.*M = value;
  return true;
}
template <auto M>
void write_int(const RecordOf<M>& r, std::string& out, bool) {
  const auto& v = r.*M;
  if (v) out = std::to_string(*v);
}

// ---- rows ------------------------------------------------------------------------------------

// Reads one row (cells in the fields' order; an absent column is an empty view) and appends it
// to `rows`; on a problem nothing is appended and the problems (with column index) are returned.
template <class Column, class R, std::size_t N>
void read_into(const std::array<Field<Column, R>, N>& fields,
               std::span<const std::string_view> cells, std::vector<R>& rows,
               std::vector<RowProblem>& problems) {
  // Built in place; taken back out if a cell cannot be read.
  R& record = rows.emplace_back();
  bool ok = true;
  for (std::size_t i = 0; i < N; ++i) {
    std::string_view text = i < cells.size() ? cells[i] : std::string_view{};
    if (text.empty()) {
      if (fields[i].info.required) {
        problems.push_back({i, std::string(), missing_value()});
        ok = false;
      }
      continue;
    }
    CellProblem problem;
    if (!fields[i].read(text, record, problem)) {
      problems.push_back({i, std::string(text), std::move(problem)});
      ok = false;
    }
  }
  if (!ok) rows.pop_back();
}

template <class Column, class R, std::size_t N>
void write_from(const std::array<Field<Column, R>, N>& fields, const R& record,
                std::vector<std::string>& cells, bool iso) {
  cells.resize(N);
  for (std::size_t i = 0; i < N; ++i) {
    cells[i].clear();
    fields[i].write(record, cells[i], iso);
  }
}

}  // namespace hearth::ssda903::fields
