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

}  // namespace hearth::ingest
