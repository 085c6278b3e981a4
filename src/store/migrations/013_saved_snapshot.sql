-- the dataset as last built, saved so a start need not build it again from every row
-- The dataset the engines read, as Dataset::build and attach_local made it from the returns and
-- local records, saved in parts of about 8 MB (model/dataset_codec.hpp; base64 text, so both
-- databases keep it alike) under a key: the form, the build of Hearth that wrote it and the
-- store's data version (which returns and local records it was built from). A start reads it back
-- when the key is its own (ingest/saved_snapshot.cpp); every import deletes it in its own
-- transaction. Each part is written in a transaction of its own, so saving never holds the
-- database for long; a save cut short leaves parts that a reader finds incomplete and ignores.
CREATE TABLE saved_snapshot (
  snapshot_key TEXT NOT NULL,
  part INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (snapshot_key, part)
)
