#include "services/children.hpp"

#include <algorithm>
#include <cctype>

#include "services/errors.hpp"

namespace hearth::services {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::uint32_t> episode_on(const model::Dataset& d, model::ChildIndex c,
                                        model::Date day) {
  const auto& rec = d.children[c];
  const auto& E = d.episodes;
  for (std::uint32_t i = rec.episodes.begin; i < rec.episodes.begin + rec.episodes.count; ++i)
    if (E.decom[i] <= day && (E.dec[i] == model::Dataset::kOpen || E.dec[i] > day)) return i;
  return std::nullopt;
}

int overdue_count(const std::vector<timescales::ItemStatus>& items) {
  return static_cast<int>(std::count_if(items.begin(), items.end(), [](const auto& s) {
    return s.status == timescales::Status::Overdue && s.actionable;
  }));
}

}  // namespace

std::string_view care_status_name(CareStatus s) {
  switch (s) {
    case CareStatus::LookedAfter:
      return "looked_after";
    case CareStatus::CareLeaver:
      return "care_leaver";
    case CareStatus::LeftCare:
      return "left_care";
  }
  return "left_care";
}

Allocated allocated_on(const model::Dataset& data, model::ChildIndex c, model::Date day) {
  Allocated out;
  const std::string& la = data.children[c].la;
  auto add = [](std::vector<std::string>& v, const std::string& x) {
    if (!x.empty() && std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
  };
  for (const auto* a : data.local_index.allocations.of(c)) {
    if (a->start > day || (a->end && *a->end < day)) continue;
    if (a->role == model::WorkerRole::Iro) {
      add(out.iros, a->worker);
      continue;
    }
    add(out.workers, a->worker);
    std::string team = a->team;
    if (team.empty())
      if (const auto* p = data.professional(la, a->worker)) team = p->team;
    add(out.teams, team);
  }
  return out;
}

ChildSummary child_summary(const SnapshotCache& snap, model::ChildIndex c, model::Date as_of) {
  ChildSummary s;
  s.index = c;
  s.episode = episode_on(*snap.data, c, as_of);
  if (s.episode)
    s.status = CareStatus::LookedAfter;
  else if (!snap.engine->care_leaver(c, as_of).category.empty())
    s.status = CareStatus::CareLeaver;
  s.worker =
      snap.engine->assignee(c, as_of,
                            s.status == CareStatus::CareLeaver ? model::WorkerRole::PersonalAdviser
                                                               : model::WorkerRole::SocialWorker);
  return s;
}

ChildrenResult children(const SnapshotCache& snap, const ChildrenQuery& q) {
  if (q.status != "looked_after" && q.status != "care_leaver" && q.status != "left_care" &&
      q.status != "all")
    throw bad_input("bad_status", "status must be looked_after, care_leaver, left_care or all",
                    {{"parameter", "status"}});
  if (q.q.size() > 100) throw bad_input("bad_q", "The search is too long.");
  const auto& data = *snap.data;
  ChildrenResult r;
  r.la = q.la;
  r.status = q.status;
  r.q = lower(q.q);
  // The list is as at today, like the worklist and a child's page, so a child's overdue count is
  // the same on all three; who may see a child is decided on the data's own date, as the child's
  // page decides it.
  r.as_of = resolve_as_of(data, "", ingest::AsOfUse::Timescales, q.la, "as_of").date;
  for (model::ChildIndex c = 0; c < data.children.size(); ++c) {
    const auto& rec = data.children[c];
    if (rec.la != q.la) continue;
    if (!r.q.empty() && lower(rec.child).find(r.q) == std::string::npos) continue;
    if (q.visible && !q.visible(c, snap.as_of)) continue;
    auto s = child_summary(snap, c, r.as_of);
    if (q.status != "all" && care_status_name(s.status) != q.status) continue;
    if (!q.team.empty() && s.worker.team != q.team) continue;
    if (!q.worker.empty() && s.worker.worker != q.worker) continue;
    if (r.total >= q.first && r.items.size() < q.count) {
      s.overdue = overdue_count(snap.engine->child(c, r.as_of));
      r.items.push_back(s);
    }
    ++r.total;
  }
  return r;
}

model::ChildIndex find_child(const model::Dataset& data, const std::vector<std::string>& councils,
                             const std::string& id) {
  for (const auto& council : councils)
    if (auto c = data.find_child(council, id)) return *c;
  throw no_child(id);
}

Error no_child(const std::string& id) {
  return not_found("not_found", "There is no child '" + id + "' in your council's records.",
                   {{"id", id}});
}

Journey journey(SnapshotCache& snap, store::ReturnStore& st, const JourneyQuery& q) {
  const auto& data = *snap.data;
  const auto& rec = data.children[q.child];
  Journey j;
  j.index = q.child;
  j.as_of = q.as_of;
  const model::Date as_of = j.as_of.date;
  j.summary = child_summary(snap, q.child, as_of);
  j.items = snap.engine->child(q.child, as_of);
  j.summary.overdue = overdue_count(j.items);
  j.upn_known = !rec.upn.empty() && rec.upn != "UN1";
  // The reviewing officer allocated on the data's date (who may read the record is decided on
  // that date too), named as the timescales engine finds them on the date asked about.
  if (!allocated_on(data, q.child, snap.as_of).iros.empty())
    j.iro = snap.engine->assignee(q.child, as_of, model::WorkerRole::Iro);
  if (q.findings)
    j.findings = child_findings(st, rec.la, rec.child,
                                [&](std::int64_t id) { return import_findings(snap, st, id); });
  return j;
}

}  // namespace hearth::services
