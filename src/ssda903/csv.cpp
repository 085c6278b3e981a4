#include "ssda903/csv.hpp"

#include <algorithm>
#include <cstring>

namespace hearth::ssda903 {

CsvReader::CsvReader(std::string_view buffer) : buf_(buffer) {
  if (buf_.size() >= 3 && static_cast<unsigned char>(buf_[0]) == 0xEF &&
      static_cast<unsigned char>(buf_[1]) == 0xBB && static_cast<unsigned char>(buf_[2]) == 0xBF) {
    pos_ = 3;
  }
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  scratch_used_ = 0;
  unterminated_ = false;
  const char* data = buf_.data();
  const std::size_t n = buf_.size();
  if (pos_ >= n) return false;
  record_line_ = line_;

  while (true) {
    if (pos_ < n && data[pos_] == '"') {
      // Quoted field: copy into scratch only if it contains a doubled quote.
      std::size_t start = ++pos_;
      std::string* unescaped = nullptr;
      while (true) {
        const void* q = std::memchr(data + pos_, '"', n - pos_);
        std::size_t qpos = q ? static_cast<const char*>(q) - data : n;
        for (std::size_t i = pos_; i < qpos; ++i)
          if (data[i] == '\n') ++line_;
        if (!q) {  // Unterminated: take the rest of the buffer.
          unterminated_ = true;
          if (unescaped) unescaped->append(data + start, n - start);
          fields.push_back(unescaped ? std::string_view(*unescaped)
                                     : std::string_view(data + start, n - start));
          pos_ = n;
          break;
        }
        if (qpos + 1 < n && data[qpos + 1] == '"') {
          if (!unescaped) {
            if (scratch_used_ == scratch_.size()) scratch_.emplace_back();
            unescaped = &scratch_[scratch_used_++];
            unescaped->clear();
          }
          unescaped->append(data + start, qpos + 1 - start);
          pos_ = start = qpos + 2;
          continue;
        }
        if (unescaped) unescaped->append(data + start, qpos - start);
        std::string_view value =
            unescaped ? std::string_view(*unescaped) : std::string_view(data + start, qpos - start);
        pos_ = qpos + 1;
        // Anything between the closing quote and the separator is kept, as spreadsheets do.
        std::size_t tail = pos_;
        while (pos_ < n && data[pos_] != ',' && data[pos_] != '\n' && data[pos_] != '\r') ++pos_;
        if (pos_ > tail && !unescaped) {
          if (scratch_used_ == scratch_.size()) scratch_.emplace_back();
          unescaped = &scratch_[scratch_used_++];
          unescaped->assign(value);
          unescaped->append(data + tail, pos_ - tail);
          value = *unescaped;
        } else if (pos_ > tail) {
          unescaped->append(data + tail, pos_ - tail);
          value = *unescaped;
        }
        fields.push_back(value);
        break;
      }
    } else {
      std::size_t start = pos_;
      while (pos_ < n) {
        char c = data[pos_];
        if (c == ',' || c == '\n' || c == '\r') break;
        ++pos_;
      }
      fields.emplace_back(data + start, pos_ - start);
    }
    if (pos_ >= n) return true;
    char c = data[pos_];
    if (c == ',') {
      ++pos_;
      if (pos_ >= n) {
        fields.emplace_back();
        return true;
      }
      continue;
    }
    // End of record: \n, \r\n or a bare \r.
    ++pos_;
    if (c == '\r' && pos_ < n && data[pos_] == '\n') ++pos_;
    ++line_;
    return true;
  }
}

void append_csv_field(std::string& out, std::string_view field) {
  // A plain loop: string_view::find_first_of calls memchr once per character of the field.
  const bool plain = std::none_of(field.begin(), field.end(), [](char c) {
    return c == ',' || c == '"' || c == '\r' || c == '\n';
  });
  if (plain) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace hearth::ssda903
