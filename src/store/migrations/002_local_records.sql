-- local records: health, visits, PEPs, pathway plans, allocations...
-- Councils' local records (docs/data-formats.md, "Local records"). One table per local table, keyed
-- by council and row; which import last replaced each table is in local_tables.
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
