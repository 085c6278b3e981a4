#include "store/backup.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <memory>
#include <thread>

#include "store/store.hpp"

extern char** environ;

namespace hearth::store {

namespace fs = std::filesystem;

namespace {

std::string sqlite_path(const std::string& url) {
  std::string path = url.substr(7);
  if (path.rfind("//", 0) == 0) path = path.substr(2);
  if (path.empty() || path == ":memory:")
    throw BackupError("the store " + url + " is not a file that can be backed up");
  return path;
}

bool is_sqlite_url(const std::string& url) {
  return url.rfind("sqlite:", 0) == 0;
}
bool is_postgres_url(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::string kind_of(const fs::path& file) {
  std::ifstream f(file, std::ios::binary);
  if (!f) throw BackupError("cannot read " + file.string());
  char head[16] = {};
  f.read(head, sizeof head);
  if (std::string_view(head, 16) == std::string_view("SQLite format 3\0", 16)) return "sqlite";
  if (std::string_view(head, 5) == "PGDMP") return "postgresql";
  throw BackupError(file.string() +
                    " is not a Hearth backup (neither a SQLite database nor a pg_dump archive)");
}

// One SQLite connection, closed however the function leaves.
struct Db {
  sqlite3* db = nullptr;
  Db(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      std::string why = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close(db);
      throw BackupError("cannot open " + path + ": " + why);
    }
    sqlite3_busy_timeout(db, 30000);
  }
  ~Db() { sqlite3_close(db); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  std::string text(const std::string& sql) const {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw BackupError(std::string("SQLite: ") + sqlite3_errmsg(db));
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(st, sqlite3_finalize);
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      const auto* v = sqlite3_column_text(st, 0);
      return v ? reinterpret_cast<const char*>(v) : "";
    }
    if (rc != SQLITE_DONE) throw BackupError(std::string("SQLite: ") + sqlite3_errmsg(db));
    return {};
  }
  int schema_version(const std::string& what) const {
    if (text(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'hearth_schema'") !=
        "1")
      throw BackupError(what + " is not a Hearth store (it has no schema version)");
    const std::string v = text("SELECT MAX(version) FROM hearth_schema");
    return v.empty() ? 0 : std::stoi(v);
  }
  void check_integrity(const std::string& what) const {
    const std::string r = text("PRAGMA integrity_check");
    if (r != "ok") throw BackupError(what + " is damaged (SQLite's integrity check: " + r + ")");
  }
};

// Copies every page of `from` into `to` in one step: one read transaction on `from`, so the copy
// is of one moment while writers go on (WAL); waits its turn while a writer checkpoints.
void copy_database(const Db& from, const Db& to) {
  sqlite3_backup* b = sqlite3_backup_init(to.db, "main", from.db, "main");
  if (!b) throw BackupError(std::string("SQLite backup: ") + sqlite3_errmsg(to.db));
  int rc;
  for (int tries = 0;; ++tries) {
    rc = sqlite3_backup_step(b, -1);
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries > 600) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) throw BackupError(std::string("SQLite backup: ") + sqlite3_errstr(rc));
}

void sync_and_rename(const fs::path& part, const fs::path& out) {
  if (int fd = ::open(part.c_str(), O_RDONLY); fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  std::error_code ec;
  fs::rename(part, out, ec);
  if (ec)
    throw BackupError("cannot move the backup into place at " + out.string() + ": " + ec.message());
}

fs::path part_of(const fs::path& out) {
  fs::path p = out;
  p += ".part";
  return p;
}

// Runs a program (pg_dump, pg_restore) with arguments, no shell; its standard output into
// `out` when given, standard error kept for the message. Throws BackupError when it cannot start
// or fails.
std::string run(const std::vector<std::string>& args, bool keep_stdout = false) {
  int out_pipe[2], err_pipe[2];
  if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) throw BackupError("cannot make a pipe");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&fa, out_pipe[0]);
  posix_spawn_file_actions_addclose(&fa, err_pipe[0]);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    throw BackupError(args[0] + " could not be run (" + std::strerror(rc) +
                      "): install the PostgreSQL client (apt-get install postgresql-client)");
  }
  std::string out, err;
  // Read both pipes until both close (standard error is small; output is read first).
  char buf[65536];
  for (ssize_t n; (n = ::read(out_pipe[0], buf, sizeof buf)) > 0;)
    if (keep_stdout) out.append(buf, static_cast<std::size_t>(n));
  for (ssize_t n; (n = ::read(err_pipe[0], buf, sizeof buf)) > 0;)
    err.append(buf, static_cast<std::size_t>(std::min<ssize_t>(n, 4096)));
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    while (!err.empty() && (err.back() == '\n' || err.back() == ' ')) err.pop_back();
    throw BackupError(args[0] + " failed" + (err.empty() ? "" : ": " + err));
  }
  return out;
}

