package sqlite_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/sources"
	"github.com/athar-org/athar/sources/agency"
	"github.com/athar-org/athar/store/sqlite"
)

var (
	givenAr  = []string{"محمد", "أحمد", "علي", "حسين", "عمر", "خالد", "إبراهيم", "يوسف", "عبد الله", "حسن"}
	givenLat = []string{"Muhammad", "Ahmad", "Ali", "Husayn", "Umar", "Khalid", "Ibrahim", "Yusuf", "Abdullah", "Hasan"}
	familyAr = []string{"الجبوري", "الدليمي", "العبيدي", "السامرائي", "الحلبي", "الشمري"}
	familyLt = []string{"al-Jubouri", "al-Dulaimi", "al-Obeidi", "al-Samarrai", "al-Halabi", "al-Shammari"}
)

// agencyPerson makes a record shaped like a camp registry's: Arabic name in
// parts, a Latin form, a kunya, a birth date, a document.
func agencyPerson(i int) *athar.Person {
	g, f, gf, fam := i%10, (i/10)%10, (i/100)%10, (i/1000)%6
	ar := givenAr[g] + " " + givenAr[f] + " " + givenAr[gf] + " " + familyAr[fam]
	lat := givenLat[g] + " " + givenLat[f] + " " + givenLat[gf] + " " + familyLt[fam]
	return &athar.Person{
		ID:   fmt.Sprintf("CAMP-%07d", i),
		Kind: athar.KindPerson,
		Names: []athar.Name{
			{Full: ar, Script: athar.ScriptArabic, Kind: athar.NamePrimary,
				Parts: &athar.NameParts{Given: givenAr[g], Father: givenAr[f], Grandfather: givenAr[gf], Family: familyAr[fam]}},
			{Full: lat, Script: athar.ScriptLatin, Kind: athar.NameAlias},
			{Full: "أبو " + givenAr[f], Script: athar.ScriptArabic, Kind: athar.NameWeak},
		},
		Gender:        athar.GenderMale,
		BirthDates:    []athar.BirthDate{{Qualifier: athar.DateExact, Date: athar.PartialDate{Year: 1960 + i%40, Month: 1 + i%12, Day: 1 + i%28}}},
		BirthPlaces:   []athar.Place{{Text: "الموصل"}},
		Nationalities: []string{"IQ"},
		MotherName:    "فاطمة",
		Documents:     []athar.Document{{Type: "national_id", Number: fmt.Sprintf("%09d", i*7919%1000000000), Country: "IQ"}},
		Lists:         []athar.ListEntry{{List: "Camp registry", Reference: fmt.Sprintf("R-%d", i)}},
		Status:        athar.StatusDetained,
		Provenance:    athar.Provenance{SourceID: fmt.Sprintf("CAMP-%07d", i)},
	}
}

// BenchmarkImport measures the store's side of an import: records per second
// through Put and Commit, into a registry that already holds the previous
// version (so the old rows are deleted too).
func BenchmarkImport(b *testing.B) {
	const n = 20000
	s := mustOpen(b)
	defer s.Close()
	recs := make([]*athar.Person, n)
	for i := range recs {
		recs[i] = agencyPerson(i)
	}
	b.ResetTimer()
	for b.Loop() {
		importRecords(b, s, recs)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}

func importRecords(tb testing.TB, s *sqlite.Store, recs []*athar.Person) {
	ctx := context.Background()
	imp, err := s.BeginImport(ctx, "camp")
	if err != nil {
		tb.Fatal(err)
	}
	defer imp.Rollback()
	for _, p := range recs {
		if err := imp.Put(ctx, p); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := imp.Commit(ctx, athar.Dataset{Name: "camp", Format: "csv"}); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkPersons measures streaming every record, as the screening index
// does at start-up.
func BenchmarkPersons(b *testing.B) {
	const n = 100000
	ctx := context.Background()
	s := mustOpen(b)
	defer s.Close()
	recs := make([]*athar.Person, n)
	for i := range recs {
		recs[i] = agencyPerson(i)
	}
	importRecords(b, s, recs)
	b.ResetTimer()
	for b.Loop() {
		count := 0
		for _, err := range s.Persons(ctx) {
			if err != nil {
				b.Fatal(err)
			}
			count++
		}
		if count != n {
			b.Fatalf("got %d records, want %d", count, n)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}

// registryCSV writes n rows of an agency's camp registry in the agency CSV
// format.
func registryCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("id,name,name_latin,given_name,father_name,grandfather_name,family_name,kunya,mother_name,gender,birth_date,birth_place,nationality,document_type,document_number,document_country,status,list,list_reference\n")
	for i := range n {
		g, f, gf, fam := i%10, (i/10)%10, (i/100)%10, (i/1000)%6
		fmt.Fprintf(&b, "CAMP-%07d,,%s %s %s %s,%s,%s,%s,%s,أبو %s,فاطمة,m,%d-%02d-%02d,الموصل,IQ,national_id,%09d,IQ,detained,Camp registry,R-%d\n",
			i, givenLat[g], givenLat[f], givenLat[gf], familyLt[fam], givenAr[g], givenAr[f], givenAr[gf], familyAr[fam], givenAr[f],
			1960+i%40, 1+i%12, 1+i%28, i*7919%1000000000, i)
	}
	return b.Bytes()
}

// BenchmarkImportCSV measures a whole agency CSV import: parsing, building
// the records, and replacing the dataset in the registry.
func BenchmarkImportCSV(b *testing.B) {
	const n = 50000
	data := registryCSV(n)
	ctx := context.Background()
	s := mustOpen(b)
	defer s.Close()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		imp, err := s.BeginImport(ctx, "camp")
		if err != nil {
			b.Fatal(err)
		}
		in := []sources.Input{{Name: "camp.csv", R: bytes.NewReader(data)}}
		if _, err := agency.NewCSVImporter().Import(ctx, in, sources.Sink{Put: imp.Put}); err != nil {
			b.Fatal(err)
		}
		ds, err := imp.Commit(ctx, athar.Dataset{Name: "camp", Format: "csv"})
		if err != nil {
			b.Fatal(err)
		}
		if ds.Persons != n {
			b.Fatalf("imported %d persons, want %d", ds.Persons, n)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}
