// Reading published files as they are downloaded: a zip archive's members (ONS's postcode
// directory, Ofsted's XLSX workbooks) and gzip files, streamed in chunks so a file larger than
// memory can be read, with zlib (already linked).
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::geo {

class ArchiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Calls `chunk` with the file's bytes in order (decompressed if the file is gzip), in pieces of
// up to about 1 MiB. Throws ArchiveError on a damaged file.
void read_chunks(const std::filesystem::path& file,
                 const std::function<void(std::string_view)>& chunk);

class ZipArchive {
 public:
  struct Member {
    std::string name;
    std::uint64_t compressed = 0, size = 0, offset = 0;  // offset of its local header
    std::uint16_t method = 0;                            // 0 stored, 8 deflated
  };
  // Reads the archive's directory. Throws ArchiveError when the file is not a zip archive.
  explicit ZipArchive(const std::filesystem::path& file);
  static bool is_zip(const std::filesystem::path& file);

  const std::vector<Member>& members() const { return members_; }
  const Member* find(std::string_view name) const;
  // A member's bytes in chunks, inflated; checks its length and CRC-32.
  void read(const Member& m, const std::function<void(std::string_view)>& chunk) const;
  // A member whole (refused above `limit` bytes: a workbook's part, not a database).
  std::string read_all(const Member& m, std::uint64_t limit = 256u << 20) const;

 private:
  std::filesystem::path file_;
  std::vector<Member> members_;
};

// Splits streamed text into lines ("\n" or "\r\n"), calling `line` for each; the last line may
// lack its newline.
class LineSplitter {
 public:
  explicit LineSplitter(std::function<void(std::string_view)> line) : line_(std::move(line)) {}
  void feed(std::string_view chunk);
  void finish();

 private:
  std::function<void(std::string_view)> line_;
  std::string carry_;
};

// The fields of one CSV line (quotes removed, "" inside quotes as one "); no line breaks inside
// fields, as ONS and Ofsted write them.
void split_csv_line(std::string_view line, std::vector<std::string>& fields);

}  // namespace hearth::geo
