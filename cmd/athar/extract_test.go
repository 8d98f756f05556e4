package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/athar-org/athar/internal/shareddata"
)

// TestExtractCmd_JSON runs athar extract on a development article and checks
// the fixed JSON interface: exactly the documented keys, and the claims a
// reader finds.
func TestExtractCmd_JSON(t *testing.T) {
	path := shareddata.Path(t, "articles", "foreign-fighters-told-to-flee.txt")
	out := mustAthar(t, "extract", "--json", "--document-date", "2018-08-10", path)
	var raw map[string][]map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	keys := func(m map[string]any) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	want := map[string][]string{
		"places":        {"country", "kind", "lat", "lon", "name", "text"},
		"dates":         {"end", "precision", "start", "text"},
		"people":        {"name", "registry_id", "score", "text"},
		"organizations": {"name", "text"},
		"claims":        {"attribution", "certainty", "date", "evidence", "place", "subject", "type"},
	}
	if len(raw) != len(want) {
		t.Errorf("top-level keys: %d, want %d", len(raw), len(want))
	}
	for k, ks := range want {
		items, ok := raw[k]
		if !ok || len(items) == 0 {
			t.Errorf("%s: missing or empty", k)
			continue
		}
		if got := keys(items[0]); !reflect.DeepEqual(got, ks) {
			t.Errorf("%s keys %v, want %v", k, got, ks)
		}
	}
	var claims []string
	for _, c := range raw["claims"] {
		p := c["place"].(map[string]any)
		if got := keys(p); !reflect.DeepEqual(got, []string{"country", "kind", "lat", "lon", "name"}) {
			t.Errorf("claim place keys %v", got)
		}
		claims = append(claims, c["type"].(string)+" "+p["country"].(string))
		if cert := c["certainty"].(float64); cert <= 0 || cert > 1 {
			t.Errorf("certainty %v", cert)
		}
	}
	for _, w := range []string{"arrested_in IQ", "fled_to LY", "fled_to EG", "fled_to YE"} {
		found := false
		for _, c := range claims {
			found = found || c == w
		}
		if !found {
			t.Errorf("no claim %q in %v", w, claims)
		}
	}
	// Experts who speak are people, never subjects.
	for _, c := range raw["claims"] {
		if s := c["subject"].(string); strings.Contains(s, "Fayli") || strings.Contains(s, "Raghif") {
			t.Errorf("a quoted expert became a subject: %v", c)
		}
	}
}

func TestExtractCmd_TextAndUsage(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.txt")
	os.WriteFile(f, []byte("وقال مسؤول أمني إن القيادي أبو محمد الشامي فر إلى تركيا في آذار/مارس 2019."), 0o644)
	out := mustAthar(t, "extract", f)
	for _, w := range []string{"Abu Muhammad al-Shami fled_to Türkiye", "2019-03-01..2019-03-31", "source: قال مسؤول أمني"} {
		if !strings.Contains(out, w) {
			t.Errorf("text output lacks %q:\n%s", w, out)
		}
	}
	if code, _, _ := runAthar(t, "extract", "--document-date", "1/2/2019", f); code != 2 {
		t.Errorf("bad date: exit %d, want 2", code)
	}
	if code, _, _ := runAthar(t, "extract"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte{0xff, 0xfe, 0x00}, 0o644)
	if code, _, errs := runAthar(t, "extract", bad); code == 0 || !strings.Contains(errs, "UTF-8") {
		t.Errorf("not UTF-8: exit %d, %s", code, errs)
	}
}

