// Children: the list a user may see, and one child's journey (or, for a young person, their own
// shorter record). Who may see which child is the policy's decision, from the allocations.
#include <algorithm>
#include <cctype>

#include "report/finding.hpp"
#include "services/findings.hpp"
#include "timescales/json.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

[[noreturn]] void throw_no_child(const std::string& id) {
  throw ApiError(404, "not_found", "There is no child '" + id + "' in your council's records.",
                 {{"id", id}});
}

using auth::Action;
using auth::Resource;

template <class E>
json code_json(const std::optional<E>& e) {
  if (!e) return nullptr;
  return {{"code", model::code_text(*e)}, {"label", model::code_label(*e)}};
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The episode open on `day`, if any.
std::optional<std::uint32_t> episode_on(const model::Dataset& d, model::ChildIndex c,
                                        model::Date day) {
  const auto& rec = d.children[c];
  const auto& E = d.episodes;
  for (std::uint32_t i = rec.episodes.begin; i < rec.episodes.begin + rec.episodes.count; ++i)
    if (E.decom[i] <= day && (E.dec[i] == model::Dataset::kOpen || E.dec[i] > day)) return i;
  return std::nullopt;
}

struct Summary {
  json j;
  std::string status;
  std::string worker, team;
};

Summary child_summary(const Derived& d, model::ChildIndex c, model::Date as_of) {
  const auto& data = *d.data;
  const auto& rec = data.children[c];
  const auto& E = data.episodes;
  auto ep = episode_on(data, c, as_of);
  Summary s;
  if (ep)
    s.status = "looked_after";
  else if (!d.engine->care_leaver(c, as_of).category.empty())
    s.status = "care_leaver";
  else
    s.status = "left_care";
  auto sw = d.engine->assignee(c, as_of,
                               s.status == "care_leaver" ? model::WorkerRole::PersonalAdviser
                                                         : model::WorkerRole::SocialWorker);
  s.worker = std::string(sw.worker);
  s.team = std::string(sw.team);
  s.j = {{"id", rec.child},
         {"la", rec.la},
         {"sex", code_json(rec.sex)},
         {"dob", rec.dob ? json(model::format_iso(*rec.dob)) : json(nullptr)},
         {"age", rec.dob ? json(model::age_on(*rec.dob, as_of)) : json(nullptr)},
         {"ethnicity", code_json(rec.ethnic)},
         {"status", s.status},
         {"legal_status", ep ? code_json(E.ls[*ep]) : json(nullptr)},
         {"placement", ep ? code_json(E.place[*ep]) : json(nullptr)},
         {"worker", sw.worker.empty()
                        ? json(nullptr)
                        : json{{"id", sw.worker}, {"name", sw.name}, {"team", sw.team}}}};
  return s;
}

int overdue_count(const Derived& d, model::ChildIndex c, model::Date as_of) {
  int n = 0;
  for (const auto& s : d.engine->child(c, as_of))
    if (s.status == timescales::Status::Overdue && s.actionable) ++n;
  return n;
}

http::Response list_children(Call& call) {
  std::string la = call.council();
  call.require(Action::ListChildren, Resource::council(la));
  auto d = call.ctx.derived();
  const auto& data = *d->data;
  std::string status = call.query("status", "looked_after");
  if (status != "looked_after" && status != "care_leaver" && status != "left_care" &&
      status != "all")
    throw ApiError(400, "bad_status", "status must be looked_after, care_leaver, left_care or all",
                   {{"parameter", "status"}});
  std::string q = lower(call.query("q")), team = call.query("team"), worker = call.query("worker");
  if (q.size() > 100) throw ApiError(400, "bad_q", "The search is too long.");
  auto page = call.page();
  const model::Date as_of = d->as_of;
  json items = json::array();
  std::size_t total = 0;
  for (model::ChildIndex c = 0; c < data.children.size(); ++c) {
    const auto& rec = data.children[c];
    if (rec.la != la) continue;
    if (!q.empty() && lower(rec.child).find(q) == std::string::npos) continue;
    if (!call.check(Action::ReadChild, child_resource(data, c, as_of))) continue;
    auto s = child_summary(*d, c, as_of);
    if (status != "all" && s.status != status) continue;
    if (!team.empty() && s.team != team) continue;
    if (!worker.empty() && s.worker != worker) continue;
    if (total >= page.first && items.size() < page.second) {
      s.j["overdue"] = overdue_count(*d, c, as_of);
      items.push_back(std::move(s.j));
    }
    ++total;
  }
  call.audit("children.list", "council:" + la, "ok",
             {{"q", q}, {"status", status}, {"shown", items.size()}, {"total", total}});
  json out = Call::paged(std::move(items), total, page);
  out["as_of"] = model::format_iso(as_of);
  return http::Response::json(out);
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
                   {"end", m.row.mis_end ? json(model::format_iso(*m.row.mis_end)) : json(nullptr)},
                   {"type", m.row.missing == model::MissingType::A ? "away" : "missing"}});
  }
  return out;
}

