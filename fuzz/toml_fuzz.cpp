// libFuzzer target: any bytes as Hearth's TOML configuration file, read by every module that
// owns a section of it ([timescales], [scorecard]). A bad file must be a ConfigError naming the
// key or line — never a crash, a hang or another exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indicators/scorecard.hpp"
#include "timescales/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)hearth::timescales::parse_config(text, "fuzz.toml");
  } catch (const hearth::timescales::ConfigError&) {
  }
  try {
    (void)hearth::indicators::parse_scorecard_config(text, "fuzz.toml");
  } catch (const hearth::indicators::ScorecardConfigError&) {
  }
  return 0;
}
