// The SSDA903 code lists, each an enum class with a table of codes, plain-English meanings and
// the collection years each code is valid in.
//
// Source of truth: the DfE's sector validator (data-to-insight/csc-validator-be-903), whose rule
// files for each collection year list the codes it accepts; codes.cpp cites the rule file behind
// every table. Meanings follow the DfE's SSDA903 guidance.
//
// Years are collection years in end-year form: 2025 is 2024/25 (1 April 2024 – 31 March 2025).
//
// A code in a list is parsed whatever the year (parse_code), so a file from the wrong year
// still reads; whether it is allowed in the return's year is a separate question (valid_in).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "model/dates.hpp"

namespace hearth::model {

inline constexpr int kValidSinceEver = 0;  // CodeInfo::first_year: valid in every year we know
inline constexpr int kStillValid = 9999;   // CodeInfo::last_year: not withdrawn

struct CodeInfo {
  std::string_view code;  // canonical upper-case text as written in the 903, e.g. "U4", "WBRI", "1"
  std::string_view label;  // plain-English meaning
  int first_year;  // first collection year (end-year form: 2024 = 2023/24) it is valid; 0 = always
  int last_year;   // last collection year it is valid; 9999 = still valid

  constexpr bool valid_in(CollectionYear y) const {
    return first_year <= y.end_year && y.end_year <= last_year;
  }
};

// Specialised for every code enum below:
//   static constexpr std::string_view column;    // the 903 column, e.g. "PLACE"
//   static constexpr std::string_view name;      // what the list is, e.g. "placement type"
//   static std::span<const CodeInfo> entries();  // entries()[static_cast<size_t>(e)] describes e
template <class E>
struct CodeTraits;

// ---- The code lists -------------------------------------------------------------------------
// Enumerators are in the same order as the entries of their table in codes.cpp. An enumerator
// is named after its code when the code is a C++ identifier, otherwise descriptively.

// SEX (Header and UASC). 1/2 up to 2023/24; M/F/U from 2024/25.
enum class Sex : std::uint8_t { Male, Female, M, F, U };

// ETHNIC
enum class Ethnicity : std::uint8_t {
  WBRI,
  WIRI,
  WOTH,
  WIRT,
  WROM,  // White
  MWBC,
  MWBA,
  MWAS,
  MOTH,  // Mixed
  AIND,
  APKN,
  ABAN,
  AOTH,  // Asian
  BCRB,
  BAFR,
  BOTH,  // Black
  CHNE,
  OOTH,  // Chinese, other
  REFU,
  NOBT,  // refused, not yet obtained
};

// RNE
enum class ReasonNewEpisode : std::uint8_t { S, L, P, T, U, B };

// LS
enum class LegalStatus : std::uint8_t { C1, C2, D1, E1, V2, V3, V4, J1, J2, J3, L1, L2, L3 };

// CIN
enum class CategoryOfNeed : std::uint8_t { N1, N2, N3, N4, N5, N6, N7, N8 };

// PLACE: every code valid in any year from 2022/23 to 2026/27.
enum class PlacementType : std::uint8_t {
  A3,
  A4,
  A5,
  A6,
  H5,
  K1,
  K2,
  K3,
  P1,
  P2,
  P3,
  R1,
  R2,
  R3,
  R5,
  S1,
  T0,
  T1,
  T2,
  T3,
  T4,
  U1,
  U2,
  U3,
  U4,
  U5,
  U6,
  Z1,
  Z11,
  Z12,
  Z13,
  Z14,
};

// PLACE_PROVIDER
enum class PlacementProvider : std::uint8_t { PR0, PR1, PR2, PR3, PR4, PR5 };

// REC
enum class ReasonEpisodeCeased : std::uint8_t {
  E11,
  E12,
  E2,
  E3,
  E4A,
  E4B,
  E13,
  E41,
  E45,
  E46,
  E47,
  E48,
  E5,
  E6,
  E7,
  E8,
  E9,
  E14,
  E15,
  E16,
  E17,
  X1,
};

// REASON_PLACE_CHANGE
enum class ReasonPlaceChange : std::uint8_t {
  CARPL,
  CLOSE,
  ALLEG,
  STAND,
  APPRR,
  CREQB,
  CREQO,
  CHILD,
  LAREQ,
  PLACE,
  CUSTOD,
  OTHER,
};

// REVIEW_CODE
enum class ReviewParticipation : std::uint8_t { PN0, PN1, PN2, PN3, PN4, PN5, PN6, PN7 };

// MISSING
enum class MissingType : std::uint8_t { M, A };

// SDQ_REASON
enum class SdqReason : std::uint8_t { SDQ1, SDQ2, SDQ3, SDQ4, SDQ5 };

// IN_TOUCH
enum class InTouch : std::uint8_t { YES, NO, DIED, REFU, NREQ, RHOM };

// ACTIV ("0": nothing to report)
enum class Activity : std::uint8_t { F1, P1, F2, P2, F4, P4, F5, P5, G4, G5, G6, NotApplicable };

// ACCOM: accommodation type letter + suitability (1 suitable, 2 not suitable); "0": nothing to
// report.
enum class Accommodation : std::uint8_t {
  B1,
  B2,
  C1,
  C2,
  D1,
  D2,
  E1,
  E2,
  G1,
  G2,
  H1,
  H2,
  K1,
  K2,
  R1,
  R2,
  S2,
  T1,
  T2,
  U1,
  U2,
  V1,
  V2,
  W1,
  W2,
  X2,
  Y1,
  Y2,
  Z1,
  Z2,
  NotApplicable,
};

// REASON_PLACED_CEASED
enum class ReasonPlacedCeased : std::uint8_t { RD1, RD2, RD3, RD4 };

// PREV_PERM
enum class PreviousPermanence : std::uint8_t { P1, P2, P3, P4, Z1 };

// SW_REASON (SWEpisodes, from 2023/24)
enum class SwReason : std::uint8_t {
  MANAGE,
  FCONTA,
  LEFTRL,
  ORGRST,
  TSPROC,
  ABSENC,
  CHCHAN,
  PCCHAN,
  SWDIED,
  OTHERS,
};

// SEX_ADOPTR
enum class SexOfAdopters : std::uint8_t { M1, F1, MM, FF, MF };

// LS_ADOPTR
enum class LegalStatusOfAdopters : std::uint8_t { L0, L11, L12, L2, L3, L4 };

// ---- Traits -----------------------------------------------------------------------------------

template <>
struct CodeTraits<Sex> {
  static constexpr std::string_view column = "SEX";
  static constexpr std::string_view name = "sex";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<Ethnicity> {
  static constexpr std::string_view column = "ETHNIC";
  static constexpr std::string_view name = "ethnicity";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<ReasonNewEpisode> {
  static constexpr std::string_view column = "RNE";
  static constexpr std::string_view name = "reason for new episode";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<LegalStatus> {
  static constexpr std::string_view column = "LS";
  static constexpr std::string_view name = "legal status";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<CategoryOfNeed> {
  static constexpr std::string_view column = "CIN";
  static constexpr std::string_view name = "category of need";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<PlacementType> {
  static constexpr std::string_view column = "PLACE";
  static constexpr std::string_view name = "placement type";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<PlacementProvider> {
  static constexpr std::string_view column = "PLACE_PROVIDER";
  static constexpr std::string_view name = "placement provider";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<ReasonEpisodeCeased> {
  static constexpr std::string_view column = "REC";
  static constexpr std::string_view name = "reason episode ceased";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<ReasonPlaceChange> {
  static constexpr std::string_view column = "REASON_PLACE_CHANGE";
  static constexpr std::string_view name = "reason for placement change";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<ReviewParticipation> {
  static constexpr std::string_view column = "REVIEW_CODE";
  static constexpr std::string_view name = "participation in review";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<MissingType> {
  static constexpr std::string_view column = "MISSING";
  static constexpr std::string_view name = "missing or away without authorisation";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<SdqReason> {
  static constexpr std::string_view column = "SDQ_REASON";
  static constexpr std::string_view name = "reason for no SDQ score";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<InTouch> {
  static constexpr std::string_view column = "IN_TOUCH";
  static constexpr std::string_view name = "council in touch with care leaver";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<Activity> {
  static constexpr std::string_view column = "ACTIV";
  static constexpr std::string_view name = "care leaver's activity";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<Accommodation> {
  static constexpr std::string_view column = "ACCOM";
  static constexpr std::string_view name = "care leaver's accommodation";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<ReasonPlacedCeased> {
  static constexpr std::string_view column = "REASON_PLACED_CEASED";
  static constexpr std::string_view name = "reason no longer to be placed for adoption";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<PreviousPermanence> {
  static constexpr std::string_view column = "PREV_PERM";
  static constexpr std::string_view name = "previous permanence option";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<SwReason> {
  static constexpr std::string_view column = "SW_REASON";
  static constexpr std::string_view name = "reason for social worker change";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<SexOfAdopters> {
  static constexpr std::string_view column = "SEX_ADOPTR";
  static constexpr std::string_view name = "sex of adopters";
  static std::span<const CodeInfo> entries();
};
template <>
struct CodeTraits<LegalStatusOfAdopters> {
  static constexpr std::string_view column = "LS_ADOPTR";
  static constexpr std::string_view name = "legal status of adopters";
  static std::span<const CodeInfo> entries();
};

// ---- Operations -------------------------------------------------------------------------------

namespace codes_detail {

constexpr bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

constexpr std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// `canonical` is upper case; `text` may be any case.
constexpr bool equals_upper(std::string_view text, std::string_view canonical) {
  if (text.size() != canonical.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != canonical[i]) return false;
  }
  return true;
}

// Every 903 code is at most 8 characters, so a code packs into one 64-bit word (upper-cased,
// little-endian, zero-padded): parsing compares words instead of strings. Measured in
// bench/csv_bench.cpp; parse_code is on the import's hot path (seven codes per episode).
inline bool pack_upper(std::string_view s, std::uint64_t& out) {
  if (s.size() > 8) return false;
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(c)) << (8 * i);
  }
  out = v;
  return true;
}

template <class E>
const std::vector<std::uint64_t>& packed_codes() {
  static const std::vector<std::uint64_t> packed = [] {
    std::vector<std::uint64_t> p;
    for (const auto& e : CodeTraits<E>::entries()) {
      std::uint64_t v = 0;
      if (!pack_upper(e.code, v)) v = ~std::uint64_t{0};  // longer codes: matched by the slow path
      p.push_back(v);
    }
    return p;
  }();
  return packed;
}

}  // namespace codes_detail

// The enumerator whose code is `text` (surrounding blanks ignored, any case), or nullopt when
// the text is in the list for no year. Does not allocate.
template <class E>
std::optional<E> parse_code(std::string_view text) {
  text = codes_detail::trim(text);
  if (text.empty()) return std::nullopt;
  std::uint64_t key = 0;
  if (codes_detail::pack_upper(text, key)) {
    const auto& packed = codes_detail::packed_codes<E>();
    for (std::size_t i = 0; i < packed.size(); ++i)
      if (packed[i] == key) return static_cast<E>(i);
    return std::nullopt;
  }
  const auto entries = CodeTraits<E>::entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (codes_detail::equals_upper(text, entries[i].code)) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <class E>
const CodeInfo& code_info(E e) {
  return CodeTraits<E>::entries()[static_cast<std::size_t>(e)];
}

template <class E>
std::string_view code_text(E e) {
  return code_info(e).code;
}

template <class E>
std::string_view code_label(E e) {
  return code_info(e).label;
}

template <class E>
bool valid_in(E e, CollectionYear y) {
  return code_info(e).valid_in(y);
}

// The codes valid in `y`, in table order (for messages: "expected one of ...").
template <class E>
std::vector<std::string_view> codes_valid_in(CollectionYear y) {
  std::vector<std::string_view> out;
  for (const CodeInfo& c : CodeTraits<E>::entries()) {
    if (c.valid_in(y)) out.push_back(c.code);
  }
  return out;
}

// Sex changed coding in 2024/25 (1/2 became M/F, and U was added); rules about boys and girls
// should ask these rather than compare codes.
constexpr bool is_male(Sex s) {
  return s == Sex::Male || s == Sex::M;
}
constexpr bool is_female(Sex s) {
  return s == Sex::Female || s == Sex::F;
}

// P2 (independent living) is listed for PLACE up to 2024/25, but from 28 October 2023 the DfE
// no longer accepts it: in 2023/24 an episode placed in P2 must have ended (DEC) on or before
// this date (validator rule 217t, lac2023_24). Year-level validity cannot say this; rules can.
inline constexpr Date kPlacementP2LastEnd{std::chrono::year{2023} / std::chrono::October /
                                          std::chrono::day{28}};

// Every code list, for documentation and the command line.
struct CodeListInfo {
  std::string_view column;  // e.g. "PLACE"
  std::string_view name;    // e.g. "placement type"
  std::span<const CodeInfo> entries;
};
std::span<const CodeListInfo> all_code_lists();

}  // namespace hearth::model
