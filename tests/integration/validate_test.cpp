// 903 validation end to end: a synthetic council's return is clean under every DfE rule; twenty
// errors injected into its files are each reported with the right code, child and row, and
// nothing is found about the children left untouched; an import stores the same findings with
// the import, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "model/finding.hpp"
#include "ssda903/csv.hpp"
#include "support.hpp"

namespace hearth {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::run;
using testing::TempDir;
using testing::TestDatabase;

std::vector<std::string> hearth(const std::string& store, std::vector<std::string> args) {
  std::vector<std::string> argv{HEARTH_BIN, "--store", store};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

struct CsvFile {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

CsvFile read_csv(const fs::path& p) {
  std::string text = testing::read_text(p);
  ssda903::CsvReader csv(text);
  std::vector<std::string_view> f;
  CsvFile out;
  bool first = true;
  while (csv.next(f)) {
    std::vector<std::string> cells(f.begin(), f.end());
    if (first)
      out.header = std::move(cells);
    else
      out.rows.push_back(std::move(cells));
    first = false;
  }
  return out;
}

void write_csv(const fs::path& p, const CsvFile& f) {
  std::string text;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) text += ',';
      ssda903::append_csv_field(text, cells[i]);
    }
    text += '\n';
  };
  line(f.header);
  for (const auto& r : f.rows) line(r);
  testing::write_text(p, text);
}

// One error to inject: in `file`, the first row of a child not yet used whose `column` is not
// empty gets `value`; the rule `code` must then report that row.
struct Injection {
  std::string code, file, table, column, value;
};

struct Injected {
  std::string code, table, child;
  std::int64_t row;
};

const std::vector<Injection> kInjections = {
    {"101", "header.csv", "Header", "SEX", "3"},
    {"103", "header.csv", "Header", "ETHNIC", "XXXX"},
    {"168", "header.csv", "Header", "UPN", "ABC"},
    {"143", "episodes.csv", "Episodes", "RNE", "Z"},
    {"144", "episodes.csv", "Episodes", "LS", "Z9"},
    {"145", "episodes.csv", "Episodes", "CIN", "N9"},
    {"146", "episodes.csv", "Episodes", "PLACE", "Z9"},
    {"149", "episodes.csv", "Episodes", "REC", "Z9"},
    {"178", "episodes.csv", "Episodes", "PLACE_PROVIDER", "PR9"},
    {"1009", "episodes.csv", "Episodes", "REASON_PLACE_CHANGE", "ZZZZ"},
    {"167", "reviews.csv", "Reviews", "REVIEW_CODE", "PN9"},
    {"1006", "missing.csv", "Missing", "MISSING", "X"},
    {"180", "oc2.csv", "OC2", "SDQ_SCORE", "99"},
    {"631", "previous_permanence.csv", "PrevPerm", "PREV_PERM", "Z9"},
    {"132", "oc3.csv", "OC3", "ACTIV", "Z9"},
    {"133", "oc3.csv", "OC3", "ACCOM", "Z9"},
    {"131", "oc3.csv", "OC3", "IN_TOUCH", "ZZZZ"},
    {"175", "ad1.csv", "AD1", "NB_ADOPTR", "9"},
    {"177", "ad1.csv", "AD1", "LS_ADOPTR", "Z9"},
    {"114", "ad1.csv", "AD1", "FOSTER_CARE", "9"},
    {"120", "placed_for_adoption.csv", "PlacedAdoption", "REASON_PLACED_CEASED", "Z9"},
    {"196", "oc2.csv", "OC2", "SDQ_REASON", "SDQ9"},
};

// The codes of the registered rules (hearth rules list).
std::set<std::string> registered() {
  auto r = run({HEARTH_BIN, "rules", "list", "--format", "json"});
  std::set<std::string> out;
  const json list = json::parse(r.out);
  for (const auto& rule : list["items"]) out.insert(rule["code"].get<std::string>());
  return out;
}

// How many injections can be made: twenty, or fewer while fewer of their rules are registered.
std::size_t injectable() {
  auto codes = registered();
  std::size_t n = 0;
  for (const auto& inj : kInjections) n += codes.count(inj.code);
  return std::min<std::size_t>(20, n);
}

