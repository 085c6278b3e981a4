#include "auth/oidc.hpp"

#include <curl/curl.h>
#include <openssl/evp.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <mutex>

#include "auth/crypto.hpp"
#include "auth/roles.hpp"
#include "store/account_store.hpp"
#include "timescales/config.hpp"
#include "timescales/toml_document.hpp"

namespace hearth::auth {

using nlohmann::json;

namespace {

constexpr std::size_t kReplyLimit = 1024 * 1024;
constexpr std::int64_t kMetadataLife = 24 * 60 * 60;  // the discovery document, read again daily
constexpr std::int64_t kKeysRefetchGap = 60;  // an unknown key fetches the JWKS at most this often
constexpr std::int64_t kRetryGap = 30;  // a provider that failed is asked again after this long

std::int64_t system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return s;
}

std::string form_encode(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(char(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

std::string query(std::initializer_list<std::pair<const char*, std::string>> params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out.push_back('&');
    out += k;
    out.push_back('=');
    out += form_encode(v);
  }
  return out;
}

std::string with_query(const std::string& url, const std::string& q) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + q;
}

// scheme://host[:port] of a URL, or "" when it is not one.
std::string origin_of(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  auto path = url.find('/', scheme + 3);
  return url.substr(0, path);
}

std::string host_of(const std::string& url) {
  std::string o = origin_of(url);
  auto at = o.find("://");
  if (at == std::string::npos) return {};
  std::string host = o.substr(at + 3);
  if (host.starts_with("[")) return host.substr(0, host.find(']') + 1);
  return host.substr(0, host.find(':'));
}

// https, or plain http to this machine's loopback (a test provider): never plain http elsewhere.
bool acceptable_url(const std::string& url) {
  if (url.starts_with("https://")) return !host_of(url).empty();
  if (!url.starts_with("http://")) return false;
  std::string h = host_of(url);
  return h == "127.0.0.1" || h == "localhost" || h == "[::1]";
}

std::size_t collect(char* data, std::size_t size, std::size_t n, void* out) {
  auto* body = static_cast<std::string*>(out);
  if (body->size() + size * n > kReplyLimit) return 0;  // too large: curl stops with an error
  body->append(data, size * n);
  return size * n;
}

}  // namespace

HttpReply curl_fetch(const HttpCall& call) {
  static std::once_flag once;  // before any thread's first easy handle
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  HttpReply reply;
  CURL* curl = curl_easy_init();
  if (!curl) return {0, {}, "libcurl could not start"};
  char err[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, call.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 5L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, err);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "Hearth");
  curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (!call.form.empty()) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, call.form.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(call.form.size()));
  }
  if (!call.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_USERNAME, call.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, call.password.c_str());
  }
  CURLcode rc = curl_easy_perform(curl);
  if (rc == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  } else {
    reply.status = 0;
    reply.body.clear();
    reply.error = err[0] ? err : curl_easy_strerror(rc);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return reply;
}

std::string pkce_challenge(const std::string& verifier) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(verifier.data(), verifier.size(), digest, &len, EVP_sha256(), nullptr);
  return jwt::base64url_encode(std::string_view(reinterpret_cast<const char*>(digest), len));
}

// ---- the configuration file's [sso] ------------------------------------------------------------

