#include "report/findings_export.hpp"

#include <xlsxwriter.h>

#include <map>
#include <stdexcept>

#include "model/instant.hpp"
#include "model/text.hpp"
#include "report/xlsx_bytes.hpp"
#include "ssda903/csv.hpp"

namespace hearth::report {

namespace {

const std::vector<std::string>& headers() {
  static const std::vector<std::string> h = {
      "la",  "year",      "import",      "rule",         "severity",    "file",     "table",
      "row", "field",     "value",       "child",        "message",     "expected", "how_to_fix",
      "key", "explained", "explanation", "explained_by", "explained_at"};
  return h;
}

std::vector<std::string> cells(const ExportedFinding& e, const FindingsExportInfo& info) {
  const auto& f = *e.finding;
  return {info.la,
          info.year,
          std::to_string(info.import_id),
          f.rule,
          std::string(model::severity_name(f.severity)),
          f.file,
          f.table,
          f.row ? std::to_string(f.row) : std::string(),
          f.column,
          f.value,
          f.child,
          f.message,
          f.expected,
          f.how_to_fix,
          e.key,
          e.note ? "yes" : "no",
          e.note ? e.note->note : std::string(),
          e.note ? e.note->user : std::string(),
          e.note ? model::format_instant(e.note->at) : std::string()};
}

}  // namespace

std::string findings_csv(std::span<const ExportedFinding> rows, const FindingsExportInfo& info) {
  std::string out;
  auto line = [&](const std::vector<std::string>& v) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out.push_back(',');
      // a cell a spreadsheet would run as a formula is written as text
      ssda903::append_csv_field(out, model::spreadsheet_cell(model::to_utf8(v[i])));
    }
    out.push_back('\n');
  };
  line(headers());
  for (const auto& e : rows) line(cells(e, info));
  return out;
}

std::string findings_xlsx_bytes(std::span<const ExportedFinding> rows,
                                const FindingsExportInfo& info) {
  return xlsx_bytes([&](const std::filesystem::path& path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows go out as they are written
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb) throw std::runtime_error("cannot create the workbook");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    // Text cells as text: libxlsxwriter never evaluates them, so no formula can run.
    auto text = [](const std::string& s) { return model::to_utf8(s); };

    lxw_worksheet* ws = workbook_add_worksheet(wb, "Findings");
    const auto& h = headers();
    for (lxw_col_t c = 0; c < h.size(); ++c) worksheet_write_string(ws, 0, c, h[c].c_str(), bold);
    lxw_row_t r = 1;
    std::map<std::string, std::pair<const model::Finding*, std::pair<int, int>>> by_rule;
    for (const auto& e : rows) {
      auto v = cells(e, info);
      for (lxw_col_t c = 0; c < v.size(); ++c)
        if (c != 2 && c != 7)
          worksheet_write_string(ws, r, c, text(v[c]).c_str(), c == 11 || c == 16 ? wrap : nullptr);
      // the import's number and the row as numbers, to sort and filter by
      worksheet_write_number(ws, r, 2, static_cast<double>(info.import_id), nullptr);
      if (e.finding->row)
        worksheet_write_number(ws, r, 7, static_cast<double>(e.finding->row), nullptr);
      auto& s = by_rule[e.finding->rule];
      if (!s.first) s.first = e.finding;
      ++s.second.first;
      if (e.note) ++s.second.second;
      ++r;
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, r > 1 ? r - 1 : 0, static_cast<lxw_col_t>(h.size() - 1));
    worksheet_set_column(ws, 11, 11, 50, nullptr);
    worksheet_set_column(ws, 16, 16, 50, nullptr);

    lxw_worksheet* sum = workbook_add_worksheet(wb, "By rule");
    const char* heads[] = {"rule", "severity", "message", "findings", "explained", "new"};
    for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(sum, 0, c, heads[c], bold);
    lxw_row_t sr = 1;
    for (const auto& [rule, s] : by_rule) {
      worksheet_write_string(sum, sr, 0, text(rule).c_str(), nullptr);
      worksheet_write_string(sum, sr, 1,
                             std::string(model::severity_name(s.first->severity)).c_str(), nullptr);
      worksheet_write_string(sum, sr, 2, text(s.first->message).c_str(), wrap);
      worksheet_write_number(sum, sr, 3, s.second.first, nullptr);
      worksheet_write_number(sum, sr, 4, s.second.second, nullptr);
      worksheet_write_number(sum, sr, 5, s.second.first - s.second.second, nullptr);
      ++sr;
    }
    worksheet_set_column(sum, 2, 2, 60, nullptr);
    worksheet_freeze_panes(sum, 1, 0);
    if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("cannot write the workbook");
  });
}

}  // namespace hearth::report
