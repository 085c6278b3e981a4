#include "cli/governance_commands.hpp"

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/audit_log.hpp"
#include "cli/common.hpp"
#include "cli/output.hpp"
#include "cli/voice_commands.hpp"
#include "ingest/snapshot.hpp"
#include "report/board_json.hpp"
#include "report/governance.hpp"
#include "services/board.hpp"
#include "services/commentary.hpp"
#include "services/governance.hpp"
#include "voice/clock.hpp"

namespace hearth::cli {

using nlohmann::json;

voice::SurveyBook surveys_of(const Global& g) {
  const auto cfg = load_voice_settings(g);
  if (cfg.surveys_folder.empty()) return voice::SurveyBook::shipped();
  try {
    return voice::SurveyBook::load(cfg.surveys_folder);
  } catch (const voice::SurveyError& e) {
    throw UsageError(std::string("surveys: ") + e.what());
  }
}

std::string council(store::Store& st, const std::string& la) {
  if (!la.empty()) return la;
  std::set<std::string> all;
  for (const auto& k : st.list_returns()) all.insert(k.la);
  if (all.size() == 1) return *all.begin();
  throw UsageError(all.empty() ? "the store holds no council yet: add --la CODE"
                               : "the store holds several councils: choose one with --la");
}

namespace {

model::Date today_or(const std::string& text, const char* option) {
  if (text.empty()) return voice::england_date(model::instant_now());
  return parse_day(text, option);
}

std::string rag_text(indicators::Rag r) {
  const auto n = indicators::rag_name(r);
  return n.empty() ? "-" : std::string(n);
}

std::string figure(const std::optional<double>& v, const std::string& unit) {
  if (!v) return "-";
  std::ostringstream o;
  o.setf(std::ios::fixed);
  o.precision(unit == "percent" ? 1 : (*v == static_cast<long long>(*v) ? 0 : 1));
  o << *v << (unit == "percent" ? "%" : "");
  return o.str();
}

int load(const Global& g, const GovernanceCli& c) {
  std::ifstream in(c.file, std::ios::binary);
  if (!in) throw UsageError("cannot read " + c.file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  const auto surveys = surveys_of(g);
  const auto id =
      services::load_governance(*st, la, text, c.file, cli_actor(), surveys, model::instant_now());
  const auto gv = governance::parse_governance(text, c.file, surveys);
  cli_audit(*st, "governance.load", "council:" + la, "ok", {{"version", id}, {"source", c.file}});
  std::cout << "Loaded the arrangements of " << gv.name << " (" << gv.council << ") for council "
            << la << " as version " << id << ": " << gv.priorities.size() << " priorities, "
            << gv.measures.size() << " measures, " << gv.themes.size() << " themes, "
            << gv.subgroups.size() << " sub-groups, " << gv.reports.size() << " reports.\n";
  return kExitOk;
}

int export_file(const Global& g, const GovernanceCli& c) {
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  auto v = st->governance().governance(la);
  if (!v) services::governance_of(*st, la, surveys_of(g));  // throws no_governance
  if (c.out.empty() || c.out == "-") {
    std::cout << v->text;
    return kExitOk;
  }
  std::ofstream out(c.out, std::ios::binary | std::ios::trunc);
  out << v->text;
  if (!out) throw UsageError("cannot write " + c.out);
  std::cout << "Wrote the arrangements of council " << la << " (version " << v->id << ") to "
            << c.out << '\n';
  return kExitOk;
}

int show(const Global& g, const GovernanceCli& c) {
  Format fmt = parse_format(c.format);
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  const auto surveys = surveys_of(g);
  services::SnapshotCache snap(ingest::load_dataset(*st), scorecard_settings(g));
  const auto as_of =
      services::resolve_as_of(*snap.data, c.as_of, ingest::AsOfUse::Scorecard, la, "--as-of");
  const auto gv = services::governance_of(*st, la, surveys);
  const auto pr = services::progress(snap, *st, gv, la, as_of.date, surveys);
  if (fmt == Format::Json) {
    std::cout << report::progress_json(la, as_of.date, pr).dump(2) << '\n';
    return kExitOk;
  }
  Rows rows;
  for (const auto& p : pr)
    for (const auto& m : p.measures)
      for (const auto& part : m.parts)
        rows.push_back({p.priority->title, rag_text(p.rag), m.measure->id, part.indicator,
                        figure(part.value, part.unit), figure(part.target, part.unit),
                        rag_text(part.rag)});
  const std::vector<std::string> headers = {"PRIORITY", "RAG",    "MEASURE",    "FROM",
                                            "VALUE",    "TARGET", "MEASURE RAG"};
  if (fmt == Format::Csv) {
    print_csv(std::cout, headers, rows);
    return kExitOk;
  }
  std::cout << gv.name << " — " << gv.strategy << ", council " << la << ", as at "
            << model::format_iso(as_of.date) << "\n\n";
  print_table(std::cout, headers, rows);
  return kExitOk;
}

int actions(const Global& g, const GovernanceCli& c) {
  Format fmt = parse_format(c.format);
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  const model::Date today = today_or(c.as_of, "--as-of");
  services::ActionFilter f{c.overdue ? "overdue" : c.status, c.owner, c.priority, c.theme};
  static const std::set<std::string> statuses = {"", "open", "overdue", "done", "dropped"};
  if (!statuses.count(f.status))
    throw UsageError("--status must be open, overdue, done or dropped, not '" + f.status + "'");
  const auto list = services::list_actions(*st, la, f, today);
  if (fmt == Format::Json) {
    json items = json::array();
    for (const auto& a : list) items.push_back(report::action_json(a, today));
    std::cout << json{{"la", la}, {"as_of", model::format_iso(today)}, {"items", items}}.dump(2)
              << '\n';
    return kExitOk;
  }
  Rows rows;
  for (const auto& a : list)
    rows.push_back({std::to_string(a.id), a.title, a.owner_name, model::format_iso(a.due),
                    services::overdue(a, today) ? "overdue" : a.status, a.priority, a.theme});
  const std::vector<std::string> headers = {"ID",     "ACTION",   "OWNER", "DUE",
                                            "STATUS", "PRIORITY", "THEME"};
  if (fmt == Format::Csv) {
    print_csv(std::cout, headers, rows);
    return kExitOk;
  }
  if (rows.empty()) {
    std::cout << "No actions" << (f.status.empty() ? "" : " " + f.status) << " for council " << la
              << " on " << model::format_iso(today) << ".\n";
    return kExitOk;
  }
  print_table(std::cout, headers, rows);
  return kExitOk;
}

// The challenge cards, newest first: never who raised one, and a young person's words only once
// the participation officer has accepted the card.
int cards(const Global& g, const GovernanceCli& c) {
  Format fmt = parse_format(c.format);
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  static const std::set<std::string> statuses = {"", "raised", "accepted", "actions_agreed",
                                                 "answered"};
  if (!statuses.count(c.status))
    throw UsageError("--status must be raised, accepted, actions_agreed or answered, not '" +
                     c.status + "'");
  const auto gv = services::governance_of(*st, la, surveys_of(g));
  const auto actions = st->governance().actions(la);
  json items = json::array();
  for (const auto& card : st->governance().cards(la))
    if (c.status.empty() || card.status == c.status)
      items.push_back(report::card_json(card, services::card_state(card, actions), gv, false));
  if (fmt == Format::Json) {
    std::cout << json{{"la", la}, {"items", items}}.dump(2) << '\n';
    return kExitOk;
  }
  Rows rows;
  for (const auto& i : items)
    rows.push_back({std::to_string(i["id"].get<std::int64_t>()), i["raised_on"].get<std::string>(),
                    i["raised_by"].get<std::string>(), i["theme_title"].get<std::string>(),
                    i["addressed_to"].get<std::string>(), i["status"].get<std::string>(),
                    i["challenge"].is_null() ? std::string("(with the participation officer)")
                                             : i["challenge"].get<std::string>(),
                    i["response"].is_null() ? std::string() : i["response"].get<std::string>()});
  const std::vector<std::string> headers = {"ID",   "RAISED", "BY",        "THEME",
                                            "ASKS", "STATUS", "CHALLENGE", "WE DID"};
  if (fmt == Format::Csv) {
    print_csv(std::cout, headers, rows);
    return kExitOk;
  }
  if (rows.empty()) {
    std::cout << "No challenge cards" << (c.status.empty() ? "" : " " + c.status) << " for council "
              << la << ".\n";
    return kExitOk;
  }
  print_table(std::cout, headers, rows);
  return kExitOk;
}

// What the Board reads is refused when it names a child, here as through the web.
void check_names(store::Store& st, const std::string& la, const std::string& text,
                 const char* field) {
  const auto data = ingest::load_dataset(st);
  services::check_names_no_child(*data, st, la, text, field);
}

int add(const Global& g, const GovernanceCli& c) {
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  const auto gv = services::governance_of(*st, la, surveys_of(g));
  check_names(*st, la, c.title, "title");
  services::NewAction n{c.title,    c.owner, c.owner_name, c.due,
                        c.priority, c.theme, c.card,       c.meeting};
  const auto a = services::add_action(*st, la, gv, n, cli_actor(), model::instant_now());
  cli_audit(*st, "action.create", "action:" + std::to_string(a.id), "ok",
            {{"la", la}, {"due", model::format_iso(a.due)}});
  std::cout << "Added action " << a.id << ", due " << model::format_iso(a.due) << ", owned by "
            << a.owner_name << ".\n";
  return kExitOk;
}

int close(const Global& g, const GovernanceCli& c) {
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  const model::Date on = today_or(c.on, "--on");
  check_names(*st, la, c.evidence, "evidence");
  const auto a = services::close_action(*st, la, c.id, c.dropped ? "dropped" : "done", c.evidence,
                                        on, cli_actor(), model::instant_now());
  cli_audit(*st, "action.close", "action:" + std::to_string(a.id), "ok",
            {{"la", la}, {"status", a.status}});
  std::cout << "Closed action " << a.id << " as " << a.status << " on " << model::format_iso(on)
            << ".\n";
  return kExitOk;
}

// ---- officers' commentary --------------------------------------------------------------------

int commentary_set(const Global& g, const GovernanceCli& c) {
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  std::string body = c.body_text;
  if (!c.body_file.empty()) {
    std::ifstream in(c.body_file, std::ios::binary);
    if (!in) throw UsageError("cannot read " + c.body_file);
    body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const auto piece = services::check_piece({c.subject, c.period, c.part});
  // The CLI writes over the version it finds now.
  const auto before =
      st->commentary().commentary_history(la, piece.subject, piece.period, piece.part);
  const std::int64_t replaces = before.empty() ? 0 : before.back().id;
  const auto data = ingest::load_dataset(*st);
  const auto v = services::write_commentary(*data, *st, la, piece, body, replaces, cli_actor(),
                                            model::instant_now());
  cli_audit(*st, "commentary.write", "commentary:" + std::to_string(v.id), "ok",
            {{"la", la}, {"subject", v.subject}, {"period", v.period}, {"part", v.part}});
  std::cout << "Kept version " << before.size() + 1 << " of " << v.subject << " " << v.part
            << " for " << v.period << ".\n";
  return kExitOk;
}

json commentary_json(const store::Commentary& v) {
  return {{"id", v.id},
          {"subject", v.subject},
          {"period", v.period},
          {"part", v.part},
          {"body", v.body},
          {"written_at", model::format_instant(v.written_at)},
          {"written_by", v.written_by},
          {"replaces", v.replaces}};
}

int commentary_list(const Global& g, const GovernanceCli& c, bool history) {
  Format fmt = parse_format(c.format);
  auto st = open_current(g);
  const std::string la = council(*st, c.la);
  std::vector<store::Commentary> list;
  if (history) {
    const auto piece = services::check_piece({c.subject, c.period, c.part});
    list = st->commentary().commentary_history(la, piece.subject, piece.period, piece.part);
  } else {
    std::optional<model::Instant> as_at;
    if (!c.as_of.empty()) as_at = services::end_of_day(parse_day(c.as_of, "--as-at"));
    list = services::commentary_as_at(*st, la, c.period, as_at);
  }
  if (fmt == Format::Json) {
    json items = json::array();
    for (const auto& v : list) items.push_back(commentary_json(v));
    std::cout << json{{"la", la}, {"items", items}}.dump(2) << '\n';
    return kExitOk;
  }
  Rows rows;
  for (const auto& v : list)
    rows.push_back({v.subject, v.period, v.part, model::format_instant(v.written_at), v.written_by,
                    v.body.substr(0, v.body.find('\n')).substr(0, 60)});
  const std::vector<std::string> headers = {"SUBJECT", "PERIOD", "PART", "WRITTEN", "BY", "BEGINS"};
  if (fmt == Format::Csv) {
    print_csv(std::cout, headers, rows);
    return kExitOk;
  }
  if (rows.empty()) {
    std::cout << "No commentary for " << c.period << " in council " << la << ".\n";
    return kExitOk;
  }
  print_table(std::cout, headers, rows);
  return kExitOk;
}

}  // namespace

void add_governance_cli(CLI::App& app, GovernanceCli& c) {
  auto* gov = app.add_subcommand(
      "governance", "The Corporate Parenting Board's arrangements (docs/governance.md)");
  c.load = gov->add_subcommand(
      "load", "Check a governance file and keep it as the council's arrangements from now");
  c.load->add_option("FILE", c.file, "The governance file (TOML)")->required();
  c.load->add_option("--la", c.la, "The council (default: the store's one council)");
  c.exp = gov->add_subcommand("export", "Write the arrangements in force, as they were loaded");
  c.exp->add_option("--la", c.la, "The council (default: the store's one council)");
  c.exp->add_option("--out", c.out, "The file to write (default: standard output)");
  c.show = gov->add_subcommand(
      "show", "Each priority's progress from its measures, as at a date (RAG against target)");
  c.show->add_option("--la", c.la, "The council (default: the store's one council)");
  c.show->add_option("--as-of", c.as_of, "YYYY-MM-DD (default: today, or the data's date)");
  c.show->add_option("--format", c.format, "table, json or csv")->capture_default_str();
  gov->require_subcommand(1);

  c.actions = app.add_subcommand("actions", "The Board's actions: list, add, close");
  c.actions->add_option("--la", c.la, "The council (default: the store's one council)");
  c.actions->add_flag("--overdue", c.overdue, "Only open actions past their due date");
  c.actions->add_option("--status", c.status, "open, overdue, done or dropped");
  c.actions->add_option("--owner", c.owner, "Only this owner (username or name)");
  c.actions->add_option("--priority", c.priority, "Only this priority (id)");
  c.actions->add_option("--theme", c.theme, "Only this theme (id)");
  c.actions->add_option("--as-of", c.as_of, "As things stood at the end of YYYY-MM-DD");
  c.actions->add_option("--format", c.format, "table, json or csv")->capture_default_str();
  c.add = c.actions->add_subcommand("add", "Add an action the Board agreed");
  c.add->add_option("--title", c.title, "What will be done")->required();
  c.add->add_option("--owner", c.owner, "Who owns it (a Hearth username, or their role)")
      ->required();
  c.add->add_option("--owner-name", c.owner_name, "Their name as people know it");
  c.add->add_option("--due", c.due, "YYYY-MM-DD")->required();
  c.add->add_option("--priority", c.priority, "The strategy priority it serves (id)");
  c.add->add_option("--theme", c.theme, "The theme it answers (id)");
  c.add->add_option("--card", c.card, "The challenge card it answers");
  c.add->add_option("--meeting", c.meeting, "The meeting that agreed it");
  c.close =
      c.actions->add_subcommand("close", "Close an action as done (with evidence) or dropped");
  c.close->add_option("ID", c.id, "The action")->required();
  c.close->add_option("--evidence", c.evidence, "What shows it was done (or why it was dropped)")
      ->required();
  c.close->add_flag("--dropped", c.dropped, "Dropped, not done");
  c.close->add_option("--on", c.on, "YYYY-MM-DD (default: today)");

  c.cards = app.add_subcommand(
      "cards", "The challenge cards to the Board and their \"You said, we did\" answers");
  c.cards->add_option("--la", c.la, "The council (default: the store's one council)");
  c.cards->add_option("--status", c.status, "raised, accepted, actions_agreed or answered");
  c.cards->add_option("--format", c.format, "table, json or csv")->capture_default_str();

  c.commentary = app.add_subcommand(
      "commentary", "Officers' commentary on the figures and the annual report's sections");
  c.c_set = c.commentary->add_subcommand("set", "Write a new version of a piece of commentary");
  c.c_set->add_option("SUBJECT", c.subject, "indicator:<key> or annual:<section>")->required();
  c.c_set->add_option("PERIOD", c.period, "A quarter's last day (2026-03-31) or a year (2025-26)")
      ->required();
  c.c_set->add_option("PART", c.part, "behind or doing (a figure); text (a section)")->required();
  auto* file = c.c_set->add_option("--file", c.body_file, "The Markdown to keep, from a file");
  c.c_set->add_option("--text", c.body_text, "The Markdown to keep")->excludes(file);
  c.c_set->add_option("--la", c.la, "The council (default: the store's one council)");
  c.c_show = c.commentary->add_subcommand("show", "The commentary for a period, as at a day");
  c.c_show->add_option("PERIOD", c.period, "2026-03-31 or 2025-26")->required();
  c.c_show->add_option("--as-at", c.as_of, "As written by the end of YYYY-MM-DD");
  c.c_show->add_option("--la", c.la, "The council (default: the store's one council)");
  c.c_show->add_option("--format", c.format, "table, json or csv")->capture_default_str();
  c.c_history = c.commentary->add_subcommand("history", "Every version of one piece");
  c.c_history->add_option("SUBJECT", c.subject, "indicator:<key> or annual:<section>")->required();
  c.c_history->add_option("PERIOD", c.period, "2026-03-31 or 2025-26")->required();
  c.c_history->add_option("PART", c.part, "behind, doing or text")->required();
  c.c_history->add_option("--la", c.la, "The council (default: the store's one council)");
  c.c_history->add_option("--format", c.format, "table, json or csv")->capture_default_str();
  c.commentary->require_subcommand(1);
}

std::optional<int> run_governance_cli(const Global& g, const GovernanceCli& c) {
  if (c.load && *c.load) return load(g, c);
  if (c.exp && *c.exp) return export_file(g, c);
  if (c.show && *c.show) return show(g, c);
  if (c.add && *c.add) return add(g, c);
  if (c.close && *c.close) return close(g, c);
  if (c.actions && *c.actions) return actions(g, c);
  if (c.cards && *c.cards) return cards(g, c);
  if (c.c_set && *c.c_set) return commentary_set(g, c);
  if (c.c_show && *c.c_show) return commentary_list(g, c, false);
  if (c.c_history && *c.c_history) return commentary_list(g, c, true);
  return std::nullopt;
}

}  // namespace hearth::cli