SsoConfig load_sso_config(const std::filesystem::path& path, bool read_secret) {
  using timescales::ConfigError;
  const std::string file = path.string();
  const auto doc = timescales::parse_toml_document(timescales::read_config_file(path), file);
  SsoConfig c;
  const toml::table* t = doc["sso"].as_table();
  if (!t) return c;
  auto where = [&](std::string_view key) { return file + ": [sso] " + std::string(key); };
  static const std::vector<std::string_view> known = {"issuer",
                                                      "client_id",
                                                      "client_secret_file",
                                                      "redirect_uri",
                                                      "scopes",
                                                      "token_auth",
                                                      "match_claim",
                                                      "match_account",
                                                      "roles_claim",
                                                      "role_groups",
                                                      "label",
                                                      "sign_out_at_provider",
                                                      "clock_skew",
                                                      "post_logout_redirect_uri"};
  for (const auto& [k, v] : *t)
    if (std::find(known.begin(), known.end(), k.str()) == known.end())
      throw ConfigError(where(k.str()) + " is not a setting Hearth knows");
  auto text = [&](std::string_view key, std::string& out) {
    if (!t->contains(key)) return;
    auto v = (*t)[key].value<std::string>();
    if (!v) throw ConfigError(where(key) + " must be text in quotes");
    out = *v;
  };
  text("issuer", c.issuer);
  if (c.issuer.empty()) {
    if (t->empty()) return c;  // an empty [sso]: no single sign-on
    throw ConfigError(where("issuer") +
                      " is needed for single sign-on (or remove the [sso] table to sign in "
                      "with passwords only)");
  }
  text("client_id", c.client_id);
  text("redirect_uri", c.redirect_uri);
  text("post_logout_redirect_uri", c.post_logout_redirect_uri);
  text("scopes", c.scopes);
  text("token_auth", c.token_auth);
  text("match_claim", c.match_claim);
  text("match_account", c.match_account);
  text("roles_claim", c.roles_claim);
  text("label", c.label);
  std::string secret_file;
  text("client_secret_file", secret_file);
  if (t->contains("sign_out_at_provider")) {
    auto v = (*t)["sign_out_at_provider"].value_exact<bool>();
    if (!v) throw ConfigError(where("sign_out_at_provider") + " must be true or false");
    c.sign_out_at_provider = *v;
  }
  if (t->contains("clock_skew")) {
    auto v = (*t)["clock_skew"].value_exact<std::int64_t>();
    if (!v || *v < 0 || *v > 600)
      throw ConfigError(where("clock_skew") + " must be a whole number of seconds from 0 to 600");
    c.clock_skew = *v;
  }
  if (t->contains("role_groups")) {
    const auto* arr = (*t)["role_groups"].as_array();
    if (!arr) throw ConfigError(where("role_groups") + " must be [[sso.role_groups]] tables");
    for (const auto& e : *arr) {
      const auto* g = e.as_table();
      auto group = g ? (*g)["group"].value<std::string>() : std::nullopt;
      auto role = g ? (*g)["role"].value<std::string>() : std::nullopt;
      if (!group || !role || group->empty())
        throw ConfigError(where("role_groups") + " needs group = \"…\" and role = \"…\" in each");
      auto r = parse_role(*role);
      if (!r || *r == Role::YoungPerson)
        throw ConfigError(where("role_groups") + ": '" + *role +
                          "' is not a staff role (admin, analyst, manager, iro, worker, board, "
                          "participation or board_officer)");
      c.role_groups.emplace_back(*group, *role);
    }
  }
  if (!acceptable_url(c.issuer))
    throw ConfigError(where("issuer") +
                      " must be an https address (plain http only on this machine, for tests)");
  if (c.client_id.empty()) throw ConfigError(where("client_id") + " is needed with an issuer");
  if (c.redirect_uri.empty() || !acceptable_url(c.redirect_uri) ||
      !c.redirect_uri.ends_with("/auth/oidc/callback"))
    throw ConfigError(where("redirect_uri") +
                      " must be Hearth's own https address ending /auth/oidc/callback");
  if (c.post_logout_redirect_uri.empty())
    c.post_logout_redirect_uri = origin_of(c.redirect_uri) + "/login?signed_out=1";
  if (c.token_auth != "client_secret_basic" && c.token_auth != "client_secret_post")
    throw ConfigError(where("token_auth") + " must be client_secret_basic or client_secret_post");
  if (c.match_account != "username" && c.match_account != "email")
    throw ConfigError(where("match_account") + " must be username or email");
  if (c.match_claim.empty()) throw ConfigError(where("match_claim") + " must name a claim");
  if (c.scopes.find("openid") == std::string::npos)
    throw ConfigError(where("scopes") + " must include openid");
  if (c.role_groups.empty() != c.roles_claim.empty())
    throw ConfigError(where("roles_claim") +
                      " and [[sso.role_groups]] go together: name the claim and its groups");
  if (!read_secret) return c;
  if (const char* env = std::getenv("HEARTH_SSO_CLIENT_SECRET"); env && *env) {
    c.client_secret = env;
  } else if (!secret_file.empty()) {
    std::ifstream in(secret_file);
    if (!in) throw ConfigError(where("client_secret_file") + ": cannot read " + secret_file);
    std::getline(in, c.client_secret);
    while (!c.client_secret.empty() &&
           (c.client_secret.back() == '\r' || c.client_secret.back() == ' '))
      c.client_secret.pop_back();
  }
  if (c.client_secret.empty())
    throw ConfigError(where("client_secret_file") +
                      " must name a file holding the client secret (or set "
                      "HEARTH_SSO_CLIENT_SECRET)");
  return c;
}