int pg_dump_schema_version(const fs::path& file) {
  run({"pg_restore", "--list", file.string()});
  const std::string data =
      run({"pg_restore", "--data-only", "--table=hearth_schema", "--file=-", file.string()}, true);
  int version = -1;
  bool in_copy = false;
  std::size_t at = 0;
  while (at < data.size()) {
    std::size_t nl = data.find('\n', at);
    if (nl == std::string::npos) nl = data.size();
    const std::string_view line(data.data() + at, nl - at);
    at = nl + 1;
    if (line.rfind("COPY ", 0) == 0 && line.find("hearth_schema") != std::string_view::npos) {
      in_copy = true;
      continue;
    }
    if (!in_copy) continue;
    if (line == "\\.") break;
    try {
      version = std::max(version, std::stoi(std::string(line.substr(0, line.find('\t')))));
    } catch (const std::exception&) {
    }
  }
  if (version < 0)
    throw BackupError(file.string() +
                      " is a pg_dump archive but not of a Hearth store (no "
                      "schema version)");
  return version;
}

void refuse_newer(const BackupInfo& info, const fs::path& file) {
  if (info.schema_version > kSchemaVersion)
    throw BackupError(file.string() + " is a backup of schema version " +
                      std::to_string(info.schema_version) + ", newer than this Hearth knows (" +
                      std::to_string(kSchemaVersion) +
                      "): restore it with the Hearth that made it, or a newer one");
}

}  // namespace

BackupResult backup(const std::string& url, const fs::path& out) {
  BackupResult r;
  const fs::path part = part_of(out);
  std::error_code ec;
  fs::remove(part, ec);
  if (is_sqlite_url(url)) {
    const std::string path = sqlite_path(url);
    if (!fs::is_regular_file(path, ec)) throw BackupError("there is no store at " + path);
    r.backend = "sqlite";
    {
      Db from(path, SQLITE_OPEN_READWRITE);
      from.schema_version(path);  // a Hearth store, or refuse before writing anything
      Db to(part.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      try {
        copy_database(from, to);
        to.text("PRAGMA journal_mode = DELETE");  // one self-contained file
        to.check_integrity("the backup just written");
        r.schema_version = to.schema_version("the backup just written");
      } catch (...) {
        fs::remove(part, ec);
        throw;
      }
    }
  } else if (is_postgres_url(url)) {
    r.backend = "postgresql";
    try {
      run({"pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file=" + part.string(),
           "--dbname=" + url});
      r.schema_version = pg_dump_schema_version(part);
    } catch (...) {
      fs::remove(part, ec);
      throw;
    }
  } else {
    throw BackupError("unknown store URL: use sqlite:PATH or postgresql://USER@HOST:PORT/DB");
  }
  sync_and_rename(part, out);
  r.bytes = fs::file_size(out, ec);
  return r;
}

BackupInfo inspect_backup(const fs::path& file) {
  BackupInfo info;
  info.backend = kind_of(file);
  if (info.backend == "sqlite") {
    Db db("file:" + file.string() + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    db.check_integrity(file.string());
    info.schema_version = db.schema_version(file.string());
  } else {
    info.schema_version = pg_dump_schema_version(file);
  }
  return info;
}

RestoreResult restore(const fs::path& file, const std::string& url) {
  RestoreResult r;
  r.from = inspect_backup(file);
  refuse_newer(r.from, file);
  std::error_code ec;
  if (r.from.backend == "sqlite") {
    if (!is_sqlite_url(url))
      throw BackupError(file.string() +
                        " is a SQLite backup: restore it into a sqlite: store "
                        "(then move to PostgreSQL with hearth export and import)");
    const fs::path path = sqlite_path(url);
    if (fs::exists(path, ec))
      throw BackupError(path.string() +
                        " already exists: restore into a new store (move the "
                        "old one aside first)");
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    const fs::path part = part_of(path);
    fs::remove(part, ec);
    try {
      Db from("file:" + file.string() + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
      Db to(part.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      copy_database(from, to);
      to.check_integrity("the restored store");
    } catch (...) {
      fs::remove(part, ec);
      throw;
    }
    sync_and_rename(part, path);
  } else {
    if (!is_postgres_url(url))
      throw BackupError(file.string() +
                        " is a PostgreSQL backup (pg_dump): restore it into a "
                        "postgresql:// store");
    {
      auto target = open_store(url);
      int v = 0;
      try {
        v = target->schema_version();
      } catch (const SchemaError&) {
        v = -1;
      }
      if (v != 0)
        throw BackupError("the database " + redact_url(url) +
                          " already holds a Hearth store: restore into a new, empty database");
    }
    run({"pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
         "--dbname=" + url, file.string()});
  }
  auto st = open_store(url);
  r.upgraded = st->upgrade();
  st->require_current_schema();
  return r;
}

}  // namespace hearth::store
