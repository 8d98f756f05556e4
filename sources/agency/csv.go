package agency

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/sources"
)

// column is what one CSV column feeds.
type column int

const (
	cUnknown column = iota
	cID
	cKind
	cName
	cNames
	cNameAr
	cNameLatin
	cGiven
	cFather
	cGrandfather
	cFamily
	cKunya
	cMother
	cGender
	cBirthDate
	cBirthPlace
	cNationality
	cDocType
	cDocNumber
	cDocCountry
	cStatus
	cList
	cListRef
	cRemarks
)

var csvColumns = map[string]column{
	colID: cID, colKind: cKind, colName: cName, colNames: cNames,
	colNameAr: cNameAr, colNameLatin: cNameLatin, colGiven: cGiven,
	colFather: cFather, colGrandfather: cGrandfather, colFamily: cFamily,
	colKunya: cKunya, colMother: cMother, colGender: cGender,
	colBirthDate: cBirthDate, colBirthPlace: cBirthPlace,
	colNationality: cNationality, colDocType: cDocType,
	colDocNumber: cDocNumber, colDocCountry: cDocCountry,
	colStatus: cStatus, colList: cList, colListRef: cListRef,
	colRemarks: cRemarks,
}

func (st *state) readCSV(ctx context.Context, f sources.Input) error {
	br := bufio.NewReaderSize(f.R, 64<<10)
	if bom, err := br.Peek(3); err == nil && bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	src := &sources.Reader{R: br}
	r := csv.NewReader(src)
	r.ReuseRecord = true
	r.FieldsPerRecord = -1 // checked below, to say how many fields were found

	header, err := r.Read()
	if err == io.EOF {
		return st.parseErr(1, "empty file: a header row is required")
	}
	if err != nil {
		return st.csvError(src, err)
	}
	if err := st.checkUTF8(1, header...); err != nil {
		return err
	}
	cols := make([]column, len(header))
	names := make([]string, len(header))
	seen := make(map[string]bool, len(header))
	hasID := false
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		names[i] = h
		if h == "" {
			return st.parseErr(1, "column %d has no name in the header", i+1)
		}
		if seen[h] {
			return st.parseErr(1, "column %q appears twice in the header", h)
		}
		seen[h] = true
		if h == colDocuments {
			// The JSON-only key: as a CSV column it is unknown.
			st.warn(1, "", "column %q is for JSON Lines; in CSV use document_type, document_number, document_country; kept in extra", h)
			continue
		}
		c, ok := csvColumns[h]
		if !ok {
			st.warn(1, "", "unknown column %q; its values are kept in extra", h)
		}
		cols[i] = c
		hasID = hasID || c == cID
	}
	if !hasID {
		return st.parseErr(1, "the header has no %q column", colID)
	}

	var fl fields
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return st.csvError(src, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(cols) {
			return st.parseErr(line, "%d fields, but the header has %d columns", len(rec), len(cols))
		}
		if err := st.checkUTF8(line, rec...); err != nil {
			return err
		}
		fl.reset()
		var doc docFields
		for i, v := range rec {
			switch cols[i] {
			case cID:
				fl.id = v
			case cKind:
				fl.kind = v
			case cName:
				fl.name = v
			case cNames:
				fl.names = appendSplit(fl.names, v)
			case cNameAr:
				fl.nameAr = v
			case cNameLatin:
				fl.nameLatin = v
			case cGiven:
				fl.given = v
			case cFather:
				fl.father = v
			case cGrandfather:
				fl.grandfather = v
			case cFamily:
				fl.family = v
			case cKunya:
				fl.kunya = v
			case cMother:
				fl.mother = v
			case cGender:
				fl.gender = v
			case cBirthDate:
				fl.birthDate = v
			case cBirthPlace:
				fl.birthPlace = v
			case cNationality:
				fl.nationality = appendSplit(fl.nationality, v)
			case cDocType:
				doc.typ = v
			case cDocNumber:
				doc.number = v
			case cDocCountry:
				doc.country = v
			case cStatus:
				fl.status = v
			case cList:
				fl.list = v
			case cListRef:
				fl.listRef = v
			case cRemarks:
				fl.remarks = v
			default:
				if v = strings.TrimSpace(v); v != "" {
					fl.extra = append(fl.extra, athar.ExtraField{Key: names[i], Value: v})
				}
			}
		}
		fl.colDoc = doc
		if err := st.put(ctx, &fl, line); err != nil {
			return err
		}
	}
}

// appendSplit appends the ';'-separated parts of v (Arabic '؛' too).
func appendSplit(list []string, v string) []string {
	if !strings.ContainsAny(v, ";؛") {
		if v = strings.TrimSpace(v); v != "" {
			list = append(list, v)
		}
		return list
	}
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '؛' }) {
		if part = strings.TrimSpace(part); part != "" {
			list = append(list, part)
		}
	}
	return list
}

func (st *state) csvError(src *sources.Reader, err error) error {
	if src.Failed(err) {
		return fmt.Errorf("reading %s: %w", st.file, err)
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return st.parseErr(pe.Line, "%v (column %d)", pe.Err, pe.Column)
	}
	return &sources.ParseError{File: st.file, Err: err}
}
