// Hearth's own ID token checker (src/auth/jwt.cpp: OpenSSL EVP + nlohmann/json), measured as the
// other two libraries are.
#include <thread>
#include <vector>

#include "auth/jwt.hpp"
#include "jwk.hpp"

namespace jwt = hearth::auth::jwt;

int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100000;
  jwt::KeySet keys = jwt::KeySet::parse(slurp("jwks.json"));
  auto expected = [] {
    return jwt::Expected{"http://127.0.0.1:4400", "hearth", "n-0S6_WzA2Mj", now_s(), 60};
  };
  for (auto name : {"rs256", "es256", "typ_jwt", "aud_array", "tampered", "wrong_aud", "expired",
                    "no_exp", "bad_nonce", "alg_none", "hs256_confusion"}) {
    auto r = jwt::check_id_token(slurp(std::string("tok_") + name + ".txt"), keys, expected());
    std::printf("%-16s -> %s\n", name, std::string(jwt::token_error_code(r.error)).c_str());
  }
  std::string rs = slurp("tok_rs256.txt"), es = slurp("tok_es256.txt");
  auto good = [&](const std::string& t) {
    return jwt::check_id_token(t, keys, expected()).error == jwt::TokenError::None;
  };
  bench("evp RS256 full check", n, [&] { return good(rs); });
  bench("evp ES256 full check", n / 4, [&] { return good(es); });
  if (argc > 2) {  // 2 threads sharing the same key set (EVP_PKEY read-only)
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> th;
    std::atomic<int> ok{0};
    for (int t = 0; t < 2; ++t)
      th.emplace_back([&] {
        for (int i = 0; i < n / 2; ++i) ok += good(rs);
      });
    for (auto& t : th) t.join();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("evp RS256 2 threads         %d in %.2f s = %.0f /s ok %d\n", n, s, n / s,
                ok.load());
  }
}
