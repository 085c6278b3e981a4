#include "model/dataset_codec.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

namespace hearth::model {

namespace {

constexpr std::uint64_t kMagic = 0x31534448'54524145;    // "EARTHDS1", little-endian
constexpr std::uint64_t kTrailer = 0x444e4548'54524145;  // "EARTHEND"

// Every struct written field by field (any with a string, an optional or padding), with its size
// on the one platform Hearth is built for (amd64, libstdc++). A field added changes the size and
// stops the build here: write it in fields() below and raise kDatasetCodecVersion. (A small
// field added into padding keeps the size: the round trip of a synthetic council in
// tests/unit/synth/dataset_codec_test.cpp compares every field by operator== and catches it.)
static_assert(sizeof(ChildRecord) == 232);
static_assert(sizeof(MissingEpisode) == 80);
static_assert(sizeof(SocialWorkerEpisode) == 112);
static_assert(sizeof(Uasc) == 72);
static_assert(sizeof(Oc2) == 80);
static_assert(sizeof(Oc3) == 56);
static_assert(sizeof(Ad1) == 96);
static_assert(sizeof(PlacedAdoption) == 88);
static_assert(sizeof(PrevPerm) == 120);
static_assert(sizeof(DeprivationOfLiberty) == 72);
static_assert(sizeof(Professional) == 128);
static_assert(sizeof(Allocation) == 160);
static_assert(sizeof(HealthCheck) == 120);
static_assert(sizeof(Immunisation) == 48);
static_assert(sizeof(SdqScore) == 88);
static_assert(sizeof(Pep) == 80);
static_assert(sizeof(PathwayPlan) == 80);
static_assert(sizeof(CarePlan) == 120);
static_assert(sizeof(Visit) == 112);
static_assert(sizeof(LocalReview) == 96);
static_assert(sizeof(MissingRecord) == 144);
static_assert(sizeof(CareLeaverContact) == 136);
static_assert(sizeof(CareLeaverStatus) == 88);
static_assert(sizeof(StayingPut) == 88);
static_assert(sizeof(Person) == 128);
static_assert(sizeof(AdvocacyRequest) == 192);
static_assert(sizeof(AdvocacyAllocation) == 192);
static_assert(sizeof(AdvocacyVisit) == 112);
static_assert(sizeof(LocalRecords) == 464);
static_assert(sizeof(EpisodeColumns) == 13 * 24);
static_assert(sizeof(ReviewColumns) == 3 * 24);
static_assert(sizeof(PeriodOfCare) == 32);
static_assert(sizeof(DateTime) == 16);

// The fields of each struct, in the order written. `v` is the writer or the reader.
template <class V>
void fields(V& v, ChildRecord& x) {
  v(x.la, x.child, x.sex, x.dob, x.ethnic, x.upn, x.mother, x.mc_dob, x.first_year, x.last_year,
    x.episodes, x.reviews, x.periods, x.missing, x.sw_episodes, x.uasc, x.oc2, x.oc3, x.ad1);
}
template <class V, class R>
void fields(V& v, YearRow<R>& x) {
  v(x.child, x.year, x.row);
}
template <class V>
void fields(V& v, EpisodeColumns& x) {
  v(x.child, x.decom, x.dec, x.rne, x.ls, x.cin, x.place, x.place_provider, x.rec,
    x.reason_place_change, x.home_post, x.pl_post, x.urn);
}
template <class V>
void fields(V& v, ReviewColumns& x) {
  v(x.child, x.review, x.review_code);
}
template <class V>
void fields(V& v, MissingEpisode& x) {
  v(x.child, x.dob, x.missing, x.mis_start, x.mis_end);
}
template <class V>
void fields(V& v, SocialWorkerEpisode& x) {
  v(x.child, x.dob, x.sw_id, x.sw_decom, x.sw_dec, x.sw_reason);
}
template <class V>
void fields(V& v, Uasc& x) {
  v(x.child, x.sex, x.dob, x.duc);
}
template <class V>
void fields(V& v, Oc2& x) {
  v(x.child, x.dob, x.sdq_score, x.sdq_reason, x.convicted, x.health_check, x.immunisations,
    x.teeth_check, x.health_assessment, x.substance_misuse, x.intervention_received,
    x.intervention_offered);
}
template <class V>
void fields(V& v, Oc3& x) {
  v(x.child, x.dob, x.in_touch, x.activ, x.accom);
}
template <class V>
void fields(V& v, Ad1& x) {
  v(x.child, x.dob, x.date_int, x.date_match, x.foster_care, x.nb_adoptr, x.sex_adoptr,
    x.ls_adoptr);
}
template <class V>
void fields(V& v, PlacedAdoption& x) {
  v(x.child, x.dob, x.date_placed, x.date_placed_ceased, x.reason_placed_ceased);
}
template <class V>
void fields(V& v, PrevPerm& x) {
  v(x.child, x.dob, x.prev_perm, x.la_perm, x.date_perm);
}
template <class V>
void fields(V& v, DeprivationOfLiberty& x) {
  v(x.child, x.dob, x.dolo_start, x.dolo_end);
}
template <class V>
void fields(V& v, Professional& x) {
  v(x.id, x.name, x.job_title, x.team);
}
template <class V>
void fields(V& v, Allocation& x) {
  v(x.id, x.child, x.worker, x.role, x.team, x.start, x.end);
}
template <class V>
void fields(V& v, HealthCheck& x) {
  v(x.id, x.child, x.type, x.date, x.status, x.by);
}
template <class V>
void fields(V& v, Immunisation& x) {
  v(x.child, x.up_to_date, x.date);
}
template <class V>
void fields(V& v, SdqScore& x) {
  v(x.id, x.child, x.date, x.reason, x.score);
}
template <class V>
void fields(V& v, Pep& x) {
  v(x.id, x.child, x.date, x.kind);
}
template <class V>
void fields(V& v, PathwayPlan& x) {
  v(x.id, x.child, x.date, x.kind);
}
template <class V>
void fields(V& v, CarePlan& x) {
  v(x.id, x.child, x.start, x.end, x.permanence_plan);
}
template <class V>
void fields(V& v, Visit& x) {
  v(x.id, x.child, x.date, x.seen, x.seen_alone, x.worker);
}
template <class V>
void fields(V& v, LocalReview& x) {
  v(x.id, x.child, x.due, x.date, x.cancelled, x.participation);
}
template <class V>
void fields(V& v, MissingRecord& x) {
  v(x.id, x.child, x.start, x.type, x.end, x.rhi_offered, x.rhi_accepted, x.rhi_date);
}
template <class V>
void fields(V& v, CareLeaverContact& x) {
  v(x.id, x.child, x.date, x.type, x.worker);
}
template <class V>
void fields(V& v, CareLeaverStatus& x) {
  v(x.id, x.child, x.date, x.in_touch, x.activity, x.accommodation, x.accommodation_suitable,
    x.support_to_25);
}
template <class V>
void fields(V& v, StayingPut& x) {
  v(x.id, x.child, x.start, x.end);
}
template <class V>
void fields(V& v, Person& x) {
  v(x.child, x.forename, x.surname, x.preferred);
}
template <class V>
void fields(V& v, AdvocacyRequest& x) {
  v(x.id, x.child, x.service, x.date, x.requested_by, x.reason, x.closed, x.closed_reason);
}
template <class V>
void fields(V& v, AdvocacyAllocation& x) {
  v(x.id, x.child, x.service, x.request, x.advocate, x.provider, x.start, x.end);
}
template <class V>
void fields(V& v, AdvocacyVisit& x) {
  v(x.id, x.child, x.service, x.date, x.allocation);
}
template <class V>
void fields(V& v, LocalRecords& x) {
  v(x.la, x.professionals, x.allocations, x.health_checks, x.immunisations, x.sdq, x.peps,
    x.pathway_plans, x.care_plans, x.visits, x.reviews, x.missing, x.contacts, x.care_leaver_status,
    x.staying_put, x.people, x.advocacy_requests, x.advocacy_allocations, x.advocacy_visits);
}

template <class V>
void fields(V& v, PeriodOfCare& x) {
  v(x.start, x.end, x.first, x.last, x.short_breaks);
}
template <class V>
void fields(V& v, DateTime& x) {
  v(x.date, x.minute);
}

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsPair : std::false_type {};
template <class A, class B>
struct IsPair<std::pair<A, B>> : std::true_type {};

// Written as their bytes: numbers, dates, spans — every byte a value, no padding, and no value
// that could be out of range (bools and enums are checked one by one; optionals and structs with
// padding go field by field, so no byte of uninitialised padding is ever written).
template <class T>
constexpr bool kPlain = std::has_unique_object_representations_v<T> && !std::is_enum_v<T> &&
                        !std::is_same_v<T, bool> && !IsOptional<T>::value;

// The number of codes in a code list (model/codes.hpp), or 0 for enums without one.
template <class E>
std::size_t code_count() {
  if constexpr (requires { CodeTraits<E>::entries(); })
    return CodeTraits<E>::entries().size();
  else
    return 0;
}

class Writer {
 public:
  Writer(const std::function<void(std::string_view)>& put, std::size_t piece)
      : put_(put), piece_(std::max<std::size_t>(piece, 1)) {
    buf_.reserve(piece_);
  }