std::vector<Injected> inject(const fs::path& folder, std::size_t wanted) {
  std::map<std::string, CsvFile> files;
  std::set<std::string> used;
  std::vector<Injected> out;
  auto codes = registered();
  for (const auto& inj : kInjections) {
    if (out.size() == wanted) break;
    if (!codes.count(inj.code)) continue;
    if (!files.count(inj.file)) {
      if (!fs::exists(folder / inj.file)) continue;
      files[inj.file] = read_csv(folder / inj.file);
    }
    CsvFile& f = files[inj.file];
    auto col = std::find(f.header.begin(), f.header.end(), inj.column) - f.header.begin();
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
      auto& row = f.rows[r];
      if (row[static_cast<std::size_t>(col)].empty() || used.count(row[0])) continue;
      row[static_cast<std::size_t>(col)] = inj.value;
      used.insert(row[0]);
      out.push_back({inj.code, inj.table, row[0], static_cast<std::int64_t>(r) + 2});
      break;
    }
  }
  for (const auto& [name, f] : files) write_csv(folder / name, f);
  return out;
}

// The council: two years written by the synthetic generator.
fs::path make_council(const TempDir& tmp) {
  auto out = tmp.path() / "council";
  auto r = run({HEARTH_BIN, "synth", "--children", "300", "--years", "2", "--last-year", "2026",
                "--seed", "11", "--out", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return out;
}

std::string describe(const json& findings) {
  std::string s;
  for (const auto& f : findings)
    s += f.value("code", f.value("rule", std::string())) + " child " +
         f.value("child_id", f.value("child", std::string())) + " " +
         f.value("table", std::string()) + " row " + std::to_string(f.value("row", 0)) + "\n";
  return s;
}

TEST(Validate, SyntheticCouncilIsCleanAndEachInjectedErrorIsReportedWhereItIs) {
  TempDir tmp;
  auto council = make_council(tmp);
  auto now = (council / "2025-26").string(), before = (council / "2024-25").string();
  auto clean =
      run({HEARTH_BIN, "validate", now, "--previous", before, "--la", "887", "--format", "json"});
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  json c = json::parse(clean.out);
  // Clean: no finding except the two rules the DfE notes can only see last year's episodes
  // (1001, 1002: a care leaver who left care before last year looks as if they never were in
  // care), reported as queries about care leavers.
  std::set<std::tuple<std::string, std::string, long>> baseline;
  for (const auto& f : c["findings"]) {
    EXPECT_TRUE(f["code"] == "1001" || f["code"] == "1002") << describe(json::array({f}));
    EXPECT_EQ(f["severity"], "query");
    EXPECT_EQ(f["table"], "OC3");
    baseline.insert({f["code"], f["child_id"], f["row"].get<long>()});
  }
  // Only the rules needing reference data Hearth does not ship (Ofsted's lists) may be left out,
  // and they say so; the postcode rules run (the postcodes ship, and --la names the council).
  for (const auto& n : c["rules_not_run"])
    EXPECT_NE(n["reason"].get<std::string>().find("reference"), std::string::npos) << n.dump();
  EXPECT_EQ(c["rules_run"].get<std::size_t>() + c["rules_not_run"].size(), registered().size());

  const std::size_t wanted = injectable();
  ASSERT_GT(wanted, 0u);
  auto injected = inject(now, wanted);
  ASSERT_EQ(injected.size(), wanted) << "the synthetic council lacks rows for some injections";
  auto r =
      run({HEARTH_BIN, "validate", now, "--previous", before, "--la", "887", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json j = json::parse(r.out);
  std::set<std::string> children;
  for (const auto& inj : injected) {
    children.insert(inj.child);
    bool found = false;
    for (const auto& f : j["findings"])
      found = found || (f["code"] == inj.code && f["child_id"] == inj.child &&
                        f["table"] == inj.table && f["row"] == inj.row);
    EXPECT_TRUE(found) << "rule " << inj.code << " on child " << inj.child << ", " << inj.table
                       << " row " << inj.row << " was not reported";
  }
  for (const auto& f : j["findings"])
    EXPECT_TRUE(children.count(f["child_id"].get<std::string>()) ||
                baseline.count({f["code"], f["child_id"], f["row"].get<long>()}))
        << "a finding about a child with no injected error: " << f.dump();

  // The per-child view shows that child's findings only.
  auto one = run({HEARTH_BIN, "validate", now, "--previous", before, "--la", "887", "--child",
                  injected.front().child, "--format", "json"});
  json o = json::parse(one.out);
  ASSERT_FALSE(o["findings"].empty());
  for (const auto& f : o["findings"]) EXPECT_EQ(f["child_id"], injected.front().child);

  // The workbook and CSV are written.
  auto x = run({HEARTH_BIN, "validate", now, "--previous", before, "--la", "887", "--format",
                "xlsx", "-o", (tmp.path() / "v.xlsx").string()});
  EXPECT_EQ(x.exit_code, 1) << x.err;
  EXPECT_GT(fs::file_size(tmp.path() / "v.xlsx"), 5000u);
  auto csv =
      run({HEARTH_BIN, "validate", now, "--previous", before, "--la", "887", "--format", "csv"});
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'),
            static_cast<long>(j["findings"].size()) + 1);
}

class ValidateStored : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    HEARTH_REQUIRE_DB(*db_);
  }
  std::unique_ptr<TestDatabase> db_;
};

TEST_P(ValidateStored, ImportStoresTheFindingsAndTheyCanBeReadBack) {
  TempDir tmp;
  auto council = make_council(tmp);
  const std::size_t wanted = injectable();
  auto injected = inject(council / "2025-26", wanted);
  ASSERT_EQ(injected.size(), wanted);
  // The injected codes are also unreadable to the typed model, so the import needs
  // --accept-with-findings; validation still sees those rows.
  auto imp = run(hearth(db_->url(), {"import", council.string(), "--la", "887",
                                     "--accept-with-findings", "--format", "json"}));
  ASSERT_EQ(imp.exit_code, 0) << imp.out << imp.err;
  json ij = json::parse(imp.out);
  ASSERT_EQ(ij["imports"].size(), 2u);
  std::int64_t id = 0;
  for (const auto& i : ij["imports"])
    if (i["collection_year"] == "2025/26") id = i["id"];
  auto back =
      run(hearth(db_->url(), {"imports", "--findings", std::to_string(id), "--format", "json"}));
  ASSERT_EQ(back.exit_code, 0) << back.err;
  json b = json::parse(back.out);
  for (const auto& inj : injected) {
    bool found = false;
    for (const auto& f : b["findings"])
      found = found || (f["rule"] == inj.code && f["child"] == inj.child && f["row"] == inj.row);
    EXPECT_TRUE(found) << "import " << id << " lacks rule " << inj.code << " on child "
                       << inj.child;
  }
  // The stored return validates the same way (compared with the stored previous year).
  auto stored =
      run(hearth(db_->url(), {"validate", "--la", "887", "--year", "2025-26", "--format", "json"}));
  json s = json::parse(stored.out);
  for (const auto& n : s["rules_not_run"])
    EXPECT_NE(n["reason"].get<std::string>().find("reference"), std::string::npos) << n.dump();
}

// Issue 13 item 17: a year imported without its OC2 table says so (ingest.table-not-sent, a
// warning naming the table and year), in the JSON and the text report; the year that sent every
// table draws no such warning (DoLo is not asked for before 2026/27).
TEST_P(ValidateStored, ImportSaysWhichTablesAYearDidNotSend) {
  TempDir tmp;
  auto council = make_council(tmp);
  ASSERT_TRUE(fs::remove(council / "2025-26" / "oc2.csv"));
  auto imp =
      run(hearth(db_->url(), {"import", council.string(), "--la", "887", "--format", "json"}));
  ASSERT_EQ(imp.exit_code, 0) << imp.out << imp.err;
  json ij = json::parse(imp.out);
  std::vector<json> not_sent;
  for (const auto& f : ij["findings"])
    if (f.value("rule", f.value("code", std::string())) == "ingest.table-not-sent")
      not_sent.push_back(f);
  ASSERT_EQ(not_sent.size(), 1u) << ij["findings"].dump(2);
  EXPECT_EQ(not_sent[0]["table"], "OC2");
  EXPECT_EQ(not_sent[0]["severity"], "warning");
  EXPECT_NE(not_sent[0]["message"].get<std::string>().find("2025/26"), std::string::npos)
      << not_sent[0].dump();

  TestDatabase again(GetParam());
  HEARTH_REQUIRE_DB(again);
  auto text = run(hearth(again.url(), {"import", council.string(), "--la", "887"}));
  ASSERT_EQ(text.exit_code, 0) << text.out << text.err;
  EXPECT_NE((text.out + text.err).find("ingest.table-not-sent"), std::string::npos) << text.out;
  EXPECT_NE((text.out + text.err).find("no OC2 rows"), std::string::npos) << text.out;
}

// What a council's extract really holds (issue 13 items 7, 21, 22): a Latin-1 byte in a cell that
// draws a finding, a cell with spaces around it, an ISO date. hearth validate reads them, says so
// in a query finding each, judges the ISO date as the date it is (102 does not call it missing),
// and every output format is valid UTF-8 (JSON used to stop with "invalid UTF-8").
TEST(Validate, BadBytesSpacesAndIsoDatesAreReadReportedAndWrittenAsValidText) {
  TempDir tmp;
  auto council = make_council(tmp);
  const auto year = council / "2025-26";
  CsvFile header = read_csv(year / "header.csv");
  auto col = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.header.begin(), header.header.end(), name) -
                                    header.header.begin());
  };
  ASSERT_GE(header.rows.size(), 3u);
  header.rows[0][col("ETHNIC")] = "WBR\xC9";
  const std::string padded = header.rows[1][0];
  header.rows[1][0] = " " + padded + " ";
  const std::string iso_child = header.rows[2][0];
  const std::string dob = header.rows[2][col("DOB")];  // dd/mm/yyyy
  ASSERT_EQ(dob.size(), 10u);
  header.rows[2][col("DOB")] = dob.substr(6, 4) + "-" + dob.substr(3, 2) + "-" + dob.substr(0, 2);
  write_csv(year / "header.csv", header);

  auto validate = [&](const std::string& format) {
    return run({HEARTH_BIN, "validate", year.string(), "--previous", (council / "2024-25").string(),
                "--format", format});
  };
  auto j = validate("json");
  ASSERT_NE(j.exit_code, 2) << j.err;
  ASSERT_TRUE(model::is_utf8(j.out));
  json out = json::parse(j.out);
  std::set<std::string> reading;
  for (const auto& f : out["reading"]) {
    reading.insert(f["rule"].get<std::string>());
    if (f["rule"] == "ingest.spaces-trimmed") EXPECT_EQ(f["child"], padded);
    const std::string rule = f["rule"];
    if (rule == "ingest.not-utf8" || rule == "ingest.spaces-trimmed" ||
        rule == "ingest.date-format")
      EXPECT_EQ(f["severity"], "query") << f.dump();
  }
  EXPECT_TRUE(reading.count("ingest.not-utf8")) << out["reading"].dump(1);
  EXPECT_TRUE(reading.count("ingest.spaces-trimmed"));
  EXPECT_TRUE(reading.count("ingest.date-format"));
  bool ethnic_reported = false;
  for (const auto& f : out["findings"]) {
    if (f["code"] == "103" && f["values"].value("ETHNIC", "") == "WBR\xEF\xBF\xBD")
      ethnic_reported = true;
    EXPECT_FALSE(f["code"] == "102" && f["child_id"] == iso_child) << "an ISO date is a date";
  }
  EXPECT_TRUE(ethnic_reported) << describe(out["findings"]);
  for (const std::string format : {"csv", "table"}) {
    auto r = validate(format);
    EXPECT_NE(r.exit_code, 2) << r.err;
    EXPECT_TRUE(model::is_utf8(r.out)) << format;
    EXPECT_NE(r.out.find("WBR\xEF\xBF\xBD"), std::string::npos) << format;
  }
}

