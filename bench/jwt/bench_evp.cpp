#include <thread>
#include <vector>

#include "idtoken_evp.hpp"
int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100000;
  Jwks jwks = Jwks::parse(slurp("jwks.json"));
  Expect ex{"http://127.0.0.1:4400", "hearth", "n-0S6_WzA2Mj", 60};
  for (auto name : {"rs256", "es256", "typ_jwt", "aud_array", "tampered", "wrong_aud", "expired",
                    "no_exp", "bad_nonce", "alg_none", "hs256_confusion"}) {
    auto r = verify_id_token(slurp(std::string("tok_") + name + ".txt"), jwks, ex, now_s());
    std::printf("%-16s -> %s\n", name, to_string(r.err));
  }
  std::string rs = slurp("tok_rs256.txt"), es = slurp("tok_es256.txt");
  bench("evp RS256 full check", n,
        [&] { return verify_id_token(rs, jwks, ex, now_s()).err == IdErr::ok; });
  bench("evp ES256 full check", n / 4,
        [&] { return verify_id_token(es, jwks, ex, now_s()).err == IdErr::ok; });
  if (argc > 2) {  // 2 threads sharing the same Jwks (EVP_PKEY read-only)
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> th;
    std::atomic<int> ok{0};
    for (int t = 0; t < 2; ++t)
      th.emplace_back([&] {
        for (int i = 0; i < n / 2; ++i)
          ok += verify_id_token(rs, jwks, ex, now_s()).err == IdErr::ok;
      });
    for (auto& t : th) t.join();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("evp RS256 2 threads         %d in %.2f s = %.0f /s ok %d\n", n, s, n / s,
                ok.load());
  }
}
