package geo

import (
	"bytes"
	"strings"
	"testing"
)

func TestDefaultLoads(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 20000 {
		t.Errorf("gazetteer has %d places, want at least 20000", g.Len())
	}
	tests := []struct {
		name    string
		id      string
		kind    Kind
		country string
	}{
		{"الموصل", "gn:99072", KindCity, "IQ"},
		{"سوريا", "iso:SY", KindCountry, "SY"},
		{"سورية", "iso:SY", KindCountry, "SY"},
		{"تركيا", "iso:TR", KindCountry, "TR"},
		{"مخيم الهول", "athar:al-hol-camp", KindPOI, "SY"},
		{"الباغوز", "athar:baghouz", KindVillage, "SY"},
		{"البادية السورية", "athar:syrian-badia", KindRegion, "SY"},
		{"الأنبار", "iso:IQ-AN", KindRegion, "IQ"},
		{"الانبار", "iso:IQ-AN", KindRegion, "IQ"},
		{"محافظة إدلب", "iso:SY-ID", KindRegion, "SY"},
		{"إدلب", "gn:169389", KindCity, "SY"},
		{"سيناء", "athar:sinai", KindRegion, "EG"},
		{"البوكمال", "gn:174448", KindCity, "SY"},
		{"Mosul", "gn:99072", KindCity, "IQ"},
	}
	for _, tt := range tests {
		ps := g.Lookup(tt.name)
		var found *Place
		for _, p := range ps {
			if p.ID == tt.id {
				found = p
			}
		}
		if found == nil {
			t.Errorf("Lookup(%q) = %v, want %s", tt.name, ids(ps), tt.id)
			continue
		}
		if found.Kind != tt.kind || found.Country != tt.country {
			t.Errorf("%s: kind %s country %s, want %s %s", tt.id, found.Kind, found.Country, tt.kind, tt.country)
		}
	}
}

func ids(ps []*Place) []string {
	var s []string
	for _, p := range ps {
		s = append(s, p.ID)
	}
	return s
}

// Regions stay regions: a hand-added region must not sit on a town of the
// same country (its centroid is its own).
func TestRegionsAreNotTowns(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < g.Len(); i++ {
		p := g.Place(i)
		if p.Kind != KindRegion || !strings.HasPrefix(p.ID, "athar:") {
			continue
		}
		for _, n := range append([]string{p.Arabic}, p.ArabicAlt...) {
			for _, q := range g.Lookup(n) {
				if q != p && q.Kind != KindRegion && q.Kind != KindCountry && q.Lat == p.Lat && q.Lon == p.Lon {
					t.Errorf("region %s is pinned to %s", p.ID, q.ID)
				}
			}
		}
	}
}

func TestParseLineErrors(t *testing.T) {
	bad := []string{
		"x",
		"gn:1\ttown\tSY\t1\t2\t\tA\t\t",
		"gn:1\tcity\tSY\t100\t2\t\tA\t\t",
		"gn:1\tcity\tSY\t1\tx\t\tA\t\t",
		"gn:1\tcity\tSY\t1\t2\t-5\tA\t\t",
		"\tcity\tSY\t1\t2\t\tA\t\t",
	}
	for _, s := range bad {
		if _, err := ParseLine(s); err == nil {
			t.Errorf("ParseLine(%q) accepted bad input", s)
		}
	}
	p := Place{ID: "athar:x", Kind: KindRegion, Name: "X", Arabic: "س", ArabicAlt: []string{"ص"}, Lat: 1.5, Lon: -2.25}
	q, err := ParseLine(FormatLine(p))
	if err != nil || q.Name != "X" || q.Arabic != "س" || len(q.ArabicAlt) != 1 || q.Lat != 1.5 || q.Lon != -2.25 {
		t.Errorf("round trip: %+v, %v", q, err)
	}
}

