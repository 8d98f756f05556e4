-- Access control, review decisions, batch jobs and the audit log, for the
-- API server (api/). Numbered 0010 so that it sorts after the registry's own
-- migrations.

CREATE TABLE organizations (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	created_at TEXT NOT NULL
);

CREATE TABLE users (
	login      TEXT PRIMARY KEY,
	name       TEXT NOT NULL DEFAULT '',
	org        TEXT NOT NULL REFERENCES organizations (id),
	role       TEXT NOT NULL CHECK (role IN ('screener', 'analyst', 'admin', 'auditor')),
	disabled   INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL
);

-- A token's secret is never stored: only its SHA-256.
CREATE TABLE tokens (
	id         TEXT PRIMARY KEY,
	hash       BLOB NOT NULL UNIQUE,
	user_login TEXT NOT NULL REFERENCES users (login),
	name       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	revoked_at TEXT NOT NULL DEFAULT ''
);

CREATE INDEX tokens_user ON tokens (user_login);

CREATE TABLE decisions (
	id         TEXT PRIMARY KEY,
	query_key  TEXT NOT NULL,
	query      TEXT NOT NULL DEFAULT '', -- JSON
	person_id  TEXT NOT NULL,
	outcome    TEXT NOT NULL CHECK (outcome IN ('confirmed_match', 'false_positive', 'needs_more_information')),
	reason     TEXT NOT NULL,
	officer    TEXT NOT NULL,
	user_login TEXT NOT NULL,
	owner      TEXT NOT NULL,
	label      TEXT NOT NULL CHECK (label IN ('CLEAR', 'GREEN', 'AMBER', 'RED')),
	created_at TEXT NOT NULL
);

CREATE INDEX decisions_key ON decisions (query_key, person_id, created_at);
CREATE INDEX decisions_person ON decisions (person_id, created_at);

CREATE TABLE jobs (
	id          TEXT PRIMARY KEY,
	user_login  TEXT NOT NULL,
	org         TEXT NOT NULL,
	status      TEXT NOT NULL,
	format      TEXT NOT NULL,
	queries     INTEGER NOT NULL DEFAULT 0,
	done        INTEGER NOT NULL DEFAULT 0,
	error       TEXT NOT NULL DEFAULT '',
	summary     TEXT NOT NULL DEFAULT '',
	results     BLOB,                     -- gzip of the JSON Lines results
	created_at  TEXT NOT NULL,
	finished_at TEXT NOT NULL DEFAULT ''
);

-- The audit log is append-only: each entry's hash is the SHA-256 of the
-- previous entry's hash and the entry's canonical content (audit.go).
CREATE TABLE audit (
	seq       INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,
	actor     TEXT NOT NULL,
	org       TEXT NOT NULL DEFAULT '',
	action    TEXT NOT NULL,
	target    TEXT NOT NULL DEFAULT '',
	detail    TEXT NOT NULL DEFAULT '',
	prev_hash TEXT NOT NULL,
	hash      TEXT NOT NULL
);

-- A record's or a dataset's history: its entries by target.
CREATE INDEX audit_target ON audit (target, seq);
