-- users, sessions, login attempts, the audit log, web imports
-- Users, sessions, login attempts, the audit log (docs/security.md) and web imports in progress
-- (their files as base64 text). Sessions keep Unix seconds (compared, never shown), users keep ISO
-- 8601 UTC text. The audit log's seq is assigned by the appender, one more than the head's, so a
-- gap shows a deleted row, and audit_head (one row) holds the last seq and hash, so a deleted tail
-- shows too.
CREATE TABLE users (
  id %IDENTITY%,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  councils TEXT NOT NULL,
  worker TEXT NOT NULL,
  teams TEXT NOT NULL,
  child TEXT NOT NULL,
  disabled INTEGER NOT NULL,
  demo INTEGER NOT NULL,
  failed_logins INTEGER NOT NULL,
  locked_until TEXT NOT NULL,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  last_login_at TEXT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  ip TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE login_attempts (
  at BIGINT NOT NULL,
  ip TEXT NOT NULL,
  username TEXT NOT NULL,
  ok INTEGER NOT NULL
);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  resource TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_resource ON audit_log (resource);
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  la TEXT NOT NULL,
  kind TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  created BIGINT NOT NULL,
  status TEXT NOT NULL,
  result TEXT NOT NULL
);
CREATE TABLE upload_files (
  upload_id TEXT NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  size BIGINT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (upload_id, name)
)
