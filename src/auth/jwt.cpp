#include "auth/jwt.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace hearth::auth::jwt {

using nlohmann::json;

// libsodium's URL-safe base64 without padding, as auth::random_token makes its tokens: it refuses
// padding, '+', '/', and left-over bits that are not zero.
std::optional<std::string> base64url_decode(std::string_view in) {
  if (sodium_init() < 0) return std::nullopt;
  std::string out(in.size() * 3 / 4 + 1, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), in.data(),
                        in.size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != in.data() + in.size())
    return std::nullopt;
  out.resize(len);
  return out;
}

std::string base64url_encode(std::string_view in) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::string out(sodium_base64_ENCODED_LEN(in.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(in.data()),
                    in.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);  // its terminating NUL
  return out;
}

struct KeySet::Key {
  bool ec = false;  // P-256 (ES256); otherwise RSA (RS256)
  std::string alg;  // as published ("" when not said)
  EVP_PKEY* pkey = nullptr;
  ~Key() { EVP_PKEY_free(pkey); }
};

namespace {

struct Params {
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  std::vector<BIGNUM*> numbers;
  ~Params() {
    OSSL_PARAM_BLD_free(bld);
    for (BIGNUM* n : numbers) BN_free(n);
  }
  void number(const char* name, const std::string& bytes) {
    BIGNUM* n = BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()), nullptr);
    if (!n) throw std::runtime_error("out of memory");
    numbers.push_back(n);
    OSSL_PARAM_BLD_push_BN(bld, name, n);
  }
};

std::string member(const json& k, const char* name) {
  if (!k.contains(name) || !k[name].is_string())
    throw std::runtime_error("no " + std::string(name));
  auto v = base64url_decode(k[name].get<std::string>());
  if (!v || v->empty()) throw std::runtime_error("bad " + std::string(name));
  return *v;
}

// A JWK as an OpenSSL public key; nothing for a kind of key an ID token cannot be signed with.
EVP_PKEY* public_key(const json& k, bool& ec) {
  const std::string kty = k.value("kty", "");
  Params p;
  const char* type = nullptr;
  std::string point;
  if (kty == "RSA") {
    std::string n = member(k, "n");
    while (!n.empty() && n.front() == '\0') n.erase(n.begin());
    if (n.size() < 256) throw std::runtime_error("an RSA key shorter than 2048 bits");
    p.number(OSSL_PKEY_PARAM_RSA_N, n);
    p.number(OSSL_PKEY_PARAM_RSA_E, member(k, "e"));
    type = "RSA";
    ec = false;
  } else if (kty == "EC" && k.value("crv", "") == "P-256") {
    std::string x = member(k, "x"), y = member(k, "y");
    if (x.size() != 32 || y.size() != 32) throw std::runtime_error("bad P-256 point");
    point = std::string(1, '\x04') + x + y;
    OSSL_PARAM_BLD_push_utf8_string(p.bld, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
    OSSL_PARAM_BLD_push_octet_string(p.bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
    type = "EC";
    ec = true;
  } else {
    return nullptr;
  }
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(p.bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  EVP_PKEY* key = nullptr;
  bool ok = params && ctx && EVP_PKEY_fromdata_init(ctx) == 1 &&
            EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params) == 1;
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  ERR_clear_error();
  if (!ok) throw std::runtime_error("not a usable public key");
  return key;
}

// JOSE's ES256 signature is r‖s, 32 bytes each; OpenSSL verifies DER.
std::optional<std::string> der_of(const std::string& raw) {
  if (raw.size() != 64) return std::nullopt;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
  if (!sig || !r || !s || ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return std::nullopt;
  }
  unsigned char* out = nullptr;
  int len = i2d_ECDSA_SIG(sig, &out);
  std::optional<std::string> der;
  if (len > 0) der.emplace(reinterpret_cast<const char*>(out), static_cast<std::size_t>(len));
  OPENSSL_free(out);
  ECDSA_SIG_free(sig);
  return der;
}

bool verifies(const KeySet::Key& key, std::string_view input, const std::string& signature) {
  std::optional<std::string> der;
  if (key.ec) {
    der = der_of(signature);
    if (!der) return false;
  }
  const std::string& sig = key.ec ? *der : signature;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok =
      ctx && EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key.pkey) == 1 &&
      EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                       reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  ERR_clear_error();
  return ok;
}

// A time claim: seconds since 1970, within reason (so no arithmetic on it can overflow).
bool whole_seconds(const json& claims, const char* name, std::int64_t& out) {
  if (!claims.contains(name) || !claims[name].is_number()) return false;
  const double v = claims[name].get<double>();
  if (!(v >= 0 && v < 1e11)) return false;  // NaN fails too
  out = static_cast<std::int64_t>(v);
  return true;
}

}  // namespace

KeySet::KeySet() = default;
KeySet::~KeySet() = default;
KeySet::KeySet(KeySet&&) noexcept = default;
KeySet& KeySet::operator=(KeySet&&) noexcept = default;

