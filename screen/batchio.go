package screen

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/athar-org/athar"
)

// BatchItem is one query read from a batch file: either a query, or the
// error that kept its line from being one. Line is 1-based.
type BatchItem struct {
	Line  int
	Query Query
	Err   error
}

// maxLineBytes bounds one batch line; longer lines are reported, not read.
const maxLineBytes = 1 << 20

// ReadBatch reads queries from r, JSON Lines or CSV ("jsonl" or "csv"), and
// calls fn for each line in order, bad lines included (with Err set), so
// that no line is dropped. Blank lines are skipped. It stops early only when
// fn returns an error, ctx ends or r fails.
func ReadBatch(ctx context.Context, r io.Reader, format string, fn func(BatchItem) error) error {
	switch format {
	case "jsonl":
		return readJSONL(ctx, r, fn)
	case "csv":
		return readCSV(ctx, r, fn)
	}
	return fmt.Errorf("unknown batch format %q: want jsonl or csv", format)
}

func readJSONL(ctx context.Context, r io.Reader, fn func(BatchItem) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	line := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, tooLong, err := readLine(br)
		if len(b) == 0 && err == io.EOF {
			return nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("line %d: %w", line+1, err)
		}
		line++
		b = bytes.TrimSpace(b)
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		item := BatchItem{Line: line}
		switch {
		case tooLong:
			item.Err = athar.Errorf(athar.EINVALID, "line is longer than %d bytes", maxLineBytes)
		case len(b) == 0:
			continue
		default:
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			if derr := dec.Decode(&item.Query); derr != nil {
				item.Err = athar.Errorf(athar.EINVALID, "not a query: %v", jsonMessage(derr))
			} else if dec.More() {
				item.Err = athar.Errorf(athar.EINVALID, "more than one JSON value on the line")
			}
		}
		if ferr := fn(item); ferr != nil {
			return ferr
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line of any length, keeping at most maxLineBytes of it.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		frag, isPrefix, rerr := br.ReadLine()
		if len(line)+len(frag) > maxLineBytes {
			tooLong = true
		} else {
			line = append(line, frag...)
		}
		if rerr != nil {
			return line, tooLong, rerr
		}
		if !isPrefix {
			return line, tooLong, nil
		}
	}
}

func jsonMessage(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("invalid JSON at column %d", se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("field %q must be %s", te.Field, te.Type)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "invalid JSON: the line ends inside a value"
	}
	return err.Error()
}

// csvColumns are the CSV batch columns; they mirror the JSON fields. Several
// names go in "names" separated by ";"; one document in document_type and
// document_number, or several in "documents" as type:number;type:number.
var csvColumns = map[string]bool{
	"id": true, "name": true, "names": true, "birth_date": true, "nationality": true,
	"gender": true, "mother_name": true, "birth_place": true,
	"document_type": true, "document_number": true, "documents": true,
}

func readCSV(ctx context.Context, r io.Reader, fn func(BatchItem) error) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil
		}
		return fmt.Errorf("line 1: cannot read the CSV header: %w", err)
	}
	cols := make([]string, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !csvColumns[h] {
			return fmt.Errorf("line 1: unknown column %q (want id, name, names, birth_date, nationality, gender, mother_name, birth_place, document_type, document_number, documents)", h)
		}
		cols[i] = h
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		var item BatchItem
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			item.Line = pe.StartLine
			item.Err = athar.Errorf(athar.EINVALID, "bad CSV: %v", pe.Err)
		case err != nil:
			return err
		default:
			item.Line, _ = cr.FieldPos(0)
			if len(rec) != len(cols) {
				item.Err = athar.Errorf(athar.EINVALID, "%d fields, the header has %d", len(rec), len(cols))
			} else {
				item.Query = csvQuery(cols, rec)
			}
		}
		if ferr := fn(item); ferr != nil {
			return ferr
		}
	}
}

func csvQuery(cols, rec []string) Query {
	var q Query
	var doc QueryDocument
	for i, v := range rec {
		switch cols[i] {
		case "id":
			q.ID = v
		case "name":
			q.Name = v
		case "names":
			for _, n := range strings.Split(v, ";") {
				if n = strings.TrimSpace(n); n != "" {
					q.Names = append(q.Names, n)
				}
			}
		case "birth_date":
			q.BirthDate = v
		case "nationality":
			q.Nationality = v
		case "gender":
			q.Gender = v
		case "mother_name":
			q.MotherName = v
		case "birth_place":
			q.BirthPlace = v
		case "document_type":
			doc.Type = v
		case "document_number":
			doc.Number = v
		case "documents":
			for _, d := range strings.Split(v, ";") {
				typ, num, ok := strings.Cut(d, ":")
				if !ok {
					typ, num = "", d
				}
				if num = strings.TrimSpace(num); num != "" {
					q.Documents = append(q.Documents, QueryDocument{Type: strings.TrimSpace(typ), Number: num})
				}
			}
		}
	}
	if strings.TrimSpace(doc.Number) != "" {
		q.Documents = append(q.Documents, doc)
	}
	return q
}
