#include "auth/crypto.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "model/text.hpp"

namespace hearth::auth {

namespace {

void init() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium could not be initialised");
}

// Made once, so a check against it costs what a real check costs.
const std::string& dummy_hash() {
  static const std::string h = hash_password("not a password anyone has");
  return h;
}

}  // namespace

std::string hash_password(std::string_view password) {
  init();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view encoded, std::string_view password) {
  init();
  bool usable = !encoded.empty() && encoded.size() < crypto_pwhash_STRBYTES &&
                encoded.substr(0, 10) == "$argon2id$";
  std::string enc(usable ? encoded : std::string_view(dummy_hash()));
  bool ok = crypto_pwhash_str_verify(enc.c_str(), password.data(), password.size()) == 0;
  return usable && ok;
}

std::string random_token(std::size_t bytes) {
  init();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), buf.data(), buf.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string random_password() {
  init();
  static constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  std::string out;
  for (int g = 0; g < 4; ++g) {
    if (g) out.push_back('-');
    for (int i = 0; i < 4; ++i)
      out.push_back(kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  init();
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : h) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

bool equal_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string password_problem(std::string_view password, std::string_view username) {
  // Characters as people count them, not bytes: "12 characters" of Arabic are 24 bytes.
  const std::size_t characters = model::utf8_characters(password);
  if (characters < 12) return "a password must have at least 12 characters";
  if (characters > 256 || password.size() > 1024)
    return "a password can have at most 256 characters";
  if (!username.empty() && password.find(username) != std::string_view::npos)
    return "a password must not contain the username";
  return {};
}

}  // namespace hearth::auth
