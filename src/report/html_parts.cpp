#include "report/html_parts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/scorecard.hpp"

namespace hearth::report::html {

using indicators::Entry;
using indicators::Indicator;
using indicators::Rag;
using indicators::Unit;

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string long_date(model::Date d) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  std::chrono::year_month_day ymd{d};
  return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
}

std::string rag_text(Rag r) {
  switch (r) {
    case Rag::Green:
      return "On target";
    case Rag::Amber:
      return "Near target";
    case Rag::Red:
      return "Off target";
    case Rag::None:
      return "No rating";
  }
  return "";
}

std::string rag_badge(Rag r) {
  const char* symbol = r == Rag::Green   ? "&#9679;"
                       : r == Rag::Amber ? "&#9650;"
                       : r == Rag::Red   ? "&#9632;"
                                         : "&#8211;";
  if (r == Rag::None)
    return "<span class=\"rag rag-none\"><span aria-hidden=\"true\">&ndash;</span><span "
           "class=\"visually-hidden\">No rating</span></span>";
  return fmt::format("<span class=\"rag rag-{}\"><span aria-hidden=\"true\">{}</span> {}</span>",
                     r == Rag::None ? "none" : std::string(indicators::rag_name(r)), symbol,
                     rag_text(r));
}

static std::optional<double> shown_number(const indicators::Shown& s) {
  if (!s.value.available || s.suppressed) return std::nullopt;
  return s.value.value;
}

static double nice_ceiling(double v) {
  if (v <= 0) return 1;
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * p >= v) return m * p;
  return 10 * p;
}

static std::string axis_label(Unit u, double v) {
  return u == Unit::Percent ? fmt::format("{:g}%", v) : fmt::format("{:g}", v);
}

// A line chart of the trend with the target as a dashed line. The table after it carries the
// same figures for anyone who cannot see the chart.
std::string trend_chart(const Entry& e, const std::vector<indicators::Point>& pts,
                        const std::string& id) {
  const Indicator& ind = *e.indicator;
  if (pts.empty()) return {};
  constexpr double W = 330, H = 95, L = 44, R = 10, T = 10, B = 24;
  std::vector<std::optional<double>> v;
  double hi = 0;
  for (const auto& p : pts) {
    v.push_back(shown_number(p.shown));
    if (v.back()) hi = std::max(hi, *v.back());
  }
  if (e.target) hi = std::max(hi, e.target->value);
  double top = nice_ceiling(hi * 1.1);
  if (ind.unit == Unit::Percent) top = std::min(100.0, top);
  const double lo = 0;
  const std::size_t n = pts.size();
  auto x = [&](std::size_t i) {
    return n == 1 ? L + (W - L - R) / 2
                  : L + (W - L - R) * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  auto y = [&](double val) { return T + (H - T - B) * (1 - (val - lo) / (top - lo)); };

  std::string desc =
      fmt::format("{} by {}, from {} to {}.", ind.title,
                  pts.front().period.kind == indicators::PeriodKind::Year ? "year" : "period",
                  pts.front().period.label, pts.back().period.label);
  if (e.target)
    desc += " The dashed line is the target, " + format_value(ind.unit, e.target->value) + ".";
  std::string s = fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{}-t {}-d\">"
      "<title id=\"{}-t\">Trend: {}</title><desc id=\"{}-d\">{} The table below gives the "
      "figures.</desc>",
      W, H, id, id, id, esc(ind.title), id, esc(desc));
  // axes and grid
  for (double g : {lo, (lo + top) / 2, top}) {
    s += fmt::format(
        "<line class=\"grid\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>", L, y(g),
        W - R, y(g));
    s += fmt::format("<text class=\"axis\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>",
                     L - 4, y(g) + 3, axis_label(ind.unit, g));
  }
  s += fmt::format("<text class=\"axis\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"start\">{}</text>",
                   x(0), H - 6, esc(pts.front().period.label));
  if (n > 1)
    s += fmt::format("<text class=\"axis\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>",
                     x(n - 1), H - 6, esc(pts.back().period.label));
  if (e.target) {
    const double ty = y(std::clamp(e.target->value, lo, top));
    s += fmt::format(
        "<line class=\"target\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>", L, ty,
        W - R, ty);
    s += fmt::format(
        "<text class=\"target-label\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">Target</text>",
        W - R, ty - 3);
  }
  std::string path;
  for (std::size_t i = 0; i < n; ++i) {
    if (!v[i]) continue;
    const bool start = i == 0 || !v[i - 1];
    path += fmt::format("{}{:.1f},{:.1f} ", start ? "M" : "L", x(i), y(*v[i]));
  }
  if (!path.empty()) s += "<path class=\"line\" d=\"" + path + "\"/>";
  for (std::size_t i = 0; i < n; ++i)
    if (v[i])
      s += fmt::format("<circle class=\"dot\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.6\"/>", x(i),
                       y(*v[i]));
  s += "</svg>";
  return s;
}

