package ofac

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/internal/shareddata"
	"github.com/athar-org/athar/sources"
)

type result struct {
	byID    map[string]*athar.Person
	warns   []sources.Warning
	version string
}

func run(t testing.TB, in ...sources.Input) (result, error) {
	t.Helper()
	r := result{byID: map[string]*athar.Person{}}
	v, err := NewImporter().Import(context.Background(), in, sources.Sink{
		Put: func(_ context.Context, p *athar.Person) error {
			if r.byID[p.ID] != nil {
				t.Errorf("%s put twice", p.ID)
			}
			r.byID[p.ID] = p
			return nil
		},
		Warn: func(w sources.Warning) { r.warns = append(r.warns, w) },
	})
	r.version = v
	return r, err
}

func input(t testing.TB, name, path string) sources.Input {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sources.Input{Name: name, R: bytes.NewReader(b)}
}

func names(p *athar.Person) []string {
	var out []string
	for _, n := range p.Names {
		out = append(out, string(n.Kind)+":"+n.Full)
	}
	return out
}

func TestImport_Fixture(t *testing.T) {
	// The alt file comes second: files are told apart by their columns.
	res, err := run(t, input(t, "sdn-2024-05-03.csv", "testdata/sdn.csv"), input(t, "alt.csv", "testdata/alt.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if res.version != "2024-05-03" {
		t.Errorf("version = %q", res.version)
	}
	if len(res.byID) != 3 || res.byID["ofac-7003"] != nil {
		t.Errorf("records = %v, want 36, 7001, 7002 (the vessel skipped)", slices.Collect(func(yield func(string) bool) {
			for k := range res.byID {
				yield(k)
			}
		}))
	}
	p := res.byID["ofac-7001"]
	if p == nil || p.Kind != athar.KindPerson {
		t.Fatalf("ofac-7001 = %+v", p)
	}
	wantNames := []string{
		"primary:AL-TIKRITI, Ahmad Khalil Hassan",
		"alias:Ahmad Khalil Hassan AL-TIKRITI",
		"alias:AL-TAKRITI, Ahmad Khaleel",
		"alias:Ahmad Khaleel AL-TAKRITI",
		"former:HASSAN, Khalil",
		"former:Khalil HASSAN",
		"alias:ABU HAFS",
		"alias:ABU 'UMAR",
	}
	if got := names(p); !slices.Equal(got, wantNames) {
		t.Errorf("names =\n%q\nwant\n%q", got, wantNames)
	}
	var dates []string
	for _, d := range p.BirthDates {
		dates = append(dates, fmt.Sprintf("%s:%s%s..%s", d.Qualifier, d.Date, d.From, d.To))
	}
	wantDates := []string{"exact:1971..", "exact:1972-03-12..", "approximate:1969..", "between:1960..1962"}
	if !slices.Equal(dates, wantDates) {
		t.Errorf("birth dates = %q, want %q", dates, wantDates)
	}
	if len(p.BirthPlaces) != 1 || p.BirthPlaces[0] != (athar.Place{City: "Tikrit", Country: "IQ", Text: "Tikrit, Salah al-Din, Iraq"}) {
		t.Errorf("birth places = %+v", p.BirthPlaces)
	}
	if !slices.Equal(p.Nationalities, []string{"IQ", "SY", "TR"}) || p.Gender != athar.GenderMale {
		t.Errorf("nationalities %q gender %q", p.Nationalities, p.Gender)
	}
	wantDocs := []athar.Document{
		{Type: "passport", Number: "A1234567", Country: "IQ", Note: "issued 2010"},
		{Type: "national_id", Number: "00998877", Country: "IQ"},
		{Type: "tax_id", Number: "5555", Country: "IQ"},
	}
	if !slices.Equal(p.Documents, wantDocs) {
		t.Errorf("documents = %+v, want %+v", p.Documents, wantDocs)
	}
	wantLists := []athar.ListEntry{{List: "OFAC SDN", Reference: "7001", Program: "SDGT"}, {List: "OFAC SDN", Reference: "7001", Program: "IRAQ2"}}
	if !slices.Equal(p.Lists, wantLists) {
		t.Errorf("lists = %+v", p.Lists)
	}
	if !slices.Equal(p.Titles, []string{"Sheikh"}) || p.Provenance.SourceID != "7001" {
		t.Errorf("titles %q provenance %+v", p.Titles, p.Provenance)
	}
	wantExtra := []athar.ExtraField{{Key: "linked_to", Value: "AL-NUR CHARITY"}, {Key: "remark", Value: "Website www.example.org"}}
	if !slices.Equal(p.Extra, wantExtra) {
		t.Errorf("extra = %+v, want %+v", p.Extra, wantExtra)
	}

	o := res.byID["ofac-7002"]
	if o.Kind != athar.KindOrganization || !slices.Equal(names(o), []string{"primary:AL-NUR CHARITY", "alias:NUR SOCIETY", "former:LIGHT FOUNDATION"}) {
		t.Errorf("ofac-7002 = %v %q", o.Kind, names(o))
	}
	if o.Names[1].Note != "in Aleppo" {
		t.Errorf("alt remark = %q", o.Names[1].Note)
	}

	var msgs []string
	for _, w := range res.warns {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"skipped 1 vessels and 0 aircraft", "1 alternate names refer to 1 SDN entries absent", "9999", "Atlantis"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
}

func TestImport_RealFiles(t *testing.T) {
	sdn := shareddata.Path(t, "ofac", "sdn-2024-05-03.csv")
	alt := shareddata.Path(t, "ofac", "alt-2025-02.csv")
	res, err := run(t, input(t, sdn, sdn), input(t, alt, alt))
	if err != nil {
		t.Fatal(err)
	}
	persons, orgs := 0, 0
	for _, p := range res.byID {
		if p.Kind == athar.KindPerson {
			persons++
		} else {
			orgs++
		}
	}
	// 14,965 rows: 6,854 individuals, 6,884 entities, 851 vessels, 376 aircraft.
	if persons != 6854 || orgs != 6884 {
		t.Errorf("persons %d organisations %d, want 6854 and 6884", persons, orgs)
	}
	if len(res.warns) > 10 {
		t.Errorf("%d warnings, want few; first %v", len(res.warns), res.warns[0])
	}
	p := res.byID["ofac-12926"]
	if p == nil {
		t.Fatal("ofac-12926 (al-Baghdadi) missing")
	}
	got := names(p)
	for _, want := range []string{"alias:ABU BAKR AL-BAGHDADI", "alias:Dr. Ibrahim 'Awwad Ibrahim 'Ali AL-BADRI", "alias:AL-QURASHI, Abu Bakr al-Baghdadi al-Husseini"} {
		if !slices.Contains(got, want) {
			t.Errorf("names %q lack %q", got, want)
		}
	}
	if len(p.BirthDates) != 1 || p.BirthDates[0].Date.Year != 1971 || p.BirthPlaces[0].Country != "IQ" {
		t.Errorf("birth %+v %+v", p.BirthDates, p.BirthPlaces)
	}
}

func TestImport_BadInput(t *testing.T) {
	sdnRow := `1,"X, Y","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ` + "\n"
	tests := []struct {
		name string
		in   []string
		file string
		line int
		want string
	}{
		{"empty", []string{""}, "f0", 0, "empty"},
		{"wrong columns", []string{"a,b,c\n"}, "f0", 1, "neither an SDN file"},
		{"short row", []string{sdnRow + "2,\"Z\",-0-\n"}, "f0", 2, "3 fields"},
		{"bad quote", []string{sdnRow + "2,\"Z,-0- ,-0- \n"}, "f0", 2, "quote"},
		{"ent_num not a number", []string{sdnRow + `x2,"Z",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ` + "\n"}, "f0", 2, "not a number"},
		{"duplicate ent_num", []string{sdnRow + sdnRow}, "f0", 2, "twice"},
		{"no name", []string{`1,-0- ,"individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ` + "\n"}, "f0", 1, "no SDN_Name"},
		{"bad alt row", []string{sdnRow, "1,2,\"aka\",\"A\",-0- \n1,3\n"}, "f1", 2, "2 fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := namedInputs(tt.in)
			_, err := run(t, in...)
			var pe *sources.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v (%T), want a ParseError", err, err)
			}
			if pe.File != tt.file || pe.Line != tt.line || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v at %s:%d, want %s:%d mentioning %q", err, pe.File, pe.Line, tt.file, tt.line, tt.want)
			}
		})
	}
}