KeySet KeySet::parse(std::string_view text) {
  json doc = json::parse(text, nullptr, false);
  if (!doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array())
    throw std::runtime_error("not a JSON Web Key Set ({\"keys\": [...]})");
  KeySet out;
  for (const json& k : doc["keys"]) {
    if (!k.is_object()) continue;
    if (k.contains("use") && k["use"] != "sig") continue;  // an encryption key
    try {
      auto key = std::make_unique<Key>();
      key->pkey = public_key(k, key->ec);
      if (!key->pkey) continue;
      key->alg = k.contains("alg") && k["alg"].is_string() ? k["alg"].get<std::string>() : "";
      std::string kid =
          k.contains("kid") && k["kid"].is_string() ? k["kid"].get<std::string>() : "";
      out.keys_.emplace(std::move(kid), std::move(key));
    } catch (const std::exception&) {
      // a key Hearth cannot use is left out; a token signed with it is refused as unknown_key
    }
  }
  return out;
}

std::string_view token_error_code(TokenError e) {
  switch (e) {
    case TokenError::None:
      return "ok";
    case TokenError::Format:
      return "format";
    case TokenError::Algorithm:
      return "algorithm";
    case TokenError::UnknownKey:
      return "unknown_key";
    case TokenError::Signature:
      return "signature";
    case TokenError::Issuer:
      return "issuer";
    case TokenError::Audience:
      return "audience";
    case TokenError::AuthorizedParty:
      return "azp";
    case TokenError::Expired:
      return "expired";
    case TokenError::NotYetValid:
      return "not_yet_valid";
    case TokenError::Nonce:
      return "nonce";
  }
  return "";
}

struct Checker {
  static Checked check(std::string_view token, const KeySet& keys, const Expected& ex) {
    auto fail = [](TokenError e) { return Checked{e, {}}; };
    if (token.size() > 64 * 1024) return fail(TokenError::Format);
    const auto d1 = token.find('.');
    const auto d2 = d1 == token.npos ? token.npos : token.find('.', d1 + 1);
    if (d2 == token.npos || token.find('.', d2 + 1) != token.npos) return fail(TokenError::Format);
    auto head = base64url_decode(token.substr(0, d1));
    auto body = base64url_decode(token.substr(d1 + 1, d2 - d1 - 1));
    auto sig = base64url_decode(token.substr(d2 + 1));
    if (!head || !body || !sig) return fail(TokenError::Format);
    json h = json::parse(*head, nullptr, false);
    if (!h.is_object() || !h.contains("alg") || !h["alg"].is_string())
      return fail(TokenError::Format);
    // The algorithm is Hearth's choice, not the token's: only these two, ever.
    const std::string alg = h["alg"];
    if (alg != "RS256" && alg != "ES256") return fail(TokenError::Algorithm);
    const bool ec = alg == "ES256";
    const std::string kid =
        h.contains("kid") && h["kid"].is_string() ? h["kid"].get<std::string>() : std::string();
    // No kid: any published key of the right kind may have signed it.
    auto [from, to] =
        kid.empty() ? std::pair{keys.keys_.begin(), keys.keys_.end()} : keys.keys_.equal_range(kid);
    if (from == to) return fail(TokenError::UnknownKey);
    bool right_kind = false, signed_ok = false;
    const std::string_view input = token.substr(0, d2);
    for (auto it = from; it != to && !signed_ok; ++it) {
      const KeySet::Key& key = *it->second;
      if (key.ec != ec || (!key.alg.empty() && key.alg != alg)) continue;
      right_kind = true;
      signed_ok = verifies(key, input, *sig);
    }
    if (!right_kind) return fail(TokenError::Algorithm);
    if (!signed_ok) return fail(TokenError::Signature);

    json c = json::parse(*body, nullptr, false);
    if (!c.is_object()) return fail(TokenError::Format);
    if (!c.contains("iss") || c["iss"] != ex.issuer) return fail(TokenError::Issuer);
    const json aud = c.contains("aud") ? c["aud"] : json();
    bool ours = aud.is_string() ? aud == ex.audience
                                : aud.is_array() && std::find(aud.begin(), aud.end(),
                                                              json(ex.audience)) != aud.end();
    if (!ours) return fail(TokenError::Audience);
    if (aud.is_array() && aud.size() > 1 && (!c.contains("azp") || c["azp"] != ex.audience))
      return fail(TokenError::AuthorizedParty);
    if (c.contains("azp") && c["azp"] != ex.audience) return fail(TokenError::AuthorizedParty);
    std::int64_t exp = 0, iat = 0, nbf = 0;
    if (!whole_seconds(c, "exp", exp) || exp + ex.skew <= ex.now) return fail(TokenError::Expired);
    if (!whole_seconds(c, "iat", iat) || iat - ex.skew > ex.now)
      return fail(TokenError::NotYetValid);
    if (c.contains("nbf") && (!whole_seconds(c, "nbf", nbf) || nbf - ex.skew > ex.now))
      return fail(TokenError::NotYetValid);
    if (!c.contains("nonce") || !c["nonce"].is_string() || c["nonce"] != ex.nonce)
      return fail(TokenError::Nonce);
    if (!c.contains("sub") || !c["sub"].is_string() || c["sub"].get<std::string>().empty())
      return fail(TokenError::Format);
    return Checked{TokenError::None, std::move(c)};
  }
};

Checked check_id_token(std::string_view token, const KeySet& keys, const Expected& expected) {
  return Checker::check(token, keys, expected);
}

}  // namespace hearth::auth::jwt
