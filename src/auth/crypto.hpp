// Passwords and tokens, on libsodium: Argon2id password hashes (its "interactive" cost: about
// 64 MiB and a tenth of a second, so a guessed password is expensive), random tokens, SHA-256.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hearth::auth {

// An encoded Argon2id hash ("$argon2id$v=19$m=…"), salted.
std::string hash_password(std::string_view password);
// True when `password` matches `encoded`. An empty or malformed `encoded` never matches, in
// about the time a real check takes (so a missing user cannot be told from a wrong password).
bool verify_password(std::string_view encoded, std::string_view password);

// `bytes` random bytes as URL-safe base64 without padding (cookie-safe).
std::string random_token(std::size_t bytes = 32);
// A password people can type: 4 groups of 4 letters and digits, without look-alikes.
std::string random_password();
// Lower-case hex SHA-256.
std::string sha256_hex(std::string_view data);
// Compares in time independent of where they differ.
bool equal_secret(std::string_view a, std::string_view b);

// Rules for a new password (Hearth's, after NCSC guidance: length over complexity).
// Empty when good, otherwise what is wrong.
std::string password_problem(std::string_view password, std::string_view username);

}  // namespace hearth::auth
