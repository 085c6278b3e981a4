#include "geo/postcodes.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <system_error>

namespace hearth::geo {

namespace {

// A word: inward code (13 bits: digit * 676 + letter * 26 + letter), district (10 bits; 1023
// none), easting (20 bits) and northing (21 bits; both all ones when ONS gives no grid).
constexpr int kInwardShift = 51, kDistrictShift = 41, kEastShift = 21;
constexpr std::uint64_t kDistrictNone = 1023, kEastNone = (1u << 20) - 1,
                        kNorthNone = (1u << 21) - 1;
constexpr char kMagic[8] = {'H', 'E', 'A', 'R', 'T', 'H', 'P', 'C'};
constexpr std::uint32_t kVersion = 1;

// Upper case, no spaces; "" when the text is not a postcode's shape (an outward code of two to
// four letters and digits starting with a letter, then a digit and two letters).
std::string key_of(std::string_view text) {
  std::string k;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum || k.size() == 7) return {};
    k.push_back(c);
  }
  if (k.size() < 5 || k[0] < 'A' || k[0] > 'Z') return {};
  const std::size_t n = k.size();
  auto letter = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (!(k[n - 3] >= '0' && k[n - 3] <= '9') || !letter(k[n - 2]) || !letter(k[n - 1])) return {};
  return k;
}

std::uint64_t inward_bits(std::string_view in) {
  return static_cast<std::uint64_t>(in[0] - '0') * 676 +
         static_cast<std::uint64_t>(in[1] - 'A') * 26 + static_cast<std::uint64_t>(in[2] - 'A');
}

void inward_text(std::uint64_t word, char out[3]) {
  auto v = static_cast<unsigned>(word >> kInwardShift);
  out[0] = static_cast<char>('0' + v / 676);
  out[1] = static_cast<char>('A' + v / 26 % 26);
  out[2] = static_cast<char>('A' + v % 26);
}

bool ons_code(std::string_view d) {
  if (d.size() != 9 || d[0] < 'A' || d[0] > 'Z') return false;
  return std::all_of(d.begin() + 1, d.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int compare_outward(const char (&a)[4], std::string_view b) {
  std::string_view av(a, strnlen(a, 4));
  return av.compare(b);
}

template <class T>
void put(std::ofstream& f, const T& v) {
  f.write(reinterpret_cast<const char*>(&v), sizeof v);
}
template <class T>
void get(std::ifstream& f, T& v, const std::filesystem::path& file) {
  if (!f.read(reinterpret_cast<char*>(&v), sizeof v))
    throw PostcodeError(file.string() + ": the postcode index is cut short");
}

}  // namespace

void PostcodeIndex::Builder::add(const PostcodeRow& row, std::size_t row_number) {
  auto fail = [&](const std::string& why) {
    throw PostcodeError("row " + std::to_string(row_number) + ": " + why);
  };
  const std::string key = key_of(row.postcode);
  if (key.empty()) fail("'" + std::string(row.postcode) + "' is not a postcode");
  std::string_view district = row.district;
  if (district == "nan") district = {};
  if (!district.empty() && !ons_code(district))
    fail("'" + std::string(district) + "' is not an ONS district code (a letter and 8 digits)");
  std::uint64_t d = kDistrictNone;
  if (!district.empty()) {
    auto [it, added] = district_ids_.try_emplace(std::string(district),
                                                 static_cast<std::uint32_t>(districts_.size()));
    if (added) {
      if (districts_.size() == kDistrictNone) fail("more than 1,022 districts");
      districts_.emplace_back(district);
    }
    d = it->second;
  }
  std::uint64_t e = kEastNone, n = kNorthNone;
  if (row.easting && row.northing) {
    if (*row.easting < 0 || *row.easting >= static_cast<std::int32_t>(kEastNone) ||
        *row.northing < 0 || *row.northing >= static_cast<std::int32_t>(kNorthNone))
      fail("the grid reference " + std::to_string(*row.easting) + ", " +
           std::to_string(*row.northing) + " is not in Great Britain or Northern Ireland");
    e = static_cast<std::uint64_t>(*row.easting);
    n = static_cast<std::uint64_t>(*row.northing);
  }
  const std::string outward = key.substr(0, key.size() - 3);
  auto [it, added] =
      outward_ids_.try_emplace(outward, static_cast<std::uint32_t>(outwards_.size()));
  if (added) outwards_.push_back(outward);
  const std::uint64_t word = inward_bits(std::string_view(key).substr(key.size() - 3))
                                 << kInwardShift |
                             d << kDistrictShift | e << kEastShift | n;
  words_.emplace_back(it->second, word);
}

PostcodeIndex PostcodeIndex::Builder::finish(std::string release) {
  PostcodeIndex ix;
  ix.release_ = std::move(release);
  ix.districts_ = districts_;
  // Outward codes in order; words by (outward, inward), the last row of a postcode kept.
  std::vector<std::uint32_t> order(outwards_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](auto a, auto b) { return outwards_[a] < outwards_[b]; });
  std::vector<std::uint32_t> rank(order.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  for (auto& [o, w] : words_) o = rank[o];
  std::stable_sort(words_.begin(), words_.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first
                              : (a.second >> kInwardShift) < (b.second >> kInwardShift);
  });
  std::uint32_t current = UINT32_MAX;
  for (std::size_t i = 0; i < words_.size(); ++i) {
    const auto& [o, w] = words_[i];
    if (i + 1 < words_.size() && words_[i + 1].first == o &&
        (words_[i + 1].second >> kInwardShift) == (w >> kInwardShift))
      continue;  // a later row of the same postcode wins
    if (o != current) {
      Outward out{};
      std::memcpy(out.code, outwards_[order[o]].data(), outwards_[order[o]].size());
      out.first = static_cast<std::uint32_t>(ix.words_.size());
      ix.outwards_.push_back(out);
      current = o;
    }
    ix.words_.push_back(w);
  }
  *this = Builder{};
  return ix;
}

