// Package agency imports an agency's own records (a camp registry, a wanted
// list) as CSV or JSON Lines. Both formats carry the same columns (the
// agency format contract, described in docs/importers.md); the record is
// built by the same code for both.
//
// What stops an import (a *sources.ParseError naming file and line): a line
// that cannot be read (bad JSON, a JSON value that is not an object, a CSV
// row with the wrong number of fields, bad CSV quoting), a CSV file without
// a header or without an id column, a record without an id, an id seen
// twice in the import, a record with no name at all, a known key whose
// JSON type is wrong, and text that is not UTF-8. Everything else odd (an unknown column, a birth date,
// gender, status, kind or country that cannot be read) is a warning; the
// text is kept in Person.Extra.
package agency

import (
	"context"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/athar-org/athar/sources"
)

// Importer reads agency records in one of the two formats.
type Importer struct {
	jsonl bool
}

var _ sources.Importer = (*Importer)(nil)

// NewCSVImporter returns an importer for agency CSV files: a header row,
// UTF-8 with an optional byte-order mark, comma-separated, RFC 4180 quoting.
func NewCSVImporter() *Importer { return &Importer{} }

// NewJSONLImporter returns an importer for agency JSON Lines files: one
// JSON object a line.
func NewJSONLImporter() *Importer { return &Importer{jsonl: true} }

// Import reads the inputs in turn. Agency files carry no version: it
// returns "". Record ids must be unique across all the inputs.
func (im *Importer) Import(ctx context.Context, in []sources.Input, sink sources.Sink) (string, error) {
	if len(in) == 0 {
		return "", errors.New("agency: no input file given")
	}
	// The set of ids seen is the one thing that grows with the input
	// (some tens of bytes a record), to refuse duplicates: two records
	// with one id would silently overwrite each other.
	st := &state{sink: sink, ids: make(map[string]struct{}), countries: make(map[string]countryResult)}
	for _, f := range in {
		st.file = f.Name
		var err error
		if im.jsonl {
			err = st.readJSONL(ctx, f)
		} else {
			err = st.readCSV(ctx, f)
		}
		if err != nil {
			return "", err
		}
	}
	return "", nil
}

// state is one import in progress.
type state struct {
	sink sources.Sink
	file string
	ids  map[string]struct{}
	// countries caches country lookups: registries repeat a handful of
	// nationalities a million times. Bounded by maxCountryCache.
	countries map[string]countryResult
	warned    map[string]bool // per-file warnings given once (unknown columns)
}

const maxCountryCache = 4096

func (st *state) warn(line int, rec, format string, args ...any) {
	if st.sink.Warn != nil {
		st.sink.Warn(sources.Warning{File: st.file, Line: line, Record: rec, Message: fmt.Sprintf(format, args...)})
	}
}

// notUTF8 words text in another encoding (a Windows-1256 export from a
// spreadsheet): read on, its names would be stored as garbage.
func (st *state) notUTF8(line int) error {
	return st.parseErr(line, "%w; save the file as UTF-8 (CSV UTF-8 in a spreadsheet) and import it again", sources.ErrNotUTF8)
}

// checkUTF8 fails on the first field that is not UTF-8.
func (st *state) checkUTF8(line int, fields ...string) error {
	for _, v := range fields {
		if !utf8.ValidString(v) {
			return st.notUTF8(line)
		}
	}
	return nil
}

func (st *state) parseErr(line int, format string, args ...any) error {
	return &sources.ParseError{File: st.file, Line: line, Err: fmt.Errorf(format, args...)}
}
