// hearth validate writes its findings as a stream (issue 13 item 24): the JSON is laid out exactly
// as the document tree's dump(2) was, and any byte that is not UTF-8 comes out as U+FFFD instead
// of stopping the output (item 7).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/finding.hpp"
#include "report/background_writer.hpp"
#include "report/finding.hpp"
#include "report/validation.hpp"
#include "ssda903/csv.hpp"

namespace hearth::report {
namespace {

// A 2025/26 dataset with all twelve tables, empty, to add rows to.
validation::ReturnTables empty_2025_26() {
  validation::ReturnTables ds;
  ds.year = model::CollectionYear{2026};
  for (const auto& info : ssda903::all_tables())
    ds.current[static_cast<std::size_t>(info.kind)].emplace(info.kind, false,
                                                            std::string(info.file_name));
  return ds;
}

validation::ReturnTables small(std::string_view ethnic) {
  validation::ReturnTables ds = empty_2025_26();
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
    // A reading finding is spelt as everywhere else (report::finding_json), with the year.
    rj.push_back(finding_json(reading, r.year));
    tree["reading"] = rj;
    if (!child.empty()) tree["child_id"] = child;
    EXPECT_EQ(streamed.str(), tree.dump(2) + "\n");
  }
  std::ostringstream csv;
  write_validation_csv(csv, r);
  EXPECT_EQ(csv.str(), validation_csv(r));
}

// What is the same for every finding of a rule in a table is laid out once and repeated; the
// output is still the document tree's, across many 64 KiB flushes (where a block cannot be kept).
TEST(ValidationStream, RepeatedRuleTextIsLaidOutAsTheDocumentTreesDump) {
  validation::ReturnTables ds = empty_2025_26();
  std::vector<std::string> ids;
  for (int i = 0; i < 2000; ++i) ids.push_back("C" + std::to_string(i));
  for (int i = 0; i < 2000; ++i) {
    const std::vector<std::string_view> row = {
        ids[i], i % 3 ? "9" : "1", "01/01/2010", i % 2 ? "XXXX" : "WBRI", "", "", ""};
    ds.current[0]->add_row(i + 2, row);
  }
  ds.finish();
  validation::Options rules;
  rules.only = {"101", "103"};
  auto r = validation::validate(ds, rules);
  ASSERT_GT(r.findings.size(), 2000u);
  std::ostringstream streamed;
  write_validation_json(streamed, r, {}, "");
  auto tree = validation_json(r);
  tree["reading"] = nlohmann::json::array();
  ASSERT_GT(streamed.str().size(), 10u * 64 * 1024);
  EXPECT_EQ(streamed.str(), tree.dump(2) + "\n");
  std::ostringstream csv;
  write_validation_csv(csv, r);
  std::string expected = "code,severity,table,file,row,child_id,fields,values,message,how_to_fix\n";
  for (const auto& f : r.findings) {
    std::vector<std::string> cells = {std::string(f.rule->code),
                                      std::string(model::severity_name(f.rule->severity)),
                                      f.table_name(),
                                      f.table->file(),
                                      std::to_string(f.row()),
                                      f.child};
    std::string fields, values;
    for (const auto& n : f.fields()) {
      fields += (fields.empty() ? "" : ",") + n;
      values += (values.empty() ? "" : "; ") + n + "=" +
                std::string(f.table->text(f.index, f.table->col(n)));
    }
    cells.insert(cells.end(),
                 {fields, values, std::string(f.rule->message), std::string(f.rule->how_to_fix)});
    for (std::size_t c = 0; c < cells.size(); ++c) {
      ssda903::append_csv_field(expected, cells[c]);
      expected += c + 1 < cells.size() ? ',' : '\n';
    }
  }
  EXPECT_EQ(csv.str(), expected);
}

// The writer thread writes every byte, in order, and a failed write is an error naming the file.
TEST(BackgroundWriter, WritesEveryByteInOrderAndReportsAFailedWrite) {
  const std::string path = ::testing::TempDir() + "/background_writer_test.txt";
  std::string expected;
  {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_GE(fd, 0);
    BackgroundStream out(fd, path);
    for (int i = 0; i < 200000; ++i) {
      const std::string line = std::to_string(i) + (i % 7 ? "," : "\n");
      out << line;
      expected += line;
      if (i % 50000 == 0) {  // a write larger than the buffer
        const std::string big(300000, static_cast<char>('a' + i / 50000));
        out.write(big.data(), static_cast<std::streamsize>(big.size()));
        expected += big;
      }
    }
    out.finish();
    ::close(fd);
  }
  std::ifstream in(path, std::ios::binary);
  std::string got((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(got.size(), expected.size());
  EXPECT_TRUE(got == expected);
  std::remove(path.c_str());

  const int full = ::open("/dev/full", O_WRONLY);
  if (full < 0) GTEST_SKIP() << "no /dev/full here";
  BackgroundStream out(full, "the report");
  out << std::string(3u << 20, 'x');
  try {
    out.finish();
    ADD_FAILURE() << "a write to a full device was not reported";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("writing the report failed"), std::string::npos)
        << e.what();
  }
  ::close(full);
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
  validation::ReturnTables ds = empty_2025_26();
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
