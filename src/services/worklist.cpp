#include "services/worklist.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "services/errors.hpp"
#include "timescales/registry.hpp"

namespace hearth::services {

namespace {

std::shared_ptr<const timescales::Worklist> whole_worklist(SnapshotCache& snap,
                                                           const timescales::WorklistOptions& o,
                                                           bool cacheable) {
  if (!cacheable)
    return std::make_shared<const timescales::Worklist>(
        timescales::build_worklist(*snap.engine, o));
  const std::string key = o.la + "|" + model::format_iso(o.as_of);
  if (auto kept = snap.worklists.get(key)) return kept;
  auto wl =
      std::make_shared<const timescales::Worklist>(timescales::build_worklist(*snap.engine, o));
  return snap.worklists.put(key, wl, cached_bytes(*wl));
}

}  // namespace

WorklistResult worklist(SnapshotCache& snap, const WorklistQuery& q) {
  const auto& data = *snap.data;
  if (data.children.empty())
    throw not_found("no_data", "the store holds no children: import a return");
  if (!q.la.empty()) council_of(data, q.la);  // empty: every council
  if (!q.status.empty() && q.status != "overdue" && q.status != "due_soon" &&
      q.status != "done_late")
    throw bad_input("bad_status", "status must be overdue, due_soon or done_late",
                    {{"parameter", "status"}, {"value", q.status}});
  std::set<std::string, std::less<>> items;  // the item filter: empty, every item
  for (std::size_t at = 0; !q.item.empty() && at <= q.item.size();) {
    const auto comma = std::min(q.item.find(',', at), q.item.size());
    std::string key = q.item.substr(at, comma - at);
    if (!timescales::item_by_key(key))
      throw bad_input("bad_item", "There is no statutory item '" + key + "'.",
                      {{"parameter", "item"}});
    items.insert(std::move(key));
    at = comma + 1;
  }
  // A worker or team the records do not know is a mistake to say, not an empty list.
  const std::string where = q.la.empty() ? std::string() : " for council " + q.la;
  if (!q.visible && !q.worker.empty() && !records_name(data, q.la, q.worker, Named::Worker))
    throw bad_input("bad_worker",
                    "no worker '" + q.worker + "' in the allocations or professionals imported" +
                        where + "; the worklist's counts by worker list them",
                    {{"parameter", "worker"}});
  if (!q.visible && !q.team.empty() && !records_name(data, q.la, q.team, Named::Team))
    throw bad_input("bad_team",
                    "no team '" + q.team + "' in the allocations or professionals imported" +
                        where + "; the worklist's counts by worker list each worker's team",
                    {{"parameter", "team"}});

  WorklistResult r;
  r.la = q.la;
  r.scope = q.scope;
  r.status = q.status;
  r.item = q.item;
  r.worker = q.worker;
  r.team = q.team;
  r.as_of = resolve_as_of(data, q.as_of, ingest::AsOfUse::Timescales, q.la, q.as_of_name);
  timescales::WorklistOptions o;
  o.as_of = r.as_of.date;
  o.la = q.la;
  if (q.within) o.within_working_days = *q.within;
  if (!q.since.empty()) {
    auto d = model::parse_date(q.since);
    if (!d)
      throw bad_input("bad_since",
                      q.since_name + " '" + q.since + "' " + model::date_problem(q.since),
                      {{"parameter", "since"}});
    o.since = *d;
  }
  r.whole = whole_worklist(snap, o, !q.within && q.since.empty());

  // What the filters offer: the asker's whole list; then what the filters keep.
  std::map<std::string, std::string> item_titles;
  std::map<std::string, std::array<std::string, 3>> worker_options;
  std::set<std::string> teams;
  auto in_scope = [&](const timescales::WorkItem& w) {
    if (q.visible && !q.visible(w, r.as_of.date)) return false;
    const auto& def = timescales::item(w.status.item);
    item_titles.emplace(def.key, def.title);
    if (!w.who.worker.empty())
      worker_options.emplace(w.who.worker, std::array<std::string, 3>{std::string(w.who.worker),
                                                                      std::string(w.who.name),
                                                                      std::string(w.who.team)});
    if (!w.who.team.empty()) teams.emplace(w.who.team);
    return true;
  };
  auto wanted = [&](const timescales::WorkItem& w) {
    if (!in_scope(w)) return false;
    if (!q.worker.empty() && w.who.worker != q.worker) return false;
    if (!q.team.empty() && w.who.team != q.team) return false;
    if (!items.empty() && !items.count(timescales::item(w.status.item).key)) return false;
    return true;
  };
  const std::vector<timescales::WorkItem>* lists[] = {&r.whole->overdue, &r.whole->due_soon,
                                                      &r.whole->done_late};
  std::set<std::pair<std::string_view, std::string_view>> children;
  std::map<std::string, WorkerCounts> workers;
  for (std::size_t i = 0; i < r.sections.size(); ++i) {
    auto& sec = r.sections[i];
    for (const auto& w : *lists[i]) {
      if (!wanted(w)) continue;
      ++sec.count;
      children.emplace(w.la, w.child);
      auto& wc = workers[std::string(w.who.worker)];
      if (wc.name.empty() && wc.team.empty()) {
        wc.worker = w.who.worker;
        wc.name = w.who.name;
        wc.team = w.who.team;
      }
      ++(i == 0 ? wc.overdue : i == 1 ? wc.due_soon : wc.done_late);
      if (q.status.empty() || q.status == sec.name) sec.items.push_back(&w);
    }
    if (q.count) {  // the page asked for
      auto& v = sec.items;
      v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(std::min(q.first, v.size())));
      if (v.size() > q.count) v.resize(q.count);
    }
  }
  r.first = q.first;
  r.count = q.count;
  r.children = children.size();
  for (auto& [id, wc] : workers) r.workers.push_back(std::move(wc));
  for (auto& [key, title] : item_titles) r.options.items.emplace_back(key, title);
  std::sort(r.options.items.begin(), r.options.items.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  for (auto& [id, w] : worker_options) r.options.workers.push_back(w);
  std::sort(r.options.workers.begin(), r.options.workers.end(),
            [](const auto& a, const auto& b) { return a[1] != b[1] ? a[1] < b[1] : a[0] < b[0]; });
  r.options.teams.assign(teams.begin(), teams.end());
  return r;
}

}  // namespace hearth::services
