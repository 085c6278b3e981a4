#include "services/snapshot_cache.hpp"

#include <algorithm>
#include <utility>

#include "ingest/snapshot.hpp"
#include "services/errors.hpp"

namespace hearth::services {

namespace {

// Today as the whole program reads it (HEARTH_TODAY for tests), or the data's date if earlier.
model::Date default_as_of(const model::Dataset& data) {
  return std::min<model::Date>(ingest::today(), ingest::data_date(data));
}

}  // namespace

SnapshotCache::SnapshotCache(std::shared_ptr<const model::Dataset> d, Settings s)
    : data(std::move(d)),
      settings(std::move(s)),
      as_of(default_as_of(*data)),
      engine(*data, settings.timescales),
      worklists(settings.cache_budget / 2),
      findings(settings.cache_budget / 4),
      measure_scorecards(settings.cache_budget / 16) {}

const timescales::Engine& LazyEngine::operator*() const {
  std::call_once(once_,
                 [&] { engine_ = std::make_unique<const timescales::Engine>(data_, config_); });
  return *engine_;
}

const indicators::ReferenceData& SnapshotCache::reference() const {
  static const indicators::ReferenceData kNone;
  return settings.reference ? *settings.reference : kNone;
}

bool records_name(const model::Dataset& data, const std::string& la, const std::string& value,
                  Named what) {
  const bool team = what == Named::Team;
  for (const auto& lr : data.local) {
    if (!la.empty() && lr.la != la) continue;
    for (const auto& al : lr.allocations)
      if ((team ? al.team : al.worker) == value) return true;
    for (const auto& p : lr.professionals)
      if ((team ? p.team : p.id) == value) return true;
  }
  return false;
}

ingest::AsOf resolve_as_of(const model::Dataset& data, const std::string& text, ingest::AsOfUse use,
                           const std::string& la, const std::string& name) {
  try {
    return ingest::resolve_as_of(text, data, use, la, name);
  } catch (const ingest::AsOfError& e) {
    throw bad_input("bad_as_of", e.what(), {{"parameter", "as_of"}, {"value", text}});
  }
}

std::string council_of(const model::Dataset& data, const std::string& la,
                       const std::string& la_name) {
  if (data.children.empty())
    throw not_found("no_data", "the store holds no children: import a return");
  if (la.empty()) {
    if (data.councils.size() > 1)
      throw bad_input("bad_la", "the store holds several councils: choose one with " + la_name,
                      {{"parameter", "la"}});
    return data.councils.front();
  }
  if (std::find(data.councils.begin(), data.councils.end(), la) == data.councils.end())
    throw not_found("no_data", "The store holds no returns for council '" + la + "'.",
                    {{"la", la}});
  return la;
}

std::size_t cached_bytes(const timescales::Worklist& w) {
  return sizeof w + (w.overdue.capacity() + w.due_soon.capacity() + w.done_late.capacity()) *
                        sizeof(timescales::WorkItem);
}

std::size_t cached_bytes(const std::vector<model::Finding>& f) {
  std::size_t n = sizeof f + f.capacity() * sizeof(model::Finding);
  for (const auto& x : f)
    n += x.rule.capacity() + x.file.capacity() + x.table.capacity() + x.column.capacity() +
         x.value.capacity() + x.child.capacity() + x.message.capacity() + x.expected.capacity() +
         x.how_to_fix.capacity();
  return n;
}

}  // namespace hearth::services
