// The 903 tables as the DfE's rules see them: every cell as the text the council sent (upper
// cased, an empty cell is "missing"), with dates parsed once. The typed model rejects a row it
// cannot read; validation must still see that row, so it works from the text.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/postcodes.hpp"
#include "model/dates.hpp"
#include "model/journey.hpp"
#include "ssda903/tables.hpp"

namespace hearth::validation {

using model::Date;
using model::OptDate;
using ssda903::TableKind;

// A column of a Table, looked up once by name: `auto decom = episodes.col("DECOM");`.
struct Col {
  int index = -1;
};

class Table {
 public:
  // A table with the 903 columns of `kind` (plus UASC on the Header, as the DfE's tool adds).
  Table(TableKind kind, bool previous_year, std::string file);
  // Moved, never copied: the child index points into the cells.
  Table(Table&&) = default;
  Table& operator=(Table&&) = default;
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;

  TableKind kind() const { return kind_; }
  bool previous_year() const { return previous_; }
  std::string_view name() const;  // "Episodes"
  const std::string& file() const { return file_; }
  std::size_t size() const { return lines_.size(); }
  bool empty() const { return lines_.empty(); }

  // The column called `name`; throws std::logic_error for a name the table does not have.
  Col col(std::string_view name) const;
  std::span<const std::string> column_names() const { return names_; }

  std::string_view text(std::size_t row, Col c) const { return view(cells_[idx(c)][row]); }
  bool missing(std::size_t row, Col c) const { return cells_[idx(c)][row].size == 0; }
  // The cell as a date, read as the importer reads it (model::parse_date: dd/mm/yyyy, or
  // yyyy-mm-dd, which the reader also reports as "ingest.date-format"); nullopt when empty or not
  // a date.
  OptDate date(std::size_t row, Col c) const;
  // The cell as a number (e.g. "12", "3.0"); nullopt when empty or not a number.
  std::optional<double> number(std::size_t row, Col c) const;
  // The cell as a whole number; nullopt when empty, not a number or not whole.
  std::optional<long> integer(std::size_t row, Col c) const;

  std::string_view child(std::size_t row) const { return view(cells_[0][row]); }
  std::int64_t line(std::size_t row) const { return lines_[row]; }  // in the file (header = 1)

  // The rows of one child in file order (empty when the child has none).
  std::span<const std::uint32_t> rows_of(std::string_view child) const;
  bool has_child(std::string_view child) const { return !rows_of(child).empty(); }
  // Every distinct child in order of first appearance.
  std::span<const std::string> children() const { return children_; }

  // Building: room for about `rows` rows and `bytes` of text (a CSV file's size), so that the
  // columns do not grow by copying.
  void reserve(std::size_t rows, std::size_t bytes);
  // Building: a row's cells in the 903 column order (missing trailing cells are empty).
  void add_row(std::int64_t line, std::span<const std::string_view> cells);
  // The Header's UASC column holds the flag as the return reported it (an XML return has one):
  // ReturnTables::finish() keeps it instead of deriving it from the UASC table.
  void mark_uasc_reported() { uasc_reported_ = true; }
  bool uasc_reported() const { return uasc_reported_; }
  // E.g. the derived Header UASC (a case file's own UASC after finish(): the index follows).
  void set(std::size_t row, Col c, std::string_view value);
  void finish();  // parses dates and indexes children; call once after the last add_row

 private:
  // A cell: where its text starts in text_, and its length. One arena of text per table instead
  // of a string per cell: a third of the memory, and far fewer pages for a short run to touch.
  struct Cell {
    std::uint32_t at = 0;
    std::uint32_t size = 0;
  };
  std::size_t idx(Col c) const { return static_cast<std::size_t>(c.index); }
  std::string_view view(Cell cell) const { return {text_.data() + cell.at, cell.size}; }
  Cell append(std::string_view upper_cased_from);
  void index_children();
  TableKind kind_;
  bool previous_;
  std::string file_;
  std::vector<std::string> names_;
  std::vector<char> text_;                   // every cell's text (a vector: moving keeps it)
  std::vector<std::vector<Cell>> cells_;     // [column][row]
  std::vector<std::vector<OptDate>> dates_;  // [column][row] for date columns, else empty
  std::vector<std::int64_t> lines_;
  bool uasc_reported_ = false;
  bool finished_ = false;
  std::vector<std::string> children_;
  // Each child's rows: a run of rows_by_child_ (first, count), the rows in file order.
  std::vector<std::uint32_t> rows_by_child_;
  std::unordered_map<std::string_view, std::pair<std::uint32_t, std::uint32_t>> by_child_;
};

// Reference data some rules need: postcodes and council tiers (shipped, reference/postcodes/) and
// Ofsted's providers (the council supplies them); see docs/validation.md.
struct Provider {
  std::string urn;
  std::string postcode;        // upper case, no spaces
  std::string la;              // upper-tier LA code of the provider's postcode (LA_CODE_INFERRED)
  std::string place_codes;     // PLACE codes it may be used for, comma separated ("H5,R1")
  std::string provider_codes;  // PLACE_PROVIDER codes, comma separated ("PR1,PR2")
  OptDate registered_until;    // REG_END: when its registration ended, if it has
};
struct ValidationReference {
  // Every postcode: where it is and its district; null when not supplied.
  std::shared_ptr<const geo::PostcodeIndex> postcodes;
  // Lower-tier -> upper-tier local authority codes (ONS LTLA -> UTLA).
  geo::UpperTier upper_tier;
  // Ofsted-registered providers by URN; empty when not supplied.
  std::unordered_map<std::string, Provider> providers;
  bool has_postcodes() const { return postcodes && postcodes->size() > 0; }
  bool has_providers() const { return !providers.empty(); }
};

// One collection year's tables, the previous year's when given, and what the rules need to know.
struct ReturnTables {
  model::CollectionYear year;
  std::string la;  // the council's ONS code (E06…/E08…/E09…/E10…), may be empty
  std::string file_format = "csv";  // "csv" or "xml": some DfE rules differ
  std::array<std::optional<Table>, ssda903::kTableCount> current;
  std::array<std::optional<Table>, ssda903::kTableCount> previous;
  const ValidationReference* reference = nullptr;

  const Table* get(TableKind k) const;   // nullptr when the table was not supplied
  const Table* last(TableKind k) const;  // the previous year's, nullptr when not supplied
  Date collection_start() const { return year.start(); }
  Date collection_end() const { return year.end(); }

  // Builds the tables from a typed return (e.g. one read back from the store): every row written
  // as the 903 writes it. All twelve tables are present, empty when the return has no rows.
  static ReturnTables from_return(const model::Return& current, const model::Return* previous);
  // Supplies the previous year's tables from a typed return (call finish() after).
  void add_previous(const model::Return& previous);
  // Adds the Header's UASC column where the return did not report it (a CSV return: 1 when the
  // child has a UASC row, 0 when not) and finishes the tables.
  void finish();
};

}  // namespace hearth::validation
