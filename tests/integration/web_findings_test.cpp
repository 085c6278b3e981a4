// Findings as the performance team works them (issue 15 item 6), through the real `hearth serve`:
// a note explains a finding, so next month's import lists only what is new; past imports open to
// their findings; the findings download as CSV and Excel with their explanations; accepting with
// findings says exactly which rows are left out, or that none are.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "support.hpp"

namespace fs = std::filesystem;
using hearth::testing::body_of;
using hearth::testing::hearth_cmd;
using hearth::testing::HttpReply;
using hearth::testing::run;
using hearth::testing::Server;
using hearth::testing::TempDir;
using hearth::testing::WebClient;
using nlohmann::json;

namespace {

const char* kPassword = "findings-test-password";

class WebFindings : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
    store_ = "sqlite:" + (tmp_.path() / "f.db").string();
    ASSERT_EQ(run(cmd({"demo", "--children", "60", "--years", "1"})).exit_code, 0);
    // Next year's return of the same council, as the council's system would write it.
    files_ = tmp_.path() / "next";
    auto synth = run(cmd({"synth", "--la", "887", "--children", "60", "--years", "1", "--last-year",
                          "2027", "--out", files_.string()}));
    ASSERT_EQ(synth.exit_code, 0) << synth.err;
    for (const auto& f : fs::recursive_directory_iterator(files_))
      if (f.is_regular_file() && f.path().extension() == ".csv") csvs_.push_back(f.path());
    ASSERT_GT(csvs_.size(), 3u);
  }
  std::vector<std::string> cmd(std::vector<std::string> args) {
    return hearth_cmd(store_, std::move(args));
  }
  // Imports next year's files on the command line; the new import's number.
  std::int64_t import_next_year() {
    auto r = run(cmd({"import", csvs_.front().parent_path().string(), "--la", "887", "--year",
                      "2026-27", "--accept-with-findings"}));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    auto list = run(cmd({"imports", "--format", "json", "--limit", "1"}));
    return json::parse(list.out)["items"][0]["id"].get<std::int64_t>();
  }
  std::vector<json> audit(const std::string& action) {
    auto r = run(cmd({"audit", "list", "--limit", "100000", "--format", "json"}));
    std::vector<json> out;
    for (auto& e : json::parse(r.out))
      if (e["action"] == action) out.push_back(e);
    return out;
  }

  TempDir tmp_;
  std::string store_;
  fs::path files_;
  std::vector<fs::path> csvs_;
};

