#include "voice/surveys.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <span>
#include <sstream>

#include "model/embedded_file.hpp"

namespace hearth::voice::embedded {
std::span<const model::EmbeddedFile> shipped_surveys();
}

namespace hearth::voice {

namespace {

std::string text(const toml::table& t, std::string_view key, const std::string& where,
                 bool required) {
  auto v = t[key].value<std::string>();
  if (!v && (required || t.contains(key)))
    throw SurveyError(where + ": " + std::string(key) + " must be text in quotes");
  return v.value_or("");
}

model::Date date(const toml::table& t, std::string_view key, const std::string& where) {
  auto v = t[key].value<toml::date>();
  if (!v) throw SurveyError(where + ": " + std::string(key) + " must be a date, e.g. 2026-04-01");
  return model::make_date(v->year, v->month, v->day);
}

void read_into(SurveyBook& book, std::string_view source, const std::string& where) {
  toml::table doc;
  try {
    doc = toml::parse(source, where);
  } catch (const toml::parse_error& e) {
    throw SurveyError(where + ": " + std::string(e.description()));
  }
  if (doc.contains("standards")) {
    const auto* arr = doc["standards"].as_array();
    if (!arr) throw SurveyError(where + ": [[standards]] must be a list");
    for (const auto& e : *arr) {
      const auto* t = e.as_table();
      if (!t) throw SurveyError(where + ": each [[standards]] is a table");
      Standard s{text(*t, "id", where, true), text(*t, "name", where, true),
                 text(*t, "name_ar", where, false)};
      book.standards.push_back(std::move(s));
    }
    return;
  }
  Survey s;
  s.id = text(doc, "id", where, true);
  s.title = text(doc, "title", where, true);
  s.title_ar = text(doc, "title_ar", where, false);
  s.intro = text(doc, "intro", where, false);
  s.intro_ar = text(doc, "intro_ar", where, false);
  s.audience = text(doc, "audience", where, true);
  if (s.audience != "looked_after" && s.audience != "care_leaver" && s.audience != "all")
    throw SurveyError(where + ": audience is looked_after, care_leaver or all");
  s.opens = date(doc, "opens", where);
  s.closes = date(doc, "closes", where);
  if (s.closes < s.opens) throw SurveyError(where + ": closes is before opens");
  const auto* qs = doc["questions"].as_array();
  if (!qs || qs->empty()) throw SurveyError(where + ": a survey needs [[questions]]");
  std::set<std::string> ids;
  for (const auto& e : *qs) {
    const auto* t = e.as_table();
    if (!t) throw SurveyError(where + ": each [[questions]] is a table");
    Question q{text(*t, "id", where, true), text(*t, "text", where, true),
               text(*t, "text_ar", where, false), text(*t, "scale", where, true)};
    if (scale_answers(q.scale).empty())
      throw SurveyError(where + ": question " + q.id + ": scale is agree, happy, yes_no or often");
    if (!ids.insert(q.id).second) throw SurveyError(where + ": question " + q.id + " is twice");
    s.questions.push_back(std::move(q));
  }
  for (const auto& other : book.surveys)
    if (other.id == s.id) throw SurveyError(where + ": survey " + s.id + " is defined twice");
  book.surveys.push_back(std::move(s));
}

}  // namespace

const std::vector<std::string>& scale_answers(std::string_view scale) {
  static const std::vector<std::string> agree{"strongly_agree", "agree", "neither", "disagree",
                                              "strongly_disagree"};
  static const std::vector<std::string> happy{"very_happy", "happy", "okay", "unhappy",
                                              "very_unhappy"};
  static const std::vector<std::string> yes_no{"yes", "no", "not_sure"};
  static const std::vector<std::string> often{"never", "rarely", "sometimes", "often"};
  static const std::vector<std::string> none;
  if (scale == "agree") return agree;
  if (scale == "happy") return happy;
  if (scale == "yes_no") return yes_no;
  if (scale == "often") return often;
  return none;
}

const Survey* SurveyBook::survey(std::string_view id) const {
  for (const auto& s : surveys)
    if (s.id == id) return &s;
  return nullptr;
}

const SurveyBook& SurveyBook::shipped() {
  static const SurveyBook book = [] {
    SurveyBook b;
    for (const auto& f : embedded::shipped_surveys()) read_into(b, f.text, std::string(f.name));
    return b;
  }();
  return book;
}

SurveyBook SurveyBook::load(const std::filesystem::path& folder) {
  SurveyBook b;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(folder, ec))
    if (e.path().extension() == ".toml") files.push_back(e.path());
  if (ec) throw SurveyError("cannot read the surveys folder " + folder.string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::ostringstream ss;
    ss << in.rdbuf();
    read_into(b, ss.str(), f.string());
  }
  return b;
}

}  // namespace hearth::voice
