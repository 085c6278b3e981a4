// Sending one message by SMTP (libcurl): to a council's relay, or in the tests to a real local
// SMTP server (python3-aiosmtpd). The outbox (services/alerts.hpp) decides what to send and
// retries what fails; this only sends.
#pragma once

#include <string>

#include "voice/config.hpp"

namespace hearth::voice {

struct Message {
  std::string to_address;
  std::string to_name;
  std::string subject;
  std::string body;  // plain text
};

// Sends `m` through the configured SMTP server; returns "" when the server took it, otherwise
// what went wrong (for the outbox's record and the managers' page). Never throws for a failed
// send.
std::string send_mail(const VoiceConfig& c, const Message& m);

// The message as RFC 5322 text (headers, a blank line, the body with CRLF line ends and
// dot-stuffing left to the transport). `date` and `id` are the Date and Message-ID values.
std::string format_message(const VoiceConfig& c, const Message& m, const std::string& date,
                           const std::string& id);

}  // namespace hearth::voice
