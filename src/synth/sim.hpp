// The synthetic council generator's shared parts (internal to src/synth; generator.hpp is the
// interface): integers, dates and the integer-only random number generator, so output is identical
// on every platform and standard library; the 153 councils and their postcode areas; places
// (postcodes, Ofsted URNs, children's homes, fostering agencies); and the journey simulation's
// records. The steps that use them are declared in steps.hpp, each in its own file.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/calendar.hpp"
#include "model/codes.hpp"
#include "model/dates.hpp"
#include "model/embedded_file.hpp"
#include "ssda903/csv.hpp"
#include "synth/generator.hpp"

namespace hearth::synth {

namespace embedded {
// reference/local_authorities.csv and src/synth/councils.csv, in that order (cmake/Embed.cmake).
std::span<const model::EmbeddedFile> council_tables();
}  // namespace embedded

namespace detail {

using model::CollectionYear;
using model::Date;
using LS = model::LegalStatus;
using PT = model::PlacementType;
using PP = model::PlacementProvider;
using REC = model::ReasonEpisodeCeased;
using RNE = model::ReasonNewEpisode;
using RPC = model::ReasonPlaceChange;
using CIN = model::CategoryOfNeed;
using ETH = model::Ethnicity;

// ==== 1. Integers, dates, random numbers ========================================================

using Day = std::int32_t;  // days since 1970-01-01
constexpr Day kNever = std::numeric_limits<Day>::min();
constexpr Day kForever = std::numeric_limits<Day>::max();

inline Day day_of(Date d) {
  return static_cast<Day>(d.time_since_epoch().count());
}
inline Date date_of(Day d) {
  return Date{std::chrono::days{d}};
}
inline Day ymd(int y, unsigned m, unsigned d) {
  return day_of(model::make_date(y, m, d));
}
inline Day birthday_of(Day dob, int n) {
  return day_of(model::birthday(date_of(dob), n));
}
inline int age_at(Day dob, Day on) {
  return model::age_on(date_of(dob), date_of(on));
}

inline Day add_months(Day d, int months) {
  return day_of(model::add_months(date_of(d), months));
}

inline std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A well-mixed function of two numbers: seeds for independent streams.
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t s = a ^ (b * 0xD6E8FEB86659FD93ULL + 0x632BE59BD9B4E019ULL);
  splitmix(s);
  return splitmix(s);
}

inline std::uint64_t hash_text(std::string_view s) {
  std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

// xoshiro256** with integer-only helpers. std::*_distribution is deliberately not used: its
// output differs between standard libraries, and the same seed must give the same council.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& w : s_) w = splitmix(seed);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, n) (Lemire's method, without bias). n > 0.
  std::uint32_t below(std::uint32_t n) {
    std::uint64_t m = (next() >> 32) * n;
    auto low = static_cast<std::uint32_t>(m);
    if (low < n) {
      const std::uint32_t threshold = (0u - n) % n;
      while (low < threshold) {
        m = (next() >> 32) * n;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }
  // Uniform in [lo, hi]; lo when hi <= lo.
  int range(int lo, int hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo) + 1u));
  }
  // True with probability per_10000 / 10,000.
  bool chance(int per_10000) { return static_cast<int>(below(10000)) < per_10000; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// A weighted choice: weights are plain integers (any scale).
template <class T>
struct W {
  T value;
  int weight;
};

template <class T>
inline T pick(Rng& r, std::span<const W<T>> table) {
  int total = 0;
  for (const auto& w : table) total += w.weight;
  int x = static_cast<int>(r.below(static_cast<std::uint32_t>(total)));
  for (const auto& w : table) {
    if (x < w.weight) return w.value;
    x -= w.weight;
  }
  return table.back().value;
}
template <class T, std::size_t N>
inline T pick(Rng& r, const W<T> (&table)[N]) {
  return pick<T>(r, std::span<const W<T>>(table, N));
}

// A duration (or any integer) from weighted uniform ranges.
struct Band {
  int weight;
  int lo;
  int hi;
};
inline int draw(Rng& r, std::span<const Band> bands) {
  int total = 0;
  for (const auto& b : bands) total += b.weight;
  int x = static_cast<int>(r.below(static_cast<std::uint32_t>(total)));
  for (const auto& b : bands) {
    if (x < b.weight) return r.range(b.lo, b.hi);
    x -= b.weight;
  }
  return bands.back().hi;
}

// ==== 2. Councils ===============================================================================
// The 153 councils in the order of reference/local_authorities.csv, with their names and regions
// from it (the table the scorecard's comparators use), and from src/synth/councils.csv what only
// the generator needs: a size of the order of the DfE's "Children looked after in England
// including adoptions" local authority tables for 31 March 2024 (rounded, not the published
// numbers), and the postcode area and district range where the council's own postcodes mostly
// are, for synthetic postcodes of the right shape. Both files are embedded at build time.

struct CouncilRow {
  std::string la;
  std::string ons;  // upper-tier ONS code
  std::string name;
  std::string region;
  int cla = 0;
  std::string area;
  int lo = 0;
  int hi = 0;
};

// Each row of a CSV text with a header, as column name -> cell.
inline std::vector<std::unordered_map<std::string, std::string>> csv_rows(std::string_view text) {
  ssda903::CsvReader reader(text);
  std::vector<std::string_view> header, cells;
  std::vector<std::unordered_map<std::string, std::string>> out;
  if (!reader.next(header)) return out;
  while (reader.next(cells)) {
    if (cells.size() == 1 && ssda903::trim(cells[0]).empty()) continue;
    auto& row = out.emplace_back();
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i)
      row[std::string(ssda903::trim(header[i]))] = std::string(ssda903::trim(cells[i]));
  }
  return out;
}

inline std::vector<CouncilRow> load_councils() {
  std::unordered_map<std::string, std::unordered_map<std::string, std::string>> extra;
  for (auto& row : csv_rows(embedded::council_tables()[1].text)) extra[row["la_code"]] = row;
  std::vector<CouncilRow> out;
  for (auto& row : csv_rows(embedded::council_tables()[0].text)) {
    auto it = extra.find(row["la_code"]);
    if (it == extra.end())
      throw std::logic_error("src/synth/councils.csv has no row for council " + row["la_code"]);
    auto& x = it->second;
    out.push_back({row["la_code"], row["ons_code"], row["la_name"], row["region"],
                   std::stoi(x["looked_after"]), x["postcode_area"], std::stoi(x["district_from"]),
                   std::stoi(x["district_to"])});
  }
  if (out.size() != extra.size())
    throw std::logic_error("src/synth/councils.csv names a council local_authorities.csv does not");
  return out;
}

inline const std::vector<CouncilRow>& councils() {
  static const std::vector<CouncilRow> rows = load_councils();
  return rows;
}
inline int council_count() {
  return static_cast<int>(councils().size());
}

// Placements in Wales: postcode areas beyond the council table (index council_count() + i).
struct AreaRow {
  const char* area;
  int lo;
  int hi;
};
constexpr AreaRow kWales[] = {{"CF", 3, 83}, {"NP", 4, 44}, {"SA", 1, 73}, {"LL", 11, 78}};

inline int council_index(std::string_view la) {
  for (int i = 0; i < council_count(); ++i) {
    if (la == councils()[i].la) return i;
  }
  return -1;
}

// ==== 3. Places =================================================================================

// A postcode in an area (a council row, or a Wales row after the councils): a real one, from the
// ONS directory Hearth ships (reference/postcodes/), picked from the area's postcodes by `key`;
// or, without the directory, one of the right shape made up from `key` (district, sector, unit).
struct Postcode {
  std::uint16_t area = 0;
  std::uint64_t key = 0;
};

// Each area's real postcodes, as positions in geo::geography()'s index (places.cpp); empty when
// Hearth has no postcode index.
const std::vector<std::vector<std::uint32_t>>& postcode_pools();
std::string real_postcode(std::uint32_t position);

// The letters a postcode's unit may use.
constexpr std::string_view kUnitLetters = "ABDEFGHJLNPQRSTUWXYZ";

inline Postcode postcode_in(int area_index, std::uint64_t h) {
  const auto& pools = postcode_pools();
  const auto area = static_cast<std::size_t>(area_index);
  if (area < pools.size() && !pools[area].empty())
    return {static_cast<std::uint16_t>(area_index), h % pools[area].size()};
  return {static_cast<std::uint16_t>(area_index), h};
}

// Another postcode of the same area.
inline Postcode next_postcode(Postcode p) {
  const auto& pools = postcode_pools();
  const bool real = p.area < pools.size() && !pools[p.area].empty();
  p.key = real ? (p.key + 1) % pools[p.area].size() : p.key + 97 * 10 * 20;
  return p;
}

inline std::string postcode_text(const Postcode& p) {
  const auto& pools = postcode_pools();
  if (p.area < pools.size() && !pools[p.area].empty())
    return real_postcode(pools[p.area][static_cast<std::size_t>(p.key)]);
  int lo = 0, hi = 0;
  std::string s;
  if (p.area < council_count()) {
    lo = councils()[p.area].lo;
    hi = councils()[p.area].hi;
    s = councils()[p.area].area;
  } else {
    lo = kWales[p.area - council_count()].lo;
    hi = kWales[p.area - council_count()].hi;
    s = kWales[p.area - council_count()].area;
  }
  std::uint64_t h = p.key;
  s += std::to_string(lo + static_cast<int>(h % static_cast<unsigned>(hi - lo + 1)));
  h /= 97;
  s += ' ';
  s += static_cast<char>('0' + h % 10);
  h /= 10;
  s += kUnitLetters[h % kUnitLetters.size()];
  h /= kUnitLetters.size();
  s += kUnitLetters[h % kUnitLetters.size()];
  return s;
}

// Ofsted unique reference numbers: social care providers registered before 2017 have "SC" and
// six digits; later registrations (including supported accommodation, 2023 onwards) seven
// digits; schools six digits. "XXXXXXX": a placement Ofsted does not register (outside England).
enum class UrnKind : std::uint8_t { None, Social, Registered, School, Outside };

struct Site {
  Postcode post;
  UrnKind urn = UrnKind::None;
  std::uint32_t urn_number = 0;
};

inline std::string urn_text(UrnKind kind, std::uint32_t n) {
  char buf[16];
  switch (kind) {
    case UrnKind::None:
      return {};
    case UrnKind::Outside:
      return "XXXXXXX";
    case UrnKind::Social:
      std::snprintf(buf, sizeof buf, "SC%06u", 10000u + n % 990000u);
      return buf;
    case UrnKind::Registered:
      std::snprintf(buf, sizeof buf, "%07u", 2000000u + n % 1000000u);
      return buf;
    case UrnKind::School:
      std::snprintf(buf, sizeof buf, "%06u", 100000u + n % 50000u);
      return buf;
  }
  return {};
}

// Everything the generator knows about the council it is making.
struct Ctx {
  std::uint64_t seed = 0;
  std::string la;
  int council = 0;                   // row in councils() giving postcode area and region
  int target = 0;                    // children looked after wanted on the last 31 March
  std::vector<int> region;           // rows in the same region (the council included)
  std::vector<std::string> workers;  // social worker ids
  Day window_start = 0;              // 1 April of the first emitted year
  Day horizon = 0;                   // 31 March of the last emitted year
};

constexpr std::uint64_t kHomesSalt = 0x486F6D6573ULL;  // shared by every council in a national run

// Children's homes, supported accommodation, schools and the like: provider n of council c. The
// same (kind, council, n) is the same place — same postcode and URN — whichever council places
// a child there.
inline Site provider_site(char kind, int c, int n, UrnKind urn) {
  const std::uint64_t h =
      mix(mix(kHomesSalt, static_cast<std::uint64_t>(kind)),
          static_cast<std::uint64_t>(c) * 4099u + static_cast<std::uint64_t>(n));
  Site s;
  s.post = postcode_in(c, h);
  s.urn = urn;
  s.urn_number = static_cast<std::uint32_t>(h >> 40);
  if (urn == UrnKind::Social && kind == 'H' && (h & 7u) == 0) s.urn = UrnKind::Registered;
  return s;
}

// How many providers of a kind a council of this size has.
inline int providers_in(int c, int per) {
  return std::max(2, councils()[c].cla / per);
}

inline bool same_place(const Site& a, const Site& b) {
  return a.post.area == b.post.area && a.post.key == b.post.key && a.urn == b.urn &&
         a.urn_number == b.urn_number;
}

enum class Reach : std::uint8_t { Local, Region, England, Wales };

inline int reach_council(const Ctx& ctx, Rng& r, Reach reach) {
  switch (reach) {
    case Reach::Local:
      return ctx.council;
    case Reach::Region:
      return ctx.region[r.below(static_cast<std::uint32_t>(ctx.region.size()))];
    case Reach::England:
      return static_cast<int>(r.below(council_count()));
    case Reach::Wales:
      return council_count() +
             static_cast<int>(r.below(static_cast<std::uint32_t>(std::size(kWales))));
  }
  return ctx.council;
}

inline Reach pick_reach(Rng& r, int local, int region, int england, int wales) {
  const W<Reach> t[] = {{Reach::Local, local},
                        {Reach::Region, region},
                        {Reach::England, england},
                        {Reach::Wales, wales}};
  return pick(r, t);
}

// ==== 4. The journey simulation =================================================================

// Dates where the code lists change (codes.hpp: kPlacementP2LastEnd; K3 from 2024/25; Z1
// replaced by Z11–Z14 from 2025/26).
inline const Day kP2End = day_of(model::kPlacementP2LastEnd);
inline const Day kK3From = ymd(2024, 4, 1);
inline const Day kZ1LastEnd = ymd(2025, 3, 30);

enum class Route : std::uint8_t {
  HomeShort,  // a short stay, home again (section 20 mostly)
  HomeProc,   // care proceedings ending in a return home (often after placement with parents)
  Adopt,      // care proceedings ending in adoption
  Sgo,        // ending in a special guardianship order
  Cao,        // ending in a child arrangements order
  Long,       // long-term care, usually to 18
  Remand,     // remanded to council or youth detention accommodation
  Uasc,       // unaccompanied asylum-seeking child
};

enum class Regime : std::uint8_t {
  Foster,
  Kin,
  Ffa,
  Residential,
  SemiIndep,
  Parents,
  Adoption,
  Remand,
  MotherBaby,
};

struct LsEvent {
  Day day;
  LS ls;
};

struct PlEvent {
  Day day = 0;
  PT place = PT::U6;
  std::int8_t provider = -1;  // PlacementProvider, -1 none
  std::int8_t reason = -1;    // ReasonPlaceChange that ended the placement before this one
  bool temporary = false;
  Regime regime = Regime::Foster;
  std::uint32_t carer = 0;  // the same carer keeps the same number
  Site site;
};

struct SimEpisode {
  Day start = 0;
  Day end = 0;
  Site site;
  LS ls = LS::V2;
  PT place = PT::U6;
  RNE rne = RNE::S;
  REC rec = REC::X1;
  std::int8_t provider = -1;
  std::int8_t reason = -1;  // REASON_PLACE_CHANGE, recorded on the episode that ends
};

struct SimPeriod {
  Day start = 0;
  Day end = 0;  // every period ends (at the latest on the 18th birthday); the output hides
                // what is after the collection year
  std::uint32_t first_episode = 0;
  std::uint32_t episodes = 0;
  REC rec = REC::E8;
  CIN cin = CIN::N1;
  Postcode home;
  bool short_break = false;
  // Adoption: decision to place (DATE_PLACED / DATE_INT), reversal, match, adopters.
  Day date_placed = kNever;
  Day placed_ceased = kNever;
  std::int8_t placed_reason = -1;  // ReasonPlacedCeased
  Day date_match = kNever;
  std::uint8_t adopters = 0;  // index into kAdopters + 1; 0 none
  // Previous permanence.
  std::int8_t prev_perm = -1;  // PreviousPermanence
  Day date_perm = kNever;
  std::uint8_t date_perm_form = 0;  // 0 full date, 1 day unknown, 2 day and month unknown
  std::int16_t la_perm = -1;        // council row, or -1 blank
};

struct SimReview {
  Day day;
  model::ReviewParticipation code;
};
struct SimMissing {
  Day start;
  Day end;
  model::MissingType type;
};
struct SimWorker {
  Day start;
  Day end;  // kForever: still allocated
  std::uint16_t worker;
  model::SwReason reason;
};
struct SimDolo {
  Day start;
  Day end;
};

struct SimChild {
  std::uint64_t seed = 0;
  Day dob = 0;
  Day first_entry = 0;
  Day mother_child_dob = kNever;
  std::uint32_t first_period = 0;
  std::uint32_t periods = 0;
  std::uint32_t id = 0;
  ETH ethnic = ETH::WBRI;
  bool male = true;
  bool uasc = false;
  bool short_breaks = false;
  bool dropped = false;
  std::uint8_t upn_kind = 0;  // 0: a UPN; 2–5: UN2–UN5 (UN1 follows from age)
  // Details, filled only for children in the emitted years.
  std::uint32_t first_review = 0, reviews = 0;
  std::uint32_t first_missing = 0, missing = 0;
  std::uint32_t first_worker = 0, workers = 0;
  std::uint32_t first_dolo = 0, dolos = 0;
};

struct World {
  std::vector<SimChild> children;
  std::vector<SimPeriod> periods;
  std::vector<SimEpisode> episodes;
  std::vector<SimReview> reviews;
  std::vector<SimMissing> missing;
  std::vector<SimWorker> workers;
  std::vector<SimDolo> dolos;
};

// Adopters (AD1): number, sex and legal status, consistent with validator rules 517–524.
struct Adopters {
  int number;
  model::SexOfAdopters sex;
  model::LegalStatusOfAdopters status;
  int weight;
};
constexpr Adopters kAdopters[] = {
    {2, model::SexOfAdopters::MF, model::LegalStatusOfAdopters::L11, 620},
    {2, model::SexOfAdopters::MF, model::LegalStatusOfAdopters::L3, 140},
    {2, model::SexOfAdopters::MM, model::LegalStatusOfAdopters::L12, 25},
    {2, model::SexOfAdopters::FF, model::LegalStatusOfAdopters::L12, 25},
    {2, model::SexOfAdopters::MM, model::LegalStatusOfAdopters::L2, 25},
    {2, model::SexOfAdopters::FF, model::LegalStatusOfAdopters::L2, 20},
    {2, model::SexOfAdopters::MM, model::LegalStatusOfAdopters::L4, 10},
    {2, model::SexOfAdopters::FF, model::LegalStatusOfAdopters::L4, 15},
    {1, model::SexOfAdopters::F1, model::LegalStatusOfAdopters::L0, 100},
    {1, model::SexOfAdopters::M1, model::LegalStatusOfAdopters::L0, 20},
};

inline std::uint8_t pick_adopters(Rng& r) {
  int total = 0;
  for (const auto& a : kAdopters) total += a.weight;
  int x = static_cast<int>(r.below(static_cast<std::uint32_t>(total)));
  for (std::size_t i = 0; i < std::size(kAdopters); ++i) {
    if (x < kAdopters[i].weight) return static_cast<std::uint8_t>(i + 1);
    x -= kAdopters[i].weight;
  }
  return 1;
}

constexpr std::int8_t rpc(RPC r) {
  return static_cast<std::int8_t>(r);
}
constexpr std::int8_t prov(PP p) {
  return static_cast<std::int8_t>(p);
}

inline bool is_foster(PT p) {
  return p == PT::U1 || p == PT::U2 || p == PT::U3 || p == PT::U4 || p == PT::U5 || p == PT::U6;
}
inline bool is_adoption_placement(PT p) {
  return p == PT::A3 || p == PT::A4 || p == PT::A5 || p == PT::A6;
}
inline bool is_semi_independent(PT p) {
  return p == PT::H5 || p == PT::K3 || p == PT::P2;
}
inline bool is_residential(PT p) {
  return p == PT::K1 || p == PT::K2 || p == PT::S1 || p == PT::R1;
}

// ---- distributions used by the planner (days unless stated) ----

// How long a placement lasts before a move, by regime and age.
constexpr Band kFosterUnder5[] = {{25, 45, 240}, {40, 241, 720}, {35, 721, 2600}};
constexpr Band kFoster5to10[] = {{22, 30, 200}, {33, 201, 700}, {45, 701, 3200}};
constexpr Band kFosterTeen[] = {{28, 14, 120}, {34, 121, 450}, {38, 451, 1600}};
constexpr Band kKin[] = {{20, 120, 500}, {80, 501, 4000}};
constexpr Band kResidential[] = {{24, 20, 150}, {38, 151, 450}, {38, 451, 1400}};
constexpr Band kSemiIndependent[] = {{35, 30, 150}, {45, 151, 400}, {20, 401, 800}};
constexpr Band kUntilPlanChanges[] = {{1, 4000, 6000}};
constexpr Band kMotherBaby[] = {{1, 28, 84}};

// Short stays that end with a return home.
constexpr Band kHomeShortYoung[] = {
    {10, 3, 14}, {25, 15, 60}, {35, 61, 180}, {20, 181, 365}, {10, 366, 700}};
constexpr Band kHomeShortTeen[] = {
    {26, 1, 14}, {26, 15, 60}, {25, 61, 180}, {15, 181, 365}, {8, 366, 800}};

constexpr W<RPC> kMoveReasons[] = {
    {RPC::CARPL, 300}, {RPC::CLOSE, 60},  {RPC::ALLEG, 30},  {RPC::STAND, 30},
    {RPC::APPRR, 10},  {RPC::CREQB, 140}, {RPC::CREQO, 120}, {RPC::CHILD, 80},
    {RPC::LAREQ, 70},  {RPC::PLACE, 20},  {RPC::OTHER, 130},
};

// Reasons a period of care ends at 18, by where the young person was living.
constexpr W<REC> kExit18Foster[] = {{REC::E17, 430}, {REC::E5, 230}, {REC::E6, 50},
                                    {REC::E13, 100}, {REC::E8, 170}, {REC::E7, 20}};
constexpr W<REC> kExit18Residential[] = {
    {REC::E5, 420}, {REC::E6, 100}, {REC::E13, 140}, {REC::E8, 250}, {REC::E7, 90}};
constexpr W<REC> kExit18Semi[] = {{REC::E5, 600}, {REC::E6, 150}, {REC::E13, 80}, {REC::E8, 170}};
constexpr W<REC> kExit18Parents[] = {{REC::E13, 400}, {REC::E8, 600}};
constexpr W<REC> kExit18Uasc[] = {{REC::E5, 500}, {REC::E6, 120}, {REC::E8, 230}, {REC::E13, 30}};

constexpr W<REC> kHomeExitYoung[] = {
    {REC::E4A, 550}, {REC::E4B, 130}, {REC::E13, 200}, {REC::E8, 120}};
constexpr W<REC> kHomeExitTeen[] = {
    {REC::E4A, 400}, {REC::E4B, 220}, {REC::E13, 220}, {REC::E8, 160}};
constexpr W<REC> kEarlyExitLong[] = {{REC::E4A, 200}, {REC::E4B, 200}, {REC::E13, 250},
                                     {REC::E8, 170},  {REC::E41, 50},  {REC::E47, 80},
                                     {REC::E48, 20},  {REC::E9, 30}};

constexpr W<CIN> kCinGeneral[] = {{CIN::N1, 680}, {CIN::N2, 25}, {CIN::N3, 35}, {CIN::N4, 80},
                                  {CIN::N5, 150}, {CIN::N6, 15}, {CIN::N7, 3},  {CIN::N8, 12}};
constexpr W<CIN> kCinTeen[] = {{CIN::N1, 560}, {CIN::N2, 30}, {CIN::N3, 30}, {CIN::N4, 110},
                               {CIN::N5, 200}, {CIN::N6, 50}, {CIN::N7, 5},  {CIN::N8, 15}};
constexpr W<CIN> kCinRemand[] = {{CIN::N6, 550}, {CIN::N5, 200}, {CIN::N1, 250}};

}  // namespace detail
}  // namespace hearth::synth
