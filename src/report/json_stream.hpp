// Writing JSON as a stream, with no document tree: each value goes straight into a buffer that is
// flushed to the output every 64 KiB, laid out exactly as nlohmann::json's dump(2) lays it out
// (objects' keys must be given in sorted order for that). Strings are always valid UTF-8: a byte
// that does not belong to UTF-8 becomes U+FFFD, as nlohmann's error_handler_t::replace does,
// instead of an exception half-way through the output.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.hpp"

namespace hearth::report {

class JsonStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(out) { buf_.reserve(kFlush + 4096); }
  ~JsonStream() { flush(); }
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The key of the next value in the current object.
  void key(std::string_view k) {
    separate();
    quoted(k);
    buf_ += ": ";
    after_key_ = true;
  }
  void value(std::string_view s) {
    separate();
    quoted(s);
  }
  void value(const char* s) { value(std::string_view(s)); }
  void value(std::int64_t n) {
    separate();
    buf_ += std::to_string(n);
  }
  void value(std::size_t n) {
    separate();
    buf_ += std::to_string(n);
  }
  void null() {
    separate();
    buf_ += "null";
  }
  void newline() { buf_ += '\n'; }
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    flushed_ += buf_.size();
    buf_.clear();
  }

  // Members written once and repeated as laid out (a finding's rule text is the same for every
  // finding of that rule): mark() before writing members of the current object, then
  // copy_since(mark, block) keeps what they became; repeat(block) writes it again at the same
  // place in another object of the same depth. copy_since is false when the text was flushed
  // in between (the block is then not kept).
  std::size_t mark() const { return flushed_ + buf_.size(); }
  bool copy_since(std::size_t mark, std::string& block) const {
    if (mark < flushed_) return false;
    block.assign(buf_, mark - flushed_);
    return true;
  }
  void repeat(std::string_view block) {
    if (block.empty()) return;
    after_key_ = false;
    levels_.back().empty = false;
    buf_ += block;
    if (buf_.size() >= kFlush) flush();
  }

 private:
  static constexpr std::size_t kFlush = 64 * 1024;
  struct Level {
    char close;
    bool empty = true;
  };
  void indent() {
    buf_ += '\n';
    buf_.append(levels_.size() * 2, ' ');
  }
  // Before a value or key: a comma after a previous element, then a new line and the indent.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!levels_.empty()) {
      if (!levels_.back().empty) buf_ += ',';
      levels_.back().empty = false;
      indent();
    }
    if (buf_.size() >= kFlush) flush();
  }
  void open(char c) {
    separate();
    buf_ += c;
    levels_.push_back({c == '{' ? '}' : ']'});
  }
  void close(char c) {
    bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty) indent();
    buf_ += c;
  }
  void quoted(std::string_view s);

  std::ostream& out_;
  std::string buf_;
  std::vector<Level> levels_;
  bool after_key_ = false;
  std::size_t flushed_ = 0;  // bytes written to out_ so far
};

inline void JsonStream::quoted(std::string_view s) {
  if (!model::is_utf8(s)) {
    const std::string fixed = model::to_utf8(s);
    quoted(fixed);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  buf_ += '"';
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    std::size_t j = i;
    while (j < n) {
      const auto c = static_cast<unsigned char>(s[j]);
      if (c < 0x20 || c == '"' || c == '\\') break;
      ++j;
    }
    buf_.append(s.data() + i, j - i);
    if (j == n) break;
    const auto c = static_cast<unsigned char>(s[j]);
    switch (c) {
      case '"':
        buf_ += "\\\"";
        break;
      case '\\':
        buf_ += "\\\\";
        break;
      case '\b':
        buf_ += "\\b";
        break;
      case '\f':
        buf_ += "\\f";
        break;
      case '\n':
        buf_ += "\\n";
        break;
      case '\r':
        buf_ += "\\r";
        break;
      case '\t':
        buf_ += "\\t";
        break;
      default:
        buf_ += "\\u00";
        buf_ += kHex[c >> 4];
        buf_ += kHex[c & 15];
    }
    i = j + 1;
  }
  buf_ += '"';
}

}  // namespace hearth::report