// OFAC's files are plain ASCII: a byte that is not UTF-8 is a copy saved in
// a legacy encoding, and stops the import at its file and line rather than
// store its names as garbage. UTF-8 text reads.
func TestImport_NotUTF8(t *testing.T) {
	row := func(ent, name, remarks string) string {
		return ent + `,"` + name + `","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"` + remarks + `"` + "\r\n"
	}
	good := row("1", "X, Y", "-0- ")
	tests := []struct {
		name string
		in   []string
		file string
		line int // 0: the import succeeds
	}{
		{"SDN name in Windows-1252", []string{good + row("2", "MU\xd1OZ, Jos\xe9", "-0- ")}, "f0", 2},
		{"SDN remarks in Windows-1252", []string{good + row("2", "Z", "POB M\xe9rida")}, "f0", 2},
		{"first row in Windows-1252", []string{row("2", "Jos\xe9", "-0- ")}, "f0", 1},
		{"alternate name in Windows-1252", []string{good, "1,2,\"aka\",\"Jos\xe9\",-0- \r\n"}, "f1", 1},
		{"alternate names first, in Windows-1252", []string{"1,2,\"aka\",\"A\",-0- \r\n1,3,\"aka\",\"\xc9\",-0- \r\n", good}, "f0", 2},
		{"UTF-8", []string{good + row("2", "MUÑOZ, José", "POB Mérida"), "2,3,\"aka\",\"Müller\",-0- \r\n"}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := namedInputs(tt.in)
			res, err := run(t, in...)
			if tt.line == 0 {
				if err != nil || res.byID["ofac-2"] == nil || !slices.Contains(names(res.byID["ofac-2"]), "alias:Müller") {
					t.Errorf("err = %v, records %v; want ofac-2 read with its alias", err, res.byID)
				}
				return
			}
			var pe *sources.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, sources.ErrNotUTF8) {
				t.Fatalf("err = %v (%T), want a ParseError wrapping ErrNotUTF8", err, err)
			}
			if pe.File != tt.file || pe.Line != tt.line || !strings.Contains(err.Error(), "convert it to UTF-8") {
				t.Errorf("err = %v at %s:%d, want %s:%d saying how to convert it", err, pe.File, pe.Line, tt.file, tt.line)
			}
			if len(res.byID) > 1 {
				t.Errorf("records after the bad row reached the sink: %v", slices.Collect(maps.Keys(res.byID)))
			}
		})
	}
}

