// PostgreSQL: for several `hearth serve` processes sharing one database. SOCI 4.0 parses its
// connection string itself and mangles URIs, so the URL is turned into libpq's keyword=value
// form here (postgresql://user:password@host:port/db?sslmode=require&...).
#include <dlfcn.h>
#include <soci/soci.h>

#include <stdexcept>
#include <string>

#include "store/driver.hpp"

namespace hearth::store {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = hex_digit(s[i + 1]), lo = hex_digit(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// libpq keyword values are quoted with single quotes; quotes and backslashes escaped.
std::string quote_value(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

}  // namespace

std::string postgres_conninfo(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) throw std::invalid_argument("not a postgresql:// URL");
  std::string rest = url.substr(scheme + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string path;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    path = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  std::string user, password, hostport = rest;
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string userinfo = rest.substr(0, at);
    hostport = rest.substr(at + 1);
    if (auto colon = userinfo.find(':'); colon != std::string::npos) {
      user = userinfo.substr(0, colon);
      password = userinfo.substr(colon + 1);
    } else {
      user = userinfo;
    }
  }
  std::string host = hostport, port;
  if (!hostport.empty() && hostport.front() == '[') {  // [::1]:5432
    auto close = hostport.find(']');
    host = hostport.substr(1, close - 1);
    if (close + 1 < hostport.size() && hostport[close + 1] == ':')
      port = hostport.substr(close + 2);
  } else if (auto colon = hostport.rfind(':'); colon != std::string::npos) {
    host = hostport.substr(0, colon);
    port = hostport.substr(colon + 1);
  }
  std::string out;
  auto add = [&](const std::string& k, const std::string& v) {
    if (v.empty()) return;
    if (!out.empty()) out += ' ';
    out += k + "=" + quote_value(v);
  };
  add("host", percent_decode(host));
  add("port", port);
  add("dbname", percent_decode(path));
  add("user", percent_decode(user));
  add("password", percent_decode(password));
  std::size_t start = 0;
  while (start < query.size()) {
    auto amp = query.find('&', start);
    std::string kv =
        query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (auto eq = kv.find('='); eq != std::string::npos)
      add(percent_decode(kv.substr(0, eq)), percent_decode(kv.substr(eq + 1)));
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return out;
}

const soci::backend_factory& postgres_backend() {
  static const soci::backend_factory* const factory = [] {
    // RTLD_NODELETE: the backend stays for the life of the process (sessions hold its objects).
    void* lib = dlopen(HEARTH_SOCI_POSTGRESQL, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!lib) {
      const char* why = dlerror();
      throw std::runtime_error(std::string("PostgreSQL support is not installed (") +
                               HEARTH_SOCI_POSTGRESQL +
                               " could not be loaded: " + (why ? why : "unknown reason") +
                               "); install libsoci-postgresql, or use a SQLite store");
    }
    using Factory = const soci::backend_factory* (*)();
    auto make = reinterpret_cast<Factory>(dlsym(lib, "factory_postgresql"));
    if (!make)
      throw std::runtime_error(std::string(HEARTH_SOCI_POSTGRESQL) +
                               " has no factory_postgresql: it is not SOCI's PostgreSQL backend");
    return make();
  }();
  return *factory;
}

namespace {

class PostgresDriver final : public Driver {
 public:
  explicit PostgresDriver(std::string url) : url_(std::move(url)) {}
  std::string name() const override { return "postgresql"; }

  void open(soci::session& session) override {
    session.open(postgres_backend(), postgres_conninfo(url_));
    session << "SET client_min_messages = WARNING";
  }

  std::span<const Migration> migrations() const override { return postgres_migrations(); }
  std::string_view table_exists_sql() const override {
    return "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
           "current_schema() AND table_name = :name";
  }
  // SOCI sends a bound vector as one statement per row: 55 µs a row on loopback. Arrays
  // through unnest() make it one statement per batch (docs/performance.md).
  bool binds_arrays() const override { return true; }
  // A transaction-scoped advisory lock per (council, year): released at commit or rollback,
  // and it works for a year that is not stored yet (a row lock would have no row to lock).
  std::string_view lock_year_sql() const override {
    return "SELECT pg_advisory_xact_lock(hashtext(:la), :y)";
  }
  std::size_t batch_rows() const override { return 5000; }

 private:
  std::string url_;
};

}  // namespace

std::unique_ptr<Driver> make_postgres_driver(std::string url) {
  return std::make_unique<PostgresDriver>(std::move(url));
}

}  // namespace hearth::store
