#include "geo/archive.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace hearth::geo {

namespace {

constexpr std::size_t kChunk = 1u << 20;

std::uint64_t le(const unsigned char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = v << 8 | p[i];
  return v;
}

void read_at(std::ifstream& f, std::uint64_t at, void* into, std::size_t n,
             const std::filesystem::path& file) {
  f.clear();
  f.seekg(static_cast<std::streamoff>(at));
  if (!f.read(static_cast<char*>(into), static_cast<std::streamsize>(n)))
    throw ArchiveError(file.string() + ": the zip archive is cut short");
}

}  // namespace

void read_chunks(const std::filesystem::path& file,
                 const std::function<void(std::string_view)>& chunk) {
  // gzopen reads plain files as they are, and gzip files (several members too) inflated.
  gzFile gz = gzopen(file.c_str(), "rb");
  if (!gz) throw ArchiveError("cannot read " + file.string());
  std::unique_ptr<gzFile_s, int (*)(gzFile)> guard(gz, gzclose);
  gzbuffer(gz, 256 * 1024);
  std::string buf(kChunk, '\0');
  for (;;) {
    int n = gzread(gz, buf.data(), static_cast<unsigned>(buf.size()));
    if (n < 0) {
      int err = 0;
      throw ArchiveError(file.string() + ": " + gzerror(gz, &err));
    }
    if (n == 0) break;
    chunk(std::string_view(buf.data(), static_cast<std::size_t>(n)));
  }
}

bool ZipArchive::is_zip(const std::filesystem::path& file) {
  std::ifstream f(file, std::ios::binary);
  char sig[4] = {};
  return f.read(sig, 4) && std::memcmp(sig, "PK\x03\x04", 4) == 0;
}

ZipArchive::ZipArchive(const std::filesystem::path& file) : file_(file) {
  std::ifstream f(file, std::ios::binary);
  if (!f) throw ArchiveError("cannot read " + file.string());
  f.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(f.tellg());
  const std::uint64_t tail = std::min<std::uint64_t>(size, 65557);
  std::vector<unsigned char> end(tail);
  read_at(f, size - tail, end.data(), end.size(), file);
  std::ptrdiff_t at = -1;
  for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(tail) - 22; i >= 0; --i)
    if (le(&end[static_cast<std::size_t>(i)], 4) == 0x06054b50) {
      at = i;
      break;
    }
  if (at < 0) throw ArchiveError(file.string() + " is not a zip archive");
  const unsigned char* e = &end[static_cast<std::size_t>(at)];
  std::uint64_t count = le(e + 10, 2), dir_size = le(e + 12, 4), dir_at = le(e + 16, 4);
  if (count == 0xFFFF || dir_at == 0xFFFFFFFF) {  // zip64: the locator sits before the record
    if (at < 20 || le(e - 20, 4) != 0x07064b50)
      throw ArchiveError(file.string() + ": the zip64 directory is missing");
    unsigned char z[56];
    read_at(f, le(e - 20 + 8, 8), z, sizeof z, file);
    if (le(z, 4) != 0x06064b50)
      throw ArchiveError(file.string() + ": the zip64 directory is damaged");
    count = le(z + 32, 8);
    dir_size = le(z + 40, 8);
    dir_at = le(z + 48, 8);
  }
  if (dir_at + dir_size > size || dir_size > (64u << 20))
    throw ArchiveError(file.string() + ": the zip directory is damaged");
  std::vector<unsigned char> dir(dir_size);
  read_at(f, dir_at, dir.data(), dir.size(), file);
  std::size_t p = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (p + 46 > dir.size() || le(&dir[p], 4) != 0x02014b50)
      throw ArchiveError(file.string() + ": the zip directory is damaged");
    const unsigned char* h = &dir[p];
    Member m;
    m.method = static_cast<std::uint16_t>(le(h + 10, 2));
    m.compressed = le(h + 20, 4);
    m.size = le(h + 24, 4);
    const std::size_t name_len = le(h + 28, 2), extra_len = le(h + 30, 2),
                      comment_len = le(h + 32, 2);
    m.offset = le(h + 42, 4);
    if (p + 46 + name_len + extra_len + comment_len > dir.size())
      throw ArchiveError(file.string() + ": the zip directory is damaged");
    m.name.assign(reinterpret_cast<const char*>(h + 46), name_len);
    // Zip64 sizes and offset, in this order, for the fields that are all ones.
    for (std::size_t x = 0; x + 4 <= extra_len;) {
      const unsigned char* ex = h + 46 + name_len + x;
      const std::size_t id = le(ex, 2), len = le(ex + 2, 2);
      if (id == 1) {
        std::size_t q = 4;
        auto take = [&](std::uint64_t& v) {
          if (v == 0xFFFFFFFF && q + 8 <= len + 4) v = le(ex + q, 8), q += 8;
        };
        take(m.size);
        take(m.compressed);
        take(m.offset);
      }
      x += 4 + len;
    }
    members_.push_back(std::move(m));
    p += 46 + name_len + extra_len + comment_len;
  }
}

