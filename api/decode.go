package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/athar-org/athar"
)

// maxFieldBytes bounds any one string in a JSON request; maxListItems any
// one array. Longer input is refused with 400, not truncated.
const (
	maxFieldBytes = 4000
	maxListItems  = 1000
)

// decodeJSON reads a JSON request body into v, strictly: the body must be
// valid UTF-8, one JSON value, with no field v does not know, no string
// longer than maxFieldBytes and no array longer than maxListItems. Every
// failure is an EINVALID error (400), or 413 for a body over the limit.
func (s *Server) decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return err
		}
		return athar.Errorf(athar.EINVALID, "cannot read the request body: %v", err)
	}
	return decodeStrict(body, v)
}

// decodeStrict is decodeJSON on bytes already read.
func decodeStrict(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return athar.Errorf(athar.EINVALID, "the request body is empty: send a JSON object")
	}
	// encoding/json would quietly replace invalid UTF-8 with U+FFFD: a
	// name changed behind the officer's back. Refuse it instead.
	if !utf8.Valid(body) {
		return athar.Errorf(athar.EINVALID, "the request body is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return athar.Errorf(athar.EINVALID, "the request body is not what this route takes: %s", jsonError(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return athar.Errorf(athar.EINVALID, "the request body holds more than one JSON value")
	}
	return checkSizes(reflect.ValueOf(v), "")
}

// jsonError words a decoding error without Go type names.
func jsonError(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("invalid JSON at byte %d: %v", se.Offset, se)
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "the body"
		}
		return fmt.Sprintf("%s: want %s, got a JSON %s", field, jsonKind(te.Type), te.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the JSON ends too early"
	}
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "json: ")
	return msg
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Float64, reflect.Float32, reflect.Uint, reflect.Uint64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "another type"
}

// checkSizes walks a decoded value and refuses strings and arrays over the
// limits, naming the field.
func checkSizes(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return checkSizes(v.Elem(), path)
	case reflect.String:
		if v.Len() > maxFieldBytes {
			return athar.Errorf(athar.EINVALID, "%s is too long (%d bytes, at most %d)", fieldName(path), v.Len(), maxFieldBytes)
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 { // json.RawMessage, checked by size
			if v.Len() > maxFieldBytes*4 {
				return athar.Errorf(athar.EINVALID, "%s is too long", fieldName(path))
			}
			return nil
		}
		if v.Len() > maxListItems {
			return athar.Errorf(athar.EINVALID, "%s has too many items (%d, at most %d)", fieldName(path), v.Len(), maxListItems)
		}
		for i := range v.Len() {
			if err := checkSizes(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			p := path + "." + name
			if f.Anonymous {
				p = path
			}
			if err := checkSizes(v.Field(i), p); err != nil {
				return err
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if err := checkSizes(it.Value(), path+"."+it.Key().String()); err != nil {
				return err
			}
		}
	}
	return nil
}

func fieldName(path string) string {
	p := strings.TrimPrefix(path, ".")
	if p == "" {
		return "the body"
	}
	return p
}
