-- News and field reports, the sources that publish them and the
-- who-went-where claims extracted from them (athar ingest, trail,
-- destinations, grade). Reliability and credibility follow the Admiralty
-- code: a source is graded A (completely reliable) to F (cannot be judged),
-- a piece of information 1 (confirmed) to 6 (cannot be judged).

CREATE TABLE sources (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE,
	url         TEXT NOT NULL DEFAULT '',
	reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
	created_at  TEXT NOT NULL
);

CREATE TABLE documents (
	id          INTEGER PRIMARY KEY,
	source_id   INTEGER NOT NULL REFERENCES sources (id),
	url         TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD or ''
	file        TEXT NOT NULL DEFAULT '', -- the file name it was read from
	text        TEXT NOT NULL,
	sha256      TEXT NOT NULL,
	ingested_at TEXT NOT NULL,
	UNIQUE (source_id, sha256)
);

CREATE TABLE claims (
	id             INTEGER PRIMARY KEY,
	document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	type           TEXT NOT NULL,
	subject        TEXT NOT NULL,             -- English: a person's Latin name or a group
	subject_text   TEXT NOT NULL DEFAULT '',  -- as written
	registry_id    TEXT NOT NULL DEFAULT '',  -- the person's registry entry, when linked
	link_score     REAL NOT NULL DEFAULT 0,
	place_id       TEXT NOT NULL DEFAULT '',  -- gazetteer ID
	place_name     TEXT NOT NULL,
	place_text     TEXT NOT NULL DEFAULT '',
	country        TEXT NOT NULL DEFAULT '',
	lat            REAL NOT NULL,
	lon            REAL NOT NULL,
	place_kind     TEXT NOT NULL,
	date_start     TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD or ''
	date_end       TEXT NOT NULL DEFAULT '',
	certainty      REAL NOT NULL CHECK (certainty >= 0 AND certainty <= 1),
	credibility    INTEGER NOT NULL DEFAULT 6 CHECK (credibility BETWEEN 1 AND 6),
	attribution    TEXT NOT NULL DEFAULT '',
	evidence       TEXT NOT NULL,
	evidence_start INTEGER NOT NULL DEFAULT 0, -- byte offsets into the document's text
	evidence_end   INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX claims_document ON claims (document_id);
CREATE INDEX claims_registry ON claims (registry_id) WHERE registry_id != '';
CREATE INDEX claims_subject ON claims (subject);
CREATE INDEX claims_place ON claims (place_id);
