#include <fmt/format.h>

#include <cmath>

#include "report/scorecard.hpp"

namespace hearth::report {

using indicators::Unit;

std::string format_count(double v) {
  if (std::abs(v - std::round(v)) > 1e-6) return fmt::format("{:.2f}", v);
  const long long n = std::llround(v);
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string format_value(Unit unit, std::optional<double> v) {
  if (!v) return "-";
  switch (unit) {
    case Unit::Count:
      return format_count(*v);
    case Unit::Percent:
      return fmt::format("{:.1f}%", *v);
    case Unit::RatePer10000:
    case Unit::Score:
    case Unit::Ratio:
      return fmt::format("{:.1f}", *v);
    case Unit::Days:
      return format_count(std::round(*v)) + " days";
  }
  return "";
}

std::string format_shown(const indicators::Indicator& ind, const indicators::Shown& s) {
  if (!s.value.available) return "no data";
  if (s.suppressed) return "c";
  return format_value(ind.unit, s.value.value);
}

}  // namespace hearth::report
