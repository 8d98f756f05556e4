package ofac

import (
	"strings"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/internal/country"
)

// remarkDocTypes are the identity documents read out of the remarks, by the
// words that start the remark, longest first where one is a prefix of
// another.
var remarkDocTypes = []struct{ prefix, typ string }{
	{"Passport No.", "passport"},
	{"Passport", "passport"},
	{"National ID No.", "national_id"},
	{"Personal ID Card", "national_id"},
	{"Identification Number", "id_number"},
	{"Cedula No.", "cedula"},
	{"Tax ID No.", "tax_id"},
	{"Driver's License No.", "drivers_license"},
	{"SSN", "ssn"},
	{"Residency Number", "residency"},
	{"C.U.R.P. #", "curp"},
}

// applyRemarks reads the Remarks column's mini-language onto p:
//
//	DOB 1971; alt. DOB 12 Mar 1972; DOB circa 1961; DOB 1960 to 1962;
//	POB Samarra, Iraq; nationality Iraq; citizen Syria; Gender Male;
//	Passport 123 (Iraq); National ID No. 456 (Syria);
//	a.k.a. 'ABU DU'A'; f.k.a. 'X'; Linked To: SOMEONE.
//
// Remarks it has no use for are kept in Extra as "remark", so nothing is
// lost; warn reports what it could not read.
func applyRemarks(p *athar.Person, remarks string, addName func(athar.Name), warn func(string, ...any)) {
	for _, part := range splitRemarks(remarks) {
		alt := false
		if rest, ok := strings.CutPrefix(part, "alt. "); ok {
			part, alt = rest, true
		}
		switch {
		case strings.HasPrefix(part, "DOB "):
			bd, ok := parseDOB(strings.TrimPrefix(part, "DOB "))
			if !ok {
				warn("date of birth %q cannot be read; kept in extra", part)
				p.Extra = append(p.Extra, athar.ExtraField{Key: "remark", Value: part})
				continue
			}
			p.BirthDates = append(p.BirthDates, bd)
		case strings.HasPrefix(part, "POB "):
			text := strings.TrimSpace(strings.TrimPrefix(part, "POB "))
			pl := athar.Place{Text: text}
			last := text
			if i := strings.LastIndexByte(text, ','); i >= 0 {
				last = strings.TrimSpace(text[i+1:])
				if j := strings.IndexByte(text, ','); j > 0 {
					pl.City = strings.TrimSpace(text[:j])
				}
			}
			if c, ok := country.Lookup(last); ok {
				pl.Country = c
			}
			p.BirthPlaces = append(p.BirthPlaces, pl)
		case strings.HasPrefix(part, "nationality "), strings.HasPrefix(part, "citizen "):
			_, v, _ := strings.Cut(part, " ")
			codes, unknown := country.LookupAll(v)
			for _, c := range codes {
				p.Nationalities = appendUnique(p.Nationalities, c)
			}
			if len(unknown) > 0 {
				warn("%q has no ISO 3166 code; kept in extra", part)
				p.Extra = append(p.Extra, athar.ExtraField{Key: "remark", Value: part})
			}
		case part == "Gender Male":
			p.Gender = athar.GenderMale
		case part == "Gender Female":
			p.Gender = athar.GenderFemale
		case strings.HasPrefix(part, "a.k.a. "), strings.HasPrefix(part, "f.k.a. "), strings.HasPrefix(part, "n.k.a. "):
			kind := athar.NameAlias
			if strings.HasPrefix(part, "f.k.a.") {
				kind = athar.NameFormer
			}
			name := strings.TrimSpace(part[len("a.k.a. "):])
			name = strings.TrimSuffix(strings.TrimPrefix(name, "'"), "'")
			addName(athar.Name{Full: name, Kind: kind, Quality: part[:6], Source: "Remarks"})
		case strings.HasPrefix(part, "Linked To: "):
			p.Extra = append(p.Extra, athar.ExtraField{Key: "linked_to", Value: strings.TrimPrefix(part, "Linked To: ")})
		default:
			if doc, ok := parseDocument(part); ok {
				p.Documents = append(p.Documents, doc)
				continue
			}
			if alt {
				part = "alt. " + part
			}
			p.Extra = append(p.Extra, athar.ExtraField{Key: "remark", Value: part})
		}
	}
}

// splitRemarks splits the remarks on ';' outside quotes and brackets and
// drops the final full stop.
func splitRemarks(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, ".")
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ';':
			if depth == 0 {
				if p := strings.TrimSpace(s[start:i]); p != "" {
					parts = append(parts, p)
				}
				start = i + 1
			}
		}
	}
	if p := strings.TrimSpace(s[start:]); p != "" {
		parts = append(parts, p)
	}
	return parts
}

// parseDOB reads "1971", "12 Mar 1971", "Mar 1971", "circa 1961",
// "1960 to 1962" and "01 Jan 1960 to 31 Dec 1962".
func parseDOB(s string) (athar.BirthDate, bool) {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "circa "); ok {
		// "circa 1979-1982"
		if from, to, ok := strings.Cut(rest, "-"); ok && len(from) == 4 && len(to) == 4 {
			f, err1 := athar.ParsePartialDate(from)
			t, err2 := athar.ParsePartialDate(to)
			ok := err1 == nil && err2 == nil && f.Year <= t.Year
			return athar.BirthDate{Qualifier: athar.DateBetween, From: f, To: t, Note: "circa"}, ok
		}
		d, err := athar.ParsePartialDate(rest)
		return athar.BirthDate{Qualifier: athar.DateApproximate, Date: d}, err == nil
	}
	if from, to, ok := strings.Cut(s, " to "); ok {
		f, err1 := athar.ParsePartialDate(from)
		t, err2 := athar.ParsePartialDate(to)
		if err1 != nil || err2 != nil || f.Year > t.Year {
			return athar.BirthDate{}, false
		}
		return athar.BirthDate{Qualifier: athar.DateBetween, From: f, To: t}, true
	}
	d, err := athar.ParsePartialDate(s)
	return athar.BirthDate{Qualifier: athar.DateExact, Date: d}, err == nil
}

// parseDocument reads "Passport 1084010 (Egypt)", "National ID No. 216040
// (Yemen)" and the other identity documents of remarkDocTypes; the words
// after the bracket ("issued 2010") go to the note.
func parseDocument(s string) (athar.Document, bool) {
	for _, dt := range remarkDocTypes {
		rest, ok := strings.CutPrefix(s, dt.prefix+" ")
		if !ok {
			continue
		}
		doc := athar.Document{Type: dt.typ}
		num, tail := rest, ""
		if i := strings.IndexByte(rest, '('); i >= 0 {
			num = rest[:i]
			inner, after, _ := strings.Cut(rest[i+1:], ")")
			if c, ok := country.Lookup(inner); ok {
				doc.Country = c
			} else {
				tail = inner
			}
			tail = strings.TrimSpace(tail + " " + strings.TrimSpace(after))
		}
		doc.Number = strings.TrimSpace(num)
		doc.Note = tail
		if doc.Number == "" {
			return athar.Document{}, false
		}
		return doc, true
	}
	return athar.Document{}, false
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
