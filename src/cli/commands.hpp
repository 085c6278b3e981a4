// The hearth commands. Each returns an exit code (0 done, 1 findings blocked the work); usage
// errors and system failures are exceptions, turned into exit codes 2 and 3 in main() only.
#pragma once

#include <optional>
#include <string>

#include "cli/output.hpp"

namespace hearth::cli {

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitSystem = 3;

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Global {
  std::string store_url;
};

struct ImportArgs {
  std::string path;
  std::string year;
  std::string la;
  bool accept_with_findings = false;
  std::string format = "table";
  std::string progress = "auto";  // auto (a bar on a terminal), plain (a line per stage), none
};
int cmd_import(const Global& g, const ImportArgs& a);

struct ExportArgs {
  std::string out;
  std::string la;
  std::string year;
};
int cmd_export(const Global& g, const ExportArgs& a);

struct SynthArgs {
  int children = 480;
  int years = 1;
  unsigned long long seed = 1;
  std::string la = "887";
  int last_year = 0;
  bool national = false;
  std::string out;
};
int cmd_synth(const SynthArgs& a);

struct DemoArgs {
  int children = 480;
  int years = 5;
  unsigned long long seed = 20261;
  std::string la = "887";
  bool replace = false;
  bool if_empty = false;
};
int cmd_demo(const Global& g, const DemoArgs& a);

int cmd_db_upgrade(const Global& g);
int cmd_db_version(const Global& g, const std::string& format);
int cmd_info(const Global& g, const std::string& format);

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  int io_threads = 2;
  int workers = 4;
};
int cmd_serve(const Global& g, const ServeArgs& a);

}  // namespace hearth::cli
