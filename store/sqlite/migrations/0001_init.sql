-- The registry: one row per dataset (its current version) and one row per
-- record. A record is kept whole in a compact binary form of athar.Person
-- (codec.go); the other columns are copies for listing and queries. Records
-- of a dataset get their version and import time from the datasets row when
-- read.
--
-- There is no table of names: screening searches an index built in memory
-- from all the records, and a names table cost 40% of the import speed
-- (measured). A later migration can add one if listing or search in SQL
-- needs it.

CREATE TABLE datasets (
	name          TEXT PRIMARY KEY,
	format        TEXT NOT NULL DEFAULT '',
	version       TEXT NOT NULL DEFAULT '',
	files         TEXT NOT NULL DEFAULT '[]', -- JSON array of the input paths
	sha256        TEXT NOT NULL DEFAULT '',
	imported_at   TEXT NOT NULL,              -- RFC 3339, UTC
	persons       INTEGER NOT NULL DEFAULT 0,
	organizations INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE persons (
	id           TEXT PRIMARY KEY,
	dataset      TEXT NOT NULL REFERENCES datasets (name),
	kind         TEXT NOT NULL CHECK (kind IN ('person', 'organization')),
	source_id    TEXT NOT NULL DEFAULT '',
	primary_name TEXT NOT NULL DEFAULT '',
	record       BLOB NOT NULL -- athar.Person, encoded by codec.go
);

CREATE INDEX persons_dataset ON persons (dataset, id);
