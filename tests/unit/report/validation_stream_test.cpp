// hearth validate writes its findings as a stream (issue 13 item 24): the JSON is laid out exactly
// as the document tree's dump(2) was, and any byte that is not UTF-8 comes out as U+FFFD instead
// of stopping the output (item 7).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "model/finding.hpp"
#include "report/validation.hpp"

namespace hearth::report {
namespace {

validation::Dataset small(std::string_view ethnic) {
  validation::Dataset ds;
  ds.year = model::CollectionYear{2026};
  for (const auto& info : ssda903::all_tables())
    ds.current[static_cast<std::size_t>(info.kind)].emplace(info.kind, false,
                                                            std::string(info.file_name));
  auto& header = *ds.current[0];
  const std::vector<std::string_view> a = {"C1", "3", "01/01/2010", ethnic, "", "", ""};
  const std::vector<std::string_view> b = {"C\"2\n\t", "1", "2010-13-01", "WBRI", "", "", ""};
  header.add_row(2, a);
  header.add_row(3, b);
  ds.finish();
  return ds;
}

TEST(ValidationStream, JsonIsLaidOutAsTheDocumentTreesDump) {
  auto ds = small("XXXX");
  validation::Options only;
  only.only = {"101", "102", "103"};
  auto r = validation::validate(ds, only);
  ASSERT_GE(r.findings.size(), 3u);
  model::Finding reading;
  reading.rule = "ingest.spaces-trimmed";
  reading.severity = model::Severity::Query;
  reading.value = " C1 ";
  std::vector<model::Finding> read = {reading};
  for (const std::string child : {"", "C1"}) {
    std::ostringstream streamed;
    write_validation_json(streamed, r, read, child);
    auto tree = validation_json(r);
    nlohmann::json rj = nlohmann::json::array();
    rj.push_back({{"rule", reading.rule},
                  {"severity", "query"},
                  {"file", ""},
                  {"table", ""},
                  {"row", 0},
                  {"column", ""},
                  {"value", reading.value},
                  {"child_id", ""},
                  {"message", ""},
                  {"expected", ""},
                  {"how_to_fix", ""}});
    tree["reading"] = rj;
    if (!child.empty()) tree["child_id"] = child;
    EXPECT_EQ(streamed.str(), tree.dump(2) + "\n");
  }
  std::ostringstream csv;
  write_validation_csv(csv, r);
  EXPECT_EQ(csv.str(), validation_csv(r));
}

TEST(ValidationStream, BytesThatAreNotUtf8NeverStopTheOutput) {
  auto ds = small("WBR\xC9");  // a Latin-1 É that reached the tables (e.g. a stored value)
  validation::Options only;
  only.only = {"103"};
  auto r = validation::validate(ds, only);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_THROW(validation_json(r).dump(2), nlohmann::json::type_error);  // the old way
  std::ostringstream json, csv, table;
  write_validation_json(json, r, {}, "");
  write_validation_csv(csv, r);
  write_validation_table(table, r);
  for (const auto* out : {&json, &csv, &table}) {
    EXPECT_TRUE(model::is_utf8(out->str()));
    EXPECT_NE(out->str().find("WBR\xEF\xBF\xBD"), std::string::npos) << out->str();
  }
  EXPECT_EQ(nlohmann::json::parse(json.str())["findings"][0]["values"]["ETHNIC"],
            "WBR\xEF\xBF\xBD");
}

// A cell a spreadsheet would run (a CHILD of "=HYPERLINK(…)" in the return) is written as text.
TEST(ValidationStream, CsvCellsAreNeverFormulas) {
  validation::Dataset ds;
  ds.year = model::CollectionYear{2026};
  for (const auto& info : ssda903::all_tables())
    ds.current[static_cast<std::size_t>(info.kind)].emplace(info.kind, false,
                                                            std::string(info.file_name));
  const std::string child = "=HYPERLINK(\"http://x.example/\",\"open\")";
  const std::vector<std::string_view> row = {child, "3", "01/01/2010", "XXXX", "", "", ""};
  ds.current[0]->add_row(2, row);
  ds.finish();
  validation::Options only;
  only.only = {"103"};
  auto r = validation::validate(ds, only);
  ASSERT_EQ(r.findings.size(), 1u);
  std::ostringstream csv;
  write_validation_csv(csv, r);
  EXPECT_NE(csv.str().find(",\"'=HYPERLINK(\"\""), std::string::npos) << csv.str();
  EXPECT_EQ(csv.str().find(",\"=HYPERLINK"), std::string::npos) << csv.str();
  EXPECT_EQ(csv.str().find(",=HYPERLINK"), std::string::npos) << csv.str();
}

}  // namespace
}  // namespace hearth::report
