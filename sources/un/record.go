package un

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/internal/country"
	"github.com/athar-org/athar/sources"
)

// listNames maps UN_LIST_TYPE to the list's name as screening officers
// know it. Other list types are named "UN <type>".
var listNames = map[string]string{
	"Al-Qaida": "UN ISIL (Da'esh) & Al-Qaida",
	"Taliban":  "UN 1988 (Taliban)",
	"DPRK":     "UN 1718 (DPRK)",
	"Iraq":     "UN 1518 (Iraq)",
	"Libya":    "UN 1970 (Libya)",
}

// builder turns one decoded record into a Person, reporting oddities.
type builder struct {
	warn func(format string, args ...any)
	p    *athar.Person
	seen map[string]bool // names already added
}

func (b *builder) person(rec *xmlRecord, kind athar.Kind, version string) *athar.Person {
	ref := clean(rec.Reference)
	b.p = &athar.Person{
		ID:         ref,
		Kind:       kind,
		Status:     athar.StatusUnknown,
		Provenance: athar.Provenance{Version: version, SourceID: ref},
	}
	b.seen = make(map[string]bool)
	p := b.p

	b.primaryName(rec, kind)
	// The original-script field may carry a remark too: "ኤርሚኣስ ግርማይ (Tigrinya)".
	for _, n := range splitNames(rec.OriginalScript, kind == athar.KindOrganization) {
		b.addName(athar.Name{Full: n.Full, Kind: athar.NameOriginal, Source: "NAME_ORIGINAL_SCRIPT", Note: n.Note})
	}

	switch strings.ToLower(clean(rec.Gender)) {
	case "male":
		p.Gender = athar.GenderMale
	case "female":
		p.Gender = athar.GenderFemale
	case "", "unknown":
	default:
		b.warn("unknown gender %q", rec.Gender)
	}

	for _, d := range rec.BirthDates {
		b.birthDate(d)
	}
	for _, pl := range rec.BirthPlaces {
		if place, ok := b.place(pl, "place of birth"); ok {
			p.BirthPlaces = appendPlace(p.BirthPlaces, place)
		}
	}
	// After the record's own dates and places: aliases may add theirs.
	aliases := rec.Aliases
	if kind == athar.KindOrganization {
		aliases = rec.EntityAliases
	}
	for _, a := range aliases {
		b.alias(a, kind)
	}
	for _, n := range rec.Nationalities {
		b.nationality(n)
	}
	for _, t := range rec.Titles {
		if t = clean(t); t != "" && !strings.EqualFold(t, "na") {
			p.Titles = append(p.Titles, t)
		}
	}
	for _, d := range rec.Designations {
		if d = clean(d); d != "" && !strings.EqualFold(d, "na") {
			p.Designations = append(p.Designations, d)
		}
	}
	for _, d := range rec.Documents {
		b.document(d)
	}
	addrs := rec.Addresses
	if kind == athar.KindOrganization {
		addrs = rec.EntityAddrs
	}
	for _, a := range addrs {
		if place, ok := b.place(a, "address"); ok {
			p.Addresses = appendPlace(p.Addresses, place)
		}
	}

	listType := clean(rec.ListType)
	list := listNames[listType]
	if list == "" && listType != "" {
		list = "UN " + listType
	}
	if list != "" || ref != "" {
		if list == "" {
			list = "UN"
		}
		p.Lists = append(p.Lists, athar.ListEntry{
			List: list, Reference: ref, ListedOn: dateOnly(rec.ListedOn), Program: listType,
		})
	}

	p.Remarks = clean(rec.Comments)
	if kind == athar.KindPerson && deceased(p.Remarks) {
		p.Status = athar.StatusDeceased
	}
	// The cheap Contains checks spare the regexps most comments.
	if strings.Contains(p.Remarks, "other") || strings.Contains(p.Remarks, "OTHER") {
		if m := motherName.FindStringSubmatch(p.Remarks); m != nil {
			p.MotherName = strings.TrimSpace(m[1])
		}
	}
	if strings.Contains(p.Remarks, "INTERPOL") {
		if m := interpolLink.FindStringSubmatch(p.Remarks); m != nil {
			p.Extra = append(p.Extra, athar.ExtraField{Key: "interpol_notice", Value: m[1]})
		}
	}
	for i := len(rec.LastUpdated) - 1; i >= 0; i-- {
		if d := dateOnly(rec.LastUpdated[i]); d != "" {
			p.Extra = append(p.Extra, athar.ExtraField{Key: "last_updated", Value: d})
			break
		}
	}
	for _, s := range rec.SubmittedBy {
		if s = clean(s); s != "" {
			p.Extra = append(p.Extra, athar.ExtraField{Key: "submitted_by", Value: s})
		}
	}
	for _, s := range rec.SubmittedOn {
		if s = clean(s); s != "" {
			p.Extra = append(p.Extra, athar.ExtraField{Key: "submitted_on", Value: s})
		}
	}
	b.unknown(rec.Other, "")
	if len(p.Names) == 0 {
		b.warn("record has no name")
	}
	return p
}

