// The Board's papers on the demo council (docs/papers.md): the last meeting's pack and the year's
// report as HTML, tagged PDF and the XLSX appendix; every figure in the appendix with its
// numerator and denominator, agreeing with `hearth scorecard` on the same date; a pack unchanged
// by commentary written, or an action closed, after its meeting; Markdown that carries nothing
// active; a Board member's copy suppressed and an analyst's not, from the CLI and the web.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "support.hpp"

namespace {

using hearth::testing::read_text;
using hearth::testing::run;
using hearth::testing::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kPassword = "Demo-passw0rd-for-papers";

class Papers : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("HEARTH_DEMO_PASSWORD", kPassword, 1);
    setenv("SOURCE_DATE_EPOCH", "1780000000", 1);  // the same paper twice, byte for byte
    store_ = "sqlite:" + (tmp_.path() / "p.db").string();
    auto demo = run(cmd({"demo", "--children", "120", "--years", "2"}));
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    auto m = run(cmd({"meetings", "--format", "json"}));
    ASSERT_EQ(m.exit_code, 0) << m.err;
    const json list = json::parse(m.out);
    for (const auto& item : list["items"]) {
      if (item["status"] == "held") held_ = std::to_string(item["id"].get<int>());
      if (item["status"] == "planned" && planned_.empty())
        planned_ = std::to_string(item["id"].get<int>());
    }
    ASSERT_FALSE(held_.empty());
    ASSERT_FALSE(planned_.empty());
  }
  void TearDown() override { unsetenv("SOURCE_DATE_EPOCH"); }
  std::vector<std::string> cmd(std::vector<std::string> args) {
    return hearth::testing::hearth_cmd(store_, std::move(args));
  }
  fs::path file(const std::string& name) const { return tmp_.path() / name; }
  json figures(const std::string& meeting, const std::string& audience) {
    auto r = run(cmd({"pack", "--meeting", meeting, "--audience", audience, "--format", "json"}));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  std::string pack_html(const std::string& meeting, const std::string& name,
                        const std::string& audience = "board") {
    auto r = run(
        cmd({"pack", "--meeting", meeting, "--audience", audience, "--html", file(name).string()}));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return read_text(file(name));
  }
  TempDir tmp_;
  std::string store_, held_, planned_;
};

std::string tool(const std::vector<std::string>& argv) {
  auto r = run(argv);
  EXPECT_EQ(r.exit_code, 0) << argv[0] << ": " << r.err;
  return r.out;
}

// The shared strings of a workbook (every text cell), read with Python's zipfile.
std::string xlsx_strings(const fs::path& p) {
  return tool({"/usr/bin/python3", "-c",
               "import sys, zipfile; "
               "print(zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml').decode())",
               p.string()});
}

std::string without_pdf_dates(std::string pdf) {
  return std::regex_replace(pdf, std::regex(R"(D:\d{14}[^)]*)"), "D:");
}

TEST_F(Papers, TheLastMeetingsPackAndTheYearsReportAreHtmlTaggedPdfAndXlsx) {
  auto pack = run(cmd({"pack", "--meeting", held_, "--html", file("pack.html").string(), "--pdf",
                       file("pack.pdf").string(), "--xlsx", file("pack.xlsx").string()}));
  ASSERT_EQ(pack.exit_code, 0) << pack.err;
  auto report = run(cmd({"annual-report", "--year", "2025-26", "--html", file("ar.html").string(),
                         "--pdf", file("ar.pdf").string(), "--xlsx", file("ar.xlsx").string()}));
  ASSERT_EQ(report.exit_code, 0) << report.err;
  for (const auto& [stem, heading] : {std::pair{std::string("pack"), std::string("Meeting pack")},
                                      {"ar", "Annual corporate parenting report 2025-26"}}) {
    const std::string pdf = read_text(file(stem + ".pdf"));
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u) << stem;
    EXPECT_EQ(read_text(file(stem + ".xlsx")).rfind("PK", 0), 0u) << stem;
    EXPECT_NE(read_text(file(stem + ".html")).find(heading), std::string::npos) << stem;
    const std::string info = tool({"/usr/bin/pdfinfo", file(stem + ".pdf").string()});
    EXPECT_TRUE(std::regex_search(info, std::regex(R"(Tagged:\s+yes)"))) << info;
    std::smatch pages;
    ASSERT_TRUE(std::regex_search(info, pages, std::regex(R"(Pages:\s+(\d+))"))) << info;
    EXPECT_GE(std::stoi(pages[1].str()), 3) << stem;
    const std::string text = tool({"/usr/bin/pdftotext", file(stem + ".pdf").string(), "-"});
    EXPECT_NE(text.find(heading), std::string::npos) << stem;
    if (stem == "pack") {  // each indicator's figure, as the appendix gives it, is in the PDF
      const json pack = figures(held_, "board");
      int found = 0;
      for (const auto& f : pack["figures"]) {
        const std::string id = f["id"], shown = f["shown"];
        if (f["section"] != "Scorecard" || id.find_first_of("@/") != std::string::npos ||
            shown == "no data")
          continue;
        EXPECT_NE(text.find(shown), std::string::npos) << id << " " << shown << " not in the PDF";
        ++found;
      }
      EXPECT_GT(found, 30);
    }
    EXPECT_NE(text.find("Page 1 of"), std::string::npos) << stem;  // numbered pages
    // Headings tagged for assistive technology, tables with header cells, charts as figures.
    const std::string tags = tool({"/usr/bin/pdfinfo", "-struct", file(stem + ".pdf").string()});
    for (const char* tag : {"H1", "H2", "Table", "TH", "Figure"})
      EXPECT_NE(tags.find(tag), std::string::npos) << stem << " has no " << tag;
    // Every chart a figure with alternative text (its title and description).
    std::size_t figures = 0, alts = 0;
    for (auto at = tags.find("Figure"); at != std::string::npos; at = tags.find("Figure", at + 1))
      ++figures;
    for (auto at = pdf.find("/Alt (Trend: "); at != std::string::npos;
         at = pdf.find("/Alt (Trend: ", at + 1))
      ++alts;
    EXPECT_GT(figures, 0u) << stem;
    EXPECT_EQ(alts, figures) << stem;
  }
  // The same date gives the same PDF, apart from the moment Chromium stamps on it.
  ASSERT_EQ(run(cmd({"pack", "--meeting", held_, "--pdf", file("again.pdf").string()})).exit_code,
            0);
  EXPECT_EQ(without_pdf_dates(read_text(file("pack.pdf"))),
            without_pdf_dates(read_text(file("again.pdf"))));
}

