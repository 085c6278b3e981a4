// Surveys and the professional standards young people rate (docs/voice.md, "Surveys"): defined
// in TOML (Hearth ships reference/surveys/: the wellbeing survey for children in care, the annual
// care leavers survey and Medway's children in care council's "Top 10" standards; [voice]
// surveys_folder replaces them), never in code. Answers are anonymous; only counts reach anyone.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/dates.hpp"

namespace hearth::voice {

class SurveyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Question {
  std::string id;
  std::string text, text_ar;
  std::string scale;  // "agree", "happy", "yes_no", "often"
};

struct Survey {
  std::string id;
  std::string title, title_ar;
  std::string intro, intro_ar;
  std::string audience;  // "looked_after", "care_leaver" or "all"
  model::Date opens{}, closes{};
  std::vector<Question> questions;
  bool open_on(model::Date d) const { return d >= opens && d <= closes; }
};

struct Standard {
  std::string id;
  std::string name, name_ar;
};

// The answers a scale offers, best first ("strongly_agree", …); empty for an unknown scale.
const std::vector<std::string>& scale_answers(std::string_view scale);

struct SurveyBook {
  std::vector<Survey> surveys;
  std::vector<Standard> standards;
  const Survey* survey(std::string_view id) const;

  // The surveys and standards Hearth ships (reference/surveys, carried in the program).
  static const SurveyBook& shipped();
  // Every *.toml in `folder` (a file with [[standards]] gives the standards, any other one
  // survey). Throws SurveyError naming the file and what is wrong.
  static SurveyBook load(const std::filesystem::path& folder);
};

}  // namespace hearth::voice
