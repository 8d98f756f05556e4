package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/athar-org/athar/store/sqlite"
)

// A bad FILE stops ingest before anything is written: no registry, no
// source, and no document of the good files named before it.
func TestIngestCmd_BadFileWritesNothing(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string { return writeFile(t, dir, name, data) }
	good := write("good.txt", []byte("وذكرت مصادر محلية أن القيادي أبو عبد الله المصري فر إلى مدينة سبها في كانون الثاني/يناير 2019."))
	missing := filepath.Join(dir, "missing.txt")
	empty := write("empty.txt", nil)
	blank := write("blank.txt", []byte(" \n\t\r\n\u200f\u00a0\n"))
	latin := write("cp1256.txt", []byte("\xe3\xcd\xe3\xcf \xda\xe1\xed"))
	tests := []struct {
		name  string
		files []string
		bad   string // the file the error names
		msg   string
	}{
		{"missing file", []string{missing}, missing, "no such file"},
		{"second file missing", []string{good, missing}, missing, "no such file"},
		{"second file not UTF-8", []string{good, latin}, latin, "not UTF-8"},
		{"empty file", []string{empty}, empty, "empty"},
		{"white space only", []string{good, blank}, blank, "white space"},
		{"a directory", []string{good, dir}, dir, "directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Into a registry that does not exist yet...
			db := filepath.Join(t.TempDir(), "athar.db")
			args := append([]string{"ingest", "--db", db, "--source", "Libya Observer", "--published", "2019-02-01"}, tt.files...)
			code, out, errs := runAthar(t, args...)
			if code != 1 {
				t.Errorf("exit %d, want 1\nstdout: %s\nstderr: %s", code, out, errs)
			}
			if !strings.Contains(errs, tt.bad) || !strings.Contains(errs, tt.msg) || !strings.Contains(errs, "nothing was stored") {
				t.Errorf("stderr %q should name %s, say %q and that nothing was stored", errs, tt.bad, tt.msg)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
			if _, err := os.Stat(db); err == nil {
				t.Errorf("the failed ingest created the registry %s", db)
			}

			// ...and into one that does: no source, no document.
			existing := filepath.Join(t.TempDir(), "athar.db")
			mustAthar(t, "import", "--db", existing, "--format", "csv", "testdata/camp-registry.csv")
			args[2] = existing
			if code, _, _ := runAthar(t, args...); code != 1 {
				t.Errorf("into an existing registry: exit %d, want 1", code)
			}
			if code, _, _ := runAthar(t, "grade", "--db", existing, "--source", "Libya Observer", "--reliability", "A"); code == 0 {
				t.Error("the failed ingest created its source")
			}
			st, err := sqlite.OpenExisting(context.Background(), existing)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			docs, err := st.DocumentTexts(context.Background(), []int64{1, 2})
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 0 {
				t.Errorf("the failed ingest stored %d documents", len(docs))
			}
		})
	}
}
