// The published reference data from the command line (docs/postcodes.md): `hearth reference
// update-postcodes ONSPD.zip` rebuilds the shipped postcode index from a new ONS release, and
// `hearth reference postcode "ME7 1AA"` says what the index knows of a postcode.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace hearth::cli {

struct ReferenceCli {
  CLI::App* update = nullptr;
  CLI::App* lookup = nullptr;
  std::string file, release, folder, format = "table";
  std::vector<std::string> postcodes;
};
void add_reference_cli(CLI::App& app, ReferenceCli& c);
std::optional<int> run_reference_cli(const ReferenceCli& c);

// What `hearth --version --licences` prints after the version: the sources and licences of the
// data Hearth ships.
std::string licences_text();

}  // namespace hearth::cli
