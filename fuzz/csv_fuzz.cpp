// libFuzzer target: any bytes as a 903 CSV file. Reading must never crash, hang or leak, and
// every row must be either taken or reported.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/finding.hpp"
#include "ssda903/reader.hpp"

// Every text a finding carries is valid UTF-8, whatever bytes came in (issue 13 item 7).
static void check_findings_utf8(const hearth::ssda903::ReadReport& report) {
  for (const auto& f : report.findings)
    for (const std::string* s : {&f.rule, &f.file, &f.table, &f.column, &f.value, &f.child,
                                 &f.message, &f.expected, &f.how_to_fix})
      if (!hearth::model::is_utf8(*s)) __builtin_trap();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hearth::ssda903::ReadReport report;
  hearth::model::Return ret;
  ret.year = hearth::model::CollectionYear{2025};
  hearth::ssda903::read_csv("fuzz.csv", std::string_view(reinterpret_cast<const char*>(data), size),
                            ret, report);
  // Every data row read is either in the return or counted as rejected.
  if (ret.total_rows() + report.rejected != report.rows) __builtin_trap();
  check_findings_utf8(report);
  return 0;
}
