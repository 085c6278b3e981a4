// Shared by all three programs: base64url (Hearth's), JWKS -> EVP_PKEY (OpenSSL 3
// EVP_PKEY_fromdata), EVP_PKEY
// -> PEM.
#pragma once
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "auth/jwt.hpp"

// Hearth's own base64url (src/auth/jwt.cpp).
inline std::optional<std::string> b64url_decode(std::string_view in) {
  return hearth::auth::jwt::base64url_decode(in);
}

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

inline Pkey jwk_to_pkey(const nlohmann::json& k) {
  const std::string kty = k.value("kty", "");
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  BIGNUM *n = nullptr, *e = nullptr;
  std::string pub;
  const char* type = nullptr;
  if (kty == "RSA") {
    auto nb = b64url_decode(k.at("n").get<std::string>()),
         eb = b64url_decode(k.at("e").get<std::string>());
    if (!nb || !eb) throw std::runtime_error("bad n/e");
    n = BN_bin2bn((const unsigned char*)nb->data(), (int)nb->size(), nullptr);
    e = BN_bin2bn((const unsigned char*)eb->data(), (int)eb->size(), nullptr);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e);
    type = "RSA";
  } else if (kty == "EC" && k.value("crv", "") == "P-256") {
    auto x = b64url_decode(k.at("x").get<std::string>()),
         y = b64url_decode(k.at("y").get<std::string>());
    if (!x || !y || x->size() != 32 || y->size() != 32) throw std::runtime_error("bad x/y");
    pub = std::string(1, '\x04') + *x + *y;
    OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
    OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub.data(), pub.size());
    type = "EC";
  } else {
    OSSL_PARAM_BLD_free(bld);
    throw std::runtime_error("unsupported kty " + kty);
  }
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  EVP_PKEY* pk = nullptr;
  int ok = ctx && EVP_PKEY_fromdata_init(ctx) == 1 &&
           EVP_PKEY_fromdata(ctx, &pk, EVP_PKEY_PUBLIC_KEY, params) == 1;
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  BN_free(n);
  BN_free(e);
  if (!ok) throw std::runtime_error("EVP_PKEY_fromdata failed");
  return Pkey(pk);
}

inline std::string pkey_to_pem(EVP_PKEY* pk) {
  BIO* b = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(b, pk);
  char* data;
  long len = BIO_get_mem_data(b, &data);
  std::string s(data, (size_t)len);
  BIO_free(b);
  return s;
}

inline std::string slurp(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// kid from the (unverified) header, to choose the key; the same helper for all three.
inline std::string header_kid(std::string_view tok) {
  auto dot = tok.find('.');
  auto h = b64url_decode(tok.substr(0, dot));
  if (!h) return {};
  auto j = nlohmann::json::parse(*h, nullptr, false);
  return j.is_object() && j.contains("kid") && j["kid"].is_string() ? j["kid"].get<std::string>()
                                                                    : std::string();
}

struct Expect {
  std::string iss, aud, nonce;
  long skew = 60;
};
inline long now_s() {
  return (long)std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

inline double cpu_s() {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
// Reports per-second rates by wall clock and by this process's CPU time (the latter is steadier
// when the machine is shared).
template <class F>
double bench(const char* name, int n, F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  double c0 = cpu_s();
  int ok = 0;
  for (int i = 0; i < n; ++i) ok += f() ? 1 : 0;
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
         c = cpu_s() - c0;
  std::printf(
      "%-28s %7d iters wall %6.2f s %9.0f /s | cpu %6.2f s %9.0f /s = %6.1f us each (ok %d)\n",
      name, n, s, n / s, c, n / c, 1e6 * c / n, ok);
  return n / c;
}