// ---- the client --------------------------------------------------------------------------------

OidcClient::OidcClient(SsoConfig config, Fetch fetch, Clock clock)
    : config_(std::move(config)),
      fetch_(fetch ? std::move(fetch) : Fetch(curl_fetch)),
      clock_(clock ? std::move(clock) : Clock(system_now)) {}

json OidcClient::get_json(const std::string& url, const char* what) {
  HttpReply r = fetch_({url, {}, {}, {}});
  if (r.status != 200)
    throw SsoError("unavailable", std::string(what) + " " + url + ": " +
                                      (r.status ? "HTTP " + std::to_string(r.status) : r.error));
  json j = json::parse(r.body, nullptr, false);
  if (!j.is_object())
    throw SsoError("unavailable", std::string(what) + " " + url + ": not a JSON object");
  return j;
}

OidcClient::Metadata OidcClient::metadata() {
  {
    std::lock_guard lk(mu_);
    const std::int64_t now = clock_();
    if (metadata_ && now - metadata_->fetched < kMetadataLife) return *metadata_;
    // A provider that just failed is not asked again for a while: sign-ins are refused at once
    // rather than each waiting on a connection that will not come.
    if (!last_failure_.empty() && now - failed_at_ < kRetryGap)
      throw SsoError("unavailable",
                     last_failure_ + " (not asked again for " + std::to_string(kRetryGap) + " s)");
  }
  try {
    Metadata m = discover();  // outside the lock: up to ten seconds
    std::lock_guard lk(mu_);
    metadata_ = m;
    last_failure_.clear();
    return m;
  } catch (const SsoError& e) {
    std::lock_guard lk(mu_);
    last_failure_ = e.what();
    failed_at_ = clock_();
    if (metadata_) return *metadata_;  // keep using the last good document
    throw;
  }
}

OidcClient::Metadata OidcClient::discover() {
  std::string base = config_.issuer;
  while (base.ends_with("/")) base.pop_back();
  json d = get_json(base + "/.well-known/openid-configuration", "discovery document");
  auto field = [&](const char* name, bool required) {
    if (d.contains(name) && d[name].is_string()) return d[name].get<std::string>();
    if (required) throw SsoError("unavailable", std::string("discovery document has no ") + name);
    return std::string();
  };
  // OpenID Connect Discovery §4.3: the document's issuer is exactly the one configured.
  if (field("issuer", true) != config_.issuer)
    throw SsoError("unavailable", "discovery document's issuer " + field("issuer", true) +
                                      " is not the configured " + config_.issuer);
  Metadata m;
  m.authorization_endpoint = field("authorization_endpoint", true);
  m.token_endpoint = field("token_endpoint", true);
  m.jwks_uri = field("jwks_uri", true);
  m.end_session_endpoint = field("end_session_endpoint", false);
  for (const auto* u : {&m.authorization_endpoint, &m.token_endpoint, &m.jwks_uri})
    if (!acceptable_url(*u)) throw SsoError("unavailable", "discovery document: not https: " + *u);
  if (!m.end_session_endpoint.empty() && !acceptable_url(m.end_session_endpoint))
    m.end_session_endpoint.clear();
  m.fetched = clock_();
  return m;
}

