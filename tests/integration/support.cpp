#include "support.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <soci/soci.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "store/driver.hpp"

extern char** environ;

namespace hearth::testing {
namespace fs = std::filesystem;

namespace {
std::string unique_suffix() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(rd() % 100000);
}
}  // namespace

bool pg_required() {
  const char* v = std::getenv("HEARTH_REQUIRE_PG");
  return v && std::string(v) == "1";
}

TestDatabase::TestDatabase(const std::string& backend) : backend_(backend) {
  if (backend == "sqlite") {
    dir_ = fs::temp_directory_path() / ("hearth-test-" + unique_suffix());
    fs::create_directories(dir_);
    url_ = "sqlite:" + (dir_ / "hearth.db").string();
    return;
  }
  const char* base = std::getenv("HEARTH_TEST_PG_URL");
  if (!base || !*base) {
    why_ = "HEARTH_TEST_PG_URL is not set (run the tests through scripts/with-postgres.sh)";
    return;
  }
  pg_admin_url_ = base;
  pg_name_ = "hearth_t_" + unique_suffix();
  try {
    soci::session admin(store::postgres_backend(), store::postgres_conninfo(pg_admin_url_));
    admin << "CREATE DATABASE " + pg_name_;
  } catch (const std::exception& e) {
    why_ = std::string("cannot create a PostgreSQL test database: ") + e.what();
    return;
  }
  auto slash = pg_admin_url_.rfind('/');
  url_ = pg_admin_url_.substr(0, slash + 1) + pg_name_;
}

TestDatabase::~TestDatabase() {
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  if (!pg_name_.empty() && !url_.empty()) {
    try {
      soci::session admin(store::postgres_backend(), store::postgres_conninfo(pg_admin_url_));
      admin << "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)";
    } catch (...) {
    }
  }
}

TempDir::TempDir() {
  path_ = fs::temp_directory_path() / ("hearth-tmp-" + unique_suffix());
  fs::create_directories(path_);
}
TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

RunResult run(const std::vector<std::string>& argv) {
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    throw std::runtime_error("cannot start " + argv[0]);
  }
  RunResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? result.out : result.err).append(buf, static_cast<std::size_t>(n));
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

Child::Child(const std::vector<std::string>& argv, int stream) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], stream);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addopen(&actions, stream == 1 ? 2 : 1, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    throw std::runtime_error("cannot start " + argv[0]);
  }
  pid_ = pid;
  fd_ = fds[0];
}

Child::~Child() {
  if (!reaped_) stop(SIGKILL);
  if (fd_ >= 0) close(fd_);
}

std::optional<std::string> Child::read_line() {
  std::string line;
  char c;
  while (true) {
    ssize_t n = read(fd_, &c, 1);
    if (n != 1) return line.empty() ? std::nullopt : std::optional<std::string>(line);
    if (c == '\n') return line;
    line += c;
  }
}

bool Child::ended(int& status) {
  if (reaped_) return true;
  if (waitpid(pid_, &status, WNOHANG) == pid_) reaped_ = true;
  return reaped_;
}

int Child::stop(int sig) {
  int status = 0;
  if (reaped_) return status;
  kill(pid_, sig);
  waitpid(pid_, &status, 0);
  reaped_ = true;
  return status;
}

std::string read_text(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f << text;
}

Server::Server(std::vector<std::string> argv) {
  argv.push_back("--listen");
  argv.push_back("127.0.0.1:0");
  child_ = std::make_unique<Child>(argv, 1);
  std::string first = child_->read_line().value_or("");
  auto at = first.find("://127.0.0.1:");
  if (at == std::string::npos) throw std::runtime_error("hearth serve did not start: " + first);
  scheme_ = first.substr(0, at).ends_with("https") ? "https" : "http";
  port_ = first.substr(at + 13, first.find('/', at + 13) - at - 13);
}

int Server::stop() {
  return child_->stop(SIGTERM);
}

WebClient::WebClient(std::string base) : base_(std::move(base)), jar_(dir_.path() / "jar") {
  write_text(jar_, "");
}

std::string WebClient::cookie(const std::string& name) const {
  // Netscape cookie file: domain, flag, path, secure, expiry, name, value (tab-separated).
  std::istringstream in(read_text(jar_));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::size_t start = 0;
    while (true) {
      auto tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (f.size() == 7 && f[5] == name) return f[6];
  }
  return {};
}

void WebClient::copy_cookies_from(const WebClient& other) {
  write_text(jar_, read_text(other.jar_));
}

HttpReply WebClient::request(const std::string& method, const std::string& path,
                             const std::string& body, bool csrf,
                             const std::vector<std::string>& extra_headers) {
  auto head = dir_.path() / "headers";
  auto out = dir_.path() / "body";
  std::vector<std::string> argv = {"/usr/bin/curl",
                                   "-k",
                                   "-s",
                                   "-S",
                                   "-X",
                                   method,
                                   "-b",
                                   jar_.string(),
                                   "-c",
                                   jar_.string(),
                                   "-D",
                                   head.string(),
                                   "-o",
                                   out.string(),
                                   "-w",
                                   "%{http_code}"};
  if (!body.empty()) {
    auto in = dir_.path() / "request";
    write_text(in, body);
    argv.push_back("--data-binary");
    argv.push_back("@" + in.string());
    // JSON unless the test says what it sends (a form's post).
    bool typed = false;
    for (const auto& h : extra_headers) typed |= h.rfind("Content-Type:", 0) == 0;
    if (!typed) {
      argv.push_back("-H");
      argv.push_back("Content-Type: application/json");
    }
  }
  if (csrf && method != "GET") {
    argv.push_back("-H");
    argv.push_back("X-CSRF-Token: " + cookie("hearth_csrf"));
  }
  for (const auto& h : extra_headers) {
    argv.push_back("-H");
    argv.push_back(h);
  }
  argv.push_back(base_ + path);
  auto r = run(argv);
  HttpReply reply;
  reply.status = std::atoi(r.out.c_str());
  if (std::filesystem::exists(out)) reply.body = read_text(out);
  if (std::filesystem::exists(head)) {
    reply.headers = read_text(head);
    for (auto& c : reply.headers)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::filesystem::remove(out);
  std::filesystem::remove(head);
  return reply;
}

int WebClient::login(const std::string& username, const std::string& password) {
  std::string body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
  return request("POST", "/api/v1/session", body, false).status;
}

nlohmann::json body_of(const HttpReply& r) {
  return nlohmann::json::parse(r.body, nullptr, false);
}

}  // namespace hearth::testing
