// The Board's papers and the officers' commentary (docs/papers.md): the meeting pack and the
// annual report to download (HTML, PDF, the XLSX appendix; small numbers suppressed for those
// who see the Board suppressed, OFFICIAL-SENSITIVE for those who do not), and the commentary
// read by anyone who reads the Board and written by the Board's officer, analysts and managers.
#include <fmt/format.h>

#include "report/markdown.hpp"
#include "report/papers.hpp"
#include "services/commentary.hpp"
#include "services/papers.hpp"
#include "services/scorecard.hpp"
#include "web/board_common.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;
using board::now_of;
using board::today_of;

// ---- papers ---------------------------------------------------------------------------------

// Whoever may read the Board and its scorecard; suppressed when either is suppressed for them.
bool paper_suppressed(Call& call, const std::string& la) {
  const auto board = call.require(Action::ReadBoard, Resource::council(la));
  const auto card = call.require(Action::ReadScorecard, Resource::council(la));
  return board.view == auth::View::Suppressed || card.view == auth::View::Suppressed;
}

// The paper in the format asked for; its appendix holds the figures its HTML prints.
template <typename Paper, typename Html, typename Figures>
http::Response paper_reply(const Paper& p, const std::string& format, const std::string& title,
                           const std::string& file, Html html, Figures figures) {
  return paper_download(
      format, file, [&] { return html(p); },
      [&] { return report::paper_xlsx_bytes(title, p, figures(p)); });
}

http::Response get_pack(Call& call) {
  const auto id = board::id_param(call, "meeting");
  auto m = call.st.governance().meeting(id);
  if (!m) throw ApiError(404, "not_found", "There is no meeting " + std::to_string(id) + ".");
  board::require_board_by_id(call, m->la, "meeting", id);
  const bool suppress = paper_suppressed(call, m->la);
  const std::string format = paper_format(call);
  auto d = call.ctx.derived();
  const auto p =
      services::meeting_pack(*d, call.st, *call.ctx.surveys, m->la, id, suppress, now_of(call));
  auto r = paper_reply(p, format, "Meeting pack " + model::format_iso(m->held_on),
                       report::pack_file_name(p, format), report::pack_html, report::pack_figures);
  call.audit("pack.export", "meeting:" + std::to_string(id), "ok",  // once it is made
             {{"format", format}, {"suppressed", suppress}});
  return r;
}

http::Response get_annual_report(Call& call) {
  const std::string la = call.council();
  const bool suppress = paper_suppressed(call, la);
  const std::string format = paper_format(call);
  const std::string year = call.query("year");
  std::optional<model::Date> as_at;
  if (const auto t = call.query("as_at"); !t.empty()) {
    as_at = model::parse_iso(t);
    if (!as_at)
      throw ApiError(400, "bad_request", "as_at must be a date written 2026-06-30.",
                     {{"parameter", "as_at"}});
  }
  auto d = call.ctx.derived();
  const auto r = services::annual_report(*d, call.st, *call.ctx.surveys, la, year, as_at, suppress,
                                         now_of(call));
  auto reply =
      paper_reply(r, format, "Annual corporate parenting report " + year,
                  report::annual_file_name(r, format), report::annual_html, report::annual_figures);
  call.audit("annual_report.export", "council:" + la, "ok",  // once it is made
             {{"format", format}, {"year", year}, {"suppressed", suppress}});
  return reply;
}

// ---- commentary -----------------------------------------------------------------------------

json commentary_json(const store::Commentary& c, const report::NameOf& name) {
  return {{"id", c.id},
          {"subject", c.subject},
          {"period", c.period},
          {"part", c.part},
          {"body", c.body},
          {"html", report::safe_markdown_html(c.body, 4)},
          {"written_at", model::format_instant(c.written_at)},
          {"written_by", name(c.written_by)},
          {"replaces", c.replaces}};
}

http::Response list_commentary(Call& call) {
  const std::string la = call.council();
  call.require(Action::ReadBoard, Resource::council(la));
  auto d = call.ctx.derived();
  // The quarter the scorecard shows now: the default, and the newest offered.
  services::ScorecardQuery q;
  q.la = la;
  q.breakdowns = false;
  const auto plan = services::plan_scorecard(*d, q);
  const auto latest = services::last_quarter_end(plan.as_of.date);
  std::string period = call.query("period", model::format_iso(latest));
  const bool annual = period.find('-') == 4 && period.size() == 7;
  period = services::check_piece({annual ? "annual:introduction" : "indicator:cla_count", period,
                                  annual ? "text" : "behind"})
               .period;
  std::optional<model::Instant> as_at;
  if (const auto t = call.query("as_at"); !t.empty()) {
    auto day = model::parse_iso(t);
    if (!day)
      throw ApiError(400, "bad_request", "as_at must be a date written 2026-06-30.",
                     {{"parameter", "as_at"}});
    as_at = services::end_of_day(*day);
  }
  const auto names = board::names(call.st);
  json items = json::array();
  for (const auto& c : services::commentary_as_at(call.st, la, period, as_at))
    items.push_back(commentary_json(c, names));
  json quarters = json::array();
  for (int k = 0; k < 8; ++k)
    quarters.push_back(
        model::format_iso(services::last_quarter_end(model::add_months(latest, -3 * k))));
  json years = json::array();
  const auto today = today_of(call);
  // The last three years (April to March) that have ended, newest first.
  const auto ended = services::last_year_end(today);
  for (int k = 0; k < 3; ++k)
    years.push_back(services::year_name(model::add_months(ended, -12 * k)));
  json sections = json::array({{{"id", "introduction"}, {"title", "Introduction"}}});
  try {
    for (const auto& pr : services::governance_of(call.st, la, *call.ctx.surveys).priorities)
      sections.push_back({{"id", "priority:" + pr.id}, {"title", pr.title}});
  } catch (const services::Error&) {  // no arrangements yet: no priorities' stories
  }
  sections.push_back({{"id", "voice"}, {"title", "In the children in care council's own words"}});
  sections.push_back({{"id", "next-year"}, {"title", "Next year"}});
  const std::string label = annual ? period
                                   : indicators::period_containing(*model::parse_iso(period),
                                                                   indicators::PeriodKind::Quarter)
                                         .label;
  json out;
  out["la"] = la;
  out["period"] = period;
  out["kind"] = annual ? "year" : "quarter";
  out["period_label"] = label;
  out["as_at"] = as_at ? json(model::format_iso(voice::england_date(*as_at))) : json(nullptr);
  out["can_write"] = call.check(Action::WriteCommentary, Resource::council(la)).allowed;
  out["quarters"] = quarters;
  out["years"] = years;
  out["sections"] = sections;
  out["items"] = items;
  return http::Response::json(out);
}

