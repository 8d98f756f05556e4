package un

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/internal/shareddata"
	"github.com/athar-org/athar/sources"
)

// collect runs the importer over one input and returns what it produced.
func collect(t testing.TB, name string, data []byte) (map[string]*athar.Person, []sources.Warning, string, error) {
	t.Helper()
	got := make(map[string]*athar.Person)
	var warns []sources.Warning
	v, err := NewImporter().Import(context.Background(), []sources.Input{{Name: name, R: bytes.NewReader(data)}}, sources.Sink{
		Put: func(_ context.Context, p *athar.Person) error {
			if got[p.ID] != nil {
				t.Errorf("record %s put twice", p.ID)
			}
			got[p.ID] = p
			return nil
		},
		Warn: func(w sources.Warning) { warns = append(warns, w) },
	})
	return got, warns, v, err
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func names(p *athar.Person, kind athar.NameKind) []string {
	var out []string
	for _, n := range p.Names {
		if kind == "" || n.Kind == kind {
			out = append(out, n.Full)
		}
	}
	return out
}

func count(m map[string]*athar.Person, k athar.Kind) int {
	n := 0
	for _, p := range m {
		if p.Kind == k {
			n++
		}
	}
	return n
}

func TestImport_RealLists(t *testing.T) {
	tests := []struct {
		file          string
		version       string
		persons, orgs int
	}{
		{"consolidated-2026-02-27.xml", "2026-02-27", 730, 273},
		{"consolidated-2018-10-29.xml", "2018-10-29", 703, 390},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := shareddata.Path(t, "un", tt.file)
			got, warns, v, err := collect(t, path, readFile(t, path))
			if err != nil {
				t.Fatal(err)
			}
			if v != tt.version {
				t.Errorf("version = %q, want %q", v, tt.version)
			}
			if n := count(got, athar.KindPerson); n != tt.persons {
				t.Errorf("individuals = %d, want %d", n, tt.persons)
			}
			if n := count(got, athar.KindOrganization); n != tt.orgs {
				t.Errorf("entities = %d, want %d", n, tt.orgs)
			}
			// The real files are clean enough that warnings stay few;
			// a jump means the importer misreads something.
			if len(warns) > 40 {
				t.Errorf("%d warnings, want at most 40; first: %v", len(warns), warns[0])
			}
			for id, p := range got {
				if p.PrimaryName() == "" {
					t.Errorf("%s has no name", id)
				}
				if p.Provenance.SourceID != id || p.Provenance.Version != tt.version {
					t.Errorf("%s provenance = %+v", id, p.Provenance)
				}
				for _, n := range p.Names {
					if strings.ContainsAny(n.Full, "();") || strings.Contains(n.Full, "  ") {
						// Entity primaries keep the list's form with
						// acronyms; person names must be clean.
						if p.Kind == athar.KindPerson {
							t.Errorf("%s: name %q still holds brackets or separators", id, n.Full)
						}
					}
				}
			}
		})
	}
}