func TestLoadManualOverrides(t *testing.T) {
	man := "# c\ngn:1\tcity\tSY\t1\t2\t10\tA\t\tأ\ngn:1\tvillage\tSY\t3\t4\t\tB\t\tب\n"
	g, err := Load(nil, strings.NewReader(man))
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 1 || g.ByID("gn:1").Name != "B" || len(g.Lookup("أ")) != 0 {
		t.Errorf("override failed: %+v", g.ByID("gn:1"))
	}
	if _, err := Load(bytes.NewReader([]byte("not gzip")), nil); err == nil {
		t.Error("Load accepted bad gzip")
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"إدلب":             "ادلب",
		"الرَّقَّة":        "الرقه",
		"أم_الهيمان":       "ام الهيمان",
		"#الكويت":          "الكويت",
		"ديالى":            "ديالي",
		"٢٠١٧":             "2017",
		"  Mosul  ":        "mosul",
		"حفر الباطن\u200e": "حفر الباطن",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDistance(t *testing.T) {
	// Mosul to Baghdad is about 350 km.
	d := DistanceKm(36.34, 43.13, 33.34, 44.40)
	if d < 330 || d > 370 {
		t.Errorf("distance %f", d)
	}
}

// BenchmarkLoad is what Default does on first use: the target is under
// 200 ms.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := loadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSoundIndex is the one-off cost of the first LookupSound (the
// index of towns named only in Latin letters is built lazily).
func BenchmarkSoundIndex(b *testing.B) {
	for range b.N {
		b.StopTimer()
		g, err := Load(bytes.NewReader(generated), nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		g.LookupSound("زامبوانغا")
	}
}

func TestAddAliasesErrors(t *testing.T) {
	g, err := Load(nil, strings.NewReader("gn:1\tcity\tSY\t1\t2\t10\tA\t\tأ\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"gn:2\tب\n", "gn:1\n", "gn:1\tب\tB\tx\n"} {
		if err := g.AddAliases(strings.NewReader(bad)); err == nil {
			t.Errorf("AddAliases(%q) accepted bad input", bad)
		}
	}
	if err := g.AddAliases(strings.NewReader("gn:1\tب\tBee\n")); err != nil {
		t.Fatal(err)
	}
	if ps := g.Lookup("ب"); len(ps) != 1 || ps[0].Name != "Bee" || g.Lookup("A") == nil {
		t.Errorf("alias not added: %+v", ps)
	}
}

func FuzzParseLine(f *testing.F) {
	f.Add("gn:99072\tcity\tIQ\t36.3350\t43.1189\t1683000\tMosul\t\tالموصل")
	f.Add("athar:x\tregion\t\t1\t2\t\tX\ta;b\tس;ص")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseLine(s)
		if err != nil {
			return
		}
		q, err := ParseLine(FormatLine(p))
		if err != nil || q.ID != p.ID || q.Kind != p.Kind || q.Name != p.Name {
			t.Fatalf("round trip of %q: %+v, %v", s, q, err)
		}
	})
}

func TestSkeleton(t *testing.T) {
	pairs := []struct{ latin, arabic string }{
		{"Zamboanga", "زامبوانغا"},
		{"Marawi City", "مراوي"},
		{"Jolo", "جولو"},
		{"Qandala", "قندلا"},
		{"Lampedusa", "لامبيدوزا"},
		{"Butig", "بوتيغ"},
		{"Washington", "واشنطن"},
		{"Poso", "بوسو"},
		{"Al Harah", "الحارة"},
		{"Djibouti", "جيبوتي"},
		{"Sheffield", "شيفيلد"},
	}
	for _, p := range pairs {
		if a, b := Skeleton(p.latin), Skeleton(p.arabic); a != b || a == "" {
			t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q; want equal", p.latin, a, p.arabic, b)
		}
	}
	differ := []struct{ latin, arabic string }{
		{"Marawi", "مريوط"},
		{"Jolo", "جبل"},
		{"Butig", "بيروت"},
	}
	for _, p := range differ {
		if a, b := Skeleton(p.latin), Skeleton(p.arabic); a == b {
			t.Errorf("Skeleton(%q) = Skeleton(%q) = %q; want different", p.latin, p.arabic, a)
		}
	}
}

func TestLookupSound(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ arabic, country, name string }{
		{"زامبوانغا", "PH", "Zamboanga"},
		{"قندلا", "SO", "Qandala"},
		{"بوتيغ", "PH", "Butig"},
	}
	for _, tt := range tests {
		found := false
		for _, p := range g.LookupSound(tt.arabic) {
			found = found || (p.Country == tt.country && p.Name == tt.name)
			if p.Arabic != "" {
				t.Errorf("LookupSound(%q) gave %s, which has an Arabic name", tt.arabic, p.Name)
			}
		}
		if !found {
			t.Errorf("LookupSound(%q): %s (%s) not among the results", tt.arabic, tt.name, tt.country)
		}
	}
}

func FuzzSkeleton(f *testing.F) {
	for _, s := range []string{"Zamboanga", "زامبوانغا", "Al Harah", "ال", "x", "ng", "واشنطن"} {
		f.Add(s, "Marawi City")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		k := Skeleton(a)
		for i := 0; i < len(k); i++ {
			if !strings.ContainsRune("bftdsjklrmn-", rune(k[i])) {
				t.Fatalf("Skeleton(%q) = %q: unexpected byte %q", a, k, k[i])
			}
		}
		SoundAgrees(a, b)
	})
}
