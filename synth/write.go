package synth

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Format is an output format of the agency record format.
type Format string

const (
	FormatJSONL Format = "jsonl"
	FormatCSV   Format = "csv"
)

// CSVHeader is the header row of the CSV form: the agency format's column
// names for the fields synth fills. A CSV record holds one document, so a
// person with a national ID and a passport keeps only the national ID there
// (JSON Lines keeps both).
var CSVHeader = []string{
	"id", "name", "name_latin", "given_name", "father_name", "grandfather_name", "family_name",
	"kunya", "mother_name", "gender", "birth_date", "birth_place", "nationality",
	"document_type", "document_number", "document_country",
}

// Writer writes records in one format. Call Close to flush.
type Writer struct {
	bw  *bufio.Writer
	enc *json.Encoder
	cw  *csv.Writer
	row []string
}

// NewWriter returns a Writer of the format; CSV writes its header first.
func NewWriter(w io.Writer, f Format) (*Writer, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	switch f {
	case FormatJSONL:
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &Writer{bw: bw, enc: enc}, nil
	case FormatCSV:
		cw := csv.NewWriter(bw)
		if err := cw.Write(CSVHeader); err != nil {
			return nil, err
		}
		return &Writer{bw: bw, cw: cw, row: make([]string, len(CSVHeader))}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want jsonl or csv)", f)
}

// Write writes one record.
func (w *Writer) Write(r *Record) error {
	if w.enc != nil {
		return w.enc.Encode(r)
	}
	var dt, dn, dc string
	if len(r.Documents) > 0 {
		d := r.Documents[0]
		dt, dn, dc = d.Type, d.Number, d.Country
	}
	w.row = append(w.row[:0], r.ID, r.Name, r.NameLatin, r.GivenName, r.FatherName, r.GrandfatherName,
		r.FamilyName, r.Kunya, r.MotherName, r.Gender, r.BirthDate, r.BirthPlace,
		strings.Join(r.Nationality, ";"), dt, dn, dc)
	return w.cw.Write(w.row)
}

// Close flushes what is buffered.
func (w *Writer) Close() error {
	if w.cw != nil {
		w.cw.Flush()
		if err := w.cw.Error(); err != nil {
			return err
		}
	}
	return w.bw.Flush()
}

// Write writes n persons generated from seed to w in format f. It stops
// early, with the context's error, when ctx is done.
func Write(ctx context.Context, w io.Writer, f Format, seed uint64, n int) error {
	if n < 1 || n > MaxPeople {
		return fmt.Errorf("number of people %d out of range 1 to %d", n, MaxPeople)
	}
	out, err := NewWriter(w, f)
	if err != nil {
		return err
	}
	g := New(seed)
	for i := range n {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec := g.Next()
		if err := out.Write(&rec); err != nil {
			return fmt.Errorf("write person %d: %w", i+1, err)
		}
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}
