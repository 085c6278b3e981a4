// hearth scorecard and hearth indicators.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "indicators/scorecard.hpp"
#include "ingest/snapshot.hpp"
#include "report/scorecard.hpp"
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

int cmd_scorecard(const Global& g, const ScorecardArgs& a) {
  static const std::vector<std::string> formats = {"table", "json", "csv", "xlsx", "html"};
  if (std::find(formats.begin(), formats.end(), a.format) == formats.end())
    throw UsageError("--format must be table, json, csv, xlsx or html, not '" + a.format + "'");
  if (a.format == "xlsx" && (a.output.empty() || a.output == "-"))
    throw UsageError("--format xlsx writes a file: give it with --output FILE.xlsx");
  auto kind = indicators::period_kind_by_name(a.period);
  if (!kind) throw UsageError("--period must be month, quarter or year, not '" + a.period + "'");
  indicators::ScorecardOptions options;
  options.period = *kind;
  options.suppress = a.suppressed;
  for (const auto& key : a.only) {
    auto id = indicators::indicator_by_key(key);
    if (!id)
      throw UsageError("there is no indicator '" + key + "': hearth indicators list shows them");
    options.only.push_back(*id);
  }
  auto ts_config = load_timescale_config(g);
  auto sc_config = load_scorecard_config(g);
  const auto folder = sc_config.reference_folder.empty()
                          ? indicators::ReferenceData::default_folder()
                          : sc_config.reference_folder;
  indicators::ReferenceData reference;
  try {
    reference = indicators::ReferenceData::load(folder);
  } catch (const indicators::ReferenceError& e) {
    throw UsageError(std::string("reference data: ") + e.what());
  }

  auto st = open_current(g);
  auto data = ingest::load_dataset(*st);
  if (data->children.empty()) throw UsageError("the store holds no children: import a return");
  std::string la = a.la;
  if (la.empty()) {
    if (data->councils.size() > 1)
      throw UsageError("the store holds several councils: choose one with --la");
    la = data->councils.front();
  } else if (std::find(data->councils.begin(), data->councils.end(), la) == data->councils.end()) {
    throw UsageError("the store holds no council '" + la + "'");
  }
  const auto resolved = resolve_as_of(a.as_of, *data, ingest::AsOfUse::Scorecard, la);
  const model::Date as_of = resolved.date;

  int first_year = 0;
  for (const auto& [rla, year] : data->returns)
    if (rla == la && (first_year == 0 || year < first_year)) first_year = year;
  if (as_of < model::CollectionYear{first_year}.start())
    throw UsageError("--as-of " + model::format_iso(as_of) + " is before council " + la +
                     "'s earliest stored return, which starts on " +
                     model::format_iso(model::CollectionYear{first_year}.start()));
  timescales::Engine ts(*data, ts_config);
  indicators::Engine engine(*data, ts, reference, la, as_of, sc_config.rules);
  auto sc = indicators::build_scorecard(engine, reference, sc_config, options);
  sc.warning = resolved.warning;
  sc.records_note = resolved.records_note;
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
  else
    write_out(a.output, report::scorecard_table(sc));
  if (!a.output.empty() && a.output != "-")
    std::cerr << "Wrote the scorecard for " << la << " at " << model::format_iso(as_of) << " to "
              << a.output << '\n';
  return kExitOk;
}

int cmd_indicators(const std::string& format) {
  if (format == "json") {
    std::cout << report::indicators_json().dump(2) << '\n';
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
