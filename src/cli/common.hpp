// What several commands share: the configuration file and the date the data speaks for.
#pragma once

#include <string>

#include "cli/commands.hpp"
#include "model/dataset.hpp"
#include "timescales/config.hpp"

namespace hearth::cli {

// The [timescales] of --config (statutory values without one); a bad file is a UsageError.
timescales::TimescaleConfig load_timescale_config(const Global& g);
// Parses a collection year ("2024-25"); a UsageError otherwise.
model::CollectionYear parse_year(const std::string& text);
// Parses a YYYY-MM-DD option; a UsageError naming the option otherwise.
model::Date parse_day(const std::string& text, const char* option);
// The latest date the data speaks for: the end of the latest collection year stored, or the
// latest local record, whichever is later.
model::Date data_date(const model::Dataset& d);
// --as-of: the date given, or today (or the data date, if earlier) when it is empty.
model::Date resolve_as_of(const std::string& text, const model::Dataset& d, bool& defaulted);

}  // namespace hearth::cli
