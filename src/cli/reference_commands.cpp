#include "cli/reference_commands.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "geo/archive.hpp"
#include "geo/reference.hpp"
#include "reference_notice.hpp"

namespace hearth::cli {

namespace fs = std::filesystem;

namespace {

int update_postcodes(const ReferenceCli& c) {
  if (!fs::is_regular_file(c.file)) throw UsageError(c.file + " is not a file");
  const fs::path folder = c.folder.empty() ? geo::reference_folder() : fs::path(c.folder);
  if (!fs::is_directory(folder)) throw UsageError(folder.string() + " is not a folder");
  const auto started = std::chrono::steady_clock::now();
  geo::DirectoryRead read;
  geo::PostcodeIndex ix = [&] {
    try {
      return geo::read_directory(c.file, c.release, read);
    } catch (const std::runtime_error& e) {  // PostcodeError, ArchiveError: the file is at fault
      throw UsageError(e.what());
    }
  }();
  const fs::path out = geo::postcode_index_file(folder);
  fs::create_directories(out.parent_path());
  try {
    ix.save(out);
  } catch (const geo::PostcodeError& e) {
    throw UsageError(e.what());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "Read " << read.rows << " rows" << (read.member.empty() ? "" : " of " + read.member)
            << ": " << ix.size() << " postcodes in " << ix.districts().size() << " districts ("
            << ix.release() << ")\n"
            << "Wrote " << out.string() << " (" << fs::file_size(out) / (1024 * 1024) << " MiB) in "
            << static_cast<int>(seconds * 10) / 10.0 << " s\n";
  return kExitOk;
}

int lookup(const ReferenceCli& c) {
  const auto& g = geo::geography();
  if (!g.postcodes) throw UsageError("Hearth has no postcodes: " + g.missing);
  nlohmann::json items = nlohmann::json::array();
  int unknown = 0;
  for (const auto& text : c.postcodes) {
    auto p = g.postcodes->find(text);
    nlohmann::json j = {{"postcode", text}, {"known", p.has_value()}};
    if (p) {
      j["postcode"] = geo::PostcodeIndex::canonical(text);
      j["district"] = p->district;
      j["council"] = g.council_of(text);
      if (auto it = g.councils.la_by_ons.find(j["council"]); it != g.councils.la_by_ons.end())
        j["la"] = it->second;
      if (p->has_grid) j["easting"] = p->easting, j["northing"] = p->northing;
    } else {
      ++unknown;
    }
    items.push_back(std::move(j));
  }
  if (c.format == "json") {
    std::cout << nlohmann::json{{"release", g.postcodes->release()}, {"items", items}}.dump(2)
              << '\n';
  } else {
    for (const auto& j : items) {
      if (!j["known"].get<bool>()) {
        std::cout << j["postcode"].get<std::string>() << ": not a postcode the directory knows\n";
        continue;
      }
      std::cout << j["postcode"].get<std::string>() << ": district "
                << j["district"].get<std::string>() << ", council "
                << j.value("council", std::string()) << " (" << j.value("la", std::string("-"))
                << ")";
      if (j.contains("easting"))
        std::cout << ", grid " << j["easting"].get<int>() << " " << j["northing"].get<int>();
      else
        std::cout << ", no grid reference";
      std::cout << '\n';
    }
  }
  return unknown ? kExitFindings : kExitOk;
}

}  // namespace

void add_reference_cli(CLI::App& app, ReferenceCli& c) {
  auto* ref = app.add_subcommand("reference", "The published reference data Hearth ships");
  ref->require_subcommand(1);
  c.update = ref->add_subcommand(
      "update-postcodes",
      "Rebuild the postcode index from a new ONS Postcode Directory (the ONSPD zip, or its CSV)");
  c.update->add_option("file", c.file, "ONSPD_<MON>_<YEAR>.zip as ONS publishes it, or a CSV")
      ->required();
  c.update->add_option("--release", c.release,
                       "The release's name (default: from the file, e.g. \"ONSPD NOV 2025\")");
  c.update->add_option("--reference", c.folder,
                       "The reference folder to write into (default: the one Hearth reads)");
  c.lookup = ref->add_subcommand("postcode", "What the postcode index knows of postcodes");
  c.lookup->add_option("postcodes", c.postcodes, "One or more postcodes")->required();
  c.lookup->add_option("--format", c.format, "table or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
}

std::optional<int> run_reference_cli(const ReferenceCli& c) {
  if (*c.update) return update_postcodes(c);
  if (*c.lookup) return lookup(c);
  return std::nullopt;
}

std::string licences_text() {
  return std::string(embedded::reference_notice()[0].text);
}

}  // namespace hearth::cli
