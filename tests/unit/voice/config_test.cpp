// The voice's settings from the configuration file: defaults, every key, and errors that name
// the key.
#include "voice/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "timescales/config.hpp"
#include "voice/mail.hpp"

namespace hearth::voice {
namespace {

namespace fs = std::filesystem;

fs::path write(const std::string& name, const std::string& text) {
  auto p = fs::temp_directory_path() / ("hearth-voice-" + std::to_string(::getpid()) + name);
  std::ofstream(p) << text;
  return p;
}

TEST(VoiceConfig, EveryKeyIsRead) {
  auto p = write("all.toml", R"(
[voice]
key_file = "keys/voice.key"
reply_within_working_days = 3
out_of_hours = "01632 960000"
[alerts]
acknowledge_within_working_days = 2
[[alerts.escalate]]
users = ["head"]
teams = ["T1"]
[[alerts.escalate]]
users = ["director"]
[mail]
smtp = "smtp://127.0.0.1:2525"
from = "hearth@council.example"
base_url = "https://hearth.example"
retry_minutes = [1, 2]
[[local_offer]]
name = "Setting up home allowance"
amount = "£3,000"
)");
  auto c = load_voice_config(p);
  EXPECT_EQ(c.key_file, p.parent_path() / "keys/voice.key");
  EXPECT_EQ(c.reply_within_working_days, 3);
  EXPECT_EQ(c.acknowledge_within_working_days, 2);
  EXPECT_EQ(c.out_of_hours, "01632 960000");
  ASSERT_EQ(c.escalation.size(), 2u);
  EXPECT_EQ(c.escalation[0].users, std::vector<std::string>{"head"});
  EXPECT_EQ(c.escalation[0].teams, std::vector<std::string>{"T1"});
  EXPECT_EQ(c.smtp_url, "smtp://127.0.0.1:2525");
  EXPECT_EQ(c.retry_minutes, (std::vector<int>{1, 2}));
  ASSERT_EQ(c.local_offer.size(), 1u);
  EXPECT_EQ(c.local_offer[0].amount, "£3,000");
  fs::remove(p);
}

TEST(VoiceConfig, NoTablesMeansTheDefaults) {
  auto p = write("none.toml", "[timescales]\n");
  auto c = load_voice_config(p);
  EXPECT_EQ(c.acknowledge_within_working_days, 1);
  EXPECT_EQ(c.reply_within_working_days, 5);
  EXPECT_TRUE(c.escalation.empty());
  fs::remove(p);
}

TEST(VoiceConfig, AWrongKeyOrValueIsNamed) {
  auto expect_error = [](const std::string& text, const std::string& names) {
    auto p = write("bad.toml", text);
    try {
      load_voice_config(p);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const timescales::ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find(names), std::string::npos) << e.what();
    }
    fs::remove(p);
  };
  expect_error("[alerts]\nacknowledge_within_working_days = 0\n",
               "acknowledge_within_working_days");
  expect_error("[voice]\nkey_fiel = \"x\"\n", "key_fiel");
  expect_error("[mail]\nsmtp = \"http://x\"\n", "smtp");
  expect_error("[[alerts.escalate]]\nteams = [\"T1\"]\n", "escalate");
  expect_error("[mail]\nretry_minutes = [0]\n", "retry_minutes");
}

TEST(VoiceConfig, TheKeyFileIsBesideASqliteStoreUnlessNamed) {
  VoiceConfig c;
  ::unsetenv("HEARTH_VOICE_KEY");
  EXPECT_EQ(key_file_for(c, "sqlite:var/hearth.db"), fs::path("var/hearth.db.voice-key"));
  EXPECT_EQ(key_file_for(c, "sqlite::memory:"), fs::path());
  EXPECT_EQ(key_file_for(c, "postgresql://u@h/db"), fs::path());
  c.key_file = "/etc/hearth/voice.key";
  EXPECT_EQ(key_file_for(c, "postgresql://u@h/db"), fs::path("/etc/hearth/voice.key"));
}

TEST(Mail, TheMessageHasHeadersThatCannotBeInjectedAndCrlfLines) {
  VoiceConfig c;
  c.mail_from = "hearth@council.example";
  Message m{"sam@example.org", "Sam\r\nBcc: evil@example.org", "Alert 4", "line one\nline two"};
  auto text = format_message(c, m, "Fri, 04 Dec 2026 18:00:00 +0000", "x@council.example");
  EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(text.find("To: Sam  Bcc: evil@example.org <sam@example.org>\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\n\r\nline one\r\nline two\r\n"), std::string::npos);
  Message arabic{"a@example.org", "سامي", "تنبيه", "x"};
  auto encoded = format_message(c, arabic, "d", "i");
  EXPECT_NE(encoded.find("Subject: =?UTF-8?B?"), std::string::npos);
}

TEST(Mail, NoServerIsAnErrorNotAThrow) {
  VoiceConfig c;
  EXPECT_NE(send_mail(c, {"a@example.org", "A", "s", "b"}), "");
  c.smtp_url = "smtp://127.0.0.1:1";  // nothing listens
  EXPECT_NE(send_mail(c, {"a@example.org", "A", "s", "b"}), "");
}

}  // namespace
}  // namespace hearth::voice
