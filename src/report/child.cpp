#include "report/child.hpp"

#include "report/finding.hpp"
#include "report/list.hpp"
#include "timescales/json.hpp"
#include "timescales/registry.hpp"

namespace hearth::report {

using nlohmann::json;

namespace {

template <class E>
json code_json(const std::optional<E>& e) {
  if (!e) return nullptr;
  return {{"code", model::code_text(*e)}, {"label", model::code_label(*e)}};
}

json iso_or_null(const model::OptDate& d) {
  return d ? json(model::format_iso(*d)) : json(nullptr);
}

json name_or_null(const std::string& name) {
  return name.empty() ? json(nullptr) : json(name);
}
json preferred_or_null(const model::Person* p) {
  return p && !p->preferred.empty() ? json(p->preferred) : json(nullptr);
}

// The summary's fields shared by the list and the journey (not "overdue", which the list
// counts only for the page it shows).
json summary_fields(const services::SnapshotCache& snap, const services::ChildSummary& s,
                    model::Date as_of) {
  const auto& rec = snap.data->children[s.index];
  const auto& E = snap.data->episodes;
  const auto ep = s.episode;
  const auto& w = s.worker;
  return {
      {"id", rec.child},
      {"la", rec.la},
      {"name", name_or_null(snap.data->full_name(s.index))},
      {"preferred_name", preferred_or_null(snap.data->person(s.index))},
      {"sex", code_json(rec.sex)},
      {"dob", iso_or_null(rec.dob)},
      {"age", rec.dob ? json(model::age_on(*rec.dob, as_of)) : json(nullptr)},
      {"ethnicity", code_json(rec.ethnic)},
      {"status", services::care_status_name(s.status)},
      {"legal_status", ep ? code_json(E.ls[*ep]) : json(nullptr)},
      {"placement", ep ? code_json(E.place[*ep]) : json(nullptr)},
      {"worker", w.worker.empty() ? json(nullptr)
                                  : json{{"id", w.worker}, {"name", w.name}, {"team", w.team}}}};
}

json episodes_json(const model::Dataset& data, model::ChildIndex c) {
  const auto& rec = data.children[c];
  const auto& E = data.episodes;
  json out = json::array();
  for (std::uint32_t i = rec.episodes.begin; i < rec.episodes.begin + rec.episodes.count; ++i)
    out.push_back({{"start", model::format_iso(E.decom[i])},
                   {"end", E.dec[i] == model::Dataset::kOpen ? json(nullptr)
                                                             : json(model::format_iso(E.dec[i]))},
                   {"reason_new", code_json(E.rne[i])},
                   {"legal_status", code_json(E.ls[i])},
                   {"category_of_need", code_json(E.cin[i])},
                   {"placement", code_json(E.place[i])},
                   {"provider", code_json(E.place_provider[i])},
                   {"reason_end", code_json(E.rec[i])},
                   {"reason_place_change", code_json(E.reason_place_change[i])}});
  return out;
}

json reviews_json(const model::Dataset& data, model::ChildIndex c) {
  const auto& rec = data.children[c];
  json out = json::array();
  for (std::uint32_t i = rec.reviews.begin; i < rec.reviews.begin + rec.reviews.count; ++i)
    out.push_back({{"date", model::format_iso(data.reviews.review[i])},
                   {"participation", code_json(data.reviews.review_code[i])}});
  return out;
}

json missing_json(const model::Dataset& data, model::ChildIndex c) {
  json out = json::array();
  for (const auto& m : data.missing) {
    if (m.child != c) continue;
    out.push_back({{"start", model::format_iso(m.row.mis_start)},
                   {"end", iso_or_null(m.row.mis_end)},
                   {"type", m.row.missing == model::MissingType::A ? "away" : "missing"}});
  }
  return out;
}

std::string_view service_key(model::AdvocacyService s) {
  return s == model::AdvocacyService::IndependentVisitor ? "independent_visitor" : "advocate";
}

// The child's requests for an advocate or independent visitor and who was appointed, as the
// council's local records stood on the as-of date.
json advocacy_json(const model::Dataset& data, model::ChildIndex c, model::Date as_of) {
  const auto& ix = data.local_index;
  json requests = json::array();
  for (const auto* r : ix.advocacy_requests.of(c)) {
    if (r->date > as_of) break;
    const bool closed = r->closed && *r->closed <= as_of;
    requests.push_back({{"id", r->id},
                        {"service", service_key(r->service)},
                        {"date", model::format_iso(r->date)},
                        {"requested_by", r->requested_by},
                        {"reason", r->reason},
                        {"closed", closed ? json(model::format_iso(*r->closed)) : json(nullptr)},
                        {"closed_reason", closed ? r->closed_reason : ""}});
  }
  json appointments = json::array();
  for (const auto* a : ix.advocacy_allocations.of(c)) {
    if (a->start > as_of) break;
    int visits = 0;
    std::optional<model::Date> last;
    for (const auto* v : ix.advocacy_visits.of(c))
      if (v->service == a->service && v->date >= a->start && v->date <= as_of &&
          (!a->end || v->date <= *a->end) && (v->allocation.empty() || v->allocation == a->id)) {
        ++visits;
        last = v->date;
      }
    const bool ended = a->end && *a->end <= as_of;
    appointments.push_back({{"id", a->id},
                            {"service", service_key(a->service)},
                            {"advocate", a->advocate},
                            {"provider", a->provider},
                            {"start", model::format_iso(a->start)},
                            {"end", ended ? json(model::format_iso(*a->end)) : json(nullptr)},
                            {"visits", visits},
                            {"last_visit", last ? json(model::format_iso(*last)) : json(nullptr)}});
  }
  return {{"requests", requests}, {"appointments", appointments}};
}

}  // namespace

json child_summary_json(const services::SnapshotCache& snap, const services::ChildSummary& s,
                        model::Date as_of) {
  json j = summary_fields(snap, s, as_of);
  j["overdue"] = s.overdue;
  return j;
}

json children_json(const services::SnapshotCache& snap, const services::ChildrenResult& r,
                   std::size_t first, std::size_t count) {
  json items = json::array();
  for (const auto& s : r.items) items.push_back(child_summary_json(snap, s, r.as_of));
  json out = list_json(std::move(items), r.total);
  out["page"] = first / count + 1;
  out["per_page"] = count;
  out["as_of"] = model::format_iso(r.as_of);
  return out;
}

json journey_json(const services::SnapshotCache& snap, const services::Journey& j) {
  const auto& data = *snap.data;
  const model::Date as_of = j.as_of.date;
  json child = child_summary_json(snap, j.summary, as_of);
  child["upn_known"] = j.upn_known;
  child["iro"] = j.iro ? json{{"id", j.iro->worker}, {"name", j.iro->name}} : json(nullptr);
  return {{"as_of", model::format_iso(as_of)},
          {"records_to", model::format_iso(j.as_of.records_to)},
          {"records_note", j.as_of.records_note},
          {"child", child},
          {"episodes", episodes_json(data, j.index)},
          {"reviews", reviews_json(data, j.index)},
          {"missing", missing_json(data, j.index)},
          {"advocacy", advocacy_json(data, j.index, as_of)},
          {"timescales", timescales::child_json(*snap.engine, j.index, as_of, j.items)},
          {"findings", findings_json(j.findings)}};
}

json young_person_json(const services::SnapshotCache& snap, const services::Journey& j) {
  const model::Date as_of = j.as_of.date;
  const auto& s = j.summary;
  const auto& rec = snap.data->children[j.index];
  json next = json::array();
  for (const auto& it : j.items) {
    if (!it.actionable || !it.due) continue;
    if (it.status != timescales::Status::DueSoon && it.status != timescales::Status::Upcoming &&
        it.status != timescales::Status::Overdue)
      continue;
    next.push_back({{"title", timescales::item(it.item).title},
                    {"due", model::format_iso(it.due->date)},
                    {"status", timescales::status_name(it.status)}});
  }
  json health = json::array();
  for (const auto* h : snap.data->local_index.health_checks.of(j.index))
    health.push_back({{"kind", h->type == model::HealthCheckType::Initial  ? "First health check"
                               : h->type == model::HealthCheckType::Review ? "Health check"
                                                                           : "Dentist"},
                      {"date", model::format_iso(h->date)},
                      {"status", h->status == model::CheckStatus::Completed ? "done"
                                 : h->status == model::CheckStatus::Refused ? "you said no"
                                                                            : "not done"}});
  json entitlements = json::array();
  if (s.status == services::CareStatus::LookedAfter) {
    entitlements = {"A say in your plan: your views are asked for before every review",
                    "Visits from your social worker, and time to talk to them on your own",
                    "An independent reviewing officer who checks your plan is working for you",
                    "A health check every year (every six months if you are under 5)",
                    "A personal education plan with your school, reviewed every term",
                    "An advocate if you want one to help you say what you think"};
  } else if (s.status == services::CareStatus::CareLeaver) {
    entitlements = {"A personal adviser until you are 25 if you want one",
                    "A pathway plan about your future, reviewed at least every six months",
                    "Help with the costs of education, training or finding work",
                    "Staying put with your foster carers until you are 21, if you both want to",
                    "Help to set up your home"};
  }
  // the young person's own name, as they like to be called
  const model::Person* me = snap.data->person(s.index);
  json child = {{"id", rec.child},
                {"la", rec.la},
                {"name", me ? name_or_null(me->preferred.empty() ? me->forename : me->preferred)
                            : json(nullptr)},
                {"status", services::care_status_name(s.status)},
                {"age", rec.dob ? json(model::age_on(*rec.dob, as_of)) : json(nullptr)}};
  json worker = nullptr;
  if (!s.worker.worker.empty()) worker = {{"name", s.worker.name}, {"team", s.worker.team}};
  return {{"child", child},
          {"worker", worker},
          {"next", next},
          {"health", health},
          {"entitlements", entitlements}};
}

}  // namespace hearth::report
