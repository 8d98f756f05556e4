package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/athar-org/athar"
)

// Source is a publisher of reports, graded with the Admiralty code's
// reliability: A (completely reliable) to F (cannot be judged).
type Source struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	URL         string `json:"url,omitempty"`
	Reliability string `json:"reliability"`
}

// Document is one ingested report.
type Document struct {
	ID        int64  `json:"id"`
	SourceID  int64  `json:"source_id"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD or ""
	File      string `json:"file,omitempty"`
	Text      string `json:"-"`
}

// Claim is a stored who-went-where claim, with its document and source when
// read back.
type Claim struct {
	ID           int64   `json:"id"`
	DocumentID   int64   `json:"document_id"`
	Type         string  `json:"type"`
	Subject      string  `json:"subject"`
	SubjectText  string  `json:"subject_text,omitempty"`
	RegistryID   string  `json:"registry_id,omitempty"`
	LinkScore    float64 `json:"link_score,omitempty"`
	PlaceID      string  `json:"place_id,omitempty"`
	PlaceName    string  `json:"place_name"`
	PlaceText    string  `json:"place_text,omitempty"`
	Country      string  `json:"country"`
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	PlaceKind    string  `json:"place_kind"`
	DateStart    string  `json:"date_start,omitempty"`
	DateEnd      string  `json:"date_end,omitempty"`
	Certainty    float64 `json:"certainty"`
	Credibility  int     `json:"credibility"` // Admiralty information grade, 1 to 6
	Attribution  string  `json:"attribution,omitempty"`
	Evidence     string  `json:"evidence"`
	EvidenceFrom int     `json:"evidence_start"`
	EvidenceTo   int     `json:"evidence_end"`

	// Filled when read back.
	Source      string `json:"source,omitempty"`
	Reliability string `json:"reliability,omitempty"`
	URL         string `json:"url,omitempty"`
	Published   string `json:"published,omitempty"`
}

// ValidReliability reports whether r is an Admiralty source grade A–F.
func ValidReliability(r string) bool { return len(r) == 1 && r[0] >= 'A' && r[0] <= 'F' }

// EnsureSource returns the source called name, creating it when missing.
// A non-empty url or reliability updates the stored one.
func (s *Store) EnsureSource(ctx context.Context, name, url, reliability string) (Source, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Source{}, athar.Errorf(athar.EINVALID, "a source needs a name")
	}
	if reliability != "" && !ValidReliability(reliability) {
		return Source{}, athar.Errorf(athar.EINVALID, "source reliability %q: want a letter A to F", reliability)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return Source{}, err
	}
	defer tx.Rollback()
	rel := reliability
	if rel == "" {
		rel = "F"
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sources (name, url, reliability, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (name) DO NOTHING`, name, url, rel, formatTime(s.Now())); err != nil {
		return Source{}, fmt.Errorf("save source %s: %w", name, err)
	}
	if url != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE sources SET url = ? WHERE name = ?`, url, name); err != nil {
			return Source{}, err
		}
	}
	if reliability != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE sources SET reliability = ? WHERE name = ?`, reliability, name); err != nil {
			return Source{}, err
		}
	}
	var src Source
	if err := tx.QueryRowContext(ctx, `SELECT id, name, url, reliability FROM sources WHERE name = ?`, name).
		Scan(&src.ID, &src.Name, &src.URL, &src.Reliability); err != nil {
		return Source{}, err
	}
	return src, tx.Commit()
}