func TestImport_QDi299(t *testing.T) {
	path := shareddata.Path(t, "un", "consolidated-2026-02-27.xml")
	got, _, _, err := collect(t, path, readFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	p := got["QDi.299"]
	if p == nil {
		t.Fatal("QDi.299 missing")
	}
	weak := names(p, athar.NameWeak)
	for _, want := range []string{
		"Abu Bakr al-Baghdadi",
		"أبو بكر البغدادي الحسيني القريشي",
		"Abu Bakr al-Baghdadi al-Husayni al-Quraishi",
		"أبو دعاء", "Abu Du’a", "Abu Duaa’",
	} {
		if !slices.Contains(weak, want) {
			t.Errorf("weak aliases %q lack %q", weak, want)
		}
	}
	if orig := names(p, athar.NameOriginal); !slices.Equal(orig, []string{"إبراهيم عواد إبراهيم علي البدري السامرائي"}) {
		t.Errorf("original-script names = %q", orig)
	}
	for _, n := range p.Names {
		if n.Full == "إبراهيم عواد إبراهيم علي البدري السامرائي" && n.Script != athar.ScriptArabic {
			t.Errorf("original-script name has script %q, want Arab", n.Script)
		}
	}
	// Names hidden in the Good alias's note.
	if !slices.Contains(names(p, athar.NameAlias), "Ibrahim ‘Awad Ibrahim al-Samarra’i") {
		t.Errorf("aliases %q lack the names in the alias note", names(p, athar.NameAlias))
	}
	if len(p.BirthDates) == 0 || p.BirthDates[0].Date.Year != 1971 {
		t.Errorf("birth dates = %+v, want 1971", p.BirthDates)
	}
	if !slices.Equal(p.Nationalities, []string{"IQ"}) {
		t.Errorf("nationalities = %q, want [IQ]", p.Nationalities)
	}
	want := athar.ListEntry{List: "UN ISIL (Da'esh) & Al-Qaida", Reference: "QDi.299", ListedOn: "2011-10-05", Program: "Al-Qaida"}
	if len(p.Lists) != 1 || p.Lists[0] != want {
		t.Errorf("lists = %+v, want %+v", p.Lists, want)
	}
	if p.Status != athar.StatusDeceased {
		t.Errorf("status = %q, want deceased (\"Killed in October 2019\")", p.Status)
	}
	if p.Names[0].Parts == nil || p.Names[0].Parts.Given != "IBRAHIM" {
		t.Errorf("primary name parts = %+v", p.Names[0].Parts)
	}
}

func TestImport_Fixture(t *testing.T) {
	got, warns, v, err := collect(t, "small.xml", readFile(t, "testdata/small.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if v != "2025-01-15" {
		t.Errorf("version = %q", v)
	}
	p := got["QDi.901"]
	if p == nil {
		t.Fatalf("QDi.901 missing; got %v", got)
	}
	if p.PrimaryName() != "AHMAD KHALIL HASSAN AL-TIKRITI" {
		t.Errorf("primary = %q", p.PrimaryName())
	}
	wantParts := athar.NameParts{Given: "AHMAD", Father: "KHALIL", Grandfather: "HASSAN", Family: "AL-TIKRITI"}
	if pp := p.Names[0].Parts; pp == nil || pp.Given != wantParts.Given || pp.Father != wantParts.Father || pp.Grandfather != wantParts.Grandfather || pp.Family != wantParts.Family {
		t.Errorf("parts = %+v, want %+v", p.Names[0].Parts, wantParts)
	}
	if got, want := names(p, athar.NameAlias), []string{"Ahmed Khalil al-Tikriti", "Ahmad Khaleel al-Takriti", "TIKRITI, Ahmad Khalil", "Ahmad Khalil TIKRITI", "Khalil Hassan", "خليل حسن"}; !slices.Equal(got, want) {
		t.Errorf("aliases = %q, want %q", got, want)
	}
	if got, want := names(p, athar.NameWeak), []string{"أبو عمر العراقي", "Abu Umar al-Iraqi", "Abu Omar", "أبو حفص", "Abu Hafs", "Abu Hafss"}; !slices.Equal(got, want) {
		t.Errorf("weak aliases = %q, want %q", got, want)
	}
	for _, n := range p.Names {
		want := athar.ScriptLatin
		if strings.ContainsAny(n.Full, "أبخ") {
			want = athar.ScriptArabic
		}
		if n.Script != want {
			t.Errorf("name %q script = %q, want %q", n.Full, n.Script, want)
		}
	}
	if p.Gender != athar.GenderMale {
		t.Errorf("gender = %q", p.Gender)
	}
	if !slices.Equal(p.Nationalities, []string{"IQ", "TR"}) {
		t.Errorf("nationalities = %q, want [IQ TR]", p.Nationalities)
	}
	var dates []string
	for _, d := range p.BirthDates {
		s := string(d.Qualifier) + ":" + d.Date.String()
		if d.Qualifier == athar.DateBetween {
			s += d.From.String() + ".." + d.To.String()
		}
		dates = append(dates, s)
	}
	wantDates := []string{"exact:1971", "approximate:1972", "between:1969..1973", "exact:1971-07-01", "approximate:1970", "exact:1970-02-03"}
	if !slices.Equal(dates, wantDates) {
		t.Errorf("birth dates = %q, want %q", dates, wantDates)
	}
	if len(p.BirthPlaces) != 2 || p.BirthPlaces[0].City != "Tikrit" || p.BirthPlaces[0].Country != "IQ" || p.BirthPlaces[1].Country != "SY" {
		t.Errorf("birth places = %+v", p.BirthPlaces)
	}
	if len(p.Documents) != 2 {
		t.Fatalf("documents = %+v", p.Documents)
	}
	if d := p.Documents[0]; d.Type != "passport" || d.Number != "A1234567" || d.Country != "IQ" || !d.Forged {
		t.Errorf("passport = %+v", d)
	}
	if d := p.Documents[1]; d.Type != "national_id" || d.Number != "00998877" || d.Forged {
		t.Errorf("national id = %+v", d)
	}
	if p.MotherName != "Fatima Salih" {
		t.Errorf("mother = %q", p.MotherName)
	}
	if p.Status != athar.StatusDeceased {
		t.Errorf("status = %q", p.Status)
	}
	if !slices.Equal(p.Titles, []string{"Sheikh"}) || !slices.Equal(p.Designations, []string{"Financier"}) {
		t.Errorf("titles %q designations %q", p.Titles, p.Designations)
	}
	if len(p.Addresses) != 1 || p.Addresses[0].Region != "Ninawa" || p.Addresses[0].Text != "Mosul, Ninawa, Iraq (previous)" {
		t.Errorf("addresses = %+v", p.Addresses)
	}
	extra := map[string]string{}
	for _, e := range p.Extra {
		extra[e.Key] = e.Value
	}
	if extra["HAIR_COLOUR"] != "black" || extra["nationality"] != "Atlantis" || extra["last_updated"] != "2019-05-05" {
		t.Errorf("extra = %v", extra)
	}
	var msgs []string
	for _, w := range warns {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"Atlantis", "HAIR_COLOUR"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	for _, w := range warns {
		if w.File != "small.xml" || w.Line == 0 || w.Record != "QDi.901" {
			t.Errorf("warning %+v lacks file, line or record", w)
		}
	}

	e := got["QDe.901"]
	if e == nil || e.Kind != athar.KindOrganization {
		t.Fatalf("QDe.901 = %+v", e)
	}
	if e.Status != athar.StatusUnknown {
		t.Errorf("entity status = %q: \"(deceased)\" names another record", e.Status)
	}
	if got, want := names(e, ""), []string{"AL-NUR CHARITY (ANC)", "AL-NUR CHARITY", "ANC", "جمعية النور الخيرية", "جمعية النور", "Al-Nur Society", "Nur Society", "Light Foundation"}; !slices.Equal(got, want) {
		t.Errorf("entity names = %q, want %q", got, want)
	}
	if e.Names[len(e.Names)-1].Kind != athar.NameFormer {
		t.Errorf("f.k.a. name kind = %q", e.Names[len(e.Names)-1].Kind)
	}
}

func TestImport_BadInput(t *testing.T) {
	good := readFile(t, "testdata/small.xml")
	tests := []struct {
		name string
		data string
		line int // 0: any
	}{
		{"truncated", string(good[:len(good)/2]), 0},
		{"truncated at a record end", string(good[:bytes.Index(good, []byte("</INDIVIDUAL>"))+len("</INDIVIDUAL>")]), 0},
		{"mismatched tag", strings.Replace(string(good), "</GENDER>", "</GENDR>", 1), 14},
		{"not xml", "ent_num,SDN_Name\n1,FOO\n", 0},
		{"csv with an entity", "36,\"A &B\",-0-\n", 0},
		{"empty", "", 0},
		{"wrong root", `<?xml version="1.0"?><sdnList></sdnList>`, 1},
		{"missing reference", `<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>X</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`, 1},
		{"duplicate reference", `<CONSOLIDATED_LIST><INDIVIDUALS>
<INDIVIDUAL><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL>
<INDIVIDUAL><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := collect(t, "bad.xml", []byte(tt.data))
			var pe *sources.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v (%T), want *sources.ParseError", err, err)
			}
			if pe.File != "bad.xml" {
				t.Errorf("file = %q", pe.File)
			}
			if tt.line != 0 && pe.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", pe.Line, tt.line, err)
			}
			if !strings.HasPrefix(err.Error(), "bad.xml") {
				t.Errorf("message %q does not start with the file name", err)
			}
		})
	}
}

// The UN publishes the list in UTF-8: a file in another encoding, by its
// bytes or by its declaration, stops the import at its file and line rather
// than store its names as garbage.
func TestImport_NotUTF8(t *testing.T) {
	good := string(readFile(t, "testdata/small.xml"))
	tests := []struct {
		name string
		data string
		line int
	}{
		{"Windows-1256 in a name", strings.Replace(good, "<FIRST_NAME>AHMAD</FIRST_NAME>", "<FIRST_NAME>\xc3\xcd\xe3\xcf</FIRST_NAME>", 1), 7},
		{"Latin-1 in an attribute", strings.Replace(good, `dateGenerated="2025-01-15T10:00:00.000Z"`, "dateGenerated=\"2025-01-15T10:00:00.000Z\" note=\"\xe9t\xe9\"", 1), 2},
		{"ISO-8859-1 declared", strings.Replace(good, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1), 1},
		{"windows-1252 declared", strings.Replace(good, `encoding="UTF-8"`, `encoding='windows-1252'`, 1), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.data == good {
				t.Fatal("the test's replacement did not apply")
			}
			got, _, _, err := collect(t, "bad.xml", []byte(tt.data))
			var pe *sources.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, sources.ErrNotUTF8) {
				t.Fatalf("err = %v (%T), want a ParseError wrapping ErrNotUTF8", err, err)
			}
			if pe.File != "bad.xml" || pe.Line != tt.line || !strings.Contains(err.Error(), "convert it to UTF-8") {
				t.Errorf("err = %v at %s:%d, want bad.xml:%d saying how to convert it", err, pe.File, pe.Line, tt.line)
			}
			if len(got) > 0 {
				t.Errorf("%d records reached the sink before the error", len(got))
			}
		})
	}
	// UTF-8, declared in any spelling, or ASCII, reads.
	for _, enc := range []string{`encoding="utf-8"`, `encoding="US-ASCII"`, `version="1.0"`} {
		data := strings.Replace(good, `encoding="UTF-8"`, enc, 1)
		if got, _, _, err := collect(t, "small.xml", []byte(data)); err != nil || len(got) == 0 {
			t.Errorf("%s: %d records, err = %v; want the list read", enc, len(got), err)
		}
	}
}

func TestImport_RealFileTruncated(t *testing.T) {
	path := shareddata.Path(t, "un", "consolidated-2026-02-27.xml")
	data := readFile(t, path)
	_, _, _, err := collect(t, path, data[:len(data)*2/3])
	var pe *sources.ParseError
	if !errors.As(err, &pe) || pe.Line == 0 {
		t.Fatalf("err = %v, want a ParseError with a line", err)
	}
}

func TestImport_SinkErrorStops(t *testing.T) {
	stop := errors.New("disk full")
	n := 0
	_, err := NewImporter().Import(context.Background(), []sources.Input{{Name: "small.xml", R: bytes.NewReader(readFile(t, "testdata/small.xml"))}}, sources.Sink{
		Put: func(context.Context, *athar.Person) error { n++; return stop },
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err = %v after %d puts, want the sink's error after 1", err, n)
	}
}

func TestImport_Canceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := NewImporter().Import(ctx, []sources.Input{{Name: "small.xml", R: bytes.NewReader(readFile(t, "testdata/small.xml"))}}, sources.Sink{
		Put: func(context.Context, *athar.Person) error { t.Error("put after cancel"); return nil },
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func FuzzImport(f *testing.F) {
	f.Add(readFile(f, "testdata/small.xml"))
	f.Add([]byte(`<CONSOLIDATED_LIST dateGenerated="x"><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>a</REFERENCE_NUMBER><INDIVIDUAL_ALIAS><ALIAS_NAME>a (b; (c)) d) e(</ALIAS_NAME><NOTE>In Arabic: ب (x; y)</NOTE></INDIVIDUAL_ALIAS><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1999</FROM_YEAR><TO_YEAR>1</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := NewImporter().Import(context.Background(), []sources.Input{{Name: "f.xml", R: bytes.NewReader(data)}}, sources.Sink{
			Put: func(_ context.Context, p *athar.Person) error {
				if p.ID == "" {
					t.Error("record without id")
				}
				return nil
			},
		})
		var pe *sources.ParseError
		if err != nil && !errors.As(err, &pe) {
			t.Errorf("err = %v (%T), want a ParseError", err, err)
		}
	})
}

func BenchmarkImport2026(b *testing.B) {
	path := shareddata.Path(b, "un", "consolidated-2026-02-27.xml")
	data := readFile(b, path)
	b.SetBytes(int64(len(data)))
	sink := sources.Sink{Put: func(context.Context, *athar.Person) error { return nil }}
	for b.Loop() {
		if _, err := NewImporter().Import(context.Background(), []sources.Input{{Name: path, R: bytes.NewReader(data)}}, sink); err != nil {
			b.Fatal(err)
		}
	}
}
