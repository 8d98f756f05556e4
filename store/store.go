// Package store defines the registry store that the rest of Athar uses.
// Implementations live in subpackages (sqlite, and later postgres); the
// storetest package holds the test suite every implementation must pass.
package store

import (
	"context"
	"iter"

	"github.com/athar-org/athar"
)

// Store is the registry: datasets of persons and organisations of interest,
// and records entered by hand.
//
// Errors are *athar.Error where a user can act on them: ENOTFOUND for an
// unknown id, ECONFLICT for an id that another dataset already holds,
// EINVALID for a record that cannot be stored.
type Store interface {
	// BeginImport starts replacing the named dataset. Until Commit, readers
	// keep seeing the previous version; Rollback (or a failed Commit) leaves
	// it untouched. Only one import runs at a time.
	BeginImport(ctx context.Context, dataset string) (Import, error)

	// Person returns one record by id, or ENOTFOUND.
	Person(ctx context.Context, id string) (*athar.Person, error)

	// Persons yields every record, in id order. Used to build the screening
	// index; it holds a read snapshot for the whole iteration.
	Persons(ctx context.Context) iter.Seq2[*athar.Person, error]

	// SavePerson creates or replaces a record of the manual dataset (one
	// entered by hand). A record of an imported dataset cannot be saved here:
	// ECONFLICT.
	SavePerson(ctx context.Context, p *athar.Person) error

	// DeletePerson removes a record of the manual dataset.
	DeletePerson(ctx context.Context, id string) error

	// Datasets lists the current version of every dataset.
	Datasets(ctx context.Context) ([]athar.Dataset, error)

	Close() error
}

// Import is one dataset replacement in progress.
type Import interface {
	// Put adds a record. Its Provenance.Dataset is set by the import. A
	// store may write in the background, so an error about a record (EINVALID
	// for an id seen twice, ECONFLICT for an id another dataset holds) may
	// come from a later Put or from Commit; after an error the import can
	// only be rolled back.
	Put(ctx context.Context, p *athar.Person) error
	// Commit makes the new version visible at once, recording ds as its
	// description (ds.Name must be the imported dataset's; the counts are
	// filled in by the store).
	Commit(ctx context.Context, ds athar.Dataset) (athar.Dataset, error)
	// CommitAudited is Commit, and appends to the audit log the entry that
	// audit makes of the committed dataset (with its counts), in the same
	// transaction: the new version and its entry are committed together
	// or not at all, so no import goes unaudited.
	CommitAudited(ctx context.Context, ds athar.Dataset, audit func(athar.Dataset) *athar.AuditEntry) (athar.Dataset, error)
	// Rollback abandons the import. It is safe to call after Commit.
	Rollback() error
}