// GradeSource sets a source's reliability (A–F).
func (s *Store) GradeSource(ctx context.Context, name, reliability string) error {
	if !ValidReliability(reliability) {
		return athar.Errorf(athar.EINVALID, "source reliability %q: want a letter A to F", reliability)
	}
	res, err := s.w.ExecContext(ctx, `UPDATE sources SET reliability = ? WHERE name = ?`, reliability, name)
	if err != nil {
		return fmt.Errorf("grade source %s: %w", name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return athar.Errorf(athar.ENOTFOUND, "no source called %q", name)
	}
	return nil
}

// GradeClaim sets a claim's credibility (1–6).
func (s *Store) GradeClaim(ctx context.Context, id int64, credibility int) error {
	if credibility < 1 || credibility > 6 {
		return athar.Errorf(athar.EINVALID, "claim credibility %d: want 1 (confirmed) to 6 (cannot be judged)", credibility)
	}
	res, err := s.w.ExecContext(ctx, `UPDATE claims SET credibility = ? WHERE id = ?`, credibility, id)
	if err != nil {
		return fmt.Errorf("grade claim %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return athar.Errorf(athar.ENOTFOUND, "no claim %d", id)
	}
	return nil
}

// AddDocument stores a document of a source with its claims, in one
// transaction. The same text from the same source is stored once: a second
// call returns the first document's ID and added false, and stores nothing.
func (s *Store) AddDocument(ctx context.Context, d Document, claims []Claim) (id int64, added bool, err error) {
	sum := sha256.Sum256([]byte(d.Text))
	hash := hex.EncodeToString(sum[:])
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()
	err = tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE source_id = ? AND sha256 = ?`, d.SourceID, hash).Scan(&id)
	if err == nil {
		return id, false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO documents (source_id, url, published, file, text, sha256, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, d.SourceID, d.URL, d.Published, d.File, d.Text, hash, formatTime(s.Now()))
	if err != nil {
		return 0, false, fmt.Errorf("save document: %w", describe(err))
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, false, err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO claims (document_id, type, subject, subject_text, registry_id,
		link_score, place_id, place_name, place_text, country, lat, lon, place_kind, date_start, date_end, certainty,
		credibility, attribution, evidence, evidence_start, evidence_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, false, err
	}
	defer stmt.Close()
	for _, c := range claims {
		cred := c.Credibility
		if cred == 0 {
			cred = 6
		}
		if _, err := stmt.ExecContext(ctx, id, c.Type, c.Subject, c.SubjectText, c.RegistryID, c.LinkScore, c.PlaceID,
			c.PlaceName, c.PlaceText, c.Country, c.Lat, c.Lon, c.PlaceKind, c.DateStart, c.DateEnd, c.Certainty, cred,
			c.Attribution, c.Evidence, c.EvidenceFrom, c.EvidenceTo); err != nil {
			return 0, false, fmt.Errorf("save claim: %w", describe(err))
		}
	}
	return id, true, tx.Commit()
}

// ClaimFilter selects claims; empty fields select all.
type ClaimFilter struct {
	// Person matches the registry ID, or the subject's Latin name or
	// written form, exactly (case-insensitive).
	Person string
	// Group matches subjects containing it (case-insensitive): "foreign".
	Group string
	// Since keeps claims about days on or after it (YYYY-MM-DD): by their
	// interval's end, or the document's date when they have none.
	Since string
}

// Claims returns the claims the filter selects, with their document and
// source, ordered by date (start, else end, else the document's date) and ID.
func (s *Store) Claims(ctx context.Context, f ClaimFilter) ([]Claim, error) {
	q := `SELECT c.id, c.document_id, c.type, c.subject, c.subject_text, c.registry_id, c.link_score, c.place_id,
		c.place_name, c.place_text, c.country, c.lat, c.lon, c.place_kind, c.date_start, c.date_end, c.certainty,
		c.credibility, c.attribution, c.evidence, c.evidence_start, c.evidence_end, s.name, s.reliability, d.url, d.published
		FROM claims c JOIN documents d ON d.id = c.document_id JOIN sources s ON s.id = d.source_id WHERE 1 = 1`
	var args []any
	if f.Person != "" {
		q += ` AND (c.registry_id = ? COLLATE NOCASE OR c.subject = ? COLLATE NOCASE OR c.subject_text = ?)`
		args = append(args, f.Person, f.Person, f.Person)
	}
	if f.Group != "" {
		q += ` AND instr(lower(c.subject), lower(?)) > 0`
		args = append(args, f.Group)
	}
	if f.Since != "" {
		q += ` AND coalesce(nullif(c.date_end, ''), nullif(d.published, ''), '9999') >= ?`
		args = append(args, f.Since)
	}
	q += ` ORDER BY coalesce(nullif(c.date_start, ''), nullif(c.date_end, ''), nullif(d.published, ''), '9999'), c.id`
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read claims: %w", describe(err))
	}
	defer rows.Close()
	var out []Claim
	for rows.Next() {
		var c Claim
		if err := rows.Scan(&c.ID, &c.DocumentID, &c.Type, &c.Subject, &c.SubjectText, &c.RegistryID, &c.LinkScore,
			&c.PlaceID, &c.PlaceName, &c.PlaceText, &c.Country, &c.Lat, &c.Lon, &c.PlaceKind, &c.DateStart, &c.DateEnd,
			&c.Certainty, &c.Credibility, &c.Attribution, &c.Evidence, &c.EvidenceFrom, &c.EvidenceTo, &c.Source,
			&c.Reliability, &c.URL, &c.Published); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// DocumentTexts returns the texts of the documents with the given IDs.
func (s *Store) DocumentTexts(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	for _, id := range ids {
		if _, ok := out[id]; ok {
			continue
		}
		var t string
		err := s.r.QueryRowContext(ctx, `SELECT text FROM documents WHERE id = ?`, id).Scan(&t)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read document %d: %w", id, err)
		}
		out[id] = t
	}
	return out, nil
}
