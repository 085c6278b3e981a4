// The built dataset kept in the store, so a start (or a reload after a child's statement) reads
// it back instead of building it again from every row: on a store of every council's returns for
// three years that is the difference between seconds and a quarter of a minute
// (docs/performance.md, "Start-up on a national store").
//
// It is kept under a key: the codec's form, this executable's build id (the form is the build's
// own: model/dataset_codec.hpp) and the store's data version (which returns and local records it
// was built from, Store::data_version). A key read before the rows, so an import landing while
// they are read leaves what is saved under an older key, never read again. Every import deletes
// what is saved in its own transaction, and `hearth serve` saves again after building from rows.
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "model/dataset.hpp"
#include "store/store.hpp"

namespace hearth::ingest {

// This executable's GNU build id as hex ("" when it has none: then nothing is saved or read).
const std::string& build_id();

// The key this build keeps the store's data under now ("" when it cannot save: no build id).
std::string saved_snapshot_key(store::Store& store);

// The dataset saved under `key` with its indices made again (no statements or cards yet), or
// nullptr when none was saved whole under it. One that cannot be read (a part gone, damaged) is
// logged and `unreadable` set: the caller builds from rows, and saves over it.
std::unique_ptr<model::Dataset> read_saved_dataset(store::Store& store, const std::string& key,
                                                   bool* unreadable = nullptr);

// save_dataset was told to stop (keep_going said no): nothing was made whole.
class SaveStopped : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Saves `d` under `key` (what the store held when it was read: saved_snapshot_key before the
// rows) unless a whole save is there already and `replace_whole` is false. Asks `keep_going`
// (when given) before each part, throwing SaveStopped when it says no. Returns whether it made a
// whole save (false also when an import or another server's save took its parts meanwhile).
bool save_dataset(store::Store& store, const std::string& key, const model::Dataset& d,
                  const std::function<bool()>& keep_going = {}, bool replace_whole = false);

}  // namespace hearth::ingest
