// The Board's papers from the command line (docs/papers.md): `hearth meetings` (which meeting is
// which), `hearth pack --meeting ID` and `hearth annual-report --year 2025-26`, each as HTML, PDF
// and the XLSX appendix, or its figures as JSON.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/commands.hpp"

namespace hearth::cli {

struct PaperCli {
  CLI::App* pack = nullptr;
  CLI::App* annual = nullptr;
  CLI::App* meetings = nullptr;
  std::int64_t meeting = 0;
  std::string year, as_at, la, audience = "board", html, pdf, xlsx, format;
};
void add_paper_cli(CLI::App& app, PaperCli& c);
std::optional<int> run_paper_cli(const Global& g, const PaperCli& c);

}  // namespace hearth::cli