http::Response commentary_history(Call& call) {
  const std::string la = call.council();
  call.require(Action::ReadBoard, Resource::council(la));
  const auto piece =
      services::check_piece({call.query("subject"), call.query("period"), call.query("part")});
  const auto names = board::names(call.st);
  json items = json::array();
  for (const auto& c :
       call.st.commentary().commentary_history(la, piece.subject, piece.period, piece.part))
    items.push_back(commentary_json(c, names));
  return http::Response::json({{"items", items}});
}

http::Response write_commentary(Call& call) {
  const std::string la = call.council();
  call.require(Action::WriteCommentary, Resource::council(la));
  const json body = call.body_object();
  std::int64_t replaces = 0;
  if (body.contains("replaces") && !body["replaces"].is_null()) {
    if (!body["replaces"].is_number_integer() || body["replaces"].get<std::int64_t>() < 0)
      throw ApiError(400, "bad_request",
                     "replaces must be the id of the version edited (0 for none).",
                     {{"parameter", "replaces"}});
    replaces = body["replaces"].get<std::int64_t>();
  }
  auto d = call.ctx.derived();
  const auto c = services::write_commentary(
      *d->data, call.st, la,
      {body_string(body, "subject", ""), body_string(body, "period", ""),
       body_string(body, "part", "")},
      body_string(body, "body", ""), replaces, call.who().username, now_of(call));
  call.audit("commentary.write", c.subject + "@" + c.period + "#" + c.part, "ok",
             {{"la", la}, {"version", c.id}});
  return http::Response::json(commentary_json(c, board::names(call.st)), 201);
}

http::Response preview_commentary(Call& call) {
  const std::string la = call.council();
  call.require(Action::WriteCommentary, Resource::council(la));
  const json body = call.body_object();
  const std::string text = body_string(body, "body", "");
  services::check_length(text);
  return http::Response::json({{"html", report::safe_markdown_html(text, 4)}});
}

}  // namespace

void add_paper_routes(std::vector<Route>& routes) {
  static const std::vector<std::string> kPaperMedia = {
      "application/pdf", "text/html",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
  const Param format{"format",           "query", "string",
                     "What to download", false,   {"pdf", "html", "xlsx"}};
  routes.push_back({"GET",
                    "/api/v1/meetings/{id}/pack",
                    "The meeting's pack as at its day: PDF (default), HTML or the XLSX appendix "
                    "of every figure (small numbers suppressed for the Board)",
                    {{"id", "path", "integer", "The meeting"}, format},
                    true,
                    "",
                    get_pack});
  routes.back().reply = {200, "", 0, kPaperMedia};
  routes.push_back({"GET",
                    "/api/v1/annual-report",
                    "The annual corporate parenting report for a year (April to March): PDF "
                    "(default), HTML or the XLSX appendix",
                    {kLa,
                     {"year", "query", "string", "The year, written 2025-26", true},
                     {"as_at", "query", "string",
                      "Commentary and the Board's records as at the end of this day (default: "
                      "today)"},
                     format},
                    true,
                    "",
                    get_annual_report});
  routes.back().reply = {200, "", 0, kPaperMedia};
  routes.push_back({"GET",
                    "/api/v1/commentary",
                    "The officers' commentary for a quarter (its last day) or a year, as written "
                    "by a day",
                    {kLa,
                     {"period", "query", "string",
                      "2026-03-31 or 2025-26 (default: the quarter the scorecard shows)"},
                     {"as_at", "query", "string", "As written by the end of this day"}},
                    true,
                    "",
                    list_commentary});
  routes.back().reply = {200, "CommentaryList"};
  routes.push_back({"GET",
                    "/api/v1/commentary/history",
                    "Every version of one piece of commentary, oldest first",
                    {kLa,
                     {"subject", "query", "string", "indicator:<key> or annual:<section>", true},
                     {"period", "query", "string", "2026-03-31 or 2025-26", true},
                     {"part", "query", "string", "behind, doing or text", true}},
                    true,
                    "",
                    commentary_history});
  routes.back().reply = {200, "CommentaryHistory"};
  routes.push_back({"POST",
                    "/api/v1/commentary",
                    "Write a new version of a piece of commentary: {subject, period, part, body "
                    "(Markdown), replaces (the version edited, 0 for none)}",
                    {kLa},
                    true,
                    "json",
                    write_commentary});
  routes.back().reply = {201, "Commentary"};
  routes.push_back({"POST",
                    "/api/v1/commentary/preview",
                    "Markdown as the papers will show it: {body} -> {html}",
                    {kLa},
                    true,
                    "json",
                    preview_commentary});
  routes.back().reply = {200, "CommentaryPreview"};
}

}  // namespace hearth::web
