-- the child's voice: invitations, statements, replies, alerts and the mail outbox
-- What children and young people say to their workers (docs/voice.md). Statement, reply and
-- acknowledgement text is kept only as a sealed box ("v1:KEY:BASE64", voice/keyring.hpp): the
-- database never holds it in plain text. Times are ISO 8601 UTC text, as users' are ("" for
-- none), so they compare as text. An invitation code is kept only as its SHA-256. An alert is
-- escalated by moving its level on with a compare-and-set (level = the level read), so with
-- several servers on one database each step happens once; the mail outbox is written in the same
-- transaction as what it tells, so a killed server loses no message, and each row is claimed
-- (claimed_until) before it is sent.
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
CREATE TABLE invitations (
  id %IDENTITY%,
  code_hash TEXT NOT NULL UNIQUE,
  la TEXT NOT NULL,
  child TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT NOT NULL,
  used_by BIGINT NOT NULL
);
CREATE TABLE statements (
  id %IDENTITY%,
  la TEXT NOT NULL,
  child TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  source TEXT NOT NULL,
  external_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  mood TEXT NOT NULL,
  topic TEXT NOT NULL,
  purpose TEXT NOT NULL,
  unsafe INTEGER NOT NULL,
  text_box TEXT NOT NULL,
  first_read_at TEXT NOT NULL,
  first_reply_at TEXT NOT NULL
);
CREATE INDEX statements_child ON statements (la, child);
CREATE TABLE statement_replies (
  id %IDENTITY%,
  statement_id BIGINT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  text_box TEXT NOT NULL,
  seen_at TEXT NOT NULL
);
CREATE INDEX statement_replies_statement ON statement_replies (statement_id);
CREATE TABLE alerts (
  id %IDENTITY%,
  statement_id BIGINT NOT NULL UNIQUE REFERENCES statements (id) ON DELETE CASCADE,
  la TEXT NOT NULL,
  child TEXT NOT NULL,
  raised_at TEXT NOT NULL,
  level INTEGER NOT NULL,
  due_at TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL,
  acknowledged_by TEXT NOT NULL,
  action_box TEXT NOT NULL
);
CREATE INDEX alerts_open ON alerts (acknowledged_at, due_at);
CREATE TABLE alert_events (
  id %IDENTITY%,
  alert_id BIGINT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  level INTEGER NOT NULL,
  user_id BIGINT NOT NULL,
  username TEXT NOT NULL,
  name TEXT NOT NULL
);
CREATE INDEX alert_events_alert ON alert_events (alert_id);
CREATE TABLE outbox (
  id %IDENTITY%,
  created_at TEXT NOT NULL,
  alert_id BIGINT NOT NULL,
  to_user BIGINT NOT NULL,
  to_name TEXT NOT NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at TEXT NOT NULL,
  claimed_until TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  last_error TEXT NOT NULL
);
CREATE INDEX outbox_waiting ON outbox (sent_at, next_attempt_at);
CREATE INDEX outbox_alert ON outbox (alert_id)
