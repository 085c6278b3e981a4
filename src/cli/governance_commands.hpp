// The Corporate Parenting Board's commands (docs/cli.md): `hearth governance load|export|show`,
// `hearth actions [list]|add|close`, `hearth cards` and `hearth commentary set|show|history`.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "store/store.hpp"
#include "voice/surveys.hpp"

namespace hearth::cli {

struct GovernanceCli {
  CLI::App* load = nullptr;
  CLI::App* exp = nullptr;
  CLI::App* show = nullptr;
  CLI::App* actions = nullptr;
  CLI::App* add = nullptr;
  CLI::App* close = nullptr;
  CLI::App* cards = nullptr;
  CLI::App* commentary = nullptr;
  CLI::App* c_set = nullptr;
  CLI::App* c_show = nullptr;
  CLI::App* c_history = nullptr;
  std::string subject, period, part, body_file, body_text;
  std::string file, la, out, as_of, format = "table";
  // actions
  bool overdue = false, dropped = false;
  std::string status, owner, owner_name, priority, theme, title, due, evidence, on;
  std::int64_t card = 0, meeting = 0, id = 0;
};
// The surveys a measure may name: --config's [voice] surveys_folder, else those Hearth ships.
voice::SurveyBook surveys_of(const Global& g);
// --la, or the store's one council.
std::string council(store::Store& st, const std::string& la);

void add_governance_cli(CLI::App& app, GovernanceCli& c);
// The exit code of the governance command that was parsed, or nothing when none was.
std::optional<int> run_governance_cli(const Global& g, const GovernanceCli& c);

}  // namespace hearth::cli
