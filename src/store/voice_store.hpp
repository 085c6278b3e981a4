// The child's voice as the store keeps it (docs/voice.md): invitations to a young person's
// account, statements and their replies, "I don't feel safe" alerts with who was told at each
// level, and the mail outbox that tells them. Text is kept only as sealed boxes
// (voice/keyring.hpp); this interface never sees it in the clear.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/instant.hpp"
#include "store/accounts.hpp"

namespace hearth::store {

struct Invitation {
  std::int64_t id = 0;
  std::string la;
  std::string child;
  std::string created_by;  // username
  model::Instant created_at{};
  model::Instant expires_at{};
  std::optional<model::Instant> used_at;
  std::int64_t used_by = 0;  // the account it made
};

struct Statement {
  std::int64_t id = 0;
  std::string la;
  std::string child;
  std::int64_t user_id = 0;       // the young person's account (0: loaded from another app)
  std::string source = "hearth";  // or the other app's name
  std::string external_id;        // the other app's identifier (a reload replaces, never doubles)
  model::Instant created_at{};
  std::string mood;
  std::string topic;
  std::string purpose;  // "", "prepare" or "good_news"
  bool unsafe = false;
  std::string text_box;  // sealed
  std::optional<model::Instant> first_read_at;
  std::optional<model::Instant> first_reply_at;
  // Read with the statement (not stored in its row):
  int replies = 0;
  std::optional<model::Instant> last_reply_at;
  int unseen_replies = 0;  // replies the young person has not opened
  std::int64_t alert_id = 0;
  bool alert_acknowledged = false;
  model::Instant alert_due_at{};
};

struct Reply {
  std::int64_t id = 0;
  std::int64_t statement_id = 0;
  std::int64_t user_id = 0;
  std::string author;  // their name when they wrote it
  model::Instant at{};
  std::string text_box;                   // sealed
  std::optional<model::Instant> seen_at;  // when the young person saw it
};

struct Alert {
  std::int64_t id = 0;
  std::int64_t statement_id = 0;
  std::string la;
  std::string child;
  model::Instant raised_at{};
  int level = 0;  // 0: the worker and their manager told; n: escalated n steps
  model::Instant due_at{};
  std::optional<model::Instant> acknowledged_at;
  std::string acknowledged_by;  // username
  std::string action_box;       // what was done, sealed ("" until acknowledged)
};

// Someone told of an alert (kind "told"), or the alert moving on ("escalated",
// "acknowledged"): user_id 0 for the latter.
struct AlertEvent {
  std::int64_t id = 0;
  std::int64_t alert_id = 0;
  model::Instant at{};
  std::string kind;
  int level = 0;
  std::int64_t user_id = 0;
  std::string username;
  std::string name;
};

struct Mail {
  std::int64_t id = 0;
  model::Instant created_at{};
  std::int64_t alert_id = 0;
  std::int64_t to_user = 0;
  std::string to_name;
  std::string to_address;
  std::string subject;
  std::string body;  // never a child's words: who, which alert, where to look
  int attempts = 0;
  model::Instant next_attempt_at{};
  std::optional<model::Instant> claimed_until;
  std::optional<model::Instant> sent_at;
  std::string last_error;
};

// Who is told at one level of an alert: an event for each, and their mail when they have an
// address.
struct Telling {
  std::vector<AlertEvent> told;  // alert_id, at and level are filled in by the store
  std::vector<Mail> mail;        // alert_id, created_at and next_attempt_at likewise
};

// A sealed text to re-seal (hearth keys rotate): which table, which row, the box.
struct SealedText {
  std::string table;  // "statements", "statement_replies" or "alerts"
  std::int64_t id = 0;
  std::string box;
};

// One survey's answers, or one standards rating: never who gave it.
struct SurveyResponse {
  std::string survey;
  std::string la;
  std::string on;       // YYYY-MM-DD
  std::string answers;  // JSON object: question id → answer
};
struct StandardsRating {
  std::string la;
  std::string team;
  std::string on;      // YYYY-MM-DD
  std::string scores;  // JSON object: standard id → 1-5
};

class VoiceStore {
 public:
  virtual ~VoiceStore() = default;

