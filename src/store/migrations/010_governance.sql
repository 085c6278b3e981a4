-- the Corporate Parenting Board: its arrangements, actions, challenge cards, meetings, reports
-- What the Board decides and does (docs/governance.md). governance_versions keeps every governance
-- file loaded (the text as loaded: the arrangements as at any date are the version loaded last
-- before it). Actions and challenge cards keep their history as events; a meeting's agenda,
-- attendance and decisions are its items; the reporting calendar's reports received, and the
-- figures entered by hand for measures that are not on the scorecard, each have a row.
CREATE TABLE governance_versions (
  id %IDENTITY%,
  la TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  loaded_by TEXT NOT NULL,
  source TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX governance_versions_la ON governance_versions (la, loaded_at);
CREATE TABLE gov_actions (
  id %IDENTITY%,
  la TEXT NOT NULL,
  title TEXT NOT NULL,
  owner TEXT NOT NULL,
  owner_name TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL,
  evidence TEXT NOT NULL,
  priority_id TEXT NOT NULL,
  theme_id TEXT NOT NULL,
  card_id BIGINT NOT NULL,
  meeting_id BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_on TEXT NOT NULL
);
CREATE INDEX gov_actions_la ON gov_actions (la, due_on);
CREATE TABLE gov_action_events (
  id %IDENTITY%,
  action_id BIGINT NOT NULL REFERENCES gov_actions (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  by_user TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX gov_action_events_action ON gov_action_events (action_id);
CREATE TABLE gov_cards (
  id %IDENTITY%,
  la TEXT NOT NULL,
  raised_at TEXT NOT NULL,
  raised_by TEXT NOT NULL,
  raised_by_role TEXT NOT NULL,
  challenge TEXT NOT NULL,
  theme_id TEXT NOT NULL,
  addressed_to TEXT NOT NULL,
  status TEXT NOT NULL,
  response TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX gov_cards_la ON gov_cards (la, raised_at);
CREATE TABLE gov_card_events (
  id %IDENTITY%,
  card_id BIGINT NOT NULL REFERENCES gov_cards (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  by_user TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX gov_card_events_card ON gov_card_events (card_id);
CREATE TABLE gov_meetings (
  id %IDENTITY%,
  la TEXT NOT NULL,
  held_on TEXT NOT NULL,
  title TEXT NOT NULL,
  theme_id TEXT NOT NULL,
  status TEXT NOT NULL,
  minutes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX gov_meetings_la ON gov_meetings (la, held_on);
CREATE TABLE gov_meeting_items (
  meeting_id BIGINT NOT NULL REFERENCES gov_meetings (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  seq INTEGER NOT NULL,
  text TEXT NOT NULL,
  detail TEXT NOT NULL,
  PRIMARY KEY (meeting_id, kind, seq)
);
CREATE TABLE gov_report_receipts (
  id %IDENTITY%,
  la TEXT NOT NULL,
  report_id TEXT NOT NULL,
  due_on TEXT NOT NULL,
  received_on TEXT NOT NULL,
  received_by TEXT NOT NULL,
  document TEXT NOT NULL,
  note TEXT NOT NULL,
  UNIQUE (la, report_id, due_on)
);
CREATE TABLE gov_manual_values (
  id %IDENTITY%,
  la TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  period_end TEXT NOT NULL,
  value TEXT NOT NULL,
  note TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  UNIQUE (la, measure_id, period_end)
);
