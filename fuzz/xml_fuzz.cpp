// libFuzzer target: any bytes as a 903 XML return. Reading must never crash, hang or leak, and
// every finding must be valid UTF-8 text.
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
  hearth::ssda903::read_xml("fuzz.xml", std::string_view(reinterpret_cast<const char*>(data), size),
                            ret, report);
  check_findings_utf8(report);
  return 0;
}
