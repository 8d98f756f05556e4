package agency

import (
	"context"
	"strings"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/internal/country"
	"github.com/athar-org/athar/sources"
)

// Column (and JSON key) names of the agency format.
const (
	colID          = "id"
	colKind        = "kind"
	colName        = "name"
	colNames       = "names"
	colNameAr      = "name_ar"
	colNameLatin   = "name_latin"
	colGiven       = "given_name"
	colFather      = "father_name"
	colGrandfather = "grandfather_name"
	colFamily      = "family_name"
	colKunya       = "kunya"
	colMother      = "mother_name"
	colGender      = "gender"
	colBirthDate   = "birth_date"
	colBirthPlace  = "birth_place"
	colNationality = "nationality"
	colDocType     = "document_type"
	colDocNumber   = "document_number"
	colDocCountry  = "document_country"
	colDocuments   = "documents"
	colStatus      = "status"
	colList        = "list"
	colListRef     = "list_reference"
	colRemarks     = "remarks"
)

// fields is one record as read from either format, before interpretation.
type fields struct {
	id, kind, name             string
	names                      []string
	nameAr, nameLatin          string
	given, father, grandfather string
	family, kunya, mother      string
	gender, birthDate          string
	birthPlace                 string
	nationality                []string
	docs                       []docFields // the JSON documents array
	colDoc                     docFields   // document_type, _number, _country
	status, list, listRef      string
	remarks                    string
	extra                      []athar.ExtraField
}

type docFields struct {
	typ, number, country string
	forged               bool
}

func (f *fields) reset() {
	extra := f.extra[:0]
	names := f.names[:0]
	nat := f.nationality[:0]
	docs := f.docs[:0]
	*f = fields{extra: extra, names: names, nationality: nat, docs: docs}
}

// put builds the record and hands it to the sink. line is where the record
// starts, for messages.
func (st *state) put(ctx context.Context, f *fields, line int) error {
	p, err := st.build(f, line)
	if err != nil {
		return err
	}
	return st.sink.Put(ctx, p)
}

