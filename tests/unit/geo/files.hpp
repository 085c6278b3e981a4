// What the geo tests share: a fresh folder, a file written whole, and a zip archive written by
// hand as zip tools write it (local headers, then the central directory) — its members deflated,
// or stored as they are — for the readers to read back.
#pragma once

#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace hearth::geo::testing {

inline std::filesystem::path temp_dir(const std::string& name) {
  auto d = std::filesystem::temp_directory_path() /
           ("hearth-geo-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

inline void write(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

inline void put_le(std::string& s, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s.push_back(static_cast<char>(v >> (8 * i) & 0xFF));
}

inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& members,
                            bool deflated = true) {
  std::string out, dir;
  const int method = deflated ? 8 : 0, version = deflated ? 20 : 10;
  for (const auto& [name, data] : members) {
    std::string packed = data;
    if (deflated) {
      packed.assign(compressBound(static_cast<uLong>(data.size())) + 64, '\0');
      z_stream z{};
      deflateInit2(&z, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
      z.avail_in = static_cast<uInt>(data.size());
      z.next_out = reinterpret_cast<Bytef*>(packed.data());
      z.avail_out = static_cast<uInt>(packed.size());
      deflate(&z, Z_FINISH);
      packed.resize(z.total_out);
      deflateEnd(&z);
    }
    const auto crc =
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
    const auto offset = out.size();
    put_le(out, 0x04034b50, 4);
    put_le(out, version, 2), put_le(out, 0, 2), put_le(out, method, 2), put_le(out, 0, 4);
    put_le(out, crc, 4), put_le(out, packed.size(), 4), put_le(out, data.size(), 4);
    put_le(out, name.size(), 2), put_le(out, 0, 2);
    out += name + packed;
    put_le(dir, 0x02014b50, 4);
    put_le(dir, version, 2), put_le(dir, version, 2), put_le(dir, 0, 2), put_le(dir, method, 2);
    put_le(dir, 0, 4), put_le(dir, crc, 4), put_le(dir, packed.size(), 4);
    put_le(dir, data.size(), 4), put_le(dir, name.size(), 2), put_le(dir, 0, 2);
    put_le(dir, 0, 2), put_le(dir, 0, 2), put_le(dir, 0, 2), put_le(dir, 0, 4);
    put_le(dir, offset, 4);
    dir += name;
  }
  const auto dir_at = out.size();
  out += dir;
  put_le(out, 0x06054b50, 4);
  put_le(out, 0, 2), put_le(out, 0, 2), put_le(out, members.size(), 2);
  put_le(out, members.size(), 2), put_le(out, dir.size(), 4), put_le(out, dir_at, 4);
  put_le(out, 0, 2);
  return out;
}

}  // namespace hearth::geo::testing