std::optional<Place> PostcodeIndex::find(std::string_view postcode) const {
  const std::string key = key_of(postcode);
  if (key.empty()) return std::nullopt;
  const std::string_view outward = std::string_view(key).substr(0, key.size() - 3);
  auto o = std::lower_bound(
      outwards_.begin(), outwards_.end(), outward,
      [](const Outward& a, std::string_view b) { return compare_outward(a.code, b) < 0; });
  if (o == outwards_.end() || compare_outward(o->code, outward) != 0) return std::nullopt;
  const std::size_t first = o->first;
  const std::size_t last = o + 1 == outwards_.end() ? words_.size() : (o + 1)->first;
  const std::uint64_t in = inward_bits(std::string_view(key).substr(key.size() - 3));
  auto w =
      std::lower_bound(words_.begin() + static_cast<std::ptrdiff_t>(first),
                       words_.begin() + static_cast<std::ptrdiff_t>(last), in,
                       [](std::uint64_t a, std::uint64_t b) { return (a >> kInwardShift) < b; });
  if (w == words_.begin() + static_cast<std::ptrdiff_t>(last) || (*w >> kInwardShift) != in)
    return std::nullopt;
  return decode(*w);
}

Place PostcodeIndex::decode(std::uint64_t w) const {
  Place p;
  const auto d = (w >> kDistrictShift) & kDistrictNone;
  if (d != kDistrictNone) p.district = districts_[d];
  const auto e = (w >> kEastShift) & kEastNone, n = w & kNorthNone;
  if (e != kEastNone) {
    p.has_grid = true;
    p.easting = static_cast<std::int32_t>(e);
    p.northing = static_cast<std::int32_t>(n);
  }
  return p;
}

void PostcodeIndex::each(
    const std::function<bool(std::string_view postcode, const Place&)>& fn) const {
  std::string text;
  for (std::size_t o = 0; o < outwards_.size(); ++o) {
    const std::size_t last = o + 1 == outwards_.size() ? words_.size() : outwards_[o + 1].first;
    const std::string_view out(outwards_[o].code, strnlen(outwards_[o].code, 4));
    for (std::size_t i = outwards_[o].first; i < last; ++i) {
      char in[3];
      inward_text(words_[i], in);
      text.assign(out);
      text += ' ';
      text.append(in, 3);
      if (!fn(text, decode(words_[i]))) return;
    }
  }
}

std::string_view PostcodeIndex::outward_at(std::size_t i) const {
  auto o = std::upper_bound(outwards_.begin(), outwards_.end(), i,
                            [](std::size_t v, const Outward& a) { return v < a.first; });
  if (o == outwards_.begin()) return {};
  --o;
  return std::string_view(o->code, strnlen(o->code, 4));
}

std::string PostcodeIndex::postcode_at(std::size_t i) const {
  char in[3];
  inward_text(words_[i], in);
  std::string text(outward_at(i));
  text += ' ';
  text.append(in, 3);
  return text;
}

int PostcodeIndex::district_id_at(std::size_t i) const {
  const auto d = (words_[i] >> kDistrictShift) & kDistrictNone;
  return d == kDistrictNone ? -1 : static_cast<int>(d);
}

std::size_t PostcodeIndex::memory_bytes() const {
  std::size_t n = words_.capacity() * sizeof(std::uint64_t) +
                  outwards_.capacity() * sizeof(Outward) + release_.capacity();
  for (const auto& d : districts_) n += sizeof d + d.capacity();
  return n;
}

