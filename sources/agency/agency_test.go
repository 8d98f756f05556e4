package agency

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/sources"
)

type result struct {
	persons []*athar.Person
	byID    map[string]*athar.Person
	warns   []sources.Warning
}

func run(t testing.TB, im *Importer, name string, data []byte) (result, error) {
	t.Helper()
	r := result{byID: map[string]*athar.Person{}}
	v, err := im.Import(context.Background(), []sources.Input{{Name: name, R: bytes.NewReader(data)}}, sources.Sink{
		Put: func(_ context.Context, p *athar.Person) error {
			r.persons = append(r.persons, p)
			r.byID[p.ID] = p
			return nil
		},
		Warn: func(w sources.Warning) { r.warns = append(r.warns, w) },
	})
	if err == nil && v != "" {
		t.Errorf("version = %q, want empty", v)
	}
	return r, err
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func nameList(p *athar.Person) []string {
	var out []string
	for _, n := range p.Names {
		out = append(out, fmt.Sprintf("%s:%s:%s", n.Kind, n.Script, n.Full))
	}
	return out
}

// The same records as CSV and as JSON Lines give the same persons.
func TestImport_Fixtures(t *testing.T) {
	csvRes, err := run(t, NewCSVImporter(), "registry.csv", readFile(t, "testdata/registry.csv"))
	if err != nil {
		t.Fatal(err)
	}
	jsonRes, err := run(t, NewJSONLImporter(), "registry.jsonl", readFile(t, "testdata/registry.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range []result{csvRes, jsonRes} {
		if len(res.persons) != 4 {
			t.Fatalf("%d records, want 4", len(res.persons))
		}
		p := res.byID["W-2291"]
		wantNames := []string{
			"primary:Arab:خالد إبراهيم محمود الجبوري",
			"alias:Latn:Khalid Ibrahim Mahmoud al-Jubouri",
			"alias:Latn:Abu Hamza al-Mosuli",
			"alias:Arab:أبو حمزة الموصلي",
			"weak_alias:Arab:أبو حمزة",
		}
		if got := nameList(p); !slices.Equal(got, wantNames) {
			t.Errorf("names = %q, want %q", got, wantNames)
		}
		wantParts := athar.NameParts{Given: "خالد", Father: "إبراهيم", Grandfather: "محمود", Family: "الجبوري", Kunya: "أبو حمزة"}
		if pp := p.Names[0].Parts; pp == nil || fmt.Sprint(*pp) != fmt.Sprint(wantParts) {
			t.Errorf("parts = %+v, want %+v", pp, wantParts)
		}
		if p.MotherName != "فاطمة حسن" || p.Gender != athar.GenderMale || p.Status != athar.StatusWanted {
			t.Errorf("mother %q gender %q status %q", p.MotherName, p.Gender, p.Status)
		}
		if len(p.BirthDates) != 1 || p.BirthDates[0].Date.String() != "1984-03-12" {
			t.Errorf("birth dates = %+v", p.BirthDates)
		}
		if len(p.BirthPlaces) != 1 || p.BirthPlaces[0].Country != "IQ" || p.BirthPlaces[0].Text != "الموصل، العراق" {
			t.Errorf("birth places = %+v", p.BirthPlaces)
		}
		if !slices.Equal(p.Nationalities, []string{"IQ", "SY"}) {
			t.Errorf("nationalities = %q", p.Nationalities)
		}
		wantDoc := athar.Document{Type: "passport", Number: "A7731942", Country: "IQ"}
		if len(p.Documents) != 1 || p.Documents[0] != wantDoc {
			t.Errorf("documents = %+v, want %+v", p.Documents, wantDoc)
		}
		if len(p.Lists) != 1 || p.Lists[0] != (athar.ListEntry{List: "Interior Ministry wanted list", Reference: "W-2291"}) {
			t.Errorf("lists = %+v", p.Lists)
		}
		if p.Provenance.SourceID != "W-2291" || p.Remarks != "Seen in Raqqa, 2017" {
			t.Errorf("provenance %+v remarks %q", p.Provenance, p.Remarks)
		}

		m := res.byID["C-0007"]
		if m.PrimaryName() != "مريم عبد الله" || m.Names[0].Script != athar.ScriptArabic || m.Gender != athar.GenderFemale || m.Status != athar.StatusDetained {
			t.Errorf("C-0007 = %+v", m)
		}
		if m.BirthDates[0].Date.String() != "1990-05-12" || !slices.Equal(m.Nationalities, []string{"SY"}) {
			t.Errorf("C-0007 birth %v nationalities %q", m.BirthDates, m.Nationalities)
		}
		if len(m.Extra) != 1 || m.Extra[0] != (athar.ExtraField{Key: "camp_block", Value: "B-12"}) {
			t.Errorf("C-0007 extra = %+v", m.Extra)
		}

		o := res.byID["C-0008"]
		if o.Kind != athar.KindOrganization || !slices.Equal(nameList(o), []string{"primary:Latn:Al-Amal Exchange Office", "original_script:Arab:مكتب الأمل للصرافة"}) {
			t.Errorf("C-0008 = %v %q", o.Kind, nameList(o))
		}

		// C-0009 is full of oddities: each is a warning, and the text is kept.
		x := res.byID["C-0009"]
		if x.Gender != "" || len(x.BirthDates) != 0 || len(x.Nationalities) != 0 || x.Status != athar.StatusUnknown || len(x.Documents) != 0 {
			t.Errorf("C-0009 = %+v", x)
		}
		extra := map[string]string{}
		for _, e := range x.Extra {
			extra[e.Key] = e.Value
		}
		for k, v := range map[string]string{"gender": "x", "birth_date": "sometime in 1980", "nationality": "Atlantis", "status": "missing", "document": "national_id"} {
			if extra[k] != v {
				t.Errorf("C-0009 extra[%s] = %q, want %q", k, extra[k], v)
			}
		}
		var msgs []string
		for _, w := range res.warns {
			msgs = append(msgs, w.String())
		}
		all := strings.Join(msgs, "\n")
		for _, want := range []string{"camp_block", "gender", "sometime in 1980", "Atlantis", "missing", "without a number"} {
			if !strings.Contains(all, want) {
				t.Errorf("warnings lack %q:\n%s", want, all)
			}
		}
	}
	// Both formats give the same records, byte for byte in JSON.
	for _, id := range []string{"W-2291", "C-0007", "C-0008", "C-0009"} {
		a, _ := json.Marshal(csvRes.byID[id])
		b, _ := json.Marshal(jsonRes.byID[id])
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between CSV and JSONL:\n%s\n%s", id, a, b)
		}
	}
}

func TestImport_CSVErrors(t *testing.T) {
	tests := []struct {
		name, data string
		line       int
		want       string
	}{
		{"empty file", "", 1, "header"},
		{"no id column", "name,gender\nأحمد,m\n", 1, `"id" column`},
		{"duplicate column", "id,name,name\n1,a,b\n", 1, "twice"},
		{"too many fields", "id,name\n1,أحمد\n2,علي,extra\n", 3, "3 fields, but the header has 2 columns"},
		{"too few fields", "id,name\n1,أحمد\n2\n", 3, "1 fields, but the header has 2 columns"},
		{"bad quote", "id,name\n1,\"أحمد\n", 2, "quote"},
		{"stray quote", "id,name\n1,أح\"مد\n", 2, "quote"},
		{"missing id", "id,name\n1,أحمد\n ,علي\n", 3, "without an id"},
		{"duplicate id", "id,name\nA-1,أحمد\nA-1,علي\n", 3, "twice"},
		{"no name", "id,name,gender\nA-1,,m\n", 2, "no name"},
		// محمد علي in Windows-1256, as a spreadsheet exports it.
		{"not UTF-8", "id,name\nA-1,\xe3\xcd\xe3\xcf \xda\xe1\xed\n", 2, "not UTF-8"},
		{"header not UTF-8", "id,\xc7\xe1\xc7\xd3\xe3\nA-1,x\n", 1, "not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := run(t, NewCSVImporter(), "bad.csv", []byte(tt.data))
			checkParseError(t, err, "bad.csv", tt.line, tt.want)
		})
	}
}

