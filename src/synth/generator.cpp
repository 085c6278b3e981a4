// The synthetic council generator. See generator.hpp for the idea and docs/synthetic-data.md
// for every distribution and the DfE figure behind it.
//
// Layout of this file:
//   1. integers, dates and the random number generator (integer-only, so output is identical
//      on every platform and standard library);
//   2. the 153 councils and their postcode areas;
//   3. places: postcodes, Ofsted URNs, children's homes and fostering agencies;
//   4. the journey simulation — one period of care at a time (Planner), then whole children;
//   5. what a journey generates beside episodes: reviews, missing episodes, social workers;
//   6. writing one collection year's return as the 903 holds it on 31 March;
//   7. generate(): burn-in, calibration to the requested size, and the returns.
#include "synth/generator.hpp"

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
#include <utility>
#include <vector>

#include "model/calendar.hpp"
#include "model/codes.hpp"
#include "model/dates.hpp"

namespace hearth::synth {
namespace {

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

Day day_of(Date d) {
  return static_cast<Day>(d.time_since_epoch().count());
}
Date date_of(Day d) {
  return Date{std::chrono::days{d}};
}
Day ymd(int y, unsigned m, unsigned d) {
  return day_of(model::make_date(y, m, d));
}
Day birthday_of(Day dob, int n) {
  return day_of(model::birthday(date_of(dob), n));
}
int age_at(Day dob, Day on) {
  return model::age_on(date_of(dob), date_of(on));
}

Day add_months(Day d, int months) {
  return day_of(model::add_months(date_of(d), months));
}

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A well-mixed function of two numbers: seeds for independent streams.
std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t s = a ^ (b * 0xD6E8FEB86659FD93ULL + 0x632BE59BD9B4E019ULL);
  splitmix(s);
  return splitmix(s);
}

std::uint64_t hash_text(std::string_view s) {
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
T pick(Rng& r, std::span<const W<T>> table) {
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
T pick(Rng& r, const W<T> (&table)[N]) {
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
// Sizes: rounded figures of the order of the DfE's "Children looked after in England including
// adoptions" local authority tables for 31 March 2024 (not the published numbers). Postcode
// area and district range: where the council's own postcodes mostly are, for synthetic
// postcodes of the right shape.

struct CouncilRow {
  const char* la;
  const char* name;
  const char* region;
  int cla;
  const char* area;
  int lo;
  int hi;
};

constexpr CouncilRow kCouncils[] = {
    {"841", "Darlington", "North East", 300, "DL", 1, 3},
    {"840", "County Durham", "North East", 1100, "DH", 1, 9},
    {"805", "Hartlepool", "North East", 330, "TS", 24, 27},
    {"806", "Middlesbrough", "North East", 520, "TS", 1, 8},
    {"391", "Newcastle upon Tyne", "North East", 560, "NE", 1, 15},
    {"392", "North Tyneside", "North East", 310, "NE", 25, 30},
    {"929", "Northumberland", "North East", 480, "NE", 61, 71},
    {"807", "Redcar and Cleveland", "North East", 350, "TS", 10, 14},
    {"393", "South Tyneside", "North East", 360, "NE", 31, 36},
    {"808", "Stockton-on-Tees", "North East", 560, "TS", 16, 21},
    {"394", "Sunderland", "North East", 610, "SR", 1, 7},
    {"390", "Gateshead", "North East", 440, "NE", 8, 11},
    {"889", "Blackburn with Darwen", "North West", 380, "BB", 1, 3},
    {"890", "Blackpool", "North West", 570, "FY", 1, 4},
    {"350", "Bolton", "North West", 640, "BL", 1, 7},
    {"351", "Bury", "North West", 380, "BL", 8, 9},
    {"895", "Cheshire East", "North West", 560, "CW", 1, 12},
    {"896", "Cheshire West and Chester", "North West", 560, "CH", 1, 4},
    {"942", "Cumberland", "North West", 420, "CA", 1, 28},
    {"943", "Westmorland and Furness", "North West", 290, "LA", 7, 23},
    {"876", "Halton", "North West", 310, "WA", 7, 8},
    {"340", "Knowsley", "North West", 430, "L", 26, 36},
    {"888", "Lancashire", "North West", 2000, "PR", 1, 9},
    {"341", "Liverpool", "North West", 1500, "L", 1, 25},
    {"352", "Manchester", "North West", 1300, "M", 1, 23},
    {"353", "Oldham", "North West", 560, "OL", 1, 9},
    {"354", "Rochdale", "North West", 570, "OL", 10, 16},
    {"355", "Salford", "North West", 620, "M", 27, 30},
    {"343", "Sefton", "North West", 620, "L", 20, 23},
    {"342", "St. Helens", "North West", 520, "WA", 9, 11},
    {"356", "Stockport", "North West", 380, "SK", 1, 8},
    {"357", "Tameside", "North West", 680, "SK", 14, 16},
    {"358", "Trafford", "North West", 380, "M", 31, 33},
    {"877", "Warrington", "North West", 300, "WA", 1, 5},
    {"359", "Wigan", "North West", 610, "WN", 1, 7},
    {"344", "Wirral", "North West", 780, "CH", 41, 49},
    {"370", "Barnsley", "Yorkshire and The Humber", 380, "S", 70, 75},
    {"380", "Bradford", "Yorkshire and The Humber", 1400, "BD", 1, 22},
    {"381", "Calderdale", "Yorkshire and The Humber", 440, "HX", 1, 7},
    {"371", "Doncaster", "Yorkshire and The Humber", 580, "DN", 1, 12},
    {"811", "East Riding of Yorkshire", "Yorkshire and The Humber", 420, "YO", 15, 25},
    {"810", "Kingston upon Hull, City of", "Yorkshire and The Humber", 700, "HU", 1, 9},
    {"382", "Kirklees", "Yorkshire and The Humber", 650, "HD", 1, 9},
    {"383", "Leeds", "Yorkshire and The Humber", 1400, "LS", 1, 29},
    {"812", "North East Lincolnshire", "Yorkshire and The Humber", 450, "DN", 31, 37},
    {"813", "North Lincolnshire", "Yorkshire and The Humber", 270, "DN", 15, 20},
    {"815", "North Yorkshire", "Yorkshire and The Humber", 520, "HG", 1, 5},
    {"372", "Rotherham", "Yorkshire and The Humber", 580, "S", 60, 66},
    {"373", "Sheffield", "Yorkshire and The Humber", 700, "S", 1, 36},
    {"384", "Wakefield", "Yorkshire and The Humber", 560, "WF", 1, 17},
    {"816", "York", "Yorkshire and The Humber", 260, "YO", 1, 32},
    {"831", "Derby", "East Midlands", 620, "DE", 1, 24},
    {"830", "Derbyshire", "East Midlands", 1050, "S", 40, 45},
    {"856", "Leicester", "East Midlands", 650, "LE", 1, 5},
    {"855", "Leicestershire", "East Midlands", 720, "LE", 7, 19},
    {"925", "Lincolnshire", "East Midlands", 720, "LN", 1, 13},
    {"940", "North Northamptonshire", "East Midlands", 600, "NN", 8, 18},
    {"941", "West Northamptonshire", "East Midlands", 680, "NN", 1, 7},
    {"892", "Nottingham", "East Midlands", 700, "NG", 1, 11},
    {"891", "Nottinghamshire", "East Midlands", 950, "NG", 12, 25},
    {"857", "Rutland", "East Midlands", 40, "LE", 15, 15},
    {"330", "Birmingham", "West Midlands", 2000, "B", 1, 48},
    {"331", "Coventry", "West Midlands", 730, "CV", 1, 6},
    {"332", "Dudley", "West Midlands", 500, "DY", 1, 9},
    {"884", "Herefordshire, County of", "West Midlands", 380, "HR", 1, 9},
    {"333", "Sandwell", "West Midlands", 800, "B", 64, 71},
    {"893", "Shropshire", "West Midlands", 600, "SY", 1, 15},
    {"334", "Solihull", "West Midlands", 550, "B", 90, 94},
    {"860", "Staffordshire", "West Midlands", 1400, "ST", 14, 21},
    {"861", "Stoke-on-Trent", "West Midlands", 930, "ST", 1, 6},
    {"894", "Telford and Wrekin", "West Midlands", 440, "TF", 1, 7},
    {"335", "Walsall", "West Midlands", 640, "WS", 1, 9},
    {"937", "Warwickshire", "West Midlands", 850, "CV", 21, 37},
    {"336", "Wolverhampton", "West Midlands", 500, "WV", 1, 11},
    {"885", "Worcestershire", "West Midlands", 930, "WR", 1, 15},
    {"822", "Bedford", "East of England", 300, "MK", 40, 45},
    {"873", "Cambridgeshire", "East of England", 700, "CB", 1, 25},
    {"823", "Central Bedfordshire", "East of England", 370, "LU", 5, 7},
    {"881", "Essex", "East of England", 1100, "CM", 1, 24},
    {"919", "Hertfordshire", "East of England", 1050, "AL", 1, 10},
    {"821", "Luton", "East of England", 400, "LU", 1, 4},
    {"926", "Norfolk", "East of England", 1150, "NR", 1, 35},
    {"874", "Peterborough", "East of England", 390, "PE", 1, 8},
    {"882", "Southend-on-Sea", "East of England", 340, "SS", 0, 3},
    {"935", "Suffolk", "East of England", 940, "IP", 1, 33},
    {"883", "Thurrock", "East of England", 320, "RM", 15, 20},
    {"201", "City of London", "London", 15, "EC", 1, 4},
    {"202", "Camden", "London", 200, "NW", 1, 6},
    {"203", "Greenwich", "London", 430, "SE", 3, 18},
    {"204", "Hackney", "London", 400, "E", 5, 9},
    {"205", "Hammersmith and Fulham", "London", 200, "W", 6, 14},
    {"206", "Islington", "London", 330, "N", 1, 19},
    {"207", "Kensington and Chelsea", "London", 110, "SW", 3, 10},
    {"208", "Lambeth", "London", 380, "SW", 2, 9},
    {"209", "Lewisham", "London", 400, "SE", 4, 13},
    {"210", "Southwark", "London", 430, "SE", 15, 22},
    {"211", "Tower Hamlets", "London", 300, "E", 1, 14},
    {"212", "Wandsworth", "London", 300, "SW", 11, 19},
    {"213", "Westminster", "London", 170, "W", 1, 2},
    {"301", "Barking and Dagenham", "London", 380, "RM", 8, 10},
    {"302", "Barnet", "London", 380, "NW", 4, 11},
    {"303", "Bexley", "London", 300, "DA", 5, 18},
    {"304", "Brent", "London", 330, "HA", 0, 9},
    {"305", "Bromley", "London", 330, "BR", 1, 8},
    {"306", "Croydon", "London", 540, "CR", 0, 8},
    {"307", "Ealing", "London", 380, "W", 5, 13},
    {"308", "Enfield", "London", 400, "EN", 1, 3},
    {"309", "Haringey", "London", 420, "N", 4, 22},
    {"310", "Harrow", "London", 200, "HA", 1, 3},
    {"311", "Havering", "London", 300, "RM", 1, 14},
    {"312", "Hillingdon", "London", 380, "UB", 3, 11},
    {"313", "Hounslow", "London", 280, "TW", 3, 14},
    {"314", "Kingston upon Thames", "London", 150, "KT", 1, 9},
    {"315", "Merton", "London", 170, "SW", 19, 20},
    {"316", "Newham", "London", 400, "E", 12, 16},
    {"317", "Redbridge", "London", 280, "IG", 1, 8},
    {"318", "Richmond upon Thames", "London", 140, "TW", 1, 12},
    {"319", "Sutton", "London", 250, "SM", 1, 6},
    {"320", "Waltham Forest", "London", 320, "E", 4, 17},
    {"867", "Bracknell Forest", "South East", 130, "RG", 40, 45},
    {"846", "Brighton and Hove", "South East", 380, "BN", 1, 3},
    {"825", "Buckinghamshire", "South East", 500, "HP", 5, 23},
    {"845", "East Sussex", "South East", 650, "TN", 19, 40},
    {"850", "Hampshire", "South East", 1650, "SO", 20, 53},
    {"921", "Isle of Wight", "South East", 280, "PO", 30, 41},
    {"886", "Kent", "South East", 2150, "CT", 1, 21},
    {"887", "Medway", "South East", 480, "ME", 1, 8},
    {"826", "Milton Keynes", "South East", 400, "MK", 1, 19},
    {"931", "Oxfordshire", "South East", 900, "OX", 1, 49},
    {"851", "Portsmouth", "South East", 370, "PO", 1, 6},
    {"870", "Reading", "South East", 260, "RG", 1, 4},
    {"871", "Slough", "South East", 200, "SL", 1, 3},
    {"852", "Southampton", "South East", 520, "SO", 14, 19},
    {"936", "Surrey", "South East", 1050, "GU", 1, 27},
    {"869", "West Berkshire", "South East", 170, "RG", 14, 20},
    {"938", "West Sussex", "South East", 900, "RH", 10, 20},
    {"868", "Windsor and Maidenhead", "South East", 110, "SL", 4, 6},
    {"872", "Wokingham", "South East", 130, "RG", 5, 10},
    {"800", "Bath and North East Somerset", "South West", 200, "BA", 1, 3},
    {"839", "Bournemouth, Christchurch and Poole", "South West", 500, "BH", 1, 23},
    {"801", "Bristol, City of", "South West", 660, "BS", 1, 16},
    {"908", "Cornwall", "South West", 530, "TR", 1, 27},
    {"878", "Devon", "South West", 920, "EX", 1, 39},
    {"838", "Dorset", "South West", 420, "DT", 1, 11},
    {"916", "Gloucestershire", "South West", 850, "GL", 1, 56},
    {"420", "Isles of Scilly", "South West", 3, "TR", 21, 25},
    {"802", "North Somerset", "South West", 230, "BS", 20, 49},
    {"879", "Plymouth", "South West", 500, "PL", 1, 9},
    {"933", "Somerset", "South West", 620, "TA", 1, 24},
    {"803", "South Gloucestershire", "South West", 230, "BS", 30, 37},
    {"866", "Swindon", "South West", 400, "SN", 1, 6},
    {"880", "Torbay", "South West", 330, "TQ", 1, 5},
    {"865", "Wiltshire", "South West", 480, "SN", 8, 16},
};
constexpr int kCouncilCount = static_cast<int>(std::size(kCouncils));
static_assert(kCouncilCount == 153);

// Placements in Wales: postcode areas beyond the council table (index kCouncilCount + i).
struct AreaRow {
  const char* area;
  int lo;
  int hi;
};
constexpr AreaRow kWales[] = {{"CF", 3, 83}, {"NP", 4, 44}, {"SA", 1, 73}, {"LL", 11, 78}};

int council_index(std::string_view la) {
  for (int i = 0; i < kCouncilCount; ++i) {
    if (la == kCouncils[i].la) return i;
  }
  return -1;
}

// ==== 3. Places =================================================================================

// A postcode: area (council row, or Wales row after the councils), district, sector, unit.
struct Postcode {
  std::uint16_t area = 0;
  std::uint8_t district = 0;
  std::uint8_t sector = 0;
  std::uint8_t unit1 = 0;
  std::uint8_t unit2 = 0;
};

// The letters a postcode's unit may use.
constexpr std::string_view kUnitLetters = "ABDEFGHJLNPQRSTUWXYZ";

Postcode postcode_in(int area_index, std::uint64_t h) {
  int lo = 0, hi = 0;
  if (area_index < kCouncilCount) {
    lo = kCouncils[area_index].lo;
    hi = kCouncils[area_index].hi;
  } else {
    lo = kWales[area_index - kCouncilCount].lo;
    hi = kWales[area_index - kCouncilCount].hi;
  }
  Postcode p;
  p.area = static_cast<std::uint16_t>(area_index);
  p.district =
      static_cast<std::uint8_t>(lo + static_cast<int>(h % static_cast<unsigned>(hi - lo + 1)));
  h /= 97;
  p.sector = static_cast<std::uint8_t>(h % 10);
  h /= 10;
  p.unit1 = static_cast<std::uint8_t>(h % kUnitLetters.size());
  h /= kUnitLetters.size();
  p.unit2 = static_cast<std::uint8_t>(h % kUnitLetters.size());
  return p;
}

std::string postcode_text(const Postcode& p) {
  std::string s =
      p.area < kCouncilCount ? kCouncils[p.area].area : kWales[p.area - kCouncilCount].area;
  s += std::to_string(p.district);
  s += ' ';
  s += static_cast<char>('0' + p.sector);
  s += kUnitLetters[p.unit1];
  s += kUnitLetters[p.unit2];
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

std::string urn_text(UrnKind kind, std::uint32_t n) {
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
  int council = 0;                   // row in kCouncils giving postcode area and region
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
Site provider_site(char kind, int c, int n, UrnKind urn) {
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
int providers_in(int c, int per) {
  return std::max(2, kCouncils[c].cla / per);
}

bool same_place(const Site& a, const Site& b) {
  return a.post.area == b.post.area && a.post.district == b.post.district &&
         a.post.sector == b.post.sector && a.post.unit1 == b.post.unit1 &&
         a.post.unit2 == b.post.unit2 && a.urn == b.urn && a.urn_number == b.urn_number;
}

enum class Reach : std::uint8_t { Local, Region, England, Wales };

int reach_council(const Ctx& ctx, Rng& r, Reach reach) {
  switch (reach) {
    case Reach::Local:
      return ctx.council;
    case Reach::Region:
      return ctx.region[r.below(static_cast<std::uint32_t>(ctx.region.size()))];
    case Reach::England:
      return static_cast<int>(r.below(kCouncilCount));
    case Reach::Wales:
      return kCouncilCount +
             static_cast<int>(r.below(static_cast<std::uint32_t>(std::size(kWales))));
  }
  return ctx.council;
}

Reach pick_reach(Rng& r, int local, int region, int england, int wales) {
  const W<Reach> t[] = {{Reach::Local, local},
                        {Reach::Region, region},
                        {Reach::England, england},
                        {Reach::Wales, wales}};
  return pick(r, t);
}

// ==== 4. The journey simulation =================================================================

// Dates where the code lists change (codes.hpp: kPlacementP2LastEnd; K3 from 2024/25; Z1
// replaced by Z11–Z14 from 2025/26).
const Day kP2End = day_of(model::kPlacementP2LastEnd);
const Day kK3From = ymd(2024, 4, 1);
const Day kZ1LastEnd = ymd(2025, 3, 30);

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

std::uint8_t pick_adopters(Rng& r) {
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

bool is_foster(PT p) {
  return p == PT::U1 || p == PT::U2 || p == PT::U3 || p == PT::U4 || p == PT::U5 || p == PT::U6;
}
bool is_adoption_placement(PT p) {
  return p == PT::A3 || p == PT::A4 || p == PT::A5 || p == PT::A6;
}
bool is_semi_independent(PT p) {
  return p == PT::H5 || p == PT::K3 || p == PT::P2;
}
bool is_residential(PT p) {
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

// Plans one period of care: legal statuses and placements over time, then episodes.
class Planner {
 public:
  Planner(const Ctx& ctx, World& world, std::uint32_t& carers)
      : ctx_(ctx), world_(world), carers_(carers) {}

  // Plans a period of care for child `c` starting on `start` and appends it (and its
  // episodes) to the world. Returns the period's index.
  std::uint32_t plan(SimChild& c, Rng& r, Day start, Route route, const SimPeriod& seed_period) {
    c_ = &c;
    r_ = &r;
    ls_.clear();
    pl_.clear();
    p_ = seed_period;
    S_ = start;
    p_.start = start;
    b14_ = birthday_of(c.dob, 14);
    b16_ = birthday_of(c.dob, 16);
    b18_ = birthday_of(c.dob, 18);
    age_ = age_at(c.dob, start);
    E_ = b18_;
    rec_ = REC::E8;

    switch (route) {
      case Route::HomeShort:
        home_short();
        break;
      case Route::HomeProc:
        home_proceedings();
        break;
      case Route::Adopt:
        adopt();
        break;
      case Route::Sgo:
        order(/*sgo=*/true);
        break;
      case Route::Cao:
        order(/*sgo=*/false);
        break;
      case Route::Long:
        long_term(S_);
        break;
      case Route::Remand:
        remand();
        break;
      case Route::Uasc:
        uasc();
        break;
    }
    rare_endings(route);
    temporary_placements();
    p_.end = E_;
    p_.rec = rec_;
    return emit();
  }

 private:
  // ---- events ----
  void set_ls(Day d, LS ls) {
    if (d >= E_) return;
    if (!ls_.empty() && ls_.back().day == d) {
      ls_.back().ls = ls;
      return;
    }
    if (!ls_.empty() && ls_.back().ls == ls) return;
    ls_.push_back({d, ls});
  }

  void push(const PlEvent& e) {
    if (e.day >= E_) return;
    if (!pl_.empty() && pl_.back().day >= e.day) {
      // Two events on one day: the later decision stands. Events never go back in time.
      while (!pl_.empty() && pl_.back().day >= e.day) pl_.pop_back();
    }
    pl_.push_back(e);
  }

  int age_on(Day d) const { return age_at(c_->dob, d); }

  Site carer_site(Reach reach, UrnKind urn, std::uint32_t urn_number) {
    Site s;
    const int c = reach_council(ctx_, *r_, reach);
    s.post = postcode_in(c, r_->next());
    s.urn = reach == Reach::Wales ? UrnKind::Outside : urn;
    s.urn_number = urn_number;
    return s;
  }

  Site pooled_site(char kind, Reach reach, int per, UrnKind urn) {
    const int c = reach_council(ctx_, *r_, reach);
    if (c >= kCouncilCount) {  // Wales: not registered with Ofsted
      Site s;
      s.post = postcode_in(c, r_->next());
      s.urn = UrnKind::Outside;
      return s;
    }
    const int count = providers_in(c, per);
    int n = static_cast<int>(r_->below(static_cast<std::uint32_t>(count)));
    Site s = provider_site(kind, c, n, urn);
    if (!pl_.empty() && same_place(pl_.back().site, s)) {
      // A move is to somewhere else (rule 435): the next home along.
      s = provider_site(kind, c, (n + 1) % count == n ? n + 1 : (n + 1) % count, urn);
    }
    return s;
  }

  std::uint32_t fostering_service(int council) const {
    return static_cast<std::uint32_t>(
        mix(kHomesSalt, 0xF05 + static_cast<std::uint64_t>(council)) >> 40);
  }
  std::uint32_t adoption_agency(int council) const {
    return static_cast<std::uint32_t>(
        mix(kHomesSalt, 0xAD0 + static_cast<std::uint64_t>(council)) >> 40);
  }

  // The place, provider and site of a new placement in `regime` from day d.
  PlEvent make(Day d, Regime regime, std::int8_t reason, bool same_carer = false,
               PT adoption_type = PT::A6) {
    Rng& r = *r_;
    PlEvent e;
    e.day = d;
    e.regime = regime;
    e.reason = reason;
    e.carer = same_carer && !pl_.empty() ? pl_.back().carer : ++carers_;
    const int a = age_on(d);
    switch (regime) {
      case Regime::Foster: {
        e.place = PT::U6;
        const W<PP> t[] = {{PP::PR1, 560}, {PP::PR4, 390}, {PP::PR5, 50}};
        e.provider = prov(pick(r, t));
        break;
      }
      case Regime::Kin:
        e.place = r.chance(1200) ? PT::U1 : PT::U3;
        e.provider = prov(r.chance(9600) ? PP::PR1 : PP::PR2);
        break;
      case Regime::Ffa:
        e.place = r.chance(1500) ? PT::U2 : PT::U5;
        e.provider = prov(r.chance(8000) ? PP::PR1 : PP::PR5);
        break;
      case Regime::Residential:
        if (a >= 10 && r.chance(200)) {
          e.place = PT::K1;
          const W<PP> t[] = {{PP::PR2, 700}, {PP::PR1, 150}, {PP::PR4, 150}};
          e.provider = prov(pick(r, t));
        } else if (a >= 8 && r.chance(400)) {
          e.place = PT::S1;
          const W<PP> t[] = {{PP::PR4, 600}, {PP::PR5, 200}, {PP::PR1, 200}};
          e.provider = prov(pick(r, t));
        } else if (a >= 12 && r.chance(80)) {
          e.place = PT::R1;
          e.provider = prov(r.chance(7000) ? PP::PR4 : PP::PR3);
        } else if (a >= 12 && d < kZ1LastEnd - 90 && r.chance(60)) {
          e.place = PT::Z1;
        } else {
          e.place = PT::K2;
          const W<PP> t[] = {{PP::PR4, 780}, {PP::PR1, 140}, {PP::PR5, 60}, {PP::PR2, 20}};
          e.provider = prov(pick(r, t));
        }
        break;
      case Regime::SemiIndep:
        // Semi-independent living (H5) and independent living (P2) until the October 2023
        // reforms; registered supported accommodation (K3) from 2024/25, when the list has it.
        if (d < kP2End && a >= 16 && r.chance(1400)) {
          e.place = PT::P2;
          e.provider = prov(r.chance(6000) ? PP::PR1 : PP::PR4);
        } else {
          e.place = d >= kK3From ? PT::K3 : PT::H5;
          const W<PP> t[] = {{PP::PR4, 750}, {PP::PR1, 150}, {PP::PR5, 100}};
          e.provider = prov(pick(r, t));
        }
        break;
      case Regime::Parents:
        e.place = PT::P1;
        e.provider = prov(PP::PR0);
        break;
      case Regime::Adoption: {
        e.place = adoption_type;
        const W<PP> t[] = {{PP::PR1, 450}, {PP::PR2, 200}, {PP::PR5, 300}, {PP::PR4, 50}};
        e.provider = prov(pick(r, t));
        break;
      }
      case Regime::Remand:
        if (a >= 15 && r.chance(3500)) {
          e.place = PT::R5;
          e.provider = prov(PP::PR3);
        } else if (r.chance(4500)) {
          e.place = PT::K1;
          e.provider = prov(r.chance(8000) ? PP::PR2 : PP::PR1);
        } else if (r.chance(5000)) {
          e.place = PT::U6;
          e.provider = prov(PP::PR1);
        } else {
          e.place = PT::K2;
          e.provider = prov(PP::PR4);
        }
        break;
      case Regime::MotherBaby:
        e.place = PT::R3;
        e.provider = prov(r.chance(6000) ? PP::PR4 : PP::PR1);
        break;
    }
    if (same_carer && !pl_.empty()) {
      e.site = pl_.back().site;
      if (is_adoption_placement(e.place)) {
        e.provider = pl_.back().provider;  // the foster carers' agency handles the adoption
      }
    } else {
      e.site = site_for(e.place, static_cast<PP>(e.provider));
    }
    return e;
  }

  Site site_for(PT place, PP provider) {
    Rng& r = *r_;
    switch (place) {
      case PT::U1:
      case PT::U2:
      case PT::U3:
      case PT::U4:
      case PT::U5:
      case PT::U6: {
        Reach reach;
        std::uint32_t urn;
        if (provider == PP::PR1) {
          reach = pick_reach(r, 850, 140, 10, 0);
          urn = fostering_service(ctx_.council);
        } else if (provider == PP::PR2) {
          reach = Reach::Region;
          urn = fostering_service(
              ctx_.region[r.below(static_cast<std::uint32_t>(ctx_.region.size()))]);
        } else {  // an independent fostering agency
          reach = pick_reach(r, 450, 400, 130, 20);
          urn = static_cast<std::uint32_t>(mix(kHomesSalt, 0x1FA000 + r.below(80)) >> 40);
        }
        if (place == PT::U1 || place == PT::U2 || place == PT::U3) {
          reach = pick_reach(r, 800, 150, 50, 0);  // relatives and friends live near home
        }
        return carer_site(reach, UrnKind::Social, urn);
      }
      case PT::A3:
      case PT::A4:
      case PT::A5:
      case PT::A6: {
        const std::uint32_t urn =
            provider == PP::PR5 || provider == PP::PR4
                ? static_cast<std::uint32_t>(mix(kHomesSalt, 0xAAA000 + r.below(40)) >> 40)
                : adoption_agency(provider == PP::PR2 ? reach_council(ctx_, r, Reach::Region)
                                                      : ctx_.council);
        return carer_site(pick_reach(r, 400, 400, 200, 0), UrnKind::Social, urn);
      }
      case PT::K2:
        return pooled_site('H', pick_reach(r, 300, 350, 320, 30), 60, UrnKind::Social);
      case PT::K1: {
        // About fourteen secure children's homes in England.
        const int n = static_cast<int>(r.below(14));
        return provider_site(
            'K',
            static_cast<int>(mix(kHomesSalt, 0x5EC + static_cast<std::uint64_t>(n)) %
                             kCouncilCount),
            n, UrnKind::Social);
      }
      case PT::H5:
      case PT::K3:
        return pooled_site('S', pick_reach(r, 650, 300, 50, 0), 80, UrnKind::Registered);
      case PT::S1:
        return pooled_site('E', pick_reach(r, 200, 500, 300, 0), 300, UrnKind::School);
      case PT::R3:
        return pooled_site('M', pick_reach(r, 300, 600, 100, 0), 900, UrnKind::Social);
      case PT::R1:
        return pooled_site('R', pick_reach(r, 300, 500, 200, 0), 400, UrnKind::None);
      case PT::R5: {
        const int n = static_cast<int>(r.below(5));  // young offender institutions
        return provider_site(
            'Y',
            static_cast<int>(mix(kHomesSalt, 0x40 + static_cast<std::uint64_t>(n)) % kCouncilCount),
            n, UrnKind::None);
      }
      case PT::P1: {
        Site s;
        s.post = p_.home;
        return s;
      }
      default: {  // P2, P3, R2, T*, Z*: an address, no URN
        Site s;
        s.post = postcode_in(reach_council(ctx_, r, pick_reach(r, 650, 300, 50, 0)), r.next());
        return s;
      }
    }
  }

  void place(Day d, Regime regime, std::int8_t reason, bool same_carer = false,
             PT adoption_type = PT::A6) {
    if (d >= E_) return;
    push(make(d, regime, reason, same_carer, adoption_type));
  }

  // The same carer, a different placement code (e.g. a foster placement confirmed as long-term):
  // RNE T with REASON_PLACE_CHANGE "PLACE" — "change in the status of the placement only".
  void convert(Day d, PT place) {
    if (d >= E_ || pl_.empty()) return;
    PlEvent e = pl_.back();
    e.day = d;
    e.place = place;
    e.reason = rpc(RPC::PLACE);
    e.temporary = false;
    push(e);
  }

  const Band* duration_table(Regime regime, int a, std::size_t& n) const {
    switch (regime) {
      case Regime::Foster:
        if (a < 5) {
          n = std::size(kFosterUnder5);
          return kFosterUnder5;
        }
        if (a < 11) {
          n = std::size(kFoster5to10);
          return kFoster5to10;
        }
        n = std::size(kFosterTeen);
        return kFosterTeen;
      case Regime::Kin:
        n = std::size(kKin);
        return kKin;
      case Regime::Residential:
        n = std::size(kResidential);
        return kResidential;
      case Regime::SemiIndep:
        n = std::size(kSemiIndependent);
        return kSemiIndependent;
      case Regime::MotherBaby:
        n = std::size(kMotherBaby);
        return kMotherBaby;
      default:
        n = std::size(kUntilPlanChanges);
        return kUntilPlanChanges;
    }
  }

  int placement_days(Regime regime, int a) {
    std::size_t n = 0;
    const Band* t = duration_table(regime, a, n);
    int total = 0;
    for (std::size_t i = 0; i < n; ++i) total += t[i].weight;
    int x = static_cast<int>(r_->below(static_cast<std::uint32_t>(total)));
    for (std::size_t i = 0; i < n; ++i) {
      if (x < t[i].weight) return r_->range(t[i].lo, t[i].hi);
      x -= t[i].weight;
    }
    return t[n - 1].hi;
  }

  Regime drift(Regime from, int a) {
    Rng& r = *r_;
    switch (from) {
      case Regime::Foster:
        if (a >= 16 && r.chance(2800)) return Regime::SemiIndep;
        if (a >= 11 && r.chance(4000)) return Regime::Residential;
        return Regime::Foster;
      case Regime::Kin:
        return r.chance(6500) ? Regime::Foster : Regime::Kin;
      case Regime::Residential:
        if (a >= 16 && r.chance(3500)) return Regime::SemiIndep;
        if (a < 15 && r.chance(1200)) return Regime::Foster;
        return Regime::Residential;
      case Regime::SemiIndep:
        if (r.chance(800)) return Regime::Residential;
        if (a < 17 && r.chance(700)) return Regime::Foster;
        return Regime::SemiIndep;
      case Regime::Parents:
        return Regime::Foster;
      case Regime::MotherBaby:
        return Regime::Foster;
      case Regime::Ffa:
        return Regime::Foster;
      default:
        return from;
    }
  }

  std::int8_t move_reason(int a) {
    if (a >= 10 && r_->chance(80)) return rpc(RPC::CUSTOD);
    RPC reason = pick(*r_, kMoveReasons);
    if (reason == RPC::CHILD && a < 8) reason = RPC::CARPL;
    return rpc(reason);
  }

  // Placements from `from` until `to` in `regime`: a new placement at `from` (unless `keep`),
  // moves when a placement ends, drifting between regimes when `drift_ok`; foster placements
  // that last become long-term (U6 -> U4, U3 -> U1) when `long_term_ok`.
  void run(Day from, Day to, Regime regime, bool drift_ok, bool keep = false,
           bool long_term_ok = false, std::int8_t reason = rpc(RPC::CARPL)) {
    to = std::min(to, E_);
    if (from >= to) return;
    if (!keep || pl_.empty()) place(from, regime, reason);
    Day t = from;
    for (int guard = 0; guard < 200; ++guard) {
      const PlEvent cur = pl_.back();
      const int a = age_on(t);
      Day end = t + std::max(1, placement_days(cur.regime, a));
      if (cur.place == PT::Z1) end = std::min({end, t + r_->range(7, 60), kZ1LastEnd});
      if (cur.place == PT::P2 && kP2End > t && kP2End < std::min(end, to)) {
        // October 2023: independent living placements for under-18s end; the young person
        // stays where they are, now in semi-independent accommodation.
        push([&] {
          PlEvent e = cur;
          e.day = kP2End;
          e.place = PT::H5;
          e.reason = rpc(RPC::PLACE);
          e.site.urn = UrnKind::Registered;
          e.site.urn_number = static_cast<std::uint32_t>(r_->next() >> 40);
          return e;
        }());
      } else if (long_term_ok && a < 15 && end - t >= 540 &&
                 (cur.place == PT::U6 || cur.place == PT::U3) && r_->chance(7500)) {
        const Day when = t + r_->range(240, 480);
        if (when < std::min(end, to)) convert(when, cur.place == PT::U6 ? PT::U4 : PT::U1);
      }
      if (end >= to) return;
      Regime next = drift_ok ? drift(cur.regime, age_on(end)) : cur.regime;
      if (next == Regime::MotherBaby) next = Regime::Foster;
      if (cur.regime == Regime::MotherBaby) next = Regime::Foster;
      place(end, next, move_reason(age_on(end)));
      t = end;
    }
  }

  Regime first_regime(int a, bool kin_likely) {
    Rng& r = *r_;
    if (a < 11) return r.chance(kin_likely ? 3500 : 1600) ? Regime::Kin : Regime::Foster;
    if (a < 16) {
      if (r.chance(3800)) return Regime::Residential;
      return r.chance(900) ? Regime::Kin : Regime::Foster;
    }
    const W<Regime> t[] = {{Regime::Foster, 420},
                           {Regime::Residential, 200},
                           {Regime::SemiIndep, 320},
                           {Regime::Kin, 60}};
    return pick(r, t);
  }

  // An emergency legal status before the main one (police protection lasts at most 72 hours,
  // an emergency protection order at most 21 days: validator rules 361, 362). Returns the day
  // the main legal status starts.
  Day emergency_prefix(Day period_days) {
    Rng& r = *r_;
    if (period_days > 20 && r.chance(700)) {
      set_ls(S_, LS::L1);
      return S_ + r.range(1, 3);
    }
    if (period_days > 30 && r.chance(450)) {
      set_ls(S_, LS::L2);
      return S_ + r.range(3, 14);
    }
    return S_;
  }

  bool newborn() const { return S_ - c_->dob < 28; }

  // Placements from S_ to `to` for a child who may start in a mother-and-baby unit.
  void start_placements(Day to, Regime regime, bool drift_ok, bool long_term_ok = false) {
    if (newborn() && regime == Regime::Foster && r_->chance(1000)) {
      place(S_, Regime::MotherBaby, -1);
      run(S_, to, Regime::MotherBaby, drift_ok, /*keep=*/true, long_term_ok);
      return;
    }
    run(S_, to, regime, drift_ok, false, long_term_ok, -1);
  }

  REC exit18() {
    const PT last = pl_.empty() ? PT::U6 : pl_.back().place;
    if (c_->uasc) {
      REC rec = pick(*r_, kExit18Uasc);
      if (is_foster(last) && r_->chance(3500)) rec = REC::E17;
      return rec;
    }
    if (is_foster(last)) return pick(*r_, kExit18Foster);
    if (is_semi_independent(last)) return pick(*r_, kExit18Semi);
    if (last == PT::P1) return pick(*r_, kExit18Parents);
    return pick(*r_, kExit18Residential);
  }

  // ---- routes ----

  void home_short() {
    Rng& r = *r_;
    const int days = draw(r, age_ < 10 ? std::span<const Band>(kHomeShortYoung)
                                       : std::span<const Band>(kHomeShortTeen));
    E_ = std::min(S_ + days, b18_);
    const Day main = emergency_prefix(E_ - S_);
    set_ls(main, r.chance(age_ < 10 ? 1000 : 500) ? LS::C1 : LS::V2);
    start_placements(E_, first_regime(age_, false), /*drift_ok=*/age_ >= 11);
    rec_ = E_ == b18_ ? exit18() : pick(r, age_ < 13 ? kHomeExitYoung : kHomeExitTeen);
  }

  void home_proceedings() {
    Rng& r = *r_;
    const Day c2 = S_ + r.range(90, 270);
    const bool ends_with_proceedings = r.chance(3500);
    E_ = ends_with_proceedings ? c2 : c2 + r.range(180, 900);
    E_ = std::min(E_, b18_);
    const Day main = emergency_prefix(E_ - S_);
    set_ls(main, LS::C1);
    Day home = E_;
    if (!ends_with_proceedings) {
      set_ls(c2, LS::C2);
      if (r.chance(8000)) home = std::max(c2 + 30, E_ - r.range(150, 600));
    }
    start_placements(home, first_regime(age_, true), age_ >= 11);
    if (home < E_) place(home, Regime::Parents, rpc(RPC::CARPL));
    if (E_ == b18_) {
      rec_ = exit18();
      return;
    }
    const W<REC> t[] = {{REC::E4A, 680}, {REC::E41, 190}, {REC::E13, 130}};
    rec_ = pick(r, t);
  }

  void adopt() {
    Rng& r = *r_;
    const bool relinquished = S_ - c_->dob < 90 && r.chance(1200);
    if (relinquished) {
      // Placed for adoption with parental consent (A3/A4), the child accommodated under
      // section 20 throughout.
      set_ls(S_, LS::V2);
      const bool ffa = r.chance(4000);
      p_.date_placed = S_ + r.range(20, 90);
      const Day placed = p_.date_placed + r.range(30, 200);
      E_ = std::min(placed + r.range(120, 400), b18_);
      p_.date_match = std::max(p_.date_placed + 1, placed - r.range(7, 60));
      start_placements(placed, ffa ? Regime::Ffa : Regime::Foster, false);
      place(placed, Regime::Adoption, rpc(RPC::CARPL), ffa, ffa ? PT::A3 : PT::A4);
      rec_ = REC::E11;
      p_.adopters = pick_adopters(r);
      return;
    }
    Day main = S_;
    if (newborn() && r.chance(2500)) {
      set_ls(S_, LS::V2);
      main = S_ + r.range(7, 60);
    } else {
      main = emergency_prefix(400);
    }
    set_ls(main, LS::C1);
    const Day placement_order = S_ + r.range(180, 380);
    p_.date_placed = std::max(S_ + 14, placement_order - r.range(20, 150));
    const bool ffa = r.chance(1400);
    if (r.chance(8000)) {
      set_ls(placement_order, LS::E1);
      p_.date_match = placement_order + r.range(30, 270);
      const Day placed = p_.date_match + r.range(7, 60);
      E_ = std::min(placed + r.range(120, 360), b18_);
      const bool same = ffa || r.chance(700);
      start_placements(placed, ffa ? Regime::Ffa : Regime::Foster, false);
      place(placed, Regime::Adoption, rpc(RPC::CARPL), same, same ? PT::A5 : PT::A6);
      rec_ = r.chance(7500) ? REC::E11 : REC::E12;
      p_.adopters = pick_adopters(r);
      return;
    }
    // The plan changes: the court makes no placement order (RD2), or the decision is reversed
    // later — the child's needs changed (RD1), no adopters were found (RD3), another reason
    // (RD4) — and the placement order revoked; or the child waits, the decision still in
    // force, usually in long-term foster care (reversed only when care ends: rule 557).
    Day reversed = kNever;
    const int x = static_cast<int>(r.below(100));
    if (x < 20) {
      set_ls(placement_order, LS::C2);
      reversed = placement_order;
      p_.placed_reason = static_cast<std::int8_t>(model::ReasonPlacedCeased::RD2);
    } else {
      set_ls(placement_order, LS::E1);
      if (x < 45) {
        reversed = placement_order + r.range(90, 540);
        const W<model::ReasonPlacedCeased> t[] = {{model::ReasonPlacedCeased::RD1, 300},
                                                  {model::ReasonPlacedCeased::RD3, 500},
                                                  {model::ReasonPlacedCeased::RD4, 200}};
        p_.placed_reason = static_cast<std::int8_t>(pick(r, t));
        set_ls(reversed, LS::C2);  // the placement order revoked with the change of plan
      }
    }
    const Day from = reversed != kNever ? reversed : placement_order + r.range(90, 540);
    if (reversed != kNever && r.chance(3000)) {
      p_.placed_ceased = reversed;
      E_ = std::min(from + r.range(180, 900), b18_);
      start_placements(E_, ffa ? Regime::Ffa : Regime::Foster, true, true);
      const W<REC> t[] = {{REC::E46, 450}, {REC::E47, 400}, {REC::E48, 150}};
      rec_ = E_ == b18_ ? exit18() : pick(r, t);
      return;
    }
    E_ = b18_;
    start_placements(from, ffa ? Regime::Ffa : Regime::Foster, false);
    long_term_from(from, /*keep=*/!ffa);
    if (reversed != kNever) {
      p_.placed_ceased = reversed;
    } else {
      p_.placed_ceased = E_;  // still waiting when care ended
      const W<model::ReasonPlacedCeased> t[] = {{model::ReasonPlacedCeased::RD1, 400},
                                                {model::ReasonPlacedCeased::RD3, 300},
                                                {model::ReasonPlacedCeased::RD4, 300}};
      p_.placed_reason = static_cast<std::int8_t>(pick(r, t));
    }
  }

  void order(bool sgo) {
    Rng& r = *r_;
    // Made at the end of care proceedings (interim care order throughout), or later, the
    // child on a full care order meanwhile.
    const bool later = r.chance(6000);
    const Day c2 = S_ + r.range(90, 300);
    E_ = std::min(later ? c2 + r.range(120, 900) : S_ + r.range(150, 360), b18_);
    const Day main = emergency_prefix(E_ - S_);
    set_ls(main, LS::C1);
    if (later) set_ls(c2, LS::C2);
    const bool kin = r.chance(sgo ? 6000 : 5000);
    start_placements(E_, kin ? Regime::Kin : Regime::Foster, false, true);
    if (E_ == b18_) {
      rec_ = exit18();
      return;
    }
    if (!sgo) {
      rec_ = REC::E41;
      return;
    }
    // E45/E46: to the child's foster carers (validator rule 516: placement U1–U6);
    // E47/E48: to other relatives or friends / other people.
    const bool with_foster_carers = r.chance(7000);
    if (with_foster_carers) {
      rec_ = kin ? REC::E45 : REC::E46;
    } else {
      rec_ = r.chance(8000) ? REC::E47 : REC::E48;
    }
  }

  // Long-term care from `from` (a child already in placement when `keep`).
  void long_term_from(Day from, bool keep) {
    Rng& r = *r_;
    const int a = age_on(from);
    const bool stays = r.chance(a < 11 ? 7800 : 7000);
    E_ = stays ? b18_ : std::min(b18_, from + r.range(365, std::max(366, b18_ - from - 30)));
    Day home = E_;
    // Placed with parents only under an order (rule 378: not under section 20).
    const bool under_order = !ls_.empty() && ls_.back().ls != LS::V2;
    if (under_order && a >= 3 && r.chance(stays ? 1500 : 4500)) {
      home = std::max(from + 60, E_ - r.range(180, 1100));
    }
    Day semi = E_;
    if (E_ == b18_ && b16_ > from) {
      const Day when = b16_ + r.range(0, 400);
      if (when < E_ - 30 && r.chance(2600)) semi = when;
    }
    const Day first_stop = std::min(home, semi);
    if (keep && !pl_.empty()) {
      run(from, first_stop, pl_.back().regime, a >= 10, true, true);
    } else {
      run(from, first_stop, first_regime(a, false), a >= 10, false, true);
    }
    if (home < E_) place(home, Regime::Parents, rpc(RPC::CARPL));
    if (semi < E_) {
      const bool already = !pl_.empty() && pl_.back().regime == Regime::SemiIndep;
      run(semi, E_, Regime::SemiIndep, false, already);
    }
    if (E_ == b18_) {
      rec_ = exit18();
    } else if (home < E_) {
      rec_ = REC::E4A;
    } else {
      REC rec = pick(r, kEarlyExitLong);
      if (rec == REC::E9 && age_on(E_) < 14) rec = REC::E8;
      rec_ = rec;
    }
  }

  void long_term(Day from) {
    Rng& r = *r_;
    const Day main = emergency_prefix(400);
    const bool care_order = r.chance(age_ < 11 ? 8500 : 8000);
    if (care_order) {
      set_ls(main, LS::C1);
      set_ls(S_ + r.range(80, 250), LS::C2);
    } else {
      set_ls(main, LS::V2);
      if (r.chance(2500)) {
        const Day c1 = S_ + r.range(120, 700);
        set_ls(c1, LS::C1);
        set_ls(c1 + r.range(80, 250), LS::C2);
      }
    }
    long_term_from(from, false);
  }

  void remand() {
    Rng& r = *r_;
    p_.cin = pick(r, kCinRemand);
    set_ls(S_, LS::J1);
    E_ = std::min(S_ + r.range(7, 120), b18_);
    run(S_, E_, Regime::Remand, false, false, false, -1);
    rec_ = E_ == b18_ ? exit18() : (r.chance(6500) ? REC::E14 : REC::E9);
  }

  void uasc() {
    Rng& r = *r_;
    p_.cin = r.chance(9500) ? CIN::N8 : CIN::N4;
    set_ls(S_, LS::V2);
    E_ = b18_;
    // Some stay only days: transferred under the National Transfer Scheme (E3); some are
    // assessed to be adults (E15); some go missing and their care ends (E8).
    const int outcome = static_cast<int>(r.below(1000));
    if (outcome < 70) {
      E_ = std::min(E_, S_ + r.range(3, 45));
      rec_ = REC::E3;
    } else if (outcome < 110) {
      E_ = std::min(E_, S_ + r.range(20, 200));
      rec_ = REC::E15;
    } else if (outcome < 150) {
      E_ = std::min(E_, S_ + r.range(10, 300));
      rec_ = REC::E8;
    } else {
      rec_ = REC::X1;  // decided below, at 18
    }
    Regime first;
    if (age_ < 16) {
      first = r.chance(8500) ? Regime::Foster : Regime::Residential;
    } else {
      const W<Regime> t[] = {
          {Regime::SemiIndep, 600}, {Regime::Foster, 350}, {Regime::Residential, 50}};
      first = pick(r, t);
    }
    Day semi = E_;
    if (first != Regime::SemiIndep && b16_ < E_ - 60 && r.chance(4000)) {
      semi = std::max(S_ + 30, b16_ + r.range(0, 200));
    }
    run(S_, semi, first, false, false, false, -1);
    if (semi < E_) run(semi, E_, Regime::SemiIndep, false);
    if (rec_ == REC::X1) rec_ = exit18();
  }

  // Rarely a period ends early for reasons unrelated to the plan: care taken over by another
  // council (E3), the child moves abroad (E16) or dies (E2).
  void rare_endings(Route route) {
    Rng& r = *r_;
    if (route == Route::Uasc || E_ - S_ < 30) return;
    const int x = static_cast<int>(r.below(10000));
    REC rec;
    if (x < 120)
      rec = REC::E3;
    else if (x < 145)
      rec = REC::E16;
    else if (x < 165)
      rec = REC::E2;
    else
      return;
    const Day end = S_ + r.range(14, E_ - S_ - 1);
    truncate(end);
    rec_ = rec;
  }

  void truncate(Day end) {
    E_ = end;
    while (!ls_.empty() && ls_.back().day >= E_) ls_.pop_back();
    while (!pl_.empty() && pl_.back().day >= E_) pl_.pop_back();
    if (p_.date_placed != kNever) {
      if (p_.date_placed >= E_) {
        p_.date_placed = kNever;
        p_.placed_ceased = kNever;
        p_.placed_reason = -1;
      } else if (p_.placed_ceased == kNever || p_.placed_ceased >= E_) {
        // Care ended without an adoption, so the decision to place was reversed (rule 557).
        p_.placed_ceased = E_;
        p_.placed_reason = static_cast<std::int8_t>(model::ReasonPlacedCeased::RD4);
      }
    }
    p_.date_match = kNever;
    p_.adopters = 0;
  }

  // Temporary placements (T1 hospital, T3 while the foster carers are on holiday) inside a
  // longer placement: the child returns to the same placement (RNE P; 2025/26 rule 383).
  // No REASON_PLACE_CHANGE around them (rule 226).
  void temporary_placements() {
    Rng& r = *r_;
    if (pl_.empty()) return;
    scratch_.clear();
    for (std::size_t i = 0; i < pl_.size(); ++i) {
      scratch_.push_back(pl_[i]);
      const Day from = pl_[i].day;
      const Day to = i + 1 < pl_.size() ? pl_[i + 1].day : E_;
      if (pl_[i].temporary || to - from < 120 || is_adoption_placement(pl_[i].place) ||
          pl_[i].place == PT::P1) {
        continue;  // A3/A5 need RNE S, T or U (rule 217); a return from T is P (rule 383)
      }
      PT temp;
      int len;
      if (is_foster(pl_[i].place) && r.chance(500)) {
        temp = PT::T3;
        len = r.range(2, 14);
      } else if (r.chance(80)) {
        temp = PT::T1;
        len = r.range(2, 30);
      } else {
        continue;
      }
      const Day t = from + r.range(30, static_cast<int>(to - from) - 30 - len);
      bool ls_change_near = false;
      for (const auto& l : ls_) {
        if (l.day >= t - 1 && l.day <= t + len + 1) ls_change_near = true;
      }
      if (ls_change_near || t <= from || t + len >= to) continue;
      PlEvent tmp;
      tmp.day = t;
      tmp.place = temp;
      tmp.temporary = true;
      tmp.regime = pl_[i].regime;
      tmp.carer = ++carers_;
      tmp.site.post = postcode_in(ctx_.council, r.next());
      scratch_.push_back(tmp);
      PlEvent back = pl_[i];
      back.day = t + len;
      back.reason = -1;
      scratch_.push_back(back);
    }
    pl_.swap(scratch_);
  }

  // Turns the legal-status and placement timelines into episodes.
  std::uint32_t emit() {
    auto& eps = world_.episodes;
    const auto first = static_cast<std::uint32_t>(eps.size());
    if (ls_.empty() || ls_.front().day != S_) ls_.insert(ls_.begin(), {S_, LS::V2});
    if (pl_.empty() || pl_.front().day != S_) {
      std::vector<PlEvent> tmp;
      tmp.push_back(make(S_, Regime::Foster, -1));
      tmp.insert(tmp.end(), pl_.begin(), pl_.end());
      pl_.swap(tmp);
    }
    std::size_t i = 0, j = 0;
    Day start = S_;
    RNE rne = RNE::S;
    auto out = [&](Day end, REC rec, std::int8_t reason) {
      SimEpisode e;
      e.start = start;
      e.end = end;
      e.ls = ls_[i].ls;
      e.place = pl_[j].place;
      e.provider = pl_[j].provider;
      e.site = pl_[j].site;
      e.rne = rne;
      e.rec = rec;
      e.reason = reason;
      eps.push_back(e);
    };
    while (true) {
      const Day next_ls = i + 1 < ls_.size() ? ls_[i + 1].day : kForever;
      const Day next_pl = j + 1 < pl_.size() ? pl_[j + 1].day : kForever;
      const Day next = std::min(next_ls, next_pl);
      if (next >= E_) {
        out(E_, rec_, -1);
        break;
      }
      const std::size_t ni = next_ls == next ? i + 1 : i;
      const std::size_t nj = next_pl == next ? j + 1 : j;
      const bool ls_changed = ls_[ni].ls != ls_[i].ls;
      const bool pl_changed = nj != j;
      if (!ls_changed && !pl_changed) {
        i = ni;
        j = nj;
        continue;
      }
      RNE nr;
      const bool same_carer = pl_changed && pl_[nj].carer == pl_[j].carer;
      if (ls_changed && pl_changed)
        nr = same_carer ? RNE::B : RNE::U;
      else if (ls_changed)
        nr = RNE::L;
      else
        nr = same_carer ? RNE::T : RNE::P;
      std::int8_t reason = -1;
      if (pl_changed && !pl_[j].temporary && !pl_[nj].temporary) {
        reason = pl_[nj].reason >= 0 ? pl_[nj].reason : rpc(RPC::OTHER);
      }
      // The placement before a temporary one carries no reason either (rule 226).
      if (pl_changed && pl_[nj].temporary) reason = -1;
      out(next, REC::X1, reason);
      start = next;
      rne = nr;
      i = ni;
      j = nj;
    }
    p_.first_episode = first;
    p_.episodes = static_cast<std::uint32_t>(eps.size()) - first;
    world_.periods.push_back(p_);
    return static_cast<std::uint32_t>(world_.periods.size() - 1);
  }

  const Ctx& ctx_;
  World& world_;
  std::uint32_t& carers_;
  SimChild* c_ = nullptr;
  Rng* r_ = nullptr;
  SimPeriod p_;
  Day S_ = 0, E_ = 0, b14_ = 0, b16_ = 0, b18_ = 0;
  int age_ = 0;
  REC rec_ = REC::E8;
  std::vector<LsEvent> ls_;
  std::vector<PlEvent> pl_;
  std::vector<PlEvent> scratch_;
};

// ---- whole children ----

// Age on entering care (children who are not UASC): DfE starts by age, 2023–24, with the
// UASC taken out.
constexpr Band kEntryAgeDays[] = {
    {90, 0, 27},              // newborn
    {110, 28, 364},           // rest of the first year
    {160, 365, 5 * 365 - 1},  // 1–4
    {160, 5 * 365, 10 * 365 - 1},
    {140, 10 * 365, 13 * 365 - 1},
    {220, 13 * 365, 16 * 365 - 1},
    {90, 16 * 365, 18 * 365 - 40},
};
constexpr Band kUascAgeDays[] = {
    {100, 14 * 365, 15 * 365 - 1},
    {260, 15 * 365, 16 * 365 - 1},
    {420, 16 * 365, 17 * 365 - 1},
    {220, 17 * 365, 18 * 365 - 40},
};

// The route a period takes, by age at entry.
struct RouteWeights {
  int max_age;  // inclusive
  W<Route> weights[7];
};
constexpr RouteWeights kRoutes[] = {
    {0,
     {{Route::HomeShort, 110},
      {Route::HomeProc, 170},
      {Route::Adopt, 420},
      {Route::Sgo, 200},
      {Route::Cao, 30},
      {Route::Long, 70},
      {Route::Remand, 0}}},
    {4,
     {{Route::HomeShort, 230},
      {Route::HomeProc, 220},
      {Route::Adopt, 180},
      {Route::Sgo, 200},
      {Route::Cao, 40},
      {Route::Long, 130},
      {Route::Remand, 0}}},
    {9,
     {{Route::HomeShort, 280},
      {Route::HomeProc, 190},
      {Route::Adopt, 20},
      {Route::Sgo, 130},
      {Route::Cao, 40},
      {Route::Long, 340},
      {Route::Remand, 0}}},
    {12,
     {{Route::HomeShort, 370},
      {Route::HomeProc, 130},
      {Route::Adopt, 0},
      {Route::Sgo, 50},
      {Route::Cao, 20},
      {Route::Long, 400},
      {Route::Remand, 30}}},
    {15,
     {{Route::HomeShort, 410},
      {Route::HomeProc, 50},
      {Route::Adopt, 0},
      {Route::Sgo, 15},
      {Route::Cao, 10},
      {Route::Long, 450},
      {Route::Remand, 65}}},
    {17,
     {{Route::HomeShort, 650},
      {Route::HomeProc, 0},
      {Route::Adopt, 0},
      {Route::Sgo, 0},
      {Route::Cao, 0},
      {Route::Long, 220},
      {Route::Remand, 70}}},
};

Route pick_route(Rng& r, int age) {
  for (const auto& rw : kRoutes) {
    if (age <= rw.max_age) return pick(r, rw.weights);
  }
  return Route::HomeShort;
}

// Ethnicity of children looked after (DfE, 31 March 2024), without and with London's mix;
// UASC separately.
constexpr W<ETH> kEthnicEngland[] = {
    {ETH::WBRI, 6900}, {ETH::WIRI, 50},  {ETH::WOTH, 450}, {ETH::WIRT, 40},  {ETH::WROM, 120},
    {ETH::MWBC, 380},  {ETH::MWBA, 160}, {ETH::MWAS, 170}, {ETH::MOTH, 380}, {ETH::AIND, 60},
    {ETH::APKN, 140},  {ETH::ABAN, 50},  {ETH::AOTH, 120}, {ETH::BCRB, 170}, {ETH::BAFR, 280},
    {ETH::BOTH, 150},  {ETH::CHNE, 10},  {ETH::OOTH, 250}, {ETH::REFU, 30},  {ETH::NOBT, 90},
};
constexpr W<ETH> kEthnicLondon[] = {
    {ETH::WBRI, 2800}, {ETH::WIRI, 80},  {ETH::WOTH, 900}, {ETH::WIRT, 40},  {ETH::WROM, 150},
    {ETH::MWBC, 800},  {ETH::MWBA, 350}, {ETH::MWAS, 250}, {ETH::MOTH, 700}, {ETH::AIND, 100},
    {ETH::APKN, 150},  {ETH::ABAN, 250}, {ETH::AOTH, 300}, {ETH::BCRB, 800}, {ETH::BAFR, 1000},
    {ETH::BOTH, 600},  {ETH::CHNE, 20},  {ETH::OOTH, 500}, {ETH::REFU, 60},  {ETH::NOBT, 150},
};
constexpr W<ETH> kEthnicUasc[] = {
    {ETH::BAFR, 3300}, {ETH::OOTH, 3400}, {ETH::AOTH, 1700},
    {ETH::WOTH, 1200}, {ETH::BOTH, 300},  {ETH::NOBT, 100},
};

// Re-entry after a period ends: who comes back, and after how long.
int reentry_chance(REC rec) {
  switch (rec) {
    case REC::E4B:
      return 2600;
    case REC::E4A:
      return 1500;
    case REC::E13:
      return 1500;
    case REC::E8:
      return 1000;
    case REC::E41:
      return 500;
    case REC::E45:
    case REC::E46:
    case REC::E47:
    case REC::E48:
      return 300;
    case REC::E14:
      return 2000;
    case REC::E9:
      return 1500;
    default:
      return 0;
  }
}

class Simulator {
 public:
  Simulator(Ctx& ctx, World& world) : ctx_(ctx), world_(world), planner_(ctx, world, carers_) {}

  // Child number `index`, arriving uniformly in [from, from + days). Returns false when the
  // child can play no part in the emitted years (left care, and 21, before the first).
  bool child(std::uint64_t index, Day from, int days) {
    SimChild c;
    c.seed = mix(ctx_.seed, index);
    Rng r(c.seed);
    const Day arrival = from + r.range(0, days - 1);
    c.uasc = r.chance(1600);
    const int age_days = draw(
        r, c.uasc ? std::span<const Band>(kUascAgeDays) : std::span<const Band>(kEntryAgeDays));
    c.dob = arrival - age_days;
    if (birthday_of(c.dob, 22) <= ctx_.window_start) return false;
    c.first_entry = arrival;
    c.male = c.uasc ? r.chance(9400) : r.chance(5250);
    const bool london = std::string_view(kCouncils[ctx_.council].region) == "London";
    c.ethnic = c.uasc ? pick(r, kEthnicUasc) : pick(r, london ? kEthnicLondon : kEthnicEngland);
    c.upn_kind =
        c.uasc ? (r.chance(7000) ? 2 : 0) : (r.chance(9800) ? 0 : (r.chance(5000) ? 3 : 5));
    c.first_period = static_cast<std::uint32_t>(world_.periods.size());

    Day start = arrival;
    const Day b18 = birthday_of(c.dob, 18);
    for (int n = 0; n < 4 && start < b18 - 14; ++n) {
      const int age = age_at(c.dob, start);
      Route route = c.uasc && n == 0 ? Route::Uasc : pick_route(r, age);
      if (route == Route::Adopt && age >= 7) route = Route::Long;
      SimPeriod seed;
      seed.home = postcode_in(r.chance(9200) ? ctx_.council : reach_council(ctx_, r, Reach::Region),
                              r.next());
      seed.cin = age >= 13 ? pick(r, kCinTeen) : pick(r, kCinGeneral);
      previous_permanence(c, r, seed, n, start);
      const std::uint32_t p = planner_.plan(c, r, start, route, seed);
      ++c.periods;
      const SimPeriod& period = world_.periods[p];
      const int back = reentry_chance(period.rec);
      if (back == 0 || age_at(c.dob, period.end) >= 16 || !r.chance(back)) break;
      start = period.end + draw(r, kReentryGap);
      last_rec_ = period.rec;
      last_end_ = period.end;
    }
    last_rec_ = REC::X1;
    mother(c, r);
    world_.children.push_back(c);
    return true;
  }

  // A disabled child who has a series of short breaks (legal status V3): each break is a
  // period of care of one to three nights, at most 17 each and 75 a year (rules 365, 367).
  bool short_breaks(std::uint64_t index, Day from, int days) {
    SimChild c;
    c.seed = mix(ctx_.seed ^ 0x5B5B5B5BULL, index);
    Rng r(c.seed);
    const Day series_start = from + r.range(0, days - 1);
    c.dob = series_start - r.range(5 * 365, 15 * 365);
    const Day b18 = birthday_of(c.dob, 18);
    const Day series_end = std::min(b18 - 1, series_start + r.range(365, 2200));
    if (series_end < ctx_.window_start) return false;
    c.short_breaks = true;
    c.first_entry = series_start;
    c.male = r.chance(6400);
    const bool london = std::string_view(kCouncils[ctx_.council].region) == "London";
    c.ethnic = pick(r, london ? kEthnicLondon : kEthnicEngland);
    c.first_period = static_cast<std::uint32_t>(world_.periods.size());
    const bool home = r.chance(7000);
    PlEvent where;
    where.place = home ? PT::K2 : PT::U6;
    where.provider = prov(r.chance(6000) ? PP::PR1 : PP::PR4);
    where.site =
        home ? provider_site('B', ctx_.council, static_cast<int>(r.below(3)), UrnKind::Social)
             : Site{postcode_in(ctx_.council, r.next()), UrnKind::Social,
                    static_cast<std::uint32_t>(
                        mix(kHomesSalt, 0xF05 + static_cast<std::uint64_t>(ctx_.council)) >> 40)};
    Day t = series_start;
    while (t < series_end) {
      const int nights = r.range(1, 3);
      SimEpisode e;
      e.start = t;
      e.end = t + nights;
      e.site = where.site;
      e.ls = LS::V3;
      e.place = where.place;
      e.provider = where.provider;
      e.rne = RNE::S;
      e.rec = REC::E4A;
      SimPeriod p;
      p.start = e.start;
      p.end = e.end;
      p.rec = REC::E4A;
      p.cin = CIN::N2;
      p.short_break = true;
      p.first_episode = static_cast<std::uint32_t>(world_.episodes.size());
      p.episodes = 1;
      world_.episodes.push_back(e);
      world_.periods.push_back(p);
      ++c.periods;
      t = e.end + r.range(18, 45);
    }
    if (c.periods == 0) return false;
    world_.children.push_back(c);
    return true;
  }

 private:
  static constexpr Band kReentryGap[] = {{30, 30, 180}, {40, 181, 730}, {30, 731, 1800}};

  // PREV_PERM for a period: the child's previous permanence order, if any.
  void previous_permanence(const SimChild& c, Rng& r, SimPeriod& p, int n, Day start) {
    using PPm = model::PreviousPermanence;
    p.prev_perm = static_cast<std::int8_t>(PPm::Z1);
    Day date = kNever;
    if (n > 0 && (last_rec_ == REC::E45 || last_rec_ == REC::E46 || last_rec_ == REC::E47 ||
                  last_rec_ == REC::E48)) {
      p.prev_perm = static_cast<std::int8_t>(PPm::P2);
      date = last_end_;
    } else if (n > 0 && last_rec_ == REC::E41) {
      p.prev_perm = static_cast<std::int8_t>(PPm::P3);
      date = last_end_;
    } else if (n == 0 && start - c.dob > 2 * 365) {
      const int x = static_cast<int>(r.below(1000));
      PPm kind = PPm::Z1;
      if (x < 20)
        kind = PPm::P1;
      else if (x < 45)
        kind = PPm::P2;
      else if (x < 60)
        kind = PPm::P3;
      else if (x < 65)
        kind = PPm::P4;
      if (kind != PPm::Z1) {
        p.prev_perm = static_cast<std::int8_t>(kind);
        date = c.dob + r.range(200, static_cast<int>(start - c.dob) - 60);
      }
    }
    if (date != kNever) {
      // DATE_PERM may hide an unknown day or month ("ZZ"); the latest date it could mean must
      // still be before care began (rule 632). LA_PERM: the council that made the order
      // (rule 630 wants both for P1–P4).
      p.date_perm = date;
      const int f = static_cast<int>(r.below(100));
      p.date_perm_form = f < 65 ? 0 : (f < 88 ? 1 : 2);
      const std::chrono::year_month_day d{date_of(date)};
      const Day month_end = day_of(
          Date{std::chrono::year_month_day_last{d.year(), std::chrono::month_day_last{d.month()}}});
      const Day year_end = ymd(static_cast<int>(d.year()), 12, 31);
      if (p.date_perm_form == 2 && year_end >= start) p.date_perm_form = 1;
      if (p.date_perm_form == 1 && month_end >= start) p.date_perm_form = 0;
      p.la_perm = static_cast<std::int16_t>(
          r.chance(5500) ? ctx_.council : static_cast<int>(r.below(kCouncilCount)));
    }
  }

  // Some girls in care become mothers at 15–17 (MOTHER, MC_DOB).
  void mother(SimChild& c, Rng& r) {
    if (c.male || !r.chance(700)) return;
    const Day b15 = birthday_of(c.dob, 15);
    const Day b18 = birthday_of(c.dob, 18);
    for (std::uint32_t i = 0; i < c.periods; ++i) {
      const SimPeriod& p = world_.periods[c.first_period + i];
      const Day from = std::max(p.start, b15);
      const Day to = std::min(p.end, b18) - 1;
      if (from < to) {
        c.mother_child_dob = r.range(from, to);
        return;
      }
    }
  }

  Ctx& ctx_;
  World& world_;
  std::uint32_t carers_ = 0;
  Planner planner_;
  REC last_rec_ = REC::X1;
  Day last_end_ = 0;
};

// ==== 5. Reviews, missing episodes, social workers, deprivation of liberty ======================

// Review participation (REVIEW_CODE): PN0 under 4 (validator rules 440, 441).
constexpr W<model::ReviewParticipation> kParticipationYoung[] = {
    {model::ReviewParticipation::PN1, 250}, {model::ReviewParticipation::PN2, 50},
    {model::ReviewParticipation::PN3, 150}, {model::ReviewParticipation::PN4, 100},
    {model::ReviewParticipation::PN5, 80},  {model::ReviewParticipation::PN6, 320},
    {model::ReviewParticipation::PN7, 50}};
constexpr W<model::ReviewParticipation> kParticipationOlder[] = {
    {model::ReviewParticipation::PN1, 520}, {model::ReviewParticipation::PN2, 80},
    {model::ReviewParticipation::PN3, 40},  {model::ReviewParticipation::PN4, 60},
    {model::ReviewParticipation::PN5, 110}, {model::ReviewParticipation::PN6, 140},
    {model::ReviewParticipation::PN7, 50}};
constexpr W<model::ReviewParticipation> kParticipationDisabled[] = {
    {model::ReviewParticipation::PN1, 200},
    {model::ReviewParticipation::PN3, 300},
    {model::ReviewParticipation::PN6, 300},
    {model::ReviewParticipation::PN7, 200}};

// A new allocation when care begins again (the child already has a worker).
constexpr W<model::SwReason> kFirstWorker[] = {
    {model::SwReason::TSPROC, 550}, {model::SwReason::MANAGE, 250}, {model::SwReason::OTHERS, 200}};
constexpr W<model::SwReason> kWorkerChange[] = {
    {model::SwReason::LEFTRL, 300}, {model::SwReason::TSPROC, 180}, {model::SwReason::MANAGE, 150},
    {model::SwReason::ORGRST, 80},  {model::SwReason::ABSENC, 60},  {model::SwReason::CHCHAN, 40},
    {model::SwReason::PCCHAN, 30},  {model::SwReason::OTHERS, 60},  {model::SwReason::SWDIED, 1}};
constexpr Band kWorkerDays[] = {{25, 60, 180}, {35, 181, 300}, {30, 301, 540}, {10, 541, 1000}};

constexpr Band kMissingDays[] = {{30, 0, 0}, {40, 1, 1}, {15, 2, 3}, {12, 4, 14}, {3, 15, 45}};

Day previous_working_day(const model::WorkingDayCalendar& cal, Day d) {
  while (!cal.is_working_day(date_of(d))) --d;
  return d;
}
Day next_working_day(const model::WorkingDayCalendar& cal, Day d) {
  return day_of(cal.next_working_day_on_or_after(date_of(d)));
}

class Details {
 public:
  Details(const Ctx& ctx, World& world) : ctx_(ctx), world_(world) {}

  void fill(SimChild& c) {
    Rng r(mix(c.seed, 0xDE7A115ULL));
    c.first_review = static_cast<std::uint32_t>(world_.reviews.size());
    c.first_missing = static_cast<std::uint32_t>(world_.missing.size());
    c.first_worker = static_cast<std::uint32_t>(world_.workers.size());
    c.first_dolo = static_cast<std::uint32_t>(world_.dolos.size());
    if (!c.short_breaks) {
      // Missing: a few children go missing, some often; far more from residential care.
      const int x = static_cast<int>(r.below(1000));
      const int propensity = x < 760 ? 0 : (x < 900 ? 1 : 2);
      for (std::uint32_t i = 0; i < c.periods; ++i) {
        const SimPeriod& p = world_.periods[c.first_period + i];
        reviews(c, p, r);
        if (propensity > 0) missing(c, p, r, propensity);
        dolo(c, p, r);
      }
      workers(c, r);
    }
    c.reviews = static_cast<std::uint32_t>(world_.reviews.size()) - c.first_review;
    c.missing = static_cast<std::uint32_t>(world_.missing.size()) - c.first_missing;
    c.workers = static_cast<std::uint32_t>(world_.workers.size()) - c.first_worker;
    c.dolos = static_cast<std::uint32_t>(world_.dolos.size()) - c.first_dolo;
  }

 private:
  // Care Planning, Placement and Case Review (England) Regulations 2010, reg 33: first review
  // within 20 working days of the child becoming looked after, the second within 3 months of
  // the first, later ones within 6 months of the previous. Most are on time; some are late by
  // days or weeks.
  void reviews(const SimChild& c, const SimPeriod& p, Rng& r) {
    const auto& cal = model::WorkingDayCalendar::england_and_wales();
    const Day due = day_of(cal.add_working_days(date_of(p.start), 20));
    Day when = r.chance(9000)
                   ? previous_working_day(cal, std::max(p.start + 5, due - r.range(0, 8)))
                   : next_working_day(cal, due + r.range(1, 35));
    for (int k = 0; when < p.end && k < 60; ++k) {
      model::ReviewParticipation code = model::ReviewParticipation::PN0;
      const int age = age_at(c.dob, when);
      if (age >= 4) {
        code = p.cin == CIN::N2
                   ? pick(r, kParticipationDisabled)
                   : (age < 8 ? pick(r, kParticipationYoung) : pick(r, kParticipationOlder));
      }
      world_.reviews.push_back({when, code});
      const Day next_due = add_months(when, k == 0 ? 3 : 6);
      if (r.chance(k == 0 ? 8500 : 8800)) {
        when = previous_working_day(cal, next_due - r.range(0, k == 0 ? 20 : 28));
      } else {
        when = next_working_day(cal, next_due + r.range(1, k == 0 ? 42 : 60));
      }
    }
  }

  // Missing and away episodes, from age 11, far more often from residential and semi-
  // independent placements. An episode ends before the placement it began in ends (rules
  // 575, 577), so nobody is missing when care ends (rule 580).
  void missing(const SimChild& c, const SimPeriod& p, Rng& r, int propensity) {
    const Day b11 = birthday_of(c.dob, 11);
    Day t = std::max(p.start, b11);
    for (int guard = 0; t < p.end && guard < 400; ++guard) {
      const SimEpisode* ep = nullptr;
      for (std::uint32_t e = 0; e < p.episodes; ++e) {
        const SimEpisode& x = world_.episodes[p.first_episode + e];
        if (x.start <= t && t < x.end) ep = &x;
      }
      if (ep == nullptr) break;
      int mean_gap;
      if (is_residential(ep->place) || is_semi_independent(ep->place)) {
        mean_gap = propensity == 1 ? 90 : 14;
      } else {
        mean_gap = propensity == 1 ? 300 : 45;
      }
      t += r.range(1, 2 * mean_gap);
      if (t >= p.end) break;
      const SimEpisode* at = nullptr;
      for (std::uint32_t e = 0; e < p.episodes; ++e) {
        const SimEpisode& x = world_.episodes[p.first_episode + e];
        if (x.start <= t && t < x.end) at = &x;
      }
      if (at == nullptr || at->end - 1 <= t) continue;
      const Day end = std::min<Day>(t + draw(r, kMissingDays), at->end - 1);
      world_.missing.push_back(
          {t, end, r.chance(2500) ? model::MissingType::A : model::MissingType::M});
      t = end + 1;
    }
  }

  // Deprivation of liberty orders for a few young people in children's homes (DoLo, returned
  // from 2026/27).
  void dolo(const SimChild& c, const SimPeriod& p, Rng& r) {
    for (std::uint32_t e = 0; e < p.episodes; ++e) {
      const SimEpisode& ep = world_.episodes[p.first_episode + e];
      if (ep.place != PT::K2 || ep.end - ep.start < 60 || age_at(c.dob, ep.start) < 12) continue;
      if (!r.chance(600)) continue;
      const Day start = ep.start + r.range(0, 30);
      const Day end = std::min<Day>(ep.end, start + r.range(60, 400));
      if (end > start) world_.dolos.push_back({start, end});
    }
  }

  // Social worker allocations (SWEpisodes): a worker is allocated when care begins (the
  // validator's rule SW12 looks for an allocation starting on or after the start of care) and
  // changes about every nine months; allocations follow on without gaps (rule SW10), and the
  // one current when a period of care ends stays open — until a new allocation if the child
  // comes back, for good otherwise (2025/26 rule SW17: the latest has no end date). The first
  // allocation's reason is FCONTA, the only reason the validator lets begin after a gap.
  void workers(const SimChild& c, Rng& r) {
    const auto pool = static_cast<std::uint32_t>(ctx_.workers.size());
    std::uint16_t previous = 0xFFFF;
    auto worker = [&] {
      auto w = static_cast<std::uint16_t>(r.below(pool));
      if (w == previous && pool > 1) w = static_cast<std::uint16_t>((w + 1) % pool);
      previous = w;
      return w;
    };
    for (std::uint32_t i = 0; i < c.periods; ++i) {
      const SimPeriod& p = world_.periods[c.first_period + i];
      const Day until = i + 1 < c.periods ? world_.periods[c.first_period + i + 1].start : kForever;
      if (i > 0) world_.workers.back().end = p.start;  // a new allocation as care begins again
      Day t = p.start;
      model::SwReason reason = i == 0 ? model::SwReason::FCONTA : pick(r, kFirstWorker);
      for (int k = 0; k < 200; ++k) {
        Day end = t + draw(r, kWorkerDays);
        // Not in the last days of March: rule SW11b reads a change then as a gap.
        const std::chrono::year_month_day d{date_of(end)};
        if (d.month() == std::chrono::March && d.day() >= std::chrono::day{25}) end += 8;
        if (end >= p.end) {
          world_.workers.push_back({t, until, worker(), reason});
          break;
        }
        world_.workers.push_back({t, end, worker(), reason});
        t = end;
        reason = pick(r, kWorkerChange);
      }
    }
  }

  const Ctx& ctx_;
  World& world_;
};

// ==== 6. Writing one collection year ============================================================

// The code actually written for a placement in a year: registered supported accommodation
// replaced semi-independent (H5) and independent living (P2) placements (an H5 open at the end
// of 2024/25 continues as K3: 2025/26 rule 503D), and Z1 became Z11–Z14 in 2025/26.
std::optional<PT> place_in_year(PT p, CollectionYear y) {
  // From the year K3 arrives, semi-independent accommodation is written as K3 (the validator
  // lets an H5 open at the end of 2023/24 continue as K3 in 2024/25: rule_utils.py, 503D).
  if (p == PT::H5 && model::valid_in(PT::K3, y)) return PT::K3;
  if (model::valid_in(p, y)) return p;
  const PT candidates_h5[] = {PT::K3, PT::H5};
  const PT candidates_k3[] = {PT::H5, PT::K3};
  const PT candidates_z[] = {PT::Z14, PT::Z1};
  std::span<const PT> options;
  if (p == PT::H5 || p == PT::P2)
    options = candidates_h5;
  else if (p == PT::K3)
    options = candidates_k3;
  else if (p == PT::Z1 || p == PT::Z11 || p == PT::Z12 || p == PT::Z13 || p == PT::Z14)
    options = candidates_z;
  for (PT q : options) {
    if (model::valid_in(q, y)) return q;
  }
  return std::nullopt;
}

template <class E>
std::optional<E> in_year(E e, CollectionYear y) {
  if (model::valid_in(e, y)) return e;
  return std::nullopt;
}

std::optional<model::Sex> sex_in_year(bool male, CollectionYear y) {
  const model::Sex first = male ? model::Sex::Male : model::Sex::Female;
  const model::Sex then = male ? model::Sex::M : model::Sex::F;
  if (model::valid_in(first, y)) return first;
  if (model::valid_in(then, y)) return then;
  return std::nullopt;
}

// A UPN's check letter (DfE: the weighted sum of characters 2–13, modulo 23).
char upn_check_letter(std::string_view digits12) {
  constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";
  int sum = 0;
  for (std::size_t i = 0; i < digits12.size(); ++i)
    sum += (digits12[i] - '0') * static_cast<int>(i + 2);
  return kLetters[static_cast<std::size_t>(sum % 23)];
}

struct YearWriter {
  const Ctx& ctx;
  const World& world;
  CollectionYear year;
  model::Return& ret;
  Day ys = 0;
  Day ye = 0;

  std::string child_id(const SimChild& c) const { return std::to_string(c.id); }

  std::string upn(const SimChild& c) const {
    // Under school age: UN1 (rule 209: a child of school age should not have UN1).
    const Day census = ymd(year.end_year - 2, 8, 31);
    if (age_at(c.dob, census) < 4) return "UN1";
    if (c.upn_kind >= 2) return "UN" + std::to_string(c.upn_kind);
    // Check letter, LA number, establishment number, year allocated, serial: unique in the
    // return because establishment and serial together are the CHILD number.
    const int la = std::atoi(ctx.la.c_str()) % 1000;
    const int allocated = static_cast<int>(std::chrono::year_month_day{date_of(c.dob)}.year()) + 5;
    char digits[24];
    std::snprintf(digits, sizeof digits, "%03d%04u%02d%03u", la, 2000u + (c.id / 1000u) % 8000u,
                  allocated % 100, c.id % 1000u);
    return std::string(1, upn_check_letter(digits)) + digits;
  }

  // Whether the child is looked after (not on a short break) at the end of the year, and since
  // when without a break.
  // (A period ending on 31 March itself still counts, as in the validator's "continuously
  // looked after": it looks for care ending before the last day.)
  Day continuous_since(const SimChild& c) const {
    for (std::uint32_t i = 0; i < c.periods; ++i) {
      const SimPeriod& p = world.periods[c.first_period + i];
      if (!p.short_break && p.start <= ye && p.end >= ye) return p.start;
    }
    return kNever;
  }

  bool in_oc2(const SimChild& c) const {
    const Day since = continuous_since(c);
    return since != kNever && since <= ys;
  }

  bool care_leaver(const SimChild& c, Day& left) const {
    if (c.short_breaks || c.periods == 0) return false;
    const SimPeriod& last = world.periods[c.first_period + c.periods - 1];
    switch (last.rec) {
      case REC::E11:
      case REC::E12:
      case REC::E45:
      case REC::E46:
      case REC::E47:
      case REC::E48:
      case REC::E41:
      case REC::E2:
      case REC::E3:
      case REC::E15:
      case REC::E16:
        return false;
      default:
        break;
    }
    const Day b14 = birthday_of(c.dob, 14);
    const Day b16 = birthday_of(c.dob, 16);
    if (last.end < b16) return false;
    int days = 0;
    for (std::uint32_t i = 0; i < c.periods; ++i) {
      const SimPeriod& p = world.periods[c.first_period + i];
      if (p.end > b14) days += p.end - std::max(p.start, b14);
    }
    if (days < 91) return false;  // 13 weeks since the 14th birthday
    left = last.end;
    return true;
  }

  void child(const SimChild& c) {
    // Episodes open at any time in the year: DECOM <= 31 March and DEC >= 1 April.
    bool any = false, regular = false;
    for (std::uint32_t i = 0; i < c.periods; ++i) {
      const SimPeriod& p = world.periods[c.first_period + i];
      if (p.start <= ye && p.end >= ys) {
        any = true;
        if (!p.short_break) regular = true;
      }
    }
    // OC3: a care leaver whose 17th–21st birthday is in the year and who is no longer looked
    // after on it (and not also in OC2: rule 187). Leaving care on the 18th birthday counts (the
    // DfE's care leavers "aged 18" are mostly these young people; validator rule 1016 flags them,
    // but its message says "after their birthday").
    int oc3_age = 0;
    Day left = 0;
    if (care_leaver(c, left) && !in_oc2(c)) {
      for (int n = 17; n <= 21; ++n) {
        const Day bd = birthday_of(c.dob, n);
        if (bd >= ys && bd <= ye && left <= bd) oc3_age = n;
      }
    }
    if (!any && oc3_age == 0) return;

    const std::string id = child_id(c);
    const Date dob = date_of(c.dob);

    model::ChildHeader h;
    h.child = id;
    h.sex = sex_in_year(c.male, year);
    h.dob = dob;
    h.ethnic = in_year(c.ethnic, year);
    h.upn = upn(c);
    if (!c.male && regular) {
      // MOTHER for every girl looked after in the year (rules 165, 607); not for short breaks
      // (rule 399) or care leavers with no episode this year.
      h.mother = c.mother_child_dob != kNever && c.mother_child_dob <= ye;
      if (*h.mother) h.mc_dob = date_of(c.mother_child_dob);
    }
    ret.header.push_back(std::move(h));

    if (any) episodes(c, id, dob);
    if (regular) {
      reviews(c, id, dob);
      uasc(c, id, dob);
      oc2(c, id, dob);
    }
    if (oc3_age) oc3(c, id, dob, oc3_age);
    if (any) previous_permanence(c, id, dob);
    if (regular) {
      adoption(c, id, dob);
      missing(c, id, dob);
      social_workers(c, id, dob);
      dolo(c, id, dob);
    }
  }

  void episodes(const SimChild& c, const std::string& id, Date) {
    for (std::uint32_t i = 0; i < c.periods; ++i) {
      const SimPeriod& p = world.periods[c.first_period + i];
      if (p.start > ye || p.end < ys) continue;
      const std::string home = p.short_break ? std::string() : postcode_text(p.home);
      for (std::uint32_t k = 0; k < p.episodes; ++k) {
        const SimEpisode& e = world.episodes[p.first_episode + k];
        if (e.start > ye || e.end < ys) continue;
        model::Episode out;
        out.child = id;
        out.decom = date_of(e.start);
        out.rne = in_year(e.rne, year);
        out.ls = in_year(e.ls, year);
        out.cin = in_year(p.cin, year);
        out.place = place_in_year(e.place, year);
        if (e.provider >= 0) out.place_provider = in_year(static_cast<PP>(e.provider), year);
        const bool ended = e.end <= ye;
        if (ended) {
          out.dec = date_of(e.end);
          out.rec = in_year(e.rec, year);
          if (e.reason >= 0) out.reason_place_change = in_year(static_cast<RPC>(e.reason), year);
        }
        if (!p.short_break) {
          // Short breaks carry no postcodes (rule 398) and no URN (rule 214).
          out.home_post = home;
          out.pl_post = postcode_text(e.site.post);
          out.urn = urn_for(e, out.place);
        }
        ret.episodes.push_back(std::move(out));
      }
    }
  }

  std::string urn_for(const SimEpisode& e, std::optional<PT> written) const {
    if (!written) return {};
    if (*written == PT::K3) {
      return urn_text(e.site.urn == UrnKind::None ? UrnKind::Registered : e.site.urn,
                      e.site.urn_number);
    }
    switch (*written) {
      case PT::P1:
      case PT::P2:
      case PT::P3:
      case PT::R1:
      case PT::R2:
      case PT::R5:
      case PT::T0:
      case PT::T1:
      case PT::T2:
      case PT::T3:
      case PT::T4:
      case PT::Z1:
      case PT::Z11:
      case PT::Z12:
      case PT::Z13:
      case PT::Z14:
        return {};  // no URN for these (rules 218, 222)
      case PT::H5: {
        // Not registered before the October 2023 reforms (2022/23 rule 222); from 28 October
        // 2023 an H5 needs its URN (2023/24 rule 230).
        if (year.end_year <= 2023) return {};
        const bool open_after_reform = e.end > ye || e.end >= kP2End;
        if (year.end_year == 2024 && !open_after_reform) return {};
        return urn_text(e.site.urn == UrnKind::None ? UrnKind::Registered : e.site.urn,
                        e.site.urn_number);
      }
      default:
        return urn_text(e.site.urn, e.site.urn_number);
    }
  }

  void reviews(const SimChild& c, const std::string& id, Date dob) {
    for (std::uint32_t i = 0; i < c.reviews; ++i) {
      const SimReview& rv = world.reviews[c.first_review + i];
      if (rv.day < ys || rv.day > ye) continue;
      ret.reviews.push_back({id, dob, date_of(rv.day), in_year(rv.code, year)});
    }
  }

  void uasc(const SimChild& c, const std::string& id, Date dob) {
    if (!c.uasc) return;
    // DUC: the date UASC status ceases — the 18th birthday, known in advance (rule 205B) — or
    // the day care ended when an age assessment found the young person to be an adult.
    Day duc = birthday_of(c.dob, 18);
    const SimPeriod& first = world.periods[c.first_period];
    if (first.rec == REC::E15 && first.end < duc && first.end <= ye) duc = first.end;
    if (duc < ys) return;
    ret.uasc.push_back({id, sex_in_year(c.male, year), dob, date_of(duc)});
  }

  void oc2(const SimChild& c, const std::string& id, Date dob) {
    // Looked after continuously for at least 12 months at 31 March: in care at the end of the
    // year, in a period that began on or before its first day.
    if (!in_oc2(c)) return;
    const Day since = continuous_since(c);
    Rng r(mix(c.seed, 0x0C2000ULL + static_cast<std::uint64_t>(year.end_year)));
    const int age_start = age_at(c.dob, ys);
    const int age_end = age_at(c.dob, ye);
    model::Oc2 row;
    row.child = id;
    row.dob = dob;
    // Strengths and Difficulties Questionnaire for 4- to 16-year-olds (rules 157, 186, 189,
    // 197B). Scores 0–40, mean about 14 (DfE: 13.9 in 2024), 37% of 17 or more.
    const bool turns_4 = age_start < 4 && age_end >= 4;
    const bool turns_17 = age_start <= 16 && age_end >= 17;
    const bool eligible = age_start >= 4 && age_end <= 16;
    bool disabled = false;
    for (std::uint32_t i = 0; i < c.periods; ++i) {
      const SimPeriod& p = world.periods[c.first_period + i];
      if (p.start == since) disabled = p.cin == CIN::N2;
    }
    if (eligible || (turns_17 && r.chance(5500))) {
      if (r.chance(7700)) {
        constexpr Band kSdq[] = {{85, 0, 4},    {180, 5, 9},   {200, 10, 13}, {170, 14, 16},
                                 {140, 17, 19}, {150, 20, 24}, {60, 25, 29},  {15, 30, 40}};
        row.sdq_score = draw(r, kSdq);
      } else {
        const W<model::SdqReason> t[] = {{model::SdqReason::SDQ4, 450},
                                         {model::SdqReason::SDQ5, 250},
                                         {model::SdqReason::SDQ2, 100},
                                         {model::SdqReason::SDQ3, disabled ? 600 : 200}};
        row.sdq_reason = in_year(pick(r, t), year);
      }
    } else if (turns_4 || turns_17) {
      row.sdq_reason = in_year(model::SdqReason::SDQ1, year);
    }
    // Convictions for 10+ (rule 543), development checks for under-5s (rules 545, 546).
    if (age_end >= 10) row.convicted = r.chance(age_end >= 14 ? 350 : 60);
    if (age_end < 5) row.health_check = r.chance(8800);
    row.immunisations = r.chance(age_end >= 16 ? 7600 : 8500);
    row.teeth_check = r.chance(age_end >= 16 ? 7200 : (age_end < 3 ? 7000 : 8300));
    row.health_assessment = r.chance(age_end >= 16 ? 8500 : 9200);
    const int misuse = age_end >= 14 ? 800 : (age_end >= 11 ? 150 : 0);
    row.substance_misuse = r.chance(misuse);
    if (*row.substance_misuse) {
      // Rules 159, 193: the intervention items only for a child with a substance misuse problem.
      row.intervention_received = r.chance(5500);
      if (!*row.intervention_received) row.intervention_offered = r.chance(6500);
    }
    ret.oc2.push_back(std::move(row));
  }

  void oc3(const SimChild& c, const std::string& id, Date dob, int age) {
    using A = model::Activity;
    using M = model::Accommodation;
    using T = model::InTouch;
    Rng r(mix(c.seed, 0x0C3000ULL + static_cast<std::uint64_t>(age)));
    model::Oc3 row;
    row.child = id;
    row.dob = dob;
    // Care leavers (DfE 2024): about nine in ten in touch; 19–21-year-olds: 38% not in
    // education, employment or training, 88% in suitable accommodation.
    const SimPeriod& last = world.periods[c.first_period + c.periods - 1];
    const bool young = age <= 18;
    const W<T> touch_young[] = {
        {T::YES, 920}, {T::NO, 30}, {T::REFU, 30}, {T::NREQ, 5}, {T::RHOM, 15}};
    const W<T> touch_older[] = {
        {T::YES, 915}, {T::NO, 40}, {T::REFU, 28}, {T::NREQ, 9}, {T::RHOM, 8}};
    T touch = young ? pick(r, touch_young) : pick(r, touch_older);
    // A young person who has died stays DIED in later years (2025/26 rule 348).
    if (!young && (mix(c.seed, 0xDEAD) % 1000) < 3) touch = T::DIED;
    row.in_touch = in_year(touch, year);
    if (touch != T::YES) {
      row.activ = in_year(A::NotApplicable, year);
      row.accom = in_year(M::NotApplicable, year);
      ret.oc3.push_back(std::move(row));
      return;
    }
    const bool parent = c.mother_child_dob != kNever;
    if (young) {
      const W<A> t[] = {{A::F2, 400},
                        {A::P2, 70},
                        {A::F1, age == 18 ? 30 : 0},
                        {A::F4, 70},
                        {A::P4, 20},
                        {A::F5, 50},
                        {A::P5, 40},
                        {A::G4, 60},
                        {A::G5, 230},
                        {A::G6, parent ? 300 : 30}};
      row.activ = in_year(pick(r, t), year);
    } else {
      const W<A> t[] = {{A::F1, 70},
                        {A::P1, 10},
                        {A::F2, c.uasc ? 200 : 110},
                        {A::P2, 30},
                        {A::F4, 70},
                        {A::P4, 20},
                        {A::F5, 170},
                        {A::P5, 80},
                        {A::G4, 100},
                        {A::G5, 260},
                        {A::G6, parent ? 250 : 50}};
      row.activ = in_year(pick(r, t), year);
    }
    // Staying put (E17): many stay with their former foster carers at 19 and 20.
    if (!young && last.rec == REC::E17 && r.chance(age == 19 ? 5500 : age == 20 ? 3200 : 1500)) {
      row.accom = in_year(M::Z1, year);
    } else if (young) {
      // Rule 347: no foyer for under-18s; rule 3001: not with former foster carers at 17.
      const W<M> t[] = {{M::B1, 280}, {M::D1, 250}, {M::E1, 100},
                        {M::U1, 110}, {M::C1, 50},  {M::T1, age == 18 ? 20 : 0},
                        {M::K1, 20},  {M::Y1, 50},  {M::X2, 30},
                        {M::S2, 10},  {M::B2, 20},  {M::D2, 20},
                        {M::V2, 10},  {M::W2, 10},  {M::U2, 10}};
      row.accom = in_year(pick(r, t), year);
    } else {
      const W<M> t[] = {{M::U1, 440}, {M::B1, 140}, {M::D1, 110}, {M::E1, 60}, {M::T1, 30},
                        {M::K1, 30},  {M::Y1, 40},  {M::C1, 10},  {M::G1, 10}, {M::X2, 25},
                        {M::S2, 8},   {M::B2, 8},   {M::U2, 10},  {M::D2, 5},  {M::V2, 5},
                        {M::W2, 5},   {M::R2, 2}};
      row.accom = in_year(pick(r, t), year);
    }
    ret.oc3.push_back(std::move(row));
  }

  void adoption(const SimChild& c, const std::string& id, Date dob) {
    for (std::uint32_t i = 0; i < c.periods; ++i) {
      const SimPeriod& p = world.periods[c.first_period + i];
      if (p.start > ye || p.end < ys) continue;
      // PlacedAdoption: a decision that the child should be placed for adoption, in force at
      // some time in the year; its reversal only once it has happened.
      if (p.date_placed != kNever && p.date_placed <= ye &&
          (p.placed_ceased == kNever || p.placed_ceased >= ys)) {
        model::PlacedAdoption pa;
        pa.child = id;
        pa.dob = dob;
        pa.date_placed = date_of(p.date_placed);
        if (p.placed_ceased != kNever && p.placed_ceased <= ye) {
          pa.date_placed_ceased = date_of(p.placed_ceased);
          pa.reason_placed_ceased =
              in_year(static_cast<model::ReasonPlacedCeased>(p.placed_reason), year);
        }
        ret.placed_adoption.push_back(std::move(pa));
      }
      // AD1: adopted in the year.
      if ((p.rec == REC::E11 || p.rec == REC::E12) && p.end >= ys && p.end <= ye && p.adopters) {
        const Adopters& a = kAdopters[p.adopters - 1];
        const SimEpisode& last = world.episodes[p.first_episode + p.episodes - 1];
        model::Ad1 ad;
        ad.child = id;
        ad.dob = dob;
        ad.date_int = date_of(p.date_placed);
        ad.date_match = date_of(p.date_match);
        ad.foster_care = last.place == PT::A3 || last.place == PT::A5;
        ad.nb_adoptr = a.number;
        ad.sex_adoptr = in_year(a.sex, year);
        ad.ls_adoptr = in_year(a.status, year);
        ret.ad1.push_back(std::move(ad));
      }
    }
  }

  // PrevPerm: one row per child who started to be looked after in the year (rule 630, for
  // short breaks too; INT35: once per child), for the first period begun in the year.
  void previous_permanence(const SimChild& c, const std::string& id, Date dob) {
    for (std::uint32_t i = 0; i < c.periods; ++i) {
      const SimPeriod& p = world.periods[c.first_period + i];
      if (p.start < ys || p.start > ye) continue;
      model::PrevPerm pp;
      pp.child = id;
      pp.dob = dob;
      const auto kind = p.prev_perm >= 0 ? static_cast<model::PreviousPermanence>(p.prev_perm)
                                         : model::PreviousPermanence::Z1;
      pp.prev_perm = in_year(kind, year);
      if (p.date_perm != kNever) {
        std::string d = model::format_dmy(date_of(p.date_perm));
        if (p.date_perm_form >= 1) d.replace(0, 2, "ZZ");
        if (p.date_perm_form >= 2) d.replace(3, 2, "ZZ");
        pp.date_perm = std::move(d);
        if (p.la_perm >= 0) pp.la_perm = kCouncils[p.la_perm].la;
      }
      ret.prev_perm.push_back(std::move(pp));
      return;
    }
  }

  void missing(const SimChild& c, const std::string& id, Date dob) {
    for (std::uint32_t i = 0; i < c.missing; ++i) {
      const SimMissing& m = world.missing[c.first_missing + i];
      // Begun in the year, or still open at the end of the last (rule 576).
      if (m.start > ye || m.end < ys) continue;
      model::MissingEpisode out;
      out.child = id;
      out.dob = dob;
      out.missing = in_year(m.type, year);
      out.mis_start = date_of(m.start);
      if (m.end <= ye) out.mis_end = date_of(m.end);
      ret.missing.push_back(std::move(out));
    }
  }

  void social_workers(const SimChild& c, const std::string& id, Date dob) {
    // SWEpisodes is part of the return from 2023/24, when its reason codes start.
    if (!model::valid_in(model::SwReason::OTHERS, year)) return;
    for (std::uint32_t i = 0; i < c.workers; ++i) {
      const SimWorker& w = world.workers[c.first_worker + i];
      if (w.start > ye || (w.end != kForever && w.end < ys)) continue;
      model::SocialWorkerEpisode out;
      out.child = id;
      out.dob = dob;
      out.sw_id = ctx.workers[w.worker];
      out.sw_decom = date_of(w.start);
      if (w.end != kForever && w.end <= ye) out.sw_dec = date_of(w.end);
      out.sw_reason = in_year(w.reason, year);
      ret.sw_episodes.push_back(std::move(out));
    }
  }

  void dolo(const SimChild& c, const std::string& id, Date dob) {
    if (year.end_year < 2027) return;  // the DoLo table starts in 2026/27
    for (std::uint32_t i = 0; i < c.dolos; ++i) {
      const SimDolo& d = world.dolos[c.first_dolo + i];
      if (d.start > ye || d.end < ys) continue;
      model::DeprivationOfLiberty out;
      out.child = id;
      out.dob = dob;
      out.dolo_start = date_of(d.start);
      if (d.end <= ye) out.dolo_end = date_of(d.end);
      ret.dolo.push_back(std::move(out));
    }
  }
};

// ==== 7. generate() =============================================================================

// Children entering care each year per child looked after on 31 March (DfE 2024: about 33,000
// starts for 83,600 looked after), in thousandths, with a margin: the excess is removed
// afterwards, so the council lands on the size asked for.
constexpr int kArrivalsPerThousand = 420;

bool in_care_at(const World& w, const SimChild& c, Day d) {
  for (std::uint32_t i = 0; i < c.periods; ++i) {
    const SimPeriod& p = w.periods[c.first_period + i];
    if (!p.short_break && p.start <= d && p.end > d) return true;
  }
  return false;
}

}  // namespace

const std::vector<Council>& national_councils() {
  static const std::vector<Council> councils = [] {
    std::vector<Council> out;
    out.reserve(std::size(kCouncils));
    for (const auto& c : kCouncils) out.push_back({c.la, c.name, c.region, c.cla});
    return out;
  }();
  return councils;
}

std::vector<model::Return> generate(const Options& options) {
  if (options.children < 1) throw std::invalid_argument("synth: children must be at least 1");
  if (options.years < 1) throw std::invalid_argument("synth: years must be at least 1");

  Ctx ctx;
  ctx.la = options.la;
  ctx.target = options.children;
  ctx.seed = mix(options.seed, hash_text(options.la));
  const int known = council_index(options.la);
  ctx.council = known >= 0 ? known : static_cast<int>(hash_text(options.la) % kCouncilCount);
  for (int i = 0; i < kCouncilCount; ++i) {
    if (std::string_view(kCouncils[i].region) == kCouncils[ctx.council].region)
      ctx.region.push_back(i);
  }
  const int first_year = options.last_year - options.years + 1;
  ctx.window_start = day_of(CollectionYear{first_year}.start());
  ctx.horizon = day_of(CollectionYear{options.last_year}.end());
  {
    // A pool of social workers: about one for every fifteen children.
    Rng r(mix(ctx.seed, 0x5707ULL));
    const int n = std::max(5, (options.children + 14) / 15);
    std::vector<int> used;
    while (static_cast<int>(ctx.workers.size()) < n) {
      const int id = r.range(1000, 9999);
      if (std::find(used.begin(), used.end(), id) != used.end()) continue;
      used.push_back(id);
      ctx.workers.push_back("SW" + std::to_string(id));
    }
  }

  World world;
  Simulator sim(ctx, world);
  // Burn-in: arrivals from 22 years before the first emitted year, so that everyone who could
  // be looked after, or a care leaver of 21 or under, in the emitted years has a whole journey.
  const Day sim_start = day_of(model::make_date(first_year - 23, 4, 1));
  const int span = ctx.horizon - sim_start + 1;
  const auto arrivals_for = [&](long long wanted) {
    return std::max<long long>(1, wanted * kArrivalsPerThousand * span / (365LL * 1000));
  };
  long long arrivals = arrivals_for(options.children);
  std::uint64_t next_index = 0;
  world.children.reserve(static_cast<std::size_t>(arrivals / 2 + 16));
  for (; next_index < static_cast<std::uint64_t>(arrivals); ++next_index) {
    sim.child(next_index, sim_start, span);
  }
  auto count_in_care = [&] {
    long long n = 0;
    for (const auto& c : world.children) n += in_care_at(world, c, ctx.horizon) ? 1 : 0;
    return n;
  };
  long long in_care = count_in_care();
  // Too few (rare): more arrivals in proportion, until there are enough.
  for (int round = 0; in_care < options.children && round < 8; ++round) {
    const long long more =
        (options.children - in_care) * arrivals / std::max(in_care, 1LL) + arrivals / 20 + 5;
    for (long long k = 0; k < more; ++k, ++next_index) sim.child(next_index, sim_start, span);
    arrivals += more;
    in_care = count_in_care();
  }
  // Too many: leave out whole children, exactly enough of those in care on the last 31 March
  // and the same share of everyone else, so every distribution keeps its shape.
  {
    Rng r(mix(ctx.seed, 0x7417ULL));
    const long long excess = in_care - options.children;
    if (excess > 0) {
      std::vector<std::uint32_t> caring;
      for (std::uint32_t i = 0; i < world.children.size(); ++i) {
        if (in_care_at(world, world.children[i], ctx.horizon))
          caring.push_back(i);
        else if (static_cast<long long>(r.below(static_cast<std::uint32_t>(in_care))) < excess)
          world.children[i].dropped = true;
      }
      for (long long k = 0; k < excess; ++k) {
        const auto j =
            static_cast<std::size_t>(k) +
            r.below(static_cast<std::uint32_t>(caring.size() - static_cast<std::size_t>(k)));
        std::swap(caring[static_cast<std::size_t>(k)], caring[j]);
        world.children[caring[static_cast<std::size_t>(k)]].dropped = true;
      }
    }
  }
  // Short breaks: about one disabled child in a series of short breaks for every hundred
  // children looked after, each series lasting one to six years.
  {
    const long long series = std::max<long long>(
        1, static_cast<long long>(options.children) * 12 * span / (1000LL * 1300));
    for (long long k = 0; k < series; ++k)
      sim.short_breaks(static_cast<std::uint64_t>(k), sim_start, span);
  }

  // File order: children by CHILD, numbered in order of first entry to care.
  std::vector<std::uint32_t> order;
  order.reserve(world.children.size());
  for (std::uint32_t i = 0; i < world.children.size(); ++i) {
    if (!world.children[i].dropped) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const auto& x = world.children[a];
    const auto& y = world.children[b];
    return x.first_entry != y.first_entry ? x.first_entry < y.first_entry : x.seed < y.seed;
  });
  {
    Rng r(mix(ctx.seed, 0x1D5ULL));
    std::uint32_t id = 1000000u + static_cast<std::uint32_t>(r.below(400000));
    for (std::uint32_t i : order) {
      id += 1 + r.below(4);
      world.children[i].id = id;
    }
  }

  Details details(ctx, world);
  for (std::uint32_t i : order) {
    SimChild& c = world.children[i];
    const SimPeriod& last = world.periods[c.first_period + c.periods - 1];
    if (last.end >= ctx.window_start) details.fill(c);
  }

  std::vector<model::Return> out;
  out.reserve(static_cast<std::size_t>(options.years));
  for (int y = first_year; y <= options.last_year; ++y) {
    model::Return ret;
    ret.la = options.la;
    ret.year = CollectionYear{y};
    YearWriter writer{ctx, world, ret.year, ret, day_of(ret.year.start()), day_of(ret.year.end())};
    for (std::uint32_t i : order) writer.child(world.children[i]);
    out.push_back(std::move(ret));
  }
  return out;
}

}  // namespace hearth::synth
