#include "report/paper_parts.hpp"

#include <fmt/format.h>

#include <cctype>

#include "indicators/registry.hpp"
#include "report/markdown.hpp"
#include "report/scorecard.hpp"
#include "voice/clock.hpp"

namespace hearth::report::paper {

using html::esc;
using html::long_date;
using nlohmann::json;

std::string Figures::add(PaperFigure f) {
  if (f.section.empty()) f.section = section;
  std::string h = fmt::format("<span data-figure=\"{}\">{}</span>", esc(f.id), esc(f.shown));
  if (out_) out_->push_back(std::move(f));
  return h;
}

std::string Figures::count(const std::string& id, const std::string& label, double n,
                           const std::string& period, const std::string& definition,
                           const std::string& source) {
  return maybe(id, label, json(n), period, definition, source);
}

std::string Figures::maybe(const std::string& id, const std::string& label, const json& n,
                           const std::string& period, const std::string& definition,
                           const std::string& source) {
  PaperFigure f;
  f.id = id;
  f.label = label;
  f.period = period;
  f.unit = "count";
  f.definition = definition;
  f.source = source;
  if (n.is_number()) {
    f.value = n.get<double>();
    f.shown = format_count(*f.value);
  } else {
    f.shown = "c";
    f.suppressed = true;
  }
  return add(std::move(f));
}

std::string Figures::shown(const std::string& id, const indicators::Entry& e,
                           const indicators::Shown& s, const std::string& period) {
  const auto& ind = *e.indicator;
  PaperFigure f;
  f.id = id;
  f.label = std::string(ind.title);
  f.period = period;
  f.shown = format_shown(ind, s);
  f.unit = std::string(indicators::unit_name(ind.unit));
  f.definition = std::string(ind.numerator) + (ind.denominator.empty() ? "" : " out of ") +
                 std::string(ind.denominator) + ". " + std::string(ind.definition);
  f.source = std::string(indicators::source_name(ind.source));
  f.suppressed = s.suppressed;
  if (s.value.available && !s.suppressed) {
    f.value = s.value.value;
    f.numerator = s.value.numerator;
    f.denominator = s.value.denominator;
  }
  return add(std::move(f));
}

void Figures::comparator(const indicators::Entry& e, const indicators::Comparator& c) {
  const auto& ind = *e.indicator;
  PaperFigure f;
  f.id = fmt::format("{}/{}-{}", ind.key, c.kind, c.year);
  f.label = std::string(ind.title) + ": " + c.name;
  f.period = fmt::format("{}-{:02}", c.year - 1, c.year % 100);
  f.shown = format_value(ind.unit, c.value);
  f.value = c.value;
  f.numerator = c.numerator;
  f.denominator = c.denominator;
  f.unit = std::string(indicators::unit_name(ind.unit));
  f.definition = "The published figure for " + c.name;
  f.source = c.source;
  add(std::move(f));
}

std::string date_time(model::Instant t) {
  const auto local = t + voice::england_offset(t);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::minutes>(local - day)};
  return fmt::format("{} at {:02}:{:02}", long_date(model::Date{day}), hms.hours().count(),
                     hms.minutes().count());
}

namespace {

// A CSS string's contents: nothing can end the string or the style element.
std::string css_text(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '"' || c == '\\' || c == '<' || c == '>' || c < 0x20)
      out += fmt::format("\\{:x} ", c);
    else
      out += static_cast<char>(c);
  }
  return out;
}

