#include "timescales/worklist.hpp"

#include <algorithm>
#include <set>

namespace hearth::timescales {

model::Date quarter_start(model::Date d) {
  using namespace std::chrono;
  year_month_day ymd{d};
  unsigned m = static_cast<unsigned>(ymd.month());
  unsigned q = m >= 10 ? 10 : m >= 7 ? 7 : m >= 4 ? 4 : 1;
  return sys_days{ymd.year() / month{q} / day{1}};
}

Worklist build_worklist(const Engine& engine, const WorklistOptions& o) {
  Worklist wl;
  wl.as_of = o.as_of;
  wl.since = o.since.value_or(quarter_start(o.as_of));
  const int within =
      o.within_working_days >= 0 ? o.within_working_days : engine.config().due_soon_working_days;
  wl.horizon = engine.calendar().add_working_days(o.as_of, within);
  const auto& data = engine.data();
  std::vector<ItemStatus> items;
  std::set<model::ChildIndex> seen;
  for (model::ChildIndex c = 0; c < data.children.size(); ++c) {
    const auto& rec = data.children[c];
    if (!o.la.empty() && rec.la != o.la) continue;
    items.clear();
    engine.child(c, o.as_of, items);
    for (const ItemStatus& s : items) {
      const bool overdue = s.status == Status::Overdue && s.actionable;
      const bool soon = (s.status == Status::DueSoon || s.status == Status::Upcoming) && s.due &&
                        s.due->date <= wl.horizon;
      const bool late = s.status == Status::DoneLate && s.evidence.when.date >= wl.since &&
                        s.evidence.when.date <= o.as_of;
      if (!overdue && !soon && !late) continue;
      WorkItem w;
      w.status = s;
      w.who = engine.assignee(c, o.as_of, s.role);
      if (o.worker && w.who.worker != *o.worker) continue;
      if (o.team && w.who.team != *o.team) continue;
      w.la = rec.la;
      w.child = rec.child;
      w.days_overdue = Engine::days_overdue(s, o.as_of);
      seen.insert(c);
      (overdue ? wl.overdue : soon ? wl.due_soon : wl.done_late).push_back(w);
    }
  }
  auto by_due = [](const WorkItem& a, const WorkItem& b) {
    if (a.status.due->date != b.status.due->date) return a.status.due->date < b.status.due->date;
    if (a.child != b.child) return a.child < b.child;
    return a.status.item < b.status.item;
  };
  std::stable_sort(wl.overdue.begin(), wl.overdue.end(), by_due);
  std::stable_sort(wl.due_soon.begin(), wl.due_soon.end(), by_due);
  std::stable_sort(wl.done_late.begin(), wl.done_late.end(), by_due);
  wl.children = seen.size();
  return wl;
}

}  // namespace hearth::timescales
