// Checking an OpenID Connect ID token (a signed JWT) against the provider's published keys: the
// signature (RS256 or ES256 only — never "none" or a shared-secret HS algorithm, whatever the
// token's header asks for), the issuer, the audience (and the authorised party when there are
// several), expiry, issue time and the nonce. On OpenSSL's EVP interface and nlohmann/json; the
// measurement that chose them over libjwt and cpp-jwt is in docs/performance.md.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace hearth::auth::jwt {

// URL-safe base64 without padding (RFC 7515 §2); nothing when `in` is not that.
std::optional<std::string> base64url_decode(std::string_view in);
std::string base64url_encode(std::string_view in);

// A provider's JSON Web Key Set: its RSA and P-256 signing keys by key id. Keys of other kinds
// (encryption keys, other curves) are left out, not refused.
class KeySet {
 public:
  // Throws std::runtime_error when `json_text` is not a JWKS ({"keys": [...]}).
  static KeySet parse(std::string_view json_text);
  KeySet();
  ~KeySet();
  KeySet(KeySet&&) noexcept;
  KeySet& operator=(KeySet&&) noexcept;

  std::size_t size() const { return keys_.size(); }
  bool has(const std::string& kid) const { return keys_.count(kid) != 0; }

  struct Key;

 private:
  friend struct Checker;
  std::multimap<std::string, std::unique_ptr<Key>> keys_;  // by kid ("" when it has none)
};

enum class TokenError : std::uint8_t {
  None,
  Format,      // not three base64url parts of JSON
  Algorithm,   // not RS256 or ES256, or not the key's
  UnknownKey,  // no key with its kid: the caller may fetch the JWKS again, once
  Signature,
  Issuer,
  Audience,
  AuthorizedParty,  // several audiences, and azp is not this client
  Expired,
  NotYetValid,  // issued (iat) or valid from (nbf) in the future
  Nonce,
};
// "format", "algorithm", "unknown_key", "signature", "issuer", "audience", "azp", "expired",
// "not_yet_valid", "nonce" (for the audit log; none of it is shown to the person signing in).
std::string_view token_error_code(TokenError e);

struct Expected {
  std::string issuer;
  std::string audience;  // the client id
  std::string nonce;
  std::int64_t now = 0;     // Unix seconds
  std::int64_t skew = 120;  // seconds either way for clocks that disagree
};

struct Checked {
  TokenError error = TokenError::None;
  nlohmann::json claims;  // the token's claims, when error is None
};

Checked check_id_token(std::string_view token, const KeySet& keys, const Expected& expected);

}  // namespace hearth::auth::jwt
