#include "validation/table.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace hearth::validation {

Table::Table(TableKind kind, bool previous_year, std::string file)
    : kind_(kind), previous_(previous_year), file_(std::move(file)) {
  for (const auto& c : ssda903::table_info(kind).columns) names_.emplace_back(c.name);
  if (kind == TableKind::Header) names_.emplace_back("UASC");
  cells_.resize(names_.size());
  dates_.resize(names_.size());
}

std::string_view Table::name() const {
  return ssda903::table_info(kind_).name;
}

Col Table::col(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) return Col{static_cast<int>(i)};
  throw std::logic_error("the " + std::string(this->name()) + " table has no column " +
                         std::string(name));
}

void Table::reserve(std::size_t rows, std::size_t bytes) {
  for (auto& column : cells_) column.reserve(column.size() + rows);
  lines_.reserve(lines_.size() + rows);
  text_.reserve(text_.size() + bytes);
}

Table::Cell Table::append(std::string_view s) {
  if (!s.empty() && s.data() >= text_.data() && s.data() < text_.data() + text_.size()) {
    const std::string copy(s);  // a cell of this table: growing text_ would move it
    return append(copy);
  }
  if (text_.size() + s.size() > UINT32_MAX)
    throw std::length_error("a 903 table holds more than 4 GB of text");
  Cell cell{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(s.size())};
  for (char c : s) text_.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  return cell;
}

void Table::add_row(std::int64_t line, std::span<const std::string_view> cells) {
  for (std::size_t c = 0; c < cells_.size(); ++c)
    cells_[c].push_back(c < cells.size() ? append(cells[c]) : Cell{});
  lines_.push_back(line);
}

void Table::set(std::size_t row, Col c, std::string_view value) {
  const char* was = text_.data();
  cells_[idx(c)][row] = append(value);
  if (!finished_) return;
  // Set after finish(): the parsed date and the child index (its keys point into text_) follow.
  if (!dates_[idx(c)].empty()) dates_[idx(c)][row] = model::parse_date(text(row, c));
  if (text_.data() != was || c.index == 0) index_children();
}

OptDate Table::date(std::size_t row, Col c) const {
  const auto& parsed = dates_[idx(c)];
  if (!parsed.empty()) return parsed[row];
  return model::parse_date(text(row, c));
}

std::optional<double> Table::number(std::size_t row, Col c) const {
  std::string_view s = text(row, c);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<long> Table::integer(std::size_t row, Col c) const {
  auto v = number(row, c);
  if (!v || std::floor(*v) != *v) return std::nullopt;
  return static_cast<long>(*v);
}

std::span<const std::uint32_t> Table::rows_of(std::string_view child) const {
  auto it = by_child_.find(child);
  if (it == by_child_.end()) return {};
  return std::span(rows_by_child_).subspan(it->second.first, it->second.second);
}

void Table::finish() {
  const auto& info = ssda903::table_info(kind_);
  for (std::size_t c = 0; c < info.columns.size(); ++c) {
    if (info.columns[c].kind != "date") continue;
    auto& out = dates_[c];
    out.resize(size());
    for (std::size_t r = 0; r < size(); ++r) out[r] = model::parse_date(view(cells_[c][r]));
  }
  index_children();
  finished_ = true;
}

void Table::index_children() {
  // Count each child's rows, give each child its run, then place the rows in file order.
  children_.clear();
  by_child_.clear();
  by_child_.reserve(size());
  for (std::size_t r = 0; r < size(); ++r) {
    auto [it, added] = by_child_.try_emplace(child(r), 0, 0);
    if (added) children_.emplace_back(child(r));
    ++it->second.second;
  }
  std::uint32_t first = 0;
  for (const auto& c : children_) {
    auto& run = by_child_.find(c)->second;
    run.first = first;
    first += run.second;
    run.second = 0;
  }
  rows_by_child_.assign(size(), 0);
  for (std::size_t r = 0; r < size(); ++r) {
    auto& run = by_child_.find(child(r))->second;
    rows_by_child_[run.first + run.second++] = static_cast<std::uint32_t>(r);
  }
}

const Table* ReturnTables::get(TableKind k) const {
  const auto& t = current[static_cast<std::size_t>(k)];
  return t ? &*t : nullptr;
}

const Table* ReturnTables::last(TableKind k) const {
  const auto& t = previous[static_cast<std::size_t>(k)];
  return t ? &*t : nullptr;
}

void ReturnTables::finish() {
  for (auto* tables : {&current, &previous}) {
    auto& header = (*tables)[static_cast<std::size_t>(TableKind::Header)];
    auto& uasc = (*tables)[static_cast<std::size_t>(TableKind::Uasc)];
    if (uasc) uasc->finish();
    if (header) {
      if (uasc && !header->uasc_reported()) {
        Col u = header->col("UASC");
        for (std::size_t r = 0; r < header->size(); ++r)
          header->set(r, u, uasc->has_child(header->text(r, Col{0})) ? "1" : "0");
      }
      header->finish();
    }
    for (auto& t : *tables)
      if (t && t->kind() != TableKind::Header && t->kind() != TableKind::Uasc) t->finish();
  }
}

namespace {
void fill_tables(const model::Return& ret, bool prev,
                 std::array<std::optional<Table>, ssda903::kTableCount>& out) {
  std::vector<std::string> cells;
  std::vector<std::string_view> views;
  for (const auto& info : ssda903::all_tables()) {
    Table t(info.kind, prev, std::string(info.file_name));
    std::size_t n = ssda903::row_count(info.kind, ret);
    for (std::size_t i = 0; i < n; ++i) {
      ssda903::write_row(info.kind, ret, i, cells);
      views.assign(cells.begin(), cells.end());
      t.add_row(static_cast<std::int64_t>(i) + 2, views);
    }
    out[static_cast<std::size_t>(info.kind)] = std::move(t);
  }
}
}  // namespace

void ReturnTables::add_previous(const model::Return& prev) {
  fill_tables(prev, true, previous);
}

ReturnTables ReturnTables::from_return(const model::Return& current,
                                       const model::Return* previous) {
  ReturnTables ds;
  ds.year = current.year;
  ds.file_format = "csv";
  fill_tables(current, false, ds.current);
  if (previous) fill_tables(*previous, true, ds.previous);
  ds.finish();
  return ds;
}

}  // namespace hearth::validation
