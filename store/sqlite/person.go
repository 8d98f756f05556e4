package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/athar-org/athar"
)

// Person returns one record by id, or ENOTFOUND.
func (s *Store) Person(ctx context.Context, id string) (*athar.Person, error) {
	var (
		rec                 []byte
		ds                  athar.Dataset
		importedAt, version string
	)
	err := s.r.QueryRowContext(ctx, `SELECT p.record, d.name, d.version, d.imported_at
		FROM persons p JOIN datasets d ON d.name = p.dataset WHERE p.id = ?`, id).
		Scan(&rec, &ds.Name, &version, &importedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, athar.Errorf(athar.ENOTFOUND, "no record with id %q", id)
	}
	if err != nil {
		return nil, fmt.Errorf("read record %s: %w", id, describe(err))
	}
	ds.Version = version
	if ds.ImportedAt, err = parseTime(importedAt); err != nil {
		return nil, fmt.Errorf("read record %s: dataset %s: %w", id, ds.Name, err)
	}
	p, err := decode(rec, &ds)
	if err != nil {
		return nil, fmt.Errorf("read record %s: %w", id, err)
	}
	return p, nil
}

// decode reads a stored record and fills in its provenance from its dataset:
// the records of an imported dataset share the version's number and time.
func decode(rec []byte, ds *athar.Dataset) (*athar.Person, error) {
	p, err := decodeRecord(rec)
	if err != nil {
		return nil, err
	}
	p.Provenance.Dataset = ds.Name
	if ds.Name != athar.ManualDataset {
		p.Provenance.Version = ds.Version
		p.Provenance.ImportedAt = ds.ImportedAt
	}
	return p, nil
}

// Persons yields every record in id order, from one read snapshot. A read
// error is yielded once, with a nil record, and ends the sequence.
//
// One goroutine reads batches of rows while others decode them, so that
// reading and decoding use all the cores; the batches are yielded in order.
func (s *Store) Persons(ctx context.Context) iter.Seq2[*athar.Person, error] {
	return func(yield func(*athar.Person, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		defer func() {
			cancel()
			wg.Wait()
		}()

		workers := max(1, runtime.GOMAXPROCS(0))
		jobs := make(chan decodeJob)
		results := make(chan chan decoded, 2*workers) // in id order
		wg.Add(1 + workers)
		go func() {
			defer wg.Done()
			defer close(jobs)
			defer close(results)
			s.readRecords(ctx, jobs, results)
		}()
		for range workers {
			go func() {
				defer wg.Done()
				for j := range jobs {
					j.out <- j.decode()
				}
			}()
		}

		for out := range results {
			d := <-out
			for _, p := range d.persons {
				if !yield(p, nil) {
					return
				}
			}
			if d.err != nil {
				yield(nil, fmt.Errorf("read records: %w", d.err))
				return
			}
		}
		if err := ctx.Err(); err != nil { // the caller's context ended the reading
			yield(nil, fmt.Errorf("read records: %w", err))
		}
	}
}

// decodeJob is a batch of stored records to decode.
type decodeJob struct {
	recs [][]byte
	sets []*athar.Dataset
	err  error // a read error after the batch
	out  chan decoded
}

type decoded struct {
	persons []*athar.Person
	err     error
}

func (j decodeJob) decode() decoded {
	d := decoded{persons: make([]*athar.Person, 0, len(j.recs))}
	for i, rec := range j.recs {
		p, err := decode(rec, j.sets[i])
		if err != nil {
			d.err = err
			return d
		}
		d.persons = append(d.persons, p)
	}
	d.err = j.err
	return d
}

const readBatch = 256

// readRecords reads every record in a read transaction and sends batches
// to the decoders, with each batch's result channel, in order, to results.
func (s *Store) readRecords(ctx context.Context, jobs chan<- decodeJob, results chan<- chan decoded) {
	send := func(j decodeJob) bool {
		j.out = make(chan decoded, 1)
		select {
		case results <- j.out:
		case <-ctx.Done():
			return false
		}
		select {
		case jobs <- j:
			return true
		case <-ctx.Done():
			j.out <- decoded{err: ctx.Err()}
			return false
		}
	}
	fail := func(err error) { send(decodeJob{err: describe(err)}) }

	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		fail(err)
		return
	}
	defer tx.Rollback()
	sets, err := datasets(ctx, tx)
	if err != nil {
		fail(err)
		return
	}
	byName := make(map[string]*athar.Dataset, len(sets))
	for i := range sets {
		byName[sets[i].Name] = &sets[i]
	}
	rows, err := tx.QueryContext(ctx, `SELECT dataset, record FROM persons ORDER BY id`)
	if err != nil {
		fail(err)
		return
	}
	defer rows.Close()
	var (
		j    decodeJob
		name string
	)
	for rows.Next() {
		var rec []byte // a copy, since another goroutine decodes it
		if err := rows.Scan(&name, &rec); err != nil {
			j.err = err
			send(j)
			return
		}
		ds := byName[name]
		if ds == nil { // the foreign key makes this impossible
			ds = &athar.Dataset{Name: name}
			byName[name] = ds
		}
		j.recs = append(j.recs, rec)
		j.sets = append(j.sets, ds)
		if len(j.recs) == readBatch {
			if !send(j) {
				return
			}
			j = decodeJob{}
		}
	}
	j.err = rows.Err()
	if j.err != nil {
		j.err = describe(j.err)
	}
	if len(j.recs) > 0 || j.err != nil {
		send(j)
	}
}

