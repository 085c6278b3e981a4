// Per-dialect migrations. A migration is never edited once released: add a new one, raise
// kSchemaVersion in store.hpp, and give both dialects the same version.
#include <array>

#include "store/driver.hpp"

namespace hearth::store {
namespace {

// SQLite: dates are ISO 8601 text, booleans 0/1 integers; AUTOINCREMENT so import ids are
// never reused after a rollback or a delete.
constexpr std::string_view kSqliteV1 = R"SQL(
CREATE TABLE hearth_schema (
  version INTEGER NOT NULL,
  applied_at TEXT NOT NULL
);
CREATE TABLE hearth_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE imports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
)SQL";

// PostgreSQL: the same tables; identity column for import ids.
constexpr std::string_view kPostgresV1 = R"SQL(
CREATE TABLE hearth_schema (
  version INTEGER NOT NULL,
  applied_at TEXT NOT NULL
);
CREATE TABLE hearth_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE imports (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
)SQL";

// Version 2: councils' local records (docs/data-formats.md, "Local records"). One table per
// local table, keyed by council and row; which import last replaced each table is in
// local_tables. The same text for both databases.
constexpr std::string_view kLocalV2 = R"SQL(
CREATE TABLE local_tables (
  la TEXT NOT NULL,
  table_name TEXT NOT NULL,
  import_id BIGINT NOT NULL REFERENCES imports (id),
  row_count BIGINT NOT NULL,
  PRIMARY KEY (la, table_name)
);
CREATE TABLE local_professionals (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  prof_professional_id TEXT,
  prof_professional_name TEXT,
  prof_professional_job_title TEXT,
  prof_professional_department TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE TABLE local_allocations (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  invo_involvements_id TEXT,
  invo_professional_id TEXT,
  invo_professional_role_id TEXT,
  invo_professional_team TEXT,
  invo_person_id TEXT,
  invo_involvement_start_date TEXT,
  invo_involvement_end_date TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_allocations_child ON local_allocations (la, invo_person_id);
CREATE TABLE local_health_checks (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  clah_health_check_id TEXT,
  clah_person_id TEXT,
  clah_health_check_type TEXT,
  clah_health_check_date TEXT,
  clah_health_check_status TEXT,
  clah_health_check_by TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_health_checks_child ON local_health_checks (la, clah_person_id);
CREATE TABLE local_immunisations (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  clai_person_id TEXT,
  clai_immunisations_status TEXT,
  clai_immunisations_status_date TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_immunisations_child ON local_immunisations (la, clai_person_id);
CREATE TABLE local_sdq_scores (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  csdq_table_id TEXT,
  csdq_person_id TEXT,
  csdq_sdq_completed_date TEXT,
  csdq_sdq_reason TEXT,
  csdq_sdq_score TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_sdq_scores_child ON local_sdq_scores (la, csdq_person_id);
CREATE TABLE local_peps (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  pep_table_id TEXT,
  pep_person_id TEXT,
  pep_date TEXT,
  pep_type TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_peps_child ON local_peps (la, pep_person_id);
CREATE TABLE local_pathway_plans (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  ppln_table_id TEXT,
  ppln_person_id TEXT,
  ppln_date TEXT,
  ppln_type TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_pathway_plans_child ON local_pathway_plans (la, ppln_person_id);
CREATE TABLE local_care_plans (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  lacp_table_id TEXT,
  lacp_person_id TEXT,
  lacp_cla_care_plan_start_date TEXT,
  lacp_cla_care_plan_end_date TEXT,
  lacp_permanence_plan TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_care_plans_child ON local_care_plans (la, lacp_person_id);
CREATE TABLE local_visits (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  clav_cla_visit_id TEXT,
  clav_person_id TEXT,
  clav_cla_visit_date TEXT,
  clav_cla_visit_seen TEXT,
  clav_cla_visit_seen_alone TEXT,
  clav_worker_id TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_visits_child ON local_visits (la, clav_person_id);
CREATE TABLE local_reviews (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  clar_cla_review_id TEXT,
  clar_person_id TEXT,
  clar_cla_review_due_date TEXT,
  clar_cla_review_date TEXT,
  clar_cla_review_cancelled TEXT,
  clar_cla_review_participation TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_reviews_child ON local_reviews (la, clar_person_id);
CREATE TABLE local_missing (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  miss_table_id TEXT,
  miss_person_id TEXT,
  miss_missing_episode_start_date TEXT,
  miss_missing_episode_type TEXT,
  miss_missing_episode_end_date TEXT,
  miss_missing_rhi_offered TEXT,
  miss_missing_rhi_accepted TEXT,
  miss_missing_rhi_date TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_missing_child ON local_missing (la, miss_person_id);
CREATE TABLE local_care_leaver_contacts (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  clco_table_id TEXT,
  clco_person_id TEXT,
  clco_contact_date TEXT,
  clco_contact_type TEXT,
  clco_worker_id TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_care_leaver_contacts_child ON local_care_leaver_contacts (la, clco_person_id);
CREATE TABLE local_care_leaver_status (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  clea_table_id TEXT,
  clea_person_id TEXT,
  clea_status_date TEXT,
  clea_care_leaver_in_touch TEXT,
  clea_care_leaver_activity TEXT,
  clea_care_leaver_accommodation TEXT,
  clea_care_leaver_accom_suitable TEXT,
  clea_support_to_25 TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_care_leaver_status_child ON local_care_leaver_status (la, clea_person_id);
CREATE TABLE local_staying_put (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  stpt_table_id TEXT,
  stpt_person_id TEXT,
  stpt_start_date TEXT,
  stpt_end_date TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_staying_put_child ON local_staying_put (la, stpt_person_id);
)SQL";

// Version 3: users, sessions, login attempts, the audit log (docs/security.md) and web imports
// in progress (their files as base64 text). Sessions keep
// Unix seconds (compared, never shown); users keep ISO 8601 UTC text. The audit log's seq is
// assigned by the appender, one more than the head's, so a gap shows a deleted row; audit_head
// (one row) holds the last seq and hash, so a deleted tail shows too.
// The same text for both databases; %IDENTITY% is each one's auto-numbered key column.
constexpr std::string_view kAccountsV3 = R"SQL(
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
)SQL";

const std::array kSqlite{
    Migration{1, "initial schema: SSDA903 returns, imports and findings", kSqliteV1},
    Migration{2, "local records: health, visits, PEPs, pathway plans, allocations...", kLocalV2},
    Migration{3, "users, sessions, login attempts, the audit log, web imports", kAccountsV3}};
const std::array kPostgres{
    Migration{1, "initial schema: SSDA903 returns, imports and findings", kPostgresV1},
    Migration{2, "local records: health, visits, PEPs, pathway plans, allocations...", kLocalV2},
    Migration{3, "users, sessions, login attempts, the audit log, web imports", kAccountsV3}};

}  // namespace

std::span<const Migration> sqlite_migrations() {
  return kSqlite;
}
std::span<const Migration> postgres_migrations() {
  return kPostgres;
}

}  // namespace hearth::store
