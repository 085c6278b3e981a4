// Option A: libjwt 1.10.2 (Debian bookworm). No JWK support: n/e -> PEM with OpenSSL ourselves
// (jwk.hpp).
#include <jwt.h>

#include <cerrno>
#include <cstring>

#include "jwk.hpp"

struct PemKey {
  std::string kty, pem;
};
// libjwt has no claim validation in 1.10 (jwt_valid_* arrived in 1.12): everything below is ours.
static const char* check(const std::string& tok, const std::map<std::string, PemKey>& keys,
                         const Expect& ex, long now) {
  auto it = keys.find(header_kid(tok));
  if (it == keys.end()) return "unknown_kid";
  jwt_t* j = nullptr;
  int rc = jwt_decode(&j, tok.c_str(), (const unsigned char*)it->second.pem.data(),
                      (int)it->second.pem.size());
  if (rc) {
    return rc == EINVAL ? "decode/signature (EINVAL)" : strerror(rc);
  }  // the only error report: an errno
  const char* err = nullptr;
  jwt_alg_t alg = jwt_get_alg(j);
  if (!((alg == JWT_ALG_RS256 && it->second.kty == "RSA") ||
        (alg == JWT_ALG_ES256 && it->second.kty == "EC")))
    err = "alg";
  else if (const char* iss = jwt_get_grant(j, "iss"); !iss || ex.iss != iss)
    err = "iss";
  else {
    const char* aud = jwt_get_grant(j, "aud");  // NULL when aud is an array
    bool aud_ok = aud && ex.aud == aud;
    if (!aud) {  // array: only as JSON text, parse it ourselves
      char* a = jwt_get_grants_json(j, "aud");
      if (a) {
        auto arr = nlohmann::json::parse(a, nullptr, false);
        aud_ok = arr.is_array() && std::find(arr.begin(), arr.end(), ex.aud) != arr.end();
        free(a);
      }
    }
    errno = 0;
    long exp = jwt_get_grant_int(j, "exp");
    if (!aud_ok)
      err = "aud";
    else if (errno == ENOENT || exp + ex.skew <= now)
      err = "exp";
    else if (const char* n = jwt_get_grant(j, "nonce"); !n || ex.nonce != n)
      err = "nonce";
  }
  jwt_free(j);
  return err ? err : "ok";
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
                check(slurp(std::string("tok_") + name + ".txt"), keys, ex, now_s()));
  // what jwt_decode alone says about none / HS256-with-the-public-PEM (alg confusion), before our
  // alg check
  for (auto name : {"alg_none", "hs256_confusion"}) {
    jwt_t* j = nullptr;
    auto t = slurp(std::string("tok_") + name + ".txt");
    int rc = jwt_decode(&j, t.c_str(), (const unsigned char*)keys["rsa1"].pem.data(),
                        (int)keys["rsa1"].pem.size());
    std::printf("jwt_decode(%s, rsa PEM) = %d (%s)%s\n", name, rc, strerror(rc),
                rc == 0 ? "  <-- accepted, caller must check jwt_get_alg" : "");
    if (j) jwt_free(j);
  }
  std::string rs = slurp("tok_rs256.txt"), es = slurp("tok_es256.txt");
  bench("libjwt RS256 full check", n,
        [&] { return std::strcmp(check(rs, keys, ex, now_s()), "ok") == 0; });
  bench("libjwt ES256 full check", n / 4,
        [&] { return std::strcmp(check(es, keys, ex, now_s()), "ok") == 0; });
}