  // ---- invitations
  virtual std::int64_t add_invitation(const Invitation& inv, std::string_view code_hash) = 0;
  virtual std::optional<Invitation> find_invitation(std::string_view code_hash) = 0;
  // In one transaction: takes the invitation (unused and not expired at `now`) and adds the
  // account. Returns the account's id, or nothing when the code was used or has expired (and
  // then no account is made). Throws when the username is taken.
  virtual std::optional<std::int64_t> redeem_invitation(std::string_view code_hash,
                                                        model::Instant now,
                                                        const UserRecord& account) = 0;

  // ---- statements and replies
  // In one transaction: the statement and, when `alert` is given, its alert (level 0) with
  // `telling` (everyone told, their mail). Returns the statement's id (and sets alert->id).
  virtual std::int64_t add_statement(const Statement& s, Alert* alert, const Telling& telling) = 0;
  // Statements from another app, each by (la, source, external_id), all in one transaction (a file
  // of them lands whole or not at all); one already loaded is updated in place, so replies written
  // in Hearth stay with it. Returns how many were new.
  virtual std::size_t put_imported_statements(std::span<const Statement> statements) = 0;
  // The council's statements (or one child's when `child` is not empty), newest first, with
  // their reply counts and alerts.
  virtual std::vector<Statement> statements(std::string_view la, std::string_view child) = 0;
  virtual std::optional<Statement> statement(std::int64_t id) = 0;
  virtual std::vector<Reply> replies(std::int64_t statement_id) = 0;
  // Adds the reply; the statement's first reply (and first read) are set when not yet.
  virtual std::int64_t add_reply(const Reply& r) = 0;
  virtual void mark_statement_read(std::int64_t id, model::Instant at) = 0;
  // The young person has seen the replies to statement `id`.
  virtual void mark_replies_seen(std::int64_t statement_id, model::Instant at) = 0;

  // ---- alerts
  virtual std::vector<Alert> alerts(std::string_view la, bool open_only) = 0;
  virtual std::optional<Alert> alert(std::int64_t id) = 0;
  virtual std::vector<AlertEvent> alert_events(std::int64_t alert_id) = 0;
  // Sets the acknowledgement when the alert has none; false when it already had one.
  virtual bool acknowledge_alert(std::int64_t id, model::Instant at, std::string_view by,
                                 std::string_view action_box) = 0;
  // Open alerts (not acknowledged) due at or before `now`, any council.
  virtual std::vector<Alert> alerts_due(model::Instant now) = 0;
  // In one transaction, only when the alert is still open and at `from_level`: moves it to
  // from_level + 1 with `new_due`, and records `telling`. True when this call moved it (with
  // several servers, exactly one does).
  virtual bool escalate_alert(std::int64_t id, int from_level, model::Instant new_due,
                              model::Instant at, const Telling& telling) = 0;

  // ---- the mail outbox
  // Mail not yet sent whose next attempt is due and that nobody holds a claim on.
  virtual std::vector<Mail> mail_due(model::Instant now, int limit) = 0;
  // Takes mail `id` to send until `until` (counting an attempt); false when another holds it.
  virtual bool claim_mail(std::int64_t id, model::Instant now, model::Instant until) = 0;
  virtual void mail_sent(std::int64_t id, model::Instant at) = 0;
  virtual void mail_failed(std::int64_t id, std::string_view error,
                           model::Instant next_attempt) = 0;
  virtual std::vector<Mail> alert_mail(std::int64_t alert_id) = 0;

  // ---- surveys and standards (anonymous: the answers are stored apart from who answered)
  // In one transaction: records that `user_id` answered `r.survey` and stores the answers under
  // a random id. False (nothing stored) when they had answered it already.
  virtual bool add_survey_response(std::int64_t user_id, const SurveyResponse& r) = 0;
  virtual bool has_answered(std::string_view survey, std::int64_t user_id) = 0;
  virtual std::vector<SurveyResponse> survey_responses(std::string_view la) = 0;
  // Stores the rating and when `user_id` last rated (replacing the last).
  virtual void add_standards_rating(std::int64_t user_id, const StandardsRating& r) = 0;
  // The day `user_id` last rated ("" never).
  virtual std::string last_rated(std::int64_t user_id) = 0;
  virtual std::vector<StandardsRating> standards_ratings(std::string_view la) = 0;

  // Changes whenever a statement or reply is added, or a statement read (the data the figures
  // use): the snapshot reloads when it differs.
  virtual std::string version() = 0;

  // ---- keys
  virtual std::vector<SealedText> sealed_texts() = 0;
  // Replaces each box, all in one transaction.
  virtual void reseal(const std::vector<SealedText>& boxes) = 0;
};

}  // namespace hearth::store
