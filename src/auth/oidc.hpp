// Single sign-on for staff through the council's OpenID provider (docs/sso.md): the
// authorization code flow with PKCE (S256), the ID token checked (auth/jwt.hpp) against the
// provider's published keys, and the person matched to a Hearth account by a configured claim,
// their role from that account or from a configured group claim. The web's /auth/oidc/ pages
// (web/sso_pages.cpp) drive it; the provider is reached with libcurl.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "auth/jwt.hpp"
#include "store/accounts.hpp"

namespace hearth::store {
class AccountStore;
}

namespace hearth::auth {

// The configuration file's [sso] table and its [[sso.role_groups]] (docs/sso.md has each key).
struct SsoConfig {
  std::string issuer;  // exactly as the provider's discovery document says it; "" = no SSO
  std::string client_id;
  std::string client_secret;  // from client_secret_file, or HEARTH_SSO_CLIENT_SECRET
  std::string redirect_uri;   // https://hearth.example.gov.uk/auth/oidc/callback
  // Where the provider sends the browser after signing out there (default: /login?signed_out=1
  // on redirect_uri's site); registered with the provider like redirect_uri.
  std::string post_logout_redirect_uri;
  std::string scopes = "openid profile email";
  std::string token_auth = "client_secret_basic";  // or client_secret_post
  std::string match_claim = "preferred_username";  // the claim that names the person…
  std::string match_account = "username";          // …matched to a Hearth username, or email
  std::string roles_claim;  // "" : roles are Hearth's accounts'; else the claim listing groups
  // With roles_claim: which group gives which role, the first that matches winning.
  std::vector<std::pair<std::string, std::string>> role_groups;  // (group, role)
  std::string label = "Sign in with your council account";       // the button's words
  bool sign_out_at_provider = true;  // signing out of Hearth also signs out at the provider
  std::int64_t clock_skew = 120;     // seconds allowed between the provider's clock and ours

  bool enabled() const { return !issuer.empty(); }
};

// Reads [sso] from the TOML file (absent or empty: SSO off). Throws timescales::ConfigError
// naming the key at fault: an unknown key, no issuer, a missing client_id, client secret or
// redirect_uri, an issuer that is not https (plain http only on this machine's loopback, for
// tests), an unknown role. `read_secret` false checks everything but the client secret (which
// only the server needs, and only its user may read): for the other commands.
SsoConfig load_sso_config(const std::filesystem::path& file, bool read_secret = true);

// One HTTP exchange with the provider: a GET, or a POST of a form when `form` is not empty.
struct HttpCall {
  std::string url;
  std::string form;
  std::string user, password;  // HTTP basic authentication, when user is not empty
};
struct HttpReply {
  long status = 0;    // 0: no answer (error says why)
  std::string body;   // at most 1 MiB
  std::string error;  // the transport's words, for the log
};
using Fetch = std::function<HttpReply(const HttpCall&)>;
// libcurl: http and https only, no redirects followed, TLS checked, 10 s to answer.
HttpReply curl_fetch(const HttpCall& call);

// Why a sign-in was refused: `code` is what the browser is told (a short word the sign-in page
// turns into a sentence), `reason` what the audit log and server log are told.
class SsoError : public std::runtime_error {
 public:
  SsoError(std::string code, std::string reason)
      : std::runtime_error(reason), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// An authorization request: where to send the browser, and what must be kept to finish.
struct Authorization {
  std::string url;
  std::string state, nonce, verifier;
};

class OidcClient {
 public:
  using Clock = std::function<std::int64_t()>;  // Unix seconds
  explicit OidcClient(SsoConfig config, Fetch fetch = curl_fetch, Clock clock = {});

  const SsoConfig& config() const { return config_; }
  // Reads the provider's discovery document and keys now (for `hearth serve` to say at start
  // whether the provider answers). Throws SsoError("unavailable", …).
  void warm();
  // A new state, nonce and PKCE verifier, and the provider's authorization URL carrying them.
  // Throws SsoError("unavailable", …) when the provider's discovery document cannot be read.
  Authorization authorize();
  // Exchanges the code for tokens and checks the ID token; returns its claims. Throws SsoError:
  // "unavailable" (the provider did not answer), "refused" (it refused the code, or the token
  // failed a check: reason says which, e.g. "id_token: audience").
  nlohmann::json finish(const std::string& code, const std::string& verifier,
                        const std::string& nonce);
  // The provider's sign-out address with this client and post_logout_redirect_uri, or "" when
  // it publishes none or sign_out_at_provider is off.
  std::string sign_out_url();

 private:
  struct Metadata {
    std::string authorization_endpoint, token_endpoint, jwks_uri, end_session_endpoint;
    std::int64_t fetched = 0;
  };
  Metadata metadata();  // the cached document, or discover()
  Metadata discover();
  std::shared_ptr<const jwt::KeySet> keys(bool refresh);
  nlohmann::json get_json(const std::string& url, const char* what);

  SsoConfig config_;
  Fetch fetch_;
  Clock clock_;
  std::mutex mu_;
  std::optional<Metadata> metadata_;
  std::shared_ptr<const jwt::KeySet> keys_;
  std::int64_t keys_fetched_ = 0;
  std::string last_failure_, keys_failure_;  // the provider's last failures, and when
  std::int64_t failed_at_ = 0, keys_failed_at_ = 0;
};

// The Hearth account the checked claims name: the one linked to their issuer and subject, else
// the one match_claim names (its username or email), which is then linked to them. Its role is
// set from roles_claim when one is configured. What changed is written to the store. Throws
// SsoError: "no_account" (no claim, no account or two have it), "linked_elsewhere" (that account
// is linked to another subject: a reused email address or username), "not_staff" (a young
// person's account: they sign in with their own password), "disabled", "no_role" (roles_claim
// names no group that gives a role).
struct SsoAccount {
  store::UserRecord user;
  std::string previous_role;  // the role before the group claim changed it ("" when unchanged)
  bool linked = false;        // linked to the provider's subject at this sign-in
};
SsoAccount match_account(store::AccountStore& st, const SsoConfig& config,
                         const nlohmann::json& claims);

// The PKCE S256 challenge of a verifier: base64url(SHA-256(verifier)).
std::string pkce_challenge(const std::string& verifier);

}  // namespace hearth::auth