TEST_F(Papers, EveryFigureIsInTheAppendixAndAgreesWithTheScorecardOnItsDate) {
  for (const std::string audience : {"analyst", "board"}) {
    const json pack = figures(held_, audience);
    std::map<std::string, json> by_id;
    for (const auto& f : pack["figures"]) by_id[f["id"]] = f;
    // Every indicator's figure equals the scorecard's for the same date and audience.
    std::vector<std::string> args = {"scorecard", "--as-of", pack["scorecard_as_of"], "--format",
                                     "json"};
    if (audience == "board") args.push_back("--suppressed");
    auto sc = run(cmd(args));
    ASSERT_EQ(sc.exit_code, 0) << sc.err;
    int compared = 0;
    const json card = json::parse(sc.out);
    for (const auto& ind : card["indicators"]) {
      const std::string id = ind["id"];
      ASSERT_TRUE(by_id.count(id)) << id << " is not in the " << audience << "'s appendix";
      const auto& f = by_id[id];
      if (!ind["available"].get<bool>()) {
        EXPECT_EQ(f["shown"], "no data") << id;
        continue;
      }
      EXPECT_EQ(f["suppressed"], ind["suppressed"]) << id;
      if (ind["suppressed"].get<bool>()) {
        EXPECT_EQ(f["shown"], "c") << id;
        continue;
      }
      ++compared;
      if (ind["value"].is_number())  // the scorecard's JSON rounds (days to whole days)
        EXPECT_NEAR(f["value"].get<double>(), ind["value"].get<double>(),
                    ind["unit"] == "days" ? 0.51 : 0.051)
            << id;
      EXPECT_EQ(f["numerator"], ind["numerator"]) << id;
      EXPECT_EQ(f["denominator"], ind["denominator"]) << id;
    }
    EXPECT_GT(compared, 30) << audience;
    // Every figure the HTML marks is in the appendix, and the workbook holds every one.
    const std::string html = pack_html(held_, audience + ".html", audience);
    std::set<std::string> marked;
    const std::regex mark(R"(data-figure="([^"]+)\")");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), mark);
         it != std::sregex_iterator(); ++it)
      marked.insert((*it)[1].str());
    EXPECT_GT(marked.size(), 60u);
    for (const auto& id : marked) EXPECT_TRUE(by_id.count(id)) << id << " is not in the appendix";
    ASSERT_EQ(run(cmd({"pack", "--meeting", held_, "--audience", audience, "--xlsx",
                       file(audience + ".xlsx").string()}))
                  .exit_code,
              0);
    const std::string strings = xlsx_strings(file(audience + ".xlsx"));
    for (const auto& [id, f] : by_id)
      if (id.find_first_of("&<>\"'") == std::string::npos)
        EXPECT_NE(strings.find(">" + id + "<"), std::string::npos) << id << " not in the workbook";
  }
}