// "Q4<br>24-25", "2024-25", "Mar<br>2025": narrow enough for 8 to 12 columns.
static std::string short_label(const indicators::ReportingPeriod& p) {
  if (p.kind == indicators::PeriodKind::Year) return esc(p.label);
  auto sp = p.label.rfind(' ');
  if (sp == std::string::npos) return esc(p.label);
  std::string head = p.label.substr(0, sp), tail = p.label.substr(sp + 1);
  if (p.kind == indicators::PeriodKind::Quarter) return esc(tail) + "<br>" + esc(head.substr(2));
  return esc(head) + "<br>" + esc(tail);
}

std::string trend_table(const Entry& e, const std::vector<indicators::Point>& pts) {
  const Indicator& ind = *e.indicator;
  std::string s =
      "<table class=\"alt\"><caption class=\"visually-hidden\">Figures for the chart: " +
      esc(ind.title) + "</caption><thead><tr><th scope=\"row\">Period</th>";
  for (const auto& p : pts) s += "<th scope=\"col\">" + short_label(p.period) + "</th>";
  s += "</tr></thead><tbody><tr><th scope=\"row\">Value</th>";
  for (const auto& p : pts) s += "<td>" + esc(format_shown(ind, p.shown)) + "</td>";
  s += "</tr></tbody></table>";
  return s;
}

std::string sparkline(const Entry& e) {
  std::vector<double> v;
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < e.trend.size(); ++i)
    if (auto x = shown_number(e.trend[i].shown)) {
      v.push_back(*x);
      at.push_back(i);
    }
  if (v.size() < 2) return "";
  const double hi = *std::max_element(v.begin(), v.end()),
               lo = *std::min_element(v.begin(), v.end());
  const double span = hi - lo > 0 ? hi - lo : 1;
  const double n = static_cast<double>(std::max<std::size_t>(e.trend.size() - 1, 1));
  std::string path;
  for (std::size_t k = 0; k < v.size(); ++k)
    path += fmt::format("{}{:.1f},{:.1f} ", k ? "L" : "M", 2 + 76 * static_cast<double>(at[k]) / n,
                        18 - 16 * (v[k] - lo) / span);
  return "<svg class=\"spark\" viewBox=\"0 0 80 20\" aria-hidden=\"true\" "
         "focusable=\"false\"><path d=\"" +
         path + "\"/></svg>";
}

std::string numerator_text(const Entry& e) {
  const Indicator& ind = *e.indicator;
  const auto& v = e.current.value;
  if (!v.available || e.current.suppressed) return {};
  switch (ind.unit) {
    case Unit::Percent:
      return v.denominator ? fmt::format("{} out of {}", format_count(v.numerator),
                                         format_count(*v.denominator))
                           : "";
    case Unit::RatePer10000:
      return v.denominator ? fmt::format("{} children; population {}", format_count(v.numerator),
                                         format_count(*v.denominator))
                           : "";
    case Unit::Days:
    case Unit::Score:
      return v.denominator ? fmt::format("average over {}", format_count(*v.denominator)) : "";
    case Unit::Ratio:
      return v.denominator ? fmt::format("{} over {}", format_count(v.numerator),
                                         format_count(*v.denominator))
                           : "";
    case Unit::Count:
      return {};
  }
  return {};
}

