// PostgreSQL: for several `hearth serve` processes sharing one database. The URL is handed to
// libpq as it is (libpq understands postgresql:// URIs and their parameters).
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "store/driver.hpp"

namespace hearth::store {
namespace {

class PostgresDriver final : public Driver {
 public:
  explicit PostgresDriver(std::string url) : url_(std::move(url)) {}
  std::string name() const override { return "postgresql"; }

  void open(soci::session& session) override {
    session.open(soci::postgresql, url_);
    session << "SET client_min_messages = WARNING";
  }

  std::span<const Migration> migrations() const override { return postgres_migrations(); }
  std::string_view table_exists_sql() const override {
    return "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
           "current_schema() AND table_name = :name";
  }

 private:
  std::string url_;
};

}  // namespace

std::unique_ptr<Driver> make_postgres_driver(std::string url) {
  return std::make_unique<PostgresDriver>(std::move(url));
}

}  // namespace hearth::store