constexpr std::string_view kPaperCss = R"(
h3, h4 { break-after: avoid; }
h4 { font-size: 10pt; margin: 2mm 0 1mm; }
h5, h6 { font-size: 9.5pt; margin: 1.5mm 0 .5mm; }
.marking { font-weight: bold; text-align: right; margin: 0 0 2mm; letter-spacing: .05em; }
.cover { min-height: 60mm; }
nav ol { margin: 0; padding-left: 6mm; } nav li { line-height: 2; } nav a { color: #1d70b8; }
table.list { font-size: 9pt; margin: 1mm 0 3mm; }
table.list th, table.list td { border-bottom: 1px solid #b1b4b6; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
table.list td.num, table.list th.num { text-align: right; white-space: nowrap; }
.commentary { border-left: 4px solid #1d70b8; padding: 0 0 0 2.5mm; margin: 2mm 0; font-size: 9pt; }
.commentary p { margin: .5mm 0 1.5mm; }
.prose p { margin: 0 0 2mm; }
.empty { color: #505a5f; font-style: italic; }
.yswd { border: 1px solid #b1b4b6; padding: 2mm 3mm; margin: 0 0 2mm; break-inside: avoid; }
.yswd p { margin: 0 0 1mm; }
.generated { font-size: 8pt; color: #505a5f; }
@media screen { body { background: #fff; } main { padding: 6mm 4mm; } }
)";

}  // namespace

std::string open_page(const std::string& title, const std::string& running,
                      const services::PaperBase& p) {
  std::string page = fmt::format(
      "@page {{ size: A4; margin: 18mm 13mm 18mm; @top-left {{ content: \"{}\"; font: 8pt Arial, "
      "sans-serif; color: #505a5f; }} {} @bottom-right {{ content: \"Page \" counter(page) \" of "
      "\" counter(pages); font: 8pt Arial, sans-serif; color: #505a5f; }} }}",
      css_text(running),
      p.suppressed ? ""
                   : "@top-right { content: \"OFFICIAL-SENSITIVE\"; font: bold 9pt Arial, "
                     "sans-serif; }");
  std::string h =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  h += fmt::format("<title>{}</title><style>{}{}{}</style></head><body><main>", esc(title),
                   html::paper_css(), kPaperCss, page);
  if (!p.suppressed) h += "<p class=\"marking\">OFFICIAL-SENSITIVE</p>";
  return h;
}

std::string close_page(const services::PaperBase& p, const std::string& what) {
  return fmt::format(
      "<footer><p>{} Produced by Hearth from the council's SSDA903 returns, local records and "
      "the Board's own records as they stood at the end of {}. Comparators: the Department for "
      "Education's published statistics. Every figure, with its numerator, denominator and "
      "definition, is in the spreadsheet appendix.</p><p class=\"generated\">Generated {}.</p>"
      "</footer></main></body></html>\n",
      esc(what), long_date(p.as_of), date_time(p.generated_at));
}

std::string notices(const services::PaperBase& p) {
  std::string h;
  if (p.suppressed)
    h += fmt::format(
        "<p class=\"notice\">Small numbers are suppressed to protect children's privacy: "
        "<strong>c</strong> marks a count from 1 to {} and any figure built on one.</p>",
        p.scorecard.threshold - 1);
  else
    h += "<p class=\"notice warn\"><strong>OFFICIAL-SENSITIVE: not for publication.</strong> "
         "This version shows small numbers that could identify children.</p>";
  if (p.records_to < p.as_of)
    h += fmt::format("<p class=\"notice\">The council's records reach {}.</p>",
                     long_date(p.records_to));
  if (!p.scorecard.warning.empty())
    h += "<p class=\"notice warn\"><strong>Warning.</strong> " + esc(p.scorecard.warning) + "</p>";
  if (!p.arrangements_note.empty()) h += "<p class=\"notice\">" + esc(p.arrangements_note) + "</p>";
  return h;
}

std::string markdown(const std::string& md, int top_heading) {
  return safe_markdown_html(md, top_heading);
}

std::string card_status(const std::string& status) {
  if (status == "raised") return "Raised, not yet accepted";
  if (status == "accepted") return "Accepted by the participation officer";
  if (status == "actions_agreed") return "Actions agreed";
  if (status == "answered") return "Answered";
  return status;
}

std::string you_said_we_did(const std::vector<store::Card>& cards) {
  std::string h;
  for (const auto& c : cards)
    h += fmt::format(
        "<div class=\"yswd\"><p><strong>You said:</strong> {}</p><p><strong>We did:</strong> "
        "{}</p><p class=\"def\">Approved by the participation officer on {}.</p></div>",
        esc(c.challenge), esc(c.response), c.approved_at ? date_time(*c.approved_at) : "");
  return h;
}

}  // namespace hearth::report::paper
