// Single sign-on below the browser: the ID token checker against every way a token can be wrong,
// the OpenID client against a provider played by a fake HTTP exchange (discovery, the
// authorization URL, the code exchange, a rolled key), the [sso] settings, and the matching of
// a provider's claims to a Hearth account. The real provider and Chromium: web/e2e/sso.mjs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "auth/crypto.hpp"
#include "auth/oidc.hpp"
#include "auth/sessions.hpp"
#include "sso_keys.hpp"
#include "store/store.hpp"
#include "timescales/config.hpp"

namespace hearth::auth {
namespace {

using nlohmann::json;
using testing::TestKey;

constexpr std::int64_t kNow = 1'800'000'000;
const std::string kIssuer = "https://login.example.org/tenant/v2.0";

json claims(json extra = json::object()) {
  json c = {{"iss", kIssuer},
            {"aud", "hearth"},
            {"sub", "abc"},
            {"iat", kNow - 5},
            {"exp", kNow + 600},
            {"nonce", "n-1"},
            {"email", "wendy@council.example"}};
  for (auto& [k, v] : extra.items()) c[k] = v;
  return c;
}

jwt::Expected expected() {
  return {kIssuer, "hearth", "n-1", kNow, 120};
}

struct Keys {
  TestKey rsa = TestKey::make("rsa-1", false);
  TestKey ec = TestKey::make("ec-1", true);
  TestKey other = TestKey::make("rsa-2", false);  // not published
};
const Keys& keys() {
  static const Keys k;
  return k;
}

jwt::TokenError check(const std::string& token) {
  auto set = jwt::KeySet::parse(testing::jwks_of({&keys().rsa, &keys().ec}));
  return jwt::check_id_token(token, set, expected()).error;
}

TEST(IdToken, SignedByThePublishedKeysItIsAccepted) {
  auto set = jwt::KeySet::parse(testing::jwks_of({&keys().rsa, &keys().ec}));
  EXPECT_EQ(set.size(), 2u);
  auto r = jwt::check_id_token(keys().rsa.token(claims()), set, expected());
  ASSERT_EQ(r.error, jwt::TokenError::None);
  EXPECT_EQ(r.claims["email"], "wendy@council.example");
  EXPECT_EQ(check(keys().ec.token(claims())), jwt::TokenError::None) << "ES256";
  EXPECT_EQ(check(keys().rsa.token(claims({{"aud", {"hearth"}}}))), jwt::TokenError::None);
  EXPECT_EQ(check(keys().ec.token(claims(), {{"kid", nullptr}})), jwt::TokenError::None)
      << "no kid: any published key of its kind";
  EXPECT_EQ(check(keys().rsa.token(claims({{"aud", {"hearth", "graph"}}, {"azp", "hearth"}}))),
            jwt::TokenError::None);
}

TEST(IdToken, EveryWayOfBeingWrongIsRefused) {
  using E = jwt::TokenError;
  const auto& k = keys();
  // a claim changed after signing
  std::string good = k.rsa.token(claims());
  auto dot1 = good.find('.'), dot2 = good.rfind('.');
  std::string tampered =
      good.substr(0, dot1 + 1) +
      jwt::base64url_encode(claims({{"email", "admin@council.example"}}).dump()) +
      good.substr(dot2);
  EXPECT_EQ(check(tampered), E::Signature);
  EXPECT_EQ(check(k.other.token(claims(), {{"kid", "rsa-1"}})), E::Signature) << "another key";
  EXPECT_EQ(check(k.other.token(claims())), E::UnknownKey);
  // the algorithm is Hearth's choice: never none, never a shared secret, never the wrong kind
  std::string none = jwt::base64url_encode(R"({"alg":"none","kid":"rsa-1"})") + "." +
                     good.substr(dot1 + 1, dot2 - dot1 - 1) + ".";
  EXPECT_EQ(check(none), E::Algorithm);
  EXPECT_EQ(check(k.rsa.token(claims(), {{"alg", "HS256"}})), E::Algorithm);
  EXPECT_EQ(check(k.rsa.token(claims(), {{"alg", "ES256"}})), E::Algorithm) << "RSA key as EC";
  EXPECT_EQ(check(k.rsa.token(claims(), {{"kid", "ec-1"}})), E::Algorithm) << "EC key, RS256";
  EXPECT_EQ(check(k.rsa.token(claims({{"iss", "https://evil.example/"}}))), E::Issuer);
  EXPECT_EQ(check(k.rsa.token(claims({{"aud", "someone-else"}}))), E::Audience);
  EXPECT_EQ(check(k.rsa.token(claims({{"aud", {"graph"}}}))), E::Audience);
  EXPECT_EQ(check(k.rsa.token(claims({{"aud", {"hearth", "graph"}}}))), E::AuthorizedParty);
  EXPECT_EQ(check(k.rsa.token(claims({{"azp", "graph"}}))), E::AuthorizedParty);
  EXPECT_EQ(check(k.rsa.token(claims({{"nonce", "n-2"}}))), E::Nonce);
  json no_nonce = claims();
  no_nonce.erase("nonce");
  EXPECT_EQ(check(k.rsa.token(no_nonce)), E::Nonce);
  // time, with two minutes' grace either way
  EXPECT_EQ(check(k.rsa.token(claims({{"exp", kNow - 121}}))), E::Expired);
  EXPECT_EQ(check(k.rsa.token(claims({{"exp", kNow - 60}}))), E::None) << "within the skew";
  EXPECT_EQ(check(k.rsa.token(claims({{"exp", "tomorrow"}}))), E::Expired);
  EXPECT_EQ(check(k.rsa.token(claims({{"iat", kNow + 300}}))), E::NotYetValid);
  EXPECT_EQ(check(k.rsa.token(claims({{"nbf", kNow + 300}}))), E::NotYetValid);
  // not a JWT at all
  for (const std::string& bad :
       std::vector<std::string>{"", "a.b", "a.b.c.d", "!!!.???.***", good.substr(0, dot2)})
    EXPECT_EQ(check(bad), E::Format) << bad;
  EXPECT_EQ(check(k.rsa.token(claims({{"sub", ""}}))), E::Format) << "no subject";
}

TEST(IdToken, KeySetsLeaveOutWhatTheyCannotUse) {
  json set = json::parse(testing::jwks_of({&keys().rsa}));
  set["keys"].push_back(
      {{"kty", "RSA"}, {"kid", "enc"}, {"use", "enc"}, {"n", "AQAB"}, {"e", "AQAB"}});
  set["keys"].push_back({{"kty", "RSA"}, {"kid", "short"}, {"n", "AQAB"}, {"e", "AQAB"}});
  set["keys"].push_back({{"kty", "OKP"}, {"kid", "ed"}, {"crv", "Ed25519"}, {"x", "AAAA"}});
  set["keys"].push_back("not a key");
  auto k = jwt::KeySet::parse(set.dump());
  EXPECT_EQ(k.size(), 1u);
  EXPECT_TRUE(k.has("rsa-1"));
  EXPECT_THROW(jwt::KeySet::parse("[]"), std::runtime_error);
  EXPECT_THROW(jwt::KeySet::parse("{not json"), std::runtime_error);
}

TEST(IdToken, Base64urlAndPkceFollowTheirRfcs) {
  for (const std::string& s : std::vector<std::string>{
           "", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\xff\xfe\x00\x01", 4)})
    EXPECT_EQ(jwt::base64url_decode(jwt::base64url_encode(s)), s);
  EXPECT_EQ(jwt::base64url_encode("\xfb\xff"), "-_8");
  EXPECT_FALSE(jwt::base64url_decode("a+b/").has_value());
  EXPECT_FALSE(jwt::base64url_decode("Zm9v=").has_value());
  EXPECT_FALSE(jwt::base64url_decode("Z").has_value());
  // RFC 7636 appendix B
  EXPECT_EQ(pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

// ---- the client, against a provider played by a map of answers --------------------------------

struct FakeProvider {
  std::map<std::string, HttpReply> answers;
  std::vector<HttpCall> calls;
  std::string jwks;
  std::string id_token;
  int token_status = 200;

  Fetch fetch() {
    return [this](const HttpCall& c) {
      calls.push_back(c);
      if (c.url == kIssuer + "/.well-known/openid-configuration")
        return HttpReply{200,
                         json{{"issuer", kIssuer},
                              {"authorization_endpoint", kIssuer + "/authorize"},
                              {"token_endpoint", kIssuer + "/token"},
                              {"jwks_uri", kIssuer + "/keys"},
                              {"end_session_endpoint", kIssuer + "/logout"}}
                             .dump(),
                         {}};
      if (c.url == kIssuer + "/keys") return HttpReply{200, jwks, {}};
      if (c.url == kIssuer + "/token")
        return token_status == 200
                   ? HttpReply{200,
                               json{{"id_token", id_token}, {"token_type", "Bearer"}}.dump(),
                               {}}
                   : HttpReply{token_status, R"({"error":"invalid_grant"})", {}};
      return HttpReply{0, {}, "connection refused"};
    };
  }
};

SsoConfig config() {
  SsoConfig c;
  c.issuer = kIssuer;
  c.client_id = "hearth";
  c.client_secret = "s3cret/with+odd=chars";
  c.redirect_uri = "https://hearth.council.example/auth/oidc/callback";
  c.post_logout_redirect_uri = "https://hearth.council.example/login?signed_out=1";
  return c;
}

std::map<std::string, std::string> params_of(const std::string& url) {
  std::map<std::string, std::string> out;
  std::string q = url.substr(url.find('?') + 1);
  for (std::size_t at = 0; at <= q.size();) {
    auto end = q.find('&', at);
    if (end == std::string::npos) end = q.size();
    auto kv = q.substr(at, end - at);
    auto eq = kv.find('=');
    out[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
    at = end + 1;
  }
  return out;
}

TEST(OidcClient, SendsTheBrowserWithStateNonceAndAnS256Challenge) {
  FakeProvider op;
  OidcClient client(config(), op.fetch(), [] { return kNow; });
  auto a = client.authorize();
  EXPECT_TRUE(a.url.starts_with(kIssuer + "/authorize?"));
  auto p = params_of(a.url);
  EXPECT_EQ(p["response_type"], "code");
  EXPECT_EQ(p["client_id"], "hearth");
  EXPECT_EQ(p["redirect_uri"], "https%3A%2F%2Fhearth.council.example%2Fauth%2Foidc%2Fcallback");
  EXPECT_EQ(p["scope"], "openid%20profile%20email");
  EXPECT_EQ(p["state"], a.state);
  EXPECT_EQ(p["nonce"], a.nonce);
  EXPECT_EQ(p["code_challenge_method"], "S256");
  EXPECT_EQ(p["code_challenge"], pkce_challenge(a.verifier));
  EXPECT_GE(a.verifier.size(), 43u);
  EXPECT_NE(client.authorize().state, a.state);
  EXPECT_EQ(client.sign_out_url(),
            kIssuer +
                "/logout?client_id=hearth&post_logout_redirect_uri=https%3A%2F%2Fhearth."
                "council.example%2Flogin%3Fsigned_out%3D1");
}

TEST(OidcClient, ExchangesTheCodeAndChecksTheToken) {
  FakeProvider op;
  op.jwks = testing::jwks_of({&keys().rsa});
  op.id_token = keys().rsa.token(claims());
  OidcClient client(config(), op.fetch(), [] { return kNow; });
  auto c = client.finish("the-code", "the-verifier", "n-1");
  EXPECT_EQ(c["sub"], "abc");
  const HttpCall& exchange =
      op.calls.back().url == kIssuer + "/token" ? op.calls.back() : op.calls[1];
  EXPECT_EQ(exchange.url, kIssuer + "/token");
  auto form = params_of("?" + exchange.form);
  EXPECT_EQ(form["grant_type"], "authorization_code");
  EXPECT_EQ(form["code"], "the-code");
  EXPECT_EQ(form["code_verifier"], "the-verifier");
  EXPECT_EQ(exchange.user, "hearth");
  EXPECT_EQ(exchange.password, "s3cret%2Fwith%2Bodd%3Dchars") << "RFC 6749 2.3.1";

  // each check the token fails is a refusal naming it
  auto refused = [&](const std::string& token, const std::string& nonce = "n-1") {
    op.id_token = token;
    try {
      client.finish("c", "v", nonce);
    } catch (const SsoError& e) {
      EXPECT_EQ(e.code(), "refused");
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refused(keys().rsa.token(claims({{"aud", "x"}}))), "id_token: audience");
  EXPECT_EQ(refused(keys().rsa.token(claims({{"exp", kNow - 3600}}))), "id_token: expired");
  EXPECT_EQ(refused(keys().rsa.token(claims()), "n-2"), "id_token: nonce");
  op.token_status = 400;
  EXPECT_EQ(refused(keys().rsa.token(claims())), "token endpoint refused the code: invalid_grant");
}

TEST(OidcClient, AKeyItHasNotSeenFetchesTheKeysAgainAtMostOnceAMinute) {
  FakeProvider op;
  op.jwks = testing::jwks_of({&keys().rsa});
  std::int64_t now = kNow;
  OidcClient client(config(), op.fetch(), [&] { return now; });
  client.warm();
  // the provider rolls its keys: the new one is published, then used
  op.jwks = testing::jwks_of({&keys().rsa, &keys().ec});
  op.id_token = keys().ec.token(claims());
  now += 61;
  EXPECT_EQ(client.finish("c", "v", "n-1")["sub"], "abc");
  // a token from a key nobody publishes: one fetch a minute, not one per attempt
  op.id_token = keys().other.token(claims());
  auto key_fetches = [&] {
    return std::count_if(op.calls.begin(), op.calls.end(),
                         [](const HttpCall& c) { return c.url == kIssuer + "/keys"; });
  };
  const auto before = key_fetches();
  for (int i = 0; i < 5; ++i) EXPECT_THROW(client.finish("c", "v", "n-1"), SsoError);
  EXPECT_EQ(key_fetches(), before) << "fetched less than a minute after the last";
  now += 61;
  EXPECT_THROW(client.finish("c", "v", "n-1"), SsoError);
  EXPECT_EQ(key_fetches(), before + 1);
}

TEST(OidcClient, AProviderThatDoesNotAnswerOrLiesIsUnavailable) {
  OidcClient down(config(), [](const HttpCall&) { return HttpReply{0, {}, "timed out"}; });
  try {
    down.authorize();
    FAIL() << "no provider, yet an authorization URL";
  } catch (const SsoError& e) {
    EXPECT_EQ(e.code(), "unavailable");
  }
  EXPECT_EQ(down.sign_out_url(), "") << "then sign-out is Hearth's alone";
  OidcClient liar(config(), [](const HttpCall&) {
    return HttpReply{200,
                     json{{"issuer", "https://evil.example/"},
                          {"authorization_endpoint", "https://evil.example/a"},
                          {"token_endpoint", "https://evil.example/t"},
                          {"jwks_uri", "https://evil.example/k"}}
                         .dump(),
                     {}};
  });
  EXPECT_THROW(liar.authorize(), SsoError) << "its issuer is not the one configured";
}

// ---- settings and accounts ---------------------------------------------------------------------

std::filesystem::path write_config(const std::string& text) {
  static int n = 0;
  auto p = std::filesystem::temp_directory_path() /
           ("hearth-sso-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".toml");
  std::ofstream(p) << text;
  return p;
}

TEST(SsoSettings, AreReadCheckedAndNeedASecret) {
  auto secret = write_config("the-secret\n");
  const std::string base = "[sso]\nissuer = \"" + kIssuer +
                           "\"\nclient_id = \"hearth\"\nredirect_uri = "
                           "\"https://hearth.council.example/auth/oidc/callback\"\n"
                           "client_secret_file = \"" +
                           secret.string() + "\"\n";
  auto c = load_sso_config(write_config(base));
  EXPECT_TRUE(c.enabled());
  EXPECT_EQ(c.client_secret, "the-secret");
  EXPECT_EQ(c.post_logout_redirect_uri, "https://hearth.council.example/login?signed_out=1");
  EXPECT_FALSE(load_sso_config(write_config("[voice]\n")).enabled());
  auto groups =
      load_sso_config(write_config(
          base + "roles_claim = \"groups\"\n[[sso.role_groups]]\ngroup = \"g-managers\"\nrole = "
                 "\"manager\"\n[[sso.role_groups]]\ngroup = \"g-workers\"\nrole = \"worker\"\n"));
  ASSERT_EQ(groups.role_groups.size(), 2u);
  EXPECT_EQ(groups.role_groups[0], (std::pair<std::string, std::string>{"g-managers", "manager"}));

  auto refused = [&](const std::string& text, const std::string& words) {
    try {
      load_sso_config(write_config(text));
      ADD_FAILURE() << "accepted: " << text;
    } catch (const timescales::ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
  };
  refused("[sso]\nissuer = \"http://login.example.org/\"\nclient_id = \"h\"\n", "https");
  refused(base + "colour = \"red\"\n", "[sso] colour is not a setting");
  refused("[sso]\nmatch_account = \"mail\"\n", "issuer is needed");  // keys but no issuer
  EXPECT_FALSE(load_sso_config(write_config("[sso]\n")).enabled()) << "an empty table: off";
  EXPECT_TRUE(load_sso_config(write_config("[sso]\nissuer = \"" + kIssuer +
                                           "\"\nclient_id = \"h\"\nredirect_uri = "
                                           "\"https://h.example/auth/oidc/callback\"\n"),
                              false)
                  .enabled())
      << "checked without its secret, for commands other than serve";
  refused("[sso]\nissuer = \"" + kIssuer +
              "\"\nredirect_uri = \"https://h.example/auth/oidc/callback\"\n",
          "client_id");
  refused("[sso]\nissuer = \"" + kIssuer +
              "\"\nclient_id = \"hearth\"\nredirect_uri = "
              "\"https://hearth.council.example/auth/oidc/callback\"\n",
          "client secret");
  refused("[sso]\nissuer = \"" + kIssuer + "\"\nclient_id = \"hearth\"\nclient_secret_file = \"" +
              secret.string() + "\"\nredirect_uri = \"https://hearth.council.example/elsewhere\"\n",
          "must be Hearth's own https address ending /auth/oidc/callback");
  refused(base + "match_account = \"phone\"\n", "username or email");
  refused(base + "roles_claim = \"groups\"\n", "go together");
  refused(base +
              "roles_claim = \"groups\"\n[[sso.role_groups]]\ngroup = \"g\"\nrole = "
              "\"young_person\"\n",
          "not a staff role");
}

std::unique_ptr<store::Store> store_with_users() {
  auto st = store::open_store("sqlite::memory:");
  st->upgrade();
  auto add = [&](const std::string& name, const std::string& role, const std::string& email,
                 bool disabled = false) {
    store::UserRecord u;
    u.username = name;
    u.display_name = name;
    u.role = role;
    u.councils = {"887"};
    u.email = email;
    u.disabled = disabled;
    st->add_user(u);
  };
  add("wendy", "worker", "Wendy.Worker@council.example");
  add("yasmin", "young_person", "yasmin@example.org");
  add("gone", "worker", "gone@council.example", true);
  return st;
}

// What matching `claims` comes to: "ok", or the refusal's code.
std::string outcome(store::AccountStore& st, const SsoConfig& c, const json& claims) {
  try {
    match_account(st, c, claims);
  } catch (const SsoError& e) {
    return e.code();
  }
  return "ok";
}

// The claims of the provider's person `sub`.
json who(const std::string& sub, json extra) {
  extra["iss"] = kIssuer;
  extra["sub"] = sub;
  return extra;
}

TEST(SsoAccounts, AreFoundByTheClaimOnceThenByTheSubjectTheyWereLinkedTo) {
  auto st = store_with_users();
  SsoConfig c = config();
  auto code_of = [&](const json& cl) { return outcome(*st, c, cl); };
  auto first = match_account(*st, c, who("s1", {{"preferred_username", "wendy"}}));
  EXPECT_EQ(first.user.username, "wendy");
  EXPECT_TRUE(first.linked);
  EXPECT_EQ(st->find_user("wendy")->sso_subject, kIssuer + " s1");
  // later: found by the subject, whatever the name claim says now
  auto again = match_account(*st, c, who("s1", {{"preferred_username", "wendy.renamed"}}));
  EXPECT_EQ(again.user.username, "wendy");
  EXPECT_FALSE(again.linked);
  // someone else given the same name at the provider does not get her account
  EXPECT_EQ(code_of(who("s2", {{"preferred_username", "wendy"}})), "linked_elsewhere");
  EXPECT_EQ(code_of(who("s3", {{"preferred_username", "nobody"}})), "no_account");
  EXPECT_EQ(code_of(who("s3", {{"email", "wendy"}})), "no_account") << "not the configured claim";
  EXPECT_EQ(code_of(who("s4", {{"preferred_username", "yasmin"}})), "not_staff");
  EXPECT_EQ(code_of(who("s5", {{"preferred_username", "GONE"}})), "disabled") << "any case";
  EXPECT_EQ(st->find_user("gone")->sso_subject, "") << "a refusal links nothing";
  store::UserRecord twin = *st->find_user("wendy");
  twin.username = "Wendy";
  twin.email = "";
  twin.sso_subject = "";
  st->add_user(twin);
  EXPECT_EQ(code_of(who("s6", {{"preferred_username", "WENDY"}})), "no_account")
      << "two accounts match";
  EXPECT_EQ(match_account(*st, c, who("s6", {{"preferred_username", "Wendy"}})).user.username,
            "Wendy");
}

TEST(SsoAccounts, MayBeMatchedByEmailWithRolesFromGroups) {
  auto st = store_with_users();
  SsoConfig c = config();
  c.match_claim = "email";
  c.match_account = "email";
  auto code_of = [&](const json& cl) { return outcome(*st, c, cl); };
  EXPECT_EQ(
      code_of(who("e0", {{"email", "wendy.worker@council.example"}, {"email_verified", false}})),
      "no_account");
  EXPECT_EQ(
      match_account(*st, c, who("e1", {{"email", "wendy.worker@council.example"}})).user.username,
      "wendy");
  // roles from the provider's groups: the first listed that the person is in
  c.roles_claim = "groups";
  c.role_groups = {{"g-managers", "manager"}, {"g-workers", "worker"}};
  EXPECT_EQ(code_of(who("e1", {{"groups", {"g-other"}}})), "no_role");
  auto m = match_account(*st, c, who("e1", {{"groups", {"g-workers", "g-managers"}}}));
  EXPECT_EQ(m.user.role, "manager");
  EXPECT_EQ(m.previous_role, "worker");
  EXPECT_EQ(st->find_user("wendy")->role, "manager") << "written to the account";
  m = match_account(*st, c, who("e1", {{"groups", "g-managers"}}));
  EXPECT_EQ(m.previous_role, "") << "unchanged";
}

TEST(SsoAccounts, AnSsoOnlyAccountsPasswordNeverWorksAndItsSessionsSaySso) {
  auto st = store_with_users();
  Authenticator authn(SessionPolicy{}, [] { return kNow; });
  auto u = *st->find_user("wendy");
  u.password_hash = hash_password("a long good password");
  st->update_user(u);
  EXPECT_EQ(authn.login(*st, "wendy", "a long good password", "10.0.0.1", "t").error,
            LoginError::None);
  u.sso_only = true;
  st->update_user(u);
  EXPECT_EQ(authn.login(*st, "wendy", "a long good password", "10.0.0.1", "t").error,
            LoginError::BadCredentials);
  auto r = authn.start_session(*st, u, "10.0.0.1", "t", true);
  auto s = authn.find(*st, r.token);
  ASSERT_TRUE(s.has_value());
  EXPECT_TRUE(s->sso);
  EXPECT_EQ(s->principal.username, "wendy");
}

TEST(SsoRequests, AreTakenOnceBeforeTheyExpireAndAreCapped) {
  auto st = store::open_store("sqlite::memory:");
  st->upgrade();
  auto at = [](std::int64_t t) { return model::from_unix_seconds(t); };
  store::SsoRequest r{"state-hash", "browser-hash", "nonce",
                      "verifier",   "/worklist",    at(kNow + 600)};
  ASSERT_TRUE(st->put_sso_request(r, at(kNow), 3));
  auto taken = st->take_sso_request("state-hash", at(kNow + 10));
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(taken->verifier, "verifier");
  EXPECT_EQ(taken->return_to, "/worklist");
  EXPECT_FALSE(st->take_sso_request("state-hash", at(kNow + 11))) << "used once";
  r.state_hash = "late";
  st->put_sso_request(r, at(kNow), 3);
  EXPECT_FALSE(st->take_sso_request("late", at(kNow + 600))) << "ten minutes later";
  r.expires = at(kNow + 1300);
  for (const char* h : {"a", "b", "c"}) {
    r.state_hash = h;
    EXPECT_TRUE(st->put_sso_request(r, at(kNow + 700), 3));
  }
  r.state_hash = "d";
  EXPECT_FALSE(st->put_sso_request(r, at(kNow + 700), 3)) << "three waiting already";
  EXPECT_FALSE(st->take_sso_request("d", at(kNow + 700)));
  EXPECT_TRUE(st->take_sso_request("a", at(kNow + 700)));
}

}  // namespace
}  // namespace hearth::auth
