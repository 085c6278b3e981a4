#include "store/sql_saved_snapshot.hpp"

#include <sstream>

#include "store/sql_util.hpp"

namespace hearth::store::sql {

namespace {

constexpr int kWhole = -1;  // the row naming the whole save

std::optional<std::string> read_row(soci::session& sql, const std::string& key, int n) {
  std::string data;
  soci::indicator ind = soci::i_null;
  sql << "SELECT data FROM saved_snapshot WHERE snapshot_key = :k AND part = :n", soci::use(key),
      soci::use(n), soci::into(data, ind);
  if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
  return data;
}

std::string parts_key(const std::string& key, const std::string& save) {
  return key + "#" + save;
}

}  // namespace

std::optional<Store::SavedSnapshot> saved_snapshot(soci::session& sql, const std::string& key) {
  auto text = read_row(sql, key, kWhole);
  if (!text) return std::nullopt;
  std::istringstream in(*text);
  Store::SavedSnapshot s;
  if (!(in >> s.save >> s.parts) || s.parts < 0 || !(in >> std::ws).eof()) return std::nullopt;
  return s;
}

std::optional<std::string> read_saved_snapshot_part(soci::session& sql, const std::string& key,
                                                    const Store::SavedSnapshot& save, int n) {
  if (n < 0 || n >= save.parts) return std::nullopt;
  auto text = read_row(sql, parts_key(key, save.save), n);
  if (!text) return std::nullopt;
  return from_base64(std::move(*text), "a part of the saved snapshot");
}

bool write_saved_snapshot(soci::session& sql, const Driver& driver, const std::string& key,
                          const std::function<void(const Store::PartSink&)>& produce) {
  const std::string save = random_hex(8);
  const std::string mine = parts_key(key, save);
  int n = 0;
  auto forget_mine = [&] {
    try {
      WriteLock lock(driver);
      sql << "DELETE FROM saved_snapshot WHERE snapshot_key = :k", soci::use(mine);
    } catch (const std::exception&) {  // left for the next whole save to delete
    }
  };
  try {
    produce([&](std::string_view bytes) {
      std::string text = to_base64(bytes);
      WriteLock lock(driver);
      sql << "INSERT INTO saved_snapshot (snapshot_key, part, data) VALUES (:k, :p, :d)",
          soci::use(mine), soci::use(n), soci::use(text);
      ++n;
    });
  } catch (...) {
    forget_mine();
    throw;
  }
  {
    WriteTx tr(sql, driver);
    long long have = 0;
    sql << "SELECT COUNT(*) FROM saved_snapshot WHERE snapshot_key = :k", soci::use(mine),
        soci::into(have);
    if (have == n) {
      sql << "DELETE FROM saved_snapshot WHERE snapshot_key <> :k", soci::use(mine);
      std::string whole = save + " " + std::to_string(n);
      int part = kWhole;
      sql << "INSERT INTO saved_snapshot (snapshot_key, part, data) VALUES (:k, :p, :d)",
          soci::use(key), soci::use(part), soci::use(whole);
      tr.commit();
      return true;
    }
  }
  forget_mine();
  return false;
}

}  // namespace hearth::store::sql
