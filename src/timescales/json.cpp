#include "timescales/json.hpp"

namespace hearth::timescales {

using nlohmann::json;

namespace {

std::string yn(std::optional<bool> v) {
  return v ? (*v ? "Y" : "N") : "";
}

std::string_view health_type(model::HealthCheckType t) {
  switch (t) {
    case model::HealthCheckType::Initial:
      return "IHA";
    case model::HealthCheckType::Review:
      return "RHA";
    case model::HealthCheckType::Dental:
      return "Dental";
  }
  return "";
}
std::string_view check_status(model::CheckStatus s) {
  switch (s) {
    case model::CheckStatus::Completed:
      return "Completed";
    case model::CheckStatus::Refused:
      return "Refused";
    case model::CheckStatus::NotCompleted:
      return "Not completed";
  }
  return "";
}

}  // namespace

json evidence_json(const Engine& engine, const ItemStatus& s) {
  const Evidence& e = s.evidence;
  if (e.kind == EvidenceKind::None) return nullptr;
  json j = {{"kind", evidence_kind_name(e.kind)}, {"date", model::format_date_time(e.when)}};
  switch (e.kind) {
    case EvidenceKind::Review903: {
      j["source"] = "903";
      const auto& code = engine.data().reviews.review_code[e.index];
      if (code) j["participation"] = model::code_text(*code);
      break;
    }
    case EvidenceKind::LocalReview: {
      const auto* r = static_cast<const model::LocalReview*>(e.row);
      j["id"] = r->id;
      j["source"] = "local";
      break;
    }
    case EvidenceKind::HealthCheck: {
      const auto* h = static_cast<const model::HealthCheck*>(e.row);
      j["id"] = h->id;
      j["type"] = health_type(h->type);
      j["status"] = check_status(h->status);
      if (!h->by.empty()) j["by"] = h->by;
      break;
    }
    case EvidenceKind::Immunisation: {
      const auto* im = static_cast<const model::Immunisation*>(e.row);
      j["up_to_date"] = im->up_to_date;
      break;
    }
    case EvidenceKind::Sdq: {
      const auto* q = static_cast<const model::SdqScore*>(e.row);
      j["id"] = q->id;
      if (q->score) j["score"] = *q->score;
      if (q->reason) j["reason"] = model::code_text(*q->reason);
      break;
    }
    case EvidenceKind::Pep: {
      const auto* p = static_cast<const model::Pep*>(e.row);
      j["id"] = p->id;
      j["type"] = p->kind == model::PepKind::Initial ? "Initial" : "Review";
      break;
    }
    case EvidenceKind::PathwayPlan: {
      const auto* p = static_cast<const model::PathwayPlan*>(e.row);
      j["id"] = p->id;
      j["type"] = p->kind == model::PathwayKind::Plan     ? "Plan"
                  : p->kind == model::PathwayKind::Review ? "Review"
                                                          : "Assessment";
      break;
    }
    case EvidenceKind::CarePlan: {
      const auto* p = static_cast<const model::CarePlan*>(e.row);
      j["id"] = p->id;
      j["permanence_plan"] = p->permanence_plan;
      break;
    }
    case EvidenceKind::Visit: {
      const auto* v = static_cast<const model::Visit*>(e.row);
      j["id"] = v->id;
      j["seen_alone"] = yn(v->seen_alone);
      if (!v->worker.empty()) j["worker"] = v->worker;
      break;
    }
    case EvidenceKind::Missing: {
      const auto* m = static_cast<const model::MissingRecord*>(e.row);
      j["id"] = m->id;
      if (m->end) j["returned"] = model::format_date_time(*m->end);
      j["rhi_offered"] = yn(m->rhi_offered);
      j["rhi_accepted"] = yn(m->rhi_accepted);
      break;
    }
    case EvidenceKind::Contact: {
      const auto* c = static_cast<const model::CareLeaverContact*>(e.row);
      j["id"] = c->id;
      if (!c->type.empty()) j["type"] = c->type;
      if (!c->worker.empty()) j["worker"] = c->worker;
      break;
    }
    case EvidenceKind::Allocation: {
      const auto* a = static_cast<const model::Allocation*>(e.row);
      j["id"] = a->id;
      j["worker"] = a->worker;
      break;
    }
    case EvidenceKind::AdvocacyAllocation: {
      const auto* a = static_cast<const model::AdvocacyAllocation*>(e.row);
      j["id"] = a->id;
      if (!a->provider.empty()) j["by"] = a->provider;
      break;
    }
    default:
      break;
  }
  return j;
}

std::string evidence_text(const Engine& engine, const ItemStatus& s) {
  json j = evidence_json(engine, s);
  if (j.is_null()) return "";
  std::string out = j.value("kind", "");
  if (j.contains("type")) out += " " + j["type"].get<std::string>();
  out += " " + j.value("date", "");
  if (j.contains("id")) out += " (" + j["id"].get<std::string>() + ")";
  return out;
}

json item_json(const Engine& engine, const ItemStatus& s, model::Date as_of) {
  const TimescaleItem& it = item(s.item);
  json j = {{"item", it.key},
            {"title", it.title},
            {"occurrence", s.occurrence},
            {"due", s.due ? json(model::format_date_time(*s.due)) : json(nullptr)},
            {"status", status_name(s.status)},
            {"anchor",
             {{"event", anchor_text(s.anchor)}, {"date", model::format_date_time(s.anchor_date)}}},
            {"evidence", evidence_json(engine, s)},
            {"rule", engine.rule_text(s.item)},
            {"legal_basis", it.source},
            {"actionable", s.actionable}};
  // What to do, while the item is still to be done.
  if (s.status == Status::Overdue || s.status == Status::DueSoon || s.status == Status::Upcoming)
    j["next_step"] = it.next_step;
  if (!s.reason.empty()) j["reason"] = s.reason;
  if (!s.term.empty()) j["term"] = s.term;
  if (s.status == Status::Overdue) j["days_overdue"] = Engine::days_overdue(s, as_of);
  return j;
}

json child_json(const Engine& engine, model::ChildIndex c, model::Date as_of) {
  return child_json(engine, c, as_of, engine.child(c, as_of));
}

json child_json(const Engine& engine, model::ChildIndex c, model::Date as_of,
                const std::vector<ItemStatus>& statuses) {
  const auto& rec = engine.data().children[c];
  json items = json::array();
  for (const ItemStatus& s : statuses) items.push_back(item_json(engine, s, as_of));
  json j = {{"child_id", rec.child},
            {"la", rec.la},
            {"as_of", model::format_iso(as_of)},
            {"items", std::move(items)}};
  auto cl = engine.care_leaver(c, as_of);
  if (cl.eligible_from) {
    j["care_leaver"] = {
        {"category", cl.category},
        {"eligible_from", model::format_iso(*cl.eligible_from)},
        {"left_care", cl.left_care ? json(model::format_iso(*cl.left_care)) : json(nullptr)},
        {"support_until", model::format_iso(*cl.support_until)}};
  }
  auto sw = engine.assignee(c, as_of, model::WorkerRole::SocialWorker);
  if (!sw.worker.empty())
    j["social_worker"] = {{"id", sw.worker}, {"name", sw.name}, {"team", sw.team}};
  auto pa = engine.assignee(c, as_of, model::WorkerRole::PersonalAdviser);
  if (!pa.worker.empty() && pa.worker != sw.worker)
    j["personal_adviser"] = {{"id", pa.worker}, {"name", pa.name}, {"team", pa.team}};
  return j;
}

json work_item_json(const Engine& engine, const WorkItem& w, model::Date as_of) {
  json j = item_json(engine, w.status, as_of);
  j["child_id"] = w.child;
  const auto c = engine.data().find_child(w.la, w.child);
  const std::string name = c ? engine.data().full_name(*c) : std::string();
  j["child_name"] = name.empty() ? json(nullptr) : json(name);
  j["la"] = w.la;
  j["worker"] = w.who.worker.empty() ? json(nullptr) : json(w.who.worker);
  j["worker_name"] = w.who.name;
  j["team"] = w.who.team;
  return j;
}

}  // namespace hearth::timescales