func (st *state) build(f *fields, line int) (*athar.Person, error) {
	id := strings.TrimSpace(f.id)
	if id == "" {
		return nil, st.parseErr(line, "record without an id")
	}
	if _, dup := st.ids[id]; dup {
		return nil, st.parseErr(line, "id %q appears twice", id)
	}
	// A copy: id may be a slice of the whole CSV line, which the map would
	// otherwise keep alive.
	st.ids[strings.Clone(id)] = struct{}{}
	warn := func(format string, args ...any) { st.warn(line, id, format, args...) }

	p := &athar.Person{
		ID:         id,
		Kind:       athar.KindPerson,
		Status:     athar.StatusUnknown,
		Provenance: athar.Provenance{SourceID: id},
	}
	switch k := strings.ToLower(strings.TrimSpace(f.kind)); k {
	case "", "person", "individual":
	case "organization", "organisation", "entity":
		p.Kind = athar.KindOrganization
	default:
		warn("unknown kind %q; read as person", f.kind)
		p.Extra = append(p.Extra, athar.ExtraField{Key: colKind, Value: f.kind})
	}

	// Names. The parts describe the person whichever name is primary.
	parts := athar.NameParts{
		Given: clean(f.given), Father: clean(f.father), Grandfather: clean(f.grandfather),
		Family: clean(f.family), Kunya: clean(f.kunya),
	}
	hasParts := parts.Given != "" || parts.Father != "" || parts.Grandfather != "" || parts.Family != ""
	primary := clean(f.name)
	source := colName
	if primary == "" && hasParts {
		primary = joinNonEmpty(parts.Given, parts.Father, parts.Grandfather, parts.Family)
		source = "given_name..family_name"
	}
	nameAr, nameLatin := clean(f.nameAr), clean(f.nameLatin)
	if primary == "" {
		switch {
		case nameAr != "":
			primary, source, nameAr = nameAr, colNameAr, ""
		case nameLatin != "":
			primary, source, nameLatin = nameLatin, colNameLatin, ""
		}
	}
	p.Names = make([]athar.Name, 0, 4+len(f.names))
	var partsName *athar.Name // a name built from parts in another script than the primary
	if primary != "" {
		n := athar.Name{Full: primary, Script: sources.DetectScript(primary), Kind: athar.NamePrimary, Source: source}
		if hasParts || parts.Kunya != "" {
			pp := parts
			n.Parts = &pp
		}
		// A Latin name with Arabic parts (or the other way round): the
		// parts make a name of their own, and belong to it. The first
		// part's script is a cheap first test.
		first := parts.Given
		for _, x := range []string{parts.Father, parts.Grandfather, parts.Family} {
			if first == "" {
				first = x
			}
		}
		if hasParts && source == colName && sources.DetectScript(first) != n.Script {
			built := joinNonEmpty(parts.Given, parts.Father, parts.Grandfather, parts.Family)
			if bs := sources.DetectScript(built); bs != n.Script && bs != athar.ScriptOther {
				kind := athar.NameAlias
				if bs == athar.ScriptArabic {
					kind = athar.NameOriginal
				}
				partsName = &athar.Name{Full: built, Kind: kind, Source: "given_name..family_name", Parts: n.Parts}
				n.Parts = nil
			}
		}
		p.Names = append(p.Names, n)
	}
	if partsName != nil {
		addName(p, *partsName)
	}
	if nameAr != "" {
		addName(p, athar.Name{Full: nameAr, Kind: athar.NameOriginal, Source: colNameAr})
		if s := sources.DetectScript(nameAr); s != athar.ScriptArabic {
			warn("name_ar %q is not in Arabic script", nameAr)
		}
	}
	if nameLatin != "" {
		addName(p, athar.Name{Full: nameLatin, Kind: athar.NameAlias, Source: colNameLatin})
		if s := sources.DetectScript(nameLatin); s != athar.ScriptLatin {
			warn("name_latin %q is not in Latin script", nameLatin)
		}
	}
	for _, n := range f.names {
		addName(p, athar.Name{Full: clean(n), Kind: athar.NameAlias, Source: colNames})
	}
	if parts.Kunya != "" {
		addName(p, athar.Name{Full: parts.Kunya, Kind: athar.NameWeak, Source: colKunya})
	}
	if len(p.Names) == 0 {
		return nil, st.parseErr(line, "record %q has no name (name, names, name_ar, name_latin, the name parts and kunya are all empty)", id)
	}

	p.MotherName = clean(f.mother)
	switch g := strings.ToLower(strings.TrimSpace(f.gender)); g {
	case "":
	case "m", "male", "ذكر", "man":
		p.Gender = athar.GenderMale
	case "f", "female", "أنثى", "انثى", "woman":
		p.Gender = athar.GenderFemale
	default:
		warn("unknown gender %q; left empty", f.gender)
		p.Extra = append(p.Extra, athar.ExtraField{Key: colGender, Value: f.gender})
	}

	if bd := strings.TrimSpace(f.birthDate); bd != "" {
		d, err := athar.ParsePartialDate(bd)
		if err != nil {
			warn("birth_date: %v; kept in extra", err)
			p.Extra = append(p.Extra, athar.ExtraField{Key: colBirthDate, Value: bd})
		} else {
			p.BirthDates = []athar.BirthDate{{Qualifier: athar.DateExact, Date: d}}
		}
	}
	if bp := clean(f.birthPlace); bp != "" {
		pl := athar.Place{Text: bp}
		// "Mosul, Iraq" or "الموصل، العراق": a country as the last part.
		last := bp
		if i := strings.LastIndexAny(bp, ",،"); i >= 0 {
			last = bp[i:]
			last = strings.TrimLeft(last, ",، ")
		}
		if c, ok := st.lookupCountry(last); ok {
			pl.Country = c
		}
		p.BirthPlaces = []athar.Place{pl}
	}
	for _, n := range f.nationality {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		r := st.lookupCountries(n)
		for _, c := range r.codes {
			p.Nationalities = appendUnique(p.Nationalities, c)
		}
		if len(r.unknown) > 0 {
			warn("nationality %q has no ISO 3166 code; kept in extra", n)
			p.Extra = append(p.Extra, athar.ExtraField{Key: colNationality, Value: n})
		}
	}
	docs := f.docs
	if f.colDoc != (docFields{}) {
		docs = append(docs, f.colDoc)
	}
	for _, d := range docs {
		typ, num, ctry := clean(d.typ), clean(d.number), clean(d.country)
		if typ == "" && num == "" && ctry == "" {
			continue
		}
		if num == "" {
			warn("document %q without a number; kept in extra", typ)
			p.Extra = append(p.Extra, athar.ExtraField{Key: "document", Value: joinNonEmpty(typ, ctry)})
			continue
		}
		doc := athar.Document{Type: docType(typ), Number: num, Forged: d.forged}
		if ctry != "" {
			if c, ok := st.lookupCountry(ctry); ok {
				doc.Country = c
			} else {
				warn("document country %q has no ISO 3166 code; kept in the note", ctry)
				doc.Note = "issued by " + ctry
			}
		}
		p.Documents = append(p.Documents, doc)
	}
	switch s := strings.ToLower(strings.TrimSpace(f.status)); s {
	case "", "unknown", "غير معروف":
	case "wanted", "مطلوب":
		p.Status = athar.StatusWanted
	case "detained", "محتجز", "موقوف", "معتقل":
		p.Status = athar.StatusDetained
	case "deceased", "dead", "متوفى", "متوفي", "قتيل":
		p.Status = athar.StatusDeceased
	default:
		warn("unknown status %q; read as unknown", f.status)
		p.Extra = append(p.Extra, athar.ExtraField{Key: colStatus, Value: f.status})
	}
	if l, r := clean(f.list), clean(f.listRef); l != "" || r != "" {
		p.Lists = []athar.ListEntry{{List: l, Reference: r}}
	}
	p.Remarks = strings.TrimSpace(f.remarks)
	p.Extra = append(p.Extra, f.extra...)
	return p, nil
}