  template <class... T>
  void operator()(const T&... v) {
    (write(v), ...);
  }

  void finish() {
    if (!buf_.empty()) put_(buf_);
    buf_.clear();
  }

 private:
  void bytes(const void* p, std::size_t n) {
    const char* c = static_cast<const char*>(p);
    while (n > 0) {
      const std::size_t k = std::min(n, piece_ - buf_.size());
      buf_.append(c, k);
      c += k;
      n -= k;
      if (buf_.size() == piece_) {
        put_(buf_);
        buf_.clear();
      }
    }
  }

  template <class T>
  void write(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
      write(static_cast<std::uint64_t>(v.size()));
      bytes(v.data(), v.size());
    } else if constexpr (IsVector<T>::value) {
      write(static_cast<std::uint64_t>(v.size()));
      if constexpr (kPlain<typename T::value_type>)
        bytes(v.data(), v.size() * sizeof(typename T::value_type));
      else
        for (const auto& e : v) write(e);
    } else if constexpr (IsOptional<T>::value) {
      write(v.has_value());
      if (v) write(*v);
    } else if constexpr (IsPair<T>::value) {
      write(v.first);
      write(v.second);
    } else if constexpr (std::is_same_v<T, bool>) {
      const std::uint8_t b = v ? 1 : 0;
      bytes(&b, 1);
    } else if constexpr (std::is_enum_v<T>) {
      const auto u = static_cast<std::underlying_type_t<T>>(v);
      bytes(&u, sizeof u);
    } else if constexpr (kPlain<T>) {
      bytes(&v, sizeof v);
    } else {
      fields(*this, const_cast<T&>(v));  // the writer only reads
    }
  }

