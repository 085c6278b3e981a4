#include "services/voice.hpp"

#include <sodium.h>

#include <algorithm>

#include "auth/crypto.hpp"
#include "auth/policy.hpp"
#include "model/text.hpp"
#include "services/alerts.hpp"
#include "services/errors.hpp"
#include "voice/clock.hpp"
#include "voice/vocabulary.hpp"

namespace hearth::services {

namespace {

// Letters and digits that cannot be mistaken for one another (no I, O, 0 or 1).
constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr std::size_t kCodeLength = 12;

std::string code_digest(const std::string& canonical) {
  return auth::sha256_hex("hearth-invitation:" + canonical);
}

}  // namespace

std::string checked_text(const std::string& text, std::size_t max, const std::string& code,
                         const std::string& what, bool may_be_empty) {
  if (!model::is_utf8(text) || text.find('\0') != std::string::npos)
    throw bad_input(code, what + " must be text", {{"parameter", "text"}});
  std::string t = text;
  // Line ends as the browser sends them (CRLF) kept as one.
  t.erase(std::remove(t.begin(), t.end(), '\r'), t.end());
  const bool blank = t.find_first_not_of(" \t\n") == std::string::npos;
  if (blank && !may_be_empty)
    throw bad_input(code, what + " is empty: write something", {{"parameter", "text"}});
  if (model::utf8_characters(t) > max)
    throw bad_input(code,
                    what + " is too long: at most " + std::to_string(max) + " characters, not " +
                        std::to_string(model::utf8_characters(t)),
                    {{"parameter", "text"}, {"max", max}});
  return blank ? std::string() : t;
}

voice::Keyring voice_keys(store::Store& st, const std::filesystem::path& file) {
  if (file.empty())
    throw bad_input("no_voice_key",
                    "name the key file that seals what children write: [voice] key_file in the "
                    "configuration, or HEARTH_VOICE_KEY (docs/voice.md)");
  std::error_code ec;
  if (!std::filesystem::exists(file, ec) && !st.voice().sealed_texts().empty())
    throw Error(ErrorKind::System, "voice_key_missing",
                "the store holds sealed statements but the key file " + file.string() +
                    " is missing: restore it from its backup (a new key cannot open them)");
  try {
    return voice::Keyring::load_or_create(file);
  } catch (const voice::KeyError& e) {
    throw Error(ErrorKind::System, "voice_key_unreadable", e.what());
  }
}

// ---- invitations ------------------------------------------------------------------------------

std::string canonical_code(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kCodeAlphabet.find(c) == std::string_view::npos) return {};
    out += c;
  }
  return out.size() == kCodeLength ? out : std::string();
}

NewInvitation invite(store::Store& st, const Voice& v, const std::string& la,
                     const std::string& child, const std::string& by, model::Instant now) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::string raw;
  for (std::size_t i = 0; i < kCodeLength; ++i)
    raw += kCodeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kCodeAlphabet.size()))];
  NewInvitation out;
  out.code = raw.substr(0, 4) + "-" + raw.substr(4, 4) + "-" + raw.substr(8, 4);
  auto& inv = out.invitation;
  inv.la = la;
  inv.child = child;
  inv.created_by = by;
  inv.created_at = now;
  inv.expires_at = now + std::chrono::days(v.config.invitation_days);
  inv.id = st.voice().add_invitation(inv, code_digest(raw));
  return out;
}

store::UserRecord redeem(store::Store& st, const Redeem& r, model::Instant now) {
  const std::string code = canonical_code(r.code);
  const auto refused = [] {
    return bad_input("bad_code",
                     "That code does not work. It may be mistyped, used already or too old: ask "
                     "your worker for a new one.",
                     {{"parameter", "code"}});
  };
  if (code.empty()) throw refused();
  const auto inv = st.voice().find_invitation(code_digest(code));
  if (!inv || inv->used_at || inv->expires_at <= now) throw refused();
  if (model::utf8_characters(r.username) < 3 || model::utf8_characters(r.username) > 64 ||
      r.username.find_first_of(" \t\r\n:/@") != std::string::npos || !model::is_utf8(r.username))
    throw bad_input("bad_username",
                    "Choose a username of 3 to 64 letters or numbers, with no spaces",
                    {{"parameter", "username"}});
  if (st.find_user(r.username))
    throw bad_input("username_taken", "Someone already has that username: choose another",
                    {{"parameter", "username"}});
  if (auto problem = auth::password_problem(r.password, r.username); !problem.empty())
    throw bad_input("bad_password", problem, {{"parameter", "password"}});
  std::string name = checked_text(r.display_name, 60, "bad_name", "Your name", true);
  if (name.find('\n') != std::string::npos)
    throw bad_input("bad_name", "Your name must be on one line", {{"parameter", "display_name"}});
  store::UserRecord u;
  u.username = r.username;
  u.display_name = name.empty() ? r.username : name;
  u.role = std::string(auth::role_name(auth::Role::YoungPerson));
  u.password_hash = auth::hash_password(r.password);
  u.councils = {inv->la};
  u.child = inv->child;
  u.created_at = u.password_changed_at = now;
  auto id = st.voice().redeem_invitation(code_digest(code), now, u);
  if (!id) throw refused();  // taken by someone else in the meantime
  u.id = *id;
  return u;
}

