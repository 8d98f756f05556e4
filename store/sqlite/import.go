package sqlite

import (
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
// statements prepared once. Put checks and encodes a record in the caller's
// goroutine and hands it to a writer goroutine, so that reading the input
// and writing to SQLite use two cores. It is not safe for concurrent use.
type importTx struct {
	s       *Store
	tx      *sql.Tx
	dataset string
	ctx     context.Context // the import's, without its cancellation (see writer)
	insert  *sql.Stmt
	holder  *sql.Stmt

	batch   []row
	batches chan []row
	failed  chan struct{} // closed by the writer when it stops on an error
	stopped chan struct{} // closed when the writer returns
	werr    error         // the writer's error; read after failed or stopped is closed

	persons int
	orgs    int
	closed  bool  // batches is closed
	done    bool  // committed or rolled back
	err     error // the first error; Commit refuses after one
}

// row is one record, encoded, ready for the writer.
type row struct {
	id, kind, sourceID, primary string
	rec                         []byte
}

const batchSize = 128

func (imp *importTx) begin(ctx context.Context) error {
	now := formatTime(imp.s.Now())
	// The dataset row must exist for the records' foreign key; for a new
	// dataset it is filled in by Commit, and vanishes with a rollback.
	if _, err := imp.tx.ExecContext(ctx, `INSERT INTO datasets (name, imported_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`,
		imp.dataset, now); err != nil {
		return err
	}
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
	// The driver watches a cancellable context with a goroutine per
	// statement, which costs more than the insert; the writer checks the
	// import's context once a batch instead.
	imp.ctx = context.WithoutCancel(ctx)
	imp.batches = make(chan []row, 4)
	imp.failed = make(chan struct{})
	imp.stopped = make(chan struct{})
	go imp.writer(ctx)
	return nil
}

// writer stores the batches Put sends until the channel closes or a record
// fails; after a failure it drains the channel so that Put never blocks.
func (imp *importTx) writer(ctx context.Context) {
	defer close(imp.stopped)
	for batch := range imp.batches {
		if imp.werr != nil {
			continue
		}
		err := ctx.Err()
		for i := 0; err == nil && i < len(batch); i++ {
			err = imp.write(&batch[i])
		}
		if err != nil {
			imp.werr = err
			close(imp.failed)
		}
	}
}

func (imp *importTx) write(r *row) error {
	ctx := imp.ctx
	_, err := imp.insert.ExecContext(ctx, r.id, imp.dataset, r.kind, r.sourceID, r.primary, r.rec)
	if err != nil {
		if !isConstraint(err) {
			return fmt.Errorf("store record %s: %w", r.id, err)
		}
		var other string
		if qerr := imp.holder.QueryRowContext(ctx, r.id).Scan(&other); qerr != nil {
			return fmt.Errorf("store record %s: %w", r.id, err)
		}
		if other == imp.dataset {
			return athar.Errorf(athar.EINVALID, "record id %q appears twice in dataset %q", r.id, imp.dataset)
		}
		return athar.Errorf(athar.ECONFLICT, "record id %q of dataset %q is already held by dataset %q", r.id, imp.dataset, other)
	}
	return nil
}

// Put adds a record to the new version. It sets p.Provenance.Dataset. An
// error about the record may come from a later Put or from Commit, since
// records are written in the background.
func (imp *importTx) Put(ctx context.Context, p *athar.Person) error {
	if imp.done || imp.closed {
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
	rec := encodeRecord(nil, p)
	imp.batch = append(imp.batch, row{
		id: p.ID, kind: string(p.Kind), sourceID: p.Provenance.SourceID, primary: p.PrimaryName(),
		rec: rec,
	})
	if p.Kind == athar.KindOrganization {
		imp.orgs++
	} else {
		imp.persons++
	}
	if len(imp.batch) >= batchSize {
		return imp.flush(ctx)
	}
	return nil
}

// flush hands the pending records to the writer.
func (imp *importTx) flush(ctx context.Context) error {
	if len(imp.batch) == 0 {
		return nil
	}
	select {
	case imp.batches <- imp.batch:
		imp.batch = make([]row, 0, batchSize)
		return nil
	case <-imp.failed:
		return imp.werr
	case <-ctx.Done():
		return ctx.Err()
	}
}

// finish stops the writer after it has written what was sent, and returns
// its error.
func (imp *importTx) finish() error {
	if !imp.closed {
		imp.closed = true
		close(imp.batches)
	}
	<-imp.stopped
	return imp.werr
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
	return imp.CommitAudited(ctx, ds, nil)
}

// CommitAudited is Commit, with the entry audit makes of the committed
// dataset appended to the audit log in the same transaction.
func (imp *importTx) CommitAudited(ctx context.Context, ds athar.Dataset, audit func(athar.Dataset) *athar.AuditEntry) (athar.Dataset, error) {
	if imp.done {
		return athar.Dataset{}, errors.New("import already ended")
	}
	if imp.err != nil {
		return athar.Dataset{}, fmt.Errorf("import of %s cannot be committed after an error: %w", imp.dataset, imp.err)
	}
	if ds.Name != imp.dataset {
		return athar.Dataset{}, athar.Errorf(athar.EINVALID, "commit names dataset %q, but the import is of %q", ds.Name, imp.dataset)
	}
	if err := imp.flush(ctx); err != nil {
		imp.err = err
		return athar.Dataset{}, err
	}
	if err := imp.finish(); err != nil {
		imp.err = err
		return athar.Dataset{}, err
	}
	if err := ctx.Err(); err != nil {
		return athar.Dataset{}, err
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
	if audit != nil {
		e := audit(ds)
		if err := checkAudit([]*athar.AuditEntry{e}); err != nil {
			return athar.Dataset{}, fmt.Errorf("commit import of %s: %w", imp.dataset, err)
		}
		if err := imp.s.appendAudit(ctx, imp.tx, []*athar.AuditEntry{e}); err != nil {
			return athar.Dataset{}, fmt.Errorf("commit import of %s: %w", imp.dataset, err)
		}
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
	imp.finish()
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
