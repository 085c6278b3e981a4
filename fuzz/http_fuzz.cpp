// libFuzzer target: any bytes as an HTTP request to Hearth's real server — the HTTP parser, the
// server's checks, the router, sessions and CSRF, and the JSON handlers — on a demo store.
//
// The first byte chooses who sends it: 0 nobody, else one of the demo roles, whose session
// cookie and CSRF header are added after the request line, so the fuzzer reaches the signed-in
// handlers too. The rest is sent as is over a loopback connection, which is then half-closed;
// the reply is read to the end. A crash, a sanitizer report, a reply that is not HTTP/1.x or a 500
// (an unexpected failure inside the server) is a finding.
//
// Needs HEARTH_FUZZ_STORE (a store made by `hearth demo`) and HEARTH_DEMO_PASSWORD (its demo
// users' password); scripts/fuzz.sh makes both.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/server.hpp"
#include "ingest/snapshot.hpp"
#include "store/store.hpp"
#include "web/web.hpp"

namespace {

const char* const kRoles[] = {"demo-board", "demo-analyst", "demo-worker",        "demo-manager",
                              "demo-iro",   "demo-admin",   "demo-participation", "demo-yp"};
constexpr std::size_t kRoleCount = sizeof(kRoles) / sizeof(kRoles[0]);

std::atomic<std::int64_t> clock_offset{0};

struct World {
  std::unique_ptr<hearth::store::Store> store;
  hearth::ingest::Snapshot snapshot;
  std::unique_ptr<hearth::web::App> app;
  std::unique_ptr<hearth::http::Server> server;
  unsigned short port = 0;
  std::string password;
  std::string role_headers[kRoleCount];  // "Cookie: ...\r\nX-CSRF-Token: ...\r\n"
  std::size_t inputs = 0;
};
World* world = nullptr;

// Sends `request`, half-closes, and returns everything the server answered.
std::string exchange(std::string_view request) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return {};
  timeval tv{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(world->port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string reply;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    std::size_t sent = 0;
    while (sent < request.size()) {
      auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    ::shutdown(fd, SHUT_WR);
    char buf[16384];
    for (;;) {
      auto n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      reply.append(buf, static_cast<std::size_t>(n));
    }
  }
  ::close(fd);
  return reply;
}

// The value of cookie `name` set by a reply ("" when none).
std::string set_cookie(const std::string& reply, std::string_view name) {
  const std::string key = std::string("Set-Cookie: ") + std::string(name) + "=";
  auto at = reply.find(key);
  if (at == std::string::npos) return {};
  at += key.size();
  return reply.substr(at, reply.find_first_of(";\r", at) - at);
}

// Signs every demo role in again, first moving the server's clock on past any lockout or rate
// limit the fuzzer's own sign-ins caused.
void sign_in_all() {
  clock_offset += 20 * 60;
  for (std::size_t r = 0; r < kRoleCount; ++r) {
    const std::string body =
        std::string(R"({"username":")") + kRoles[r] + R"(","password":")" + world->password + "\"}";
    const std::string req =
        "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    const std::string reply = exchange(req);
    const std::string session = set_cookie(reply, "hearth_session");
    const std::string csrf = set_cookie(reply, "hearth_csrf");
    world->role_headers[r] = session.empty()
                                 ? std::string()
                                 : "Cookie: hearth_session=" + session + "; hearth_csrf=" + csrf +
                                       "\r\nX-CSRF-Token: " + csrf + "\r\n";
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* url = std::getenv("HEARTH_FUZZ_STORE");
  const char* password = std::getenv("HEARTH_DEMO_PASSWORD");
  if (!url || !password) {
    std::fprintf(stderr, "http_fuzz needs HEARTH_FUZZ_STORE and HEARTH_DEMO_PASSWORD\n");
    std::exit(2);
  }
  spdlog::set_level(spdlog::level::err);  // one line per request would be most of the work
  world = new World;
  world->password = password;
  world->store = hearth::store::open_store(url);
  world->snapshot.reload(*world->store);
  hearth::web::Options wo;
  wo.store_url = url;
  wo.connections = 2;
  wo.clock = [] { return static_cast<std::int64_t>(std::time(nullptr)) + clock_offset.load(); };
  world->app = std::make_unique<hearth::web::App>(std::move(wo), world->snapshot);
  hearth::http::ServerOptions opts;
  opts.port = 0;
  opts.io_threads = 1;
  opts.worker_threads = 2;
  world->server = std::make_unique<hearth::http::Server>(opts, world->app->router());
  world->server->start();
  world->port = world->server->port();
  sign_in_all();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  if (++world->inputs % 500 == 0) sign_in_all();
  const std::size_t role = data[0] % (kRoleCount + 1);
  std::string request(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (role > 0) {
    auto eol = request.find('\n');
    if (eol != std::string::npos) request.insert(eol + 1, world->role_headers[role - 1]);
  }
  const std::string reply = exchange(request);
  if (!reply.empty() && !reply.starts_with("HTTP/1.1 ") && !reply.starts_with("HTTP/1.0 "))
    __builtin_trap();
  if (reply.find(" 500 Internal Server Error\r\n") != std::string::npos) {
    std::fprintf(stderr, "500 from the server:\n%.2000s\n", reply.c_str());
    __builtin_trap();
  }
  return 0;
}