// ---- statements -------------------------------------------------------------------------------

Sent send_statement(store::Store& st, const Voice& v, const auth::Principal& yp,
                    const auth::Resource& child, const NewStatement& s, model::Instant now) {
  if (yp.role != auth::Role::YoungPerson || yp.child.empty() || yp.councils.empty())
    throw Error(ErrorKind::Forbidden, "forbidden",
                "Only a young person sends statements, about themselves",
                {{"role", auth::role_name(yp.role)}});
  if (!voice::one_of(voice::kMoods, s.mood))
    throw bad_input("bad_mood", "Choose how you feel: great, good, okay, sad, angry or scared",
                    {{"parameter", "mood"}, {"allowed", voice::kMoods}});
  if (!voice::one_of(voice::kTopics, s.topic))
    throw bad_input("bad_topic", "Choose what it is about",
                    {{"parameter", "topic"}, {"allowed", voice::kTopics}});
  if (!voice::one_of(voice::kPurposes, s.purpose))
    throw bad_input("bad_purpose", "purpose is \"\", \"prepare\" or \"good_news\"",
                    {{"parameter", "purpose"}, {"allowed", voice::kPurposes}});
  const std::string text =
      checked_text(s.text, voice::kMaxTextCharacters, "bad_text", "Your message", s.unsafe);

  store::Statement rec;
  rec.la = yp.councils.front();
  rec.child = yp.child;
  rec.user_id = yp.id;
  rec.created_at = now;
  rec.mood = s.mood;
  rec.topic = s.topic;
  rec.purpose = s.purpose;
  rec.unsafe = s.unsafe;
  rec.text_box = v.keys.seal(text);

  Sent out;
  out.text = text;
  if (!s.unsafe) {
    rec.id = st.voice().add_statement(rec, nullptr, {});
    out.statement = rec;
    return out;
  }
  store::Alert alert;
  alert.la = rec.la;
  alert.child = rec.child;
  alert.raised_at = now;
  alert.level = 0;
  alert.due_at = voice::add_working_days(now, v.config.acknowledge_within_working_days, v.calendar);
  store::Telling telling = telling_for(st, v, alert, child, 0);
  rec.id = st.voice().add_statement(rec, &alert, telling);
  out.statement = rec;
  out.statement.alert_id = alert.id;
  out.statement.alert_due_at = alert.due_at;
  out.alert = alert;
  for (const auto& e : telling.told) out.told.push_back({e.name, e.username, 0, now});
  return out;
}

Opened open_statement(store::Store& st, const Voice& v, std::int64_t id) {
  auto s = st.voice().statement(id);
  if (!s) throw not_found("not_found", "There is no statement " + std::to_string(id));
  Opened out;
  out.statement = *s;
  out.text = v.keys.open(s->text_box);
  for (auto& r : st.voice().replies(id)) {
    std::string text = v.keys.open(r.text_box);
    out.replies.push_back({std::move(r), std::move(text)});
  }
  return out;
}

ReplyText reply(store::Store& st, const Voice& v, const auth::Principal& who, std::int64_t id,
                const std::string& text_in, model::Instant now) {
  const std::string text =
      checked_text(text_in, voice::kMaxTextCharacters, "bad_text", "The reply", false);
  if (!st.voice().statement(id))
    throw not_found("not_found", "There is no statement " + std::to_string(id));
  store::Reply r;
  r.statement_id = id;
  r.user_id = who.id;
  r.author = who.display_name.empty() ? who.username : who.display_name;
  r.at = now;
  r.text_box = v.keys.seal(text);
  r.id = st.voice().add_reply(r);
  return {r, text};
}

}  // namespace hearth::services