std::shared_ptr<const jwt::KeySet> OidcClient::keys(bool refresh) {
  const Metadata m = metadata();
  {
    std::lock_guard lk(mu_);
    const std::int64_t now = clock_();
    if (keys_ && (!refresh || now - keys_fetched_ < kKeysRefetchGap)) return keys_;
    if (!keys_ && !keys_failure_.empty() && now - keys_failed_at_ < kRetryGap)
      throw SsoError("unavailable", keys_failure_);
    keys_fetched_ = now;  // one fetch at a time in effect: others keep the keys they have
  }
  std::shared_ptr<const jwt::KeySet> fresh;
  try {
    json j = get_json(m.jwks_uri, "key set");
    try {
      fresh = std::make_shared<const jwt::KeySet>(jwt::KeySet::parse(j.dump()));
    } catch (const std::exception& e) {
      throw SsoError("unavailable", std::string("key set: ") + e.what());
    }
  } catch (const SsoError& e) {
    std::lock_guard lk(mu_);
    keys_failure_ = e.what();
    keys_failed_at_ = clock_();
    if (keys_) return keys_;
    throw;
  }
  std::lock_guard lk(mu_);
  keys_ = fresh;
  keys_failure_.clear();
  return keys_;
}

void OidcClient::warm() {
  keys(false);
}

Authorization OidcClient::authorize() {
  const Metadata m = metadata();
  Authorization a;
  a.state = random_token(32);
  a.nonce = random_token(32);
  a.verifier = random_token(48);  // 64 characters of base64url: RFC 7636 wants 43 to 128
  a.url =
      with_query(m.authorization_endpoint, query({{"response_type", "code"},
                                                  {"client_id", config_.client_id},
                                                  {"redirect_uri", config_.redirect_uri},
                                                  {"scope", config_.scopes},
                                                  {"state", a.state},
                                                  {"nonce", a.nonce},
                                                  {"code_challenge", pkce_challenge(a.verifier)},
                                                  {"code_challenge_method", "S256"}}));
  return a;
}

json OidcClient::finish(const std::string& code, const std::string& verifier,
                        const std::string& nonce) {
  const Metadata m = metadata();
  HttpCall call;
  call.url = m.token_endpoint;
  call.form = query({{"grant_type", "authorization_code"},
                     {"code", code},
                     {"redirect_uri", config_.redirect_uri},
                     {"code_verifier", verifier}});
  if (config_.token_auth == "client_secret_post") {
    call.form +=
        "&" + query({{"client_id", config_.client_id}, {"client_secret", config_.client_secret}});
  } else {
    // RFC 6749 §2.3.1: each form-encoded, then joined for basic authentication
    call.user = form_encode(config_.client_id);
    call.password = form_encode(config_.client_secret);
  }
  HttpReply r = fetch_(call);
  if (r.status == 0) throw SsoError("unavailable", "token endpoint: " + r.error);
  json j = json::parse(r.body, nullptr, false);
  if (r.status != 200) {
    std::string why = j.is_object() && j.contains("error") && j["error"].is_string()
                          ? j["error"].get<std::string>()
                          : "HTTP " + std::to_string(r.status);
    throw SsoError("refused", "token endpoint refused the code: " + why);
  }
  if (!j.is_object() || !j.contains("id_token") || !j["id_token"].is_string())
    throw SsoError("refused", "token endpoint sent no id_token");
  const std::string token = j["id_token"];
  jwt::Expected ex{config_.issuer, config_.client_id, nonce, clock_(), config_.clock_skew};
  auto checked = jwt::check_id_token(token, *keys(false), ex);
  // A key Hearth has not seen: the provider may have rolled its keys. Fetch them again (at most
  // once a minute) and check once more.
  if (checked.error == jwt::TokenError::UnknownKey)
    checked = jwt::check_id_token(token, *keys(true), ex);
  if (checked.error != jwt::TokenError::None)
    throw SsoError("refused", "id_token: " + std::string(jwt::token_error_code(checked.error)));
  return std::move(checked.claims);
}

