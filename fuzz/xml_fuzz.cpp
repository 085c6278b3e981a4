// libFuzzer target: any bytes as a 903 XML return.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ssda903/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hearth::ssda903::ReadReport report;
  hearth::model::Return ret;
  hearth::ssda903::read_xml("fuzz.xml", std::string_view(reinterpret_cast<const char*>(data), size),
                            ret, report);
  return 0;
}
