// The SQL behind the Store's governance methods (store/governance_store.hpp), on the store's
// session.
#pragma once

#include <soci/soci.h>

#include "store/driver.hpp"
#include "store/governance_store.hpp"

namespace hearth::store {

class SqlGovernance final : public GovernanceStore {
 public:
  SqlGovernance(soci::session& sql, const Driver& driver) : sql_(sql), driver_(driver) {}

  std::int64_t put_governance(const GovernanceVersion& v) override;
  std::optional<GovernanceVersion> governance(std::string_view la,
                                              std::optional<model::Instant> as_at) override;
  std::vector<GovernanceVersion> governance_versions(std::string_view la) override;

  std::int64_t add_action(const Action& a, const GovEvent& created) override;
  bool update_action(const Action& a, model::Instant seen_updated_at, const GovEvent& e) override;
  std::vector<Action> actions(std::string_view la) override;
  std::optional<Action> action(std::int64_t id) override;
  std::vector<GovEvent> action_events(std::int64_t id) override;

  std::int64_t add_card(const Card& c, const GovEvent& raised) override;
  bool update_card(const Card& c, model::Instant seen_updated_at, const GovEvent& e) override;
  std::vector<Card> cards(std::string_view la) override;
  std::optional<Card> card(std::int64_t id) override;
  std::vector<GovEvent> card_events(std::int64_t id) override;
  std::string cards_version() override;

  std::int64_t add_meeting(const Meeting& m) override;
  bool update_meeting(const Meeting& m, model::Instant seen_updated_at) override;
  std::vector<Meeting> meetings(std::string_view la) override;
  std::optional<Meeting> meeting(std::int64_t id) override;

  void receive_report(const ReportReceipt& r) override;
  std::vector<ReportReceipt> report_receipts(std::string_view la) override;

  void put_manual_value(const ManualValue& v) override;
  std::vector<ManualValue> manual_values(std::string_view la) override;

 private:
  std::vector<Action> actions_where(const std::string& where, const std::string& arg);
  std::vector<Card> cards_where(const std::string& where, const std::string& arg);
  std::vector<Meeting> meetings_where(const std::string& where, const std::string& arg);
  std::vector<GovEvent> events(const char* table, const char* key, std::int64_t id);
  void add_event(const char* table, const char* key, std::int64_t id, const GovEvent& e);
  void put_items(std::int64_t meeting, const Meeting& m);

  soci::session& sql_;
  const Driver& driver_;
};

}  // namespace hearth::store
