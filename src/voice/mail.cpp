#include "voice/mail.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <chrono>
#include <cstring>
#include <mutex>

#include "model/instant.hpp"

namespace hearth::voice {

namespace {

// A header's value on one line, with no way to add another header.
std::string header_safe(std::string s) {
  for (char& c : s)
    if (c == '\r' || c == '\n') c = ' ';
  return s;
}

// RFC 2047 encoded-word when the text is not plain ASCII (a name or subject in Arabic).
std::string encoded(const std::string& s) {
  bool ascii = true;
  for (unsigned char c : s) ascii = ascii && c >= 0x20 && c < 0x7f;
  if (ascii) return s;
  std::string b64(sodium_base64_ENCODED_LEN(s.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(s.data()),
                    s.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.resize(b64.find('\0'));
  return "=?UTF-8?B?" + b64 + "?=";
}

struct Upload {
  const std::string* text;
  std::size_t at = 0;
};

std::size_t read_upload(char* buf, std::size_t size, std::size_t n, void* user) {
  auto* u = static_cast<Upload*>(user);
  std::size_t left = u->text->size() - u->at, take = std::min(left, size * n);
  std::memcpy(buf, u->text->data() + u->at, take);
  u->at += take;
  return take;
}

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string rfc5322_date(model::Instant t) {
  using namespace std::chrono;
  static const char* day_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto s = floor<seconds>(t);
  auto d = floor<days>(s);
  year_month_day ymd{d};
  hh_mm_ss hms{s - d};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %d %02d:%02d:%02d +0000",
                day_names[weekday{d}.c_encoding()], static_cast<unsigned>(ymd.day()),
                month_names[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

}  // namespace

std::string format_message(const VoiceConfig& c, const Message& m, const std::string& date,
                           const std::string& id) {
  std::string out;
  out += "Date: " + date + "\r\n";
  out += "From: Hearth <" + header_safe(c.mail_from) + ">\r\n";
  out += "To: " + encoded(header_safe(m.to_name)) + " <" + header_safe(m.to_address) + ">\r\n";
  out += "Subject: " + encoded(header_safe(m.subject)) + "\r\n";
  out += "Message-ID: <" + header_safe(id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += "Content-Transfer-Encoding: 8bit\r\n";
  out += "\r\n";
  for (std::size_t i = 0; i < m.body.size(); ++i) {
    if (m.body[i] == '\n' && (i == 0 || m.body[i - 1] != '\r')) out += '\r';
    out += m.body[i];
  }
  if (!out.ends_with("\r\n")) out += "\r\n";
  return out;
}

std::string send_mail(const VoiceConfig& c, const Message& m) {
  if (c.smtp_url.empty()) return "no SMTP server is configured ([mail] smtp)";
  if (m.to_address.empty() || m.to_address.find_first_of("\r\n<> ") != std::string::npos)
    return "no usable address";
  init_curl_once();
  CURL* curl = curl_easy_init();
  if (!curl) return "could not start the mail client";
  const auto now = model::instant_now();
  char rnd[17];
  std::snprintf(rnd, sizeof rnd, "%08x%08x", randombytes_random(), randombytes_random());
  const std::string domain = c.mail_from.find('@') == std::string::npos
                                 ? "hearth"
                                 : c.mail_from.substr(c.mail_from.find('@') + 1);
  const std::string text = format_message(c, m, rfc5322_date(now), std::string(rnd) + "@" + domain);
  Upload up{&text};
  const std::string from = "<" + c.mail_from + ">", to = "<" + m.to_address + ">";
  curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
  char err[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, c.smtp_url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, err);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (!c.smtp_user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, c.smtp_user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, c.smtp_password.c_str());
    // Credentials only over TLS: STARTTLS is required on smtp://, implicit on smtps://.
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  }
  CURLcode rc = curl_easy_perform(curl);
  std::string out;
  if (rc != CURLE_OK) out = *err ? std::string(err) : std::string(curl_easy_strerror(rc));
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  return out;
}

}  // namespace hearth::voice
