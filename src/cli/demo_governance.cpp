#include "cli/demo_governance.hpp"

#include <array>
#include <chrono>

#include "services/governance.hpp"
#include "voice/surveys.hpp"

namespace hearth::cli {

namespace {

using model::add_months;
using model::Date;
using std::chrono::days;

model::Instant at(Date d, int hour = 10) {
  return model::Instant{std::chrono::sys_days{d} + std::chrono::hours{hour}};
}

store::GovEvent ev(Date d, std::string by, std::string kind, std::string status,
                   std::string note = "") {
  return {0, at(d), std::move(by), std::move(kind), std::move(status), std::move(note)};
}

struct DemoAction {
  const char* theme;
  const char* priority;
  const char* title;
  const char* owner;
};
// Three a theme, as the children in care council and the Board agreed them.
constexpr std::array<DemoAction, 15> kActions{{
    {"health-support", "health",
     "Every young person gets their health history when they leave care",
     "Designated Nurse for Children in Care"},
    {"health-support", "health", "Drop-in emotional wellbeing sessions at the youth hub",
     "Head of Emotional Wellbeing"},
    {"health-support", "health", "Free gym passes for care leavers up to 25",
     "Head of Leaving Care"},
    {"feeling-safe", "safety", "Children meet their new carers before they move in",
     "Head of Fostering"},
    {"feeling-safe", "safety", "A named person to call out of hours, on every child's phone",
     "Out of Hours Service Manager"},
    {"feeling-safe", "safety", "Fewer changes of social worker: caseloads reviewed monthly",
     "Assistant Director, Children's Social Care"},
    {"education-work", "education", "Apprenticeships in the council ring-fenced for care leavers",
     "Head of HR"},
    {"education-work", "education", "Laptops for every child in care in Year 10 and above",
     "Virtual School Head"},
    {"education-work", "education", "Bus passes arranged with the school place",
     "Head of Transport"},
    {"home-housing", "independence", "Council tax exemption for care leavers up to 25",
     "Head of Revenues"},
    {"home-housing", "independence", "A setting-up-home allowance of £3,000, paid on time",
     "Head of Leaving Care"},
    {"home-housing", "independence", "Care leavers given priority on the housing register",
     "Head of Housing"},
    {"listened-to", "listening", "Young people help interview new social workers",
     "Participation Lead"},
    {"listened-to", "listening", "Reviews held where and when the young person chooses",
     "Head of Quality Assurance"},
    {"listened-to", "listening", "A \"You said, we did\" page every young person can see",
     "Participation Lead"},
}};

struct DemoCard {
  const char* theme;
  const char* challenge;
  const char* to;
  const char* response;  // "" while not answered
};
constexpr std::array<DemoCard, 6> kCards{{
    {"education-work", "Why do we have to ask three times for a bus pass when we change school?",
     "Head of Transport",
     "We now arrange the bus pass with the school place, so it is ready on your first day."},
    {"home-housing", "We want to know what money we get when we leave care, before we leave.",
     "Head of Leaving Care",
     "The local offer is now on your Hearth page, with every amount, and your adviser goes "
     "through it with you at 16."},
    {"feeling-safe", "We want to meet new carers before we move in, not on the day.",
     "Head of Fostering",
     "Unless it is an emergency, you now meet your new carers at least once before you move."},
    {"health-support", "Waiting for CAMHS takes too long. We need someone to talk to now.",
     "Head of Emotional Wellbeing", ""},
    {"listened-to", "Our reviews are at school in lesson time. Everyone knows why we leave class.",
     "Head of Quality Assurance", ""},
    {"education-work", "Care leavers should get work experience at the council.", "Head of HR", ""},
}};

}  // namespace

std::string add_demo_governance(store::Store& st, const std::string& la, Date today) {
  auto& gov = st.governance();
  if (gov.governance(la)) return "";
  std::string text;
  for (const auto& f : governance::shipped_governance())
    if (f.name == "medway.toml") text = std::string(f.text);
  const auto& surveys = voice::SurveyBook::shipped();
  const Date year_ago = add_months(today, -12);
  services::load_governance(st, la, text, "medway.toml", "hearth demo", surveys, at(year_ago));
  const auto g = services::governance_of(st, la, surveys);
  const std::string officer = "demo-officer", participation = "demo-participation";

  // Meetings every two months: five held in the last year, the next one to come.
  std::vector<std::int64_t> meetings;
  std::vector<Date> held_on;
  for (int k = 5; k >= -1; --k) {
    store::Meeting m;
    m.la = la;
    m.held_on = add_months(today, -2 * k - 1) + days{3};
    m.title = g.name;
    m.theme = g.themes[static_cast<std::size_t>((5 - k) % 5)].id;
    m.status = m.held_on < today ? "held" : "planned";
    m.agenda = {{"Children in care scorecard", "scorecard"},
                {"Challenge cards from the children in care council", ""},
                {"Theme: " + g.theme(m.theme)->title, ""},
                {"Actions due and overdue", ""}};
    for (const auto& mem : g.members)
      m.attendance.push_back({mem.name, mem.name.find("Patel") != std::string::npos && k % 2
                                            ? "apologies"
                                            : "present"});
    if (m.status == "held") {
      m.decisions = {{"Agreed three actions for the theme \"" + g.theme(m.theme)->title + "\"", ""},
                     {"Noted the scorecard; asked for a deep dive on health assessments", ""}};
      m.minutes =
          "The Board heard from the children in care council and agreed the actions "
          "recorded. The scorecard was noted.";
    }
    m.created_at = m.updated_at = at(m.held_on - days{30});
    m.created_by = officer;
    meetings.push_back(gov.add_meeting(m));
    held_on.push_back(m.held_on);
  }

  // Challenge cards: three answered with "You said, we did", three still open.
  std::vector<std::int64_t> cards;
  for (std::size_t i = 0; i < kCards.size(); ++i) {
    const auto& d = kCards[i];
    store::Card c;
    c.la = la;
    const Date raised = add_months(today, -11 + static_cast<int>(i) * 2) - days{5};
    c.raised_at = c.updated_at = at(raised);
    c.raised_by = i == 4 ? "demo-yp" : participation;
    c.raised_by_role = i == 4 ? "young_person" : "participation";
    c.challenge = d.challenge;
    c.theme = d.theme;
    c.addressed_to = d.to;
    const auto id = gov.add_card(c, ev(raised, c.raised_by, "raised", "raised"));
    auto seen = c.updated_at;
    c.id = id;
    auto step = [&](Date on, const std::string& status, const std::string& by,
                    const std::string& kind) {
      c.status = status;
      c.updated_at = at(on);
      gov.update_card(c, seen, ev(on, by, kind, status));
      seen = c.updated_at;
    };
    if (i < 5) step(raised + days{14}, "accepted", participation, "accepted");
    if (i < 4) step(raised + days{40}, "actions_agreed", officer, "actions_agreed");
    if (*d.response) {
      c.response = d.response;
      c.approved_at = at(raised + days{120});
      c.approved_by = participation;
      step(raised + days{120}, "answered", participation, "answered");
    }
    cards.push_back(id);
  }

  // Actions: three for each theme, most done with evidence, some open, one overdue, one dropped.
  int done = 0, open = 0, late = 0;
  for (std::size_t i = 0; i < kActions.size(); ++i) {
    const auto& d = kActions[i];
    services::NewAction n;
    n.title = d.title;
    // Some owned by people with accounts, who close them themselves.
    n.owner = i % 3 == 0 ? "demo-manager" : i % 3 == 1 ? "demo-board" : "";
    n.owner_name = d.owner;
    n.priority = d.priority;
    n.theme = d.theme;
    const std::size_t meeting = i / 3;
    n.meeting = meetings[meeting];
    const Date agreed = held_on[meeting];
    const Date due = add_months(agreed, 3 + static_cast<int>(i % 3) * 2);
    n.due = model::format_iso(due);
    if (i == 8) n.card = cards[0];
    if (i == 10) n.card = cards[1];
    if (i == 3) n.card = cards[2];
    auto a = services::add_action(st, la, g, n, officer, at(agreed));
    if (due < today - days{20} && i != 5) {
      const bool dropped = i == 12;
      services::close_action(st, la, a.id, dropped ? "dropped" : "done",
                             dropped ? "Replaced by the new review booking form (action 14)"
                                     : "Done: reported to the Board by " + std::string(d.owner),
                             due - days{7}, officer, at(due - days{7}));
      ++done;
    } else {
      ++open;
      if (due < today) ++late;
    }
  }

  // Reports received against the calendar; the latest sufficiency update has not come.
  int received = 0, missing = 0;
  for (const auto& r : g.reports) {
    const auto dues = r.due_between(g.from, today);
    for (const Date due : dues) {
      if (r.id == "sufficiency" && due == dues.back()) {
        ++missing;
        continue;
      }
      gov.receive_report({0, la, r.id, due, due - days{4}, officer,
                          r.id + "-" + model::format_iso(due) + ".pdf", ""});
      ++received;
    }
  }

  // The advocacy partner's quarterly figure, entered by hand.
  const double figures[] = {78, 81, 84, 86};
  for (int q = 0; q < 4; ++q)
    gov.put_manual_value({0, la, "advocacy-partner", add_months(today, -9 + 3 * q) - days{1},
                          figures[q], "The advocacy partner's quarterly report", officer,
                          at(add_months(today, -9 + 3 * q))});

  const int commentary = add_demo_commentary(st, la, today);
  return "Added the Corporate Parenting Board (Medway's arrangements): " +
         std::to_string(meetings.size()) + " meetings, " + std::to_string(kActions.size()) +
         " actions (" + std::to_string(done) + " closed, " + std::to_string(open) + " open, " +
         std::to_string(late) + " overdue), " + std::to_string(cards.size()) +
         " challenge cards (3 answered), " + std::to_string(received) + " reports received and " +
         std::to_string(missing) + " missing; " + std::to_string(commentary) +
         " pieces of commentary for the papers.";
}

}  // namespace hearth::cli
