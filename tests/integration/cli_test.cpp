// The hearth binary end to end: synth → import → export, blocked imports, info, serve.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "model/dates.hpp"
#include "store/store.hpp"
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

std::vector<fs::path> files_under(const fs::path& root) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), root));
  std::sort(out.begin(), out.end());
  return out;
}

json info(const std::string& store) {
  auto r = run(hearth(store, {"info", "--format", "json"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

class Cli : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    HEARTH_REQUIRE_DB(*db_);
  }
  std::unique_ptr<TestDatabase> db_;
  TempDir tmp_;
};

TEST_P(Cli, SynthImportExportGivesByteIdenticalFiles) {
  auto in = tmp_.path() / "in";
  auto out = tmp_.path() / "out";
  auto s = run({HEARTH_BIN, "synth", "--children", "300", "--years", "3", "--seed", "7", "--la",
                "887", "--last-year", "2025", "--out", in.string()});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  auto i = run(hearth(db_->url(), {"import", in.string(), "--la", "887"}));
  ASSERT_EQ(i.exit_code, 0) << i.out << i.err;
  auto e = run(hearth(db_->url(), {"export", "--out", out.string()}));
  ASSERT_EQ(e.exit_code, 0) << e.err;

  auto expected = files_under(in);
  ASSERT_EQ(expected.size(), 3u * 11u) << "3 years × 11 tables (DoLo starts in 2026/27)";
  EXPECT_EQ(files_under(out), expected);
  for (const auto& f : expected)
    EXPECT_EQ(testing::read_text(out / f), testing::read_text(in / f)) << f;
}

TEST_P(Cli, ImportWithThreeBadRowsExitsOneReportsThemAndChangesNothing) {
  auto good = tmp_.path() / "good";
  ASSERT_EQ(run({HEARTH_BIN, "synth", "--children", "200", "--years", "1", "--seed", "3",
                 "--last-year", "2025", "--out", good.string()})
                .exit_code,
            0);
  ASSERT_EQ(run(hearth(db_->url(), {"import", good.string(), "--la", "887"})).exit_code, 0);
  json before = info(db_->url());

  // A second year with three broken rows in the episodes file.
  auto bad = tmp_.path() / "bad";
  ASSERT_EQ(run({HEARTH_BIN, "synth", "--children", "200", "--years", "1", "--seed", "4",
                 "--last-year", "2026", "--out", bad.string()})
                .exit_code,
            0);
  auto episodes = bad / "2025-26" / "episodes.csv";
  std::string text = testing::read_text(episodes);
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  ASSERT_GT(lines.size(), 12u);
  auto set_cell = [&](std::size_t line, std::size_t col, const std::string& v) {
    std::vector<std::string> cells;
    std::string cell;
    for (char c : lines[line]) {
      if (c == ',') {
        cells.push_back(cell);
        cell.clear();
      } else {
        cell += c;
      }
    }
    cells.push_back(cell);
    cells[col] = v;
    std::string joined;
    for (std::size_t k = 0; k < cells.size(); ++k) joined += (k ? "," : "") + cells[k];
    lines[line] = joined;
  };
  set_cell(3, 1, "31/02/2025");  // DECOM: no such date        -> file row 4
  set_cell(6, 3, "Q9");          // LS: not a legal status     -> file row 7
  set_cell(10, 0, "");           // CHILD: missing             -> file row 11
  std::string rewritten;
  for (const auto& l : lines) rewritten += l + "\n";
  testing::write_text(episodes, rewritten);

  auto r = run(hearth(db_->url(), {"import", bad.string(), "--la", "887", "--format", "json"}));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["status"], "blocked");
  ASSERT_EQ(j["findings"].size(), 3u) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["file"], "episodes.csv");
  EXPECT_EQ(j["findings"][0]["row"], 4);
  EXPECT_EQ(j["findings"][0]["field"], "DECOM");
  EXPECT_EQ(j["findings"][0]["value"], "31/02/2025");
  EXPECT_EQ(j["findings"][1]["row"], 7);
  EXPECT_EQ(j["findings"][1]["field"], "LS");
  EXPECT_EQ(j["findings"][2]["row"], 11);
  EXPECT_EQ(j["findings"][2]["field"], "CHILD");

  // The table form names file, row and column for a person too.
  auto t = run(hearth(db_->url(), {"import", bad.string(), "--la", "887"}));
  EXPECT_EQ(t.exit_code, 1);
  EXPECT_NE(t.out.find("episodes.csv"), std::string::npos);
  EXPECT_NE(t.out.find("nothing was imported"), std::string::npos);

  json after = info(db_->url());
  EXPECT_EQ(after["children"], before["children"]);
  EXPECT_EQ(after["episodes"], before["episodes"]);
  EXPECT_EQ(after["imports"], before["imports"]);

  // With --accept-with-findings the other rows land and the findings are kept.
  auto ok = run(hearth(db_->url(), {"import", bad.string(), "--la", "887", "--accept-with-findings",
                                    "--format", "json"}));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(json::parse(ok.out)["status"], "imported");
  EXPECT_GT(info(db_->url())["episodes"].get<long>(), before["episodes"].get<long>());
}

