// libFuzzer target: any bytes as a local-records CSV (Standard Safeguarding Dataset names).
// Reading must never crash, hang or leak; a file that is not a local table says so (false), and
// every data row of one that is must be taken or reported.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "local/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  (void)hearth::local::looks_local(content);
  hearth::local::LocalRead out;
  if (!hearth::local::read_local_csv("fuzz.csv", content, out)) return 0;
  if (out.report.rejected > out.report.rows) __builtin_trap();
  return 0;
}
