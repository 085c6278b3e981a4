// Listening to children beyond their statements (docs/voice.md): the surveys a young person may
// answer and their anonymous answers, their rating of the professional standards, and what the
// Board and the participation officer see of all of it — counts by theme and mood over time,
// answers on time, survey results and standards per team — suppressed so no child is identifiable.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "auth/roles.hpp"
#include "model/dataset.hpp"
#include "model/dates.hpp"
#include "store/store.hpp"
#include "voice/surveys.hpp"

namespace hearth::services {

// The surveys open on `today` for this young person's audience that they have not answered.
std::vector<const voice::Survey*> surveys_for(store::Store& st, const voice::SurveyBook& book,
                                              const auth::Principal& yp, bool care_leaver,
                                              model::Date today);

// Stores the answers (question id → answer; questions left out are "not answered").
// bad_input: no such survey open for them, an unknown question or answer, nothing answered;
// conflict: answered already.
void answer_survey(store::Store& st, const voice::SurveyBook& book, const auth::Principal& yp,
                   bool care_leaver, const std::string& survey,
                   const std::map<std::string, std::string>& answers, model::Date today);

// How often a young person may rate the standards (one rating per team per period).
inline constexpr int kRateEveryDays = 28;
// Stores a rating (standard id → 1 to 5; left out: "don't know") of `team`. bad_input: an
// unknown standard or score, nothing rated, no team; conflict: rated in the last 28 days.
void rate_standards(store::Store& st, const voice::SurveyBook& book, const auth::Principal& yp,
                    const std::string& team, const std::map<std::string, std::string>& scores,
                    model::Date today);
// The day they may rate again, or nothing when they may now.
std::optional<model::Date> next_rating_day(store::Store& st, const auth::Principal& yp);

struct ListeningQuery {
  std::string la;
  model::Date from{}, to{};
  int suppress_below = 5;  // counts 1..suppress_below-1 shown as null
  int min_team = 10;       // standards shown for a team with at least this many ratings
};
// GET /api/v1/listening's body.
nlohmann::json listening_summary(store::Store& st, const model::Dataset& data,
                                 const voice::SurveyBook& book, const ListeningQuery& q);

}  // namespace hearth::services
