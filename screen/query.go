// Package screen finds who on the lists a person may be: an in-memory
// candidate index built from the registry, a record-linkage score that
// behaves like a probability, and an explanation an officer can check.
package screen

import (
	"strings"
	"unicode/utf8"

	"github.com/athar-org/athar"
)

// Query is a person as a camp registration or a border crossing records
// them. Its JSON form is one line of a batch file.
type Query struct {
	ID          string          `json:"id,omitempty"`
	Name        string          `json:"name,omitempty"`
	Names       []string        `json:"names,omitempty"`
	BirthDate   string          `json:"birth_date,omitempty"`
	Nationality string          `json:"nationality,omitempty"` // ISO 3166-1 alpha-2; several separated by ";"
	Gender      string          `json:"gender,omitempty"`      // m or f
	MotherName  string          `json:"mother_name,omitempty"`
	BirthPlace  string          `json:"birth_place,omitempty"`
	Documents   []QueryDocument `json:"documents,omitempty"`
}

// QueryDocument is an identity document the person carries.
type QueryDocument struct {
	Type   string `json:"type,omitempty"`
	Number string `json:"number"`
}

// Limits on a query, so that one bad line cannot make the screener work
// without end.
const (
	maxNameBytes  = 1000
	maxNames      = 20
	maxDocuments  = 20
	maxFieldBytes = 1000
)

// AllNames returns Name and Names, without empty ones.
func (q *Query) AllNames() []string {
	out := make([]string, 0, 1+len(q.Names))
	if s := strings.TrimSpace(q.Name); s != "" {
		out = append(out, s)
	}
	for _, s := range q.Names {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// parsed is a validated query in the form the scorer uses.
type parsed struct {
	names         []string
	birth         athar.PartialDate
	nationalities []string
	gender        athar.Gender
	mother        string
	birthPlace    string
	documents     []string // normalised numbers
}

// parse validates q. Its errors are *athar.Error with code EINVALID and a
// message for the person who wrote the query.
func (q *Query) parse() (*parsed, error) {
	p := &parsed{names: q.AllNames()}
	if len(p.names) == 0 {
		return nil, athar.Errorf(athar.EINVALID, "no name: give \"name\" or \"names\"")
	}
	if len(p.names) > maxNames {
		return nil, athar.Errorf(athar.EINVALID, "too many names (%d, at most %d)", len(p.names), maxNames)
	}
	for _, n := range p.names {
		if err := checkText("name", n, maxNameBytes); err != nil {
			return nil, err
		}
	}
	for _, f := range []struct{ field, v string }{
		{"id", q.ID}, {"birth_date", q.BirthDate}, {"nationality", q.Nationality},
		{"gender", q.Gender}, {"mother_name", q.MotherName}, {"birth_place", q.BirthPlace},
	} {
		if err := checkText(f.field, f.v, maxFieldBytes); err != nil {
			return nil, err
		}
	}
	if s := strings.TrimSpace(q.BirthDate); s != "" {
		d, err := athar.ParsePartialDate(s)
		if err != nil {
			return nil, athar.Errorf(athar.EINVALID, "birth_date: %v", err)
		}
		p.birth = d
	}
	for _, c := range strings.Split(q.Nationality, ";") {
		c = strings.ToUpper(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		if len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
			return nil, athar.Errorf(athar.EINVALID, "nationality %q: want an ISO 3166-1 alpha-2 code such as IQ or SY", c)
		}
		p.nationalities = append(p.nationalities, c)
	}
	switch g := strings.ToLower(strings.TrimSpace(q.Gender)); g {
	case "":
	case "m", "male", "ذكر":
		p.gender = athar.GenderMale
	case "f", "female", "أنثى", "انثى":
		p.gender = athar.GenderFemale
	default:
		return nil, athar.Errorf(athar.EINVALID, "gender %q: want m or f", q.Gender)
	}
	p.mother = strings.TrimSpace(q.MotherName)
	p.birthPlace = strings.TrimSpace(q.BirthPlace)
	if len(q.Documents) > maxDocuments {
		return nil, athar.Errorf(athar.EINVALID, "too many documents (%d, at most %d)", len(q.Documents), maxDocuments)
	}
	for _, d := range q.Documents {
		if err := checkText("document number", d.Number, maxFieldBytes); err != nil {
			return nil, err
		}
		if n := NormalizeDocument(d.Number); n != "" {
			p.documents = append(p.documents, n)
		}
	}
	return p, nil
}

func checkText(field, s string, max int) error {
	if !utf8.ValidString(s) {
		return athar.Errorf(athar.EINVALID, "%s is not valid UTF-8", field)
	}
	if len(s) > max {
		return athar.Errorf(athar.EINVALID, "%s is too long (%d bytes, at most %d)", field, len(s), max)
	}
	return nil
}

// NormalizeDocument reduces a document number to upper-case letters and
// digits, so that "A 123-456" and "a123456" compare equal.
func NormalizeDocument(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= '٠' && r <= '٩':
			b.WriteRune('0' + (r - '٠'))
		case r >= '۰' && r <= '۹':
			b.WriteRune('0' + (r - '۰'))
		}
	}
	return b.String()
}

// ocrFold maps the characters that OCR and tired eyes confuse onto one, so
// that 0134852 and O134852 share a key.
func ocrFold(norm string) string {
	b := []byte(norm)
	for i, c := range b {
		switch c {
		case 'O', 'Q', 'D':
			b[i] = '0'
		case 'I', 'L', 'T':
			b[i] = '1'
		case 'Z':
			b[i] = '2'
		case 'S':
			b[i] = '5'
		case 'B':
			b[i] = '8'
		case 'G':
			b[i] = '6'
		}
	}
	return string(b)
}
