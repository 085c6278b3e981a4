// Reading a 903 return from files straight into validation tables, alongside the typed model the
// import stores: the same parse feeds both (ssda903::RowObserver).
#pragma once

#include <filesystem>
#include <optional>

#include "ssda903/reader.hpp"
#include "validation/table.hpp"

namespace hearth::validation {

// Collects the rows the 903 reader sees into a ReturnTables's tables (current or previous year).
class TableCollector : public ssda903::RowObserver {
 public:
  TableCollector(ReturnTables& data, bool previous_year) : data_(data), previous_(previous_year) {}
  void table(TableKind kind, const std::string& file) override;
  void expect(TableKind kind, std::size_t rows, std::size_t bytes) override;
  void row(TableKind kind, std::int64_t line, std::span<const std::string_view> cells) override;

 private:
  ReturnTables& data_;
  bool previous_;
};

struct LoadedReturn {
  ssda903::ReturnPair typed;
  ReturnTables data;
};

// Reads `current` (and `previous`) as ssda903::read_with_previous does, also building the
// validation dataset. data.file_format is "xml" when the current return was XML.
LoadedReturn read_for_validation(const std::filesystem::path& current,
                                 const std::optional<std::filesystem::path>& previous,
                                 model::CollectionYear year, const std::string& la,
                                 ssda903::ReadReport& report);

}  // namespace hearth::validation
