// Officers' commentary and the annual report's written sections are Markdown (docs/papers.md):
// rendered to HTML that can carry nothing active. Raw HTML (a <script>, an <img onerror>, any
// tag) shows as the text it is; links go only to http, https and mailto (any other keeps its
// words, without the link); images become their words; headings start at `top_heading` so a
// section's outline stays the document's. Bytes that are not UTF-8 become U+FFFD. cmark
// (CommonMark's reference parser, Debian's libcmark) reads it; its own safe mode stays on too.
#pragma once

#include <string>
#include <string_view>

namespace hearth::report {

std::string safe_markdown_html(std::string_view markdown, int top_heading = 4);

}  // namespace hearth::report
