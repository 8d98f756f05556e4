package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/store"
	"github.com/athar-org/athar/store/sqlite"
	"github.com/athar-org/athar/store/storetest"
)

// mustOpen opens a new registry in a temporary directory.
func mustOpen(tb testing.TB) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "athar.db"))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// execRaw runs one statement on the registry at path through a connection
// of its own, behind the store's back: tests use it to break or tamper
// with what the store wrote.
func execRaw(tb testing.TB, path, stmt string) {
	tb.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		tb.Fatal(err)
	}
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return mustOpen(t) })
}

func TestOpen_Reopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "reg #1?.db") // characters a URI gives meaning to
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := s.BeginImport(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	if err := imp.Put(ctx, storetest.Person("QDi.299", "أبو بكر البغدادي", "Abu Bakr al-Baghdadi")); err != nil {
		t.Fatal(err)
	}
	if _, err := imp.Commit(ctx, athar.Dataset{Name: "un", Version: "2026-02-27"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the registry is not at the path given: %v", err)
	}

	s, err = sqlite.OpenExisting(ctx, path)
	if err != nil {
		t.Fatalf("OpenExisting: %v", err)
	}
	defer s.Close()
	p, err := s.Person(ctx, "QDi.299")
	if err != nil {
		t.Fatal(err)
	}
	if p.PrimaryName() != "أبو بكر البغدادي" || p.Provenance.Version != "2026-02-27" {
		t.Errorf("after reopening: got %q version %q", p.PrimaryName(), p.Provenance.Version)
	}
}

func TestOpenExisting_Missing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "nope.db")
	_, err := sqlite.OpenExisting(context.Background(), path)
	if athar.ErrorCode(err) != athar.ENOTFOUND {
		t.Fatalf("OpenExisting of a missing file: got %v, want ENOTFOUND", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("OpenExisting created the missing file")
	}
	_, err = sqlite.OpenExisting(context.Background(), dir)
	if athar.ErrorCode(err) != athar.EINVALID {
		t.Errorf("OpenExisting of a directory: got %v, want EINVALID", err)
	}
}

func TestOpen_NotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "list.xml")
	if err := os.WriteFile(path, []byte("<CONSOLIDATED_LIST>not a database, but long enough to be read as a header by SQLite</CONSOLIDATED_LIST>"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := sqlite.OpenExisting(context.Background(), path)
	if athar.ErrorCode(err) != athar.EINVALID {
		t.Fatalf("opening a non-database: got %v, want EINVALID", err)
	}
}

// TestSchema checks the file's settings and that migrations are recorded
// once.
func TestSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "athar.db")
	for range 2 {
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mode string
	if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode: got %q (%v), want wal", mode, err)
	}
	var n, max int
	if err := db.QueryRow(`SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &max); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("migrations/*.sql") // numbers may leave gaps (0010_access.sql)
	if n != len(files) || n < 1 {
		t.Errorf("schema_migrations: %d rows up to version %d for %d files; want each migration recorded once", n, max, len(files))
	}
}

func TestStore_NewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "athar.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	execRaw(t, path, `INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', '2030-01-01T00:00:00Z')`)
	_, err = sqlite.Open(ctx, path)
	if athar.ErrorCode(err) != athar.EINVALID {
		t.Errorf("opening a registry of a newer schema: got %v, want EINVALID", err)
	}
}

func TestStore_Now(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	defer s.Close()
	at := time.Date(2026, 2, 27, 10, 30, 0, 0, time.UTC)
	s.Now = func() time.Time { return at }

	imp, err := s.BeginImport(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	if err := imp.Put(ctx, storetest.Person("QDi.1", "محمد علي حسين", "Muhammad Ali Husayn")); err != nil {
		t.Fatal(err)
	}
	ds, err := imp.Commit(ctx, athar.Dataset{Name: "un"})
	if err != nil {
		t.Fatal(err)
	}
	if !ds.ImportedAt.Equal(at) {
		t.Errorf("Commit: imported_at %v, want %v", ds.ImportedAt, at)
	}
	p, err := s.Person(ctx, "QDi.1")
	if err != nil {
		t.Fatal(err)
	}
	if !p.Provenance.ImportedAt.Equal(at) {
		t.Errorf("Person: imported_at %v, want %v", p.Provenance.ImportedAt, at)
	}
	if err := s.SavePerson(ctx, storetest.Person("M-1", "زينب", "Zaynab")); err != nil {
		t.Fatal(err)
	}
	if p, err := s.Person(ctx, "M-1"); err != nil || !p.Provenance.ImportedAt.Equal(at) {
		t.Errorf("SavePerson: imported_at %v (%v), want %v", p.Provenance.ImportedAt, err, at)
	}
}

// TestStore_Columns checks the columns kept beside the record JSON for
// listing in SQL.
func TestStore_Columns(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "athar.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := s.BeginImport(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	if err := imp.Put(ctx, storetest.Person("QDi.299", "أبو بكر البغدادي", "Abu Bakr al-Baghdadi")); err != nil {
		t.Fatal(err)
	}
	if _, err := imp.Commit(ctx, athar.Dataset{Name: "un"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePerson(ctx, storetest.Person("M-1", "زينب", "Zaynab")); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePerson(ctx, storetest.Person("M-1", "فاطمة", "Fatima")); err != nil {
		t.Fatal(err)
	}
	s.Close()

	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT id, dataset, kind, source_id, primary_name FROM persons ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var id, ds, kind, src, name string
		if err := rows.Scan(&id, &ds, &kind, &src, &name); err != nil {
			t.Fatal(err)
		}
		got = append(got, strings.Join([]string{id, ds, kind, src, name}, "|"))
	}
	want := []string{"M-1|manual|person|M-1|فاطمة", "QDi.299|un|person|QDi.299|أبو بكر البغدادي"}
	if !slices.Equal(got, want) {
		t.Errorf("persons columns:\ngot  %q\nwant %q", got, want)
	}
}
