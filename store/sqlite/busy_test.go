package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/athar-org/athar"
)

// TestStore_Busy holds the write lock from another connection, as another
// process's import would, and expects a clear error once the wait is over.
func TestStore_Busy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "athar.db")
	s, err := open(ctx, path, "rwc", 100*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `ROLLBACK`)

	_, err = s.BeginImport(ctx, "un")
	if athar.ErrorCode(err) != athar.ECONFLICT || !strings.Contains(err.Error(), "busy") {
		t.Errorf("BeginImport while another connection writes: got %v, want ECONFLICT saying the registry is busy", err)
	}
	err = s.SavePerson(ctx, &athar.Person{ID: "M-1", Names: []athar.Name{{Full: "زينب"}}})
	if athar.ErrorCode(err) != athar.ECONFLICT {
		t.Errorf("SavePerson while another connection writes: got %v, want ECONFLICT", err)
	}
}

// TestStore_Pragmas checks the settings every connection must have.
func TestStore_Pragmas(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "athar.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, db := range []struct {
		name string
		db   *sql.DB
	}{{"writer", s.w}, {"reader", s.r}} {
		var fk, busy int
		var mode string
		if err := db.db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := db.db.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if err := db.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if fk != 1 || busy != int(busyTimeout.Milliseconds()) || mode != "wal" {
			t.Errorf("%s: foreign_keys %d, busy_timeout %d, journal_mode %q; want 1, %d, wal", db.name, fk, busy, mode, busyTimeout.Milliseconds())
		}
	}
	if _, err := s.r.ExecContext(ctx, `DELETE FROM datasets`); err == nil {
		t.Error("a reader connection could write")
	}
}
