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
