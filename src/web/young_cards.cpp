// A young person's challenge card to the council (docs/governance.md): the challenge in their
// own words, the year's theme it is about, whom it asks. The participation officer reads it first
// and puts it to the Board without anyone's name; the answer comes back on the home page as "You
// said, we did". Works without script, as every page here.
#include "services/board.hpp"
#include "services/errors.hpp"
#include "services/governance.hpp"
#include "web/young_page.hpp"

namespace hearth::web::young {

namespace {

std::string council_of(const Page& p) {
  const auto& who = p.call.who();
  return who.councils.empty() ? std::string() : who.councils.front();
}

// The year's themes (the latest year the arrangements name), each as a radio.
json themes(const governance::Governance& g, const std::string& chosen) {
  std::string year;
  for (const auto& t : g.themes) year = std::max(year, t.year);
  json out = json::array();
  for (const auto& t : g.themes)
    if (t.year == year)
      out.push_back({{"id", "theme-" + t.id},
                     {"value", t.id},
                     {"word", t.title},
                     {"checked", t.id == chosen}});
  return out;
}

std::optional<governance::Governance> arrangements(Page& p) {
  try {
    return services::governance_of(p.call.st, council_of(p), *p.call.ctx.surveys);
  } catch (const services::Error& e) {
    if (e.kind() == services::ErrorKind::NotFound) return std::nullopt;
    throw;
  }
}

http::Response form(Page& p, int status, const governance::Governance& g, json d,
                    const FormErrors& errors) {
  d["themes"] = themes(g, d.value("theme", ""));
  d["has_themes"] = !d["themes"].empty();
  errors.into(d);
  return page(p, status, "card", std::move(d), "card_title");
}

}  // namespace

http::Response card_form(Page& p) {
  p.call.require(auth::Action::RaiseCard, auth::Resource::council(council_of(p)));
  auto g = arrangements(p);
  if (!g) return info(p, 200, "card_title", "cards_closed", "/my", "back_home");
  return form(p, 200, *g, json::object(), FormErrors());
}

http::Response card_post(Page& p) {
  const std::string la = council_of(p);
  p.call.require(auth::Action::RaiseCard, auth::Resource::council(la));
  auto g = arrangements(p);
  if (!g) return info(p, 200, "card_title", "cards_closed", "/my", "back_home");
  const std::string challenge = p.field("challenge"), theme = p.field("theme"),
                    to = p.field("addressed_to");
  json d = {{"challenge", challenge}, {"theme", theme}, {"addressed_to", to}};
  FormErrors errors;
  if (challenge.find_first_not_of(" \t\r\n") == std::string::npos)
    errors.add("challenge", p.say("card_empty"));
  else if (challenge.size() > 2000)
    errors.add("challenge", p.say("card_too_long"));
  if (!theme.empty() && !g->theme(theme)) errors.add("theme", p.say("card_theme"));
  if (to.size() > 200) errors.add("addressed_to", p.say("card_to_long"));
  if (errors.any()) return form(p, 400, *g, d, errors);
  auto derived = p.call.ctx.derived();
  const auto c = services::raise_card(*derived->data, p.call.st, la, *g, {challenge, theme, to},
                                      p.call.who().username, "young_person",
                                      model::from_unix_seconds(p.call.ctx.authn.now()));
  p.call.audit("card.raise", "card:" + std::to_string(c.id), "ok", {{"la", la}});
  return info(p, 200, "card_sent_title", "card_sent_text", "/my", "back_home");
}

}  // namespace hearth::web::young
