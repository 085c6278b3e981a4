// What the young people's server-rendered pages are made with (young_pages.cpp): the message
// catalogue in each language, the page templates (Mustache, escaped by default), the mood
// pictures, form bodies, dates in the reader's words. Pages work with no script at all: a child's
// cry for help must not depend on JavaScript loading.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model/instant.hpp"

namespace hearth::web::young {

using nlohmann::json;

// The languages with a catalogue ("en", "ar"); the first is the default.
const std::vector<std::string>& languages();
// The language's messages (every key of English, English filling any gap).
const json& catalogue(const std::string& lang);
bool right_to_left(const std::string& lang);
// Message `key` with {name} placeholders filled in.
std::string say(const std::string& lang, const std::string& key,
                const std::map<std::string, std::string>& fill = {});

// "3 December 2026 at 18:02" on the clock in England, in the language's words.
std::string when(const std::string& lang, model::Instant t);
// "3 December 2026".
std::string day(const std::string& lang, int y, unsigned m, unsigned d);

// Renders body template `name` (young/templates/NAME.mustache) with `data` (a JSON object; the
// catalogue is added as `t`), inside the layout. HTML-escaped except the {{{triple}}} fields.
std::string render(const std::string& name, json data, const std::string& lang,
                   const std::string& title);

// The picture for a mood (an inline SVG face, hidden from screen readers: the word says it).
std::string mood_picture(std::string_view mood);

// An application/x-www-form-urlencoded body (or query) as name → value (the last of a name wins);
// bytes that are not UTF-8 are kept as given (the services refuse them with a clear message).
std::map<std::string, std::string> parse_form(std::string_view body);

}  // namespace hearth::web::young