  const std::function<void(std::string_view)>& put_;
  const std::size_t piece_;
  std::string buf_;
};

class Reader {
 public:
  Reader(const std::function<std::optional<std::string>()>& next, std::size_t max_bytes)
      : next_(next), max_bytes_(max_bytes) {}

  template <class... T>
  void operator()(T&... v) {
    (read(v), ...);
  }

  bool at_end() {
    while (at_ == piece_.size()) {
      auto more = next_();
      if (!more) return true;
      piece_ = std::move(*more);
      at_ = 0;
    }
    return false;
  }

 private:
  void bytes(void* p, std::size_t n) {
    char* c = static_cast<char*>(p);
    while (n > 0) {
      if (at_end()) throw DatasetCodecError("the saved dataset ends early");
      const std::size_t k = std::min(n, piece_.size() - at_);
      std::memcpy(c, piece_.data() + at_, k);
      c += k;
      n -= k;
      at_ += k;
    }
  }

  [[noreturn]] static void damaged(const std::string& what) {
    throw DatasetCodecError("the saved dataset is damaged (" + what + ")");
  }

  // A count of things that take at least a byte each: no more than the bytes there are.
  std::size_t count() {
    std::uint64_t n = 0;
    bytes(&n, sizeof n);
    if (n > max_bytes_) damaged("a count of " + std::to_string(n));
    return static_cast<std::size_t>(n);
  }

  // Plain elements, made at their full size at once: no count can ask for more than the bytes.
  template <class T, class Container>
  void read_plain(Container& v, std::size_t n) {
    if (n > max_bytes_ / sizeof(T)) damaged("a count of " + std::to_string(n));
    v.resize(n);
    bytes(v.data(), n * sizeof(T));
  }

  template <class T>
  void read(T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
      read_plain<char>(v, count());
    } else if constexpr (IsVector<T>::value) {
      using E = typename T::value_type;
      const std::size_t n = count();
      if constexpr (kPlain<E>) {
        read_plain<E>(v, n);
      } else {
        v.clear();
        // Each takes at least 8 bytes written (a child index and a year, or a string's length).
        v.reserve(n <= max_bytes_ / 8 ? n : std::min<std::size_t>(n, 1 << 16));
        for (std::size_t i = 0; i < n; ++i) read(v.emplace_back());
      }
    } else if constexpr (IsOptional<T>::value) {
      bool has = false;
      read(has);
      if (has)
        read(v.emplace());
      else
        v.reset();
    } else if constexpr (IsPair<T>::value) {
      read(v.first);
      read(v.second);
    } else if constexpr (std::is_same_v<T, bool>) {
      std::uint8_t b = 0;
      bytes(&b, 1);
      if (b > 1) damaged("a flag of " + std::to_string(b));
      v = b == 1;
    } else if constexpr (std::is_enum_v<T>) {
      std::underlying_type_t<T> u{};
      bytes(&u, sizeof u);
      // A code indexes its list's table (model::code_info): one out of range is refused here.
      if (const std::size_t codes = code_count<T>(); codes > 0 && std::size_t(u) >= codes)
        damaged("a code out of range: " + std::to_string(u));
      v = static_cast<T>(u);
    } else if constexpr (kPlain<T>) {
      bytes(&v, sizeof v);
    } else {
      fields(*this, v);
    }
  }

