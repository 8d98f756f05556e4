-- The registry: one row per dataset (its current version), one row per
-- record, and the records' names in a table of their own for listing and
-- search. A record is kept whole as JSON (the athar.Person form); the other
-- columns are copies for queries. Records of a dataset get their version and
-- import time from the datasets row when read.

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
	record       BLOB NOT NULL -- JSON of athar.Person
);

CREATE INDEX persons_dataset ON persons (dataset, id);

CREATE TABLE names (
	person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	seq       INTEGER NOT NULL, -- position in Person.Names
	full      TEXT NOT NULL,
	script    TEXT NOT NULL DEFAULT '',
	kind      TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (person_id, seq)
) WITHOUT ROWID;