func TestImport_JSONLErrors(t *testing.T) {
	tests := []struct {
		name, data string
		line       int
		want       string
	}{
		{"bad json", "{\"id\":\"1\",\"name\":\"أحمد\"}\n{\"id\":\"2\",\"name\":\n", 2, "bad JSON"},
		{"not an object", "[\"1\",\"أحمد\"]\n", 1, "not a JSON object"},
		{"missing id", "{\"name\":\"أحمد\"}\n", 1, "without an id"},
		{"duplicate id", "{\"id\":\"1\",\"name\":\"أحمد\"}\n\n{\"id\":\"1\",\"name\":\"علي\"}\n", 3, "twice"},
		{"wrong type", "{\"id\":\"1\",\"name\":{\"first\":\"x\"}}\n", 1, `key "name"`},
		{"names not strings", "{\"id\":\"1\",\"name\":\"x\",\"names\":[1,{}]}\n", 1, `key "names"`},
		{"documents not an array", "{\"id\":\"1\",\"name\":\"x\",\"documents\":\"A123\"}\n", 1, `key "documents"`},
		{"forged not a bool", "{\"id\":\"1\",\"name\":\"x\",\"documents\":[{\"number\":\"1\",\"forged\":\"maybe\"}]}\n", 1, "forged"},
		{"no name", "{\"id\":\"1\",\"gender\":\"m\"}\n", 1, "no name"},
		{"not UTF-8", "{\"id\":\"1\",\"name\":\"ok\"}\n{\"id\":\"2\",\"name\":\"\xe3\xcd\xe3\xcf\"}\n", 2, "not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := run(t, NewJSONLImporter(), "bad.jsonl", []byte(tt.data))
			checkParseError(t, err, "bad.jsonl", tt.line, tt.want)
		})
	}
}

