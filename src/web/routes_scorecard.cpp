// The Board's scorecard over HTTP: the services' answer (services/scorecard.hpp), rendered
// once per question and kept with the snapshot, plain and gzipped.
#include "indicators/registry.hpp"
#include "model/dates.hpp"
#include "report/pdf.hpp"
#include "report/scorecard.hpp"
#include "services/scorecard.hpp"
#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

std::shared_ptr<const Cached> scorecard_text(Call& call, const std::string& la, bool suppress,
                                             const std::string& only) {
  auto d = call.ctx.derived();
  services::ScorecardQuery q;
  q.la = la;
  q.as_of = call.query("as_of");
  q.period = call.query("period", "quarter");
  q.suppress = suppress;
  // The dashboard's tiles need no breakdowns; one indicator's page does (and ?breakdowns=true
  // asks for them on the whole scorecard, as `hearth scorecard --format json` gives them).
  q.breakdowns = !only.empty() || call.query("breakdowns") == "true";
  if (!only.empty()) q.only.push_back(only);
  auto plan = services::plan_scorecard(*d, q);
  if (auto kept = d->scorecards.get(plan.key)) return kept;
  auto text = Cached::make(report::scorecard_json(services::build_scorecard(*d, plan)).dump());
  return d->scorecards.put(plan.key, text, cached_bytes(*text));
}

http::Response json_text(const Call& call, const std::shared_ptr<const Cached>& text) {
  http::Response r;
  set_body(r, *text, call.req);
  return r;
}

http::Response get_scorecard(Call& call) {
  std::string la = call.council();
  auto decision = call.require(Action::ReadScorecard, Resource::council(la));
  return json_text(
      call, scorecard_text(call, la, decision.view == auth::View::Suppressed, std::string()));
}

http::Response get_scorecard_indicator(Call& call) {
  std::string la = call.council();
  auto decision = call.require(Action::ReadScorecard, Resource::council(la));
  std::string key = call.req.path_params.at("indicator");
  if (!indicators::indicator_by_key(key))
    throw ApiError(404, "not_found", "There is no indicator '" + key + "'.", {{"id", key}});
  return json_text(call, scorecard_text(call, la, decision.view == auth::View::Suppressed, key));
}

// The Board's paper to take to a meeting: the A4 paper (HTML, or PDF through headless
// Chromium) or the analysts' workbook, in the role's view (suppressed for the Board), at the
// same period and date as the page. Each download is audited: it leaves the system.
http::Response get_scorecard_paper(Call& call) {
  std::string la = call.council();
  auto decision = call.require(Action::ReadScorecard, Resource::council(la));
  const std::string format = paper_format(call);
  auto d = call.ctx.derived();
  services::ScorecardQuery q;
  q.la = la;
  q.as_of = call.query("as_of");
  q.period = call.query("period", "quarter");
  q.suppress = decision.view == auth::View::Suppressed;
  q.breakdowns = format == "xlsx";
  auto plan = services::plan_scorecard(*d, q);
  const auto sc = services::build_scorecard(*d, plan);
  auto r = paper_download(
      format,
      "scorecard-" + la + "-" + q.period + "-" + model::format_iso(plan.as_of.date) + "." + format,
      [&] { return report::scorecard_html(sc); }, [&] { return report::scorecard_xlsx_bytes(sc); });
  call.audit("scorecard.export", "council:" + la, "ok",
             {{"format", format},
              {"suppressed", q.suppress},
              {"period", q.period},
              {"as_of", model::format_iso(plan.as_of.date)}});
  return r;
}

}  // namespace

std::string paper_format(const Call& call) {
  const std::string format = call.query("format", "pdf");
  if (format != "pdf" && format != "html" && format != "xlsx")
    throw ApiError(400, "bad_request", "format must be pdf, html or xlsx, not '" + format + "'.",
                   {{"parameter", "format"}});
  return format;
}

http::Response paper_download(const std::string& format, const std::string& file,
                              const std::function<std::string()>& html,
                              const std::function<std::string()>& xlsx) {
  http::Response r;
  if (format == "xlsx") {
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = xlsx();
  } else if (format == "html") {
    r.content_type = "text/html; charset=utf-8";
    r.body = html();
  } else {
    r.content_type = "application/pdf";
    try {
      r.body = report::html_to_pdf(html());
    } catch (const report::PdfError& e) {
      throw ApiError(503, "unavailable", e.what());
    }
  }
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

void add_scorecard_routes(std::vector<Route>& routes) {
  static const std::vector<std::string> kPaperMedia = {
      "application/pdf", "text/html",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
  const Param period{"period",     "query", "string",
                     "The period", false,   {"month", "quarter", "year"}};
  routes.push_back({"GET",
                    "/api/v1/scorecard",
                    "The Board's scorecard: every indicator's value, target, RAG, comparators "
                    "and trend (small numbers suppressed for the board role)",
                    {kLa,
                     period,
                     kAsOf,
                     {"breakdowns",
                      "query",
                      "string",
                      "true: each indicator's breakdowns too (as hearth scorecard --format json)",
                      false,
                      {"true", "false"}}},
                    true,
                    "",
                    get_scorecard});
  routes.back().reply = {200, "Scorecard"};
  routes.push_back(
      {"GET",
       "/api/v1/scorecard/paper",
       "The scorecard to take away: the Board's A4 paper as PDF (default) or HTML, "
       "or the workbook as XLSX (small numbers suppressed for the board role)",
       {kLa,
        period,
        kAsOf,
        {"format", "query", "string", "What to download", false, {"pdf", "html", "xlsx"}}},
       true,
       "",
       get_scorecard_paper});
  routes.back().reply = {200, "", 0, kPaperMedia};
  routes.push_back({"GET",
                    "/api/v1/scorecard/{indicator}",
                    "One indicator with its trend, years, comparators and breakdowns",
                    {{"indicator", "path", "string", "The indicator's id"}, kLa, period, kAsOf},
                    true,
                    "",
                    get_scorecard_indicator});
  routes.back().reply = {200, "Scorecard"};
}

}  // namespace hearth::web
