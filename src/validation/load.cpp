#include "validation/load.hpp"

namespace hearth::validation {

void TableCollector::table(TableKind kind, const std::string& file) {
  auto& slot = (previous_ ? data_.previous : data_.current)[static_cast<std::size_t>(kind)];
  if (!slot) slot.emplace(kind, previous_, file);
  if (file.size() > 4) {
    std::string ext = file.substr(file.size() - 4);
    if (!previous_ && (ext == ".xml" || ext == ".XML")) data_.file_format = "xml";
  }
}

void TableCollector::expect(TableKind kind, std::size_t rows, std::size_t bytes) {
  auto& slot = (previous_ ? data_.previous : data_.current)[static_cast<std::size_t>(kind)];
  if (slot) slot->reserve(rows, bytes);
}

void TableCollector::row(TableKind kind, std::int64_t line,
                         std::span<const std::string_view> cells) {
  auto& slot = (previous_ ? data_.previous : data_.current)[static_cast<std::size_t>(kind)];
  if (!slot) slot.emplace(kind, previous_, std::string());
  // The XML reader hands on the Header's own UASC flag after the 903 columns.
  if (kind == TableKind::Header && cells.size() > ssda903::table_info(kind).columns.size())
    slot->mark_uasc_reported();
  slot->add_row(line, cells);
}

LoadedReturn read_for_validation(const std::filesystem::path& current,
                                 const std::optional<std::filesystem::path>& previous,
                                 model::CollectionYear year, const std::string& la,
                                 ssda903::ReadReport& report) {
  LoadedReturn out;
  out.data.year = year;
  TableCollector now(out.data, false), before(out.data, true);
  ssda903::RowObserver* saved = report.observer;
  report.observer = &now;
  out.typed = ssda903::read_with_previous(current, previous, year, la, report,
                                          previous ? &before : nullptr);
  report.observer = saved;
  out.data.finish();
  return out;
}

}  // namespace hearth::validation