json findings_json(Call& call, const std::string& la, const std::string& child) {
  return report::findings_json(services::child_findings(
      call.st, la, child, [&](std::int64_t id) { return call.import_findings(id); }));
}

// What a young person sees of their own record: their plan's dates, their health checks,
// who their worker is, and what they are entitled to.
json young_person_json(const Derived& d, model::ChildIndex c, model::Date as_of) {
  auto s = child_summary(d, c, as_of);
  const auto& rec = d.data->children[c];
  json next = json::array();
  for (const auto& it : d.engine->child(c, as_of)) {
    if (!it.actionable || !it.due) continue;
    if (it.status != timescales::Status::DueSoon && it.status != timescales::Status::Upcoming &&
        it.status != timescales::Status::Overdue)
      continue;
    next.push_back({{"title", timescales::item(it.item).title},
                    {"due", model::format_iso(it.due->date)},
                    {"status", timescales::status_name(it.status)}});
  }
  json health = json::array();
  for (const auto* h : d.data->local_index.health_checks.of(c))
    health.push_back({{"kind", h->type == model::HealthCheckType::Initial  ? "First health check"
                               : h->type == model::HealthCheckType::Review ? "Health check"
                                                                           : "Dentist"},
                      {"date", model::format_iso(h->date)},
                      {"status", h->status == model::CheckStatus::Completed ? "done"
                                 : h->status == model::CheckStatus::Refused ? "you said no"
                                                                            : "not done"}});
  json entitlements = json::array();
  if (s.status == "looked_after") {
    entitlements = {"A say in your plan: your views are asked for before every review",
                    "Visits from your social worker, and time to talk to them on your own",
                    "An independent reviewing officer who checks your plan is working for you",
                    "A health check every year (every six months if you are under 5)",
                    "A personal education plan with your school, reviewed every term",
                    "An advocate if you want one to help you say what you think"};
  } else if (s.status == "care_leaver") {
    entitlements = {"A personal adviser until you are 25 if you want one",
                    "A pathway plan about your future, reviewed at least every six months",
                    "Help with the costs of education, training or finding work",
                    "Staying put with your foster carers until you are 21, if you both want to",
                    "Help to set up your home"};
  }
  json child = {{"id", rec.child}, {"la", rec.la}, {"status", s.status}};
  child["age"] = s.j["age"];
  json worker = nullptr;
  if (!s.worker.empty()) worker = {{"name", s.j["worker"]["name"]}, {"team", s.team}};
  return {{"child", child},
          {"worker", worker},
          {"next", next},
          {"health", health},
          {"entitlements", entitlements}};
}

