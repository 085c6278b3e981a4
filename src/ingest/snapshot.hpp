// The current Dataset, shared by every request and engine run, swapped atomically after an
// import: readers keep the snapshot they started with until they drop it.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>

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
  // The latest import the store listed when the current dataset was read (0: none): a process
  // that already reloaded after its own import need not read the store again for it.
  long long import_id() const { return import_id_.load(); }
  // The store's voice version (voice_version_of) when the data in use was read.
  std::string voice_version() const {
    std::lock_guard lk(voice_mu_);
    return voice_version_;
  }
  // Whether the data in use was read back from what the store had saved (saved_snapshot.hpp)
  // rather than built from the rows.
  bool from_saved() const {
    std::lock_guard lk(voice_mu_);
    return from_saved_;
  }
  // Whether the data in use was built from rows and is not saved yet.
  bool unsaved() const;
  // Saves the data in use when it was built from rows and the store still holds those rows, so
  // the next start reads it back (`hearth serve` calls this from a thread of its own, off the
  // requests' path; `keep_going` is asked before each part). Returns whether it made a whole
  // save. Throws what the store throws (or SaveStopped), keeping the data for another try.
  bool save(store::Store& store, const std::function<bool()>& keep_going = {});
  // For monitoring (GET /metrics): how long the last reload took, when it finished (Unix
  // seconds; 0: never), and how many there have been.
  double last_load_seconds() const { return static_cast<double>(load_micros_.load()) / 1e6; }
  long long loaded_at() const { return loaded_at_.load(); }
  long long reloads() const { return reloads_.load(); }
  long long saves() const { return saves_.load(); }  // save() calls that wrote

 private:
  std::atomic<std::shared_ptr<const model::Dataset>> current_;
  std::mutex reload_mu_;  // one reload at a time, so a later one never loses to an earlier
  std::atomic<long long> import_id_{0};
  mutable std::mutex voice_mu_;  // also guards the four below
  std::string voice_version_;
  bool from_saved_ = false;
  bool replace_saved_ = false;  // what is saved under unsaved_key_ could not be read
  std::shared_ptr<const model::Dataset> unsaved_;  // built from rows, not yet saved
  std::string unsaved_key_;
  std::atomic<long long> load_micros_{0}, loaded_at_{0}, reloads_{0}, saves_{0};
};

// How load_dataset found the data: the saved dataset's key (saved_snapshot_key, read before the
// rows) and whether it was read back from what was saved under it.
struct LoadReport {
  std::string key;
  bool from_saved = false;
  bool saved_unreadable = false;  // a whole save was there but could not be read
};
// The store's data as the engines read it: the dataset saved under the store's current key when
// there is one, else built from the rows; then the children's statements and the Board's cards,
// always read fresh.
std::shared_ptr<const model::Dataset> load_dataset(store::Store& store,
                                                   LoadReport* report = nullptr);

// What children and young people have said and asked, as a version: statements and their replies
// (VoiceStore::version) and challenge cards (GovernanceStore::cards_version). The data is read
// again when it changes.
std::string voice_version_of(store::Store& store);

// The latest date the data speaks for: the end of the latest collection year stored, or the
// latest local record, whichever is later (1900-01-01 for an empty dataset).
model::Date data_date(const model::Dataset& d);
// The last day a council's 903 returns cover (all councils' when `la` is empty): the 31 March
// ending its latest stored collection year. 1900-01-01 when there is none.
model::Date returns_end(const model::Dataset& d, std::string_view la = {});

// Today: $HEARTH_TODAY (YYYY-MM-DD, for tests and replays) when set, else the system clock (UTC).
model::Date today();

// What an as-of date is used for: the Board's scorecard counts open 903 episodes as still true,
// so it stops where the returns stop; worklists and a child's items may run to today.
enum class AsOfUse : std::uint8_t { Scorecard, Timescales };

// An as-of date as resolved for a command or a request.
struct AsOf {
  model::Date date{};        // the date to work on
  model::Date requested{};   // the date asked for (or the default)
  bool defaulted = false;    // no date was given
  model::Date records_to{};  // the last day the records cover (scorecard: the council's returns)
  model::Date today{};
  // For the scorecard: why the date moved ("" when it did not). For every use: how old the
  // records are when they end before today ("records up to 31 March 2026; today is ...").
  std::string warning;
  std::string records_note;
};

// A date that cannot be used: unreadable, impossible (30 February) or after today. what() is a
// sentence naming the option or parameter.
class AsOfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The one reading of --as-of (CLI) and as_of (API). Empty text: today for timescales; for the
// scorecard today, or the date the data runs to when that is earlier. A date after today is
// refused. For the scorecard, a date after the end of the council's returns is moved back to it,
// with a warning.
AsOf resolve_as_of(std::string_view text, const model::Dataset& d, AsOfUse use,
                   std::string_view la = {}, std::string_view name = "--as-of");
// "records up to 31 March 2026; today is 2 December 2026", or "" when they reach today.
std::string records_note(model::Date records_to, model::Date today);

}  // namespace hearth::ingest