TEST_F(Papers, APackStaysAsItWasWhenCommentaryIsRewrittenOrAnActionClosedAfterTheMeeting) {
  const std::string quarter = figures(held_, "board")["scorecard_as_of"];
  const std::string before = pack_html(held_, "before.html");
  ASSERT_EQ(
      run(cmd({"pack", "--meeting", held_, "--xlsx", file("before.xlsx").string()})).exit_code, 0);
  ASSERT_NE(before.find("What we are doing about it"), std::string::npos);  // the demo's words
  auto set = run(cmd({"commentary", "set", "indicator:iha_timely", quarter, "doing", "--text",
                      "Rewritten after the meeting: a new clinic."}));
  ASSERT_EQ(set.exit_code, 0) << set.err;
  auto open = run(cmd({"actions", "--status", "open", "--format", "json"}));
  ASSERT_EQ(open.exit_code, 0) << open.err;
  const auto actions = json::parse(open.out);
  const auto& items = actions.is_array() ? actions : actions["items"];
  ASSERT_FALSE(items.empty());
  auto closed = run(cmd({"actions", "close", std::to_string(items[0]["id"].get<int>()),
                         "--evidence", "Done after the meeting"}));
  ASSERT_EQ(closed.exit_code, 0) << closed.err;

  EXPECT_EQ(pack_html(held_, "after.html"), before);  // byte for byte
  ASSERT_EQ(run(cmd({"pack", "--meeting", held_, "--xlsx", file("after.xlsx").string()})).exit_code,
            0);
  EXPECT_EQ(read_text(file("after.xlsx")), read_text(file("before.xlsx")));
  // The next meeting's pack (still to come: as at today) has the new words.
  const std::string next = pack_html(planned_, "next.html");
  EXPECT_NE(next.find("Rewritten after the meeting: a new clinic."), std::string::npos);
  EXPECT_EQ(before.find("Rewritten after the meeting"), std::string::npos);
}

TEST_F(Papers, CommentaryMarkdownCarriesNothingActiveIntoThePack) {
  const std::string quarter = figures(planned_, "board")["scorecard_as_of"];
  auto set = run(cmd({"commentary", "set", "indicator:visits_timely", quarter, "behind", "--text",
                      "<script>alert(1)</script>\n\nSee [the plan](javascript:alert(2)) and "
                      "[the other](JaVaScRiPt:alert(3)), <img src=x onerror=alert(4)> and "
                      "<a href=\"https://example.org\" onclick=\"alert(5)\">raw</a> **now**."}));
  ASSERT_EQ(set.exit_code, 0) << set.err;
  const std::string html = pack_html(planned_, "inert.html");
  // Shown as the text it is...
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(4)&gt;"), std::string::npos);
  EXPECT_NE(html.find("See the plan and the other,"), std::string::npos);
  EXPECT_NE(html.find("<strong>now</strong>"), std::string::npos);
  // ...and nothing active: no script, no image, no handler, no javascript: link, no raw tag.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(<[^>]*\son\w+=)", std::regex::icase)));
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(href="\s*javascript)", std::regex::icase)));
  EXPECT_EQ(html.find("onclick=\"alert"), std::string::npos);
}

TEST_F(Papers, ABoardMembersPackIsSuppressedAndAnAnalystsIsNot) {
  auto suppressed_indicators = [](const json& pack) {
    int n = 0;
    for (const auto& f : pack["figures"])
      if (f["suppressed"].get<bool>() && f["source"] != "Hearth: young people's statements" &&
          f["id"].get<std::string>().rfind("survey:", 0) != 0)
        ++n;
    return n;
  };
  EXPECT_GT(suppressed_indicators(figures(held_, "board")), 0);
  EXPECT_EQ(suppressed_indicators(figures(held_, "analyst")), 0);

  // Through the web, by role: the Board member's copy suppressed and unmarked; the analyst's
  // marked OFFICIAL-SENSITIVE on every page.
  hearth::testing::Server server(cmd({"serve"}));
  const std::string path = "/api/v1/meetings/" + held_ + "/pack?format=html";
  hearth::testing::WebClient board(server.base());
  ASSERT_EQ(board.login("demo-board", kPassword), 200);
  auto b = board.get(path);
  ASSERT_EQ(b.status, 200) << b.body;
  EXPECT_NE(b.body.find("Small numbers are suppressed"), std::string::npos);
  EXPECT_EQ(b.body.find("OFFICIAL-SENSITIVE"), std::string::npos);
  EXPECT_NE(b.headers.find("attachment"), std::string::npos);
  hearth::testing::WebClient analyst(server.base());
  ASSERT_EQ(analyst.login("demo-analyst", kPassword), 200);
  auto a = analyst.get(path);
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_NE(a.body.find("@top-right { content: \"OFFICIAL-SENSITIVE\""), std::string::npos);
  EXPECT_EQ(a.body.find("Small numbers are suppressed"), std::string::npos);
  // The annual report likewise, and refused for a year not yet over.
  auto ar = analyst.get("/api/v1/annual-report?format=html&year=2025-26");
  ASSERT_EQ(ar.status, 200) << ar.body;
  EXPECT_NE(ar.body.find("OFFICIAL-SENSITIVE"), std::string::npos);
  auto early = board.get("/api/v1/annual-report?format=html&year=2030-31");
  EXPECT_EQ(early.status, 400);
  EXPECT_NE(early.body.find("year_not_ended"), std::string::npos) << early.body;
  // A young person, and a social worker, get nothing.
  hearth::testing::WebClient worker(server.base());
  ASSERT_EQ(worker.login("demo-worker", kPassword), 200);
  EXPECT_EQ(worker.get(path).status, 404);
}

}  // namespace
