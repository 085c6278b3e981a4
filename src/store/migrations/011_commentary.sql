-- officers' commentary on the figures and the annual report's written sections, every version kept
-- Commentary (docs/papers.md): for a subject (an indicator, or a section of the annual report) and
-- a period (a quarter's last day, or a year "2025-26"), a part ("behind": what is behind the
-- figure; "doing": what we are doing about it; "text": a section), in Markdown. Nothing is ever
-- changed or removed: each save is a new row naming the version it replaces, so a paper as at a
-- date reads what was written by then.
CREATE TABLE commentary (
  id %IDENTITY%,
  la TEXT NOT NULL,
  subject TEXT NOT NULL,
  period TEXT NOT NULL,
  part TEXT NOT NULL,
  body TEXT NOT NULL,
  written_at TEXT NOT NULL,
  written_by TEXT NOT NULL,
  replaces BIGINT NOT NULL
);
CREATE INDEX commentary_key ON commentary (la, period, subject, part, written_at);
