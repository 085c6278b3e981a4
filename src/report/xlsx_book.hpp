// A workbook for analysts (internal to the report library): a bold, frozen, filtered header row
// on every sheet; text cells left blank when empty.
#pragma once

#include <xlsxwriter.h>

#include <ctime>
#include <filesystem>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hearth::report {

class Book {
 public:
  explicit Book(const std::filesystem::path& path) : wb_(workbook_new(path.c_str())) {
    if (!wb_) throw std::runtime_error("cannot create " + path.string());
    bold_ = workbook_add_format(wb_);
    format_set_bold(bold_);
  }
  ~Book() {
    if (wb_) workbook_close(wb_);
  }
  void close() {
    lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    if (e != LXW_NO_ERROR)
      throw std::runtime_error(std::string("cannot write the workbook: ") + lxw_strerror(e));
  }
  // The workbook's document properties; `created` fixed makes the same workbook the same bytes.
  void properties(const std::string& title, std::time_t created) {
    title_ = title;
    lxw_doc_properties props{};
    props.title = title_.data();
    props.author = author_.data();
    props.created = created;
    workbook_set_properties(wb_, &props);
  }
  lxw_worksheet* sheet(const char* name, std::initializer_list<const char*> header) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name);
    lxw_col_t c = 0;
    for (const char* h : header) worksheet_write_string(ws, 0, c++, h, bold_);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, 0, static_cast<lxw_col_t>(header.size() - 1));
    return ws;
  }

 private:
  std::string title_, author_ = "Hearth";
  lxw_workbook* wb_;
  lxw_format* bold_ = nullptr;
};

inline void text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, std::string_view s) {
  if (!s.empty()) worksheet_write_string(ws, r, c, std::string(s).c_str(), nullptr);
}

}  // namespace hearth::report
