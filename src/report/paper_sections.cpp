// The sections the pack and the annual report share: each priority's measures, what children and
// young people told the council, and the scorecard with the officers' commentary.
#include <fmt/format.h>

#include <cctype>

#include "indicators/registry.hpp"
#include "report/paper_parts.hpp"
#include "report/scorecard.hpp"

namespace hearth::report::paper {

using html::esc;
using html::long_date;
using html::rag_badge;
using nlohmann::json;

namespace {

const indicators::Entry* entry_of(const indicators::Scorecard& sc, const std::string& key) {
  for (const auto& e : sc.entries)
    if (e.indicator->key == key) return &e;
  return nullptr;
}

std::string part_value(const services::MeasurePart& m) {
  if (!m.value) return "";
  if (m.unit == "percent") return fmt::format("{:.1f}%", *m.value);
  return format_count(*m.value);
}

// "family_time" -> "Family time", "where_i_live" -> "Where I live".
std::string words(std::string s) {
  for (auto& c : s)
    if (c == '_') c = ' ';
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  for (std::size_t i = s.find(" i "); i != std::string::npos; i = s.find(" i ", i + 1))
    s[i + 1] = 'I';
  return s;
}

std::string period_range(const services::PaperBase& p) {
  return model::format_iso(p.listening_from) + " to " + model::format_iso(p.listening_to);
}

}  // namespace

std::string priorities(const services::PaperBase& p, Figures& f, int heading, bool titled) {
  std::string h;
  const std::string on = model::format_iso(p.scorecard.as_of);
  for (const auto& pp : p.progress) {
    const auto& pr = *pp.priority;
    if (titled) {
      h += fmt::format("<h{} id=\"priority-{}\">{} {}</h{}>", heading, esc(pr.id), esc(pr.title),
                       rag_badge(pp.rag), heading);
      if (!pr.summary.empty()) h += "<p>" + esc(pr.summary) + "</p>";
    } else {
      h += "<p>Overall: " + rag_badge(pp.rag) + "</p>";
    }
    h += fmt::format(
        "<table class=\"list\"><caption class=\"visually-hidden\">Measures of {}</caption><thead>"
        "<tr><th scope=\"col\">Measure</th><th scope=\"col\">From</th><th scope=\"col\" "
        "class=\"num\">Figure</th><th scope=\"col\" class=\"num\">Target</th><th "
        "scope=\"col\">Rating</th></tr></thead><tbody>",
        esc(pr.title));
    for (const auto& mp : pp.measures)
      for (const auto& part : mp.parts) {
        const std::string id = "measure:" + mp.measure->id + ":" + part.indicator;
        std::string value;
        if (const auto* e = entry_of(p.scorecard, part.indicator)) {
          value = f.shown(id, *e, e->current, p.scorecard.period.label);
        } else if (part.value) {
          PaperFigure fig;
          fig.id = id;
          fig.label = part.title.empty() ? mp.measure->text : part.title;
          fig.period = on;
          fig.shown = part_value(part);
          fig.value = part.value;
          fig.unit = part.unit;
          fig.definition = mp.measure->text;
          fig.source = part.indicator == "manual" ? "Entered by hand: " + mp.measure->manual
                                                  : "Hearth survey " + mp.measure->survey;
          value = f.add(std::move(fig));
        }
        if (!part.note.empty())
          value += (value.empty() ? "" : " ") + std::string("<span class=\"def\">") +
                   esc(part.note) + "</span>";
        h += fmt::format(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td><td "
            "class=\"num\">{}</td><td>{}</td></tr>",
            esc(mp.measure->text), esc(part.title.empty() ? part.indicator : part.title), value,
            part.target ? esc(part.unit == "percent" ? fmt::format("{:g}%", *part.target)
                                                     : fmt::format("{:g}", *part.target))
                        : "&ndash;",
            rag_badge(part.rag));
      }
    h += "</tbody></table>";
    h += fmt::format(
        "<p>Actions for this priority: {} open, {} overdue.</p>",
        f.count("actions:open:" + pr.id, "Open actions: " + pr.title, pp.actions_open, on,
                "Actions linked to the priority and not yet closed"),
        f.count("actions:overdue:" + pr.id, "Overdue actions: " + pr.title, pp.actions_overdue, on,
                "Open actions linked to the priority whose due date has passed"));
  }
  return h;
}

std::string listening(const services::PaperBase& p, Figures& f, int heading) {
  const auto& l = p.listening;
  const std::string period = period_range(p);
  const std::string src = "Hearth: young people's statements";
  const auto& s = l.value("statements", json::object());
  std::string h = fmt::format("<h{}>Statements</h{}>", heading, heading);
  h += fmt::format(
      "<p>From {} to {}, young people made {} statements in Hearth; {} said they did not feel "
      "safe. Of the answers due, {} of {} were given in time.</p>",
      long_date(p.listening_from), long_date(p.listening_to),
      f.maybe("statements:total", "Statements made", s.value("total", json()), period,
              "Statements young people made in Hearth in the period", src),
      f.maybe("statements:unsafe", "Statements saying \"I don't feel safe\"",
              s.value("unsafe", json()), period, "Statements with the alarm raised", src),
      f.maybe("statements:answered_in_time", "Answers given in time",
              s.value("answered_in_time", json()), period,
              "Statements whose answer was due in the period and given in time", src),
      f.maybe("statements:answers_due", "Answers due", s.value("answers_due", json()), period,
              "Statements whose answer was due in the period", src));
  const auto& topics = s.value("by_topic", json::array());
  if (!topics.empty()) {
    h += "<table class=\"list\"><caption>Statements by topic</caption><thead><tr><th "
         "scope=\"col\">Topic</th><th scope=\"col\" class=\"num\">Statements</th></tr></thead>"
         "<tbody>";
    for (const auto& t : topics) {
      const std::string topic = t.value("topic", "");
      h += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
                       esc(words(topic)),
                       f.maybe("statements:topic:" + topic, "Statements about " + words(topic),
                               t.value("count", json()), period, "Statements by topic", src));
    }
    h += "</tbody></table>";
  }
  h += fmt::format("<h{}>Surveys</h{}>", heading, heading);
  bool any = false;
  for (const auto& sv : l.value("surveys", json::array())) {
    const std::string id = sv.value("id", "");
    if (!sv.value("shown", false)) continue;
    any = true;
    h += fmt::format(
        "<h{}>{}</h{}><p>{} answers.</p>", heading + 1, esc(sv.value("title", "")), heading + 1,
        f.maybe("survey:" + id, "Answers: " + sv.value("title", ""), sv.value("responses", json()),
                period, "Young people who answered", "Hearth survey " + id));
    for (const auto& q : sv.value("questions", json::array())) {
      const std::string qid = q.value("id", "");
      h += "<table class=\"list\"><caption>" + esc(q.value("text", "")) +
           "</caption><thead><tr><th scope=\"col\">Answer</th><th scope=\"col\" "
           "class=\"num\">Young people</th></tr></thead><tbody>";
      for (const auto& a : q.value("answers", json::array())) {
        const std::string ans = a.value("answer", "");
        h += fmt::format(
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>", esc(words(ans)),
            f.maybe("survey:" + id + ":" + qid + ":" + ans, q.value("text", "") + ": " + words(ans),
                    a.value("count", json()), period, "Young people who gave this answer",
                    "Hearth survey " + id));
      }
      h += "</tbody></table>";
    }
  }
  if (!any)
    h += "<p class=\"empty\">No survey had enough answers in the period to show its results "
         "without identifying anyone.</p>";
  return h;
}

