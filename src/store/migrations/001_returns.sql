-- initial schema: SSDA903 returns, imports and findings
-- Dates are ISO 8601 text and booleans 0/1 integers in both databases. The IDENTITY marker is each
-- database's auto-numbered key (SQLite: INTEGER PRIMARY KEY AUTOINCREMENT, so import ids are never
-- reused after a rollback or a delete, PostgreSQL: an identity column).
CREATE TABLE hearth_schema (
  version INTEGER NOT NULL,
  applied_at TEXT NOT NULL
);
CREATE TABLE hearth_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE imports (
  id %IDENTITY%,
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  user_name TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  row_count BIGINT NOT NULL,
  finding_count BIGINT NOT NULL,
  replaced_rows BIGINT NOT NULL,
  accepted_with_findings INTEGER NOT NULL
);
CREATE TABLE import_findings (
  import_id BIGINT NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  file TEXT,
  table_name TEXT,
  row_no BIGINT,
  column_name TEXT,
  value TEXT,
  child TEXT,
  message TEXT NOT NULL,
  expected TEXT,
  how_to_fix TEXT,
  PRIMARY KEY (import_id, seq)
);
CREATE TABLE returns (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  import_id BIGINT NOT NULL REFERENCES imports (id),
  row_count BIGINT NOT NULL,
  PRIMARY KEY (la, collection_year)
);
CREATE TABLE ssda903_header (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  sex TEXT,
  dob TEXT,
  ethnic TEXT,
  upn TEXT,
  mother TEXT,
  mc_dob TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_header_child ON ssda903_header (la, child);
CREATE TABLE ssda903_episodes (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  decom TEXT,
  rne TEXT,
  ls TEXT,
  cin TEXT,
  place TEXT,
  place_provider TEXT,
  dec TEXT,
  rec TEXT,
  reason_place_change TEXT,
  home_post TEXT,
  pl_post TEXT,
  urn TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_episodes_child ON ssda903_episodes (la, child);
CREATE TABLE ssda903_reviews (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  dob TEXT,
  review TEXT,
  review_code TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_reviews_child ON ssda903_reviews (la, child);
CREATE TABLE ssda903_uasc (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  sex TEXT,
  dob TEXT,
  duc TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_uasc_child ON ssda903_uasc (la, child);
CREATE TABLE ssda903_oc2 (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  dob TEXT,
  sdq_score TEXT,
  sdq_reason TEXT,
  convicted TEXT,
  health_check TEXT,
  immunisations TEXT,
  teeth_check TEXT,
  health_assessment TEXT,
  substance_misuse TEXT,
  intervention_received TEXT,
  intervention_offered TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_oc2_child ON ssda903_oc2 (la, child);
CREATE TABLE ssda903_oc3 (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  dob TEXT,
  in_touch TEXT,
  activ TEXT,
  accom TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_oc3_child ON ssda903_oc3 (la, child);
CREATE TABLE ssda903_ad1 (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  dob TEXT,
  date_int TEXT,
  date_match TEXT,
  foster_care TEXT,
  nb_adoptr TEXT,
  sex_adoptr TEXT,
  ls_adoptr TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_ad1_child ON ssda903_ad1 (la, child);
CREATE TABLE ssda903_placed_adoption (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  dob TEXT,
  date_placed TEXT,
  date_placed_ceased TEXT,
  reason_placed_ceased TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_placed_adoption_child ON ssda903_placed_adoption (la, child);
CREATE TABLE ssda903_prev_perm (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  dob TEXT,
  prev_perm TEXT,
  la_perm TEXT,
  date_perm TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_prev_perm_child ON ssda903_prev_perm (la, child);
CREATE TABLE ssda903_missing (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  dob TEXT,
  missing TEXT,
  mis_start TEXT,
  mis_end TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_missing_child ON ssda903_missing (la, child);
CREATE TABLE ssda903_sw_episodes (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  dob TEXT,
  sw_id TEXT,
  sw_decom TEXT,
  sw_dec TEXT,
  sw_reason TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_sw_episodes_child ON ssda903_sw_episodes (la, child);
CREATE TABLE ssda903_dolo (
  la TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  child TEXT NOT NULL,
  dob TEXT,
  dolo_start TEXT,
  dolo_end TEXT,
  PRIMARY KEY (la, collection_year, row_no),
  FOREIGN KEY (la, collection_year) REFERENCES returns (la, collection_year) ON DELETE CASCADE
);
CREATE INDEX ssda903_dolo_child ON ssda903_dolo (la, child);