func TestImport_OnlyAltFile(t *testing.T) {
	_, err := run(t, input(t, "alt.csv", "testdata/alt.csv"))
	if err == nil || !strings.Contains(err.Error(), "no SDN file") {
		t.Errorf("err = %v, want one saying there is no SDN file", err)
	}
}

func TestParseDOB(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"1971", "exact 1971", true},
		{"12 Mar 1971", "exact 1971-03-12", true},
		{"Mar 1971", "exact 1971-03", true},
		{"circa 1961", "approximate 1961", true},
		{"1960 to 1962", "between 1960..1962", true},
		{"01 Jan 1960 to 31 Dec 1962", "between 1960-01-01..1962-12-31", true},
		{"circa 1979-1982", "between 1979..1982", true},
		{"1962 to 1960", "", false},
		{"sometime", "", false},
		{"31 Feb 1971", "", false},
	}
	for _, tt := range tests {
		bd, ok := parseDOB(tt.in)
		got := string(bd.Qualifier) + " " + bd.Date.String()
		if bd.Qualifier == athar.DateBetween {
			got = string(bd.Qualifier) + " " + bd.From.String() + ".." + bd.To.String()
		}
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("parseDOB(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzImport(f *testing.F) {
	sdn, _ := os.ReadFile("testdata/sdn.csv")
	alt, _ := os.ReadFile("testdata/alt.csv")
	f.Add(sdn, alt)
	f.Add([]byte(`1,"A, B","individual","X",-0-,-0-,-0-,-0-,-0-,-0-,-0-,"DOB circa 1-2; POB ,; Passport (; a.k.a. '; alt. ; ;"`), []byte("1,1,nka,,\n"))
	f.Fuzz(func(t *testing.T, sdn, alt []byte) {
		_, err := NewImporter().Import(context.Background(), []sources.Input{{Name: "alt", R: bytes.NewReader(alt)}, {Name: "sdn", R: bytes.NewReader(sdn)}}, sources.Sink{
			Put: func(_ context.Context, p *athar.Person) error {
				if p.ID == "" || len(p.Names) == 0 {
					t.Errorf("record without id or name: %+v", p)
				}
				return nil
			},
		})
		var pe *sources.ParseError
		if err != nil && !errors.As(err, &pe) && !strings.Contains(err.Error(), "no SDN file") {
			t.Errorf("err = %v (%T), want a ParseError", err, err)
		}
	})
}

func BenchmarkImportSDN(b *testing.B) {
	sdnPath := shareddata.Path(b, "ofac", "sdn-2024-05-03.csv")
	altPath := shareddata.Path(b, "ofac", "alt-2025-02.csv")
	sdn, _ := os.ReadFile(sdnPath)
	alt, _ := os.ReadFile(altPath)
	sink := sources.Sink{Put: func(context.Context, *athar.Person) error { return nil }}
	b.SetBytes(int64(len(sdn) + len(alt)))
	for b.Loop() {
		in := []sources.Input{{Name: sdnPath, R: bytes.NewReader(sdn)}, {Name: altPath, R: bytes.NewReader(alt)}}
		if _, err := NewImporter().Import(context.Background(), in, sink); err != nil {
			b.Fatal(err)
		}
	}
}

// namedInputs makes inputs of the files' contents, named f0, f1, ... as
// the errors name them.
func namedInputs(files []string) []sources.Input {
	in := make([]sources.Input, len(files))
	for i, f := range files {
		in[i] = sources.Input{Name: fmt.Sprintf("f%d", i), R: strings.NewReader(f)}
	}
	return in
}
