// Where the time goes: decoding a PEM public key with OpenSSL 3 per call vs building it from n/e.
#include "jwk.hpp"
int main() {
  auto doc = nlohmann::json::parse(slurp("jwks.json"));
  auto& rk = doc["keys"][0];
  std::string pem = pkey_to_pem(jwk_to_pkey(rk).get());
  bench("PEM_read_bio_PUBKEY (RSA)", 20000, [&] {
    BIO* b = BIO_new_mem_buf(pem.data(), (int)pem.size());
    EVP_PKEY* k = PEM_read_bio_PUBKEY(b, nullptr, nullptr, nullptr);
    BIO_free(b);
    bool ok = k;
    EVP_PKEY_free(k);
    return ok;
  });
  bench("jwk_to_pkey (RSA, fromdata)", 20000, [&] { return (bool)jwk_to_pkey(rk); });
}
