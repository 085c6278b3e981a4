#include "report/worklist.hpp"

#include "model/text.hpp"
#include "ssda903/csv.hpp"
#include "timescales/json.hpp"
#include "timescales/registry.hpp"

namespace hearth::report {

using nlohmann::json;

json worklist_json(const services::WorklistResult& r, const timescales::Engine& engine) {
  const auto& wl = *r.whole;
  json out = {
      {"as_of", model::format_iso(wl.as_of)},
      {"due_soon_until", model::format_iso(wl.horizon)},
      {"done_late_since", model::format_iso(wl.since)},
      {"records_to", model::format_iso(r.as_of.records_to)},
      {"records_note", r.as_of.records_note},
      {"la", r.la.empty() ? json(nullptr) : json(r.la)},
      {"scope", r.scope},
      {"filter", {{"status", r.status}, {"item", r.item}, {"worker", r.worker}, {"team", r.team}}}};
  json summary = json::object();
  for (const auto& sec : r.sections) {
    json arr = json::array();
    for (const auto* w : sec.items) arr.push_back(timescales::work_item_json(engine, *w, wl.as_of));
    summary[sec.name] = sec.count;
    out[sec.name] = std::move(arr);
  }
  summary["children"] = r.children;
  out["summary"] = std::move(summary);
  json workers = json::array();
  for (const auto& w : r.workers)
    workers.push_back({{"worker", w.worker.empty() ? json(nullptr) : json(w.worker)},
                       {"name", w.name},
                       {"team", w.team},
                       {"overdue", w.overdue},
                       {"due_soon", w.due_soon},
                       {"done_late", w.done_late}});
  out["workers"] = std::move(workers);
  json items = json::array(), people = json::array();
  for (const auto& [key, title] : r.options.items)
    items.push_back({{"key", key}, {"title", title}});
  for (const auto& w : r.options.workers)
    people.push_back({{"worker", w[0]}, {"name", w[1]}, {"team", w[2]}});
  out["options"] = {
      {"items", std::move(items)}, {"workers", std::move(people)}, {"teams", r.options.teams}};
  if (r.count) {
    out["page"] = r.first / r.count + 1;
    out["per_page"] = r.count;
  }
  return out;
}

std::string worklist_csv(const services::WorklistResult& r, const timescales::Engine& engine) {
  std::string out =
      "section,due,days_overdue,item,term,title,la,child,worker,worker_name,team,anchor,"
      "anchor_date,evidence,note,status\n";
  auto cell = [&](std::string_view v, bool last = false) {
    ssda903::append_csv_field(out, model::spreadsheet_cell(model::to_utf8(v)));
    out.push_back(last ? '\n' : ',');
  };
  for (const auto& sec : r.sections)
    for (const auto* w : sec.items) {
      const auto& s = w->status;
      const auto& item = timescales::item(s.item);
      cell(sec.name);
      cell(s.due ? model::format_iso(s.due->date) : std::string());
      cell(s.status == timescales::Status::Overdue ? std::to_string(w->days_overdue) : "");
      cell(item.key);
      cell(s.term);
      cell(item.title);
      cell(w->la);
      cell(w->child);
      cell(w->who.worker);
      cell(w->who.name);
      cell(w->who.team);
      cell(timescales::anchor_text(s.anchor));
      cell(model::format_iso(s.anchor_date.date));
      cell(timescales::evidence_text(engine, s));
      cell(s.reason);
      cell(timescales::status_name(s.status), true);
    }
  return out;
}

}  // namespace hearth::report
