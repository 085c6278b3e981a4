// Option B: cpp-jwt 1.4 (Debian bookworm, header-only, nlohmann + OpenSSL). No JWK support: n/e ->
// PEM ourselves.
#include <jwt/jwt.hpp>

#include "jwk.hpp"

struct PemKey {
  std::string kty, pem;
};
static std::string check(const std::string& tok, const std::map<std::string, PemKey>& keys,
                         const Expect& ex) {
  auto it = keys.find(header_kid(tok));
  if (it == keys.end()) return "unknown_kid";
  using namespace jwt::params;
  std::error_code ec;
  // exp (if present!), iss and aud (string only) are checked by the library; exp presence, nonce
  // and array aud are ours
  auto obj = jwt::decode(tok, algorithms({it->second.kty == "RSA" ? "RS256" : "ES256"}), ec,
                         secret(it->second.pem), issuer(ex.iss), aud(ex.aud),
                         leeway((uint32_t)ex.skew), verify(true));
  if (ec) return ec.category().name() + std::string(": ") + ec.message();
  auto& p = obj.payload();
  if (!p.has_claim("exp")) return "exp missing";
  if (!p.has_claim("nonce") || p.get_claim_value<std::string>("nonce") != ex.nonce) return "nonce";
  return "ok";
}

int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100000;
  std::map<std::string, PemKey> keys;
  auto jwks_doc = nlohmann::json::parse(slurp("jwks.json"));
  for (auto& k : jwks_doc["keys"])
    keys[k["kid"].get<std::string>()] = {k["kty"].get<std::string>(),
                                         pkey_to_pem(jwk_to_pkey(k).get())};
  Expect ex{"http://127.0.0.1:4400", "hearth", "n-0S6_WzA2Mj", 60};
  for (auto name : {"rs256", "es256", "typ_jwt", "aud_array", "tampered", "wrong_aud", "expired",
                    "no_exp", "bad_nonce", "alg_none", "hs256_confusion"})
    std::printf("%-16s -> %s\n", name,
                check(slurp(std::string("tok_") + name + ".txt"), keys, ex).c_str());
  std::string rs = slurp("tok_rs256.txt"), es = slurp("tok_es256.txt");
  bench("cpp-jwt RS256 full check", n, [&] { return check(rs, keys, ex) == "ok"; });
  bench("cpp-jwt ES256 full check", n / 4, [&] { return check(es, keys, ex) == "ok"; });
}