func checkParseError(t *testing.T, err error, file string, line int, want string) {
	t.Helper()
	var pe *sources.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v (%T), want *sources.ParseError", err, err)
	}
	if pe.File != file || pe.Line != line {
		t.Errorf("error at %s:%d, want %s:%d (%v)", pe.File, pe.Line, file, line, err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not mention %q", err, want)
	}
}

func TestImport_JSONLNumbersAndDocuments(t *testing.T) {
	data := `{"id":12345678901234567890,"name":"علي حسين","birth_date":1971,"documents":[{"type":"national_id","number":98765432109876543210,"country":"SY","forged":true,"colour":"green"}]}` + "\n"
	res, err := run(t, NewJSONLImporter(), "n.jsonl", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	p := res.persons[0]
	if p.ID != "12345678901234567890" || p.BirthDates[0].Date.Year != 1971 {
		t.Errorf("id %q birth %+v", p.ID, p.BirthDates)
	}
	want := athar.Document{Type: "national_id", Number: "98765432109876543210", Country: "SY", Forged: true}
	if len(p.Documents) != 1 || p.Documents[0] != want {
		t.Errorf("documents = %+v, want %+v", p.Documents, want)
	}
	if len(res.warns) != 1 || !strings.Contains(res.warns[0].Message, "colour") {
		t.Errorf("warnings = %v, want one about the unknown document key", res.warns)
	}
}

// A Latin name with Arabic parts: the parts make the Arabic name, and
// belong to it.
func TestImport_PartsInAnotherScript(t *testing.T) {
	data := "id,name,given_name,father_name,family_name\nP-1,Omar Hamad al-Obeidi,عمر,حمد,العبيدي\nP-2,عمر حمد العبيدي,عمر,حمد,العبيدي\n"
	res, err := run(t, NewCSVImporter(), "p.csv", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	p := res.byID["P-1"]
	want := []string{"primary:Latn:Omar Hamad al-Obeidi", "original_script:Arab:عمر حمد العبيدي"}
	if got := nameList(p); !slices.Equal(got, want) {
		t.Fatalf("names = %q, want %q", got, want)
	}
	if p.Names[0].Parts != nil || p.Names[1].Parts == nil || p.Names[1].Parts.Father != "حمد" {
		t.Errorf("parts on %+v and %+v", p.Names[0].Parts, p.Names[1].Parts)
	}
	// Same script: one name, with the parts.
	q := res.byID["P-2"]
	if len(q.Names) != 1 || q.Names[0].Parts == nil || q.Names[0].Parts.Family != "العبيدي" {
		t.Errorf("P-2 names = %+v", q.Names)
	}
}

func TestImport_UnknownColumnWarnedOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name,camp\n")
	for i := range 100 {
		fmt.Fprintf(&b, "%d,محمد علي,C%d\n", i, i)
	}
	res, err := run(t, NewCSVImporter(), "c.csv", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.warns) != 1 {
		t.Errorf("%d warnings, want 1: %v", len(res.warns), res.warns)
	}
	if len(res.persons) != 100 || res.persons[99].Extra[0] != (athar.ExtraField{Key: "camp", Value: "C99"}) {
		t.Errorf("extra of the last row = %+v", res.persons[99].Extra)
	}
}

// Ids must be unique across all the files of one import.
func TestImport_DuplicateAcrossFiles(t *testing.T) {
	in := []sources.Input{
		{Name: "a.csv", R: strings.NewReader("id,name\nX-1,أحمد\n")},
		{Name: "b.csv", R: strings.NewReader("id,name\nX-2,علي\nX-1,حسن\n")},
	}
	_, err := NewCSVImporter().Import(context.Background(), in, sources.Sink{Put: func(context.Context, *athar.Person) error { return nil }})
	checkParseError(t, err, "b.csv", 3, "twice")
}

func FuzzCSV(f *testing.F) {
	f.Add(readFile(f, "testdata/registry.csv"))
	f.Add([]byte("id,name,names,nationality\n1,\"a\"\"b\",\"x;;y\",\"IQ;;\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzOne(t, NewCSVImporter(), data) })
}

func FuzzJSONL(f *testing.F) {
	f.Add(readFile(f, "testdata/registry.jsonl"))
	f.Add([]byte(`{"id":1,"names":"a;b","documents":[{"number":null}],"x":[1]}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzOne(t, NewJSONLImporter(), data) })
}

func fuzzOne(t *testing.T, im *Importer, data []byte) {
	_, err := im.Import(context.Background(), []sources.Input{{Name: "f", R: bytes.NewReader(data)}}, sources.Sink{
		Put: func(_ context.Context, p *athar.Person) error {
			if strings.TrimSpace(p.ID) == "" || len(p.Names) == 0 {
				t.Errorf("record without id or name: %+v", p)
			}
			return nil
		},
		Warn: func(sources.Warning) {},
	})
	var pe *sources.ParseError
	if err != nil && !errors.As(err, &pe) {
		t.Errorf("err = %v (%T), want a ParseError", err, err)
	}
}

// The fast and the general JSON paths read a clean line alike.
func FuzzJSONLPaths(f *testing.F) {
	for line := range strings.SplitSeq(string(readFile(f, "testdata/registry.jsonl")), "\n") {
		f.Add([]byte(line))
	}
	f.Add([]byte(`{"ID":7,"names":"a;b","nationality":["IQ",null],"documents":[{"forged":true,"number":12}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		b = bytes.TrimSpace(b)
		if len(b) == 0 || b[0] != '{' {
			return
		}
		var fast, slow fields
		if !decodeFast(b, &fast) {
			return
		}
		st := &state{file: "f", warned: map[string]bool{}}
		if err := st.decodeJSON(b, &slow, 1); err != nil {
			t.Fatalf("fast path read %q, general path says %v", b, err)
		}
		if fmt.Sprintf("%#v", fast) != fmt.Sprintf("%#v", slow) {
			t.Errorf("paths differ on %q:\nfast %#v\nslow %#v", b, fast, slow)
		}
	})
}
