#include "ingest/snapshot.hpp"

#include <chrono>
#include <cstdlib>
#include <utility>

#include "ingest/saved_snapshot.hpp"
#include "voice/clock.hpp"

namespace hearth::ingest {

std::shared_ptr<const model::Dataset> load_dataset(store::Store& store, LoadReport* report) {
  LoadReport r;
  // The key before the rows: an import landing while they are read makes a newer key, so what
  // is built now is never saved under the key of data it may not hold (saved_snapshot.hpp).
  r.key = saved_snapshot_key(store);
  std::shared_ptr<model::Dataset> ds = read_saved_dataset(store, r.key, &r.saved_unreadable);
  r.from_saved = ds != nullptr;
  if (!ds) {
    // Each council's returns for a year become rows of strings, then the columnar dataset: the
    // rows are dropped as soon as it is built.
    {
      auto returns = store.load_all_returns();
      ds = std::make_shared<model::Dataset>(model::Dataset::build(returns));
    }
    ds->attach_local(store.load_all_local());
  }
  // The children's statements as facts (when, feelings, first answer), never their words.
  std::vector<model::StatementFact> facts;
  for (const auto& la : ds->councils)
    for (const auto& s : store.voice().statements(la, "")) {
      model::StatementFact f;
      f.la = s.la;
      f.child = s.child;
      f.made = voice::england_date(s.created_at);
      f.mood = s.mood;
      f.topic = s.topic;
      f.source = s.source;
      f.unsafe = s.unsafe;
      if (s.first_reply_at) f.first_reply = voice::england_date(*s.first_reply_at);
      facts.push_back(std::move(f));
    }
  ds->attach_statements(std::move(facts));
  std::vector<model::CardFact> cards;
  for (const auto& la : ds->councils)
    for (const auto& c : store.governance().cards(la)) {
      model::CardFact f{c.la, voice::england_date(c.raised_at), std::nullopt};
      if (c.status == "answered" && c.approved_at) f.answered = voice::england_date(*c.approved_at);
      cards.push_back(std::move(f));
    }
  ds->attach_cards(std::move(cards));
  if (report) *report = std::move(r);
  return ds;
}

std::string voice_version_of(store::Store& store) {
  return store.voice().version() + "|" + store.governance().cards_version();
}

std::shared_ptr<const model::Dataset> Snapshot::reload(store::Store& store) {
  std::lock_guard lk(reload_mu_);
  const auto started = std::chrono::steady_clock::now();
  // Read before the data: an import landing in between is seen (and loaded) next time.
  auto imports = store.list_imports(1);
  const long long latest = imports.empty() ? 0 : imports.front().id;
  const std::string voice = voice_version_of(store);
  LoadReport report;
  auto ds = load_dataset(store, &report);
  set(ds);
  import_id_.store(latest);
  {
    std::lock_guard vk(voice_mu_);
    voice_version_ = voice;
    from_saved_ = report.from_saved;
    // Built from rows: worth saving for the next start (save(), from `hearth serve`'s watcher).
    if (report.from_saved || report.key.empty()) {
      unsaved_.reset();
      unsaved_key_.clear();
    } else {
      unsaved_ = ds;
      unsaved_key_ = report.key;
      replace_saved_ = report.saved_unreadable;  // saved whole but not readable: save over it
    }
  }
  load_micros_.store(std::chrono::duration_cast<std::chrono::microseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count());
  loaded_at_.store(std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count());
  reloads_.fetch_add(1);
  return ds;
}

bool Snapshot::unsaved() const {
  std::lock_guard vk(voice_mu_);
  return unsaved_ != nullptr;
}

bool Snapshot::save(store::Store& store, const std::function<bool()>& keep_going) {
  std::shared_ptr<const model::Dataset> ds;
  std::string key;
  bool replace = false;
  {
    std::lock_guard vk(voice_mu_);
    ds = std::exchange(unsaved_, nullptr);
    key = std::exchange(unsaved_key_, {});
    replace = std::exchange(replace_saved_, false);
  }
  if (!ds) return false;
  try {
    // Saved only while the store still holds the data it was built from.
    if (saved_snapshot_key(store) != key) return false;
    if (!save_dataset(store, key, *ds, keep_going, replace)) return false;
  } catch (...) {
    // Kept for another try, unless newer data has come to be saved meanwhile.
    std::lock_guard vk(voice_mu_);
    if (!unsaved_) {
      unsaved_ = ds;
      unsaved_key_ = key;
      replace_saved_ = replace;
    }
    throw;
  }
  saves_.fetch_add(1);
  return true;
}

model::Date data_date(const model::Dataset& d) {
  model::Date latest = returns_end(d);
  auto see = [&](model::Date x) { latest = std::max(latest, x); };
  for (const auto& lr : d.local) {
    for (const auto& v : lr.visits) see(v.date);
    for (const auto& h : lr.health_checks) see(h.date);
    for (const auto& c : lr.contacts) see(c.date);
  }
  return latest;
}

model::Date returns_end(const model::Dataset& d, std::string_view la) {
  model::Date latest = model::make_date(1900, 1, 1);
  for (const auto& [rla, year] : d.returns)
    if (la.empty() || rla == la) latest = std::max(latest, model::CollectionYear{year}.end());
  return latest;
}

model::Date today() {
  if (const char* env = std::getenv("HEARTH_TODAY"); env && *env)
    if (auto d = model::parse_iso(env)) return *d;
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

namespace {

std::string long_date(model::Date d) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  std::chrono::year_month_day ymd{d};
  return std::to_string(unsigned(ymd.day())) + " " + kMonths[unsigned(ymd.month()) - 1] + " " +
         std::to_string(int(ymd.year()));
}

}  // namespace

std::string records_note(model::Date records_to, model::Date today) {
  if (records_to >= today) return "";
  return "records up to " + long_date(records_to) + "; today is " + long_date(today);
}

AsOf resolve_as_of(std::string_view text, const model::Dataset& d, AsOfUse use, std::string_view la,
                   std::string_view name) {
  AsOf out;
  out.today = today();
  out.records_to = use == AsOfUse::Scorecard ? returns_end(d, la) : data_date(d);
  out.defaulted = text.empty();
  if (text.empty()) {
    // Worklists and a child's items are about what is due now: today, however old the records
    // (records_note says how old). The scorecard describes the records: it stops where they do.
    out.requested = use == AsOfUse::Timescales ? out.today : std::min(out.today, data_date(d));
  } else {
    auto day = model::parse_date(text);
    if (!day)
      throw AsOfError(std::string(name) + " '" + std::string(text) + "' " +
                      model::date_problem(text));
    if (*day > out.today)
      throw AsOfError(std::string(name) + " " + model::format_iso(*day) + " is after today (" +
                      model::format_iso(out.today) +
                      "): Hearth cannot say what will be true on a date still to come");
    out.requested = *day;
  }
  out.date = out.requested;
  if (use == AsOfUse::Scorecard && out.date > out.records_to) {
    out.date = out.records_to;
    out.warning = "The returns stored end on " + long_date(out.records_to) +
                  ": this scorecard shows the council as it stood then, not on " +
                  long_date(out.requested) +
                  " — children whose care had not ended then are not known to be in care now.";
  }
  out.records_note = records_note(out.records_to, out.today);
  return out;
}

}  // namespace hearth::ingest
