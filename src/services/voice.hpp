// The child's own channel (docs/voice.md; ../shared/spec/access-and-voice.md, "Statements"): a
// young person's account from an invitation, statements and their replies, and "I don't feel
// safe" — stored with its alert, who was told and their mail in one transaction before the child
// is told anyone knows. The web (routes_voice.cpp, young_pages.cpp) and the CLI call these;
// access is the policy's, asked by the caller first.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "auth/roles.hpp"
#include "model/calendar.hpp"
#include "model/instant.hpp"
#include "store/store.hpp"
#include "voice/config.hpp"
#include "voice/keyring.hpp"

namespace hearth::auth {
struct Resource;
}

namespace hearth::services {

// What the voice's services need besides the store.
struct Voice {
  const voice::Keyring& keys;
  const voice::VoiceConfig& config;
  const model::WorkingDayCalendar& calendar = model::WorkingDayCalendar::england_and_wales();
};

// The keys in `file`; when there is no file yet and the store holds no sealed text, a new file
// with one new key. bad_input when no file is named; System when the store holds sealed text
// but the file is missing (a new key could not open it: restore the file).
voice::Keyring voice_keys(store::Store& st, const std::filesystem::path& file);

// ---- invitations

struct NewInvitation {
  std::string code;  // "ABCD-EFGH-JKLM": shown once, kept only as its digest
  store::Invitation invitation;
};
// A single-use code for the child's account, ending after config.invitation_days.
NewInvitation invite(store::Store& st, const Voice& v, const std::string& la,
                     const std::string& child, const std::string& by, model::Instant now);

struct Redeem {
  std::string code;
  std::string username;
  std::string display_name;  // what they like to be called
  std::string password;
};
// Makes the young person's account from a code. bad_input: no such code, used, expired (all
// one answer, so codes cannot be probed), a username taken or not allowed, a weak password.
store::UserRecord redeem(store::Store& st, const Redeem& r, model::Instant now);
// The code as typed (any case, spaces or dashes) in its canonical form, "" when it cannot be one.
std::string canonical_code(std::string_view typed);

// ---- statements

struct NewStatement {
  std::string mood;
  std::string topic;
  std::string text;
  bool unsafe = false;
  std::string purpose;
};

// Who was told of an alert, at which level.
struct Told {
  std::string name;
  std::string username;
  int level = 0;
  model::Instant at{};
};

struct Sent {
  store::Statement statement;
  std::string text;  // as stored (line ends as one)
  std::optional<store::Alert> alert;
  std::vector<Told> told;  // when unsafe: everyone told (never empty when anyone could be)
};

// Checks and stores a statement from young person `yp` about their own record (`child`: the
// people who work with them now). bad_input for an unknown mood, topic or purpose, text that is
// empty (unless unsafe: a child in danger need not write), over voice::kMaxTextCharacters or not
// text; forbidden for anyone but a young person.
Sent send_statement(store::Store& st, const Voice& v, const auth::Principal& yp,
                    const auth::Resource& child, const NewStatement& s, model::Instant now);

struct ReplyText {
  store::Reply reply;
  std::string text;
};
struct Opened {
  store::Statement statement;
  std::string text;
  std::vector<ReplyText> replies;
};
// The statement with its text and replies opened; not_found when there is none.
Opened open_statement(store::Store& st, const Voice& v, std::int64_t id);

// A reply from staff member `who`. bad_input for empty, too long or not text.
ReplyText reply(store::Store& st, const Voice& v, const auth::Principal& who, std::int64_t id,
                const std::string& text, model::Instant now);

// The characters in `text` as people count them; bad_input (code `code`) when it is not UTF-8
// text, is empty (unless `may_be_empty`) or longer than `max`.
std::string checked_text(const std::string& text, std::size_t max, const std::string& code,
                         const std::string& what, bool may_be_empty);

}  // namespace hearth::services
