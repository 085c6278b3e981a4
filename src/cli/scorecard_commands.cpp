// hearth scorecard and hearth indicators.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "indicators/scorecard.hpp"
#include "ingest/snapshot.hpp"
#include "report/pdf.hpp"
#include "report/scorecard.hpp"
#include "services/scorecard.hpp"
#include "store/store.hpp"

namespace hearth::cli {

indicators::ScorecardConfig load_scorecard_config(const Global& g) {
  if (g.config_path.empty()) return indicators::ScorecardConfig::defaults();
  try {
    return indicators::load_scorecard_config(g.config_path);
  } catch (const indicators::ScorecardConfigError& e) {
    throw UsageError(e.what());
  }
}

namespace {

void write_out(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    return;
  }
  std::ofstream f(path, std::ios::binary);
  if (!f) throw UsageError("cannot write " + path);
  f << text;
  if (!f) throw std::runtime_error("writing " + path + " failed");
}

}  // namespace

services::Settings scorecard_settings(const Global& g) {
  services::Settings settings;
  settings.timescales = load_timescale_config(g);
  settings.scorecard = load_scorecard_config(g);
  const auto folder = settings.scorecard.reference_folder.empty()
                          ? indicators::ReferenceData::default_folder()
                          : settings.scorecard.reference_folder;
  try {
    settings.reference =
        std::make_shared<const indicators::ReferenceData>(indicators::ReferenceData::load(folder));
  } catch (const indicators::ReferenceError& e) {
    throw UsageError(std::string("reference data: ") + e.what());
  }
  return settings;
}

int cmd_scorecard(const Global& g, const ScorecardArgs& a) {
  static const std::vector<std::string> formats = {"table", "json", "csv", "xlsx", "html", "pdf"};
  if (std::find(formats.begin(), formats.end(), a.format) == formats.end())
    throw UsageError("--format must be table, json, csv, xlsx, html or pdf, not '" + a.format +
                     "'");
  if ((a.format == "xlsx" || a.format == "pdf") && (a.output.empty() || a.output == "-"))
    throw UsageError("--format " + a.format + " writes a file: give it with --output FILE." +
                     a.format);
  services::Settings settings = scorecard_settings(g);
  services::ScorecardQuery q;
  q.la = a.la;
  q.la_name = "--la";
  q.as_of = a.as_of;
  q.as_of_name = "--as-of";
  q.period = a.period;
  q.period_name = "--period";
  q.suppress = a.suppressed;
  q.only = a.only;

  auto st = open_current(g);
  services::SnapshotCache snap(ingest::load_dataset(*st), std::move(settings));
  const auto plan = services::plan_scorecard(snap, q);
  const auto& resolved = plan.as_of;
  const auto& la = plan.la;
  const model::Date as_of = resolved.date;
  auto sc = services::build_scorecard(snap, plan);
  // The table and the papers carry the warning themselves; a JSON, CSV or file written elsewhere
  // is seldom read by the person who ran the command, so it goes to the terminal too.
  if (!resolved.warning.empty() && (a.format != "table" || (!a.output.empty() && a.output != "-")))
    std::cerr << "Warning: " << resolved.warning << '\n';

  if (a.format == "json")
    write_out(a.output, report::scorecard_json(sc).dump(2) + "\n");
  else if (a.format == "csv")
    write_out(a.output, report::scorecard_csv(sc));
  else if (a.format == "html")
    write_out(a.output, report::scorecard_html(sc));
  else if (a.format == "xlsx")
    report::scorecard_xlsx(sc, a.output);
  else if (a.format == "pdf") {
    // the Board paper printed by headless Chromium, as the web's download makes it
    try {
      write_out(a.output, report::html_to_pdf(report::scorecard_html(sc)));
    } catch (const report::PdfError& e) {
      throw UsageError(e.what());
    }
  } else
    write_out(a.output, report::scorecard_table(sc));
  if (!a.output.empty() && a.output != "-")
    std::cerr << "Wrote the scorecard for " << la << " at " << model::format_iso(as_of) << " to "
              << a.output << '\n';
  return kExitOk;
}

int cmd_indicators(const std::string& format) {
  if (format == "json") {
    std::cout << report::indicators_list_json().dump(2) << '\n';
  } else if (format == "markdown") {
    std::cout << report::indicators_markdown();
  } else if (format == "table") {
    for (const auto& ind : indicators::all_indicators())
      std::cout << ind.key << std::string(ind.key.size() < 32 ? 32 - ind.key.size() : 1, ' ')
                << indicators::source_name(ind.source)
                << std::string(13 - indicators::source_name(ind.source).size(), ' ') << ind.title
                << '\n';
  } else {
    throw UsageError("--format must be table, json or markdown, not '" + format + "'");
  }
  return kExitOk;
}

}  // namespace hearth::cli