// Datasets lists the current version of every dataset, by name.
func (s *Store) Datasets(ctx context.Context) ([]athar.Dataset, error) {
	sets, err := datasets(ctx, s.r)
	if err != nil {
		return nil, fmt.Errorf("read datasets: %w", describe(err))
	}
	return sets, nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func datasets(ctx context.Context, q querier) ([]athar.Dataset, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, format, version, files, sha256, imported_at, persons, organizations FROM datasets ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sets := []athar.Dataset{}
	for rows.Next() {
		var (
			ds                athar.Dataset
			files, importedAt string
		)
		if err := rows.Scan(&ds.Name, &ds.Format, &ds.Version, &files, &ds.SHA256, &importedAt, &ds.Persons, &ds.Orgs); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(files), &ds.Files); err != nil {
			return nil, fmt.Errorf("dataset %s: files: %w", ds.Name, err)
		}
		if len(ds.Files) == 0 {
			ds.Files = nil
		}
		if ds.ImportedAt, err = parseTime(importedAt); err != nil {
			return nil, fmt.Errorf("dataset %s: %w", ds.Name, err)
		}
		sets = append(sets, ds)
	}
	return sets, rows.Err()
}

// SavePerson creates or replaces a record of the manual dataset. An id held
// by an imported dataset gives ECONFLICT. The stored record's provenance
// names the manual dataset and the time of saving; p is not changed.
func (s *Store) SavePerson(ctx context.Context, p *athar.Person) error {
	if p == nil {
		return athar.Errorf(athar.EINVALID, "no record")
	}
	q := *p
	if err := checkRecord(&q); err != nil {
		return err
	}
	now := s.Now().UTC()
	q.Provenance.Dataset = athar.ManualDataset
	q.Provenance.Version = ""
	q.Provenance.ImportedAt = now
	if q.Provenance.SourceID == "" {
		q.Provenance.SourceID = q.ID
	}
	rec := encodeRecord(nil, &q)
	return s.manualTx(ctx, q.ID, func(tx *sql.Tx, _ bool) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO datasets (name, format, imported_at) VALUES (?, 'manual', ?) ON CONFLICT (name) DO NOTHING`,
			athar.ManualDataset, formatTime(now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO persons (id, dataset, kind, source_id, primary_name, record) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, source_id = excluded.source_id,
				primary_name = excluded.primary_name, record = excluded.record`,
			q.ID, athar.ManualDataset, string(q.Kind), q.Provenance.SourceID, q.PrimaryName(), rec)
		return err
	})
}

// DeletePerson removes a record of the manual dataset: ENOTFOUND when there
// is none, ECONFLICT when the id belongs to an imported dataset.
func (s *Store) DeletePerson(ctx context.Context, id string) error {
	return s.manualTx(ctx, id, func(tx *sql.Tx, exists bool) error {
		if !exists {
			return athar.Errorf(athar.ENOTFOUND, "no record with id %q", id)
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM persons WHERE id = ?`, id)
		return err
	})
}

// manualTx runs fn in a write transaction after checking that id is free or
// held by the manual dataset, then brings the manual dataset's counts and
// time up to date.
func (s *Store) manualTx(ctx context.Context, id string, fn func(tx *sql.Tx, exists bool) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save record %s: %w", id, describe(err))
	}
	defer tx.Rollback()
	var holder string
	err = tx.QueryRowContext(ctx, `SELECT dataset FROM persons WHERE id = ?`, id).Scan(&holder)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return fmt.Errorf("save record %s: %w", id, describe(err))
	case holder != athar.ManualDataset:
		return athar.Errorf(athar.ECONFLICT, "record id %q belongs to dataset %q; imported records change only when their dataset is imported again", id, holder)
	}
	if err := fn(tx, holder != ""); err != nil {
		var ae *athar.Error
		if errors.As(err, &ae) {
			return err
		}
		return fmt.Errorf("save record %s: %w", id, describe(err))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE datasets SET imported_at = ?1,
		persons = (SELECT count(*) FROM persons WHERE dataset = ?2 AND kind = 'person'),
		organizations = (SELECT count(*) FROM persons WHERE dataset = ?2 AND kind = 'organization')
		WHERE name = ?2`, formatTime(s.Now()), athar.ManualDataset); err != nil {
		return fmt.Errorf("save record %s: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save record %s: %w", id, describe(err))
	}
	return nil
}
