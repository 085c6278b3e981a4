// What is worked out once per snapshot of the data and shared by every question asked of it:
// the timescales engine, each council's worklists, imports' findings. The CLI makes one for its
// one question; `hearth serve` keeps one per snapshot and makes a new one when an import swaps
// the data (web/app.cpp, Ctx::derived). The caches are bounded by bytes (least recently used
// first out), whatever keys (as_of dates, import ids) are asked for.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "indicators/reference.hpp"
#include "indicators/scorecard.hpp"
#include "ingest/snapshot.hpp"
#include "model/dataset.hpp"
#include "model/finding.hpp"
#include "services/byte_lru.hpp"
#include "timescales/config.hpp"
#include "timescales/engine.hpp"
#include "timescales/worklist.hpp"

namespace hearth::services {

// How the council has set Hearth up: the same for every snapshot.
struct Settings {
  timescales::TimescaleConfig timescales = timescales::TimescaleConfig::statutory();
  indicators::ScorecardConfig scorecard = indicators::ScorecardConfig::defaults();
  std::shared_ptr<const indicators::ReferenceData> reference;  // comparators; empty: none
  std::size_t cache_budget = 128 * 1024 * 1024;                // split between the caches
};

// The timescales engine, built on first use (a question refused for its arguments never pays
// for it); then shared, read-only, by every thread.
class LazyEngine {
 public:
  LazyEngine(const model::Dataset& data, const timescales::TimescaleConfig& config)
      : data_(data), config_(config) {}
  const timescales::Engine& operator*() const;
  const timescales::Engine* operator->() const { return &**this; }

 private:
  const model::Dataset& data_;
  const timescales::TimescaleConfig& config_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<const timescales::Engine> engine_;
};

class SnapshotCache {
 public:
  SnapshotCache(std::shared_ptr<const model::Dataset> data, Settings settings);

  const std::shared_ptr<const model::Dataset> data;
  const Settings settings;
  const model::Date as_of;  // the data's date (or today, if earlier)
  const LazyEngine engine;
  const indicators::ReferenceData& reference() const;

  ByteLru<timescales::Worklist> worklists;        // by "la|as_of"
  ByteLru<std::vector<model::Finding>> findings;  // each import's, read once (they never change)
  // The Board's measures' indicators on a date (services::progress), by "la|as_of|suppress|keys":
  // every Board page and paper asks for the same few.
  mutable ByteLru<indicators::Scorecard> measure_scorecards;
};

// The council a question is about: `la` if the store holds it, else the one council stored
// (bad_la when several are and none was chosen; no_data when the store holds none, or not `la`).
std::string council_of(const model::Dataset& data, const std::string& la,
                       const std::string& la_name = "la");

// Whether the local records imported (council `la`'s; empty: any council's) name a worker (a
// professional id) or a team, in the professionals table or the allocations.
enum class Named { Worker, Team };
bool records_name(const model::Dataset& data, const std::string& la, const std::string& value,
                  Named what);

// The date a question is asked on (ingest::resolve_as_of): `text` as given, `name` what the asker
// calls it ("--as-of", "as_of"); bad_as_of (parameter "as_of") for a date that cannot be used.
ingest::AsOf resolve_as_of(const model::Dataset& data, const std::string& text, ingest::AsOfUse use,
                           const std::string& la, const std::string& name);

// Roughly what a cached value takes in memory (what it owns; not the Dataset it points into).
std::size_t cached_bytes(const timescales::Worklist& w);
std::size_t cached_bytes(const std::vector<model::Finding>& f);

}  // namespace hearth::services
