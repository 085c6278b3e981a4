#include "services/import_preview.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "services/children.hpp"
#include "timescales/config.hpp"
#include "timescales/toml_document.hpp"

namespace hearth::services {

namespace {

std::set<std::string> children_of(const model::Return& r) {
  std::set<std::string> out;
  for (const auto& h : r.header) out.insert(h.child);
  return out;
}

// Children looked after on `day` in the council, by the social worker allocated that day.
std::map<std::string, std::size_t> caseloads_on(const model::Dataset& d, const std::string& la,
                                                model::Date day) {
  std::map<std::string, std::size_t> out;
  for (model::ChildIndex c = 0; c < d.children.size(); ++c) {
    const auto& rec = d.children[c];
    if (rec.la != la) continue;
    bool in_care = false;
    for (std::uint32_t i = rec.episodes.begin; i < rec.episodes.begin + rec.episodes.count; ++i)
      in_care |= d.episodes.decom[i] <= day && d.episodes.dec[i] > day;
    if (!in_care) continue;
    for (const auto& w : allocated_on(d, c, day).workers) ++out[w];
  }
  return out;
}

double percent_change(std::size_t before, std::size_t after) {
  if (before == 0) return after == 0 ? 0 : 100;
  return 100.0 * std::fabs(static_cast<double>(after) - static_cast<double>(before)) /
         static_cast<double>(before);
}

}  // namespace

ImportPreview preview_import(store::ReturnStore& store, const model::Dataset& current,
                             const std::vector<model::Return>& incoming, double threshold_percent) {
  ImportPreview out;
  out.threshold_percent = threshold_percent;
  if (incoming.empty()) return out;

  // The store as it would be: every stored return, the incoming years in place of theirs.
  std::vector<model::Return> after_returns;
  for (auto& r : store.load_all_returns()) {
    const bool replaced = std::any_of(incoming.begin(), incoming.end(), [&](const auto& in) {
      return in.la == r.la && in.year.end_year == r.year.end_year;
    });
    if (!replaced) after_returns.push_back(std::move(r));
  }
  after_returns.insert(after_returns.end(), incoming.begin(), incoming.end());
  model::Dataset after = model::Dataset::build(after_returns);
  std::vector<model::LocalRecords> local(current.local.begin(), current.local.end());
  after.attach_local(std::move(local));

  std::map<std::pair<std::string, int>, store::ImportRecord> latest;  // (la, year) → newest import
  std::map<std::pair<std::string, int>, std::int64_t> stored_by;
  for (const auto& k : store.list_returns()) stored_by[{k.la, k.collection_year}] = k.import_id;
  for (const auto& rec : store.list_imports(100000))
    if (rec.collection_year > 0) {
      auto it = stored_by.find({rec.la, rec.collection_year});
      if (it != stored_by.end() && it->second == rec.id) latest[it->first] = rec;
    }

  for (const auto& in : incoming) {
    YearChange y;
    y.la = in.la;
    y.year = in.year.end_year;
    y.year_end = in.year.end();
    if (auto it = latest.find({in.la, y.year}); it != latest.end()) y.replaces = it->second;
    const auto now = children_of(in);
    std::set<std::string> was;
    if (auto old = store.load_return(in.la, in.year)) {
      was = children_of(*old);
      y.episodes_before = old->episodes.size();
    }
    y.children_before = was.size();
    y.children_after = now.size();
    y.episodes_after = in.episodes.size();
    for (const auto& c : now) y.children_added += was.count(c) ? 0 : 1;
    for (const auto& c : was) y.children_removed += now.count(c) ? 0 : 1;
    y.looked_after_before = current.looked_after_on(y.year_end, in.la);
    y.looked_after_after = after.looked_after_on(y.year_end, in.la);

    const auto before_loads = caseloads_on(current, in.la, y.year_end);
    const auto after_loads = caseloads_on(after, in.la, y.year_end);
    std::set<std::string> workers;
    for (const auto& [w, _] : before_loads) workers.insert(w);
    for (const auto& [w, _] : after_loads) workers.insert(w);
    for (const auto& w : workers) {
      Caseload c;
      c.worker = w;
      if (auto it = before_loads.find(w); it != before_loads.end()) c.before = it->second;
      if (auto it = after_loads.find(w); it != after_loads.end()) c.after = it->second;
      if (c.before == c.after) continue;
      if (const auto* p = current.professional(in.la, w)) c.name = p->name;
      y.caseloads.push_back(std::move(c));
    }

    // Only a year that replaces a stored one can surprise: a new year adds to the store.
    if (y.replaces && !out.large) {
      const double lac = percent_change(y.looked_after_before, y.looked_after_after);
      const double kids = percent_change(y.children_before, y.children_after);
      const double gone = y.children_before ? 100.0 * static_cast<double>(y.children_removed) /
                                                  static_cast<double>(y.children_before)
                                            : 0;
      const std::string year = fmt::format("{}-{:02}", y.year - 1, y.year % 100);
      if (lac > threshold_percent)
        out.why_large =
            fmt::format("Children looked after on 31 March {} would change from {} to {} ({:.0f}%)",
                        y.year, y.looked_after_before, y.looked_after_after, lac);
      else if (kids > threshold_percent || gone > threshold_percent)
        out.why_large =
            fmt::format("The {} return would go from {} children to {}, with {} no longer in it",
                        year, y.children_before, y.children_after, y.children_removed);
      if (!out.why_large.empty())
        out.why_large +=
            fmt::format(", more than the {:g}% this council asks to confirm", threshold_percent);
      out.large = !out.why_large.empty();
    }
    out.years.push_back(std::move(y));
  }
  return out;
}

double load_confirm_change_percent(const std::filesystem::path& config) {
  const auto doc =
      timescales::parse_toml_document(timescales::read_config_file(config), config.string());
  const auto* imports = doc["imports"].as_table();
  if (!imports) return 10;
  const auto v = (*imports)["confirm_change_percent"].value<double>();
  if (!(*imports)["confirm_change_percent"]) return 10;
  if (!v || *v <= 0 || *v > 100)
    throw timescales::ConfigError(config.string() +
                                  ": [imports] confirm_change_percent must be a number above 0 "
                                  "and at most 100");
  return *v;
}

}  // namespace hearth::services
