// libFuzzer target: any bytes as a 903 CSV file. Reading must never crash, hang or leak, and
// every row must be either taken or reported.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ssda903/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hearth::ssda903::ReadReport report;
  hearth::model::Return ret;
  ret.year = hearth::model::CollectionYear{2025};
  hearth::ssda903::read_csv("fuzz.csv", std::string_view(reinterpret_cast<const char*>(data), size),
                            ret, report);
  // Every data row read is either in the return or counted as rejected.
  if (ret.total_rows() + report.rejected != report.rows) __builtin_trap();
  return 0;
}
