#include "governance/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "indicators/registry.hpp"
#include "voice/surveys.hpp"

namespace hearth::governance {

namespace embedded {
std::span<const model::EmbeddedFile> governance_files();  // generated
}

namespace {

using model::Date;

constexpr std::pair<MemberKind, std::string_view> kKinds[] = {
    {MemberKind::Councillor, "councillor"},    {MemberKind::Officer, "officer"},
    {MemberKind::Partner, "partner"},          {MemberKind::FosterCarer, "foster_carer"},
    {MemberKind::YoungPeople, "young_people"},
};

// One table of the file ([board], or one [[measure]]...), read key by key with every mistake
// named by file and line.
class Table {
 public:
  Table(const std::string& file, const toml::table& t, std::string label)
      : file_(file), t_(t), label_(std::move(label)) {}

  [[noreturn]] void fail(const toml::node* at, const std::string& what) const {
    const auto line = at ? at->source().begin.line : t_.source().begin.line;
    throw GovernanceError(file_ + ":" + std::to_string(line) + ": " + label_ + ": " + what);
  }
  void known(std::initializer_list<std::string_view> keys) const {
    for (const auto& [k, v] : t_)
      if (std::find(keys.begin(), keys.end(), k.str()) == keys.end())
        fail(&v, "'" + std::string(k.str()) + "' is not a key Hearth knows here");
  }
  const toml::node* at(std::string_view key) const { return t_.get(key); }
  std::string text(std::string_view key, bool required = false) const {
    const toml::node* n = t_.get(key);
    if (!n) {
      if (required) fail(nullptr, "'" + std::string(key) + "' is missing");
      return {};
    }
    auto v = n->value<std::string>();
    if (!n->is_string() || !v) fail(n, "'" + std::string(key) + "' must be text in quotes");
    if (required && v->empty()) fail(n, "'" + std::string(key) + "' is empty");
    return *v;
  }
  Date date(std::string_view key) const {
    const toml::node* n = t_.get(key);
    if (!n) fail(nullptr, "'" + std::string(key) + "' is missing");
    const auto* d = n->as_date();
    if (!d)
      fail(n, "'" + std::string(key) + "' must be a date written 2025-03-31 (without quotes)");
    const auto v = d->get();
    const auto ymd =
        std::chrono::year{v.year} / std::chrono::month{v.month} / std::chrono::day{v.day};
    if (!ymd.ok()) fail(n, "'" + std::string(key) + "' is not a day of the calendar");
    return model::Date{std::chrono::sys_days{ymd}};
  }
  int whole(std::string_view key, int fallback, int lo, int hi) const {
    const toml::node* n = t_.get(key);
    if (!n) return fallback;
    auto v = n->value_exact<std::int64_t>();
    if (!n->is_integer() || !v || *v < lo || *v > hi)
      fail(n, "'" + std::string(key) + "' must be a whole number from " + std::to_string(lo) +
                  " to " + std::to_string(hi));
    return static_cast<int>(*v);
  }
  std::optional<double> number(std::string_view key, double lo, double hi) const {
    const toml::node* n = t_.get(key);
    if (!n) return std::nullopt;
    std::optional<double> v;
    if (n->is_integer()) v = static_cast<double>(*n->value_exact<std::int64_t>());
    if (n->is_floating_point()) v = n->value_exact<double>();
    if (!v || !std::isfinite(*v) || *v < lo || *v > hi)
      fail(n, "'" + std::string(key) + "' must be a number from " + std::to_string(int(lo)) +
                  " to " + std::to_string(int(hi)));
    return v;
  }
  bool flag(std::string_view key) const {
    const toml::node* n = t_.get(key);
    if (!n) return false;
    if (!n->is_boolean()) fail(n, "'" + std::string(key) + "' must be true or false");
    return *n->value_exact<bool>();
  }
  std::vector<std::string> texts(std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* n = t_.get(key);
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) fail(n, "'" + std::string(key) + "' must be a list of text, e.g. [\"a\", \"b\"]");
    for (const auto& e : *arr) {
      auto v = e.value<std::string>();
      if (!e.is_string() || !v || v->empty())
        fail(&e, "'" + std::string(key) + "' must be a list of text, e.g. [\"a\", \"b\"]");
      out.push_back(*v);
    }
    return out;
  }
  const toml::table& raw() const { return t_; }

