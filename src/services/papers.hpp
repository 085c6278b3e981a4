// The Board's papers (docs/papers.md), for the CLI and the web alike: the pack for a meeting and
// the annual corporate parenting report, each gathered as it stood at a moment — the figures as
// at their date, the officers' commentary, actions and cards as they were then — so the same
// date gives the same paper. report/papers.hpp renders them (HTML on A4, PDF, the XLSX appendix).
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "governance/config.hpp"
#include "indicators/scorecard.hpp"
#include "model/dates.hpp"
#include "model/instant.hpp"
#include "services/board.hpp"
#include "services/governance.hpp"
#include "services/snapshot_cache.hpp"
#include "store/store.hpp"
#include "voice/surveys.hpp"

namespace hearth::services {

// "What is behind this figure" and "what we are doing about it", as Markdown.
struct FigureCommentary {
  std::string behind, doing;
};

// What every paper has: whose, as at when, for whom, and the figures.
struct PaperBase {
  std::string la, la_name;
  // The arrangements in force at the cutoff (or, when none was loaded yet, the first loaded:
  // arrangements_note says so). Progress and the calendar point into it.
  std::shared_ptr<const governance::Governance> governance;
  std::string arrangements_note;
  model::Date as_of{};      // the paper's date: what is read as it stood at its end
  model::Instant cutoff{};  // the end of that day in England
  model::Instant generated_at{};
  bool suppressed = true;    // small numbers as "c" (the Board; anything that may be published)
  model::Date records_to{};  // the council's records end here
  indicators::Scorecard scorecard;                     // the figures
  std::map<std::string, FigureCommentary> commentary;  // by indicator key
  std::vector<PriorityProgress> progress;              // each priority's measures
  nlohmann::json listening;                            // listening_summary for the window
  model::Date listening_from{}, listening_to{};
};

struct MeetingPack : PaperBase {
  store::Meeting meeting;
  std::optional<store::Meeting> previous, next;  // the meeting held before; the one after
  bool draft = false;  // the meeting is still to come: the pack is as at today
  std::vector<store::Action> actions_overdue, actions_due, actions_closed;
  std::vector<store::Card> open_cards;  // as they stood, status included; words withheld until
                                        // the participation officer accepted them
  std::vector<store::Card> answered;    // "You said, we did" approved since the last meeting
  std::vector<ReportDue> reports;       // due since the last meeting up to the next
};

struct BoardYear {
  int meetings_held = 0, actions_agreed = 0, actions_done = 0, actions_dropped = 0;
  int cards_raised = 0, cards_answered = 0;
  std::vector<store::Meeting> meetings;  // held in the year, with attendance
  std::vector<store::Card> answered;     // "You said, we did" approved in the year
};

struct AnnualReport : PaperBase {
  std::string year;  // "2025-26"
  model::Date from{}, to{};
  std::map<std::string, std::string> sections;  // section ("introduction", "priority:<id>", ...)
  BoardYear business;
};

// The pack for meeting `id` of council `la`: as at its day (today for one still to come, marked
// draft). The scorecard is the last full quarter's by then, as the Board receives it.
// not_found "no_meeting" (another council's meeting too).
MeetingPack meeting_pack(const SnapshotCache& snap, store::Store& st,
                         const voice::SurveyBook& surveys, const std::string& la, std::int64_t id,
                         bool suppress, model::Instant generated_at);

// The annual report for `year` ("2025-26"), as at the end of `as_of` (today when none; never
// before the year ends, bad_input "year_not_ended", nor after today). bad_input "bad_year".
AnnualReport annual_report(const SnapshotCache& snap, store::Store& st,
                           const voice::SurveyBook& surveys, const std::string& la,
                           const std::string& year, std::optional<model::Date> as_of, bool suppress,
                           model::Instant generated_at);

// The last day of the last quarter (Q1 April to June) ending on or before `d`: the scorecard a
// meeting on `d` receives, and the period its commentary is written for.
model::Date last_quarter_end(model::Date d);

// The last day (31 March) of the last April-to-March year ended on or before `d`.
model::Date last_year_end(model::Date d);
// A year by its last day, as the papers and the commentary name it: "2025-26".
std::string year_name(model::Date year_end);

// A card as it stood at `cutoff` (its events replayed): nothing when it was not yet raised.
std::optional<store::Card> card_as_at(store::Store& st, const store::Card& now,
                                      model::Instant cutoff);

}  // namespace hearth::services
