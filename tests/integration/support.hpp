// Shared by the integration tests: throwaway databases on each backend, temporary folders,
// and running the hearth binary as a child process.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hearth::testing {

// A fresh, empty database for one test: a new SQLite file, or a new PostgreSQL database on the
// server named by HEARTH_TEST_PG_URL (dropped at the end).
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend);  // "sqlite" or "postgresql"
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  const std::string& url() const { return url_; }
  bool available() const { return !url_.empty(); }
  const std::string& why_unavailable() const { return why_; }

 private:
  std::string backend_;
  std::string url_;
  std::string why_;
  std::string pg_admin_url_;
  std::string pg_name_;
  std::filesystem::path dir_;
};

// Skips the test when the backend is not there; fails instead when HEARTH_REQUIRE_PG=1.
#define HEARTH_REQUIRE_DB(db)                                                 \
  do {                                                                        \
    if (!(db).available()) {                                                  \
      if (::hearth::testing::pg_required()) FAIL() << (db).why_unavailable(); \
      GTEST_SKIP() << (db).why_unavailable();                                 \
    }                                                                         \
  } while (0)
bool pg_required();

class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;  // 128 + signal when killed
  std::string out;
  std::string err;
};
// Runs a program with arguments (no shell), waiting for it to finish.
RunResult run(const std::vector<std::string>& argv);

// A program left running: one of its output streams (1 = stdout, 2 = stderr) is read line by
// line, the other goes to /dev/null. Killed and reaped when dropped, so a failed assertion never
// leaves a process behind.
class Child {
 public:
  Child(const std::vector<std::string>& argv, int stream);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  // The next line, or nullopt at end of output.
  std::optional<std::string> read_line();
  // True (with its wait status) if the program has already ended.
  bool ended(int& status);
  // Sends `sig` and waits for the end; returns the wait status.
  int stop(int sig);
  int pid() const { return pid_; }

 private:
  int pid_ = -1;
  int fd_ = -1;
  bool reaped_ = false;
};

// `hearth serve` on a free port of 127.0.0.1, stopped (SIGTERM) when dropped.
class Server {
 public:
  // argv: the hearth command up to and including "serve" and its options (no --listen).
  explicit Server(std::vector<std::string> argv);
  std::string base() const { return scheme_ + "://127.0.0.1:" + port_; }
  int stop();  // SIGTERM; the wait status
  int pid() const { return child_->pid(); }
  // The server's next line of output after the first (e.g. where its metrics are).
  std::optional<std::string> read_line() { return child_->read_line(); }
  std::string port() const { return port_; }

 private:
  std::unique_ptr<Child> child_;
  std::string scheme_ = "http";
  std::string port_;
};

struct HttpReply {
  int status = 0;
  std::string body;
  std::string headers;  // as received, lower-cased names
};

// A browser-like client (curl, with its own cookie jar): sends the hearth_csrf cookie's value
// as X-CSRF-Token on changes unless told not to.
class WebClient {
 public:
  explicit WebClient(std::string base);
  HttpReply request(const std::string& method, const std::string& path,
                    const std::string& body = {}, bool csrf = true,
                    const std::vector<std::string>& extra_headers = {});
  HttpReply get(const std::string& path) { return request("GET", path); }
  // POST /api/v1/session; the status.
  int login(const std::string& username, const std::string& password);
  std::string cookie(const std::string& name) const;
  const std::filesystem::path& jar() const { return jar_; }
  // Uses another client's cookies (the same browser on another server).
  void copy_cookies_from(const WebClient& other);

 private:
  std::string base_;
  TempDir dir_;
  std::filesystem::path jar_;
};

// A reply's body as JSON (discarded when it is not JSON: the test's assertions then say so).
nlohmann::json body_of(const HttpReply& r);

#ifdef HEARTH_BIN
// The hearth binary under test on `store`, with `args` (for run(), Server).
inline std::vector<std::string> hearth_cmd(const std::string& store,
                                           std::vector<std::string> args) {
  std::vector<std::string> argv = {HEARTH_BIN, "--store", store};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}
#endif

std::string read_text(const std::filesystem::path& p);
void write_text(const std::filesystem::path& p, const std::string& text);

}  // namespace hearth::testing
