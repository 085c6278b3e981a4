#include "report/markdown.hpp"

#include <cmark.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <vector>

namespace hearth::report {

namespace {

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct CharFree {
  void operator()(char* p) const { std::free(p); }
};

// http:, https: and mailto: links (any case), and links within the page or the site.
bool allowed_url(const char* url) {
  if (!url) return false;
  std::string u(url);
  std::string lower;
  for (char c : u) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;  // "java\nscript:"
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const auto colon = lower.find(':');
  const auto slash = lower.find_first_of("/?#");
  if (colon == std::string::npos || (slash != std::string::npos && slash < colon))
    return !lower.starts_with("//");  // relative: this site; "//host" is another's
  const std::string scheme = lower.substr(0, colon);
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

// The node's children, moved before it; then the node goes.
void unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    cmark_node_unlink(child);
    cmark_node_insert_before(node, child);
  }
  cmark_node_unlink(node);
  cmark_node_free(node);
}

cmark_node* text_node(const char* literal) {
  cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(t, literal ? literal : "");
  return t;
}

}  // namespace

std::string safe_markdown_html(std::string_view markdown, int top_heading) {
  top_heading = std::clamp(top_heading, 1, 6);
  std::unique_ptr<cmark_node, NodeFree> doc(cmark_parse_document(
      markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
  // What to change, found first: the tree is not changed while it is walked.
  std::vector<cmark_node*> html_blocks, html_inlines, images, links, headings;
  cmark_iter* it = cmark_iter_new(doc.get());
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HTML_BLOCK:
        html_blocks.push_back(n);
        break;
      case CMARK_NODE_HTML_INLINE:
        html_inlines.push_back(n);
        break;
      case CMARK_NODE_IMAGE:
        images.push_back(n);
        break;
      case CMARK_NODE_LINK:
        if (!allowed_url(cmark_node_get_url(n))) links.push_back(n);
        break;
      case CMARK_NODE_HEADING:
        headings.push_back(n);
        break;
      default:
        break;
    }
  }
  cmark_iter_free(it);
  // Raw HTML: the text it is. A block becomes a paragraph of that text.
  for (cmark_node* n : html_blocks) {
    std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
    while (!literal.empty() && (literal.back() == '\n' || literal.back() == '\r'))
      literal.pop_back();
    cmark_node* para = cmark_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node_append_child(para, text_node(literal.c_str()));
    cmark_node_replace(n, para);
    cmark_node_free(n);
  }
  for (cmark_node* n : html_inlines) {
    cmark_node_replace(n, text_node(cmark_node_get_literal(n)));
    cmark_node_free(n);
  }
  // Images and links elsewhere keep their words only (innermost first: a link may hold an image).
  for (auto n = images.rbegin(); n != images.rend(); ++n) unwrap(*n);
  for (auto n = links.rbegin(); n != links.rend(); ++n) unwrap(*n);
  for (cmark_node* n : headings)
    cmark_node_set_heading_level(n, std::min(6, cmark_node_get_heading_level(n) + top_heading - 1));
  std::unique_ptr<char, CharFree> html(cmark_render_html(doc.get(), CMARK_OPT_DEFAULT));
  return html ? std::string(html.get()) : std::string();
}

}  // namespace hearth::report
