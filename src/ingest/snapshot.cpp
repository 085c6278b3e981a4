#include "ingest/snapshot.hpp"

namespace hearth::ingest {

std::shared_ptr<const model::Dataset> load_dataset(store::Store& store) {
  auto returns = store.load_all_returns();
  auto ds = std::make_shared<model::Dataset>(model::Dataset::build(returns));
  ds->attach_local(store.load_all_local());
  return ds;
}

std::shared_ptr<const model::Dataset> Snapshot::reload(store::Store& store) {
  auto ds = load_dataset(store);
  set(ds);
  return ds;
}

model::Date data_date(const model::Dataset& d) {
  model::Date latest = model::make_date(1900, 1, 1);
  for (const auto& [la, year] : d.returns)
    latest = std::max(latest, model::CollectionYear{year}.end());
  auto see = [&](model::Date x) { latest = std::max(latest, x); };
  for (const auto& lr : d.local) {
    for (const auto& v : lr.visits) see(v.date);
    for (const auto& h : lr.health_checks) see(h.date);
    for (const auto& c : lr.contacts) see(c.date);
  }
  return latest;
}

}  // namespace hearth::ingest
