package synth

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/athar-org/athar"
)

func generate(t testing.TB, f Format, seed uint64, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(context.Background(), &b, f, seed, n); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWrite_Deterministic(t *testing.T) {
	for _, f := range []Format{FormatJSONL, FormatCSV} {
		t.Run(string(f), func(t *testing.T) {
			a, b := generate(t, f, 42, 2000), generate(t, f, 42, 2000)
			if !bytes.Equal(a, b) {
				t.Fatal("same seed gave different output")
			}
			if c := generate(t, f, 43, 2000); bytes.Equal(a, c) {
				t.Fatal("seeds 42 and 43 gave the same output")
			}
			// The first persons of a larger registry are the smaller one.
			big := generate(t, f, 42, 3000)
			if !bytes.HasPrefix(big, a) {
				t.Fatal("registry of 2000 is not the start of the registry of 3000")
			}
		})
	}
}

func TestWrite_BadInput(t *testing.T) {
	for _, n := range []int{0, -1, MaxPeople + 1} {
		if err := Write(context.Background(), io.Discard, FormatJSONL, 1, n); err == nil {
			t.Errorf("Write(n=%d): no error", n)
		}
	}
	if err := Write(context.Background(), io.Discard, "xml", 1, 1); err == nil {
		t.Error("Write(format xml): no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Write(ctx, io.Discard, FormatJSONL, 1, 10); err == nil {
		t.Error("Write with a cancelled context: no error")
	}
}

var (
	reIQID     = regexp.MustCompile(`^[12][0-9]{11}$`)
	reSYID     = regexp.MustCompile(`^0[01][0-9][0-9]{8}$`)
	rePassport = regexp.MustCompile(`^[A-Z][0-9]{7}$`)
	reCountry  = regexp.MustCompile(`^[A-Z]{2}$`)
)

func TestGenerator_Distribution(t *testing.T) {
	const n = 50000
	data := generate(t, FormatJSONL, 7, n)
	male := map[string]int{}
	given := map[string]bool{}
	families := map[string]bool{}
	ids, docs := map[string]bool{}, map[string]bool{}
	var females, latin, placeholders, yearOnly, kunyas, withDocs int
	dec := json.NewDecoder(bytes.NewReader(data))
	for i := 0; ; i++ {
		var r Record
		if err := dec.Decode(&r); err == io.EOF {
			if i != n {
				t.Fatalf("got %d records, want %d", i, n)
			}
			break
		} else if err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		if r.ID == "" || r.Name == "" || r.GivenName == "" || r.FatherName == "" || r.GrandfatherName == "" ||
			r.Gender == "" || len(r.Nationality) == 0 || r.BirthPlace == "" {
			t.Fatalf("record %d misses a required field: %+v", i+1, r)
		}
		if ids[r.ID] {
			t.Fatalf("id %s twice", r.ID)
		}
		ids[r.ID] = true
		want := JoinName(athar.NameParts{Given: r.GivenName, Father: r.FatherName, Grandfather: r.GrandfatherName, Family: r.FamilyName})
		if r.Name != want {
			t.Fatalf("%s: name %q is not its parts %q", r.ID, r.Name, want)
		}
		switch r.Gender {
		case "f":
			females++
		case "m":
			male[foldArabic(r.GivenName)]++
		default:
			t.Fatalf("%s: gender %q", r.ID, r.Gender)
		}
		given[foldArabic(r.GivenName)] = true
		if r.Nationality[0] != "IQ" {
			for _, name := range []string{r.GivenName, r.FatherName, r.GrandfatherName} {
				if iraqiOnly[strings.Replace(name, "عبد", "عبد ", 1)] || iraqiOnly[name] {
					t.Fatalf("%s: %v national named %s, a name almost only Iraqi", r.ID, r.Nationality, name)
				}
			}
		}
		families[r.FamilyName] = true
		for _, c := range r.Nationality {
			if !reCountry.MatchString(c) {
				t.Fatalf("%s: nationality %q", r.ID, c)
			}
		}
		if r.BirthDate != "" {
			d, err := athar.ParsePartialDate(r.BirthDate)
			if err != nil || d.Year < ReferenceYear-90 || d.Year > ReferenceYear {
				t.Fatalf("%s: birth date %q: %v", r.ID, r.BirthDate, err)
			}
			if strings.HasSuffix(r.BirthDate, "-01-01") || strings.HasSuffix(r.BirthDate, "-07-01") {
				placeholders++
			}
			if len(r.BirthDate) == 4 {
				yearOnly++
			}
		}
		if len(r.Documents) > 0 {
			withDocs++
		}
		for _, d := range r.Documents {
			if docs[d.Number] {
				t.Fatalf("%s: document number %s twice", r.ID, d.Number)
			}
			docs[d.Number] = true
			var ok bool
			switch {
			case d.Type == "passport":
				ok = rePassport.MatchString(d.Number)
			case d.Country == "IQ":
				ok = reIQID.MatchString(d.Number)
			case d.Country == "SY":
				ok = reSYID.MatchString(d.Number)
			}
			if !ok {
				t.Fatalf("%s: bad %s %s number %q", r.ID, d.Country, d.Type, d.Number)
			}
		}
		if r.NameLatin != "" {
			latin++
		}
		if r.Kunya != "" {
			kunyas++
		}
	}

	// The most common man's name is محمد, in the share registries show.
	top, topN := "", 0
	for k, v := range male {
		if v > topN || v == topN && k < top {
			top, topN = k, v
		}
	}
	males := n - females
	if top != "محمد" {
		t.Errorf("most common male given name %q, want محمد", top)
	}
	if share := float64(topN) / float64(males); share < 0.04 || share > 0.12 {
		t.Errorf("محمد is %.3f of men, want 0.04-0.12", share)
	}
	// Zipf: a long tail of names each held by few people.
	rare := 0
	for _, v := range male {
		if v < males/1000 {
			rare++
		}
	}
	share := func(k int) float64 { return float64(k) / n }
	checks := []struct {
		what   string
		got    float64
		lo, hi float64
	}{
		{"distinct given names", float64(len(given)), 300, 1000},
		{"distinct families", float64(len(families)), 150, 400},
		{"rare male names (under 0.1%)", float64(rare), 40, 400},
		{"share of women", share(females), 0.46, 0.52},
		{"share with a Latin name", share(latin), 0.30, 0.40},
		{"share of placeholder dates", share(placeholders), 0.15, 0.28},
		{"share of year-only dates", share(yearOnly), 0.15, 0.25},
		{"share with a kunya", share(kunyas), 0.02, 0.08},
		{"share with a document", share(withDocs), 0.85, 0.99},
	}
	for _, c := range checks {
		if c.got < c.lo || c.got > c.hi {
			t.Errorf("%s = %.3f, want %.3f-%.3f", c.what, c.got, c.lo, c.hi)
		}
	}
}

func TestWrite_CSV(t *testing.T) {
	const n = 500
	rows, err := csv.NewReader(bytes.NewReader(generate(t, FormatCSV, 3, n))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n+1 {
		t.Fatalf("got %d rows, want %d and a header", len(rows), n)
	}
	if got, want := strings.Join(rows[0], ","), strings.Join(CSVHeader, ","); got != want {
		t.Fatalf("header %q, want %q", got, want)
	}
	// The header names only columns of the agency format.
	agency := "id kind name names name_ar name_latin given_name father_name grandfather_name family_name kunya mother_name gender birth_date birth_place nationality document_type document_number document_country status list list_reference remarks"
	for _, c := range rows[0] {
		if !strings.Contains(" "+agency+" ", " "+c+" ") {
			t.Errorf("column %q is not in the agency format", c)
		}
	}
	// CSV and JSON Lines hold the same persons.
	dec := json.NewDecoder(bytes.NewReader(generate(t, FormatJSONL, 3, n)))
	for i, row := range rows[1:] {
		var r Record
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		if row[0] != r.ID || row[1] != r.Name || row[2] != r.NameLatin || row[12] != strings.Join(r.Nationality, ";") {
			t.Fatalf("row %d %q differs from record %+v", i+1, row, r)
		}
	}
}

func TestRomanize(t *testing.T) {
	const name = "محمد حسين عبد الرحمن الجبوري"
	tests := []struct {
		h    Habit
		want string
	}{
		{HabitEnglish, "Muhammad Husayn Abd al-Rahman al-Juburi"},
		{HabitPopular, "Mohammed Hussein Abdul Rahman Al-Jubouri"},
		{HabitFrench, "Mohamed Houssein Abdelrahman El-Djoubouri"},
		{HabitIraqi, "Mohammed Hussain Abdulrahman Aljuboori"},
		{HabitLevantine, "Mohammad Hussein Abdel Rahman Al Jbouri"},
		{HabitAcademic, "Muḥammad Ḥusayn ʿAbd al-Raḥmān al-Jubūrī"},
	}
	for _, tt := range tests {
		t.Run(tt.h.String(), func(t *testing.T) {
			if got := Romanize(name, tt.h); got != tt.want {
				t.Errorf("Romanize(%s) = %q, want %q", name, got, tt.want)
			}
		})
	}
	more := []struct {
		ar   string
		h    Habit
		want string
	}{
		{"عبدالله قاسم", HabitIraqi, "Abdulla Gasim"},   // joined عبد, g for ق
		{"ابراهيم عواد", HabitEnglish, "Ibrahim Awwad"}, // no hamza still found
		{"سعد جعفر", HabitPopular, "Saad Jaafar"},       // ʿayn after a
		{"منذر هيثم", HabitLevantine, "Monzir Haisam"},  // z for ذ, s for ث
		{"أبو بكر البغدادي", HabitEnglish, "Abu Bakr al-Baghdadi"},
		{"الجبوري", HabitEnglish, "Al-Juburi"},                // article capital at the start
		{"Ali محمد", HabitPopular, "Ali Mohammed"},            // Latin passes through
		{"فاطمة الزهراء", HabitAcademic, "Fāṭimah al-Zahrāʾ"}, // known single words
	}
	for _, tt := range more {
		if got := Romanize(tt.ar, tt.h); got != tt.want {
			t.Errorf("Romanize(%s, %s) = %q, want %q", tt.ar, tt.h, got, tt.want)
		}
	}
}

func TestRomanize_UnknownWords(t *testing.T) {
	// Words in no table get a guessed vocalisation: Latin letters only,
	// one word for one word, and the consonants in order.
	tests := []struct{ ar, want string }{
		{"مطشر", "Matshar"},
		{"جبر", "Jabr"},
		{"الكرعاوي", "al-Kar'awi"},
		{"عكاب", "Akab"},
		{"جابر", "Jabir"},                    // the active participle after a long a
		{"الاسلامية", "al-Aslamiyya"},        // the feminine nisba
		{"امیر خان متقی", "Amir Khan Matqi"}, // Persian ی read as ي
		{"عبدالحی", "Abd al-Hi"},             // عبد joined to an unknown word
	}
	for _, tt := range tests {
		if got := Romanize(tt.ar, HabitEnglish); !strings.EqualFold(got, tt.want) {
			t.Errorf("Romanize(%s) = %q, want %q", tt.ar, got, tt.want)
		}
	}
}

// editDistance is the optimal string alignment distance over runes.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			c := 1
			if x[i-1] == y[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

func TestTypo(t *testing.T) {
	r := newRand(1)
	for _, name := range []string{"محمد علي حسين الجبوري", "Mohammed Ali Hussein Al-Jubouri", "IBRAHIM AWWAD AL-BADRI", "Ḥusayn", "زيد"} {
		for range 300 {
			got, ok := Typo(r, name)
			if !ok {
				t.Fatalf("Typo(%q) found no typo", name)
			}
			if d := editDistance(name, got); d != 1 {
				t.Fatalf("Typo(%q) = %q, %d edits, want 1", name, got, d)
			}
			if len(strings.Fields(got)) != len(strings.Fields(name)) {
				t.Fatalf("Typo(%q) = %q changed the words", name, got)
			}
			if name == strings.ToUpper(name) && got != strings.ToUpper(got) {
				t.Fatalf("Typo(%q) = %q: lower case in a name in capitals", name, got)
			}
		}
	}
	if _, ok := Typo(r, "Al"); ok {
		t.Error("Typo of a two-letter name reported a typo")
	}
}

func TestDropArticle(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"محمد علي الجبوري", "محمد علي جبوري", true},
		{"Mohammed Ali al-Jubouri", "Mohammed Ali Jubouri", true},
		{"Mohammed Ali Al Jbouri", "Mohammed Ali Jbouri", true},
		{"Mohammed Ali ash-Shammari", "Mohammed Ali Shammari", true},
		{"Mohammed Ali AlJubouri", "Mohammed Ali Jubouri", true},
		{"Mohamed Ali El-Djoubouri", "Mohamed Ali Djoubouri", true},
		{"محمد علي حسين", "محمد علي حسين", false},
		{"حسن عبد الله", "حسن عبد الله", false}, // الله is no article to drop
		{"Ali Alwan", "Ali Alwan", false},
	}
	for _, tt := range tests {
		got, ok := DropArticle(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("DropArticle(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestShortenReorder(t *testing.T) {
	tests := []struct {
		in, short, reordered string
	}{
		{"عبد الرحمن محمد عبد الله الجبوري", "عبد الرحمن الجبوري", "الجبوري، عبد الرحمن محمد عبد الله"},
		{"Abd al-Rahman Muhammad al-Juburi", "Abd al-Rahman al-Juburi", "AL-JUBURI, Abd al-Rahman Muhammad"},
		{"Ibrahim Awad Ibrahim Al Badri", "Ibrahim Al Badri", "AL BADRI, Ibrahim Awad Ibrahim"},
		{"Nur al-Din Zangi", "", "ZANGI, Nur al-Din"},
	}
	for _, tt := range tests {
		got, ok := Shorten(tt.in)
		if tt.short == "" {
			if ok {
				t.Errorf("Shorten(%q) = %q, want no short form", tt.in, got)
			}
		} else if got != tt.short || !ok {
			t.Errorf("Shorten(%q) = %q, %v; want %q", tt.in, got, ok, tt.short)
		}
		if got, ok := Reorder(tt.in); got != tt.reordered || !ok {
			t.Errorf("Reorder(%q) = %q, %v; want %q", tt.in, got, ok, tt.reordered)
		}
	}
	if _, ok := Reorder("محمد"); ok {
		t.Error("Reorder of one word reported a reordering")
	}
}

func TestTransliterate(t *testing.T) {
	if _, ok := Transliterate("Mohammed Ali", HabitEnglish); ok {
		t.Error("Transliterate of a Latin name reported a transliteration")
	}
	got, ok := Transliterate("إبراهيم عواد إبراهيم البدري", HabitPopular)
	if !ok || got != "Ibrahim Awwad Ibrahim Al-Badri" {
		t.Errorf("Transliterate = %q, %v", got, ok)
	}
}

func TestBrother(t *testing.T) {
	r := newRand(5)
	t.Run("arabic", func(t *testing.T) {
		p := athar.NameParts{Given: "إبراهيم", Father: "عواد", Grandfather: "إبراهيم", Family: "البدري"}
		for range 200 {
			b, y := Brother(r, p, athar.GenderMale, 1971)
			if b.Father != p.Father || b.Grandfather != p.Grandfather || b.Family != p.Family {
				t.Fatalf("brother %+v has another nasab than %+v", b, p)
			}
			if foldArabic(b.Given) == foldArabic(p.Given) || b.Given == p.Father || b.Given == "" {
				t.Fatalf("brother's given name %q", b.Given)
			}
			if !loadTables().maleSet[foldArabic(b.Given)] {
				t.Fatalf("brother's given name %q is not a man's name", b.Given)
			}
			if d := y - 1971; d == 0 || d < -5 || d > 5 {
				t.Fatalf("brother born %d", y)
			}
		}
	})
	t.Run("sister", func(t *testing.T) {
		p := athar.NameParts{Given: "فاطمة", Father: "علي", Grandfather: "حسن", Family: "الشمري"}
		for range 100 {
			b, _ := Brother(r, p, athar.GenderFemale, 0)
			if !loadTables().femaleSet[foldArabic(b.Given)] || foldArabic(b.Given) == foldArabic(p.Given) {
				t.Fatalf("sister's given name %q", b.Given)
			}
		}
		if _, y := Brother(r, p, athar.GenderFemale, 0); y != 0 {
			t.Fatalf("unknown birth year became %d", y)
		}
	})
	t.Run("latin", func(t *testing.T) {
		p := athar.NameParts{Given: "Mohammed", Father: "Ali", Family: "Al-Jubouri"}
		for range 200 {
			b, _ := Brother(r, p, "", 1980)
			if isArabicWord(b.Given) || strings.EqualFold(b.Given, "Mohammed") || strings.EqualFold(b.Given, "Muhammad") || b.Given == "" {
				t.Fatalf("Latin brother's given name %q", b.Given)
			}
		}
	})
}

func TestBrotherName(t *testing.T) {
	r := newRand(8)
	tests := []struct {
		name, keep string
		gender     athar.Gender
	}{
		{"إبراهيم عواد إبراهيم البدري", " عواد إبراهيم البدري", athar.GenderMale},
		{"IBRAHIM AWWAD IBRAHIM AL-BADRI", " AWWAD IBRAHIM AL-BADRI", ""},
		{"Abd al-Rahman Muhammad al-Juburi", " Muhammad al-Juburi", athar.GenderMale},
		{"فاطمة علي حسن", " علي حسن", athar.GenderFemale},
	}
	for _, tt := range tests {
		for range 50 {
			got, y, ok := BrotherName(r, tt.name, tt.gender, 1970)
			first, rest, _ := strings.Cut(got, tt.keep)
			if !ok || rest != "" || !strings.HasSuffix(got, tt.keep) || first == "" || got == tt.name || y == 1970 {
				t.Fatalf("BrotherName(%q) = %q, %d, %v", tt.name, got, y, ok)
			}
			if strings.HasPrefix(tt.name, "IBRAHIM") && first != strings.ToUpper(first) {
				t.Fatalf("BrotherName(%q) = %q: not in capitals like the list", tt.name, got)
			}
			if strings.HasPrefix(tt.name, "Abd") && strings.Contains(first, "Rahman") {
				t.Fatalf("BrotherName(%q) = %q kept part of the given name", tt.name, got)
			}
		}
	}
	if _, _, ok := BrotherName(r, "محمد", athar.GenderMale, 0); ok {
		t.Error("BrotherName of a one-word name reported a brother")
	}
}

func TestBrotherOf(t *testing.T) {
	g := New(11)
	r := newRand(2)
	for range 500 {
		rec := g.Next()
		b := BrotherOf(r, rec)
		if b.FatherName != rec.FatherName || b.FamilyName != rec.FamilyName || b.MotherName != rec.MotherName || b.Gender != rec.Gender {
			t.Fatalf("%+v is no sibling of %+v", b, rec)
		}
		if b.GivenName == rec.GivenName || !strings.HasPrefix(b.Name, b.GivenName+" ") || len(b.Documents) != 0 {
			t.Fatalf("sibling %+v of %+v", b, rec)
		}
		if rec.BirthDate != "" {
			if _, err := athar.ParsePartialDate(b.BirthDate); err != nil || len(b.BirthDate) != len(rec.BirthDate) || b.BirthYear() == rec.BirthYear() {
				t.Fatalf("sibling born %q, person %q: %v", b.BirthDate, rec.BirthDate, err)
			}
		}
		if (b.NameLatin == "") != (rec.NameLatin == "") {
			t.Fatalf("sibling Latin name %q, person %q", b.NameLatin, rec.NameLatin)
		}
	}
}

func TestPerm(t *testing.T) {
	for _, m := range []uint64{1, 7, 100, 1000, 4099} {
		p := newPerm(m, 99)
		seen := make([]bool, m)
		for i := range m {
			x := p.at(i)
			if x >= m || seen[x] {
				t.Fatalf("perm(%d) at %d = %d: not a bijection", m, i, x)
			}
			seen[x] = true
		}
	}
}

func FuzzVariants(f *testing.F) {
	for _, s := range []string{"محمد علي الجبوري", "Abd al-Rahman al-Juburi", "أبو بكر البغدادي", "", "ال", "Al-", "عبد", "ـةى"} {
		f.Add(s, uint64(1))
	}
	f.Fuzz(func(t *testing.T, name string, seed uint64) {
		r := newRand(seed)
		for _, h := range Habits {
			if out := Romanize(name, h); !isValidUTF8(out) && isValidUTF8(name) {
				t.Fatalf("Romanize(%q) = invalid %q", name, out)
			}
		}
		if out, ok := Typo(r, name); ok && out == name {
			t.Fatalf("Typo(%q) reported a typo but changed nothing", name)
		}
		for _, fn := range []func(string) (string, bool){DropArticle, Shorten, Reorder} {
			if out, ok := fn(name); ok && out == name {
				t.Fatalf("variant of %q reported a change but is the same", name)
			}
		}
	})
}

func BenchmarkNext(b *testing.B) {
	g := New(1)
	for b.Loop() {
		_ = g.Next()
	}
}

func BenchmarkWrite(b *testing.B) {
	for _, f := range []Format{FormatJSONL, FormatCSV} {
		b.Run(string(f), func(b *testing.B) {
			out, err := NewWriter(io.Discard, f)
			if err != nil {
				b.Fatal(err)
			}
			g := New(1)
			for b.Loop() {
				rec := g.Next()
				if err := out.Write(&rec); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "persons/s")
		})
	}
}

func BenchmarkRomanize(b *testing.B) {
	for b.Loop() {
		_ = Romanize("محمد حسين عبد الرحمن الجبوري", HabitPopular)
	}
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }

func isValidUTF8(s string) bool { return utf8.ValidString(s) }

func TestVariant(t *testing.T) {
	r := newRand(3)
	const name = "عبد الرحمن محمد عبد الله الجبوري"
	for _, k := range VariantKinds {
		got, ok := Variant(r, k, name)
		if !ok || got == name || got == "" {
			t.Errorf("Variant(%s) = %q, %v", k, got, ok)
		}
		if (k == VariantTranslit || k == VariantTranslitTypo) && isArabicWord(got) {
			t.Errorf("Variant(%s) = %q is still Arabic", k, got)
		}
	}
	if _, ok := Variant(r, "nonsense", name); ok {
		t.Error("unknown kind reported a variant")
	}
	if _, ok := Variant(r, VariantTranslit, "Ali Hasan"); ok {
		t.Error("transliteration of a Latin name reported a variant")
	}
}
