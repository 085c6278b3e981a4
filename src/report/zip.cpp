#include "report/zip.hpp"

#include <zlib.h>

#include <cstdint>
#include <stdexcept>

namespace hearth::report {

namespace {

void put16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v & 0xff);
  out += static_cast<char>(v >> 8);
}
void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

}  // namespace

std::string zip_archive(const std::vector<std::pair<std::string, std::string>>& files) {
  constexpr std::uint16_t kUtf8Names = 1 << 11;
  constexpr std::uint16_t kDosDate = (2026 - 1980) << 9 | 1 << 5 | 1;  // a fixed date: the same
                                                                       // files, the same bytes
  std::string out, central;
  for (const auto& [name, data] : files) {
    if (data.size() > 0xfffffffeu || name.size() > 0xffff)
      throw std::length_error("a file is too large for this archive: " + name);
    const auto crc = static_cast<std::uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const auto offset = static_cast<std::uint32_t>(out.size());
    const auto size = static_cast<std::uint32_t>(data.size());
    // local file header
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, kUtf8Names);
    put16(out, 0);  // stored
    put16(out, 0);
    put16(out, kDosDate);
    put32(out, crc);
    put32(out, size);
    put32(out, size);
    put16(out, static_cast<std::uint16_t>(name.size()));
    put16(out, 0);
    out += name;
    out += data;
    // central directory entry
    put32(central, 0x02014b50);
    put16(central, 20);
    put16(central, 20);
    put16(central, kUtf8Names);
    put16(central, 0);
    put16(central, 0);
    put16(central, kDosDate);
    put32(central, crc);
    put32(central, size);
    put32(central, size);
    put16(central, static_cast<std::uint16_t>(name.size()));
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, 0);
    put32(central, offset);
    central += name;
  }
  const auto start = static_cast<std::uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint16_t>(files.size()));
  put16(out, static_cast<std::uint16_t>(files.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, start);
  put16(out, 0);
  return out;
}

}  // namespace hearth::report