TEST_P(Cli, DemoCreatesACouncilAndInfoCountsIt) {
  auto r = run(hearth(db_->url(), {"demo", "--children", "150", "--years", "2"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = info(db_->url());
  EXPECT_GT(j["children"].get<long>(), 150);
  EXPECT_GT(j["episodes"].get<long>(), j["children"].get<long>() / 2);
  EXPECT_EQ(j["origin"], "hearth demo");
  // A second demo is refused without --replace; --if-empty leaves it alone and succeeds.
  EXPECT_EQ(run(hearth(db_->url(), {"demo"})).exit_code, 2);
  EXPECT_EQ(run(hearth(db_->url(), {"demo", "--if-empty"})).exit_code, 0);
}

// The demo council comes with local records, and its worklist is not all green: several
// workers have overdue and due-soon items.
TEST_P(Cli, DemoWorklistShowsOverdueAndDueSoonItemsForSeveralWorkers) {
  ASSERT_EQ(run(hearth(db_->url(), {"demo", "--children", "150", "--years", "2"})).exit_code, 0);
  auto r = run(hearth(db_->url(), {"worklist", "--as-of", "2026-03-31", "--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["as_of"], "2026-03-31");
  int with_overdue = 0, with_soon = 0;
  for (const auto& w : j["workers"]) {
    if (w["worker"].is_null()) continue;
    with_overdue += w["overdue"].get<int>() > 0;
    with_soon += w["due_soon"].get<int>() > 0;
  }
  EXPECT_GE(with_overdue, 3);
  EXPECT_GE(with_soon, 3);
  // Overdue oldest first, each explaining itself.
  ASSERT_FALSE(j["overdue"].empty());
  std::string previous;
  for (const auto& item : j["overdue"]) {
    EXPECT_EQ(item["status"], "overdue");
    EXPECT_FALSE(item["rule"].get<std::string>().empty());
    EXPECT_FALSE(item["anchor"]["date"].get<std::string>().empty());
    std::string due = item["due"].get<std::string>().substr(0, 10);
    EXPECT_LE(previous, due);
    previous = due;
  }
  // One worker's list holds only their children's items.
  std::string worker = j["overdue"][0]["worker"].is_null()
                           ? std::string()
                           : j["overdue"][0]["worker"].get<std::string>();
  if (!worker.empty()) {
    auto mine = run(hearth(
        db_->url(), {"worklist", "--as-of", "2026-03-31", "--worker", worker, "--format", "json"}));
    ASSERT_EQ(mine.exit_code, 0) << mine.err;
    json mj = json::parse(mine.out);
    ASSERT_FALSE(mj["overdue"].empty());
    for (const auto& item : mj["overdue"]) EXPECT_EQ(item["worker"], worker);
  }
  // A child's timescales, in the documented shape.
  std::string child = j["overdue"][0]["child_id"];
  auto t = run(hearth(
      db_->url(), {"timescales", "--child", child, "--as-of", "2026-03-31", "--format", "json"}));
  ASSERT_EQ(t.exit_code, 0) << t.err;
  json tj = json::parse(t.out);
  EXPECT_EQ(tj["child_id"], child);
  ASSERT_FALSE(tj["items"].empty());
  for (const auto& item : tj["items"])
    for (const char* key : {"item", "due", "status", "anchor", "evidence", "rule"})
      EXPECT_TRUE(item.contains(key)) << key;
}

// Local records written by synth --local-out import whole; a file with bad rows blocks the
// import with findings naming file, row and column, and the store keeps what it had.
TEST_P(Cli, LocalRecordsImportWholeOrNotAtAll) {
  auto ret = tmp_.path() / "ret";
  auto loc = tmp_.path() / "local";
  ASSERT_EQ(run({HEARTH_BIN, "synth", "--children", "80", "--years", "2", "--seed", "5", "--la",
                 "887", "--last-year", "2025", "--out", ret.string(), "--local-out", loc.string()})
                .exit_code,
            0);
  ASSERT_EQ(run(hearth(db_->url(), {"import", ret.string(), "--la", "887"})).exit_code, 0);
  auto ok = run(hearth(db_->url(), {"import", loc.string(), "--la", "887", "--format", "json"}));
  ASSERT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  json oj = json::parse(ok.out);
  EXPECT_EQ(oj["status"], "imported");
  EXPECT_GE(oj["tables"].size(), 10u);
  auto before = run(hearth(db_->url(), {"worklist", "--as-of", "2025-03-31", "--format", "csv"}));
  ASSERT_EQ(before.exit_code, 0) << before.err;

  // Break three cells in the visits file.
  auto visits = loc / "visits.csv";
  std::string text = testing::read_text(visits);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  ASSERT_GT(lines.size(), 10u);
  auto replace_date = [&](std::size_t i, const std::string& bad) {
    auto comma = lines[i].find(',', lines[i].find(',') + 1);  // id, child, date...
    auto next = lines[i].find(',', comma + 1);
    lines[i] = lines[i].substr(0, comma + 1) + bad + lines[i].substr(next);
  };
  replace_date(3, "2025-02-30");
  replace_date(5, "yesterday");
  replace_date(8, "");
  std::string broken;
  for (const auto& l : lines) broken += l + "\n";
  testing::write_text(visits, broken);
  auto bad = run(hearth(db_->url(), {"import", loc.string(), "--la", "887"}));
  EXPECT_EQ(bad.exit_code, 1) << bad.out << bad.err;
  EXPECT_NE(bad.out.find("visits.csv"), std::string::npos);
  EXPECT_NE(bad.out.find("clav_cla_visit_date"), std::string::npos);
  EXPECT_NE(bad.out.find("3 rows were rejected"), std::string::npos) << bad.out;
  auto after = run(hearth(db_->url(), {"worklist", "--as-of", "2025-03-31", "--format", "csv"}));
  EXPECT_EQ(after.out, before.out);
}

INSTANTIATE_TEST_SUITE_P(Backends, Cli,
                         ::testing::Values(std::string("sqlite"), std::string("postgresql")),
                         [](const auto& info) { return info.param; });

TEST_P(Cli, DemoScorecardHasEveryIndicatorWithTrendBreakdownsAndSuppression) {
  ASSERT_EQ(run(hearth(db_->url(), {"demo", "--children", "150", "--years", "2"})).exit_code, 0);
  auto r = run(hearth(db_->url(), {"scorecard", "--as-of", "2025-03-31", "--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["as_of"], "2025-03-31");
  EXPECT_EQ(j["period"]["label"], "2024-25 Q4");
  auto list = run(hearth(db_->url(), {"indicators", "list", "--format", "json"}));
  ASSERT_EQ(list.exit_code, 0) << list.err;
  json registry = json::parse(list.out)["items"];
  ASSERT_EQ(j["indicators"].size(), registry.size());
  std::size_t computed = 0;
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const json& ind = j["indicators"][i];
    EXPECT_EQ(ind["id"], registry[i]["id"]);
    for (const char* key : {"id", "title", "value", "numerator", "denominator", "unit", "polarity",
                            "target", "rag", "comparators", "trend", "breakdowns", "suppressed"})
      EXPECT_TRUE(ind.contains(key)) << ind["id"] << " has no " << key;
    if (!ind["available"].get<bool>()) continue;
    ++computed;
    EXPECT_FALSE(ind["trend"].empty()) << ind["id"];
    EXPECT_TRUE(ind["breakdowns"].contains("age_band")) << ind["id"];
    EXPECT_TRUE(ind["breakdowns"].contains("placement_type")) << ind["id"];
  }
  EXPECT_GE(computed, 45u);
  // The stability indicator: 8 quarters, England's published figure, numerator <= denominator.
  for (const auto& ind : j["indicators"])
    if (ind["id"] == "stability_short") {
      EXPECT_EQ(ind["trend"].size(), 8u);
      EXPECT_EQ(ind["comparators"]["england"]["value"], 10);
      EXPECT_LE(ind["numerator"].get<double>(), ind["denominator"].get<double>());
    }
  // Suppressed: small counts become "c", and nothing below 5 is shown in any breakdown.
  auto s = run(hearth(db_->url(),
                      {"scorecard", "--as-of", "2025-03-31", "--suppressed", "--format", "json"}));
  ASSERT_EQ(s.exit_code, 0) << s.err;
  json sj = json::parse(s.out);
  EXPECT_TRUE(sj["suppression"]["applied"].get<bool>());
  int cs = 0;
  for (const auto& ind : sj["indicators"])
    for (const auto& [dim, cats] : ind["breakdowns"].items())
      for (const auto& c : cats) {
        if (c["numerator"] == "c") {
          ++cs;
          EXPECT_EQ(c["value"], "c");
          continue;
        }
        if (ind["unit"] == "percent" || ind["unit"] == "count") {
          double n = c["numerator"].get<double>();
          EXPECT_TRUE(n == 0 || n >= 5) << ind["id"] << " " << dim << " " << c["category"];
        }
      }
  EXPECT_GT(cs, 10);
}

TEST_P(Cli, ScorecardWritesCsvXlsxAndHtml) {
  ASSERT_EQ(run(hearth(db_->url(), {"demo", "--children", "60", "--years", "1"})).exit_code, 0);
  TempDir tmp;
  const auto xlsx = (tmp.path() / "s.xlsx").string(), html = (tmp.path() / "s.html").string();
  auto x = run(hearth(db_->url(), {"scorecard", "--format", "xlsx", "--output", xlsx}));
  ASSERT_EQ(x.exit_code, 0) << x.err;
  EXPECT_EQ(testing::read_text(xlsx).substr(0, 2), "PK");  // a zip, as every .xlsx is
  auto h = run(hearth(db_->url(), {"scorecard", "--suppressed", "--format", "html", "-o", html}));
  ASSERT_EQ(h.exit_code, 0) << h.err;
  std::string doc = testing::read_text(html);
  EXPECT_NE(doc.find("<svg class=\"chart\""), std::string::npos);
  EXPECT_NE(doc.find("<table class=\"alt\">"), std::string::npos);
  EXPECT_NE(doc.find("@page { size: A4"), std::string::npos);
  auto c = run(hearth(db_->url(), {"scorecard", "--period", "year", "--format", "csv"}));
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(c.out.substr(0, c.out.find('\n')),
            "id,title,period,start,end,value,numerator,denominator,unit,polarity,target,rag,"
            "england,suppressed");
  EXPECT_NE(c.out.find("\nstability_short,"), std::string::npos);
}

// A usage error: exit code 2 and a message on stderr that says `says`.
void expect_usage_error(const std::string& store, std::vector<std::string> args,
                        const std::string& says) {
  auto r = run(hearth(store, std::move(args)));
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find(says), std::string::npos) << r.err;
}

TEST(CliInput, ScorecardExplainsBadInput) {
  TempDir tmp;
  const std::string store = "sqlite:" + (tmp.path() / "s.db").string();
  auto expect_usage = [&](std::vector<std::string> args, const std::string& says) {
    expect_usage_error(store, std::move(args), says);
  };
  expect_usage({"scorecard"}, "no children");
  ASSERT_EQ(run(hearth(store, {"demo", "--children", "60", "--years", "1"})).exit_code, 0);
  expect_usage({"scorecard", "--period", "fortnight"}, "--period");
  expect_usage({"scorecard", "--format", "pdf"}, "--format");
  expect_usage({"scorecard", "--format", "xlsx"}, "--output");
  expect_usage({"scorecard", "--only", "happiness"}, "no indicator 'happiness'");
  expect_usage({"scorecard", "--la", "000"}, "no returns for council '000'");
  expect_usage({"scorecard", "--as-of", "2025-13-01"}, "--as-of");
  expect_usage({"scorecard", "--as-of", "2010-01-01"},
               "before council 887's earliest stored return");
  testing::write_text(tmp.path() / "bad.toml", "[scorecard.targets]\nhappiness = 5\n");
  expect_usage({"--config", (tmp.path() / "bad.toml").string(), "scorecard"},
               "no indicator 'happiness'");
  testing::write_text(tmp.path() / "ref.toml", "[scorecard]\nreference = \"/nonexistent/ref\"\n");
  expect_usage({"--config", (tmp.path() / "ref.toml").string(), "scorecard"}, "does not exist");
  expect_usage({"indicators", "list", "--format", "yaml"}, "--format");
  // A configured target changes the RAG rating.
  testing::write_text(tmp.path() / "t.toml", "[scorecard.targets]\nstability_short = 0\n");
  auto r = run(hearth(store, {"--config", (tmp.path() / "t.toml").string(), "scorecard", "--only",
                              "stability_short", "--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["indicators"][0]["target"], 0);
  EXPECT_EQ(j["indicators"].size(), 1u);
}

TEST(CliInput, UnknownTableIsRejectedByName) {
  TempDir tmp;
  TestDatabase db("sqlite");
  testing::write_text(tmp.path() / "header.csv",
                      "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2010,WBRI,,,\n");
  testing::write_text(tmp.path() / "budget.csv", "COST_CENTRE,AMOUNT\nA1,100\n");
  auto r =
      run(hearth(db.url(), {"import", tmp.path().string(), "--la", "887", "--year", "2024-25"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("budget.csv"), std::string::npos);
  EXPECT_NE(r.out.find("not an SSDA903 table"), std::string::npos);
}

// A year folder whose file is not a 903 table must not replace the stored year with nothing,
// even with --accept-with-findings.
TEST(CliInput, AcceptWithFindingsNeverStoresAYearWithAnUnreadableFile) {
  TempDir tmp;
  TestDatabase db("sqlite");
  auto in = tmp.path() / "in";
  ASSERT_EQ(run({HEARTH_BIN, "synth", "--children", "50", "--years", "2", "--seed", "9",
                 "--last-year", "2025", "--out", in.string()})
                .exit_code,
            0);
  ASSERT_EQ(run(hearth(db.url(), {"import", in.string(), "--la", "887"})).exit_code, 0);
  json before = info(db.url());
  testing::write_text(in / "2023-24" / "episodes.csv", "this is not, a 903 table\n1,2\n");
  auto r = run(hearth(db.url(), {"import", in.string(), "--la", "887", "--accept-with-findings"}));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("could not be taken as an SSDA903 return"), std::string::npos) << r.out;
  json after = info(db.url());
  EXPECT_EQ(after["episodes"], before["episodes"]);
  EXPECT_EQ(after["imports"], before["imports"]);
}

// --year picks one year out of a folder of council folders.
TEST(CliInput, YearSelectsOneYearFromCouncilFolders) {
  TempDir tmp;
  TestDatabase db("sqlite");
  auto in = tmp.path() / "in";
  ASSERT_EQ(run({HEARTH_BIN, "synth", "--children", "40", "--years", "2", "--seed", "9",
                 "--last-year", "2025", "--out", (in / "887").string()})
                .exit_code,
            0);
  ASSERT_EQ(run(hearth(db.url(), {"import", in.string(), "--year", "2024-25"})).exit_code, 0);
  json j = info(db.url());
  ASSERT_EQ(j["returns"].size(), 1u);
  EXPECT_EQ(j["returns"][0]["collection_year"], "2024/25");
  EXPECT_EQ(j["returns"][0]["la"], "887");
}

// Two folders holding the same year are refused rather than silently overwriting each other.
TEST(CliInput, TwoFoldersForOneYearAreRefused) {
  TempDir tmp;
  TestDatabase db("sqlite");
  auto in = tmp.path() / "in";
  ASSERT_EQ(run({HEARTH_BIN, "synth", "--children", "40", "--years", "1", "--seed", "9",
                 "--last-year", "2025", "--out", in.string()})
                .exit_code,
            0);
  std::filesystem::copy(in / "2024-25", in / "lac2024_25");
  auto r = run(hearth(db.url(), {"import", in.string(), "--la", "887"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("are both 2024/25"), std::string::npos) << r.out;
}

TEST(CliInput, ImportWithoutCouncilIsAUsageProblem) {
  TempDir tmp;
  TestDatabase db("sqlite");
  testing::write_text(tmp.path() / "header.csv",
                      "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2010,WBRI,,,\n");
  auto r = run(hearth(db.url(), {"import", tmp.path().string(), "--year", "2024-25"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("--la"), std::string::npos);
  EXPECT_EQ(run(hearth(db.url(), {"import", "/no/such/folder", "--la", "887"})).exit_code, 2);
}

TEST(CliInput, BadArgumentsExitTwo) {
  EXPECT_EQ(run({HEARTH_BIN, "import"}).exit_code, 2);
  EXPECT_EQ(run({HEARTH_BIN, "no-such-command"}).exit_code, 2);
  EXPECT_EQ(run({HEARTH_BIN, "--store", "mysql://x", "info"}).exit_code, 2);
  EXPECT_EQ(run({HEARTH_BIN, "info", "--format", "yaml"}).exit_code, 2);
  EXPECT_EQ(run({HEARTH_BIN, "--help"}).exit_code, 0);
}

TEST(CliInput, XmlReturnImports) {
  TestDatabase db("sqlite");
  auto xml = fs::path(HEARTH_TEST_DATA) / "ssda903" / "xml" / "small.xml";
  auto r = run(hearth(
      db.url(), {"import", xml.string(), "--la", "887", "--year", "2017-18", "--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  json j = info(db.url());
  EXPECT_EQ(j["children"], 2);
  EXPECT_EQ(j["episodes"], 3);
}

// serve answers /healthz to anyone, /api/v1/info to a signed-in user, and stops gracefully.
TEST(Serve, AnswersInfoToASignedInUser) {
  TestDatabase db("sqlite");
  setenv("HEARTH_DEMO_PASSWORD", "serve-test-password", 1);
  ASSERT_EQ(run(hearth(db.url(), {"demo", "--children", "100", "--years", "1"})).exit_code, 0);
  testing::Server server(hearth(db.url(), {"serve"}));
  testing::WebClient c(server.base());
  EXPECT_EQ(c.get("/healthz").status, 200);
  EXPECT_EQ(c.get("/readyz").status, 200);
  EXPECT_EQ(c.get("/api/v1/info").status, 401);
  ASSERT_EQ(c.login("demo-admin", "serve-test-password"), 200);
  auto r = c.get("/api/v1/info");
  int status = server.stop();
  ASSERT_EQ(r.status, 200) << r.body;
  json j = json::parse(r.body);
  EXPECT_EQ(j["councils"], json::array({"887"}));
  EXPECT_EQ(j["schema_version"], hearth::store::kSchemaVersion);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "graceful stop on SIGTERM";
}

TEST(Serve, RefusesAnUnknownSchema) {
  TestDatabase db("sqlite");
  ASSERT_EQ(run(hearth(db.url(), {"db", "upgrade"})).exit_code, 0);
  ASSERT_EQ(run({"/usr/bin/sqlite3", db.url().substr(7),
                 "INSERT INTO hearth_schema VALUES (42, 'future')"})
                .exit_code,
            0);
  auto r = run(hearth(db.url(), {"serve", "--listen", "127.0.0.1:0"}));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("newer"), std::string::npos) << r.err;
}

// Issue 13: no date after today, anywhere; a scorecard asked for a date after the returns end
// is worked out at their last 31 March with a warning; a worklist runs to today and says how old
// the records are; an impossible day is named.
TEST(CliInput, DatesAfterTheDataAreRefusedOrExplained) {
  TempDir tmp;
  const std::string store = "sqlite:" + (tmp.path() / "s.db").string();
  ASSERT_EQ(run(hearth(store, {"demo", "--children", "60", "--years", "1"})).exit_code, 0);
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::string today_iso = model::format_iso(today);
  expect_usage_error(store, {"scorecard", "--as-of", "2099-01-01"}, "after today");
  expect_usage_error(store, {"worklist", "--as-of", "2099-01-01"}, "after today");
  expect_usage_error(store, {"worklist", "--as-of", "2026-02-30"}, "there is no 30 February 2026");
  auto r = run(hearth(store, {"scorecard", "--as-of", today_iso, "--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_LT(j["as_of"].get<std::string>(), today_iso);
  EXPECT_EQ(j["as_of"].get<std::string>().substr(5), "03-31");
  ASSERT_TRUE(j["warning"].is_string());
  EXPECT_NE(j["warning"].get<std::string>().find("returns stored end on 31 March"),
            std::string::npos);
  EXPECT_NE(r.err.find("Warning:"), std::string::npos);
  auto t = run(hearth(store, {"scorecard", "--as-of", today_iso}));
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_EQ(t.out.rfind("WARNING: ", 0), 0u) << t.out.substr(0, 200);
  auto w = run(hearth(store, {"worklist", "--as-of", today_iso, "--format", "json"}));
  ASSERT_EQ(w.exit_code, 0) << w.err;
  json wl = json::parse(w.out);
  EXPECT_EQ(wl["as_of"], today_iso);
  EXPECT_NE(wl["records_note"].get<std::string>().find("records up to 31 March"),
            std::string::npos);
  auto wt = run(hearth(store, {"worklist", "--as-of", today_iso}));
  EXPECT_NE(wt.out.find("Note: records up to"), std::string::npos);
}

// Worklists, timescales and local imports given something wrong: a clear message, exit 2 for
// how the command was given, exit 1 when files block, and nothing stored that should not be.
TEST(CliInput, TimescaleCommandsAndLocalImportsExplainBadInput) {
  TempDir tmp;
  const std::string store = "sqlite:" + (tmp.path() / "s.db").string();
  auto expect_usage = [&](std::vector<std::string> args, const std::string& says) {
    expect_usage_error(store, std::move(args), says);
  };
  expect_usage({"worklist"}, "no children");
  ASSERT_EQ(run(hearth(store, {"demo", "--children", "60", "--years", "1"})).exit_code, 0);
  expect_usage({"worklist", "--as-of", "2026-02-30"}, "--as-of");
  expect_usage({"worklist", "--worker", "NOBODY"}, "no worker 'NOBODY'");
  expect_usage({"worklist", "--team", "Nowhere"}, "no team 'Nowhere'");
  EXPECT_EQ(run(hearth(store, {"worklist", "--within", "-3"})).exit_code, 2);
  expect_usage({"timescales", "--child", "NOBODY"}, "no child NOBODY");
  expect_usage({"timescales"}, "--child");
  expect_usage({"--config", (tmp.path() / "missing.toml").string(), "worklist"},
               "cannot open the configuration file");
  testing::write_text(tmp.path() / "bad.toml", "[timescales]\nfirst_review_days = 15\n");
  expect_usage({"--config", (tmp.path() / "bad.toml").string(), "worklist"},
               "unknown key 'first_review_days'");

  auto local = tmp.path() / "local";
  fs::create_directories(local);
  testing::write_text(local / "visits.csv",
                      "clav_person_id,clav_cla_visit_date\nNOT-A-CHILD,2026-01-05\n");
  expect_usage({"import", local.string()}, "--la");
  // Records for a child in no return: stored, with a warning naming the child.
  auto ok = run(hearth(store, {"import", local.string(), "--la", "887", "--format", "json"}));
  ASSERT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  json oj = json::parse(ok.out);
  bool warned = false;
  for (const auto& f : oj["findings"])
    if (f["rule"] == "ingest.unknown-child" && f["severity"] == "warning" &&
        f["message"].get<std::string>().find("NOT-A-CHILD") != std::string::npos)
      warned = true;
  EXPECT_TRUE(warned) << ok.out;
  // A 903 file among local tables blocks the import and says what it is.
  testing::write_text(local / "episodes.csv",
                      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,"
                      "REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
  auto mixed = run(hearth(store, {"import", local.string(), "--la", "887"}));
  EXPECT_EQ(mixed.exit_code, 1) << mixed.out << mixed.err;
  EXPECT_NE(mixed.out.find("SSDA903 table, in a folder of local records"), std::string::npos)
      << mixed.out;
}

// The configuration file (docs/operations.md): [store] url is used when neither --store nor
// HEARTH_STORE is given, and a flag wins over it; a misspelt section or key, a value of the wrong
// type, a file that is not TOML or is not there each stop the command with exit 2, the file and
// line named, and nothing is written.
TEST(CliInput, TheConfigurationFileIsReadAndItsMistakesAreNamed) {
  TempDir tmp;
  const auto db = tmp.path() / "from-file.db";
  const auto cfg = tmp.path() / "hearth.toml";
  auto with = [&](const std::string& toml, std::vector<std::string> args) {
    testing::write_text(cfg, toml);
    std::vector<std::string> argv = {HEARTH_BIN, "--config", cfg.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    unsetenv("HEARTH_STORE");
    return run(argv);
  };
  const std::string store = "[store]\nurl = \"sqlite:" + db.string() + "\"\n";
  auto up = with(store, {"db", "upgrade"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_TRUE(fs::exists(db));
  auto info = with(store, {"info", "--format", "json"});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_EQ(json::parse(info.out)["store"], "sqlite:" + db.string());
  const auto other = tmp.path() / "flag.db";
  auto flag = with(store, {"--store", "sqlite:" + other.string(), "info", "--format", "json"});
  ASSERT_EQ(flag.exit_code, 0) << flag.err;
  EXPECT_EQ(json::parse(flag.out)["store"], "sqlite:" + other.string());

  struct Bad {
    std::string toml, says;
  };
  for (const Bad& b :
       {Bad{store + "[serv]\nlisten = \"127.0.0.1:1\"\n", ":3: there is no section [serv]"},
        Bad{store + "[serve]\nlisen = \"127.0.0.1:1\"\n", ":4: [serve] has no key 'lisen'"},
        Bad{store + "[serve]\nworkers = \"four\"\n", "serve.workers must be a whole number"},
        Bad{store + "[serve]\nmetrics = 1\n", "serve.metrics must be true or false"},
        Bad{"[store]\nurl = = 1\n", cfg.string() + ":2:"}}) {
    auto r = with(b.toml, {"info"});
    EXPECT_EQ(r.exit_code, 2) << b.toml << r.out;
    EXPECT_NE(r.err.find(b.says), std::string::npos) << b.toml << " -> " << r.err;
  }
  auto missing = run({HEARTH_BIN, "--config", (tmp.path() / "absent.toml").string(), "info"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot open the configuration file"), std::string::npos)
      << missing.err;
}

}  // namespace
}  // namespace hearth