func (b *builder) primaryName(rec *xmlRecord, kind athar.Kind) {
	var fields []string
	for _, f := range []string{rec.First, rec.Second, rec.Third, rec.Fourth} {
		if f = clean(f); f != "" {
			fields = append(fields, f)
		}
	}
	if len(fields) == 0 {
		return
	}
	n := athar.Name{Full: strings.Join(fields, " "), Kind: athar.NamePrimary, Source: "FIRST_NAME..FOURTH_NAME"}
	if kind == athar.KindPerson {
		// The list's name fields are positional, not semantic; for the
		// Arab names that matter most here they run given name, father,
		// grandfather, family. The raw fields are kept in Extra.
		parts := &athar.NameParts{Given: fields[0]}
		switch len(fields) {
		case 2:
			parts.Family = fields[1]
		case 3:
			parts.Father, parts.Family = fields[1], fields[2]
		case 4:
			parts.Father, parts.Grandfather, parts.Family = fields[1], fields[2], fields[3]
		}
		n.Parts = parts
		if len(fields) > 1 {
			b.p.Extra = append(b.p.Extra, athar.ExtraField{Key: "name_fields", Value: strings.Join(fields, " | ")})
		}
	}
	b.addName(n)
	if kind == athar.KindOrganization {
		// "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES
		// BUSINESS COMPANY (GLBC)": the primary stays as written; the
		// names inside it, and their acronyms, become aliases.
		for _, x := range splitNames(n.Full, true) {
			b.addName(athar.Name{Full: x.Full, Kind: athar.NameAlias, Source: "FIRST_NAME", Note: x.Note})
		}
	}
}

// qualityKinds maps the list's alias QUALITY to a name kind: individuals'
// aliases are Good or Low, entities' a.k.a. or f.k.a.
var qualityKinds = map[string]athar.NameKind{
	"good":   athar.NameAlias,
	"low":    athar.NameWeak,
	"a.k.a.": athar.NameAlias,
	"f.k.a.": athar.NameFormer,
}

func (b *builder) alias(a xmlAlias, kind athar.Kind) {
	b.unknown(a.Other, "INDIVIDUAL_ALIAS/")
	text := clean(a.Name)
	if text == "" {
		return
	}
	quality := clean(a.Quality)
	nk, ok := qualityKinds[strings.ToLower(quality)]
	if !ok {
		nk = athar.NameAlias
		b.warn("alias %q has unknown quality %q; kept as an alias", text, quality)
	}
	note := clean(a.Note)
	for _, n := range splitNames(text, kind == athar.KindOrganization) {
		b.addName(athar.Name{Full: n.Full, Kind: nk, Quality: quality, Source: "alias", Note: joinNote(n.Note, note)})
	}
	for _, n := range namesInNote(note) {
		b.addName(athar.Name{Full: n, Kind: nk, Quality: quality, Source: "alias note", Note: "in the note of alias " + text})
	}
	// Some aliases carry their own date and place of birth: the identity
	// the alias was used with.
	with := "given with alias " + text
	if d := clean(a.DateOfBirth); d != "" {
		if pd, err := athar.ParsePartialDate(dateOnlyOr(d)); err == nil {
			b.addBirthDate(athar.BirthDate{Qualifier: athar.DateExact, Date: pd, Note: with})
		} else {
			b.warn("alias date of birth %q: %v", d, err)
		}
	}
	if a.CityOfBirth != "" || a.CountryOfBirth != "" {
		if pl, ok := b.place(xmlPlace{City: a.CityOfBirth, Country: a.CountryOfBirth}, "alias place of birth"); ok {
			b.p.BirthPlaces = appendPlace(b.p.BirthPlaces, pl)
		}
	}
}

