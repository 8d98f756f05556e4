package agency

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/sources"
)

// maxLine bounds one JSON Lines record; a longer line is an error rather
// than a way to exhaust memory.
const maxLine = 16 << 20

func (st *state) readJSONL(ctx context.Context, f sources.Input) error {
	src := &sources.Reader{R: f.R}
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	st.warned = make(map[string]bool)
	var fl fields
	line := 0
	for sc.Scan() {
		line++
		if line%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b := sc.Bytes()
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			continue
		}
		if !utf8.Valid(b) {
			return st.notUTF8(line)
		}
		fl.reset()
		if !decodeFast(b, &fl) {
			fl.reset()
			if err := st.decodeJSON(b, &fl, line); err != nil {
				return err
			}
		}
		if err := st.put(ctx, &fl, line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return st.parseErr(line+1, "line longer than %d MiB", maxLine>>20)
		}
		return fmt.Errorf("reading %s: %w", st.file, err)
	}
	return nil
}

func (st *state) decodeJSON(b []byte, fl *fields, line int) error {
	if b[0] != '{' {
		return st.parseErr(line, "not a JSON object: each line must hold one {…} record")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return st.parseErr(line, "bad JSON: %v", err)
	}
	for k, raw := range obj {
		var err error
		// Keys match regardless of case, as CSV column names do (and as
		// the fast path's decoder does).
		lk := strings.ToLower(k)
		switch lk {
		case colID:
			fl.id, err = jsonString(raw)
		case colKind:
			fl.kind, err = jsonString(raw)
		case colName:
			fl.name, err = jsonString(raw)
		case colNames:
			fl.names, err = jsonStrings(raw, fl.names)
		case colNameAr:
			fl.nameAr, err = jsonString(raw)
		case colNameLatin:
			fl.nameLatin, err = jsonString(raw)
		case colGiven:
			fl.given, err = jsonString(raw)
		case colFather:
			fl.father, err = jsonString(raw)
		case colGrandfather:
			fl.grandfather, err = jsonString(raw)
		case colFamily:
			fl.family, err = jsonString(raw)
		case colKunya:
			fl.kunya, err = jsonString(raw)
		case colMother:
			fl.mother, err = jsonString(raw)
		case colGender:
			fl.gender, err = jsonString(raw)
		case colBirthDate:
			fl.birthDate, err = jsonString(raw)
		case colBirthPlace:
			fl.birthPlace, err = jsonString(raw)
		case colNationality:
			// A string (";"-separated, as in CSV) or an array.
			var s string
			if s, err = jsonString(raw); err == nil {
				fl.nationality = appendSplit(fl.nationality, s)
			} else {
				fl.nationality, err = jsonStrings(raw, fl.nationality)
			}
		case colDocuments:
			var unknown []string
			fl.docs, err = jsonDocs(raw, fl.docs, &unknown)
			for _, u := range unknown {
				if key := "documents." + u; !st.warned[key] {
					st.warned[key] = true
					st.warn(line, "", "unknown document key %q ignored (warned once per file)", u)
				}
			}
		case colDocType, colDocNumber, colDocCountry:
			// The CSV form of one document, accepted in JSON too.
			var s string
			s, err = jsonString(raw)
			d := &fl.colDoc
			switch lk {
			case colDocType:
				d.typ = s
			case colDocNumber:
				d.number = s
			default:
				d.country = s
			}
		case colStatus:
			fl.status, err = jsonString(raw)
		case colList:
			fl.list, err = jsonString(raw)
		case colListRef:
			fl.listRef, err = jsonString(raw)
		case colRemarks:
			fl.remarks, err = jsonString(raw)
		default:
			if !st.warned[k] {
				st.warned[k] = true
				st.warn(line, "", "unknown key %q; its values are kept in extra (warned once per file)", k)
			}
			v := string(raw)
			if s, err2 := jsonString(raw); err2 == nil {
				v = s
			}
			if v != "" {
				fl.extra = append(fl.extra, athar.ExtraField{Key: k, Value: v})
			}
		}
		if err != nil {
			return st.parseErr(line, "key %q: %v", k, err)
		}
	}
	// Map order is random; the record's JSON must be stable.
	slices.SortFunc(fl.extra, func(a, b athar.ExtraField) int { return strings.Compare(a.Key, b.Key) })
	return nil
}

// jsonString reads a string, a number (ids and years are sometimes written
// as numbers) or null.
func jsonString(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return "", nil
	case raw[0] == '"':
		// Most values have no escapes: take the bytes between the quotes
		// rather than run a decoder for each value.
		if len(raw) >= 2 && raw[len(raw)-1] == '"' && bytes.IndexByte(raw[1:len(raw)-1], '\\') < 0 && bytes.IndexByte(raw[1:len(raw)-1], '"') < 0 && utf8.Valid(raw) && !hasControl(raw) {
			return string(raw[1 : len(raw)-1]), nil
		}
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9'):
		if _, err := strconv.ParseFloat(string(raw), 64); err != nil {
			return "", err
		}
		return string(raw), nil
	}
	return "", errors.New("want a string")
}

// hasControl reports whether b holds a control character, which JSON
// strings may not hold unescaped.
func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// jsonStrings reads an array of strings (or one string) onto list.
func jsonStrings(raw json.RawMessage, list []string) ([]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return list, err
		}
		for _, it := range items {
			s, err := jsonString(it)
			if err != nil {
				return list, errors.New("want an array of strings")
			}
			list = append(list, s)
		}
		return list, nil
	}
	s, err := jsonString(raw)
	if err != nil {
		return list, errors.New("want an array of strings")
	}
	return appendSplit(list, s), nil
}

// jsonDocs reads the documents array onto docs; keys it does not know are
// added to unknown.
func jsonDocs(raw json.RawMessage, docs []docFields, unknown *[]string) ([]docFields, error) {
	raw = bytes.TrimSpace(raw)
	if string(raw) == "null" {
		return docs, nil
	}
	errShape := errors.New(`want an array of {"type","number","country","forged"} objects`)
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return docs, errShape
	}
	for _, it := range items {
		var d docFields
		for k, v := range it {
			var err error
			switch strings.ToLower(k) {
			case "type":
				d.typ, err = jsonString(v)
			case "number":
				d.number, err = jsonString(v)
			case "country":
				d.country, err = jsonString(v)
			case "forged":
				switch string(bytes.TrimSpace(v)) {
				case "true":
					d.forged = true
				case "false", "null":
				default:
					err = errors.New(`"forged" must be true or false`)
				}
			default:
				*unknown = append(*unknown, k)
			}
			if err != nil {
				return docs, err
			}
		}
		docs = append(docs, d)
	}
	return docs, nil
}