// TestIngestTrailDestinations stores three reports, one a copy of another
// under a second outlet, and checks that the copy counts once.
func TestIngestTrailDestinations(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "athar.db")
	write := func(name, text string) string { return writeFile(t, dir, name, []byte(text)) }
	a := write("a.txt", "وذكرت مصادر محلية أن القيادي أبو عبد الله المصري فر إلى مدينة سبها في كانون الثاني/يناير 2019.\n\nوقال مسؤول ليبي إن عناصر التنظيم انتقلوا إلى مرزق.")
	// The same report republished with light edits by another outlet.
	b := write("b.txt", "ذكرت مصادر محلية ان القيادي أبو عبد الله المصري فرّ إلى مدينة سبها في كانون الثاني/يناير 2019.\n\nوقال مسؤول ليبي إن عناصر التنظيم انتقلوا الى مرزق")
	c := write("c.txt", "أعلن الجيش الليبي أن القيادي أبو عبد الله المصري قتل في غارة قرب أوباري في آذار/مارس 2019، بعد أن كان قد فر إلى سبها.")
	mustAthar(t, "ingest", "--db", db, "--source", "Libya Observer", "--published", "2019-02-01", "--reliability", "B", a)
	mustAthar(t, "ingest", "--db", db, "--source", "Copy News", "--published", "2019-02-02", b)
	mustAthar(t, "ingest", "--db", db, "--source", "Army statement", "--published", "2019-03-20", "--reliability", "C", c)
	if out := mustAthar(t, "ingest", "--db", db, "--source", "Copy News", b); !strings.Contains(out, "already stored") {
		t.Errorf("re-ingest: %s", out)
	}

	var dests []struct {
		Place              string `json:"place"`
		Claims             int    `json:"claims"`
		IndependentSources int    `json:"independent_sources"`
	}
	out := mustAthar(t, "destinations", "--db", db, "--json")
	if err := json.Unmarshal([]byte(out), &dests); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := map[string][2]int{}
	for _, d := range dests {
		got[d.Place] = [2]int{d.Claims, d.IndependentSources}
	}
	if got["Sabhā"] != [2]int{3, 2} {
		t.Errorf("Sabha: claims and independent sources %v, want [3 2] (a copy counts once)\n%s", got["Sabhā"], out)
	}
	if got["Murzuq"] != [2]int{2, 1} {
		t.Errorf("Murzuq: %v, want [2 1]\n%s", got["Murzuq"], out)
	}

	// The person's trail, in time order, with sources.
	var trail []struct {
		ID        int64  `json:"id"`
		Type      string `json:"type"`
		PlaceName string `json:"place_name"`
		Source    string `json:"source"`
	}
	out = mustAthar(t, "trail", "--db", db, "--json", "Abu Abd Allah al-Masri")
	if err := json.Unmarshal([]byte(out), &trail); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var steps []string
	for _, s := range trail {
		steps = append(steps, s.Type+" "+s.PlaceName)
	}
	if len(steps) < 3 || steps[0] != "fled_to Sabhā" || steps[len(steps)-1] != "killed_in Ubari" {
		t.Errorf("trail %v", steps)
	}
	geo := mustAthar(t, "trail", "--db", db, "--geojson", "Abu Abd Allah al-Masri")
	if !strings.Contains(geo, `"LineString"`) || !strings.Contains(geo, `"FeatureCollection"`) {
		t.Errorf("geojson: %s", geo)
	}
	if out := mustAthar(t, "destinations", "--db", db, "--since", "2019-03-01"); strings.Contains(out, "Murzuq") || !strings.Contains(out, "Ubari") {
		t.Errorf("--since:\n%s", out)
	}
	if out := mustAthar(t, "destinations", "--db", db, "--group", "IS members"); !strings.Contains(out, "Murzuq") || strings.Contains(out, "Ubari") {
		t.Errorf("--group:\n%s", out)
	}

	// Grades.
	mustAthar(t, "grade", "--db", db, "--source", "Copy News", "--reliability", "E")
	mustAthar(t, "grade", "--db", db, "--claim", "1", "--credibility", "2")
	if code, _, _ := runAthar(t, "grade", "--db", db, "--claim", "1", "--credibility", "9"); code != 2 {
		t.Errorf("credibility 9: exit %d", code)
	}
	if code, _, _ := runAthar(t, "grade", "--db", db, "--source", "Nobody", "--reliability", "A"); code == 0 {
		t.Error("grading a missing source succeeded")
	}
	if code, _, _ := runAthar(t, "trail", "--db", db, "Nobody"); code == 0 {
		t.Error("trail of nobody succeeded")
	}
	if code, _, _ := runAthar(t, "ingest", "--db", db, a); code != 2 {
		t.Errorf("ingest without --source: exit %d", code)
	}
}

// athar extract refuses the files athar ingest refuses, with the same
// words and exit status 1, instead of printing empty results.
func TestExtractCmd_BadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string { return writeFile(t, dir, name, data) }
	tests := []struct {
		name string
		file string
		msg  string
	}{
		{"empty file", write("empty.txt", nil), "is empty or holds only white space"},
		{"white space and marks only", write("blank.txt", []byte(" \n\t\r\n\u200f\u00a0\u200c\n")), "is empty or holds only white space"},
		{"byte order mark only", write("bom.txt", []byte("\ufeff\n")), "is empty or holds only white space"},
		{"Windows-1256 Arabic", write("cp1256.txt", []byte("\xe3\xcd\xe3\xcf \xda\xe1\xed")), "is not UTF-8 text"},
		{"missing file", filepath.Join(dir, "missing.txt"), "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runAthar(t, "extract", "--json", tt.file)
			if code != 1 {
				t.Errorf("exit %d, want 1\nstdout: %s\nstderr: %s", code, out, errs)
			}
			if !strings.Contains(errs, tt.file) || !strings.Contains(errs, tt.msg) {
				t.Errorf("stderr %q should name %s and say %q", errs, tt.file, tt.msg)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
		})
	}
}