TEST_F(WebFindings, AnExplainedFindingStaysExplainedInTheNextImportAndTheExportsSayWhy) {
  const auto first = import_next_year();
  std::string key, rule, note_id;
  {
    Server server(cmd({"serve"}));
    WebClient c(server.base());
    ASSERT_EQ(c.login("demo-analyst", kPassword), 200);
    auto summary = body_of(c.get("/api/v1/findings?year=2026-27"));
    ASSERT_EQ(summary["import_id"], first) << summary.dump().substr(0, 300);
    EXPECT_TRUE(summary["import"]["current"].get<bool>());
    EXPECT_EQ(summary["explained"], 0);
    ASSERT_GT(summary["total"].get<int>(), 0) << "the synthetic return has findings";
    rule = summary["rules"][0]["code"];
    auto list = body_of(c.get("/api/v1/findings/" + rule + "?year=2026-27&per_page=1"));
    key = list["items"][0]["key"];
    EXPECT_EQ(key.size(), 32u);
    EXPECT_TRUE(list["items"][0]["explanation"].is_null());

    // What cannot be a note, or a finding, is refused and nothing is stored.
    auto post = [&](const json& body) {
      return c.request("POST", "/api/v1/findings/notes", body.dump());
    };
    EXPECT_EQ(post({{"import_id", first}, {"key", key}, {"note", ""}}).status, 400);
    EXPECT_EQ(
        body_of(post({{"import_id", first}, {"key", key}, {"note", " \n\t"}}))["error"]["code"],
        "bad_note");
    EXPECT_EQ(post({{"import_id", first}, {"key", key}, {"note", std::string(2001, 'x')}}).status,
              400);
    EXPECT_EQ(post({{"import_id", first}, {"key", "no-such-key"}, {"note", "n"}}).status, 404);
    EXPECT_EQ(post({{"import_id", 999999}, {"key", key}, {"note", "n"}}).status, 404);
    EXPECT_EQ(post({{"import_id", "12"}, {"key", key}, {"note", "n"}}).status, 400);
    EXPECT_EQ(c.request("POST", "/api/v1/findings/notes", "{not json").status, 400);
    WebClient admin(server.base());
    ASSERT_EQ(admin.login("demo-admin", kPassword), 200);
    EXPECT_EQ(admin
                  .request("POST", "/api/v1/findings/notes",
                           json{{"import_id", first}, {"key", key}, {"note", "n"}}.dump())
                  .status,
              403);
    EXPECT_EQ(body_of(c.get("/api/v1/findings?year=2026-27"))["explained"], 0);

    auto made = post({{"import_id", first},
                      {"key", key},
                      {"note", "Placed with family far away on purpose: the distance is right"}});
    ASSERT_EQ(made.status, 201) << made.body;
    note_id = std::to_string(body_of(made)["id"].get<std::int64_t>());
    EXPECT_EQ(body_of(made)["user"], "demo-analyst");
    EXPECT_EQ(body_of(made)["rule"], rule);
    auto after = body_of(c.get("/api/v1/findings?year=2026-27"));
    EXPECT_EQ(after["explained"], 1);
    EXPECT_EQ(after["new"].get<int>(), after["total"].get<int>() - 1);
  }

  // Next month's import of the same return: the same finding is explained already.
  const auto second = import_next_year();
  ASSERT_NE(second, first);
  Server server(cmd({"serve"}));
  WebClient c(server.base());
  ASSERT_EQ(c.login("demo-analyst", kPassword), 200);
  auto now = body_of(c.get("/api/v1/findings?year=2026-27"));
  EXPECT_EQ(now["import_id"], second);
  EXPECT_EQ(now["explained"], 1) << "the finding is known by its key, not its import";
  auto fresh = body_of(c.get("/api/v1/findings/" + rule + "?year=2026-27&show=new&per_page=500"));
  for (const auto& f : fresh["items"]) EXPECT_NE(f["key"], key) << "explained, so not new";
  EXPECT_EQ(fresh["counts"]["explained"], 1);
  auto explained = body_of(c.get("/api/v1/findings/" + rule + "?year=2026-27&show=explained"));
  ASSERT_EQ(explained["items"].size(), 1u);
  EXPECT_EQ(explained["items"][0]["explanation"]["note"],
            "Placed with family far away on purpose: the distance is right");

  // The past import opens to its findings, and says it is no longer the one in use.
  auto past = body_of(c.get("/api/v1/findings?import=" + std::to_string(first)));
  EXPECT_EQ(past["import_id"], first);
  EXPECT_FALSE(past["import"]["current"].get<bool>());
  EXPECT_EQ(past["total"], now["total"]);
  EXPECT_EQ(c.get("/api/v1/findings?import=abc").status, 400);
  EXPECT_EQ(c.get("/api/v1/findings?import=999999").status, 404);

  // The exports: every finding with its key and explanation; only the new ones on asking.
  auto csv = c.get("/api/v1/findings/export?format=csv&year=2026-27");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.headers.find("content-type: text/csv"), std::string::npos);
  EXPECT_NE(csv.headers.find("findings-887-import-" + std::to_string(second) + ".csv"),
            std::string::npos)
      << csv.headers;
  EXPECT_EQ(csv.body.rfind("la,year,import,rule,severity,", 0), 0u);
  EXPECT_NE(csv.body.find(key + ",yes,Placed with family far away on purpose"), std::string::npos);
  const auto lines = std::count(csv.body.begin(), csv.body.end(), '\n');
  EXPECT_EQ(lines, now["total"].get<int>() + 1);
  auto only_new = c.get("/api/v1/findings/export?format=csv&year=2026-27&show=new");
  EXPECT_EQ(std::count(only_new.body.begin(), only_new.body.end(), '\n'), lines - 1);
  EXPECT_EQ(only_new.body.find(key), std::string::npos);
  auto xlsx = c.get("/api/v1/findings/export?format=xlsx&year=2026-27&rule=" + rule);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(c.get("/api/v1/findings/export?format=pdf").status, 400);
  EXPECT_EQ(c.get("/api/v1/findings/export?show=old").status, 400);

  // Withdrawn, the finding is new again; the audit log holds both and the exports.
  EXPECT_EQ(c.request("DELETE", "/api/v1/findings/notes/" + note_id).status, 204);
  EXPECT_EQ(c.request("DELETE", "/api/v1/findings/notes/" + note_id).status, 404);
  EXPECT_EQ(body_of(c.get("/api/v1/findings?year=2026-27"))["explained"], 0);
  server.stop();
  auto explains = audit("findings.explain");
  ASSERT_EQ(explains.size(), 1u);
  EXPECT_EQ(explains[0]["actor"], "demo-analyst");
  EXPECT_EQ(explains[0]["detail"]["note"],
            "Placed with family far away on purpose: the distance is right");
  EXPECT_EQ(explains[0]["detail"]["rule"], rule);
  EXPECT_EQ(audit("findings.unexplain").size(), 1u);
  EXPECT_EQ(audit("findings.export").size(), 3u);
  EXPECT_EQ(run(cmd({"audit", "verify"})).exit_code, 0);
}

