-- local records: children's names (ssd_person)
-- The children's names from the council's local records (docs/data-formats.md, people.csv): shown
-- to the workers, managers and reviewing officers who work with them, never to the Board.
CREATE TABLE local_people (
  la TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  pers_person_id TEXT,
  pers_forename TEXT,
  pers_surname TEXT,
  pers_preferred_name TEXT,
  PRIMARY KEY (la, row_no)
)
