// What several commands share: the configuration file and the date the data speaks for.
#pragma once

#include <filesystem>
#include <string>

#include "cli/commands.hpp"
#include "indicators/scorecard.hpp"
#include "ingest/snapshot.hpp"
#include "model/dataset.hpp"
#include "services/snapshot_cache.hpp"
#include "timescales/config.hpp"

namespace hearth::cli {

// The [timescales] of --config (statutory values without one); a bad file is a UsageError.
timescales::TimescaleConfig load_timescale_config(const Global& g);
// The [scorecard] of --config (registry defaults without one); a bad file is a UsageError.
indicators::ScorecardConfig load_scorecard_config(const Global& g);
// What the scorecard is worked out with: --config's [timescales] and [scorecard], and the
// reference data they name (a bad file is a UsageError).
services::Settings scorecard_settings(const Global& g);
// Where the built web front end is: $HEARTH_WEB_ROOT, else the build's web/dist.
std::filesystem::path default_web_root();
// Parses a collection year ("2024-25"); a UsageError otherwise.
model::CollectionYear parse_year(const std::string& text);
// Parses a YYYY-MM-DD option; a UsageError naming the option (and the impossible day) otherwise.
model::Date parse_day(const std::string& text, const char* option);

}  // namespace hearth::cli