TEST_F(WebFindings, AcceptingWithFindingsNamesEveryRowLeftOutOrSaysNone) {
  // One bad date in the episodes: that row, and only it, is left out.
  fs::path episodes;
  for (const auto& p : csvs_)
    if (p.filename().string().find("pisode") != std::string::npos) episodes = p;
  ASSERT_FALSE(episodes.empty());
  std::string text = hearth::testing::read_text(episodes);
  std::size_t line3 = 0;
  for (int i = 0; i < 3; ++i) line3 = text.find('\n', line3) + 1;  // start of the 4th line
  const std::size_t comma = text.find(',', line3);                 // after CHILD
  const std::string child = text.substr(line3, comma - line3);
  // DECOM is the second column of the synthetic episodes file
  const std::size_t next = text.find(',', comma + 1);
  std::string bad = text.substr(0, comma + 1) + "31/02/2026" + text.substr(next);

  Server server(cmd({"serve"}));
  WebClient c(server.base());
  ASSERT_EQ(c.login("demo-analyst", kPassword), 200);
  auto upload = [&](const std::string& episodes_text) {
    auto start = c.request("POST", "/api/v1/imports", R"({"kind":"903","year":"2026-27"})");
    EXPECT_EQ(start.status, 201) << start.body;
    const std::string id = body_of(start)["id"];
    for (const auto& p : csvs_)
      EXPECT_EQ(c.request("PUT", "/api/v1/imports/" + id + "/files/" + p.filename().string(),
                          p == episodes ? episodes_text : hearth::testing::read_text(p))
                    .status,
                200);
    return id;
  };
  const std::string id = upload(bad);
  auto checked = body_of(c.request("POST", "/api/v1/imports/" + id + "/check"));
  const auto& left = checked["result"]["left_out"];
  ASSERT_EQ(left["total"], 1) << checked["result"].dump().substr(0, 600);
  ASSERT_EQ(left["rows"].size(), 1u);
  EXPECT_EQ(left["rows"][0]["file"], episodes.filename().string());
  EXPECT_EQ(left["rows"][0]["row"], 4);
  EXPECT_EQ(left["rows"][0]["child"], child);
  EXPECT_FALSE(left["rows"][0]["why"].empty());
  auto accepted = c.request("POST", "/api/v1/imports/" + id + "/accept",
                            R"({"accept_with_findings":true,"confirm_large_change":true})");
  ASSERT_EQ(accepted.status, 200) << accepted.body.substr(0, 300);
  EXPECT_EQ(body_of(accepted)["result"]["left_out"], left) << "what was stored says the same";

  // The clean files: accepting leaves nothing out, and says so.
  const std::string clean = upload(hearth::testing::read_text(episodes));
  auto clean_check = body_of(c.request("POST", "/api/v1/imports/" + clean + "/check"));
  EXPECT_EQ(clean_check["result"]["left_out"]["total"], 0);
  EXPECT_TRUE(clean_check["result"]["left_out"]["rows"].empty());
}

TEST_F(WebFindings, ANoteIsMeasuredInCharactersAsThePageCountsThem) {
  import_next_year();
  Server server(cmd({"serve"}));
  WebClient c(server.base());
  ASSERT_EQ(c.login("demo-analyst", kPassword), 200);
  auto summary = body_of(c.get("/api/v1/findings?year=2026-27"));
  const std::string rule = summary["rules"][0]["code"];
  auto list = body_of(c.get("/api/v1/findings/" + rule + "?year=2026-27&per_page=1"));
  auto post = [&](const std::string& note) {
    return c.request(
        "POST", "/api/v1/findings/notes",
        json{{"import_id", summary["import_id"]}, {"key", list["items"][0]["key"]}, {"note", note}}
            .dump());
  };
  std::string accents;
  for (int i = 0; i < 2000; ++i) accents += "\xC3\xA9";  // é: two bytes, one character
  EXPECT_EQ(post(accents).status, 201) << "2,000 characters, 4,000 bytes";
  EXPECT_EQ(post(accents + "\xC3\xA9").status, 400);
  auto explained = body_of(c.get("/api/v1/findings/" + rule + "?year=2026-27&show=explained"));
  EXPECT_EQ(explained["items"][0]["explanation"]["note"], accents);
}

}  // namespace
