// Officers' Markdown renders to HTML that can carry nothing active: raw HTML shows as its text,
// links go only to http, https and mailto, images become their words, headings start where the
// paper's section needs them, and bytes that are not UTF-8 do not get through.
#include "report/markdown.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

using hearth::report::safe_markdown_html;

// Nothing in `html` that a browser would run or fetch: every tag is one Markdown makes (no
// attributes but an href), and every href goes to http, https, mailto or this site.
void expect_inert(const std::string& html) {
  static const std::set<std::string> tags = {"p",          "a",    "strong", "em", "ul",
                                             "ol",         "li",   "h4",     "h5", "h6",
                                             "blockquote", "code", "pre",    "hr", "br"};
  for (auto at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    const auto end = html.find('>', at);
    ASSERT_NE(end, std::string::npos) << html;
    std::string tag = html.substr(at + 1, end - at - 1);
    if (!tag.empty() && tag[0] == '/') tag.erase(0, 1);
    if (!tag.empty() && tag.back() == '/') tag.pop_back();
    while (!tag.empty() && tag.back() == ' ') tag.pop_back();
    const std::string name = tag.substr(0, tag.find(' '));
    EXPECT_TRUE(tags.count(name)) << "<" << tag << "> in: " << html;
    if (name == "a" && tag != "a") {
      EXPECT_TRUE(tag.starts_with("a href=\"https://") || tag.starts_with("a href=\"http://") ||
                  tag.starts_with("a href=\"mailto:") || tag.starts_with("a href=\"/"))
          << tag;
      EXPECT_EQ(tag.find(' ', 2), std::string::npos) << "an attribute besides href: " << tag;
    } else if (name != "a") {
      EXPECT_EQ(tag, name) << "an attribute: " << tag;
    }
  }
}

TEST(Markdown, ProseListsEmphasisAndOrdinaryLinksAreKept) {
  const auto html = safe_markdown_html(
      "Health assessments are **late** because of *one* team.\n\n- a\n- b\n\n"
      "See [the plan](https://example.org/plan) or [mail us](mailto:cp@example.org) or "
      "[the scorecard](/scorecard).");
  EXPECT_NE(html.find("<strong>late</strong>"), std::string::npos) << html;
  EXPECT_NE(html.find("<em>one</em>"), std::string::npos);
  EXPECT_NE(html.find("<li>a</li>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://example.org/plan\">the plan</a>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"mailto:cp@example.org\">"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/scorecard\">"), std::string::npos);
}

TEST(Markdown, RawHtmlShowsAsTheTextItIs) {
  const auto block = safe_markdown_html("<script>alert(1)</script>\n\nAfter.");
  expect_inert(block);
  EXPECT_NE(block.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << block;
  EXPECT_NE(block.find("After."), std::string::npos);
  const auto inline_html = safe_markdown_html("Before <img src=x onerror=alert(1)> after <b>b</b>");
  expect_inert(inline_html);
  EXPECT_NE(inline_html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos)
      << inline_html;
  EXPECT_NE(inline_html.find("&lt;b&gt;"), std::string::npos);
  const auto div =
      safe_markdown_html("<div onclick=\"x()\">\n<iframe src=\"//evil\"></iframe>\n</div>");
  expect_inert(div);
  EXPECT_NE(div.find("&lt;iframe"), std::string::npos) << div;
}

TEST(Markdown, LinksAndImagesThatCouldRunOrFetchKeepOnlyTheirWords) {
  for (const char* md : {"[click](javascript:alert(1))", "[click](JaVaScRiPt:alert(1))",
                         "[click](java\tscript:alert(1))", "[click](vbscript:msgbox)",
                         "[click](data:text/html;base64,PHNjcmlwdD4=)", "[click](//evil.example/x)",
                         "<javascript:alert(1)>", "[click][r]\n\n[r]: javascript:alert(1)"}) {
    const auto html = safe_markdown_html(md);
    expect_inert(html);
    EXPECT_EQ(html.find("<a "), std::string::npos) << md << " -> " << html;
    if (md[0] != '<') {
      EXPECT_NE(html.find("click"), std::string::npos) << html;  // the words stay
    }
  }
  const auto img = safe_markdown_html("![a chart of visits](https://evil.example/track.png)");
  expect_inert(img);
  EXPECT_NE(img.find("a chart of visits"), std::string::npos) << img;
  const auto linked_img = safe_markdown_html("[![pic](x.png)](javascript:alert(1))");
  expect_inert(linked_img);
  EXPECT_NE(linked_img.find("pic"), std::string::npos) << linked_img;
}

TEST(Markdown, HeadingsStartAtTheSectionsLevel) {
  const auto html = safe_markdown_html("# Behind the figure\n\n### Detail\n\n###### Deep", 4);
  EXPECT_NE(html.find("<h4>Behind the figure</h4>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h6>Detail</h6>"), std::string::npos);
  EXPECT_NE(html.find("<h6>Deep</h6>"), std::string::npos);
  EXPECT_EQ(html.find("<h1>"), std::string::npos);
}

TEST(Markdown, BytesThatAreNotUtf8DoNotGetThrough) {
  const std::string bad = std::string("Caf") + char(0xE9) + " and " + char(0xC0) + char(0x80);
  const auto html = safe_markdown_html(bad);
  EXPECT_NE(html.find("\xEF\xBF\xBD"), std::string::npos) << html;  // U+FFFD
  EXPECT_EQ(html.find(char(0xE9)), std::string::npos);
  EXPECT_EQ(safe_markdown_html(""), "");
}

}  // namespace
