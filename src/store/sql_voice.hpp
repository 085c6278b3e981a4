// The SQL behind the Store's voice methods (store/voice_store.hpp), on the store's session.
#pragma once

#include <soci/soci.h>

#include "store/driver.hpp"
#include "store/voice_store.hpp"

namespace hearth::store {

class SqlVoice final : public VoiceStore {
 public:
  SqlVoice(soci::session& sql, const Driver& driver) : sql_(sql), driver_(driver) {}

  std::int64_t add_invitation(const Invitation& inv, std::string_view code_hash) override;
  std::optional<Invitation> find_invitation(std::string_view code_hash) override;
  std::optional<std::int64_t> redeem_invitation(std::string_view code_hash, model::Instant now,
                                                const UserRecord& account) override;

  std::int64_t add_statement(const Statement& s, Alert* alert, const Telling& telling) override;
  std::size_t put_imported_statements(std::span<const Statement> statements) override;
  std::vector<Statement> statements(std::string_view la, std::string_view child) override;
  std::optional<Statement> statement(std::int64_t id) override;
  std::vector<Reply> replies(std::int64_t statement_id) override;
  std::int64_t add_reply(const Reply& r) override;
  void mark_statement_read(std::int64_t id, model::Instant at) override;
  void mark_replies_seen(std::int64_t statement_id, model::Instant at) override;

  std::vector<Alert> alerts(std::string_view la, bool open_only) override;
  std::optional<Alert> alert(std::int64_t id) override;
  std::vector<AlertEvent> alert_events(std::int64_t alert_id) override;
  bool acknowledge_alert(std::int64_t id, model::Instant at, std::string_view by,
                         std::string_view action_box) override;
  std::vector<Alert> alerts_due(model::Instant now) override;
  bool escalate_alert(std::int64_t id, int from_level, model::Instant new_due, model::Instant at,
                      const Telling& telling) override;

  std::vector<Mail> mail_due(model::Instant now, int limit) override;
  bool claim_mail(std::int64_t id, model::Instant now, model::Instant until) override;
  void mail_sent(std::int64_t id, model::Instant at) override;
  void mail_failed(std::int64_t id, std::string_view error, model::Instant next_attempt) override;
  std::vector<Mail> alert_mail(std::int64_t alert_id) override;

  bool add_survey_response(std::int64_t user_id, const SurveyResponse& r) override;
  bool has_answered(std::string_view survey, std::int64_t user_id) override;
  std::vector<SurveyResponse> survey_responses(std::string_view la) override;
  void add_standards_rating(std::int64_t user_id, const StandardsRating& r) override;
  std::string last_rated(std::int64_t user_id) override;
  std::vector<StandardsRating> standards_ratings(std::string_view la) override;

  std::string version() override;
  std::vector<SealedText> sealed_texts() override;
  void reseal(const std::vector<SealedText>& boxes) override;

 private:
  std::vector<Statement> statements_where(const std::string& where, const std::string& a,
                                          const std::string& b);
  void tell(std::int64_t alert_id, int level, model::Instant at, const Telling& telling);
  soci::session& sql_;
  const Driver& driver_;
};

}  // namespace hearth::store
