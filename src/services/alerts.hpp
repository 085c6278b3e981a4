// "I don't feel safe" after the child is told (docs/voice.md, "Alerts"): who is told at each
// level — the allocated worker and their team's manager, then each configured step of the
// management chain — the working-day deadline to acknowledge, the escalation when it passes
// (once, however many servers run it), and the outbox that mails them, retrying what fails.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/policy.hpp"
#include "model/dataset.hpp"
#include "services/voice.hpp"

namespace hearth::services {

// Who is told at `level` of an alert about a child with these allocations, and their mail.
// Level 0: the allocated social workers and personal advisers with accounts, and the managers of
// their teams (none of them: every manager of the council, so somebody always is). Level n: step
// n of [[alerts.escalate]] that applies to the child's teams (past the last step: the last step
// again); without steps, every manager of the council.
store::Telling telling_for(store::Store& st, const Voice& v, const store::Alert& a,
                           const auth::Resource& child, int level);

struct AlertView {
  store::Alert alert;
  std::vector<store::AlertEvent> events;
  std::vector<store::Mail> mail;
  std::string action;  // what was done, opened ("" until acknowledged)
  bool overdue = false;
};
AlertView view_alert(store::Store& st, const Voice& v, const store::Alert& a, model::Instant now,
                     bool open_action);

// Acknowledges alert `id` with what was done. bad_input for no words or too many; conflict
// when it was acknowledged already (by whom, when).
store::Alert acknowledge(store::Store& st, const Voice& v, const auth::Principal& who,
                         std::int64_t id, const std::string& action, model::Instant now);

// The people who work with an alert's child on `day`, from `data` (nobody: a child not in it).
using ChildOf = std::function<auth::Resource(const store::Alert&)>;
ChildOf allocations_in(std::shared_ptr<const model::Dataset> data, model::Date day);

// Escalates every open alert past its deadline by one level each; returns how many this call
// moved (another server's moves are not counted). `child_of` gives the child's allocations now.
int escalate_due(store::Store& st, const Voice& v, model::Instant now,
                 const std::function<auth::Resource(const store::Alert&)>& child_of);

// Sends the outbox's mail that is due (up to `limit`); a failure waits retry_minutes and is
// tried again. Returns {sent, failed}. `send` is voice::send_mail but for tests.
struct MailRun {
  int sent = 0;
  int failed = 0;
};
using Sender = std::function<std::string(const voice::VoiceConfig&, const store::Mail&)>;
MailRun send_due_mail(store::Store& st, const Voice& v, model::Instant now, int limit = 50,
                      const Sender& send = {});

}  // namespace hearth::services
