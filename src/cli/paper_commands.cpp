#include "cli/paper_commands.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/audit_log.hpp"
#include "cli/common.hpp"
#include "cli/governance_commands.hpp"
#include "cli/output.hpp"
#include "ingest/snapshot.hpp"
#include "report/papers.hpp"
#include "report/pdf.hpp"
#include "services/papers.hpp"

namespace hearth::cli {

namespace {

// When the paper was made: $SOURCE_DATE_EPOCH (seconds) when set, so a build or a test can make
// the same paper twice; otherwise now.
model::Instant generated_at() {
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) {
    char* end = nullptr;
    const long long s = std::strtoll(e, &end, 10);
    if (end && *end == '\0' && s >= 0) return model::Instant{std::chrono::seconds{s}};
    throw UsageError("SOURCE_DATE_EPOCH must be seconds since 1970, not '" + std::string(e) + "'");
  }
  return model::instant_now();
}

bool suppressed(const PaperCli& c) {
  if (c.audience == "board") return true;
  if (c.audience == "analyst") return false;
  throw UsageError("--audience must be board (small numbers suppressed) or analyst (shown), not '" +
                   c.audience + "'");
}

void write_file(const std::string& path, const std::string& bytes, const char* what) {
  std::ofstream f(path, std::ios::binary);
  if (!f) throw UsageError("cannot write " + path);
  f << bytes;
  if (!f) throw std::runtime_error("writing " + path + " failed");
  std::cerr << "Wrote the " << what << " to " << path << '\n';
}

template <typename Paper, typename Html, typename Figures>
int write(const PaperCli& c, const Paper& p, const std::string& title, Html html, Figures figures) {
  if (c.html.empty() && c.pdf.empty() && c.xlsx.empty() && c.format.empty())
    throw UsageError("say what to write: --html FILE, --pdf FILE, --xlsx FILE or --format json");
  if (!c.format.empty() && c.format != "json")
    throw UsageError("--format must be json (the paper's figures), not '" + c.format + "'");
  const std::string page = html(p);
  if (!c.html.empty()) write_file(c.html, page, "HTML");
  if (!c.pdf.empty()) {
    try {
      write_file(c.pdf, report::html_to_pdf(page), "PDF");
    } catch (const report::PdfError& e) {
      throw UsageError(e.what());
    }
  }
  if (!c.xlsx.empty() || !c.format.empty()) {
    const auto figs = figures(p);
    if (!c.xlsx.empty()) write_file(c.xlsx, report::paper_xlsx_bytes(title, p, figs), "appendix");
    if (!c.format.empty())
      std::cout << nlohmann::json{{"la", p.la},
                                  {"as_of", model::format_iso(p.as_of)},
                                  {"scorecard_as_of", model::format_iso(p.scorecard.as_of)},
                                  {"period", p.scorecard.period.label},
                                  {"suppressed", p.suppressed},
                                  {"figures", report::figures_json(figs)}}
                       .dump(2)
                << '\n';
  }
  return kExitOk;
}

int pack(const Global& g, const PaperCli& c) {
  const bool suppress = suppressed(c);
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  services::SnapshotCache snap(ingest::load_dataset(*st), scorecard_settings(g));
  const auto p =
      services::meeting_pack(snap, *st, surveys_of(g), la, c.meeting, suppress, generated_at());
  cli_audit(*st, "pack.export", "meeting:" + std::to_string(c.meeting), "ok",
            {{"suppressed", suppress}});
  return write(c, p, "Meeting pack " + model::format_iso(p.meeting.held_on), report::pack_html,
               report::pack_figures);
}

int annual(const Global& g, const PaperCli& c) {
  const bool suppress = suppressed(c);
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  services::SnapshotCache snap(ingest::load_dataset(*st), scorecard_settings(g));
  std::optional<model::Date> as_at;
  if (!c.as_at.empty()) as_at = parse_day(c.as_at, "--as-at");
  const auto r = services::annual_report(snap, *st, surveys_of(g), la, c.year, as_at, suppress,
                                         generated_at());
  cli_audit(*st, "annual_report.export", "council:" + la, "ok",
            {{"year", c.year}, {"suppressed", suppress}});
  return write(c, r, "Annual corporate parenting report " + c.year, report::annual_html,
               report::annual_figures);
}

int meetings(const Global& g, const PaperCli& c) {
  Format fmt = parse_format(c.format.empty() ? "table" : c.format);
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  const auto list = st->governance().meetings(la);
  if (fmt == Format::Json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : list)
      out.push_back({{"id", m.id},
                     {"date", model::format_iso(m.held_on)},
                     {"title", m.title},
                     {"status", m.status}});
    std::cout << nlohmann::json{{"la", la}, {"items", out}}.dump(2) << '\n';
    return kExitOk;
  }
  Rows rows;
  for (const auto& m : list)
    rows.push_back({std::to_string(m.id), model::format_iso(m.held_on), m.status, m.title});
  const std::vector<std::string> headers = {"ID", "DATE", "STATUS", "TITLE"};
  if (fmt == Format::Csv)
    print_csv(std::cout, headers, rows);
  else
    print_table(std::cout, headers, rows);
  return kExitOk;
}

void outputs(CLI::App* a, PaperCli& c) {
  a->add_option("--la", c.la, "The council (default: the store's one council)");
  a->add_option("--audience", c.audience,
                "board: small numbers suppressed (for the Board and publication); analyst: "
                "shown, marked OFFICIAL-SENSITIVE")
      ->capture_default_str();
  a->add_option("--html", c.html, "Write the paper as HTML (prints on A4)");
  a->add_option("--pdf", c.pdf, "Write the paper as a tagged PDF (headless Chromium)");
  a->add_option("--xlsx", c.xlsx, "Write the appendix of every figure as XLSX");
  a->add_option("--format", c.format, "json: print every figure in the paper");
}

}  // namespace

void add_paper_cli(CLI::App& app, PaperCli& c) {
  c.pack = app.add_subcommand("pack", "The Board's pack for a meeting, as at the meeting's day");
  c.pack->add_option("--meeting", c.meeting, "The meeting (its id)")->required();
  outputs(c.pack, c);
  c.annual = app.add_subcommand("annual-report", "The annual corporate parenting report");
  c.annual->add_option("--year", c.year, "The year, written 2025-26")->required();
  c.annual->add_option("--as-at", c.as_at,
                       "Commentary and the Board's records as at the end of YYYY-MM-DD "
                       "(default: today)");
  outputs(c.annual, c);
  c.meetings = app.add_subcommand("meetings", "The Board's meetings (their ids for hearth pack)");
  c.meetings->add_option("--la", c.la, "The council (default: the store's one council)");
  c.meetings->add_option("--format", c.format, "table, json or csv");
}

std::optional<int> run_paper_cli(const Global& g, const PaperCli& c) {
  if (c.pack && *c.pack) return pack(g, c);
  if (c.annual && *c.annual) return annual(g, c);
  if (c.meetings && *c.meetings) return meetings(g, c);
  return std::nullopt;
}

}  // namespace hearth::cli