std::string PostcodeIndex::canonical(std::string_view text) {
  std::string k = key_of(text);
  if (k.empty()) return {};
  k.insert(k.size() - 3, 1, ' ');
  return k;
}

void PostcodeIndex::save(const std::filesystem::path& file) const {
  auto tmp = file;
  tmp += ".part";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw PostcodeError("cannot write " + tmp.string());
    f.write(kMagic, sizeof kMagic);
    put(f, kVersion);
    put(f, static_cast<std::uint32_t>(districts_.size()));
    put(f, static_cast<std::uint32_t>(outwards_.size()));
    put(f, static_cast<std::uint32_t>(words_.size()));
    put(f, static_cast<std::uint32_t>(release_.size()));
    f.write(release_.data(), static_cast<std::streamsize>(release_.size()));
    for (const auto& d : districts_) {
      char code[9] = {};
      std::memcpy(code, d.data(), std::min<std::size_t>(9, d.size()));
      f.write(code, 9);
    }
    f.write(reinterpret_cast<const char*>(outwards_.data()),
            static_cast<std::streamsize>(outwards_.size() * sizeof(Outward)));
    f.write(reinterpret_cast<const char*>(words_.data()),
            static_cast<std::streamsize>(words_.size() * sizeof(std::uint64_t)));
    f.flush();
    if (!f) throw PostcodeError("cannot write " + tmp.string() + " (is the disk full?)");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) throw PostcodeError("cannot replace " + file.string() + ": " + ec.message());
}

PostcodeIndex PostcodeIndex::load(const std::filesystem::path& file) {
  std::ifstream f(file, std::ios::binary);
  if (!f) throw PostcodeError("cannot read " + file.string());
  char magic[8];
  if (!f.read(magic, 8) || std::memcmp(magic, kMagic, 8) != 0)
    throw PostcodeError(file.string() + " is not a Hearth postcode index");
  std::uint32_t version = 0, nd = 0, no = 0, nw = 0, nr = 0;
  get(f, version, file);
  if (version != kVersion)
    throw PostcodeError(file.string() + " is a postcode index of version " +
                        std::to_string(version) + "; this Hearth reads version " +
                        std::to_string(kVersion));
  get(f, nd, file);
  get(f, no, file);
  get(f, nw, file);
  get(f, nr, file);
  if (nd > kDistrictNone || nr > 4096 || no > nw)
    throw PostcodeError(file.string() + ": the postcode index's header is damaged");
  PostcodeIndex ix;
  ix.release_.resize(nr);
  ix.districts_.resize(nd);
  ix.outwards_.resize(no);
  ix.words_.resize(nw);
  f.read(ix.release_.data(), nr);
  for (auto& d : ix.districts_) {
    char code[9];
    f.read(code, 9);
    d.assign(code, strnlen(code, 9));
  }
  f.read(reinterpret_cast<char*>(ix.outwards_.data()),
         static_cast<std::streamsize>(no * sizeof(Outward)));
  f.read(reinterpret_cast<char*>(ix.words_.data()),
         static_cast<std::streamsize>(std::size_t{nw} * sizeof(std::uint64_t)));
  if (!f) throw PostcodeError(file.string() + ": the postcode index is cut short");
  for (std::size_t i = 0; i < ix.outwards_.size(); ++i)
    if (ix.outwards_[i].first > nw || (i && ix.outwards_[i].first < ix.outwards_[i - 1].first))
      throw PostcodeError(file.string() + ": the postcode index is damaged");
  for (auto w : ix.words_)
    if (auto d = (w >> kDistrictShift) & kDistrictNone; d != kDistrictNone && d >= nd)
      throw PostcodeError(file.string() + ": the postcode index is damaged");
  return ix;
}

double distance_miles(const Place& a, const Place& b) {
  const double metres = std::hypot(static_cast<double>(a.easting) - b.easting,
                                   static_cast<double>(a.northing) - b.northing);
  return std::round(metres / 1000.0 / 1.6093 * 10.0) / 10.0;
}

std::string UpperTier::of(std::string_view district) const {
  if (district.size() != 9) return {};
  if (auto it = map_.find(std::string(district)); it != map_.end()) return it->second;
  const std::string_view kind = district.substr(0, 3);
  if (kind == "E06" || kind == "E08" || kind == "E09" || kind == "W06")
    return std::string(district);
  return {};
}

std::string UpperTier::council(std::string_view district) const {
  if (district.empty()) return {};
  switch (district.front()) {
    case 'S':
      return "SCO";
    case 'N':
      return "NIR";
    case 'W':
      return "WAL";
    default:
      return of(district);
  }
}

}  // namespace hearth::geo
