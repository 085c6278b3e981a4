// Baseline for the size delta: the shared JWKS/PEM/kid helpers and the benchmark loop, no
// verification.
#include "jwk.hpp"
int main() {
  auto doc = nlohmann::json::parse(slurp("jwks.json"));
  std::map<std::string, std::string> pems;
  for (auto& k : doc["keys"]) pems[k["kid"].get<std::string>()] = pkey_to_pem(jwk_to_pkey(k).get());
  std::string rs = slurp("tok_rs256.txt");
  bench("baseline", 1000, [&] { return pems.count(header_kid(rs)) == 1; });
}