// The web check of a return with a Latin-1 byte answers with the findings (it was 400
// bad_json), and accepting it replies with the findings that were stored (it said 0).
TEST(Validate, WebCheckWithBadBytesShowsTheFindingsAndAcceptCountsWhatWasStored) {
  setenv("HEARTH_DEMO_PASSWORD", "bytes-test-password", 1);
  TempDir tmp;
  const std::string store = "sqlite:" + (tmp.path() / "s.db").string();
  ASSERT_EQ(run(hearth(store, {"demo", "--children", "40", "--years", "1"})).exit_code, 0);
  auto files = tmp.path() / "next";
  auto synth = run(hearth(store, {"synth", "--la", "887", "--children", "40", "--years", "1",
                                  "--last-year", "2027", "--out", files.string()}));
  ASSERT_EQ(synth.exit_code, 0) << synth.err;
  fs::path folder;
  for (const auto& f : fs::recursive_directory_iterator(files))
    if (f.is_regular_file() && f.path().filename() == "header.csv") folder = f.path().parent_path();
  ASSERT_FALSE(folder.empty());
  CsvFile header = read_csv(folder / "header.csv");
  auto ethnic = static_cast<std::size_t>(
      std::find(header.header.begin(), header.header.end(), "ETHNIC") - header.header.begin());
  ASSERT_LT(ethnic, header.header.size());
  header.rows[0][ethnic] = "\xC9";  // a Latin-1 É, which rule 103 and the reader report
  write_csv(folder / "header.csv", header);

  testing::Server server(hearth(store, {"serve"}));
  testing::WebClient c(server.base());
  ASSERT_EQ(c.login("demo-analyst", "bytes-test-password"), 200);
  auto start = c.request("POST", "/api/v1/imports", R"({"kind":"903","year":"2026-27"})");
  ASSERT_EQ(start.status, 201) << start.body;
  std::string id = json::parse(start.body)["id"];
  for (const auto& f : fs::directory_iterator(folder))
    ASSERT_EQ(c.request("PUT", "/api/v1/imports/" + id + "/files/" + f.path().filename().string(),
                        testing::read_text(f.path()))
                  .status,
              200);
  auto check = c.request("POST", "/api/v1/imports/" + id + "/check");
  ASSERT_EQ(check.status, 200) << check.body;
  json checked = json::parse(check.body)["result"];
  bool replaced = false;
  for (const auto& r : checked["findings"]["by_rule"]) replaced |= r["rule"] == "ingest.not-utf8";
  EXPECT_TRUE(replaced) << checked.dump(1);
  auto accept =
      c.request("POST", "/api/v1/imports/" + id + "/accept", R"({"accept_with_findings":true})");
  server.stop();
  ASSERT_EQ(accept.status, 200) << accept.body;
  json accepted = json::parse(accept.body)["result"];
  const auto import_id = accepted["import_id"].get<std::int64_t>();
  auto listed = run(hearth(store, {"imports", "--format", "json"}));
  std::int64_t stored = -1;
  const json list = json::parse(listed.out);
  for (const auto& i : list["items"])
    if (i["id"] == import_id) stored = i["findings"];
  EXPECT_GT(stored, 0);
  EXPECT_EQ(accepted["findings"]["total"].get<std::int64_t>(), stored);
}