 private:
  const std::string& file_;
  const toml::table& t_;
  std::string label_;
};

// Each [[name]] table of the document, in order.
template <class F>
void each(const std::string& file, const toml::table& doc, std::string_view name, F&& f) {
  const toml::node* n = doc.get(name);
  if (!n) return;
  const auto* arr = n->as_array();
  if (!arr || !arr->is_array_of_tables())
    throw GovernanceError(file + ":" + std::to_string(n->source().begin.line) + ": '" +
                          std::string(name) + "' must be written as [[" + std::string(name) +
                          "]] tables");
  for (const auto& e : *arr) {
    const auto& t = *e.as_table();
    std::string label = "[[" + std::string(name) + "]]";
    if (const auto* idn = t.get("id");
        idn && idn->is_string() && !idn->value<std::string>()->empty())
      label += " '" + *idn->value<std::string>() + "'";
    f(Table(file, t, std::move(label)));
  }
}

void unique(const Table& r, std::set<std::string>& seen, const std::string& id,
            std::string_view what) {
  if (!seen.insert(id).second)
    r.fail(r.at("id"), "a second " + std::string(what) + " with id '" + id + "'");
}

}  // namespace

std::string_view member_kind_name(MemberKind k) {
  for (const auto& [kind, name] : kKinds)
    if (kind == k) return name;
  return "";
}

std::vector<Date> Report::due_between(Date from, Date to) const {
  std::vector<Date> out;
  for (int k = 0; k < 1200; ++k) {
    const Date d = model::add_months(first_due, k * every_months);
    if (d > to) break;
    if (d >= from) out.push_back(d);
  }
  return out;
}

const Priority* Governance::priority(std::string_view id) const {
  for (const auto& p : priorities)
    if (p.id == id) return &p;
  return nullptr;
}
const Theme* Governance::theme(std::string_view id) const {
  for (const auto& t : themes)
    if (t.id == id) return &t;
  return nullptr;
}
const Report* Governance::report(std::string_view id) const {
  for (const auto& r : reports)
    if (r.id == id) return &r;
  return nullptr;
}

