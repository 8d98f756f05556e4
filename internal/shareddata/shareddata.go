// Package shareddata finds the project's shared reference data (../shared
// beside the project root) for tests. A test that needs it skips with a clear
// message when it is absent, and fails when it is absent under CI=true.
package shareddata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the shared data directory (…/shared/data), or "" when absent.
// ATHAR_SHARED overrides the location.
func Dir() string {
	if d := os.Getenv("ATHAR_SHARED"); d != "" {
		return filepath.Join(d, "data")
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// file is <root>/internal/shareddata/shareddata.go.
	root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	d := filepath.Join(filepath.Dir(root), "shared", "data")
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return d
}

// Path returns the path of a file under the shared data directory. When the
// file is missing the test is skipped, or failed when CI=true.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	d := Dir()
	p := filepath.Join(append([]string{d}, elem...)...)
	if d == "" {
		missing(tb, "the shared data directory (../shared/data beside the project) is absent")
		return ""
	}
	if _, err := os.Stat(p); err != nil {
		missing(tb, "shared data file missing: "+p)
	}
	return p
}

func missing(tb testing.TB, msg string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatal(msg)
	}
	tb.Skip(msg + "; skipping")
}
