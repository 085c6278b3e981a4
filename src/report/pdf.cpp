// Headless Chromium as a child process: posix_spawn with an argument vector (no shell), its
// output to a file in the temporary folder, a deadline after which it is killed.
#include "report/pdf.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

extern char** environ;

namespace hearth::report {

namespace fs = std::filesystem;

namespace {

// A folder only this process can read, removed when it goes out of scope.
struct TempFolder {
  fs::path path;
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "hearth-pdf-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
      throw PdfError("Could not make a temporary folder for the PDF in " +
                     fs::temp_directory_path().string());
    path = pattern;
  }
  ~TempFolder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
};

fs::path chromium_path(const PdfOptions& o) {
  if (!o.chromium.empty()) return o.chromium;
  if (const char* env = std::getenv("HEARTH_CHROMIUM"); env && *env) return env;
  return "/usr/bin/chromium";
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string html_to_pdf(const std::string& html, const PdfOptions& options) {
  const fs::path chromium = chromium_path(options);
  if (access(chromium.c_str(), X_OK) != 0)
    throw PdfError("The PDF is made by Chromium, and there is none at " + chromium.string() +
                   ": install the chromium package, or set HEARTH_CHROMIUM to its path.");
  TempFolder tmp;
  const fs::path page = tmp.path / "paper.html";
  const fs::path pdf = tmp.path / "paper.pdf";
  const fs::path log = tmp.path / "chromium.log";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    if (!out.flush()) throw PdfError("Could not write the page for the PDF to " + page.string());
  }
  std::vector<std::string> args = {
      chromium.string(),
      "--headless",
      "--no-sandbox",  // a service account in a container has no user namespaces to sandbox in
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--disable-extensions",
      "--disable-background-networking",
      "--disable-sync",
      "--metrics-recording-only",
      "--proxy-server=127.0.0.1:9",  // nothing leaves the machine: the page needs no network
      "--proxy-bypass-list=<-loopback>",
      "--user-data-dir=" + (tmp.path / "profile").string(),
      "--no-pdf-header-footer",
      "--generate-pdf-document-outline",
      "--print-to-pdf=" + pdf.string(),
      "file://" + page.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // its own process group, so a timeout ends Chromium's helper processes too
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, chromium.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0)
    throw PdfError("Could not start Chromium (" + chromium.string() + ") to make the PDF.");

  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  int status = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) throw PdfError("Lost track of Chromium while it made the PDF.");
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      throw PdfError("Chromium took longer than " + std::to_string(options.timeout.count()) +
                     " seconds to make the PDF, and was stopped.");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-pid, SIGKILL);  // any helper process it left behind
  std::error_code ec;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::exists(pdf, ec) ||
      fs::file_size(pdf, ec) == 0) {
    std::string said = read_all(log);
    if (said.size() > 600) said = said.substr(said.size() - 600);
    throw PdfError("Chromium could not make the PDF" +
                   (said.empty() ? std::string(".") : ": " + said));
  }
  return read_all(pdf);
}

}  // namespace hearth::report
