// The demo council's commentary (demo_governance.hpp): what officers wrote behind five figures
// before each of the last two meetings (one piece rewritten after the last meeting, so its pack
// shows the words as they stood then), and the annual report's sections for the last full year.
#include <chrono>

#include "cli/demo_governance.hpp"
#include "services/papers.hpp"

namespace hearth::cli {

namespace {

using model::Date;

struct Piece {
  const char* indicator;
  const char* behind;
  const char* doing;
};

constexpr Piece kFigures[] = {
    {"stability_short",
     "Most moves this quarter were **planned**: children moving to long-term foster homes after "
     "matching. Three moves followed a placement ending at short notice.",
     "- Placement stability meetings within 5 working days when a carer asks for a child to move\n"
     "- The fostering service's *support offer* reviewed with carers in the spring"},
    {"iha_timely",
     "Health assessments were late where consent arrived after the child's first week in care, "
     "and where children were placed out of the area.",
     "Social workers send consent with the placement request. The designated nurse reports "
     "weekly on every assessment due."},
    {"leavers_eet_19_21",
     "Young people aged 19 to 21 in education, employment or training: the figure fell as a "
     "group finished college courses in the summer.",
     "The leaving care service's employment adviser meets every young person not in work or "
     "study within a month. See the [local offer](https://www.gov.uk/government/publications/"
     "local-offer-guidance)."},
    {"pep_current",
     "Personal education plans are current for most children; the Virtual School tracks each "
     "one that is due.",
     "The Virtual School head reports each term to the Board."},
    {"visits_timely",
     "Visits were on time for most children. Late visits were mostly to children placed far "
     "from home.",
     "Team managers review every late visit weekly; workers visiting far from home are given a "
     "day for the journey."},
};

model::Instant at(Date d, int hour) {
  return model::Instant{std::chrono::sys_days{d} + std::chrono::hours{hour}};
}

}  // namespace

int add_demo_commentary(store::Store& st, const std::string& la, Date today) {
  auto& cs = st.commentary();
  std::vector<Date> held;
  for (const auto& m : st.governance().meetings(la))
    if (m.status == "held") held.push_back(m.held_on);
  int written = 0;
  auto put = [&](const std::string& subject, const std::string& period, const std::string& part,
                 const std::string& body, model::Instant when) {
    if (when > at(today, 0)) return;
    std::int64_t replaces = 0;
    for (const auto& c : cs.commentary_history(la, subject, period, part)) replaces = c.id;
    store::Commentary c{0, la, subject, period, part, body, when, "demo-analyst", replaces};
    if (cs.add_commentary(c) != 0) ++written;
  };
  // The last two meetings' packs.
  for (std::size_t k = held.size() >= 2 ? held.size() - 2 : 0; k < held.size(); ++k) {
    const Date meeting = held[k];
    // The pack's scorecard is the last quarter the returns reach (they end on a 31 March).
    const std::chrono::year_month_day md{meeting};
    const Date march{
        std::chrono::year{static_cast<int>(md.year()) - (md.month() < std::chrono::April ? 1 : 0)} /
        std::chrono::March / 31};
    const std::string quarter =
        model::format_iso(std::min(services::last_quarter_end(meeting), march));
    for (const auto& p : kFigures) {
      const std::string subject = std::string("indicator:") + p.indicator;
      put(subject, quarter, "behind", p.behind, at(meeting - std::chrono::days{8}, 11));
      put(subject, quarter, "doing", p.doing, at(meeting - std::chrono::days{8}, 11));
    }
    if (k + 1 == held.size())  // rewritten after the meeting: its pack keeps the first words
      put("indicator:iha_timely", quarter, "doing",
          "Since the meeting: the designated nurse now books each assessment on the day the "
          "child comes into care.",
          at(meeting + std::chrono::days{2}, 15));
  }
  // The annual report for the last year that has ended.
  const Date year_end = services::last_year_end(today);
  const std::string year = services::year_name(year_end);
  const auto when =
      at(std::min(year_end + std::chrono::days{60}, today - std::chrono::days{1}), 10);
  put("annual:introduction", year, "text",
      "This is the Corporate Parenting Board's report on the year. As corporate parents we "
      "asked of every service: *would this be good enough for my child?*\n\nThe Board met every "
      "two months, heard from the children in care council at each meeting, and agreed actions "
      "on what young people told us.",
      when);
  put("annual:voice", year, "text",
      "> We want to know who our worker is, and to be told before they change.\n\nThe children "
      "in care council chose the themes for the year and raised their challenge cards with the "
      "Board in person.",
      when);
  put("annual:next-year", year, "text",
      "Next year the Board will:\n\n1. Bring health assessments for children placed out of the "
      "area into time\n2. Publish the local offer with every amount in it\n3. Hear from care "
      "leavers at every meeting",
      when);
  put("annual:priority:safety", year, "text",
      "Children's homes were more stable this year: more children stayed in the same home for "
      "two years or more, and fewer moved three times or more.",
      when);
  put("annual:priority:independence", year, "text",
      "The leaving care service kept in touch with almost every care leaver, and the employment "
      "adviser's post was made permanent.",
      when);
  return written;
}

}  // namespace hearth::cli
