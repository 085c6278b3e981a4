// The words a statement is made of (../shared/spec/access-and-voice.md, "Statements"): a mood
// from a fixed scale with pictures, a topic, and what it is for. Names are the API's; the words
// people read come from the message catalogue (voice/messages.hpp) in their language.
#pragma once

#include <array>
#include <string_view>

namespace hearth::voice {

inline constexpr std::array<std::string_view, 6> kMoods{"great", "good",  "okay",
                                                        "sad",   "angry", "scared"};
inline constexpr std::array<std::string_view, 8> kTopics{
    "home",      "school", "family_time",  "health",
    "my_worker", "money",  "where_i_live", "something_else"};
// "" (just saying), "prepare" (for my review or meeting), "good_news"
inline constexpr std::array<std::string_view, 3> kPurposes{"", "prepare", "good_news"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& names, std::string_view v) {
  for (auto n : names)
    if (n == v) return true;
  return false;
}

// The longest statement or reply, in characters (a child's long letter fits; 100 KB does not).
inline constexpr std::size_t kMaxTextCharacters = 5000;

}  // namespace hearth::voice
