// Test signing keys for the single sign-on tests: an RSA and a P-256 key made with OpenSSL, their
// public halves as a JWKS, and ID tokens signed with them (as a provider would sign them).
#pragma once

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/jwt.hpp"

namespace hearth::auth::testing {

struct TestKey {
  std::string kid;
  bool ec = false;
  std::shared_ptr<EVP_PKEY> pkey;

  static TestKey make(const std::string& kid, bool ec) {
    EVP_PKEY* k = ec ? EVP_EC_gen("P-256") : EVP_RSA_gen(2048);
    if (!k) throw std::runtime_error("key generation failed");
    return {kid, ec, std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free)};
  }

  static std::string bn_bytes(EVP_PKEY* k, const char* name) {
    BIGNUM* bn = nullptr;
    EVP_PKEY_get_bn_param(k, name, &bn);
    std::string out(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
    BN_free(bn);
    return out;
  }
  static std::string padded(std::string s, std::size_t n) {
    while (s.size() < n) s.insert(s.begin(), '\0');
    return s;
  }

  nlohmann::json jwk() const {
    using jwt::base64url_encode;
    if (!ec)
      return {{"kty", "RSA"},
              {"kid", kid},
              {"use", "sig"},
              {"alg", "RS256"},
              {"n", base64url_encode(bn_bytes(pkey.get(), OSSL_PKEY_PARAM_RSA_N))},
              {"e", base64url_encode(bn_bytes(pkey.get(), OSSL_PKEY_PARAM_RSA_E))}};
    return {{"kty", "EC"},
            {"kid", kid},
            {"use", "sig"},
            {"crv", "P-256"},
            {"x", base64url_encode(padded(bn_bytes(pkey.get(), OSSL_PKEY_PARAM_EC_PUB_X), 32))},
            {"y", base64url_encode(padded(bn_bytes(pkey.get(), OSSL_PKEY_PARAM_EC_PUB_Y), 32))}};
  }

  std::string sign(const std::string& input) const {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    std::size_t len = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, pkey.get());
    EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(input.data()),
                   input.size());
    std::string sig(len, '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                   reinterpret_cast<const unsigned char*>(input.data()), input.size());
    sig.resize(len);
    EVP_MD_CTX_free(ctx);
    if (!ec) return sig;
    // DER → JOSE's r‖s
    const unsigned char* p = reinterpret_cast<const unsigned char*>(sig.data());
    ECDSA_SIG* es = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size()));
    std::string raw(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(es), reinterpret_cast<unsigned char*>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(es), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
    ECDSA_SIG_free(es);
    return raw;
  }

  // A signed JWT with this key; `header` may override alg and kid.
  std::string token(const nlohmann::json& claims,
                    nlohmann::json header = nlohmann::json::object()) const {
    if (!header.contains("alg")) header["alg"] = ec ? "ES256" : "RS256";
    if (!header.contains("kid")) header["kid"] = kid;
    const std::string input =
        jwt::base64url_encode(header.dump()) + "." + jwt::base64url_encode(claims.dump());
    return input + "." + jwt::base64url_encode(sign(input));
  }
};

inline std::string jwks_of(const std::vector<const TestKey*>& keys) {
  nlohmann::json k = nlohmann::json::array();
  for (const auto* key : keys) k.push_back(key->jwk());
  return nlohmann::json{{"keys", k}}.dump();
}

}  // namespace hearth::auth::testing
