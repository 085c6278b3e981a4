// The current Dataset, shared by every request and engine run, swapped atomically after an
// import: readers keep the snapshot they started with until they drop it.
#pragma once

#include <atomic>
#include <memory>

#include "model/dataset.hpp"
#include "store/store.hpp"

namespace hearth::ingest {

class Snapshot {
 public:
  Snapshot() : current_(std::make_shared<const model::Dataset>()) {}
  std::shared_ptr<const model::Dataset> get() const { return current_.load(); }
  void set(std::shared_ptr<const model::Dataset> ds) { current_.store(std::move(ds)); }
  // Builds a new dataset from the store and swaps it in. Returns it.
  std::shared_ptr<const model::Dataset> reload(store::Store& store);

 private:
  std::atomic<std::shared_ptr<const model::Dataset>> current_;
};

std::shared_ptr<const model::Dataset> load_dataset(store::Store& store);

// The latest date the data speaks for: the end of the latest collection year stored, or the
// latest local record, whichever is later (1900-01-01 for an empty dataset).
model::Date data_date(const model::Dataset& d);

}  // namespace hearth::ingest