Governance parse_governance(std::string_view text, std::string_view file_view,
                            const voice::SurveyBook& surveys) {
  const std::string file(file_view);
  toml::table doc;
  try {
    doc = toml::parse(text, file_view);
  } catch (const toml::parse_error& e) {
    throw GovernanceError(file + ":" + std::to_string(e.source().begin.line) + ": " +
                          std::string(e.description()));
  }
  for (const auto& [k, v] : doc) {
    static constexpr std::string_view kTop[] = {"board",      "pledge", "priority", "measure",
                                                "commitment", "theme",  "member",   "champion",
                                                "subgroup",   "report"};
    if (std::find(std::begin(kTop), std::end(kTop), k.str()) == std::end(kTop))
      throw GovernanceError(file + ":" + std::to_string(v.source().begin.line) + ": '" +
                            std::string(k.str()) + "' is not a part of a governance file");
  }
  Governance g;
  const auto* board = doc.get_as<toml::table>("board");
  if (!board) throw GovernanceError(file + ":1: the [board] table is missing");
  {
    Table r(file, *board, "[board]");
    r.known({"council", "name", "chair", "strategy", "from", "to", "actions_per_theme"});
    g.council = r.text("council", true);
    g.name = r.text("name", true);
    g.chair = r.text("chair");
    g.strategy = r.text("strategy", true);
    g.from = r.date("from");
    g.to = r.date("to");
    if (g.to < g.from) r.fail(r.at("to"), "the strategy ends before it begins");
    g.actions_per_theme = r.whole("actions_per_theme", 3, 1, 20);
  }
  if (const auto* pledge = doc.get_as<toml::table>("pledge")) {
    Table r(file, *pledge, "[pledge]");
    r.known({"title", "promises"});
    g.pledge_title = r.text("title", true);
    g.promises = r.texts("promises");
  }
  std::set<std::string> ids;
  each(file, doc, "priority", [&](const Table& r) {
    r.known({"id", "title", "summary"});
    Priority p{r.text("id", true), r.text("title", true), r.text("summary")};
    unique(r, ids, p.id, "priority");
    g.priorities.push_back(std::move(p));
  });
  auto need_priority = [&](const Table& r, const std::string& id) {
    if (!g.priority(id)) r.fail(r.at("priority"), "priority '" + id + "' is not in the file");
  };
  ids.clear();
  each(file, doc, "measure", [&](const Table& r) {
    r.known({"id", "priority", "text", "indicators", "survey", "question", "manual", "target"});
    Measure m;
    m.id = r.text("id", true);
    unique(r, ids, m.id, "measure");
    m.priority = r.text("priority", true);
    need_priority(r, m.priority);
    m.text = r.text("text", true);
    m.indicators = r.texts("indicators");
    for (const auto& key : m.indicators)
      if (!indicators::indicator_by_key(key))
        r.fail(r.at("indicators"), "indicator '" + key + "' is not a scorecard indicator");
    m.survey = r.text("survey");
    m.question = r.text("question");
    m.manual = r.text("manual");
    m.target = r.number("target", 0, 1e9);
    const int kinds =
        (m.indicators.empty() ? 0 : 1) + (m.survey.empty() ? 0 : 1) + (m.manual.empty() ? 0 : 1);
    if (kinds != 1)
      r.fail(nullptr,
             "a measure is one of: indicators = [...], survey and question, or manual = \"the "
             "source of a figure entered by hand\"");
    if (!m.survey.empty()) {
      const auto* s = surveys.survey(m.survey);
      if (!s) r.fail(r.at("survey"), "survey '" + m.survey + "' is not a survey Hearth has");
      bool found = false;
      for (const auto& q : s->questions) found = found || q.id == m.question;
      if (!found)
        r.fail(r.at("question") ? r.at("question") : r.at("survey"),
               "survey '" + m.survey + "' has no question '" + m.question + "'");
    }
    if (!m.manual.empty() && !m.target)
      r.fail(nullptr, "a measure entered by hand needs its target");
    g.measures.push_back(std::move(m));
  });
  ids.clear();
  each(file, doc, "commitment", [&](const Table& r) {
    r.known({"id", "priority", "text", "owner"});
    Commitment c{r.text("id", true), r.text("priority", true), r.text("text", true),
                 r.text("owner")};
    unique(r, ids, c.id, "commitment");
    need_priority(r, c.priority);
    g.commitments.push_back(std::move(c));
  });
  ids.clear();
  std::set<std::string> titles;
  each(file, doc, "theme", [&](const Table& r) {
    r.known({"id", "title", "year", "focus"});
    Theme t{r.text("id", true), r.text("title", true), r.text("year", true), r.flag("focus")};
    unique(r, ids, t.id, "theme");
    if (!titles.insert(t.year + "\x1f" + t.title).second)
      r.fail(r.at("title"), "a second theme '" + t.title + "' in " + t.year);
    const auto& y = t.year;
    if (y.size() != 7 || y[4] != '-' ||
        !std::all_of(y.begin(), y.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoi(y.substr(5)) != (std::stoi(y.substr(2, 2)) + 1) % 100)
      r.fail(r.at("year"), "'year' must be a financial year written 2025-26");
    g.themes.push_back(std::move(t));
  });
  std::set<std::string> focused;
  for (const auto& t : g.themes)
    if (t.focus && !focused.insert(t.year).second)
      throw GovernanceError(file + ": more than one theme in focus in " + t.year +
                            " (one theme is worked on at a time)");
  each(file, doc, "member", [&](const Table& r) {
    r.known({"name", "kind", "organisation", "role"});
    Member m;
    m.name = r.text("name", true);
    const std::string kind = r.text("kind", true);
    bool ok = false;
    for (const auto& [k, n] : kKinds)
      if (n == kind) m.kind = k, ok = true;
    if (!ok)
      r.fail(r.at("kind"),
             "'kind' must be councillor, officer, partner, foster_carer or young_people");
    m.organisation = r.text("organisation");
    m.role = r.text("role");
    g.members.push_back(std::move(m));
  });
  each(file, doc, "champion", [&](const Table& r) {
    r.known({"name", "area"});
    g.champions.push_back({r.text("name", true), r.text("area", true)});
  });
  ids.clear();
  each(file, doc, "subgroup", [&](const Table& r) {
    r.known({"id", "title", "priority", "chair", "every_months"});
    SubGroup s{r.text("id", true), r.text("title", true), r.text("priority"), r.text("chair"),
               r.whole("every_months", 6, 1, 24)};
    unique(r, ids, s.id, "sub-group");
    if (!s.priority.empty()) need_priority(r, s.priority);
    g.subgroups.push_back(std::move(s));
  });
  ids.clear();
  each(file, doc, "report", [&](const Table& r) {
    r.known({"id", "title", "owner", "every_months", "first_due"});
    Report rep{r.text("id", true), r.text("title", true), r.text("owner"),
               r.whole("every_months", 12, 1, 60), r.date("first_due")};
    unique(r, ids, rep.id, "report");
    g.reports.push_back(std::move(rep));
  });
  return g;
}

namespace {

std::string q(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}
std::string list(const std::vector<std::string>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + q(v[i]);
  return out + "]";
}
std::string number(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

}  // namespace

std::string to_toml(const Governance& g) {
  std::ostringstream o;
  o << "# Written by hearth governance export: the Board's standing arrangements "
       "(docs/governance.md).\n\n[board]\n"
    << "council = " << q(g.council) << "\nname = " << q(g.name) << "\n";
  if (!g.chair.empty()) o << "chair = " << q(g.chair) << "\n";
  o << "strategy = " << q(g.strategy) << "\nfrom = " << model::format_iso(g.from)
    << "\nto = " << model::format_iso(g.to) << "\nactions_per_theme = " << g.actions_per_theme
    << "\n";
  if (!g.pledge_title.empty())
    o << "\n[pledge]\ntitle = " << q(g.pledge_title) << "\npromises = " << list(g.promises) << "\n";
  for (const auto& p : g.priorities) {
    o << "\n[[priority]]\nid = " << q(p.id) << "\ntitle = " << q(p.title) << "\n";
    if (!p.summary.empty()) o << "summary = " << q(p.summary) << "\n";
  }
  for (const auto& m : g.measures) {
    o << "\n[[measure]]\nid = " << q(m.id) << "\npriority = " << q(m.priority)
      << "\ntext = " << q(m.text) << "\n";
    if (!m.indicators.empty()) o << "indicators = " << list(m.indicators) << "\n";
    if (!m.survey.empty())
      o << "survey = " << q(m.survey) << "\nquestion = " << q(m.question) << "\n";
    if (!m.manual.empty()) o << "manual = " << q(m.manual) << "\n";
    if (m.target) o << "target = " << number(*m.target) << "\n";
  }
  for (const auto& c : g.commitments) {
    o << "\n[[commitment]]\nid = " << q(c.id) << "\npriority = " << q(c.priority)
      << "\ntext = " << q(c.text) << "\n";
    if (!c.owner.empty()) o << "owner = " << q(c.owner) << "\n";
  }
  for (const auto& t : g.themes) {
    o << "\n[[theme]]\nid = " << q(t.id) << "\ntitle = " << q(t.title) << "\nyear = " << q(t.year)
      << "\n";
    if (t.focus) o << "focus = true\n";
  }
  for (const auto& m : g.members) {
    o << "\n[[member]]\nname = " << q(m.name) << "\nkind = " << q(member_kind_name(m.kind)) << "\n";
    if (!m.organisation.empty()) o << "organisation = " << q(m.organisation) << "\n";
    if (!m.role.empty()) o << "role = " << q(m.role) << "\n";
  }
  for (const auto& c : g.champions)
    o << "\n[[champion]]\nname = " << q(c.name) << "\narea = " << q(c.area) << "\n";
  for (const auto& s : g.subgroups) {
    o << "\n[[subgroup]]\nid = " << q(s.id) << "\ntitle = " << q(s.title) << "\n";
    if (!s.priority.empty()) o << "priority = " << q(s.priority) << "\n";
    if (!s.chair.empty()) o << "chair = " << q(s.chair) << "\n";
    o << "every_months = " << s.every_months << "\n";
  }
  for (const auto& r : g.reports) {
    o << "\n[[report]]\nid = " << q(r.id) << "\ntitle = " << q(r.title) << "\n";
    if (!r.owner.empty()) o << "owner = " << q(r.owner) << "\n";
    o << "every_months = " << r.every_months << "\nfirst_due = " << model::format_iso(r.first_due)
      << "\n";
  }
  return o.str();
}

std::span<const model::EmbeddedFile> shipped_governance() {
  return embedded::governance_files();
}

}  // namespace hearth::governance
