package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-sqlite3"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/store"
)

// BeginImport starts replacing the named dataset. It takes the write lock and
// deletes the dataset's rows inside the import's transaction, so readers keep
// seeing the previous version until Commit. Another import (or SavePerson)
// waits for this one to end.
func (s *Store) BeginImport(ctx context.Context, dataset string) (store.Import, error) {
	if err := checkDatasetName(dataset); err != nil {
		return nil, err
	}
	if dataset == athar.ManualDataset {
		return nil, athar.Errorf(athar.EINVALID, "dataset %q holds records entered by hand; it cannot be imported", dataset)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin import of %s: %w", dataset, describe(err))
	}
	imp := &importTx{s: s, tx: tx, dataset: dataset}
	if err := imp.begin(ctx); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("begin import of %s: %w", dataset, describe(err))
	}
	return imp, nil
}

func checkDatasetName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return athar.Errorf(athar.EINVALID, "dataset name is empty")
	case len(name) > 200:
		return athar.Errorf(athar.EINVALID, "dataset name is longer than 200 bytes")
	case !utf8.ValidString(name) || strings.ContainsFunc(name, unicode.IsControl):
		return athar.Errorf(athar.EINVALID, "dataset name %q holds control characters or invalid UTF-8", name)
	}
	return nil
}

// importTx is one dataset replacement: a write transaction with its
// statements prepared once. It is not safe for concurrent use.
type importTx struct {
	s       *Store
	tx      *sql.Tx
	dataset string
	insert  *sql.Stmt
	holder  *sql.Stmt
	buf     bytes.Buffer
	enc     *json.Encoder
	persons int
	orgs    int
	done    bool
	err     error // the first error of Put; Commit refuses after one
}

