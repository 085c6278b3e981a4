#include "voice/config.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "timescales/config.hpp"
#include "timescales/toml_document.hpp"

namespace hearth::voice {

namespace {

using timescales::ConfigError;

struct Reader {
  const std::string& file;
  const toml::table* table;
  std::string section;

  std::string where(std::string_view key) const {
    return file + ": [" + section + "] " + std::string(key);
  }
  void known(std::initializer_list<std::string_view> keys) const {
    if (!table) return;
    for (const auto& [k, v] : *table) {
      bool ok = false;
      for (auto name : keys) ok = ok || k.str() == name;
      if (!ok) throw ConfigError(where(k.str()) + " is not a setting Hearth knows");
    }
  }
  void text(std::string_view key, std::string& out) const {
    if (!table || !table->contains(key)) return;
    auto v = (*table)[key].value<std::string>();
    if (!v) throw ConfigError(where(key) + " must be text in quotes");
    out = *v;
  }
  void whole(std::string_view key, int& out, int lo, int hi) const {
    if (!table || !table->contains(key)) return;
    auto v = (*table)[key].value<std::int64_t>();
    if (!v || *v < lo || *v > hi)
      throw ConfigError(where(key) + " must be a whole number from " + std::to_string(lo) + " to " +
                        std::to_string(hi));
    out = static_cast<int>(*v);
  }
  std::vector<std::string> texts(const toml::table& t, std::string_view key) const {
    std::vector<std::string> out;
    if (!t.contains(key)) return out;
    const auto* arr = t[key].as_array();
    if (!arr) throw ConfigError(where(key) + " must be a list of text");
    for (const auto& e : *arr) {
      auto v = e.value<std::string>();
      if (!v) throw ConfigError(where(key) + " must be a list of text");
      out.push_back(*v);
    }
    return out;
  }
};

std::string read_secret_file(const std::string& path, const std::string& where) {
  std::ifstream in(path);
  if (!in) throw ConfigError(where + ": cannot read " + path);
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

}  // namespace

VoiceConfig load_voice_config(const std::filesystem::path& path) {
  const std::string file = path.string();
  const auto doc = timescales::parse_toml_document(timescales::read_config_file(path), file);
  VoiceConfig c;

  Reader voice{file, doc["voice"].as_table(), "voice"};
  voice.known({"key_file", "reply_within_working_days", "invitation_days",
               "standards_min_responses", "out_of_hours", "out_of_hours_name", "surveys_folder"});
  std::string key_file;
  voice.text("key_file", key_file);
  if (!key_file.empty()) {
    c.key_file = key_file;
    if (c.key_file.is_relative()) c.key_file = path.parent_path() / c.key_file;
  }
  std::string surveys;
  voice.text("surveys_folder", surveys);
  if (!surveys.empty()) {
    c.surveys_folder = surveys;
    if (c.surveys_folder.is_relative()) c.surveys_folder = path.parent_path() / c.surveys_folder;
  }
  voice.whole("reply_within_working_days", c.reply_within_working_days, 1, 60);
  voice.whole("invitation_days", c.invitation_days, 1, 90);
  voice.whole("standards_min_responses", c.standards_min_responses, 3, 1000);
  voice.text("out_of_hours", c.out_of_hours);
  voice.text("out_of_hours_name", c.out_of_hours_name);

  Reader alerts{file, doc["alerts"].as_table(), "alerts"};
  alerts.known({"acknowledge_within_working_days", "escalate"});
  alerts.whole("acknowledge_within_working_days", c.acknowledge_within_working_days, 1, 10);
  if (alerts.table && alerts.table->contains("escalate")) {
    const auto* steps = (*alerts.table)["escalate"].as_array();
    if (!steps)
      throw ConfigError(alerts.where("escalate") +
                        " must be a list of steps ([[alerts.escalate]] users = [...])");
    for (const auto& s : *steps) {
      const auto* t = s.as_table();
      if (!t) throw ConfigError(alerts.where("escalate") + ": each step is a table");
      for (const auto& [k, v] : *t)
        if (k.str() != "users" && k.str() != "teams")
          throw ConfigError(alerts.where("escalate") + "." + std::string(k.str()) +
                            " is not a setting Hearth knows (users, teams)");
      EscalationStep step{alerts.texts(*t, "users"), alerts.texts(*t, "teams")};
      if (step.users.empty())
        throw ConfigError(alerts.where("escalate") + ": each step names its users");
      c.escalation.push_back(std::move(step));
    }
  }

  Reader mail{file, doc["mail"].as_table(), "mail"};
  mail.known({"smtp", "from", "user", "password_file", "base_url", "retry_minutes"});
  mail.text("smtp", c.smtp_url);
  mail.text("from", c.mail_from);
  mail.text("user", c.smtp_user);
  mail.text("base_url", c.base_url);
  std::string password_file;
  mail.text("password_file", password_file);
  if (!password_file.empty())
    c.smtp_password = read_secret_file(password_file, mail.where("password_file"));
  if (!c.smtp_url.empty() && !c.smtp_url.starts_with("smtp://") &&
      !c.smtp_url.starts_with("smtps://"))
    throw ConfigError(mail.where("smtp") + " must start smtp:// or smtps://");
  if (mail.table && mail.table->contains("retry_minutes")) {
    const auto* arr = (*mail.table)["retry_minutes"].as_array();
    c.retry_minutes.clear();
    if (arr)
      for (const auto& e : *arr)
        if (auto v = e.value<std::int64_t>(); v && *v >= 1 && *v <= 1440)
          c.retry_minutes.push_back(static_cast<int>(*v));
        else
          c.retry_minutes.clear(), arr = nullptr;
    if (!arr || c.retry_minutes.empty())
      throw ConfigError(mail.where("retry_minutes") +
                        " must be a list of minutes from 1 to 1440, e.g. [1, 5, 15, 60]");
  }

  if (doc.contains("local_offer")) {
    const auto* items = doc["local_offer"].as_array();
    if (!items) throw ConfigError(file + ": [[local_offer]] must be a list of entitlements");
    for (const auto& e : *items) {
      const auto* t = e.as_table();
      Reader item{file, t, "local_offer"};
      item.known({"name", "amount", "detail"});
      OfferItem o;
      item.text("name", o.name);
      item.text("amount", o.amount);
      item.text("detail", o.detail);
      if (o.name.empty()) throw ConfigError(item.where("name") + " is needed for each entitlement");
      c.local_offer.push_back(std::move(o));
    }
  }
  return c;
}

std::filesystem::path key_file_for(const VoiceConfig& c, const std::string& store_url) {
  if (!c.key_file.empty()) return c.key_file;
  if (const char* env = std::getenv("HEARTH_VOICE_KEY"); env && *env) return env;
  if (store_url.rfind("sqlite:", 0) == 0) {
    std::string path = store_url.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);
    if (path.empty() || path == ":memory:") return {};
    std::filesystem::path p(path);
    return p.parent_path() / (p.filename().string() + ".voice-key");
  }
  return {};
}

}  // namespace hearth::voice
