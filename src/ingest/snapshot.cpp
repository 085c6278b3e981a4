#include "ingest/snapshot.hpp"

namespace hearth::ingest {

std::shared_ptr<const model::Dataset> load_dataset(store::Store& store) {
  auto returns = store.load_all_returns();
  return std::make_shared<const model::Dataset>(model::Dataset::build(returns));
}

std::shared_ptr<const model::Dataset> Snapshot::reload(store::Store& store) {
  auto ds = load_dataset(store);
  set(ds);
  return ds;
}

}  // namespace hearth::ingest
