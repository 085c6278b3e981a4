// Option C: OpenSSL EVP directly + nlohmann/json. An ID token check as Hearth would do it.
#pragma once
#include <openssl/ecdsa.h>
#include <openssl/err.h>

#include "jwk.hpp"

struct Jwks {
  struct Key {
    std::string kty, alg;
    Pkey pkey;
  };
  std::map<std::string, Key> by_kid;
  static Jwks parse(const std::string& text) {
    Jwks out;
    auto j = nlohmann::json::parse(text);
    for (auto& k : j.at("keys")) {
      if (k.value("use", "sig") != "sig") continue;
      try {
        out.by_kid.emplace(k.value("kid", ""),
                           Key{k.value("kty", ""), k.value("alg", ""), jwk_to_pkey(k)});
      } catch (const std::exception&) { /* skip keys we cannot use (e.g. RSA-OAEP enc keys) */
      }
    }
    return out;
  }
};

enum class IdErr { ok, format, alg, unknown_kid, signature, iss, aud, azp, exp, iat, nonce };
inline const char* to_string(IdErr e) {
  static const char* s[] = {"ok",  "format", "alg", "unknown_kid", "signature", "iss",
                            "aud", "azp",    "exp", "iat",         "nonce"};
  return s[int(e)];
}

struct IdResult {
  IdErr err = IdErr::ok;
  nlohmann::json claims;
};

inline bool verify_sig(EVP_PKEY* pk, bool ec, std::string_view input, const std::string& sig) {
  std::string der;
  if (ec) {  // JOSE ES256 signature is r||s (64 bytes); OpenSSL wants DER
    if (sig.size() != 64) return false;
    ECDSA_SIG* es = ECDSA_SIG_new();
    BIGNUM* r = BN_bin2bn((const unsigned char*)sig.data(), 32, nullptr);
    BIGNUM* s = BN_bin2bn((const unsigned char*)sig.data() + 32, 32, nullptr);
    ECDSA_SIG_set0(es, r, s);
    unsigned char* p = nullptr;
    int len = i2d_ECDSA_SIG(es, &p);
    der.assign((const char*)p, (size_t)len);
    OPENSSL_free(p);
    ECDSA_SIG_free(es);
  }
  const std::string& s = ec ? der : sig;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, pk) == 1 &&
            EVP_DigestVerify(ctx, (const unsigned char*)s.data(), s.size(),
                             (const unsigned char*)input.data(), input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  ERR_clear_error();
  return ok;
}

inline IdResult verify_id_token(std::string_view tok, const Jwks& jwks, const Expect& ex,
                                long now) {
  IdResult r;
  auto d1 = tok.find('.'), d2 = d1 == tok.npos ? tok.npos : tok.find('.', d1 + 1);
  if (d2 == tok.npos || tok.find('.', d2 + 1) != tok.npos) return {IdErr::format};
  auto hb = b64url_decode(tok.substr(0, d1)), pb = b64url_decode(tok.substr(d1 + 1, d2 - d1 - 1)),
       sb = b64url_decode(tok.substr(d2 + 1));
  if (!hb || !pb || !sb) return {IdErr::format};
  auto h = nlohmann::json::parse(*hb, nullptr, false);
  if (!h.is_object() || !h.contains("alg") || !h["alg"].is_string()) return {IdErr::format};
  const std::string alg = h["alg"];
  if (alg != "RS256" && alg != "ES256") return {IdErr::alg};  // allow-list: never none/HS*
  const std::string kid = h.value("kid", "");
  auto it = jwks.by_kid.find(kid);
  if (it == jwks.by_kid.end())
    return {IdErr::unknown_kid};  // caller refetches JWKS (rate-limited) and retries once
  const bool ec = alg == "ES256";
  if ((ec ? "EC" : "RSA") != it->second.kty || (!it->second.alg.empty() && it->second.alg != alg))
    return {IdErr::alg};
  if (!verify_sig(it->second.pkey.get(), ec, tok.substr(0, d2), *sb)) return {IdErr::signature};
  auto p = nlohmann::json::parse(*pb, nullptr, false);
  if (!p.is_object()) return {IdErr::format};
  if (!p.contains("iss") || p["iss"] != ex.iss) return {IdErr::iss};
  const auto& aud = p.contains("aud") ? p["aud"] : nlohmann::json();
  bool aud_ok = aud.is_string()
                    ? aud == ex.aud
                    : aud.is_array() && std::find(aud.begin(), aud.end(), ex.aud) != aud.end();
  if (!aud_ok) return {IdErr::aud};
  if (aud.is_array() && aud.size() > 1 && p.value("azp", "") != ex.aud) return {IdErr::azp};
  if (!p.contains("exp") || !p["exp"].is_number() || p["exp"].get<double>() + ex.skew <= now)
    return {IdErr::exp};
  if (!p.contains("iat") || !p["iat"].is_number() || p["iat"].get<double>() - ex.skew > now)
    return {IdErr::iat};
  if (!p.contains("nonce") || p["nonce"] != ex.nonce) return {IdErr::nonce};
  r.claims = std::move(p);
  return r;
}
