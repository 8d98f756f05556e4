// Package sources describes what every list importer provides. Each format
// has its own package (un, ofac, agency); the import command picks one by
// name.
package sources

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/athar-org/athar"
)

// Input is one file handed to an importer.
type Input struct {
	Name string // the path, as the user gave it; used in messages
	R    io.Reader
}

// Warning is something odd in the input that did not stop the import: an
// unknown field, a date that could not be read, a country with no ISO code.
type Warning struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`   // 1-based, when known
	Offset  int64  `json:"offset,omitempty"` // byte offset, when the line is not known
	Record  string `json:"record,omitempty"` // the record's source id, when known
	Message string `json:"message"`
}

func (w Warning) String() string {
	loc := w.File
	switch {
	case w.Line > 0:
		loc = fmt.Sprintf("%s:%d", w.File, w.Line)
	case w.Offset > 0:
		loc = fmt.Sprintf("%s@%d", w.File, w.Offset)
	}
	if w.Record != "" {
		return fmt.Sprintf("%s: %s: %s", loc, w.Record, w.Message)
	}
	return fmt.Sprintf("%s: %s", loc, w.Message)
}

// ParseError is bad input that stops an import: it names the file and the
// line or byte offset.
type ParseError struct {
	File   string
	Line   int
	Offset int64
	Err    error
}

func (e *ParseError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	case e.Offset > 0:
		return fmt.Sprintf("%s: at byte %d: %v", e.File, e.Offset, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrNotUTF8 is input in another encoding than UTF-8 (a Windows-1252 or
// Windows-1256 export, say). Read on, its names would be stored as garbage,
// so every importer stops at it, in a ParseError that says what to do.
var ErrNotUTF8 = errors.New("not UTF-8 text")

// NoRecordsError is an import whose inputs held no record: an empty file,
// or a CSV header without rows. Committed, it would replace its dataset
// with nothing, so the import command and the API refuse it unless asked
// to empty the dataset.
type NoRecordsError struct {
	Files []string // the inputs' names
}

func (e *NoRecordsError) Error() string {
	switch len(e.Files) {
	case 0:
		return "the input holds no records"
	case 1:
		return e.Files[0] + " holds no records"
	}
	return strings.Join(e.Files, ", ") + " hold no records"
}

// Sink receives what an importer reads.
type Sink struct {
	// Put receives each record as soon as it is read; an error from it stops
	// the import.
	Put func(ctx context.Context, p *athar.Person) error
	// Warn receives each warning. It may be nil.
	Warn func(Warning)
}

// Importer reads one list format. It streams: memory does not grow with the
// size of the input.
type Importer interface {
	// Import reads the inputs, which together make one version of a dataset,
	// and returns the version the inputs carry ("" when they carry none).
	Import(ctx context.Context, in []Input, sink Sink) (version string, err error)
}

// Reader wraps an input and remembers the input's own error, so that an
// importer can tell a failing read (returned as it is) from bad input (a
// ParseError).
type Reader struct {
	R   io.Reader
	err error
}

func (r *Reader) Read(p []byte) (int, error) {
	n, err := r.R.Read(p)
	if err != nil {
		r.err = err
	}
	return n, err
}

// Failed reports whether err is the input's own read error rather than a
// complaint about what was read.
func (r *Reader) Failed(err error) bool {
	return r.err != nil && r.err != io.EOF && errors.Is(err, r.err)
}
