-- single sign-on: accounts that use only it, how a session began, sign-ins in progress
-- Single sign-on through the council's OpenID provider (docs/sso.md). An SSO-only account has no
-- password of its own; sso_subject is the provider's issuer and subject an account was linked to
-- at its first single sign-on; a session remembers whether it began through the provider (so signing out
-- can end the provider's session too); a sign-in in progress keeps the hashes of its state and of
-- the browser's binding cookie, its nonce and PKCE verifier, until it is taken once or `expires`
-- (Unix seconds, ten minutes after it began).
ALTER TABLE users ADD COLUMN sso_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN sso_subject TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN sso INTEGER NOT NULL DEFAULT 0;
CREATE TABLE sso_requests (
  state_hash TEXT PRIMARY KEY,
  browser_hash TEXT NOT NULL,
  nonce TEXT NOT NULL,
  verifier TEXT NOT NULL,
  return_to TEXT NOT NULL,
  expires BIGINT NOT NULL
);
CREATE INDEX sso_requests_expires ON sso_requests (expires)