func (imp *importTx) begin(ctx context.Context) error {
	now := formatTime(imp.s.Now())
	// The dataset row must exist for the records' foreign key; for a new
	// dataset it is filled in by Commit, and vanishes with a rollback.
	if _, err := imp.tx.ExecContext(ctx, `INSERT INTO datasets (name, imported_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`,
		imp.dataset, now); err != nil {
		return err
	}
	// The names go with their records (ON DELETE CASCADE).
	if _, err := imp.tx.ExecContext(ctx, `DELETE FROM persons WHERE dataset = ?`, imp.dataset); err != nil {
		return err
	}
	var err error
	imp.insert, err = imp.tx.PrepareContext(ctx, `INSERT INTO persons (id, dataset, kind, source_id, primary_name, record) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	imp.holder, err = imp.tx.PrepareContext(ctx, `SELECT dataset FROM persons WHERE id = ?`)
	if err != nil {
		return err
	}
	imp.enc = json.NewEncoder(&imp.buf)
	imp.enc.SetEscapeHTML(false)
	return nil
}

// Put adds a record to the new version. It sets p.Provenance.Dataset.
func (imp *importTx) Put(ctx context.Context, p *athar.Person) error {
	if imp.done {
		return errors.New("import already ended")
	}
	if imp.err != nil {
		return imp.err
	}
	if err := imp.put(ctx, p); err != nil {
		imp.err = err
		return err
	}
	return nil
}

func (imp *importTx) put(ctx context.Context, p *athar.Person) error {
	if err := checkRecord(p); err != nil {
		return err
	}
	p.Provenance.Dataset = imp.dataset
	rec, err := imp.encode(p)
	if err != nil {
		return err
	}
	_, err = imp.insert.ExecContext(ctx, p.ID, imp.dataset, string(p.Kind), p.Provenance.SourceID, p.PrimaryName(), rec)
	if err != nil {
		if !isConstraint(err) {
			return fmt.Errorf("store record %s: %w", p.ID, err)
		}
		var other string
		if qerr := imp.holder.QueryRowContext(ctx, p.ID).Scan(&other); qerr != nil {
			return fmt.Errorf("store record %s: %w", p.ID, err)
		}
		if other == imp.dataset {
			return athar.Errorf(athar.EINVALID, "record id %q appears twice in dataset %q", p.ID, imp.dataset)
		}
		return athar.Errorf(athar.ECONFLICT, "record id %q of dataset %q is already held by dataset %q", p.ID, imp.dataset, other)
	}
	if p.Kind == athar.KindOrganization {
		imp.orgs++
	} else {
		imp.persons++
	}
	return nil
}

// encode returns the record's JSON; the bytes are valid until the next call.
func (imp *importTx) encode(p *athar.Person) ([]byte, error) {
	imp.buf.Reset()
	if err := imp.enc.Encode(p); err != nil {
		return nil, athar.Errorf(athar.EINVALID, "record %s cannot be stored: %v", p.ID, err)
	}
	return bytes.TrimSuffix(imp.buf.Bytes(), []byte("\n")), nil
}

// checkRecord refuses what the store cannot keep. An empty kind is taken as
// a person, the common case.
func checkRecord(p *athar.Person) error {
	if p == nil {
		return athar.Errorf(athar.EINVALID, "no record")
	}
	switch {
	case strings.TrimSpace(p.ID) == "":
		return athar.Errorf(athar.EINVALID, "record has no id")
	case len(p.ID) > 200:
		return athar.Errorf(athar.EINVALID, "record id %.40q... is longer than 200 bytes", p.ID)
	case !utf8.ValidString(p.ID) || strings.ContainsFunc(p.ID, unicode.IsControl):
		return athar.Errorf(athar.EINVALID, "record id %q holds control characters or invalid UTF-8", p.ID)
	}
	switch p.Kind {
	case "":
		p.Kind = athar.KindPerson
	case athar.KindPerson, athar.KindOrganization:
	default:
		return athar.Errorf(athar.EINVALID, "record %s: unknown kind %q (want person or organization)", p.ID, p.Kind)
	}
	return nil
}

func isConstraint(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrConstraint
}

// Commit makes the new version visible and records ds as its description.
func (imp *importTx) Commit(ctx context.Context, ds athar.Dataset) (athar.Dataset, error) {
	if imp.done {
		return athar.Dataset{}, errors.New("import already ended")
	}
	if imp.err != nil {
		return athar.Dataset{}, fmt.Errorf("import of %s cannot be committed after an error: %w", imp.dataset, imp.err)
	}
	if ds.Name != imp.dataset {
		return athar.Dataset{}, athar.Errorf(athar.EINVALID, "commit names dataset %q, but the import is of %q", ds.Name, imp.dataset)
	}
	ds.ImportedAt = imp.s.Now().UTC()
	ds.Persons, ds.Orgs = imp.persons, imp.orgs
	files, err := json.Marshal(nonNil(ds.Files))
	if err != nil {
		return athar.Dataset{}, err
	}
	_, err = imp.tx.ExecContext(ctx, `UPDATE datasets SET format = ?, version = ?, files = ?, sha256 = ?, imported_at = ?, persons = ?, organizations = ? WHERE name = ?`,
		ds.Format, ds.Version, string(files), ds.SHA256, formatTime(ds.ImportedAt), ds.Persons, ds.Orgs, ds.Name)
	if err != nil {
		return athar.Dataset{}, fmt.Errorf("commit import of %s: %w", imp.dataset, err)
	}
	imp.done = true
	if err := imp.tx.Commit(); err != nil {
		return athar.Dataset{}, fmt.Errorf("commit import of %s: %w", imp.dataset, describe(err))
	}
	return ds, nil
}

// Rollback abandons the import; after Commit it does nothing.
func (imp *importTx) Rollback() error {
	if imp.done {
		return nil
	}
	imp.done = true
	err := imp.tx.Rollback()
	if errors.Is(err, sql.ErrTxDone) { // the context ended the transaction already
		return nil
	}
	return err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