// The API serves the same registry as hearth rules list.
TEST(Serve, RulesEndpointListsTheRegistry) {
  TestDatabase db("sqlite");
  setenv("HEARTH_DEMO_PASSWORD", "rules-test-password", 1);
  ASSERT_EQ(run(hearth(db.url(), {"demo", "--children", "30", "--years", "1"})).exit_code, 0);
  testing::Server server(hearth(db.url(), {"serve"}));
  testing::WebClient c(server.base());
  ASSERT_EQ(c.login("demo-analyst", "rules-test-password"), 200);
  auto r = c.get("/api/v1/rules");
  auto bad = c.get("/api/v1/rules?year=soon");
  auto one = c.get("/api/v1/rules/101");
  server.stop();
  ASSERT_EQ(r.status, 200) << r.body;
  json api = json::parse(r.body);
  EXPECT_EQ(api["collection_year"], "2025/26");
  auto cli = json::parse(run({HEARTH_BIN, "rules", "list", "--format", "json"}).out);
  EXPECT_EQ(api, cli);
  EXPECT_EQ(cli["items"].size(), 311u);
  EXPECT_EQ(cli["total"], 311);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["error"]["code"], "bad_year");
  EXPECT_EQ(json::parse(one.body)["code"], "101");
}

INSTANTIATE_TEST_SUITE_P(Backends, ValidateStored,
                         ::testing::Values(std::string("sqlite"), std::string("postgresql")),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hearth
