// What every store conformance suite shares (store_*_test.cpp): a fresh database on each backend
// for each test (empty: a test upgrades it to the current schema first), and the data the suites
// store. A suite is a fixture derived from StoreTest,
// instantiated on SQLite and PostgreSQL with HEARTH_ON_EVERY_BACKEND: whatever passes behaves
// the same on both.
#pragma once

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "model/text.hpp"
#include "ssda903/writer.hpp"
#include "store/driver.hpp"
#include "store/store.hpp"
#include "support.hpp"

namespace hearth::store_test {

using model::CollectionYear;

// Every table of a return as the 903 CSV text: two returns are equal when these are.
inline std::string as_text(const model::Return& r) {
  std::string all;
  for (const auto& t : ssda903::all_tables()) {
    all += std::string(t.name) + "\n";
    all += ssda903::write_csv(t.kind, r);
  }
  return all;
}

inline model::Return small_return(const std::string& la, int year) {
  model::Return r;
  r.la = la;
  r.year = CollectionYear{year};
  model::ChildHeader h;
  h.child = "C1";
  h.sex = model::parse_code<model::Sex>(year >= 2025 ? "M" : "1");
  h.dob = model::make_date(2012, 5, 17);
  h.ethnic = model::parse_code<model::Ethnicity>("WBRI");
  h.upn = "A123456789012";
  r.header.push_back(h);
  model::Episode e;
  e.child = "C1";
  e.decom = model::make_date(year - 1, 6, 2);
  e.rne = model::parse_code<model::ReasonNewEpisode>("S");
  e.ls = model::parse_code<model::LegalStatus>("C2");
  e.cin = model::parse_code<model::CategoryOfNeed>("N1");
  e.place = model::parse_code<model::PlacementType>("U4");
  e.place_provider = model::parse_code<model::PlacementProvider>("PR1");
  e.home_post = "ME7 1AA";
  e.pl_post = "ME8 2BB";
  e.urn = "XXXXXXX";
  r.episodes.push_back(e);
  model::Review v;
  v.child = "C1";
  v.dob = h.dob;
  v.review = model::make_date(year - 1, 6, 30);
  v.review_code = model::parse_code<model::ReviewParticipation>("PN1");
  r.reviews.push_back(v);
  return r;
}

// Runs one statement on a second, raw connection to the test database, behind the store's back.
inline void raw_exec(const std::string& backend, const std::string& url, const std::string& sql) {
  soci::session raw;
  if (backend == "sqlite")
    raw.open("sqlite3", "db=\"" + url.substr(7) + "\" timeout=30");
  else
    raw.open("postgresql", store::postgres_conninfo(url));
  raw << sql;
}

// ---- any bytes a user can send (issue 13, item 2) --------------------------------------------

// Text with every kind of hostile byte: NUL, C0 controls, DEL, an escape sequence, invalid and
// truncated UTF-8, an overlong form and a surrogate, around ordinary text.
inline std::string hostile_bytes(std::mt19937& rng, std::size_t max_len) {
  static const std::vector<std::string> pieces = {std::string("nul\0user", 8),
                                                  "\x1b[31m",
                                                  "\r\n",
                                                  "\t",
                                                  "\x7f",
                                                  "\xC9",
                                                  "\xFF\xFE",
                                                  "\xE2\x82",
                                                  "\xC0\xAF",
                                                  "\xED\xA0\x80",
                                                  "\xF4\x90\x80\x80",
                                                  "ok",
                                                  "É",
                                                  "=HYPERLINK(\"x\")",
                                                  "\\u0000",
                                                  "\"",
                                                  "'",
                                                  "{}"};
  std::string out;
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), byte(0, 255),
      len(0, max_len);
  for (std::size_t i = 0, n = len(rng); i < n; ++i)
    out += i % 3 == 0 ? std::string(1, static_cast<char>(byte(rng))) : pieces[piece(rng)];
  return out;
}

inline bool valid_utf8_without_nul(const std::string& s) {
  return model::storable_text(s) == s && s.find('\0') == std::string::npos;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
    HEARTH_REQUIRE_DB(*db_);
    store_ = store::open_store(db_->url());
  }
  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace hearth::store_test

#define HEARTH_ON_EVERY_BACKEND(Suite)                                                          \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                                     \
                           ::testing::Values(std::string("sqlite"), std::string("postgresql")), \
                           [](const auto& info) { return info.param; })