std::string indicator_cards(const services::PaperBase& p, Figures& f,
                            const std::vector<const indicators::Entry*>& entries, bool years,
                            int heading) {
  std::string h = "<div class=\"cards\">";
  for (const auto* e : entries) {
    const std::string key(e->indicator->key);
    const auto& pts = years ? e->years : e->trend;
    f.shown(key, *e, e->current, e->period.label);
    for (const auto& pt : pts)
      if (pt.period.label != e->period.label)
        f.shown(key + "@" + pt.period.label, *e, pt.shown, pt.period.label);
    for (const auto& c : e->comparators) f.comparator(*e, c);
    std::string extra;
    if (auto it = p.commentary.find(key); it != p.commentary.end()) {
      extra += "<div class=\"commentary\">";
      if (!it->second.behind.empty())
        extra += fmt::format("<h{}>What is behind this figure</h{}>", heading + 1, heading + 1) +
                 markdown(it->second.behind, heading + 2);
      if (!it->second.doing.empty())
        extra += fmt::format("<h{}>What we are doing about it</h{}>", heading + 1, heading + 1) +
                 markdown(it->second.doing, heading + 2);
      extra += "</div>";
    }
    h += html::indicator_card(*e, pts, extra, heading);
  }
  return h + "</div>";
}

std::string scorecard(const services::PaperBase& p, Figures& f, bool years) {
  const auto& sc = p.scorecard;
  std::string h = html::off_target_summary(sc) + html::summary_table(sc);
  int section = -1;
  std::vector<const indicators::Entry*> group;
  auto flush = [&] {
    if (group.empty()) return;
    h += fmt::format("<section class=\"break\"><h2>{}</h2>",
                     esc(indicators::section_title(group.front()->indicator->section)));
    h += indicator_cards(p, f, group, years, 3) + "</section>";
    group.clear();
  };
  for (const auto& e : sc.entries) {
    if (static_cast<int>(e.indicator->section) != section) {
      flush();
      section = static_cast<int>(e.indicator->section);
    }
    group.push_back(&e);
  }
  flush();
  return h;
}

}  // namespace hearth::report::paper
