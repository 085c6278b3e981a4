// What an import would change, worked out before it is stored, so nobody replaces a year by
// surprise: for each collection year in it, the stored import it replaces, children and episodes
// before and after, children looked after at the year's end before and after, and the workers
// whose caseloads that changes. A change larger than the council's threshold needs a
// confirmation before it is stored (the web's accept asks for it).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "store/return_store.hpp"

namespace hearth::services {

struct Caseload {
  std::string worker, name;  // name: from the council's professionals, when it has them
  std::size_t before = 0, after = 0;
};

struct YearChange {
  std::string la;
  int year = 0;                                 // collection year, by its end (2026 = 2025-26)
  std::optional<store::ImportRecord> replaces;  // the stored import of that year, if any
  std::size_t children_before = 0, children_after = 0;  // in the year's header
  std::size_t episodes_before = 0, episodes_after = 0;
  std::size_t children_added = 0, children_removed = 0;  // CHILD ids new to / gone from the year
  model::Date year_end{};                                // 31 March
  std::size_t looked_after_before = 0, looked_after_after = 0;  // on year_end, whole store
  std::vector<Caseload> caseloads;  // workers whose looked-after count on year_end changes
};

struct ImportPreview {
  std::vector<YearChange> years;
  double threshold_percent = 10;
  // Set when a replaced year changes by more than the threshold: children looked after at the
  // year's end, or children in the year. Says what, in a sentence.
  bool large = false;
  std::string why_large;
};

// The preview of storing `incoming` over what `store` holds (`current` is the store's data as
// loaded, with its local records, which say who holds each child's case).
ImportPreview preview_import(store::ReturnStore& store, const model::Dataset& current,
                             const std::vector<model::Return>& incoming, double threshold_percent);

// [imports] confirm_change_percent from the configuration file (default 10; above 0, at most
// 100). Throws timescales::ConfigError naming the file and key when it is wrong.
double load_confirm_change_percent(const std::filesystem::path& config);

}  // namespace hearth::services
