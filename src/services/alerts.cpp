#include "services/alerts.hpp"

#include <algorithm>
#include <set>

#include "services/children.hpp"
#include "services/errors.hpp"
#include "voice/clock.hpp"
#include "voice/mail.hpp"

namespace hearth::services {

namespace {

bool has(const std::vector<std::string>& v, const std::string& x) {
  return !x.empty() && std::find(v.begin(), v.end(), x) != v.end();
}

bool in_council(const store::UserRecord& u, const std::string& la) {
  return !u.disabled && has(u.councils, la);
}

std::string when(model::Instant t) {
  // "18:02 on 2026-12-04" on the clock in England: the mail is read there.
  auto local = std::chrono::floor<std::chrono::minutes>(t + voice::england_offset(t));
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::hh_mm_ss hms{local - day};
  char buf[48];
  std::chrono::year_month_day ymd{day};
  static const char* names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                "Thursday", "Friday", "Saturday"};
  std::snprintf(buf, sizeof buf, "%02d:%02d on %s %04d-%02u-%02u",
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                names[std::chrono::weekday{day}.c_encoding()], static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

store::Mail mail_for(const Voice& v, const store::Alert& a, const store::UserRecord& u, int level) {
  store::Mail m;
  m.to_user = u.id;
  m.to_name = u.display_name;
  m.to_address = u.email;
  const std::string link =
      v.config.base_url.empty() ? "Hearth's Safety alerts page" : v.config.base_url + "/alerts";
  if (level == 0) {
    m.subject =
        "Hearth: a child has said they do not feel safe (alert " + std::to_string(a.id) + ")";
    m.body = "A child you work with (child " + a.child + ", council " + a.la + ") told Hearth at " +
             when(a.raised_at) + " that they do not feel safe.\n\n";
  } else {
    m.subject = "Hearth: not yet acknowledged — a child does not feel safe (alert " +
                std::to_string(a.id) + ")";
    m.body = "A child (child " + a.child + ", council " + a.la + ") told Hearth at " +
             when(a.raised_at) +
             " that they do not feel safe, and nobody has acknowledged it yet. You are told "
             "because you are next in the chain for this child (step " +
             std::to_string(level) + ").\n\n";
  }
  m.body += "Acknowledge it, saying what you have done, by " + when(a.due_at) + ": " + link +
            "\n\nThis email does not contain what the child said. Sign in to Hearth to read it.\n";
  return m;
}

}  // namespace

store::Telling telling_for(store::Store& st, const Voice& v, const store::Alert& a,
                           const auth::Resource& child, int level) {
  std::vector<store::UserRecord> users = st.list_users();
  std::vector<const store::UserRecord*> told;
  auto add = [&](const store::UserRecord& u) {
    for (const auto* t : told)
      if (t->id == u.id) return;
    told.push_back(&u);
  };
  auto every_manager = [&] {
    for (const auto& u : users)
      if (in_council(u, a.la) && u.role == "manager") add(u);
  };
  if (level == 0) {
    for (const auto& u : users) {
      if (!in_council(u, a.la)) continue;
      if (u.role == "worker" && has(child.workers, u.worker)) add(u);
      if (u.role == "manager" &&
          std::any_of(u.teams.begin(), u.teams.end(),
                      [&](const std::string& t) { return has(child.teams, t); }))
        add(u);
    }
    if (told.empty()) every_manager();
  } else {
    std::vector<const voice::EscalationStep*> steps;
    for (const auto& s : v.config.escalation)
      if (s.teams.empty() || std::any_of(s.teams.begin(), s.teams.end(),
                                         [&](const auto& t) { return has(child.teams, t); }))
        steps.push_back(&s);
    if (steps.empty()) {
      every_manager();
    } else {
      const auto& step = *steps[std::min<std::size_t>(level, steps.size()) - 1];
      for (const auto& name : step.users)
        for (const auto& u : users)
          if (u.username == name && in_council(u, a.la)) add(u);
      if (told.empty()) every_manager();
    }
  }
  store::Telling out;
  for (const auto* u : told) {
    store::AlertEvent e;
    e.kind = "told";
    e.level = level;
    e.user_id = u->id;
    e.username = u->username;
    e.name = u->display_name;
    out.told.push_back(std::move(e));
    if (!u->email.empty()) out.mail.push_back(mail_for(v, a, *u, level));
  }
  return out;
}

AlertView view_alert(store::Store& st, const Voice& v, const store::Alert& a, model::Instant now,
                     bool open_action) {
  AlertView out;
  out.alert = a;
  out.events = st.voice().alert_events(a.id);
  out.mail = st.voice().alert_mail(a.id);
  out.overdue = !a.acknowledged_at && a.due_at <= now;
  if (open_action && !a.action_box.empty()) out.action = v.keys.open(a.action_box);
  return out;
}

store::Alert acknowledge(store::Store& st, const Voice& v, const auth::Principal& who,
                         std::int64_t id, const std::string& action_in, model::Instant now) {
  const std::string action =
      checked_text(action_in, 2000, "bad_action", "What you have done", false);
  auto a = st.voice().alert(id);
  if (!a) throw not_found("not_found", "There is no alert " + std::to_string(id));
  if (a->acknowledged_at)
    throw conflict("acknowledged",
                   "This alert was acknowledged already, by " + a->acknowledged_by + " at " +
                       model::format_instant(*a->acknowledged_at),
                   {{"acknowledged_by", a->acknowledged_by}});
  if (!st.voice().acknowledge_alert(id, now, who.username, v.keys.seal(action)))
    throw conflict("acknowledged", "This alert was acknowledged by someone else just now");
  return *st.voice().alert(id);
}

ChildOf allocations_in(std::shared_ptr<const model::Dataset> data, model::Date day) {
  return [data = std::move(data), day](const store::Alert& a) {
    auth::Resource r = auth::Resource::council(a.la);
    r.child = a.child;
    if (!data) return r;
    if (auto c = data->find_child(a.la, a.child)) {
      auto who = allocated_on(*data, *c, day);
      r.workers = std::move(who.workers);
      r.teams = std::move(who.teams);
      r.iros = std::move(who.iros);
    }
    return r;
  };
}

int escalate_due(store::Store& st, const Voice& v, model::Instant now,
                 const std::function<auth::Resource(const store::Alert&)>& child_of) {
  int moved = 0;
  for (const auto& a : st.voice().alerts_due(now)) {
    store::Alert next = a;
    next.level = a.level + 1;
    next.due_at =
        voice::add_working_days(a.due_at, v.config.acknowledge_within_working_days, v.calendar);
    // A deadline already past again (a server stopped for days) moves on from now instead.
    if (next.due_at <= now)
      next.due_at =
          voice::add_working_days(now, v.config.acknowledge_within_working_days, v.calendar);
    auto telling = telling_for(st, v, next, child_of(a), next.level);
    if (st.voice().escalate_alert(a.id, a.level, next.due_at, now, telling)) ++moved;
  }
  return moved;
}

MailRun send_due_mail(store::Store& st, const Voice& v, model::Instant now, int limit,
                      const Sender& send) {
  MailRun run;
  const auto& retry = v.config.retry_minutes;
  for (const auto& m : st.voice().mail_due(now, limit)) {
    if (!st.voice().claim_mail(m.id, now, now + std::chrono::minutes(5))) continue;
    std::string error =
        send ? send(v.config, m)
             : voice::send_mail(v.config, {m.to_address, m.to_name, m.subject, m.body});
    if (error.empty()) {
      st.voice().mail_sent(m.id, now);
      ++run.sent;
    } else {
      // m.attempts counts the tries before this one.
      std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(m.attempts),
                                            retry.empty() ? 0 : retry.size() - 1);
      int wait = retry.empty() ? 5 : retry[i];
      st.voice().mail_failed(m.id, error, now + std::chrono::minutes(wait));
      ++run.failed;
    }
  }
  return run;
}

}  // namespace hearth::services