// addName adds a name unless the record has it already, and sets its script.
func addName(p *athar.Person, n athar.Name) {
	if n.Full == "" {
		return
	}
	for _, x := range p.Names {
		if x.Full == n.Full {
			return
		}
	}
	n.Script = sources.DetectScript(n.Full)
	p.Names = append(p.Names, n)
}

// countryResult is a cached country lookup.
type countryResult struct {
	codes   []string
	unknown []string
}

func (st *state) lookupCountries(s string) countryResult {
	if r, ok := st.countries[s]; ok {
		return r
	}
	codes, unknown := country.LookupAll(s)
	r := countryResult{codes: codes, unknown: unknown}
	if len(st.countries) < maxCountryCache {
		st.countries[s] = r
	}
	return r
}

func (st *state) lookupCountry(s string) (string, bool) {
	r := st.lookupCountries(s)
	if len(r.codes) == 1 && len(r.unknown) == 0 {
		return r.codes[0], true
	}
	return "", false
}

// docType maps common document words to the stable types the rest of
// Athar uses; others are kept as written.
func docType(s string) string {
	switch strings.ToLower(s) {
	case "passport", "جواز", "جواز سفر":
		return "passport"
	case "national_id", "national id", "id card", "national identity card", "هوية", "بطاقة وطنية", "بطاقة هوية", "البطاقة الوطنية":
		return "national_id"
	case "":
		return "other"
	}
	return s
}

// clean trims and collapses runs of white space. It returns s itself when
// there is nothing to change, which is the common case.
func clean(s string) string {
	needs := false
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r'
		if sp && (prevSpace || c != ' ') {
			needs = true
			break
		}
		prevSpace = sp
	}
	if !needs && !prevSpace {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func joinNonEmpty(parts ...string) string {
	var b strings.Builder
	for _, s := range parts {
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	return b.String()
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
