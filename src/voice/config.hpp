// The voice's settings, from the configuration file's [voice], [alerts], [mail] and
// [[local_offer]] tables (docs/voice.md has every key and its default).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hearth::voice {

// One step of an alert's escalation after the worker and their manager: the people told, by
// username. `teams` empty: for every team; otherwise only for children allocated to one of them.
struct EscalationStep {
  std::vector<std::string> users;
  std::vector<std::string> teams;
};

// One entitlement of the council's local offer to care leavers.
struct OfferItem {
  std::string name;
  std::string amount;  // as people read it: "£3,000"
  std::string detail;
};

struct VoiceConfig {
  std::filesystem::path key_file;  // empty: beside a SQLite store (voice.key), else required
  int reply_within_working_days = 5;
  int acknowledge_within_working_days = 1;
  int invitation_days = 14;
  int standards_min_responses = 10;
  std::string out_of_hours;  // the council's emergency duty team's number ("" for none)
  std::string out_of_hours_name = "the council's out-of-hours emergency duty team";
  std::vector<EscalationStep> escalation;
  std::vector<OfferItem> local_offer;
  std::filesystem::path surveys_folder;  // empty: the surveys and standards Hearth ships
  // [mail]
  std::string smtp_url;  // "smtp://host:port" (or smtps://); empty: mail is kept, not sent
  std::string mail_from = "hearth@localhost";
  std::string smtp_user;
  std::string smtp_password;                     // from password_file
  std::string base_url;                          // where Hearth is, for links in mail ("" for none)
  std::vector<int> retry_minutes{1, 5, 15, 60};  // after each failed try; the last repeats

  static VoiceConfig defaults() { return {}; }
};

// Reads the tables from the TOML file; absent keys keep their defaults. Throws
// timescales::ConfigError naming the key at fault.
VoiceConfig load_voice_config(const std::filesystem::path& file);

// The key file: configured, else HEARTH_VOICE_KEY, else "voice.key" beside a SQLite store's
// file; empty when there is none to use (PostgreSQL without one configured).
std::filesystem::path key_file_for(const VoiceConfig& c, const std::string& store_url);

}  // namespace hearth::voice