constexpr std::string_view kCss = R"(
@page { size: A4; margin: 14mm 13mm 16mm; }
* { box-sizing: border-box; }
body { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; color: #0b0c0c; font-size: 10pt; line-height: 1.35; margin: 0; }
main { max-width: 190mm; margin: 0 auto; padding: 6mm 0; }
h1 { font-size: 22pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; border-bottom: 2px solid #0b0c0c; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 0 0 1mm; }
.kicker { font-size: 11pt; color: #505a5f; margin: 0; text-transform: uppercase; letter-spacing: .04em; }
.meta { font-size: 11pt; margin: 0 0 3mm; }
.notice { border-left: 5px solid #1d70b8; padding: 2mm 3mm; background: #f3f2f1; margin: 0 0 3mm; }
.notice.warn { border-left-color: #d4351c; }
table { border-collapse: collapse; width: 100%; }
.summary th, .summary td { border-bottom: 1px solid #b1b4b6; padding: 1.2mm 1.5mm; text-align: left; vertical-align: middle; }
.summary td.num, .summary th.num { text-align: right; white-space: nowrap; }
.summary tbody th[colspan] { background: #f3f2f1; font-size: 10.5pt; }
.summary a { color: #1d70b8; }
.rag { font-weight: bold; white-space: nowrap; }
.rag-green { color: #00703c; } .rag-amber { color: #8a4a00; } .rag-red { color: #d4351c; } .rag-none { color: #505a5f; font-weight: normal; }
.spark { width: 22mm; height: 5.5mm; } .spark path { fill: none; stroke: #1d70b8; stroke-width: 1.4; }
.cards { display: flex; flex-wrap: wrap; gap: 4mm; }
.card { border: 1px solid #b1b4b6; padding: 2.5mm; width: calc(50% - 2mm); min-width: 0; overflow: hidden; break-inside: avoid; page-break-inside: avoid; }
.why { margin: 0 0 2mm; color: #0b0c0c; }
.value { font-size: 20pt; font-weight: bold; margin: 0; }
.value small { font-size: 9pt; font-weight: normal; color: #505a5f; display: block; }
dl.facts { display: grid; grid-template-columns: auto 1fr; gap: .3mm 3mm; margin: 1.5mm 0; font-size: 8.5pt; }
dl.facts dt { color: #505a5f; } dl.facts dd { margin: 0; }
.chart { width: 100%; height: auto; display: block; margin: 1mm 0; }
.chart .grid { stroke: #dcdcdc; stroke-width: .6; } .chart .axis { font-size: 8px; fill: #505a5f; }
.chart .line { fill: none; stroke: #1d70b8; stroke-width: 2; } .chart .dot { fill: #1d70b8; }
.chart .target { stroke: #0b0c0c; stroke-width: 1.2; stroke-dasharray: 4 3; } .chart .target-label { font-size: 8px; fill: #0b0c0c; }
table.alt { font-size: 6.5pt; margin-top: 1mm; table-layout: fixed; }
table.alt th[scope=row] { width: 8mm; } table.alt th, table.alt td { border: 1px solid #dcdcdc; padding: .3mm .4mm; text-align: right; white-space: nowrap; overflow: hidden; }
table.alt th[scope=row] { text-align: left; font-weight: normal; color: #505a5f; }
.def { font-size: 8pt; color: #505a5f; margin: 1.5mm 0 0; }
.nodata { color: #505a5f; font-style: italic; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { font-size: 8pt; color: #505a5f; margin-top: 6mm; border-top: 1px solid #b1b4b6; padding-top: 2mm; }
.break { break-before: page; }
.attention { border: 2px solid #0b0c0c; padding: 1mm 3mm 2mm; margin: 0 0 4mm; }
.attention h3 { font-size: 11pt; margin: 2mm 0 1mm; } .attention ul { margin: 0; padding-left: 5mm; }
.attention a { color: #1d70b8; }
)";

// "Off target" and "Near target": each rated indicator below its target, with its figure, the
// target and a link to its card; or a sentence saying every rated indicator is on target.
std::string off_target_summary(const indicators::Scorecard& sc) {
  std::string h = "<section class=\"attention\"><h2>Needs the Board's attention</h2>";
  const bool rated = std::any_of(sc.entries.begin(), sc.entries.end(),
                                 [](const indicators::Entry& e) { return e.rag != Rag::None; });
  bool listed = false;
  for (Rag want : {Rag::Red, Rag::Amber}) {
    std::string rows;
    for (const auto& e : sc.entries) {
      if (e.rag != want) continue;
      const Indicator& ind = *e.indicator;
      rows += fmt::format("<li><a href=\"#{}\">{}</a>: {} against a target of {}</li>", ind.key,
                          esc(ind.title), esc(format_shown(ind, e.current)),
                          e.target ? esc(format_value(ind.unit, e.target->value)) : "none");
    }
    if (rows.empty()) continue;
    listed = true;
    h += fmt::format("<h3>{} {}</h3><ul>{}</ul>", rag_badge(want),
                     want == Rag::Red ? "" : "(within the margin)", rows);
  }
  if (!listed)
    h += rated ? "<p>Every indicator with a target is on target this period.</p>"
               : "<p>No indicator has both a target and a figure this period.</p>";
  return h + "</section>";
}

std::string indicator_card(const Entry& e, const std::vector<indicators::Point>& pts,
                           const std::string& extra, int heading) {
  const Indicator& ind = *e.indicator;
  const std::string id = std::string(ind.key);
  std::string h =
      fmt::format("<article class=\"card\" id=\"{}\"><h{}>{}</h{}><p class=\"why\">{}</p>", id,
                  heading, esc(ind.title), heading, esc(ind.why));
  if (!e.current.value.available)
    return h + "<p class=\"nodata\">No data: " + esc(e.current.value.reason) + ".</p>" + extra +
           "</article>";
  h += fmt::format("<p class=\"value\" data-figure=\"{}\">{}<small>{}</small></p>", id,
                   esc(format_shown(ind, e.current)), esc(numerator_text(e)));
  h += "<dl class=\"facts\">";
  h += fmt::format("<dt>Rating</dt><dd>{}</dd>", rag_badge(e.rag));
  h += fmt::format("<dt>Target</dt><dd>{}{}</dd>",
                   e.target ? esc(format_value(ind.unit, e.target->value)) : "none set",
                   ind.polarity == indicators::Polarity::HigherIsBetter  ? " (higher is better)"
                   : ind.polarity == indicators::Polarity::LowerIsBetter ? " (lower is better)"
                                                                         : " (context)");
  for (const auto& c : e.comparators)
    h += fmt::format("<dt>{} {}-{:02}</dt><dd>{}</dd>", esc(c.name), c.year - 1, c.year % 100,
                     esc(format_value(ind.unit, c.value)));
  if (e.standing)
    h += fmt::format("<dt>Among councils</dt><dd>{}</dd>", esc(standing_text(*e.standing)));
  if (e.basis) h += fmt::format("<dt>Figures at</dt><dd>{}</dd>", long_date(*e.basis));
  if (!e.note.empty()) h += fmt::format("<dt>Counted from</dt><dd>{}</dd>", esc(e.note));
  h += "</dl>";
  h += trend_chart(e, pts, "c-" + id);
  h += trend_table(e, pts);
  h += extra;
  h += fmt::format("<p class=\"def\">{}{}{}.</p>", esc(ind.numerator),
                   ind.denominator.empty() ? "" : " out of ", esc(ind.denominator));
  return h + "</article>";
}

std::string summary_table(const indicators::Scorecard& sc) {
  std::string h;
  h += "<section class=\"summary\"><h2>Summary</h2><table><caption class=\"visually-hidden\">Every "
       "indicator "
       "this period with its target, rating and the England figure</caption><thead><tr><th "
       "scope=\"col\">Indicator</th>"
       "<th scope=\"col\" class=\"num\">This period</th><th scope=\"col\" "
       "class=\"num\">Target</th><th scope=\"col\">"
       "Rating</th><th scope=\"col\" class=\"num\">England</th><th "
       "scope=\"col\">Trend</th></tr></thead><tbody>";
  int section = -1;
  for (const auto& e : sc.entries) {
    const Indicator& ind = *e.indicator;
    if (static_cast<int>(ind.section) != section) {
      section = static_cast<int>(ind.section);
      h += fmt::format("<tr><th scope=\"rowgroup\" colspan=\"6\">{}</th></tr>",
                       esc(indicators::section_title(ind.section)));
    }
    std::string england = "&ndash;";
    for (const auto& c : e.comparators)
      if (c.kind == "england") england = esc(format_value(ind.unit, c.value));
    h += fmt::format(
        "<tr><th scope=\"row\"><a href=\"#{}\">{}</a></th><td class=\"num\">{}</td><td "
        "class=\"num\">{}</td>"
        "<td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
        ind.key, esc(ind.title), esc(format_shown(ind, e.current)),
        e.target ? esc(format_value(ind.unit, e.target->value)) : "&ndash;", rag_badge(e.rag),
        england, sparkline(e));
  }
  h += "</tbody></table><p class=\"def\">Ratings compare this period with the council's target: "
       "<strong>on target</strong> (at or better than it), <strong>near target</strong> (within "
       "the configured "
       "margin, by default 5 percentage points) or <strong>off target</strong>. Indicators without "
       "a target, and "
       "context measures, have no rating.</p></section>";
  return h;
}

std::string_view paper_css() {
  return kCss;
}

}  // namespace hearth::report::html
