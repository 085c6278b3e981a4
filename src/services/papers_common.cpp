#include "services/papers_common.hpp"

#include <fmt/format.h>

#include "services/commentary.hpp"
#include "services/errors.hpp"
#include "services/listening.hpp"
#include "services/scorecard.hpp"
#include "voice/clock.hpp"

namespace hearth::services::papers {

using model::Date;

Date today_in_england() {
  return voice::england_date(model::instant_now());
}

Date date_of(model::Instant t) {
  return voice::england_date(t);
}

namespace {

// The arrangements in force at `cutoff`; when the council loaded its first only later, that
// first one (the paper says so).
std::shared_ptr<const governance::Governance> arrangements(store::Store& st, const std::string& la,
                                                           const voice::SurveyBook& surveys,
                                                           model::Instant cutoff,
                                                           std::string& note) {
  if (st.governance().governance(la, cutoff))
    return std::make_shared<const governance::Governance>(governance_of(st, la, surveys, cutoff));
  const auto versions = st.governance().governance_versions(la);  // newest first
  if (versions.empty())
    return std::make_shared<const governance::Governance>(governance_of(st, la, surveys));
  note =
      "The Board's arrangements were first loaded into Hearth after this date; the first "
      "version loaded is used.";
  return std::make_shared<const governance::Governance>(
      governance_of(st, la, surveys, versions.back().loaded_at));
}

}  // namespace

void fill_base(PaperBase& p, const SnapshotCache& snap, store::Store& st,
               const voice::SurveyBook& surveys, const std::string& la, Date figures_on,
               const std::string& period, bool suppress, model::Instant generated_at) {
  p.la = la;
  p.cutoff = end_of_day(p.as_of);
  p.generated_at = generated_at;
  p.suppressed = suppress;
  p.governance = arrangements(st, la, surveys, p.cutoff, p.arrangements_note);
  ScorecardQuery q;
  q.la = la;
  q.as_of = model::format_iso(figures_on);
  q.period = period;
  q.suppress = suppress;
  // With its breakdowns, as every other view of the scorecard: a total is suppressed too when
  // its categories would give a small one away.
  q.breakdowns = true;
  const auto plan = plan_scorecard(snap, q);
  p.scorecard = build_scorecard(snap, plan);
  p.scorecard.records_note.clear();  // the paper says how old the records are against its date
  p.records_to = plan.as_of.records_to;
  p.la_name = p.scorecard.la_name;
  if (period == "quarter") {
    const auto key = model::format_iso(p.scorecard.period.end);
    for (const auto& c : commentary_as_at(st, la, key, p.cutoff)) {
      if (c.subject.rfind("indicator:", 0) != 0 || c.body.empty()) continue;
      auto& fc = p.commentary[c.subject.substr(10)];
      (c.part == "behind" ? fc.behind : fc.doing) = c.body;
    }
  }
  p.progress = services::progress(snap, st, *p.governance, la, figures_on, surveys, suppress);
}

nlohmann::json listening(const SnapshotCache& snap, store::Store& st,
                         const voice::SurveyBook& surveys, const std::string& la, Date from,
                         Date to) {
  ListeningQuery q;
  q.la = la;
  q.from = from;
  q.to = to;
  return listening_summary(st, *snap.data, surveys, q);
}

}  // namespace hearth::services::papers

namespace hearth::services {

model::Date last_quarter_end(model::Date d) {
  using namespace std::chrono;
  const year_month_day ymd{d};
  const unsigned m = static_cast<unsigned>(ymd.month());
  const unsigned quarter_end = ((m - 1) / 3 + 1) * 3;  // 3, 6, 9 or 12
  auto last_of = [](year y, unsigned month) {
    return model::Date{sys_days{year_month_day_last{y, month_day_last{std::chrono::month{month}}}}};
  };
  if (d == last_of(ymd.year(), quarter_end)) return d;
  return quarter_end == 3 ? last_of(ymd.year() - years{1}, 12)
                          : last_of(ymd.year(), quarter_end - 3);
}

model::Date last_year_end(model::Date d) {
  using namespace std::chrono;
  const year y = year_month_day{d}.year();
  const model::Date march{y / March / 31};
  return d >= march ? march : model::Date{(y - years{1}) / March / 31};
}

std::string year_name(model::Date year_end) {
  const int end = static_cast<int>(std::chrono::year_month_day{year_end}.year());
  return fmt::format("{}-{:02}", end - 1, end % 100);
}

}  // namespace hearth::services
