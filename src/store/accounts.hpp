// What the store keeps about people and their use of Hearth: users, sessions, login attempts
// and the hash-chained audit log (docs/security.md). The decisions — who may log in, whether a
// session is still valid, what a role may see — are made in src/auth/; the store only keeps the
// records, in transactions, so several `hearth serve` processes on one database share them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/instant.hpp"

namespace hearth::store {

struct UserRecord {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string role;  // auth::role_name()
  std::string password_hash;
  std::vector<std::string> councils;  // LA codes
  std::string worker;                 // the professional id (worker, iro, manager)
  std::vector<std::string> teams;     // manager: the teams they manage
  std::string child;                  // young_person: their CHILD id (in councils[0])
  bool disabled = false;
  bool demo = false;  // made by `hearth demo`: refused unless the store is the demo's
  int failed_logins = 0;
  std::optional<model::Instant> locked_until;  // empty when not locked
  model::Instant created_at{};
  model::Instant password_changed_at{};
  std::optional<model::Instant> last_login_at;  // empty: never
  std::string email;                            // where alerts are sent ("" for none)
  // Signs in only through the council's single sign-on (docs/sso.md): no password of theirs
  // works (they have none), and no set-up link is made for them.
  bool sso_only = false;
  // The council account this one is linked to: the provider's issuer and subject ("ISS SUB"),
  // kept at its first single sign-on; "" until then. Later sign-ins are matched by it first.
  std::string sso_subject;
};

struct SessionRecord {
  std::string token_hash;  // SHA-256 of the cookie's token (the token itself is never stored)
  std::int64_t user_id = 0;
  std::string csrf;  // the double-submit token
  model::Instant created{};
  model::Instant last_seen{};
  std::string ip;
  std::string user_agent;
  bool sso = false;  // begun through single sign-on (sign-out then offers the provider's too)
};

// A single sign-on in progress (docs/sso.md): made when the browser is sent to the provider,
// taken once when it comes back. Only hashes of the state and of the browser's binding cookie
// are kept; the nonce and PKCE verifier are needed in the clear to finish, for ten minutes.
struct SsoRequest {
  std::string state_hash;    // SHA-256 of the state sent to the provider
  std::string browser_hash;  // SHA-256 of the hearth_sso cookie set on the browser that began it
  std::string nonce;
  std::string verifier;   // the PKCE code verifier
  std::string return_to;  // the page to go to afterwards (a path on this site), or ""
  model::Instant expires{};
};

struct LoginFailures {
  std::int64_t here = 0;        // from this address, after its last good login
  std::int64_t everywhere = 0;  // from every address
  bool known_address = false;   // this address signed in as the user recently
};

struct AuditEntry {
  std::int64_t seq = 0;  // 1, 2, 3…: a gap is a deleted row
  model::Instant at{};   // kept to the millisecond; the epoch when appending: now
  std::string actor;     // username, or "cli:<login>"
  std::string role;
  std::string action;    // "child.read", "session.login", "access.denied", "import.accept"…
  std::string resource;  // "child:887/1149297", "user:demo-worker", "route:GET /api/v1/findings"
  std::string outcome;   // "ok", "denied", "failed"
  std::string detail;    // JSON text
  std::string prev_hash;
  std::string hash;
};

// A web import being put together: files uploaded one by one, checked, then accepted (stored
// by the usual import, whole or not at all) or cancelled. Kept in the database so any server
// process can take the next step.
struct UploadRecord {
  std::string id;  // random, unguessable
  std::string la;
  std::string kind;         // "903" or "local"
  int collection_year = 0;  // end year; 0 for local records
  std::string user;         // who started it
  model::Instant created{};
  std::string status;  // "open", "checked", "imported", "cancelled"
  std::string result;  // JSON text: the last check's or the import's outcome
};

struct UploadFile {
  std::string name;
  std::int64_t size = 0;
  std::string content;  // empty when only listed
};

// The audit chain's hash of an entry: SHA-256 over the previous hash and every field, each
// length-prefixed, as lower-case hex. The same function writes and verifies.
std::string audit_hash(const AuditEntry& e);

}  // namespace hearth::store
