// Package sqlite implements store.Store on SQLite: one file, in WAL mode, so
// that readers keep a consistent snapshot while an import writes the next
// version of a dataset.
//
// Writes go through a single connection (SQLite has one writer at a time
// anyway); reads use a pool of read-only connections.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/store"
)

var _ store.Store = (*Store)(nil)

//go:embed migrations/*.sql
var migrationFS embed.FS

// busyTimeout is how long a statement waits for another process's lock.
const busyTimeout = 10 * time.Second

// Store is a registry in one SQLite file.
type Store struct {
	// Now returns the current time; tests replace it.
	Now func() time.Time

	path string
	w    *sql.DB // one connection: the only writer
	r    *sql.DB // read-only connections
}

// Open opens the registry in the file at path, creating the file when it does
// not exist, and brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, "rwc", busyTimeout)
}

// OpenExisting is Open for a file that must already exist: a mistyped path
// gives an ENOTFOUND error instead of a new, empty registry.
func OpenExisting(ctx context.Context, path string) (*Store, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, athar.Errorf(athar.ENOTFOUND, "registry %s does not exist (athar import creates it)", path)
	}
	if err != nil {
		return nil, fmt.Errorf("open registry: %w", err)
	}
	if fi.IsDir() {
		return nil, athar.Errorf(athar.EINVALID, "registry %s is a directory, not a file", path)
	}
	return open(ctx, path, "rw", busyTimeout)
}

func open(ctx context.Context, path, mode string, busy time.Duration) (*Store, error) {
	if path == "" {
		return nil, athar.Errorf(athar.EINVALID, "no registry file given")
	}
	uri := fileURI(path)
	ms := strconv.FormatInt(busy.Milliseconds(), 10)
	// The writer takes the write lock when its transaction begins
	// (_txlock=immediate), so an import never fails half-way on a lock.
	// synchronous=NORMAL is durable in WAL mode except against power loss
	// of the last transactions, and much faster.
	w, err := sql.Open("sqlite3", uri+"?mode="+mode+
		"&_journal_mode=WAL&_foreign_keys=on&_busy_timeout="+ms+
		"&_synchronous=NORMAL&_txlock=immediate&_cache_size=-65536")
	if err != nil {
		return nil, fmt.Errorf("open registry %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)

	s := &Store{Now: time.Now, path: path, w: w}
	// Without a limit the write-ahead log keeps the size of the largest
	// import (hundreds of MB for a million records) while the file is open.
	if _, err := w.ExecContext(ctx, `PRAGMA journal_size_limit = 67108864`); err != nil {
		w.Close()
		return nil, fmt.Errorf("open registry %s: %w", path, describe(err))
	}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open registry %s: %w", path, describe(err))
	}

	r, err := sql.Open("sqlite3", uri+"?mode=ro&_foreign_keys=on&_busy_timeout="+ms+"&_cache_size=-16384")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open registry %s: %w", path, err)
	}
	n := max(2, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	s.r = r
	return s, nil
}

// describe turns the SQLite errors a user can cause into words.
func describe(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB:
			return athar.Errorf(athar.EINVALID, "not an Athar registry (not an SQLite database)")
		case sqlite3.ErrCantOpen:
			return athar.Errorf(athar.EINVALID, "cannot open the file: %v", se)
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return athar.Errorf(athar.ECONFLICT, "the registry is busy: another import or change is running; try again when it has finished")
		case sqlite3.ErrReadonly, sqlite3.ErrPerm:
			return athar.Errorf(athar.EINVALID, "the registry file is read-only: %v", se)
		}
	}
	return err
}

// fileURI makes an SQLite URI for path, escaping the characters a URI gives
// meaning to.
func fileURI(path string) string {
	var b strings.Builder
	b.WriteString("file:")
	for i := 0; i < len(path); i++ {
		switch c := path[i]; c {
		case '%', '?', '#':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Path returns the file the registry lives in.
func (s *Store) Path() string { return s.path }

// Close closes the registry. The readers go first so that the writer, the
// last connection, checkpoints the write-ahead log into the file.
func (s *Store) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	errs = append(errs, s.w.Close())
	return errors.Join(errs...)
}

// migration is one schema change, applied once and recorded.
type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and '_'", e.Name())
		}
		b, err := fs.ReadFile(migrationFS, "migrations/"+e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s have the same number", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// migrate applies the migrations the file has not seen, each in its own
// transaction together with its record in schema_migrations.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return err
	}
	var current int
	if err := s.w.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return err
	}
	if len(ms) > 0 && current > ms[len(ms)-1].version {
		return athar.Errorf(athar.EINVALID, "the registry was written by a newer Athar (schema version %d, this one knows up to %d)", current, ms[len(ms)-1].version)
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		if err := s.apply(ctx, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func (s *Store) apply(ctx context.Context, m migration) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, formatTime(s.Now())); err != nil {
		return err
	}
	return tx.Commit()
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}