const ZipArchive::Member* ZipArchive::find(std::string_view name) const {
  for (const auto& m : members_)
    if (m.name == name) return &m;
  return nullptr;
}

void ZipArchive::read(const Member& m, const std::function<void(std::string_view)>& chunk) const {
  std::ifstream f(file_, std::ios::binary);
  if (!f) throw ArchiveError("cannot read " + file_.string());
  unsigned char h[30];
  read_at(f, m.offset, h, sizeof h, file_);
  if (le(h, 4) != 0x04034b50) throw ArchiveError(file_.string() + ": " + m.name + " is damaged");
  std::uint64_t at = m.offset + 30 + le(h + 26, 2) + le(h + 28, 2);
  if (m.method != 0 && m.method != 8)
    throw ArchiveError(file_.string() + ": " + m.name +
                       " is compressed in a way Hearth cannot read");
  f.clear();
  f.seekg(static_cast<std::streamoff>(at));
  std::vector<char> in(kChunk), out(kChunk);
  std::uint64_t left = m.compressed, produced = 0;
  uLong crc = crc32(0, nullptr, 0);
  auto emit = [&](const char* p, std::size_t n) {
    crc = crc32(crc, reinterpret_cast<const Bytef*>(p), static_cast<uInt>(n));
    produced += n;
    chunk(std::string_view(p, n));
  };
  if (m.method == 0) {
    while (left > 0) {
      const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(left, in.size()));
      if (!f.read(in.data(), static_cast<std::streamsize>(n)))
        throw ArchiveError(file_.string() + ": " + m.name + " is cut short");
      left -= n;
      emit(in.data(), n);
    }
  } else {
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw ArchiveError("zlib could not start");
    std::unique_ptr<z_stream, int (*)(z_streamp)> guard(&z, inflateEnd);
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
      if (z.avail_in == 0) {
        if (left == 0) throw ArchiveError(file_.string() + ": " + m.name + " is cut short");
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(left, in.size()));
        if (!f.read(in.data(), static_cast<std::streamsize>(n)))
          throw ArchiveError(file_.string() + ": " + m.name + " is cut short");
        left -= n;
        z.next_in = reinterpret_cast<Bytef*>(in.data());
        z.avail_in = static_cast<uInt>(n);
      }
      z.next_out = reinterpret_cast<Bytef*>(out.data());
      z.avail_out = static_cast<uInt>(out.size());
      rc = inflate(&z, Z_NO_FLUSH);
      if (rc != Z_OK && rc != Z_STREAM_END)
        throw ArchiveError(file_.string() + ": " + m.name + " is damaged (" +
                           (z.msg ? z.msg : "inflate failed") + ")");
      emit(out.data(), out.size() - z.avail_out);
    }
  }
  const auto expected_crc = le(h + 14, 4);
  if (produced != m.size || (expected_crc != 0 && crc != expected_crc))
    throw ArchiveError(file_.string() + ": " + m.name + " is damaged (its length or checksum)");
}

std::string ZipArchive::read_all(const Member& m, std::uint64_t limit) const {
  if (m.size > limit)
    throw ArchiveError(file_.string() + ": " + m.name + " is larger than Hearth reads whole");
  std::string out;
  out.reserve(static_cast<std::size_t>(m.size));
  read(m, [&](std::string_view c) { out.append(c); });
  return out;
}

void LineSplitter::feed(std::string_view chunk) {
  std::size_t start = 0;
  for (;;) {
    const auto nl = chunk.find('\n', start);
    if (nl == std::string_view::npos) break;
    std::string_view piece = chunk.substr(start, nl - start);
    if (!carry_.empty()) {
      carry_.append(piece);
      piece = carry_;
    }
    if (!piece.empty() && piece.back() == '\r') piece.remove_suffix(1);
    line_(piece);
    carry_.clear();
    start = nl + 1;
  }
  carry_.append(chunk.substr(start));
}

void LineSplitter::finish() {
  if (carry_.empty()) return;
  std::string_view piece = carry_;
  if (piece.back() == '\r') piece.remove_suffix(1);
  line_(piece);
  carry_.clear();
}

void split_csv_line(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  fields.push_back(std::move(cur));
}

}  // namespace hearth::geo
