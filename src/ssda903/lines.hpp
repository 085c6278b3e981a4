// Line numbers for byte offsets in a buffer. The offsets of every line break are found once, in
// one pass over the buffer; each lookup is then a binary search, so numbering any number of
// places costs the same whatever order they are asked in (the XML reader visits a child's
// HEADER and EPISODE elements in either order).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace hearth::ssda903 {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : size_(text.size()) {
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
      const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
      if (!nl) break;
      const char* at = static_cast<const char*>(nl);
      breaks_.push_back(static_cast<std::size_t>(at - text.data()));
      p = at + 1;
    }
  }
  // The 1-based line holding byte `offset` (offsets past the end are on the last line).
  std::int64_t line_of(std::size_t offset) const {
    if (offset > size_) offset = size_;
    auto before = std::lower_bound(breaks_.begin(), breaks_.end(), offset);
    return 1 + static_cast<std::int64_t>(before - breaks_.begin());
  }
  std::size_t line_breaks() const { return breaks_.size(); }

 private:
  std::size_t size_;
  std::vector<std::size_t> breaks_;  // offsets of '\n', ascending
};

}  // namespace hearth::ssda903