http::Response get_child(Call& call) {
  auto d = call.ctx.derived();
  const std::string id = call.req.path_params.at("id");
  model::ChildIndex c = find_child_or_404(call, *d->data, id);
  // Who may read the child is decided on the data's own date (an allocation that has ended does
  // not open a child's record by asking for an earlier date); ?as_of= moves the statutory items.
  auto res = child_resource(*d->data, c, d->as_of);
  const auto resolved = as_of_param(call, *d, ingest::AsOfUse::Timescales, res.la);
  const model::Date as_of = resolved.date;
  // A child who is not yours gets the same 404 as one who does not exist (in your council or
  // another), so the reply never confirms that a CHILD id is real; the denial is still audited.
  auto decision = call.check(Action::ReadChild, res);
  if (!decision) {
    call.audit("access.denied", "child:" + res.la + "/" + res.child, "denied",
               {{"action", auth::action_name(Action::ReadChild)},
                {"route", call.req.method + " " + call.req.path},
                {"reason", decision.reason}});
    throw_no_child(id);
  }
  call.audit("child.read", "child:" + res.la + "/" + res.child, "ok",
             {{"view", decision.view == auth::View::YoungPerson ? "young_person" : "full"}});
  if (decision.view == auth::View::YoungPerson)
    return http::Response::json(young_person_json(*d, c, as_of));
  auto s = child_summary(*d, c, as_of);
  s.j["overdue"] = overdue_count(*d, c, as_of);
  s.j["upn_known"] = !d->data->children[c].upn.empty() && d->data->children[c].upn != "UN1";
  auto iro = d->engine->assignee(c, as_of, model::WorkerRole::Iro);
  bool has_iro = !res.iros.empty();
  s.j["iro"] = has_iro ? json{{"id", iro.worker}, {"name", iro.name}} : json(nullptr);
  return http::Response::json({{"as_of", model::format_iso(as_of)},
                               {"records_to", model::format_iso(resolved.records_to)},
                               {"records_note", resolved.records_note},
                               {"child", s.j},
                               {"episodes", episodes_json(*d->data, c)},
                               {"reviews", reviews_json(*d->data, c)},
                               {"missing", missing_json(*d->data, c)},
                               {"timescales", timescales::child_json(*d->engine, c, as_of)},
                               {"findings", findings_json(call, res.la, res.child)}});
}

}  // namespace

auth::Resource child_resource(const model::Dataset& d, model::ChildIndex c, model::Date as_of) {
  Resource r;
  r.la = d.children[c].la;
  r.child = d.children[c].child;
  for (const auto* a : d.local_index.allocations.of(c)) {
    if (a->start > as_of || (a->end && *a->end < as_of)) continue;
    auto add = [](std::vector<std::string>& v, const std::string& x) {
      if (!x.empty() && std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
    };
    if (a->role == model::WorkerRole::Iro) {
      add(r.iros, a->worker);
      continue;
    }
    add(r.workers, a->worker);
    std::string team = a->team;
    if (team.empty())
      if (const auto* p = d.professional(r.la, a->worker)) team = p->team;
    add(r.teams, team);
  }
  return r;
}

model::ChildIndex find_child_or_404(const Call& call, const model::Dataset& d,
                                    const std::string& id) {
  std::string la = call.query("la");
  std::vector<std::string> councils;
  if (!la.empty())
    councils.push_back(la);
  else if (call.session)
    councils = call.who().councils;
  for (const auto& council : councils)
    if (auto c = d.find_child(council, id)) return *c;
  throw_no_child(id);
}

void add_child_routes(std::vector<Route>& routes) {
  routes.push_back({"GET",
                    "/api/v1/children",
                    "The children you may see, with search and filters",
                    {{"la", "query", "string", "The council's LA code"},
                     {"q", "query", "string", "Search the child's identifier"},
                     {"status",
                      "query",
                      "string",
                      "Looked after (default), care leaver, left care or all",
                      false,
                      {"looked_after", "care_leaver", "left_care", "all"}},
                     {"team", "query", "string", "Only this team's children"},
                     {"worker", "query", "string", "Only this worker's children"},
                     {"page", "query", "integer", "Page number, from 1"},
                     {"per_page", "query", "integer", "Items per page (at most 500; default 50)"}},
                    true,
                    "",
                    list_children});
  routes.push_back({"GET",
                    "/api/v1/children/{id}",
                    "A child's journey: episodes, placements, legal status, reviews, missing "
                    "episodes, statutory items and findings (a young person: their own record)",
                    {{"id", "path", "string", "The child's CHILD identifier"},
                     {"la", "query", "string", "The council's LA code"},
                     {"as_of", "query", "string",
                      "Statutory items as of this date (YYYY-MM-DD; not after today)"}},
                    true,
                    "",
                    get_child});
}

}  // namespace hearth::web
