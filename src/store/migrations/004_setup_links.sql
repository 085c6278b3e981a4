-- one-time set-up links for users an administrator adds or resets
-- A set-up link lets its holder choose their own password once (docs/security.md): the user is
-- made without a usable password, and the link's token is kept only as its SHA-256. Taking a link
-- deletes it; a user has at most one; it ends at `expires` (Unix seconds).
CREATE TABLE setup_links (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created BIGINT NOT NULL,
  expires BIGINT NOT NULL
);
CREATE INDEX setup_links_user ON setup_links (user_id)
