-- local records: advocacy and independent visitors
-- A council's requests for advocates and independent visitors, who was appointed, and when they
-- saw the child (docs/data-formats.md: advocacy_requests.csv, advocacy_allocations.csv,
-- advocacy_visits.csv). Loaded and replaced like every other local table.
CREATE TABLE local_advocacy_requests (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  adre_request_id TEXT,
  adre_person_id TEXT,
  adre_service TEXT,
  adre_request_date TEXT,
  adre_requested_by TEXT,
  adre_reason TEXT,
  adre_closed_date TEXT,
  adre_closed_reason TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_advocacy_requests_child ON local_advocacy_requests (la, adre_person_id);
CREATE TABLE local_advocacy_allocations (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  adal_allocation_id TEXT,
  adal_person_id TEXT,
  adal_service TEXT,
  adal_request_id TEXT,
  adal_advocate_name TEXT,
  adal_provider TEXT,
  adal_start_date TEXT,
  adal_end_date TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_advocacy_allocations_child ON local_advocacy_allocations (la, adal_person_id);
CREATE TABLE local_advocacy_visits (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  advi_visit_id TEXT,
  advi_person_id TEXT,
  advi_service TEXT,
  advi_visit_date TEXT,
  advi_allocation_id TEXT,
  PRIMARY KEY (la, row_no)
);
CREATE INDEX local_advocacy_visits_child ON local_advocacy_visits (la, advi_person_id);
