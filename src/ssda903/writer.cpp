#include "ssda903/writer.hpp"

#include <fstream>
#include <stdexcept>

#include "ssda903/csv.hpp"

namespace hearth::ssda903 {

std::string write_csv(TableKind kind, const model::Return& ret) {
  const TableInfo& info = table_info(kind);
  std::string out;
  std::size_t n = row_count(kind, ret);
  out.reserve(64 + n * info.columns.size() * 8);
  for (std::size_t c = 0; c < info.columns.size(); ++c) {
    if (c) out.push_back(',');
    out.append(info.columns[c].name);
  }
  out.push_back('\n');
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < n; ++i) {
    write_row(kind, ret, i, cells);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c) out.push_back(',');
      append_csv_field(out, cells[c]);
    }
    out.push_back('\n');
  }
  return out;
}

std::vector<std::filesystem::path> write_csv_folder(const std::filesystem::path& folder,
                                                    const model::Return& ret) {
  std::filesystem::create_directories(folder);
  std::vector<std::filesystem::path> written;
  for (const TableInfo& t : all_tables()) {
    if (ret.year.end_year < t.first_year && row_count(t.kind, ret) == 0) continue;
    auto path = folder / std::string(t.file_name);
    std::string text = write_csv(t.kind, ret);
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) throw std::runtime_error("cannot write " + path.string());
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!f) throw std::runtime_error("cannot write " + path.string());
    written.push_back(path);
  }
  return written;
}

}  // namespace hearth::ssda903
