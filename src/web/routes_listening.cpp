// "Listening to you": what children and young people said, for the Board and the participation
// officer — counts by theme and mood over time, answers on time, survey results and the
// professional standards per team, always suppressed so no child can be identified
// (services/listening.hpp). Never a child's words or name.
#include "services/listening.hpp"
#include "voice/clock.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

model::Date date_param(const Call& call, const char* name, model::Date fallback) {
  const std::string v = call.query(name);
  if (v.empty()) return fallback;
  auto d = model::parse_iso(v);
  if (!d)
    throw ApiError(400, std::string("bad_") + name,
                   std::string(name) + " must be a date, YYYY-MM-DD", {{"parameter", name}});
  return *d;
}

http::Response listening(Call& call) {
  const std::string la = call.council();
  call.require(auth::Action::ReadListening, auth::Resource::council(la));
  const auto today = voice::england_date(model::from_unix_seconds(call.ctx.authn.now()));
  services::ListeningQuery q;
  q.la = la;
  q.to = date_param(call, "to", today);
  q.from = date_param(call, "from", q.to - std::chrono::days(364));
  if (q.from > q.to)
    throw ApiError(400, "bad_from", "from must be on or before to", {{"parameter", "from"}});
  q.suppress_below = call.ctx.opts.scorecard.suppression_threshold;
  q.min_team = call.ctx.opts.voice.standards_min_responses;
  auto d = call.ctx.derived();
  call.audit("listening.read", "council:" + la, "ok");
  return http::Response::json(services::listening_summary(call.st, *d->data, *call.ctx.surveys, q));
}

}  // namespace

void add_listening_routes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET",
       "/api/v1/listening",
       "Listening to you: statements by theme and mood, answers on time, survey "
       "results and the professional standards per team (suppressed; no child "
       "identifiable)",
       {kLa,
        {"from", "query", "string", "First day, YYYY-MM-DD (default: a year before to)"},
        {"to", "query", "string", "Last day, YYYY-MM-DD (default: today)"}},
       true,
       "",
       listening});
  routes.back().reply = {200, "Listening"};
}

}  // namespace hearth::web
