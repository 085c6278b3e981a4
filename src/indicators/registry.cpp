#include "indicators/registry.hpp"

#include <vector>

namespace hearth::indicators {

std::string_view section_title(Section s) {
  switch (s) {
    case Section::Context:
      return "Context";
    case Section::SafetyAndPermanence:
      return "Safety and permanence";
    case Section::Independence:
      return "Preparing for independence and adulthood";
    case Section::Health:
      return "Health and wellbeing";
    case Section::Education:
      return "Education, training and employment";
    case Section::Listening:
      return "Listening to you and participation";
  }
  return "";
}

std::string_view unit_name(Unit u) {
  switch (u) {
    case Unit::Count:
      return "count";
    case Unit::Percent:
      return "percent";
    case Unit::RatePer10000:
      return "rate_per_10000";
    case Unit::Days:
      return "days";
    case Unit::Score:
      return "score";
    case Unit::Ratio:
      return "ratio";
  }
  return "";
}

std::string_view polarity_name(Polarity p) {
  switch (p) {
    case Polarity::HigherIsBetter:
      return "higher_is_better";
    case Polarity::LowerIsBetter:
      return "lower_is_better";
    case Polarity::Context:
      return "context";
  }
  return "";
}

std::string_view source_name(Source s) {
  switch (s) {
    case Source::Ssda903:
      return "903";
    case Source::Local:
      return "local";
    case Source::Ssda903OrLocal:
      return "903 / local";
    case Source::NotHeld:
      return "not held";
  }
  return "";
}

std::span<const Indicator> all_indicators() {
  static const std::vector<Indicator> all = [] {
    std::vector<Indicator> v;
    for (auto section : {measures::context(), measures::stability_and_placements(),
                         measures::safety_and_permanence(), measures::independence(),
                         measures::health(), measures::education(), measures::listening()})
      v.insert(v.end(), section.begin(), section.end());
    return v;
  }();
  return all;
}

const Indicator* indicator_by_key(std::string_view key) {
  for (const auto& i : all_indicators())
    if (i.key == key) return &i;
  return nullptr;
}

}  // namespace hearth::indicators