  const std::function<std::optional<std::string>()>& next_;
  const std::size_t max_bytes_;
  std::string piece_;
  std::size_t at_ = 0;
};

// The dataset's tables, in the order written (the string pool and the local records apart).
template <class V, class D>
void tables(V& v, D& d) {
  v(d.children, d.episodes, d.reviews, d.periods, d.missing, d.sw_episodes, d.uasc, d.oc2, d.oc3,
    d.ad1, d.placed_adoption, d.prev_perm, d.dolo, d.councils, d.returns, d.return_tables);
}

// What the engines take on trust: every child index, row span and string id in range.
void check_shape(const Dataset& d) {
  const std::size_t children = d.children.size();
  auto bad = [](const char* what) {
    throw DatasetCodecError(std::string("the saved dataset is damaged (") + what + ")");
  };
  const auto& E = d.episodes;
  const std::size_t ne = E.child.size();
  for (const auto* col : {&E.home_post, &E.pl_post, &E.urn})
    if (col->size() != ne) bad("episode columns of different lengths");
  if (E.decom.size() != ne || E.dec.size() != ne || E.rne.size() != ne || E.ls.size() != ne ||
      E.cin.size() != ne || E.place.size() != ne || E.place_provider.size() != ne ||
      E.rec.size() != ne || E.reason_place_change.size() != ne)
    bad("episode columns of different lengths");
  const auto& R = d.reviews;
  if (R.review.size() != R.child.size() || R.review_code.size() != R.child.size())
    bad("review columns of different lengths");
  for (auto c : E.child)
    if (c >= children) bad("an episode's child");
  for (auto c : R.child)
    if (c >= children) bad("a review's child");
  for (const auto* col : {&E.home_post, &E.pl_post, &E.urn})
    for (auto id : *col)
      if (id >= d.strings.size()) bad("a string id");
  auto rows_of = [&](const auto& table) {
    for (const auto& r : table)
      if (r.child >= children) bad("a row's child");
  };
  rows_of(d.missing);
  rows_of(d.sw_episodes);
  rows_of(d.uasc);
  rows_of(d.oc2);
  rows_of(d.oc3);
  rows_of(d.ad1);
  rows_of(d.placed_adoption);
  rows_of(d.prev_perm);
  rows_of(d.dolo);
  for (const auto& p : d.periods)
    if (p.first > p.last || p.last >= ne) bad("a period of care's episodes");
  auto within = [&](Span s, std::size_t size) {
    if (std::size_t{s.begin} + s.count > size) bad("a child's rows");
  };
  for (const auto& c : d.children) {
    within(c.episodes, ne);
    within(c.reviews, R.child.size());
    within(c.periods, d.periods.size());
    within(c.missing, d.missing.size());
    within(c.sw_episodes, d.sw_episodes.size());
    within(c.uasc, d.uasc.size());
    within(c.oc2, d.oc2.size());
    within(c.oc3, d.oc3.size());
    within(c.ad1, d.ad1.size());
  }
  if (d.return_tables.size() != d.returns.size()) bad("the returns' tables");
}

}  // namespace

void encode_dataset(const Dataset& d, const std::function<void(std::string_view)>& put,
                    std::size_t piece_bytes) {
  Writer w(put, piece_bytes);
  w(kMagic, static_cast<std::uint32_t>(kDatasetCodecVersion));
  tables(w, d);
  std::vector<std::string> pool;  // id 0, the empty string, is every pool's own
  pool.reserve(d.strings.size());
  for (std::uint32_t id = 1; id < d.strings.size(); ++id) pool.emplace_back(d.strings.get(id));
  w(pool, d.local, kTrailer);
  w.finish();
}

Dataset decode_dataset(const std::function<std::optional<std::string>()>& next,
                       std::size_t max_bytes) {
  Reader r(next, max_bytes);
  std::uint64_t magic = 0;
  std::uint32_t version = 0;
  r(magic);
  if (magic != kMagic) throw DatasetCodecError("not a saved dataset");
  r(version);
  if (version != static_cast<std::uint32_t>(kDatasetCodecVersion))
    throw DatasetCodecError("a saved dataset of form " + std::to_string(version) +
                            "; this build reads form " + std::to_string(kDatasetCodecVersion));
  Dataset d;
  tables(r, d);
  std::vector<std::string> pool;
  std::vector<LocalRecords> local;
  std::uint64_t trailer = 0;
  r(pool, local, trailer);
  if (trailer != kTrailer || !r.at_end()) throw DatasetCodecError("the saved dataset is damaged");
  for (std::size_t i = 0; i < pool.size(); ++i)
    if (d.strings.intern(pool[i]) != i + 1)
      throw DatasetCodecError("the saved dataset is damaged (a string twice)");
  check_shape(d);
  d.index_children();
  d.attach_local(std::move(local));
  return d;
}

}  // namespace hearth::model
