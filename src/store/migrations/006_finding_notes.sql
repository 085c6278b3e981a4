-- notes that explain a validation finding
-- A note that explains a finding (docs/api.md, "Explaining a finding"): the performance team's
-- answer to a query the data rightly raises ("this child's placement really is 130 miles away").
-- finding_key is the finding's identity across imports (its rule, child, table, field and value,
-- not its row, which moves from month to month), so next month's import shows only what is new.
-- One note per finding and council; `at` is ISO 8601 UTC text, as users' times are.
CREATE TABLE finding_notes (
  id %IDENTITY%,
  la TEXT NOT NULL,
  finding_key TEXT NOT NULL,
  rule TEXT NOT NULL,
  child TEXT NOT NULL,
  note TEXT NOT NULL,
  username TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (la, finding_key)
)
