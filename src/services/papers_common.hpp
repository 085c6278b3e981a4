// What the meeting pack and the annual report share (papers.hpp): the paper's base as it stood at
// its cutoff. Internal to the services library.
#pragma once

#include <string>

#include "services/papers.hpp"

namespace hearth::services::papers {

model::Date today_in_england();
// The day an instant falls on in England.
model::Date date_of(model::Instant t);

// Fills `p` as at the end of p.as_of: the arrangements then, the scorecard as at `figures_on`
// for `period` ("quarter" or "year") with its commentary as it stood, each priority's progress.
void fill_base(PaperBase& p, const SnapshotCache& snap, store::Store& st,
               const voice::SurveyBook& surveys, const std::string& la, model::Date figures_on,
               const std::string& period, bool suppress, model::Instant generated_at);

nlohmann::json listening(const SnapshotCache& snap, store::Store& st,
                         const voice::SurveyBook& surveys, const std::string& la, model::Date from,
                         model::Date to);

}  // namespace hearth::services::papers
