#include "ssda903/tables.hpp"

#include <cctype>

#include "model/codes.hpp"
#include "ssda903/fields.hpp"

namespace hearth::ssda903 {
namespace {

using namespace hearth::model;

using fields::MemberOf;
using fields::read_code;
using fields::read_int;
using fields::read_text;
using fields::write_code;
using fields::write_int;
using fields::write_text;
template <class R>
using Field = fields::Field<ColumnInfo, R>;

// ---- readers and writers for each kind of cell ----------------------------------------------

// Text compared upper-cased by the DfE (postcodes, UPN, partial dates): stored upper-cased.
template <auto M>
bool read_upper(std::string_view s, typename MemberOf<decltype(M)>::Record& r, CellProblem&) {
  std::string& v = r.*M;
  v.assign(s);
  for (char& c : v)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return true;
}

CellProblem bad_date() {
  return {"ingest.bad-date", "a date written dd/mm/yyyy, e.g. 01/04/2024",
          "Correct the date in the case-management system and export the file again; "
          "a date must exist in the calendar and be written day/month/year."};
}
template <auto M>
bool read_date(std::string_view s, typename MemberOf<decltype(M)>::Record& r, CellProblem& p) {
  auto d = parse_date(s);
  if (!d) {
    p = bad_date();
    return false;
  }
  r.*M = *d;
  return true;
}
template <auto M>
void write_date(const typename MemberOf<decltype(M)>::Record& r, std::string& out, bool iso) {
  out = iso ? format_iso(r.*M) : format_dmy(r.*M);
}

template <auto M>
bool read_opt_date(std::string_view s, typename MemberOf<decltype(M)>::Record& r, CellProblem& p) {
  auto d = parse_date(s);
  if (!d) {
    p = bad_date();
    return false;
  }
  r.*M = d;
  return true;
}
template <auto M>
void write_opt_date(const typename MemberOf<decltype(M)>::Record& r, std::string& out, bool iso) {
  const auto& v = r.*M;
  if (v) out = iso ? format_iso(*v) : format_dmy(*v);
}

template <auto M>
bool read_flag(std::string_view s, typename MemberOf<decltype(M)>::Record& r, CellProblem& p) {
  if (s == "0" || s == "1") {
    r.*M = (s == "1");
    return true;
  }
  p = {"ingest.bad-flag", "0 or 1", "Write 1 for yes and 0 for no."};
  return false;
}
template <auto M>
void write_flag(const typename MemberOf<decltype(M)>::Record& r, std::string& out, bool) {
  const auto& v = r.*M;
  if (v) out = *v ? "1" : "0";
}

#define TEXT(R, m, col, req)                                \
  Field<R> {                                                \
    {col, req, "text"}, read_text<&R::m>, write_text<&R::m> \
  }
#define UPPER(R, m, col)                                       \
  Field<R> {                                                   \
    {col, false, "text"}, read_upper<&R::m>, write_text<&R::m> \
  }
#define DATE(R, m, col)                                      \
  Field<R> {                                                 \
    {col, true, "date"}, read_date<&R::m>, write_date<&R::m> \
  }
#define ODATE(R, m, col)                                              \
  Field<R> {                                                          \
    {col, false, "date"}, read_opt_date<&R::m>, write_opt_date<&R::m> \
  }
#define CODE(R, m, col)                                       \
  Field<R> {                                                  \
    {col, false, "code"}, read_code<&R::m>, write_code<&R::m> \
  }
#define FLAG(R, m, col)                                       \
  Field<R> {                                                  \
    {col, false, "flag"}, read_flag<&R::m>, write_flag<&R::m> \
  }
#define INT(R, m, col, lo, hi)                                        \
  Field<R> {                                                          \
    {col, false, "number"}, read_int<&R::m, lo, hi>, write_int<&R::m> \
  }

const std::array header_fields{
    TEXT(ChildHeader, child, "CHILD", true), CODE(ChildHeader, sex, "SEX"),
    ODATE(ChildHeader, dob, "DOB"),          CODE(ChildHeader, ethnic, "ETHNIC"),
    UPPER(ChildHeader, upn, "UPN"),          FLAG(ChildHeader, mother, "MOTHER"),
    ODATE(ChildHeader, mc_dob, "MC_DOB"),
};
const std::array episode_fields{
    TEXT(Episode, child, "CHILD", true),
    DATE(Episode, decom, "DECOM"),
    CODE(Episode, rne, "RNE"),
    CODE(Episode, ls, "LS"),
    CODE(Episode, cin, "CIN"),
    CODE(Episode, place, "PLACE"),
    CODE(Episode, place_provider, "PLACE_PROVIDER"),
    ODATE(Episode, dec, "DEC"),
    CODE(Episode, rec, "REC"),
    CODE(Episode, reason_place_change, "REASON_PLACE_CHANGE"),
    UPPER(Episode, home_post, "HOME_POST"),
    UPPER(Episode, pl_post, "PL_POST"),
    UPPER(Episode, urn, "URN"),
};
const std::array review_fields{
    TEXT(Review, child, "CHILD", true),
    ODATE(Review, dob, "DOB"),
    DATE(Review, review, "REVIEW"),
    CODE(Review, review_code, "REVIEW_CODE"),
};
const std::array uasc_fields{
    TEXT(Uasc, child, "CHILD", true),
    CODE(Uasc, sex, "SEX"),
    ODATE(Uasc, dob, "DOB"),
    ODATE(Uasc, duc, "DUC"),
};
const std::array oc2_fields{
    TEXT(Oc2, child, "CHILD", true),
    ODATE(Oc2, dob, "DOB"),
    INT(Oc2, sdq_score, "SDQ_SCORE", 0, 40),
    CODE(Oc2, sdq_reason, "SDQ_REASON"),
    FLAG(Oc2, convicted, "CONVICTED"),
    FLAG(Oc2, health_check, "HEALTH_CHECK"),
    FLAG(Oc2, immunisations, "IMMUNISATIONS"),
    FLAG(Oc2, teeth_check, "TEETH_CHECK"),
    FLAG(Oc2, health_assessment, "HEALTH_ASSESSMENT"),
    FLAG(Oc2, substance_misuse, "SUBSTANCE_MISUSE"),
    FLAG(Oc2, intervention_received, "INTERVENTION_RECEIVED"),
    FLAG(Oc2, intervention_offered, "INTERVENTION_OFFERED"),
};
const std::array oc3_fields{
    TEXT(Oc3, child, "CHILD", true), ODATE(Oc3, dob, "DOB"),    CODE(Oc3, in_touch, "IN_TOUCH"),
    CODE(Oc3, activ, "ACTIV"),       CODE(Oc3, accom, "ACCOM"),
};
const std::array ad1_fields{
    TEXT(Ad1, child, "CHILD", true),       ODATE(Ad1, dob, "DOB"),
    ODATE(Ad1, date_int, "DATE_INT"),      ODATE(Ad1, date_match, "DATE_MATCH"),
    FLAG(Ad1, foster_care, "FOSTER_CARE"), INT(Ad1, nb_adoptr, "NB_ADOPTR", 1, 2),
    CODE(Ad1, sex_adoptr, "SEX_ADOPTR"),   CODE(Ad1, ls_adoptr, "LS_ADOPTR"),
};
const std::array placed_adoption_fields{
    TEXT(PlacedAdoption, child, "CHILD", true),
    ODATE(PlacedAdoption, dob, "DOB"),
    ODATE(PlacedAdoption, date_placed, "DATE_PLACED"),
    ODATE(PlacedAdoption, date_placed_ceased, "DATE_PLACED_CEASED"),
    CODE(PlacedAdoption, reason_placed_ceased, "REASON_PLACED_CEASED"),
};
const std::array prev_perm_fields{
    TEXT(PrevPerm, child, "CHILD", true),    ODATE(PrevPerm, dob, "DOB"),
    CODE(PrevPerm, prev_perm, "PREV_PERM"),  UPPER(PrevPerm, la_perm, "LA_PERM"),
    UPPER(PrevPerm, date_perm, "DATE_PERM"),
};
const std::array missing_fields{
    TEXT(MissingEpisode, child, "CHILD", true), ODATE(MissingEpisode, dob, "DOB"),
    CODE(MissingEpisode, missing, "MISSING"),   DATE(MissingEpisode, mis_start, "MIS_START"),
    ODATE(MissingEpisode, mis_end, "MIS_END"),
};
const std::array sw_fields{
    TEXT(SocialWorkerEpisode, child, "CHILD", true),
    ODATE(SocialWorkerEpisode, dob, "DOB"),
    TEXT(SocialWorkerEpisode, sw_id, "SW_ID", false),
    DATE(SocialWorkerEpisode, sw_decom, "SW_DECOM"),
    ODATE(SocialWorkerEpisode, sw_dec, "SW_DEC"),
    CODE(SocialWorkerEpisode, sw_reason, "SW_REASON"),
};
const std::array dolo_fields{
    TEXT(DeprivationOfLiberty, child, "CHILD", true),
    ODATE(DeprivationOfLiberty, dob, "DOB"),
    DATE(DeprivationOfLiberty, dolo_start, "DOLO_START"),
    ODATE(DeprivationOfLiberty, dolo_end, "DOLO_END"),
};

using fields::columns_of;

const auto header_cols = columns_of(header_fields);
const auto episode_cols = columns_of(episode_fields);
const auto review_cols = columns_of(review_fields);
const auto uasc_cols = columns_of(uasc_fields);
const auto oc2_cols = columns_of(oc2_fields);
const auto oc3_cols = columns_of(oc3_fields);
const auto ad1_cols = columns_of(ad1_fields);
const auto placed_cols = columns_of(placed_adoption_fields);
const auto prev_perm_cols = columns_of(prev_perm_fields);
const auto missing_cols = columns_of(missing_fields);
const auto sw_cols = columns_of(sw_fields);
const auto dolo_cols = columns_of(dolo_fields);

const std::array<TableInfo, kTableCount> tables{{
    {TableKind::Header, "Header", "header.csv", header_cols, 0},
    {TableKind::Episodes, "Episodes", "episodes.csv", episode_cols, 0},
    {TableKind::Reviews, "Reviews", "reviews.csv", review_cols, 0},
    {TableKind::Uasc, "UASC", "uasc.csv", uasc_cols, 0},
    {TableKind::Oc2, "OC2", "oc2.csv", oc2_cols, 0},
    {TableKind::Oc3, "OC3", "oc3.csv", oc3_cols, 0},
    {TableKind::Ad1, "AD1", "ad1.csv", ad1_cols, 0},
    {TableKind::PlacedAdoption, "PlacedAdoption", "placed_for_adoption.csv", placed_cols, 0},
    {TableKind::PrevPerm, "PrevPerm", "previous_permanence.csv", prev_perm_cols, 0},
    {TableKind::Missing, "Missing", "missing.csv", missing_cols, 0},
    {TableKind::SwEpisodes, "SWEpisodes", "sw_episodes.csv", sw_cols, 0},
    {TableKind::Dolo, "DoLo", "dolo.csv", dolo_cols, 2027},
}};

using fields::read_into;
using fields::write_from;

// Calls f(fields, rows) with the field list and the row vector of `kind`.
template <class Ret, class F>
decltype(auto) with_table(TableKind kind, Ret& ret, F&& f) {
  switch (kind) {
    case TableKind::Header:
      return f(header_fields, ret.header);
    case TableKind::Episodes:
      return f(episode_fields, ret.episodes);
    case TableKind::Reviews:
      return f(review_fields, ret.reviews);
    case TableKind::Uasc:
      return f(uasc_fields, ret.uasc);
    case TableKind::Oc2:
      return f(oc2_fields, ret.oc2);
    case TableKind::Oc3:
      return f(oc3_fields, ret.oc3);
    case TableKind::Ad1:
      return f(ad1_fields, ret.ad1);
    case TableKind::PlacedAdoption:
      return f(placed_adoption_fields, ret.placed_adoption);
    case TableKind::PrevPerm:
      return f(prev_perm_fields, ret.prev_perm);
    case TableKind::Missing:
      return f(missing_fields, ret.missing);
    case TableKind::SwEpisodes:
      return f(sw_fields, ret.sw_episodes);
    case TableKind::Dolo:
      return f(dolo_fields, ret.dolo);
  }
  return f(header_fields, ret.header);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

std::span<const TableInfo> all_tables() {
  return tables;
}

const TableInfo& table_info(TableKind kind) {
  return tables[static_cast<std::size_t>(kind)];
}

std::optional<TableKind> table_by_name(std::string_view name) {
  for (const auto& t : tables)
    if (iequals(t.name, name)) return t.kind;
  return std::nullopt;
}

void read_row(TableKind kind, std::span<const std::string_view> cells, model::Return& ret,
              std::vector<RowProblem>& problems) {
  with_table(kind, ret,
             [&](const auto& fields, auto& rows) { read_into(fields, cells, rows, problems); });
}

void reserve_rows(TableKind kind, model::Return& ret, std::size_t n) {
  with_table(kind, ret, [&](const auto&, auto& rows) { rows.reserve(rows.size() + n); });
}

std::size_t row_count(TableKind kind, const model::Return& ret) {
  return with_table(kind, ret, [](const auto&, const auto& rows) { return rows.size(); });
}

void write_row(TableKind kind, const model::Return& ret, std::size_t i,
               std::vector<std::string>& cells, DateStyle style) {
  with_table(kind, ret, [&](const auto& fields, const auto& rows) {
    write_from(fields, rows[i], cells, style == DateStyle::Iso);
  });
}

}  // namespace hearth::ssda903
