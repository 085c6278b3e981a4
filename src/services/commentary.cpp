#include "services/commentary.hpp"

#include "indicators/registry.hpp"
#include "services/board.hpp"
#include "services/errors.hpp"

namespace hearth::services {

namespace {

constexpr std::size_t kMaxBody = 20000;  // characters, not bytes: "é" and "—" count once

// A quarter's last day: 30 June, 30 September, 31 December or 31 March.
bool quarter_end(model::Date d) {
  const std::chrono::year_month_day ymd{d};
  const unsigned m = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  return (m == 3 && day == 31) || (m == 6 && day == 30) || (m == 9 && day == 30) ||
         (m == 12 && day == 31);
}

}  // namespace

bool annual_section(const std::string& section) {
  if (section == "introduction" || section == "voice" || section == "next-year") return true;
  return section.starts_with("priority:") && section.size() > 9 && section.size() < 80;
}

CommentaryPiece check_piece(const CommentaryPiece& in) {
  CommentaryPiece p = in;
  if (p.subject.starts_with("indicator:")) {
    if (!indicators::indicator_by_key(p.subject.substr(10)))
      throw bad_input("bad_subject", "There is no indicator '" + p.subject.substr(10) + "'",
                      {{"parameter", "subject"}});
    auto d = model::parse_iso(p.period);
    if (!d || !quarter_end(*d))
      throw bad_input("bad_period",
                      "Commentary on a figure is for a quarter: its last day, written 2026-03-31",
                      {{"parameter", "period"}});
    p.period = model::format_iso(*d);
    if (p.part != "behind" && p.part != "doing")
      throw bad_input("bad_part",
                      "Commentary on a figure says what is behind it (behind) or what is being "
                      "done about it (doing)",
                      {{"parameter", "part"}});
  } else if (p.subject.starts_with("annual:")) {
    if (!annual_section(p.subject.substr(7)))
      throw bad_input("bad_subject",
                      "The annual report's sections are introduction, voice, next-year and "
                      "priority:<id>",
                      {{"parameter", "subject"}});
    auto y = model::CollectionYear::parse(p.period);
    if (!y || p.period.size() != 7)
      throw bad_input("bad_period", "The annual report is for a year, written 2025-26",
                      {{"parameter", "period"}});
    p.period = y->folder_name();
    if (p.part.empty()) p.part = "text";
    if (p.part != "text")
      throw bad_input("bad_part", "A section of the annual report has one part: text",
                      {{"parameter", "part"}});
  } else {
    throw bad_input("bad_subject",
                    "Commentary is on a figure (indicator:<key>) or a section of the annual "
                    "report (annual:<section>)",
                    {{"parameter", "subject"}});
  }
  return p;
}

void check_length(const std::string& body) {
  std::size_t chars = 0;
  for (unsigned char c : body) chars += (c & 0xC0) != 0x80;  // a UTF-8 sequence's first byte
  if (chars > kMaxBody)
    throw bad_input("bad_body",
                    "Commentary is at most 20,000 characters; this is " + std::to_string(chars),
                    {{"parameter", "body"}});
}

store::Commentary write_commentary(const model::Dataset& data, store::Store& st,
                                   const std::string& la, const CommentaryPiece& piece,
                                   const std::string& body, std::int64_t replaces,
                                   const std::string& by, model::Instant now) {
  if (la.empty()) throw bad_input("bad_la", "Say which council the commentary is for");
  const auto p = check_piece(piece);
  check_length(body);
  check_names_no_child(data, st, la, body, "body");
  store::Commentary c{0, la, p.subject, p.period, p.part, body, now, by, replaces};
  c.id = st.commentary().add_commentary(c);
  if (!c.id)
    throw conflict("changed",
                   "Someone else saved this commentary meanwhile: look at theirs and try again");
  return c;
}

std::vector<store::Commentary> commentary_as_at(store::Store& st, const std::string& la,
                                                const std::string& period,
                                                std::optional<model::Instant> as_at) {
  return st.commentary().commentary(la, period, as_at);
}

}  // namespace hearth::services