std::string OidcClient::sign_out_url() {
  if (!config_.sign_out_at_provider) return {};
  Metadata m;
  try {
    m = metadata();
  } catch (const SsoError&) {
    return {};
  }
  if (m.end_session_endpoint.empty()) return {};
  return with_query(m.end_session_endpoint,
                    query({{"client_id", config_.client_id},
                           {"post_logout_redirect_uri", config_.post_logout_redirect_uri}}));
}

// ---- who the claims name -----------------------------------------------------------------------

SsoAccount match_account(store::AccountStore& st, const SsoConfig& c, const json& claims) {
  // OpenID Connect Core §5.7: only the issuer and subject together name a person for good. An
  // account linked to them at its first sign-in is found by them, whatever the other claims
  // now say; the configured claim only finds an account that is not linked yet.
  const std::string subject =
      claims.value("iss", std::string()) + " " + claims.value("sub", std::string());
  const std::string& name = c.match_claim;
  std::optional<store::UserRecord> user;
  auto users = st.list_users();
  for (auto& u : users)
    if (u.sso_subject == subject) {
      user = std::move(u);
      break;
    }
  bool link = false;
  if (!user) {
    if (!claims.contains(name) || !claims[name].is_string() ||
        claims[name].get<std::string>().empty())
      throw SsoError("no_account", "the ID token has no " + name + " claim");
    if (name == "email" && claims.contains("email_verified") && claims["email_verified"] == false)
      throw SsoError("no_account", "the provider has not verified the email address");
    const std::string value = claims[name];
    if (c.match_account == "username") user = st.find_user(value);
    if (!user) {
      // Usernames and email addresses are matched without regard to case (providers differ),
      // and only when one account matches: two that differ only in case name nobody.
      const std::string want = lower(value);
      int matches = 0;
      for (auto& u : users) {
        const std::string& have = c.match_account == "email" ? u.email : u.username;
        if (!have.empty() && lower(have) == want && ++matches == 1) user = u;
      }
      if (matches > 1)
        throw SsoError("no_account", std::to_string(matches) + " Hearth accounts have " + name +
                                         " " + value + ": give it to one");
    }
    if (!user) throw SsoError("no_account", "no Hearth account has " + name + " " + value);
    if (!user->sso_subject.empty())
      throw SsoError("linked_elsewhere", "account " + user->username + " (" + name + " " + value +
                                             ") is linked to " + user->sso_subject + ", not " +
                                             subject);
    link = true;
  }
  if (parse_role(user->role) == Role::YoungPerson)
    throw SsoError("not_staff", "account " + user->username + " is a young person's");
  if (user->disabled) throw SsoError("disabled", "account " + user->username + " is disabled");
  SsoAccount out;
  if (!c.roles_claim.empty()) {
    std::vector<std::string> groups;
    if (claims.contains(c.roles_claim)) {
      const json& g = claims[c.roles_claim];
      if (g.is_string()) groups.push_back(g);
      if (g.is_array())
        for (const auto& x : g)
          if (x.is_string()) groups.push_back(x);
    }
    std::string role;
    for (const auto& [group, r] : c.role_groups)
      if (std::find(groups.begin(), groups.end(), group) != groups.end()) {
        role = r;
        break;
      }
    if (role.empty())
      throw SsoError("no_role", "account " + user->username + ": no group in " + c.roles_claim +
                                    " gives a Hearth role");
    if (role != user->role) {
      out.previous_role = user->role;
      user->role = role;
    }
  }
  if (link) user->sso_subject = subject;
  out.linked = link;
  if (link || !out.previous_role.empty()) st.update_user(*user);
  out.user = std::move(*user);
  return out;
}

}  // namespace hearth::auth