// addName adds a name unless the record already has it. A person's name in
// the list's "Surname, Given" form ("Al-Haq, Amin", "BAYNAH, Yasin") also
// gets its natural order, as an alias of the same kind.
func (b *builder) addName(n athar.Name) {
	n.Full = unquote(clean(n.Full))
	if n.Full == "" || b.seen[n.Full] {
		return
	}
	b.seen[n.Full] = true
	n.Script = sources.DetectScript(n.Full)
	b.p.Names = append(b.p.Names, n)
	if b.p.Kind != athar.KindPerson || n.Script != athar.ScriptLatin {
		return
	}
	if full, ok := sources.NaturalOrder(n.Full); ok {
		kind := n.Kind
		if kind == athar.NamePrimary {
			kind = athar.NameAlias
		}
		b.addName(athar.Name{Full: full, Kind: kind, Quality: n.Quality, Source: n.Source + " (natural order)", Note: n.Note})
	}
}

var (
	hijriDate = regexp.MustCompile(`(?i)(\d{1,2})/(\d{1,2})/(1[34]\d\d)\s*\(hijri`)
	anyYear   = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`)
)

func (b *builder) birthDate(d xmlDOB) {
	b.unknown(d.Other, "INDIVIDUAL_DATE_OF_BIRTH/")
	typ := strings.ToUpper(clean(d.Type))
	note := clean(d.Note)
	date, year, from, to := clean(d.Date), clean(d.Year), clean(d.FromYear), clean(d.ToYear)
	if date == "" && year == "" && from == "" && to == "" && note == "" {
		return // the list's empty placeholder
	}
	q := athar.DateExact
	switch typ {
	case "EXACT", "":
	case "APPROXIMATELY":
		q = athar.DateApproximate
	case "BETWEEN":
		q = athar.DateBetween
	default:
		b.warn("unknown TYPE_OF_DATE %q; read as approximate", d.Type)
		q = athar.DateApproximate
	}
	bd := athar.BirthDate{Qualifier: q, Note: note}
	if q == athar.DateBetween || (from != "" && to != "") {
		f, err1 := athar.ParsePartialDate(from)
		t, err2 := athar.ParsePartialDate(to)
		if err1 != nil || err2 != nil || f.Year > t.Year {
			b.warn("birth date range %q to %q cannot be read; kept in extra", from, to)
			b.p.Extra = append(b.p.Extra, athar.ExtraField{Key: "date_of_birth", Value: strings.TrimSpace(from + " - " + to + " " + note)})
			return
		}
		bd.Qualifier, bd.From, bd.To = athar.DateBetween, f, t
		b.addBirthDate(bd)
		return
	}
	var err error
	switch {
	case date != "":
		bd.Date, err = athar.ParsePartialDate(dateOnlyOr(date))
	case year != "":
		bd.Date, err = athar.ParsePartialDate(year)
		// "Sep." in the note with YEAR 1958 means September 1958.
		if err == nil && note != "" {
			if md, err2 := athar.ParsePartialDate(note + " " + year); err2 == nil {
				bd.Date = md
			}
		}
	default:
		// Only a note: "Nov. 1973", "24/06/1402 (Hijri Calendar)",
		// "Between Aug. and Sep. 1977", "30-35 years old".
		if pd, err2 := athar.ParsePartialDate(note); err2 == nil {
			bd.Date = pd
		} else if m := hijriDate.FindStringSubmatch(note); m != nil {
			hy, _ := strconv.Atoi(m[3])
			hm, _ := strconv.Atoi(m[2])
			bd.Qualifier = athar.DateApproximate
			bd.Date = athar.PartialDate{Year: hijriToGregorianYear(hy, hm)}
		} else if m := anyYear.FindString(note); m != "" {
			bd.Qualifier = athar.DateApproximate
			bd.Date, _ = athar.ParsePartialDate(m)
		} else {
			b.p.Extra = append(b.p.Extra, athar.ExtraField{Key: "date_of_birth", Value: note})
			return
		}
	}
	if err != nil {
		b.warn("date of birth: %v; kept in extra", err)
		b.p.Extra = append(b.p.Extra, athar.ExtraField{Key: "date_of_birth", Value: strings.TrimSpace(date + year + " " + note)})
		return
	}
	b.addBirthDate(bd)
}

// hijriToGregorianYear converts a Hijri year and month to the Gregorian year
// it falls in, to within a year: a Hijri year is 354 or 355 days.
func hijriToGregorianYear(year, month int) int {
	if month < 1 || month > 12 {
		month = 6
	}
	h := float64(year) + float64(month-1)/12
	return int(h*0.970229 + 621.5643)
}

func (b *builder) addBirthDate(bd athar.BirthDate) {
	for _, x := range b.p.BirthDates {
		if x.Qualifier == bd.Qualifier && x.Date == bd.Date && x.From == bd.From && x.To == bd.To {
			return
		}
	}
	b.p.BirthDates = append(b.p.BirthDates, bd)
}

func (b *builder) nationality(v string) {
	v = clean(v)
	if v == "" || strings.EqualFold(v, "na") {
		return
	}
	codes, unknown := country.LookupAll(v)
	for _, c := range codes {
		b.p.Nationalities = appendUnique(b.p.Nationalities, c)
	}
	if len(unknown) > 0 {
		b.warn("nationality %q has no ISO 3166 code; kept in extra", v)
		b.p.Extra = append(b.p.Extra, athar.ExtraField{Key: "nationality", Value: v})
	}
}

// place reads an address or a place of birth. Country is mapped to an ISO
// code when it can be; Text keeps every part the list gives.
func (b *builder) place(x xmlPlace, what string) (athar.Place, bool) {
	b.unknown(x.Other, strings.ToUpper(strings.ReplaceAll(what, " ", "_"))+"/")
	street, city, state, zip, ctry, note := clean(x.Street), clean(x.City), clean(x.State), clean(x.Zip), clean(x.Country), clean(x.Note)
	if strings.EqualFold(ctry, "na") {
		ctry = ""
	}
	if street == "" && city == "" && state == "" && zip == "" && ctry == "" && note == "" {
		return athar.Place{}, false
	}
	pl := athar.Place{City: city, Region: state}
	if ctry != "" {
		if c, ok := country.Lookup(ctry); ok {
			pl.Country = c
		} else {
			b.warn("%s country %q has no ISO 3166 code; kept in the text", what, ctry)
		}
	}
	var parts []string
	for _, s := range []string{street, city, state, zip, ctry} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	pl.Text = strings.Join(parts, ", ")
	if note != "" {
		pl.Text = strings.TrimSpace(pl.Text + " (" + note + ")")
	}
	return pl, true
}

var (
	forgedWords    = regexp.MustCompile(`(?i)\b(falsified|forged|false|fraudulent|counterfeit|fake)\b`)
	documentName   = regexp.MustCompile(`(?i:issued under (?:the )?name(?: of)?|made out to|issued for|in the name of)\s+(\p{Lu}[^,;.()<]+)`)
	labelledNumber = regexp.MustCompile(`(?i)\b(?:number|no\.|code)\s*:?\s*([A-Z]{1,3} \d[\w/-]*|[A-Z0-9][\w/-]*\d[\w/-]*)`)
	leadingNumber  = regexp.MustCompile(`^([A-Z]{0,3}\d[\dA-Z/-]{3,})\b`)
)

// numberIn finds a document number in free text, or "".
func numberIn(s string) string {
	if m := labelledNumber.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	if m := leadingNumber.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// documentTypes maps the list's document types to short stable words;
// others are kept as the list writes them.
var documentTypes = map[string]string{
	"passport":                       "passport",
	"national identification number": "national_id",
	"national identity card":         "national_id",
	"identification number":          "national_id",
}

func (b *builder) document(d xmlDoc) {
	b.unknown(d.Other, "INDIVIDUAL_DOCUMENT/")
	typ, typ2, num := clean(d.Type), clean(d.Type2), clean(d.Number)
	if typ == "" && typ2 == "" && num == "" {
		return
	}
	if num == "" {
		// The number hides in the second type or the note: "Afghan
		// national identification card (tazkira) number 44323",
		// "05258253", "Tunisian passport number L 191609 issued on …",
		// "Italian Fiscal Code: DAOMMD74T11Z352Z".
		num = numberIn(typ2)
		if num == "" {
			num = numberIn(clean(d.Note))
		}
	}
	if strings.Count(num, " ") > 1 {
		// "Counterfeit Danish driving licence number 20645897": keep the
		// words in the note, the number as the number.
		if n := numberIn(num); n != "" {
			typ2 = strings.TrimSpace(typ2 + " " + num)
			num = n
		}
	}
	doc := athar.Document{Type: typ, Number: num}
	if t, ok := documentTypes[strings.ToLower(typ)]; ok {
		doc.Type = t
	}
	if doc.Type == "" {
		doc.Type = "other"
	}
	ctry := clean(d.IssuingCountry)
	if ctry == "" {
		ctry = clean(d.CountryOfIssue)
	}
	if ctry != "" {
		if c, ok := country.Lookup(ctry); ok {
			doc.Country = c
		} else {
			b.warn("document issuing country %q has no ISO 3166 code; kept in the note", ctry)
		}
	}
	var notes []string
	if typ2 != "" && !strings.EqualFold(typ2, typ) {
		notes = append(notes, typ2)
	}
	if doc.Country == "" && ctry != "" {
		notes = append(notes, "issued by "+ctry)
	}
	if c := clean(d.CityOfIssue); c != "" {
		notes = append(notes, "issued in "+c)
	}
	if di := clean(d.DateOfIssue); di != "" {
		notes = append(notes, "issued on "+dateOnlyOr(di))
	}
	if n := clean(d.Note); n != "" {
		notes = append(notes, n)
	}
	doc.Note = strings.Join(notes, "; ")
	// "issued under name Muhammad Jamal Abdu", "made out to Ali Barkani":
	// a name the person used on a document is an alias.
	for _, m := range documentName.FindAllStringSubmatch(doc.Note, -1) {
		b.addName(athar.Name{Full: strings.TrimSpace(m[1]), Kind: athar.NameAlias, Source: "document note", Note: "name on a " + strings.ToLower(typ)})
	}
	doc.Forged = forgedWords.MatchString(doc.Note) || forgedWords.MatchString(num)
	if doc.Number == "" {
		b.warn("document %q without a number; kept in extra", typ)
		b.p.Extra = append(b.p.Extra, athar.ExtraField{Key: "document", Value: strings.Trim(typ+"; "+doc.Note, "; ")})
		return
	}
	b.p.Documents = append(b.p.Documents, doc)
}

// unknown warns about elements the importer does not know and keeps their
// text in Extra.
func (b *builder) unknown(xs []xmlUnknown, prefix string) {
	for _, x := range xs {
		v := clean(x.Text)
		b.warn("unknown element <%s%s>; kept in extra", prefix, x.XMLName.Local)
		if v != "" {
			b.p.Extra = append(b.p.Extra, athar.ExtraField{Key: prefix + x.XMLName.Local, Value: v})
		}
	}
}

var (
	motherName   = regexp.MustCompile(`(?i)mother[’']?s name(?:\s+is|\s*:)?\s+([^.,;()]+)`)
	interpolLink = regexp.MustCompile(`(?i)INTERPOL-UN Security Council Special Notice web link:\s*(\S+)`)
	// deceasedPhrases are the clear ways the list says the person is dead.
	// "(deceased)" after another person's name and "sentenced to death"
	// must not match, so each phrase starts a sentence or names the
	// subject.
	deceasedPhrases = regexp.MustCompile(`(?i)(?:^|[.;]\s*)(?:as of [^,.]+,\s*)?(?:reportedly |confirmed |believed to be )?(?:killed|deceased|died)\b` +
		`|(?:reported|confirmed|believed) to have died` +
		`|believed status/location:\s*deceased` +
		`|\b(?:is|was) (?:reportedly |believed to have )?(?:killed|died|deceased)\b`)
)

// deceased reports whether the comments say clearly that the person is dead:
// "Killed in October 2019", "Reportedly deceased", "Confirmed to have died".
func deceased(comments string) bool {
	// Most comments hold none of the words: skip the regexp for them.
	if !strings.Contains(comments, "illed") && !strings.Contains(comments, "ILLED") &&
		!strings.Contains(comments, "ecease") && !strings.Contains(comments, "ECEASE") &&
		!strings.Contains(comments, "ied") && !strings.Contains(comments, "IED") {
		return false
	}
	return deceasedPhrases.MatchString(comments)
}

// unquote drops quotes around a whole name: "“Chief Kahwa”", "\"HASSAN,
// Sheikh\"". A leading ‘ alone is kept: it writes the Arabic ʿayn (‘Abd).
func unquote(s string) string {
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}} {
		if len(s) > len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			return strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}

func dateOnlyOr(s string) string {
	if d := dateOnly(s); d != "" {
		return d
	}
	return s
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func appendPlace(list []athar.Place, p athar.Place) []athar.Place {
	for _, x := range list {
		if x == p {
			return list
		}
	}
	return append(list, p)
}

func joinNote(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return fmt.Sprintf("%s; %s", a, b)
}
