// Package un imports the UN Security Council Consolidated List (the XML at
// https://scsanctions.un.org/resources/xml/en/consolidated.xml): individuals
// as persons, entities as organisations, one record per reference number
// (QDi.299). docs/importers.md describes the mapping.
package un

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/sources"
)

// Importer reads the UN consolidated list XML. It streams: one INDIVIDUAL or
// ENTITY element is decoded at a time and handed to the sink.
type Importer struct{}

var _ sources.Importer = (*Importer)(nil)

// NewImporter returns an importer for the UN consolidated list XML.
func NewImporter() *Importer { return &Importer{} }

// Import reads each input in turn and returns the list's generation date
// (YYYY-MM-DD, the latest of the inputs'). Malformed XML, text that is not
// UTF-8 (sources.ErrNotUTF8; the UN publishes the list in UTF-8), a file
// that is not a consolidated list, a record without a reference number and
// a reference number seen twice are errors (*sources.ParseError); anything
// else odd is a warning.
func (im *Importer) Import(ctx context.Context, in []sources.Input, sink sources.Sink) (string, error) {
	if len(in) == 0 {
		return "", errors.New("un: no input file given")
	}
	// The set of reference numbers seen is the one thing that grows with
	// the input: a few bytes per record, to refuse duplicates.
	seen := make(map[string]bool)
	var version string
	for _, f := range in {
		v, err := importFile(ctx, f, sink, seen)
		if err != nil {
			return "", err
		}
		version = max(version, v)
	}
	return version, nil
}

func importFile(ctx context.Context, f sources.Input, sink sources.Sink, seen map[string]bool) (string, error) {
	src := &sources.Reader{R: f.R}
	br := bufio.NewReader(src)
	// A file that does not start with '<' is no XML; say so at once rather
	// than report whatever the XML decoder trips on first.
	if head, _ := br.Peek(512); len(head) > 0 {
		head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
		if len(head) > 0 && head[0] != '<' {
			return "", &sources.ParseError{File: f.Name, Line: 1, Err: errors.New("not XML (the file does not start with '<'): not a UN consolidated list")}
		}
		if m := declaredEncoding.FindSubmatch(head); m != nil && !isUTF8Label(string(m[1])) {
			return "", &sources.ParseError{File: f.Name, Line: 1, Err: fmt.Errorf("%w: the file declares encoding %q; the UN publishes the list in UTF-8, so download it again or convert it to UTF-8", sources.ErrNotUTF8, m[1])}
		}
	}
	dec := xml.NewDecoder(br)
	// ASCII is UTF-8; any other declared encoding was refused above.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		version string
		sawRoot bool
		depth   int
	)
	warn := func(line int, rec, format string, args ...any) {
		if sink.Warn != nil {
			sink.Warn(sources.Warning{File: f.Name, Line: line, Record: rec, Message: fmt.Sprintf(format, args...)})
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", readError(f.Name, dec, src, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			line, _ := dec.InputPos()
			name := t.Name.Local
			switch {
			case depth == 1:
				if name != "CONSOLIDATED_LIST" {
					return "", &sources.ParseError{File: f.Name, Line: line, Err: fmt.Errorf("root element is <%s>, not <CONSOLIDATED_LIST>: not a UN consolidated list", name)}
				}
				sawRoot = true
				for _, a := range t.Attr {
					if a.Name.Local == "dateGenerated" {
						version = dateOnly(a.Value)
					}
				}
				if version == "" {
					warn(line, "", "the list carries no dateGenerated date; the version is left empty")
				}
			case depth == 2 && (name == "INDIVIDUALS" || name == "ENTITIES"):
			case depth == 3 && (name == "INDIVIDUAL" || name == "ENTITY"):
				if err := ctx.Err(); err != nil {
					return "", err
				}
				var rec xmlRecord
				if err := dec.DecodeElement(&rec, &t); err != nil {
					return "", readError(f.Name, dec, src, err)
				}
				depth--
				kind := athar.KindPerson
				if name == "ENTITY" {
					kind = athar.KindOrganization
				}
				ref := clean(rec.Reference)
				if ref == "" {
					return "", &sources.ParseError{File: f.Name, Line: line, Err: fmt.Errorf("<%s> without a REFERENCE_NUMBER", name)}
				}
				if seen[ref] {
					return "", &sources.ParseError{File: f.Name, Line: line, Err: fmt.Errorf("reference number %s appears twice", ref)}
				}
				seen[ref] = true
				b := builder{warn: func(format string, args ...any) { warn(line, ref, format, args...) }}
				p := b.person(&rec, kind, version)
				if err := sink.Put(ctx, p); err != nil {
					return "", err
				}
			default:
				warn(line, "", "unknown element <%s> skipped", name)
				if err := dec.Skip(); err != nil {
					return "", readError(f.Name, dec, src, err)
				}
				depth--
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				line, _ := dec.InputPos()
				return "", &sources.ParseError{File: f.Name, Line: line, Err: errors.New("text outside the root element: not a UN consolidated list XML file")}
			}
		}
	}
	if !sawRoot {
		return "", &sources.ParseError{File: f.Name, Err: errors.New("no <CONSOLIDATED_LIST> element: not a UN consolidated list XML file")}
	}
	return version, nil
}

// readError turns a decoder error into a ParseError naming the line, or
// passes a reader error (I/O, cancellation) through.
func readError(file string, dec *xml.Decoder, src *sources.Reader, err error) error {
	if src.Failed(err) {
		return fmt.Errorf("reading %s: %w", file, err)
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		switch se.Msg {
		case "unexpected EOF":
			return &sources.ParseError{File: file, Line: se.Line, Err: errors.New("unexpected end of file: the XML is truncated")}
		case "invalid UTF-8":
			return &sources.ParseError{File: file, Line: se.Line, Err: fmt.Errorf("%w; the UN publishes the list in UTF-8, so this copy was saved in another encoding: download it again or convert it to UTF-8", sources.ErrNotUTF8)}
		}
		return &sources.ParseError{File: file, Line: se.Line, Err: errors.New(se.Msg)}
	}
	line, _ := dec.InputPos()
	return &sources.ParseError{File: file, Line: line, Err: err}
}

// declaredEncoding finds the encoding an XML declaration names.
var declaredEncoding = regexp.MustCompile(`^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']`)

// isUTF8Label reports whether an XML declaration's encoding is UTF-8 or
// its subset ASCII.
func isUTF8Label(label string) bool {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return true
	}
	return false
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// dateOnly returns the YYYY-MM-DD start of an XML date or date-time
// ("2026-02-27T00:00:09.554Z", "1960-01-01-05:00"), or "".
func dateOnly(s string) string {
	s = strings.TrimSpace(s)
	if isoDate.MatchString(s) {
		return s[:10]
	}
	return ""
}
